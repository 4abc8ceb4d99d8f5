#include "WorkspaceApi.h"

#include "DataSetGenerator.h"
#include "ImageApi.h"

#include <algorithm>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace mim::sandbox {

namespace {

// A fixed instant, so that answers are reproducible: 2025-01-06T00:00:00Z.
constexpr qint64 WorkspaceEpochMs = 1736121600000;

SandboxWorkspace describe(const QString &id)
{
    SandboxWorkspace workspace;
    workspace.id = id;
    if (id == u"0") {
        // The default workspace every account has; its name as the console shows it.
        workspace.name = u"default"_s;
        workspace.description = u"Default workspace"_s;
        workspace.createTimeMs = workspace.updateTimeMs = WorkspaceEpochMs;
        return workspace;
    }
    const QByteArray digest = QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha256);
    const quint32 hash = quint32(digest.left(4).toHex().toUInt(nullptr, 16));
    if (id == QLatin1String(DemoWorkspaceId)) {
        workspace.name = u"autodrive"_s;
    } else if (id == QLatin1String(DemoStagingWorkspaceId)) {
        workspace.name = u"autodrive-staging"_s;
    } else {
        static const QStringList names{u"nlp-research"_s, u"vision-lab"_s,   u"speech-team"_s,
                                       u"recsys"_s,       u"llm-platform"_s, u"robotics"_s};
        workspace.name = names.at(qsizetype(hash % names.size())) + u'-' + id.left(4);
    }
    workspace.description = u"工作空间 "_s + workspace.name;
    workspace.createTimeMs = WorkspaceEpochMs + qint64(hash % 300) * 86'400'000;
    workspace.updateTimeMs = workspace.createTimeMs + qint64(hash % 1000) * 60'000;
    return workspace;
}

QJsonObject toJson(const SandboxWorkspace &workspace)
{
    return QJsonObject{{u"id"_s, workspace.id},
                       {u"name"_s, workspace.name},
                       {u"description"_s, workspace.description},
                       {u"owner"_s, u"demo"_s},
                       {u"auth_type"_s, u"PUBLIC"_s},
                       {u"enterprise_project_id"_s, u"0"_s},
                       {u"enterprise_project_name"_s, u"default"_s},
                       {u"create_time"_s, workspace.createTimeMs},
                       {u"update_time"_s, workspace.updateTimeMs},
                       {u"status"_s, u"NORMAL"_s},
                       {u"status_info"_s, QString()}};
}

SandboxResponse invalidParameter(const QString &name, const QString &rule)
{
    return SandboxResponse::error(400, u"ModelArts.0104"_s, u"Invalid parameter %1: %2"_s.arg(name, rule));
}

} // namespace

QList<SandboxWorkspace> workspacesOf(const ImageStore &store, const QHash<QString, QString> &names)
{
    QSet<QString> ids{u"0"_s};
    for (int i = 0; i < store.size(); ++i)
        ids.insert(store.at(i).workspaceId);
    QList<SandboxWorkspace> workspaces;
    for (const QString &id : std::as_const(ids)) {
        if (id.isEmpty())
            continue;
        workspaces.append(describe(id));
        if (names.contains(id))
            workspaces.last().name = names.value(id);
    }
    return workspaces;
}

WorkspaceApi::WorkspaceApi(const ImageStore *store, SandboxCounters *counters)
    : m_store(store)
    , m_counters(counters)
{}

bool WorkspaceApi::handles(const QStringList &route)
{
    return route.size() == 1 && route.first() == u"workspaces";
}

SandboxResponse WorkspaceApi::handle(const SandboxRequest &request, const QStringList &route)
{
    if (!handles(route) || request.method != "GET")
        return notFoundRoute();
    ++m_counters->workspaces;

    // *Guess*: the SDK calls `offset` "the first page" (起始页), so it is a page index here, not a record
    // offset as in ListImage; `limit` defaults to 1000 as documented, and no maximum is documented.
    int limit = 1000;
    int page = 0;
    bool ok = true;
    if (request.hasQueryItem(u"limit"_s)) {
        limit = request.queryValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1)
            return invalidParameter(u"limit"_s, u"it must be a positive integer."_s);
    }
    if (request.hasQueryItem(u"offset"_s)) {
        page = request.queryValue(u"offset"_s).toInt(&ok);
        if (!ok || page < 0)
            return invalidParameter(u"offset"_s, u"it must be a non-negative integer."_s);
    }
    const QString sortBy = request.hasQueryItem(u"sort_by"_s) ? request.queryValue(u"sort_by"_s) : u"name"_s;
    if (sortBy != u"name" && sortBy != u"update_time" && sortBy != u"status")
        return invalidParameter(u"sort_by"_s, u"it must be name, update_time or status."_s);
    const QString order = request.hasQueryItem(u"order"_s) ? request.queryValue(u"order"_s) : u"desc"_s;
    if (order != u"asc" && order != u"desc")
        return invalidParameter(u"order"_s, u"it must be asc or desc."_s);
    const QString name = request.queryValue(u"name"_s);

    QList<SandboxWorkspace> workspaces = workspacesOf(*m_store, m_names);
    if (!name.isEmpty()) {
        workspaces.removeIf([&name](const SandboxWorkspace &workspace) {
            return !workspace.name.contains(name, Qt::CaseInsensitive);
        });
    }
    // Every workspace is NORMAL, so sorting by status leaves the order by id.
    const bool ascending = order == u"asc";
    std::sort(
        workspaces.begin(), workspaces.end(), [&](const SandboxWorkspace &a, const SandboxWorkspace &b) {
            int difference = 0;
            if (sortBy == u"name")
                difference = a.name.compare(b.name);
            else if (sortBy == u"update_time")
                difference = a.updateTimeMs < b.updateTimeMs ? -1 : (a.updateTimeMs > b.updateTimeMs ? 1 : 0);
            if (difference != 0)
                return ascending ? difference < 0 : difference > 0;
            return a.id < b.id;
        });

    QJsonArray items;
    const qsizetype first = qsizetype(page) * limit;
    for (qsizetype i = first; i < workspaces.size() && i < first + limit; ++i)
        items.append(toJson(workspaces.at(i)));
    return SandboxResponse::json(200, QJsonObject{{u"total_count"_s, workspaces.size()},
                                                  {u"count"_s, items.size()},
                                                  {u"workspaces"_s, items}});
}

} // namespace mim::sandbox
