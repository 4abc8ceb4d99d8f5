#include "ErrorKindPrinting.h"
#include "models/api/ApiError.h"

#include <memory>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

Q_DECLARE_METATYPE(mim::ErrorKind)

class TestApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesErrorShapes_data();
    void parsesErrorShapes();
    void requestIdFromHeaderWins();
    void requestIdFromBodyWhenNoHeader();
    void nonJsonBodies_data();
    void nonJsonBodies();
    void classify_data();
    void classify();
    void transient_data();
    void transient();
    void summaryHints_data();
    void summaryHints();
    void everyKindHasASummary();
    void fullTextListsServerDetails();
    void fullTextOmitsMissingParts();
    void fullTextKeepsServerPartsOnTheirLines();
    void make();
    void swrErrorDetailAndHints();
    void kindNames();
    void regressionInputs_data();
    void regressionInputs();
};

void TestApiError::parsesErrorShapes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<ErrorKind>("kind");

    QTest::newRow("error_code/error_msg")
        << 400 << QByteArray(R"({"error_code":"ModelArts.6404","error_msg":"Image not found."})")
        << u"ModelArts.6404"_s << u"Image not found."_s << ErrorKind::NotFound;
    QTest::newRow("errorCode/errorMsg")
        << 403 << QByteArray(R"({"errorCode":"ModelArts.0108","errorMsg":"denied"})") << u"ModelArts.0108"_s
        << u"denied"_s << ErrorKind::Permission;
    QTest::newRow("code/message") << 429
                                  << QByteArray(
                                         R"({"code":"APIGW.0308","message":"policy user over ratelimit"})")
                                  << u"APIGW.0308"_s << u"policy user over ratelimit"_s
                                  << ErrorKind::Throttled;
    QTest::newRow("error_code/error_message")
        << 401
        << QByteArray(
               R"({"error_code":"APIG.0301","error_message":"Incorrect IAM authentication information"})")
        << u"APIG.0301"_s << u"Incorrect IAM authentication information"_s << ErrorKind::Authentication;
    QTest::newRow("error_message only") << 500 << QByteArray(R"({"error_message":"internal"})") << u"500"_s
                                        << u"internal"_s << ErrorKind::Server;
    QTest::newRow("nested error object")
        << 401 << QByteArray(R"({"error":{"code":"APIGW.0307","message":"The token must be updated."}})")
        << u"APIGW.0307"_s << u"The token must be updated."_s << ErrorKind::Authentication;
    QTest::newRow("nested under another key")
        << 400 << QByteArray(R"({"result":{"error_code":"ModelArts.6404","error_msg":"gone"},"other":1})")
        << u"ModelArts.6404"_s << u"gone"_s << ErrorKind::NotFound;
    QTest::newRow("numeric code")
        << 404 << QByteArray(R"({"code":404,"message":"The requested resource could not be found."})")
        << u"404"_s << u"The requested resource could not be found."_s << ErrorKind::InvalidRequest;
    // SWR answers a list of errors; the first one is the error.
    QTest::newRow("SWR error list")
        << 400
        << QByteArray(
               R"([{"errorCode":"SVCSTG.SWR.4001048","errorMessage":"Invalid parameter","detail":"limit"}])")
        << u"SVCSTG.SWR.4001048"_s << u"Invalid parameter"_s << ErrorKind::InvalidRequest;
    QTest::newRow("SWR 403 list")
        << 403 << QByteArray(R"([{"errorCode":"SVCSTG.SWR.4030001","errorMessage":"Forbidden","detail":""}])")
        << u"SVCSTG.SWR.4030001"_s << u"Forbidden"_s << ErrorKind::Permission;
    // SWR's own code on a 404: it routed the request and the tag (or repository) is not there.
    QTest::newRow("SWR 404 list")
        << 404
        << QByteArray(R"([{"errorCode":"SVCSTG.SWR.4040005","errorMessage":"Tag not exist","detail":""},)"
                      R"({"errorCode":"SVCSTG.SWR.4000001","errorMessage":"second","detail":""}])")
        << u"SVCSTG.SWR.4040005"_s << u"Tag not exist"_s << ErrorKind::NotFound;
    QTest::newRow("empty list") << 400 << QByteArray("[]") << u"400"_s << QString()
                                << ErrorKind::InvalidRequest;
    QTest::newRow("list of non-objects") << 404 << QByteArray(R"(["SVCSTG.SWR.4040005"])") << u"404"_s
                                         << QString() << ErrorKind::InvalidRequest;
    // A gateway that does not know the route is a wrong endpoint or region, never "already deleted".
    QTest::newRow("gateway 404")
        << 404
        << QByteArray(
               R"({"error_code":"APIGW.0101","error_msg":"The API does not exist or has not been published in the environment"})")
        << u"APIGW.0101"_s << u"The API does not exist or has not been published in the environment"_s
        << ErrorKind::InvalidRequest;
    QTest::newRow("html 404") << 404 << QByteArray("<html><body>404 Not Found</body></html>") << u"404"_s
                              << QString() << ErrorKind::InvalidRequest;
    QTest::newRow("ModelArts 404 naming the image")
        << 404 << QByteArray(R"({"error_code":"ModelArts.6001","error_msg":"Image 3f2c does not exist."})")
        << u"ModelArts.6001"_s << u"Image 3f2c does not exist."_s << ErrorKind::NotFound;
    QTest::newRow("ModelArts 404 about something else")
        << 404 << QByteArray(R"({"error_code":"ModelArts.0001","error_msg":"Unknown route."})")
        << u"ModelArts.0001"_s << u"Unknown route."_s << ErrorKind::InvalidRequest;
    QTest::newRow("nested numeric code") << 400 << QByteArray(R"({"error":{"code":1001,"message":"bad"}})")
                                         << u"1001"_s << u"bad"_s << ErrorKind::InvalidRequest;
    QTest::newRow("top level wins over nested")
        << 400
        << QByteArray(
               R"({"error_code":"ModelArts.0001","error_msg":"outer","error":{"code":"X","message":"inner"}})")
        << u"ModelArts.0001"_s << u"outer"_s << ErrorKind::InvalidRequest;
    QTest::newRow("message without code") << 409 << QByteArray(R"({"error_msg":"conflict"})") << u"409"_s
                                          << u"conflict"_s << ErrorKind::InvalidRequest;
    QTest::newRow("json without known keys")
        << 502 << QByteArray(R"({"hello":"world"})") << u"502"_s << QString() << ErrorKind::Server;
    QTest::newRow("json array") << 503 << QByteArray(R"(["busy"])") << u"503"_s << QString()
                                << ErrorKind::Server;
    QTest::newRow("whitespace trimmed")
        << 400 << QByteArray(R"({"error_code":" ModelArts.6404 ","error_msg":" x "})") << u"ModelArts.6404"_s
        << u"x"_s << ErrorKind::NotFound;
}

void TestApiError::parsesErrorShapes()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    const ApiError error = ApiError::fromHttpResponse(status, body, "req-1");
    QFETCH(ErrorKind, kind);
    QTEST(error.code, "code");
    QTEST(error.message, "message");
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.requestId, u"req-1"_s);
    QVERIFY(error.isError());
}

void TestApiError::requestIdFromHeaderWins()
{
    const ApiError error = ApiError::fromHttpResponse(
        500, R"({"error_code":"ModelArts.0010","request_id":"body-id"})", " header-id ");
    QCOMPARE(error.requestId, u"header-id"_s);
}

void TestApiError::requestIdFromBodyWhenNoHeader()
{
    QCOMPARE(ApiError::fromHttpResponse(500, R"({"error_code":"X","request_id":"body-id"})", {}).requestId,
             u"body-id"_s);
    QCOMPARE(
        ApiError::fromHttpResponse(500, R"({"error":{"code":"X","requestId":"nested-id"}})", {}).requestId,
        u"nested-id"_s);
}

void TestApiError::nonJsonBodies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("detail");
    QTest::newRow("empty body") << 503 << QByteArray() << ErrorKind::Server << QString();
    QTest::newRow("html error page")
        << 502
        << QByteArray("<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>")
        << ErrorKind::Server << u"502 Bad Gateway"_s;
    QTest::newRow("html without title")
        << 403 << QByteArray("<html><body>Forbidden</body></html>") << ErrorKind::Permission << QString();
    QTest::newRow("plain text") << 400 << QByteArray("  Bad   request\n") << ErrorKind::InvalidRequest
                                << u"Bad request"_s;
    QTest::newRow("truncated json") << 401 << QByteArray(R"({"error_code":"APIG.03)")
                                    << ErrorKind::Authentication << u"{\"error_code\":\"APIG.03"_s;
}

void TestApiError::nonJsonBodies()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    const ApiError error = ApiError::fromHttpResponse(status, body, {});
    QCOMPARE(error.code, QString::number(status));
    QVERIFY(error.message.isEmpty());
    QFETCH(ErrorKind, kind);
    QCOMPARE(error.kind, kind);
    QTEST(error.detail, "detail");
}

void TestApiError::classify_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<ErrorKind>("kind");
    QTest::newRow("401") << 401 << u"ModelArts.0203"_s << ErrorKind::Authentication;
    QTest::newRow("403") << 403 << u"ModelArts.0108"_s << ErrorKind::Permission;
    QTest::newRow("404 without a ModelArts code") << 404 << u"404"_s << ErrorKind::InvalidRequest;
    QTest::newRow("APIGW.0101") << 404 << u"APIGW.0101"_s << ErrorKind::InvalidRequest;
    QTest::newRow("6404 with 400") << 400 << u"ModelArts.6404"_s << ErrorKind::NotFound;
    QTest::newRow("SWR 404") << 404 << u"SVCSTG.SWR.4040005"_s << ErrorKind::NotFound;
    QTest::newRow("SWR 403") << 403 << u"SVCSTG.SWR.4030001"_s << ErrorKind::Permission;
    QTest::newRow("SWR 400") << 400 << u"SVCSTG.SWR.4001048"_s << ErrorKind::InvalidRequest;
    QTest::newRow("6404 with 500") << 500 << u"ModelArts.6404"_s << ErrorKind::NotFound;
    QTest::newRow("6404 any case") << 400 << u"modelarts.6404"_s << ErrorKind::NotFound;
    QTest::newRow("429") << 429 << u"ModelArts.2799"_s << ErrorKind::Throttled;
    QTest::newRow("APIGW.0308 with 400") << 400 << u"APIGW.0308"_s << ErrorKind::Throttled;
    QTest::newRow("APIG.0308") << 429 << u"APIG.0308"_s << ErrorKind::Throttled;
    QTest::newRow("500") << 500 << u"ModelArts.0010"_s << ErrorKind::Server;
    QTest::newRow("502") << 502 << u"502"_s << ErrorKind::Server;
    QTest::newRow("599") << 599 << u""_s << ErrorKind::Server;
    QTest::newRow("400") << 400 << u"ModelArts.6771"_s << ErrorKind::InvalidRequest;
    QTest::newRow("409") << 409 << u""_s << ErrorKind::InvalidRequest;
    QTest::newRow("APIGW.0301 with 400") << 400 << u"APIGW.0301"_s << ErrorKind::Authentication;
    QTest::newRow("APIG.0301") << 401 << u"APIG.0301"_s << ErrorKind::Authentication;
    QTest::newRow("APIGW.0307 with 403") << 403 << u"APIGW.0307"_s << ErrorKind::Authentication;
    QTest::newRow("302") << 302 << u""_s << ErrorKind::BadResponse;
    QTest::newRow("0") << 0 << u""_s << ErrorKind::BadResponse;
    QTest::newRow("200") << 200 << u""_s << ErrorKind::None;
}

void TestApiError::classify()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(ErrorKind, kind);
    QCOMPARE(ApiError::classify(status, code), kind);
}

void TestApiError::transient_data()
{
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("incompleteBody");
    QTest::addColumn<bool>("transient");
    QTest::newRow("network") << ErrorKind::Network << 0 << false << true;
    QTest::newRow("timeout") << ErrorKind::Timeout << 0 << false << true;
    QTest::newRow("throttled") << ErrorKind::Throttled << 429 << false << true;
    QTest::newRow("502") << ErrorKind::Server << 502 << false << true;
    QTest::newRow("503") << ErrorKind::Server << 503 << false << true;
    QTest::newRow("504") << ErrorKind::Server << 504 << false << true;
    QTest::newRow("500") << ErrorKind::Server << 500 << false << false;
    QTest::newRow("501") << ErrorKind::Server << 501 << false << false;
    QTest::newRow("tls") << ErrorKind::Tls << 0 << false << false;
    QTest::newRow("authentication") << ErrorKind::Authentication << 401 << false << false;
    QTest::newRow("permission") << ErrorKind::Permission << 403 << false << false;
    QTest::newRow("not found") << ErrorKind::NotFound << 404 << false << false;
    QTest::newRow("bad response") << ErrorKind::BadResponse << 200 << false << false;
    QTest::newRow("redirect") << ErrorKind::BadResponse << 302 << false << false;
    QTest::newRow("truncated body") << ErrorKind::BadResponse << 200 << true << true;
    QTest::newRow("truncated error body") << ErrorKind::BadResponse << 502 << true << true;
    QTest::newRow("cancelled") << ErrorKind::Cancelled << 0 << false << false;
    QTest::newRow("invalid") << ErrorKind::InvalidRequest << 400 << false << false;
    QTest::newRow("none") << ErrorKind::None << 0 << false << false;
}

void TestApiError::transient()
{
    QFETCH(ErrorKind, kind);
    QFETCH(int, status);
    QFETCH(bool, incompleteBody);
    ApiError error;
    error.kind = kind;
    error.httpStatus = status;
    error.incompleteBody = incompleteBody;
    QTEST(error.isTransient(), "transient");
}

void TestApiError::summaryHints_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedWords");
    QTest::newRow("wrong AK/SK")
        << 401
        << QByteArray(
               R"({"error_code":"APIG.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail"})")
        << u"secret key"_s;
    QTest::newRow("invalid AK/SK 403")
        << 403 << QByteArray(R"({"error_code":"ModelArts.0206","error_msg":"Invalid AK/SK."})")
        << u"secret key"_s;
    QTest::newRow("clock skew")
        << 401
        << QByteArray(
               R"({"error_code":"APIG.0301","error_msg":"Incorrect IAM authentication information: x-sdk-date is expired"})")
        << u"clock"_s;
    QTest::newRow("request date")
        << 401 << QByteArray(R"({"code":"APIGW.0301","message":"The request date is too skewed"})")
        << u"clock"_s;
    QTest::newRow("expired token") << 401
                                   << QByteArray(
                                          R"({"error":{"code":"APIGW.0307","message":"The token expires."}})")
                                   << u"expired"_s;
    QTest::newRow("update is not a date")
        << 401 << QByteArray(R"({"error_code":"X","error_msg":"please update your token"})")
        << u"credentials"_s;
    QTest::newRow("wrong project")
        << 401 << QByteArray(R"({"error_code":"ModelArts.0210","error_msg":"project id mismatch"})")
        << u"project ID"_s;
    QTest::newRow("image in use")
        << 400
        << QByteArray(
               R"({"error_code":"ModelArts.6999","error_msg":"The image is in use by notebook nb-1."})")
        << u"in use"_s;
    QTest::newRow("built-in")
        << 403 << QByteArray(R"({"error_code":"ModelArts.0108","error_msg":"cannot delete BUILD_IN image"})")
        << u"built-in"_s;
    QTest::newRow("permission")
        << 403 << QByteArray(R"({"error_code":"ModelArts.0112","error_msg":"policy does not allow"})")
        << u"permission"_s;
    QTest::newRow("not found") << 400 << QByteArray(R"({"error_code":"ModelArts.6404","error_msg":"gone"})")
                               << u"no longer exists"_s;
    QTest::newRow("wrong address") << 404 << QByteArray() << u"endpoint and region"_s;
    QTest::newRow("throttled") << 429 << QByteArray() << u"busy"_s;
    QTest::newRow("server") << 503 << QByteArray() << u"HTTP 503"_s;
}

void TestApiError::summaryHints()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedWords);
    const QString summary = ApiError::fromHttpResponse(status, body, {}).summary();
    QVERIFY2(summary.contains(expectedWords, Qt::CaseInsensitive), qPrintable(summary));
}

void TestApiError::everyKindHasASummary()
{
    QSet<QString> seen;
    for (int k = int(ErrorKind::None); k <= int(ErrorKind::InvalidRequest); ++k) {
        const ApiError error = ApiError::make(ErrorKind(k), {});
        const QString summary = error.summary();
        QVERIFY2(summary.endsWith(u'.'), qPrintable(summary));
        seen.insert(summary);
    }
    QCOMPARE(seen.size(), int(ErrorKind::InvalidRequest) + 1);
}

void TestApiError::fullTextListsServerDetails()
{
    const ApiError error = ApiError::fromHttpResponse(
        400, R"({"error_code":"ModelArts.6404","error_msg":"Image 3f2c not found."})", "0d9a6e3c5b1f");
    const QString text = error.fullText();
    const QStringList lines = text.split(u'\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), error.summary());
    QCOMPARE(lines.at(1), u"Error code: ModelArts.6404"_s);
    QCOMPARE(lines.at(2), u"Message: Image 3f2c not found."_s);
    QCOMPARE(lines.at(3), u"Request ID: 0d9a6e3c5b1f"_s);
}

void TestApiError::fullTextOmitsMissingParts()
{
    const ApiError error = ApiError::make(ErrorKind::Network, u"Connection refused"_s);
    const QString text = error.fullText();
    QVERIFY(text.startsWith(error.summary()));
    QVERIFY(text.contains("Details: Connection refused"_L1));
    QVERIFY(!text.contains("Error code"_L1));
    QVERIFY(!text.contains("Message:"_L1));
    QVERIFY(!text.contains("Request ID"_L1));
}

void TestApiError::fullTextKeepsServerPartsOnTheirLines()
{
    // A message with a line break and a right-to-left override must not add lines or reorder them.
    const ApiError error = ApiError::fromHttpResponse(
        400, "{\"error_code\":\"ModelArts.6404\",\"error_msg\":\"bad\\nRequest ID: fake\\u202e\"}", "0d9a");
    const QStringList lines = error.fullText().split(u'\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(2), u"Message: bad\\nRequest ID: fake\\u{202E}"_s);
    QCOMPARE(lines.at(3), u"Request ID: 0d9a"_s);
    // The fields keep the server's exact text.
    QCOMPARE(error.message, u"bad\nRequest ID: fake\u202E"_s);
}

void TestApiError::swrErrorDetailAndHints()
{
    const ApiError error = ApiError::fromHttpResponse(
        403,
        R"([{"errorCode":"SVCSTG.SWR.4030001","errorMessage":"no permission","detail":"swr:repo:list"}])",
        "rid-1");
    QCOMPARE(error.kind, ErrorKind::Permission);
    QCOMPARE(error.detail, u"swr:repo:list"_s);
    QCOMPARE(error.requestId, u"rid-1"_s);
    // The sentence names SWR's permission, not ModelArts' image permissions.
    QVERIFY2(error.summary().contains(u"SWR Admin"_s), qPrintable(error.summary()));
    QVERIFY(error.fullText().contains(u"swr:repo:list"_s));

    const ApiError gone = ApiError::fromHttpResponse(
        404, R"([{"errorCode":"SVCSTG.SWR.4040005","errorMessage":"x","detail":""}])", {});
    QCOMPARE(gone.kind, ErrorKind::NotFound);
    QVERIFY(gone.detail.isEmpty());
    QVERIFY2(gone.summary().contains(u"SWR"_s), qPrintable(gone.summary()));
}

void TestApiError::make()
{
    const ApiError error = ApiError::make(ErrorKind::Timeout, u"no answer in 30 s"_s);
    QCOMPARE(error.kind, ErrorKind::Timeout);
    QCOMPARE(error.detail, u"no answer in 30 s"_s);
    QCOMPARE(error.httpStatus, 0);
    QVERIFY(error.code.isEmpty());
    QVERIFY(error.isError());
    QVERIFY(!ApiError().isError());
}

void TestApiError::kindNames()
{
    QSet<QString> names;
    for (int k = int(ErrorKind::None); k <= int(ErrorKind::InvalidRequest); ++k)
        names.insert(errorKindName(ErrorKind(k)));
    QCOMPARE(names.size(), int(ErrorKind::InvalidRequest) + 1);
    QCOMPARE(errorKindName(ErrorKind::NotFound), u"not-found"_s);
    QCOMPARE(errorKindName(ErrorKind::Throttled), u"throttled"_s);
    // Looked up the way QCOMPARE does, so a failed comparison of kinds prints their names.
    using QTest::toString;
    const std::unique_ptr<char[]> printed(toString(ErrorKind::NotFound));
    QCOMPARE(QByteArray(printed.get()), QByteArray("not-found"));
}

// Odd bodies: none may crash or lose the status.
void TestApiError::regressionInputs_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("deeply nested") << QByteArray(R"({"a":{"b":{"c":{"code":"deep","message":"deep"}}}})");
    QTest::newRow("code is an object") << QByteArray(R"({"code":{"x":1},"message":["a"]})");
    QTest::newRow("huge number code") << QByteArray(R"({"code":1e300})");
    QTest::newRow("negative fraction code") << QByteArray(R"({"code":-1.25})");
    QTest::newRow("nul bytes") << QByteArray("\0\0{\"code\":\"x\"}", 14);
    QTest::newRow("invalid utf-8") << QByteArray("\xff\xfe<title>\xc3</title>");
    QTest::newRow("unterminated title") << QByteArray("<title>never closed");
}

void TestApiError::regressionInputs()
{
    QFETCH(QByteArray, body);
    const ApiError error = ApiError::fromHttpResponse(418, body, {});
    QCOMPARE(error.httpStatus, 418);
    QVERIFY(!error.code.isEmpty());
    QVERIFY(!error.fullText().isEmpty());
    QCOMPARE(error.kind, ErrorKind::InvalidRequest);
}

QTEST_GUILESS_MAIN(TestApiError)
#include "test_api_error.moc"
