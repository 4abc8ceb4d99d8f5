// The delete confirmation and the deletion results as the user reads them: what is counted, how images are
// named, how results are laid out. The dialogs alone, offscreen, without a server.

#include "Localization.h"
#include "models/api/Usage.h"
#include "models/catalog/UsageSummary.h"
#include "views/deletion/DeleteImagesDialog.h"
#include "views/deletion/DeletionSummaryDialog.h"

#include <QCheckBox>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace mim;
using Outcome = DeletionResult::Outcome;

namespace {

Image image(const QString &id, const QString &name, const QString &tag, const QString &nameSpace = {})
{
    Image result;
    result.id = id;
    result.name = name;
    result.tag = tag;
    result.nameSpace = nameSpace;
    result.type = u"DEDICATED"_s;
    result.visibility = u"PRIVATE"_s;
    result.status = u"ACTIVE"_s;
    result.sizeKb = 1024 * 1024;
    result.workspaceId = u"0"_s;
    return result;
}

// Usage in which a notebook runs each of `inUse`, every listing answered.
UsageSummary usageWith(const QList<Image> &inUse)
{
    ImageUsage usage;
    QList<ImageUser> users;
    for (const Image &used : inUse)
        users.append(ImageUser{UsageKind::Notebook,
                               u"nb-"_s + used.id,
                               u"dev-"_s + used.name,
                               u"RUNNING"_s,
                               {ImageReference{used.id, {}}}});
    usage.addUsers(users);
    return UsageSummary(usage, false);
}

} // namespace

class TestDeletionDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(installTranslations(QCoreApplication::instance(),
                                    QLocale(QLocale::English, QLocale::UnitedStates))
                    .endsWith(u"_en.qm"_s));
    }

    void headlineCountsWhatIsDeletedWhenEverythingIsInUse()
    {
        const QList<Image> selected{image(u"a1"_s, u"ray-worker"_s, u"v1"_s),
                                    image(u"a2"_s, u"ray-head"_s, u"v1"_s)};
        DeleteImagesDialog dialog(selected, 0, SizeUnit::Inference{});
        dialog.setUsage(usageWith(selected));
        QCOMPARE(dialog.images().size(), 0);
        QCOMPARE(dialog.deleteButton()->text(), u"Delete 0 Images"_s);
        QVERIFY(!dialog.deleteButton()->isEnabled());
        // The headline must not ask about two images while the button deletes none.
        QVERIFY2(!dialog.headline().contains(u"Delete 2"_s), qPrintable(dialog.headline()));
        QCOMPARE(dialog.headline(),
                 u"All 2 selected images are in use: none is deleted unless you include them."_s);
        QVERIFY(dialog.appliesToText().isEmpty());

        dialog.includeInUseCheckBox()->setChecked(true);
        QCOMPARE(dialog.headline(), u"Delete 2 images?"_s);
        QCOMPARE(dialog.deleteButton()->text(), u"Delete 2 Images"_s);
        QVERIFY(dialog.messageText().contains(u"2.0 GB in total"_s));
        QCOMPARE(dialog.appliesToText(), u"Applies to all 2 selected images (all are private)."_s);
    }

    void headlineCountsWhatIsDeletedWhenSomeAreInUse()
    {
        QList<Image> selected;
        for (int i = 0; i < 3; ++i)
            selected.append(image(u"b%1"_s.arg(i), u"img-%1"_s.arg(i), u"v1"_s));
        DeleteImagesDialog dialog(selected, 0, SizeUnit::Inference{});
        dialog.setUsage(usageWith({selected.first()}));
        QCOMPARE(dialog.headline(), u"Delete 2 images?"_s);
        QVERIFY2(dialog.messageText().contains(u"2.0 GB in total"_s), qPrintable(dialog.messageText()));
        QCOMPARE(dialog.appliesToText(), u"Applies to all 2 selected images (all are private)."_s);
    }

    void imagesAreNamedWithTheirNamespaceAndWorkspace()
    {
        // The same name:tag in two organizations, and once more outside the default workspace.
        Image teamA = image(u"c1"_s, u"ray-worker"_s, u"v1.0.24"_s, u"team-a"_s);
        Image teamB = image(u"c2"_s, u"ray-worker"_s, u"v1.0.24"_s, u"team-b"_s);
        Image research = image(u"c3"_s, u"ray-worker"_s, u"v1.0.24"_s, u"team-a"_s);
        research.workspaceId = u"8a2f0c1d4e5b6a7f8091a2b3c4d5e6f7"_s;
        const auto workspaceText = [](const QString &id) {
            return id == u"8a2f0c1d4e5b6a7f8091a2b3c4d5e6f7"_s ? u"research"_s : id;
        };

        DeleteImagesDialog several({teamA, teamB, research}, 0, SizeUnit::Inference{});
        several.setWorkspaceText(workspaceText);
        QStringList lines = several.messageText().split(u'\n').mid(1);
        QCOMPARE(lines, QStringList({u"team-a/ray-worker:v1.0.24"_s, u"team-b/ray-worker:v1.0.24"_s,
                                     u"team-a/ray-worker:v1.0.24 (workspace research)"_s}));

        DeleteImagesDialog one({teamB}, 0, SizeUnit::Inference{});
        QCOMPARE(one.headline(), u"Delete the image “team-b/ray-worker:v1.0.24”?"_s);

        // Images in use are named the same way.
        DeleteImagesDialog inUse({teamA, teamB}, 0, SizeUnit::Inference{});
        inUse.setUsage(usageWith({teamB}));
        QVERIFY2(inUse.inUseText().contains(u"team-b/ray-worker:v1.0.24 — used by notebook dev-ray-worker"_s),
                 qPrintable(inUse.inUseText()));
        QCOMPARE(inUse.headline(), u"Delete the image “team-a/ray-worker:v1.0.24”?"_s);

        // And so are the results.
        DeletionSummary summary;
        summary.results.append(DeletionResult{teamA, false, DeletionResult::Outcome::Deleted, {}, {}, {}});
        DeletionResult failed{teamB, false, DeletionResult::Outcome::Failed, {}, {}, {}};
        failed.error = ApiError::make(ErrorKind::Server, u"503"_s);
        summary.results.append(failed);
        DeletionResult failedInResearch = failed;
        failedInResearch.image = research;
        summary.results.append(failedInResearch);
        DeletionSummaryDialog results(summary, nullptr, nullptr, workspaceText);
        lines = results.problemLines();
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(u"team-b/ray-worker:v1.0.24: "_s), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(u"team-a/ray-worker:v1.0.24 (workspace research): "_s),
                 qPrintable(lines.at(1)));
    }

    void resultsAreGroupedByReasonWrappedAndSizedToTheirContent()
    {
        QSettings settings(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        DeletionSummary summary;
        summary.results.append(DeletionResult{
            image(u"d0"_s, u"kept"_s, u"v1"_s, u"team-a"_s), false, Outcome::Deleted, {}, {}, {}});
        for (int i = 0; i < 39; ++i) {
            DeletionResult result{image(u"u%1"_s.arg(i), u"model-%1"_s.arg(i), u"v1"_s, u"team-a"_s),
                                  false,
                                  Outcome::Failed,
                                  ApiError::fromHttpResponse(503, {}, "req-503"),
                                  {},
                                  {}};
            summary.results.append(result);
        }
        const QString notebook = u"notebook llm-finetune-experiment-with-a-long-name-0042 (Running)"_s;
        for (int i = 0; i < 2; ++i) {
            DeletionResult result{
                image(u"n%1"_s.arg(i), u"busy-%1"_s.arg(i), u"v1"_s, u"team-b"_s),
                false,
                Outcome::Failed,
                ApiError::fromHttpResponse(
                    400,
                    R"({"error_code":"ModelArts.6357","error_msg":"The image is in use by )" +
                        notebook.toUtf8() + R"( and cannot be deleted now."})",
                    "req-400"),
                {},
                {}};
            summary.results.append(result);
        }
        summary.results.append(DeletionResult{
            image(u"g0"_s, u"gone"_s, u"v1"_s, u"team-a"_s), false, Outcome::AlreadyGone, {}, {}, {}});

        auto *dialog = new DeletionSummaryDialog(summary, &settings);
        QPointer<DeletionSummaryDialog> guard(dialog);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTreeWidget *list = dialog->problemList();

        // One heading per reason, failures first, the most common first.
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(list->topLevelItem(0)->text(0), u"39 failed"_s);
        QCOMPARE(list->topLevelItem(0)->childCount(), 39);
        QCOMPARE(list->topLevelItem(1)->text(0), u"2 failed"_s);
        QVERIFY2(list->topLevelItem(1)->text(1).contains(u"in use"_s),
                 qPrintable(list->topLevelItem(1)->text(1)));
        QCOMPARE(list->topLevelItem(2)->text(0), u"1 already gone"_s);
        QCOMPARE(dialog->problemLines().size(), 42);

        // The notebook that blocks the delete is in the row, wrapped to the column, not only in a tooltip.
        QTreeWidgetItem *busy = list->topLevelItem(1)->child(0);
        QVERIFY2(busy->text(1).contains(notebook), qPrintable(busy->text(1)));
        list->scrollToItem(busy);
        const QRect busyRect = list->visualItemRect(busy);
        const QFontMetrics metrics(list->font());
        const int needed =
            metrics
                .boundingRect(QRect(0, 0, list->columnWidth(1) - 8, 1 << 20), Qt::TextWordWrap, busy->text(1))
                .height();
        QVERIFY2(needed > metrics.lineSpacing() * 2, "the reason is long enough to need wrapping");
        QVERIFY2(busyRect.height() >= needed,
                 qPrintable(u"row %1 px, text %2 px"_s.arg(busyRect.height()).arg(needed)));

        // Sized to its content within the screen: more than a row or two, never past the screen.
        const QRect available = dialog->screen()->availableGeometry();
        QVERIFY2(dialog->height() > 400, qPrintable(QString::number(dialog->height())));
        QVERIFY(dialog->width() > 600);
        QVERIFY(dialog->frameGeometry().width() <= available.width());
        QVERIFY(dialog->frameGeometry().height() <= available.height());

        // Retry per reason sends that reason's failures again.
        QCOMPARE(dialog->groupRetryButtons().size(), 2);
        QList<QList<DeletionRequest>> retried;
        connect(dialog, &DeletionSummaryDialog::retryRequested, this,
                [&retried](const QList<DeletionRequest> &requests) { retried.append(requests); });
        dialog->resize(700, 500);
        QTest::mouseClick(dialog->groupRetryButtons().constFirst(), Qt::LeftButton);
        QCOMPARE(retried.size(), 1);
        const QList<DeletionRequest> &requests = retried.constFirst();
        QCOMPARE(requests.size(), 39);
        QVERIFY(requests.constFirst().image.id.startsWith(u'u'));
        QTRY_VERIFY(guard.isNull());

        // Resizable, and opened again at the size it was left at.
        auto *again = new DeletionSummaryDialog(summary, &settings);
        again->show();
        QVERIFY(QTest::qWaitForWindowExposed(again));
        QCOMPARE(again->size(), QSize(700, 500));
        again->close();
    }

    void swrContentNamesExactlyWhichImagesLoseIt()
    {
        QList<Image> selected;
        for (int i = 0; i < 12; ++i) {
            Image one = image(u"s%1"_s.arg(i), u"img-%1"_s.arg(i), u"v1"_s, u"team-a"_s);
            if (i >= 10)
                one.visibility = u"PUBLIC"_s;
            selected.append(one);
        }
        DeleteImagesDialog dialog(selected, 0, SizeUnit::Inference{});
        QCOMPARE(dialog.deleteButton()->text(), u"Delete 12 Images"_s);
        dialog.forceCheckBox()->setChecked(true);
        // Not "and SWR Content" for all twelve: the two public ones keep theirs.
        QCOMPARE(dialog.deleteButton()->text(), u"Delete 12 Images (SWR Content of 10)"_s);
        QCOMPARE(dialog.appliesToText(),
                 u"Applies to 10 of the 12 selected images (the private ones); public images keep their SWR "
                 "content."_s);
        QCOMPARE(dialog.swrContentKeptText(),
                 u"SWR content kept (public): team-a/img-10:v1, team-a/img-11:v1"_s);
        const QList<DeletionRequest> requests = dialog.requests(true);
        QCOMPARE(
            std::count_if(requests.begin(), requests.end(), [](const DeletionRequest &r) { return r.force; }),
            10);

        // All private: the content of every one goes, and nothing is kept.
        DeleteImagesDialog allPrivate(selected.mid(0, 10), 0, SizeUnit::Inference{});
        allPrivate.forceCheckBox()->setChecked(true);
        QCOMPARE(allPrivate.deleteButton()->text(), u"Delete 10 Images and SWR Content"_s);
        QVERIFY(allPrivate.swrContentKeptText().isEmpty());
    }

    void bigDeletionsTakeADeliberateStep()
    {
        QList<Image> selected;
        for (int i = 0; i < 51; ++i) {
            Image one = image(u"m%1"_s.arg(i), u"img-%1"_s.arg(i), u"v1"_s, u"team-a"_s);
            one.sizeKb = 1024; // 1 MB: the count alone decides
            selected.append(one);
        }
        selected[3].status = u"CREATING"_s;
        selected[7].status = u"INIT"_s;

        // 50 images: one click, as for one.
        DeleteImagesDialog fifty(selected.mid(0, 50), 0, SizeUnit::Inference{});
        QVERIFY(fifty.deliberateStepCheckBox()->isHidden());
        QVERIFY(fifty.deleteButton()->isEnabled());

        // 51: the button waits for the tick that names the count.
        DeleteImagesDialog fiftyOne(selected, 0, SizeUnit::Inference{});
        QVERIFY(!fiftyOne.deliberateStepCheckBox()->isHidden());
        QCOMPARE(fiftyOne.deliberateStepCheckBox()->text(),
                 u"I understand this deletes 51 images (51.0 MB)"_s);
        QVERIFY(!fiftyOne.deleteButton()->isEnabled());
        fiftyOne.deliberateStepCheckBox()->setChecked(true);
        QVERIFY(fiftyOne.deleteButton()->isEnabled());
        // Images still being created are mentioned.
        QCOMPARE(fiftyOne.stillBeingCreatedText(),
                 u"2 of these images are still being created (status INIT or CREATING)."_s);
        QVERIFY(fifty.stillBeingCreatedText().contains(u"2 of these images"_s));

        // A different number of images needs the step again: including images in use changes the count.
        DeleteImagesDialog withInUse(selected, 0, SizeUnit::Inference{});
        withInUse.setUsage(usageWith({selected.first()}));
        QCOMPARE(withInUse.images().size(), 50);
        QVERIFY(withInUse.deleteButton()->isEnabled());
        withInUse.includeInUseCheckBox()->setChecked(true);
        QVERIFY(!withInUse.deleteButton()->isEnabled());
        withInUse.deliberateStepCheckBox()->setChecked(true);
        QVERIFY(withInUse.deleteButton()->isEnabled());

        // Few images, but more than 100 GB in all.
        QList<Image> big{image(u"g1"_s, u"big"_s, u"v1"_s), image(u"g2"_s, u"big"_s, u"v2"_s)};
        big[0].sizeKb = 60LL * 1024 * 1024;
        big[1].sizeKb = 41LL * 1024 * 1024;
        DeleteImagesDialog large(big, 0, SizeUnit::Inference{});
        QVERIFY(!large.deliberateStepCheckBox()->isHidden());
        QVERIFY(!large.deleteButton()->isEnabled());
        QVERIFY(large.stillBeingCreatedText().isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestDeletionDialogs)
#include "test_deletion_dialogs.moc"
