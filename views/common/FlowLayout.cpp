#include "views/common/FlowLayout.h"

#include <QStyle>
#include <QWidget>

namespace mim {

FlowLayout::FlowLayout(QWidget *parent, int horizontalSpacing, int verticalSpacing)
    : QLayout(parent)
    , m_horizontalSpacing(horizontalSpacing)
    , m_verticalSpacing(verticalSpacing)
{
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    return m_items.takeAt(index);
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return doLayout(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one row: what the layout asks for when there is room.
    int width = 0;
    int height = 0;
    int visible = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        width += hint.width();
        height = qMax(height, hint.height());
        ++visible;
    }
    if (visible > 1)
        width += (visible - 1) * qMax(0, horizontalSpacing());
    const QMargins margins = contentsMargins();
    return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    doLayout(rect, true);
}

int FlowLayout::horizontalSpacing() const
{
    return m_horizontalSpacing >= 0 ? m_horizontalSpacing : styleSpacing(QStyle::PM_LayoutHorizontalSpacing);
}

int FlowLayout::verticalSpacing() const
{
    return m_verticalSpacing >= 0 ? m_verticalSpacing : styleSpacing(QStyle::PM_LayoutVerticalSpacing);
}

int FlowLayout::styleSpacing(QStyle::PixelMetric metric) const
{
    const QWidget *widget = parentWidget();
    return widget ? widget->style()->pixelMetric(metric, nullptr, widget) : 0;
}

int FlowLayout::doLayout(const QRect &rect, bool apply) const
{
    const QMargins margins = contentsMargins();
    const QRect area = rect.marginsRemoved(margins);
    const int hSpace = qMax(0, horizontalSpacing());
    const int vSpace = qMax(0, verticalSpacing());
    int x = area.x();
    int y = area.y();
    int rowHeight = 0;
    // Items are placed in their rows first and centred vertically in them once a row is complete.
    QList<std::pair<QLayoutItem *, QRect>> row;
    const auto finishRow = [&row, &rowHeight, apply] {
        if (apply) {
            for (auto &[item, geometry] : row) {
                geometry.moveTop(geometry.top() + (rowHeight - geometry.height()) / 2);
                item->setGeometry(geometry);
            }
        }
        row.clear();
    };
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint()
                               .boundedTo(QSize(qMax(area.width(), 0), QWIDGETSIZE_MAX))
                               .expandedTo(item->minimumSize());
        if (x > area.x() && x + hint.width() > area.right() + 1) {
            finishRow();
            x = area.x();
            y += rowHeight + vSpace;
            rowHeight = 0;
        }
        row.append({item, QRect(QPoint(x, y), hint)});
        x += hint.width() + hSpace;
        rowHeight = qMax(rowHeight, hint.height());
    }
    finishRow();
    return y + rowHeight - rect.y() + margins.bottom();
}

} // namespace mim
