#include "FirstPaintProbe.h"

#include "views/main/MainWindow.h"

#include <cstdio>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QWidget>

#ifdef Q_OS_LINUX
#include <ctime>
#include <unistd.h>
#endif

namespace mim::app {

namespace {

bool environmentFlag(const char *name)
{
    return qEnvironmentVariableIntValue(name) == 1;
}

// Milliseconds since the kernel started this process (fork, exec and dynamic linking included), or -1.
double msSinceProcessStart()
{
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // The command name may hold spaces and parentheses: fields are counted after its closing one.
    const qsizetype commEnd = text.lastIndexOf(')');
    if (commEnd < 0)
        return -1;
    // Field 22, starttime, is the 20th after the command name (field 2); in clock ticks since boot.
    const QList<QByteArray> fields = text.mid(commEnd + 2).split(' ');
    bool ok = false;
    const qint64 startTicks = fields.value(19).toLongLong(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!ok || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - double(startTicks) * 1000.0 / double(ticksPerSecond);
#else
    return -1;
#endif
}

} // namespace

void FirstPaintProbe::installIfRequested(MainWindow *window, const QElapsedTimer &sinceMain)
{
    if (!window || !environmentFlag("MIM_REPORT_FIRST_PAINT"))
        return;
    // On the application: the window's children paint it, and the window itself may get no paint event of
    // its own when they cover it.
    QCoreApplication::instance()->installEventFilter(
        new FirstPaintProbe(window, sinceMain, environmentFlag("MIM_EXIT_AFTER_FIRST_PAINT")));
}

FirstPaintProbe::FirstPaintProbe(QWidget *window, const QElapsedTimer &sinceMain, bool quitAfterReport)
    : QObject(window)
    , m_window(window)
    , m_sinceMain(sinceMain)
    , m_quitAfterReport(quitAfterReport)
{}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted && watched->isWidgetType() &&
        static_cast<QWidget *>(watched)->window() == m_window) {
        m_painted = true;
        // The paint event arrives before the window paints; the queued report runs once the whole window
        // has painted and been flushed to the screen.
        QMetaObject::invokeMethod(this, &FirstPaintProbe::report, Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

void FirstPaintProbe::report()
{
    // The kernel's start time counts in clock ticks (10 ms); main()'s timer misses what came before main().
    // The larger of the two is the honest one.
    const double ms = qMax(msSinceProcessStart(), double(m_sinceMain.nsecsElapsed()) / 1e6);
    std::printf("first-paint-ms: %.1f\n", ms);
    std::fflush(stdout);
    QCoreApplication::instance()->removeEventFilter(this);
    if (m_quitAfterReport)
        QCoreApplication::quit();
}

} // namespace mim::app
