// ImageCellDelegate paints cells itself (for speed): these check that it still paints what the standard
// delegate would: text where its alignment puts it, never past the cell's margins, one line, the
// selection's colours and the status icon.
#include "models/catalog/ImageTableModel.h"
#include "views/main/ImageCellDelegate.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QTest>
#include <QTreeView>

using namespace mim;
using namespace Qt::StringLiterals;

namespace {

const QColor Background(Qt::white);
const QColor TextColor(Qt::black);
const QColor Highlight(0, 0, 255);
const QColor HighlightedText(255, 0, 0);

// The columns where pixels differ from the background: first and last, or {-1, -1}.
struct Ink
{
    int left = -1;
    int right = -1;
    int top = -1;
    int bottom = -1;
    bool isEmpty() const { return left < 0; }
};

Ink inkOf(const QImage &image, const QColor &background)
{
    Ink ink;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y) == background)
                continue;
            ink.left = ink.left < 0 ? x : qMin(ink.left, x);
            ink.right = qMax(ink.right, x);
            ink.top = ink.top < 0 ? y : qMin(ink.top, y);
            ink.bottom = qMax(ink.bottom, y);
        }
    }
    return ink;
}

bool hasPixelNear(const QImage &image, const QColor &color)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - color.red()) < 40 && qAbs(c.green() - color.green()) < 40 &&
                qAbs(c.blue() - color.blue()) < 40)
                return true;
        }
    }
    return false;
}

} // namespace

class TestImageCellDelegate : public QObject
{
    Q_OBJECT

    QStandardItemModel m_model{1, ImageTableModel::ColumnCount};
    QTreeView m_view;
    ImageCellDelegate *m_delegate = nullptr;

    QStyleOptionViewItem optionFor(const QRect &rect, bool selected = false) const
    {
        QStyleOptionViewItem option;
        option.initFrom(&m_view);
        option.rect = rect;
        option.state = QStyle::State_Enabled | QStyle::State_Active;
        if (selected)
            option.state |= QStyle::State_Selected;
        option.widget = &m_view;
        option.showDecorationSelected = true; // as the table view, which selects whole rows, paints cells
        option.decorationSize = QSize(16, 16);
        option.font = m_view.font();
        option.fontMetrics = QFontMetrics(option.font);
        return option;
    }

    QImage paintCell(int column, const QVariant &text, int width, bool selected = false,
                     Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter, const QIcon &icon = {})
    {
        const QModelIndex index = m_model.index(0, column);
        m_model.setData(index, text, Qt::DisplayRole);
        m_model.setData(index, QVariant::fromValue(int(alignment)), Qt::TextAlignmentRole);
        m_model.setData(index, icon.isNull() ? QVariant() : QVariant(icon), Qt::DecorationRole);
        QImage image(width, 28, QImage::Format_ARGB32);
        image.fill(Background);
        QPainter painter(&image);
        m_delegate->paint(&painter, optionFor(image.rect(), selected), index);
        painter.end();
        return image;
    }

    int margin() const
    {
        return m_view.style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, &m_view) + 1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QPalette palette = m_view.palette();
        for (const auto group : {QPalette::Active, QPalette::Inactive}) {
            palette.setColor(group, QPalette::Base, Background);
            palette.setColor(group, QPalette::AlternateBase, Background);
            palette.setColor(group, QPalette::Text, TextColor);
            palette.setColor(group, QPalette::Highlight, Highlight);
            palette.setColor(group, QPalette::HighlightedText, HighlightedText);
        }
        m_view.setPalette(palette);
        QFont font = m_view.font();
        font.setPixelSize(16);
        font.setBold(true);
        m_view.setFont(font);
        m_view.setModel(&m_model);
        m_delegate = new ImageCellDelegate(&m_view);
        m_view.setItemDelegate(m_delegate);
    }

    void identifiersKeepBothEnds()
    {
        for (const int column :
             {int(ImageTableModel::Tag), int(ImageTableModel::SwrPath), int(ImageTableModel::Id)})
            QCOMPARE(ImageCellDelegate::elideModeOf(column), Qt::ElideMiddle);
        for (const int column : {int(ImageTableModel::Name), int(ImageTableModel::Description),
                                 int(ImageTableModel::Status), int(ImageTableModel::Namespace)})
            QCOMPARE(ImageCellDelegate::elideModeOf(column), Qt::ElideRight);
    }

    void flattensLineBreaksAndTabs()
    {
        QCOMPARE(ImageCellDelegate::singleLine(u"first\nsecond\r\nthird\tfourth"_s),
                 u"first second  third fourth"_s);
        QCOMPARE(ImageCellDelegate::singleLine(u"a\u2028b"_s), u"a b"_s);
        QCOMPARE(ImageCellDelegate::singleLine(u"unchanged"_s), u"unchanged"_s);
    }

    void leftAlignedTextStartsAtTheMargin()
    {
        const Ink ink = inkOf(paintCell(ImageTableModel::Name, u"MMMM"_s, 200), Background);
        QVERIFY(!ink.isEmpty());
        QVERIFY2(ink.left >= margin() && ink.left <= margin() + 3, qPrintable(QString::number(ink.left)));
        QVERIFY(ink.right < 100);
    }

    void rightAlignedTextEndsBeforeTheMargin()
    {
        const int width = 200;
        const Ink ink = inkOf(
            paintCell(ImageTableModel::Size, u"99.9 GB"_s, width, false, Qt::AlignRight | Qt::AlignVCenter),
            Background);
        QVERIFY(!ink.isEmpty());
        // A gap keeps a size from touching the date that follows it.
        const int gap = ImageCellDelegate::rightAlignedGap(QFontMetrics(m_view.font()));
        QVERIFY(gap >= 4);
        const int edge = width - margin() - gap;
        QVERIFY2(ink.right < edge && ink.right >= edge - 4, qPrintable(QString::number(ink.right)));
        QVERIFY(ink.left > width / 2);
    }

    void textIsCentredVertically()
    {
        const Ink ink = inkOf(paintCell(ImageTableModel::Name, u"MMMM"_s, 200), Background);
        const int above = ink.top;
        const int below = 28 - 1 - ink.bottom;
        QVERIFY2(qAbs(above - below) <= 4, qPrintable(u"%1 above, %2 below"_s.arg(above).arg(below)));
    }

    void longTextIsElidedInsideTheMargins()
    {
        const int width = 120;
        const QString id = u"c7fe6fd3-d755-4784-93b3-bb05ae4ad37c-c7fe6fd3-d755-4784-93b3"_s;
        for (const int column : {int(ImageTableModel::Id), int(ImageTableModel::Description)}) {
            const Ink ink = inkOf(paintCell(column, id, width), Background);
            QVERIFY(!ink.isEmpty());
            QVERIFY2(ink.right < width - margin() + 1, qPrintable(QString::number(ink.right)));
            // Elided, not cut: the text still reaches close to the end of the space it has.
            QVERIFY2(ink.right > width - margin() - 25, qPrintable(QString::number(ink.right)));
        }
    }

    void linesBecomeOneLine()
    {
        const QImage image = paintCell(ImageTableModel::Description, u"MMMM\nMMMM\nMMMM"_s, 400);
        const Ink ink = inkOf(image, Background);
        const QImage single = paintCell(ImageTableModel::Description, u"MMMM MMMM MMMM"_s, 400);
        QCOMPARE(image, single);
        QVERIFY(ink.bottom - ink.top < QFontMetrics(m_view.font()).height());
    }

    void selectionUsesHighlightColours()
    {
        const QImage image = paintCell(ImageTableModel::Name, u"MMMM"_s, 200, true);
        QCOMPARE(image.pixelColor(1, 1), Highlight);
        QVERIFY(hasPixelNear(image, HighlightedText));
        QVERIFY(!hasPixelNear(paintCell(ImageTableModel::Name, u"MMMM"_s, 200, false), HighlightedText));
    }

    // The delegate keeps the glyphs of the lines it shaped: drawn from that cache, any script looks as
    // QPainter::drawText draws it (fallback fonts for Chinese, right-to-left runs, combining marks, pairs of
    // surrogates), the first time and every time after.
    void glyphsDrawAsDrawTextDraws_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("width");
        QTest::newRow("latin") << u"pytorch-train v2.1.0"_s << 400;
        QTest::newRow("chinese") << u"训练镜像，包含 PyTorch 2.1 和 CUDA 12.1"_s << 500;
        QTest::newRow("right to left") << u"image שלום مرحبا end"_s << 400;
        QTest::newRow("combining marks") << u"café näive"_s << 400;
        QTest::newRow("surrogates") << u"model 🚀 𠀀"_s << 400;
        QTest::newRow("elided") << u"swr.cn-north-4.myhuaweicloud.com/ai-platform/pytorch-notebook:latest"_s
                                << 160;
        QTest::newRow("elided chinese") << u"从开发环境保存的镜像，可以删除，从开发环境保存的镜像"_s << 150;
    }

    void glyphsDrawAsDrawTextDraws()
    {
        QFETCH(QString, text);
        QFETCH(int, width);
        const int column = ImageTableModel::Description;
        const QImage first = paintCell(column, text, width);
        QCOMPARE(paintCell(column, text, width), first);

        QImage expected(width, 28, QImage::Format_ARGB32);
        expected.fill(Background);
        QPainter painter(&expected);
        const QFont font = m_view.font();
        const QFontMetrics metrics(font);
        const int room = width - 2 * margin();
        painter.setFont(font);
        painter.setPen(TextColor);
        painter.drawText(QPoint(margin(), (28 - metrics.height()) / 2 + metrics.ascent()),
                         metrics.elidedText(text, ImageCellDelegate::elideModeOf(column), room));
        painter.end();
        QCOMPARE(first, expected);
    }

    void iconComesBeforeTheText()
    {
        QPixmap green(16, 16);
        green.fill(Qt::green);
        const QImage withIcon = paintCell(ImageTableModel::Status, u"MMMM"_s, 200, false,
                                          Qt::AlignLeft | Qt::AlignVCenter, QIcon(green));
        QCOMPARE(withIcon.pixelColor(margin() + 8, 14), QColor(Qt::green));
        // The text moved right by the icon and a margin.
        const Ink textOnly = inkOf(paintCell(ImageTableModel::Status, u"MMMM"_s, 200), Background);
        const int iconEnd = margin() + 16;
        const Ink textBesideIcon = inkOf(withIcon.copy(iconEnd, 0, 200 - iconEnd, 28), Background);
        QVERIFY(!textBesideIcon.isEmpty());
        QVERIFY2(qAbs(iconEnd + textBesideIcon.left - (textOnly.left + 16 + margin())) <= 1,
                 qPrintable(u"text at %1 beside the icon, %2 without"_s.arg(iconEnd + textBesideIcon.left)
                                .arg(textOnly.left)));
    }
};

QTEST_MAIN(TestImageCellDelegate)
#include "test_image_cell_delegate.moc"
