#include "DemoServer.h"

#include "sandbox/SandboxDefaults.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDemo, "mim.app.demo")

namespace mim::app {

namespace {

constexpr int StartTimeoutMs = 20000;
// What the child may print before its first line, and of its error output: enough for a message.
constexpr qsizetype MaxLineBytes = 4096;
constexpr int StopTimeoutMs = 3000;

} // namespace

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
{
    m_startDeadline.setSingleShot(true);
    m_startDeadline.setInterval(StartTimeoutMs);
    connect(&m_startDeadline, &QTimer::timeout, this, [this] {
        fail(tr("The demo server did not start within %Ln seconds.", nullptr, StartTimeoutMs / 1000));
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoServer::readStandardOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray output = m_process.readAllStandardError();
        m_errorOutput += output.left(qMax<qsizetype>(0, MaxLineBytes - m_errorOutput.size()));
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("The demo server program %1 could not be started: %2")
                     .arg(QDir::toNativeSeparators(m_process.program()), m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode) {
        const bool wasRunning = isRunning();
        m_baseUrl.clear();
        const QString output = QString::fromUtf8(m_errorOutput).trimmed();
        if (wasRunning) {
            qCWarning(lcDemo) << "demo server ended with exit code" << exitCode << output;
            return;
        }
        fail(output.isEmpty() ? tr("The demo server stopped with exit code %1.").arg(exitCode)
                              : tr("The demo server stopped: %1").arg(output));
    });
}

DemoServer::~DemoServer()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.disconnect(this);
    // Closing its input is how the child learns to exit; kill it if it does not.
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(StopTimeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(StopTimeoutMs);
    }
}

QString DemoServer::sandboxProgram()
{
    const QString name = u"modelarts-sandbox"_s;
    const QDir here(QCoreApplication::applicationDirPath());
    const QString found = QStandardPaths::findExecutable(name, {here.path(), here.filePath(u"../sandbox"_s)});
    return found.isEmpty() ? QStandardPaths::findExecutable(name) : found;
}

void DemoServer::start()
{
    if (m_process.state() != QProcess::NotRunning)
        return;
    m_firstLine.clear();
    m_errorOutput.clear();
    m_baseUrl.clear();
    m_settled = false;
    const QString program = sandboxProgram();
    if (program.isEmpty()) {
        // Deferred, so that a caller connects to failed() before it fires.
        m_settled = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                Q_EMIT failed(
                    tr("The demo server program modelarts-sandbox was not found beside the application "
                       "or on the PATH."));
            },
            Qt::QueuedConnection);
        return;
    }
    m_process.setProgram(program);
    m_process.setArguments({u"--demo"_s, u"--quiet"_s, u"--exit-with-parent"_s, u"--listen"_s,
                            QLatin1String(sandbox::DefaultListenHost) + u":0"_s});
    qCInfo(lcDemo) << "starting" << program;
    m_startDeadline.start();
    m_process.start(QIODevice::ReadWrite);
}

void DemoServer::readStandardOutput()
{
    if (m_settled) {
        m_process.readAllStandardOutput(); // --quiet: nothing more is expected
        return;
    }
    m_firstLine += m_process.readAllStandardOutput();
    const qsizetype end = m_firstLine.indexOf('\n');
    if (end < 0) {
        if (m_firstLine.size() > MaxLineBytes)
            fail(tr("The demo server answered with something unexpected."));
        return;
    }
    // "listening on http://127.0.0.1:PORT": only a loopback http address of this machine is accepted.
    const QByteArray line = m_firstLine.left(end).trimmed();
    const QUrl url(QString::fromUtf8(line.mid(line.indexOf("http"))), QUrl::StrictMode);
    if (!line.startsWith("listening on ") || url.scheme() != "http"_L1 || url.port() <= 0 ||
        !QHostAddress(url.host()).isLoopback()) {
        fail(tr("The demo server answered with something unexpected."));
        return;
    }
    m_startDeadline.stop();
    m_settled = true;
    m_baseUrl = url;
    qCInfo(lcDemo) << "demo server listening on" << url.toString();
    Q_EMIT ready();
}

void DemoServer::fail(const QString &why)
{
    if (m_settled)
        return; // one answer per start()
    m_settled = true;
    m_startDeadline.stop();
    m_baseUrl.clear();
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(StopTimeoutMs);
    }
    qCWarning(lcDemo) << "demo server:" << why;
    Q_EMIT failed(why);
}

ConnectionSettings DemoServer::connectionSettings() const
{
    ConnectionSettings settings;
    if (!isRunning())
        return settings;
    settings.regionId = QLatin1String(sandbox::DefaultRegionId);
    settings.projectId = QLatin1String(sandbox::DefaultProjectId);
    settings.modelArtsEndpoint = m_baseUrl;
    settings.iamEndpoint = m_baseUrl;
    settings.swrEndpoint = m_baseUrl;
    settings.credentials.method = AuthMethod::AkSk;
    settings.credentials.accessKey = QLatin1String(sandbox::DefaultAccessKey);
    settings.credentials.secretKey = QLatin1String(sandbox::DefaultSecretKey);
    return settings;
}

QString DemoServer::displayName()
{
    //: The session-only account of the built-in demo data
    return tr("Demo");
}

} // namespace mim::app
