// The image groups dialog, offscreen, in the real main window against the sandbox: groups with their
// versions, filtering, deleting a whole group (confirmation answered by a hook) with and without the SWR
// content, a refused group, and the table following; a group goes through the window's deletion queue, so
// its progress and Cancel are in the status bar and its results in the deletion summary.

#include "models/deletion/Deletion.h"
#include "models/deletion/DeletionJournal.h"
#include "models/deletion/DeletionQueue.h"
#include "models/groups/ImageGroupModel.h"
#include "ToolsGuiFixture.h"
#include "views/main/MainStatusBar.h"
#include "views/tools/ImageGroupsDialog.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace mim;
using test::ToolsGuiFixture;

class TestImageGroupsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsGroupsWithTheirVersions();
    void filterKeepsGroupsOfMatchingTags();
    void filteredGroupsKeepTheirVersions();
    void failedCountIsWordedApartFromVersions();
    void deletesAWholeGroupWithSwrContent();
    void deletesAWholeGroupKeepingSwrContent();
    void groupWithVersionInUseIsRefused();
    void groupListedWithoutIdCannotBeDeleted();
    void cancelledConfirmationDeletesNothing();
    void refusedGroupIsInTheDeletionSummary();
    void waitingGroupIsCancelledFromTheStatusBar();

private:
    ImageGroupsDialog *openLoadedDialog();
    QString groupIdOf(const ImageGroupsDialog &dialog, const QString &name) const;

    std::unique_ptr<ToolsGuiFixture> m_f;
    QStringList m_bert; // lab/bert: v1, v2 private, shared public
    QStringList m_busy; // lab/busy: v1, v2 (in use)
    int m_confirmations = 0;
    std::optional<bool> m_answer;
    QString m_confirmationTitle;
    int m_confirmedCount = 0;
};

void TestImageGroupsDialog::init()
{
    m_f = std::make_unique<ToolsGuiFixture>();
    QVERIFY(m_f->startSandbox());
    m_bert = {
        m_f->addImage({{u"name"_s, u"bert"_s}, {u"tag"_s, u"v1"_s}, {u"size"_s, 1000}}, 3),
        m_f->addImage({{u"name"_s, u"bert"_s}, {u"tag"_s, u"v2"_s}, {u"size"_s, 2000}}, 2),
        m_f->addImage({{u"name"_s, u"bert"_s}, {u"tag"_s, u"shared"_s}, {u"visibility"_s, u"PUBLIC"_s}}, 1)};
    m_busy = {m_f->addImage({{u"name"_s, u"busy"_s}, {u"tag"_s, u"v1"_s}}, 2),
              m_f->addImage({{u"name"_s, u"busy"_s}, {u"tag"_s, u"v2"_s}, {u"in_use"_s, true}}, 1)};
    QVERIFY(m_f->openWindow());
    m_confirmations = 0;
    m_confirmedCount = 0;
    m_answer.reset();
    m_f->tools().setDeletionConfirmer([this](const DeleteImagesDialog &dialog) {
        ++m_confirmations;
        m_confirmationTitle = dialog.windowTitle();
        m_confirmedCount = int(dialog.images().size());
        if (m_answer && *m_answer)
            dialog.forceCheckBox()->setChecked(true);
        return m_answer ? std::optional<bool>(dialog.forceRequested()) : std::nullopt;
    });
}

void TestImageGroupsDialog::cleanup()
{
    m_f.reset();
}

ImageGroupsDialog *TestImageGroupsDialog::openLoadedDialog()
{
    ImageGroupsDialog *dialog = m_f->tools().openImageGroups();
    if (!dialog)
        return nullptr;
    QSignalSpy loaded(dialog, &ImageGroupsDialog::loaded);
    if (dialog->groupModel()->groupCount() == 0 && !loaded.wait(ToolsGuiFixture::TimeoutMs))
        return nullptr;
    return dialog;
}

QString TestImageGroupsDialog::groupIdOf(const ImageGroupsDialog &dialog, const QString &name) const
{
    const ImageGroupModel *model = dialog.groupModel();
    for (int row = 0; row < model->groupCount(); ++row) {
        if (model->groupAt(row).nameSpace == u"lab"_s && model->groupAt(row).name == name)
            return model->groupAt(row).id;
    }
    return {};
}

void TestImageGroupsDialog::showsGroupsWithTheirVersions()
{
    ImageGroupsDialog *dialog = openLoadedDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->statusText().contains(u"groups"_s));
    const QString bert = groupIdOf(*dialog, u"bert"_s);
    QVERIFY(!bert.isEmpty());
    QVERIFY(dialog->selectGroup(bert));
    QCOMPARE(dialog->selectedGroup()->versionCount, 3);
    QVERIFY(dialog->deleteButton()->isEnabled());

    // Expanding the group shows the versions the table has, newest first.
    QAbstractItemModel *shown = dialog->view()->model();
    const QModelIndex group = dialog->view()->currentIndex().siblingAtColumn(0);
    dialog->view()->expand(group);
    QCOMPARE(shown->rowCount(group), 3);
    QCOMPARE(shown->index(0, ImageGroupModel::Name, group).data().toString(), u"shared"_s);
    QCOMPARE(shown->index(2, ImageGroupModel::Name, group).data().toString(), u"v1"_s);
    QCOMPARE(shown->index(group.row(), ImageGroupModel::Versions).data().toString(), u"3"_s);
    ToolsGuiFixture::saveScreenshot(dialog, u"image-groups-dialog"_s);
}

void TestImageGroupsDialog::filterKeepsGroupsOfMatchingTags()
{
    ImageGroupsDialog *dialog = openLoadedDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->filterEdit(), u"shared"_s);
    // Only bert has a version tagged "shared": its group stays, with that version.
    const QAbstractItemModel *shown = dialog->view()->model();
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, ImageGroupModel::Name).data().toString(), u"bert"_s);
    QCOMPARE(shown->rowCount(shown->index(0, 0)), 1);
}

void TestImageGroupsDialog::filteredGroupsKeepTheirVersions()
{
    ImageGroupsDialog *dialog = openLoadedDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->filterEdit(), u"bert"_s);
    // The group's own name matches: all its versions stay, and it can be expanded.
    const QAbstractItemModel *shown = dialog->view()->model();
    QCOMPARE(shown->rowCount(), 1);
    const QModelIndex group = shown->index(0, 0);
    QVERIFY(shown->hasChildren(group));
    QCOMPARE(shown->rowCount(group), 3);
    dialog->view()->expand(group);
    QVERIFY(dialog->view()->isExpanded(group));
}

void TestImageGroupsDialog::failedCountIsWordedApartFromVersions()
{
    m_f.reset();
    m_f = std::make_unique<ToolsGuiFixture>();
    QVERIFY(m_f->startSandbox());
    for (int i = 0; i < 16; ++i)
        m_f->addImage({{u"name"_s, u"many"_s},
                       {u"tag"_s, u"v%1"_s.arg(i)},
                       {u"status"_s, i == 0 ? u"CREATE_FAILED"_s : u"ACTIVE"_s}},
                      i + 1);
    QVERIFY(m_f->openWindow());
    ImageGroupsDialog *dialog = openLoadedDialog();
    QVERIFY(dialog);
    const QString many = groupIdOf(*dialog, u"many"_s);
    QVERIFY(dialog->selectGroup(many));
    const QModelIndex row = dialog->view()->currentIndex();
    const QString versions = row.siblingAtColumn(ImageGroupModel::Versions).data().toString();
    const QString failed = row.siblingAtColumn(ImageGroupModel::Status).data().toString();
    QCOMPARE(versions, u"16"_s);
    // Read side by side, the two cells never make one number ("16 1 failed").
    QVERIFY2(!failed.isEmpty() && !failed.front().isDigit(), qPrintable(failed));
    QCOMPARE(failed, u"Failed: 1"_s);
    QVERIFY(row.siblingAtColumn(ImageGroupModel::Status)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(u"1 of 16 version"_s));
}

void TestImageGroupsDialog::deletesAWholeGroupWithSwrContent()
{
    ImageGroupsDialog *dialog = openLoadedDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->selectGroup(groupIdOf(*dialog, u"bert"_s)));
    m_answer = true;
    QSignalSpy finished(dialog, &ImageGroupsDialog::groupDeletionFinished);
    dialog->deleteButton()->click();
    QVERIFY(finished.wait(ToolsGuiFixture::TimeoutMs));
    QCOMPARE(m_confirmations, 1);
    QCOMPARE(m_confirmationTitle, u"Delete Image Group"_s);
    QCOMPARE(m_confirmedCount, 3);

    // Every version is gone from the server; the SWR content of the private ones with it.
    QVERIFY(m_f->isDeleted(m_bert.at(0)));
    QVERIFY(m_f->isSwrContentDeleted(m_bert.at(0)));
    QVERIFY(m_f->isDeleted(m_bert.at(1)));
    QVERIFY(m_f->isSwrContentDeleted(m_bert.at(1)));
    QVERIFY(m_f->isDeleted(m_bert.at(2)));
    QVERIFY(!m_f->isSwrContentDeleted(m_bert.at(2))); // public
    QVERIFY(!m_f->isDeleted(m_busy.at(0)));

    // ... from the table and from the groups, and the journal knows.
    for (const QString &id : std::as_const(m_bert))
        QCOMPARE(m_f->window().tableModel()->rowOfId(id), -1);
    QVERIFY(groupIdOf(*dialog, u"bert"_s).isEmpty());
    QVERIFY2(dialog->statusText().contains(u"Deleted “bert” and its 3 versions, with their SWR content"_s),
             qPrintable(dialog->statusText()));
    const auto summary = finished.constFirst().constFirst().value<DeletionSummary>();
    QCOMPARE(summary.count(DeletionResult::Outcome::Deleted), 3);
    DeletionJournal journal(m_f->journalPath());
    QCOMPARE(journal.readAll().size(), 6);
    QVERIFY(journal.unfinishedIntents().isEmpty());
}

void TestImageGroupsDialog::deletesAWholeGroupKeepingSwrContent()
{
    ImageGroupsDialog *dialog = openLoadedDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->selectGroup(groupIdOf(*dialog, u"bert"_s)));
    m_answer = false;
    QSignalSpy finished(dialog, &ImageGroupsDialog::groupDeletionFinished);
    dialog->deleteSelectedGroup();
    QVERIFY(finished.wait(ToolsGuiFixture::TimeoutMs));
    for (const QString &id : std::as_const(m_bert)) {
        QVERIFY(m_f->isDeleted(id));
        QVERIFY(!m_f->isSwrContentDeleted(id));
    }
    QVERIFY(dialog->statusText().contains(u"the SWR content is kept"_s));
}

void TestImageGroupsDialog::groupWithVersionInUseIsRefused()
{
    ImageGroupsDialog *dialog = openLoadedDialog();
    QVERIFY(dialog);
    const QString busy = groupIdOf(*dialog, u"busy"_s);
    QVERIFY(dialog->selectGroup(busy));
    m_answer = true;
    QSignalSpy finished(dialog, &ImageGroupsDialog::groupDeletionFinished);
    dialog->deleteSelectedGroup();
    QVERIFY(finished.wait(ToolsGuiFixture::TimeoutMs));
    QVERIFY(!m_f->isDeleted(m_busy.at(0)));
    QVERIFY(!m_f->isDeleted(m_busy.at(1)));
    QVERIFY2(dialog->statusText().contains(u"was not deleted"_s) &&
                 dialog->statusText().contains(u"in use"_s),
             qPrintable(dialog->statusText()));
    // The group and its versions stay.
    QCOMPARE(groupIdOf(*dialog, u"busy"_s), busy);
    QVERIFY(m_f->window().tableModel()->rowOfId(m_busy.at(0)) >= 0);
    QVERIFY(dialog->deleteButton()->isEnabled());
}

// The OTC copy of ListImageGroup lists groups without "id": shown with their versions, but DeleteImageGroup
// cannot address them, so Delete is disabled and says why.
void TestImageGroupsDialog::groupListedWithoutIdCannotBeDeleted()
{
    m_f->sandbox().setFaults({{u"groups_without_id"_s, QJsonArray{u"lab/bert"_s}}});
    ImageGroupsDialog *dialog = openLoadedDialog();
    QVERIFY(dialog);
    QVERIFY2(!dialog->statusText().contains(u"could not"_s), qPrintable(dialog->statusText()));
    QVERIFY(groupIdOf(*dialog, u"bert"_s).isEmpty());
    QVERIFY(!groupIdOf(*dialog, u"busy"_s).isEmpty());

    QAbstractItemModel *shown = dialog->view()->model();
    QModelIndex bert;
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex name = shown->index(row, ImageGroupModel::Name);
        if (name.data().toString() == u"bert"_s &&
            shown->index(row, ImageGroupModel::Namespace).data() == u"lab"_s)
            bert = name;
    }
    QVERIFY(bert.isValid());
    QCOMPARE(shown->rowCount(bert), 3); // its versions are shown
    QVERIFY(bert.data(Qt::ToolTipRole).toString().contains(u"without an ID"_s));
    dialog->view()->selectionModel()->select(bert,
                                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(dialog->selectedGroup());
    QVERIFY(!dialog->deleteButton()->isEnabled());
    QVERIFY2(dialog->deleteButton()->toolTip().contains(u"without an ID"_s),
             qPrintable(dialog->deleteButton()->toolTip()));

    // Asked anyway (a shortcut, a stale click): nothing is confirmed or sent.
    const qint64 groupCalls =
        m_f->sandbox().state().value(u"counters"_s).toObject().value(u"groups"_s).toInteger();
    m_answer = true;
    dialog->deleteSelectedGroup();
    QTest::qWait(50);
    QCOMPARE(m_confirmations, 0);
    QVERIFY(!dialog->isBusy());
    QCOMPARE(m_f->sandbox().state().value(u"counters"_s).toObject().value(u"groups"_s).toInteger(),
             groupCalls);
    for (const QString &id : std::as_const(m_bert))
        QVERIFY(!m_f->isDeleted(id));

    // A group with an id can still be deleted, and says what Delete does.
    QVERIFY(dialog->selectGroup(groupIdOf(*dialog, u"busy"_s)));
    QVERIFY(dialog->deleteButton()->isEnabled());
    QVERIFY(!dialog->deleteButton()->toolTip().contains(u"without an ID"_s));
}

void TestImageGroupsDialog::cancelledConfirmationDeletesNothing()
{
    ImageGroupsDialog *dialog = openLoadedDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->selectGroup(groupIdOf(*dialog, u"bert"_s)));
    m_answer.reset();
    dialog->deleteSelectedGroup();
    QTRY_COMPARE_WITH_TIMEOUT(m_confirmations, 1, ToolsGuiFixture::TimeoutMs);
    QTRY_VERIFY(!dialog->isBusy());
    for (const QString &id : std::as_const(m_bert))
        QVERIFY(!m_f->isDeleted(id));
    QVERIFY(!groupIdOf(*dialog, u"bert"_s).isEmpty());
}

void TestImageGroupsDialog::refusedGroupIsInTheDeletionSummary()
{
    ImageGroupsDialog *dialog = openLoadedDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->selectGroup(groupIdOf(*dialog, u"busy"_s)));
    m_answer = false;
    auto *statusBar = m_f->window().findChild<MainStatusBar *>();
    QVERIFY(statusBar);
    QSignalSpy started(test::deletionQueue(m_f->window()), &DeletionQueue::started);
    QSignalSpy finished(dialog, &ImageGroupsDialog::groupDeletionFinished);
    dialog->deleteSelectedGroup();
    // The group's versions are the run's progress, in the status bar.
    QVERIFY(started.wait(ToolsGuiFixture::TimeoutMs));
    QCOMPARE(started.constFirst().constFirst().toInt(), 2);
    QVERIFY(statusBar->isDeletionProgressVisible());
    QVERIFY(finished.wait(ToolsGuiFixture::TimeoutMs));

    // The window's summary names each version with the server's reason, and offers Retry for the group.
    DeletionSummaryDialog *summary = nullptr;
    QTRY_VERIFY((summary = m_f->window().findChild<DeletionSummaryDialog *>()) && summary->isVisible());
    QCOMPARE(summary->summary().count(DeletionResult::Outcome::Failed), 2);
    QCOMPARE(summary->problemLines().size(), 2);
    QVERIFY2(summary->problemLines().constFirst().contains(u"in use"_s),
             qPrintable(summary->problemLines().join(u'\n')));
    QVERIFY(summary->retryButton()->isEnabled());
    QCOMPARE(summary->summary().account.profileName, ToolsGuiFixture::AccountName);
    QVERIFY(!statusBar->isDeletionProgressVisible());

    // Retry sends the group again, as one DeleteImageGroup through the same account.
    QSignalSpy runFinished(test::deletionQueue(m_f->window()), &DeletionQueue::finished);
    const qint64 groupCallsBefore =
        m_f->sandbox().state().value(u"counters"_s).toObject().value(u"groups"_s).toInteger();
    summary->retryButton()->click();
    QVERIFY(runFinished.wait(ToolsGuiFixture::TimeoutMs));
    const auto retried = runFinished.constFirst().constFirst().value<DeletionSummary>();
    QCOMPARE(retried.results.size(), 2);
    QVERIFY(retried.results.constFirst().group.has_value());
    QCOMPARE(retried.count(DeletionResult::Outcome::Failed), 2); // still in use
    QVERIFY(m_f->sandbox().state().value(u"counters"_s).toObject().value(u"groups"_s).toInteger() >
            groupCallsBefore);
}

void TestImageGroupsDialog::waitingGroupIsCancelledFromTheStatusBar()
{
    ImageGroupsDialog *dialog = openLoadedDialog();
    QVERIFY(dialog);
    // One request at a time, and the one before the group is slow: the group waits in the queue.
    DeletionQueue *queue = test::deletionQueue(m_f->window());
    queue->setMaxConcurrent(1);
    m_f->sandbox().setFaults(
        QJsonObject{{u"stall_ms"_s, 1500},
                    {u"script"_s, QJsonArray{QJsonObject{{u"method"_s, u"DELETE"_s},
                                                         {u"path_contains"_s, m_busy.at(0)},
                                                         {u"fault"_s, u"stall"_s},
                                                         {u"count"_s, 1}}}}});
    const ImageTableModel *table = m_f->window().tableModel();
    m_f->window().enqueueDeletions({DeletionRequest{table->imageAt(table->rowOfId(m_busy.at(0))), false}});
    QVERIFY(dialog->selectGroup(groupIdOf(*dialog, u"bert"_s)));
    m_answer = false;
    QSignalSpy finished(dialog, &ImageGroupsDialog::groupDeletionFinished);
    dialog->deleteSelectedGroup();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isBusy() && queue->remainingCount() == 4, ToolsGuiFixture::TimeoutMs);
    for (const QString &id : std::as_const(m_bert))
        QCOMPARE(table->rowActivity(id), ImageTableModel::RowActivity::Deleting);

    auto *statusBar = m_f->window().findChild<MainStatusBar *>();
    QVERIFY(statusBar->isDeletionProgressVisible());
    // Cancelling ends the requests not sent at once, before click() returns.
    statusBar->deletionCancelButton()->click();
    QCOMPARE(finished.count(), 1);
    const auto results = finished.constFirst().constFirst().value<DeletionSummary>();
    QCOMPARE(results.count(DeletionResult::Outcome::Cancelled), 3);
    for (const QString &id : std::as_const(m_bert)) {
        QVERIFY(!m_f->isDeleted(id));
        QVERIFY(table->rowActivity(id) != ImageTableModel::RowActivity::Deleting);
    }
    QVERIFY2(dialog->statusText().contains(u"was not deleted"_s), qPrintable(dialog->statusText()));
    QVERIFY(!groupIdOf(*dialog, u"bert"_s).isEmpty());

    // The request already sent finishes; the run's summary lists the cancelled versions.
    DeletionSummaryDialog *summary = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((summary = m_f->window().findChild<DeletionSummaryDialog *>()) &&
                                 summary->isVisible(),
                             ToolsGuiFixture::TimeoutMs);
    QCOMPARE(summary->summary().count(DeletionResult::Outcome::Cancelled), 3);
    QVERIFY(m_f->isDeleted(m_busy.at(0)));
}

QTEST_MAIN(TestImageGroupsDialog)
#include "test_image_groups_dialog.moc"
