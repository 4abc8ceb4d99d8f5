#pragma once

// What ImageTableModel keeps beside each image, and what prepare() hands to applyPrepared(): private to the
// model's source files.

#include "models/catalog/ImageTableModel.h"

#include <memory>
#include <QHash>
#include <QList>

namespace mim {

struct detail::ImageRow
{
    quint64 digest = 0; // contentDigest() of the row's image
    ImageTableModel::RowActivity activity = ImageTableModel::RowActivity::None;
    ImageTableModel::SearchHints searchHints;
    bool cachedOnly = false; // shown from the listing cache, not yet confirmed by a live listing
};

struct detail::PreparedImageData
{
    QList<Image> images; // one per id
    QList<ImageRow> rows;
    QHash<QString, int> indexById;
    qint64 totalSizeKb = 0;
};

struct detail::GrowthData
{
    // The model as growthBase() found it; grow() turns it into the merged state.
    ImageSlots images;
    QList<ImageRow> rows;
    QHash<QString, int> slotById;
    QList<int> order;     // slot of each row: the base's order, and once grown the merged, sorted one
    QList<int> rowOfSlot; // the base's
    qint64 totalSizeKb = 0;
    int cachedOnlyCount = 0;
    int sortColumn = -1;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;
    UsageSummary usage;
    quint64 revision = 0; // of the model at growthBase()

    // What grow() did.
    bool grown = false;
    int baseRowCount = 0;
    std::vector<int> changedSlots; // rows of the base whose image or cached state changed
    std::vector<int> newSlots;     // in the order the images came
    bool removeMissing = false;
    std::vector<bool> presentSlots; // with removeMissing: the slots the images hold
    bool anyMissing = false;
    std::vector<int> ranks; // by slot, for sortColumn (when sorted)
    ImageTableModel::PreparedImages prepared;
};

namespace detail {

// Frees `held` (what the model let go of) on a worker thread rather than on the GUI thread when it holds at
// least TrimAfterImages images; with `trim`, the heap is then trimmed there too.
void releaseInBackground(std::shared_ptr<const void> held, qsizetype images, bool trim);

} // namespace detail

} // namespace mim

Q_DECLARE_TYPEINFO(mim::detail::ImageRow, Q_PRIMITIVE_TYPE);
