#include "models/catalog/ImageTableModel.h"

#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageColumns.h"
#include "models/catalog/ImageTableRows.h"
#include "models/common/Formatting.h"
#include "models/storage/ReportedSizeUnit.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

// Up to this many images added or changed at once, each goes to its place by itself (rowsInserted or
// rowsMoved); beyond it, the rows are sorted again in one layout change.
constexpr qsizetype MaxSingleMoves = 32;

} // namespace

ImageTableModel::ImageTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ImageTableModel::~ImageTableModel() = default;

int ImageTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int ImageTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QModelIndex ImageTableModel::index(int row, int column, const QModelIndex &parent) const
{
    // Without the virtual rowCount()/columnCount() calls of the default: a sort of 100,000 rows asks for
    // millions of indexes.
    if (parent.isValid() || row < 0 || column < 0 || row >= m_order.size() || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

Qt::ItemFlags ImageTableModel::flags(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this ? CellFlags : Qt::ItemFlags{};
}

const ImageTableModel::SearchHints &ImageTableModel::searchHints(int row) const
{
    return m_rows.at(m_order.at(row)).searchHints;
}

const ImageTableModel::SearchHints &ImageTableModel::searchHintsOfRowKey(int key) const
{
    return m_rows.at(key).searchHints;
}

void ImageTableModel::replaceImage(int slot, const Image &image, const Row &fresh)
{
    m_totalSizeKb += image.sizeKb - m_images.at(slot).sizeKb;
    m_images[slot] = image;
    m_rows[slot].digest = fresh.digest;
    m_rows[slot].searchHints = fresh.searchHints; // the row's activity stays
    if (std::exchange(m_rows[slot].cachedOnly, false))
        --m_cachedOnlyCount;
    invalidateRanks();
}

QString ImageTableModel::activityText(RowActivity activity)
{
    switch (activity) {
    case RowActivity::None:
        return {};
    case RowActivity::Deleting:
        return tr("Deleting…");
    case RowActivity::Polling:
        return tr("Watching…", "the app is polling a settling image's status");
    case RowActivity::Resyncing:
        return tr("Synchronizing…");
    case RowActivity::Stuck:
        return tr("stuck?", "a settling image whose status has not changed for a long time");
    }
    return {};
}

QString ImageTableModel::activityToolTip(RowActivity activity)
{
    if (activity != RowActivity::Stuck)
        return {};
    return tr("Its status has not changed for %n minute(s) of watching, so the app stopped asking for it. "
              "Resync Status asks ModelArts to check it again; Refresh shows any change.",
              nullptr, int(ImageCatalog::StuckAfterMs / 60000));
}

QString ImageTableModel::withActivity(const QString &status, int row) const
{
    const RowActivity activity = m_rows.at(m_order.at(row)).activity;
    if (activity == RowActivity::None)
        return status;
    return tr("%1 – %2", "status – what the app is doing with the image").arg(status, activityText(activity));
}

const QIcon &ImageTableModel::iconForStatus(const QString &status) const
{
    auto it = m_statusIcons.find(status);
    if (it == m_statusIcons.end())
        it = m_statusIcons.insert(status, Formatting::statusIcon(status));
    return it.value();
}

QString ImageTableModel::rawText(const Image &image, int column)
{
    return ImageColumns::rawText(image, column);
}

bool ImageTableModel::isNumericColumn(int column)
{
    return ImageColumns::isNumeric(column);
}

qint64 ImageTableModel::numericValue(const Image &image, int column)
{
    return ImageColumns::numericValue(image, column);
}

QString ImageTableModel::columnTitle(Column column)
{
    return ImageColumns::title(column);
}

QVariant ImageTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case Qt::ToolTipRole:
        // A tooltip that looks like HTML is rendered as HTML; server text must be shown as it is.
        return Formatting::plainToolTip(toolTipValue(row, column));
    case Qt::DecorationRole:
        if (column == Status)
            return iconForStatus(imageOfRow(row).status);
        return {};
    case Qt::TextAlignmentRole:
        return ImageColumns::alignment(column);
    case SortRole:
        return internalValue(row, column);
    case FacetValueRole:
        return facetValue(row, column);
    default:
        return rowValue(row, role);
    }
}

void ImageTableModel::setDateStyle(Formatting::DateStyle style)
{
    if (style == m_dateStyle)
        return;
    m_dateStyle = style;
    static_assert(Updated == Created + 1, "the date columns are neighbours");
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Created), index(rowCount() - 1, Updated), {Qt::DisplayRole});
}

void ImageTableModel::setSizeUnit(ReportedSizeUnit *unit)
{
    if (m_sizeUnit == unit)
        return;
    if (m_sizeUnit)
        disconnect(m_sizeUnit, nullptr, this, nullptr);
    m_sizeUnit = unit;
    const auto repaint = [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, Size), index(rowCount() - 1, Size), {Qt::DisplayRole});
    };
    if (unit)
        connect(unit, &ReportedSizeUnit::changed, this, repaint);
    repaint();
}

const SizeUnit::Inference &ImageTableModel::sizeUnit() const
{
    static const SizeUnit::Inference documented;
    return m_sizeUnit ? m_sizeUnit->inference() : documented;
}

QString ImageTableModel::displayValue(int row, int column) const
{
    if (column == UsedBy)
        return m_usage.cellText(imageOfRow(row));
    if (column == Status)
        return withActivity(Formatting::statusText(imageOfRow(row).status), row);
    if (column == Workspace)
        return workspaceText(imageOfRow(row).workspaceId);
    if (column == Created)
        return Formatting::localDateTime(imageOfRow(row).createAtMs, m_dateStyle);
    if (column == Updated)
        return Formatting::localDateTime(imageOfRow(row).updateAtMs, m_dateStyle);
    return ImageColumns::cellText(imageOfRow(row), column, sizeUnit());
}

QString ImageTableModel::toolTipValue(int row, int column) const
{
    if (column == UsedBy)
        return m_usage.toolTip(imageOfRow(row));
    if (column == Workspace) {
        // The name for reading, the id for telling workspaces of the same name apart.
        const QString &id = imageOfRow(row).workspaceId;
        return workspaceText(id) == Formatting::visibleText(id)
                   ? workspaceText(id)
                   : tr("%1 (ID %2)", "workspace name and id")
                         .arg(workspaceText(id), Formatting::visibleText(id));
    }
    const QString tip = ImageColumns::toolTip(imageOfRow(row), column);
    if (column != Status)
        return tip;
    const QString why = activityToolTip(m_rows.at(m_order.at(row)).activity);
    return why.isEmpty() ? withActivity(tip, row) : withActivity(tip, row) + u'\n' + why;
}

void ImageTableModel::setWorkspaceNames(const QHash<QString, QString> &names)
{
    if (names == m_workspaceNames)
        return;
    m_workspaceNames = names;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Workspace), index(rowCount() - 1, Workspace),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

QString ImageTableModel::workspaceText(const QString &workspaceId) const
{
    if (workspaceId == u"0")
        return tr("Default", "the default workspace");
    const QString name = m_workspaceNames.value(workspaceId);
    // Names come from the server: shown with control and bidi characters visible, like every server text.
    return Formatting::visibleText(name.isEmpty() ? workspaceId : name);
}

QVariant ImageTableModel::internalValue(int row, int column) const
{
    if (column == UsedBy)
        return m_usage.sortKey(imageOfRow(row));
    return ImageColumns::sortValue(imageOfRow(row), column);
}

QVariant ImageTableModel::facetValue(int row, int column) const
{
    const Image &image = imageOfRow(row);
    if (column == Resources)
        return image.resourceCategories;
    if (column == UsedBy)
        return UsageSummary::stateValue(m_usage.stateOf(image));
    if (isNumericColumn(column))
        return numericValue(image, column);
    return rawText(image, column);
}

QVariant ImageTableModel::rowValue(int row, int role) const
{
    const Image &image = imageOfRow(row);
    switch (role) {
    case ImageIdRole:
        return image.id;
    case RowActivityRole:
        return int(m_rows.at(m_order.at(row)).activity);
    case IsBuiltInRole:
        return image.isBuiltIn();
    case IsPrivateRole:
        return image.isPrivate();
    case SizeKbRole:
        return image.sizeKb;
    case IsCachedOnlyRole:
        return m_rows.at(m_order.at(row)).cachedOnly;
    default:
        return {};
    }
}

QVariant ImageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return columnTitle(Column(section));
    case Qt::TextAlignmentRole:
        return ImageColumns::alignment(section);
    default:
        return {};
    }
}

void ImageTableModel::setUsage(const UsageSummary &usage)
{
    m_usage = usage;
    if (m_sortColumn == UsedBy) {
        ++m_revision; // the rows move: a growth sorted by the old usage would misplace them
        invalidateRanks();
        reorder();
    }
    if (!m_order.isEmpty())
        Q_EMIT dataChanged(index(0, UsedBy), index(int(m_order.size()) - 1, UsedBy));
}

void ImageTableModel::emitRowChanged(int first, int last)
{
    Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void ImageTableModel::renumberFrom(int firstRow)
{
    for (int row = qMax(0, firstRow); row < m_order.size(); ++row)
        m_rowOfSlot[m_order.at(row)] = row;
}

int ImageTableModel::rowOfId(const QString &id) const
{
    const int slot = m_slotById.value(id, -1);
    return slot < 0 ? -1 : m_rowOfSlot.at(slot);
}

int ImageTableModel::storeInFreeSlot(const Image &image, const Row &row)
{
    int slot = -1;
    if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_images[slot] = image;
        m_rows[slot] = row;
    } else {
        slot = int(m_images.size());
        m_images.append(image);
        m_rows.append(row);
        m_rowOfSlot.append(-1);
    }
    m_slotById.insert(image.id, slot);
    m_totalSizeKb += image.sizeKb;
    return slot;
}

void ImageTableModel::removeRowRange(int first, int last)
{
    beginRemoveRows({}, first, last);
    for (int row = first; row <= last; ++row) {
        const int slot = m_order.at(row);
        m_totalSizeKb -= m_images.at(slot).sizeKb;
        m_slotById.remove(m_images.at(slot).id);
        m_cachedOnlyCount -= m_rows.at(slot).cachedOnly ? 1 : 0;
        m_images[slot] = Image(); // the strings go now, the slot waits for the next image
        m_rows[slot] = Row();
        m_rowOfSlot[slot] = -1;
        m_freeSlots.push_back(slot);
    }
    // The other rows keep their slots, so the ranks stay valid.
    m_order.remove(first, last - first + 1);
    renumberFrom(first);
    endRemoveRows();
}

void ImageTableModel::setImages(const QList<Image> &images)
{
    applyPrepared(prepare(images));
}

void ImageTableModel::applyPrepared(PreparedImages prepared)
{
    ++m_revision;
    std::shared_ptr<detail::PreparedImageData> data = std::move(prepared.m_data);
    if (!data)
        return;
    if (m_order.isEmpty())
        loadFirst(std::move(data));
    else
        merge(*data);
}

void ImageTableModel::addPrepared(PreparedImages prepared)
{
    ++m_revision;
    std::shared_ptr<detail::PreparedImageData> data = std::move(prepared.m_data);
    if (!data)
        return;
    if (m_order.isEmpty())
        loadFirst(std::move(data));
    else
        merge(*data, false);
}

bool ImageTableModel::showCached(PreparedImages prepared)
{
    ++m_revision;
    std::shared_ptr<detail::PreparedImageData> data = std::move(prepared.m_data);
    if (!data || !m_order.isEmpty())
        return false;
    for (Row &row : data->rows)
        row.cachedOnly = true;
    loadFirst(std::move(data));
    m_cachedOnlyCount = int(m_order.size());
    return true;
}

bool ImageTableModel::isCachedOnly(const QString &id) const
{
    const int slot = m_slotById.value(id, -1);
    return slot >= 0 && m_rows.at(slot).cachedOnly;
}

void ImageTableModel::loadFirst(std::shared_ptr<detail::PreparedImageData> data)
{
    // Nobody else holds the prepared lists: take them, so that later changes to the model do not copy them.
    const bool sole = data.use_count() == 1;
    releaseStorage();
    if (data->images.isEmpty())
        return;
    // One insertion of everything, all of it computed beforehand; the rows already in order.
    const int count = int(data->images.size());
    beginInsertRows({}, 0, count - 1);
    if (sole) {
        m_images = ImageSlots(std::move(data->images));
        m_rows = std::move(data->rows);
        m_slotById = std::move(data->indexById);
    } else {
        m_images = ImageSlots(data->images);
        m_rows = data->rows;
        m_slotById = data->indexById;
    }
    m_totalSizeKb = data->totalSizeKb;
    std::vector<int> order(static_cast<size_t>(count));
    for (int slot = 0; slot < count; ++slot)
        order[size_t(slot)] = slot;
    m_order = QList<int>(order.cbegin(), order.cend());
    m_rowOfSlot = m_order;
    if (m_sortColumn >= 0) {
        order = sortedOrder(std::move(order));
        m_order = QList<int>(order.cbegin(), order.cend());
        renumberFrom(0);
    }
    endInsertRows();
}

void ImageTableModel::merge(const detail::PreparedImageData &data, bool removeMissing)
{
    // Update rows whose image changed, remove rows that are gone, add the new ones.
    const QList<Image> &images = data.images;
    const QList<Row> &rows = data.rows;
    std::vector<bool> present(size_t(m_images.size()), false);
    std::vector<int> changedSlots;
    std::vector<int> added; // indexes into the prepared lists
    for (int i = 0; i < images.size(); ++i) {
        const int slot = m_slotById.value(images.at(i).id, -1);
        if (slot < 0) {
            added.push_back(i);
            continue;
        }
        present[size_t(slot)] = true;
        if (m_rows.at(slot).digest == rows.at(i).digest) {
            if (m_rows.at(slot).cachedOnly) {
                // The live listing confirms the cached row: it is no longer shown muted.
                m_rows[slot].cachedOnly = false;
                --m_cachedOnlyCount;
                changedSlots.push_back(slot);
            }
            continue;
        }
        replaceImage(slot, images.at(i), rows.at(i));
        changedSlots.push_back(slot);
    }
    emitChangedSlots(changedSlots);
    if (removeMissing)
        removeRowsNotIn(present);

    // Changed images may belong elsewhere now. The order holds where each changed row still sorts between
    // its neighbours (the pairs of unchanged rows are in order as before); one misplaced row moves, more
    // mean sorting again.
    bool resort = false;
    if (m_sortColumn >= 0 && !changedSlots.empty()) {
        std::vector<int> misplaced;
        for (const int slot : changedSlots) {
            if (!isInOrder(m_rowOfSlot.at(slot)))
                misplaced.push_back(slot);
        }
        if (misplaced.size() == 1)
            keepRowSorted(m_rowOfSlot.at(misplaced.front()));
        else
            resort = misplaced.size() > 1;
    }

    // A few new images go to their places one by one, many at the end and then into order all at once.
    const bool placeEach = m_sortColumn >= 0 && !resort && qsizetype(added.size()) <= MaxSingleMoves;
    if (!added.empty() && !placeEach) {
        const int first = int(m_order.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const int i : added) {
            const int slot = storeInFreeSlot(images.at(i), rows.at(i));
            m_rowOfSlot[slot] = int(m_order.size());
            m_order.append(slot);
        }
        invalidateRanks();
        endInsertRows();
        resort = m_sortColumn >= 0;
    }
    if (!added.empty() && placeEach) {
        for (const int i : added)
            insertRowOfSlot(storeInFreeSlot(images.at(i), rows.at(i)));
    }
    if (resort)
        reorder();
}

void ImageTableModel::emitChangedSlots(const std::vector<int> &changedSlots)
{
    // One dataChanged per run of adjacent changed rows, so a view repaints only what changed.
    std::vector<int> changedRows;
    changedRows.reserve(changedSlots.size());
    for (const int slot : changedSlots)
        changedRows.push_back(m_rowOfSlot.at(slot));
    std::sort(changedRows.begin(), changedRows.end());
    for (size_t i = 0; i < changedRows.size();) {
        size_t j = i;
        while (j + 1 < changedRows.size() && changedRows[j + 1] == changedRows[j] + 1)
            ++j;
        emitRowChanged(changedRows[i], changedRows[j]);
        i = j + 1;
    }
}

void ImageTableModel::removeRowsNotIn(const std::vector<bool> &presentSlots)
{
    // From the bottom, so the rows of ranges not yet removed keep their numbers.
    for (int row = int(m_order.size()) - 1; row >= 0;) {
        if (presentSlots[size_t(m_order.at(row))]) {
            --row;
            continue;
        }
        const int last = row;
        while (row > 0 && !presentSlots[size_t(m_order.at(row - 1))])
            --row;
        removeRowRange(row, last);
        --row;
    }
}

void ImageTableModel::upsertImage(const Image &image)
{
    ++m_revision;
    if (const int slot = m_slotById.value(image.id, -1); slot >= 0) {
        if (m_images.at(slot) == image)
            return;
        replaceImage(slot, image, makeRow(image));
        const int row = m_rowOfSlot.at(slot);
        emitRowChanged(row, row);
        if (m_sortColumn >= 0)
            keepRowSorted(row);
        return;
    }
    insertRowOfSlot(storeInFreeSlot(image, makeRow(image)));
}

void ImageTableModel::insertRowOfSlot(int slot)
{
    invalidateRanks();
    const int at = m_sortColumn >= 0 ? sortedPosition(slot, -1) : int(m_order.size());
    beginInsertRows({}, at, at);
    m_order.insert(at, slot);
    renumberFrom(at);
    endInsertRows();
}

void ImageTableModel::removeImage(const QString &id)
{
    ++m_revision;
    const int row = rowOfId(id);
    if (row >= 0)
        removeRowRange(row, row);
}

void ImageTableModel::clear()
{
    ++m_revision;
    if (m_order.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_order.size()) - 1);
    releaseStorage();
    endRemoveRows();
}

void ImageTableModel::releaseStorage()
{
    // Exchanges, not clear(): clearing a list shared with someone else allocates an empty one of the same
    // capacity, tens of megabytes for 100,000 images. Freeing 100,000 images takes the GUI thread tens of
    // milliseconds: a worker thread frees them.
    struct Released
    {
        ImageSlots images;
        QList<Row> rows;
        QHash<QString, int> slotById;
        QList<int> order;
        QList<int> rowOfSlot;
        std::vector<int> freeSlots;
    };
    auto released = std::make_shared<Released>();
    released->images = std::exchange(m_images, {});
    released->rows = std::exchange(m_rows, {});
    released->slotById = std::exchange(m_slotById, {});
    released->order = std::exchange(m_order, {});
    released->rowOfSlot = std::exchange(m_rowOfSlot, {});
    released->freeSlots = std::exchange(m_freeSlots, {});
    const qsizetype releasedImages = released->images.size();
    detail::releaseInBackground(std::move(released), releasedImages, true);
    m_totalSizeKb = 0;
    m_cachedOnlyCount = 0;
    invalidateRanks();
}

const Image &ImageTableModel::imageAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_order.size());
    return imageOfRow(row);
}

ImageTableModel::ImagesSnapshot ImageTableModel::imagesSnapshot() const
{
    ImagesSnapshot snapshot;
    snapshot.m_images = m_images;
    snapshot.m_order = m_order;
    return snapshot;
}

QList<Image> ImageTableModel::ImagesSnapshot::images()
{
    QList<Image> images = m_images.inOrder(m_order);
    m_images = {};
    m_order = {};
    return images;
}

QList<Image> ImageTableModel::images() const
{
    return m_images.inOrder(m_order);
}

qint64 ImageTableModel::totalSizeKb() const
{
    return m_totalSizeKb;
}

void ImageTableModel::setRowActivity(const QString &id, RowActivity activity)
{
    if (const int slot = m_slotById.value(id, -1); slot >= 0)
        setRowActivityAt(m_rowOfSlot.at(slot), activity);
}

void ImageTableModel::setRowActivityAt(int row, RowActivity activity)
{
    const int slot = m_order.at(row);
    if (m_rows.at(slot).activity == activity)
        return;
    ++m_revision;
    m_rows[slot].activity = activity;
    emitRowChanged(row, row);
}

ImageTableModel::RowActivity ImageTableModel::rowActivityAt(int row) const
{
    return m_rows.at(m_order.at(row)).activity;
}

ImageTableModel::RowActivity ImageTableModel::rowActivity(const QString &id) const
{
    const int slot = m_slotById.value(id, -1);
    return slot < 0 ? RowActivity::None : m_rows.at(slot).activity;
}

void ImageTableModel::clearRowActivities()
{
    ++m_revision;
    for (int row = 0; row < m_order.size(); ++row) {
        Row &rowData = m_rows[m_order.at(row)];
        if (rowData.activity == RowActivity::None)
            continue;
        rowData.activity = RowActivity::None;
        emitRowChanged(row, row);
    }
}

} // namespace mim
