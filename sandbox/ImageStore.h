#pragma once

#include "models/api/Image.h"

#include <optional>
#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <vector>

namespace mim::sandbox {

// One image as the sandbox knows it: the API object plus what only the server knows.
struct ImageRecord
{
    Image image;
    bool deleted = false;
    bool swrContentDeleted = false;
    QString inUseBy;              // name of the notebook using the image; empty = not in use
    bool settleScheduled = false; // its status will change by itself (demo set)

    bool isInUse() const { return !inUseBy.isEmpty(); }
};

// How an image is kept: its JSON, written once, and the few fields that listing, sorting and the delete
// rules need. About a kilobyte per image, so 100,000 of them stay near 130 MB however often they are listed.
struct StoredImage
{
    QByteArray json; // compact ImageResponse JSON
    QString id;
    QString name;
    QString tag;
    QString nameSpace;
    QString serviceType;
    QString workspaceId;
    QString status;
    QString inUseBy;
    qint64 createAtMs = 0;
    qint64 updateAtMs = 0;
    qint64 sizeKb = 0;
    bool builtIn = false;
    bool isPrivate = false;
    bool deleted = false;
    bool swrContentDeleted = false;
    bool settleScheduled = false;
    // swr_path names the region's shared SWR as namespace/name:tag and no SWR Enterprise instance is set, so
    // the image's content is a tag that the /v2/manage routes list (SwrRegistry).
    bool inSharedSwr = false;

    bool isInUse() const { return !inUseBy.isEmpty(); }
    QString nameAndTag() const { return name + u':' + tag; }
};

enum class SortField
{
    CreateAt,
    UpdateAt,
    Name,
    Size,
};

// The filters, order and page of ListImage. Unset optionals do not filter.
struct ImageQuery
{
    std::optional<QString> name;
    bool nameFuzzyMatch = true; // substring, case-insensitive; false = exact
    std::optional<QString> nameSpace;
    std::optional<QString> type;
    std::optional<QString> serviceType;
    std::optional<QString> workspaceId;
    QList<SortField> sortKeys; // empty = create_at
    bool ascending = false;
    int offset = 0;
    int limit = 200;
};

struct ImagePageResult
{
    qint64 total = 0;
    QList<int> indexes; // into the store, in page order
};

// A group: every live version (tag) of one namespace/name.
struct ImageGroupInfo
{
    QString id;
    QString name;
    QString nameSpace;
    qint64 createAtMs = 0;
    qint64 updateAtMs = 0;
    QString description; // of the most recently updated version
    QString readMe;
    QList<ImageTag> tags;
    QList<int> versionIndexes;

    QJsonObject toJson() const;
};

struct GroupQuery
{
    std::optional<QString> name;
    bool nameFuzzyMatch = true;
    std::optional<QString> nameSpace;
    std::optional<QString> type;
    std::optional<QString> workspaceId;
};

// Every image the sandbox knows, deleted ones included, with the indexes that keep paging through 100,000
// of them cheap: one sorted order per sort key (rebuilt only when a sort key of a live image changes) and
// the last filtered result (rebuilt when anything changes).
class ImageStore
{
public:
    void clear();
    int size() const { return int(m_images.size()); }
    // Bumped by every change, so that what is derived from the images knows when to derive again.
    quint64 version() const { return m_version; }
    void reserve(int count);

    // Returns the new image's index. The id must not exist yet.
    int insert(const ImageRecord &record);
    int indexOf(const QString &id) const;
    const StoredImage &at(int index) const { return m_images[size_t(index)]; }
    // The full record, read back from its JSON.
    ImageRecord record(int index) const;
    void replace(int index, const ImageRecord &record);

    const QByteArray &imageJson(int index) const { return at(index).json; }
    // imageJson() plus "deleted", "swr_content_deleted", "in_use" and "in_use_by".
    QByteArray stateJson(int index) const;

    ImagePageResult list(const ImageQuery &query) const;

    // Every group matching the query, most recently updated first.
    QList<ImageGroupInfo> groups(const GroupQuery &query) const;
    std::optional<ImageGroupInfo> group(const QString &groupId) const;
    void setGroupDetails(const QString &groupId, const QString &readMe, const QList<ImageTag> &tags);

    // The deterministic id of the group of namespace/name.
    static QString groupIdOf(const QString &nameSpace, const QString &name);

private:
    static StoredImage store(const ImageRecord &record);
    const std::vector<int> &sortedOrder(const QList<SortField> &keys) const;
    bool matches(const StoredImage &image, const ImageQuery &query) const;

    struct GroupDetails
    {
        QString readMe;
        QList<ImageTag> tags;
    };

    std::vector<StoredImage> m_images;
    QHash<QString, int> m_indexById;
    QHash<QString, GroupDetails> m_groupDetails;

    quint64 m_version = 0; // bumped by every change
    mutable QHash<QString, std::vector<int>> m_sortedOrders;

    struct FilteredCache
    {
        quint64 version = ~quint64(0);
        QString key;
        std::vector<int> indexes;
    };
    mutable FilteredCache m_filtered;
};

} // namespace mim::sandbox
