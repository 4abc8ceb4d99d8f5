#pragma once

#include "models/api/ConnectionSettings.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>
#include <QUrl>

namespace mim::app {

// The sandbox with the demo data set for --demo and "Try the demo", run as the `modelarts-sandbox` program
// (installed beside the app) in a child process on loopback. A separate process keeps the app itself free of
// Qt HttpServer; the child exits when the app ends, even by a crash (--exit-with-parent).
class DemoServer : public QObject
{
    Q_OBJECT
public:
    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    // Starts the child; ready() or failed() follows. Does nothing while it starts or runs.
    void start();
    bool isRunning() const { return m_baseUrl.isValid(); }
    bool isStarting() const { return m_process.state() != QProcess::NotRunning && !isRunning(); }
    // Both endpoints on the local sandbox, its documented credentials (they open nothing else).
    ConnectionSettings connectionSettings() const;
    static QString displayName();
    // Where the sandbox program is: beside the app (installed), in the build tree, or on the PATH.
    static QString sandboxProgram();

Q_SIGNALS:
    void ready();
    void failed(const QString &error);

private:
    void readStandardOutput();
    void fail(const QString &why);

    QProcess m_process;
    QTimer m_startDeadline;
    QByteArray m_firstLine;
    QByteArray m_errorOutput;
    QUrl m_baseUrl;
    bool m_settled = true; // ready() or failed() was emitted for the last start()
};

} // namespace mim::app
