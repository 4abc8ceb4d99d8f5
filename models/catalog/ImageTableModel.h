#pragma once

#include "models/api/Image.h"
#include "models/api/SizeUnitInference.h"
#include "models/catalog/ImageSlots.h"
#include "models/catalog/UsageSummary.h"
#include "models/common/Formatting.h"

#include <memory>
#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QPointer>
#include <vector>

namespace mim {

class ReportedSizeUnit;

namespace detail {
struct ImageRow;
struct PreparedImageData;
struct GrowthData;
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
        UsedBy, // not a field of the image: the notebooks, jobs and services of setUsage() that run it
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
        FacetValueRole,   // the raw value a facet filter compares against (e.g. "ACTIVE", "X86_64")
        IsCachedOnlyRole, // bool: the row comes from the listing cache and no live listing confirmed it yet
    };

    // What the app is doing with a row right now, shown next to its status.
    enum class RowActivity
    {
        None,
        Deleting,
        Polling, // settling image whose status is being watched
        Resyncing,
        Stuck, // settling image unchanged for a long time: no longer watched (ImageCatalog::StuckAfterMs)
    };

    explicit ImageTableModel(QObject *parent = nullptr);
    ~ImageTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    // Every cell: selectable, enabled, never a parent.
    static constexpr Qt::ItemFlags CellFlags{Qt::ItemIsSelectable | Qt::ItemIsEnabled |
                                             Qt::ItemNeverHasChildren};
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Makes the model hold exactly these images: changed rows are updated, missing rows removed, new rows
    // appended (or, while sorted, inserted at their place). Identity is the image id.
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
    // Rows that the merge adds for images that can be watched (Image::canBeWatched()) start with
    // `settlingActivity`; rows already in the model keep theirs. What is computed for an image that `known`
    // (a growthBase()) holds unchanged is taken from it: the final merge of a listing whose pages were shown
    // as they arrived computes only what is new.
    class Growth;
    static PreparedImages prepare(const QList<Image> &images,
                                  RowActivity settlingActivity = RowActivity::None,
                                  const Growth *known = nullptr);
    void applyPrepared(PreparedImages prepared);
    // Like applyPrepared(), but rows missing from `prepared` stay: for images arriving a page at a time.
    void addPrepared(PreparedImages prepared);
    // A merge computed on a worker thread, so that the GUI thread only swaps the result in and tells the
    // views (ImageCatalog merges every batch of a listing so). growthBase() snapshots the model, cheaply:
    // its lists are shared, not copied. grow() merges prepared images into a snapshot and sorts it, on any
    // thread. adoptGrowth() swaps the result in on the model's thread: changed rows, one insertion at the
    // end, one layout change, and (removeMissing) the removal of rows the images lack. It refuses, changing
    // nothing, when the model changed since the snapshot; the caller then merges grown.prepared() as usual.
    class Growth
    {
    public:
        Growth();
        ~Growth();
        Growth(const Growth &);
        Growth(Growth &&) noexcept;
        Growth &operator=(const Growth &);
        Growth &operator=(Growth &&) noexcept;
        PreparedImages prepared() const;

    private:
        friend class ImageTableModel;
        std::shared_ptr<detail::GrowthData> m_data;
    };
    Growth growthBase() const;
    static Growth grow(Growth base, PreparedImages prepared, bool removeMissing);
    // Takes the growth's data when it adopts it; leaves `grown` as it was when it refuses.
    bool adoptGrowth(Growth &grown);
    // Lets go of a growth that will not be adopted (refused, or no longer wanted) on a worker thread: it
    // shares the table's lists, and freeing the rest of 100,000 rows would hold the GUI thread up.
    static void discardGrowth(Growth &&grown);
    // Into an empty model only: rows from the listing cache, each cached-only until a live listing (any
    // merge or page that holds its image) confirms it; the merge of a whole listing removes the others.
    // False, and nothing changes, when the model has rows.
    bool showCached(PreparedImages prepared);
    // showCached() with the sort done on a worker thread, like a growth: growCached() marks the prepared rows
    // cached-only and merges and sorts them into `base`, a growthBase() of the empty model, on any thread;
    // showCached(Growth) adopts the result, so that the model's thread only inserts. When the model changed
    // since `base` (another sort, rows), it shows grown.prepared() as showCached(PreparedImages) does.
    static Growth growCached(Growth base, PreparedImages prepared);
    bool showCached(Growth &grown);
    bool isCachedOnly(const QString &id) const;
    int cachedOnlyCount() const { return m_cachedOnlyCount; }
    // Changes with every change of the rows (images, activities, cached state), their order or their
    // sorting: the same revision, the same rows.
    quint64 revision() const { return m_revision; }
    void upsertImage(const Image &image);
    void removeImage(const QString &id);
    void clear();

    int rowOfId(const QString &id) const;
    // Compares two rows by a column's SortRole value without building QVariants: negative, zero or
    // positive, like QString::compare.
    int compareRows(int left, int right, int column) const;

    // Keeps the rows in the order of a column (-1: in the order they are, no longer sorted), also when
    // images are added or change: rows move with layoutChanged (or rowsInserted at their place, or
    // rowsMoved). ImageFilterModel forwards its sort() here, so that a proxy over 100,000 rows never sorts:
    // the rows are reordered by an index of their positions, not by moving images, from a sort of integer
    // ranks, not of strings.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // A number that stays with a row while it exists, whatever the sorting does to its position; once the
    // row is removed it may be given to another. Always below rowKeyLimit(). For caches kept beside the rows.
    int rowKey(int row) const { return m_order.at(row); }
    int rowKeyLimit() const { return int(m_images.size()); }
    // By key, for passes over every row that need no order: keys follow the images in memory.
    bool isRowKeyInUse(int key) const { return m_rowOfSlot.at(key) >= 0; }
    const Image &imageOfRowKey(int key) const { return m_images.at(key); }
    struct SearchHints;
    const SearchHints &searchHintsOfRowKey(int key) const;

    const Image &imageAt(int row) const;
    QList<Image> images() const;
    // images(), in two steps, so that copying 100,000 images can run on a worker thread: the snapshot costs
    // the model's thread nothing (its lists are shared, not copied); images() then copies them in row order
    // on any thread, and lets go of the model's lists, which a change of the model would otherwise copy.
    class ImagesSnapshot
    {
    public:
        QList<Image> images();

    private:
        friend class ImageTableModel;
        ImageSlots m_images;
        QList<int> m_order;
    };
    ImagesSnapshot imagesSnapshot() const;
    qint64 totalSizeKb() const;

    // What a search of a row may skip: fields whose text another field searched holds too, and with
    // IsBuiltIn and `characters`, often the row's image altogether.
    enum SearchHint : quint8
    {
        SwrPathHasName = 0x1,      // the SWR path contains the name
        SwrPathHasTag = 0x2,       // ... the tag
        SwrPathHasNamespace = 0x4, // ... the namespace
        IdIsHex = 0x8,             // the id is hex digits and dashes only, like every ModelArts id
        IsBuiltIn = 0x10,          // Image::isBuiltIn()
    };
    struct SearchHints
    {
        quint8 covered = 0; // SearchHint flags
        // characterBit() of every unit of the fields a text search looks in (SWR path, name, tag, namespace,
        // id, description), case-folded: a text with a unit whose bit is missing cannot match.
        quint64 characters = 0;
        friend bool operator==(const SearchHints &, const SearchHints &) = default;
    };
    const SearchHints &searchHints(int row) const;
    // One of 64 bits for a case-folded UTF-16 unit: its own for each ASCII letter and digit, shared by
    // others.
    static quint64 characterBit(char16_t foldedUnit);
    // Only hex digits and dashes, like every ModelArts id: other text cannot be part of such an id.
    static bool isHexOrDash(QStringView text);

    // Workspace names by id (from ListWorkspace), for the Workspace column and facet: workspaceText() is the
    // name when known, "Default" for the default workspace "0", else the id itself.
    void setWorkspaceNames(const QHash<QString, QString> &names);
    QString workspaceText(const QString &workspaceId) const;
    // How the Created and Updated cells show their date; tooltips keep the long form.
    void setDateStyle(Formatting::DateStyle style);
    Formatting::DateStyle dateStyle() const { return m_dateStyle; }
    // The account's unit of ModelArts' `size` (owned by AccountSession), which the Size column shows sizes
    // in; nullptr: the documented KB. A change repaints the Size column only: the order a constant factor
    // cannot change, so there is neither a reset nor a re-sort.
    void setSizeUnit(ReportedSizeUnit *unit);
    const SizeUnit::Inference &sizeUnit() const;

    void setRowActivity(const QString &id, RowActivity activity);
    RowActivity rowActivity(const QString &id) const;
    // The same by row, for a pass over every row: no lookup of the id.
    void setRowActivityAt(int row, RowActivity activity);
    RowActivity rowActivityAt(int row) const;

    // Sets every row's activity back to None (e.g. after the deletion run ends).
    void clearRowActivities();

    // Who uses which image, for the UsedBy column and the usage facet; the rows stay, their UsedBy cells
    // change (and move, when sorted by it).
    void setUsage(const UsageSummary &usage);
    const UsageSummary &usage() const { return m_usage; }

    // The column table's (ImageColumns) answers for this model's columns. rawText(): the field a text
    // column shows as it is and sorts by; empty for the numeric columns, whose text is formatted.
    static QString rawText(const Image &image, int column);
    // Size (KB), Created and Updated (ms since the epoch) show formatted text but sort, filter and export as
    // these numbers; numericValue() is 0 for any other column.
    static bool isNumericColumn(int column);
    static qint64 numericValue(const Image &image, int column);
    static QString columnTitle(Column column);
    // "Deleting…", "Watching…": the word shown after the status; empty for None.
    static QString activityText(RowActivity activity);
    // What the activity means and what the user can do, for the Status tooltip; empty when the text says it.
    static QString activityToolTip(RowActivity activity);

private:
    // What the model keeps beside each image.
    using Row = detail::ImageRow;
    static Row makeRow(const Image &image);
    const Image &imageOfRow(int row) const { return m_images.at(m_order.at(row)); }
    // data(), one function per kind of value: the cell's text, its tooltip (not yet made plain), the raw
    // value it sorts by (SortRole), the value facets compare (FacetValueRole), and the roles of the whole
    // row.
    QString displayValue(int row, int column) const;
    QString toolTipValue(int row, int column) const;
    QVariant internalValue(int row, int column) const;
    QVariant facetValue(int row, int column) const;
    QVariant rowValue(int row, int role) const;
    // "Active – Deleting…" while the app does something with the row.
    QString withActivity(const QString &status, int row) const;
    // grow(); takeLists: into an empty base, the prepared lists become the growth's as they are.
    static Growth growInto(Growth base, PreparedImages prepared, bool removeMissing, bool takeLists);
    // applyPrepared() into an empty model: the prepared lists become the model's, in one insertion.
    void loadFirst(std::shared_ptr<detail::PreparedImageData> data);
    // applyPrepared() into a model with rows: changed rows updated, missing ones removed, new ones added.
    // removeMissing: rows of images not in `data` leave the model.
    void merge(const detail::PreparedImageData &data, bool removeMissing = true);
    void emitChangedSlots(const std::vector<int> &changedSlots);
    void removeRowsNotIn(const std::vector<bool> &presentSlots);
    // A new image for an existing slot, with its fresh row (from makeRow()); the row's activity stays.
    void replaceImage(int slot, const Image &image, const Row &fresh);
    void emitRowChanged(int first, int last);
    void removeRowRange(int first, int last);
    // Empties every list of the model (no signals: the caller sends them).
    void releaseStorage();
    // Stores a new image and its row in a free slot (or a new one) and indexes it; returns the slot.
    int storeInFreeSlot(const Image &image, const Row &row);
    // Inserts a row for a stored slot: at its sorted place, or at the end when the rows are not sorted.
    void insertRowOfSlot(int slot);
    void renumberFrom(int firstRow);
    const QIcon &iconForStatus(const QString &status) const;

    // Sorting. Ranks are per slot: rank(a) < rank(b) exactly when a's value sorts before b's.
    const std::vector<int> &ranks(int column) const;
    // Ranks of the images of `order` by a column: what ranks() keeps, computed from any lists, on any thread.
    static std::vector<int> computeRanks(const ImageSlots &images, const QList<int> &order, int column,
                                         const UsageSummary &usage);
    static std::vector<int> sortedByRanks(std::vector<int> order, const std::vector<int> &ranks,
                                          Qt::SortOrder sortOrder);
    void invalidateRanks();
    std::vector<int> sortedOrder(std::vector<int> order) const;
    void reorder();
    // Moves the rows into this order of slots (the same slots), with one layout change.
    void applyOrder(const QList<int> &order);
    // Where a row of this slot belongs among the others, by binary search.
    int sortedPosition(int slot, int excludingRow) const;
    void keepRowSorted(int row);
    bool isInOrder(int row) const; // between its neighbours
    // In the current sort order, `first` may stand before `second` (equal values may stand either way).
    bool mayPrecede(const Image &first, const Image &second) const;
    // ImageColumns::compare(), and the UsedBy column, which the column table cannot answer alone.
    int compareImages(const Image &a, const Image &b, int column) const;

    // Images and what is kept beside them are stored in slots; m_order lists the slots in row order. A
    // removed row leaves a free slot for the next image, so that the other rows keep their slots.
    ImageSlots m_images;
    QHash<QString, QString> m_workspaceNames;
    QList<Row> m_rows;
    QHash<QString, int> m_slotById;
    QList<int> m_order;     // slot of each row
    QList<int> m_rowOfSlot; // row of each slot; -1 for a free slot
    std::vector<int> m_freeSlots;
    qint64 m_totalSizeKb = 0;
    int m_cachedOnlyCount = 0;
    Formatting::DateStyle m_dateStyle = Formatting::DateStyle::Locale;
    QPointer<ReportedSizeUnit> m_sizeUnit;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    mutable QHash<QString, QIcon> m_statusIcons;
    // ranks() of one column, until an image is added or changes.
    mutable std::vector<int> m_ranks;
    mutable int m_ranksColumn = -1;
    UsageSummary m_usage;
    // Counts every change of the rows, their order or their sorting: a Growth is adopted only onto the state
    // it was grown from.
    quint64 m_revision = 0;
};

} // namespace mim
