#include "SingleInstance.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QThread>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcInstance, "mim.app.instance")

namespace mim::app {

namespace {

constexpr auto ActivateMessage = "activate\n"_L1;
constexpr auto AcknowledgeMessage = "ok\n"_L1;
constexpr int ConnectTimeoutMs = 1000;
// A primary that holds the lock may still be starting: it listens a moment later.
constexpr int PrimaryStartupGraceMs = 5000;

QString runtimeDirectory()
{
    QString directory = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (directory.isEmpty())
        directory = QDir::tempPath();
    return directory;
}

// A short name: a Unix socket path must fit in 108 bytes.
QString baseName(const QString &key)
{
    const QByteArray digest =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return u"modelarts-image-manager-"_s + QString::fromLatin1(digest);
}

} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
    , m_socketPath(QDir(runtimeDirectory()).filePath(baseName(key) + u".socket"_s))
    , m_lock(QDir(runtimeDirectory()).filePath(baseName(key) + u".lock"_s))
{
    // Only a dead owner makes a lock stale, never its age: the app may run for weeks.
    m_lock.setStaleLockTime(0);
}

SingleInstance::~SingleInstance()
{
    if (m_server) {
        m_server->close();
        m_lock.unlock();
    }
}

SingleInstance::Role SingleInstance::claim()
{
    const QDeadlineTimer deadline(PrimaryStartupGraceMs);
    do {
        if (m_lock.tryLock(0))
            return listen() ? Role::Primary : Role::Alone;
        if (m_lock.error() != QLockFile::LockFailedError) {
            qCWarning(lcInstance) << "cannot create the instance lock" << m_lock.fileName() << m_lock.error()
                                  << "- running without a single-instance check";
            return Role::Alone;
        }
        if (askPrimaryToActivate())
            return Role::Secondary;
        QThread::msleep(100);
    } while (!deadline.hasExpired());
    qCWarning(lcInstance) << "another instance holds" << m_lock.fileName()
                          << "but does not answer - running without a single-instance check";
    return Role::Alone;
}

bool SingleInstance::askPrimaryToActivate()
{
    QLocalSocket socket;
    socket.connectToServer(m_socketPath);
    if (!socket.waitForConnected(ConnectTimeoutMs))
        return false;
    socket.write(ActivateMessage.data(), ActivateMessage.size());
    if (!socket.waitForBytesWritten(ConnectTimeoutMs) || !socket.waitForReadyRead(ConnectTimeoutMs))
        return false;
    return socket.readLine(64) == QByteArrayView(AcknowledgeMessage);
}

bool SingleInstance::listen()
{
    // We hold the lock, so a socket file left here belongs to a process that is gone.
    QLocalServer::removeServer(m_socketPath);
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_socketPath)) {
        qCWarning(lcInstance) << "cannot listen on" << m_socketPath << m_server->errorString();
        m_server.reset();
        m_lock.unlock();
        return false;
    }
    connect(m_server.get(), &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (!socket->canReadLine())
                    return;
                const QByteArray line = socket->readLine(64);
                if (line != QByteArrayView(ActivateMessage)) {
                    socket->disconnectFromServer();
                    return;
                }
                qCInfo(lcInstance) << "another launch asked this window to show itself";
                socket->write(AcknowledgeMessage.data(), AcknowledgeMessage.size());
                socket->flush();
                socket->disconnectFromServer();
                Q_EMIT activationRequested();
            });
        }
    });
    return true;
}

} // namespace mim::app
