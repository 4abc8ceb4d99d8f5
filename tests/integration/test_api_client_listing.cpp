// ImageListing against the in-process sandbox: every page, exactly once, whatever the network does.

#include "SandboxServer.h"
#include "ScriptedHttpServer.h"
#include "test_api_client_helpers.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;
using namespace mim::test;

namespace {

// The listing equals the server's live DEDICATED images: same ids, no duplicate, every field equal.
bool sameAsState(const QList<Image> &images, const QJsonObject &state, QString *why)
{
    const QHash<QString, Image> expected = expectedDedicatedImages(state);
    QSet<QString> seen;
    for (const Image &image : images) {
        if (seen.contains(image.id)) {
            *why = u"duplicate "_s + image.id;
            return false;
        }
        seen.insert(image.id);
        const auto found = expected.constFind(image.id);
        if (found == expected.constEnd()) {
            *why = u"unexpected "_s + image.id;
            return false;
        }
        if (!(*found == image)) {
            *why = u"fields differ for "_s + image.id;
            return false;
        }
    }
    if (seen.size() != expected.size()) {
        *why = u"%1 listed, %2 expected"_s.arg(seen.size()).arg(expected.size());
        return false;
    }
    return true;
}

// ListImage requests a listing of every workspace makes at `pageSize` when nothing changes: at least one per
// workspace (ListImage without workspace_id shows the default "0" only), and one more each to check that it
// did not change while the others were read; and the pages that carry records.
struct ExpectedPages
{
    qint64 requests = 0;
    qint64 withRecords = 0;
};

ExpectedPages expectedPages(const QJsonObject &state, qint64 pageSize)
{
    QHash<QString, qint64> perWorkspace{{u"0"_s, 0}};
    for (const QJsonValue &value : stateImages(state)) {
        const QJsonObject image = value.toObject();
        const QString workspace = image.value(u"workspace_id"_s).toString();
        if (!perWorkspace.contains(workspace))
            perWorkspace.insert(workspace, 0);
        if (!image.value(u"deleted"_s).toBool() && image.value(u"type"_s).toString() == u"DEDICATED")
            ++perWorkspace[workspace];
    }
    ExpectedPages pages;
    for (const qint64 count : std::as_const(perWorkspace)) {
        pages.withRecords += (count + pageSize - 1) / pageSize;
        pages.requests +=
            qMax<qint64>(1, (count + pageSize - 1) / pageSize) + (perWorkspace.size() > 1 ? 1 : 0);
    }
    return pages;
}

} // namespace

class TestApiClientListing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEverythingExactly();
    void pageSizeNotDividingTotal();
    void currentCountedFromZeroOrOne_data();
    void currentCountedFromZeroOrOne();
    void largestPageSize();
    void builtInAndFilteredListings();
    void emptyListing();
    void randomTransientFaults();
    void pageFailureFailsTheListing();
    void cancelMidway();
    void destroyingClientCancelsListing();
    void tokenExpiresDuringListing();
    void dataChangingDuringListingIsReadAgain();
    void listsEveryWorkspace();
    void refusedWorkspaceListFallsBackToTheDefault_data();
    void refusedWorkspaceListFallsBackToTheDefault();
    void failedWorkspaceListFailsTheListing();
    void windowGrowsUnderFastServer();
    void windowHalvesOnThrottling();
    void retryAfterHoldsNewPagesBack();
    void adaptiveWindowExactUnderFaults();
    void pagesArriveBeforeTheEnd();
    void everyWorkspaceAsksForItsFirstPageAtOnce();
    void workspacesShareOneWindow();
    void sharedWindowHalvesOnThrottling();
    void sharedWindowExactUnderFaults();
    void workspaceChangedAfterItsListingIsReadAgain();
    void oneOutOneInBesideAChangeIsReadAgain();
    void imageInSeveralWorkspacesIsListedOnce();
    void defaultWorkspaceIsReadWhileTheWorkspacesAreListed();

private:
    QNetworkAccessManager m_network;
};

void TestApiClientListing::listsEverythingExactly()
{
    SandboxFixture sandbox(1000);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(100);
    client.setMaxConcurrentRequests(4);

    const Listing outcome = watchListing(client.listAllImages(ListQuery()));
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QCOMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->passes, 1);
    QVERIFY(outcome->skipped.isEmpty());
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
    QCOMPARE(outcome->total, qint64(outcome->images.size()));
    QVERIFY(outcome->images.size() > 100);

    // Progress after each page that brings images, never beyond the total, ending complete.
    const ExpectedPages pages = expectedPages(sandbox.state(), 100);
    QCOMPARE(outcome->progress.size(), pages.withRecords);
    QCOMPARE(outcome->progress.constLast(), qMakePair(outcome->total, outcome->total));
    for (qsizetype i = 1; i < outcome->progress.size(); ++i)
        QVERIFY(outcome->progress[i].first > outcome->progress[i - 1].first);
    QCOMPARE(counter(sandbox, "list"), pages.requests);
    QCOMPARE(counter(sandbox, "workspaces"), 1);
}

void TestApiClientListing::pageSizeNotDividingTotal()
{
    SandboxFixture sandbox(500, 3);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(37);
    client.setMaxConcurrentRequests(3);

    const Listing outcome = watchListing(client.listAllImages(ListQuery()));
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QVERIFY(outcome->total % 37 != 0);
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
}

void TestApiClientListing::currentCountedFromZeroOrOne_data()
{
    QTest::addColumn<int>("currentBase");
    QTest::newRow("current from 0") << 0;
    QTest::newRow("current from 1") << 1;
}

// Sources disagree whether `current` counts pages from 0 or 1; the listing pages by offset and must not care.
void TestApiClientListing::currentCountedFromZeroOrOne()
{
    QFETCH(int, currentBase);
    sandbox::SandboxOptions options;
    options.imageCount = 400;
    options.seed = 8;
    options.currentBase = currentBase;
    SandboxFixture sandbox(options);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(40);

    const Listing outcome = watchListing(client.listAllImages(ListQuery()));
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QCOMPARE(outcome->passes, 1);
    QVERIFY(outcome->total > 40);
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
}

void TestApiClientListing::largestPageSize()
{
    SandboxFixture sandbox(2500, 5);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(1000);

    const Listing outcome = watchListing(client.listAllImages(ListQuery()));
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QVERIFY(outcome->total > 1000);
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
    QCOMPARE(outcome->passes, 1);
}

void TestApiClientListing::builtInAndFilteredListings()
{
    SandboxFixture sandbox(300);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(50);

    ListQuery builtIn;
    builtIn.type = u"BUILD_IN"_s;
    const Listing outcome = watchListing(client.listAllImages(builtIn));
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    qsizetype expected = 0;
    for (const QJsonValue &value : stateImages(sandbox.state())) {
        const QJsonObject entry = value.toObject();
        if (!entry.value(u"deleted"_s).toBool() && entry.value(u"type"_s).toString() == "BUILD_IN"_L1)
            ++expected;
    }
    QCOMPARE(outcome->images.size(), expected);
    for (const Image &image : std::as_const(outcome->images))
        QVERIFY(image.isBuiltIn());

    // A namespace filter reaches the server and narrows the result.
    const Image sample = expectedDedicatedImages(sandbox.state()).begin().value();
    ListQuery byNamespace;
    byNamespace.nameSpace = sample.nameSpace;
    const Listing filtered = watchListing(client.listAllImages(byNamespace));
    QVERIFY(waitForListing(filtered));
    QVERIFY2(filtered->succeeded, qPrintable(filtered->error.fullText()));
    QVERIFY(!filtered->images.isEmpty());
    for (const Image &image : std::as_const(filtered->images))
        QCOMPARE(image.nameSpace, sample.nameSpace);
}

void TestApiClientListing::emptyListing()
{
    SandboxFixture sandbox(50);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    ListQuery query;
    query.name = u"no-image-has-this-name"_s;
    const Listing outcome = watchListing(client.listAllImages(query));
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QVERIFY(outcome->images.isEmpty());
    QCOMPARE(outcome->total, 0);
    // One empty page per workspace, and one more each to check that it stayed empty.
    QCOMPARE(counter(sandbox, "list"), 2 * outcome->workspaces.size());
}

void TestApiClientListing::randomTransientFaults()
{
    SandboxFixture sandbox(2000, 11);
    QVERIFY(sandbox.start());
    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    settings.retry.maxAttempts = 10;
    settings.retry.maxDelayMs = 50; // also caps the 1 s Retry-After of the 429s
    ApiClient client(&m_network, settings);
    client.setPageSize(50);
    client.setMaxConcurrentRequests(4);
    sandbox.setFaults(QJsonObject{
        {u"rate"_s, 0.1},
        {u"seed"_s, 42},
        {u"kinds"_s,
         QJsonArray{u"429"_s, u"502"_s, u"503"_s, u"504"_s, u"reset"_s, u"truncate"_s, u"malformed"_s}},
    });

    const Listing outcome = watchListing(client.listAllImages(ListQuery()));
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
    QVERIFY(counter(sandbox, "faults_injected") > 0);
}

void TestApiClientListing::pageFailureFailsTheListing()
{
    SandboxFixture sandbox(400);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(50);
    // The first page arrives (slowly), the second fails with an error that is not worth retrying.
    sandbox.setFaults(QJsonObject{
        {u"stall_ms"_s, 20},
        {u"script"_s, QJsonArray{QJsonObject{{u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"slow"_s}},
                                 QJsonObject{{u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"500"_s}}}},
    });

    const Listing outcome = watchListing(client.listAllImages(ListQuery()));
    QVERIFY(waitForListing(outcome));
    QCOMPARE(outcome->error.kind, ErrorKind::Server);
    QCOMPARE(outcome->finishedCount, 1);
    QVERIFY(outcome->images.isEmpty());
}

void TestApiClientListing::cancelMidway()
{
    SandboxFixture sandbox(1000);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(50);
    client.setMaxConcurrentRequests(2);
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 150}});

    ImageListing *listing = client.listAllImages(ListQuery());
    const Listing outcome = watchListing(listing);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->progress.size() >= 2, 10000);
    listing->cancel();
    QCOMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->error.kind, ErrorKind::Cancelled);
    const qint64 requestsAtCancel = counter(sandbox, "requests");
    QTest::qWait(500);
    // Requests already on the wire when cancel() ran may still reach the server; nothing new may start.
    const qint64 settled = counter(sandbox, "requests");
    QVERIFY(settled <= requestsAtCancel + client.maxConcurrentRequests());
    QTest::qWait(500);
    QCOMPARE(counter(sandbox, "requests"), settled);
    QCOMPARE(outcome->finishedCount, 1);
    QVERIFY(requestsAtCancel < 20);
}

void TestApiClientListing::destroyingClientCancelsListing()
{
    SandboxFixture sandbox(300);
    QVERIFY(sandbox.start());
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 100}});
    auto client = std::make_unique<ApiClient>(&m_network, withFastRetries(sandbox.akskSettings()));
    client->setPageSize(20);
    const Listing outcome = watchListing(client->listAllImages(ListQuery()));
    QTRY_VERIFY_WITH_TIMEOUT(!outcome->progress.isEmpty(), 10000);
    client.reset();
    QCOMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->error.kind, ErrorKind::Cancelled);
    QTest::qWait(300);
    QCOMPARE(outcome->finishedCount, 1);
}

void TestApiClientListing::tokenExpiresDuringListing()
{
    SandboxFixture sandbox(1000);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.passwordSettings()));
    client.setPageSize(50);
    client.setMaxConcurrentRequests(4);
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 50}});

    const Listing outcome = watchListing(client.listAllImages(ListQuery()));
    QTRY_VERIFY_WITH_TIMEOUT(!outcome->progress.isEmpty(), 10000);
    adminRequest(sandbox.baseUrl(), "POST", u"/sandbox/expire-tokens"_s);
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    // Every page in flight hit the 401; they shared one new login.
    QCOMPARE(counter(sandbox, "token"), 2);
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
}

void TestApiClientListing::dataChangingDuringListingIsReadAgain()
{
    SandboxFixture sandbox(1000);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(50);
    client.setMaxConcurrentRequests(2);
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 60}});
    // Another client deletes images while the listing runs; it must not see a shifted page boundary.
    ApiClient other(&m_network, withFastRetries(sandbox.akskSettings()));
    QStringList victims;
    for (const QJsonValue &value : stateImages(sandbox.state())) {
        const QJsonObject entry = value.toObject();
        // In the default workspace: the largest, so its listing is still running when they go.
        if (victims.size() < 5 && entry.value(u"type"_s).toString() == "DEDICATED"_L1 &&
            entry.value(u"workspace_id"_s).toString() == "0"_L1 && !entry.value(u"in_use"_s).toBool() &&
            !entry.value(u"deleted"_s).toBool())
            victims.append(entry.value(u"id"_s).toString());
    }
    QCOMPARE(victims.size(), 5);

    const Listing outcome = watchListing(client.listAllImages(ListQuery()));
    QTRY_VERIFY_WITH_TIMEOUT(!outcome->progress.isEmpty(), 10000);
    QList<Outcome> deletions;
    for (const QString &id : std::as_const(victims))
        deletions.append(watch(other.deleteImage(id, false)));
    for (const Outcome &deletion : std::as_const(deletions)) {
        QVERIFY(waitFor(deletion));
        QVERIFY2(deletion->succeeded, qPrintable(deletion->error.fullText()));
    }
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QVERIFY(outcome->passes >= 2);
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
    for (const Image &image : std::as_const(outcome->images))
        QVERIFY(!victims.contains(image.id));
}

// ListImage without workspace_id shows the default workspace only: the account's images are read workspace by
// workspace, each once, none twice, the names kept for showing.
void TestApiClientListing::listsEveryWorkspace()
{
    SandboxFixture sandbox(900, 4);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(50);
    client.setMaxConcurrentRequests(4);
    QSet<QString> expectedWorkspaces{u"0"_s};
    qsizetype outsideDefault = 0;
    for (const QJsonValue &value : stateImages(sandbox.state())) {
        const QString workspace = value.toObject().value(u"workspace_id"_s).toString();
        expectedWorkspaces.insert(workspace);
        outsideDefault += workspace != u"0" && value.toObject().value(u"type"_s).toString() == u"DEDICATED";
    }
    QVERIFY(expectedWorkspaces.size() >= 3);
    QVERIFY(outsideDefault > 20);

    const Listing outcome = watchListing(client.listAllImages(ListQuery()));
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QVERIFY(!outcome->workspaceError.isError());
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
    QCOMPARE(outcome->total, qint64(outcome->images.size()));
    QSet<QString> listed;
    for (const Workspace &workspace : std::as_const(outcome->workspaces)) {
        listed.insert(workspace.id);
        QVERIFY(!workspace.name.isEmpty());
    }
    QCOMPARE(listed, expectedWorkspaces);
    QCOMPARE(outcome->workspaces.size(), expectedWorkspaces.size());
    QCOMPARE(counter(sandbox, "workspaces"), 1);
    QCOMPARE(counter(sandbox, "list"), expectedPages(sandbox.state(), 50).requests);

    // One workspace named: that one only, without ListWorkspace.
    ListQuery one;
    one.workspaceId = u"0"_s;
    const Listing single = watchListing(client.listAllImages(one));
    QVERIFY(waitForListing(single));
    QVERIFY(single->succeeded);
    QVERIFY(single->workspaces.isEmpty());
    QCOMPARE(single->images.size(), outcome->images.size() - outsideDefault);
    for (const Image &image : std::as_const(single->images))
        QCOMPARE(image.workspaceId, u"0"_s);
    QCOMPARE(counter(sandbox, "workspaces"), 1);
}

void TestApiClientListing::refusedWorkspaceListFallsBackToTheDefault_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("403 (not allowed)") << u"403"_s;
    QTest::newRow("404 (no such API)") << u"404"_s;
}

// Without permission to list workspaces (or without the API), the default workspace is still listed, and the
// listing says why the others are missing.
void TestApiClientListing::refusedWorkspaceListFallsBackToTheDefault()
{
    QFETCH(QString, fault);
    SandboxFixture sandbox(600, 4);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    sandbox.setFaults(
        {{u"script"_s, QJsonArray{QJsonObject{
                           {u"path_contains"_s, u"/workspaces"_s}, {u"fault"_s, fault}, {u"count"_s, 10}}}}});

    const Listing outcome = watchListing(client.listAllImages(ListQuery()));
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QVERIFY(outcome->workspaceError.isError());
    QCOMPARE(outcome->workspaceError.httpStatus, fault.toInt());
    QCOMPARE(outcome->workspaces.size(), 1);
    QVERIFY(outcome->workspaces.constFirst().isDefault());
    qsizetype inDefault = 0;
    for (const QJsonValue &value : stateImages(sandbox.state())) {
        const QJsonObject image = value.toObject();
        inDefault += image.value(u"workspace_id"_s).toString() == u"0" &&
                     image.value(u"type"_s).toString() == u"DEDICATED" && !image.value(u"deleted"_s).toBool();
    }
    QCOMPARE(outcome->images.size(), inDefault);
    for (const Image &image : std::as_const(outcome->images))
        QCOMPARE(image.workspaceId, u"0"_s);
}

// Anything but a refusal (here a server error) is not a reason to show part of the account as all of it.
void TestApiClientListing::failedWorkspaceListFailsTheListing()
{
    SandboxFixture sandbox(100, 4);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    sandbox.setFaults({{u"script"_s, QJsonArray{QJsonObject{{u"path_contains"_s, u"/workspaces"_s},
                                                            {u"fault"_s, u"500"_s},
                                                            {u"count"_s, 10}}}}});
    const Listing outcome = watchListing(client.listAllImages(ListQuery()));
    QVERIFY(waitForListing(outcome));
    QVERIFY(!outcome->succeeded);
    QCOMPARE(outcome->error.httpStatus, 500);
    QVERIFY(outcome->images.isEmpty());
    // The default workspace's one page, asked for with the list of workspaces; nothing after the failure.
    QCOMPARE(counter(sandbox, "list"), 1);
}

namespace {

struct WindowTrace
{
    QList<int> windows;
};

std::shared_ptr<WindowTrace> traceWindow(ImageListing *listing)
{
    auto trace = std::make_shared<WindowTrace>();
    trace->windows.append(listing->window());
    QObject::connect(listing, &ImageListing::windowChanged, listing,
                     [trace](int window) { trace->windows.append(window); });
    return trace;
}

} // namespace

void TestApiClientListing::windowGrowsUnderFastServer()
{
    SandboxFixture sandbox(6000, 3);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(20);
    QCOMPARE(client.listingWindow().initial, 4);
    QCOMPARE(client.listingWindow().limit, 16);
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 5}});

    ImageListing *listing = client.listAllImages(ListQuery());
    const auto trace = traceWindow(listing);
    int peak = 0;
    connect(listing, &ImageListing::finished, this, [listing, &peak] { peak = listing->peakInFlight(); });
    const Listing outcome = watchListing(listing);
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));

    QCOMPARE(trace->windows.constFirst(), 4);
    // Additive: one step at a time, up to the limit and never beyond.
    for (qsizetype i = 1; i < trace->windows.size(); ++i)
        QCOMPARE(trace->windows.at(i), trace->windows.at(i - 1) + 1);
    QCOMPARE(trace->windows.constLast(), 16);
    QVERIFY2(peak > 4 && peak <= 16, qPrintable(QString::number(peak)));
}

void TestApiClientListing::windowHalvesOnThrottling()
{
    SandboxFixture sandbox(6000, 3);
    QVERIFY(sandbox.start());
    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    settings.retry.maxAttempts = 10;
    ApiClient client(&m_network, settings);
    client.setPageSize(20);
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 5}, {u"retry_after_s"_s, 0}});

    ImageListing *listing = client.listAllImages(ListQuery());
    const auto trace = traceWindow(listing);
    int peak = 0;
    connect(listing, &ImageListing::finished, this, [listing, &peak] { peak = listing->peakInFlight(); });
    // Once the window has grown, the server answers 429 and 503 for a while.
    connect(listing, &ImageListing::windowChanged, this, [&sandbox](int window) {
        if (window == 12)
            sandbox.setFaults(QJsonObject{
                {u"latency_ms"_s, 5},
                {u"retry_after_s"_s, 0},
                {u"script"_s,
                 QJsonArray{
                     QJsonObject{{u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"429"_s}, {u"count"_s, 3}},
                     QJsonObject{
                         {u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"503"_s}, {u"count"_s, 3}}}},
            });
    });
    const Listing outcome = watchListing(listing);
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
    QVERIFY(counter(sandbox, "faults_injected") >= 6);

    const qsizetype top = trace->windows.indexOf(12);
    QVERIFY(top > 0);
    bool halved = false;
    for (qsizetype i = top + 1; i < trace->windows.size(); ++i) {
        const int before = trace->windows.at(i - 1);
        const int after = trace->windows.at(i);
        QVERIFY2(after == before + 1 || after == qMax(1, before / 2),
                 qPrintable(u"%1 -> %2"_s.arg(before).arg(after)));
        halved = halved || after < before;
    }
    QVERIFY(halved);
    QVERIFY(peak <= 16);
}

void TestApiClientListing::retryAfterHoldsNewPagesBack()
{
    // Enough pages that some are still to be asked for when the 429 arrives.
    SandboxFixture sandbox(2000, 3);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(50);
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 50}});
    ImageListing *listing = client.listAllImages(ListQuery());
    // After the first page, one page is throttled with Retry-After: 1; no other page may be sent during
    // that second.
    bool scripted = false;
    connect(listing, &ImageListing::pageArrived, this, [&] {
        if (!std::exchange(scripted, true))
            sandbox.setFaults(QJsonObject{
                {u"latency_ms"_s, 50},
                {u"retry_after_s"_s, 1},
                {u"script"_s,
                 QJsonArray{QJsonObject{{u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"429"_s}}}},
            });
    });
    QElapsedTimer clock;
    clock.start();
    qint64 throttledAt = -1;
    int lastWindow = listing->window();
    connect(listing, &ImageListing::windowChanged, this, [&](int window) {
        const bool shrank = window < std::exchange(lastWindow, window);
        if (shrank && throttledAt < 0)
            throttledAt = clock.elapsed();
    });
    // When the server reads each page request. The in-process server reads a request a few milliseconds
    // after it is sent: those sent just before the 429 arrived may be read just after it.
    QList<qint64> pageRequestsAt;
    connect(sandbox.server(), &sandbox::SandboxServer::requestHandled, listing, [&](const QString &line) {
        if (line.contains(u"/images?"_s))
            pageRequestsAt.append(clock.elapsed());
    });
    const Listing outcome = watchListing(listing);
    QTRY_VERIFY_WITH_TIMEOUT(throttledAt >= 0, 10000);
    QTest::qWait(700);
    constexpr qint64 SentBeforeMs = 30;
    for (const qint64 at : std::as_const(pageRequestsAt))
        QVERIFY2(at <= throttledAt + SentBeforeMs || at >= throttledAt + 700,
                 qPrintable(u"a page was requested %1 ms into the hold"_s.arg(at - throttledAt)));
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QVERIFY(clock.elapsed() >= 1000);
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
}

void TestApiClientListing::adaptiveWindowExactUnderFaults()
{
    SandboxFixture sandbox(3000, 13);
    QVERIFY(sandbox.start());
    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    settings.retry.maxAttempts = 10;
    settings.retry.maxDelayMs = 50; // also caps the 1 s Retry-After of the 429s
    ApiClient client(&m_network, settings);
    client.setPageSize(25);
    sandbox.setFaults(QJsonObject{
        {u"rate"_s, 0.1},
        {u"seed"_s, 7},
        {u"kinds"_s,
         QJsonArray{u"429"_s, u"502"_s, u"503"_s, u"504"_s, u"reset"_s, u"truncate"_s, u"malformed"_s}},
    });
    ImageListing *listing = client.listAllImages(ListQuery());
    int peak = 0;
    connect(listing, &ImageListing::finished, this, [listing, &peak] { peak = listing->peakInFlight(); });
    const Listing outcome = watchListing(listing);
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
    QVERIFY(counter(sandbox, "faults_injected") > 0);
    QVERIFY(peak >= 1 && peak <= 16);
}

void TestApiClientListing::pagesArriveBeforeTheEnd()
{
    SandboxFixture sandbox(1000, 5);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(50);
    ImageListing *listing = client.listAllImages(ListQuery());
    QSet<QString> arrived;
    int pages = 0;
    bool finishedBeforeFirstPage = false;
    const Listing outcome = watchListing(listing);
    connect(listing, &ImageListing::pageArrived, this, [&](const QList<Image> &images) {
        finishedBeforeFirstPage = finishedBeforeFirstPage || (pages == 0 && outcome->finishedCount > 0);
        ++pages;
        for (const Image &image : images)
            arrived.insert(image.id);
    });
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QVERIFY(!finishedBeforeFirstPage);
    QCOMPARE(pages, int((outcome->total + 49) / 50));
    QCOMPARE(arrived.size(), outcome->images.size());
}

namespace {

// The page requests of a listing as the server sees them, in the order they arrive (the in-process sandbox
// handles a request on the test's thread, before any answer to it can reach the client).
struct PageRequests
{
    QList<QString> workspaceOfFirstPages; // offset 0, by arrival
    int pages = 0;    // page requests (the checks of a total ask for 1 record: not counted)
    int answered = 0; // pages the listing received (pageArrived)
    int answeredOutsideTheDefault = 0;
    // First pages of the workspaces other than the default, asked for before any of their pages was answered.
    int otherFirstPagesBeforeTheirAnswer = 0;
    int mostOutstanding = 0; // requests that had arrived minus pages received, at its peak
};

std::shared_ptr<PageRequests> tracePageRequests(SandboxFixture &sandbox, ImageListing *listing, int pageSize)
{
    auto trace = std::make_shared<PageRequests>();
    QObject::connect(sandbox.server(), &sandbox::SandboxServer::requestHandled, listing,
                     [trace, pageSize](const QString &line) {
                         const qsizetype query = line.indexOf(u'?');
                         if (query < 0 || !line.left(query).endsWith(u"/images"))
                             return;
                         const QUrlQuery items(line.mid(query + 1).section(u' ', 0, 0));
                         if (items.queryItemValue(u"limit"_s).toInt() != pageSize)
                             return;
                         ++trace->pages;
                         trace->mostOutstanding =
                             qMax(trace->mostOutstanding, trace->pages - trace->answered);
                         if (items.queryItemValue(u"offset"_s).toInt() == 0) {
                             trace->workspaceOfFirstPages.append(items.queryItemValue(u"workspace_id"_s));
                             if (items.queryItemValue(u"workspace_id"_s) != u"0"_s &&
                                 trace->answeredOutsideTheDefault == 0)
                                 ++trace->otherFirstPagesBeforeTheirAnswer;
                         }
                     });
    QObject::connect(listing, &ImageListing::pageArrived, listing, [trace](const QList<Image> &images) {
        ++trace->answered;
        if (!images.isEmpty() && images.constFirst().workspaceId != u"0"_s)
            ++trace->answeredOutsideTheDefault;
    });
    return trace;
}

QSet<QString> workspacesOf(const QJsonObject &state)
{
    QSet<QString> workspaces{u"0"_s};
    for (const QJsonValue &value : stateImages(state))
        workspaces.insert(value.toObject().value(u"workspace_id"_s).toString());
    return workspaces;
}

} // namespace

// The first page of a workspace tells how many more it has: every workspace asks for it at once, so that
// every total is known after one round trip instead of one round trip per workspace. The default workspace,
// which every account has, asks for it with the list of workspaces, a round trip sooner.
void TestApiClientListing::everyWorkspaceAsksForItsFirstPageAtOnce()
{
    SandboxFixture sandbox(2000, 4);
    QVERIFY(sandbox.start());
    const QSet<QString> workspaces = workspacesOf(sandbox.state());
    QVERIFY(workspaces.size() >= 3);
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(20);
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 30}});

    ImageListing *listing = client.listAllImages(ListQuery());
    const auto trace = tracePageRequests(sandbox, listing, 20);
    const Listing outcome = watchListing(listing);
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));

    // The default workspace, which holds most images, goes first, before the workspaces are known; then
    // every other one at once.
    QCOMPARE(trace->workspaceOfFirstPages.constFirst(), u"0"_s);
    QCOMPARE(trace->otherFirstPagesBeforeTheirAnswer, workspaces.size() - 1);
    const QList<QString> firstPages = trace->workspaceOfFirstPages.mid(0, workspaces.size());
    QCOMPARE(QSet<QString>(firstPages.cbegin(), firstPages.cend()), workspaces);
    // Nothing changed: one pass, each first page asked for once.
    QCOMPARE(trace->workspaceOfFirstPages.size(), workspaces.size());
}

// The server throttles the account, not a workspace: however many workspaces are read at once, no more pages
// are in flight than one window allows, and that window grows from the answers of all of them.
void TestApiClientListing::workspacesShareOneWindow()
{
    SandboxFixture sandbox(6000, 4);
    QVERIFY(sandbox.start());
    QVERIFY(workspacesOf(sandbox.state()).size() >= 3);
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(20);
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 20}});

    ImageListing *listing = client.listAllImages(ListQuery());
    const auto trace = tracePageRequests(sandbox, listing, 20);
    const auto windows = traceWindow(listing);
    int peak = 0;
    connect(listing, &ImageListing::finished, this, [listing, &peak] { peak = listing->peakInFlight(); });
    const Listing outcome = watchListing(listing);
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
    QCOMPARE(counter(sandbox, "list"), expectedPages(sandbox.state(), 20).requests);

    // Seen by the server: never more than 16 requests that the listing has not received the answer of.
    QVERIFY2(trace->mostOutstanding > 4 && trace->mostOutstanding <= 16,
             qPrintable(QString::number(trace->mostOutstanding)));
    QVERIFY2(peak > 4 && peak <= 16, qPrintable(QString::number(peak)));
    // One window for the account: it starts at 4 and only grows, one step at a time, up to 16.
    QCOMPARE(windows->windows.constFirst(), 4);
    for (qsizetype i = 1; i < windows->windows.size(); ++i)
        QCOMPARE(windows->windows.at(i), windows->windows.at(i - 1) + 1);
    QCOMPARE(windows->windows.constLast(), 16);
}

// A 429 or 503 to a page of any workspace halves the one window, and the pages of every workspace are held
// back for its Retry-After.
void TestApiClientListing::sharedWindowHalvesOnThrottling()
{
    SandboxFixture sandbox(6000, 4);
    QVERIFY(sandbox.start());
    QVERIFY(workspacesOf(sandbox.state()).size() >= 3);
    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    settings.retry.maxAttempts = 10;
    ApiClient client(&m_network, settings);
    client.setPageSize(20);
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 5}, {u"retry_after_s"_s, 0}});

    ImageListing *listing = client.listAllImages(ListQuery());
    const auto windows = traceWindow(listing);
    int peak = 0;
    connect(listing, &ImageListing::finished, this, [listing, &peak] { peak = listing->peakInFlight(); });
    // Once every workspace is being read and the window has grown, the server answers 429 for a while.
    connect(listing, &ImageListing::windowChanged, this, [&sandbox](int window) {
        if (window == 12)
            sandbox.setFaults(QJsonObject{
                {u"latency_ms"_s, 5},
                {u"retry_after_s"_s, 0},
                {u"script"_s,
                 QJsonArray{QJsonObject{
                     {u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"429"_s}, {u"count"_s, 4}}}},
            });
    });
    const Listing outcome = watchListing(listing);
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
    QVERIFY(counter(sandbox, "faults_injected") >= 4);

    const qsizetype top = windows->windows.indexOf(12);
    QVERIFY(top > 0);
    int lowest = 12;
    for (qsizetype i = top + 1; i < windows->windows.size(); ++i) {
        const int before = windows->windows.at(i - 1);
        const int after = windows->windows.at(i);
        QVERIFY2(after == before + 1 || after == qMax(1, before / 2),
                 qPrintable(u"%1 -> %2"_s.arg(before).arg(after)));
        lowest = qMin(lowest, after);
    }
    // Halved, but once per window of pages rather than once per throttled page (four in a row would leave 1).
    QVERIFY2(lowest >= 3 && lowest <= 6, qPrintable(QString::number(lowest)));
    QVERIFY(peak <= 16);
}

// Every workspace read at once, one window, a tenth of the answers failing in every way the network can fail:
// the listing is still every image, exactly once.
void TestApiClientListing::sharedWindowExactUnderFaults()
{
    SandboxFixture sandbox(4000, 4);
    QVERIFY(sandbox.start());
    const QSet<QString> workspaces = workspacesOf(sandbox.state());
    QVERIFY(workspaces.size() >= 3);
    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    settings.retry.maxAttempts = 10;
    settings.retry.maxDelayMs = 50; // also caps the 1 s Retry-After of the 429s
    ApiClient client(&m_network, settings);
    client.setPageSize(25);
    sandbox.setFaults(QJsonObject{
        {u"rate"_s, 0.1},
        {u"seed"_s, 11},
        {u"latency_ms"_s, 5},
        {u"kinds"_s,
         QJsonArray{u"429"_s, u"502"_s, u"503"_s, u"504"_s, u"reset"_s, u"truncate"_s, u"malformed"_s}},
    });
    ImageListing *listing = client.listAllImages(ListQuery());
    int peak = 0;
    connect(listing, &ImageListing::finished, this, [listing, &peak] { peak = listing->peakInFlight(); });
    const Listing outcome = watchListing(listing);
    QVERIFY(waitForListing(outcome, 90000));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
    QCOMPARE(outcome->total, qint64(outcome->images.size()));
    QCOMPARE(outcome->workspaces.size(), workspaces.size());
    QVERIFY(counter(sandbox, "faults_injected") > 0);
    QVERIFY2(peak >= 1 && peak <= 16, qPrintable(QString::number(peak)));
}

// The default workspace is read first and finishes while the others are still being read; an image deleted
// from it then is not in the listing: its total, checked once every workspace is read, sends it round again.
void TestApiClientListing::workspaceChangedAfterItsListingIsReadAgain()
{
    SandboxFixture sandbox(8000, 4);
    QVERIFY(sandbox.start());
    QVERIFY(workspacesOf(sandbox.state()).size() >= 3);
    qsizetype inDefault = 0;
    QString victim;
    for (const QJsonValue &value : stateImages(sandbox.state())) {
        const QJsonObject image = value.toObject();
        if (image.value(u"workspace_id"_s).toString() != u"0" ||
            image.value(u"type"_s).toString() != u"DEDICATED" || image.value(u"deleted"_s).toBool())
            continue;
        ++inDefault;
        if (victim.isEmpty() && !image.value(u"in_use"_s).toBool())
            victim = image.value(u"id"_s).toString();
    }
    QVERIFY(!victim.isEmpty());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(10);
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 40}});
    ApiClient other(&m_network, withFastRetries(sandbox.akskSettings()));

    ImageListing *listing = client.listAllImages(ListQuery());
    const Listing outcome = watchListing(listing);
    qsizetype arrivedInDefault = 0;
    Outcome deletion;
    qint64 listedWhenDeleted = -1;
    connect(listing, &ImageListing::pageArrived, this, [&](const QList<Image> &images) {
        for (const Image &image : images)
            arrivedInDefault += image.workspaceId == u"0";
        if (!deletion && arrivedInDefault >= inDefault) {
            listedWhenDeleted = counter(sandbox, "list");
            deletion = watch(other.deleteImage(victim, false));
        }
    });
    QVERIFY(waitForListing(outcome));
    QVERIFY(deletion);
    QVERIFY(waitFor(deletion));
    QVERIFY2(deletion->succeeded, qPrintable(deletion->error.fullText()));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    // The other workspaces were still being read when it went.
    QVERIFY(counter(sandbox, "list") > listedWhenDeleted + 1);
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
    for (const Image &image : std::as_const(outcome->images))
        QVERIFY(image.id != victim);
    QCOMPARE(outcome->total, qint64(outcome->images.size()));
    // The default workspace's pages were all asked for twice, the other workspaces' once, and every total
    // checked twice.
    const qint64 readAgain = (inDefault - 1 + 9) / 10 + workspacesOf(sandbox.state()).size();
    QCOMPARE(counter(sandbox, "list"), expectedPages(sandbox.state(), 10).requests + readAgain);
}

// A small workspace loses its second newest image and gains an old one while its first page is read and the
// default workspace changes too: its total and newest image stay the same, yet what it read is stale (one
// image skipped, the deleted one kept). The change another workspace saw makes it read again.
void TestApiClientListing::oneOutOneInBesideAChangeIsReadAgain()
{
    SandboxFixture sandbox(3000, 4);
    QVERIFY(sandbox.start());
    // The images of each workspace, newest first, as the server lists them.
    QHash<QString, QList<std::pair<qint64, QString>>> byWorkspace;
    for (const QJsonValue &value : stateImages(sandbox.state())) {
        const QJsonObject image = value.toObject();
        if (image.value(u"type"_s).toString() != u"DEDICATED" || image.value(u"deleted"_s).toBool())
            continue;
        byWorkspace[image.value(u"workspace_id"_s).toString()].append(
            {-image.value(u"create_at"_s).toInteger(), image.value(u"id"_s).toString()});
    }
    QString small;
    for (auto it = byWorkspace.begin(); it != byWorkspace.end(); ++it) {
        std::sort(it->begin(), it->end());
        if (it.key() != u"0" && it->size() >= 30)
            small = it.key();
    }
    QVERIFY(!small.isEmpty());
    QVERIFY(byWorkspace.value(u"0"_s).size() > 1000);
    const QString victim = byWorkspace.value(small).at(1).second;
    const QString otherVictim = byWorkspace.value(u"0"_s).at(500).second;

    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    client.setPageSize(10);
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 20}});
    ImageListing *listing = client.listAllImages(ListQuery());
    const Listing outcome = watchListing(listing);
    bool changed = false;
    QString added;
    connect(listing, &ImageListing::pageArrived, this, [&](const QList<Image> &images) {
        if (changed || images.isEmpty() || images.constFirst().workspaceId != small)
            return;
        changed = true;
        QVERIFY(sandbox.server()->removeImage(victim));
        QVERIFY(sandbox.server()->removeImage(otherVictim));
        QString error;
        added = sandbox.server()->addImage(QJsonObject{{u"name"_s, u"restored"_s},
                                                       {u"workspace_id"_s, small},
                                                       {u"create_at"_s, qint64(1000000000000)},
                                                       {u"update_at"_s, qint64(1000000000000)}},
                                           &error);
        QVERIFY2(!added.isEmpty(), qPrintable(error));
    });
    QVERIFY(waitForListing(outcome));
    QVERIFY(changed);
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QString why;
    QVERIFY2(sameAsState(outcome->images, sandbox.state(), &why), qPrintable(why));
    QVERIFY(std::any_of(outcome->images.cbegin(), outcome->images.cend(),
                        [&](const Image &image) { return image.id == added; }));
}

// A server that lists an image in more than one workspace (as one that ignores workspace_id would): the
// listing holds it once, and every other image once, whichever workspace is the largest.
void TestApiClientListing::imageInSeveralWorkspacesIsListedOnce()
{
    // Newest first, as the service lists them. "shared" is in all three, "pair" in the two small ones.
    const QString second(32, u'b');
    const QString third(32, u'c');
    const QHash<QString, QStringList> imagesOf{
        {u"0"_s, {u"a1"_s, u"shared"_s, u"a2"_s, u"a3"_s, u"a4"_s}},
        {second, {u"pair"_s, u"shared"_s, u"b1"_s}},
        {third, {u"c1"_s, u"pair"_s, u"shared"_s}},
    };
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.handler = [&imagesOf, &second, &third](const ScriptedHttpServer::Request &request) {
        if (request.path().endsWith("/workspaces")) {
            QJsonArray workspaces;
            for (const QString &id : {u"0"_s, second, third})
                workspaces.append(QJsonObject{{u"id"_s, id}, {u"name"_s, QString(u"workspace "_s + id)}});
            return ScriptedHttpServer::Response::ok(
                QJsonDocument(
                    QJsonObject{{u"total_count"_s, 3}, {u"count"_s, 3}, {u"workspaces"_s, workspaces}})
                    .toJson(QJsonDocument::Compact));
        }
        const QString workspace =
            request.query(u"workspace_id"_s).isEmpty() ? u"0"_s : request.query(u"workspace_id"_s);
        const QStringList ids = imagesOf.value(workspace);
        const int offset = request.query(u"offset"_s).toInt();
        const int limit = request.query(u"limit"_s).toInt();
        QJsonArray data;
        for (int i = offset; i < qMin(int(ids.size()), offset + limit); ++i) {
            data.append(QJsonObject{{u"id"_s, ids.at(i)},
                                    {u"name"_s, ids.at(i)},
                                    {u"tag"_s, u"1"_s},
                                    {u"type"_s, u"DEDICATED"_s},
                                    {u"status"_s, u"ACTIVE"_s},
                                    {u"workspace_id"_s, workspace},
                                    {u"create_at"_s, qint64(1700000000000) - i}});
        }
        return ScriptedHttpServer::Response::ok(
            QJsonDocument(QJsonObject{{u"total"_s, ids.size()}, {u"data"_s, data}})
                .toJson(QJsonDocument::Compact));
    };
    ApiClient client(&m_network, withFastRetries(scriptedServerSettings(server.url())));
    const Listing outcome = watchListing(client.listAllImages(ListQuery()));
    QVERIFY(waitForListing(outcome));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QStringList ids;
    for (const Image &image : std::as_const(outcome->images))
        ids.append(image.id);
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids,
             (QStringList{u"a1"_s, u"a2"_s, u"a3"_s, u"a4"_s, u"b1"_s, u"c1"_s, u"pair"_s, u"shared"_s}));
}

// Every account has the default workspace: its pages do not wait for the list of workspaces (a round trip),
// and the listing does not end before that list is in.
void TestApiClientListing::defaultWorkspaceIsReadWhileTheWorkspacesAreListed()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.handler = [](const ScriptedHttpServer::Request &request) {
        ScriptedHttpServer::Response response;
        if (request.path().endsWith("/workspaces")) {
            response.hold = true; // never answered
            return response;
        }
        response.body = R"({"total":1,"data":[{"id":"only","name":"n","tag":"1","type":"DEDICATED",)"
                        R"("status":"ACTIVE","workspace_id":"0"}]})";
        return response;
    };
    ApiClient client(&m_network, withFastRetries(scriptedServerSettings(server.url())));
    ImageListing *listing = client.listAllImages(ListQuery());
    QSignalSpy pages(listing, &ImageListing::pageArrived);
    const Listing outcome = watchListing(listing);

    // The default workspace's page is read while the list of workspaces is not answered.
    QVERIFY(pages.wait(10000));
    QTest::qWait(100);
    QCOMPARE(outcome->finishedCount, 0);
    QVERIFY(server.received.constFirst().path().endsWith("/workspaces"));

    listing->cancel();
    QVERIFY(waitForListing(outcome));
    QCOMPARE(outcome->error.kind, ErrorKind::Cancelled);
}

QTEST_MAIN(TestApiClientListing)
#include "test_api_client_listing.moc"
