#include "ImageApi.h"

#include "DataSetGenerator.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mim::sandbox {

namespace {

const QStringList ServiceTypes{u"COMMON"_s, u"INFERENCE"_s, u"TRAIN"_s, u"DEV"_s, u"UNKNOWN"_s};
const QStringList ImageTypes{u"BUILD_IN"_s, u"DEDICATED"_s};
const QStringList ResourceCategories{u"CPU"_s, u"GPU"_s, u"ASCEND"_s};
const QStringList DevServices{u"NOTEBOOK"_s, u"SSH"_s, u"AI_FLOW"_s};
const QStringList FlavorTypes{u"ASCEND_SNT9"_s, u"ASCEND_SNT9B"_s, u"ASCEND_SNT3"_s};

SandboxResponse invalidParameter(const QString &name, const QString &rule)
{
    return SandboxResponse::error(400, u"ModelArts.0104"_s, u"Invalid parameter %1: %2"_s.arg(name, rule));
}

// Parses "true"/"false" (any case). Absent = fallback.
std::optional<bool> parseBool(const SandboxRequest &request, const QString &key, bool fallback)
{
    if (!request.hasQueryItem(key))
        return fallback;
    const QString value = request.queryValue(key).toLower();
    if (value == u"true")
        return true;
    if (value == u"false")
        return false;
    return std::nullopt;
}

bool isWorkspaceId(const QString &value)
{
    static const QRegularExpression pattern(u"^(0|[0-9a-z]{32})$"_s);
    return pattern.match(value).hasMatch();
}

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

// The JSON body of a request: empty = empty object; anything but an object = error.
std::optional<QJsonObject> bodyObject(const SandboxRequest &request, SandboxResponse *error)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = SandboxResponse::error(400, u"ModelArts.6400"_s,
                                        u"Invalid request payload: the body is not a JSON object."_s);
        return std::nullopt;
    }
    return document.object();
}

std::optional<QList<ImageTag>> parseTags(const QJsonValue &value, SandboxResponse *error)
{
    QList<ImageTag> tags;
    if (value.isUndefined() || value.isNull())
        return tags;
    if (!value.isArray() || value.toArray().size() > 20) {
        *error = invalidParameter(u"tags"_s, u"it must be an array of at most 20 {key, value} objects."_s);
        return std::nullopt;
    }
    for (const QJsonValue &entry : value.toArray()) {
        const QJsonObject object = entry.toObject();
        const QJsonValue key = object.value(u"key"_s);
        const QJsonValue tagValue = object.value(u"value"_s);
        if (!entry.isObject() || !key.isString() || key.toString().isEmpty() || key.toString().size() > 128 ||
            !(tagValue.isString() || tagValue.isUndefined()) || tagValue.toString().size() > 255) {
            *error =
                invalidParameter(u"tags"_s, u"each tag needs a key of 1 to 128 characters and a value of at "
                                            u"most 255 characters."_s);
            return std::nullopt;
        }
        tags.append(ImageTag{key.toString(), tagValue.toString()});
    }
    return tags;
}

// RegisterImage's tags: every SDK types them as a list of strings. *Guess*: "key=value" (split at the first
// "="), or "key" alone for an empty value; {key, value} objects, which no SDK sends here, are refused.
std::optional<QList<ImageTag>> parseRegisterTags(const QJsonValue &value, SandboxResponse *error)
{
    QList<ImageTag> tags;
    if (value.isUndefined() || value.isNull())
        return tags;
    const auto refuse = [error] {
        *error =
            invalidParameter(u"tags"_s, u"it must be an array of at most 20 strings \"key=value\" with a key "
                                        u"of 1 to 128 characters and a value of at most 255."_s);
        return std::nullopt;
    };
    if (!value.isArray() || value.toArray().size() > 20)
        return refuse();
    for (const QJsonValue &entry : value.toArray()) {
        if (!entry.isString())
            return refuse();
        const QString text = entry.toString();
        const qsizetype equals = text.indexOf(u'=');
        const ImageTag tag{equals < 0 ? text : text.left(equals),
                           equals < 0 ? QString() : text.mid(equals + 1)};
        if (tag.key.isEmpty() || tag.key.size() > 128 || tag.value.size() > 255)
            return refuse();
        tags.append(tag);
    }
    return tags;
}

bool isStuckWithoutSchedule(const StoredImage &image)
{
    const QString &status = image.status;
    return !image.settleScheduled && (status == u"ERROR" || status == u"INIT" || status == u"CREATING");
}

SandboxResponse builtInRefusal(const StoredImage &image)
{
    return SandboxResponse::error(403, u"ModelArts.0108"_s,
                                  u"Not authorized to delete built-in image %1."_s.arg(image.nameAndTag()));
}

SandboxResponse inUseRefusal(const StoredImage &image)
{
    return SandboxResponse::error(
        400, u"ModelArts.6357"_s,
        u"Image %1 is in use by notebook %2 and cannot be deleted. Stop or delete the notebook first."_s.arg(
            image.nameAndTag(), image.inUseBy));
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

bool ImageApi::markDeleted(ImageStore &store, int index, bool swrContentDeleted, qint64 nowMs)
{
    if (index < 0 || store.at(index).deleted)
        return false;
    ImageRecord record = store.record(index);
    record.deleted = true;
    record.swrContentDeleted = swrContentDeleted;
    record.settleScheduled = false;
    record.image.status = u"DELETED"_s;
    record.image.updateAtMs = nowMs;
    store.replace(index, record);
    return true;
}

SandboxResponse ImageApi::deleteImage(const SandboxRequest &request, const QString &id)
{
    ++m_counters->deletes;
    // The documented query parameter is authoritative when present; otherwise the SDKs' body decides.
    std::optional<bool> force;
    if (request.hasQueryItem(u"force"_s)) {
        force = parseBool(request, u"force"_s, false);
        if (!force)
            return invalidParameter(u"force"_s, u"it must be true or false."_s);
    }
    SandboxResponse error;
    const std::optional<QJsonObject> body = bodyObject(request, &error);
    if (!body)
        return error;
    const QJsonValue isForce = body->value(u"is_force"_s);
    if (!isForce.isUndefined() && !isForce.isBool())
        return invalidParameter(u"is_force"_s, u"it must be a boolean."_s);
    if (!force)
        force = isForce.toBool(false);

    const int index = m_store->indexOf(id);
    if (index < 0 || m_store->at(index).deleted)
        return imageNotFound(id);
    const StoredImage &image = m_store->at(index);
    if (image.builtIn)
        return builtInRefusal(image);
    if (image.isInUse())
        return inUseRefusal(image);
    markDeleted(*m_store, index, *force && image.isPrivate, nowMs());
    if (m_options->deleteAnswersNoContent)
        return SandboxResponse::noContent();
    return SandboxResponse::jsonBytes(200, m_store->imageJson(index));
}

SandboxResponse ImageApi::syncImage(const QString &id)
{
    ++m_counters->sync;
    const int index = m_store->indexOf(id);
    if (index < 0 || m_store->at(index).deleted)
        return imageNotFound(id);
    if (isStuckWithoutSchedule(m_store->at(index))) {
        // SyncImage "corrects an abnormal status": a stuck image turns out to be fine in SWR.
        ImageRecord record = m_store->record(index);
        record.image.status = u"ACTIVE"_s;
        record.image.statusMessage.clear();
        record.image.updateAtMs = nowMs();
        if (record.image.sizeKb == 0)
            record.image.sizeKb = 3 * 1024 * 1024;
        m_store->replace(index, record);
    }
    return SandboxResponse::jsonBytes(200, m_store->imageJson(index));
}

SandboxResponse ImageApi::registerImage(const SandboxRequest &request)
{
    ++m_counters->registers;
    SandboxResponse error;
    const std::optional<QJsonObject> body = bodyObject(request, &error);
    if (!body)
        return error;

    const QJsonValue swrPathValue = body->value(u"swr_path"_s);
    const QString swrPath = swrPathValue.toString();
    static const QRegularExpression swrPattern(
        u"^(?:((?:[A-Za-z0-9-]+\\.)+[A-Za-z0-9-]+(?::[0-9]{1,5})?|[A-Za-z0-9-]+:[0-9]{1,5}|localhost)/)?"
        u"([a-z][a-z0-9._-]{0,63})/([a-z0-9][a-z0-9._-]{0,127}):([A-Za-z0-9_][A-Za-z0-9._-]{0,127})$"_s);
    const QRegularExpressionMatch match = swrPattern.match(swrPath);
    if (!swrPathValue.isString() || swrPath.size() < 16 || swrPath.size() > 2048 || !match.hasMatch()) {
        return invalidParameter(u"swr_path"_s, u"it must be 16 to 2048 characters shaped like "
                                               u"[registry[:port]/]namespace/name:tag."_s);
    }

    const auto readEnum = [&](const QString &key, const QStringList &allowed, const QString &fallback,
                              QString *target) {
        const QJsonValue value = body->value(key);
        if (value.isUndefined() || value.isNull()) {
            *target = fallback;
            return true;
        }
        if (!value.isString() || !allowed.contains(value.toString().toUpper()))
            return false;
        *target = value.toString();
        return true;
    };
    const auto readList = [&](const QString &key, const QStringList &allowed, const QStringList &fallback,
                              QStringList *target) {
        const QJsonValue value = body->value(key);
        if (value.isUndefined() || value.isNull()) {
            *target = fallback;
            return true;
        }
        if (!value.isArray())
            return false;
        target->clear();
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString() || !allowed.contains(item.toString()))
                return false;
            target->append(item.toString());
        }
        return true;
    };

    Image image;
    if (!readEnum(u"arch"_s, {u"X86_64"_s, u"AARCH64"_s}, u"X86_64"_s, &image.arch))
        return invalidParameter(u"arch"_s, u"it must be X86_64 or AARCH64."_s);
    if (!readEnum(u"origin"_s, {u"CUSTOMIZE"_s, u"IMAGE_SAVE"_s}, u"CUSTOMIZE"_s, &image.origin))
        return invalidParameter(u"origin"_s, u"it must be CUSTOMIZE or IMAGE_SAVE."_s);
    if (!readEnum(u"visibility"_s, {u"PRIVATE"_s, u"PUBLIC"_s}, u"PRIVATE"_s, &image.visibility))
        return invalidParameter(u"visibility"_s, u"it must be PRIVATE or PUBLIC."_s);
    if (!readEnum(u"service_type"_s, ServiceTypes, u"UNKNOWN"_s, &image.serviceType))
        return invalidParameter(u"service_type"_s, u"it must be one of %1."_s.arg(ServiceTypes.join(u", ")));
    if (!readEnum(u"flavor_type"_s, FlavorTypes, QString(), &image.flavorType))
        return invalidParameter(u"flavor_type"_s, u"it must be one of %1."_s.arg(FlavorTypes.join(u", ")));
    if (!readList(u"resource_category"_s, ResourceCategories, {u"CPU"_s, u"GPU"_s},
                  &image.resourceCategories))
        return invalidParameter(u"resource_category"_s, u"it must be an array of CPU, GPU and ASCEND."_s);
    if (!readList(u"services"_s, DevServices, {u"NOTEBOOK"_s, u"SSH"_s}, &image.devServices))
        return invalidParameter(u"services"_s, u"it must be an array of NOTEBOOK and SSH."_s);
    const QJsonValue description = body->value(u"description"_s);
    if (!(description.isUndefined() || description.isNull() || description.isString()) ||
        description.toString().size() > 512) {
        return invalidParameter(u"description"_s, u"it must be a string of at most 512 characters."_s);
    }
    image.description = description.toString();
    const QJsonValue workspace = body->value(u"workspace_id"_s);
    image.workspaceId = workspace.isString() ? workspace.toString() : u"0"_s;
    if (!(workspace.isUndefined() || workspace.isNull() || workspace.isString()) ||
        !isWorkspaceId(image.workspaceId))
        return invalidParameter(u"workspace_id"_s, u"it must be \"0\" or a 32-character ID."_s);
    const QJsonValue readMe = body->value(u"read_me"_s);
    if (!(readMe.isUndefined() || readMe.isNull() || readMe.isString()) || readMe.toString().size() > 3000)
        return invalidParameter(u"read_me"_s, u"it must be a string of at most 3000 characters."_s);
    const std::optional<QList<ImageTag>> tags = parseRegisterTags(body->value(u"tags"_s), &error);
    if (!tags)
        return error;
    image.tags = *tags;
    const QJsonValue swrInstance = body->value(u"swr_instance_id"_s);
    if (!(swrInstance.isUndefined() || swrInstance.isNull() || swrInstance.isString()))
        return invalidParameter(u"swr_instance_id"_s, u"it must be a string."_s);
    image.swrInstanceId = swrInstance.toString();
    image.arch = image.arch.toUpper();
    image.origin = image.origin.toUpper();
    image.visibility = image.visibility.toUpper();
    image.serviceType = image.serviceType.toUpper();

    image.nameSpace = match.captured(2);
    image.name = match.captured(3);
    image.tag = match.captured(4);
    for (int i = 0; i < m_store->size(); ++i) {
        const StoredImage &other = m_store->at(i);
        if (!other.deleted && other.nameSpace == image.nameSpace && other.name == image.name &&
            other.tag == image.tag) {
            return SandboxResponse::error(
                400, u"ModelArts.6737"_s,
                u"Image %1:%2 already exists in namespace %3."_s.arg(image.name, image.tag, image.nameSpace));
        }
    }
    image.swrPath =
        match.captured(1).isEmpty()
            ? DataSetGenerator::swrPath(m_options->regionId, image.nameSpace, image.name, image.tag)
            : swrPath;
    image.id = m_newImageId();
    image.type = u"DEDICATED"_s;
    image.status = u"ACTIVE"_s;
    image.supportResCategories = image.resourceCategories;
    image.createAtMs = image.updateAtMs = nowMs();
    // SWR would report the real size; a stable stand-in between 1 and 9 GB will do.
    const QByteArray digest = QCryptographicHash::hash(swrPath.toUtf8(), QCryptographicHash::Sha256);
    image.sizeKb =
        1024 * 1024 + qint64(quint32(digest.left(4).toHex().toUInt(nullptr, 16)) % (8 * 1024 * 1024));

    ImageRecord record;
    record.image = image;
    const int index = m_store->insert(record);
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

SandboxResponse ImageApi::deleteGroup(const SandboxRequest &request, const QString &groupId)
{
    ++m_counters->groups;
    SandboxResponse error;
    const std::optional<QJsonObject> body = bodyObject(request, &error);
    if (!body)
        return error;
    const QJsonValue isForce = body->value(u"is_force"_s);
    if (!isForce.isUndefined() && !isForce.isBool())
        return invalidParameter(u"is_force"_s, u"it must be a boolean."_s);
    const bool force = isForce.toBool(false);

    const std::optional<ImageGroupInfo> group = m_store->group(groupId);
    if (!group)
        return SandboxResponse::error(400, u"ModelArts.6404"_s,
                                      u"Image group %1 does not exist."_s.arg(groupId));
    // Every version must be deletable before any is deleted.
    for (int index : group->versionIndexes) {
        const StoredImage &image = m_store->at(index);
        if (image.builtIn)
            return builtInRefusal(image);
        if (image.isInUse())
            return inUseRefusal(image);
    }
    const qint64 now = nowMs();
    for (int index : group->versionIndexes)
        markDeleted(*m_store, index, force && m_store->at(index).isPrivate, now);
    return SandboxResponse::json(200, group->toJson());
}

SandboxResponse ImageApi::updateGroup(const SandboxRequest &request, const QString &groupId)
{
    ++m_counters->groups;
    SandboxResponse error;
    const std::optional<QJsonObject> body = bodyObject(request, &error);
    if (!body)
        return error;
    std::optional<ImageGroupInfo> group = m_store->group(groupId);
    if (!group)
        return SandboxResponse::error(400, u"ModelArts.6404"_s,
                                      u"Image group %1 does not exist."_s.arg(groupId));
    const QJsonValue readMe = body->value(u"read_me"_s);
    if (!(readMe.isUndefined() || readMe.isString()) || readMe.toString().size() > 30000)
        return invalidParameter(u"read_me"_s, u"it must be a string of at most 30000 characters."_s);
    const std::optional<QList<ImageTag>> tags = parseTags(body->value(u"tags"_s), &error);
    if (!tags)
        return error;
    const QString newReadMe = readMe.isString() ? readMe.toString() : group->readMe;
    const QList<ImageTag> newTags = body->contains(u"tags"_s) ? *tags : group->tags;
    m_store->setGroupDetails(groupId, newReadMe, newTags);
    group->readMe = newReadMe;
    group->tags = newTags;
    return SandboxResponse::json(200, group->toJson());
}

} // namespace mim::sandbox
