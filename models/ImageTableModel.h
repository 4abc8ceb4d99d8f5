#pragma once

#include "api/Image.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>

namespace mim {

namespace detail {
struct ImageRow;
}

// One row per image. DisplayRole is human text; SortRole carries the raw value the column sorts by.
// Updates are incremental (insert, remove, dataChanged), never a reset once rows exist, so a refresh keeps
// the view's selection, sort and scroll position.
class ImageTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Tag,
        Status,
        Size,
        Created,
        Updated,
        Type,
        Visibility,
        Architecture,
        ServiceType,
        Resources,
        Namespace,
        SwrPath,
        Id,
        Workspace,
        Description,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1, // raw value: qint64 for size and dates, natural-sort key for text
        ImageIdRole,
        RowActivityRole, // RowActivity as int
        IsBuiltInRole,
        IsPrivateRole,
        SizeKbRole,
        FacetValueRole, // the raw value a facet filter compares against (e.g. "ACTIVE", "X86_64")
    };

    // What the app is doing with a row right now, shown next to its status.
    enum class RowActivity
    {
        None,
        Deleting,
        Polling, // settling image whose status is being watched
        Resyncing,
    };

    explicit ImageTableModel(QObject *parent = nullptr);
    ~ImageTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Makes the model hold exactly these images: changed rows are updated, missing rows removed, new rows
    // appended. Identity is the image id.
    void setImages(const QList<Image> &images);
    void upsertImage(const Image &image);
    void removeImage(const QString &id);
    void clear();

    int rowOfId(const QString &id) const;
    // Compares two rows by a column's SortRole value without building QVariants (for the sort proxy):
    // negative, zero or positive, like QString::compare.
    int compareRows(int left, int right, int column) const;
    const Image &imageAt(int row) const;
    QList<Image> images() const;
    qint64 totalSizeKb() const;

    void setRowActivity(const QString &id, RowActivity activity);
    RowActivity rowActivity(const QString &id) const;

    // Sets every row's activity back to None (e.g. after the deletion run ends).
    void clearRowActivities();

    static QString columnTitle(Column column);
    // "Deleting…", "Watching…": the word shown after the status; empty for None.
    static QString activityText(RowActivity activity);

private:
    // What the model derives from an image, kept beside it: computed once when the row is created or its
    // image changes, so that sorting compares ready-made keys.
    using Row = detail::ImageRow;
    static Row makeRow(const Image &image);
    QString statusDisplay(int row) const;
    QVariant sortValue(int row, int column) const;
    QVariant facetValue(int row, int column) const;
    void replaceImage(int row, const Image &image);
    void emitRowChanged(int first, int last);
    void removeRowRange(int first, int last);
    void reindexFrom(int firstRow);
    const QIcon &iconForStatus(const QString &status) const;

    // Parallel lists, one entry per row. The images are held as given (implicitly shared with the caller's
    // list), which keeps a first load of many rows cheap.
    QList<Image> m_images;
    QList<Row> m_rows;
    // Row of each id. After removals the stored rows may be too high by at most m_indexDrift (rows only ever
    // move up), which lookups correct by a short scan, so that removing one row is not O(rows).
    QHash<QString, int> m_rowById;
    int m_indexDrift = 0;
    qint64 m_totalSizeKb = 0;
    mutable QHash<QString, QIcon> m_statusIcons;
};

} // namespace mim
