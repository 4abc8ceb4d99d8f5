#include "models/api/BackgroundPool.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

namespace mim {

namespace {

QThreadPool &pool()
{
    static QThreadPool threads;
    return threads;
}

void finishBackgroundWork()
{
    pool().waitForDone();
}

} // namespace

QThreadPool *backgroundPool()
{
    static const bool set = [] {
        pool().setObjectName(QStringLiteral("mim background"));
        pool().setMaxThreadCount(QThread::idealThreadCount());
        // Before the application object is gone, as Qt does for its global pool: tasks may still log or
        // write files that the application's objects name.
        qAddPostRoutine(finishBackgroundWork);
        return true;
    }();
    Q_UNUSED(set)
    return &pool();
}

} // namespace mim
