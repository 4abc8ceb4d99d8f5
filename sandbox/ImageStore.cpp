#include "ImageStore.h"

#include "ImageJsonWriter.h"

#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace mim::sandbox {

namespace {

// UUIDv5 namespace of group ids, so the same namespace/name always has the same group id.
const QUuid GroupIdNamespace(u"6f2a0c54-2d0e-4b59-9c1d-3e8a7b5f4c21"_s);

int compareField(const StoredImage &a, const StoredImage &b, SortField field)
{
    switch (field) {
    case SortField::CreateAt:
        return a.createAtMs < b.createAtMs ? -1 : (a.createAtMs > b.createAtMs ? 1 : 0);
    case SortField::UpdateAt:
        return a.updateAtMs < b.updateAtMs ? -1 : (a.updateAtMs > b.updateAtMs ? 1 : 0);
    case SortField::Name:
        return a.name.compare(b.name);
    case SortField::Size:
        return a.sizeKb < b.sizeKb ? -1 : (a.sizeKb > b.sizeKb ? 1 : 0);
    }
    return 0;
}

QString sortKeyString(const QList<SortField> &keys)
{
    QString text;
    for (SortField field : keys)
        text += QChar(u'0' + int(field));
    return text;
}

bool nameMatches(const QString &candidate, const QString &wanted, bool fuzzy)
{
    return fuzzy ? candidate.contains(wanted, Qt::CaseInsensitive) : candidate == wanted;
}

QByteArray boolText(bool value)
{
    return value ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
}

} // namespace

QJsonObject ImageGroupInfo::toJson() const
{
    QJsonArray tagArray;
    for (const ImageTag &tag : tags)
        tagArray.append(QJsonObject{{u"key"_s, tag.key}, {u"value"_s, tag.value}});
    return QJsonObject{{u"id"_s, id},
                       {u"name"_s, name},
                       {u"namespace"_s, nameSpace},
                       {u"create_at"_s, createAtMs},
                       {u"update_at"_s, updateAtMs},
                       {u"version_count"_s, int(versionIndexes.size())},
                       {u"description"_s, description},
                       {u"read_me"_s, readMe},
                       {u"icon_name"_s, QString()},
                       {u"swr_instance_name"_s, QString()},
                       {u"swr_instance_id"_s, QString()},
                       {u"tags"_s, tagArray}};
}

void ImageStore::clear()
{
    m_images.clear();
    m_indexById.clear();
    m_groupDetails.clear();
    m_sortedOrders.clear();
    ++m_version;
}

void ImageStore::reserve(int count)
{
    m_images.reserve(size_t(count));
    m_indexById.reserve(count);
}

StoredImage ImageStore::store(const ImageRecord &record)
{
    const Image &image = record.image;
    StoredImage stored;
    stored.json = writeImageJson(image);
    stored.id = image.id;
    stored.name = image.name;
    stored.tag = image.tag;
    stored.nameSpace = image.nameSpace;
    stored.serviceType = image.serviceType;
    stored.workspaceId = image.workspaceId;
    stored.status = image.status;
    stored.inUseBy = record.inUseBy;
    stored.createAtMs = image.createAtMs;
    stored.updateAtMs = image.updateAtMs;
    stored.sizeKb = image.sizeKb;
    stored.builtIn = image.isBuiltIn();
    stored.isPrivate = image.isPrivate();
    stored.deleted = record.deleted;
    stored.swrContentDeleted = record.swrContentDeleted;
    stored.settleScheduled = record.settleScheduled;
    stored.inSharedSwr =
        image.swrInstanceId.isEmpty() && image.swrPath.startsWith(u"swr.") &&
        image.swrPath.endsWith(u'/' + image.nameSpace + u'/' + image.name + u':' + image.tag);
    return stored;
}

int ImageStore::insert(const ImageRecord &record)
{
    Q_ASSERT(!m_indexById.contains(record.image.id));
    const int index = int(m_images.size());
    m_images.push_back(store(record));
    m_indexById.insert(m_images.back().id, index);
    m_sortedOrders.clear();
    ++m_version;
    return index;
}

int ImageStore::indexOf(const QString &id) const
{
    return m_indexById.value(id, -1);
}

ImageRecord ImageStore::record(int index) const
{
    const StoredImage &stored = at(index);
    ImageRecord record;
    record.image = Image::fromJson(QJsonDocument::fromJson(stored.json).object()).value_or(Image());
    record.deleted = stored.deleted;
    record.swrContentDeleted = stored.swrContentDeleted;
    record.inUseBy = stored.inUseBy;
    record.settleScheduled = stored.settleScheduled;
    return record;
}

void ImageStore::replace(int index, const ImageRecord &record)
{
    StoredImage &stored = m_images[size_t(index)];
    Q_ASSERT(stored.id == record.image.id);
    StoredImage updated = store(record);
    // Deleted images leave every listing, so their order no longer matters.
    const bool orderChanged =
        !updated.deleted &&
        (updated.createAtMs != stored.createAtMs || updated.updateAtMs != stored.updateAtMs ||
         updated.sizeKb != stored.sizeKb || updated.name != stored.name);
    stored = std::move(updated);
    if (orderChanged)
        m_sortedOrders.clear();
    ++m_version;
}

QByteArray ImageStore::stateJson(int index) const
{
    const StoredImage &image = at(index);
    QByteArray json = image.json;
    json.chop(1); // the closing brace of the object
    json += ",\"deleted\":" + boolText(image.deleted) +
            ",\"swr_content_deleted\":" + boolText(image.swrContentDeleted) +
            ",\"in_use\":" + boolText(image.isInUse()) + ",\"in_use_by\":";
    appendJsonString(json, image.inUseBy);
    json += '}';
    return json;
}

const std::vector<int> &ImageStore::sortedOrder(const QList<SortField> &keys) const
{
    const QString cacheKey = sortKeyString(keys);
    auto it = m_sortedOrders.find(cacheKey);
    if (it != m_sortedOrders.end())
        return *it;

    std::vector<int> order(m_images.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::sort(order.begin(), order.end(), [this, &keys](int left, int right) {
        const StoredImage &a = m_images[size_t(left)];
        const StoredImage &b = m_images[size_t(right)];
        for (SortField field : keys) {
            if (const int c = compareField(a, b, field))
                return c < 0;
        }
        return a.id < b.id;
    });
    return *m_sortedOrders.insert(cacheKey, std::move(order));
}

bool ImageStore::matches(const StoredImage &image, const ImageQuery &query) const
{
    if (image.deleted)
        return false;
    if (query.type && image.builtIn != (*query.type == u"BUILD_IN"))
        return false;
    if (query.nameSpace && image.nameSpace != *query.nameSpace)
        return false;
    if (query.serviceType && image.serviceType != *query.serviceType)
        return false;
    if (query.workspaceId && image.workspaceId != *query.workspaceId)
        return false;
    if (query.name && !nameMatches(image.name, *query.name, query.nameFuzzyMatch))
        return false;
    return true;
}

ImagePageResult ImageStore::list(const ImageQuery &query) const
{
    const QList<SortField> keys =
        query.sortKeys.isEmpty() ? QList<SortField>{SortField::CreateAt} : query.sortKeys;
    const auto optionalText = [](const std::optional<QString> &value) {
        return value ? u"=" + *value : QString();
    };
    const QString filterKey = sortKeyString(keys) + (query.ascending ? u"|A|"_s : u"|D|"_s) +
                              optionalText(query.name) + u'|' + (query.nameFuzzyMatch ? u'f' : u'x') + u'|' +
                              optionalText(query.nameSpace) + u'|' + optionalText(query.type) + u'|' +
                              optionalText(query.serviceType) + u'|' + optionalText(query.workspaceId);

    if (m_filtered.version != m_version || m_filtered.key != filterKey) {
        const std::vector<int> &order = sortedOrder(keys);
        std::vector<int> indexes;
        indexes.reserve(order.size());
        const auto collect = [&](int index) {
            if (matches(m_images[size_t(index)], query))
                indexes.push_back(index);
        };
        if (query.ascending)
            std::for_each(order.begin(), order.end(), collect);
        else
            std::for_each(order.rbegin(), order.rend(), collect);
        m_filtered.version = m_version;
        m_filtered.key = filterKey;
        m_filtered.indexes = std::move(indexes);
    }

    ImagePageResult result;
    result.total = qint64(m_filtered.indexes.size());
    const qint64 first = std::min<qint64>(query.offset, result.total);
    const qint64 last = std::min<qint64>(first + query.limit, result.total);
    result.indexes.reserve(last - first);
    for (qint64 i = first; i < last; ++i)
        result.indexes.append(m_filtered.indexes[size_t(i)]);
    return result;
}

QString ImageStore::groupIdOf(const QString &nameSpace, const QString &name)
{
    return QUuid::createUuidV5(GroupIdNamespace, nameSpace + u'/' + name).toString(QUuid::WithoutBraces);
}

QList<ImageGroupInfo> ImageStore::groups(const GroupQuery &query) const
{
    QHash<QString, int> positionByKey;
    QList<ImageGroupInfo> result;
    QList<int> newestVersion; // per group: whose description the group shows
    for (size_t i = 0; i < m_images.size(); ++i) {
        const StoredImage &image = m_images[i];
        if (image.deleted)
            continue;
        if ((query.type && image.builtIn != (*query.type == u"BUILD_IN")) ||
            (query.workspaceId && image.workspaceId != *query.workspaceId) ||
            (query.nameSpace && image.nameSpace != *query.nameSpace) ||
            (query.name && !nameMatches(image.name, *query.name, query.nameFuzzyMatch))) {
            continue;
        }
        const QString key = image.nameSpace + u'/' + image.name;
        auto position = positionByKey.find(key);
        if (position == positionByKey.end()) {
            ImageGroupInfo group;
            group.id = groupIdOf(image.nameSpace, image.name);
            group.name = image.name;
            group.nameSpace = image.nameSpace;
            group.createAtMs = image.createAtMs;
            group.updateAtMs = image.updateAtMs;
            const GroupDetails details = m_groupDetails.value(group.id);
            group.readMe = details.readMe;
            group.tags = details.tags;
            position = positionByKey.insert(key, int(result.size()));
            result.append(group);
            newestVersion.append(int(i));
        }
        ImageGroupInfo &group = result[*position];
        group.versionIndexes.append(int(i));
        group.createAtMs = std::min(group.createAtMs, image.createAtMs);
        if (image.updateAtMs > group.updateAtMs) {
            group.updateAtMs = image.updateAtMs;
            newestVersion[*position] = int(i);
        }
    }
    for (qsizetype i = 0; i < result.size(); ++i)
        result[i].description = record(newestVersion.at(i)).image.description;
    std::sort(result.begin(), result.end(), [](const ImageGroupInfo &a, const ImageGroupInfo &b) {
        return a.updateAtMs != b.updateAtMs ? a.updateAtMs > b.updateAtMs : a.id < b.id;
    });
    return result;
}

std::optional<ImageGroupInfo> ImageStore::group(const QString &groupId) const
{
    const QList<ImageGroupInfo> all = groups(GroupQuery{});
    for (const ImageGroupInfo &group : all) {
        if (group.id == groupId)
            return group;
    }
    return std::nullopt;
}

void ImageStore::setGroupDetails(const QString &groupId, const QString &readMe, const QList<ImageTag> &tags)
{
    m_groupDetails.insert(groupId, GroupDetails{readMe, tags});
    ++m_version;
}

} // namespace mim::sandbox
