#include "models/api/BackgroundPool.h"
#include "models/catalog/ImageTableModel.h"
#include "models/catalog/ImageTableRows.h"
#include "models/common/Heap.h"
#include "models/common/ModelsLogging.h"

#include <algorithm>
#include <numeric>
#include <QThreadPool>

// The half of ImageTableModel that merges on a worker thread: growthBase() and adoptGrowth() on the model's
// thread, grow() on any. A merge of 100,000 rows costs the GUI thread the signals only; the hashing, the
// ranks and the sort happen beside it.

namespace mim {

namespace detail {

void releaseInBackground(std::shared_ptr<const void> held, qsizetype images, bool trim)
{
    // Releasing fewer images than this costs little wherever it runs, and a trim that frees little is not
    // worth a thread.
    constexpr qsizetype TrimAfterImages = 10000;
    if (images < TrimAfterImages) {
        held.reset();
        return;
    }
    backgroundPool()->start([held = std::move(held), trim]() mutable {
        held.reset();
        // Only after the release: a trim that runs before it (another task of the pool) gives back nothing
        // of it. Once per listing, not per batch: the GUI thread waits for the trim if it allocates
        // meanwhile.
        if (trim)
            giveFreeHeapBack();
    });
}

} // namespace detail

void ImageTableModel::discardGrowth(Growth &&grown)
{
    const qsizetype images = grown.m_data ? grown.m_data->images.size() + grown.m_data->prepared.size() : 0;
    detail::releaseInBackground(std::exchange(grown.m_data, {}), images, false);
}

ImageTableModel::Growth::Growth() = default;
ImageTableModel::Growth::~Growth() = default;
ImageTableModel::Growth::Growth(const Growth &) = default;
ImageTableModel::Growth::Growth(Growth &&) noexcept = default;
ImageTableModel::Growth &ImageTableModel::Growth::operator=(const Growth &) = default;
ImageTableModel::Growth &ImageTableModel::Growth::operator=(Growth &&) noexcept = default;

ImageTableModel::PreparedImages ImageTableModel::Growth::prepared() const
{
    return m_data ? m_data->prepared : PreparedImages();
}

ImageTableModel::Growth ImageTableModel::growthBase() const
{
    auto data = std::make_shared<detail::GrowthData>();
    data->images = m_images;
    data->rows = m_rows;
    data->slotById = m_slotById;
    data->order = m_order;
    data->rowOfSlot = m_rowOfSlot;
    data->totalSizeKb = m_totalSizeKb;
    data->cachedOnlyCount = m_cachedOnlyCount;
    data->sortColumn = m_sortColumn;
    data->sortOrder = m_sortOrder;
    if (m_sortColumn == UsedBy)
        data->usage = m_usage;
    data->revision = m_revision;
    Growth base;
    base.m_data = std::move(data);
    return base;
}

ImageTableModel::Growth ImageTableModel::grow(Growth base, PreparedImages prepared, bool removeMissing)
{
    return growInto(std::move(base), std::move(prepared), removeMissing, false);
}

ImageTableModel::Growth ImageTableModel::growInto(Growth base, PreparedImages prepared, bool removeMissing,
                                                  bool takeLists)
{
    Growth grown;
    if (!base.m_data || !prepared.m_data)
        return grown;
    // A copy of the snapshot's bookkeeping; its lists stay shared with the model until they are written.
    auto data = std::make_shared<detail::GrowthData>(*base.m_data);
    base = {};
    data->prepared = prepared;
    const detail::PreparedImageData &incoming = *prepared.m_data;
    data->grown = true;
    data->baseRowCount = int(data->order.size());
    data->removeMissing = removeMissing;
    if (removeMissing)
        data->presentSlots.assign(size_t(data->images.size()), false);
    // The rows are the model's until written: copied once, at their final size, not grown step by step. The
    // images are shared chunk by chunk (ImageSlots): the merge copies the chunks it writes, not the table.
    data->rows.reserve(data->rows.size() + incoming.images.size());

    const bool intoEmpty = takeLists && data->images.isEmpty();
    if (intoEmpty) {
        // Into an empty table (the listing cache): the prepared lists become the table's, shared rather than
        // copied image by image and indexed again.
        data->images = ImageSlots(incoming.images);
        data->rows = incoming.rows;
        data->slotById = incoming.indexById;
        data->totalSizeKb = incoming.totalSizeKb;
        data->newSlots.resize(size_t(incoming.images.size()));
        std::iota(data->newSlots.begin(), data->newSlots.end(), 0);
        data->cachedOnlyCount = int(std::count_if(data->rows.cbegin(), data->rows.cend(),
                                                  [](const Row &row) { return row.cachedOnly; }));
    }
    for (int i = 0; !intoEmpty && i < incoming.images.size(); ++i) {
        const Image &image = incoming.images.at(i);
        const Row &fresh = incoming.rows.at(i);
        const int slot = data->slotById.value(image.id, -1);
        if (slot < 0) {
            const int added = int(data->images.size());
            data->images.append(image);
            data->rows.append(fresh);
            data->slotById.insert(image.id, added);
            data->totalSizeKb += image.sizeKb;
            data->newSlots.push_back(added);
            data->cachedOnlyCount += fresh.cachedOnly ? 1 : 0;
            continue;
        }
        if (removeMissing)
            data->presentSlots[size_t(slot)] = true;
        Row &row = data->rows[slot];
        if (row.digest == fresh.digest) {
            if (row.cachedOnly) {
                // The live listing confirms the cached row: it is no longer shown muted.
                row.cachedOnly = false;
                --data->cachedOnlyCount;
                data->changedSlots.push_back(slot);
            }
            continue;
        }
        data->totalSizeKb += image.sizeKb - data->images.at(slot).sizeKb;
        data->images[slot] = image;
        row.digest = fresh.digest;
        row.searchHints = fresh.searchHints; // the row's activity stays
        if (std::exchange(row.cachedOnly, false))
            --data->cachedOnlyCount;
        data->changedSlots.push_back(slot);
    }
    if (removeMissing) {
        for (const int slot : std::as_const(data->order)) {
            if (!data->presentSlots[size_t(slot)]) {
                data->anyMissing = true;
                break;
            }
        }
        data->presentSlots.resize(size_t(data->images.size()), true); // the new slots are present
    }
    for (const int slot : data->newSlots)
        data->order.append(slot);
    if (data->sortColumn >= 0) {
        data->ranks = computeRanks(data->images, data->order, data->sortColumn, data->usage);
        const std::vector<int> sorted = sortedByRanks(
            std::vector<int>(data->order.cbegin(), data->order.cend()), data->ranks, data->sortOrder);
        data->order = QList<int>(sorted.cbegin(), sorted.cend());
    }
    grown.m_data = std::move(data);
    return grown;
}

ImageTableModel::Growth ImageTableModel::growCached(Growth base, PreparedImages prepared)
{
    if (prepared.m_data) {
        for (Row &row : prepared.m_data->rows)
            row.cachedOnly = true;
    }
    return growInto(std::move(base), std::move(prepared), false, true);
}

bool ImageTableModel::showCached(Growth &grown)
{
    if (!grown.m_data || !grown.m_data->grown || grown.m_data->prepared.size() == 0 || !m_order.isEmpty())
        return false;
    if (adoptGrowth(grown))
        return true;
    qCDebug(lcModels) << "the table changed while the cached rows were sorted: sorting again";
    return showCached(grown.prepared());
}

bool ImageTableModel::adoptGrowth(Growth &grown)
{
    if (!grown.m_data || !grown.m_data->grown || grown.m_data->revision != m_revision ||
        grown.m_data->baseRowCount != m_order.size())
        return false;
    std::shared_ptr<detail::GrowthData> data = std::move(grown.m_data);
    ++m_revision;
    // What the model held shares its strings with what it now holds: releasing 100,000 images costs tens of
    // milliseconds even so, which a worker thread can spend instead of the GUI thread.
    struct Released
    {
        ImageSlots images;
        QList<Row> rows;
        QHash<QString, int> slotById;
        std::shared_ptr<detail::GrowthData> data;
    };
    auto released = std::make_shared<Released>();
    released->images = std::exchange(m_images, std::move(data->images));
    released->rows = std::exchange(m_rows, std::move(data->rows));
    released->slotById = std::exchange(m_slotById, std::move(data->slotById));
    m_totalSizeKb = data->totalSizeKb;
    m_cachedOnlyCount = data->cachedOnlyCount;
    m_rowOfSlot.resize(m_images.size(), -1);
    const QList<int> order = std::move(data->order);
    std::vector<int> ranks = std::move(data->ranks);
    const std::vector<int> changedSlots = std::move(data->changedSlots);
    const std::vector<int> newSlots = std::move(data->newSlots);
    const std::vector<bool> presentSlots = std::move(data->presentSlots);
    const bool anyMissing = data->anyMissing;
    const qsizetype releasedImages = released->images.size() + data->prepared.size();
    const bool wholeListing = data->removeMissing;
    released->data = std::move(data);
    detail::releaseInBackground(std::move(released), releasedImages, wholeListing);

    if (m_order.isEmpty()) {
        // One insertion of everything, in order.
        if (order.isEmpty())
            return true;
        beginInsertRows({}, 0, int(order.size()) - 1);
        m_order = order;
        renumberFrom(0);
        m_ranks = std::move(ranks);
        m_ranksColumn = m_ranks.empty() ? -1 : m_sortColumn;
        endInsertRows();
        return true;
    }

    // The rows there were keep their numbers until the layout changes.
    invalidateRanks();
    emitChangedSlots(changedSlots);
    if (!newSlots.empty()) {
        const int first = int(m_order.size());
        beginInsertRows({}, first, first + int(newSlots.size()) - 1);
        for (const int slot : newSlots) {
            m_rowOfSlot[slot] = int(m_order.size());
            m_order.append(slot);
        }
        endInsertRows();
    }
    if (m_sortColumn >= 0) {
        applyOrder(order);
        m_ranks = std::move(ranks);
        m_ranksColumn = m_sortColumn;
    }
    if (anyMissing)
        removeRowsNotIn(presentSlots);
    return true;
}

} // namespace mim
