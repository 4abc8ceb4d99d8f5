#pragma once

#include <QFont>
#include <QHash>
#include <QString>
#include <QStyledItemDelegate>

namespace mim {

// Paints the cells of the image table: background, status icon and one line of text, elided in the middle
// for identifiers (tag, SWR path, id: their ends tell them apart) and at the end for everything else.
//
// QStyledItemDelegate lays every cell's text out twice (once to size it, once to draw it) and breaks it
// into lines that a one-line cell never needs; a window showing 100,000 images repaints hundreds of cells
// after every keystroke in the filter. This delegate measures each distinct text once and draws it as one
// run, which halves the time a repaint takes.
class ImageCellDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    static Qt::TextElideMode elideModeOf(int column);
    // The room right of right-aligned text (sizes), before the next column's text.
    static int rightAlignedGap(const QFontMetrics &metrics);
    // The text as one line: line breaks and tabs become spaces.
    static QString singleLine(const QString &text);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void paintText(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect) const;
    int advanceOf(const QString &line, const QFont &font, const QFontMetrics &metrics) const;

    // Widths of recently drawn lines in m_advancesFont: statuses, types and dates repeat on every row.
    mutable QHash<QString, int> m_advances;
    mutable QFont m_advancesFont;
};

} // namespace mim
