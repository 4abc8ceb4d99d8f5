#pragma once

#include <QFont>
#include <QGlyphRun>
#include <QHash>
#include <QList>
#include <QString>
#include <QStyledItemDelegate>

namespace mim {

// Paints the cells of the image table: background, status icon and one line of text, elided in the middle
// for identifiers (tag, SWR path, id: their ends tell them apart) and at the end for everything else.
//
// QStyledItemDelegate lays every cell's text out twice (once to size it, once to draw it) and breaks it
// into lines that a one-line cell never needs; a window showing 100,000 images repaints hundreds of cells
// after every keystroke in the filter. This delegate shapes each distinct text once, keeps its glyphs and
// draws them as they are: a full window repaints in about half the time.
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
    // A line of text as glyphs: shaped once, drawn many times.
    struct ShapedLine
    {
        QList<QGlyphRun> runs;
        int advance = 0;
        qreal ascent = 0;
    };
    struct ShapedKey
    {
        QString text;
        int elidedTo = -1; // the width it was elided to, or -1: the whole text
        Qt::TextElideMode elideMode = Qt::ElideNone;
        Qt::LayoutDirection direction = Qt::LeftToRight;
        friend bool operator==(const ShapedKey &, const ShapedKey &) = default;
        friend size_t qHash(const ShapedKey &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.text, key.elidedTo, int(key.elideMode), int(key.direction));
        }
    };

    void paintText(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect) const;
    const ShapedLine &shaped(const ShapedKey &key, const QStyleOptionViewItem &option) const;

    // Recently drawn lines in m_shapedFont: statuses, types and dates repeat on every row, and a repaint
    // after a keystroke in the filter mostly shows rows it showed before. Shaping is most of what drawing a
    // line costs.
    mutable QHash<ShapedKey, ShapedLine> m_shaped;
    mutable QFont m_shapedFont;
};

} // namespace mim
