#include "StallMonitor.h"

namespace mim::bench {

StallMonitor::StallMonitor(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallMonitor::onTick);
    m_clock.start();
}

void StallMonitor::start()
{
    m_maxLateNs = 0;
    m_lastTickNs = m_clock.nsecsElapsed();
    m_timer.start();
}

void StallMonitor::stop()
{
    // The time since the last tick counts too: a stall may end right before stop().
    onTick();
    m_timer.stop();
}

double StallMonitor::maxStallMs() const
{
    return double(m_maxLateNs) / 1e6;
}

void StallMonitor::onTick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 late = now - m_lastTickNs - qint64(IntervalMs) * 1000000;
    m_maxLateNs = qMax(m_maxLateNs, late);
    m_lastTickNs = now;
}

} // namespace mim::bench
