#include "DataSetGenerator.h"
#include "ImageApi.h"
#include "ImageApiRequests.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

// The image API's writes: DeleteImage, SyncImage, RegisterImage, DeleteImageGroup, UpdateImageGroup.

namespace mim::sandbox {

using namespace requests;

namespace {

const QStringList ResourceCategories{u"CPU"_s, u"GPU"_s, u"ASCEND"_s};
const QStringList DevServices{u"NOTEBOOK"_s, u"SSH"_s, u"AI_FLOW"_s};
const QStringList FlavorTypes{u"ASCEND_SNT9"_s, u"ASCEND_SNT9B"_s, u"ASCEND_SNT3"_s};

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
