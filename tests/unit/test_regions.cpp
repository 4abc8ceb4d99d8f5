#include "models/api/ConnectionSettings.h"
#include "models/api/LogRedaction.h"
#include "models/api/Regions.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

class TestRegions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableMatchesSdkRegions();
    void endpoints_data();
    void endpoints();
    void hongKongUsesDotCn();
    void displayNames_data();
    void displayNames();
    void find();
    void wellFormedIds_data();
    void wellFormedIds();
    void acceptableEndpoints_data();
    void acceptableEndpoints();
    void credentialsComplete();
    void redactHeaders_data();
    void redactHeaders();
    void redactSecrets_data();
    void redactSecrets();
    void redactUrl();
};

void TestRegions::tableMatchesSdkRegions()
{
    const QStringList expected = {
        u"cn-north-1"_s,     u"cn-north-2"_s,     u"cn-north-4"_s,     u"cn-north-9"_s,
        u"cn-north-11"_s,    u"cn-north-12"_s,    u"cn-east-3"_s,      u"cn-east-4"_s,
        u"cn-south-1"_s,     u"cn-southwest-2"_s, u"cn-southwest-3"_s, u"ap-southeast-1"_s,
        u"ap-southeast-2"_s, u"ap-southeast-3"_s, u"ap-southeast-4"_s, u"af-south-1"_s,
        u"af-north-1"_s,     u"la-south-2"_s,     u"la-north-2"_s,     u"sa-brazil-1"_s,
        u"tr-west-1"_s,      u"me-east-1"_s,
    };
    QStringList ids;
    QSet<QString> names;
    for (const Region &region : Regions::all()) {
        ids.append(region.id);
        QVERIFY2(!region.displayName.isEmpty(), qPrintable(region.id));
        names.insert(region.displayName);
        QVERIFY(Regions::isWellFormedId(region.id));
    }
    QCOMPARE(ids, expected);
    QCOMPARE(names.size(), ids.size()); // no two regions share a name
}

// One row per region: the hosts Huawei's SDK uses. The SDK has no regional IAM entry for cn-north-11,
// cn-southwest-3 and af-north-1 and falls back to the global IAM host for them.
void TestRegions::endpoints_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("modelArtsHost");
    QTest::addColumn<QString>("iamHost");
    QTest::newRow("cn-north-1") << u"cn-north-1"_s << u"modelarts.cn-north-1.myhuaweicloud.com"_s
                                << u"iam.cn-north-1.myhuaweicloud.com"_s;
    QTest::newRow("cn-north-2") << u"cn-north-2"_s << u"modelarts.cn-north-2.myhuaweicloud.com"_s
                                << u"iam.cn-north-2.myhuaweicloud.com"_s;
    QTest::newRow("cn-north-4") << u"cn-north-4"_s << u"modelarts.cn-north-4.myhuaweicloud.com"_s
                                << u"iam.cn-north-4.myhuaweicloud.com"_s;
    QTest::newRow("cn-north-9") << u"cn-north-9"_s << u"modelarts.cn-north-9.myhuaweicloud.com"_s
                                << u"iam.cn-north-9.myhuaweicloud.com"_s;
    QTest::newRow("cn-north-11") << u"cn-north-11"_s << u"modelarts.cn-north-11.myhuaweicloud.com"_s
                                 << u"iam.myhuaweicloud.com"_s;
    QTest::newRow("cn-north-12") << u"cn-north-12"_s << u"modelarts.cn-north-12.myhuaweicloud.com"_s
                                 << u"iam.cn-north-12.myhuaweicloud.com"_s;
    QTest::newRow("cn-east-3") << u"cn-east-3"_s << u"modelarts.cn-east-3.myhuaweicloud.com"_s
                               << u"iam.cn-east-3.myhuaweicloud.com"_s;
    QTest::newRow("cn-east-4") << u"cn-east-4"_s << u"modelarts.cn-east-4.myhuaweicloud.com"_s
                               << u"iam.cn-east-4.myhuaweicloud.com"_s;
    QTest::newRow("cn-south-1") << u"cn-south-1"_s << u"modelarts.cn-south-1.myhuaweicloud.com"_s
                                << u"iam.cn-south-1.myhuaweicloud.com"_s;
    QTest::newRow("cn-southwest-2") << u"cn-southwest-2"_s << u"modelarts.cn-southwest-2.myhuaweicloud.com"_s
                                    << u"iam.cn-southwest-2.myhuaweicloud.com"_s;
    QTest::newRow("cn-southwest-3") << u"cn-southwest-3"_s << u"modelarts.cn-southwest-3.myhuaweicloud.com"_s
                                    << u"iam.myhuaweicloud.com"_s;
    QTest::newRow("ap-southeast-1") << u"ap-southeast-1"_s << u"modelarts.ap-southeast-1.myhuaweicloud.cn"_s
                                    << u"iam.ap-southeast-1.myhuaweicloud.com"_s;
    QTest::newRow("ap-southeast-2") << u"ap-southeast-2"_s << u"modelarts.ap-southeast-2.myhuaweicloud.com"_s
                                    << u"iam.ap-southeast-2.myhuaweicloud.com"_s;
    QTest::newRow("ap-southeast-3") << u"ap-southeast-3"_s << u"modelarts.ap-southeast-3.myhuaweicloud.com"_s
                                    << u"iam.ap-southeast-3.myhuaweicloud.com"_s;
    QTest::newRow("ap-southeast-4") << u"ap-southeast-4"_s << u"modelarts.ap-southeast-4.myhuaweicloud.com"_s
                                    << u"iam.ap-southeast-4.myhuaweicloud.com"_s;
    QTest::newRow("af-south-1") << u"af-south-1"_s << u"modelarts.af-south-1.myhuaweicloud.com"_s
                                << u"iam.af-south-1.myhuaweicloud.com"_s;
    QTest::newRow("af-north-1") << u"af-north-1"_s << u"modelarts.af-north-1.myhuaweicloud.com"_s
                                << u"iam.myhuaweicloud.com"_s;
    QTest::newRow("la-south-2") << u"la-south-2"_s << u"modelarts.la-south-2.myhuaweicloud.com"_s
                                << u"iam.la-south-2.myhuaweicloud.com"_s;
    QTest::newRow("la-north-2") << u"la-north-2"_s << u"modelarts.la-north-2.myhuaweicloud.com"_s
                                << u"iam.la-north-2.myhuaweicloud.com"_s;
    QTest::newRow("sa-brazil-1") << u"sa-brazil-1"_s << u"modelarts.sa-brazil-1.myhuaweicloud.com"_s
                                 << u"iam.sa-brazil-1.myhuaweicloud.com"_s;
    QTest::newRow("tr-west-1") << u"tr-west-1"_s << u"modelarts.tr-west-1.myhuaweicloud.com"_s
                               << u"iam.tr-west-1.myhuaweicloud.com"_s;
    QTest::newRow("me-east-1") << u"me-east-1"_s << u"modelarts.me-east-1.myhuaweicloud.com"_s
                               << u"iam.me-east-1.myhuaweicloud.com"_s;
}

void TestRegions::endpoints()
{
    QFETCH(QString, id);
    QFETCH(QString, modelArtsHost);
    QFETCH(QString, iamHost);
    const std::optional<Region> region = Regions::find(id);
    QVERIFY(region);
    QCOMPARE(region->modelArtsEndpoint, QUrl(u"https://"_s + modelArtsHost));
    QCOMPARE(region->iamEndpoint, QUrl(u"https://"_s + iamHost));
    QVERIFY(isAcceptableEndpoint(region->modelArtsEndpoint));
    QVERIFY(isAcceptableEndpoint(region->iamEndpoint));
}

void TestRegions::hongKongUsesDotCn()
{
    const std::optional<Region> hongKong = Regions::find(u"ap-southeast-1"_s);
    QVERIFY(hongKong);
    QCOMPARE(hongKong->modelArtsEndpoint.toString(), u"https://modelarts.ap-southeast-1.myhuaweicloud.cn"_s);
    QCOMPARE(hongKong->iamEndpoint.toString(), u"https://iam.ap-southeast-1.myhuaweicloud.com"_s);
    QCOMPARE(hongKong->displayName, u"CN-Hong Kong"_s);
}

void TestRegions::displayNames_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::newRow("beijing4") << u"cn-north-4"_s << u"CN North-Beijing4"_s;
    QTest::newRow("shanghai1") << u"cn-east-3"_s << u"CN East-Shanghai1"_s;
    QTest::newRow("singapore") << u"ap-southeast-3"_s << u"AP-Singapore"_s;
    QTest::newRow("bangkok") << u"ap-southeast-2"_s << u"AP-Bangkok"_s;
    QTest::newRow("jakarta") << u"ap-southeast-4"_s << u"AP-Jakarta"_s;
    QTest::newRow("johannesburg") << u"af-south-1"_s << u"AF-Johannesburg"_s;
    QTest::newRow("cairo") << u"af-north-1"_s << u"AF-Cairo"_s;
    QTest::newRow("santiago") << u"la-south-2"_s << u"LA-Santiago"_s;
    QTest::newRow("mexico city2") << u"la-north-2"_s << u"LA-Mexico City2"_s;
    QTest::newRow("sao paulo1") << u"sa-brazil-1"_s << u"LA-Sao Paulo1"_s;
    QTest::newRow("istanbul") << u"tr-west-1"_s << u"TR-Istanbul"_s;
    QTest::newRow("riyadh") << u"me-east-1"_s << u"ME-Riyadh"_s;
}

void TestRegions::displayNames()
{
    QFETCH(QString, id);
    const std::optional<Region> region = Regions::find(id);
    QVERIFY(region);
    QTEST(region->displayName, "name");
    // No translator is installed, so the localized name is the English one.
    QTEST(Regions::localizedName(*region), "name");
}

void TestRegions::find()
{
    QVERIFY(Regions::find(u"cn-north-4"_s));
    QCOMPARE(Regions::find(u"cn-north-4"_s)->modelArtsEndpoint.host(),
             u"modelarts.cn-north-4.myhuaweicloud.com"_s);
    QVERIFY(!Regions::find(u"CN-NORTH-4"_s));
    QVERIFY(!Regions::find(u"eu-west-101"_s)); // not in the SDK table: custom endpoint
    QVERIFY(!Regions::find(QString()));
}

void TestRegions::wellFormedIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("wellFormed");
    QTest::newRow("cn-north-4") << u"cn-north-4"_s << true;
    QTest::newRow("eu-west-101") << u"eu-west-101"_s << true;
    QTest::newRow("my-kualalumpur-1") << u"my-kualalumpur-1"_s << true;
    QTest::newRow("ae-ad-1") << u"ae-ad-1"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("upper case") << u"CN-north-4"_s << false;
    QTest::newRow("no number") << u"cn-north"_s << false;
    QTest::newRow("only number") << u"4"_s << false;
    QTest::newRow("trailing dash") << u"cn-north-4-"_s << false;
    QTest::newRow("double dash") << u"cn--north-4"_s << false;
    QTest::newRow("space") << u"cn north-4"_s << false;
    QTest::newRow("host name") << u"modelarts.cn-north-4.myhuaweicloud.com"_s << false;
    QTest::newRow("path injection") << u"cn-north-4/../x"_s << false;
    QTest::newRow("too long") << (QString(70, u'a') + u"-1"_s) << false;
}

void TestRegions::wellFormedIds()
{
    QFETCH(QString, id);
    QTEST(Regions::isWellFormedId(id), "wellFormed");
}

void TestRegions::acceptableEndpoints_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("acceptable");
    QTest::newRow("https") << u"https://modelarts.cn-north-4.myhuaweicloud.com"_s << true;
    QTest::newRow("https with port and path") << u"https://example.com:8443/base"_s << true;
    QTest::newRow("https loopback") << u"https://127.0.0.1:1234"_s << true;
    QTest::newRow("http 127.0.0.1") << u"http://127.0.0.1:8080"_s << true;
    QTest::newRow("http 127.1.2.3") << u"http://127.1.2.3"_s << true;
    QTest::newRow("http localhost") << u"http://localhost:9000/"_s << true;
    QTest::newRow("http LOCALHOST") << u"http://LOCALHOST"_s << true;
    QTest::newRow("http ::1") << u"http://[::1]:8080"_s << true;
    QTest::newRow("http remote") << u"http://modelarts.cn-north-4.myhuaweicloud.com"_s << false;
    QTest::newRow("http private lan") << u"http://192.168.1.10"_s << false;
    QTest::newRow("http 0.0.0.0") << u"http://0.0.0.0:80"_s << false;
    QTest::newRow("http localhost lookalike") << u"http://localhost.example.com"_s << false;
    QTest::newRow("http 128.0.0.1") << u"http://128.0.0.1"_s << false;
    QTest::newRow("ftp") << u"ftp://127.0.0.1"_s << false;
    QTest::newRow("no scheme") << u"modelarts.cn-north-4.myhuaweicloud.com"_s << false;
    QTest::newRow("no host") << u"https:///v1"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestRegions::acceptableEndpoints()
{
    QFETCH(QString, url);
    QFETCH(bool, acceptable);
    QString whyNot;
    QCOMPARE(isAcceptableEndpoint(QUrl(url), &whyNot), acceptable);
    QCOMPARE(whyNot.isEmpty(), acceptable);
    // The reason is optional.
    QCOMPARE(isAcceptableEndpoint(QUrl(url)), acceptable);
}

void TestRegions::credentialsComplete()
{
    Credentials aksk;
    QVERIFY(!aksk.isComplete());
    aksk.accessKey = u"AK"_s;
    QVERIFY(!aksk.isComplete());
    aksk.secretKey = u"SK"_s;
    QVERIFY(aksk.isComplete());
    aksk.userName = u"ignored"_s; // password fields do not matter for AK/SK
    QVERIFY(aksk.isComplete());

    Credentials password;
    password.method = AuthMethod::Password;
    password.accessKey = u"AK"_s;
    password.secretKey = u"SK"_s;
    QVERIFY(!password.isComplete());
    password.userName = u"alice"_s;
    password.domainName = u"acme"_s;
    QVERIFY(!password.isComplete());
    password.password = u"secret"_s;
    QVERIFY(password.isComplete());
    password.domainName.clear();
    QVERIFY(!password.isComplete());
}

void TestRegions::redactHeaders_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("secret");
    QTest::newRow("Authorization") << QByteArray("Authorization") << true;
    QTest::newRow("authorization") << QByteArray("authorization") << true;
    QTest::newRow("X-Auth-Token") << QByteArray("X-Auth-Token") << true;
    QTest::newRow("x-subject-token") << QByteArray("x-subject-token") << true;
    QTest::newRow("X-SECURITY-TOKEN") << QByteArray("X-SECURITY-TOKEN") << true;
    QTest::newRow("X-Sdk-Date") << QByteArray("X-Sdk-Date") << false;
    QTest::newRow("X-Project-Id") << QByteArray("X-Project-Id") << false;
    QTest::newRow("Content-Type") << QByteArray("Content-Type") << false;
    QTest::newRow("X-Request-Id") << QByteArray("X-Request-Id") << false;
}

void TestRegions::redactHeaders()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, secret);
    const QByteArray value = "SDK-HMAC-SHA256 Access=AK, Signature=abc";
    QCOMPARE(LogRedaction::isSecretHeader(name), secret);
    QCOMPARE(LogRedaction::redactHeader(name, value), secret ? QByteArray("<redacted>") : value);
    QCOMPARE(LogRedaction::redactHeader(QString::fromLatin1(name), QString::fromLatin1(value)),
             secret ? u"<redacted>"_s : QString::fromLatin1(value));
}

void TestRegions::redactSecrets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("iam token body")
        << uR"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice","password":"p\"w d","domain":{"name":"acme"}}}}}})"_s
        << uR"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice","password":"<redacted>","domain":{"name":"acme"}}}}}})"_s;
    QTest::newRow("json sk and security token")
        << uR"({"ak": "AK1", "sk" : "S3CR3T", "security_token":"tok", "Secret_Key": 12345})"_s
        << uR"({"ak": "AK1", "sk" : "<redacted>", "security_token":"<redacted>", "Secret_Key": "<redacted>"})"_s;
    QTest::newRow("json keys that merely contain sk")
        << uR"({"task":"t","disk":"d","skip":1})"_s << uR"({"task":"t","disk":"d","skip":1})"_s;
    QTest::newRow("query") << u"https://h/v1?limit=1&sk=abc&password=p%20w&offset=0"_s
                           << u"https://h/v1?limit=1&sk=<redacted>&password=<redacted>&offset=0"_s;
    QTest::newRow("query first key") << u"secret=xyz&a=1"_s << u"secret=<redacted>&a=1"_s;
    QTest::newRow("query securitytoken with fragment")
        << u"/p?SecurityToken=t0k#frag"_s << u"/p?SecurityToken=<redacted>#frag"_s;
    QTest::newRow("query key containing sk") << u"/p?task=1&ask=2"_s << u"/p?task=1&ask=2"_s;
    QTest::newRow("nothing secret") << u"{\"name\":\"pytorch\"}"_s << u"{\"name\":\"pytorch\"}"_s;
}

void TestRegions::redactSecrets()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(LogRedaction::redactSecrets(text), expected);
    QCOMPARE(LogRedaction::redactSecrets(text.toUtf8()), expected.toUtf8());
}

void TestRegions::redactUrl()
{
    const QUrl url(u"https://user:pa55@iam.example.com/v3/auth/tokens?nocatalog=true&password=hunter2"_s);
    const QString logged = LogRedaction::redactUrl(url);
    QVERIFY2(!logged.contains("pa55"_L1), qPrintable(logged));
    QVERIFY2(!logged.contains("hunter2"_L1), qPrintable(logged));
    QVERIFY(logged.contains("iam.example.com/v3/auth/tokens?nocatalog=true&password=<redacted>"_L1));
}

QTEST_GUILESS_MAIN(TestRegions)
#include "test_regions.moc"
