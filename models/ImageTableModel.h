#pragma once

#include "api/Image.h"

#include <memory>
#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>

namespace mim {

namespace detail {
struct ImageRow;
struct PreparedImageData;
} // namespace detail

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

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;

    // Makes the model hold exactly these images: changed rows are updated, missing rows removed, new rows
    // appended. Identity is the image id.
    void setImages(const QList<Image> &images);

    // setImages() in two steps, so that its costly part can run on a worker thread (ImageCatalog does that
    // with 100,000 images): prepare() is a pure function of the images, safe on any thread; applyPrepared()
    // then merges on the model's thread, which costs little more than the signals.
    class PreparedImages
    {
    public:
        PreparedImages();
        ~PreparedImages();
        PreparedImages(const PreparedImages &);
        PreparedImages(PreparedImages &&) noexcept;
        PreparedImages &operator=(const PreparedImages &);
        PreparedImages &operator=(PreparedImages &&) noexcept;
        qsizetype size() const;

    private:
        friend class ImageTableModel;
        std::shared_ptr<detail::PreparedImageData> m_data;
    };
    // Rows that the merge adds for settling images (INIT, CREATING) start with `settlingActivity`; rows
    // already in the model keep theirs.
    static PreparedImages prepare(const QList<Image> &images,
                                  RowActivity settlingActivity = RowActivity::None);
    void applyPrepared(PreparedImages prepared);
    void upsertImage(const Image &image);
    void removeImage(const QString &id);
    void clear();

    int rowOfId(const QString &id) const;
    // Compares two rows by a column's SortRole value without building QVariants (for the sort proxy):
    // negative, zero or positive, like QString::compare.
    int compareRows(int left, int right, int column) const;

    // The rows' order by a column as ranks: sortRanks(c)[a] < sortRanks(c)[b] exactly when
    // compareRows(a, b, c) < 0, and equal values have equal ranks. The first call after a change sorts every
    // row by that column (a few milliseconds for 100,000 rows; more for columns of unique text such as the
    // id), later ones return the kept result, until rows are added or changed. A sorting proxy then compares
    // two integers instead of two values.
    const QList<int> &sortRanks(int column) const;
    bool hasSortRanks(int column) const
    {
        return column >= 0 && m_ranksColumn == column && m_ranks.size() == m_images.size();
    }
    // The ranks when they are current, else nullptr: never sorts. For comparisons made millions of times.
    const QList<int> *currentSortRanks(int column) const { return hasSortRanks(column) ? &m_ranks : nullptr; }
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
    // What the model keeps beside each image.
    using Row = detail::ImageRow;
    static Row makeRow(const Image &image);
    QString statusDisplay(int row) const;
    QString sortKey(int row, int column) const;
    void invalidateSortRanks();
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
    // sortRanks() of one column; valid while m_ranksColumn >= 0. Removing rows keeps them valid (the order
    // of the others does not change), anything else drops them.
    mutable QList<int> m_ranks;
    mutable int m_ranksColumn = -1;
};

} // namespace mim
