#pragma once

#include "models/api/ConnectionSettings.h"

#include <memory>
#include <QCoreApplication>
#include <QString>

namespace mim::sandbox {
class SandboxServer;
}

namespace mim::app {

// The built-in sandbox with the demo data set, started in this process for --demo and "Try the demo".
class DemoServer
{
    Q_DECLARE_TR_FUNCTIONS(mim::app::DemoServer)

public:
    DemoServer();
    ~DemoServer();

    bool start(QString *error);
    bool isRunning() const;
    // Both endpoints on the local sandbox, its documented credentials (they open nothing else).
    ConnectionSettings connectionSettings() const;
    static QString displayName();

private:
    std::unique_ptr<sandbox::SandboxServer> m_server;
};

} // namespace mim::app
