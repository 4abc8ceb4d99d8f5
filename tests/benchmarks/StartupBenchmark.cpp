#include "StartupBenchmark.h"

#include "BenchSupport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace mim::bench {

namespace {

constexpr int StartupTimeoutMs = 60000;
const QByteArray ReportPrefix = "first-paint-ms:";

} // namespace

StartupBenchmark::StartupBenchmark(const QString &program, int repeat)
    : m_program(program)
    , m_repeat(repeat)
{}

std::pair<double, double> StartupBenchmark::runOnce(QString *error)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"MIM_REPORT_FIRST_PAINT"_s, u"1"_s);
    environment.insert(u"MIM_EXIT_AFTER_FIRST_PAINT"_s, u"1"_s);

    QProcess app;
    app.setProcessEnvironment(environment);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer wall;
    wall.start();
    app.start(m_program, {u"--demo"_s});
    double reported = -1;
    double wallMs = -1;
    const QDeadlineTimer deadline(StartupTimeoutMs);
    while (reported < 0 && !deadline.hasExpired()) {
        while (app.canReadLine()) {
            const QByteArray line = app.readLine().trimmed();
            if (line.startsWith(ReportPrefix)) {
                wallMs = double(wall.nsecsElapsed()) / 1e6;
                reported = line.mid(ReportPrefix.size()).trimmed().toDouble();
                break;
            }
        }
        if (reported >= 0 || app.state() == QProcess::NotRunning)
            break;
        app.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    if (!app.waitForFinished(10000)) {
        app.kill();
        app.waitForFinished(5000);
    }
    if (reported < 0) {
        *error = u"%1 --demo never reported its first paint (exit code %2, %3)"_s.arg(m_program)
                     .arg(app.exitCode())
                     .arg(app.errorString());
        return {-1, -1};
    }
    return {reported, wallMs};
}

bool StartupBenchmark::run(QString *error)
{
    // One run first, not counted: it brings the program and its libraries into the page cache, as on any
    // machine where the app was started before.
    if (runOnce(error).first < 0)
        return false;
    QList<double> startup;
    QJsonArray reportedArray;
    QJsonArray wallArray;
    for (int round = 0; round < m_repeat; ++round) {
        const auto [reported, wallMs] = runOnce(error);
        if (reported < 0)
            return false;
        reportedArray.append(reported);
        wallArray.append(wallMs);
        startup.append(qMax(reported, wallMs));
        qInfo("startup round %d: app says %.0f ms, wall clock %.0f ms", round + 1, reported, wallMs);
    }
    m_result = QJsonObject{
        {u"startup_ms"_s, median(startup)},
        {u"startup_reported_samples_ms"_s, reportedArray},
        {u"startup_wall_samples_ms"_s, wallArray},
    };
    return true;
}

} // namespace mim::bench
