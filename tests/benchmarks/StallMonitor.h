#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace mim::bench {

// Measures how long the event loop of the thread it lives in could not run: a 1 ms timer notes how late
// each of its ticks comes. Only the time between start() and stop() counts.
class StallMonitor : public QObject
{
    Q_OBJECT
public:
    explicit StallMonitor(QObject *parent = nullptr);

    // Forgets the previous maximum and starts measuring.
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    // The longest gap between two ticks beyond the timer's interval, in milliseconds, so far.
    double maxStallMs() const;

private:
    void onTick();

    static constexpr int IntervalMs = 1;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastTickNs = 0;
    qint64 m_maxLateNs = 0;
};

} // namespace mim::bench
