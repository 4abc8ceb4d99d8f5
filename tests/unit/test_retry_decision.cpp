#include "models/api/RetryDecision.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

Q_DECLARE_METATYPE(mim::ApiError)

namespace {

// Errors as ApiClient makes them: HTTP answers through fromHttpResponse, the rest by hand.
ApiError http(int status, const QByteArray &body = {})
{
    return ApiError::fromHttpResponse(status, body, "req-1");
}

ApiError made(ErrorKind kind, int status = 0, bool incompleteBody = false)
{
    ApiError error = ApiError::make(kind, u"detail"_s);
    error.httpStatus = status;
    error.incompleteBody = incompleteBody;
    return error;
}

RetryPolicy policy()
{
    RetryPolicy policy;
    policy.maxAttempts = 8;
    policy.baseDelayMs = 100;
    policy.maxDelayMs = 1000;
    policy.totalBudgetMs = 5000;
    return policy;
}

} // namespace

class TestRetryDecision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decides_data();
    void decides();
    void transientAgreesWithTheDecision_data();
    void transientAgreesWithTheDecision();
    void defaultPolicyGivesUpAfterFiveAttempts();
};

void TestRetryDecision::decides_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<bool>("idempotent");
    QTest::addColumn<int>("attemptsSoFar");
    QTest::addColumn<qint64>("spentMs");
    QTest::addColumn<int>("retryAfterMs");
    QTest::addColumn<double>("jitter");
    QTest::addColumn<bool>("retry");
    QTest::addColumn<int>("delayMs");

    // After the first attempt the backoff ceiling is baseDelayMs (100): jitter 0.5 gives 50.
    const auto row = [](const char *name, const ApiError &error, bool retry) {
        QTest::newRow(name) << error << true << 1 << qint64(0) << -1 << 0.5 << retry << (retry ? 50 : 0);
    };

    // Retried: the same request may well succeed a moment later.
    row("429", http(429, R"({"error_code":"ModelArts.0001","error_msg":"Too many requests"})"), true);
    row("APIGW.0308 throttling", http(429, R"({"error_code":"APIGW.0308","error_msg":"throttled"})"), true);
    row("502", http(502, "<html><title>Bad Gateway</title></html>"), true);
    row("503", http(503), true);
    row("504", http(504), true);
    row("network error", made(ErrorKind::Network), true);
    row("transfer timeout", made(ErrorKind::Timeout), true);
    row("per-attempt deadline", made(ErrorKind::Timeout, 200), true);
    row("truncated body", made(ErrorKind::BadResponse, 200, true), true);
    row("truncated error body", made(ErrorKind::BadResponse, 500, true), true);
    row("unparseable 2xx body", made(ErrorKind::BadResponse, 200, true), true);

    // Never retried: the same request would get the same answer, or another attempt needs the user.
    row("TLS", made(ErrorKind::Tls), false);
    row("body too large", made(ErrorKind::BadResponse, 200), false);
    row("redirect", http(302), false);
    row("undecodable Content-Encoding", made(ErrorKind::BadResponse, 200), false);
    row("400", http(400, R"({"error_code":"ModelArts.0101","error_msg":"bad parameter"})"), false);
    row("401", http(401, R"({"error_code":"APIGW.0301","error_msg":"signature"})"), false);
    row("403", http(403), false);
    row("404 ModelArts.6404", http(404, R"({"error_code":"ModelArts.6404","error_msg":"not found"})"), false);
    row("gateway 404", http(404, R"({"error_code":"APIGW.0101","error_msg":"The API does not exist"})"),
        false);
    row("409", http(409, R"({"error_code":"ModelArts.6409","error_msg":"image in use"})"), false);
    row("500", http(500, R"({"error_code":"ModelArts.0050","error_msg":"internal"})"), false);
    row("501", http(501), false);
    row("cancelled", made(ErrorKind::Cancelled), false);
    row("refused before sending", made(ErrorKind::InvalidRequest), false);
    row("no error", ApiError(), false);

    // A POST (register, sync) may have been carried out: never sent twice, whatever the error.
    for (const auto &[name, error] : {std::pair{"POST 503", http(503)},
                                      {"POST 429", http(429)},
                                      {"POST network", made(ErrorKind::Network)},
                                      {"POST timeout", made(ErrorKind::Timeout)},
                                      {"POST truncated", made(ErrorKind::BadResponse, 200, true)}})
        QTest::newRow(name) << error << false << 1 << qint64(0) << 1000 << 0.5 << false << 0;

    // Exponential backoff with full jitter: jitter times min(maxDelayMs, baseDelayMs * 2^(attempts - 1)).
    const ApiError busy = http(503);
    QTest::newRow("attempt 2, jitter 0.5") << busy << true << 2 << qint64(0) << -1 << 0.5 << true << 100;
    QTest::newRow("attempt 3, jitter 0.5") << busy << true << 3 << qint64(0) << -1 << 0.5 << true << 200;
    QTest::newRow("attempt 4, jitter 0.5") << busy << true << 4 << qint64(0) << -1 << 0.5 << true << 400;
    QTest::newRow("jitter 0") << busy << true << 3 << qint64(0) << -1 << 0.0 << true << 0;
    QTest::newRow("jitter just under 1") << busy << true << 3 << qint64(0) << -1 << 0.9999 << true << 400;
    QTest::newRow("ceiling capped by maxDelayMs")
        << busy << true << 6 << qint64(0) << -1 << 0.9999 << true << 1000;
    QTest::newRow("huge attempt count stays capped")
        << made(ErrorKind::Network) << true << 7 << qint64(0) << -1 << 0.5 << true << 500;

    // Attempts: maxAttempts counts the first one.
    QTest::newRow("last allowed retry") << busy << true << 7 << qint64(0) << -1 << 0.0 << true << 0;
    QTest::newRow("attempts exhausted") << busy << true << 8 << qint64(0) << -1 << 0.0 << false << 0;
    QTest::newRow("beyond the attempts") << busy << true << 9 << qint64(0) << -1 << 0.0 << false << 0;

    // Budget: no retry may start after totalBudgetMs spent on the call.
    QTest::newRow("retry ends exactly at the budget")
        << busy << true << 1 << qint64(4950) << -1 << 0.5 << true << 50;
    QTest::newRow("retry would pass the budget")
        << busy << true << 1 << qint64(4951) << -1 << 0.5 << false << 0;
    QTest::newRow("budget already spent") << busy << true << 1 << qint64(6000) << -1 << 0.0 << false << 0;

    // Retry-After: honoured for 429 and 503 instead of the backoff, capped by maxDelayMs, and within the
    // budget.
    const ApiError throttled = http(429);
    QTest::newRow("Retry-After on 429") << throttled << true << 1 << qint64(0) << 300 << 0.5 << true << 300;
    QTest::newRow("Retry-After on 503") << busy << true << 1 << qint64(0) << 300 << 0.5 << true << 300;
    QTest::newRow("Retry-After 0") << throttled << true << 3 << qint64(0) << 0 << 0.5 << true << 0;
    QTest::newRow("Retry-After capped")
        << throttled << true << 1 << qint64(0) << 60000 << 0.5 << true << 1000;
    QTest::newRow("Retry-After past the budget")
        << throttled << true << 1 << qint64(4500) << 600 << 0.5 << false << 0;
    QTest::newRow("Retry-After on 502 is not a promise")
        << http(502) << true << 1 << qint64(0) << 300 << 0.5 << true << 50;
    QTest::newRow("Retry-After does not make a 500 transient")
        << http(500) << true << 1 << qint64(0) << 300 << 0.5 << false << 0;
    QTest::newRow("Retry-After on a POST")
        << throttled << false << 1 << qint64(0) << 300 << 0.5 << false << 0;
}

void TestRetryDecision::decides()
{
    QFETCH(ApiError, error);
    QFETCH(bool, idempotent);
    QFETCH(int, attemptsSoFar);
    QFETCH(qint64, spentMs);
    QFETCH(int, retryAfterMs);
    QFETCH(double, jitter);

    const RetryDecision decision =
        retryDecision(error, idempotent, attemptsSoFar, spentMs, retryAfterMs, jitter, policy());
    QTEST(decision.retry, "retry");
    QTEST(decision.delayMs, "delayMs");
}

void TestRetryDecision::transientAgreesWithTheDecision_data()
{
    decides_data();
}

void TestRetryDecision::transientAgreesWithTheDecision()
{
    // For an idempotent call, with attempts, time and Retry-After out of the way, the decision is exactly
    // isTransient(): no second list of retried errors anywhere.
    QFETCH(ApiError, error);
    const RetryDecision decision = retryDecision(error, true, 1, 0, -1, 0.0, policy());
    QCOMPARE(decision.retry, error.isTransient());
}

void TestRetryDecision::defaultPolicyGivesUpAfterFiveAttempts()
{
    const RetryPolicy defaults;
    const ApiError busy = http(503);
    int attempts = 1;
    qint64 spentMs = 0;
    while (true) {
        const RetryDecision decision = retryDecision(busy, true, attempts, spentMs, -1, 0.9999, defaults);
        if (!decision.retry)
            break;
        QVERIFY(decision.delayMs <= defaults.maxDelayMs);
        spentMs += decision.delayMs;
        ++attempts;
    }
    QCOMPARE(attempts, defaults.maxAttempts);
    QVERIFY(spentMs <= defaults.totalBudgetMs);
}

QTEST_GUILESS_MAIN(TestRetryDecision)
#include "test_retry_decision.moc"
