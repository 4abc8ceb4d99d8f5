// ApiClient against the in-process sandbox: requests on the wire, authentication, errors and retries.

#include "models/api/AkSkSigner.h"
#include "SandboxDefaults.h"
#include "ScriptedHttpServer.h"
#include "test_api_client_helpers.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;
using namespace mim::test;

namespace {

// Any id of the form ModelArts uses; the client refuses to build a path from anything else.
const QString AnyImageId = u"0a1b2c3d-0000-4000-8000-0000000000ff"_s;

// Recomputes the signature from what the server received, the way the gateway does.
QByteArray signatureOf(const ScriptedHttpServer::Request &request, const QUrl &origin, const QByteArray &sk,
                       QByteArray *signedHeaderNames)
{
    const QByteArray authorization = request.header("Authorization");
    const qsizetype from = authorization.indexOf("SignedHeaders=") + 14;
    *signedHeaderNames = authorization.mid(from, authorization.indexOf(',', from) - from);
    HeaderList signedHeaders;
    for (const QByteArray &name : signedHeaderNames->split(';'))
        signedHeaders.append({name, request.header(name)});
    const QUrl url = QUrl::fromEncoded(origin.toEncoded() + request.target, QUrl::StrictMode);
    const SignedRequest again = AkSkSigner::sign({request.method, url, signedHeaders, request.body},
                                                 QByteArray(sandbox::DefaultAccessKey), sk);
    return again.signature;
}

QByteArray signatureIn(const QByteArray &authorization)
{
    return authorization.mid(authorization.indexOf("Signature=") + 10).trimmed();
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wireFormatOfSignedDelete();
    void wireQueryIsExactlyWhatWasSigned();
    void wireFormatOfTokenCall();
    void listingAdvancesByWhatTheServerSends();
    void listingThatNeverSettlesStopsAfterThreePasses();
    void unreadableRecordsAreSkippedAndReported();
    void severalProjectsIsAnError();
    void showImageMatchesState();
    void deleteDeletesSwrContentOnlyWithForce_data();
    void deleteDeletesSwrContentOnlyWithForce();
    void deleteImageInUseIsRefused();
    void deleteBuiltInImageIsForbidden();
    void notFound();
    void wrongSecretKeyFailsSignature();
    void staleClockIsExplained();
    void projectIdDiscoveryWithAkSk();
    void tokenLogin();
    void projectIdDiscoveryWithPassword();
    void expiredTokenTriggersOneRelogin();
    void tokenIsRenewedBeforeItExpires();
    void wrongPasswordIsAuthentication();
    void wrongProjectId();
    void wrongProjectIdWithTokenDoesNotLogInAgain();
    void deleteAnsweredWithNoContent();
    void throttledCallHonoursRetryAfter();
    void throttledRetryRespectsBudget();
    void serverErrorIsNotRetried();
    void gatewayErrorsAreRetried_data();
    void gatewayErrorsAreRetried();
    void connectionResetIsRetried();
    void truncatedBodyIsRetried();
    void malformedBodyIsRetriedThenReported();
    void stalledResponseTimesOut();
    void postIsNotRetried();
    void plainHttpToRemoteHostIsRefused();
    void certificateErrorsAreReportedNotIgnored();
    void cancelInFlight();
    void destroyingClientCancelsCalls();
    void secretsNeverReachTheLog();
    void imageGroups();

private:
    QNetworkAccessManager m_network;
};

void TestApiClient::wireFormatOfSignedDelete()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    ConnectionSettings settings = scriptedServerSettings(server.url());
    settings.credentials.securityToken = u"temporary-security-token"_s;
    const QDateTime pinned(QDate(2026, 11, 22), QTime(7, 17), Qt::UTC);
    ApiClient client(&m_network, settings, [pinned] { return pinned; });

    const Outcome outcome = run(client.deleteImage(u"0a1b2c3d-0000-4000-8000-000000000001"_s, true));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QCOMPARE(outcome->requestId, u"scripted"_s);
    QCOMPARE(server.received.size(), 1);
    const ScriptedHttpServer::Request &request = server.received.constFirst();
    QCOMPARE(request.method, QByteArray("DELETE"));
    QCOMPARE(request.target, QByteArray("/v1/p1/images/0a1b2c3d-0000-4000-8000-000000000001?force=true"));
    QCOMPARE(request.body, QByteArray(R"({"is_force":true})"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json;charset=UTF-8"));
    QCOMPARE(request.header("Host"), server.url().authority().toUtf8());
    QCOMPARE(request.header("X-Project-Id"), QByteArray("p1"));
    QCOMPARE(request.header("X-Security-Token"), QByteArray("temporary-security-token"));
    QCOMPARE(request.header("X-Sdk-Date"), QByteArray("20261122T071700Z"));
    QVERIFY(request.header("X-Auth-Token").isEmpty());

    QByteArray signedHeaders;
    const QByteArray expected =
        signatureOf(request, server.url(), QByteArray(sandbox::DefaultSecretKey), &signedHeaders);
    QCOMPARE(signedHeaders, QByteArray("content-type;host;x-project-id;x-sdk-date;x-security-token"));
    QCOMPARE(signatureIn(request.header("Authorization")), expected);
    QVERIFY(request.header("Authorization")
                .startsWith(QByteArray(QByteArray("SDK-HMAC-SHA256 Access=") + sandbox::DefaultAccessKey)));

    // force=false goes both ways as well.
    QVERIFY(run(client.deleteImage(u"0a1b2c3d00004000800000000000abcd"_s, false))->succeeded);
    QCOMPARE(server.received.at(1).target,
             QByteArray("/v1/p1/images/0a1b2c3d00004000800000000000abcd?force=false"));
    QCOMPARE(server.received.at(1).body, QByteArray(R"({"is_force":false})"));
}

void TestApiClient::wireQueryIsExactlyWhatWasSigned()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    ApiClient client(&m_network, scriptedServerSettings(server.url()));

    ListQuery query;
    query.name = u"a b+c/d=e&f%g~h*'()!ü"_s;
    query.sortKey = u"update_at,name"_s;
    QVERIFY(run(client.listImagesPage(query, 400, 200))->succeeded);
    QCOMPARE(server.received.size(), 1);
    const ScriptedHttpServer::Request &request = server.received.constFirst();
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    // The canonical query (sorted, RFC 3986 encoded) is what travels.
    QCOMPARE(request.target,
             QByteArray("/v1/p1/images?limit=200&name=a%20b%2Bc%2Fd%3De%26f%25g~h%2A%27%28%29%21%C3%BC"
                        "&name_fuzzy_match=true&offset=400&sort_key=update_at%2Cname&type=DEDICATED"));
    QByteArray signedHeaders;
    QCOMPARE(signatureIn(request.header("Authorization")),
             signatureOf(request, server.url(), QByteArray(sandbox::DefaultSecretKey), &signedHeaders));
    QCOMPARE(signedHeaders, QByteArray("content-type;host;x-project-id;x-sdk-date"));
    QCOMPARE(query.toUrlQuery().queryItemValue(u"name"_s, QUrl::FullyDecoded), query.name);
}

void TestApiClient::wireFormatOfTokenCall()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    QByteArray subjectToken; // none at first
    server.handler = [&subjectToken](const ScriptedHttpServer::Request &) {
        auto response = ScriptedHttpServer::Response::ok(
            R"({"token":{"expires_at":"2099-01-01T00:00:00.000000Z","project":{"id":"p-from-token"}}})");
        if (!subjectToken.isEmpty())
            response.headers.append({QByteArrayLiteral("X-Subject-Token"), subjectToken});
        return response;
    };
    ConnectionSettings settings;
    settings.regionId = u"cn-north-4"_s;
    settings.modelArtsEndpoint = server.url();
    settings.iamEndpoint = server.url();
    settings.credentials.method = AuthMethod::Password;
    settings.credentials.userName = u"user"_s;
    settings.credentials.domainName = u"domain"_s;
    settings.credentials.password = u"pass-word"_s;
    ApiClient client(&m_network, settings);
    QSignalSpy resolved(&client, &ApiClient::projectIdResolved);

    // Without X-Subject-Token the login is unusable: said so, nothing else is sent.
    const Outcome failed = run(client.showImage(AnyImageId));
    QCOMPARE(failed->error.kind, ErrorKind::BadResponse);
    QVERIFY(failed->error.detail.contains(u"X-Subject-Token"_s));
    QCOMPARE(server.received.size(), 1);
    const ScriptedHttpServer::Request login = server.received.constFirst();
    QCOMPARE(login.method, QByteArray("POST"));
    QCOMPARE(login.target, QByteArray("/v3/auth/tokens?nocatalog=true"));
    QCOMPARE(login.header("Content-Type"), QByteArray("application/json;charset=UTF-8"));
    QVERIFY(login.header("Authorization").isEmpty());
    QVERIFY(login.header("X-Auth-Token").isEmpty());
    const QJsonObject auth = QJsonDocument::fromJson(login.body).object().value(u"auth"_s).toObject();
    QCOMPARE(auth.value(u"identity"_s).toObject().value(u"methods"_s).toArray(), QJsonArray{u"password"_s});
    const QJsonObject user =
        auth.value(u"identity"_s).toObject().value(u"password"_s).toObject().value(u"user"_s).toObject();
    QCOMPARE(user.value(u"name"_s).toString(), u"user"_s);
    QCOMPARE(user.value(u"password"_s).toString(), u"pass-word"_s);
    QCOMPARE(user.value(u"domain"_s).toObject().value(u"name"_s).toString(), u"domain"_s);
    QCOMPARE(auth.value(u"scope"_s).toObject().value(u"project"_s).toObject().value(u"name"_s).toString(),
             u"cn-north-4"_s);
    QCOMPARE(resolved.count(), 0);

    // With it: the token goes in X-Auth-Token, the project comes from the token, nothing is signed.
    subjectToken = "token-value-123";
    const Outcome shown = run(client.showImage(AnyImageId));
    QVERIFY2(shown->succeeded, qPrintable(shown->error.fullText()));
    QCOMPARE(server.received.size(), 3);
    const ScriptedHttpServer::Request call = server.received.at(2);
    QCOMPARE(call.method, QByteArray("GET"));
    QCOMPARE(call.target, "/v1/p-from-token/images/" + AnyImageId.toLatin1());
    QCOMPARE(call.header("X-Auth-Token"), QByteArray("token-value-123"));
    QCOMPARE(call.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(call.header("Authorization").isEmpty());
    QVERIFY(call.header("X-Sdk-Date").isEmpty());
    QCOMPARE(resolved.count(), 1);
    QCOMPARE(resolved.constFirst().constFirst().toString(), u"p-from-token"_s);

    // The next login is scoped by the project id now known.
    subjectToken.clear();
    ApiClient second(&m_network, [&] {
        ConnectionSettings known = settings;
        known.projectId = u"p-known"_s;
        return known;
    }());
    run(second.showImage(AnyImageId));
    const QJsonObject scope = QJsonDocument::fromJson(server.received.constLast().body)
                                  .object()
                                  .value(u"auth"_s)
                                  .toObject()
                                  .value(u"scope"_s)
                                  .toObject();
    QCOMPARE(scope.value(u"project"_s).toObject().value(u"id"_s).toString(), u"p-known"_s);
}

void TestApiClient::listingAdvancesByWhatTheServerSends()
{
    // A server that sends at most 100 records a page, whatever the limit asks for.
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    constexpr int Total = 250;
    server.handler = [total = Total](const ScriptedHttpServer::Request &request) {
        const int offset = request.query(u"offset"_s).toInt();
        QJsonArray data;
        for (int i = offset; i < qMin(total, offset + 100); ++i)
            data.append(QJsonObject{
                {u"id"_s, u"image-%1"_s.arg(i)}, {u"name"_s, u"n"_s}, {u"type"_s, u"DEDICATED"_s}});
        return ScriptedHttpServer::Response::ok(
            QJsonDocument(QJsonObject{{u"total"_s, total}, {u"data"_s, data}})
                .toJson(QJsonDocument::Compact));
    };
    ApiClient client(&m_network, scriptedServerSettings(server.url()));
    client.setPageSize(200);

    ListQuery oneWorkspace; // the paging of one workspace's listing, without ListWorkspace first
    oneWorkspace.workspaceId = u"0"_s;
    ImageListing *listing = client.listAllImages(oneWorkspace);
    QList<Image> images;
    bool done = false;
    connect(listing, &ImageListing::finished, this, [&] {
        QVERIFY2(listing->succeeded(), qPrintable(listing->error().fullText()));
        images = listing->images();
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QCOMPARE(images.size(), Total);
    QCOMPARE(images.constFirst().id, u"image-0"_s);
    QCOMPARE(images.constLast().id, u"image-249"_s);
    QStringList offsets;
    for (const ScriptedHttpServer::Request &request : std::as_const(server.received))
        offsets.append(request.query(u"offset"_s));
    offsets.sort();
    QCOMPARE(offsets, (QStringList{u"0"_s, u"100"_s, u"200"_s}));
}

void TestApiClient::listingThatNeverSettlesStopsAfterThreePasses()
{
    // Someone keeps adding images: every page reports a bigger total than the one before.
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    auto requests = std::make_shared<int>(0);
    server.handler = [requests](const ScriptedHttpServer::Request &request) {
        const int total = 30 + (*requests)++;
        const int offset = request.query(u"offset"_s).toInt();
        QJsonArray data;
        for (int i = offset; i < qMin(total, offset + 10); ++i)
            data.append(QJsonObject{{u"id"_s, u"image-%1"_s.arg(i)}});
        return ScriptedHttpServer::Response::ok(
            QJsonDocument(QJsonObject{{u"total"_s, total}, {u"data"_s, data}})
                .toJson(QJsonDocument::Compact));
    };
    ApiClient client(&m_network, scriptedServerSettings(server.url()));
    client.setPageSize(10);

    ListQuery oneWorkspace; // the paging of one workspace's listing, without ListWorkspace first
    oneWorkspace.workspaceId = u"0"_s;
    ImageListing *listing = client.listAllImages(oneWorkspace);
    bool succeeded = false;
    int passes = 0;
    qsizetype count = 0;
    ApiError error;
    bool done = false;
    connect(listing, &ImageListing::finished, this, [&] {
        succeeded = listing->succeeded();
        passes = listing->passes();
        count = listing->images().size();
        error = listing->error();
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    // It gives up re-reading after three passes and says the list would be incomplete: what the last pass
    // read is never presented as the account's images.
    QVERIFY(!succeeded);
    QCOMPARE(error.kind, ErrorKind::BadResponse);
    QVERIFY2(error.detail.contains(u"kept changing"_s), qPrintable(error.fullText()));
    QCOMPARE(passes, 3);
    QCOMPARE(count, 0);
    QVERIFY(server.received.size() >= 3 * 3);
}

void TestApiClient::unreadableRecordsAreSkippedAndReported()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.handler = [](const ScriptedHttpServer::Request &request) {
        const int offset = request.query(u"offset"_s).toInt();
        QJsonArray data;
        for (int i = offset; i < qMin(25, offset + 10); ++i) {
            if (i == 13)
                data.append(QJsonObject{{u"id"_s, u"image-13"_s}, {u"size"_s, u"not a number"_s}});
            else
                data.append(QJsonObject{{u"id"_s, u"image-%1"_s.arg(i)}});
        }
        return ScriptedHttpServer::Response::ok(
            QJsonDocument(QJsonObject{{u"total"_s, 25}, {u"data"_s, data}}).toJson(QJsonDocument::Compact));
    };
    ApiClient client(&m_network, scriptedServerSettings(server.url()));
    client.setPageSize(10);

    ListQuery oneWorkspace; // the paging of one workspace's listing, without ListWorkspace first
    oneWorkspace.workspaceId = u"0"_s;
    ImageListing *listing = client.listAllImages(oneWorkspace);
    QStringList skipped;
    QList<Image> images;
    int passes = 0;
    bool done = false;
    connect(listing, &ImageListing::finished, this, [&] {
        QVERIFY(listing->succeeded());
        skipped = listing->skippedRecords();
        images = listing->images();
        passes = listing->passes();
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QCOMPARE(images.size(), 24);
    QCOMPARE(skipped.size(), 1);
    QVERIFY2(skipped.constFirst().contains(u"10"_s), qPrintable(skipped.constFirst())); // the page's offset
    // A skipped record still counts towards the total: the listing is consistent, read once.
    QCOMPARE(passes, 1);
}

void TestApiClient::severalProjectsIsAnError()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.handler = [](const ScriptedHttpServer::Request &) {
        return ScriptedHttpServer::Response::ok(
            R"({"projects":[{"id":"a1","name":"cn-north-4"},{"id":"b2","name":"cn-north-4"}]})");
    };
    ConnectionSettings settings = scriptedServerSettings(server.url());
    settings.projectId.clear();
    ApiClient client(&m_network, settings);
    QSignalSpy resolved(&client, &ApiClient::projectIdResolved);

    const Outcome outcome = run(client.showImage(AnyImageId));
    QVERIFY(outcome->error.isError());
    QVERIFY2(outcome->error.detail.contains(u"2 projects"_s), qPrintable(outcome->error.detail));
    QCOMPARE(resolved.count(), 0);
    QVERIFY(client.projectId().isEmpty());
    QCOMPARE(server.received.size(), 1);
    const ScriptedHttpServer::Request &lookup = server.received.constFirst();
    QCOMPARE(lookup.target, QByteArray("/v3/projects?name=cn-north-4"));
    QVERIFY(lookup.header("X-Project-Id").isEmpty());
    QVERIFY(lookup.header("Authorization").contains("SignedHeaders=content-type;host;x-sdk-date,"));
}

void TestApiClient::showImageMatchesState()
{
    SandboxFixture sandbox(60);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    const QJsonObject entry = findImage(sandbox.state(), [](const QJsonObject &) { return true; });
    QVERIFY(!entry.isEmpty());
    const QString id = entry.value(u"id"_s).toString();

    const Outcome outcome = run(client.showImage(id));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QCOMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->httpStatus, 200);
    QCOMPARE(outcome->attempts, 1);
    QVERIFY(!outcome->requestId.isEmpty());
    QVERIFY(outcome->image.has_value());
    QCOMPARE(*outcome->image, *Image::fromJson(entry));
}

void TestApiClient::deleteDeletesSwrContentOnlyWithForce_data()
{
    QTest::addColumn<bool>("force");
    QTest::newRow("without force: SWR content kept") << false;
    QTest::newRow("with force: SWR content deleted") << true;
}

void TestApiClient::deleteDeletesSwrContentOnlyWithForce()
{
    QFETCH(bool, force);
    SandboxFixture sandbox(80);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    const QJsonObject entry = findImage(sandbox.state(), [](const QJsonObject &image) {
        return image.value(u"type"_s).toString() == "DEDICATED"_L1 &&
               image.value(u"visibility"_s).toString() == "PRIVATE"_L1 && !image.value(u"in_use"_s).toBool();
    });
    QVERIFY(!entry.isEmpty());
    const QString id = entry.value(u"id"_s).toString();

    const Outcome outcome = run(client.deleteImage(id, force));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QCOMPARE(outcome->image->id, id);
    const QJsonObject after = sandbox.imageState(id);
    QVERIFY(after.value(u"deleted"_s).toBool());
    QCOMPARE(after.value(u"swr_content_deleted"_s).toBool(), force);
    QCOMPARE(counter(sandbox, "delete"), 1);

    // Deleting it again says it is gone (the deletion queue reads that as success).
    const Outcome again = run(client.deleteImage(id, force));
    QCOMPARE(again->error.kind, ErrorKind::NotFound);
}

void TestApiClient::deleteImageInUseIsRefused()
{
    SandboxFixture sandbox(200);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    const QJsonObject entry = findImage(sandbox.state(), [](const QJsonObject &image) {
        return image.value(u"type"_s).toString() == "DEDICATED"_L1 && image.value(u"in_use"_s).toBool();
    });
    QVERIFY2(!entry.isEmpty(), "the data set has no image in use");
    const QString id = entry.value(u"id"_s).toString();

    const Outcome outcome = run(client.deleteImage(id, true));
    QCOMPARE(outcome->error.kind, ErrorKind::InvalidRequest);
    QCOMPARE(outcome->error.code, u"ModelArts.6357"_s);
    QCOMPARE(outcome->httpStatus, 400);
    QCOMPARE(outcome->attempts, 1);
    QVERIFY(!outcome->error.requestId.isEmpty());
    QVERIFY(!sandbox.imageState(id).value(u"deleted"_s).toBool());
}

void TestApiClient::deleteBuiltInImageIsForbidden()
{
    SandboxFixture sandbox(200);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    const QJsonObject entry = findImage(sandbox.state(), [](const QJsonObject &image) {
        return image.value(u"type"_s).toString() == "BUILD_IN"_L1;
    });
    QVERIFY2(!entry.isEmpty(), "the data set has no built-in image");
    const QString id = entry.value(u"id"_s).toString();

    const Outcome outcome = run(client.deleteImage(id, false));
    QCOMPARE(outcome->error.kind, ErrorKind::Permission);
    QCOMPARE(outcome->error.code, u"ModelArts.0108"_s);
    QCOMPARE(outcome->httpStatus, 403);
    QCOMPARE(outcome->attempts, 1);
    QVERIFY(!sandbox.imageState(id).value(u"deleted"_s).toBool());
}

void TestApiClient::notFound()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    const QString unknown = u"00000000-0000-0000-0000-000000000000"_s;

    const Outcome shown = run(client.showImage(unknown));
    QCOMPARE(shown->error.kind, ErrorKind::NotFound);
    QCOMPARE(shown->error.code, u"ModelArts.6404"_s);
    QCOMPARE(shown->attempts, 1);
    const Outcome deleted = run(client.deleteImage(unknown, true));
    QCOMPARE(deleted->error.kind, ErrorKind::NotFound);
    const Outcome synced = run(client.syncImage(unknown));
    QCOMPARE(synced->error.kind, ErrorKind::NotFound);
}

void TestApiClient::wrongSecretKeyFailsSignature()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    settings.credentials.secretKey = u"not-the-secret-key"_s;
    ApiClient client(&m_network, settings);

    const Outcome outcome = run(client.testConnection());
    QCOMPARE(outcome->error.kind, ErrorKind::Authentication);
    QCOMPARE(outcome->httpStatus, 401);
    QCOMPARE(outcome->error.code, u"APIGW.0301"_s);
    QVERIFY2(outcome->error.message.contains(u"signature"_s, Qt::CaseInsensitive),
             qPrintable(outcome->error.message));
    QVERIFY(outcome->error.summary().contains(u"secret key"_s));
    QCOMPARE(outcome->attempts, 1);
}

void TestApiClient::staleClockIsExplained()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()),
                     [] { return QDateTime::currentDateTimeUtc().addSecs(-20 * 60); });

    const Outcome outcome = run(client.testConnection());
    QCOMPARE(outcome->error.kind, ErrorKind::Authentication);
    QCOMPARE(outcome->httpStatus, 401);
    QVERIFY2(outcome->error.message.contains(u"x-sdk-date"_s, Qt::CaseInsensitive),
             qPrintable(outcome->error.message));
    QVERIFY2(outcome->error.summary().contains(u"clock"_s), qPrintable(outcome->error.summary()));
    // The server's Date header tells how far off this computer is.
    QVERIFY2(outcome->error.detail.contains(u"20 minutes behind"_s), qPrintable(outcome->error.detail));
    QCOMPARE(outcome->attempts, 1);
}

void TestApiClient::projectIdDiscoveryWithAkSk()
{
    SandboxFixture sandbox(30);
    QVERIFY(sandbox.start());
    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    settings.projectId.clear();
    ApiClient client(&m_network, settings);
    QSignalSpy resolved(&client, &ApiClient::projectIdResolved);

    // Calls started before the project id is known all wait for one lookup.
    const Outcome first = watch(client.testConnection());
    const Outcome second = watch(client.listImagesPage(ListQuery(), 0, 5));
    const Outcome third = watch(client.showImage(AnyImageId));
    QVERIFY(waitFor(first) && waitFor(second) && waitFor(third));
    QVERIFY2(first->succeeded, qPrintable(first->error.fullText()));
    QVERIFY(second->succeeded);
    QCOMPARE(third->error.kind, ErrorKind::NotFound);
    QCOMPARE(resolved.count(), 1);
    QCOMPARE(resolved.constFirst().constFirst().toString(), QLatin1String(sandbox::DefaultProjectId));
    QCOMPARE(client.projectId(), QLatin1String(sandbox::DefaultProjectId));
    QCOMPARE(counter(sandbox, "projects"), 1);

    QVERIFY(run(client.testConnection())->succeeded);
    QCOMPARE(resolved.count(), 1);
    QCOMPARE(counter(sandbox, "projects"), 1);

    // A region IAM knows nothing about: a clear error, no guess.
    settings.regionId = u"xx-nowhere-1"_s;
    ApiClient lost(&m_network, settings);
    const Outcome failed = run(lost.testConnection());
    QVERIFY(failed->error.isError());
    QVERIFY2(failed->error.detail.contains(u"xx-nowhere-1"_s), qPrintable(failed->error.fullText()));
    QVERIFY(lost.projectId().isEmpty());
}

void TestApiClient::tokenLogin()
{
    SandboxFixture sandbox(30);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.passwordSettings()));

    QList<Outcome> outcomes;
    for (int i = 0; i < 4; ++i)
        outcomes.append(watch(client.listImagesPage(ListQuery(), i, 1)));
    for (const Outcome &outcome : std::as_const(outcomes)) {
        QVERIFY(waitFor(outcome));
        QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    }
    // Concurrent calls share one login.
    QCOMPARE(counter(sandbox, "token"), 1);
    QVERIFY(run(client.testConnection())->succeeded);
    QCOMPARE(counter(sandbox, "token"), 1);
}

void TestApiClient::projectIdDiscoveryWithPassword()
{
    SandboxFixture sandbox(30);
    QVERIFY(sandbox.start());
    ConnectionSettings settings = withFastRetries(sandbox.passwordSettings());
    settings.projectId.clear();
    ApiClient client(&m_network, settings);
    QSignalSpy resolved(&client, &ApiClient::projectIdResolved);

    const Outcome outcome = run(client.testConnection());
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QCOMPARE(resolved.count(), 1);
    QCOMPARE(client.projectId(), QLatin1String(sandbox::DefaultProjectId));
    QCOMPARE(counter(sandbox, "token"), 1);
    QCOMPARE(counter(sandbox, "projects"), 0);
}

void TestApiClient::expiredTokenTriggersOneRelogin()
{
    SandboxFixture sandbox(30);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.passwordSettings()));
    QVERIFY(run(client.testConnection())->succeeded);
    QCOMPARE(counter(sandbox, "token"), 1);

    adminRequest(sandbox.baseUrl(), "POST", u"/sandbox/expire-tokens"_s);
    QList<Outcome> outcomes;
    for (int i = 0; i < 3; ++i)
        outcomes.append(watch(client.listImagesPage(ListQuery(), i, 2)));
    for (const Outcome &outcome : std::as_const(outcomes)) {
        QVERIFY(waitFor(outcome));
        QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
        QCOMPARE(outcome->attempts, 2);
    }
    QCOMPARE(counter(sandbox, "token"), 2);
}

void TestApiClient::tokenIsRenewedBeforeItExpires()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    // The sandbox's tokens live 24 h; this client's clock can jump to the last minutes of that.
    auto offsetSecs = std::make_shared<qint64>(0);
    ApiClient client(&m_network, withFastRetries(sandbox.passwordSettings()),
                     [offsetSecs] { return QDateTime::currentDateTimeUtc().addSecs(*offsetSecs); });
    QVERIFY(run(client.testConnection())->succeeded);
    QCOMPARE(counter(sandbox, "token"), 1);

    *offsetSecs = 24 * 3600 - 10 * 60; // ten minutes left: still fresh
    QVERIFY(run(client.testConnection())->succeeded);
    QCOMPARE(counter(sandbox, "token"), 1);

    *offsetSecs = 24 * 3600 - 4 * 60; // four minutes left: renewed before use, no 401 needed
    const Outcome renewed = run(client.testConnection());
    QVERIFY2(renewed->succeeded, qPrintable(renewed->error.fullText()));
    QCOMPARE(renewed->attempts, 1);
    QCOMPARE(counter(sandbox, "token"), 2);
    QCOMPARE(counter(sandbox, "auth_failures"), 0);
}

void TestApiClient::wrongPasswordIsAuthentication()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ConnectionSettings settings = withFastRetries(sandbox.passwordSettings());
    settings.credentials.password = u"not-the-password"_s;
    ApiClient client(&m_network, settings);

    const Outcome outcome = run(client.testConnection());
    QCOMPARE(outcome->error.kind, ErrorKind::Authentication);
    QCOMPARE(outcome->attempts, 0); // never got as far as the ModelArts call
    QCOMPARE(counter(sandbox, "token"), 1);
    QCOMPARE(counter(sandbox, "list"), 0);
}

void TestApiClient::wrongProjectId()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    settings.projectId = u"0123456789abcdef0123456789abcdef"_s;
    ApiClient client(&m_network, settings);

    const Outcome outcome = run(client.testConnection());
    QCOMPARE(outcome->error.code, u"ModelArts.0210"_s);
    QCOMPARE(outcome->httpStatus, 403);
    QCOMPARE(outcome->error.kind, ErrorKind::Permission);
    QCOMPARE(outcome->attempts, 1);
    QVERIFY(outcome->error.summary().contains(u"project ID"_s));
}

// A token scoped to a project that this endpoint does not serve (a stale project id of another region): the
// token itself is fine, so the documented 403 ModelArts.0210 must not start a new login, while a 401 does.
void TestApiClient::wrongProjectIdWithTokenDoesNotLogInAgain()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    int unauthorized = 0;
    server.handler = [&unauthorized](const ScriptedHttpServer::Request &request) {
        ScriptedHttpServer::Response response;
        response.headers.append({QByteArrayLiteral("X-Subject-Token"), QByteArrayLiteral("token-value-123")});
        if (request.target.startsWith("/v3/auth/tokens")) {
            response.status = "201 Created";
            response.body =
                R"({"token":{"expires_at":"2099-01-01T00:00:00.000000Z","project":{"id":"p-other"}}})";
            return response;
        }
        response.body = R"({"error_code":"ModelArts.0210","error_msg":"The project ID does not match."})";
        if (unauthorized > 0) {
            --unauthorized;
            response.status = "401 Unauthorized";
        } else {
            response.status = "403 Forbidden";
        }
        return response;
    };
    ConnectionSettings settings = withFastRetries(ConnectionSettings());
    settings.regionId = u"cn-north-4"_s;
    settings.projectId = u"p-other"_s;
    settings.modelArtsEndpoint = server.url();
    settings.iamEndpoint = server.url();
    settings.credentials.method = AuthMethod::Password;
    settings.credentials.userName = u"user"_s;
    settings.credentials.domainName = u"domain"_s;
    settings.credentials.password = u"pass-word"_s;
    ApiClient client(&m_network, settings);
    const auto logins = [&server] {
        return std::count_if(server.received.cbegin(), server.received.cend(), [](const auto &request) {
            return request.target.startsWith("/v3/auth/tokens");
        });
    };

    const Outcome outcome = run(client.showImage(AnyImageId));
    QCOMPARE(outcome->error.code, u"ModelArts.0210"_s);
    QCOMPARE(outcome->httpStatus, 403);
    QCOMPARE(outcome->attempts, 1);
    QVERIFY(outcome->error.summary().contains(u"project ID"_s));
    QCOMPARE(server.received.size(), 2); // one login, one call
    QCOMPARE(logins(), 1);

    // The same answer as a 401 would mean a dead token: one new login and one repeat, no more.
    unauthorized = 1;
    const Outcome relogged = run(client.showImage(AnyImageId));
    QCOMPARE(relogged->httpStatus, 403);
    QCOMPARE(logins(), 2);
    QCOMPARE(server.received.size(), 5);
}

void TestApiClient::deleteAnsweredWithNoContent()
{
    sandbox::SandboxOptions options;
    options.imageCount = 40;
    options.deleteAnswersNoContent = true;
    SandboxFixture sandbox(options);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    const QJsonObject entry = findImage(sandbox.state(), [](const QJsonObject &image) {
        return image.value(u"type"_s).toString() == "DEDICATED"_L1 &&
               image.value(u"visibility"_s).toString() == "PRIVATE"_L1 && !image.value(u"in_use"_s).toBool();
    });
    QVERIFY(!entry.isEmpty());
    const QString id = entry.value(u"id"_s).toString();

    const Outcome outcome = run(client.deleteImage(id, true));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QCOMPARE(outcome->httpStatus, 204);
    QVERIFY(outcome->body.isEmpty());
    QCOMPARE(outcome->attempts, 1);
    QVERIFY(!outcome->image.has_value());
    QVERIFY(sandbox.imageState(id).value(u"deleted"_s).toBool());
    QVERIFY(sandbox.imageState(id).value(u"swr_content_deleted"_s).toBool());
}

void TestApiClient::throttledCallHonoursRetryAfter()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    sandbox.setFaults(QJsonObject{
        {u"retry_after_s"_s, 1},
        {u"script"_s, QJsonArray{QJsonObject{{u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"429"_s}}}},
    });

    const Outcome outcome = run(client.testConnection());
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QCOMPARE(outcome->attempts, 2);
    QVERIFY2(outcome->elapsedMs >= 1000, qPrintable(QString::number(outcome->elapsedMs)));
}

void TestApiClient::throttledRetryRespectsBudget()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    settings.retry.totalBudgetMs = 500; // less than the Retry-After
    ApiClient client(&m_network, settings);
    sandbox.setFaults(QJsonObject{
        {u"retry_after_s"_s, 1},
        {u"script"_s, QJsonArray{QJsonObject{{u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"429"_s}}}},
    });

    const Outcome outcome = run(client.testConnection());
    QCOMPARE(outcome->error.kind, ErrorKind::Throttled);
    QCOMPARE(outcome->httpStatus, 429);
    QCOMPARE(outcome->attempts, 1);
    QVERIFY(outcome->elapsedMs < 1000);
}

void TestApiClient::serverErrorIsNotRetried()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    sandbox.setFaults(QJsonObject{
        {u"script"_s, QJsonArray{QJsonObject{{u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"500"_s}}}},
    });

    const Outcome outcome = run(client.testConnection());
    QCOMPARE(outcome->error.kind, ErrorKind::Server);
    QCOMPARE(outcome->httpStatus, 500);
    QCOMPARE(outcome->attempts, 1);
}

void TestApiClient::gatewayErrorsAreRetried_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("502") << u"502"_s;
    QTest::newRow("503") << u"503"_s;
    QTest::newRow("504") << u"504"_s;
}

void TestApiClient::gatewayErrorsAreRetried()
{
    QFETCH(QString, fault);
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    sandbox.setFaults(QJsonObject{
        {u"retry_after_s"_s, 0},
        {u"script"_s,
         QJsonArray{QJsonObject{{u"path_contains"_s, u"/images"_s}, {u"fault"_s, fault}, {u"count"_s, 2}}}},
    });

    const Outcome outcome = run(client.testConnection());
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QCOMPARE(outcome->attempts, 3);

    // More failures than attempts: the last error is reported.
    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    settings.retry.maxAttempts = 2;
    ApiClient impatient(&m_network, settings);
    sandbox.setFaults(QJsonObject{
        {u"retry_after_s"_s, 0},
        {u"script"_s,
         QJsonArray{QJsonObject{{u"path_contains"_s, u"/images"_s}, {u"fault"_s, fault}, {u"count"_s, 5}}}},
    });
    const Outcome failed = run(impatient.testConnection());
    QCOMPARE(failed->error.kind, ErrorKind::Server);
    QCOMPARE(failed->httpStatus, fault.toInt());
    QCOMPARE(failed->attempts, 2);
}

void TestApiClient::connectionResetIsRetried()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    sandbox.setFaults(QJsonObject{
        {u"script"_s, QJsonArray{QJsonObject{
                          {u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"reset"_s}, {u"count"_s, 3}}}},
    });

    const Outcome outcome = run(client.testConnection());
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    // Qt itself resends once on a connection that dies before answering; the client retries the rest.
    QVERIFY(outcome->attempts >= 2);
    QCOMPARE(counter(sandbox, "faults_injected"), 3);

    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    settings.retry.maxAttempts = 1;
    ApiClient impatient(&m_network, settings);
    sandbox.setFaults(QJsonObject{
        {u"script"_s, QJsonArray{QJsonObject{
                          {u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"reset"_s}, {u"count"_s, 10}}}},
    });
    const Outcome failed = run(impatient.testConnection());
    QCOMPARE(failed->error.kind, ErrorKind::Network);
}

void TestApiClient::truncatedBodyIsRetried()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    sandbox.setFaults(QJsonObject{
        {u"script"_s,
         QJsonArray{QJsonObject{{u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"truncate"_s}}}},
    });

    const Outcome outcome = run(client.listImagesPage(ListQuery(), 0, 20));
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QCOMPARE(outcome->attempts, 2);
    QVERIFY(ImagePage::fromJson(outcome->body).has_value());

    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    settings.retry.maxAttempts = 1;
    ApiClient impatient(&m_network, settings);
    sandbox.setFaults(QJsonObject{
        {u"script"_s,
         QJsonArray{QJsonObject{{u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"truncate"_s}}}},
    });
    const Outcome failed = run(impatient.listImagesPage(ListQuery(), 0, 20));
    QCOMPARE(failed->error.kind, ErrorKind::BadResponse);
}

// Decision: a 2xx body that is not JSON is treated like a truncated one (something on the way cut or mangled
// it), so idempotent calls retry it under the normal policy; when it persists the call ends with BadResponse.
void TestApiClient::malformedBodyIsRetriedThenReported()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    sandbox.setFaults(QJsonObject{
        {u"script"_s,
         QJsonArray{QJsonObject{{u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"malformed"_s}}}},
    });
    const Outcome outcome = run(client.testConnection());
    QVERIFY2(outcome->succeeded, qPrintable(outcome->error.fullText()));
    QCOMPARE(outcome->attempts, 2);

    sandbox.setFaults(QJsonObject{
        {u"script"_s,
         QJsonArray{QJsonObject{
             {u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"malformed"_s}, {u"count"_s, 100}}}},
    });
    const Outcome failed = run(client.testConnection());
    QCOMPARE(failed->error.kind, ErrorKind::BadResponse);
    QCOMPARE(failed->httpStatus, 200);
    QCOMPARE(failed->attempts, 5);
}

void TestApiClient::stalledResponseTimesOut()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    settings.transferTimeoutMs = 300;
    settings.retry.maxAttempts = 1;
    ApiClient impatient(&m_network, settings);
    sandbox.setFaults(QJsonObject{
        {u"stall_ms"_s, 1500},
        {u"script"_s, QJsonArray{QJsonObject{{u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"stall"_s}}}},
    });
    const Outcome failed = run(impatient.testConnection());
    QCOMPARE(failed->error.kind, ErrorKind::Timeout);
    QVERIFY(failed->elapsedMs < 1500);

    settings.retry.maxAttempts = 3;
    ApiClient patient(&m_network, settings);
    sandbox.setFaults(QJsonObject{
        {u"stall_ms"_s, 1500},
        {u"script"_s, QJsonArray{QJsonObject{{u"path_contains"_s, u"/images"_s}, {u"fault"_s, u"stall"_s}}}},
    });
    const Outcome recovered = run(patient.testConnection());
    QVERIFY2(recovered->succeeded, qPrintable(recovered->error.fullText()));
    QCOMPARE(recovered->attempts, 2);
}

void TestApiClient::postIsNotRetried()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    const QString id = findImage(sandbox.state(),
                                 [](const QJsonObject &image) {
                                     return image.value(u"type"_s).toString() == "DEDICATED"_L1;
                                 })
                           .value(u"id"_s)
                           .toString();
    QVERIFY(!id.isEmpty());
    sandbox.setFaults(QJsonObject{
        {u"retry_after_s"_s, 0},
        {u"script"_s, QJsonArray{QJsonObject{{u"path_contains"_s, u"/sync"_s}, {u"fault"_s, u"503"_s}}}},
    });

    const Outcome failed = run(client.syncImage(id));
    QCOMPARE(failed->error.kind, ErrorKind::Server);
    QCOMPARE(failed->attempts, 1);
    const Outcome synced = run(client.syncImage(id));
    QVERIFY2(synced->succeeded, qPrintable(synced->error.fullText()));
    QCOMPARE(synced->image->id, id);
}

void TestApiClient::plainHttpToRemoteHostIsRefused()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ConnectionSettings settings = withFastRetries(sandbox.akskSettings());
    // TEST-NET-1: never routed, and refused before any packet could leave anyway.
    settings.modelArtsEndpoint = QUrl(u"http://192.0.2.10:8080"_s);
    ApiClient client(&m_network, settings);

    const Outcome outcome = run(client.testConnection(), 5000);
    QVERIFY(outcome->error.isError());
    QCOMPARE(outcome->attempts, 0);
    QVERIFY2(outcome->error.detail.contains(u"http://"_s), qPrintable(outcome->error.detail));
    QVERIFY(outcome->elapsedMs < 1000);

    settings.modelArtsEndpoint = sandbox.akskSettings().modelArtsEndpoint;
    settings.iamEndpoint = QUrl(u"http://192.0.2.10"_s);
    settings.projectId.clear();
    ApiClient discovering(&m_network, settings);
    const Outcome refused = run(discovering.testConnection(), 5000);
    QVERIFY(refused->error.isError());
    QCOMPARE(counter(sandbox, "requests"), 0);
}

void TestApiClient::certificateErrorsAreReportedNotIgnored()
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("openssl is needed to make a throwaway certificate");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString certificate = dir.filePath(u"cert.pem"_s);
    const QString key = dir.filePath(u"key.pem"_s);
    QProcess process;
    process.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s,
                            u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                            u"subjectAltName=IP:127.0.0.1,DNS:localhost"_s, u"-keyout"_s, key, u"-out"_s,
                            certificate});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);

    sandbox::SandboxOptions options;
    options.imageCount = 10;
    options.tlsCertificateFile = certificate;
    options.tlsKeyFile = key;
    SandboxFixture sandbox(options);
    QVERIFY(sandbox.start());
    QCOMPARE(sandbox.baseUrl().scheme(), u"https"_s);

    // Unknown issuer: refused, with the reason and the chain to show.
    ApiClient strict(&m_network, withFastRetries(sandbox.akskSettings()));
    const Outcome refused = run(strict.testConnection());
    QCOMPARE(refused->error.kind, ErrorKind::Tls);
    QVERIFY(!refused->error.detail.isEmpty());
    QCOMPARE(refused->attempts, 1);
    QVERIFY(!refused->peerChain.isEmpty());
    QCOMPARE(refused->peerChain.constFirst(), QSslCertificate::fromPath(certificate).constFirst());
    QCOMPARE(counter(sandbox, "requests"), 0);

    // The same certificate trusted explicitly: accepted, system CAs still in the list.
    ConnectionSettings trusting = withFastRetries(sandbox.akskSettings());
    trusting.caCertificatesFile = certificate;
    ApiClient trusted(&m_network, trusting);
    const Outcome accepted = run(trusted.testConnection());
    QVERIFY2(accepted->succeeded, qPrintable(accepted->error.fullText()));
    // ... and that trust stays with that client: another profile on the shared manager is still strict.
    ApiClient stillStrict(&m_network, withFastRetries(sandbox.akskSettings()));
    QCOMPARE(run(stillStrict.testConnection())->error.kind, ErrorKind::Tls);

    // A CA file that cannot be used is an error, not a silent fallback.
    trusting.caCertificatesFile = dir.filePath(u"missing.pem"_s);
    ApiClient misconfigured(&m_network, trusting);
    const Outcome unusable = run(misconfigured.testConnection());
    QCOMPARE(unusable->error.kind, ErrorKind::Tls);
    QVERIFY(unusable->error.detail.contains(u"missing.pem"_s));
    QCOMPARE(unusable->attempts, 0);
}

void TestApiClient::cancelInFlight()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 1000}});

    ApiCall *call = client.testConnection();
    const Outcome outcome = watch(call);
    QTRY_COMPARE_WITH_TIMEOUT(counter(sandbox, "requests"), 1, 5000);
    call->cancel();
    QCOMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->error.kind, ErrorKind::Cancelled);
    call->cancel(); // harmless once finished
    QTest::qWait(1200);
    QCOMPARE(outcome->finishedCount, 1);
    QCOMPARE(counter(sandbox, "requests"), 1);

    // Cancelled before it was even sent: finished at once, nothing reaches the server.
    ApiCall *early = client.showImage(AnyImageId);
    const Outcome earlyOutcome = watch(early);
    early->cancel();
    QCOMPARE(earlyOutcome->finishedCount, 1);
    QCOMPARE(earlyOutcome->error.kind, ErrorKind::Cancelled);
    QCOMPARE(earlyOutcome->attempts, 0);
    QTest::qWait(100);
    QCOMPARE(earlyOutcome->finishedCount, 1);
    QCOMPARE(counter(sandbox, "requests"), 1);
}

void TestApiClient::destroyingClientCancelsCalls()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    sandbox.setFaults(QJsonObject{{u"latency_ms"_s, 500}});
    auto client = std::make_unique<ApiClient>(&m_network, withFastRetries(sandbox.akskSettings()));
    const Outcome sent = watch(client->testConnection());
    const Outcome queued = watch(client->showImage(AnyImageId));
    QTRY_VERIFY_WITH_TIMEOUT(counter(sandbox, "requests") >= 1, 5000);
    client.reset();
    QCOMPARE(sent->finishedCount, 1);
    QCOMPARE(sent->error.kind, ErrorKind::Cancelled);
    QCOMPARE(queued->finishedCount, 1);
    QCOMPARE(queued->error.kind, ErrorKind::Cancelled);
    QTest::qWait(700);
    QCOMPARE(sent->finishedCount, 1);
}

namespace {
QMutex logMutex;
QStringList *capturedLog = nullptr;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&logMutex);
        if (capturedLog)
            capturedLog->append(message);
    }
    if (previousHandler && type != QtDebugMsg)
        previousHandler(type, context, message);
}
} // namespace

void TestApiClient::secretsNeverReachTheLog()
{
    SandboxFixture sandbox(10);
    QVERIFY(sandbox.start());
    QStringList log;
    {
        QMutexLocker locker(&logMutex);
        capturedLog = &log;
    }
    QLoggingCategory::setFilterRules(u"mim.api.debug=true"_s);
    previousHandler = qInstallMessageHandler(captureMessage);

    ConnectionSettings aksk = withFastRetries(sandbox.akskSettings());
    aksk.projectId.clear();
    ApiClient signing(&m_network, aksk);
    const bool signedOk = run(signing.testConnection())->succeeded;
    ApiClient token(&m_network, withFastRetries(sandbox.passwordSettings()));
    const bool tokenOk = run(token.testConnection())->succeeded;
    adminRequest(sandbox.baseUrl(), "POST", u"/sandbox/expire-tokens"_s);
    const bool reloginOk = run(token.testConnection())->succeeded;

    qInstallMessageHandler(previousHandler);
    QLoggingCategory::setFilterRules(u"mim.api.debug=false"_s);
    {
        QMutexLocker locker(&logMutex);
        capturedLog = nullptr;
    }
    QVERIFY(signedOk && tokenOk && reloginOk);
    QVERIFY(!log.isEmpty());
    const QString all = log.join(u'\n');
    QVERIFY(!all.contains(QLatin1String(sandbox::DefaultSecretKey)));
    QVERIFY(!all.contains(QLatin1String(sandbox::DefaultIamPassword)));
    QVERIFY(!all.contains(u"Signature="_s));
    QVERIFY(all.contains(u"Authorization: <redacted>"_s));
    QVERIFY(all.contains(u"X-Auth-Token: <redacted>"_s));
    // Method, path, status, attempt and request id are there.
    QVERIFY(all.contains(u"GET"_s) && all.contains(u"/images"_s) && all.contains(u"200"_s));
    QVERIFY(all.contains(u"request id"_s));
}

void TestApiClient::imageGroups()
{
    SandboxFixture sandbox(60);
    QVERIFY(sandbox.start());
    ApiClient client(&m_network, withFastRetries(sandbox.akskSettings()));
    QUrlQuery query;
    query.addQueryItem(u"type"_s, u"DEDICATED"_s);
    const Outcome listed = run(client.listImageGroups(query));
    QVERIFY2(listed->succeeded, qPrintable(listed->error.fullText()));
    const QJsonArray groups = listed->json.value(u"data"_s).toArray();
    QVERIFY(!groups.isEmpty());
    const QString groupId = groups.first().toObject().value(u"id"_s).toString();
    QVERIFY(!groupId.isEmpty());

    const Outcome updated = run(client.updateImageGroup(
        groupId,
        QJsonObject{{u"read_me"_s, u"# hello"_s},
                    {u"tags"_s, QJsonArray{QJsonObject{{u"key"_s, u"team"_s}, {u"value"_s, u"ml"_s}}}}}));
    QVERIFY2(updated->succeeded, qPrintable(updated->error.fullText()));

    const Outcome deleted = run(client.deleteImageGroup(groupId, false));
    // A group may hold an image in use; either way the answer is one the user can read.
    QVERIFY2(deleted->succeeded || deleted->error.kind == ErrorKind::InvalidRequest,
             qPrintable(deleted->error.fullText()));
    QCOMPARE(counter(sandbox, "groups"), 3);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "test_api_client.moc"
