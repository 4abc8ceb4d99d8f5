#include "models/api/RetryDecision.h"

#include <algorithm>
#include <cmath>

namespace mim {

namespace {

// RFC 9110 gives Retry-After a meaning for 503, and RFC 6585 for 429; elsewhere it is not a promise.
bool honoursRetryAfter(const ApiError &error)
{
    return error.kind == ErrorKind::Throttled || error.httpStatus == 503;
}

int backoffMs(int attemptsSoFar, double jitter, const RetryPolicy &policy)
{
    // Full jitter: anywhere between 0 and the exponential ceiling, so that many clients spread out.
    const int shift = std::clamp(attemptsSoFar - 1, 0, 20);
    const qint64 ceiling =
        std::min<qint64>(policy.maxDelayMs, qint64(std::max(0, policy.baseDelayMs)) << shift);
    if (ceiling <= 0)
        return 0;
    const double fraction = std::clamp(std::isfinite(jitter) ? jitter : 0.0, 0.0, 1.0);
    return int(std::min<qint64>(ceiling, qint64(fraction * double(ceiling + 1))));
}

} // namespace

RetryDecision retryDecision(const ApiError &error, bool idempotent, int attemptsSoFar, qint64 spentMs,
                            int retryAfterMs, double jitter, const RetryPolicy &policy)
{
    if (!idempotent || !error.isTransient() || attemptsSoFar >= policy.maxAttempts)
        return {};
    const int delayMs = retryAfterMs >= 0 && honoursRetryAfter(error)
                            ? std::max(0, std::min(retryAfterMs, policy.maxDelayMs))
                            : backoffMs(attemptsSoFar, jitter, policy);
    if (spentMs + delayMs > policy.totalBudgetMs)
        return {};
    return {true, delayMs};
}

} // namespace mim
