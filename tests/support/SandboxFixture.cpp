#include "SandboxFixture.h"

#include "SandboxServer.h"

namespace mim::test {

SandboxFixture::SandboxFixture(int imageCount, quint32 seed)
    : m_imageCount(imageCount)
    , m_seed(seed)
{
    sandbox::SandboxOptions options;
    options.imageCount = imageCount;
    options.seed = seed;
    m_server = std::make_unique<sandbox::SandboxServer>(options);
}

SandboxFixture::SandboxFixture(const sandbox::SandboxOptions &options)
    : m_server(std::make_unique<sandbox::SandboxServer>(options))
    , m_imageCount(options.imageCount)
    , m_seed(options.seed)
{}

SandboxFixture::~SandboxFixture() = default;

bool SandboxFixture::start()
{
    QString error;
    if (!m_server->start(&error)) {
        qWarning("SandboxFixture: %s", qPrintable(error));
        return false;
    }
    return true;
}

sandbox::SandboxServer *SandboxFixture::server() const
{
    return m_server.get();
}

QUrl SandboxFixture::baseUrl() const
{
    return m_server->baseUrl();
}

ConnectionSettings SandboxFixture::accountSettings() const
{
    const sandbox::SandboxOptions &options = m_server->options();
    ConnectionSettings settings;
    settings.regionId = options.regionId;
    settings.projectId = options.projectId;
    settings.modelArtsEndpoint = baseUrl();
    settings.iamEndpoint = baseUrl();
    settings.swrEndpoint = baseUrl();
    return settings;
}

ConnectionSettings SandboxFixture::akskSettings() const
{
    const sandbox::SandboxOptions &options = m_server->options();
    ConnectionSettings settings = accountSettings();
    settings.credentials.method = AuthMethod::AkSk;
    settings.credentials.accessKey = options.accessKey;
    settings.credentials.secretKey = options.secretKey;
    return settings;
}

ConnectionSettings SandboxFixture::passwordSettings() const
{
    const sandbox::SandboxOptions &options = m_server->options();
    ConnectionSettings settings = accountSettings();
    settings.credentials.method = AuthMethod::Password;
    settings.credentials.userName = options.iamUser;
    settings.credentials.password = options.iamPassword;
    settings.credentials.domainName = options.iamDomain;
    return settings;
}

QJsonObject SandboxFixture::state() const
{
    return m_server->state();
}

QJsonObject SandboxFixture::imageState(const QString &id) const
{
    return m_server->imageState(id);
}

void SandboxFixture::setFaults(const QJsonObject &faults)
{
    QString error;
    if (!m_server->setFaults(faults, &error))
        qWarning("SandboxFixture: invalid faults: %s", qPrintable(error));
}

void SandboxFixture::reset(int imageCount, quint32 seed)
{
    m_imageCount = imageCount;
    m_seed = seed;
    m_server->reset(imageCount, seed);
}

} // namespace mim::test
