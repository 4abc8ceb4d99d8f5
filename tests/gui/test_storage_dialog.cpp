// Tools → SWR Storage… in the real main window against an in-process sandbox: what the view lists is the
// sandbox's truth, a user without SWR permissions is told which one is missing while the rest keeps working,
// and deleting selected tags deletes exactly those, after a confirmation.

#include "models/api/Swr.h"
#include "models/catalog/ImageCatalog.h"
#include "models/common/Formatting.h"
#include "models/session/AccountSession.h"
#include "models/storage/SwrInventory.h"
#include "ToolsGuiFixture.h"
#include "views/storage/DeleteTagsDialog.h"
#include "views/storage/StorageBarChart.h"
#include "views/storage/StorageTagModel.h"
#include "views/storage/SwrStorageDialog.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace mim;
using mim::test::ToolsGuiFixture;

namespace {

struct TruthTag
{
    qint64 size = -1;
    bool registered = false;
};

// The sandbox's own record of its SWR tags, by "ns/repo:tag".
QHash<QString, TruthTag> truthTags(const mim::test::SandboxFixture &sandbox)
{
    QHash<QString, TruthTag> tags;
    for (const QJsonValue &value : sandbox.state().value("swr"_L1).toObject().value("tags"_L1).toArray()) {
        const QJsonObject tag = value.toObject();
        tags.insert(tag.value("namespace"_L1).toString() + u'/' + tag.value("repository"_L1).toString() +
                        u':' + tag.value("tag"_L1).toString(),
                    TruthTag{tag.value("size"_L1).toInteger(-1), tag.value("registered"_L1).toBool()});
    }
    return tags;
}

QSet<QString> shownUnregistered(SwrStorageDialog *dialog)
{
    QSet<QString> names;
    const QAbstractItemModel *model = dialog->unregisteredView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names.insert(
            model->index(row, StorageTagModel::NameColumn).data(StorageTagModel::SortRole).toString());
    return names;
}

bool waitForPage(SwrStorageDialog *dialog, SwrStorageDialog::Page page)
{
    return QTest::qWaitFor([&] { return dialog->page() == page; }, ToolsGuiFixture::TimeoutMs);
}

} // namespace

class TestStorageDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheSandboxTruth();
    void permissionDeniedKeepsTheRestWorking();
    void deletesExactlyTheSelectedTags();
    void aRefusedDeletionIsShownAndRetried();
    void cancelAndCloseWhileDeleting();
};

void TestStorageDialog::listsTheSandboxTruth()
{
    ToolsGuiFixture fixture;
    QVERIFY(fixture.startSandbox());
    QVERIFY(fixture.openWindow());
    QVERIFY(fixture.tools().swrStorageAction()->isEnabled());
    fixture.tools().swrStorageAction()->trigger();
    auto *dialog = fixture.window().findChild<SwrStorageDialog *>();
    QVERIFY(dialog);
    QVERIFY(!dialog->isModal());
    QVERIFY(waitForPage(dialog, SwrStorageDialog::Page::Content));

    const QHash<QString, TruthTag> truth = truthTags(fixture.sandbox());
    QSet<QString> unregistered;
    qint64 unregisteredBytes = 0;
    for (auto it = truth.cbegin(); it != truth.cend(); ++it) {
        if (!it->registered) {
            unregistered.insert(it.key());
            unregisteredBytes += qMax<qint64>(0, it->size);
        }
    }
    QVERIFY(!unregistered.isEmpty());
    QCOMPARE(shownUnregistered(dialog), unregistered);
    QCOMPARE(dialog->tagModel()->rowCount(), truth.size());
    // Loaded into the session's inventory, which the delete confirmation reads its SWR figures from too.
    QCOMPARE(fixture.window().session()->storage()->state(), SwrInventory::State::Loaded);
    QCOMPARE(fixture.window().session()->storage()->facts().tags.size(), truth.size());

    // The chart's figures are the table's sums.
    QHash<QString, QPair<qint64, qint64>> sums;
    for (const StoredTag &tag : dialog->tagModel()->tags()) {
        if (tag.sizeBytes < 0)
            continue;
        auto &sum = sums[tag.nameSpace];
        (tag.isRegistered() ? sum.first : sum.second) += tag.sizeBytes;
    }
    qint64 chartUnregistered = 0;
    for (const OrganizationStorage &organization : dialog->chart()->organizations()) {
        QCOMPARE(organization.registeredBytes, sums.value(organization.name).first);
        QCOMPARE(organization.unregisteredBytes, sums.value(organization.name).second);
        chartUnregistered += organization.unregisteredBytes;
    }
    QCOMPARE(chartUnregistered, unregisteredBytes);

    // The list of unregistered tags is sorted by size, largest first.
    const QAbstractItemModel *list = dialog->unregisteredView()->model();
    for (int row = 1; row < list->rowCount(); ++row) {
        QVERIFY(
            list->index(row - 1, StorageTagModel::SizeColumn).data(StorageTagModel::SortRole).toLongLong() >=
            list->index(row, StorageTagModel::SizeColumn).data(StorageTagModel::SortRole).toLongLong());
    }
    ToolsGuiFixture::saveScreenshot(dialog, u"swr-storage"_s);
    dialog->tabs()->setCurrentWidget(dialog->repositoriesView());
    dialog->repositoriesView()->expandAll();
    ToolsGuiFixture::saveScreenshot(dialog, u"swr-storage-repositories"_s);

    // Opening it again raises the same dialog.
    QCOMPARE(fixture.tools().openSwrStorage(), dialog);
}

void TestStorageDialog::permissionDeniedKeepsTheRestWorking()
{
    ToolsGuiFixture fixture;
    QVERIFY(fixture.startSandbox());
    QVERIFY(fixture.openWindow());
    fixture.sandbox().server()->setSwrForbidden(true);
    SwrStorageDialog *dialog = fixture.tools().openSwrStorage();
    QVERIFY(dialog);
    QVERIFY(waitForPage(dialog, SwrStorageDialog::Page::PermissionDenied));
    QVERIFY(dialog->stateText().contains(Swr::missingPermission(Swr::Access::Read)));
    QVERIFY(dialog->retryLoadButton()->isVisible());

    // The image list is untouched and still refreshes.
    ImageCatalog *catalog = fixture.window().session()->catalog();
    QCOMPARE(catalog->state(), ImageCatalog::State::Loaded);
    catalog->refresh();
    QVERIFY(QTest::qWaitFor([&] { return catalog->state() == ImageCatalog::State::Loaded; },
                            ToolsGuiFixture::TimeoutMs));
    QVERIFY(fixture.window().session()->tableModel()->rowCount() > 0);

    // With the permission granted, Retry shows the storage.
    fixture.sandbox().server()->setSwrForbidden(false);
    dialog->retryLoadButton()->click();
    QVERIFY(waitForPage(dialog, SwrStorageDialog::Page::Content));
}

void TestStorageDialog::deletesExactlyTheSelectedTags()
{
    ToolsGuiFixture fixture;
    QVERIFY(fixture.startSandbox());
    QVERIFY(fixture.openWindow());
    // Pushed to SWR without ModelArts, in a repository with "/" in its name.
    QJsonArray pushed;
    for (const auto &[tag, size] :
         {std::pair{u"a"_s, qint64(7'000'000'000)}, std::pair{u"b"_s, qint64(6'000'000'000)},
          std::pair{u"c"_s, qint64(5'000'000)}}) {
        pushed.append(QJsonObject{{u"namespace"_s, u"lab"_s},
                                  {u"repository"_s, u"scratch/tmp"_s},
                                  {u"tag"_s, tag},
                                  {u"size"_s, size}});
    }
    QString why;
    QCOMPARE(fixture.sandbox().server()->addSwrTags(QJsonObject{{u"tags"_s, pushed}}, &why), 3);
    SwrStorageDialog *dialog = fixture.tools().openSwrStorage();
    QVERIFY(dialog);
    QVERIFY(waitForPage(dialog, SwrStorageDialog::Page::Content));

    const QSet<QString> before = shownUnregistered(dialog);
    QVERIFY(before.size() >= 3);
    // Two of the pushed tags, selected in the list of unregistered ones.
    QTableView *view = dialog->unregisteredView();
    const QSet<QString> chosen{u"lab/scratch/tmp:a"_s, u"lab/scratch/tmp:c"_s};
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, StorageTagModel::NameColumn);
        if (chosen.contains(index.data(StorageTagModel::SortRole).toString()))
            view->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    const QList<StoredTag> selected = dialog->selectedTags();
    QCOMPARE(selected.size(), 2);
    QCOMPARE((QSet<QString>{selected.at(0).displayName(), selected.at(1).displayName()}), chosen);
    QVERIFY(dialog->deleteButton()->isEnabled());

    // Cancelled: nothing is sent.
    int asked = 0;
    dialog->setDeletionConfirmer([&](DeleteTagsDialog &confirmation) {
        ++asked;
        [&] {
            QVERIFY(confirmation.cancelButton()->isDefault());
            QCOMPARE(confirmation.tags().size(), 2);
            QCOMPARE(confirmation.totalBytes(),
                     qMax<qint64>(0, selected.at(0).sizeBytes) + qMax<qint64>(0, selected.at(1).sizeBytes));
        }();
        return false;
    });
    QVERIFY(!dialog->deleteSelectedTags());
    QCOMPARE(asked, 1);
    QCOMPARE(truthTags(fixture.sandbox()).size(), dialog->tagModel()->rowCount());

    // Confirmed: exactly those two go, the results say so and the lists are read again.
    dialog->setDeletionConfirmer([](DeleteTagsDialog &) { return true; });
    QVERIFY(dialog->deleteSelectedTags());
    QVERIFY(QTest::qWaitFor([&] { return dialog->resultsList()->topLevelItemCount() == 2; },
                            ToolsGuiFixture::TimeoutMs));
    for (int i = 0; i < 2; ++i)
        QCOMPARE(dialog->resultsList()->topLevelItem(i)->text(1), SwrStorageDialog::tr("Deleted"));
    QVERIFY(waitForPage(dialog, SwrStorageDialog::Page::Content));
    QVERIFY(QTest::qWaitFor([&] { return shownUnregistered(dialog).size() == before.size() - 2; },
                            ToolsGuiFixture::TimeoutMs));

    const QHash<QString, TruthTag> after = truthTags(fixture.sandbox());
    QSet<QString> expected = before;
    for (const StoredTag &tag : selected) {
        QVERIFY(!after.contains(tag.displayName()));
        expected.remove(tag.displayName());
    }
    QCOMPARE(shownUnregistered(dialog), expected);
    QVERIFY(!dialog->retryFailedButton()->isEnabled());
}

void TestStorageDialog::aRefusedDeletionIsShownAndRetried()
{
    ToolsGuiFixture fixture;
    QVERIFY(fixture.startSandbox());
    QVERIFY(fixture.openWindow());
    QString why;
    QCOMPARE(fixture.sandbox().server()->addSwrTags(
                 QJsonObject{{u"tags"_s, QJsonArray{QJsonObject{{u"namespace"_s, u"lab"_s},
                                                                {u"repository"_s, u"left-behind"_s},
                                                                {u"tag"_s, u"v1"_s},
                                                                {u"size"_s, 123'456'789}}}}},
                 &why),
             1);
    SwrStorageDialog *dialog = fixture.tools().openSwrStorage();
    QVERIFY(dialog);
    QVERIFY(waitForPage(dialog, SwrStorageDialog::Page::Content));
    QTableView *view = dialog->unregisteredView();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, StorageTagModel::NameColumn);
        if (index.data(StorageTagModel::SortRole).toString() == u"lab/left-behind:v1"_s)
            view->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(dialog->selectedTags().size(), 1);

    // The first DELETE is refused.
    QVERIFY(fixture.sandbox().server()->setFaults(
        QJsonObject{{u"script"_s, QJsonArray{QJsonObject{{u"method"_s, u"DELETE"_s},
                                                         {u"path_contains"_s, u"/left-behind/tags/"_s},
                                                         {u"fault"_s, u"403"_s},
                                                         {u"count"_s, 1}}}}},
        &why));
    dialog->setDeletionConfirmer([](DeleteTagsDialog &) { return true; });
    QVERIFY(dialog->deleteSelectedTags());
    QVERIFY(QTest::qWaitFor([&] { return dialog->retryFailedButton()->isEnabled(); },
                            ToolsGuiFixture::TimeoutMs));
    QCOMPARE(dialog->resultsList()->topLevelItemCount(), 1);
    const QString failed = dialog->resultsList()->topLevelItem(0)->text(1);
    QVERIFY2(failed.startsWith(SwrStorageDialog::tr("Failed: %1").arg(QString())), qPrintable(failed));
    QVERIFY(dialog->resultsList()->topLevelItem(0)->toolTip(1).contains(
        Swr::missingPermission(Swr::Access::Delete).left(20)));
    QVERIFY(truthTags(fixture.sandbox()).contains(u"lab/left-behind:v1"_s));

    // Retry Failed sends it again: now it goes, and its row says so.
    QVERIFY(waitForPage(dialog, SwrStorageDialog::Page::Content));
    dialog->retryFailedButton()->click();
    QVERIFY(QTest::qWaitFor(
        [&] {
            return dialog->resultsList()->topLevelItemCount() == 1 &&
                   dialog->resultsList()->topLevelItem(0)->text(1) == SwrStorageDialog::tr("Deleted");
        },
        ToolsGuiFixture::TimeoutMs));
    QVERIFY(!truthTags(fixture.sandbox()).contains(u"lab/left-behind:v1"_s));
    QVERIFY(QTest::qWaitFor([&] { return !shownUnregistered(dialog).contains(u"lab/left-behind:v1"_s); },
                            ToolsGuiFixture::TimeoutMs));
}

void TestStorageDialog::cancelAndCloseWhileDeleting()
{
    ToolsGuiFixture fixture;
    QVERIFY(fixture.startSandbox());
    QVERIFY(fixture.openWindow());
    QJsonArray pushed;
    QSet<QString> names;
    for (int i = 0; i < 8; ++i) {
        pushed.append(QJsonObject{{u"namespace"_s, u"lab"_s},
                                  {u"repository"_s, u"bulk"_s},
                                  {u"tag"_s, u"t%1"_s.arg(i)},
                                  {u"size"_s, 1000 + i}});
        names.insert(u"lab/bulk:t%1"_s.arg(i));
    }
    QString why;
    QCOMPARE(fixture.sandbox().server()->addSwrTags(QJsonObject{{u"tags"_s, pushed}}, &why), 8);
    QPointer<SwrStorageDialog> dialog = fixture.tools().openSwrStorage();
    QVERIFY(dialog);
    QVERIFY(waitForPage(dialog, SwrStorageDialog::Page::Content));
    QTableView *view = dialog->unregisteredView();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, StorageTagModel::NameColumn);
        if (names.contains(index.data(StorageTagModel::SortRole).toString()))
            view->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(dialog->selectedTags().size(), 8);

    // Slow answers, so that Cancel comes while the first requests are in flight.
    QVERIFY(fixture.sandbox().server()->setFaults(QJsonObject{{u"latency_ms"_s, 300}}, &why));
    const auto requests = [&] {
        return fixture.sandbox().state().value("counters"_L1).toObject().value("requests"_L1).toInteger();
    };
    const qint64 before = requests();
    dialog->setDeletionConfirmer([](DeleteTagsDialog &) { return true; });
    QVERIFY(dialog->deleteSelectedTags());
    QVERIFY(dialog->cancelDeletionButton()->isEnabled());
    QVERIFY(!dialog->deleteButton()->isEnabled());
    QVERIFY(QTest::qWaitFor([&] { return requests() > before; }, ToolsGuiFixture::TimeoutMs));
    dialog->cancelDeletionButton()->click();
    QVERIFY(QTest::qWaitFor([&] { return dialog->retryFailedButton()->isEnabled(); },
                            ToolsGuiFixture::TimeoutMs));

    // Every tag has a result; only those sent before Cancel are gone.
    QCOMPARE(dialog->resultsList()->topLevelItemCount(), 8);
    const QHash<QString, TruthTag> truth = truthTags(fixture.sandbox());
    int deleted = 0;
    for (int i = 0; i < 8; ++i) {
        const QTreeWidgetItem *item = dialog->resultsList()->topLevelItem(i);
        const bool gone = item->text(1) == SwrStorageDialog::tr("Deleted");
        deleted += gone ? 1 : 0;
        if (!gone) {
            QCOMPARE(item->text(1),
                     SwrStorageDialog::tr("Failed: %1")
                         .arg(QCoreApplication::translate("mim::TagDeletionQueue",
                                                          "Not sent: the deletion was cancelled.")));
        }
        QCOMPARE(truth.contains(item->text(0)), !gone);
    }
    QVERIFY(deleted > 0);
    QVERIFY(deleted < 8);
    QVERIFY(!dialog->cancelDeletionButton()->isEnabled());

    // Closing while the rest is being deleted waits for the requests in flight, then closes.
    QVERIFY(waitForPage(dialog, SwrStorageDialog::Page::Content));
    const qint64 beforeRetry = requests();
    dialog->retryFailedButton()->click();
    QVERIFY(dialog->cancelDeletionButton()->isEnabled());
    QVERIFY(QTest::qWaitFor([&] { return requests() > beforeRetry; }, ToolsGuiFixture::TimeoutMs));
    dialog->reject();
    QVERIFY(dialog->isVisible());
    QVERIFY(QTest::qWaitFor([&] { return !dialog || !dialog->isVisible(); }, ToolsGuiFixture::TimeoutMs));
}

QTEST_MAIN(TestStorageDialog)
#include "test_storage_dialog.moc"
