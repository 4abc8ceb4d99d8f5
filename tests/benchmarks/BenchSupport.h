#pragma once

#include <functional>
#include <QJsonObject>
#include <QList>
#include <QString>

// Small helpers shared by the parts of mim-bench.
namespace mim::bench {

double median(QList<double> values);
double maximum(const QList<double> &values);

// The 1-minute load average, or -1 when unknown.
double loadAverage1();
// nproc, CPU model, RAM, OS and Qt version, for the report.
QJsonObject machineDescription();

// Runs the event loop until done() holds or timeoutMs passes; done() is checked every millisecond and
// after every event-loop wake-up, so nothing here blocks the thread. Returns done().
bool waitUntil(const std::function<bool()> &done, int timeoutMs);
// Runs the event loop for this long.
void runEventLoopFor(int ms);
// Handles what the last synchronous call left behind: delayed layouts, posted updates, paints.
void drainEvents();

// Milliseconds with a fixed number of decimals, for the table.
QString formatMs(double ms, int decimals = 1);

} // namespace mim::bench
