// Tools > Export Images in the real main window: the rows on screen (filter and sort respected) with the
// columns on screen (hidden ones left out, moved ones in their new place), as CSV and as JSON.

#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageFilterModel.h"
#include "ToolsGuiFixture.h"
#include "views/main/FilterBar.h"
#include "views/main/ImageTableView.h"
#include "views/tools/CleanupDialog.h"
#include "views/tools/ExportImages.h"

#include <QAction>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QStatusBar>

using namespace Qt::StringLiterals;
using namespace mim;
using test::ToolsGuiFixture;

class TestExportView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void toolsMenuIsInTheMenuBar();
    void cleanUpWaitsForTheWholeList();
    void exportsTheRowsAndColumnsOnScreen();
    void allFieldsExportsWhatTheTableHides();
    void failureIsReportedAndLeavesNoFile();

private:
    std::unique_ptr<ToolsGuiFixture> m_f;
};

void TestExportView::init()
{
    m_f = std::make_unique<ToolsGuiFixture>();
    QVERIFY(m_f->startSandbox());
    m_f->addImage({{u"name"_s, u"export-small"_s}, {u"size"_s, 100}, {u"description"_s, u"描述, \"一\""_s}});
    m_f->addImage({{u"name"_s, u"export-big"_s}, {u"size"_s, 900}});
    m_f->addImage({{u"name"_s, u"export-mid"_s}, {u"size"_s, 500}});
    QVERIFY(m_f->openWindow());
}

void TestExportView::cleanup()
{
    m_f.reset();
}

void TestExportView::toolsMenuIsInTheMenuBar()
{
    QMenu *tools = m_f->tools().menu();
    QVERIFY(m_f->window().menuBar()->actions().contains(tools->menuAction()));
    // Before Help, the last menu.
    const QList<QAction *> menus = m_f->window().menuBar()->actions();
    QCOMPARE(menus.indexOf(tools->menuAction()), menus.size() - 2);
    for (QAction *action : {m_f->tools().cleanUpAction(), m_f->tools().imageGroupsAction(),
                            m_f->tools().registerImageAction(), m_f->tools().exportAction()}) {
        QVERIFY(tools->actions().contains(action));
        QVERIFY2(action->isEnabled(), qPrintable(action->text()));
    }
    // Without an account there is nothing to clean up, and what was open for the old account closes.
    const QPointer<CleanupDialog> cleanup = m_f->tools().openCleanup();
    QVERIFY(cleanup);
    QVERIFY(cleanup->isVisible());
    m_f->window().disconnectAccount();
    QTRY_VERIFY(!m_f->tools().cleanUpAction()->isEnabled());
    QTRY_VERIFY(!cleanup || !cleanup->isVisible());
    QVERIFY(!m_f->tools().exportAction()->isEnabled());
}

void TestExportView::cleanUpWaitsForTheWholeList()
{
    // Its rules judge the account as a whole ("keep the newest"): not while the list is not all there.
    MainWindow &window = m_f->window();
    window.disconnectAccount();
    m_f->sandbox().setFaults(QJsonObject{{u"latency_ms"_s, 300}});
    window.connectTo(u"Slow"_s, m_f->sandbox().akskSettings());
    QCOMPARE(window.catalog()->state(), ImageCatalog::State::Loading);
    QVERIFY(!m_f->tools().cleanUpAction()->isEnabled());
    QVERIFY(!m_f->tools().openCleanup());
    QTRY_COMPARE_WITH_TIMEOUT(window.catalog()->state(), ImageCatalog::State::Loaded, 15000);
    QVERIFY(m_f->tools().cleanUpAction()->isEnabled());
    QVERIFY(m_f->tools().openCleanup());
}

void TestExportView::exportsTheRowsAndColumnsOnScreen()
{
    MainWindow &window = m_f->window();
    window.filterModel()->setText(u"export-"_s);
    window.tableView()->sortByColumn(ImageTableModel::Size, Qt::DescendingOrder);
    QHeaderView *header = window.tableView()->header();
    for (int column = 0; column < ImageTableModel::ColumnCount; ++column)
        window.tableView()->setColumnShown(column, column == ImageTableModel::Name ||
                                                       column == ImageTableModel::Size ||
                                                       column == ImageTableModel::Description);
    // Size first, as if dragged there.
    header->moveSection(header->visualIndex(ImageTableModel::Size), 0);
    QCOMPARE(ExportImages::visibleColumns(header),
             (QList<int>{ImageTableModel::Size, ImageTableModel::Name, ImageTableModel::Description}));

    const QString jsonPath = m_f->tempPath(u"shown.json"_s);
    QCOMPARE(m_f->tools().exportShownRows(jsonPath), 3);
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray rows = QJsonDocument::fromJson(json.readAll()).array();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).toObject(), (QJsonObject{{u"size"_s, 900},
                                                 {u"name"_s, u"export-big"_s},
                                                 {u"description"_s, QString()},
                                                 {u"size_bytes"_s, 900 * 1024}}));
    QCOMPARE(rows.at(1).toObject().value(u"name"_s).toString(), u"export-mid"_s);
    QCOMPARE(rows.at(2).toObject().value(u"description"_s).toString(), u"描述, \"一\""_s);
    QCOMPARE(rows.at(2).toObject().size(), 4);

    const QString csvPath = m_f->tempPath(u"shown.csv"_s);
    QCOMPARE(m_f->tools().exportShownRows(csvPath), 3);
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(csv.readAll().mid(3)),
             u"Size (as reported),Name,Description,Size "
             u"(bytes)\r\n900,export-big,,921600\r\n500,export-mid,,512000\r\n"
             u"100,export-small,\"描述, \"\"一\"\"\",102400\r\n"_s);
    QVERIFY(window.statusBar()->currentMessage().contains(u"Exported 3 images"_s));
}

void TestExportView::allFieldsExportsWhatTheTableHides()
{
    MainWindow &window = m_f->window();
    window.filterModel()->setText(u"export-big"_s);
    for (int column = 0; column < ImageTableModel::ColumnCount; ++column)
        window.tableView()->setColumnShown(column, column == ImageTableModel::Name);
    // The choice of the save dialog, as it remembers it.
    m_f->settings().setValue(u"export/fields"_s, u"all"_s);

    const QString jsonPath = m_f->tempPath(u"all.json"_s);
    QCOMPARE(m_f->tools().exportShownRows(jsonPath), 1);
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject row = QJsonDocument::fromJson(json.readAll()).array().at(0).toObject();
    QCOMPARE(row.value(u"name"_s).toString(), u"export-big"_s);
    for (const QString &key : {u"id"_s, u"swr_path"_s, u"workspace_id"_s, u"description"_s, u"namespace"_s,
                               u"size"_s, u"tag"_s, u"status"_s})
        QVERIFY2(row.contains(key), qPrintable(key));
    QVERIFY(!row.value(u"id"_s).toString().isEmpty());
    QVERIFY(!row.value(u"swr_path"_s).toString().isEmpty());

    // Back to the visible columns: only the name.
    m_f->settings().setValue(u"export/fields"_s, u"visible"_s);
    QCOMPARE(m_f->tools().exportShownRows(jsonPath), 1);
    QFile visible(jsonPath);
    QVERIFY(visible.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(visible.readAll()).array().at(0).toObject(),
             (QJsonObject{{u"name"_s, u"export-big"_s}}));
}

void TestExportView::failureIsReportedAndLeavesNoFile()
{
    QFile blocker(m_f->tempPath(u"a-file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString path = m_f->tempPath(u"a-file/export.csv"_s);
    QCOMPARE(m_f->tools().exportShownRows(path), -1);
    QVERIFY(!QFile::exists(path));
    QVERIFY(m_f->window().statusBar()->currentMessage().contains(u"Cannot export"_s));
}

QTEST_MAIN(TestExportView)
#include "test_export_view.moc"
