#pragma once

#include <functional>
#include <QDateTime>

namespace mim {

// The source of "now" for everything that signs requests, schedules retries or stamps the journal.
// Injected so tests can pin or skew the time.
using Clock = std::function<QDateTime()>;

inline Clock systemClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}

} // namespace mim
