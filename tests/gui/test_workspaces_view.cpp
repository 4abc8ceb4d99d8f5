// Workspaces in the main window, offscreen, against the sandbox: the Workspace column and facet show
// workspace names, and a refused workspace list leaves a visible note that images may be missing.

#include "Localization.h"
#include "MainWindowFixture.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "RawApiClient.h"
#include "SandboxFixture.h"
#include "views/main/DetailsPane.h"
#include "views/main/FilterBar.h"
#include "views/main/MainWindow.h"
#include "views/main/NoticeBar.h"

#include <QAction>
#include <QJsonArray>
#include <QMenu>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace mim;

class TestWorkspacesView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void columnAndFacetShowWorkspaceNames();
    void refusedWorkspaceListIsNoted();

private:
    // id -> name, as ListWorkspace answers.
    QHash<QString, QString> serverWorkspaceNames() const;

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<test::MainWindowFixture> m_f;
};

void TestWorkspacesView::initTestCase()
{
    QVERIFY(
        installTranslations(QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedStates))
            .endsWith(u"_en.qm"_s));
}

void TestWorkspacesView::init()
{
    m_sandbox = std::make_unique<test::SandboxFixture>(300, 4);
    QVERIFY(m_sandbox->start());
    m_f = std::make_unique<test::MainWindowFixture>();
    QVERIFY(m_f->isValid());
}

void TestWorkspacesView::cleanup()
{
    m_f.reset();
    m_sandbox.reset();
}

QHash<QString, QString> TestWorkspacesView::serverWorkspaceNames() const
{
    test::RawApiClient client(m_sandbox->baseUrl());
    QHash<QString, QString> names;
    for (const QJsonValue &value : client.api("GET", u"workspaces"_s).json().value(u"workspaces"_s).toArray())
        names.insert(value.toObject().value(u"id"_s).toString(),
                     value.toObject().value(u"name"_s).toString());
    return names;
}

void TestWorkspacesView::columnAndFacetShowWorkspaceNames()
{
    QVERIFY(m_f->openLoadedWindow(*m_sandbox));
    MainWindow &window = m_f->window();
    const QHash<QString, QString> names = serverWorkspaceNames();
    QVERIFY(names.size() >= 3);
    QVERIFY(!test::noticeBar(window)->isVisible());

    // Every image of every workspace is listed; each row shows its workspace's name ("Default" for "0").
    ImageTableModel *model = window.tableModel();
    QString other;
    int inOther = 0;
    QSet<QString> seen;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString id = model->imageAt(row).workspaceId;
        seen.insert(id);
        const QModelIndex cell = model->index(row, ImageTableModel::Workspace);
        if (id == u"0") {
            QCOMPARE(cell.data().toString(), u"Default"_s);
            continue;
        }
        QCOMPARE(cell.data().toString(), names.value(id));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(id));
        if (other.isEmpty())
            other = id;
        inOther += id == other ? 1 : 0;
    }
    QVERIFY(seen.size() >= 3);
    QVERIFY(inOther > 0);

    // The facet lists the names and filters by workspace.
    QMenu menu;
    test::filterBar(window)->fillFacetMenu(Facet::Workspace, &menu);
    QAction *pick = nullptr;
    QStringList texts;
    for (QAction *action : menu.actions()) {
        texts.append(action->text());
        if (action->data().toString() == other)
            pick = action;
    }
    QVERIFY2(texts.contains(u"Default"_s), qPrintable(texts.join(u", ")));
    QVERIFY(pick);
    QCOMPARE(pick->text(), names.value(other));
    pick->trigger();
    QCOMPARE(window.filterModel()->rowCount(), inOther);
    QCOMPARE(test::filterBar(window)->facetButton(Facet::Workspace)->text(),
             u"Workspace: "_s + names.value(other));

    // The details pane names the workspace too, with its id.
    const QModelIndex first = window.filterModel()->index(0, 0);
    const QString imageId = first.data(ImageTableModel::ImageIdRole).toString();
    QCOMPARE(window.selectImages({imageId}), 1);
    QTRY_COMPARE(test::detailsPane(window)->fieldText(DetailsPane::Field::Workspace),
                 u"%1 (%2)"_s.arg(names.value(other), other));
}

void TestWorkspacesView::refusedWorkspaceListIsNoted()
{
    m_sandbox->setFaults({{u"script"_s, QJsonArray{QJsonObject{{u"path_contains"_s, u"/workspaces"_s},
                                                               {u"fault"_s, u"403"_s},
                                                               {u"count"_s, 100}}}}});
    QVERIFY(m_f->openLoadedWindow(*m_sandbox));
    MainWindow &window = m_f->window();
    QCOMPARE(window.catalog()->state(), ImageCatalog::State::Loaded);
    QVERIFY(window.tableModel()->rowCount() > 0);
    for (int row = 0; row < window.tableModel()->rowCount(); ++row)
        QCOMPARE(window.tableModel()->imageAt(row).workspaceId, u"0"_s);
    NoticeBar *notice = test::noticeBar(window);
    QTRY_VERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(u"Only the default workspace"_s), qPrintable(notice->text()));
    QVERIFY2(notice->text().contains(u"permission"_s, Qt::CaseInsensitive), qPrintable(notice->text()));
}

QTEST_MAIN(TestWorkspacesView)
#include "test_workspaces_view.moc"
