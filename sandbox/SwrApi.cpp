#include "SwrApi.h"

#include "DeterministicRandom.h"
#include "ImageApi.h"

#include <algorithm>
#include <optional>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace mim::sandbox {

namespace {

// *Guess*: SWR's reference names the error shape, not the codes of these cases.
constexpr auto InvalidParameterCode = "SVCSTG.SWR.4000001";
constexpr auto ForbiddenCode = "SVCSTG.SWR.4030001";
constexpr auto NamespaceNotFoundCode = "SVCSTG.SWR.4040001";
constexpr auto RepositoryNotFoundCode = "SVCSTG.SWR.4040002";
constexpr auto TagNotFoundCode = "SVCSTG.SWR.4001048";

// Where a CCE cluster pulls from, in the form the reference shows (10.125.0.198:20202/namespace/repository).
constexpr auto InternalRegistry = "100.125.0.198:20202";

quint64 stableHash(const QString &text)
{
    quint64 hash = 0xCBF29CE484222325ULL;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 0x100000001B3ULL;
    }
    return hash;
}

// Ids are integers in the SDK; a hash keeps them stable whatever else is listed.
qint64 stableId(const QString &text)
{
    return qint64(stableHash(text) % 900000000ULL) + 100000;
}

QString swrDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// The repository segment of a URL: SWR carries a '/' of the name as '$'. A decoded '/' (sent as %2F) is not
// a way to name it.
std::optional<QString> repositoryFromSegment(const QString &segment)
{
    if (segment.contains(u'/'))
        return std::nullopt;
    QString name = segment;
    name.replace(u'$', u'/');
    return name;
}

struct Page
{
    qsizetype offset = 0;
    qsizetype limit = -1; // -1 = everything
};

// limit and offset come together, limit 1-1000 (*guess*: the reference gives the parameters, not these
// rules).
std::optional<Page> pageOf(const SandboxRequest &request, SandboxResponse *error)
{
    const bool hasLimit = request.hasQueryItem(u"limit"_s);
    const bool hasOffset = request.hasQueryItem(u"offset"_s);
    Page page;
    if (!hasLimit && !hasOffset)
        return page;
    if (hasLimit != hasOffset) {
        *error = SwrApi::error(400, QLatin1String(InvalidParameterCode),
                               u"Invalid parameter: offset and limit must be used together."_s);
        return std::nullopt;
    }
    bool limitOk = false;
    bool offsetOk = false;
    const qlonglong limit = request.queryValue(u"limit"_s).toLongLong(&limitOk);
    const qlonglong offset = request.queryValue(u"offset"_s).toLongLong(&offsetOk);
    if (!limitOk || limit < 1 || limit > 1000) {
        *error = SwrApi::error(400, QLatin1String(InvalidParameterCode),
                               u"Invalid parameter: limit must be an integer from 1 to 1000."_s);
        return std::nullopt;
    }
    if (!offsetOk || offset < 0) {
        *error = SwrApi::error(400, QLatin1String(InvalidParameterCode),
                               u"Invalid parameter: offset must be a non-negative integer."_s);
        return std::nullopt;
    }
    page.offset = qsizetype(offset);
    page.limit = qsizetype(limit);
    return page;
}

// "START-END/TOTAL" with END inclusive; an empty page is "*/TOTAL" (*guess*, as HTTP writes an unsatisfied
// range: what the service sends for an empty page is not documented).
QByteArray contentRange(qsizetype start, qsizetype count, qsizetype total)
{
    if (count == 0)
        return "*/" + QByteArray::number(total);
    return QByteArray::number(start) + '-' + QByteArray::number(start + count - 1) + '/' +
           QByteArray::number(total);
}

SandboxResponse pagedArray(const QJsonArray &items, qsizetype start, qsizetype total)
{
    SandboxResponse response =
        SandboxResponse::jsonBytes(200, QJsonDocument(items).toJson(QJsonDocument::Compact));
    response.headers.append({QByteArrayLiteral("Content-Range"), contentRange(start, items.size(), total)});
    return response;
}

// "desc"/"asc"; empty = the default.
std::optional<bool> descending(const SandboxRequest &request, bool fallback)
{
    const QString order = request.queryValue(u"order_type"_s);
    if (order.isEmpty())
        return fallback;
    if (order == u"desc")
        return true;
    if (order == u"asc")
        return false;
    return std::nullopt;
}

} // namespace

SwrApi::SwrApi(const ImageStore *store, SwrRegistry *registry, SandboxCounters *counters,
               const SandboxOptions *options)
    : m_store(store)
    , m_registry(registry)
    , m_counters(counters)
    , m_options(options)
{}

bool SwrApi::handles(const QStringList &segments)
{
    return segments.size() >= 3 && segments.at(0) == u"v2" && segments.at(1) == u"manage";
}

SandboxResponse SwrApi::error(int status, const QString &code, const QString &message)
{
    const QJsonArray body{
        QJsonObject{{u"errorCode"_s, code}, {u"errorMessage"_s, message}, {u"detail"_s, u""_s}}};
    return SandboxResponse::jsonBytes(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

SandboxResponse SwrApi::forbidden()
{
    // *Guess*: code and text; SWR FullAccess, OperateAccess and ReadOnlyAccess are SWR's documented policies.
    return error(
        403, QLatin1String(ForbiddenCode),
        u"Forbidden: the user has no SWR permission for this operation. Grant the SWR ReadOnlyAccess "
        u"policy to list, SWR FullAccess to delete."_s);
}

QString SwrApi::registryHost() const
{
    return u"swr."_s + m_options->regionId + u".myhuaweicloud.com"_s;
}

SandboxResponse SwrApi::handle(const SandboxRequest &request, const QStringList &route)
{
    ++m_counters->swr;
    const QByteArray &method = request.method;
    if (route == QStringList{u"namespaces"_s} && method == "GET")
        return listNamespaces(request);
    if (route == QStringList{u"repos"_s} && method == "GET")
        return listRepositories(request);
    if (route == QStringList{u"overview"_s} && method == "GET")
        return overview();
    if (route.size() == 5 && route.at(0) == u"namespaces" && route.at(2) == u"repos" &&
        route.at(4) == u"tags" && method == "GET") {
        const std::optional<QString> repository = repositoryFromSegment(route.at(3));
        if (!repository)
            return error(404, QLatin1String(RepositoryNotFoundCode),
                         u"Repository %1 not found."_s.arg(route.at(3)));
        return listTags(request, route.at(1), *repository);
    }
    if (route.size() == 6 && route.at(0) == u"namespaces" && route.at(2) == u"repos" &&
        route.at(4) == u"tags" && method == "DELETE") {
        const std::optional<QString> repository = repositoryFromSegment(route.at(3));
        if (!repository)
            return error(404, QLatin1String(RepositoryNotFoundCode),
                         u"Repository %1 not found."_s.arg(route.at(3)));
        return deleteTag(route.at(1), *repository, route.at(5), true);
    }
    return notFoundRoute();
}

SandboxResponse SwrApi::readOnlyView(const SandboxRequest &request, const QStringList &route)
{
    if (request.method == "DELETE" && route.size() == 6) {
        const std::optional<QString> repository = repositoryFromSegment(route.at(3));
        if (repository)
            return deleteTag(route.at(1), *repository, route.at(5), false);
    }
    if (request.method == "GET")
        return handle(request, route);
    return notFoundRoute();
}

SandboxResponse SwrApi::listNamespaces(const SandboxRequest &request)
{
    const SwrSnapshot &snapshot = m_registry->snapshot(*m_store);
    const QString only = request.queryValue(u"namespace"_s);
    QJsonArray namespaces;
    for (const QString &name : snapshot.namespaces) {
        if (!only.isEmpty() && name != only)
            continue;
        namespaces.append(QJsonObject{{u"id"_s, stableId(u"namespace:"_s + name)},
                                      {u"name"_s, name},
                                      {u"creator_name"_s, m_options->iamUser},
                                      {u"auth"_s, 7}});
    }
    return SandboxResponse::json(200, QJsonObject{{u"namespaces"_s, namespaces}});
}

QJsonObject SwrApi::repositoryJson(const SwrSnapshot &snapshot, const SwrRepository &repository,
                                   qint64 total) const
{
    QJsonArray tags;
    for (const int index : repository.tagIndexes)
        tags.append(snapshot.tags[size_t(index)].tag);
    const QString path = repository.nameSpace + u'/' + repository.name;
    return QJsonObject{{u"name"_s, repository.name},
                       {u"category"_s, u"other"_s},
                       {u"description"_s, u""_s},
                       {u"size"_s, repository.bytes},
                       {u"is_public"_s, repository.isPublic},
                       {u"num_images"_s, qint64(repository.tagIndexes.size())},
                       {u"num_download"_s, qint64(stableHash(path) % 500)},
                       {u"created_at"_s, swrDate(repository.createdMs)},
                       {u"updated_at"_s, swrDate(repository.updatedMs)},
                       {u"logo"_s, u""_s},
                       {u"url"_s, u""_s},
                       {u"path"_s, QString(registryHost() + u'/' + path)},
                       {u"internal_path"_s, QString(QLatin1String(InternalRegistry) + u'/' + path)},
                       {u"domain_name"_s, m_options->iamDomain},
                       {u"namespace"_s, repository.nameSpace},
                       {u"tags"_s, tags},
                       {u"status"_s, false},
                       {u"total_range"_s, total}};
}

SandboxResponse SwrApi::listRepositories(const SandboxRequest &request)
{
    SandboxResponse failure;
    const std::optional<Page> page = pageOf(request, &failure);
    if (!page)
        return failure;
    const QString column = request.queryValue(u"order_column"_s);
    if (!column.isEmpty() && column != u"name" && column != u"updated_at" && column != u"created_at")
        return error(400, QLatin1String(InvalidParameterCode),
                     u"Invalid parameter: order_column must be name, updated_at or created_at."_s);
    const std::optional<bool> desc = descending(request, column != u"name");
    if (!desc)
        return error(400, QLatin1String(InvalidParameterCode),
                     u"Invalid parameter: order_type must be desc or asc."_s);

    const SwrSnapshot &snapshot = m_registry->snapshot(*m_store);
    const QString nameSpace = request.queryValue(u"namespace"_s);
    const QString name = request.queryValue(u"name"_s);
    std::vector<const SwrRepository *> matching;
    for (const SwrRepository &repository : snapshot.repositories) {
        if ((nameSpace.isEmpty() || repository.nameSpace == nameSpace) &&
            (name.isEmpty() || repository.name.contains(name, Qt::CaseInsensitive))) {
            matching.push_back(&repository);
        }
    }
    // Ties (and the default order, updated_at desc, *guess*) fall back to namespace/name, so pages never
    // overlap.
    const auto key = [&column](const SwrRepository *repository) {
        return column == u"name"         ? 0
               : column == u"created_at" ? repository->createdMs
                                         : repository->updatedMs;
    };
    std::stable_sort(matching.begin(), matching.end(), [&](const SwrRepository *a, const SwrRepository *b) {
        const qint64 left = key(a);
        const qint64 right = key(b);
        if (left != right)
            return *desc ? left > right : left < right;
        const auto leftName = std::tie(a->nameSpace, a->name);
        const auto rightName = std::tie(b->nameSpace, b->name);
        return column == u"name" && *desc ? rightName < leftName : leftName < rightName;
    });
    const qsizetype total = qsizetype(matching.size());
    const qsizetype start = std::min(page->offset, total);
    const qsizetype end = page->limit < 0 ? total : std::min(total, start + page->limit);
    QJsonArray items;
    for (qsizetype i = start; i < end; ++i)
        items.append(repositoryJson(snapshot, *matching[size_t(i)], total));
    return pagedArray(items, page->offset, total);
}

QJsonObject SwrApi::tagJson(const SwrTag &tag) const
{
    const QString key = tag.key();
    DeterministicRandom random(stableHash(key));
    const QString imageId = random.hex(64);
    const QString digest = u"sha256:"_s + random.hex(64);
    const QString configDigest = u"sha256:"_s + random.hex(64);
    const QString reference = tag.nameSpace + u'/' + tag.repository + u':' + tag.tag;
    const QByteArray manifest =
        QJsonDocument(
            QJsonObject{{u"schemaVersion"_s, 2},
                        {u"mediaType"_s, u"application/vnd.docker.distribution.manifest.v2+json"_s},
                        {u"config"_s,
                         QJsonObject{{u"mediaType"_s, u"application/vnd.docker.container.image.v1+json"_s},
                                     {u"size"_s, 7023},
                                     {u"digest"_s, configDigest}}}})
            .toJson(QJsonDocument::Compact);
    return QJsonObject{
        {u"id"_s, stableId(u"tag:"_s + key)},
        {u"repo_id"_s, stableId(QString(u"repository:"_s + tag.nameSpace + u'/' + tag.repository))},
        {u"Tag"_s, tag.tag},
        {u"image_id"_s, imageId},
        {u"manifest"_s, QString::fromUtf8(manifest)},
        {u"digest"_s, digest},
        {u"schema"_s, 2},
        {u"path"_s, QString(registryHost() + u'/' + reference)},
        {u"internal_path"_s, QString(QLatin1String(InternalRegistry) + u'/' + reference)},
        {u"size"_s, tag.bytes},
        {u"is_trusted"_s, false},
        {u"created"_s, swrDate(tag.createdMs)},
        {u"updated"_s, swrDate(tag.updatedMs)},
        {u"deleted"_s, QJsonValue::Null},
        {u"tag_type"_s, 0}};
}

SandboxResponse SwrApi::listTags(const SandboxRequest &request, const QString &nameSpace,
                                 const QString &repositoryName)
{
    SandboxResponse failure;
    const std::optional<Page> page = pageOf(request, &failure);
    if (!page)
        return failure;
    const QString column = request.queryValue(u"order_column"_s);
    if (!column.isEmpty() && column != u"updated_at" && column != u"tag")
        return error(400, QLatin1String(InvalidParameterCode),
                     u"Invalid parameter: order_column must be updated_at or tag."_s);
    const std::optional<bool> desc = descending(request, column != u"tag");
    if (!desc)
        return error(400, QLatin1String(InvalidParameterCode),
                     u"Invalid parameter: order_type must be desc or asc."_s);

    const SwrSnapshot &snapshot = m_registry->snapshot(*m_store);
    if (!snapshot.namespaces.contains(nameSpace))
        return error(404, QLatin1String(NamespaceNotFoundCode), u"Namespace %1 not found."_s.arg(nameSpace));
    const SwrRepository *repository = snapshot.repository(nameSpace, repositoryName);
    if (!repository)
        return error(404, QLatin1String(RepositoryNotFoundCode),
                     u"Repository %1 not found."_s.arg(repositoryName));

    const QString filter = request.queryValue(u"tag"_s);
    QList<int> indexes;
    for (const int index : repository->tagIndexes) {
        if (filter.isEmpty() || snapshot.tags[size_t(index)].tag.contains(filter))
            indexes.append(index);
    }
    if (column == u"tag" || !*desc) {
        std::stable_sort(indexes.begin(), indexes.end(), [&](int a, int b) {
            const SwrTag &left = snapshot.tags[size_t(a)];
            const SwrTag &right = snapshot.tags[size_t(b)];
            if (column == u"tag")
                return *desc ? right.tag < left.tag : left.tag < right.tag;
            if (left.updatedMs != right.updatedMs)
                return left.updatedMs < right.updatedMs;
            return left.tag < right.tag;
        });
    }
    const qsizetype total = indexes.size();
    const qsizetype start = std::min(page->offset, total);
    const qsizetype end = page->limit < 0 ? total : std::min(total, start + page->limit);
    QJsonArray items;
    for (qsizetype i = start; i < end; ++i)
        items.append(tagJson(snapshot.tags[size_t(indexes.at(i))]));
    return pagedArray(items, page->offset, total);
}

SandboxResponse SwrApi::deleteTag(const QString &nameSpace, const QString &repositoryName, const QString &tag,
                                  bool change)
{
    const SwrSnapshot &snapshot = m_registry->snapshot(*m_store);
    if (!snapshot.namespaces.contains(nameSpace))
        return error(404, QLatin1String(NamespaceNotFoundCode), u"Namespace %1 not found."_s.arg(nameSpace));
    const SwrRepository *repository = snapshot.repository(nameSpace, repositoryName);
    if (!repository)
        return error(404, QLatin1String(RepositoryNotFoundCode),
                     u"Repository %1 not found."_s.arg(repositoryName));
    const auto it = std::find_if(repository->tagIndexes.begin(), repository->tagIndexes.end(),
                                 [&](int index) { return snapshot.tags[size_t(index)].tag == tag; });
    if (it == repository->tagIndexes.end())
        return error(404, QLatin1String(TagNotFoundCode),
                     u"Tag %1 of repository %2 not found."_s.arg(tag, repositoryName));
    if (!change)
        return SandboxResponse::json(200, tagJson(snapshot.tags[size_t(*it)]));
    m_registry->deleteTag(*m_store, nameSpace, repositoryName, tag);
    return SandboxResponse::noContent();
}

SandboxResponse SwrApi::overview()
{
    const SwrSnapshot &snapshot = m_registry->snapshot(*m_store);
    qint64 downloads = 0;
    for (const SwrRepository &repository : snapshot.repositories)
        downloads +=
            qint64(stableHash(repository.nameSpace + u'/' + repository.name) % 500) * repository.bytes / 10;
    // "namspace_num" is spelled so by the service. store_space and downflow_size are floats of an
    // undocumented unit; the sandbox reports bytes (*guess*).
    return SandboxResponse::json(200, QJsonObject{{u"domain_id"_s, m_options->domainId},
                                                  {u"domain_name"_s, m_options->iamDomain},
                                                  {u"namspace_num"_s, qint64(snapshot.namespaces.size())},
                                                  {u"repo_num"_s, qint64(snapshot.repositories.size())},
                                                  {u"image_num"_s, qint64(snapshot.tags.size())},
                                                  {u"store_space"_s, double(snapshot.bytes())},
                                                  {u"downflow_size"_s, double(downloads)}});
}

} // namespace mim::sandbox
