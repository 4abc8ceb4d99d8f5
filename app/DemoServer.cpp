#include "DemoServer.h"

#include "SandboxServer.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDemo, "mim.app.demo")

namespace mim::app {

DemoServer::DemoServer() = default;
DemoServer::~DemoServer() = default;

bool DemoServer::start(QString *error)
{
    if (isRunning())
        return true;
    auto server = std::make_unique<sandbox::SandboxServer>(sandbox::SandboxOptions::forDemo());
    QString why;
    if (!server->start(&why)) {
        if (error)
            *error = tr("The demo server could not start: %1").arg(why);
        return false;
    }
    qCInfo(lcDemo) << "demo server listening on" << server->baseUrl().toString();
    m_server = std::move(server);
    return true;
}

bool DemoServer::isRunning() const
{
    return m_server && m_server->isListening();
}

ConnectionSettings DemoServer::connectionSettings() const
{
    ConnectionSettings settings;
    if (!m_server)
        return settings;
    const sandbox::SandboxOptions &options = m_server->options();
    settings.regionId = options.regionId;
    settings.projectId = options.projectId;
    settings.modelArtsEndpoint = m_server->baseUrl();
    settings.iamEndpoint = m_server->baseUrl();
    settings.credentials.method = AuthMethod::AkSk;
    settings.credentials.accessKey = options.accessKey;
    settings.credentials.secretKey = options.secretKey;
    return settings;
}

QString DemoServer::displayName()
{
    //: The session-only account of the built-in demo data
    return tr("Demo");
}

} // namespace mim::app
