// DeletionQueue against the in-process sandbox: every result matches what the server did, nothing outside
// the selection is touched, the journal pairs every sent request with its outcome, cancel and the
// concurrency bound hold.

#include "ErrorKindPrinting.h"
#include "models/api/ApiClient.h"
#include "models/deletion/DeletionJournal.h"
#include "models/deletion/DeletionQueue.h"
#include "models/deletion/JournalReconciler.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"

#include <memory>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;
using mim::test::SandboxFixture;
using Outcome = DeletionResult::Outcome;

namespace {

struct ServerImage
{
    Image image;
    bool deleted = false;
    bool swrContentDeleted = false;
    QString inUseBy;
};

QHash<QString, ServerImage> serverImages(const QJsonObject &state)
{
    QHash<QString, ServerImage> images;
    const QJsonArray all = state.value("images"_L1).toArray();
    for (const QJsonValue &value : all) {
        const QJsonObject object = value.toObject();
        const std::optional<Image> image = Image::fromJson(object);
        if (!image)
            continue;
        images.insert(image->id, ServerImage{*image, object.value("deleted"_L1).toBool(),
                                             object.value("swr_content_deleted"_L1).toBool(),
                                             object.value("in_use_by"_L1).toString()});
    }
    return images;
}

// Counts requests in flight as the queue reports them, and the highest count seen.
struct InFlightProbe
{
    explicit InFlightProbe(DeletionQueue &queue)
    {
        QObject::connect(&queue, &DeletionQueue::itemStarted, &queue, [this] {
            ++current;
            maximum = qMax(maximum, current);
        });
        QObject::connect(&queue, &DeletionQueue::itemFinished, &queue, [this](const DeletionResult &result) {
            // Items that never started (cancelled, refused) were never in flight.
            if (startedIds.contains(result.image.id))
                --current;
        });
        QObject::connect(&queue, &DeletionQueue::itemStarted, &queue,
                         [this](const QString &id) { startedIds.insert(id); });
    }
    int current = 0;
    int maximum = 0;
    QSet<QString> startedIds;
};

// Everything a deletion run needs, wired to one sandbox.
struct Harness
{
    explicit Harness(SandboxFixture &sandbox, const QString &journalPath)
        : client(&network, sandbox.akskSettings())
        , journal(journalPath)
        , queue(&journal)
    {
        queue.setClient(&client);
        queue.setAccountContext(u"sandbox"_s, sandbox.akskSettings().regionId,
                                sandbox.akskSettings().projectId);
    }

    // Runs until finished() and returns its summary.
    std::optional<DeletionSummary> run(const QList<DeletionRequest> &requests, int timeoutMs = 60000)
    {
        QSignalSpy finished(&queue, &DeletionQueue::finished);
        queue.enqueue(requests);
        if (!finished.wait(timeoutMs) || finished.count() != 1)
            return std::nullopt;
        return finished.at(0).at(0).value<DeletionSummary>();
    }

    QNetworkAccessManager network;
    ApiClient client;
    DeletionJournal journal;
    DeletionQueue queue;
};

QHash<QString, DeletionResult> byId(const DeletionSummary &summary)
{
    QHash<QString, DeletionResult> results;
    for (const DeletionResult &result : summary.results)
        results.insert(result.image.id, result);
    return results;
}

QList<DeletionRequest> requestsFor(const QHash<QString, ServerImage> &images, const QStringList &ids,
                                   bool force)
{
    QList<DeletionRequest> requests;
    for (const QString &id : ids)
        requests.append(DeletionRequest{images.value(id).image, force});
    return requests;
}

// Private, own, active, unused images: the ones a delete simply succeeds on.
QStringList deletableIds(const QHash<QString, ServerImage> &images, int count)
{
    QStringList ids;
    for (auto it = images.cbegin(); it != images.cend(); ++it) {
        const ServerImage &s = it.value();
        if (!s.deleted && s.inUseBy.isEmpty() && !s.image.isBuiltIn() && s.image.isPrivate())
            ids.append(it.key());
    }
    ids.sort();
    return ids.mid(0, count);
}

} // namespace

class TestDeletionQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bulkDeleteMatchesServer()
    {
        SandboxFixture sandbox(1000, 21);
        QVERIFY(sandbox.start());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Harness h(sandbox, dir.filePath(u"journal/deletions.jsonl"_s));
        QCOMPARE(h.queue.maxConcurrent(), 8);

        // A realistic selection of 200: private (with and without force), public, in use, built-in and
        // some that someone else deletes before the run.
        QHash<QString, ServerImage> before = serverImages(sandbox.state());
        QStringList ids = before.keys();
        ids.sort();
        QStringList privateForce, privateNoForce, publicIds, inUse, builtIn, alreadyGone;
        for (const QString &id : std::as_const(ids)) {
            const ServerImage &s = before.value(id);
            if (s.deleted)
                continue;
            if (s.image.isBuiltIn()) {
                if (builtIn.size() < 20)
                    builtIn.append(id);
            } else if (!s.inUseBy.isEmpty()) {
                if (inUse.size() < 20)
                    inUse.append(id);
            } else if (!s.image.isPrivate()) {
                if (publicIds.size() < 30)
                    publicIds.append(id);
            } else if (privateForce.size() < 100) {
                privateForce.append(id);
            } else if (privateNoForce.size() < 15) {
                privateNoForce.append(id);
            } else if (alreadyGone.size() < 15) {
                alreadyGone.append(id);
            } else if (inUse.size() < 20) {
                // Not enough images in use in this data set: a notebook starts using one.
                QVERIFY(sandbox.server()->patchImage(id, {{u"in_use_by"_s, u"notebook-test"_s}}));
                inUse.append(id);
            }
        }
        QCOMPARE(builtIn.size(), 20);
        QCOMPARE(inUse.size(), 20);
        QCOMPARE(publicIds.size(), 30);
        QCOMPARE(privateForce.size(), 100);
        QCOMPARE(privateNoForce.size(), 15);
        QCOMPARE(alreadyGone.size(), 15);
        before = serverImages(sandbox.state());

        QList<DeletionRequest> requests;
        requests += requestsFor(before, privateForce, true);
        requests += requestsFor(before, privateNoForce, false);
        requests += requestsFor(before, publicIds, true);
        requests += requestsFor(before, inUse, true);
        requests += requestsFor(before, builtIn, true);
        requests += requestsFor(before, alreadyGone, true);
        QCOMPARE(requests.size(), 200);
        for (const QString &id : std::as_const(alreadyGone))
            QVERIFY(sandbox.server()->removeImage(id));
        const QHash<QString, ServerImage> beforeRun = serverImages(sandbox.state());

        InFlightProbe probe(h.queue);
        QSignalSpy started(&h.queue, &DeletionQueue::started);
        QSignalSpy itemStarted(&h.queue, &DeletionQueue::itemStarted);
        QSignalSpy itemFinished(&h.queue, &DeletionQueue::itemFinished);
        QSignalSpy progress(&h.queue, &DeletionQueue::progress);
        const std::optional<DeletionSummary> summary = h.run(requests);
        QVERIFY(summary);
        QVERIFY(!h.queue.isRunning());
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.at(0).at(0).toInt(), 200);
        QCOMPARE(itemStarted.count(), 200);
        QCOMPARE(itemFinished.count(), 200);
        QCOMPARE(progress.constLast().at(0).toInt(), 200);
        QCOMPARE(progress.constLast().at(1).toInt(), 200);
        QVERIFY2(probe.maximum <= 8, qPrintable(QString::number(probe.maximum)));
        QCOMPARE(summary->results.size(), 200);

        // Each result says what the server did.
        const QHash<QString, DeletionResult> results = byId(*summary);
        QCOMPARE(results.size(), 200);
        for (const QString &id : privateForce + privateNoForce + publicIds) {
            QCOMPARE(results.value(id).outcome, Outcome::Deleted);
            QVERIFY(!results.value(id).error.isError());
            QVERIFY(!results.value(id).requestId.isEmpty());
        }
        for (const QString &id : std::as_const(inUse)) {
            const DeletionResult result = results.value(id);
            QCOMPARE(result.outcome, Outcome::Failed);
            QCOMPARE(result.error.kind, ErrorKind::InvalidRequest);
            QCOMPARE(result.error.httpStatus, 400);
            // The server's own words, which name the notebook.
            QVERIFY2(result.error.message.contains(u"in use"_s), qPrintable(result.error.message));
            QVERIFY2(result.error.message.contains(before.value(id).inUseBy),
                     qPrintable(result.error.message));
        }
        for (const QString &id : std::as_const(builtIn)) {
            QCOMPARE(results.value(id).outcome, Outcome::Failed);
            QCOMPARE(results.value(id).error.kind, ErrorKind::Permission);
        }
        for (const QString &id : std::as_const(alreadyGone))
            QCOMPARE(results.value(id).outcome, Outcome::AlreadyGone);
        QCOMPARE(summary->count(Outcome::Deleted), 145);
        QCOMPARE(summary->count(Outcome::Failed), 40);
        QCOMPARE(summary->count(Outcome::AlreadyGone), 15);
        QCOMPARE(summary->count(Outcome::Cancelled), 0);
        QSet<QString> retry;
        for (const DeletionRequest &request : summary->failedRequests()) {
            retry.insert(request.image.id);
            QCOMPARE(request.force, true);
        }
        const QStringList refused = inUse + builtIn;
        QCOMPARE(retry, QSet<QString>(refused.cbegin(), refused.cend()));

        // The server agrees, and nothing outside the selection changed.
        const QHash<QString, ServerImage> after = serverImages(sandbox.state());
        QCOMPARE(after.size(), beforeRun.size());
        const QSet<QString> forced(privateForce.cbegin(), privateForce.cend());
        const QStringList deletedNow = privateForce + privateNoForce + publicIds;
        const QSet<QString> deletedSet(deletedNow.cbegin(), deletedNow.cend());
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            const ServerImage &was = beforeRun.value(it.key());
            const ServerImage &now = it.value();
            if (deletedSet.contains(it.key())) {
                QVERIFY(now.deleted);
                // SWR content goes only for a private image deleted with force.
                QCOMPARE(now.swrContentDeleted, forced.contains(it.key()));
            } else {
                QCOMPARE(now.deleted, was.deleted);
                QCOMPARE(now.swrContentDeleted, was.swrContentDeleted);
            }
        }

        // One intent and one outcome per sent request, linked by entry.
        const QList<QJsonObject> lines = h.journal.readAll();
        QCOMPARE(lines.size(), 400);
        QHash<QString, QJsonObject> intents;
        QHash<QString, QJsonObject> outcomes;
        for (const QJsonObject &line : lines) {
            const QString entry = line.value("entry"_L1).toString();
            if (line.value("phase"_L1).toString() == "intent"_L1)
                intents.insert(entry, line);
            else
                outcomes.insert(entry, line);
        }
        QCOMPARE(intents.size(), 200);
        QCOMPARE(outcomes.size(), 200);
        QVERIFY(h.journal.unfinishedIntents().isEmpty());
        const auto nameOf = [](Outcome outcome) {
            switch (outcome) {
            case Outcome::Deleted:
                return u"deleted"_s;
            case Outcome::AlreadyGone:
                return u"already_gone"_s;
            case Outcome::Failed:
                return u"failed"_s;
            case Outcome::Cancelled:
                return u"cancelled"_s;
            case Outcome::Unknown:
                return u"unknown"_s;
            }
            return QString();
        };
        for (auto it = intents.cbegin(); it != intents.cend(); ++it) {
            const QJsonObject intent = it.value();
            const QString id = intent.value("image"_L1).toObject().value("id"_L1).toString();
            QVERIFY(results.contains(id));
            QCOMPARE(intent.value("force"_L1).toBool(), results.value(id).force);
            QCOMPARE(intent.value("profile"_L1).toString(), u"sandbox"_s);
            QCOMPARE(intent.value("project"_L1).toString(), sandbox.akskSettings().projectId);
            QVERIFY(outcomes.contains(it.key()));
            QCOMPARE(outcomes.value(it.key()).value("outcome"_L1).toString(),
                     nameOf(results.value(id).outcome));
        }
    }

    void concurrencyBoundRespected()
    {
        SandboxFixture sandbox(300, 22);
        QVERIFY(sandbox.start());
        QTemporaryDir dir;
        Harness h(sandbox, dir.filePath(u"j.jsonl"_s));
        h.queue.setMaxConcurrent(3);
        QCOMPARE(h.queue.maxConcurrent(), 3);
        const QHash<QString, ServerImage> images = serverImages(sandbox.state());
        const QStringList ids = deletableIds(images, 15);
        QCOMPARE(ids.size(), 15);

        // Each answer takes a while, so requests pile up if nothing holds them back.
        sandbox.setFaults({{u"latency_ms"_s, 150}});
        InFlightProbe probe(h.queue);
        // On the server's side: deletes it has received whose answers the queue has not seen yet.
        int received = 0;
        int finished = 0;
        int serverMaximum = 0;
        connect(sandbox.server(), &sandbox::SandboxServer::requestHandled, this, [&](const QString &line) {
            if (line.startsWith(u"DELETE "_s)) {
                ++received;
                serverMaximum = qMax(serverMaximum, received - finished);
            }
        });
        connect(&h.queue, &DeletionQueue::itemFinished, this, [&] { ++finished; });

        const std::optional<DeletionSummary> summary = h.run(requestsFor(images, ids, false));
        QVERIFY(summary);
        QCOMPARE(summary->count(Outcome::Deleted), 15);
        QCOMPARE(probe.maximum, 3); // reached, never exceeded
        QVERIFY2(serverMaximum <= 3, qPrintable(QString::number(serverMaximum)));
        QCOMPARE(received, 15);
    }

    void cancelMidway()
    {
        SandboxFixture sandbox(300, 23);
        QVERIFY(sandbox.start());
        QTemporaryDir dir;
        Harness h(sandbox, dir.filePath(u"j.jsonl"_s));
        h.queue.setMaxConcurrent(4);
        const QHash<QString, ServerImage> images = serverImages(sandbox.state());
        const QStringList ids = deletableIds(images, 30);
        QCOMPARE(ids.size(), 30);
        sandbox.setFaults({{u"latency_ms"_s, 400}});

        QSignalSpy itemStarted(&h.queue, &DeletionQueue::itemStarted);
        QSignalSpy finished(&h.queue, &DeletionQueue::finished);
        h.queue.enqueue(requestsFor(images, ids, true));
        QVERIFY(h.queue.isRunning());
        QTRY_COMPARE(itemStarted.count(), 4);
        h.queue.cancel();
        // Requests already sent finish normally; the others never leave.
        QVERIFY(finished.wait(20000));
        QCOMPARE(itemStarted.count(), 4);
        QVERIFY(!h.queue.isRunning());
        const DeletionSummary summary = finished.at(0).at(0).value<DeletionSummary>();
        QCOMPARE(summary.results.size(), 30);
        QCOMPARE(summary.count(Outcome::Deleted), 4);
        QCOMPARE(summary.count(Outcome::Cancelled), 26);

        QSet<QString> sent;
        for (const QList<QVariant> &args : std::as_const(itemStarted))
            sent.insert(args.at(0).toString());
        const QHash<QString, ServerImage> after = serverImages(sandbox.state());
        for (const QString &id : ids) {
            QCOMPARE(after.value(id).deleted, sent.contains(id));
            if (!sent.contains(id))
                QCOMPARE(byId(summary).value(id).outcome, Outcome::Cancelled);
        }
        QCOMPARE(sandbox.server()->counters().value("delete"_L1).toInt(), 4);

        // Only sent requests are journalled, each with its outcome.
        const QList<QJsonObject> lines = h.journal.readAll();
        QCOMPARE(lines.size(), 8);
        QVERIFY(h.journal.unfinishedIntents().isEmpty());
        for (const QJsonObject &line : lines) {
            if (line.value("phase"_L1).toString() == "intent"_L1)
                QVERIFY(sent.contains(line.value("image"_L1).toObject().value("id"_L1).toString()));
        }
    }

    void enqueueWhileRunningExtendsTheRun()
    {
        SandboxFixture sandbox(300, 24);
        QVERIFY(sandbox.start());
        QTemporaryDir dir;
        Harness h(sandbox, dir.filePath(u"j.jsonl"_s));
        h.queue.setMaxConcurrent(2);
        const QHash<QString, ServerImage> images = serverImages(sandbox.state());
        const QStringList ids = deletableIds(images, 10);
        sandbox.setFaults({{u"latency_ms"_s, 100}});

        QSignalSpy started(&h.queue, &DeletionQueue::started);
        QSignalSpy progress(&h.queue, &DeletionQueue::progress);
        QSignalSpy finished(&h.queue, &DeletionQueue::finished);
        h.queue.enqueue(requestsFor(images, ids.mid(0, 5), false));
        QTRY_VERIFY(!progress.isEmpty());
        // The same image again is not sent twice; new ones join the run.
        h.queue.enqueue(requestsFor(images, ids.mid(3, 7), false));
        QVERIFY(finished.wait(20000));
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.at(0).at(0).toInt(), 5);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(progress.constLast().at(1).toInt(), 10);
        const DeletionSummary summary = finished.at(0).at(0).value<DeletionSummary>();
        QCOMPARE(summary.results.size(), 10);
        QCOMPARE(summary.count(Outcome::Deleted), 10);
        QCOMPARE(sandbox.server()->counters().value("delete"_L1).toInt(), 10);
        QCOMPARE(h.queue.summary().results.size(), 10);
    }

    void unwritableJournalSendsNothing()
    {
        SandboxFixture sandbox(100, 25);
        QVERIFY(sandbox.start());
        QTemporaryDir dir;
        const QString blocker = dir.filePath(u"file"_s);
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        Harness h(sandbox, blocker + u"/journal.jsonl"_s);
        const QHash<QString, ServerImage> images = serverImages(sandbox.state());
        const QStringList ids = deletableIds(images, 3);

        QSignalSpy itemStarted(&h.queue, &DeletionQueue::itemStarted);
        const std::optional<DeletionSummary> summary = h.run(requestsFor(images, ids, true));
        QVERIFY(summary);
        QCOMPARE(summary->count(Outcome::Failed), 3);
        for (const DeletionResult &result : summary->results) {
            QVERIFY(result.error.isError());
            QVERIFY2(result.error.fullText().contains(u"journal"_s), qPrintable(result.error.fullText()));
        }
        QCOMPARE(itemStarted.count(), 0);
        QCOMPARE(sandbox.server()->counters().value("delete"_L1).toInt(), 0);
        for (const QString &id : ids)
            QVERIFY(!serverImages(sandbox.state()).value(id).deleted);
    }

    // Closing the account destroys its client, which cancels the calls in flight. The server may already have
    // carried those out: they must end Unknown and stay open in the journal until the server is asked, while
    // the requests never sent end Cancelled.
    void closingTheClientLeavesSentDeletionsUnknown()
    {
        SandboxFixture sandbox(300, 26);
        QVERIFY(sandbox.start());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const ConnectionSettings settings = sandbox.akskSettings();
        QNetworkAccessManager network;
        auto client = std::make_unique<ApiClient>(&network, settings);
        DeletionJournal journal(dir.filePath(u"j.jsonl"_s));
        DeletionQueue queue(&journal);
        queue.setClient(client.get());
        queue.setAccountContext(u"sandbox"_s, settings.regionId, settings.projectId);
        queue.setMaxConcurrent(4);
        const QHash<QString, ServerImage> images = serverImages(sandbox.state());
        const QStringList ids = deletableIds(images, 12);
        QCOMPARE(ids.size(), 12);

        // The server carries a delete out when it arrives and answers 2 s later.
        sandbox.setFaults({{u"latency_ms"_s, 2000}});
        QSet<QString> receivedByServer;
        connect(sandbox.server(), &sandbox::SandboxServer::requestHandled, this, [&](const QString &line) {
            if (line.startsWith(u"DELETE "_s))
                receivedByServer.insert(line);
        });
        QSignalSpy itemStarted(&queue, &DeletionQueue::itemStarted);
        QSignalSpy finished(&queue, &DeletionQueue::finished);
        queue.enqueue(requestsFor(images, ids, false));
        QTRY_COMPARE_WITH_TIMEOUT(receivedByServer.size(), 4, 10000);
        QCOMPARE(itemStarted.count(), 4);
        QVERIFY(finished.isEmpty());

        client.reset();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        const DeletionSummary summary = finished.at(0).at(0).value<DeletionSummary>();
        QCOMPARE(summary.results.size(), 12);
        QSet<QString> sent;
        for (const QList<QVariant> &args : std::as_const(itemStarted))
            sent.insert(args.at(0).toString());
        QCOMPARE(sent.size(), 4);
        const QHash<QString, DeletionResult> results = byId(summary);
        for (const QString &id : ids) {
            const DeletionResult result = results.value(id);
            QCOMPARE(result.outcome, sent.contains(id) ? Outcome::Unknown : Outcome::Cancelled);
            // The server did delete the ones it received; nothing else.
            QCOMPARE(sandbox.imageState(id).value("deleted"_L1).toBool(), sent.contains(id));
        }
        QCOMPARE(summary.count(Outcome::Unknown), 4);
        QCOMPARE(summary.count(Outcome::Cancelled), 8);
        QVERIFY(summary.failedRequests().isEmpty()); // nothing is offered for a blind retry

        // The journal says "unknown" for each sent one and keeps it open for the reconciler.
        QHash<QString, QString> outcomeOfEntry;
        QHash<QString, QString> imageOfEntry;
        for (const QJsonObject &line : journal.readAll()) {
            const QString entry = line.value("entry"_L1).toString();
            if (line.value("phase"_L1).toString() == "intent"_L1)
                imageOfEntry.insert(entry, line.value("image"_L1).toObject().value("id"_L1).toString());
            else
                outcomeOfEntry.insert(entry, line.value("outcome"_L1).toString());
        }
        for (auto it = imageOfEntry.cbegin(); it != imageOfEntry.cend(); ++it) {
            if (sent.contains(it.value()))
                QCOMPARE(outcomeOfEntry.value(it.key()), u"unknown"_s);
            else
                QCOMPARE(outcomeOfEntry.value(it.key()), u"cancelled"_s);
        }
        QSet<QString> unfinished;
        for (const QJsonObject &intent : journal.unfinishedIntents())
            unfinished.insert(intent.value("image"_L1).toObject().value("id"_L1).toString());
        QCOMPARE(unfinished, sent);

        // The next opening of the account asks the server, which deleted them; then nothing stays open.
        sandbox.setFaults({});
        ApiClient reopened(&network, settings);
        JournalReconciler reconciler(&journal, &reopened);
        reconciler.setAccountContext(u"sandbox"_s, settings.regionId, settings.projectId);
        QSignalSpy reconciled(&reconciler, &JournalReconciler::finished);
        reconciler.start();
        QVERIFY(reconciled.wait(10000));
        const QList<ReconciliationResult> checked = reconciler.results();
        QCOMPARE(checked.size(), 4);
        for (const ReconciliationResult &result : checked) {
            QVERIFY(sent.contains(result.imageId));
            QCOMPARE(result.outcome, ReconciliationResult::Outcome::WasDeleted);
        }
        QVERIFY(journal.unfinishedIntents().isEmpty());
    }

    // The network access manager going away (the app shutting down) loses the answers the same way.
    void closingTheNetworkLeavesSentDeletionsUnknown()
    {
        SandboxFixture sandbox(100, 27);
        QVERIFY(sandbox.start());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const ConnectionSettings settings = sandbox.akskSettings();
        auto network = std::make_unique<QNetworkAccessManager>();
        ApiClient client(network.get(), settings);
        DeletionJournal journal(dir.filePath(u"j.jsonl"_s));
        DeletionQueue queue(&journal);
        queue.setClient(&client);
        queue.setMaxConcurrent(2);
        const QHash<QString, ServerImage> images = serverImages(sandbox.state());
        const QStringList ids = deletableIds(images, 2);
        QCOMPARE(ids.size(), 2);

        sandbox.setFaults({{u"latency_ms"_s, 2000}});
        int received = 0;
        connect(sandbox.server(), &sandbox::SandboxServer::requestHandled, this, [&](const QString &line) {
            if (line.startsWith(u"DELETE "_s))
                ++received;
        });
        QSignalSpy finished(&queue, &DeletionQueue::finished);
        queue.enqueue(requestsFor(images, ids, false));
        QTRY_COMPARE_WITH_TIMEOUT(received, 2, 10000);

        network.reset();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        const DeletionSummary summary = finished.at(0).at(0).value<DeletionSummary>();
        QCOMPARE(summary.count(Outcome::Unknown), 2);
        QCOMPARE(summary.count(Outcome::Failed), 0);
        QCOMPARE(journal.unfinishedIntents().size(), 2);
    }

    // A DELETE carried out by the server whose answer was lost (a stall past the transfer timeout), then a
    // retry that fails: the image is gone, so the result must say deleted, never failed. And a DELETE that
    // failed without taking effect stays failed, with Retry offered.
    void lostAnswerIsSettledWithTheServer()
    {
        SandboxFixture sandbox(60, 28);
        QVERIFY(sandbox.start());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ConnectionSettings settings = sandbox.akskSettings();
        settings.transferTimeoutMs = 400;
        settings.retry.baseDelayMs = 10;
        settings.retry.maxDelayMs = 20;
        QNetworkAccessManager network;
        ApiClient client(&network, settings);
        DeletionJournal journal(dir.filePath(u"j.jsonl"_s));
        DeletionQueue queue(&journal);
        queue.setClient(&client);
        queue.setMaxConcurrent(1);
        const QHash<QString, ServerImage> images = serverImages(sandbox.state());
        const QStringList ids = deletableIds(images, 2);
        QCOMPARE(ids.size(), 2);
        const QString lost = ids.at(0);
        const QString refused = ids.at(1);

        const auto script = [](const QString &id, const QJsonArray &faults) {
            QJsonArray entries;
            for (const QJsonValue &fault : faults)
                entries.append(QJsonObject{{u"method"_s, u"DELETE"_s},
                                           {u"path_contains"_s, id},
                                           {u"fault"_s, fault},
                                           {u"count"_s, 1}});
            return entries;
        };
        QJsonArray entries = script(lost, {u"stall"_s, u"500"_s});
        for (const QJsonValue &entry : script(refused, {u"500"_s}))
            entries.append(entry);
        sandbox.setFaults(QJsonObject{{u"stall_ms"_s, 1500}, {u"script"_s, entries}});

        QSignalSpy finished(&queue, &DeletionQueue::finished);
        queue.enqueue(requestsFor(images, {lost, refused}, false));
        QVERIFY(finished.wait(20000));
        const QHash<QString, DeletionResult> results = byId(finished.at(0).at(0).value<DeletionSummary>());

        QVERIFY(sandbox.imageState(lost).value("deleted"_L1).toBool());
        QCOMPARE(results.value(lost).outcome, Outcome::Deleted);
        QVERIFY(!sandbox.imageState(refused).value("deleted"_L1).toBool());
        QCOMPARE(results.value(refused).outcome, Outcome::Failed);
        QCOMPARE(results.value(refused).error.code, u"ModelArts.0010"_s);
        QCOMPARE(finished.at(0).at(0).value<DeletionSummary>().failedRequests().size(), 1);
        QVERIFY(journal.unfinishedIntents().isEmpty());
    }

    // DeleteImage may answer 204 with no body: that is a deletion, not an unreadable answer to ask about.
    void noContentAnswerIsDeleted()
    {
        sandbox::SandboxOptions options;
        options.imageCount = 60;
        options.seed = 5;
        options.deleteAnswersNoContent = true;
        SandboxFixture sandbox(options);
        QVERIFY(sandbox.start());
        QTemporaryDir dir;
        Harness h(sandbox, dir.filePath(u"j.jsonl"_s));
        const QHash<QString, ServerImage> images = serverImages(sandbox.state());
        const QStringList ids = deletableIds(images, 4);
        QCOMPARE(ids.size(), 4);

        const std::optional<DeletionSummary> summary = h.run(requestsFor(images, ids, true));
        QVERIFY(summary);
        QCOMPARE(summary->count(Outcome::Deleted), 4);
        const QHash<QString, ServerImage> after = serverImages(sandbox.state());
        for (const QString &id : ids) {
            QVERIFY(after.value(id).deleted);
            QVERIFY(after.value(id).swrContentDeleted);
        }
        // Nothing was asked again: four DELETEs, no ShowImage.
        QCOMPARE(sandbox.state().value("counters"_L1).toObject().value("delete"_L1).toInt(), 4);
        QCOMPARE(sandbox.state().value("counters"_L1).toObject().value("show"_L1).toInt(), 0);
        QVERIFY(h.journal.unfinishedIntents().isEmpty());
    }

    // 503, 429 and network failures that outlast the client's own attempts go round the queue again before
    // they are reported; a refusal the server would repeat (500) is reported at once.
    void transientFailuresAreRetriedBeforeTheyAreReported()
    {
        SandboxFixture sandbox(60, 29);
        QVERIFY(sandbox.start());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ConnectionSettings settings = sandbox.akskSettings();
        settings.retry.maxAttempts = 1; // each call fails at its first fault: the rounds are the queue's
        settings.retry.baseDelayMs = 10;
        settings.retry.maxDelayMs = 20;
        QNetworkAccessManager network;
        ApiClient client(&network, settings);
        DeletionJournal journal(dir.filePath(u"j.jsonl"_s));
        DeletionQueue queue(&journal);
        queue.setClient(&client);
        const QHash<QString, ServerImage> images = serverImages(sandbox.state());
        const QStringList ids = deletableIds(images, 4);
        QCOMPARE(ids.size(), 4);
        const QString unavailable = ids.at(0); // 503 twice, then the server recovers
        const QString throttled = ids.at(1);   // 429 once
        const QString refused = ids.at(2);     // 500 once: not retried
        const QString down = ids.at(3);        // 503 for longer than the retries last

        QJsonArray script;
        const auto fail = [&script](const QString &id, const QString &fault, int count) {
            script.append(QJsonObject{{u"method"_s, u"DELETE"_s},
                                      {u"path_contains"_s, id},
                                      {u"fault"_s, fault},
                                      {u"count"_s, count}});
        };
        fail(unavailable, u"503"_s, 2);
        fail(throttled, u"429"_s, 1);
        fail(refused, u"500"_s, 1);
        fail(down, u"503"_s, 50);
        sandbox.setFaults(QJsonObject{{u"script"_s, script}});

        QSignalSpy itemFinished(&queue, &DeletionQueue::itemFinished);
        QSignalSpy finished(&queue, &DeletionQueue::finished);
        queue.enqueue(requestsFor(images, ids, false));
        QVERIFY(finished.wait(30000));
        const DeletionSummary summary = finished.at(0).at(0).value<DeletionSummary>();
        const QHash<QString, DeletionResult> results = byId(summary);

        QCOMPARE(results.value(unavailable).outcome, Outcome::Deleted);
        QVERIFY(sandbox.imageState(unavailable).value("deleted"_L1).toBool());
        QCOMPARE(results.value(throttled).outcome, Outcome::Deleted);
        QVERIFY(sandbox.imageState(throttled).value("deleted"_L1).toBool());
        QCOMPARE(results.value(refused).outcome, Outcome::Failed);
        QVERIFY(!sandbox.imageState(refused).value("deleted"_L1).toBool());
        QCOMPARE(results.value(down).outcome, Outcome::Failed);
        QCOMPARE(results.value(down).error.httpStatus, 503);
        QVERIFY(!sandbox.imageState(down).value("deleted"_L1).toBool());
        // One result per image, however many rounds it took.
        QCOMPARE(summary.results.size(), 4);
        QCOMPARE(itemFinished.size(), 4);
        QCOMPARE(summary.failedRequests().size(), 2);
        QVERIFY(journal.unfinishedIntents().isEmpty());
    }

    void withoutClientNothingIsSent()
    {
        QTemporaryDir dir;
        DeletionJournal journal(dir.filePath(u"j.jsonl"_s));
        DeletionQueue queue(&journal);
        Image image;
        image.id = u"some-id"_s;
        QSignalSpy finished(&queue, &DeletionQueue::finished);
        queue.enqueue({DeletionRequest{image, false}});
        QVERIFY(finished.wait(5000));
        const DeletionSummary summary = finished.at(0).at(0).value<DeletionSummary>();
        QCOMPARE(summary.count(Outcome::Failed), 1);
        QVERIFY(journal.readAll().isEmpty());
        queue.enqueue({});
        QVERIFY(!queue.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestDeletionQueue)
#include "test_deletion_queue.moc"
