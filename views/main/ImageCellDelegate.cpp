#include "views/main/ImageCellDelegate.h"

#include "models/catalog/ImageTableModel.h"

#include <algorithm>
#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace mim {
namespace {

// Enough for every distinct value of a few screens of rows; past it the cache starts again.
constexpr qsizetype MaxShapedLines = 4096;

bool isLineBreakOrTab(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'\n' || u == u'\r' || u == u'\t' || u == QChar::LineSeparator ||
           u == QChar::ParagraphSeparator;
}

QPalette::ColorGroup colorGroupOf(const QStyleOptionViewItem &option)
{
    if (!(option.state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return (option.state & QStyle::State_Active) ? QPalette::Normal : QPalette::Inactive;
}

QIcon::Mode iconModeOf(const QStyleOptionViewItem &option)
{
    if (!(option.state & QStyle::State_Enabled))
        return QIcon::Disabled;
    return (option.state & QStyle::State_Selected) ? QIcon::Selected : QIcon::Normal;
}

} // namespace

int ImageCellDelegate::rightAlignedGap(const QFontMetrics &metrics)
{
    return metrics.averageCharWidth();
}

Qt::TextElideMode ImageCellDelegate::elideModeOf(int column)
{
    switch (column) {
    case ImageTableModel::Tag:
    case ImageTableModel::SwrPath:
    case ImageTableModel::Id:
        return Qt::ElideMiddle;
    default:
        return Qt::ElideRight;
    }
}

QString ImageCellDelegate::singleLine(const QString &text)
{
    if (std::none_of(text.cbegin(), text.cend(), isLineBreakOrTab))
        return text;
    QString line = text;
    std::replace_if(line.begin(), line.end(), isLineBreakOrTab, QChar(u' '));
    return line;
}

void ImageCellDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->textElideMode = elideModeOf(index.column());
}

const ImageCellDelegate::ShapedLine &ImageCellDelegate::shaped(const ShapedKey &key,
                                                               const QStyleOptionViewItem &option) const
{
    if (option.font != m_shapedFont) {
        m_shaped.clear();
        m_shapedFont = option.font;
    }
    if (const auto it = m_shaped.constFind(key); it != m_shaped.cend())
        return it.value();
    if (m_shaped.size() >= MaxShapedLines)
        m_shaped.clear();
    const QString text =
        key.elidedTo < 0 ? key.text : option.fontMetrics.elidedText(key.text, key.elideMode, key.elidedTo);
    QTextLayout layout(text, option.font);
    QTextOption textOption(Qt::AlignLeft | Qt::AlignAbsolute);
    textOption.setTextDirection(key.direction);
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    layout.endLayout();
    ShapedLine result;
    if (line.isValid()) {
        result.runs = layout.glyphRuns();
        result.advance = qRound(line.horizontalAdvance());
        result.ascent = line.ascent();
    }
    return m_shaped.insert(key, std::move(result)).value();
}

void ImageCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (index.data(ImageTableModel::IsCachedOnlyRole).toBool()) {
        // Remembered from the last session and not yet confirmed by the server: muted, like a hint.
        for (const auto group : {QPalette::Normal, QPalette::Inactive})
            opt.palette.setColor(group, QPalette::Text, opt.palette.color(group, QPalette::PlaceholderText));
    }
    const QWidget *widget = opt.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();

    painter->save();
    painter->setClipRect(opt.rect);
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    // Laid out left to right, then mirrored for right-to-left layouts.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    QRect textRect = opt.rect.adjusted(margin, 0, -margin, 0);
    // Right-aligned numbers would otherwise run into the left-aligned text of the next column ("12.3
    // GB2025-…").
    if (opt.displayAlignment & Qt::AlignRight)
        textRect.setRight(textRect.right() - rightAlignedGap(opt.fontMetrics));
    if (opt.features & QStyleOptionViewItem::HasDecoration) {
        const QSize size = opt.decorationSize;
        const QRect iconRect(textRect.left(), opt.rect.top() + (opt.rect.height() - size.height()) / 2,
                             size.width(), size.height());
        opt.icon.paint(painter, QStyle::visualRect(opt.direction, opt.rect, iconRect), Qt::AlignCenter,
                       iconModeOf(opt), QIcon::Off);
        textRect.setLeft(iconRect.right() + 1 + margin);
    }
    if ((opt.features & QStyleOptionViewItem::HasDisplay) && !opt.text.isEmpty() && textRect.width() > 0)
        paintText(painter, opt, QStyle::visualRect(opt.direction, opt.rect, textRect));

    if (opt.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(opt);
        focus.rect = opt.rect;
        focus.state |= QStyle::State_KeyboardFocusChange | QStyle::State_Item;
        focus.backgroundColor = opt.palette.color(
            colorGroupOf(opt), (opt.state & QStyle::State_Selected) ? QPalette::Highlight : QPalette::Window);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
    painter->restore();
}

void ImageCellDelegate::paintText(QPainter *painter, const QStyleOptionViewItem &opt, const QRect &rect) const
{
    const QFontMetrics &metrics = opt.fontMetrics;
    ShapedKey key{singleLine(opt.text), -1, opt.textElideMode, opt.direction};
    const ShapedLine *line = &shaped(key, opt);
    if (line->advance > rect.width()) {
        key.elidedTo = rect.width();
        line = &shaped(key, opt);
    }

    const Qt::Alignment alignment = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
    int x = rect.left();
    if (alignment & Qt::AlignRight)
        x = rect.right() + 1 - line->advance;
    else if (alignment & Qt::AlignHCenter)
        x = rect.left() + (rect.width() - line->advance) / 2;
    int y = rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent();
    if (alignment & Qt::AlignTop)
        y = rect.top() + metrics.ascent();
    else if (alignment & Qt::AlignBottom)
        y = rect.bottom() + 1 - metrics.descent();

    painter->setPen(opt.palette.color(colorGroupOf(opt), (opt.state & QStyle::State_Selected)
                                                             ? QPalette::HighlightedText
                                                             : QPalette::Text));
    // The glyphs' positions put the baseline at the line's ascent.
    const QPointF origin(x, y - line->ascent);
    for (const QGlyphRun &run : line->runs)
        painter->drawGlyphRun(origin, run);
}

} // namespace mim
