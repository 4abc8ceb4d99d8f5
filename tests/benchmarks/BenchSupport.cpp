#include "BenchSupport.h"

#include "ProcFiles.h"

#include <algorithm>
#include <QCoreApplication>
#include <QEventLoop>
#include <QLibraryInfo>
#include <QSysInfo>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace mim::bench {

double median(QList<double> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

double maximum(const QList<double> &values)
{
    return values.isEmpty() ? -1 : *std::max_element(values.cbegin(), values.cend());
}

double loadAverage1()
{
    const QByteArray text = test::readProcFile("/proc/loadavg");
    bool ok = false;
    const double load = text.split(' ').value(0).toDouble(&ok);
    return ok ? load : -1;
}

QJsonObject machineDescription()
{
    QString cpu;
    for (const QByteArray &line : test::readProcFile("/proc/cpuinfo").split('\n')) {
        if (line.startsWith("model name")) {
            cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
            break;
        }
    }
    const double memKb = test::procField(test::readProcFile("/proc/meminfo"), "MemTotal");
    return QJsonObject{
        {u"cpus"_s, QThread::idealThreadCount()},
        {u"cpu_model"_s, cpu},
        {u"ram_gb"_s, memKb < 0 ? -1.0 : qRound(memKb / 1024.0 / 1024.0 * 10) / 10.0},
        {u"os"_s, QSysInfo::prettyProductName()},
        {u"qt"_s, QString::fromLatin1(qVersion())},
        {u"build"_s, QLibraryInfo::build() ? QString::fromLatin1(QLibraryInfo::build()) : QString()},
    };
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setTimerType(Qt::PreciseTimer);
    poll.setInterval(1);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start();
    deadline.start(timeoutMs);
    loop.exec();
    return done();
}

void runEventLoopFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

void drainEvents()
{
    // A view reacts to model signals with a zero-timer layout, which posts an update, which paints.
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

QString formatMs(double ms, int decimals)
{
    return ms < 0 ? u"-"_s : QString::number(ms, 'f', decimals);
}

} // namespace mim::bench
