#pragma once

#include "models/api/ApiError.h"
#include "models/api/ConnectionSettings.h"

#include <QtGlobal>

namespace mim {

struct RetryDecision
{
    bool retry = false;
    int delayMs = 0; // before the next attempt; 0 when not retrying
};

// The one place that decides whether a failed attempt of a call is repeated, and after how long. Pure: the
// caller measures the time and draws the jitter, so every rule can be tested row by row.
//
// Only idempotent calls are repeated (a POST that may have been carried out is never sent twice), only for an
// error that ApiError::isTransient() says another attempt may cure, only while fewer than policy.maxAttempts
// attempts were made, and only when the next attempt would start within policy.totalBudgetMs of the first.
// The delay is the server's Retry-After (retryAfterMs >= 0) for a 429 or a 503, capped by policy.maxDelayMs;
// otherwise full-jitter exponential backoff: jitter (0 <= jitter < 1) times
// min(maxDelayMs, baseDelayMs * 2^(attemptsSoFar - 1)).
RetryDecision retryDecision(const ApiError &error, bool idempotent, int attemptsSoFar, qint64 spentMs,
                            int retryAfterMs, double jitter, const RetryPolicy &policy);

} // namespace mim
