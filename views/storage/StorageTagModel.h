#pragma once

#include "models/storage/StorageFacts.h"

#include <QAbstractTableModel>
#include <QList>

namespace mim {

// The tags of StorageFacts as table rows, for the Storage view's lists. Server strings are shown through
// Formatting::visibleText and only ever as plain text. SortRole gives each column's raw value (bytes, UTC
// time), so a QSortFilterProxyModel sorts sizes as numbers; unknown sizes sort below every known one.
class StorageTagModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn, // ns/repo:tag
        SizeColumn,
        UpdatedColumn,
        RegisteredColumn,
        UsedByColumn,
        ColumnCount,
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        // bool: the tag may be deleted here (not registered in ModelArts).
        DeletableRole,
        // qint64: the tag's bytes, -1 unknown.
        BytesRole,
    };

    explicit StorageTagModel(QObject *parent = nullptr);

    void setTags(const QList<StoredTag> &tags);
    const QList<StoredTag> &tags() const { return m_tags; }
    const StoredTag &tagAt(int row) const { return m_tags.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A cell of `tag` (the repositories tree shows its tags through it too).
    static QVariant tagData(const StoredTag &tag, int column, int role);
    static QVariant columnTitle(int column);

    // The words of the cells, shared with the repositories tree.
    static QString sizeText(qint64 bytes);
    static QString registeredText(const StoredTag &tag);
    static QString usedByText(const StoredTag &tag);
    static QString usedByToolTip(const StoredTag &tag);
    // Not offered for deletion: why, for the tooltip of a registered tag.
    static QString notDeletableReason();

private:
    QList<StoredTag> m_tags;
};

} // namespace mim
