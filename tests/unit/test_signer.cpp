#include "models/api/AkSkSigner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace mim;

// Checks the signer against the reference vectors (produced by Huawei's Python signer) byte for byte.
class TestSigner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void vector_data();
    void vector();
    void hostHeaderGivenIsKept();
    void authorizationHeaderIsNeverSigned();
    void duplicateHeaderSignedOnce();
    void sdkDateRoundTrip_data();
    void sdkDateRoundTrip();
    void sdkDateRejectsMalformed_data();
    void sdkDateRejectsMalformed();
    void percentEncode_data();
    void percentEncode();
    void canonicalUri_data();
    void canonicalUri();
    void canonicalQuery_data();
    void canonicalQuery();
    void signatureChangesWithEveryInput();

private:
    QJsonArray m_vectors;
};

void TestSigner::initTestCase()
{
    const QString dataDir = qEnvironmentVariable("MIM_TEST_DATA_DIR");
    QVERIFY2(!dataDir.isEmpty(), "MIM_TEST_DATA_DIR is not set");
    QFile file(dataDir + u"/aksk-vectors.json"_s);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(u"cannot open "_s + file.fileName()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isArray());
    m_vectors = document.array();
    QVERIFY2(m_vectors.size() >= 16, "expected at least 16 signing vectors");
}

void TestSigner::vector_data()
{
    QTest::addColumn<QJsonObject>("vector");
    for (const QJsonValue value : std::as_const(m_vectors)) {
        const QJsonObject vector = value.toObject();
        QTest::newRow(qPrintable(vector.value("name"_L1).toString())) << vector;
    }
}

void TestSigner::vector()
{
    QFETCH(QJsonObject, vector);
    const auto field = [&vector](const char *name) {
        return vector.value(QLatin1StringView(name)).toString().toUtf8();
    };

    SignableRequest request;
    request.method = field("method");
    request.url = QUrl(vector.value("url"_L1).toString(), QUrl::StrictMode);
    QVERIFY(request.url.isValid());
    const QJsonObject headers = vector.value("headers"_L1).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        request.headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
    request.body = field("body");
    QCOMPARE(field("sdk_date"), AkSkSigner::formatSdkDate(AkSkSigner::parseSdkDate(field("sdk_date"))));

    const SignedRequest signedRequest = AkSkSigner::sign(request, field("ak"), field("sk"));
    QCOMPARE(signedRequest.hostHeader, field("expected_host_header"));
    QCOMPARE(signedRequest.canonicalRequest, field("expected_canonical_request"));
    QCOMPARE(signedRequest.stringToSign, field("expected_string_to_sign"));
    QCOMPARE(signedRequest.signedHeaders, field("expected_signed_headers"));
    QCOMPARE(signedRequest.signature, field("expected_signature"));
    QCOMPARE(signedRequest.authorization, field("expected_authorization"));
    QCOMPARE(signedRequest.wirePathAndQuery, field("expected_wire_path_and_query"));

    // The headers to send: the input ones in order, then Host; never Authorization.
    QCOMPARE(signedRequest.headers.size(), request.headers.size() + 1);
    for (qsizetype i = 0; i < request.headers.size(); ++i)
        QCOMPARE(signedRequest.headers.at(i), request.headers.at(i));
    QCOMPARE(signedRequest.headers.last().first, QByteArray("Host"));
    QCOMPARE(signedRequest.headers.last().second, field("expected_host_header"));

    // The wire form must sign to the same thing: the server rebuilds the request from it.
    SignableRequest wire = request;
    wire.url = QUrl(u"https://"_s + QString::fromUtf8(signedRequest.hostHeader) +
                    QString::fromUtf8(signedRequest.wirePathAndQuery));
    QCOMPARE(AkSkSigner::sign(wire, field("ak"), field("sk")).signature, signedRequest.signature);
}

void TestSigner::hostHeaderGivenIsKept()
{
    SignableRequest request;
    request.method = "GET";
    request.url = QUrl(u"https://modelarts.cn-north-4.myhuaweicloud.com/v1/p/images"_s);
    request.headers = {{"host", "proxy.example:8080"}, {"X-Sdk-Date", "20261122T071700Z"}};
    const SignedRequest result = AkSkSigner::sign(request, "AK", "SK");
    QCOMPARE(result.hostHeader, QByteArray("proxy.example:8080"));
    QCOMPARE(result.headers.size(), 2);
    QVERIFY(result.canonicalRequest.contains("\nhost:proxy.example:8080\n"));
    QCOMPARE(result.signedHeaders, QByteArray("host;x-sdk-date"));
}

void TestSigner::authorizationHeaderIsNeverSigned()
{
    SignableRequest request;
    request.method = "GET";
    request.url = QUrl(u"https://example.com/"_s);
    request.headers = {{"X-Sdk-Date", "20261122T071700Z"}, {"Authorization", "stale"}};
    const SignedRequest result = AkSkSigner::sign(request, "AK", "SK");
    QCOMPARE(result.signedHeaders, QByteArray("host;x-sdk-date"));
    QVERIFY(!result.canonicalRequest.contains("stale"));
}

void TestSigner::duplicateHeaderSignedOnce()
{
    SignableRequest request;
    request.method = "GET";
    request.url = QUrl(u"https://example.com/"_s);
    request.headers = {{"X-Sdk-Date", "20261122T071700Z"}, {"X-Extra", "a"}, {"x-extra", " b "}};
    const SignedRequest result = AkSkSigner::sign(request, "AK", "SK");
    QCOMPARE(result.signedHeaders, QByteArray("host;x-extra;x-sdk-date"));
    QVERIFY(result.canonicalRequest.contains("\nx-extra:a,b\n"));
}

void TestSigner::sdkDateRoundTrip_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("vector date") << QDateTime(QDate(2026, 11, 22), QTime(7, 17, 0), Qt::UTC)
                                 << QByteArray("20261122T071700Z");
    QTest::newRow("new year") << QDateTime(QDate(2024, 1, 1), QTime(0, 0, 0), Qt::UTC)
                              << QByteArray("20240101T000000Z");
    QTest::newRow("end of day") << QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59), Qt::UTC)
                                << QByteArray("19991231T235959Z");
    QTest::newRow("leap day") << QDateTime(QDate(2028, 2, 29), QTime(12, 3, 4), Qt::UTC)
                              << QByteArray("20280229T120304Z");
    QTest::newRow("offset zone converted to UTC")
        << QDateTime(QDate(2026, 11, 22), QTime(15, 17, 0), QTimeZone(8 * 3600))
        << QByteArray("20261122T071700Z");
}

void TestSigner::sdkDateRoundTrip()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, text);
    QCOMPARE(AkSkSigner::formatSdkDate(time), text);
    const QDateTime parsed = AkSkSigner::parseSdkDate(text);
    QVERIFY(parsed.isValid());
    QCOMPARE(parsed.timeSpec(), Qt::UTC);
    QCOMPARE(parsed, time);
    QCOMPARE(parsed.toMSecsSinceEpoch(), time.toMSecsSinceEpoch());
}

void TestSigner::sdkDateRejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("extended ISO") << QByteArray("2026-11-22T07:17:00Z");
    QTest::newRow("no Z") << QByteArray("20261122T0717000");
    QTest::newRow("no T") << QByteArray("20261122 071700Z");
    QTest::newRow("lower-case t") << QByteArray("20261122t071700Z");
    QTest::newRow("month 13") << QByteArray("20261322T071700Z");
    QTest::newRow("february 30") << QByteArray("20260230T071700Z");
    QTest::newRow("hour 24") << QByteArray("20261122T241700Z");
    QTest::newRow("letters") << QByteArray("2026112xT071700Z");
    QTest::newRow("sign") << QByteArray("+0261122T071700Z");
    QTest::newRow("too long") << QByteArray("20261122T071700ZZ");
}

void TestSigner::sdkDateRejectsMalformed()
{
    QFETCH(QByteArray, text);
    QVERIFY(!AkSkSigner::parseSdkDate(text).isValid());
}

void TestSigner::percentEncode_data()
{
    QTest::addColumn<QByteArray>("decoded");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("unreserved") << QByteArray("AZaz09-_.~") << QByteArray("AZaz09-_.~");
    QTest::newRow("space and plus") << QByteArray("a b+c") << QByteArray("a%20b%2Bc");
    QTest::newRow("slash") << QByteArray("a/b") << QByteArray("a%2Fb");
    QTest::newRow("percent") << QByteArray("100%") << QByteArray("100%25");
    QTest::newRow("reserved") << QByteArray("!*'();:@&=$,?#[]")
                              << QByteArray("%21%2A%27%28%29%3B%3A%40%26%3D%24%2C%3F%23%5B%5D");
    QTest::newRow("utf-8 upper-case hex") << QString(u"训练"_s).toUtf8() << QByteArray("%E8%AE%AD%E7%BB%83");
    QTest::newRow("nul and high bytes") << QByteArray("\x00\x7f\xff", 3) << QByteArray("%00%7F%FF");
}

void TestSigner::percentEncode()
{
    QFETCH(QByteArray, decoded);
    QFETCH(QByteArray, encoded);
    QCOMPARE(AkSkSigner::percentEncode(decoded), encoded);
}

void TestSigner::canonicalUri_data()
{
    QTest::addColumn<QByteArray>("rawPath");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("empty") << QByteArray() << QByteArray("/");
    QTest::newRow("root") << QByteArray("/") << QByteArray("/");
    QTest::newRow("trailing slash added") << QByteArray("/v1/p/images") << QByteArray("/v1/p/images/");
    QTest::newRow("trailing slash kept") << QByteArray("/v1/p/images/") << QByteArray("/v1/p/images/");
    QTest::newRow("double slash kept") << QByteArray("/a//b") << QByteArray("/a//b/");
    QTest::newRow("decoded then encoded once")
        << QByteArray("/a/my%20image%2bv1") << QByteArray("/a/my%20image%2Bv1/");
    QTest::newRow("raw reserved") << QByteArray("/a/b:c@d") << QByteArray("/a/b%3Ac%40d/");
    QTest::newRow("encoded unreserved") << QByteArray("/%7Euser") << QByteArray("/~user/");
    QTest::newRow("encoded slash splits") << QByteArray("/a%2Fb") << QByteArray("/a/b/");
    QTest::newRow("utf-8") << QByteArray("/%E8%AE%AD") << QByteArray("/%E8%AE%AD/");
    QTest::newRow("raw utf-8") << QString(u"/训"_s).toUtf8() << QByteArray("/%E8%AE%AD/");
    QTest::newRow("invalid utf-8 escape kept as a byte") << QByteArray("/%FF") << QByteArray("/%FF/");
    QTest::newRow("invalid escape") << QByteArray("/a%zzb") << QByteArray("/a%25zzb/");
    QTest::newRow("half escape") << QByteArray("/a%4") << QByteArray("/a%254/");
    QTest::newRow("lone percent at end") << QByteArray("/a%") << QByteArray("/a%25/");
    QTest::newRow("escaped percent") << QByteArray("/a%2520") << QByteArray("/a%2520/");
    QTest::newRow("no leading slash") << QByteArray("a") << QByteArray("a/");
}

void TestSigner::canonicalUri()
{
    QFETCH(QByteArray, rawPath);
    QFETCH(QByteArray, canonical);
    QCOMPARE(AkSkSigner::canonicalUri(rawPath), canonical);
}

void TestSigner::canonicalQuery_data()
{
    QTest::addColumn<QByteArray>("rawQuery");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("only separators") << QByteArray("&&&") << QByteArray();
    QTest::newRow("empty key dropped") << QByteArray("=x&a=1") << QByteArray("a=1");
    QTest::newRow("bare key") << QByteArray("flag") << QByteArray("flag=");
    QTest::newRow("empty value") << QByteArray("k=") << QByteArray("k=");
    QTest::newRow("first equals splits") << QByteArray("k=a=b") << QByteArray("k=a%3Db");
    QTest::newRow("sorted by key then value") << QByteArray("b=2&a=2&a=1") << QByteArray("a=1&a=2&b=2");
    QTest::newRow("raw plus is a plus") << QByteArray("q=a+b") << QByteArray("q=a%2Bb");
    QTest::newRow("decoded sort") << QByteArray("a%2Fb=2&a-b=1") << QByteArray("a-b=1&a%2Fb=2");
    QTest::newRow("code point order") << QByteArray("k=%C3%A9&k=z&k=Z") << QByteArray("k=Z&k=z&k=%C3%A9");
    QTest::newRow("lower-case hex normalised") << QByteArray("k=%2f") << QByteArray("k=%2F");
    QTest::newRow("invalid escapes") << QByteArray("k=%&j=%g0&i=%0") << QByteArray("i=%250&j=%25g0&k=%25");
    QTest::newRow("invalid utf-8") << QByteArray("k=%FF%FE") << QByteArray("k=%FF%FE");
    QTest::newRow("encoded ampersand stays in value") << QByteArray("k=a%26b") << QByteArray("k=a%26b");
}

void TestSigner::canonicalQuery()
{
    QFETCH(QByteArray, rawQuery);
    QFETCH(QByteArray, canonical);
    QCOMPARE(AkSkSigner::canonicalQuery(rawQuery), canonical);
}

void TestSigner::signatureChangesWithEveryInput()
{
    SignableRequest base;
    base.method = "GET";
    base.url = QUrl(u"https://modelarts.cn-north-4.myhuaweicloud.com/v1/p/images?limit=1"_s);
    base.headers = {{"X-Sdk-Date", "20261122T071700Z"}, {"X-Project-Id", "p"}};
    const QByteArray reference = AkSkSigner::sign(base, "AK", "SK").signature;
    QCOMPARE(reference.size(), 64);

    SignableRequest changed = base;
    changed.method = "DELETE";
    QVERIFY(AkSkSigner::sign(changed, "AK", "SK").signature != reference);
    changed = base;
    changed.url = QUrl(u"https://modelarts.cn-north-4.myhuaweicloud.com/v1/p/images?limit=2"_s);
    QVERIFY(AkSkSigner::sign(changed, "AK", "SK").signature != reference);
    changed = base;
    changed.body = "{}";
    QVERIFY(AkSkSigner::sign(changed, "AK", "SK").signature != reference);
    changed = base;
    changed.headers[0].second = "20261122T071701Z";
    QVERIFY(AkSkSigner::sign(changed, "AK", "SK").signature != reference);
    QVERIFY(AkSkSigner::sign(base, "AK", "SK2").signature != reference);
    // The access key is not part of the signature, only of the Authorization header.
    const SignedRequest otherAk = AkSkSigner::sign(base, "AK2", "SK");
    QCOMPARE(otherAk.signature, reference);
    QVERIFY(otherAk.authorization.startsWith("SDK-HMAC-SHA256 Access=AK2, SignedHeaders="));
}

QTEST_GUILESS_MAIN(TestSigner)
#include "test_signer.moc"
