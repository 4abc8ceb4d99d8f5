#include "models/catalog/UsageSummary.h"

#include "models/api/VisibleText.h"
#include "models/catalog/NaturalSortKey.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mim {

UsageSummary::UsageSummary(ImageUsage usage, bool loading)
    : m_usage(std::move(usage))
    , m_loading(loading)
    , m_hasUsage(true)
{}

UsageSummary UsageSummary::loadingAfter(const UsageSummary &previous)
{
    UsageSummary next = previous;
    next.m_loading = true;
    return next;
}

UsageState UsageSummary::stateOf(const Image &image) const
{
    if (!m_hasUsage)
        return UsageState::Unknown;
    const UsageState state = m_usage.stateOf(image);
    // A user seen by the last reading most likely still runs; an image nobody used may have been started
    // since, so while checking again it is not called unused.
    if (m_loading && state == UsageState::NotInUse)
        return UsageState::Unknown;
    return state;
}

QList<ImageUser> UsageSummary::usersOf(const Image &image) const
{
    if (!m_hasUsage)
        return {};
    QList<ImageUser> users = m_usage.usersOf(image);
    // Notebooks first: they are what a user stops by hand before deleting, and the cell names the first.
    std::stable_sort(users.begin(), users.end(),
                     [](const ImageUser &a, const ImageUser &b) { return int(a.kind) < int(b.kind); });
    return users;
}

QStringList UsageSummary::unknownReasons() const
{
    QStringList reasons;
    if (m_loading || !m_hasUsage)
        reasons.append(tr("Notebooks, training jobs and services are still being checked."));
    if (!m_hasUsage)
        return reasons;
    for (const UsageKind kind : AllUsageKinds) {
        if (m_usage.isKnown(kind))
            continue;
        const ApiError &error = m_usage.unknownReason(kind);
        QString why;
        if (error.httpStatus == 403 || error.kind == ErrorKind::Permission)
            why = tr("this account lacks the permission to list them");
        else if (error.httpStatus == 404)
            why = tr("this region does not offer the API to list them");
        else
            why = error.summary();
        QString line;
        switch (kind) {
        case UsageKind::Notebook:
            line = tr("Notebooks could not be listed: %1").arg(why);
            break;
        case UsageKind::TrainingJob:
            line = tr("Training jobs could not be listed: %1").arg(why);
            break;
        case UsageKind::Service:
            line = tr("Services could not be listed: %1").arg(why);
            break;
        }
        if (!error.code.isEmpty() || !error.message.isEmpty())
            line += u" ("_s +
                    Formatting::visibleText(QStringList{error.code, error.message}.join(u' ').trimmed()) +
                    u')';
        reasons.append(line);
    }
    return reasons;
}

QString UsageSummary::stateValue(UsageState state)
{
    switch (state) {
    case UsageState::InUse:
        return u"IN_USE"_s;
    case UsageState::NotInUse:
        return u"NOT_IN_USE"_s;
    case UsageState::Unknown:
        break;
    }
    return u"UNKNOWN"_s;
}

QString UsageSummary::stateText(UsageState state)
{
    switch (state) {
    case UsageState::InUse:
        return tr("In use");
    case UsageState::NotInUse:
        return tr("Not in use");
    case UsageState::Unknown:
        break;
    }
    return tr("Unknown", "whether an image is in use could not be checked");
}

QString UsageSummary::kindText(UsageKind kind)
{
    switch (kind) {
    case UsageKind::Notebook:
        return tr("notebook");
    case UsageKind::TrainingJob:
        return tr("training job");
    case UsageKind::Service:
        return tr("service", "a ModelArts inference service");
    }
    return {};
}

QString UsageSummary::userText(const ImageUser &user)
{
    const QString name = Formatting::visibleText(user.name.isEmpty() ? user.id : user.name);
    if (user.status.isEmpty())
        return tr("%1 %2", "kind and name: notebook llm-dev").arg(kindText(user.kind), name);
    return tr("%1 %2 (%3)", "kind, name and status: notebook llm-dev (Running)")
        .arg(kindText(user.kind), name, Formatting::visibleText(user.status));
}

QString UsageSummary::cellText(const Image &image) const
{
    const QList<ImageUser> users = usersOf(image);
    if (!users.isEmpty()) {
        if (users.size() == 1)
            return userText(users.constFirst());
        return tr("%1, +%2 more", "the first user of an image and how many others")
            .arg(userText(users.constFirst()))
            .arg(users.size() - 1);
    }
    switch (stateOf(image)) {
    case UsageState::NotInUse:
        return stateText(UsageState::NotInUse);
    case UsageState::InUse:
    case UsageState::Unknown:
        break;
    }
    if (m_loading || !m_hasUsage)
        return tr("Checking…", "whether an image is in use is being checked");
    return stateText(UsageState::Unknown);
}

QString UsageSummary::toolTip(const Image &image) const
{
    const QList<ImageUser> users = usersOf(image);
    QStringList lines;
    for (const ImageUser &user : users)
        lines.append(userText(user));
    if (stateOf(image) == UsageState::Unknown)
        lines += unknownReasons();
    if (lines.isEmpty())
        return stateText(stateOf(image));
    return lines.join(u'\n');
}

QString UsageSummary::sortKey(const Image &image) const
{
    switch (stateOf(image)) {
    case UsageState::InUse:
        return u'0' + naturalSortKey(cellText(image));
    case UsageState::Unknown:
        return u"1"_s;
    case UsageState::NotInUse:
        break;
    }
    return u"2"_s;
}

} // namespace mim
