#pragma once

#include <QJsonObject>
#include <QString>

namespace mim::bench {

// Process start to first painted main window of `modelarts-image-manager --demo`. The app reports its own
// figure (MIM_REPORT_FIRST_PAINT=1, counted from the process start time the kernel keeps); the wall clock
// from QProcess::start() to reading that line is taken too, and the larger of the two counts.
class StartupBenchmark
{
public:
    StartupBenchmark(const QString &program, int repeat);

    bool run(QString *error);
    QJsonObject result() const { return m_result; }

private:
    // Returns {reported by the app, wall clock}, or {-1, -1} with *error set.
    std::pair<double, double> runOnce(QString *error);

    QString m_program;
    int m_repeat;
    QJsonObject m_result;
};

} // namespace mim::bench
