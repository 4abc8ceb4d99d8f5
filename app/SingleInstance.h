#pragma once

#include <memory>
#include <QLockFile>
#include <QObject>
#include <QString>

class QLocalServer;

namespace mim::app {

// One windowed instance per settings file: a second launch raises the running window and exits, because two
// windows on the same settings and the same deletion journal would each reconcile and rewrite what the other
// is doing. The first instance holds a lock file (a lock left by a crashed process is taken over: QLockFile
// checks whether its owner still runs) and listens on a local socket beside it; later ones ask it to show
// itself. Demo and self-test runs save nothing and never take part.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    enum class Role
    {
        Primary,   // this process owns the window; activationRequested() fires when another launch asks
        Secondary, // another instance runs and was asked to show itself: exit
        Alone,     // the lock or socket could not be set up; run anyway (logged)
    };

    // key: what identifies "the same user data", e.g. the settings file's path.
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    Role claim();
    QString socketPath() const { return m_socketPath; }

Q_SIGNALS:
    void activationRequested();

private:
    bool askPrimaryToActivate();
    bool listen();

    QString m_socketPath;
    QLockFile m_lock;
    std::unique_ptr<QLocalServer> m_server;
};

} // namespace mim::app
