#pragma once

#include "models/api/SizeUnitInference.h"
#include "models/groups/ImageGroup.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>

class QTimer;

namespace mim {

class ImageTableModel;

// Image groups as a tree: one top-level row per group of ListImageGroup (name, namespace, number of versions,
// last update) with the versions the image table knows as its children (matched by namespace and name,
// newest first). Children follow the table: a refresh or a deletion there shows here without collapsing
// the tree.
class ImageGroupModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name, // group: the image name; version: the tag
        Namespace,
        Versions,
        Status,
        Size,
        Updated,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1, // raw value: qint64 for sizes, dates and counts, folded text otherwise
        GroupIdRole,                 // of the group, also on its versions
        ImageIdRole,                 // versions only
        IsGroupRole,
    };

    explicit ImageGroupModel(ImageTableModel *images, QObject *parent = nullptr);
    ~ImageGroupModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setGroups(const QList<ImageGroup> &groups);
    void removeGroup(const QString &groupId);
    void clear();

    int groupCount() const { return int(m_groups.size()); }
    const ImageGroup &groupAt(int row) const { return m_groups.at(row).group; }
    // -1 for an empty id: groups listed without an id are not found by it.
    int rowOfGroup(const QString &groupId) const;
    QModelIndex indexOfGroup(const QString &groupId) const;
    // The group a row stands for (its own or its parent's); nullptr for an invalid index.
    const ImageGroup *groupOf(const QModelIndex &index) const;
    // The versions of a group that the image table knows, newest first.
    QList<Image> versionsOf(const QString &groupId) const;
    qint64 knownSizeKb(int groupRow) const;
    // The table's (the account's) unit of `size`, read when a cell is painted.
    const SizeUnit::Inference &sizeUnit() const;

private:
    struct Entry
    {
        ImageGroup group;
        quintptr serial = 0; // a child's internal id: stays valid when groups before it are removed
        QList<Image> versions;
    };

    // The versions in the image list that failed to save.
    static int failedVersions(const Entry &entry);
    bool isVersionIndex(const QModelIndex &index) const { return index.internalId() != 0; }
    int rowOfSerial(quintptr serial) const;
    QVariant groupData(int row, int column, int role) const;
    // The ImageTableModel::Column a version's column shows (it reads as the image table's), or -1.
    static int imageColumn(int column);
    QVariant versionData(const Image &image, const ImageGroup &group, int column, int role) const;
    QHash<QString, QList<Image>> versionsByKey() const;
    void scheduleSync();
    void syncVersions();
    void reindex();

    QPointer<ImageTableModel> m_images;
    QList<Entry> m_groups;
    QHash<quintptr, int> m_rowBySerial;
    quintptr m_nextSerial = 1;
    QTimer *m_syncTimer = nullptr;
};

} // namespace mim
