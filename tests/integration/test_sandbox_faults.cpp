// Faults on purpose: error statuses, reset, truncated and malformed bodies, stalls, slow bodies, latency,
// the seeded rate and the deterministic script; plus HTTPS.

#include "RawApiClient.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;
using namespace mim::test;
using mim::sandbox::SandboxOptions;
using mim::sandbox::SandboxServer;

namespace {

const QString List = u"images?type=DEDICATED&limit=20"_s;

QJsonObject scriptOf(const QString &method, const QString &pathContains, const QString &fault, int count)
{
    return QJsonObject{
        {u"method"_s, method}, {u"path_contains"_s, pathContains}, {u"fault"_s, fault}, {u"count"_s, count}};
}

QJsonObject faultsWithScript(const QJsonArray &script)
{
    return QJsonObject{{u"script"_s, script}};
}

qint64 counter(const SandboxFixture &sandbox, const QString &name)
{
    return sandbox.state().value(u"counters"_s).toObject().value(name).toInteger();
}

QString deletableId(const SandboxFixture &sandbox)
{
    for (const QJsonValue &value : sandbox.state().value(u"images"_s).toArray()) {
        const QJsonObject image = value.toObject();
        if (image.value(u"type"_s) == u"DEDICATED"_s && !image.value(u"in_use"_s).toBool() &&
            !image.value(u"deleted"_s).toBool()) {
            return image.value(u"id"_s).toString();
        }
    }
    return QString();
}

} // namespace

class TestSandboxFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusFaults_data();
    void statusFaults();
    void scriptIsConsumedInOrder();
    void scriptMatchesMethodAndPath();
    void faultedDeleteChangesNothing_data();
    void faultedDeleteChangesNothing();
    void resetClosesTheConnection();
    void truncatedBody();
    void malformedBody();
    void stallDelaysTheRealResponse();
    void stallOutlivesAClientTimeout();
    void slowBodyArrivesComplete();
    void latencyIsAdded();
    void concurrentRequestsAreDelayedIndependently();
    void rateIsSeededAndDeterministic();
    void adminIsNeverFaulted();
    void faultsFromOptions();
    void servesHttps();
};

void TestSandboxFaults::statusFaults_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("429") << u"429"_s << 429 << u"APIGW.0308"_s;
    QTest::newRow("500") << u"500"_s << 500 << u"ModelArts.0010"_s;
    QTest::newRow("502") << u"502"_s << 502 << u"APIGW.0201"_s;
    QTest::newRow("503") << u"503"_s << 503 << u"APIGW.0203"_s;
    QTest::newRow("504") << u"504"_s << 504 << u"APIGW.0202"_s;
}

void TestSandboxFaults::statusFaults()
{
    QFETCH(QString, kind);
    QFETCH(int, status);
    QFETCH(QString, code);
    SandboxFixture sandbox(30, 1);
    QVERIFY(sandbox.start());
    QJsonObject faults = faultsWithScript({scriptOf(u"GET"_s, u"/images"_s, kind, 1)});
    faults.insert(u"retry_after_s"_s, 3);
    sandbox.setFaults(faults);
    RawApiClient client(sandbox.baseUrl());

    RawReply reply = client.api("GET", List);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
    QVERIFY(!reply.json().value(u"error_msg"_s).toString().isEmpty());
    QVERIFY(!reply.header("X-Request-Id").isEmpty());
    QCOMPARE(reply.header("Retry-After"), status == 429 ? QByteArray("3") : QByteArray());

    reply = client.api("GET", List);
    QCOMPARE(reply.status, 200);
    QCOMPARE(counter(sandbox, u"faults_injected"_s), 1);
    QCOMPARE(counter(sandbox, u"requests"_s), 2);
}

void TestSandboxFaults::scriptIsConsumedInOrder()
{
    SandboxFixture sandbox(30, 1);
    QVERIFY(sandbox.start());
    sandbox.setFaults(faultsWithScript(
        {scriptOf(u"GET"_s, u"/images"_s, u"503"_s, 2), scriptOf(u"GET"_s, u"/images"_s, u"429"_s, 1)}));
    RawApiClient client(sandbox.baseUrl());
    QList<int> statuses;
    for (int i = 0; i < 5; ++i)
        statuses.append(client.api("GET", List).status);
    QCOMPARE(statuses, (QList<int>{503, 503, 429, 200, 200}));
    QVERIFY(sandbox.server()->faults().script.isEmpty());
    QCOMPARE(counter(sandbox, u"faults_injected"_s), 3);
}

void TestSandboxFaults::scriptMatchesMethodAndPath()
{
    SandboxFixture sandbox(60, 2);
    QVERIFY(sandbox.start());
    sandbox.setFaults(faultsWithScript({scriptOf(u"DELETE"_s, QString(), u"500"_s, 1),
                                        scriptOf(QString(), u"/images/group"_s, u"502"_s, 1),
                                        scriptOf(u"POST"_s, u"/v3/auth/tokens"_s, u"503"_s, 1)}));
    RawApiClient client(sandbox.baseUrl());
    QCOMPARE(client.api("GET", List).status, 200);
    QCOMPARE(client.api("GET", u"images/group?type=DEDICATED"_s).status, 502);
    QCOMPARE(client.api("GET", u"images/group?type=DEDICATED"_s).status, 200);
    RawReply login;
    client.login(QLatin1String(sandbox::DefaultIamUser), QLatin1String(sandbox::DefaultIamPassword),
                 QLatin1String(sandbox::DefaultIamDomain), QLatin1String(sandbox::DefaultRegionId), &login);
    QCOMPARE(login.status, 503);
    const QString id = deletableId(sandbox);
    QCOMPARE(client.api("DELETE", u"images/"_s + id).status, 500);
    QCOMPARE(client.api("DELETE", u"images/"_s + id).status, 200);
}

void TestSandboxFaults::faultedDeleteChangesNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("count");
    for (const QString &kind :
         {u"429"_s, u"500"_s, u"502"_s, u"503"_s, u"504"_s, u"truncate"_s, u"malformed"_s})
        QTest::newRow(qPrintable(kind)) << kind << 1;
    // QNetworkAccessManager silently resends a request whose connection closes before any byte of the
    // response, so a client sees a reset only after two or three of them in a row.
    QTest::newRow("reset") << u"reset"_s << 3;
}

void TestSandboxFaults::faultedDeleteChangesNothing()
{
    QFETCH(QString, kind);
    QFETCH(int, count);
    SandboxFixture sandbox(40, 3);
    QVERIFY(sandbox.start());
    const QString id = deletableId(sandbox);
    const QJsonObject before = sandbox.imageState(id);
    sandbox.setFaults(faultsWithScript({scriptOf(u"DELETE"_s, u"/images/"_s, kind, count)}));
    RawApiClient client(sandbox.baseUrl());

    const RawReply reply = client.api("DELETE", u"images/%1?force=true"_s.arg(id), R"({"is_force":true})");
    QVERIFY(reply.status != 200 || !reply.isJson());
    QCOMPARE(sandbox.imageState(id), before);
    QCOMPARE(counter(sandbox, u"delete"_s), 0);

    sandbox.setFaults({});
    QCOMPARE(client.api("DELETE", u"images/%1?force=true"_s.arg(id), R"({"is_force":true})").status, 200);
    QVERIFY(sandbox.imageState(id).value(u"swr_content_deleted"_s).toBool());
}

void TestSandboxFaults::resetClosesTheConnection()
{
    SandboxFixture sandbox(20, 1);
    QVERIFY(sandbox.start());
    sandbox.setFaults(faultsWithScript({scriptOf(u"GET"_s, QString(), u"reset"_s, 3)}));
    RawApiClient client(sandbox.baseUrl());
    const RawReply reply = client.api("GET", List);
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 0);
    QVERIFY2(reply.error == QNetworkReply::RemoteHostClosedError ||
                 reply.error == QNetworkReply::ConnectionRefusedError,
             qPrintable(QString::number(reply.error)));
    // Whether QNetworkAccessManager resent the request once or twice depends on when it noticed the close.
    QVERIFY(counter(sandbox, u"faults_injected"_s) >= 2);
    sandbox.setFaults({});
    QCOMPARE(client.api("GET", List).status, 200);
}

void TestSandboxFaults::truncatedBody()
{
    SandboxFixture sandbox(100, 1);
    QVERIFY(sandbox.start());
    sandbox.setFaults(faultsWithScript({scriptOf(u"GET"_s, QString(), u"truncate"_s, 1)}));
    RawApiClient client(sandbox.baseUrl());
    const RawReply reply = client.api("GET", List);
    QVERIFY(reply.finished);
    QVERIFY2(reply.error != QNetworkReply::NoError, qPrintable(QString::number(reply.error)));
    QVERIFY(!reply.isJson());
    QCOMPARE(client.api("GET", List).status, 200);
}

void TestSandboxFaults::malformedBody()
{
    SandboxFixture sandbox(100, 1);
    QVERIFY(sandbox.start());
    sandbox.setFaults(faultsWithScript({scriptOf(u"GET"_s, QString(), u"malformed"_s, 1)}));
    RawApiClient client(sandbox.baseUrl());
    const RawReply reply = client.api("GET", List);
    QCOMPARE(reply.error, QNetworkReply::NoError);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.body.size() > 100);
    QVERIFY(!reply.isJson());
    QVERIFY(client.api("GET", List).isJson());
}

void TestSandboxFaults::stallDelaysTheRealResponse()
{
    SandboxFixture sandbox(40, 1);
    QVERIFY(sandbox.start());
    QJsonObject faults = faultsWithScript(
        {scriptOf(u"GET"_s, QString(), u"stall"_s, 1), scriptOf(u"DELETE"_s, QString(), u"stall"_s, 1)});
    faults.insert(u"stall_ms"_s, 400);
    sandbox.setFaults(faults);
    RawApiClient client(sandbox.baseUrl());
    RawReply reply = client.api("GET", List);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.isJson());
    QVERIFY2(reply.elapsedMs >= 380, qPrintable(QString::number(reply.elapsedMs)));

    // A stalled request is handled when it arrives: only its answer is late.
    const QString id = deletableId(sandbox);
    reply = client.api("DELETE", u"images/"_s + id);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.elapsedMs >= 380);
    QVERIFY(sandbox.imageState(id).value(u"deleted"_s).toBool());
}

void TestSandboxFaults::stallOutlivesAClientTimeout()
{
    SandboxFixture sandbox(40, 1);
    QVERIFY(sandbox.start());
    QJsonObject faults = faultsWithScript({scriptOf(u"GET"_s, QString(), u"stall"_s, 1)});
    faults.insert(u"stall_ms"_s, 700);
    sandbox.setFaults(faults);
    RawApiClient client(sandbox.baseUrl());
    client.setTimeoutMs(200);
    const RawReply reply = client.api("GET", List);
    QVERIFY(reply.error != QNetworkReply::NoError);
    // The late answer finds a closed connection; the server carries on.
    QTest::qWait(800);
    client.setTimeoutMs(10000);
    QCOMPARE(client.api("GET", List).status, 200);
}

void TestSandboxFaults::slowBodyArrivesComplete()
{
    SandboxFixture sandbox(300, 1);
    QVERIFY(sandbox.start());
    QJsonObject faults = faultsWithScript({scriptOf(u"GET"_s, QString(), u"slow"_s, 1)});
    faults.insert(u"stall_ms"_s, 500);
    sandbox.setFaults(faults);
    RawApiClient client(sandbox.baseUrl());
    const RawReply reply = client.api("GET", u"images?type=DEDICATED&limit=200"_s);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.isJson());
    QCOMPARE(reply.json().value(u"data"_s).toArray().size(), 200);
    QVERIFY2(reply.elapsedMs >= 400, qPrintable(QString::number(reply.elapsedMs)));
}

void TestSandboxFaults::latencyIsAdded()
{
    SandboxFixture sandbox(20, 1);
    QVERIFY(sandbox.start());
    sandbox.setFaults({{u"latency_ms"_s, 300}});
    RawApiClient client(sandbox.baseUrl());
    const RawReply reply = client.api("GET", List);
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.elapsedMs >= 290, qPrintable(QString::number(reply.elapsedMs)));
    QCOMPARE(counter(sandbox, u"faults_injected"_s), 0);
}

void TestSandboxFaults::concurrentRequestsAreDelayedIndependently()
{
    // Delayed answers do not queue behind each other: 24 requests over several keep-alive connections, each
    // 300 ms late, all done well before 24 x 300 ms. Deletes of different images in parallel all land.
    SandboxFixture sandbox(500, 4);
    QVERIFY(sandbox.start());
    sandbox.setFaults({{u"latency_ms"_s, 300}});
    RawApiClient client(sandbox.baseUrl());
    QStringList pages;
    for (int page = 0; page < 24; ++page)
        pages.append(u"images?type=DEDICATED&limit=10&offset=%1"_s.arg(page * 10));
    QElapsedTimer timer;
    timer.start();
    const QList<RawReply> replies = client.apiConcurrently("GET", pages);
    const qint64 elapsed = timer.elapsed();
    QSet<QString> ids;
    for (const RawReply &reply : replies) {
        QCOMPARE(reply.status, 200);
        for (const QJsonValue &value : reply.json().value(u"data"_s).toArray())
            ids.insert(value.toObject().value(u"id"_s).toString());
    }
    QCOMPARE(ids.size(), 240);
    QVERIFY2(elapsed < 24 * 300 / 2, qPrintable(QString::number(elapsed)));

    QStringList deletes;
    for (const QString &id : std::as_const(ids)) {
        if (!sandbox.imageState(id).value(u"in_use"_s).toBool() && deletes.size() < 12)
            deletes.append(u"images/"_s + id);
    }
    for (const RawReply &reply : client.apiConcurrently("DELETE", deletes))
        QCOMPARE(reply.status, 200);
    QCOMPARE(counter(sandbox, u"delete"_s), 12);
    for (const QString &path : deletes)
        QVERIFY(sandbox.imageState(path.mid(7)).value(u"deleted"_s).toBool());
}

void TestSandboxFaults::rateIsSeededAndDeterministic()
{
    const QJsonObject faults{{u"rate"_s, 0.5}, {u"kinds"_s, QJsonArray{u"503"_s, u"429"_s}}, {u"seed"_s, 99}};
    QList<int> sequences[2];
    for (QList<int> &statuses : sequences) {
        SandboxFixture sandbox(20, 1);
        QVERIFY(sandbox.start());
        sandbox.setFaults(faults);
        RawApiClient client(sandbox.baseUrl());
        for (int i = 0; i < 24; ++i)
            statuses.append(client.api("GET", List).status);
        QCOMPARE(counter(sandbox, u"faults_injected"_s), qint64(statuses.size() - statuses.count(200)));
    }
    QCOMPARE(sequences[0], sequences[1]);
    QVERIFY(sequences[0].count(200) >= 4 && sequences[0].count(200) <= 20);
    QVERIFY(sequences[0].contains(503) && sequences[0].contains(429));

    SandboxFixture always(20, 1);
    QVERIFY(always.start());
    always.setFaults({{u"rate"_s, 1.0}, {u"kinds"_s, QJsonArray{u"500"_s}}});
    RawApiClient client(always.baseUrl());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(client.api("GET", List).status, 500);
}

void TestSandboxFaults::adminIsNeverFaulted()
{
    SandboxFixture sandbox(20, 1);
    QVERIFY(sandbox.start());
    sandbox.setFaults({{u"rate"_s, 1.0}, {u"kinds"_s, QJsonArray{u"reset"_s}}, {u"latency_ms"_s, 8000}});
    RawApiClient client(sandbox.baseUrl());
    const RawReply reply = client.plainCall("GET", u"/sandbox/state"_s);
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.elapsedMs < 6000, qPrintable(QString::number(reply.elapsedMs)));
    QCOMPARE(client.plainCall("POST", u"/sandbox/faults"_s, "{}").status, 200);
    QCOMPARE(client.api("GET", List).status, 200);
}

void TestSandboxFaults::faultsFromOptions()
{
    SandboxOptions options;
    options.imageCount = 10;
    options.faults.script.append(sandbox::FaultScriptEntry{u"GET"_s, u"/images"_s, u"429"_s, 1});
    options.faults.retryAfterSeconds = 2;
    SandboxFixture sandbox(options);
    QVERIFY(sandbox.start());
    RawApiClient client(sandbox.baseUrl());
    const RawReply reply = client.api("GET", List);
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.header("Retry-After"), QByteArray("2"));
}

void TestSandboxFaults::servesHttps()
{
    SandboxOptions options;
    options.imageCount = 10;
    options.tlsCertificateFile = QStringLiteral(MIM_TEST_SUPPORT_DIR "/tls/sandbox-test.crt");
    options.tlsKeyFile = QStringLiteral(MIM_TEST_SUPPORT_DIR "/tls/sandbox-test.key");
    SandboxFixture sandbox(options);
    QVERIFY(sandbox.start());
    QCOMPARE(sandbox.baseUrl().scheme(), u"https"_s);

    QFile certificate(options.tlsCertificateFile);
    QVERIFY(certificate.open(QIODevice::ReadOnly));
    RawApiClient trusting(sandbox.baseUrl());
    trusting.setCaCertificates(QSslCertificate::fromData(certificate.readAll(), QSsl::Pem));
    const RawReply reply = trusting.api("GET", List);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.isJson());

    RawApiClient distrusting(sandbox.baseUrl());
    QCOMPARE(distrusting.api("GET", List).error, QNetworkReply::SslHandshakeFailedError);

    options.tlsKeyFile = QStringLiteral(MIM_TEST_SUPPORT_DIR "/tls/missing.key");
    SandboxServer broken(options);
    QString error;
    QVERIFY(!broken.start(&error));
    QVERIFY(error.contains(u"missing.key"_s));
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "test_sandbox_faults.moc"
