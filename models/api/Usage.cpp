#include "models/api/Usage.h"

#include "models/api/JsonEnvelope.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace mim {

QString usageKindName(UsageKind kind)
{
    switch (kind) {
    case UsageKind::Notebook:
        return u"notebook"_s;
    case UsageKind::TrainingJob:
        return u"training-job"_s;
    case UsageKind::Service:
        return u"service"_s;
    }
    return u"unknown"_s;
}

// ---------------------------------------------------------------------------------------------------------------
// SwrReference

namespace SwrReference {

namespace {
bool isRegistryHost(QStringView component)
{
    return component.contains(u'.') || component.contains(u':') || component == u"localhost";
}

bool isReferenceText(QStringView text)
{
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return false;
    }
    return true;
}
} // namespace

QString normalise(QStringView reference)
{
    if (reference.isEmpty() || reference.size() > 4096 || !isReferenceText(reference))
        return {};
    QStringView rest = reference;
    // A scheme is no part of an image reference, but people paste them.
    for (const QStringView scheme : {u"https://", u"http://"}) {
        if (rest.startsWith(scheme, Qt::CaseInsensitive))
            rest = rest.mid(scheme.size());
    }
    QString digest;
    if (const qsizetype at = rest.indexOf(u'@'); at >= 0) {
        digest = rest.mid(at + 1).toString();
        rest = rest.left(at);
        const qsizetype colon = digest.indexOf(u':');
        if (colon <= 0 || colon == digest.size() - 1)
            return {};
        digest = digest.toLower();
    }
    QList<QStringView> components = rest.split(u'/');
    if (components.size() >= 3 && isRegistryHost(components.constFirst()))
        components.removeFirst();
    if (components.size() < 2)
        return {};
    QString tag;
    QStringView &last = components.last();
    if (const qsizetype colon = last.lastIndexOf(u':'); colon >= 0) {
        tag = last.mid(colon + 1).toString();
        last = last.left(colon);
        if (tag.isEmpty())
            return {};
    }
    QString repository;
    for (const QStringView component : std::as_const(components)) {
        if (component.isEmpty())
            return {};
        if (!repository.isEmpty())
            repository += u'/';
        repository += component.toString().toLower();
    }
    if (!digest.isEmpty())
        return repository + u'@' + digest; // a tag next to a digest does not decide which image it is
    return repository + u':' + (tag.isEmpty() ? u"latest"_s : tag);
}

QString keyOf(const Image &image)
{
    if (!image.swrPath.isEmpty()) {
        const QString key = normalise(image.swrPath);
        if (!key.isEmpty())
            return key;
    }
    if (image.nameSpace.isEmpty() || image.name.isEmpty())
        return {};
    const QString reference =
        image.nameSpace + u'/' + image.name + u':' + (image.tag.isEmpty() ? u"latest"_s : image.tag);
    return normalise(reference);
}

} // namespace SwrReference

// ---------------------------------------------------------------------------------------------------------------
// Parsers

namespace {

// Any count a JSON number holds exactly is read: the listing bounds what it accepts far lower.
std::optional<qint64> readCount(const JsonEnvelope &envelope, QLatin1StringView key, bool required,
                                QString *why)
{
    const JsonEnvelope::Count count = envelope.count(key, JsonEnvelope::MaxExactCount);
    if (!count.valid) {
        *why = u"\"%1\" is not a count"_s.arg(key);
        return std::nullopt;
    }
    if (!count.present) {
        if (!required)
            return qint64(0);
        *why = u"\"%1\" is missing"_s.arg(key);
        return std::nullopt;
    }
    return count.value;
}

// A string member that may be absent (read as empty); any other type makes the record unreadable.
bool readString(const QJsonObject &object, QLatin1StringView key, QString *target)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        target->clear();
        return true;
    }
    if (!value.isString())
        return false;
    *target = value.toString();
    return true;
}

// The first of several names a member goes by.
bool readStringOf(const QJsonObject &object, std::initializer_list<QLatin1StringView> keys, QString *target)
{
    for (const QLatin1StringView key : keys) {
        if (object.contains(key))
            return readString(object, key, target);
    }
    target->clear();
    return true;
}

std::optional<JsonEnvelope> readEnvelope(const QByteArray &body, QString *why)
{
    JsonEnvelope envelope(body);
    if (!envelope.isObject()) {
        *why = envelope.detail();
        return std::nullopt;
    }
    return envelope;
}

std::optional<QJsonArray> readArray(const QJsonObject &object, std::initializer_list<QLatin1StringView> keys,
                                    QString *why)
{
    for (const QLatin1StringView key : keys) {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            continue;
        if (value.isNull())
            return QJsonArray();
        if (!value.isArray()) {
            *why = u"\"%1\" is not an array"_s.arg(key);
            return std::nullopt;
        }
        return value.toArray();
    }
    *why = u"\"%1\" is missing"_s.arg(*keys.begin());
    return std::nullopt;
}

// {id, swr_path}, both optional, at least one present.
bool readImageReference(const QJsonValue &value, ImageReference *reference, QString *why)
{
    if (!value.isObject()) {
        *why = value.isUndefined() ? u"no image"_s : u"image is not an object"_s;
        return false;
    }
    const QJsonObject image = value.toObject();
    if (!readString(image, "id"_L1, &reference->imageId) ||
        !readString(image, "swr_path"_L1, &reference->swrPath)) {
        *why = u"image id or swr_path is not a string"_s;
        return false;
    }
    if (reference->imageId.isEmpty() && reference->swrPath.isEmpty()) {
        *why = u"the image has neither id nor swr_path"_s;
        return false;
    }
    return true;
}

// Shared by the listings: records one line per unreadable item, "record N: why".
QString skipped(qsizetype index, const QString &why)
{
    return u"record %1: %2"_s.arg(index).arg(why);
}

} // namespace

std::optional<NotebookPage> NotebookPage::fromJson(const QByteArray &body, QString *why)
{
    QString localWhy;
    QString &reason = why ? *why : localWhy;
    const std::optional<JsonEnvelope> envelope = readEnvelope(body, &reason);
    if (!envelope)
        return std::nullopt;
    const QJsonObject &object = envelope->object();
    const std::optional<qint64> total = readCount(*envelope, "total"_L1, true, &reason);
    if (!total)
        return std::nullopt;
    const std::optional<QJsonArray> data = readArray(object, {"data"_L1}, &reason);
    if (!data)
        return std::nullopt;
    NotebookPage page;
    page.total = *total;
    for (qsizetype i = 0; i < data->size(); ++i) {
        const QJsonObject item = data->at(i).toObject();
        ImageUser user;
        user.kind = UsageKind::Notebook;
        ImageReference reference;
        QString itemWhy;
        if (!data->at(i).isObject()) {
            page.skippedRecords.append(skipped(i, u"not an object"_s));
            continue;
        }
        if (!readString(item, "id"_L1, &user.id) || !readString(item, "name"_L1, &user.name) ||
            !readString(item, "status"_L1, &user.status)) {
            page.skippedRecords.append(skipped(i, u"id, name or status is not a string"_s));
            continue;
        }
        if (!readImageReference(item.value("image"_L1), &reference, &itemWhy)) {
            page.skippedRecords.append(skipped(i, itemWhy));
            continue;
        }
        user.images.append(reference);
        page.users.append(std::move(user));
    }
    return page;
}

std::optional<TrainingJobPage> TrainingJobPage::fromJson(const QByteArray &body, QString *why)
{
    QString localWhy;
    QString &reason = why ? *why : localWhy;
    const std::optional<JsonEnvelope> envelope = readEnvelope(body, &reason);
    if (!envelope)
        return std::nullopt;
    const QJsonObject &object = envelope->object();
    const std::optional<qint64> total = readCount(*envelope, "total"_L1, true, &reason);
    if (!total)
        return std::nullopt;
    const bool hasCount = object.contains("count"_L1) && !object.value("count"_L1).isNull();
    const std::optional<qint64> count = readCount(*envelope, "count"_L1, false, &reason);
    if (!count)
        return std::nullopt;
    const std::optional<QJsonArray> items = readArray(object, {"items"_L1}, &reason);
    if (!items)
        return std::nullopt;
    TrainingJobPage page;
    page.total = *total;
    page.count = hasCount ? *count : -1;
    for (qsizetype i = 0; i < items->size(); ++i) {
        if (!items->at(i).isObject()) {
            page.skippedRecords.append(skipped(i, u"not an object"_s));
            continue;
        }
        const QJsonObject item = items->at(i).toObject();
        const QJsonValue metadata = item.value("metadata"_L1);
        const QJsonValue status = item.value("status"_L1);
        const QJsonValue engine = item.value("algorithm"_L1).toObject().value("engine"_L1);
        ImageUser user;
        user.kind = UsageKind::TrainingJob;
        ImageReference reference;
        if (!metadata.isObject() || !readString(metadata.toObject(), "id"_L1, &user.id) ||
            !readString(metadata.toObject(), "name"_L1, &user.name)) {
            page.skippedRecords.append(skipped(i, u"metadata id or name cannot be read"_s));
            continue;
        }
        if (!(status.isUndefined() || status.isNull() || status.isObject()) ||
            !readString(status.toObject(), "phase"_L1, &user.status)) {
            page.skippedRecords.append(skipped(i, u"status phase cannot be read"_s));
            continue;
        }
        if (!engine.isObject() || !readString(engine.toObject(), "image_url"_L1, &reference.swrPath)) {
            page.skippedRecords.append(skipped(i, u"algorithm engine image_url cannot be read"_s));
            continue;
        }
        // A job may run a preset engine (engine_id, engine_name) instead of an image: it uses none.
        if (!reference.swrPath.isEmpty())
            user.images.append(reference);
        page.users.append(std::move(user));
    }
    return page;
}

std::optional<ServicePage> ServicePage::fromJson(const QByteArray &body, QString *why)
{
    QString localWhy;
    QString &reason = why ? *why : localWhy;
    const std::optional<JsonEnvelope> envelope = readEnvelope(body, &reason);
    if (!envelope)
        return std::nullopt;
    const QJsonObject &object = envelope->object();
    const std::optional<qint64> total = object.contains("total"_L1)
                                            ? readCount(*envelope, "total"_L1, true, &reason)
                                            : readCount(*envelope, "total_count"_L1, true, &reason);
    if (!total)
        return std::nullopt;
    const std::optional<QJsonArray> data = readArray(object, {"data"_L1, "services"_L1}, &reason);
    if (!data)
        return std::nullopt;
    ServicePage page;
    page.total = *total;
    for (qsizetype i = 0; i < data->size(); ++i) {
        if (!data->at(i).isObject()) {
            page.skippedRecords.append(skipped(i, u"not an object"_s));
            continue;
        }
        const QJsonObject item = data->at(i).toObject();
        ImageUser service;
        service.kind = UsageKind::Service;
        if (!readStringOf(item, {"id"_L1, "service_id"_L1}, &service.id) ||
            !readStringOf(item, {"name"_L1, "service_name"_L1}, &service.name) ||
            !readString(item, "status"_L1, &service.status)) {
            page.skippedRecords.append(skipped(i, u"id, name or status is not a string"_s));
            continue;
        }
        if (service.id.isEmpty()) {
            page.skippedRecords.append(skipped(i, u"no service id"_s));
            continue;
        }
        page.services.append(std::move(service));
    }
    return page;
}

std::optional<ImageUser> serviceFromJson(const QByteArray &body, QString *why)
{
    QString localWhy;
    QString &reason = why ? *why : localWhy;
    const std::optional<JsonEnvelope> envelope = readEnvelope(body, &reason);
    if (!envelope)
        return std::nullopt;
    const QJsonObject &object = envelope->object();
    ImageUser service;
    service.kind = UsageKind::Service;
    if (!readStringOf(object, {"id"_L1, "service_id"_L1}, &service.id) ||
        !readStringOf(object, {"name"_L1, "service_name"_L1}, &service.name) ||
        !readString(object, "status"_L1, &service.status)) {
        reason = u"id, name or status is not a string"_s;
        return std::nullopt;
    }
    const QJsonValue version = object.value("version"_L1);
    if (!version.isObject()) {
        reason = u"\"version\" is missing or not an object"_s;
        return std::nullopt;
    }
    const std::optional<QJsonArray> groups = readArray(version.toObject(), {"instance_groups"_L1}, &reason);
    if (!groups)
        return std::nullopt;
    for (const QJsonValue &group : *groups) {
        if (!group.isObject()) {
            reason = u"an instance group is not an object"_s;
            return std::nullopt;
        }
        const std::optional<QJsonArray> units = readArray(group.toObject(), {"unit_configs"_L1}, &reason);
        if (!units)
            return std::nullopt;
        for (const QJsonValue &unit : *units) {
            ImageReference reference;
            QString unitWhy;
            if (!unit.isObject() ||
                !readImageReference(unit.toObject().value("image"_L1), &reference, &unitWhy)) {
                reason =
                    u"a unit config cannot be read: %1"_s.arg(unit.isObject() ? unitWhy : u"not an object"_s);
                return std::nullopt;
            }
            if (!service.images.contains(reference))
                service.images.append(reference);
        }
    }
    return service;
}

// ---------------------------------------------------------------------------------------------------------------
// ImageUsage

void ImageUsage::addUsers(const QList<ImageUser> &users)
{
    for (const ImageUser &user : users) {
        const qsizetype at = m_users.size();
        m_users.append(user);
        QSet<QString> ids;
        QSet<QString> paths;
        for (const ImageReference &reference : user.images) {
            if (!reference.imageId.isEmpty()) {
                ids.insert(reference.imageId);
                continue;
            }
            const QString key = SwrReference::normalise(reference.swrPath);
            if (!key.isEmpty())
                paths.insert(key);
        }
        for (const QString &id : std::as_const(ids))
            m_byId.insert(id, at);
        for (const QString &path : std::as_const(paths))
            m_byPath.insert(path, at);
    }
}

void ImageUsage::setUnknown(UsageKind kind, const ApiError &reason)
{
    ApiError error = reason;
    if (!error.isError())
        error.kind = ErrorKind::BadResponse;
    m_unknown[index(kind)] = error;
}

bool ImageUsage::isComplete() const
{
    for (const UsageKind kind : AllUsageKinds) {
        if (!isKnown(kind))
            return false;
    }
    return true;
}

QList<ImageUser> ImageUsage::usersOf(const Image &image, const QString &digest) const
{
    QList<qsizetype> found;
    const auto take = [&found](const QList<qsizetype> &indexes) {
        for (const qsizetype i : indexes) {
            if (!found.contains(i))
                found.append(i);
        }
    };
    if (!image.id.isEmpty())
        take(m_byId.values(image.id));
    const QString key = SwrReference::keyOf(image);
    if (!key.isEmpty())
        take(m_byPath.values(key));
    if (!digest.isEmpty() && !key.isEmpty()) {
        const QString repository = key.left(key.lastIndexOf(u':'));
        const QString reference = repository + u'@' + digest;
        const QString digestKey = SwrReference::normalise(reference);
        if (!digestKey.isEmpty())
            take(m_byPath.values(digestKey));
    }
    std::sort(found.begin(), found.end());
    QList<ImageUser> users;
    users.reserve(found.size());
    for (const qsizetype i : std::as_const(found))
        users.append(m_users.at(i));
    return users;
}

UsageState ImageUsage::stateOf(const Image &image, const QString &digest) const
{
    if (!usersOf(image, digest).isEmpty())
        return UsageState::InUse;
    return isComplete() ? UsageState::NotInUse : UsageState::Unknown;
}

} // namespace mim
