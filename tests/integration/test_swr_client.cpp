// The SWR calls of ApiClient against a scripted HTTP server: what goes on the wire (path, "$" for "/",
// signing, X-Project-Id), paging by Content-Range (servers that cap pages, lie about totals, repeat pages,
// change under the reader), delete outcomes, permission errors, retries and cancel.

#include "ErrorKindPrinting.h"
#include "models/api/AkSkSigner.h"
#include "models/api/ApiClient.h"
#include "models/api/SwrListing.h"
#include "ScriptedHttpServer.h"

#include <memory>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;
using mim::test::ScriptedHttpServer;

namespace {

const QByteArray AccessKey = "SWRTESTACCESSKEY0001";
const QByteArray SecretKey = "swr-test-secret-key";

ConnectionSettings settingsFor(const ScriptedHttpServer &server)
{
    ConnectionSettings settings;
    settings.regionId = u"cn-north-4"_s;
    settings.projectId = u"0123456789abcdef0123456789abcdef"_s;
    // ModelArts and IAM point nowhere: every request of these tests must go to the SWR endpoint.
    settings.modelArtsEndpoint = QUrl(u"http://127.0.0.1:9"_s);
    settings.iamEndpoint = QUrl(u"http://127.0.0.1:9"_s);
    settings.swrEndpoint = server.url();
    settings.credentials.accessKey = QString::fromLatin1(AccessKey);
    settings.credentials.secretKey = QString::fromLatin1(SecretKey);
    settings.retry.baseDelayMs = 10;
    settings.retry.maxDelayMs = 50;
    settings.transferTimeoutMs = 10000;
    return settings;
}

struct CallResult
{
    bool finished = false;
    ApiError error;
    int httpStatus = 0;
    int attempts = 0;
    bool mayHaveTakenEffect = false;
    QByteArray body;
};

std::shared_ptr<CallResult> run(ApiCall *call)
{
    auto result = std::make_shared<CallResult>();
    QObject::connect(call, &ApiCall::finished, call, [call, result] {
        result->finished = true;
        result->error = call->error();
        result->httpStatus = call->httpStatus();
        result->attempts = call->attempts();
        result->mayHaveTakenEffect = call->mayHaveTakenEffect();
        result->body = call->body();
    });
    if (!QTest::qWaitFor([result] { return result->finished; }, 20000))
        qWarning("call did not finish");
    return result;
}

struct ListingResult
{
    bool finished = false;
    ApiError error;
    QList<SwrTag> tags;
    QList<SwrRepository> repositories;
    qint64 total = 0;
    int passes = 0;
    int requests = 0;
};

std::shared_ptr<ListingResult> run(SwrListing *listing)
{
    auto result = std::make_shared<ListingResult>();
    QObject::connect(listing, &SwrListing::finished, listing, [listing, result] {
        result->finished = true;
        result->error = listing->error();
        result->tags = listing->tags();
        result->repositories = listing->repositories();
        result->total = listing->total();
        result->passes = listing->passes();
        result->requests = listing->requests();
    });
    if (!QTest::qWaitFor([result] { return result->finished; }, 30000))
        qWarning("listing did not finish");
    return result;
}

QByteArray tagRecord(int index)
{
    return QJsonDocument(QJsonObject{{u"id"_s, index},
                                     {u"repo_id"_s, 1},
                                     {u"Tag"_s, u"v%1"_s.arg(index)},
                                     {u"digest"_s, u"sha256:%1"_s.arg(index)},
                                     {u"size"_s, 1000 + index},
                                     {u"path"_s, u"swr.example/ns/repo:v%1"_s.arg(index)},
                                     {u"created"_s, u"2024-01-01T00:00:00Z"_s},
                                     {u"updated"_s, u"2024-01-01T00:00:00Z"_s}})
        .toJson(QJsonDocument::Compact);
}

// A page of `total` tags the way SWR answers it: at most min(limit, cap) records from offset, with
// Content-Range unless told otherwise.
ScriptedHttpServer::Response tagPage(const ScriptedHttpServer::Request &request, qint64 total,
                                     qint64 cap = 1000, bool withRange = true)
{
    const qint64 offset = request.query(u"offset"_s).toLongLong();
    const qint64 limit = qMin<qint64>(request.query(u"limit"_s).toLongLong(), cap);
    const qint64 end = qMin(total, offset + limit);
    QByteArrayList records;
    for (qint64 i = offset; i < end; ++i)
        records.append(tagRecord(int(i)));
    ScriptedHttpServer::Response response;
    response.body = '[' + records.join(',') + ']';
    if (withRange) {
        const QByteArray range = total == 0 ? QByteArray("0-0/0")
                                            : QByteArray::number(offset) + '-' + QByteArray::number(end - 1) +
                                                  '/' + QByteArray::number(total);
        response.headers.append({"Content-Range", range});
    }
    return response;
}

ScriptedHttpServer::Response swrError(const QByteArray &status, const QByteArray &code)
{
    ScriptedHttpServer::Response response;
    response.status = status;
    response.body = R"([{"errorCode":")" + code + R"(","errorMessage":"refused","detail":""}])";
    return response;
}

} // namespace

class TestSwrClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tagsPageOnTheWire();
    void otherCallsOnTheWire();
    void dollarInRepositoryIsRefused();
    void noSwrEndpointIsRefused();
    void listsEveryPage();
    void serverThatCapsPagesIsReadWhole();
    void withoutContentRangeStopsAtAShortPage();
    void repeatedFullPagesStop();
    void lyingTotalFailsAtOnce();
    void emptyPageBeforeTheTotalFails();
    void rangeThatDisagreesWithTheBodyFails();
    void totalThatMovesIsReadAgain();
    void oddRecordFailsTheListing();
    void deleteOutcomes();
    void permissionDenied();
    void readsAreRetried();
    void cancelInFlight();

private:
    QNetworkAccessManager m_network;
};

void TestSwrClient::tagsPageOnTheWire()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.handler = [](const ScriptedHttpServer::Request &request) { return tagPage(request, 2); };
    const QDateTime pinned(QDate(2026, 12, 4), QTime(10, 0), Qt::UTC);
    ApiClient client(&m_network, settingsFor(server), [pinned] { return pinned; });

    const auto result = run(client.listSwrTagsPage(u"team-a"_s, u"group/py torch"_s, 0, 1000));
    QVERIFY2(!result->error.isError(), qPrintable(result->error.fullText()));
    QCOMPARE(server.received.size(), 1);
    const ScriptedHttpServer::Request &request = server.received.constFirst();
    QCOMPARE(request.method, QByteArray("GET"));
    // No /v1/{project} prefix: SWR takes the project from X-Project-Id. "/" in the repository is "$",
    // percent-encoded like every character outside the unreserved set.
    QCOMPARE(request.target,
             QByteArray("/v2/manage/namespaces/team-a/repos/group%24py%20torch/tags?limit=1000&offset=0"));
    QCOMPARE(request.header("Host"), server.url().authority().toUtf8());
    QCOMPARE(request.header("X-Project-Id"), QByteArray("0123456789abcdef0123456789abcdef"));
    QCOMPARE(request.header("X-Sdk-Date"), QByteArray("20261204T100000Z"));

    // The signature is the one the gateway computes from what it received.
    const QByteArray authorization = request.header("Authorization");
    QVERIFY(authorization.startsWith(QByteArray("SDK-HMAC-SHA256 Access=" + AccessKey)));
    const qsizetype from = authorization.indexOf("SignedHeaders=") + 14;
    HeaderList signedHeaders;
    for (const QByteArray &name : authorization.mid(from, authorization.indexOf(',', from) - from).split(';'))
        signedHeaders.append({name, request.header(name)});
    const QUrl url = QUrl::fromEncoded(server.url().toEncoded() + request.target, QUrl::StrictMode);
    const SignedRequest again =
        AkSkSigner::sign({request.method, url, signedHeaders, request.body}, AccessKey, SecretKey);
    QCOMPARE(authorization.mid(authorization.indexOf("Signature=") + 10).trimmed(), again.signature);
}

void TestSwrClient::otherCallsOnTheWire()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.handler = [](const ScriptedHttpServer::Request &request) {
        ScriptedHttpServer::Response response;
        if (request.method == "DELETE")
            response.status = "204 No Content";
        else
            response.body = "[]";
        return response;
    };
    ApiClient client(&m_network, settingsFor(server));
    QVERIFY(!run(client.listSwrNamespaces())->error.isError());
    QVERIFY(!run(client.listSwrRepositoriesPage(u"team-a"_s, 1000, 1000))->error.isError());
    QVERIFY(!run(client.listSwrRepositoriesPage({}, 0, 50))->error.isError());
    QVERIFY(!run(client.showSwrOverview())->error.isError());
    const auto deleted = run(client.deleteSwrTag(u"team-a"_s, u"a/b"_s, u"v1.0"_s));
    QVERIFY2(!deleted->error.isError(), qPrintable(deleted->error.fullText()));
    QCOMPARE(deleted->httpStatus, 204);
    QCOMPARE(server.received.size(), 5);
    QCOMPARE(server.received.at(0).target, QByteArray("/v2/manage/namespaces"));
    QCOMPARE(server.received.at(1).target,
             QByteArray("/v2/manage/repos?limit=1000&namespace=team-a&offset=1000"));
    QCOMPARE(server.received.at(2).target, QByteArray("/v2/manage/repos?limit=50&offset=0"));
    QCOMPARE(server.received.at(3).target, QByteArray("/v2/manage/overview"));
    QCOMPARE(server.received.at(4).method, QByteArray("DELETE"));
    QCOMPARE(server.received.at(4).target, QByteArray("/v2/manage/namespaces/team-a/repos/a%24b/tags/v1.0"));
    // A tag or namespace cannot climb out of its segment.
    QVERIFY(!run(client.deleteSwrTag(u"team-a"_s, u"repo"_s, u"../../x"_s))->error.isError());
    QCOMPARE(server.received.at(5).target,
             QByteArray("/v2/manage/namespaces/team-a/repos/repo/tags/..%2F..%2Fx"));
}

void TestSwrClient::dollarInRepositoryIsRefused()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    ApiClient client(&m_network, settingsFor(server));
    const auto deleted = run(client.deleteSwrTag(u"team-a"_s, u"a$b"_s, u"v1"_s));
    QCOMPARE(deleted->error.kind, ErrorKind::InvalidRequest);
    QVERIFY2(deleted->error.detail.contains(u"a$b"_s), qPrintable(deleted->error.fullText()));
    const auto listing = run(client.listSwrTags(u"team-a"_s, u"a$b"_s));
    QCOMPARE(listing->error.kind, ErrorKind::InvalidRequest);
    QCOMPARE(server.received.size(), 0);
}

void TestSwrClient::noSwrEndpointIsRefused()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    ConnectionSettings settings = settingsFor(server);
    settings.regionId = u"cn-east-4"_s;
    settings.swrEndpoint = QUrl();
    ApiClient client(&m_network, settings);
    const auto result = run(client.showSwrOverview());
    QCOMPARE(result->error.kind, ErrorKind::InvalidRequest);
    QVERIFY2(result->error.detail.contains(u"cn-east-4"_s), qPrintable(result->error.fullText()));
    QCOMPARE(server.received.size(), 0);
}

void TestSwrClient::listsEveryPage()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.handler = [](const ScriptedHttpServer::Request &request) { return tagPage(request, 2500); };
    ApiClient client(&m_network, settingsFor(server));
    const auto result = run(client.listSwrTags(u"ns"_s, u"group/repo"_s));
    QVERIFY2(!result->error.isError(), qPrintable(result->error.fullText()));
    QCOMPARE(result->tags.size(), 2500);
    QCOMPARE(result->total, 2500);
    QCOMPARE(result->requests, 3);
    QCOMPARE(result->passes, 1);
    QCOMPARE(result->tags.at(1234).tag, u"v1234"_s);
    QCOMPARE(result->tags.at(1234).sizeBytes, 2234);
    QCOMPARE(result->tags.at(1234).repository, u"group/repo"_s);
    QCOMPARE(result->tags.at(1234).nameSpace, u"ns"_s);
    QCOMPARE(server.received.at(2).query(u"offset"_s), u"2000"_s);
    QCOMPARE(server.received.at(2).query(u"limit"_s), QString::number(SwrListing::PageSize));
}

void TestSwrClient::serverThatCapsPagesIsReadWhole()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.handler = [](const ScriptedHttpServer::Request &request) { return tagPage(request, 750, 100); };
    ApiClient client(&m_network, settingsFor(server));
    const auto result = run(client.listSwrTags(u"ns"_s, u"repo"_s));
    QVERIFY2(!result->error.isError(), qPrintable(result->error.fullText()));
    QCOMPARE(result->tags.size(), 750);
    QCOMPARE(result->requests, 8);
}

void TestSwrClient::withoutContentRangeStopsAtAShortPage()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.handler = [](const ScriptedHttpServer::Request &request) {
        return tagPage(request, 1500, 1000, false);
    };
    ApiClient client(&m_network, settingsFor(server));
    const auto result = run(client.listSwrTags(u"ns"_s, u"repo"_s));
    QVERIFY2(!result->error.isError(), qPrintable(result->error.fullText()));
    QCOMPARE(result->tags.size(), 1500);
    QCOMPARE(result->total, -1);
    QCOMPARE(result->requests, 2);
}

void TestSwrClient::repeatedFullPagesStop()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    // Ignores offset: the same full page forever, and no Content-Range to tell.
    server.handler = [](const ScriptedHttpServer::Request &request) {
        ScriptedHttpServer::Request first = request;
        first.target = request.path() + "?limit=1000&offset=0";
        return tagPage(first, 5000, 1000, false);
    };
    ApiClient client(&m_network, settingsFor(server));
    const auto result = run(client.listSwrTags(u"ns"_s, u"repo"_s));
    QCOMPARE(result->error.kind, ErrorKind::BadResponse);
    QCOMPARE(result->requests, 2);
    QVERIFY(result->tags.isEmpty());
}

void TestSwrClient::lyingTotalFailsAtOnce()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    // One record per page and a total of 100 trillion: neither a loop nor an allocation follows.
    server.handler = [](const ScriptedHttpServer::Request &request) {
        ScriptedHttpServer::Response response = tagPage(request, 3, 1);
        const qint64 offset = request.query(u"offset"_s).toLongLong();
        response.headers = {{"Content-Range", QByteArray::number(offset) + '-' + QByteArray::number(offset) +
                                                  "/100000000000000"}};
        return response;
    };
    ApiClient client(&m_network, settingsFor(server));
    const auto huge = run(client.listSwrTags(u"ns"_s, u"repo"_s));
    QCOMPARE(huge->error.kind, ErrorKind::BadResponse);
    QCOMPARE(huge->requests, 1);

    // Within the record bound, but one record a page would take more requests than allowed.
    server.received.clear();
    server.handler = [](const ScriptedHttpServer::Request &request) {
        ScriptedHttpServer::Response response = tagPage(request, 3, 1);
        const qint64 offset = request.query(u"offset"_s).toLongLong();
        response.headers = {
            {"Content-Range", QByteArray::number(offset) + '-' + QByteArray::number(offset) + "/150000"}};
        return response;
    };
    const auto slow = run(client.listSwrTags(u"ns"_s, u"repo"_s));
    QCOMPARE(slow->error.kind, ErrorKind::BadResponse);
    QVERIFY2(slow->error.detail.contains(u"requests"_s), qPrintable(slow->error.detail));
    QCOMPARE(slow->requests, 1);
}

void TestSwrClient::emptyPageBeforeTheTotalFails()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    // Says 5,000 but sends nothing after the first page.
    server.handler = [](const ScriptedHttpServer::Request &request) {
        ScriptedHttpServer::Response response = tagPage(request, 5000);
        if (request.query(u"offset"_s) != "0"_L1) {
            response.body = "[]";
            response.headers = {{"Content-Range", "0-0/5000"}};
        }
        return response;
    };
    ApiClient client(&m_network, settingsFor(server));
    const auto result = run(client.listSwrTags(u"ns"_s, u"repo"_s));
    QCOMPARE(result->error.kind, ErrorKind::BadResponse);
    QCOMPARE(result->requests, 2);
}

void TestSwrClient::rangeThatDisagreesWithTheBodyFails()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.handler = [](const ScriptedHttpServer::Request &request) {
        ScriptedHttpServer::Response response = tagPage(request, 10);
        response.headers = {{"Content-Range", "0-4/10"}}; // 5 records, but 10 are sent
        return response;
    };
    ApiClient client(&m_network, settingsFor(server));
    const auto result = run(client.listSwrTags(u"ns"_s, u"repo"_s));
    QCOMPARE(result->error.kind, ErrorKind::BadResponse);
    QVERIFY2(result->error.detail.contains(u"10"_s), qPrintable(result->error.detail));
}

void TestSwrClient::totalThatMovesIsReadAgain()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    // A tag is pushed while the first pass reads: its second page reports one more.
    int requests = 0;
    server.handler = [&requests](const ScriptedHttpServer::Request &request) {
        ++requests;
        return tagPage(request, requests == 1 ? 1500 : 1501);
    };
    ApiClient client(&m_network, settingsFor(server));
    const auto result = run(client.listSwrTags(u"ns"_s, u"repo"_s));
    QVERIFY2(!result->error.isError(), qPrintable(result->error.fullText()));
    QCOMPARE(result->passes, 2);
    QCOMPARE(result->tags.size(), 1501);

    // One that never holds still fails after MaxPasses.
    requests = 0;
    server.handler = [&requests](const ScriptedHttpServer::Request &request) {
        ++requests;
        return tagPage(request, 1500 + requests);
    };
    const auto moving = run(client.listSwrTags(u"ns"_s, u"repo"_s));
    QCOMPARE(moving->error.kind, ErrorKind::BadResponse);
    QCOMPARE(moving->passes, SwrListing::MaxPasses);
}

void TestSwrClient::oddRecordFailsTheListing()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.handler = [](const ScriptedHttpServer::Request &) {
        ScriptedHttpServer::Response response;
        response.body = R"([{"name":"r","namespace":"n","size":"big"}])";
        response.headers = {{"Content-Range", "0-0/1"}};
        return response;
    };
    ApiClient client(&m_network, settingsFor(server));
    const auto result = run(client.listSwrRepositories(u"n"_s));
    QCOMPARE(result->error.kind, ErrorKind::BadResponse);
    QVERIFY2(result->error.detail.contains(u"size"_s), qPrintable(result->error.detail));
    // Not retried: the same body would come again.
    QCOMPARE(server.received.size(), 1);
    QVERIFY(result->repositories.isEmpty());
}

void TestSwrClient::deleteOutcomes()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.handler = [](const ScriptedHttpServer::Request &request) {
        if (request.path().endsWith("/gone"))
            return swrError("404 Not Found", "SVCSTG.SWR.4040005");
        if (request.path().endsWith("/wrong-route")) {
            ScriptedHttpServer::Response response;
            response.status = "404 Not Found";
            response.body = R"({"error_code":"APIGW.0101","error_msg":"The API does not exist"})";
            return response;
        }
        ScriptedHttpServer::Response response;
        response.status = "204 No Content";
        return response;
    };
    ApiClient client(&m_network, settingsFor(server));
    const auto outcomeOf = [&client](const QString &tag) {
        const auto result = run(client.deleteSwrTag(u"ns"_s, u"repo"_s, tag));
        return Swr::deleteOutcome(result->error, result->httpStatus, result->mayHaveTakenEffect);
    };
    QCOMPARE(outcomeOf(u"v1"_s), Swr::DeleteOutcome::Deleted);
    QCOMPARE(outcomeOf(u"gone"_s), Swr::DeleteOutcome::AlreadyGone);
    QCOMPARE(outcomeOf(u"wrong-route"_s), Swr::DeleteOutcome::Failed);
    QCOMPARE(server.received.size(), 3); // a 404 is an answer, not retried
}

void TestSwrClient::permissionDenied()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.handler = [](const ScriptedHttpServer::Request &) {
        return swrError("403 Forbidden", "SVCSTG.SWR.4030001");
    };
    ApiClient client(&m_network, settingsFor(server));
    const auto listing = run(client.listSwrRepositories());
    QCOMPARE(listing->error.kind, ErrorKind::Permission);
    QCOMPARE(listing->error.code, u"SVCSTG.SWR.4030001"_s);
    QCOMPARE(listing->error.httpStatus, 403);
    QVERIFY2(listing->error.summary().contains(u"SWR"_s), qPrintable(listing->error.summary()));
    QCOMPARE(server.received.size(), 1);
}

void TestSwrClient::readsAreRetried()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    int requests = 0;
    server.handler = [&requests](const ScriptedHttpServer::Request &request) {
        if (++requests == 1) {
            ScriptedHttpServer::Response busy;
            busy.status = "503 Service Unavailable";
            return busy;
        }
        return tagPage(request, 3);
    };
    ApiClient client(&m_network, settingsFor(server));
    const auto result = run(client.listSwrTags(u"ns"_s, u"repo"_s));
    QVERIFY2(!result->error.isError(), qPrintable(result->error.fullText()));
    QCOMPARE(result->tags.size(), 3);
    QCOMPARE(server.received.size(), 2);
}

void TestSwrClient::cancelInFlight()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.handler = [](const ScriptedHttpServer::Request &) {
        ScriptedHttpServer::Response response;
        response.hold = true;
        return response;
    };
    ApiClient client(&m_network, settingsFor(server));
    SwrListing *listing = client.listSwrTags(u"ns"_s, u"repo"_s);
    auto result = std::make_shared<ListingResult>();
    connect(listing, &SwrListing::finished, listing, [listing, result] {
        result->finished = true;
        result->error = listing->error();
    });
    QTRY_COMPARE(server.received.size(), 1);
    listing->cancel();
    QVERIFY(result->finished); // at once, like QNetworkReply::abort()
    QCOMPARE(result->error.kind, ErrorKind::Cancelled);
}

QTEST_GUILESS_MAIN(TestSwrClient)
#include "test_swr_client.moc"
