#include "ImageApi.h"

#include "ImageApiRequests.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

// The image API's routing and its reads: ListImage, ShowImage, ListImageGroup. Its writes are in
// ImageApiMutations.cpp.

namespace mim::sandbox {

using namespace requests;

namespace {

struct Paging
{
    int limit = DefaultListLimit;
    int offset = 0;
};

std::optional<SandboxResponse> parsePaging(const SandboxRequest &request, Paging *paging)
{
    if (request.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        const int limit = request.queryValue(u"limit"_s).toInt(&ok);
        // No source documents a maximum, so none is enforced; a server that caps pages silently is the
        // "max_records" listing lie (FaultConfig).
        if (!ok || limit < 1)
            return invalidParameter(u"limit"_s, u"it must be a positive integer."_s);
        paging->limit = limit;
    }
    if (request.hasQueryItem(u"offset"_s)) {
        bool ok = false;
        const int offset = request.queryValue(u"offset"_s).toInt(&ok);
        if (!ok || offset < 0)
            return invalidParameter(u"offset"_s, u"it must be a non-negative integer."_s);
        paging->offset = offset;
    }
    return std::nullopt;
}

// {"total":..,"current":..,"pages":..,"size":..,"data":[...]}: `current` is the index of the page that
// starts at `offset` (offset / limit), counted from `currentBase` (sources disagree on 0 or 1), `size` the
// page size asked for (limit).
QByteArray pagedEnvelope(qint64 total, const Paging &paging, int currentBase, const QList<QByteArray> &items,
                         const QByteArray &extraMembers = QByteArray())
{
    QByteArray body;
    qsizetype bytes = 96 + extraMembers.size();
    for (const QByteArray &item : items)
        bytes += item.size() + 1;
    body.reserve(bytes);
    body += "{\"total\":" + QByteArray::number(total) +
            ",\"current\":" + QByteArray::number(paging.offset / paging.limit + currentBase) +
            ",\"pages\":" + QByteArray::number((total + paging.limit - 1) / paging.limit) +
            ",\"size\":" + QByteArray::number(paging.limit) + ",\"data\":[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i)
            body += ',';
        body += items.at(i);
    }
    body += ']' + extraMembers + '}';
    return body;
}

std::optional<SortField> sortFieldOf(const QString &key)
{
    static const QHash<QString, SortField> fields{
        {u"create_at"_s, SortField::CreateAt},
        {u"createAt"_s, SortField::CreateAt},
        {u"create_time"_s, SortField::CreateAt},
        {u"createTime"_s, SortField::CreateAt},
        {u"update_at"_s, SortField::UpdateAt},
        {u"updateAt"_s, SortField::UpdateAt},
        {u"update_time"_s, SortField::UpdateAt},
        {u"updateTime"_s, SortField::UpdateAt},
        {u"name"_s, SortField::Name},
        {u"size"_s, SortField::Size},
    };
    const auto it = fields.constFind(key);
    if (it == fields.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace

QJsonObject SandboxCounters::toJson() const
{
    return QJsonObject{{u"requests"_s, requests},
                       {u"list"_s, list},
                       {u"show"_s, show},
                       {u"delete"_s, deletes},
                       {u"sync"_s, sync},
                       {u"register"_s, registers},
                       {u"groups"_s, groups},
                       {u"notebooks"_s, notebooks},
                       {u"training_jobs"_s, trainingJobs},
                       {u"services"_s, services},
                       {u"workspaces"_s, workspaces},
                       {u"swr"_s, swr},
                       {u"token"_s, token},
                       {u"projects"_s, projects},
                       {u"auth_failures"_s, authFailures},
                       {u"faults_injected"_s, faultsInjected}};
}

SandboxResponse notFoundRoute()
{
    return SandboxResponse::error(404, u"APIGW.0101"_s,
                                  u"The API does not exist or has not been published in the environment."_s);
}

SandboxResponse imageNotFound(const QString &id)
{
    return SandboxResponse::error(400, u"ModelArts.6404"_s, u"Image %1 does not exist."_s.arg(id));
}

ImageApi::ImageApi(ImageStore *store, SandboxCounters *counters, const SandboxOptions *options,
                   const FaultConfig *faults, std::function<QString()> newImageId)
    : m_store(store)
    , m_counters(counters)
    , m_options(options)
    , m_faults(faults)
    , m_newImageId(std::move(newImageId))
{}

qint64 ImageApi::nowMs() const
{
    return m_options->clock().toMSecsSinceEpoch();
}

SandboxResponse ImageApi::handle(const SandboxRequest &request, const QStringList &route)
{
    const QByteArray &method = request.method;
    if (route.isEmpty() || route.first() != u"images")
        return notFoundRoute();

    if (route.size() == 1) {
        if (method == "GET")
            return listImages(request);
        if (method == "POST")
            return registerImage(request);
        return notFoundRoute();
    }
    if (route.at(1) == u"group") {
        if (route.size() == 2 && method == "GET")
            return listGroups(request);
        if (route.size() == 3 && method == "DELETE")
            return deleteGroup(request, route.at(2));
        if (route.size() == 3 && method == "PUT")
            return updateGroup(request, route.at(2));
        return notFoundRoute();
    }
    if (route.size() == 2) {
        if (method == "GET")
            return showImage(route.at(1));
        if (method == "DELETE")
            return deleteImage(request, route.at(1));
        return notFoundRoute();
    }
    if (route.size() == 3 && route.at(2) == u"sync" && method == "POST")
        return syncImage(route.at(1));
    return notFoundRoute();
}

SandboxResponse ImageApi::readOnlyView(const SandboxRequest &request, const QStringList &route) const
{
    // The image a request addresses, as it is now; else an empty object.
    if (route.size() >= 2 && route.first() == u"images") {
        const int index = m_store->indexOf(route.at(1));
        if (index >= 0 && !m_store->at(index).deleted)
            return SandboxResponse::jsonBytes(200, m_store->imageJson(index));
    }
    Q_UNUSED(request);
    return SandboxResponse::jsonBytes(200, QByteArrayLiteral("{}"));
}

SandboxResponse ImageApi::listImages(const SandboxRequest &request)
{
    ++m_counters->list;
    Paging paging;
    if (const auto error = parsePaging(request, &paging))
        return *error;

    ImageQuery query;
    query.limit = paging.limit;
    query.offset = paging.offset;
    if (request.hasQueryItem(u"name"_s)) {
        const QString name = request.queryValue(u"name"_s);
        if (name.size() > 512)
            return invalidParameter(u"name"_s, u"it must be at most 512 characters."_s);
        if (!name.isEmpty())
            query.name = name;
    }
    const std::optional<bool> fuzzy = parseBool(request, u"name_fuzzy_match"_s, true);
    if (!fuzzy)
        return invalidParameter(u"name_fuzzy_match"_s, u"it must be true or false."_s);
    query.nameFuzzyMatch = *fuzzy;
    if (request.hasQueryItem(u"namespace"_s)) {
        const QString nameSpace = request.queryValue(u"namespace"_s);
        if (nameSpace.size() > 64)
            return invalidParameter(u"namespace"_s, u"it must be at most 64 characters."_s);
        if (!nameSpace.isEmpty())
            query.nameSpace = nameSpace;
    }
    // The SDK documents BUILD_IN as the default type.
    query.type = request.hasQueryItem(u"type"_s) ? request.queryValue(u"type"_s) : u"BUILD_IN"_s;
    if (!ImageTypes.contains(*query.type))
        return invalidParameter(u"type"_s, u"it must be BUILD_IN or DEDICATED."_s);
    if (request.hasQueryItem(u"service_type"_s)) {
        const QString serviceType = request.queryValue(u"service_type"_s);
        if (!ServiceTypes.contains(serviceType))
            return invalidParameter(u"service_type"_s,
                                    u"it must be one of %1."_s.arg(ServiceTypes.join(u", ")));
        query.serviceType = serviceType;
    }
    // The SDK documents "0" as the default workspace_id: without one, only the default workspace is listed.
    query.workspaceId = u"0"_s;
    if (request.hasQueryItem(u"workspace_id"_s)) {
        const QString workspaceId = request.queryValue(u"workspace_id"_s);
        if (!isWorkspaceId(workspaceId))
            return invalidParameter(u"workspace_id"_s, u"it must be \"0\" or a 32-character ID."_s);
        query.workspaceId = workspaceId;
    }
    if (request.hasQueryItem(u"sort_key"_s)) {
        const QString sortKey = request.queryValue(u"sort_key"_s);
        if (sortKey.size() > 128)
            return invalidParameter(u"sort_key"_s, u"it must be at most 128 characters."_s);
        for (const QString &rawKey : sortKey.split(u',', Qt::SkipEmptyParts)) {
            const QString key = rawKey.trimmed();
            const std::optional<SortField> field = sortFieldOf(key);
            if (!field)
                return SandboxResponse::error(400, u"ModelArts.6303"_s,
                                              u"Field %1 does not support sorting."_s.arg(key));
            query.sortKeys.append(*field);
        }
    }
    if (request.hasQueryItem(u"sort_dir"_s)) {
        const QString direction = request.queryValue(u"sort_dir"_s).toUpper();
        if (direction != u"ASC" && direction != u"DESC")
            return invalidParameter(u"sort_dir"_s, u"it must be ASC or DESC."_s);
        query.ascending = direction == u"ASC";
    }

    const ListingLies &lies = m_faults->listing;
    if (lies.ignoreOffset)
        query.offset = 0;
    if (lies.maxRecords > 0)
        query.limit = qMin(query.limit, lies.maxRecords);
    const ImagePageResult page = m_store->list(query);
    QList<QByteArray> items;
    items.reserve(page.indexes.size());
    for (int index : page.indexes)
        items.append(m_store->imageJson(index));
    return SandboxResponse::jsonBytes(
        200, pagedEnvelope(lies.total >= 0 ? lies.total : page.total, paging, m_options->currentBase, items));
}

SandboxResponse ImageApi::showImage(const QString &id)
{
    ++m_counters->show;
    const int index = m_store->indexOf(id);
    if (index < 0 || m_store->at(index).deleted)
        return imageNotFound(id);
    return SandboxResponse::jsonBytes(200, m_store->imageJson(index));
}

SandboxResponse ImageApi::listGroups(const SandboxRequest &request)
{
    ++m_counters->groups;
    Paging paging;
    if (const auto error = parsePaging(request, &paging))
        return *error;
    GroupQuery query;
    if (request.hasQueryItem(u"name"_s) && !request.queryValue(u"name"_s).isEmpty())
        query.name = request.queryValue(u"name"_s);
    const std::optional<bool> fuzzy = parseBool(request, u"name_fuzzy_match"_s, true);
    if (!fuzzy)
        return invalidParameter(u"name_fuzzy_match"_s, u"it must be true or false."_s);
    query.nameFuzzyMatch = *fuzzy;
    if (request.hasQueryItem(u"namespace"_s) && !request.queryValue(u"namespace"_s).isEmpty())
        query.nameSpace = request.queryValue(u"namespace"_s);
    if (request.hasQueryItem(u"type"_s)) {
        query.type = request.queryValue(u"type"_s);
        if (!ImageTypes.contains(*query.type))
            return invalidParameter(u"type"_s, u"it must be BUILD_IN or DEDICATED."_s);
    }
    if (request.hasQueryItem(u"workspace_id"_s)) {
        query.workspaceId = request.queryValue(u"workspace_id"_s);
        if (!isWorkspaceId(*query.workspaceId))
            return invalidParameter(u"workspace_id"_s, u"it must be \"0\" or a 32-character ID."_s);
    }

    const QList<ImageGroupInfo> groups = m_store->groups(query);
    QList<QByteArray> items;
    for (qsizetype i = paging.offset; i < groups.size() && i < qsizetype(paging.offset) + paging.limit; ++i) {
        QJsonObject group = groups.at(i).toJson();
        if (m_faults->groupsWithoutId.contains(groups.at(i).nameSpace + u'/' + groups.at(i).name))
            group.remove(u"id"_s);
        items.append(QJsonDocument(group).toJson(QJsonDocument::Compact));
    }
    return SandboxResponse::jsonBytes(200, pagedEnvelope(groups.size(), paging, m_options->currentBase, items,
                                                         QByteArrayLiteral(",\"is_swr_enterprise\":false")));
}

} // namespace mim::sandbox
