#include "models/cleanup/CleanupRules.h"

#include "models/catalog/UsageSummary.h"

#include <algorithm>
#include <limits>
#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

constexpr qint64 MsPerDay = 24 * 60 * 60 * 1000;

const auto FailedOnlyKey = u"failedOnly"_s;
const auto NotUpdatedKey = u"notUpdatedForDays"_s;
const auto KeepNewestKey = u"keepNewestPerName"_s;
const auto SizeAboveKey = u"sizeAboveKb"_s;
const auto NamespacePatternKey = u"namespacePattern"_s;
const auto NamePatternKey = u"namePattern"_s;
const auto OnlyOwnKey = u"onlyOwn"_s;

// A comma-separated list of wildcard alternatives, compiled once per evaluation.
class PatternMatcher
{
public:
    explicit PatternMatcher(const QString &pattern)
    {
        const QStringList parts = pattern.split(u',', Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            const QString trimmed = part.trimmed();
            if (!trimmed.isEmpty()) {
                m_alternatives.append(QRegularExpression::fromWildcard(trimmed, Qt::CaseInsensitive));
                m_typed.append(trimmed);
            }
        }
    }

    bool isEmpty() const { return m_alternatives.isEmpty(); }

    bool matches(const QString &value) const
    {
        if (m_alternatives.isEmpty())
            return true;
        return std::any_of(m_alternatives.cbegin(), m_alternatives.cend(),
                           [&](const QRegularExpression &re) { return re.match(value).hasMatch(); });
    }

    // The alternative as the user typed it that matches `value`; empty when none does.
    QString matchingAlternative(const QString &value) const
    {
        for (qsizetype i = 0; i < m_alternatives.size(); ++i) {
            if (m_alternatives.at(i).match(value).hasMatch())
                return m_typed.at(i);
        }
        return {};
    }

private:
    QList<QRegularExpression> m_alternatives;
    QStringList m_typed;
};

QString nameKey(const Image &image)
{
    return image.nameSpace + u'/' + image.name;
}

// The time an image was last touched: its update time, or its creation time when the server sent none.
qint64 lastTouchedMs(const Image &image)
{
    return image.updateAtMs > 0 ? image.updateAtMs : image.createAtMs;
}

// Newest first; equal times by id so the order never depends on the input order.
bool newerFirst(const Image *a, const Image *b)
{
    if (a->createAtMs != b->createAtMs)
        return a->createAtMs > b->createAtMs;
    return a->id < b->id;
}

std::optional<int> readCount(const QVariantMap &map, const QString &key)
{
    const QVariant value = map.value(key);
    if (!value.isValid() || value.isNull())
        return std::nullopt;
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok)
        return std::nullopt;
    return qMax(0, number);
}

} // namespace

QList<Image> CleanupEvaluation::images() const
{
    QList<Image> result;
    result.reserve(matches.size());
    for (const CleanupMatch &match : matches)
        result.append(match.image);
    return result;
}

qint64 CleanupEvaluation::totalSizeKb() const
{
    qint64 total = 0;
    for (const CleanupMatch &match : matches)
        total += qMax<qint64>(0, match.image.sizeKb);
    return total;
}

bool CleanupRules::hasCriteria() const
{
    return failedOnly || notUpdatedForDays.has_value() || keepNewestPerName.has_value() ||
           sizeAboveKb.has_value() || !PatternMatcher(namespacePattern).isEmpty() ||
           !PatternMatcher(namePattern).isEmpty();
}

bool CleanupRules::isFailed(const Image &image)
{
    return image.status.compare("CREATE_FAILED"_L1, Qt::CaseInsensitive) == 0 ||
           image.status.compare("ERROR"_L1, Qt::CaseInsensitive) == 0;
}

bool CleanupRules::isProtected(const Image &image)
{
    return image.isBuiltIn() || image.isSettling() ||
           image.status.compare("DELETED"_L1, Qt::CaseInsensitive) == 0;
}

bool CleanupRules::patternMatches(const QString &pattern, const QString &value)
{
    return PatternMatcher(pattern).matches(value);
}

qint64 CleanupRules::reclaimableKb(const QList<Image> &images, bool force)
{
    if (!force)
        return 0;
    qint64 total = 0;
    for (const Image &image : images) {
        // force only reaches SWR for private images; a public image's content is always kept.
        if (image.isPrivate())
            total += qMax<qint64>(0, image.sizeKb);
    }
    return total;
}

namespace {

// Bytes strictly above a threshold in KiB, without overflowing on a huge threshold; unknown (-1) never is.
bool largerThanKib(qint64 bytes, qint64 kib)
{
    if (bytes < 0)
        return false;
    return kib > std::numeric_limits<qint64>::max() / 1024 ? false : bytes > kib * 1024;
}

} // namespace

CleanupEvaluation CleanupRules::evaluate(const QList<Image> &images, const QDateTime &now, bool force,
                                         const UsageSummary *usage, const SizeUnit::Inference &sizeUnit) const
{
    CleanupEvaluation result;
    if (!hasCriteria())
        return result;

    const qint64 nowMs = now.toMSecsSinceEpoch();
    const PatternMatcher namespaceMatcher(namespacePattern);
    const PatternMatcher nameMatcher(namePattern);

    // Rank the usable versions of every name, over all images: a version that another rule leaves out
    // still counts as one of the newest.
    QHash<QString, QList<const Image *>> usableByName;
    for (const Image &image : images) {
        if (!isProtected(image) && !isFailed(image))
            usableByName[nameKey(image)].append(&image);
    }
    QHash<const Image *, int> rankOf;
    for (auto it = usableByName.begin(); it != usableByName.end(); ++it) {
        QList<const Image *> &versions = it.value();
        std::sort(versions.begin(), versions.end(), newerFirst);
        for (int i = 0; i < versions.size(); ++i)
            rankOf.insert(versions.at(i), i + 1);
    }

    for (const Image &image : images) {
        if (isProtected(image))
            continue;
        if (onlyOwn && image.type.compare("DEDICATED"_L1, Qt::CaseInsensitive) != 0)
            continue;
        if (failedOnly && !isFailed(image))
            continue;

        const qint64 touchedMs = lastTouchedMs(image);
        const int idleDays = touchedMs > 0 ? int(qMax<qint64>(0, nowMs - touchedMs) / MsPerDay) : -1;
        if (notUpdatedForDays) {
            // An image without any date is never old enough: the rule cannot vouch for it.
            if (touchedMs <= 0 || nowMs - touchedMs < qint64(*notUpdatedForDays) * MsPerDay)
                continue;
        }

        const int rank = rankOf.value(&image, 0);
        if (keepNewestPerName && rank > 0 && rank <= *keepNewestPerName)
            continue;
        const qint64 imageBytes = sizeUnit.toBytes(image.sizeKb);
        if (sizeAboveKb && !largerThanKib(imageBytes, *sizeAboveKb))
            continue;
        if (!namespaceMatcher.matches(image.nameSpace) || !nameMatcher.matches(image.name))
            continue;
        if (usage) {
            const UsageState state = usage->stateOf(image);
            if (state == UsageState::InUse) {
                ++result.sparedInUse;
                continue;
            }
            if (state == UsageState::Unknown) {
                ++result.sparedUnknownUsage;
                continue;
            }
        }

        CleanupMatch match;
        match.image = image;
        match.rules.setFlag(CleanupRule::Failed, failedOnly);
        match.rules.setFlag(CleanupRule::NotUpdated, notUpdatedForDays.has_value());
        match.rules.setFlag(CleanupRule::KeepNewest, keepNewestPerName.has_value());
        match.rules.setFlag(CleanupRule::SizeAbove, sizeAboveKb.has_value());
        match.rules.setFlag(CleanupRule::NamespacePattern, !namespaceMatcher.isEmpty());
        match.rules.setFlag(CleanupRule::NamePattern, !nameMatcher.isEmpty());
        match.sizeAboveKb = sizeAboveKb.value_or(0);
        match.imageBytes = imageBytes;
        match.namespacePattern = namespaceMatcher.matchingAlternative(image.nameSpace);
        match.namePattern = nameMatcher.matchingAlternative(image.name);
        match.rankInName = rank;
        match.usableVersionsOfName = int(usableByName.value(nameKey(image)).size());
        match.idleDays = idleDays;
        result.matches.append(match);
    }

    std::sort(result.matches.begin(), result.matches.end(), [](const CleanupMatch &a, const CleanupMatch &b) {
        if (a.image.nameSpace != b.image.nameSpace)
            return a.image.nameSpace < b.image.nameSpace;
        if (a.image.name != b.image.name)
            return a.image.name < b.image.name;
        return newerFirst(&a.image, &b.image);
    });
    result.reclaimableKb = reclaimableKb(result.images(), force);
    return result;
}

QVariantMap CleanupRules::toVariant() const
{
    QVariantMap map;
    map.insert(FailedOnlyKey, failedOnly);
    if (notUpdatedForDays)
        map.insert(NotUpdatedKey, *notUpdatedForDays);
    if (keepNewestPerName)
        map.insert(KeepNewestKey, *keepNewestPerName);
    if (sizeAboveKb)
        map.insert(SizeAboveKey, *sizeAboveKb);
    map.insert(NamespacePatternKey, namespacePattern);
    map.insert(NamePatternKey, namePattern);
    map.insert(OnlyOwnKey, onlyOwn);
    return map;
}

CleanupRules CleanupRules::fromVariant(const QVariantMap &map)
{
    CleanupRules rules;
    rules.failedOnly = map.value(FailedOnlyKey, false).toBool();
    rules.notUpdatedForDays = readCount(map, NotUpdatedKey);
    rules.keepNewestPerName = readCount(map, KeepNewestKey);
    if (const QVariant size = map.value(SizeAboveKey); size.isValid() && !size.isNull()) {
        bool ok = false;
        const qint64 kb = size.toLongLong(&ok);
        if (ok)
            rules.sizeAboveKb = qMax<qint64>(0, kb);
    }
    rules.namespacePattern = map.value(NamespacePatternKey).toString();
    rules.namePattern = map.value(NamePatternKey).toString();
    rules.onlyOwn = map.value(OnlyOwnKey, true).toBool();
    return rules;
}

} // namespace mim
