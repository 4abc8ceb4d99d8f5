#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWidget;

namespace mim {
class MainWindow;
}

namespace mim::app {

// For the start-up benchmark (mim-bench): with MIM_REPORT_FIRST_PAINT=1 in the environment the app prints
// "first-paint-ms: N" on stdout, N being the milliseconds from the process start to the end of the main
// window's first paint; with MIM_EXIT_AFTER_FIRST_PAINT=1 as well it then quits. Without them it does
// nothing.
class FirstPaintProbe : public QObject
{
    Q_OBJECT
public:
    // sinceMain was started at the top of main(): the fallback where the kernel's process start time is not
    // available.
    static void installIfRequested(MainWindow *window, const QElapsedTimer &sinceMain);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    FirstPaintProbe(QWidget *window, const QElapsedTimer &sinceMain, bool quitAfterReport);
    void report();

    QWidget *m_window;
    QElapsedTimer m_sinceMain;
    bool m_quitAfterReport;
    bool m_painted = false;
};

} // namespace mim::app
