#include "models/api/Swr.h"

#include <cmath>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("mim::Swr", text);
}

bool fail(QString *why, const QString &reason)
{
    if (why)
        *why = reason;
    return false;
}

// Reads the fields of one record, remembering the first problem with the record and field it concerns.
class RecordReader
{
public:
    RecordReader(const QJsonObject &object, qsizetype index, QString *why)
        : m_object(object)
        , m_index(index)
        , m_why(why)
    {}

    bool ok() const { return m_ok; }

    QString text(QLatin1StringView key, bool required = false)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                problem(key, translated(QT_TRANSLATE_NOOP("mim::Swr", "it is missing")));
            return {};
        }
        if (!value.isString()) {
            problem(key, translated(QT_TRANSLATE_NOOP("mim::Swr", "it is not text")));
            return {};
        }
        const QString result = value.toString();
        if (result.size() > Swr::MaxTextLength) {
            problem(key, translated(QT_TRANSLATE_NOOP("mim::Swr", "it is longer than %1 characters"))
                             .arg(Swr::MaxTextLength));
            return {};
        }
        if (required && result.isEmpty())
            problem(key, translated(QT_TRANSLATE_NOOP("mim::Swr", "it is empty")));
        return result;
    }

    // -1 when absent or null.
    qint64 number(QLatin1StringView key, qint64 max)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return -1;
        if (!value.isDouble()) {
            problem(key, translated(QT_TRANSLATE_NOOP("mim::Swr", "it is not a number")));
            return -1;
        }
        const double number = value.toDouble();
        if (!std::isfinite(number) || number != std::trunc(number) || number < 0 || number > double(max)) {
            problem(key, translated(QT_TRANSLATE_NOOP("mim::Swr", "%1 is not a whole number from 0 to %2"))
                             .arg(QString::number(number, 'g', 17))
                             .arg(max));
            return -1;
        }
        return qint64(number);
    }

    std::optional<double> decimal(QLatin1StringView key, double max)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || !std::isfinite(number) || number < 0 || number > max) {
            problem(key, translated(QT_TRANSLATE_NOOP("mim::Swr", "it is not a number from 0 to %1"))
                             .arg(QString::number(max, 'g', 17)));
            return std::nullopt;
        }
        return number;
    }

    bool flag(QLatin1StringView key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return false;
        if (!value.isBool()) {
            problem(key, translated(QT_TRANSLATE_NOOP("mim::Swr", "it is not true or false")));
            return false;
        }
        return value.toBool();
    }

    // A date SWR writes in UTC, with or without fractions and offset; invalid when absent or unreadable (a
    // date is shown, never computed with, so an odd one does not refuse the page).
    QDateTime date(QLatin1StringView key)
    {
        const QString value = text(key);
        if (value.isEmpty())
            return {};
        QDateTime parsed = QDateTime::fromString(value, Qt::ISODateWithMs);
        if (!parsed.isValid())
            parsed = QDateTime::fromString(value, u"yyyy-MM-dd HH:mm:ss"_s);
        if (!parsed.isValid())
            return {};
        if (parsed.timeSpec() == Qt::LocalTime)
            parsed.setTimeSpec(Qt::UTC);
        return parsed.toUTC();
    }

    QStringList texts(QLatin1StringView key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray()) {
            problem(key, translated(QT_TRANSLATE_NOOP("mim::Swr", "it is not a list")));
            return {};
        }
        const QJsonArray array = value.toArray();
        if (array.size() > Swr::MaxCount) {
            problem(
                key,
                translated(QT_TRANSLATE_NOOP("mim::Swr", "it has more than %1 entries")).arg(Swr::MaxCount));
            return {};
        }
        QStringList result;
        result.reserve(array.size());
        for (const QJsonValue &entry : array) {
            if (!entry.isString() || entry.toString().size() > Swr::MaxTextLength) {
                problem(key, translated(QT_TRANSLATE_NOOP("mim::Swr", "an entry is not a short text")));
                return {};
            }
            result.append(entry.toString());
        }
        return result;
    }

private:
    void problem(QLatin1StringView key, const QString &reason)
    {
        if (!m_ok)
            return;
        m_ok = false;
        //: %1 the record's position (from 1), %2 a JSON field name, %3 what is wrong with it
        fail(m_why, translated(QT_TRANSLATE_NOOP("mim::Swr", "record %1, field “%2”: %3"))
                        .arg(m_index + 1)
                        .arg(key, reason));
    }

    const QJsonObject &m_object;
    qsizetype m_index;
    QString *m_why;
    bool m_ok = true;
};

std::optional<QJsonDocument> document(const QByteArray &body, QString *why)
{
    QJsonParseError error;
    QJsonDocument parsed = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        fail(
            why,
            translated(QT_TRANSLATE_NOOP("mim::Swr", "The answer is not JSON: %1")).arg(error.errorString()));
        return std::nullopt;
    }
    return parsed;
}

template<typename T, typename Read>
std::optional<QList<T>> readRecords(const QJsonArray &array, QString *why, Read read)
{
    QList<T> result;
    result.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue value = array.at(i);
        if (!value.isObject()) {
            fail(why, translated(QT_TRANSLATE_NOOP("mim::Swr", "record %1 is not an object")).arg(i + 1));
            return std::nullopt;
        }
        const QJsonObject object = value.toObject();
        RecordReader reader(object, i, why);
        T record = read(reader);
        if (!reader.ok())
            return std::nullopt;
        result.append(std::move(record));
    }
    return result;
}

// The records of a bare JSON array, each an object, for `read` to turn into T.
template<typename T, typename Read>
std::optional<QList<T>> readArray(const QByteArray &body, QString *why, Read read)
{
    const std::optional<QJsonDocument> parsed = document(body, why);
    if (!parsed)
        return std::nullopt;
    if (!parsed->isArray()) {
        fail(why, translated(QT_TRANSLATE_NOOP("mim::Swr", "The answer is not a list (a JSON array).")));
        return std::nullopt;
    }
    return readRecords<T>(parsed->array(), why, read);
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// Content-Range

std::optional<SwrContentRange> SwrContentRange::parse(QByteArrayView header, QString *why)
{
    static const QRegularExpression pattern(u"^\\s*([0-9]{1,15})-([0-9]{1,15})/([0-9]{1,15})\\s*$"_s);
    static const QRegularExpression unsatisfied(u"^\\s*\\*/([0-9]{1,15})\\s*$"_s);
    const QString text = QString::fromLatin1(header.first(qMin<qsizetype>(header.size(), 128)));
    if (const QRegularExpressionMatch empty = unsatisfied.match(text);
        header.size() <= 128 && empty.hasMatch())
        return SwrContentRange{0, 0, empty.captured(1).toLongLong(), true};
    const QRegularExpressionMatch match = pattern.match(text);
    if (header.size() > 128 || !match.hasMatch()) {
        fail(why, translated(QT_TRANSLATE_NOOP("mim::Swr", "The Content-Range “%1” is not START-END/TOTAL."))
                      .arg(text.left(64)));
        return std::nullopt;
    }
    SwrContentRange range{match.captured(1).toLongLong(), match.captured(2).toLongLong(),
                          match.captured(3).toLongLong()};
    const bool nothing = range.total == 0 && range.start == 0 && range.end == 0;
    if (!nothing && !(range.start <= range.end && range.end < range.total)) {
        fail(why, translated(QT_TRANSLATE_NOOP("mim::Swr", "The Content-Range “%1” is not a range within its "
                                                           "total."))
                      .arg(text));
        return std::nullopt;
    }
    return range;
}

bool SwrContentRange::matchesPage(qint64 offset, qint64 count, QString *why) const
{
    if (total == 0) {
        if (count == 0)
            return true;
        return fail(why, translated(QT_TRANSLATE_NOOP("mim::Swr", "The server sent %1 records but says there "
                                                                  "are none."))
                             .arg(count));
    }
    if (unsatisfied && count > 0)
        return fail(why,
                    translated(QT_TRANSLATE_NOOP("mim::Swr", "The server sent %1 records but says the page "
                                                             "holds none."))
                        .arg(count));
    if (count == 0) {
        // Past the end: the list shrank since the previous page (the caller sees the new total).
        if (offset >= total)
            return true;
        return fail(why, translated(QT_TRANSLATE_NOOP("mim::Swr", "The server sent no records at %1 of %2."))
                             .arg(offset)
                             .arg(total));
    }
    if (start != offset || end - start + 1 != count)
        return fail(why, translated(QT_TRANSLATE_NOOP("mim::Swr", "The server sent %1 records at %2 but "
                                                                  "says they are %3 to %4."))
                             .arg(count)
                             .arg(offset)
                             .arg(start)
                             .arg(end));
    return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Records

namespace Swr {

std::optional<QList<SwrNamespace>> parseNamespaces(const QByteArray &body, QString *why)
{
    const std::optional<QJsonDocument> parsed = document(body, why);
    if (!parsed)
        return std::nullopt;
    const QJsonValue list = parsed->object().value("namespaces"_L1);
    if (!parsed->isObject() || !list.isArray()) {
        fail(why, translated(QT_TRANSLATE_NOOP("mim::Swr", "The answer has no list “namespaces”.")));
        return std::nullopt;
    }
    return readRecords<SwrNamespace>(list.toArray(), why, [](RecordReader &reader) {
        SwrNamespace space;
        space.id = reader.number("id"_L1, MaxId);
        space.name = reader.text("name"_L1, true);
        space.creatorName = reader.text("creator_name"_L1);
        space.auth = int(reader.number("auth"_L1, 7));
        return space;
    });
}

std::optional<QList<SwrRepository>> parseRepositories(const QByteArray &body, QString *why)
{
    return readArray<SwrRepository>(body, why, [](RecordReader &reader) {
        SwrRepository repository;
        repository.name = reader.text("name"_L1, true);
        repository.nameSpace = reader.text("namespace"_L1, true);
        repository.sizeBytes = reader.number("size"_L1, MaxBytes);
        repository.tagCount = reader.number("num_images"_L1, MaxCount);
        repository.tags = reader.texts("tags"_L1);
        repository.path = reader.text("path"_L1);
        repository.internalPath = reader.text("internal_path"_L1);
        repository.isPublic = reader.flag("is_public"_L1);
        repository.category = reader.text("category"_L1);
        repository.created = reader.date("created_at"_L1);
        repository.updated = reader.date("updated_at"_L1);
        return repository;
    });
}

std::optional<QList<SwrTag>> parseTags(const QByteArray &body, const QString &nameSpace,
                                       const QString &repository, QString *why)
{
    return readArray<SwrTag>(body, why, [&](RecordReader &reader) {
        SwrTag tag;
        tag.id = reader.number("id"_L1, MaxId);
        tag.repositoryId = reader.number("repo_id"_L1, MaxId);
        tag.tag = reader.text("Tag"_L1, true);
        tag.repository = repository;
        tag.nameSpace = nameSpace;
        tag.imageId = reader.text("image_id"_L1);
        tag.digest = reader.text("digest"_L1);
        tag.sizeBytes = reader.number("size"_L1, MaxBytes);
        tag.path = reader.text("path"_L1);
        tag.internalPath = reader.text("internal_path"_L1);
        tag.created = reader.date("created"_L1);
        tag.updated = reader.date("updated"_L1);
        return tag;
    });
}

std::optional<SwrOverview> parseOverview(const QByteArray &body, QString *why)
{
    const std::optional<QJsonDocument> parsed = document(body, why);
    if (!parsed)
        return std::nullopt;
    if (!parsed->isObject()) {
        fail(why, translated(QT_TRANSLATE_NOOP("mim::Swr", "The answer is not an object.")));
        return std::nullopt;
    }
    const QJsonObject object = parsed->object();
    RecordReader reader(object, 0, why);
    SwrOverview overview;
    overview.domainId = reader.text("domain_id"_L1);
    overview.domainName = reader.text("domain_name"_L1);
    overview.namespaceCount = reader.number("namspace_num"_L1, MaxCount);
    overview.repositoryCount = reader.number("repo_num"_L1, MaxCount);
    overview.imageCount = reader.number("image_num"_L1, MaxCount);
    overview.storeSpace = reader.decimal("store_space"_L1, 1e18);
    overview.downflowSize = reader.decimal("downflow_size"_L1, 1e18);
    if (!reader.ok())
        return std::nullopt;
    return overview;
}

std::optional<QString> repositorySegment(const QString &repository, QString *why)
{
    if (repository.isEmpty()) {
        fail(why, translated(QT_TRANSLATE_NOOP("mim::Swr", "The repository has no name.")));
        return std::nullopt;
    }
    if (repository.contains(u'$')) {
        fail(why, translated(QT_TRANSLATE_NOOP("mim::Swr", "The repository name “%1” contains “$”, which SWR "
                                                           "reads as “/”; no request was sent for it."))
                      .arg(repository));
        return std::nullopt;
    }
    QString segment = repository;
    segment.replace(u'/', u'$');
    return segment;
}

DeleteOutcome deleteOutcome(const ApiError &error, int httpStatus, bool mayHaveTakenEffect)
{
    if (!error.isError())
        return DeleteOutcome::Deleted;
    if (httpStatus == 404) {
        const bool fromSwr = error.kind == ErrorKind::NotFound || error.code == "404"_L1;
        return fromSwr ? DeleteOutcome::AlreadyGone : DeleteOutcome::Failed;
    }
    return mayHaveTakenEffect ? DeleteOutcome::Unknown : DeleteOutcome::Failed;
}

QString missingPermission(Access access)
{
    switch (access) {
    case Access::Read:
        return translated(
            QT_TRANSLATE_NOOP("mim::Swr", "SWR refused to show the account's repositories. Ask your "
                                          "administrator for the IAM role “SWR Admin” (or “Tenant Guest” to "
                                          "read only) in this region, or for the read permission on the "
                                          "organization in SWR."));
    case Access::Delete:
        return translated(
            QT_TRANSLATE_NOOP("mim::Swr", "SWR refused to delete the tag. Ask your administrator for the IAM "
                                          "role “SWR Admin” in this region, or for the manage permission on "
                                          "this organization in SWR."));
    }
    return {};
}

} // namespace Swr

} // namespace mim
