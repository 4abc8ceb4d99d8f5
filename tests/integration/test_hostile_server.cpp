// The client against a sandbox that lies: ids that try to address another resource, a gateway 404, totals
// that would size unbounded work, listings that never settle. Nothing the user did not confirm is deleted,
// nothing is reported as something it is not, and every number from the server is bounded before it is used.

#include "ErrorKindPrinting.h"
#include "models/api/ApiClient.h"
#include "models/deletion/DeletionJournal.h"
#include "models/deletion/DeletionQueue.h"
#include "models/deletion/JournalReconciler.h"
#include "models/groups/ImageGroup.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"
#include "test_api_client_helpers.h"

#include <QJsonArray>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;
using mim::test::SandboxFixture;
using Outcome = DeletionResult::Outcome;

namespace {

struct ListingOutcome
{
    bool finished = false;
    ApiError error;
    qsizetype images = 0;
    int progressSignals = 0;
};

ListingOutcome listAll(ApiClient &client, int cancelAfterProgress = -1, int timeoutMs = 60000)
{
    auto outcome = std::make_shared<ListingOutcome>();
    ImageListing *listing = client.listAllImages(ListQuery());
    QObject::connect(listing, &ImageListing::progress, listing, [listing, outcome, cancelAfterProgress] {
        if (++outcome->progressSignals == cancelAfterProgress)
            listing->cancel();
    });
    QObject::connect(listing, &ImageListing::finished, listing, [listing, outcome] {
        outcome->finished = true;
        outcome->error = listing->error();
        outcome->images = listing->images().size();
    });
    if (!QTest::qWaitFor([&] { return outcome->finished; }, timeoutMs))
        qWarning("the listing did not finish in time");
    return *outcome;
}

} // namespace

class TestHostileServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void idThatAddressesAnotherResourceIsNeverSent_data();
    void idThatAddressesAnotherResourceIsNeverSent();
    void everyIdCallRefusesImplausibleIds();
    void gatewayNotFoundIsAFailureNotAlreadyGone();
    void reconcilerDoesNotTakeAGateway404ForGone();

    void lyingTotalStopsTheListing_data();
    void lyingTotalStopsTheListing();
    void onePerPageShowsProgressAndCancels();
    void listingThatNeverSettlesIsAnError_data();
    void listingThatNeverSettlesIsAnError();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QNetworkAccessManager m_network;
};

void TestHostileServer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestHostileServer::idThatAddressesAnotherResourceIsNeverSent_data()
{
    QTest::addColumn<QString>("idPattern"); // %1 = the id of a group that exists
    QTest::newRow("group/<id>: DeleteImageGroup") << u"group/%1"_s;
    QTest::newRow("..") << u".."_s;
    QTest::newRow("../../../v3/projects") << u"../../../v3/projects"_s;
    QTest::newRow("encoded slash") << u"group%2F%1"_s;
    QTest::newRow("query") << u"%1?force=true"_s;
    QTest::newRow("uuid with a newline") << u"%1\n"_s;
}

// A record whose id is a path would have made DeleteImage address another route: the whole group of
// another image (DeleteImageGroup), or /v1/{project} and /v3/projects.
void TestHostileServer::idThatAddressesAnotherResourceIsNeverSent()
{
    QFETCH(QString, idPattern);
    SandboxFixture sandbox(40, 3);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, sandbox.akskSettings());

    const test::Outcome groups = test::run(client.listImageGroups(QUrlQuery()));
    QVERIFY2(groups->succeeded, qPrintable(groups->error.fullText()));
    const std::optional<ImageGroupPage> page = ImageGroupPage::fromJson(groups->body);
    QVERIFY(page && !page->groups.isEmpty());
    const ImageGroup group = page->groups.constFirst();

    QString error;
    const QString hostileId = sandbox.server()->addImage(
        QJsonObject{{u"id"_s, idPattern.arg(group.id)}, {u"name"_s, u"decoy"_s}}, &error);
    QVERIFY2(!hostileId.isEmpty(), qPrintable(error));
    const qint64 requestsBefore = counter(sandbox, "requests");

    DeletionJournal journal(m_dir->filePath(u"journal.jsonl"_s));
    DeletionQueue queue(&journal);
    queue.setClient(&client);
    QSignalSpy finished(&queue, &DeletionQueue::finished);
    Image image;
    image.id = hostileId;
    image.name = u"decoy"_s;
    queue.enqueue({DeletionRequest{image, true}});
    QVERIFY(finished.wait(20000));
    const DeletionSummary summary = finished.at(0).at(0).value<DeletionSummary>();
    QCOMPARE(summary.results.size(), 1);
    const DeletionResult result = summary.results.constFirst();
    QCOMPARE(result.outcome, Outcome::Failed);
    QCOMPARE(result.error.kind, ErrorKind::InvalidRequest);
    QVERIFY2(result.error.fullText().contains(u"not a valid ModelArts id"_s),
             qPrintable(result.error.fullText()));
    // The summary says nothing was sent: not that the server refused.
    QVERIFY2(result.error.summary().contains(u"did not send"_s), qPrintable(result.error.summary()));

    // Nothing reached the server, and every image of the group is still there.
    QCOMPARE(counter(sandbox, "requests"), requestsBefore);
    QCOMPARE(counter(sandbox, "delete"), 0);
    QCOMPARE(counter(sandbox, "groups"), 1);
    const QJsonArray images = sandbox.state().value("images"_L1).toArray();
    int groupImages = 0;
    for (const QJsonValue &value : images) {
        const QJsonObject object = value.toObject();
        QVERIFY2(!object.value("deleted"_L1).toBool(), qPrintable(object.value("id"_L1).toString()));
        if (object.value("name"_L1).toString() == group.name &&
            object.value("namespace"_L1).toString() == group.nameSpace)
            ++groupImages;
    }
    QVERIFY(groupImages > 0);
}

void TestHostileServer::everyIdCallRefusesImplausibleIds()
{
    SandboxFixture sandbox(5, 3);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, sandbox.akskSettings());
    const QString id = u"group/0a1b2c3d-0000-4000-8000-000000000000"_s;
    // Each call finishes (and deletes itself) on its own: start the next only after the last one ended.
    const QList<std::function<ApiCall *()>> calls{
        [&] { return client.showImage(id); }, [&] { return client.deleteImage(id, false); },
        [&] { return client.syncImage(id); }, [&] { return client.deleteImageGroup(u".."_s, false); },
        [&] { return client.updateImageGroup(u"../x"_s, QJsonObject()); }};
    for (const auto &startCall : calls) {
        const test::Outcome outcome = test::run(startCall());
        QCOMPARE(outcome->finishedCount, 1);
        QCOMPARE(outcome->error.kind, ErrorKind::InvalidRequest);
        QCOMPARE(outcome->attempts, 0);
    }
    QCOMPARE(counter(sandbox, "requests"), 0);

    // Both documented forms pass: a UUID and 32 hexadecimal digits (a missing image, so ModelArts.6404).
    for (const QString &plausible :
         {u"0a1b2c3d-0000-4000-8000-000000000000"_s, u"0a1b2c3d00004000800000000000abcd"_s}) {
        QCOMPARE(test::run(client.showImage(plausible))->error.kind, ErrorKind::NotFound);
    }
}

void TestHostileServer::gatewayNotFoundIsAFailureNotAlreadyGone()
{
    SandboxFixture sandbox(5, 3);
    QVERIFY(sandbox.start());
    const QJsonArray images = sandbox.state().value("images"_L1).toArray();
    const std::optional<Image> image = Image::fromJson(images.at(0).toObject());
    QVERIFY(image);
    sandbox.setFaults(QJsonObject{
        {u"script"_s,
         QJsonArray{QJsonObject{{u"method"_s, u"DELETE"_s}, {u"fault"_s, u"404"_s}, {u"count"_s, 5}}}}});

    ApiClient client(&m_network, sandbox.akskSettings());
    DeletionJournal journal(m_dir->filePath(u"journal.jsonl"_s));
    DeletionQueue queue(&journal);
    queue.setClient(&client);
    QSignalSpy finished(&queue, &DeletionQueue::finished);
    queue.enqueue({DeletionRequest{*image, false}});
    QVERIFY(finished.wait(20000));
    const DeletionResult result = finished.at(0).at(0).value<DeletionSummary>().results.constFirst();
    QCOMPARE(result.outcome, Outcome::Failed);
    QCOMPARE(result.error.code, u"APIGW.0101"_s);
    QVERIFY2(result.error.summary().contains(u"endpoint"_s), qPrintable(result.error.fullText()));
    QCOMPARE(finished.at(0).at(0).value<DeletionSummary>().failedRequests().size(), 1); // Retry is offered
    QVERIFY(!sandbox.imageState(image->id).value("deleted"_L1).toBool());
}

void TestHostileServer::reconcilerDoesNotTakeAGateway404ForGone()
{
    SandboxFixture sandbox(5, 3);
    QVERIFY(sandbox.start());
    const std::optional<Image> image =
        Image::fromJson(sandbox.state().value("images"_L1).toArray().at(0).toObject());
    QVERIFY(image);
    const ConnectionSettings settings = sandbox.akskSettings();
    // An intent left by an earlier run that stopped before the answer came.
    QVERIFY(!DeletionJournal(m_dir->filePath(u"journal.jsonl"_s))
                 .recordIntent(DeletionRequest{*image, false}, u"sandbox"_s, settings.regionId,
                               settings.projectId, QDateTime::currentDateTimeUtc())
                 .isEmpty());
    DeletionJournal journal(m_dir->filePath(u"journal.jsonl"_s));
    sandbox.setFaults(QJsonObject{
        {u"script"_s,
         QJsonArray{QJsonObject{{u"method"_s, u"GET"_s}, {u"fault"_s, u"404"_s}, {u"count"_s, 5}}}}});

    ApiClient client(&m_network, settings);
    JournalReconciler reconciler(&journal, &client);
    reconciler.setAccountContext(u"sandbox"_s, settings.regionId, settings.projectId);
    QSignalSpy finished(&reconciler, &JournalReconciler::finished);
    reconciler.start();
    QVERIFY(finished.count() == 1 || finished.wait(20000));
    const QList<ReconciliationResult> results = reconciler.results();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.constFirst().outcome, ReconciliationResult::Outcome::Unknown);
    // Still unfinished, so the next opening of the account asks again.
    QCOMPARE(journal.unfinishedIntents().size(), 1);
}

void TestHostileServer::lyingTotalStopsTheListing_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<int>("maxRecords");
    QTest::addColumn<QString>("expected");
    QTest::newRow("2^31 - 1, one record a page") << qint64(2147483647) << 1 << u"2147483647 images"_s;
    QTest::newRow("1,000,001") << qint64(1000001) << 0 << u"1000001 images"_s;
    // Its "pages" (total / limit) does not fit the envelope's integer: refused as unreadable before the total
    // is even looked at.
    QTest::newRow("429,496,729,600") << qint64(429496729600) << 0 << u"\"pages\" is not an integer"_s;
    QTest::newRow("2,000,000, one record a page") << qint64(2000000) << 1 << u"2000000 images"_s;
    // Numbers in the user's format, like every number the app shows.
    QTest::newRow("50,000, one record a page")
        << qint64(50000) << 1 << QLocale().toString(50000) + u" requests"_s;
}

void TestHostileServer::lyingTotalStopsTheListing()
{
    QFETCH(qint64, total);
    QFETCH(int, maxRecords);
    QFETCH(QString, expected);
    SandboxFixture sandbox(20, 3);
    QVERIFY(sandbox.start());
    sandbox.setFaults(
        QJsonObject{{u"listing"_s, QJsonObject{{u"total"_s, total}, {u"max_records"_s, maxRecords}}}});
    ApiClient client(&m_network, sandbox.akskSettings());

    const ListingOutcome outcome = listAll(client);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.error.kind, ErrorKind::BadResponse);
    QVERIFY2(outcome.error.fullText().contains(expected), qPrintable(outcome.error.fullText()));
    QCOMPARE(outcome.images, 0);
    // The first page of each workspace (the default one and the data set's three others, all listed at once),
    // and its retries when it is unreadable: never a page further into the lie.
    constexpr int Workspaces = 4;
    const int listed = counter(sandbox, "list");
    QVERIFY2(listed <= Workspaces * RetryPolicy().maxAttempts, qPrintable(u"%1 list requests"_s.arg(listed)));
}

// A server that sends one record a page within the bounds: slow, but progress says so and Cancel stops it.
void TestHostileServer::onePerPageShowsProgressAndCancels()
{
    SandboxFixture sandbox(400, 3);
    QVERIFY(sandbox.start());
    sandbox.setFaults(QJsonObject{{u"listing"_s, QJsonObject{{u"max_records"_s, 1}}}});
    ApiClient client(&m_network, sandbox.akskSettings());

    const ListingOutcome outcome = listAll(client, 20);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.error.kind, ErrorKind::Cancelled);
    QCOMPARE(outcome.progressSignals, 20);
    // Requests already on the wire may still arrive; nothing new is asked after Cancel.
    QTest::qWait(300);
    const qint64 listed = counter(sandbox, "list");
    QTest::qWait(300);
    QCOMPARE(counter(sandbox, "list"), listed);
    QVERIFY(listed <= 20 + client.listingWindow().limit);
}

void TestHostileServer::listingThatNeverSettlesIsAnError_data()
{
    QTest::addColumn<int>("images");
    QTest::addColumn<QJsonObject>("lies");
    QTest::newRow("empty pages, total 1000") << 0 << QJsonObject{{u"total"_s, 1000}};
    QTest::newRow("the same page again and again") << 1000 << QJsonObject{{u"ignore_offset"_s, true}};
    QTest::newRow("total one too high") << 300 << QJsonObject{{u"total"_s, 301}};
}

void TestHostileServer::listingThatNeverSettlesIsAnError()
{
    QFETCH(int, images);
    QFETCH(QJsonObject, lies);
    SandboxFixture sandbox(images, 3);
    QVERIFY(sandbox.start());
    sandbox.setFaults(QJsonObject{{u"listing"_s, lies}});
    ApiClient client(&m_network, sandbox.akskSettings());

    const ListingOutcome outcome = listAll(client);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.error.kind, ErrorKind::BadResponse);
    QVERIFY2(outcome.error.fullText().contains(u"incomplete"_s), qPrintable(outcome.error.fullText()));
    QCOMPARE(outcome.images, 0);
}

QTEST_GUILESS_MAIN(TestHostileServer)
#include "test_hostile_server.moc"
