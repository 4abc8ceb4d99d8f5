#include "views/main/ImageTableView.h"

#include "models/catalog/ImageColumns.h"
#include "models/catalog/ImageTableModel.h"
#include "views/main/ImageCellDelegate.h"

#include <QAbstractProxyModel>
#include <QHeaderView>
#include <QMenu>
#include <QStyleOptionHeader>

using namespace Qt::StringLiterals;

namespace mim {
ImageTableView::ImageTableView(QWidget *parent)
    : QTreeView(parent)
{
    setObjectName(QStringLiteral("imageTable"));
    setAccessibleName(tr("Images"));
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSortingEnabled(true);
    setAllColumnsShowFocus(true);
    setTextElideMode(Qt::ElideMiddle);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setItemDelegate(new ImageCellDelegate(this));

    QHeaderView *h = header();
    h->setSectionsMovable(true);
    h->setStretchLastSection(true); // no empty band right of the last column
    h->setHighlightSections(false);
    h->setFirstSectionMovable(true);
    h->setContextMenuPolicy(Qt::CustomContextMenu);
    h->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    connect(h, &QWidget::customContextMenuRequested, this, &ImageTableView::showHeaderMenu);
    connect(h, &QHeaderView::sectionMoved, this, &ImageTableView::viewStateChanged);
    connect(h, &QHeaderView::sectionResized, this, &ImageTableView::viewStateChanged);
    connect(h, &QHeaderView::sortIndicatorChanged, this, &ImageTableView::viewStateChanged);
}

void ImageTableView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                 const QList<int> &roles)
{
    // QTreeView walks every row of a changed range, twice (row heights, then the rectangle to repaint, which
    // for one column never covers the viewport and so never stops early): one column changing in all
    // 100,000 rows (usage, workspace names, the date style) held the GUI thread up 30 ms and more. The rows
    // have one height (uniformRowHeights) and nothing is edited in place, so repainting what is on screen
    // is all such a change needs.
    constexpr int RowsWalked = 256;
    if (topLeft.isValid() && bottomRight.isValid() && bottomRight.row() - topLeft.row() >= RowsWalked) {
        viewport()->update();
        return;
    }
    QTreeView::dataChanged(topLeft, bottomRight, roles);
}

void ImageTableView::setModel(QAbstractItemModel *model)
{
    QTreeView::setModel(model);
    applyDefaultLayout();
}

void ImageTableView::applyDefaultLayout()
{
    if (!model())
        return;
    const QSignalBlocker blocker(this);
    for (int c = 0; c < model()->columnCount(); ++c) {
        header()->moveSection(header()->visualIndex(c), c);
        setColumnHidden(c, !ImageColumns::isShownByDefault(c));
        setColumnWidth(c, defaultColumnWidth(c));
    }
    // Newest first: what people look for after saving an image (podman-desktop #2283).
    sortByColumn(ImageTableModel::Created, Qt::DescendingOrder);
}

int ImageTableView::defaultColumnWidth(int column) const
{
    const int margin = 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 12;
    int width = fontMetrics().horizontalAdvance(ImageColumns::sampleText(column)) + margin;
    if (ImageColumns::alignment(column).isValid())
        width += ImageCellDelegate::rightAlignedGap(fontMetrics());
    if (column == ImageTableModel::Status)
        width +=
            iconSize().isValid() ? iconSize().width() : style()->pixelMetric(QStyle::PM_SmallIconSize) + 4;
    // The header text must fit too, beside the sort arrow that any column shows once it is sorted by
    // ("Visibilit▼" otherwise).
    QStyleOptionHeader option;
    option.initFrom(header());
    option.section = column;
    option.text = model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    option.sortIndicator = QStyleOptionHeader::SortDown;
    const int headerWidth =
        header()->style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), header()).width();
    return qMax(width, headerWidth);
}

QByteArray ImageTableView::viewState() const
{
    return header()->saveState();
}

bool ImageTableView::setViewState(const QByteArray &state)
{
    if (state.isEmpty() || !model())
        return false;
    const QSignalBlocker blocker(this);
    if (!header()->restoreState(state) || header()->count() != model()->columnCount()) {
        applyDefaultLayout();
        return false;
    }
    // restoreState() sets the indicator without sorting: sort to match it.
    sortByColumn(header()->sortIndicatorSection(), header()->sortIndicatorOrder());
    return true;
}

void ImageTableView::resetViewState()
{
    applyDefaultLayout();
    Q_EMIT viewStateChanged();
}

void ImageTableView::setColumnShown(int column, bool shown)
{
    if (isColumnHidden(column) == !shown)
        return;
    // Never hide the last visible column: the table would become unusable.
    if (!shown && header()->count() - header()->hiddenSectionCount() <= 1)
        return;
    setColumnHidden(column, !shown);
    if (shown && columnWidth(column) < 2 * fontMetrics().averageCharWidth())
        setColumnWidth(column, defaultColumnWidth(column));
    Q_EMIT viewStateChanged();
}

void ImageTableView::populateColumnMenu(QMenu *menu)
{
    if (!model())
        return;
    const int visibleCount = header()->count() - header()->hiddenSectionCount();
    for (int c = 0; c < model()->columnCount(); ++c) {
        const QString title = model()->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        QAction *action = menu->addAction(title);
        action->setCheckable(true);
        action->setChecked(!isColumnHidden(c));
        action->setEnabled(isColumnHidden(c) || visibleCount > 1);
        connect(action, &QAction::toggled, this, [this, c](bool on) { setColumnShown(c, on); });
    }
    menu->addSeparator();
    QAction *reset = menu->addAction(tr("Reset Columns"));
    connect(reset, &QAction::triggered, this, &ImageTableView::resetViewState);
}

void ImageTableView::showHeaderMenu(const QPoint &pos)
{
    QMenu menu(this);
    populateColumnMenu(&menu);
    menu.exec(header()->viewport()->mapToGlobal(pos));
}

QModelIndexList ImageTableView::selectedSourceRows() const
{
    QModelIndexList rows = selectionModel() ? selectionModel()->selectedRows() : QModelIndexList();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    auto *proxy = qobject_cast<QAbstractProxyModel *>(model());
    QModelIndexList result;
    result.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows))
        result.append(proxy ? proxy->mapToSource(row) : row);
    return result;
}

void ImageTableView::selectionChanged(const QItemSelection &selected, const QItemSelection &deselected)
{
    QTreeView::selectionChanged(selected, deselected);
    Q_EMIT selectedRowsChanged();
}

} // namespace mim
