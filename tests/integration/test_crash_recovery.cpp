// Crash safety of bulk deletes: a child process running one (mim-delete-worker) is killed with SIGKILL
// midway; the journal it leaves is readable, holds the requests in flight as intents without outcomes, and
// the JournalReconciler resolves each against the server's state exactly once. The sandbox runs in this
// process, so it outlives the killed one.

#include "MainWindowFixture.h"
#include "models/accounts/Profile.h"
#include "models/api/ApiClient.h"
#include "models/deletion/Deletion.h"
#include "models/deletion/DeletionJournal.h"
#include "models/deletion/JournalReconciler.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"
#include "views/common/AppServices.h"
#include "views/main/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace mim;
using mim::test::SandboxFixture;
using Reconciled = ReconciliationResult::Outcome;

namespace {

constexpr int WaitMs = 30000;

// Own, private, unused, live images: a delete simply succeeds on them.
QList<QJsonObject> deletableImages(const QJsonObject &state, int count)
{
    QList<QJsonObject> picked;
    const QJsonArray all = state.value("images"_L1).toArray();
    for (const QJsonValue &value : all) {
        const QJsonObject object = value.toObject();
        const std::optional<Image> image = Image::fromJson(object);
        if (!image || object.value("deleted"_L1).toBool() || object.value("in_use"_L1).toBool() ||
            !object.value("in_use_by"_L1).toString().isEmpty() || image->isBuiltIn() || !image->isPrivate())
            continue;
        picked.append(image->toJson());
        if (picked.size() == count)
            break;
    }
    return picked;
}

std::optional<QList<ReconciliationResult>> reconcile(JournalReconciler &reconciler)
{
    QSignalSpy finished(&reconciler, &JournalReconciler::finished);
    reconciler.start();
    if (!finished.wait(WaitMs) || finished.count() != 1)
        return std::nullopt;
    return finished.at(0).at(0).value<QList<ReconciliationResult>>();
}

bool deletedOnServer(const SandboxFixture &sandbox, const QString &id)
{
    return sandbox.imageState(id).value("deleted"_L1).toBool();
}

} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedBulkDeleteIsReconciled();
    void unreachableServerKeepsTheEntry();
    void otherAccountsAreLeftAlone();
    void mainWindowReportsInterruptedDeletions();
    void largeJournalIsReadOffTheGuiThreadAndCompacted();
    void requestsOfThisRunAreLeftAlone();
};

void TestCrashRecovery::killedBulkDeleteIsReconciled()
{
    SandboxFixture sandbox(600, 51);
    QVERIFY(sandbox.start());
    // Slow answers keep requests in flight long enough to be cut off (the sandbox acts on a DELETE when it
    // arrives and answers later, like a server whose reply is lost).
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 150}});
    const QList<QJsonObject> images = deletableImages(sandbox.state(), 150);
    QCOMPARE(images.size(), 150);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString journalPath = dir.filePath(u"data/deletions.jsonl"_s);
    const QString requestsPath = dir.filePath(u"requests.json"_s);
    {
        QFile requests(requestsPath);
        QVERIFY(requests.open(QIODevice::WriteOnly));
        QJsonArray array;
        for (const QJsonObject &image : images)
            array.append(image);
        requests.write(QJsonDocument(array).toJson());
    }

    QProcess worker;
    worker.setProcessChannelMode(QProcess::SeparateChannels);
    worker.start(QStringLiteral(MIM_DELETE_WORKER),
                 {sandbox.baseUrl().toString(), journalPath, requestsPath});
    QVERIFY2(worker.waitForStarted(WaitMs), qPrintable(worker.errorString()));
    QByteArray output;
    const bool midway = QTest::qWaitFor(
        [&] {
            output += worker.readAllStandardOutput();
            return output.count("done ") >= 30 || worker.state() == QProcess::NotRunning;
        },
        WaitMs);
    QVERIFY(midway);
    QVERIFY2(worker.state() == QProcess::Running, worker.readAllStandardError().constData());
    worker.kill(); // SIGKILL: no handler, no flush, no destructor runs
    QVERIFY(worker.waitForFinished(WaitMs));
    QCOMPARE(worker.exitStatus(), QProcess::CrashExit);
    output += worker.readAllStandardOutput();
    QVERIFY(!output.contains("finished"));
    sandbox.setFaults(QJsonObject());

    // The journal is whole: every line reads, every outcome it holds is true, the cut-off requests are
    // intents without outcomes, and images it never reached have no line at all.
    DeletionJournal journal(journalPath);
    QStringList skipped;
    const QList<QJsonObject> lines = journal.readAll(&skipped);
    QVERIFY2(skipped.isEmpty(), qPrintable(skipped.join(u'\n')));
    QSet<QString> journalled;
    for (const QJsonObject &line : lines) {
        if (line.value("phase"_L1).toString() == "intent"_L1) {
            journalled.insert(line.value("image"_L1).toObject().value("id"_L1).toString());
        } else if (line.value("outcome"_L1).toString() == "deleted"_L1) {
            QVERIFY(deletedOnServer(sandbox, line.value("image_id"_L1).toString()));
        }
    }
    const QList<QJsonObject> unfinished = journal.unfinishedIntents();
    QVERIFY(!unfinished.isEmpty());
    QVERIFY(unfinished.size() <= 4); // the worker's concurrency
    QVERIFY(journalled.size() < images.size());
    for (const QJsonObject &image : images) {
        const QString id = image.value("id"_L1).toString();
        if (!journalled.contains(id))
            QVERIFY2(!deletedOnServer(sandbox, id), qPrintable(u"deleted without an intent: "_s + id));
    }

    // The next start asks the server about each unfinished one and says what happened to it.
    QNetworkAccessManager network;
    ApiClient client(&network, sandbox.akskSettings());
    JournalReconciler reconciler(&journal, &client);
    reconciler.setAccountContext(u"sandbox"_s, sandbox.akskSettings().regionId,
                                 sandbox.akskSettings().projectId);
    QCOMPARE(reconciler.pendingIntents().size(), unfinished.size());
    const auto results = reconcile(reconciler);
    QVERIFY(results);
    QCOMPARE(results->size(), unfinished.size());
    for (const ReconciliationResult &result : *results) {
        QVERIFY(!result.imageName.isEmpty());
        QVERIFY(!result.description().isEmpty());
        QVERIFY2(result.description().contains(result.imageId), qPrintable(result.description()));
        const Reconciled expected =
            deletedOnServer(sandbox, result.imageId) ? Reconciled::WasDeleted : Reconciled::WasNotDeleted;
        QVERIFY2(result.outcome == expected, qPrintable(result.imageId + u": "_s + result.description()));
    }

    // Reported once: the journal now has an outcome for each, still reads cleanly, and a second start is
    // quiet.
    QVERIFY(journal.unfinishedIntents().isEmpty());
    skipped.clear();
    journal.readAll(&skipped);
    QVERIFY(skipped.isEmpty());
    JournalReconciler again(&journal, &client);
    again.setAccountContext(u"sandbox"_s, sandbox.akskSettings().regionId, sandbox.akskSettings().projectId);
    const auto secondRun = reconcile(again);
    QVERIFY(secondRun);
    QVERIFY(secondRun->isEmpty());
}

void TestCrashRecovery::unreachableServerKeepsTheEntry()
{
    SandboxFixture sandbox(100, 52);
    QVERIFY(sandbox.start());
    const QList<QJsonObject> images = deletableImages(sandbox.state(), 3);
    QCOMPARE(images.size(), 3);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DeletionJournal journal(dir.filePath(u"deletions.jsonl"_s));
    const ConnectionSettings settings = sandbox.akskSettings();
    // Intents as a killed run leaves them: one image really deleted, one deleted by someone else in the
    // meantime, one whose request never left. That run had its own journal object.
    DeletionJournal killedRun(journal.filePath());
    QStringList ids;
    for (const QJsonObject &json : images) {
        const std::optional<Image> image = Image::fromJson(json);
        QVERIFY(image);
        ids.append(image->id);
        QVERIFY(!killedRun
                     .recordIntent(DeletionRequest{*image, true}, u"sandbox"_s, settings.regionId,
                                   settings.projectId, QDateTime::currentDateTimeUtc())
                     .isEmpty());
    }
    QVERIFY(sandbox.server()->removeImage(ids.at(0)));
    QVERIFY(sandbox.server()->removeImage(ids.at(1)));

    // The server cannot be reached: nothing is decided, nothing is written, all three stay.
    ConnectionSettings failing = settings;
    failing.retry.maxAttempts = 1;
    QNetworkAccessManager network;
    {
        ApiClient client(&network, failing);
        sandbox.setFaults(QJsonObject{{u"rate"_s, 1.0}, {u"kinds"_s, QJsonArray{u"reset"_s}}});
        JournalReconciler reconciler(&journal, &client);
        reconciler.setAccountContext(u"sandbox"_s, settings.regionId, settings.projectId);
        const auto results = reconcile(reconciler);
        QVERIFY(results);
        QCOMPARE(results->size(), 3);
        for (const ReconciliationResult &result : *results) {
            QVERIFY(result.outcome == Reconciled::Unknown);
            QVERIFY(result.error.isError());
            QVERIFY2(result.description().contains(u"next start"_s), qPrintable(result.description()));
        }
        QCOMPARE(journal.unfinishedIntents().size(), 3);
    }

    // Next start, server back: each one resolved.
    sandbox.setFaults(QJsonObject());
    ApiClient client(&network, settings);
    JournalReconciler reconciler(&journal, &client);
    reconciler.setAccountContext(u"sandbox"_s, settings.regionId, settings.projectId);
    const auto results = reconcile(reconciler);
    QVERIFY(results);
    QCOMPARE(results->size(), 3);
    QHash<QString, Reconciled> byId;
    for (const ReconciliationResult &result : *results)
        byId.insert(result.imageId, result.outcome);
    QVERIFY(byId.value(ids.at(0)) == Reconciled::WasDeleted);
    QVERIFY(byId.value(ids.at(1)) == Reconciled::WasDeleted);
    QVERIFY(byId.value(ids.at(2)) == Reconciled::WasNotDeleted);
    QVERIFY(journal.unfinishedIntents().isEmpty());
    // The reconciler only asks; it never deletes.
    QVERIFY(!deletedOnServer(sandbox, ids.at(2)));
}

void TestCrashRecovery::otherAccountsAreLeftAlone()
{
    SandboxFixture sandbox(50, 53);
    QVERIFY(sandbox.start());
    const QList<QJsonObject> images = deletableImages(sandbox.state(), 1);
    QCOMPARE(images.size(), 1);
    const std::optional<Image> image = Image::fromJson(images.first());
    QVERIFY(image);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DeletionJournal journal(dir.filePath(u"deletions.jsonl"_s));
    const ConnectionSettings settings = sandbox.akskSettings();
    QVERIFY(!journal
                 .recordIntent(DeletionRequest{*image, false}, u"other profile"_s, settings.regionId,
                               settings.projectId, QDateTime::currentDateTimeUtc())
                 .isEmpty());

    QNetworkAccessManager network;
    ApiClient client(&network, settings);
    JournalReconciler reconciler(&journal, &client);
    reconciler.setAccountContext(u"sandbox"_s, settings.regionId, settings.projectId);
    const auto results = reconcile(reconciler);
    QVERIFY(results);
    QVERIFY(results->isEmpty());
    QCOMPARE(journal.unfinishedIntents().size(), 1);
}

void TestCrashRecovery::mainWindowReportsInterruptedDeletions()
{
    SandboxFixture sandbox(100, 54);
    QVERIFY(sandbox.start());
    const QList<QJsonObject> images = deletableImages(sandbox.state(), 2);
    QCOMPARE(images.size(), 2);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString journalPath = dir.filePath(u"journal/deletions.jsonl"_s);
    const ConnectionSettings settings = sandbox.akskSettings();
    {
        DeletionJournal journal(journalPath);
        for (const QJsonObject &json : images) {
            const std::optional<Image> image = Image::fromJson(json);
            QVERIFY(image);
            QVERIFY(!journal
                         .recordIntent(DeletionRequest{*image, false}, u"Sandbox"_s, settings.regionId,
                                       settings.projectId, QDateTime::currentDateTimeUtc())
                         .isEmpty());
        }
    }
    const std::optional<Image> gone = Image::fromJson(images.at(0));
    const std::optional<Image> kept = Image::fromJson(images.at(1));
    QVERIFY(sandbox.server()->removeImage(gone->id));

    test::MainWindowFixture fixture(u"mim-crash-recovery-test"_s);
    QVERIFY(fixture.isValid());
    AppServices services = fixture.services();
    services.journalPath = journalPath;
    MainWindow &window = fixture.openWindow(services);
    window.connectTo(u"Sandbox"_s, settings);

    const auto findNotice = [] {
        const QWidgetList widgets = QApplication::topLevelWidgets();
        for (QWidget *widget : widgets) {
            if (widget->objectName() == u"InterruptedDeletionsNotice"_s && widget->isVisible())
                return qobject_cast<QMessageBox *>(widget);
        }
        return static_cast<QMessageBox *>(nullptr);
    };
    QTRY_VERIFY_WITH_TIMEOUT(findNotice() != nullptr, WaitMs);
    QMessageBox *notice = findNotice();
    QVERIFY(!notice->isModal());
    const QString text = notice->informativeText();
    QVERIFY2(text.contains(gone->id + u") was deleted"_s), qPrintable(text));
    QVERIFY2(text.contains(kept->id + u") was not deleted"_s), qPrintable(text));
    notice->close();
    QVERIFY(DeletionJournal(journalPath).unfinishedIntents().isEmpty());
}

// 100,000 finished deletions before one cut short: start() returns at once, the GUI thread keeps running
// while the journal is read and compacted, and the cut-short one is still found and resolved.
void TestCrashRecovery::largeJournalIsReadOffTheGuiThreadAndCompacted()
{
    SandboxFixture sandbox(50, 55);
    QVERIFY(sandbox.start());
    const QList<QJsonObject> images = deletableImages(sandbox.state(), 1);
    QCOMPARE(images.size(), 1);
    const std::optional<Image> image = Image::fromJson(images.first());
    QVERIFY(image);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString journalPath = dir.filePath(u"deletions.jsonl"_s);
    const ConnectionSettings settings = sandbox.akskSettings();
    constexpr int Finished = 100'000;
    {
        QFile file(journalPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QJsonObject intent{{u"v"_s, 1},
                           {u"phase"_s, u"intent"_s},
                           {u"time"_s, u"2024-03-05T10:20:30.456Z"_s},
                           {u"profile"_s, u"sandbox"_s},
                           {u"region"_s, settings.regionId},
                           {u"project"_s, settings.projectId},
                           {u"image"_s, image->toJson()},
                           {u"force"_s, false}};
        QJsonObject outcome{{u"v"_s, 1},
                            {u"phase"_s, u"outcome"_s},
                            {u"time"_s, u"2024-03-05T10:20:31.000Z"_s},
                            {u"image_id"_s, image->id},
                            {u"outcome"_s, u"already_gone"_s},
                            {u"http_status"_s, 404}};
        for (int i = 0; i < Finished; ++i) {
            const QString entry = QUuid::createUuid().toString(QUuid::WithoutBraces);
            intent.insert(u"entry"_s, entry);
            outcome.insert(u"entry"_s, entry);
            file.write(QJsonDocument(intent).toJson(QJsonDocument::Compact) + '\n');
            file.write(QJsonDocument(outcome).toJson(QJsonDocument::Compact) + '\n');
        }
        intent.insert(u"entry"_s, u"cut-short"_s);
        file.write(QJsonDocument(intent).toJson(QJsonDocument::Compact) + '\n');
    }
    const qint64 sizeBefore = QFileInfo(journalPath).size();
    QVERIFY(sizeBefore > DeletionJournal::DefaultCompactionThreshold);
    QVERIFY(sandbox.server()->removeImage(image->id));

    DeletionJournal journal(journalPath);
    QNetworkAccessManager network;
    ApiClient client(&network, settings);
    JournalReconciler reconciler(&journal, &client);
    reconciler.setAccountContext(u"sandbox"_s, settings.regionId, settings.projectId);
    QSignalSpy finished(&reconciler, &JournalReconciler::finished);

    // A timer on the GUI thread measures the longest time the event loop could not run.
    QElapsedTimer sinceTick;
    qint64 longestStallMs = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this,
            [&] { longestStallMs = std::max(longestStallMs, sinceTick.restart()); });
    QElapsedTimer timer;
    timer.start();
    reconciler.start();
    const qint64 startMs = timer.elapsed();
    sinceTick.start();
    ticker.start();
    QVERIFY(finished.wait(WaitMs));
    ticker.stop();
    qInfo("journal of %d finished deletions (%lld MB): start() took %lld ms, finished after %lld ms, "
          "longest GUI stall %lld ms",
          Finished, sizeBefore / (1024 * 1024), startMs, timer.elapsed(), longestStallMs);
    QVERIFY2(startMs < 100, qPrintable(u"start() blocked for %1 ms"_s.arg(startMs)));
    QVERIFY2(longestStallMs < 400, qPrintable(u"the GUI thread stalled for %1 ms"_s.arg(longestStallMs)));

    const auto results = finished.at(0).at(0).value<QList<ReconciliationResult>>();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.at(0).entryId, u"cut-short"_s);
    QVERIFY(results.at(0).outcome == Reconciled::WasDeleted);

    // The finished history moved to an archive; the journal is small again and reads cleanly.
    QVERIFY(QFileInfo(journalPath).size() < 4096);
    const QStringList archives = journal.archivePaths();
    QCOMPARE(archives.size(), 1);
    QVERIFY(QFileInfo(archives.constFirst()).size() >= sizeBefore - 4096);
    QStringList skipped;
    const QList<QJsonObject> left = journal.readAll(&skipped);
    QVERIFY(skipped.isEmpty());
    QCOMPARE(left.size(), 2); // the cut-short intent and its reconciled outcome
    QVERIFY(journal.unfinishedIntents().isEmpty());
}

// An account opened again while its deletions are running (a second reconciliation after the project id
// is discovered, for one) must not take this run's requests in flight for ones cut short by a crash.
void TestCrashRecovery::requestsOfThisRunAreLeftAlone()
{
    SandboxFixture sandbox(50, 56);
    QVERIFY(sandbox.start());
    const QList<QJsonObject> images = deletableImages(sandbox.state(), 2);
    QCOMPARE(images.size(), 2);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString journalPath = dir.filePath(u"deletions.jsonl"_s);
    const ConnectionSettings settings = sandbox.akskSettings();
    const std::optional<Image> earlier = Image::fromJson(images.at(0));
    const std::optional<Image> inFlight = Image::fromJson(images.at(1));
    QVERIFY(earlier && inFlight);
    QVERIFY(!DeletionJournal(journalPath)
                 .recordIntent(DeletionRequest{*earlier, false}, u"sandbox"_s, settings.regionId,
                               settings.projectId, QDateTime::currentDateTimeUtc())
                 .isEmpty());
    DeletionJournal journal(journalPath);
    const QString running =
        journal.recordIntent(DeletionRequest{*inFlight, false}, u"sandbox"_s, settings.regionId,
                             settings.projectId, QDateTime::currentDateTimeUtc());
    QVERIFY(!running.isEmpty());

    QNetworkAccessManager network;
    ApiClient client(&network, settings);
    JournalReconciler reconciler(&journal, &client);
    reconciler.setAccountContext(u"sandbox"_s, settings.regionId, settings.projectId);
    const auto results = reconcile(reconciler);
    QVERIFY(results);
    QCOMPARE(results->size(), 1);
    QCOMPARE(results->at(0).imageId, earlier->id);
    QCOMPARE(journal.unfinishedIntents().size(), 1);
    QCOMPARE(journal.unfinishedIntents().at(0).value("entry"_L1).toString(), running);
}

QTEST_MAIN(TestCrashRecovery)
#include "test_crash_recovery.moc"
