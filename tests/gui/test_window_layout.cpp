// The main window's layout on small and scaled screens: its minimum size, a restored geometry that no longer
// fits, the table's header texts beside the sort arrow, and the details pane beside the table.

#include "MainWindowFixture.h"
#include "models/catalog/ImageTableModel.h"
#include "models/common/SettingsKeys.h"
#include "SandboxFixture.h"
#include "views/accounts/ProfileDialog.h"
#include "views/main/DetailsPane.h"
#include "views/main/FilterBar.h"
#include "views/main/ImageTableView.h"
#include "views/main/MainWindow.h"

#include <memory>
#include <QApplication>
#include <QClipboard>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStyleOptionHeader>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace mim;

class TestWindowLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void minimumSizeIsSmall();
    void firstStartFitsTheScreen();
    void restoredGeometryLargerThanTheScreenIsClamped();
    void headerTextsFitBesideTheSortArrow();
    void detailsPaneResizesWithTheSplitter();
    void detailsPaneElidesLongIdsInTheMiddle();
    void accountDialogShrinksWhenItsHintsHide();

private:
    std::unique_ptr<test::MainWindowFixture> m_f;
};

void TestWindowLayout::init()
{
    m_f = std::make_unique<test::MainWindowFixture>();
    QVERIFY(m_f->isValid());
}

void TestWindowLayout::cleanup()
{
    m_f.reset();
}

void TestWindowLayout::minimumSizeIsSmall()
{
    // With images listed: the filter bar shows only then.
    test::SandboxFixture sandbox(5, 3);
    QVERIFY(sandbox.start());
    QVERIFY(m_f->openLoadedWindow(sandbox));
    MainWindow &window = m_f->window();
    // Twice as large at QT_SCALE_FACTOR=2: a 1600x1000 screen must still hold the window.
    const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
    QVERIFY2(minimum.width() <= 700, qPrintable(QString::number(minimum.width())));
    QVERIFY2(minimum.height() <= 420, qPrintable(QString::number(minimum.height())));
    // The filter bar gives up its one row rather than widen the window.
    FilterBar *filterBar = test::filterBar(window);
    QVERIFY(filterBar);
    QVERIFY2(filterBar->minimumSizeHint().width() <= 400,
             qPrintable(QString::number(filterBar->minimumSizeHint().width())));
    // On a narrow window every facet stays in reach, on further rows, and the table keeps the rest.
    window.resize(minimum.width(), 600);
    QTRY_COMPARE(window.width(), minimum.width());
    const QRect bar = filterBar->rect();
    for (int facet = 0; facet <= int(Facet::Usage); ++facet) {
        const QToolButton *button = filterBar->facetButton(Facet(facet));
        QVERIFY(button);
        const QRect inBar(button->mapTo(filterBar, QPoint(0, 0)), button->size());
        QVERIFY2(bar.contains(inBar), qPrintable(button->text()));
    }
    QVERIFY2(filterBar->height() < 200, qPrintable(QString::number(filterBar->height())));
}

void TestWindowLayout::firstStartFitsTheScreen()
{
    MainWindow &window = m_f->openWindow();
    const QRect available = window.screen()->availableGeometry();
    QVERIFY2(available.contains(window.frameGeometry()) ||
                 available.size().boundedTo(window.size()) == window.size(),
             qPrintable(u"%1x%2 on %3x%4"_s.arg(window.width())
                            .arg(window.height())
                            .arg(available.width())
                            .arg(available.height())));
    QVERIFY(window.width() <= available.width());
    QVERIFY(window.height() <= available.height());
}

void TestWindowLayout::restoredGeometryLargerThanTheScreenIsClamped()
{
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    {
        // Saved on a larger screen, or before the scale factor doubled.
        MainWindow &window = m_f->openWindow();
        window.setMinimumSize(0, 0);
        window.setGeometry(QRect(available.topLeft() + QPoint(200, 150), available.size() * 2));
        m_f->closeWindow();
    }
    const QByteArray saved =
        SettingsKeys::value(m_f->settings(), SettingsKey::MainWindowGeometry).toByteArray();
    QVERIFY(!saved.isEmpty());
    MainWindow &window = m_f->openWindow();
    QVERIFY2(window.width() <= available.width() && window.height() <= available.height(),
             qPrintable(u"%1x%2 on %3x%4"_s.arg(window.width())
                            .arg(window.height())
                            .arg(available.width())
                            .arg(available.height())));
    QVERIFY2(available.contains(window.geometry()),
             qPrintable(
                 u"%1,%2 %3x%4"_s.arg(window.x()).arg(window.y()).arg(window.width()).arg(window.height())));
}

void TestWindowLayout::headerTextsFitBesideTheSortArrow()
{
    MainWindow &window = m_f->openWindow();
    auto *table = window.findChild<ImageTableView *>(u"imageTable"_s);
    QVERIFY(table);
    QHeaderView *header = table->header();
    QVERIFY(header->isSortIndicatorShown());
    for (int column = 0; column < header->count(); ++column) {
        if (table->isColumnHidden(column))
            continue;
        // What the header needs to draw its text and the arrow side by side (as if sorted by it).
        QStyleOptionHeader option;
        option.initFrom(header);
        option.section = column;
        option.text = header->model()->headerData(column, Qt::Horizontal).toString();
        option.sortIndicator = QStyleOptionHeader::SortDown;
        const int needed =
            header->style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), header).width();
        QVERIFY2(table->columnWidth(column) >= needed,
                 qPrintable(u"%1: %2 < %3"_s.arg(option.text).arg(table->columnWidth(column)).arg(needed)));
    }
}

void TestWindowLayout::detailsPaneResizesWithTheSplitter()
{
    test::SandboxFixture sandbox(5, 3);
    QVERIFY(sandbox.start());
    QVERIFY(m_f->openLoadedWindow(sandbox));
    MainWindow &window = m_f->window();
    window.resize(1200, 700);
    auto *splitter = window.findChild<QSplitter *>(u"mainSplitter"_s);
    DetailsPane *pane = test::detailsPane(window);
    QVERIFY(splitter && pane);
    pane->show();
    QVERIFY(pane->maximumWidth() >= 1000);
    splitter->setSizes({500, 600});
    QTRY_VERIFY2(pane->width() >= 550, qPrintable(QString::number(pane->width())));
    // Its own minimum does not crowd the table on a small window.
    QVERIFY2(pane->minimumSizeHint().width() <= 260,
             qPrintable(QString::number(pane->minimumSizeHint().width())));
}

void TestWindowLayout::detailsPaneElidesLongIdsInTheMiddle()
{
    DetailsPane pane;
    pane.resize(320, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    Image image;
    image.id = u"c7fe6fd3-d755-4784-93b3-bb05ae4ad37c"_s;
    image.name = u"an-image-whose-name-is-long-enough"_s;
    image.tag = u"v1"_s;
    image.status = u"ACTIVE"_s;
    image.description = u"Training image with PyTorch and CUDA for fine tuning"_s;
    image.swrPath = u"swr.cn-north-4.myhuaweicloud.com/nlp-research/an-image-whose-name-is-long-enough:v1"_s;
    pane.setImages({image});

    const auto *copyId = pane.copyButton(DetailsPane::Field::Id);
    QVERIFY(copyId);
    auto *idLabel = qobject_cast<QLabel *>(copyId->parentWidget()->layout()->itemAt(0)->widget());
    QVERIFY(idLabel);
    // One line, both ends kept: ids differ at either end; the whole value is in the tooltip and copied.
    for (const DetailsPane::Field field : {DetailsPane::Field::Id, DetailsPane::Field::SwrPath}) {
        const QToolButton *copy = pane.copyButton(field);
        auto *label = qobject_cast<QLabel *>(copy->parentWidget()->layout()->itemAt(0)->widget());
        QVERIFY(label);
        const QString full = pane.fieldText(field);
        QVERIFY2(!label->wordWrap(), qPrintable(full));
        QVERIFY2(label->toolTip().contains(full), qPrintable(label->toolTip()));
        if (label->fontMetrics().horizontalAdvance(full) > label->width()) {
            QVERIFY2(label->text().contains(QChar(0x2026)), qPrintable(label->text()));
            QVERIFY(label->text().startsWith(full.left(3)));
            QVERIFY(label->text().endsWith(full.right(2)));
        }
        QVERIFY2(label->fontMetrics().horizontalAdvance(label->text()) <= label->width(),
                 qPrintable(label->text()));
    }
    QVERIFY(pane.fieldText(DetailsPane::Field::SwrPath) == image.swrPath);
    pane.copyButton(DetailsPane::Field::SwrPath)->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), image.swrPath);

    // Wider pane: the whole id shows.
    pane.resize(900, 700);
    QTRY_COMPARE(idLabel->text(), image.id);

    // Prose wraps between words, never inside one.
    pane.resize(260, 700);
    QApplication::processEvents();
    const QList<QLabel *> description = pane.findChildren<QLabel *>();
    bool found = false;
    for (QLabel *label : description) {
        if (label->text() != image.description)
            continue;
        found = true;
        QVERIFY(label->wordWrap());
        const int wrapWidth = label->width();
        const QFontMetrics metrics = label->fontMetrics();
        QVERIFY2(metrics.horizontalAdvance(u"Training"_s) <= wrapWidth,
                 qPrintable(QString::number(wrapWidth)));
    }
    QVERIFY(found);
}

void TestWindowLayout::accountDialogShrinksWhenItsHintsHide()
{
    ProfileDialog dialog(&m_f->profiles(), &m_f->secrets(), nullptr, &m_f->network(), std::nullopt);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // An empty form lists what to fill in.
    QVERIFY(dialog.problemsLabel()->isVisible());
    const int heightWithHints = dialog.height();
    auto *authBox = dialog.accessKeyEdit()->parentWidget();
    while (authBox && !qobject_cast<QGroupBox *>(authBox))
        authBox = authBox->parentWidget();
    QVERIFY(authBox);

    dialog.nameEdit()->setText(u"Team Beijing"_s);
    dialog.accessKeyEdit()->setText(u"AKEXAMPLE0123456789A"_s);
    dialog.secretKeyEdit()->setText(u"secret"_s);
    QVERIFY(!dialog.problemsLabel()->isVisible());
    QApplication::processEvents();
    // The hints' room goes, not into the Authentication box.
    QTRY_VERIFY2(dialog.height() < heightWithHints,
                 qPrintable(u"%1 then %2"_s.arg(heightWithHints).arg(dialog.height())));
    QVERIFY2(authBox->height() <= authBox->sizeHint().height() + 2,
             qPrintable(u"%1 > %2"_s.arg(authBox->height()).arg(authBox->sizeHint().height())));
}

QTEST_MAIN(TestWindowLayout)
#include "test_window_layout.moc"
