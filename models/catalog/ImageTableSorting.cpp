#include "models/catalog/ImageColumns.h"
#include "models/catalog/ImageTableModel.h"

#include <algorithm>

// The sorting half of ImageTableModel: ranks, the sorted order and keeping rows in it.

namespace mim {

bool ImageTableModel::isInOrder(int row) const
{
    const Image &image = imageOfRow(row);
    return (row == 0 || mayPrecede(imageOfRow(row - 1), image)) &&
           (row + 1 >= m_order.size() || mayPrecede(image, imageOfRow(row + 1)));
}

bool ImageTableModel::mayPrecede(const Image &first, const Image &second) const
{
    const int comparison = compareImages(first, second, m_sortColumn);
    return m_sortOrder == Qt::AscendingOrder ? comparison <= 0 : comparison >= 0;
}

int ImageTableModel::compareRows(int left, int right, int column) const
{
    if (column < 0 || column >= ColumnCount)
        return 0;
    return compareImages(imageOfRow(left), imageOfRow(right), column);
}

int ImageTableModel::compareImages(const Image &a, const Image &b, int column) const
{
    if (column == UsedBy)
        return QString::compare(m_usage.sortKey(a), m_usage.sortKey(b));
    return ImageColumns::compare(a, b, column);
}

void ImageTableModel::invalidateRanks()
{
    m_ranksColumn = -1;
    m_ranks = {};
}

const std::vector<int> &ImageTableModel::ranks(int column) const
{
    if (m_ranksColumn == column && m_ranks.size() == size_t(m_images.size()))
        return m_ranks;
    m_ranks = computeRanks(m_images, m_order, column, m_usage);
    m_ranksColumn = column;
    return m_ranks;
}

std::vector<int> ImageTableModel::computeRanks(const ImageSlots &images, const QList<int> &order, int column,
                                               const UsageSummary &usage)
{
    const int slotCount = int(images.size());
    std::vector<int> ranks(static_cast<size_t>(slotCount), 0);
    if (isNumericColumn(column)) {
        std::vector<std::pair<qint64, int>> values;
        values.reserve(size_t(order.size()));
        for (const int slot : order)
            values.emplace_back(numericValue(images.at(slot), column), slot);
        std::sort(values.begin(), values.end());
        int rank = 0;
        for (size_t i = 0; i < values.size(); ++i) {
            if (i > 0 && values[i].first != values[i - 1].first)
                ++rank;
            ranks[size_t(values[i].second)] = rank;
        }
        return ranks;
    }
    // Most text columns take few distinct values (names of an image's versions, statuses, namespaces):
    // their keys are computed and sorted once per value, not once per row.
    QHash<QString, int> indexOfText;
    QStringList texts;
    std::vector<int> textOfSlot(static_cast<size_t>(slotCount), 0);
    for (const int slot : order) {
        const Image &image = images.at(slot);
        const QString text = column == UsedBy ? usage.sortKey(image) : rawText(image, column);
        auto it = indexOfText.constFind(text);
        if (it == indexOfText.cend()) {
            it = indexOfText.insert(text, int(texts.size()));
            texts.append(text);
        }
        textOfSlot[size_t(slot)] = it.value();
    }
    QStringList keys;
    keys.reserve(texts.size());
    for (const QString &text : std::as_const(texts))
        keys.append(ImageColumns::sortKeyOfText(text, column));
    std::vector<int> byKey(size_t(keys.size()));
    for (size_t i = 0; i < byKey.size(); ++i)
        byKey[i] = int(i);
    std::sort(byKey.begin(), byKey.end(),
              [&keys](int a, int b) { return QString::compare(keys.at(a), keys.at(b)) < 0; });
    std::vector<int> rankOfText(byKey.size());
    int rank = 0;
    for (size_t i = 0; i < byKey.size(); ++i) {
        if (i > 0 && QString::compare(keys.at(byKey[i]), keys.at(byKey[i - 1])) != 0)
            ++rank;
        rankOfText[size_t(byKey[i])] = rank;
    }
    for (const int slot : order)
        ranks[size_t(slot)] = rankOfText[size_t(textOfSlot[size_t(slot)])];
    return ranks;
}

std::vector<int> ImageTableModel::sortedByRanks(std::vector<int> order, const std::vector<int> &rank,
                                                Qt::SortOrder sortOrder)
{
    // Stable, like QSortFilterProxyModel: equal values keep their order.
    if (sortOrder == Qt::AscendingOrder)
        std::stable_sort(order.begin(), order.end(),
                         [&rank](int a, int b) { return rank[size_t(a)] < rank[size_t(b)]; });
    else
        std::stable_sort(order.begin(), order.end(),
                         [&rank](int a, int b) { return rank[size_t(b)] < rank[size_t(a)]; });
    return order;
}

std::vector<int> ImageTableModel::sortedOrder(std::vector<int> order) const
{
    return sortedByRanks(std::move(order), ranks(m_sortColumn), m_sortOrder);
}

void ImageTableModel::reorder()
{
    if (m_sortColumn < 0 || m_order.size() < 2)
        return;
    const std::vector<int> order = sortedOrder(std::vector<int>(m_order.cbegin(), m_order.cend()));
    applyOrder(QList<int>(order.cbegin(), order.cend()));
}

void ImageTableModel::applyOrder(const QList<int> &order)
{
    if (order == m_order)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QList<int> before = std::exchange(m_order, order);
    renumberFrom(0);
    // After layoutAboutToBeChanged: the proxies store their own persistent indexes then.
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from)
        to.append(this->index(m_rowOfSlot.at(before.at(index.row())), index.column()));
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void ImageTableModel::sort(int column, Qt::SortOrder order)
{
    if (column >= ColumnCount)
        column = -1;
    if (column == m_sortColumn && order == m_sortOrder)
        return; // kept in order all along
    ++m_revision;
    m_sortColumn = column;
    m_sortOrder = order;
    reorder();
}

int ImageTableModel::sortedPosition(int slot, int excludingRow) const
{
    // The first place whose row sorts after this one: equal values keep the order they came in.
    const Image &image = m_images.at(slot);
    int low = 0;
    int high = int(m_order.size()) - (excludingRow >= 0 ? 1 : 0);
    while (low < high) {
        const int middle = (low + high) / 2;
        const int row = excludingRow >= 0 && middle >= excludingRow ? middle + 1 : middle;
        if (mayPrecede(imageOfRow(row), image))
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

void ImageTableModel::keepRowSorted(int row)
{
    const int slot = m_order.at(row);
    const int target = sortedPosition(slot, row);
    if (target == row)
        return;
    // rowsMoved counts the destination in the numbering before the move.
    beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
    m_order.remove(row);
    m_order.insert(target, slot);
    renumberFrom(qMin(row, target));
    endMoveRows();
}

} // namespace mim
