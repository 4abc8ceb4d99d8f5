// The clean-up assistant, offscreen, in the real main window against the sandbox: the live preview and its
// counts and SWR space as the rules change, unticking, the dry-run export, deleting through the window's
// deletion queue (confirmation answered by a hook) checked in the sandbox and the journal, and the rules
// remembered per account.

#include "models/cleanup/CleanupPreviewModel.h"
#include "models/deletion/Deletion.h"
#include "models/deletion/DeletionJournal.h"
#include "ToolsGuiFixture.h"
#include "views/tools/CleanupDialog.h"

#include <QCheckBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace mim;
using test::ToolsGuiFixture;

class TestCleanupDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void previewFollowsTheRules();
    void formControlsDriveThePreview();
    void keepNewestTagsPerName();
    void deletesTickedImagesThroughTheWindowQueue();
    void cancelledConfirmationDeletesNothing();
    void dryRunExportsTheTickedImagesInPreviewOrder();
    void previewExportSaysWhyAndWhetherSwrContentGoes();
    void previewColumnsFitTheirContent();
    void rulesAreRememberedPerAccount();
    void previewFollowsTheTable();
    void imagesInUseAreSpared();
    void imagesOfUnknownUsageAreSpared();

private:
    CleanupDialog *openDialog();
    CleanupDialog *openWithFailedInLab();
    QStringList previewNames(const CleanupDialog &dialog) const;
    int rowOf(const CleanupDialog &dialog, const QString &nameAndTag) const;

    std::unique_ptr<ToolsGuiFixture> m_f;
    QString m_oldA, m_oldB, m_oldC, m_fresh;
    QStringList m_tags; // lab/tagged:v1..v4, oldest first
};

void TestCleanupDialog::init()
{
    m_f = std::make_unique<ToolsGuiFixture>();
    QVERIFY(m_f->startSandbox());
    constexpr qint64 Gb = ToolsGuiFixture::Gb;
    m_oldA = m_f->addImage({{u"name"_s, u"old-a"_s}, {u"status"_s, u"ERROR"_s}, {u"size"_s, 2 * Gb}}, 100);
    m_oldB = m_f->addImage({{u"name"_s, u"old-b"_s},
                            {u"status"_s, u"CREATE_FAILED"_s},
                            {u"size"_s, 1 * Gb},
                            {u"visibility"_s, u"PUBLIC"_s}},
                           50);
    m_oldC = m_f->addImage({{u"name"_s, u"old-c"_s}, {u"status"_s, u"ERROR"_s}, {u"size"_s, 3 * Gb}}, 200);
    m_fresh = m_f->addImage({{u"name"_s, u"fresh"_s}, {u"size"_s, 4 * Gb}}, 1);
    m_tags.clear();
    for (int i = 1; i <= 4; ++i)
        m_tags.append(m_f->addImage({{u"name"_s, u"tagged"_s}, {u"tag"_s, u"v%1"_s.arg(i)}, {u"size"_s, Gb}},
                                    40.0 - i * 10));
    QVERIFY(m_f->openWindow());
}

void TestCleanupDialog::cleanup()
{
    m_f.reset();
}

CleanupDialog *TestCleanupDialog::openDialog()
{
    CleanupDialog *dialog = m_f->tools().openCleanup();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        qWarning("the clean-up dialog was not shown");
    return dialog;
}

namespace {
// The rules most tests preview: the failed images of the namespace lab (old-a, old-b, old-c).
CleanupRules failedInLab()
{
    CleanupRules rules;
    rules.failedOnly = true;
    rules.namespacePattern = u"lab"_s;
    return rules;
}
} // namespace

CleanupDialog *TestCleanupDialog::openWithFailedInLab()
{
    CleanupDialog *dialog = openDialog();
    if (dialog)
        dialog->setRules(failedInLab());
    return dialog;
}

QStringList TestCleanupDialog::previewNames(const CleanupDialog &dialog) const
{
    QStringList names;
    const QAbstractItemModel *model = dialog.previewView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, CleanupPreviewModel::Name).data().toString());
    return names;
}

int TestCleanupDialog::rowOf(const CleanupDialog &dialog, const QString &nameAndTag) const
{
    return int(previewNames(dialog).indexOf(nameAndTag));
}

void TestCleanupDialog::previewFollowsTheRules()
{
    CleanupDialog *dialog = openWithFailedInLab();
    QVERIFY(dialog);
    CleanupRules rules = failedInLab();
    dialog->setForceRequested(false);

    QTRY_COMPARE(dialog->previewModel()->rowCount(), 3);
    QCOMPARE(dialog->countText(), u"3 matching images, 6.0 GB in total."_s);
    QCOMPARE(dialog->spaceText(), u"Frees no SWR space: the SWR content is kept."_s);
    QCOMPARE(dialog->deleteButton()->text(), u"Delete 3 Images…"_s);
    QVERIFY(dialog->deleteButton()->isEnabled());

    // With the SWR content: only the private images count.
    dialog->setForceRequested(true);
    QTRY_COMPARE(dialog->spaceText(), u"Frees 5.0 GB in SWR. The SWR content of 1 public image is kept."_s);

    // Untick old-c through the view, as a click on its check box would.
    QAbstractItemModel *shown = dialog->previewView()->model();
    const int row = rowOf(*dialog, u"old-c:latest"_s);
    QVERIFY(row >= 0);
    QVERIFY(shown->setData(shown->index(row, CleanupPreviewModel::Name), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(dialog->countText(), u"2 of 3 matching images ticked, 3.0 GB in total."_s);
    QCOMPARE(dialog->spaceText(), u"Frees 2.0 GB in SWR. The SWR content of 1 public image is kept."_s);
    ToolsGuiFixture::saveScreenshot(dialog, u"cleanup-dialog"_s);
    QCOMPARE(dialog->deleteButton()->text(), u"Delete 2 Images…"_s);

    // A rule set that matches nothing, and none at all.
    rules.namePattern = u"nothing-like-this"_s;
    dialog->setRules(rules);
    QTRY_COMPARE(dialog->countText(), u"No image matches these rules."_s);
    QVERIFY(!dialog->deleteButton()->isEnabled());
    QVERIFY(!dialog->exportButton()->isEnabled());
    QVERIFY(dialog->spaceText().isEmpty());
    dialog->setRules(CleanupRules{});
    QTRY_COMPARE(dialog->countText(), u"Switch on at least one rule to see the images it selects."_s);
}

void TestCleanupDialog::formControlsDriveThePreview()
{
    CleanupDialog *dialog = openDialog();
    QVERIFY(dialog);
    CleanupRules rules;
    rules.failedOnly = true;
    dialog->setRules(rules);
    auto *namespaceEdit = dialog->findChild<QLineEdit *>(u"namespacePatternEdit"_s);
    auto *idle = dialog->findChild<QCheckBox *>(u"idleCheckBox"_s);
    auto *days = dialog->findChild<QSpinBox *>(u"idleDaysSpinBox"_s);
    QVERIFY(namespaceEdit && idle && days);

    namespaceEdit->clear();
    QTest::keyClicks(namespaceEdit, u"L?B"_s); // wildcard, any case
    QTRY_COMPARE(previewNames(*dialog).size(), 3);
    QVERIFY(!days->isEnabled());
    idle->setChecked(true);
    QVERIFY(days->isEnabled());
    days->setValue(150);
    QTRY_COMPARE(previewNames(*dialog), QStringList{u"old-c:latest"_s});
    days->setValue(60);
    QTRY_COMPARE(previewNames(*dialog).size(), 2);
    QCOMPARE(dialog->rules().notUpdatedForDays, std::optional<int>(60));
    QCOMPARE(dialog->rules().namespacePattern, u"L?B"_s);
}

void TestCleanupDialog::keepNewestTagsPerName()
{
    CleanupDialog *dialog = openDialog();
    QVERIFY(dialog);
    CleanupRules rules;
    rules.keepNewestPerName = 2;
    rules.namespacePattern = u"lab"_s;
    rules.namePattern = u"tagged"_s;
    dialog->setRules(rules);
    // v4 and v3 are the newest and stay; v2 and v1 are proposed.
    QTRY_COMPARE(previewNames(*dialog), (QStringList{u"tagged:v2"_s, u"tagged:v1"_s}));
    const QString why =
        dialog->previewView()->model()->index(0, CleanupPreviewModel::Reason).data().toString();
    QVERIFY2(why.contains(u"2 newer versions"_s), qPrintable(why));
}

void TestCleanupDialog::deletesTickedImagesThroughTheWindowQueue()
{
    int confirmations = 0;
    m_f->tools().setDeletionConfirmer([&confirmations](const DeleteImagesDialog &confirmation) {
        ++confirmations;
        // The same confirmation as the table's, with the SWR choice carried over.
        [&] {
            QCOMPARE(confirmation.images().size(), 2);
            QVERIFY(confirmation.forceCheckBox()->isChecked());
            QCOMPARE(confirmation.headline(), u"Delete 2 images?"_s);
        }();
        return std::optional<bool>(confirmation.forceRequested());
    });
    CleanupDialog *dialog = openWithFailedInLab();
    QVERIFY(dialog);
    dialog->setForceRequested(true);
    QTRY_COMPARE(dialog->previewModel()->rowCount(), 3);
    dialog->previewModel()->setChecked(m_oldA, false);

    QSignalSpy confirmed(dialog, &CleanupDialog::deletionConfirmed);
    QSignalSpy finished(&m_f->window(), &MainWindow::deletionsFinished);
    QPointer<CleanupDialog> guard(dialog);
    dialog->deleteButton()->click();
    QCOMPARE(confirmations, 1);
    QCOMPARE(confirmed.count(), 1);
    QTRY_VERIFY(!guard || !guard->isVisible()); // closes once the deletion is handed over
    QVERIFY(finished.wait(ToolsGuiFixture::TimeoutMs));

    const auto summary = finished.constFirst().constFirst().value<DeletionSummary>();
    QCOMPARE(summary.results.size(), 2);
    QCOMPARE(summary.count(DeletionResult::Outcome::Deleted), 2);

    // In the sandbox: the ticked ones are gone, SWR content only for the private one; the unticked one stays.
    QVERIFY(m_f->isDeleted(m_oldB));
    QVERIFY(!m_f->isSwrContentDeleted(m_oldB)); // public
    QVERIFY(m_f->isDeleted(m_oldC));
    QVERIFY(m_f->isSwrContentDeleted(m_oldC));
    QVERIFY(!m_f->isDeleted(m_oldA));
    QVERIFY(!m_f->isDeleted(m_fresh));

    // They left the table, and the journal recorded them like any deletion.
    QCOMPARE(m_f->window().tableModel()->rowOfId(m_oldB), -1);
    QCOMPARE(m_f->window().tableModel()->rowOfId(m_oldC), -1);
    QVERIFY(m_f->window().tableModel()->rowOfId(m_oldA) >= 0);
    DeletionJournal journal(m_f->journalPath());
    QStringList outcomeIds;
    for (const QJsonObject &line : journal.readAll()) {
        if (line.value(u"phase"_s).toString() == u"outcome"_s) {
            QCOMPARE(line.value(u"outcome"_s).toString(), u"deleted"_s);
            outcomeIds.append(line.value(u"image_id"_s).toString());
        }
    }
    outcomeIds.sort();
    QStringList expected{m_oldB, m_oldC};
    expected.sort();
    QCOMPARE(outcomeIds, expected);

    // The rules and the run are remembered for the account.
    m_f->settings().beginGroup(CleanupDialog::settingsGroup(ToolsGuiFixture::AccountName));
    QCOMPARE(CleanupRules::fromVariant(m_f->settings().value(u"rules"_s).toMap()), failedInLab());
    QCOMPARE(m_f->settings().value(u"lastRunCount"_s).toInt(), 2);
    m_f->settings().endGroup();
}

void TestCleanupDialog::cancelledConfirmationDeletesNothing()
{
    int confirmations = 0;
    m_f->tools().setDeletionConfirmer([&confirmations](const DeleteImagesDialog &) {
        ++confirmations;
        return std::optional<bool>();
    });
    CleanupDialog *dialog = openWithFailedInLab();
    QVERIFY(dialog);
    QTRY_COMPARE(dialog->previewModel()->rowCount(), 3);
    QSignalSpy confirmed(dialog, &CleanupDialog::deletionConfirmed);
    dialog->deleteTicked();
    QCOMPARE(confirmations, 1);
    QCOMPARE(confirmed.count(), 0);
    QVERIFY(dialog->isVisible());
    QVERIFY(!m_f->isDeleted(m_oldA));
    QVERIFY(!m_f->isDeleted(m_oldB));
    QVERIFY(!m_f->isDeleted(m_oldC));
}

void TestCleanupDialog::dryRunExportsTheTickedImagesInPreviewOrder()
{
    CleanupDialog *dialog = openWithFailedInLab();
    QVERIFY(dialog);
    QTRY_COMPARE(dialog->previewModel()->rowCount(), 3);
    dialog->previewModel()->setChecked(m_oldB, false);
    // Largest first, as if the user clicked the Size header twice.
    dialog->previewView()->sortByColumn(CleanupPreviewModel::Size, Qt::DescendingOrder);

    const QString path = m_f->tempPath(u"dry-run.json"_s);
    QString error;
    QVERIFY2(dialog->exportPreview(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray exported = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(exported.size(), 2);
    QCOMPARE(exported.at(0).toObject().value(u"id"_s).toString(), m_oldC);
    QCOMPARE(exported.at(1).toObject().value(u"id"_s).toString(), m_oldA);
    QCOMPARE(exported.at(0).toObject().value(u"size"_s).toInteger(), 3 * ToolsGuiFixture::Gb);
    // Nothing was deleted by the dry run.
    QVERIFY(!m_f->isDeleted(m_oldA));
    QVERIFY(!m_f->isDeleted(m_oldC));

    const QString csvPath = m_f->tempPath(u"dry-run.csv"_s);
    QVERIFY(dialog->exportPreview(csvPath));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QVERIFY(lines.at(0).contains("Name,Tag,Namespace,Status,Size (as reported)"));
    QVERIFY(lines.at(1).startsWith("old-c,latest,lab,ERROR,3145728,"));
    QVERIFY(lines.at(2).startsWith("old-a,latest,lab,ERROR,2097152,"));
}

void TestCleanupDialog::previewExportSaysWhyAndWhetherSwrContentGoes()
{
    CleanupDialog *dialog = openWithFailedInLab();
    QVERIFY(dialog);
    QTRY_COMPARE(dialog->previewModel()->rowCount(), 3);
    // The form's rules apply after a short pause: until then the preview may be the default rules'.
    QTRY_VERIFY(dialog->previewModel()
                    ->index(0, CleanupPreviewModel::Reason)
                    .data()
                    .toString()
                    .contains(u"Namespace matches lab"_s));

    for (const bool force : {false, true}) {
        dialog->setForceRequested(force);
        const QString csvPath = m_f->tempPath(u"why.csv"_s);
        QVERIFY(dialog->exportPreview(csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(csv.readAll().mid(3)).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        // The bytes of each size come last, so that Why and SWR content deleted keep their places.
        QVERIFY2(lines.at(0).endsWith(u",Why,SWR content deleted,Size (bytes)"_s), qPrintable(lines.at(0)));
        for (int i = 1; i < 4; ++i) {
            // SWR content goes only with force, and only for private images.
            const bool deleted = force && lines.at(i).contains(u",PRIVATE,"_s);
            const QString expected = deleted ? u"true"_s : u"false"_s;
            QVERIFY2(lines.at(i).contains(u"Failed to save · Namespace matches lab"_s),
                     qPrintable(lines.at(i)));
            QVERIFY2(lines.at(i).section(u',', -2, -2) == expected, qPrintable(lines.at(i)));
            // The size as reported (KB for this account) and in bytes.
            const QString reported = lines.at(i).section(u',', 4, 4);
            QCOMPARE(lines.at(i).section(u',', -1).toLongLong(), reported.toLongLong() * 1024);
        }

        const QString jsonPath = m_f->tempPath(u"why.json"_s);
        QVERIFY(dialog->exportPreview(jsonPath));
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject first = QJsonDocument::fromJson(json.readAll()).array().at(0).toObject();
        QCOMPARE(first.value(u"delete_swr_content"_s), QJsonValue(force));
        QVERIFY(first.value(u"reason"_s).toString().startsWith(u"Failed to save"_s));
    }
}

void TestCleanupDialog::previewColumnsFitTheirContent()
{
    CleanupDialog *dialog = openWithFailedInLab();
    QVERIFY(dialog);
    QTRY_COMPARE(dialog->previewModel()->rowCount(), 3);
    QTreeView *view = dialog->previewView();
    for (int column = 0; column < CleanupPreviewModel::Reason; ++column) {
        const QString title = view->model()->headerData(column, Qt::Horizontal).toString();
        QTRY_VERIFY2(view->columnWidth(column) >= view->header()->sectionSizeHint(column), qPrintable(title));
        QVERIFY2(view->columnWidth(column) >=
                     static_cast<const QAbstractItemView *>(view)->sizeHintForColumn(column),
                 qPrintable(title));
    }
}

void TestCleanupDialog::rulesAreRememberedPerAccount()
{
    CleanupRules rules;
    rules.notUpdatedForDays = 45;
    rules.keepNewestPerName = 5;
    rules.sizeAboveKb = 1536 * 1024; // 1.5 GB
    rules.namePattern = u"tmp-*"_s;
    rules.onlyOwn = false;
    {
        CleanupDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->setRules(rules);
        dialog->setForceRequested(true);
        QCOMPARE(dialog->rules(), rules);
        dialog->reject();
    }
    QTRY_VERIFY(!m_f->window().findChild<CleanupDialog *>());

    CleanupDialog *again = openDialog();
    QVERIFY(again);
    QCOMPARE(again->rules(), rules);
    QVERIFY(again->forceRequested());
    again->reject();

    // Another account starts from the first-run rules (failed images only).
    CleanupDialog other(m_f->window().tableModel(), &m_f->settings(), u"Another / account"_s);
    CleanupRules firstRun;
    firstRun.failedOnly = true;
    QCOMPARE(other.rules(), firstRun);
    QVERIFY(!other.forceRequested());
}

void TestCleanupDialog::previewFollowsTheTable()
{
    CleanupDialog *dialog = openWithFailedInLab();
    QVERIFY(dialog);
    QTRY_COMPARE(dialog->previewModel()->rowCount(), 3);
    // Someone deletes old-a elsewhere; a refresh of the window's table takes it out of the preview.
    QVERIFY(m_f->sandbox().server()->removeImage(m_oldA));
    m_f->window().refresh();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->previewModel()->rowCount(), 2, ToolsGuiFixture::TimeoutMs);
    QCOMPARE(dialog->countText(), u"2 matching images, 4.0 GB in total."_s);
}

void TestCleanupDialog::imagesInUseAreSpared()
{
    // A failed image a notebook still runs: the rules select it, the assistant never proposes it.
    const QString used = m_f->addImage({{u"name"_s, u"old-used"_s},
                                        {u"status"_s, u"ERROR"_s},
                                        {u"size"_s, ToolsGuiFixture::Gb},
                                        {u"in_use_by"_s, u"lab-notebook"_s}},
                                       100);
    m_f->window().refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_f->window().tableModel()->rowOfId(used) >= 0 &&
                                 !m_f->window().tableModel()->usage().isLoading(),
                             ToolsGuiFixture::TimeoutMs);
    m_f->tools().setDeletionConfirmer(
        [](const DeleteImagesDialog &) -> std::optional<bool> { return false; });
    CleanupDialog *dialog = openWithFailedInLab();
    QVERIFY(dialog);
    QTRY_COMPARE(dialog->previewModel()->rowCount(), 3);
    QVERIFY(rowOf(*dialog, u"old-used:latest"_s) < 0);
    QCOMPARE(dialog->sparedText(),
             u"1 matching image not proposed: in use by notebooks, training jobs or services."_s);
    QCOMPARE(dialog->countText(), u"3 matching images, 6.0 GB in total."_s);

    // Deleting what is proposed never touches it.
    dialog->deleteButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_f->isDeleted(m_oldA) && m_f->isDeleted(m_oldB) && m_f->isDeleted(m_oldC),
                             ToolsGuiFixture::TimeoutMs);
    QVERIFY(!m_f->isDeleted(used));
}

void TestCleanupDialog::imagesOfUnknownUsageAreSpared()
{
    // Notebooks cannot be listed: no image can be vouched for as unused.
    m_f->sandbox().setFaults(
        QJsonObject{{u"script"_s, QJsonArray{QJsonObject{{u"path_contains"_s, u"/notebooks"_s},
                                                         {u"fault"_s, u"404"_s},
                                                         {u"count"_s, 1000}}}}});
    m_f->window().refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!m_f->window().tableModel()->usage().isLoading(), ToolsGuiFixture::TimeoutMs);
    QVERIFY(!m_f->window().tableModel()->usage().usage().isKnown(UsageKind::Notebook));
    CleanupDialog *dialog = openWithFailedInLab();
    QVERIFY(dialog);
    QTRY_VERIFY(!dialog->sparedText().isEmpty());
    QCOMPARE(dialog->previewModel()->rowCount(), 0);
    QVERIFY2(dialog->sparedText().startsWith(
                 u"3 matching images not proposed: whether they are in use could not be checked."_s),
             qPrintable(dialog->sparedText()));
    QVERIFY(dialog->sparedText().contains(u"Notebooks could not be listed"_s));
    QVERIFY(!dialog->deleteButton()->isEnabled());
}

QTEST_MAIN(TestCleanupDialog)
#include "test_cleanup_dialog.moc"
