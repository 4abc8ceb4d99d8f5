// Drives the real main window against an in-process sandbox: loading, filtering, sorting, deleting (with the
// confirmation answered through MainWindow::setDeletionConfirmer), persistence, empty states and copying.

#include "Localization.h"
#include "MainWindowFixture.h"
#include "models/accounts/Profile.h"
#include "models/api/ApiClient.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "models/catalog/ListingCache.h"
#include "models/common/Formatting.h"
#include "models/common/SettingsKeys.h"
#include "models/deletion/DeleteImagesText.h"
#include "models/deletion/DeletionJournal.h"
#include "models/deletion/DeletionQueue.h"
#include "models/session/AccountSession.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"
#include "views/accounts/AccountManager.h"
#include "views/accounts/AccountSwitcher.h"
#include "views/deletion/DeleteImagesDialog.h"
#include "views/deletion/DeletionSummaryDialog.h"
#include "views/main/DetailsPane.h"
#include "views/main/EmptyStateWidget.h"
#include "views/main/FilterBar.h"
#include "views/main/FilterNotices.h"
#include "views/main/ImageTableView.h"
#include "views/main/MainStatusBar.h"
#include "views/main/MainWindow.h"
#include "views/main/NoticeBar.h"
#include "views/main/PreferencesDialog.h"

#include <memory>
#include <optional>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

constexpr int LoadTimeoutMs = test::MainWindowFixture::LoadTimeoutMs;

// The sandbox's images as the server holds them, deleted ones included.
struct ServerImage
{
    Image image;
    bool deleted = false;
    bool swrContentDeleted = false;
    bool inUse = false;
};

QList<ServerImage> serverImages(const test::SandboxFixture &sandbox)
{
    QList<ServerImage> result;
    const QJsonArray images = sandbox.state().value(u"images"_s).toArray();
    for (const QJsonValue &value : images) {
        const QJsonObject object = value.toObject();
        const std::optional<Image> image = Image::fromJson(object);
        if (!image)
            continue;
        result.append({*image, object.value(u"deleted"_s).toBool(),
                       object.value(u"swr_content_deleted"_s).toBool(), object.value(u"in_use"_s).toBool()});
    }
    return result;
}

int liveDedicatedCount(const test::SandboxFixture &sandbox)
{
    int count = 0;
    for (const ServerImage &s : serverImages(sandbox))
        count += (!s.deleted && !s.image.isBuiltIn()) ? 1 : 0;
    return count;
}

// Images that can be deleted without a refusal: own, active, not in use.
QList<Image> deletableImages(const test::SandboxFixture &sandbox,
                             std::optional<bool> wantPrivate = std::nullopt)
{
    QList<Image> result;
    for (const ServerImage &s : serverImages(sandbox)) {
        if (s.deleted || s.inUse || s.image.isBuiltIn() || s.image.status != u"ACTIVE")
            continue;
        if (wantPrivate && s.image.isPrivate() != *wantPrivate)
            continue;
        result.append(s.image);
    }
    return result;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void partsAreFoundByName();
    void loadsEveryOwnImage();
    void filtersByTextAndFacets();
    void builtInTypeListsBuiltInImages();
    void sortsByRawValues();
    void deletesOneWithoutSwrContent();
    void deletesSeveralWithSwrContent();
    void cancelDeletesNothing();
    void builtInImagesCannotBeDeleted();
    void refreshKeepsSelectionSortFilterAndScroll();
    void restoresStateAfterRestart();
    void emptyStateNoAccount();
    void emptyStateNoImages();
    void emptyStateNoMatches();
    void emptyStateLoadFailedAndRetry();
    void copyActionsPutTextOnClipboard();
    void detailsPaneShowsSelection();
    void statusBarNumbersUseTheLocale();
    void storedDateFormatApplies();
    void deletionSummaryShowsInUseFailureAndRetries();
    void settlingImagesAreWatched();
    void deleteKeyInFilterBoxDoesNotDelete();
    void shiftDeletePreticksSwrContent();
    void loadingShowsProgressAndCancels();
    void firstLoadShowsRowsAsTheyArriveAndSaysWhenIncomplete();
    void listingCacheFollowsProfilesDemoModeAndPreference();
    void cancellingDeletionsStopsTheRest();
    void switchingAccountWhileDeletingAsks();
    void removingTheAccountWhileDeletingAsks();
    void retryFailedStaysWithItsAccount();
    void quittingWhileDeletingAsks();
    void closingTheAccountMidDeleteIsReconciledWhenReopened();
    void statusMessageAndSettlingNoteDoNotOverlap();
    void stuckImageIsMarkedAndOffersResync();
    void openFacetMenuKeepsTheBarStill();
    void matchesInHiddenColumnsAreShown();
    void restoredFilterThatHidesRowsIsAnnounced();

private:
    QString addServerImage(QJsonObject json);
    MainWindow &makeWindow() { return m_f->openWindow(); }
    void loadInto(MainWindow &window, const ConnectionSettings &settings)
    {
        test::MainWindowFixture::connectTo(window, settings);
    }
    MainWindow &openLoadedWindow();
    // Selects the first `count` images that can be deleted; their ids, or none when fewer could be selected.
    QStringList selectDeletable(MainWindow &window, int count);
    // Deletes the selection, confirmed, against a server that answers `latencyMs` after each request, and
    // returns once the first request is on its way.
    bool startSlowDeletion(MainWindow &window, int latencyMs);
    QString idAtRow(MainWindow &window, int row) const;
    // A saved profile for the sandbox under this name, its secret in the keychain; returns its id.
    QString addSandboxProfile(const QString &name) { return m_f->addSandboxProfile(*m_sandbox, name); }
    // Connects the profile through the account switcher and waits for its list.
    bool openProfile(MainWindow &window, const QString &profileId, const QString &name);
    // The journal's outcome line for each image id that has an intent (empty: none yet).
    QHash<QString, QString> journalOutcomes(QStringList *intentProfiles = nullptr) const;

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<test::MainWindowFixture> m_f;
    int m_confirmerCalls = 0;
};

void TestMainWindow::initTestCase()
{
    // English, as the application installs it: the English catalogue turns "%Ln image(s)" into "1 image".
    QVERIFY(
        installTranslations(QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedStates))
            .endsWith(u"_en.qm"_s));
}

void TestMainWindow::init()
{
    m_sandbox = std::make_unique<test::SandboxFixture>(60, 7);
    QVERIFY(m_sandbox->start());
    // Besides the generated images, some of each kind the tests need, whatever the generator rolled.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 3; ++i) {
        addServerImage({{u"name"_s, u"shared-model"_s},
                        {u"tag"_s, u"v%1"_s.arg(i)},
                        {u"visibility"_s, u"PUBLIC"_s},
                        {u"size"_s, 1024 * (300 + i)},
                        {u"create_at"_s, now - (i + 1) * 86400000LL}});
        addServerImage({{u"name"_s, u"preset-pytorch"_s},
                        {u"tag"_s, u"2.%1"_s.arg(i)},
                        {u"type"_s, u"BUILD_IN"_s},
                        {u"visibility"_s, u"PUBLIC"_s},
                        {u"size"_s, 1024 * (900 + i)},
                        {u"create_at"_s, now - (i + 10) * 86400000LL}});
    }
    m_f = std::make_unique<test::MainWindowFixture>();
    QVERIFY(m_f->isValid());
    m_confirmerCalls = 0;
}

void TestMainWindow::cleanup()
{
    m_f.reset();
    m_sandbox.reset();
}

QString TestMainWindow::addServerImage(QJsonObject json)
{
    json.insert(u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    QString error;
    const QString id = m_sandbox->server()->addImage(json, &error);
    if (id.isEmpty())
        qWarning() << "could not add a sandbox image:" << error;
    return id;
}

MainWindow &TestMainWindow::openLoadedWindow()
{
    MainWindow &window = makeWindow();
    loadInto(window, m_sandbox->akskSettings());
    return window;
}

QStringList TestMainWindow::selectDeletable(MainWindow &window, int count)
{
    const QList<Image> candidates = deletableImages(*m_sandbox);
    QStringList ids;
    for (int i = 0; i < count && i < candidates.size(); ++i)
        ids.append(candidates.at(i).id);
    return ids.size() == count && window.selectImages(ids) == count ? ids : QStringList();
}

bool TestMainWindow::startSlowDeletion(MainWindow &window, int latencyMs)
{
    m_sandbox->setFaults(QJsonObject{{u"latency_ms"_s, latencyMs}});
    window.setDeletionConfirmer([](const DeleteImagesDialog &) -> std::optional<bool> { return false; });
    QSignalSpy itemStarted(test::deletionQueue(window), &DeletionQueue::itemStarted);
    test::deleteAction(window)->trigger();
    return QTest::qWaitFor([&itemStarted] { return !itemStarted.isEmpty(); }, LoadTimeoutMs);
}

QString TestMainWindow::idAtRow(MainWindow &window, int row) const
{
    return window.filterModel()->index(row, 0).data(ImageTableModel::ImageIdRole).toString();
}

bool TestMainWindow::openProfile(MainWindow &window, const QString &profileId, const QString &name)
{
    window.accountSwitcher()->activateProfile(profileId);
    return QTest::qWaitFor(
        [&] {
            return window.connectedDisplayName() == name &&
                   window.catalog()->state() == ImageCatalog::State::Loaded;
        },
        LoadTimeoutMs);
}

QHash<QString, QString> TestMainWindow::journalOutcomes(QStringList *intentProfiles) const
{
    const DeletionJournal journal(m_f->journalPath());
    QHash<QString, QString> imageOfEntry;
    QHash<QString, QString> outcomeOfEntry;
    for (const QJsonObject &line : journal.readAll()) {
        const QString entry = line.value(u"entry"_s).toString();
        if (line.value(u"phase"_s).toString() == u"intent"_s) {
            imageOfEntry.insert(entry, line.value(u"image"_s).toObject().value(u"id"_s).toString());
            if (intentProfiles)
                intentProfiles->append(line.value(u"profile"_s).toString());
        } else {
            outcomeOfEntry.insert(entry, line.value(u"outcome"_s).toString());
        }
    }
    QHash<QString, QString> outcomes;
    for (auto it = imageOfEntry.cbegin(); it != imageOfEntry.cend(); ++it)
        outcomes.insert(it.value(), outcomeOfEntry.value(it.key()));
    return outcomes;
}

// ---------------------------------------------------------------------------------------------------------

// The object names the tests find the window's parts by (tests/support/MainWindowFixture) are all there.
void TestMainWindow::partsAreFoundByName()
{
    MainWindow &window = makeWindow();
    QVERIFY(test::filterBar(window));
    QVERIFY(test::detailsPane(window));
    QVERIFY(test::emptyState(window));
    QVERIFY(test::noticeBar(window));
    QVERIFY(test::deletionQueue(window));
    QVERIFY(!test::deletionSummaryDialog(window)); // none before a deletion run
    const QList<QAction *> actions{test::refreshAction(window),
                                   test::deleteAction(window),
                                   test::deleteWithContentAction(window),
                                   test::findAction(window),
                                   test::resyncAction(window),
                                   test::detailsAction(window),
                                   test::toggleDetailsPaneAction(window),
                                   test::copyIdAction(window),
                                   test::copySwrPathAction(window),
                                   test::copyNameTagAction(window),
                                   test::selectAllAction(window),
                                   test::openJournalFolderAction(window)};
    QVERIFY(!actions.contains(nullptr));
    // Each name is one action's.
    QCOMPARE(QSet<QAction *>(actions.cbegin(), actions.cend()).size(), actions.size());
}

void TestMainWindow::loadsEveryOwnImage()
{
    MainWindow &window = openLoadedWindow();
    QCOMPARE(window.catalog()->state(), ImageCatalog::State::Loaded);
    const int expected = liveDedicatedCount(*m_sandbox);
    QVERIFY(expected > 10);
    QCOMPARE(window.tableModel()->rowCount(), expected);
    QCOMPARE(window.filterModel()->rowCount(), expected);
    QCOMPARE(window.currentPage(), MainWindow::Page::Table);
    // Built-in images are neither listed nor shown by default.
    for (int row = 0; row < window.tableModel()->rowCount(); ++row)
        QVERIFY(!window.tableModel()->imageAt(row).isBuiltIn());

    // Newest first.
    QCOMPARE(window.tableView()->header()->sortIndicatorSection(), int(ImageTableModel::Created));
    QCOMPARE(window.tableView()->header()->sortIndicatorOrder(), Qt::DescendingOrder);
    for (int row = 1; row < window.filterModel()->rowCount(); ++row) {
        const qint64 previous = window.filterModel()
                                    ->index(row - 1, ImageTableModel::Created)
                                    .data(ImageTableModel::SortRole)
                                    .toLongLong();
        const qint64 current = window.filterModel()
                                   ->index(row, ImageTableModel::Created)
                                   .data(ImageTableModel::SortRole)
                                   .toLongLong();
        QVERIFY(previous >= current);
    }

    // The default columns.
    ImageTableView *view = window.tableView();
    for (int c : {ImageTableModel::Name, ImageTableModel::Tag, ImageTableModel::Status, ImageTableModel::Size,
                  ImageTableModel::Created, ImageTableModel::Updated, ImageTableModel::Visibility,
                  ImageTableModel::Architecture, ImageTableModel::Namespace})
        QVERIFY2(view->isColumnShown(c),
                 qPrintable(ImageTableModel::columnTitle(ImageTableModel::Column(c))));
    for (int c :
         {ImageTableModel::Type, ImageTableModel::SwrPath, ImageTableModel::Id, ImageTableModel::Description})
        QVERIFY(!view->isColumnShown(c));

    // The status bar counts what is shown and says when it was refreshed.
    QTRY_VERIFY(window.mainStatusBar()->shownText().startsWith(QString::number(expected) + u" images"_s));
    QVERIFY(!window.mainStatusBar()->refreshedText().isEmpty());
    QVERIFY(!window.mainStatusBar()->isLoadProgressVisible());
    QVERIFY(window.windowTitle().contains(u"Sandbox"_s));
}

void TestMainWindow::filtersByTextAndFacets()
{
    MainWindow &window = openLoadedWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const int all = window.filterModel()->rowCount();
    const Image probe = window.tableModel()->imageAt(0);

    // Ctrl+F focuses the filter box; typing filters.
    QTest::keySequence(&window, QKeySequence::Find);
    QLineEdit *field = test::filterBar(window)->searchField();
    QTRY_VERIFY(field->hasFocus());
    QCOMPARE(field->placeholderText(), u"Filter by name, tag, id, SWR path, namespace, description…"_s);
    QTest::keyClicks(field, probe.id);
    QCOMPARE(window.filterModel()->rowCount(), 1);
    QCOMPARE(idAtRow(window, 0), probe.id);
    QCOMPARE(window.filterModel()->filterState().text, probe.id);
    QTRY_VERIFY(window.mainStatusBar()->shownText().startsWith(u"1 of "_s));

    // Esc clears it.
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(field->text().isEmpty());
    QCOMPARE(window.filterModel()->rowCount(), all);

    // The status facet, through its menu as the user picks it.
    QMenu menu;
    test::filterBar(window)->fillFacetMenu(Facet::Status, &menu);
    QAction *active = nullptr;
    for (QAction *action : menu.actions()) {
        if (action->data().toString() == u"ACTIVE")
            active = action;
    }
    QVERIFY(active);
    QVERIFY(!active->isChecked());
    active->trigger();
    QCOMPARE(window.filterModel()->filterState().facets.value(Facet::Status), QSet<QString>{u"ACTIVE"_s});
    QVERIFY(window.filterModel()->rowCount() > 0);
    QVERIFY(window.filterModel()->rowCount() < all);
    for (int row = 0; row < window.filterModel()->rowCount(); ++row)
        QCOMPARE(window.filterModel()
                     ->index(row, ImageTableModel::Status)
                     .data(ImageTableModel::FacetValueRole)
                     .toString(),
                 u"ACTIVE"_s);
    QCOMPARE(test::filterBar(window)->facetButton(Facet::Status)->text(), u"Status: Active"_s);
    QVERIFY(test::filterBar(window)->clearButton()->isVisible());

    // A second facet narrows further: visibility private.
    QMenu visibilityMenu;
    test::filterBar(window)->fillFacetMenu(Facet::Visibility, &visibilityMenu);
    for (QAction *action : visibilityMenu.actions()) {
        if (action->data().toString() == u"PRIVATE")
            action->trigger();
    }
    for (int row = 0; row < window.filterModel()->rowCount(); ++row) {
        const QModelIndex source = window.filterModel()->mapToSource(window.filterModel()->index(row, 0));
        const Image &image = window.tableModel()->imageAt(source.row());
        QCOMPARE(image.status, u"ACTIVE"_s);
        QVERIFY(image.isPrivate());
    }

    // Clear Filters brings everything back.
    QTest::mouseClick(test::filterBar(window)->clearButton(), Qt::LeftButton);
    QCOMPARE(window.filterModel()->rowCount(), all);
    QVERIFY(!window.filterModel()->filterState().isActive());
    QCOMPARE(test::filterBar(window)->facetButton(Facet::Status)->text(), u"Status"_s);
}

void TestMainWindow::builtInTypeListsBuiltInImages()
{
    MainWindow &window = openLoadedWindow();
    int builtInOnServer = 0;
    for (const ServerImage &s : serverImages(*m_sandbox))
        builtInOnServer += (!s.deleted && s.image.isBuiltIn()) ? 1 : 0;
    QVERIFY(builtInOnServer > 0);

    QMenu menu;
    test::filterBar(window)->fillFacetMenu(Facet::Type, &menu);
    QAction *builtIn = nullptr;
    for (QAction *action : menu.actions()) {
        if (action->data().toString() == u"BUILD_IN")
            builtIn = action;
    }
    QVERIFY(builtIn);
    QVERIFY(!builtIn->isChecked());
    QSignalSpy loaded(window.catalog(), &ImageCatalog::loaded);
    builtIn->trigger();
    QVERIFY(window.catalog()->includeBuiltIn());
    QVERIFY(loaded.wait(LoadTimeoutMs));
    QCOMPARE(window.tableModel()->rowCount(), liveDedicatedCount(*m_sandbox) + builtInOnServer);
    QCOMPARE(window.filterModel()->rowCount(), window.tableModel()->rowCount());
    QCOMPARE(test::filterBar(window)->facetButton(Facet::Type)->text(), u"Type: All"_s);
}

void TestMainWindow::sortsByRawValues()
{
    MainWindow &window = openLoadedWindow();
    ImageFilterModel *model = window.filterModel();
    // Every column sorts by its raw value (SortRole): never "b before a" in the requested order.
    const auto checkOrder = [&](int column, Qt::SortOrder order) {
        window.tableView()->sortByColumn(column, order);
        QCOMPARE(window.tableView()->header()->sortIndicatorSection(), column);
        for (int row = 1; row < model->rowCount(); ++row) {
            const QVariant a = model->index(row - 1, column).data(ImageTableModel::SortRole);
            const QVariant b = model->index(row, column).data(ImageTableModel::SortRole);
            const QPartialOrdering c = QVariant::compare(a, b);
            QVERIFY2(order == Qt::AscendingOrder ? c != QPartialOrdering::Greater
                                                 : c != QPartialOrdering::Less,
                     qPrintable(u"column %1 row %2"_s.arg(column).arg(row)));
        }
    };
    checkOrder(ImageTableModel::Size, Qt::DescendingOrder);
    if (QTest::currentTestFailed())
        return;
    // Size sorts by KB, not by the text ("900 MB" < "1.2 GB").
    for (int row = 1; row < model->rowCount(); ++row) {
        QVERIFY(model->index(row - 1, ImageTableModel::Size).data(ImageTableModel::SizeKbRole).toLongLong() >=
                model->index(row, ImageTableModel::Size).data(ImageTableModel::SizeKbRole).toLongLong());
    }
    for (const auto &[column, order] : {std::pair{ImageTableModel::Created, Qt::AscendingOrder},
                                        std::pair{ImageTableModel::Updated, Qt::DescendingOrder},
                                        std::pair{ImageTableModel::Name, Qt::AscendingOrder},
                                        std::pair{ImageTableModel::Status, Qt::AscendingOrder},
                                        std::pair{ImageTableModel::Namespace, Qt::DescendingOrder}}) {
        checkOrder(column, order);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestMainWindow::deletesOneWithoutSwrContent()
{
    MainWindow &window = openLoadedWindow();
    const QList<Image> candidates = deletableImages(*m_sandbox, true);
    QVERIFY(!candidates.isEmpty());
    const Image target = candidates.first();
    QCOMPARE(window.selectImages({target.id}), 1);
    QVERIFY(test::deleteAction(window)->isEnabled());

    window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        ++m_confirmerCalls;
        [&] {
            QCOMPARE(dialog.images().size(), 1);
            QCOMPARE(dialog.images().first().id, target.id);
            QVERIFY(dialog.headline().contains(target.nameAndTag()));
            QVERIFY(dialog.forceCheckBox()->isEnabled()); // private
            QVERIFY(!dialog.forceCheckBox()->isChecked());
            QCOMPARE(dialog.deleteButton()->text(), u"Delete 1 Image"_s);
            QVERIFY(dialog.cancelButton()->isDefault());
            QVERIFY(!dialog.deleteButton()->isDefault());
            QVERIFY(dialog.skippedText().isEmpty());
            dialog.forceCheckBox()->setChecked(true);
            QCOMPARE(dialog.deleteButton()->text(), u"Delete 1 Image and SWR Content"_s);
            dialog.forceCheckBox()->setChecked(false);
            QCOMPARE(dialog.deleteButton()->text(), u"Delete 1 Image"_s);
        }();
        return false;
    });
    test::deleteAction(window)->trigger();
    QCOMPARE(m_confirmerCalls, 1);
    // The row says what is happening to it at once.
    const int row = window.tableModel()->rowOfId(target.id);
    if (row >= 0) {
        QVERIFY(window.tableModel()
                    ->index(row, ImageTableModel::Status)
                    .data()
                    .toString()
                    .contains(u"Deleting…"_s));
    }
    QTRY_COMPARE_WITH_TIMEOUT(window.tableModel()->rowOfId(target.id), -1, LoadTimeoutMs);
    QTRY_VERIFY(!test::deletionQueue(window)->isRunning());

    for (const ServerImage &s : serverImages(*m_sandbox)) {
        if (s.image.id == target.id) {
            QVERIFY(s.deleted);
            QVERIFY(!s.swrContentDeleted);
        } else {
            QVERIFY2(!s.deleted, qPrintable(s.image.id));
        }
    }
    QCOMPARE(window.tableModel()->rowCount(), liveDedicatedCount(*m_sandbox));
    QTRY_VERIFY(window.mainStatusBar()->currentMessage().contains(u"1 image deleted"_s));
    QVERIFY(!test::deletionSummaryDialog(window)); // everything went fine: a status message is enough

    // The journal recorded it, with the account context.
    QFile journal(m_f->journalPath());
    QVERIFY(journal.open(QIODevice::ReadOnly));
    const QByteArray lines = journal.readAll();
    QVERIFY(lines.contains(target.id.toUtf8()));
}

void TestMainWindow::deletesSeveralWithSwrContent()
{
    MainWindow &window = openLoadedWindow();
    const QList<Image> privates = deletableImages(*m_sandbox, true);
    const QList<Image> publics = deletableImages(*m_sandbox, false);
    QVERIFY(privates.size() >= 3);
    QVERIFY(publics.size() >= 2);
    const QList<Image> chosen{privates.at(0), publics.at(0), privates.at(1), publics.at(1), privates.at(2)};
    QStringList ids;
    for (const Image &image : chosen)
        ids.append(image.id);
    QCOMPARE(window.selectImages(ids), 5);
    QTRY_COMPARE(window.mainStatusBar()->selectionText().left(10), u"5 selected"_s);

    window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        ++m_confirmerCalls;
        [&] {
            QCOMPARE(dialog.images().size(), 5);
            QCOMPARE(dialog.headline(), u"Delete 5 images?"_s);
            for (const Image &image : chosen)
                QVERIFY2(dialog.messageText().contains(image.nameAndTag()), qPrintable(image.nameAndTag()));
            QVERIFY(dialog.forceCheckBox()->isEnabled());
            QVERIFY(!dialog.forceCheckBox()->isChecked());
            QCOMPARE(dialog.appliesToText(),
                     u"Applies to 3 of the 5 selected images (the private ones); public "
                     u"images keep their SWR content."_s);
            QCOMPARE(dialog.deleteButton()->text(), u"Delete 5 Images"_s);
            dialog.forceCheckBox()->setChecked(true);
            QCOMPARE(dialog.deleteButton()->text(), u"Delete 5 Images (SWR Content of 3)"_s);
        }();
        return dialog.forceRequested();
    });
    test::deleteAction(window)->trigger();
    QCOMPARE(m_confirmerCalls, 1);
    for (const QString &id : ids)
        QCOMPARE(window.tableModel()->rowActivity(id), ImageTableModel::RowActivity::Deleting);
    QVERIFY(window.mainStatusBar()->isDeletionProgressVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!test::deletionQueue(window)->isRunning(), LoadTimeoutMs);
    QTRY_VERIFY(!window.mainStatusBar()->isDeletionProgressVisible());

    for (const ServerImage &s : serverImages(*m_sandbox)) {
        const bool wasChosen = ids.contains(s.image.id);
        QCOMPARE(s.deleted, wasChosen);
        // SWR content only for the private ones that were chosen.
        QCOMPARE(s.swrContentDeleted, wasChosen && s.image.isPrivate());
    }
    for (const QString &id : ids)
        QCOMPARE(window.tableModel()->rowOfId(id), -1);
    QVERIFY(window.selectedImageIds().isEmpty());
}

void TestMainWindow::cancelDeletesNothing()
{
    MainWindow &window = openLoadedWindow();
    const QList<Image> candidates = deletableImages(*m_sandbox);
    QCOMPARE(window.selectImages({candidates.at(0).id, candidates.at(1).id}), 2);
    const qint64 deletesBefore =
        m_sandbox->state().value(u"counters"_s).toObject().value(u"deletes"_s).toInteger();
    window.setDeletionConfirmer([&](const DeleteImagesDialog &) -> std::optional<bool> {
        ++m_confirmerCalls;
        return std::nullopt;
    });
    test::deleteAction(window)->trigger();
    QCOMPARE(m_confirmerCalls, 1);
    QVERIFY(!test::deletionQueue(window)->isRunning());
    QCOMPARE(window.tableModel()->rowActivity(candidates.at(0).id), ImageTableModel::RowActivity::None);
    // Anything the window had scheduled would have run by now.
    QCoreApplication::processEvents();
    for (const ServerImage &s : serverImages(*m_sandbox))
        QVERIFY(!s.deleted);
    QCOMPARE(m_sandbox->state().value(u"counters"_s).toObject().value(u"deletes"_s).toInteger(),
             deletesBefore);
    QCOMPARE(window.selectedImageIds().size(), 2);
}

void TestMainWindow::builtInImagesCannotBeDeleted()
{
    MainWindow &window = openLoadedWindow();
    QSignalSpy loaded(window.catalog(), &ImageCatalog::loaded);
    window.filterModel()->setShowBuiltIn(true);
    QVERIFY(loaded.wait(LoadTimeoutMs));

    QStringList builtIn;
    QStringList own;
    for (int row = 0; row < window.tableModel()->rowCount(); ++row) {
        const Image &image = window.tableModel()->imageAt(row);
        if (image.isBuiltIn())
            builtIn.append(image.id);
        else if (image.status == u"ACTIVE")
            own.append(image.id);
    }
    QVERIFY(builtIn.size() >= 2);

    QCOMPARE(window.selectImages(builtIn.mid(0, 2)), 2);
    QVERIFY(!test::deleteAction(window)->isEnabled());
    QCOMPARE(test::deleteAction(window)->toolTip(), u"Built-in images cannot be deleted."_s);
    test::deleteAction(window)->trigger(); // disabled: nothing happens
    QCOMPARE(m_confirmerCalls, 0);

    QCOMPARE(window.selectImages({builtIn.at(0), builtIn.at(1), own.at(0)}), 3);
    QVERIFY(test::deleteAction(window)->isEnabled());
    window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        ++m_confirmerCalls;
        [&] {
            QCOMPARE(dialog.images().size(), 1);
            QCOMPARE(dialog.images().first().id, own.at(0));
            QCOMPARE(dialog.skippedBuiltInCount(), 2);
            QCOMPARE(dialog.skippedText(),
                     u"2 built-in images skipped: built-in images cannot be deleted."_s);
        }();
        return std::nullopt;
    });
    test::deleteAction(window)->trigger();
    QCOMPARE(m_confirmerCalls, 1);
}

void TestMainWindow::refreshKeepsSelectionSortFilterAndScroll()
{
    m_sandbox->reset(400, 3); // enough rows to scroll
    MainWindow &window = openLoadedWindow();
    window.resize(1000, 500);
    window.tableView()->sortByColumn(ImageTableModel::Size, Qt::AscendingOrder);
    window.filterModel()->setFacet(Facet::Visibility, {u"PRIVATE"_s});
    QVERIFY(window.filterModel()->rowCount() > 60);
    const QStringList chosen{idAtRow(window, 40), idAtRow(window, 42)};
    QCOMPARE(window.selectImages(chosen), 2);
    QScrollBar *scroll = window.tableView()->verticalScrollBar();
    QTRY_VERIFY(scroll->maximum() > 0);
    scroll->setValue(scroll->maximum() / 2);
    const int scrollBefore = scroll->value();
    const int rowsBefore = window.filterModel()->rowCount();

    // Someone else changes an unrelated image meanwhile.
    const QString other = idAtRow(window, 0);
    QVERIFY(m_sandbox->server()->patchImage(other, QJsonObject{{u"status"_s, u"ERROR"_s}}));

    QSignalSpy loaded(window.catalog(), &ImageCatalog::loaded);
    test::refreshAction(window)->trigger();
    QCOMPARE(window.catalog()->state(), ImageCatalog::State::Loading);
    QVERIFY(loaded.wait(LoadTimeoutMs));

    QCOMPARE(window.tableModel()->imageAt(window.tableModel()->rowOfId(other)).status, u"ERROR"_s);
    QStringList selected = window.selectedImageIds();
    selected.sort();
    QStringList expected = chosen;
    expected.sort();
    QCOMPARE(selected, expected);
    QCOMPARE(window.tableView()->header()->sortIndicatorSection(), int(ImageTableModel::Size));
    QCOMPARE(window.tableView()->header()->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(window.filterModel()->filterState().facets.value(Facet::Visibility),
             QSet<QString>{u"PRIVATE"_s});
    QCOMPARE(window.filterModel()->rowCount(), rowsBefore);
    QCOMPARE(scroll->value(), scrollBefore);
}

void TestMainWindow::restoresStateAfterRestart()
{
    {
        MainWindow &window = openLoadedWindow();
        window.resize(777, 555); // within the offscreen screen: a larger one is fitted to it
        ImageTableView *view = window.tableView();
        // Through the header's menu, as a user does.
        QMenu columns;
        view->populateColumnMenu(&columns);
        for (QAction *action : columns.actions()) {
            if (action->text() == ImageTableModel::columnTitle(ImageTableModel::Tag)) {
                QVERIFY(action->isChecked());
                action->trigger();
            }
        }
        QVERIFY(!view->isColumnShown(ImageTableModel::Tag));
        view->setColumnShown(ImageTableModel::Id, true);
        view->sortByColumn(ImageTableModel::Size, Qt::AscendingOrder);
        test::filterBar(window)->searchField()->setText(u"a"_s);
        window.filterModel()->setFacet(Facet::Status, {u"ACTIVE"_s});
        test::toggleDetailsPaneAction(window)->setChecked(false);
        QVERIFY(!test::detailsPane(window)->isVisible());
        m_f->closeWindow(); // destroyed without close(): the state must still be saved
    }

    MainWindow &window = makeWindow();
    ImageTableView *view = window.tableView();
    QCOMPARE(window.size(), QSize(777, 555));
    QVERIFY(!view->isColumnShown(ImageTableModel::Tag));
    QVERIFY(view->isColumnShown(ImageTableModel::Id));
    QVERIFY(view->isColumnShown(ImageTableModel::Name));
    QCOMPARE(view->header()->sortIndicatorSection(), int(ImageTableModel::Size));
    QCOMPARE(view->header()->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(test::filterBar(window)->searchField()->text(), u"a"_s);
    QCOMPARE(window.filterModel()->filterState().text, u"a"_s);
    QCOMPARE(window.filterModel()->filterState().facets.value(Facet::Status), QSet<QString>{u"ACTIVE"_s});
    QVERIFY(!test::toggleDetailsPaneAction(window)->isChecked());
    QVERIFY(!test::detailsPane(window)->isVisibleTo(&window));

    // The restored sort and filter apply to the data once it arrives.
    loadInto(window, m_sandbox->akskSettings());
    QVERIFY(window.filterModel()->rowCount() > 1);
    for (int row = 1; row < window.filterModel()->rowCount(); ++row) {
        QVERIFY(window.filterModel()->index(row - 1, 0).data(ImageTableModel::SizeKbRole).toLongLong() <=
                window.filterModel()->index(row, 0).data(ImageTableModel::SizeKbRole).toLongLong());
        QCOMPARE(window.filterModel()
                     ->index(row, ImageTableModel::Status)
                     .data(ImageTableModel::FacetValueRole)
                     .toString(),
                 u"ACTIVE"_s);
    }
}

void TestMainWindow::emptyStateNoAccount()
{
    MainWindow &window = makeWindow();
    QCOMPARE(window.currentPage(), MainWindow::Page::NoAccount);
    EmptyStateWidget *empty = test::emptyState(window);
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->title(), u"No account yet"_s);
    QPushButton *add = empty->button(EmptyStateWidget::Button::AddAccount);
    QPushButton *demo = empty->button(EmptyStateWidget::Button::TryDemo);
    QVERIFY(add->isVisible());
    QVERIFY(demo->isVisible());
    QVERIFY(!empty->button(EmptyStateWidget::Button::Retry)->isVisible());
    QVERIFY(!test::refreshAction(window)->isEnabled());
    QVERIFY(!test::deleteAction(window)->isEnabled());
    QVERIFY(!test::filterBar(window)->isVisible());

    QSignalSpy demoRequested(&window, &MainWindow::demoRequested);
    QTest::mouseClick(demo, Qt::LeftButton);
    QCOMPARE(demoRequested.size(), 1);

    // Connecting leaves the page; disconnecting brings it back.
    loadInto(window, m_sandbox->akskSettings());
    QCOMPARE(window.currentPage(), MainWindow::Page::Table);
    window.disconnectAccount();
    QCOMPARE(window.currentPage(), MainWindow::Page::NoAccount);
    QCOMPARE(window.tableModel()->rowCount(), 0);
}

void TestMainWindow::emptyStateNoImages()
{
    m_sandbox->reset(0, 1);
    MainWindow &window = openLoadedWindow();
    QCOMPARE(window.catalog()->state(), ImageCatalog::State::Loaded);
    QCOMPARE(window.currentPage(), MainWindow::Page::NoImages);
    QCOMPARE(test::emptyState(window)->title(), u"No images of your own"_s);
    QVERIFY(test::emptyState(window)->button(EmptyStateWidget::Button::Refresh)->isVisible());
    QVERIFY(test::emptyState(window)->button(EmptyStateWidget::Button::ShowBuiltIn)->isVisible());
}

void TestMainWindow::emptyStateNoMatches()
{
    MainWindow &window = openLoadedWindow();
    const int all = window.filterModel()->rowCount();
    test::filterBar(window)->searchField()->setText(u"no-image-is-called-like-this"_s);
    QCOMPARE(window.currentPage(), MainWindow::Page::NoMatches);
    QCOMPARE(test::emptyState(window)->title(), u"No matching images"_s);
    QCOMPARE(test::emptyState(window)->body(), u"None of the %1 images matches the filter."_s.arg(all));
    QVERIFY(test::filterBar(window)->isVisible()); // the user can still edit the filter
    QPushButton *clear = test::emptyState(window)->button(EmptyStateWidget::Button::ClearFilter);
    QVERIFY(clear->isVisible());
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(window.currentPage(), MainWindow::Page::Table);
    QCOMPARE(window.filterModel()->rowCount(), all);
    QVERIFY(test::filterBar(window)->searchField()->text().isEmpty());
}

void TestMainWindow::emptyStateLoadFailedAndRetry()
{
    m_sandbox->setFaults(QJsonObject{
        {u"script"_s, QJsonArray{QJsonObject{{u"method"_s, u"GET"_s},
                                             {u"path_contains"_s, u"/images"_s},
                                             {u"fault"_s, u"500"_s},
                                             {u"count"_s, 1}}}},
    });
    MainWindow &window = openLoadedWindow();
    QCOMPARE(window.catalog()->state(), ImageCatalog::State::Failed);
    QCOMPARE(window.currentPage(), MainWindow::Page::LoadFailed);
    QCOMPARE(test::emptyState(window)->title(), u"Could not load the images"_s);
    QCOMPARE(test::emptyState(window)->body(), window.catalog()->lastError().fullText());
    QVERIFY(!test::emptyState(window)->body().isEmpty());
    QPushButton *retry = test::emptyState(window)->button(EmptyStateWidget::Button::Retry);
    QVERIFY(retry->isVisible());

    m_sandbox->setFaults({});
    QSignalSpy loaded(window.catalog(), &ImageCatalog::loaded);
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(loaded.wait(LoadTimeoutMs));
    QCOMPARE(window.currentPage(), MainWindow::Page::Table);
    QCOMPARE(window.tableModel()->rowCount(), liveDedicatedCount(*m_sandbox));

    // A later failed refresh keeps the rows and says so above them.
    m_sandbox->setFaults(QJsonObject{
        {u"script"_s, QJsonArray{QJsonObject{{u"method"_s, u"GET"_s},
                                             {u"path_contains"_s, u"/images"_s},
                                             {u"fault"_s, u"500"_s},
                                             {u"count"_s, 1}}}},
    });
    QSignalSpy failed(window.catalog(), &ImageCatalog::failed);
    test::refreshAction(window)->trigger();
    QVERIFY(failed.wait(LoadTimeoutMs));
    QCOMPARE(window.currentPage(), MainWindow::Page::Table);
    QVERIFY(test::noticeBar(window)->isVisible());
    QVERIFY(test::noticeBar(window)->text().startsWith(u"Refreshing failed"_s));
}

void TestMainWindow::copyActionsPutTextOnClipboard()
{
    MainWindow &window = openLoadedWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QString first = idAtRow(window, 0);
    const QString second = idAtRow(window, 1);
    QCOMPARE(window.selectImages({first, second}), 2);
    const Image a = window.tableModel()->imageAt(window.tableModel()->rowOfId(first));
    const Image b = window.tableModel()->imageAt(window.tableModel()->rowOfId(second));
    QClipboard *clipboard = QGuiApplication::clipboard();

    test::copyIdAction(window)->trigger();
    QCOMPARE(clipboard->text(), a.id + u'\n' + b.id);
    test::copyNameTagAction(window)->trigger();
    QCOMPARE(clipboard->text(), a.nameAndTag() + u'\n' + b.nameAndTag());
    clipboard->clear();
    window.tableView()->setFocus();
    QTRY_VERIFY(window.tableView()->hasFocus());
    QTest::keySequence(&window, QKeySequence::Copy);
    QCOMPARE(clipboard->text(), a.swrPath + u'\n' + b.swrPath);
    QVERIFY(a.swrPath.contains(a.name));

    // The details pane's copy buttons, for one image.
    QCOMPARE(window.selectImages({first}), 1);
    QTRY_COMPARE(test::detailsPane(window)->fieldText(DetailsPane::Field::Id), a.id);
    QTest::mouseClick(test::detailsPane(window)->copyButton(DetailsPane::Field::SwrPath), Qt::LeftButton);
    QCOMPARE(clipboard->text(), a.swrPath);
    QTest::mouseClick(test::detailsPane(window)->copyButton(DetailsPane::Field::NameTag), Qt::LeftButton);
    QCOMPARE(clipboard->text(), a.nameAndTag());
    QTest::mouseClick(test::detailsPane(window)->copyButton(DetailsPane::Field::Id), Qt::LeftButton);
    QCOMPARE(clipboard->text(), a.id);
}

void TestMainWindow::storedDateFormatApplies()
{
    // The locale's short format unless ISO was chosen in the Preferences.
    QCOMPARE(makeWindow().tableModel()->dateStyle(), Formatting::DateStyle::Locale);
    SettingsKeys::setValue(m_f->settings(), SettingsKey::UiDateFormat, u"iso"_s);
    MainWindow &window = makeWindow();
    QCOMPARE(window.tableModel()->dateStyle(), Formatting::DateStyle::Iso);
}

void TestMainWindow::statusBarNumbersUseTheLocale()
{
    // "3,407 of 95066" mixed QLocale with the plain count of a plural (%n): every number is grouped now.
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const auto restore = qScopeGuard([&] { QLocale::setDefault(previous); });
    MainStatusBar bar;
    bar.setShown(3407, 1024 * 1024, 95066);
    QCOMPARE(bar.shownText(), u"3,407 of 95,066 images shown, 1.0 MB"_s);
    bar.setShown(95066, 1024 * 1024, 95066);
    QCOMPARE(bar.shownText(), u"95,066 images, 1.0 MB"_s);
    bar.setSelection(1500, 2048 * 1024);
    QCOMPARE(bar.selectionText(), u"1,500 selected, 2.0 MB"_s);
    bar.setDeletionProgress(1234, 95066);
    QCOMPARE(bar.deletionProgressText(), u"Deleting: 1,234 of 95,066 images"_s);
}

void TestMainWindow::detailsPaneShowsSelection()
{
    MainWindow &window = openLoadedWindow();
    DetailsPane *details = test::detailsPane(window);
    QVERIFY(details->isVisible());
    QCOMPARE(details->summaryText(), u"Select an image to see its details."_s);

    const QString id = idAtRow(window, 0);
    window.selectImages({id});
    const Image image = window.tableModel()->imageAt(window.tableModel()->rowOfId(id));
    QTRY_COMPARE(details->fieldText(DetailsPane::Field::Id), id);
    QCOMPARE(details->summaryText(), image.nameAndTag());
    QCOMPARE(details->fieldText(DetailsPane::Field::SwrPath), image.swrPath);
    // The interpreted size, then the number exactly as the server sent it (its unit is in doubt).
    const QString size = details->fieldText(DetailsPane::Field::Size);
    QVERIFY2(size.startsWith(mim::Formatting::imageSize(image, mim::SizeUnit::Inference{})),
             qPrintable(size));
    QVERIFY2(size.contains(QString::number(image.sizeKb) + u' '), qPrintable(size));
    QVERIFY(!details->fieldText(DetailsPane::Field::Created).isEmpty());
    // API values as translated labels, with the value as sent.
    QCOMPARE(details->fieldText(DetailsPane::Field::Status),
             mim::Formatting::withApiValue(mim::Formatting::statusText(image.status), image.status));
    QVERIFY2(details->fieldText(DetailsPane::Field::Type).endsWith(u" ("_s + image.type + u')'),
             qPrintable(details->fieldText(DetailsPane::Field::Type)));

    const QString other = idAtRow(window, 1);
    window.selectImages({id, other});
    QTRY_VERIFY(details->summaryText().startsWith(u"2 images selected, total "_s));

    // Hidden with the action, shown again by "Show Details".
    test::toggleDetailsPaneAction(window)->setChecked(false);
    QVERIFY(!details->isVisible());
    test::detailsAction(window)->trigger();
    QVERIFY(details->isVisible());
}

void TestMainWindow::deletionSummaryShowsInUseFailureAndRetries()
{
    const QList<Image> candidates = deletableImages(*m_sandbox);
    QVERIFY(candidates.size() >= 2);
    const Image busy = candidates.at(0);
    const Image fine = candidates.at(1);
    QVERIFY(m_sandbox->server()->patchImage(busy.id, QJsonObject{{u"in_use_by"_s, u"notebook-train-42"_s}}));

    MainWindow &window = openLoadedWindow();
    QCOMPARE(window.selectImages({busy.id, fine.id}), 2);
    // The image in use is included deliberately: the server's refusal is what this test is about.
    window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        dialog.includeInUseCheckBox()->setChecked(true);
        return false;
    });
    QSignalSpy finished(&window, &MainWindow::deletionsFinished);
    test::deleteAction(window)->trigger();
    QVERIFY(finished.wait(LoadTimeoutMs));

    DeletionSummaryDialog *summary = test::deletionSummaryDialog(window);
    QVERIFY(summary);
    QVERIFY(summary->isVisible());
    QCOMPARE(summary->headline(), u"1 image deleted, 1 failed."_s);
    const QStringList problems = summary->problemLines();
    QCOMPARE(problems.size(), 1);
    const QString busyName = DeleteImagesText::imageName(
        busy, [&window](const QString &id) { return window.tableModel()->workspaceText(id); });
    QVERIFY2(busyName.contains(busy.nameSpace + u'/' + busy.nameAndTag()), qPrintable(busyName));
    QVERIFY2(problems.first().startsWith(busyName + u": "_s), qPrintable(problems.first()));
    QVERIFY2(problems.first().contains(u"notebook-train-42"_s), qPrintable(problems.first()));
    QVERIFY(summary->retryButton()->isEnabled());
    // The failed row stays, no longer marked as being deleted; the deleted one left.
    QVERIFY(window.tableModel()->rowOfId(busy.id) >= 0);
    QCOMPARE(window.tableModel()->rowActivity(busy.id), ImageTableModel::RowActivity::None);
    QCOMPARE(window.tableModel()->rowOfId(fine.id), -1);

    // The notebook stopped: "Retry Failed" deletes it now.
    QVERIFY(m_sandbox->server()->patchImage(busy.id, QJsonObject{{u"in_use"_s, false}}));
    QTest::mouseClick(summary->retryButton(), Qt::LeftButton);
    QVERIFY(finished.wait(LoadTimeoutMs));
    QTRY_COMPARE(window.tableModel()->rowOfId(busy.id), -1);
    QVERIFY(m_sandbox->imageState(busy.id).value(u"deleted"_s).toBool());
    QVERIFY(!m_sandbox->imageState(busy.id).value(u"swr_content_deleted"_s).toBool());
}

void TestMainWindow::settlingImagesAreWatched()
{
    const QString saving = addServerImage({{u"name"_s, u"saving-now"_s},
                                           {u"tag"_s, u"v1"_s},
                                           {u"type"_s, u"DEDICATED"_s},
                                           {u"visibility"_s, u"PRIVATE"_s},
                                           {u"status"_s, u"CREATING"_s},
                                           {u"create_at"_s, QDateTime::currentMSecsSinceEpoch()}});
    QVERIFY(!saving.isEmpty());
    // Being saved too, under an id no request may carry: shown, never watched, so not counted as watched.
    QString error;
    const QString odd = m_sandbox->server()->addImage({{u"id"_s, u"../odd/id"_s},
                                                       {u"name"_s, u"saving-odd"_s},
                                                       {u"tag"_s, u"v1"_s},
                                                       {u"type"_s, u"DEDICATED"_s},
                                                       {u"visibility"_s, u"PRIVATE"_s},
                                                       {u"status"_s, u"CREATING"_s},
                                                       {u"create_at"_s, QDateTime::currentMSecsSinceEpoch()}},
                                                      &error);
    QVERIFY2(!odd.isEmpty(), qPrintable(error));

    MainWindow &window = openLoadedWindow();
    int watchable = 0;
    for (int row = 0; row < window.tableModel()->rowCount(); ++row)
        watchable += window.tableModel()->imageAt(row).canBeWatched() ? 1 : 0;
    QVERIFY(watchable >= 1);
    QVERIFY(window.tableModel()->rowOfId(odd) >= 0);
    QVERIFY(window.tableModel()->imageAt(window.tableModel()->rowOfId(odd)).isSettling());
    QTRY_COMPARE(window.mainStatusBar()->settlingText(),
                 watchable == 1 ? u"1 image being saved — watching for changes"_s
                                : u"%1 images being saved — watching for changes"_s.arg(watchable));
    QCOMPARE(window.tableModel()->rowActivity(odd), ImageTableModel::RowActivity::None);
    const int row = window.tableModel()->rowOfId(saving);
    QCOMPARE(window.tableModel()->rowActivity(saving), ImageTableModel::RowActivity::Polling);
    QVERIFY(
        window.tableModel()->index(row, ImageTableModel::Status).data().toString().contains(u"Creating"_s));

    // Resync is offered for it, not for an active image.
    window.selectImages({saving});
    QTRY_VERIFY(test::resyncAction(window)->isEnabled());
    QString active;
    for (int r = 0; r < window.tableModel()->rowCount() && active.isEmpty(); ++r) {
        if (window.tableModel()->imageAt(r).status == u"ACTIVE")
            active = window.tableModel()->imageAt(r).id;
    }
    window.selectImages({active});
    QTRY_VERIFY(!test::resyncAction(window)->isEnabled());

    // Once it settles on the server, a poll shows it. The ticks are driven here. First the one still
    // answering (the timer's, or else one started now) ends, so that every tick after the change asks after
    // it; then one round of ticks asks for every settling image.
    ImageCatalog *catalog = window.catalog();
    catalog->setAutomaticPolling(false);
    QSignalSpy ticks(catalog, &ImageCatalog::pollTickFinished);
    catalog->pollNow();
    QVERIFY(ticks.wait(LoadTimeoutMs));
    QVERIFY(m_sandbox->server()->patchImage(saving, QJsonObject{{u"status"_s, u"ACTIVE"_s}}));
    // The account's poll budget (ImageCatalog::PollsPerSecond) paces the ticks.
    const auto savingStatus = [&] {
        return window.tableModel()->imageAt(window.tableModel()->rowOfId(saving)).status;
    };
    QElapsedTimer waited;
    waited.start();
    while (savingStatus() != u"ACTIVE"_s && waited.elapsed() < LoadTimeoutMs) {
        if (catalog->pollNow() > 0)
            QVERIFY(ticks.wait(LoadTimeoutMs));
        else
            QTest::qWait(100);
    }
    QCOMPARE(savingStatus(), u"ACTIVE"_s);
    QCOMPARE(window.tableModel()->rowActivity(saving), ImageTableModel::RowActivity::None);
    QVERIFY(!catalog->watchedIds().contains(saving));
    const int stillWatched = watchable - 1;
    QTRY_COMPARE(window.mainStatusBar()->settlingText(),
                 stillWatched == 0   ? QString()
                 : stillWatched == 1 ? u"1 image being saved — watching for changes"_s
                                     : u"%1 images being saved — watching for changes"_s.arg(stillWatched));
}

void TestMainWindow::stuckImageIsMarkedAndOffersResync()
{
    // The app and the server share one clock that the test moves: requests stay signed in time.
    auto now = std::make_shared<QDateTime>(QDateTime::currentDateTimeUtc());
    sandbox::SandboxOptions options;
    options.imageCount = 20;
    options.seed = 7;
    options.clock = [now] { return *now; };
    m_sandbox = std::make_unique<test::SandboxFixture>(options);
    QVERIFY(m_sandbox->start());
    const qint64 yearsAgo = QDateTime::currentDateTimeUtc().addYears(-2).toMSecsSinceEpoch();
    const QString stuck = addServerImage({{u"name"_s, u"saving-since-long-ago"_s},
                                          {u"tag"_s, u"v1"_s},
                                          {u"type"_s, u"DEDICATED"_s},
                                          {u"visibility"_s, u"PRIVATE"_s},
                                          {u"status"_s, u"CREATING"_s},
                                          {u"create_at"_s, yearsAgo},
                                          {u"update_at"_s, yearsAgo}});
    QVERIFY(!stuck.isEmpty());
    AppServices services = m_f->services();
    services.clock = [now] { return *now; };
    MainWindow &window = m_f->openWindow(services);
    loadInto(window, m_sandbox->akskSettings());
    ImageCatalog *catalog = window.catalog();
    catalog->setAutomaticPolling(false);
    QCOMPARE(window.tableModel()->rowActivity(stuck), ImageTableModel::RowActivity::Polling);

    // Half an hour of watching without a change: the row says so and polling it stops.
    *now = now->addMSecs(ImageCatalog::StuckAfterMs);
    QTRY_VERIFY_WITH_TIMEOUT((catalog->pollNow(), catalog->stuckIds().contains(stuck)), LoadTimeoutMs);
    QVERIFY(!catalog->watchedIds().contains(stuck));
    const QModelIndex source =
        window.tableModel()->index(window.tableModel()->rowOfId(stuck), ImageTableModel::Status);
    const QModelIndex shown = window.filterModel()->mapFromSource(source);
    QVERIFY(shown.isValid());
    QCOMPARE(shown.data().toString(), u"Creating – stuck?"_s);
    const QString tip = shown.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"30 minutes"_s) && tip.contains(u"Resync Status"_s), qPrintable(tip));

    // Resync is offered, and asks ModelArts again.
    window.selectImages({stuck});
    QTRY_VERIFY(test::resyncAction(window)->isEnabled());
    QSignalSpy resynced(catalog, &ImageCatalog::resyncFinished);
    test::resyncAction(window)->trigger();
    QVERIFY(resynced.wait(LoadTimeoutMs));
    QCOMPARE(m_sandbox->server()->counters().value("sync"_L1).toInt(), 1);
    // Whatever the answer, the image gets a whole new wait: watched while it settles, or done.
    QVERIFY(!catalog->stuckIds().contains(stuck));
    QVERIFY(window.tableModel()->rowActivity(stuck) != ImageTableModel::RowActivity::Stuck);
    QVERIFY(!shown.data().toString().contains(u"stuck?"_s));
}

void TestMainWindow::openFacetMenuKeepsTheBarStill()
{
    MainWindow &window = openLoadedWindow();
    FilterBar *bar = test::filterBar(window);
    QVERIFY(!window.filterModel()->filterState().isActive());
    QToolButton *status = bar->facetButton(Facet::Status);
    QTRY_VERIFY(status->isVisible());
    const auto settle = [] {
        // Layouts apply on posted LayoutRequest events.
        for (int i = 0; i < 3; ++i)
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    };
    settle();

    // The menu opens below its button, as QToolButton's InstantPopup shows it, and the user ticks a value.
    QMenu *menu = status->menu();
    menu->popup(status->mapToGlobal(QPoint(0, status->height())));
    QTRY_VERIFY(menu->isVisible());
    const QRect before = status->geometry();
    const QPoint beforeOnScreen = status->mapToGlobal(QPoint(0, 0));
    QAction *active = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->data().toString() == u"ACTIVE")
            active = action;
    }
    QVERIFY(active);
    active->trigger();
    settle();
    QCOMPARE(window.filterModel()->filterState().facets.value(Facet::Status), QSet<QString>{u"ACTIVE"_s});
    QCOMPARE(status->geometry(), before);
    QCOMPARE(status->mapToGlobal(QPoint(0, 0)), beforeOnScreen);
    // A second value, and unticking both: still in place while the menu is open.
    for (QAction *action : menu->actions()) {
        if (action->isCheckable() && action->data().isValid() && action != active) {
            action->trigger();
            break;
        }
    }
    settle();
    QCOMPARE(status->geometry(), before);

    // Once it closes the bar shows the filter in full.
    menu->hide();
    settle();
    QVERIFY(bar->clearButton()->isVisible());
    QVERIFY(status->property(FilterBar::ActiveProperty).toBool());
    QVERIFY(status->font().bold());
    QVERIFY(status->width() >= status->sizeHint().width());

    // Several facets active, then Clear Filters: none of them keeps the active look.
    for (Facet facet : {Facet::Visibility, Facet::Architecture}) {
        QMenu *facetMenu = bar->facetButton(facet)->menu();
        facetMenu->popup(bar->facetButton(facet)->mapToGlobal(QPoint(0, bar->facetButton(facet)->height())));
        QTRY_VERIFY(facetMenu->isVisible());
        for (QAction *action : facetMenu->actions()) {
            if (action->isCheckable() && action->data().isValid()) {
                action->trigger();
                break;
            }
        }
        if (facet == Facet::Architecture)
            break; // its menu stays open while the user clicks Clear Filters
        facetMenu->hide();
    }
    QVERIFY(bar->facetButton(Facet::Visibility)->property(FilterBar::ActiveProperty).toBool());
    QTest::mouseClick(bar->clearButton(), Qt::LeftButton);
    bar->facetButton(Facet::Architecture)->menu()->hide();
    settle();
    QVERIFY(!window.filterModel()->filterState().isActive());
    QVERIFY(!bar->clearButton()->isVisible());
    for (Facet facet :
         {Facet::Status, Facet::Type, Facet::Visibility, Facet::Architecture, Facet::ServiceType,
          Facet::ResourceCategory, Facet::Namespace, Facet::Workspace, Facet::Usage}) {
        QToolButton *button = bar->facetButton(facet);
        QCOMPARE(button->property(FilterBar::ActiveProperty), QVariant(false));
        QVERIFY(!button->font().bold());
        QCOMPARE(button->minimumSize(), QSize(0, 0));
        QCOMPARE(button->maximumSize(), QSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX));
    }
}

void TestMainWindow::matchesInHiddenColumnsAreShown()
{
    const QString described = addServerImage({{u"name"_s, u"plain-runtime"_s},
                                              {u"tag"_s, u"v1"_s},
                                              {u"description"_s, u"Fine-tuned with zebrafish weights"_s}});
    QVERIFY(!described.isEmpty());
    MainWindow &window = openLoadedWindow();
    auto *view = window.findChild<ImageTableView *>();
    QVERIFY(view);
    view->setColumnShown(ImageTableModel::Description, false);
    auto *notice = window.findChild<NoticeBar *>(u"filterNoticeBar"_s);
    QVERIFY(notice);
    QVERIFY(notice->isHidden());

    // The text is only in the description, which the table hides: the bar says where it matched.
    QLineEdit *field = test::filterBar(window)->searchField();
    field->setText(u"zebrafish"_s);
    QCOMPARE(window.filterModel()->rowCount(), 1);
    QTRY_VERIFY(notice->isVisible());
    QCOMPARE(notice->text(), u"1 image matches \"zebrafish\" only in Description, which the table hides."_s);
    QCOMPARE(notice->actionButton()->text(), u"Show Description"_s);

    // Text that a visible column shows needs no word.
    field->setText(u"plain-runtime"_s);
    QTRY_VERIFY(notice->isHidden());

    // Its button shows the column, and the bar goes.
    field->setText(u"zebrafish"_s);
    QTRY_VERIFY(notice->isVisible());
    QTest::mouseClick(notice->actionButton(), Qt::LeftButton);
    QVERIFY(!view->isColumnHidden(ImageTableModel::Description));
    QVERIFY(notice->isHidden());
    QCOMPARE(window.filterModel()->rowCount(), 1);
}

void TestMainWindow::restoredFilterThatHidesRowsIsAnnounced()
{
    {
        MainWindow &window = openLoadedWindow();
        auto *notice = window.findChild<NoticeBar *>(u"filterNoticeBar"_s);
        QVERIFY(notice);
        // A filter the user sets is no news to them.
        test::filterBar(window)->searchField()->setText(u"shared-model"_s);
        QCOMPARE(window.filterModel()->rowCount(), 3);
        QTest::qWait(2 * FilterNotices::UpdateDelayMs);
        QVERIFY(notice->isHidden());
        m_f->closeWindow();
    }

    // The next start restores it: it hides most images, and the bar says so.
    MainWindow &window = makeWindow();
    auto *notice = window.findChild<NoticeBar *>(u"filterNoticeBar"_s);
    QVERIFY(notice);
    loadInto(window, m_sandbox->akskSettings());
    const int all = window.tableModel()->rowCount();
    QVERIFY(all > 3);
    QCOMPARE(window.filterModel()->rowCount(), 3);
    QTRY_VERIFY(notice->isVisible());
    const QLocale locale;
    QTRY_COMPARE(notice->text(),
                 u"Filtered: showing %1 of %2 images."_s.arg(locale.toString(3), locale.toString(all)));
    QCOMPARE(notice->actionButton()->text(), u"Clear Filters"_s);

    // Clear Filters on the bar shows every image again, and the bar goes.
    QTest::mouseClick(notice->actionButton(), Qt::LeftButton);
    QVERIFY(!window.filterModel()->filterState().isActive());
    QCOMPARE(window.filterModel()->rowCount(), all);
    QTRY_VERIFY(notice->isHidden());
}

void TestMainWindow::deleteKeyInFilterBoxDoesNotDelete()
{
    MainWindow &window = openLoadedWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.selectImages({idAtRow(window, 0)});
    window.setDeletionConfirmer([&](const DeleteImagesDialog &) -> std::optional<bool> {
        ++m_confirmerCalls;
        return std::nullopt;
    });
    QLineEdit *field = test::filterBar(window)->searchField();
    field->setFocus();
    QTRY_VERIFY(field->hasFocus());
    field->setText(u"ab"_s);
    field->setCursorPosition(0);
    QTest::keyClick(field, Qt::Key_Delete);
    QCOMPARE(field->text(), u"b"_s);
    QCOMPARE(m_confirmerCalls, 0);

    // In the table, Delete asks.
    test::filterBar(window)->searchField()->clear();
    window.selectImages({idAtRow(window, 0)});
    window.tableView()->setFocus();
    QTRY_VERIFY(window.tableView()->hasFocus());
    QTest::keyClick(window.tableView(), Qt::Key_Delete);
    QCOMPARE(m_confirmerCalls, 1);
}

void TestMainWindow::shiftDeletePreticksSwrContent()
{
    MainWindow &window = openLoadedWindow();
    const QList<Image> privates = deletableImages(*m_sandbox, true);
    QCOMPARE(window.selectImages({privates.first().id}), 1);
    window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        ++m_confirmerCalls;
        [&] {
            QVERIFY(dialog.forceCheckBox()->isChecked());
            QCOMPARE(dialog.deleteButton()->text(), u"Delete 1 Image and SWR Content"_s);
            QVERIFY(dialog.cancelButton()->isDefault());
        }();
        return std::nullopt;
    });
    test::deleteWithContentAction(window)->trigger();
    QCOMPARE(m_confirmerCalls, 1);
    QCOMPARE(test::deleteWithContentAction(window)->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_Delete));

    // For public images the box cannot be ticked, even this way.
    const QList<Image> publics = deletableImages(*m_sandbox, false);
    QCOMPARE(window.selectImages({publics.first().id}), 1);
    window.setDeletionConfirmer([&](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        ++m_confirmerCalls;
        [&] {
            QVERIFY(!dialog.forceCheckBox()->isEnabled());
            QVERIFY(!dialog.forceRequested());
            QCOMPARE(dialog.deleteButton()->text(), u"Delete 1 Image"_s);
            QCOMPARE(dialog.appliesToText(), u"The image is public: its SWR content is kept."_s);
        }();
        return std::nullopt;
    });
    test::deleteWithContentAction(window)->trigger();
    QCOMPARE(m_confirmerCalls, 2);
}

void TestMainWindow::loadingShowsProgressAndCancels()
{
    m_sandbox->setFaults(QJsonObject{{u"latency_ms"_s, 400}});
    MainWindow &window = makeWindow();
    window.connectTo(u"Slow"_s, m_sandbox->akskSettings());
    QCOMPARE(window.catalog()->state(), ImageCatalog::State::Loading);
    QCOMPARE(window.currentPage(), MainWindow::Page::Loading);
    QVERIFY(window.mainStatusBar()->isLoadProgressVisible());
    QVERIFY(test::emptyState(window)->button(EmptyStateWidget::Button::Cancel)->isVisible());

    QTest::mouseClick(window.mainStatusBar()->loadCancelButton(), Qt::LeftButton);
    QCOMPARE(window.catalog()->state(), ImageCatalog::State::Idle);
    QCOMPARE(window.currentPage(), MainWindow::Page::NotLoaded);
    QVERIFY(!window.mainStatusBar()->isLoadProgressVisible());

    m_sandbox->setFaults({});
    QSignalSpy loaded(window.catalog(), &ImageCatalog::loaded);
    QTest::mouseClick(test::emptyState(window)->button(EmptyStateWidget::Button::Refresh), Qt::LeftButton);
    QVERIFY(loaded.wait(LoadTimeoutMs));
    QCOMPARE(window.currentPage(), MainWindow::Page::Table);
}

void TestMainWindow::firstLoadShowsRowsAsTheyArriveAndSaysWhenIncomplete()
{
    m_sandbox->setFaults(QJsonObject{{u"latency_ms"_s, 150}});
    MainWindow &window = makeWindow();
    window.connectTo(u"Slow"_s, m_sandbox->akskSettings());
    // Small pages, so that the account takes several.
    window.session()->client()->setPageSize(10);
    window.catalog()->refresh();
    QCOMPARE(window.currentPage(), MainWindow::Page::Loading);

    // The table shows the first page while the rest loads; progress and Cancel stay in the status bar.
    QTRY_VERIFY_WITH_TIMEOUT(window.tableModel()->rowCount() > 0, LoadTimeoutMs);
    QCOMPARE(window.catalog()->state(), ImageCatalog::State::Loading);
    QVERIFY(window.tableModel()->rowCount() < liveDedicatedCount(*m_sandbox));
    QCOMPARE(window.currentPage(), MainWindow::Page::Table);
    QVERIFY(window.mainStatusBar()->isLoadProgressVisible());
    QVERIFY(window.mainStatusBar()->loadCancelButton()->isVisible());
    QVERIFY(!window.catalog()->isComplete());

    // The rest fails: the rows stay, said to be incomplete, with Retry.
    m_sandbox->setFaults(QJsonObject{
        {u"script"_s, QJsonArray{QJsonObject{{u"method"_s, u"GET"_s},
                                             {u"path_contains"_s, u"/images"_s},
                                             {u"fault"_s, u"500"_s},
                                             {u"count"_s, 1000}}}},
    });
    QTRY_COMPARE_WITH_TIMEOUT(window.catalog()->state(), ImageCatalog::State::Failed, LoadTimeoutMs);
    QCOMPARE(window.currentPage(), MainWindow::Page::Table);
    QVERIFY(!window.mainStatusBar()->isLoadProgressVisible());
    QVERIFY(test::noticeBar(window)->isVisible());
    QVERIFY2(test::noticeBar(window)->text().startsWith(u"The list is incomplete"_s),
             qPrintable(test::noticeBar(window)->text()));
    QCOMPARE(test::noticeBar(window)->actionButton()->text(), u"Retry"_s);
    QVERIFY(window.catalog()->isIncomplete());

    m_sandbox->setFaults({});
    QSignalSpy loaded(window.catalog(), &ImageCatalog::loaded);
    test::noticeBar(window)->actionButton()->click();
    QVERIFY(loaded.wait(LoadTimeoutMs));
    QCOMPARE(window.tableModel()->rowCount(), liveDedicatedCount(*m_sandbox));
    QVERIFY(window.catalog()->isComplete());
}

void TestMainWindow::listingCacheFollowsProfilesDemoModeAndPreference()
{
    const QString cacheDir = m_f->filePath(u"cache"_s);
    AppServices services = m_f->services();
    services.listingCacheDirectory = cacheDir;
    const QString work = addSandboxProfile(u"Work"_s);
    QVERIFY(!work.isEmpty());

    // On by default: the account's listing is kept; removing the profile removes it.
    MainWindow &window = m_f->openWindow(services);
    QCOMPARE(window.session()->listingCacheDirectory(), cacheDir);
    QVERIFY(openProfile(window, work, u"Work"_s));
    const QString file = listingcache::fileFor(cacheDir, u"Work"_s);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(file), LoadTimeoutMs);
    AccountPrompts prompts = AccountPrompts::interactive();
    prompts.confirmRemoval = [](QWidget *, const Profile &) { return true; };
    window.accountSwitcher()->setPrompts(prompts);
    window.accountSwitcher()->openAccountManager();
    AccountManager *manager = window.accountSwitcher()->accountManager();
    QVERIFY(manager);
    manager->selectProfile(work);
    manager->removeSelected();
    QTRY_VERIFY(!m_f->profiles().find(work));
    QVERIFY(!QFile::exists(file));

    // Demo mode never keeps one.
    services.demoMode = true;
    QVERIFY(m_f->openWindow(services).session()->listingCacheDirectory().isEmpty());
    services.demoMode = false;

    // Switched off in the preferences: nothing is kept any more, and what was kept goes.
    const QString other = listingcache::fileFor(cacheDir, u"Other"_s);
    QVERIFY(listingcache::save(other, {u"Other"_s, {}, {}, {}}, {QDateTime::currentDateTimeUtc(), {}}));
    PreferencesDialog dialog(&m_f->settings());
    dialog.setListingCacheDirectory(cacheDir);
    QVERIFY(dialog.rememberListsBox()->isChecked());
    QVERIFY(dialog.clearCacheButton()->isEnabled());
    dialog.rememberListsBox()->setChecked(false);
    dialog.accept();
    QVERIFY(!QFile::exists(other));
    QVERIFY(!SettingsKeys::value(m_f->settings(), SettingsKey::RememberImageLists).toBool());
    QVERIFY(m_f->openWindow(services).session()->listingCacheDirectory().isEmpty());
}

void TestMainWindow::cancellingDeletionsStopsTheRest()
{
    MainWindow &window = openLoadedWindow();
    const QStringList ids = selectDeletable(window, 20);
    QCOMPARE(ids.size(), 20);
    QSignalSpy finished(&window, &MainWindow::deletionsFinished);
    // Cancel once the first requests are on their way (each takes 300 ms to answer).
    QVERIFY(startSlowDeletion(window, 300));
    QVERIFY(window.mainStatusBar()->isDeletionProgressVisible());
    QVERIFY(test::deletionQueue(window)->isRunning());
    QTest::mouseClick(window.mainStatusBar()->deletionCancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, LoadTimeoutMs);

    const auto summary = finished.first().first().value<DeletionSummary>();
    const int deleted = summary.count(DeletionResult::Outcome::Deleted);
    const int cancelled = summary.count(DeletionResult::Outcome::Cancelled);
    QVERIFY(cancelled > 0);
    QCOMPARE(deleted + cancelled, 20);
    int deletedOnServer = 0;
    for (const ServerImage &s : serverImages(*m_sandbox))
        deletedOnServer += s.deleted ? 1 : 0;
    QCOMPARE(deletedOnServer, deleted);
    // The cancelled rows stay, no longer marked; the summary says what happened.
    int rowsLeft = 0;
    for (const QString &id : ids) {
        if (window.tableModel()->rowOfId(id) >= 0) {
            ++rowsLeft;
            QCOMPARE(window.tableModel()->rowActivity(id), ImageTableModel::RowActivity::None);
        }
    }
    QCOMPARE(rowsLeft, cancelled);
    QVERIFY(test::deletionSummaryDialog(window));
    QVERIFY(test::deletionSummaryDialog(window)->headline().contains(u"%1 cancelled"_s.arg(cancelled)));
    QVERIFY(!window.mainStatusBar()->isDeletionProgressVisible());
}

void TestMainWindow::switchingAccountWhileDeletingAsks()
{
    const QString work = addSandboxProfile(u"Work"_s);
    const QString other = addSandboxProfile(u"Other"_s);
    QVERIFY(!work.isEmpty() && !other.isEmpty());
    MainWindow &window = makeWindow();
    QVERIFY(openProfile(window, work, u"Work"_s));

    QCOMPARE(selectDeletable(window, 20).size(), 20);
    QList<int> asked;
    auto answer = MainWindow::RunningDeletionsChoice::Wait;
    window.setRunningDeletionsConfirmer([&](int running) {
        asked.append(running);
        return answer;
    });
    QSignalSpy finished(&window, &MainWindow::deletionsFinished);
    QVERIFY(startSlowDeletion(window, 300));

    // Another account, or the same one chosen again: the user is asked, and "Wait" changes nothing.
    window.accountSwitcher()->activateProfile(other);
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first() > 0 && asked.first() <= 20, qPrintable(QString::number(asked.first())));
    window.accountSwitcher()->activateProfile(work);
    QCOMPARE(asked.size(), 2);
    QTest::qWait(50);
    QCOMPARE(window.connectedDisplayName(), u"Work"_s);
    QCOMPARE(window.accountSwitcher()->comboBox()->currentText(), u"Work"_s);
    QVERIFY(test::deletionQueue(window)->isRunning());
    QVERIFY(finished.isEmpty());

    // "Stop after the current requests": nothing more is sent, the requests sent finish, then the switch.
    answer = MainWindow::RunningDeletionsChoice::StopAfterCurrent;
    window.accountSwitcher()->activateProfile(other);
    QCOMPARE(asked.size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, LoadTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectedDisplayName(), u"Other"_s, LoadTimeoutMs);

    const auto summary = finished.first().first().value<DeletionSummary>();
    const int deleted = summary.count(DeletionResult::Outcome::Deleted);
    const int cancelled = summary.count(DeletionResult::Outcome::Cancelled);
    QCOMPARE(summary.count(DeletionResult::Outcome::Unknown), 0);
    QVERIFY(cancelled > 0);
    QCOMPARE(deleted + cancelled, 20);
    QCOMPARE(summary.account.profileName, u"Work"_s);
    int deletedOnServer = 0;
    for (const ServerImage &s : serverImages(*m_sandbox))
        deletedOnServer += s.deleted ? 1 : 0;
    QCOMPARE(deletedOnServer, deleted);
    // Every request sent has its true outcome in the journal, under the account it was confirmed for.
    QStringList profiles;
    const QHash<QString, QString> outcomes = journalOutcomes(&profiles);
    QCOMPARE(outcomes.size(), deleted);
    for (const QString &outcome : outcomes)
        QCOMPARE(outcome, u"deleted"_s);
    QCOMPARE(profiles, QStringList(deleted, u"Work"_s));
}

void TestMainWindow::removingTheAccountWhileDeletingAsks()
{
    const QString work = addSandboxProfile(u"Work"_s);
    QVERIFY(!work.isEmpty());
    MainWindow &window = makeWindow();
    QVERIFY(openProfile(window, work, u"Work"_s));
    AccountPrompts prompts = AccountPrompts::interactive();
    prompts.confirmRemoval = [](QWidget *, const Profile &) { return true; };
    window.accountSwitcher()->setPrompts(prompts);

    QCOMPARE(selectDeletable(window, 20).size(), 20);
    int asked = 0;
    auto answer = MainWindow::RunningDeletionsChoice::Wait;
    window.setRunningDeletionsConfirmer([&](int) {
        ++asked;
        return answer;
    });
    QSignalSpy finished(&window, &MainWindow::deletionsFinished);
    QVERIFY(startSlowDeletion(window, 300));

    window.accountSwitcher()->openAccountManager();
    AccountManager *manager = window.accountSwitcher()->accountManager();
    QVERIFY(manager);
    manager->selectProfile(work);
    manager->removeSelected();
    QCOMPARE(asked, 1);
    QVERIFY(m_f->profiles().find(work));
    QCOMPARE(window.connectedDisplayName(), u"Work"_s);
    QVERIFY(test::deletionQueue(window)->isRunning());

    answer = MainWindow::RunningDeletionsChoice::StopAfterCurrent;
    manager->removeSelected();
    QCOMPARE(asked, 2);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, LoadTimeoutMs);
    QTRY_VERIFY(!m_f->profiles().find(work));
    QTRY_COMPARE(window.currentPage(), MainWindow::Page::NoAccount);
    const auto summary = finished.first().first().value<DeletionSummary>();
    QCOMPARE(summary.count(DeletionResult::Outcome::Unknown), 0);
    QCOMPARE(summary.count(DeletionResult::Outcome::Deleted) +
                 summary.count(DeletionResult::Outcome::Cancelled),
             20);
    for (const QString &outcome : journalOutcomes())
        QCOMPARE(outcome, u"deleted"_s);
}

void TestMainWindow::retryFailedStaysWithItsAccount()
{
    const QList<Image> candidates = deletableImages(*m_sandbox);
    QVERIFY(candidates.size() >= 2);
    const Image busy = candidates.at(0);
    const Image fine = candidates.at(1);
    QVERIFY(m_sandbox->server()->patchImage(busy.id, QJsonObject{{u"in_use_by"_s, u"notebook-train-42"_s}}));
    const QString work = addSandboxProfile(u"Work"_s);
    const QString other = addSandboxProfile(u"Other"_s);
    MainWindow &window = makeWindow();
    QVERIFY(openProfile(window, work, u"Work"_s));
    int asked = 0;
    window.setRunningDeletionsConfirmer([&](int) {
        ++asked;
        return MainWindow::RunningDeletionsChoice::Wait;
    });

    QCOMPARE(window.selectImages({busy.id, fine.id}), 2);
    // The image in use is included deliberately, so that the server refuses it.
    window.setDeletionConfirmer([](const DeleteImagesDialog &dialog) -> std::optional<bool> {
        dialog.includeInUseCheckBox()->setChecked(true);
        return false;
    });
    QSignalSpy finished(&window, &MainWindow::deletionsFinished);
    test::deleteAction(window)->trigger();
    QVERIFY(finished.wait(LoadTimeoutMs));
    QPointer<DeletionSummaryDialog> summary = test::deletionSummaryDialog(window);
    QVERIFY(summary);
    QVERIFY(summary->retryButton()->isEnabled());

    // Nothing runs, so switching asks nothing; the results stay on screen.
    QVERIFY(openProfile(window, other, u"Other"_s));
    QCOMPARE(asked, 0);
    QVERIFY(summary);
    // A retry that went out now would succeed, through the wrong account.
    QVERIFY(m_sandbox->server()->patchImage(busy.id, QJsonObject{{u"in_use"_s, false}}));
    const auto deletes = [this] { return m_sandbox->server()->counters().value(u"delete"_s).toInt(); };
    const int deletesBefore = deletes();
    const DeletionAccount confirmedFor = summary->summary().account;
    QCOMPARE(confirmedFor.profileName, u"Work"_s);
    QTest::mouseClick(summary->retryButton(), Qt::LeftButton);
    QMessageBox *notice = nullptr;
    QTRY_VERIFY((notice = window.findChild<QMessageBox *>(u"RetryOtherAccountNotice"_s)) != nullptr);
    QVERIFY2(notice->text().contains(u"“Work”"_s), qPrintable(notice->text()));
    QTest::qWait(300);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(deletes(), deletesBefore);
    QVERIFY(!m_sandbox->imageState(busy.id).value(u"deleted"_s).toBool());
    QStringList profiles;
    journalOutcomes(&profiles);
    QVERIFY2(!profiles.contains(u"Other"_s), qPrintable(profiles.join(u", "_s)));

    // The results stay on screen; back on their own account, Retry Failed goes through.
    notice->close();
    summary = test::deletionSummaryDialog(window);
    QVERIFY(summary);
    QVERIFY(summary->isVisible());
    QCOMPARE(summary->summary().account, confirmedFor);
    QVERIFY(openProfile(window, work, u"Work"_s));
    QTest::mouseClick(summary->retryButton(), Qt::LeftButton);
    QVERIFY(finished.wait(LoadTimeoutMs));
    QVERIFY(m_sandbox->imageState(busy.id).value(u"deleted"_s).toBool());
    journalOutcomes(&profiles);
    QVERIFY2(!profiles.contains(u"Other"_s), qPrintable(profiles.join(u", "_s)));
}

void TestMainWindow::quittingWhileDeletingAsks()
{
    MainWindow &window = openLoadedWindow();
    QCOMPARE(selectDeletable(window, 20).size(), 20);
    int asked = 0;
    auto answer = MainWindow::RunningDeletionsChoice::Wait;
    window.setRunningDeletionsConfirmer([&](int) {
        ++asked;
        return answer;
    });
    QSignalSpy finished(&window, &MainWindow::deletionsFinished);
    QVERIFY(startSlowDeletion(window, 300));

    QVERIFY(!window.close());
    QCOMPARE(asked, 1);
    QVERIFY(window.isVisible());
    QVERIFY(test::deletionQueue(window)->isRunning());

    answer = MainWindow::RunningDeletionsChoice::StopAfterCurrent;
    QVERIFY(!window.close());
    QCOMPARE(asked, 2);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, LoadTimeoutMs);
    QTRY_VERIFY(!window.isVisible());
    const auto summary = finished.first().first().value<DeletionSummary>();
    QCOMPARE(summary.count(DeletionResult::Outcome::Unknown), 0);
    QCOMPARE(summary.count(DeletionResult::Outcome::Deleted) +
                 summary.count(DeletionResult::Outcome::Cancelled),
             20);
    const QHash<QString, QString> outcomes = journalOutcomes();
    QCOMPARE(outcomes.size(), summary.count(DeletionResult::Outcome::Deleted));
    for (const QString &outcome : outcomes)
        QCOMPARE(outcome, u"deleted"_s);
}

void TestMainWindow::closingTheAccountMidDeleteIsReconciledWhenReopened()
{
    MainWindow &window = openLoadedWindow();
    const QStringList ids = selectDeletable(window, 4);
    QCOMPARE(ids.size(), 4);
    // The server deletes on arrival and answers 2 s later: the account is closed in between. Four, so that
    // they all fit in Qt's six connections to one host next to the catalog's own requests.
    int received = 0;
    connect(m_sandbox->server(), &sandbox::SandboxServer::requestHandled, this,
            [&](const QString &line) { received += line.startsWith(u"DELETE "_s) ? 1 : 0; });
    QSignalSpy finished(&window, &MainWindow::deletionsFinished);
    QVERIFY(startSlowDeletion(window, 2000));
    QTRY_COMPARE_WITH_TIMEOUT(received, 4, LoadTimeoutMs);

    // Connecting elsewhere directly (as the command line or the demo do) does not ask.
    ConnectionSettings settings = m_sandbox->akskSettings();
    window.connectTo(u"Elsewhere"_s, settings);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, LoadTimeoutMs);
    const auto summary = finished.first().first().value<DeletionSummary>();
    QCOMPARE(summary.count(DeletionResult::Outcome::Unknown), 4);
    QVERIFY(summary.failedRequests().isEmpty());
    QPointer<DeletionSummaryDialog> dialog = test::deletionSummaryDialog(window);
    QVERIFY(dialog);
    QVERIFY2(dialog->headline().contains(u"4 with unknown outcome"_s), qPrintable(dialog->headline()));
    QVERIFY(!dialog->retryButton()->isEnabled());
    QCOMPARE(dialog->problemLines().size(), 4);
    QVERIFY2(dialog->problemLines().first().contains(u"Outcome unknown"_s),
             qPrintable(dialog->problemLines().first()));
    for (const QString &outcome : journalOutcomes())
        QCOMPARE(outcome, u"unknown"_s);

    // Opening the account again in the same session asks the server, which did delete them.
    m_sandbox->setFaults({});
    dialog->close();
    window.connectTo(u"Sandbox"_s, settings);
    QMessageBox *notice = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((notice = window.findChild<QMessageBox *>(u"InterruptedDeletionsNotice"_s)) !=
                                 nullptr,
                             LoadTimeoutMs);
    QCOMPARE(notice->informativeText().count(u"was deleted."_s), 4);
    const DeletionJournal journal(m_f->journalPath());
    QVERIFY(journal.unfinishedIntents().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(window.catalog()->state() == ImageCatalog::State::Loaded, LoadTimeoutMs);
    for (const QString &id : ids)
        QCOMPARE(window.tableModel()->rowOfId(id), -1);
}

void TestMainWindow::statusMessageAndSettlingNoteDoNotOverlap()
{
    QMainWindow host;
    auto *bar = new MainStatusBar(&host);
    host.setStatusBar(bar);
    host.resize(900, 400);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    auto *note = bar->findChild<QLabel *>(u"settlingNote"_s);
    QVERIFY(note);
    bar->setShown(12, 1024, 12);
    bar->setSettlingCount(1);
    QVERIFY(note->isVisible());

    // Both show, side by side: the message is painted from the left edge, the note keeps its own place.
    const QString message = u"Asking ModelArts to check 12 images again…"_s;
    bar->showMessage(message, 8000);
    QCOMPARE(bar->currentMessage(), message);
    QTRY_VERIFY(note->isVisible());
    QCOMPARE(note->text(), u"1 image being saved — watching for changes"_s);
    const QRect messageArea(6, 0, bar->fontMetrics().horizontalAdvance(message), bar->height());
    QVERIFY2(!note->geometry().intersects(messageArea),
             qPrintable(u"note %1,%2 %3x%4, message up to %5"_s.arg(note->x())
                            .arg(note->y())
                            .arg(note->width())
                            .arg(note->height())
                            .arg(messageArea.right())));
    // Nor does the message reach the other permanent labels.
    for (auto *label : bar->findChildren<QLabel *>(Qt::FindDirectChildrenOnly)) {
        if (label->isVisible() && label != note)
            QVERIFY(!label->geometry().intersects(messageArea));
    }

    // A count that drops to nothing hides the note, with or without a message.
    bar->setSettlingCount(0);
    QVERIFY(!note->isVisible());
    bar->clearMessage();
    QVERIFY(!note->isVisible());
    bar->setSettlingCount(2);
    QVERIFY(note->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
