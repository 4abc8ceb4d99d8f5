// TagDeletionQueue against the in-process sandbox: it deletes exactly the tags it is given (SWR before and
// after), refuses registered tags without a request, journals an intent before each DELETE and an outcome
// after, reports each tag, cancels and retries; and a tag deletion cut short (an intent without outcome) is
// settled by the JournalReconciler at the next start by listing the tag's repository.

#include "ErrorKindPrinting.h"
#include "models/api/ApiClient.h"
#include "models/deletion/DeletionJournal.h"
#include "models/deletion/JournalReconciler.h"
#include "models/storage/SwrInventory.h"
#include "models/storage/TagDeletionQueue.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;
using mim::test::SandboxFixture;
using Outcome = Swr::DeleteOutcome;
using Reconciled = ReconciliationResult::Outcome;

namespace {

constexpr int WaitMs = 60000;
const QString Profile = u"sandbox"_s;

QList<Image> liveImages(const SandboxFixture &sandbox)
{
    QList<Image> images;
    for (const QJsonValue &value : sandbox.state().value("images"_L1).toArray()) {
        const QJsonObject object = value.toObject();
        if (object.value("deleted"_L1).toBool())
            continue;
        if (std::optional<Image> image = Image::fromJson(object))
            images.append(*image);
    }
    return images;
}

// Every tag SWR holds, as "ns/repo:tag".
QSet<QString> swrTags(const SandboxFixture &sandbox)
{
    QSet<QString> tags;
    for (const QJsonValue &value : sandbox.state().value("swr"_L1).toObject().value("tags"_L1).toArray()) {
        const QJsonObject tag = value.toObject();
        tags.insert(tag.value("namespace"_L1).toString() + u'/' + tag.value("repository"_L1).toString() +
                    u':' + tag.value("tag"_L1).toString());
    }
    return tags;
}

int requestCount(const SandboxFixture &sandbox)
{
    return sandbox.state().value("requests"_L1).toInt();
}

struct Harness
{
    explicit Harness(SandboxFixture &sandbox)
        : sandbox(sandbox)
        , client(&network, sandbox.akskSettings())
        , journalPath(directory.filePath(u"deletions.jsonl"_s))
        , queue(&client, journalPath, Profile, sandbox.akskSettings().regionId,
                sandbox.akskSettings().projectId)
    {}

    StorageFacts inventory()
    {
        SwrInventory loader;
        QSignalSpy loaded(&loader, &SwrInventory::loaded);
        loader.load(&client, liveImages(sandbox), UsageSummary());
        if (!loaded.wait(WaitMs))
            qWarning("the inventory did not load");
        return loader.facts();
    }

    // Unregistered tags, those in repositories with "/" first.
    QList<StoredTag> unregistered(const StorageFacts &facts, int count)
    {
        QList<StoredTag> tags;
        for (int pass = 0; pass < 2; ++pass) {
            for (const StoredTag &tag : facts.tags) {
                if (tags.size() < count && tag.mayBeDeleted() && tag.repository.contains(u'/') == (pass == 0))
                    tags.append(tag);
            }
        }
        return tags;
    }

    bool run()
    {
        QSignalSpy finished(&queue, &TagDeletionQueue::finished);
        return finished.wait(WaitMs) && finished.count() == 1;
    }

    SandboxFixture &sandbox;
    QTemporaryDir directory;
    QNetworkAccessManager network;
    ApiClient client;
    QString journalPath;
    TagDeletionQueue queue;
};

QSet<QString> namesOf(const QList<StoredTag> &tags)
{
    QSet<QString> names;
    for (const StoredTag &tag : tags)
        names.insert(tag.displayName());
    return names;
}

} // namespace

class TestTagDeletionQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deletesExactlyTheSelectedTags();
    void registeredTagIsRefused();
    void alreadyGoneFailedAndRetry();
    void cancelSendsNothingNew();
    void interruptedDeletionIsReconciledAtTheNextStart();
};

void TestTagDeletionQueue::deletesExactlyTheSelectedTags()
{
    SandboxFixture sandbox(300, 7);
    QVERIFY(sandbox.start());
    Harness harness(sandbox);
    const StorageFacts facts = harness.inventory();
    const QList<StoredTag> selected = harness.unregistered(facts, 7);
    QCOMPARE(selected.size(), 7);
    QVERIFY(selected.first().repository.contains(u'/'));
    const QSet<QString> before = swrTags(sandbox);
    const int imagesBefore = int(liveImages(sandbox).size());
    QSignalSpy items(&harness.queue, &TagDeletionQueue::itemFinished);
    QSignalSpy progress(&harness.queue, &TagDeletionQueue::progress);

    QVERIFY(harness.queue.start(selected));
    QVERIFY(harness.queue.isRunning());
    QCOMPARE(harness.queue.total(), 7);
    QVERIFY(harness.run());
    QVERIFY(!harness.queue.isRunning());

    // SWR lost exactly those tags; ModelArts is untouched.
    QCOMPARE(swrTags(sandbox), before - namesOf(selected));
    QCOMPARE(int(liveImages(sandbox).size()), imagesBefore);
    QCOMPARE(items.count(), 7);
    QCOMPARE(harness.queue.done(), 7);
    QCOMPARE(progress.last().at(0).toInt(), 7);
    qint64 bytes = 0;
    for (const StoredTag &tag : selected)
        bytes += tag.sizeBytes;
    QCOMPARE(harness.queue.freedBytes(), bytes);
    QSet<QString> reported;
    for (const TagDeletionResult &result : harness.queue.results()) {
        QCOMPARE(result.outcome, Outcome::Deleted);
        QVERIFY(!result.error.isError());
        reported.insert(result.tag.displayName());
    }
    QCOMPARE(reported, namesOf(selected));

    // The journal: an intent then an outcome per tag, all of kind swr_tag, nothing left open.
    DeletionJournal journal(harness.journalPath);
    const QList<QJsonObject> lines = journal.readAll();
    QCOMPARE(lines.size(), 14);
    QHash<QString, QStringList> phases;
    for (const QJsonObject &line : lines) {
        QVERIFY(DeletionJournal::isTagEntry(line));
        phases[line.value("entry"_L1).toString()].append(line.value("phase"_L1).toString());
        if (line.value("phase"_L1).toString() == "intent"_L1) {
            QCOMPARE(line.value("profile"_L1).toString(), Profile);
            QVERIFY(namesOf(selected).contains(line.value("namespace"_L1).toString() + u'/' +
                                               line.value("repository"_L1).toString() + u':' +
                                               line.value("tag"_L1).toString()));
        } else {
            QCOMPARE(line.value("outcome"_L1).toString(), u"deleted"_s);
        }
    }
    QCOMPARE(phases.size(), 7);
    for (const QStringList &entry : std::as_const(phases))
        QCOMPARE(entry, (QStringList{u"intent"_s, u"outcome"_s}));
    QVERIFY(journal.unfinishedIntents().isEmpty());
}

void TestTagDeletionQueue::registeredTagIsRefused()
{
    SandboxFixture sandbox(100, 3);
    QVERIFY(sandbox.start());
    Harness harness(sandbox);
    const StorageFacts facts = harness.inventory();
    QList<StoredTag> selected = harness.unregistered(facts, 2);
    for (const StoredTag &tag : facts.tags) {
        if (tag.isRegistered()) {
            selected.append(tag);
            break;
        }
    }
    QCOMPARE(selected.size(), 3);
    const QSet<QString> before = swrTags(sandbox);
    const int requests = requestCount(sandbox);
    QSignalSpy finished(&harness.queue, &TagDeletionQueue::finished);

    QVERIFY(!harness.queue.start(selected));
    // Names that would not stay one path segment are refused as well.
    StoredTag dotted = selected.first();
    dotted.tag = u".."_s;
    QVERIFY(!harness.queue.start({dotted}));
    QVERIFY(!harness.queue.start({}));
    QTest::qWait(200);
    QVERIFY(!harness.queue.isRunning());
    QVERIFY(finished.isEmpty());
    QCOMPARE(requestCount(sandbox), requests);
    QCOMPARE(swrTags(sandbox), before);
    QVERIFY(!QFileInfo::exists(harness.journalPath));
}

void TestTagDeletionQueue::alreadyGoneFailedAndRetry()
{
    SandboxFixture sandbox(100, 5);
    QVERIFY(sandbox.start());
    Harness harness(sandbox);
    const QList<StoredTag> selected = harness.unregistered(harness.inventory(), 3);
    QCOMPARE(selected.size(), 3);
    // The first is deleted by someone else first; the second is refused once by the server.
    QVERIFY(harness.queue.start({selected.at(0)}));
    QVERIFY(harness.run());
    QCOMPARE(harness.queue.results().first().outcome, Outcome::Deleted);
    sandbox.setFaults(
        {{u"script"_s, QJsonArray{QJsonObject{{u"method"_s, u"DELETE"_s},
                                              {u"path_contains"_s, QString(u"/tags/"_s + selected.at(1).tag)},
                                              {u"fault"_s, u"403"_s},
                                              {u"count"_s, 1}}}}});

    QVERIFY(harness.queue.start(selected));
    QVERIFY(harness.run());
    QHash<QString, TagDeletionResult> results;
    for (const TagDeletionResult &result : harness.queue.results())
        results.insert(result.tag.displayName(), result);
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.value(selected.at(0).displayName()).outcome, Outcome::AlreadyGone);
    QCOMPARE(results.value(selected.at(1).displayName()).outcome, Outcome::Failed);
    QCOMPARE(results.value(selected.at(1).displayName()).error.kind, ErrorKind::Permission);
    QCOMPARE(results.value(selected.at(2).displayName()).outcome, Outcome::Deleted);
    // Already gone frees nothing now.
    QCOMPARE(harness.queue.freedBytes(), selected.at(2).sizeBytes);
    QVERIFY(swrTags(sandbox).contains(selected.at(1).displayName()));

    QVERIFY(harness.queue.retryFailed());
    QVERIFY(harness.run());
    QCOMPARE(harness.queue.done(), 3);
    QCOMPARE(harness.queue.total(), 3);
    QCOMPARE(harness.queue.freedBytes(), selected.at(1).sizeBytes + selected.at(2).sizeBytes);
    QVERIFY(!swrTags(sandbox).contains(selected.at(1).displayName()));
    QVERIFY(!harness.queue.retryFailed()); // nothing failed any more
    QVERIFY(DeletionJournal(harness.journalPath).unfinishedIntents().isEmpty());
}

void TestTagDeletionQueue::cancelSendsNothingNew()
{
    SandboxFixture sandbox(300, 9);
    QVERIFY(sandbox.start());
    Harness harness(sandbox);
    const QList<StoredTag> selected = harness.unregistered(harness.inventory(), 10);
    QCOMPARE(selected.size(), 10);
    const QSet<QString> before = swrTags(sandbox);
    sandbox.setFaults(QJsonObject{{"latency_ms"_L1, 150}});
    QSignalSpy items(&harness.queue, &TagDeletionQueue::itemFinished);
    QSignalSpy finished(&harness.queue, &TagDeletionQueue::finished);

    QVERIFY(harness.queue.start(selected));
    QVERIFY(items.wait(WaitMs)); // the first answers are in; a few more are on their way
    const int finishedAtCancel = int(items.count());
    harness.queue.cancel();
    QVERIFY(finished.count() == 1 || finished.wait(WaitMs));
    QCOMPARE(harness.queue.done(), 10);

    QSet<QString> deleted, notSent;
    for (const TagDeletionResult &result : harness.queue.results()) {
        if (result.outcome == Outcome::Deleted)
            deleted.insert(result.tag.displayName());
        else if (result.error.kind == ErrorKind::Cancelled)
            notSent.insert(result.tag.displayName());
    }
    QVERIFY(!deleted.isEmpty());
    QVERIFY(!notSent.isEmpty());
    QCOMPARE(deleted.size() + notSent.size(), 10);
    // At most MaxInFlight were on their way when it was cancelled: the rest never reached the server.
    QVERIFY(deleted.size() <= finishedAtCancel + TagDeletionQueue::MaxInFlight);
    QCOMPARE(swrTags(sandbox), before - deleted);
    // Tags never sent have no journal entry; those sent have both lines.
    DeletionJournal journal(harness.journalPath);
    QCOMPARE(journal.readAll().size(), 2 * deleted.size());
    QVERIFY(journal.unfinishedIntents().isEmpty());

    // What was not sent goes with Retry failed.
    sandbox.setFaults(QJsonObject{});
    QVERIFY(harness.queue.retryFailed());
    QVERIFY(harness.run());
    QCOMPARE(swrTags(sandbox), before - namesOf(selected));
}

void TestTagDeletionQueue::interruptedDeletionIsReconciledAtTheNextStart()
{
    SandboxFixture sandbox(200, 13);
    QVERIFY(sandbox.start());
    Harness harness(sandbox);
    const QList<StoredTag> selected = harness.unregistered(harness.inventory(), 2);
    QCOMPARE(selected.size(), 2);
    const ConnectionSettings settings = sandbox.akskSettings();

    // The run that was killed: intents written, the first tag's DELETE reached SWR, then nothing more. It
    // is deleted here with a queue of its own journal, as the killed process did.
    {
        QTemporaryDir elsewhere;
        TagDeletionQueue killed(&harness.client, elsewhere.filePath(u"other.jsonl"_s), Profile,
                                settings.regionId, settings.projectId);
        QSignalSpy finished(&killed, &TagDeletionQueue::finished);
        QVERIFY(killed.start({selected.at(0)}));
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(killed.results().first().outcome, Outcome::Deleted);
    }
    StoredTag vanishedRepository = selected.at(1);
    vanishedRepository.repository = u"no-such-repository"_s;
    {
        DeletionJournal journal(harness.journalPath);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(!journal.recordTagIntent(selected.at(0), Profile, settings.regionId, settings.projectId, now)
                     .isEmpty());
        QVERIFY(!journal.recordTagIntent(selected.at(1), Profile, settings.regionId, settings.projectId, now)
                     .isEmpty());
        QVERIFY(
            !journal.recordTagIntent(vanishedRepository, Profile, settings.regionId, settings.projectId, now)
                 .isEmpty());
        // Another account's intent waits for that account.
        QVERIFY(
            !journal.recordTagIntent(selected.at(1), u"other"_s, settings.regionId, settings.projectId, now)
                 .isEmpty());
        QCOMPARE(journal.unfinishedIntents().size(), 4);
    }
    const QSet<QString> before = swrTags(sandbox);

    // The next start.
    DeletionJournal journal(harness.journalPath);
    JournalReconciler reconciler(&journal, &harness.client);
    reconciler.setAccountContext(Profile, settings.regionId, settings.projectId);
    QSignalSpy finished(&reconciler, &JournalReconciler::finished);
    reconciler.start();
    QVERIFY(finished.wait(WaitMs));
    const QList<ReconciliationResult> results = reconciler.results();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).swrTag, selected.at(0).displayName());
    QCOMPARE(results.at(0).outcome, Reconciled::WasDeleted);
    QCOMPARE(results.at(1).swrTag, selected.at(1).displayName());
    QCOMPARE(results.at(1).outcome, Reconciled::WasNotDeleted);
    QCOMPARE(results.at(2).outcome, Reconciled::WasDeleted);
    for (const ReconciliationResult &result : results) {
        QVERIFY(result.imageId.isEmpty());
        QVERIFY(result.description().contains(result.swrTag));
    }
    // Only listings were sent: reconciling never deletes.
    QCOMPARE(swrTags(sandbox), before);
    QVERIFY(before.contains(selected.at(1).displayName()));

    // Each is reported once: only the other account's intent is left.
    const QList<QJsonObject> left = journal.unfinishedIntents();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().value("profile"_L1).toString(), u"other"_s);
    QSignalSpy again(&reconciler, &JournalReconciler::finished);
    reconciler.start();
    QVERIFY(again.wait(WaitMs));
    QVERIFY(reconciler.results().isEmpty());
}

QTEST_MAIN(TestTagDeletionQueue)
#include "test_tag_deletion_queue.moc"
