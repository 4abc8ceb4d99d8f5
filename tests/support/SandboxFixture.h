#pragma once

#include "models/api/ConnectionSettings.h"
#include "SandboxOptions.h"

#include <memory>
#include <QJsonObject>
#include <QUrl>

namespace mim::sandbox {
class SandboxServer;
}

namespace mim::test {

// An in-process modelarts-sandbox on 127.0.0.1 and a free port, for integration and GUI tests.
// Usage: SandboxFixture sandbox(1000); QVERIFY(sandbox.start());
class SandboxFixture
{
public:
    explicit SandboxFixture(int imageCount = 50, quint32 seed = 1);
    // Any other configuration, e.g. SandboxOptions::forDemo() with a short demoSettleAfterMs, a pinned clock,
    // faults from the start or a token lifetime of a few seconds.
    explicit SandboxFixture(const sandbox::SandboxOptions &options);
    ~SandboxFixture();

    bool start();
    sandbox::SandboxServer *server() const;
    QUrl baseUrl() const;

    // Both endpoints point at the sandbox; region and project id are the sandbox defaults.
    ConnectionSettings akskSettings() const;
    ConnectionSettings passwordSettings() const;

    // The same JSON as GET /sandbox/state, read directly.
    QJsonObject state() const;
    // The state entry of one image (deleted or not); empty when the id is unknown.
    QJsonObject imageState(const QString &id) const;
    // The same body as POST /sandbox/faults.
    void setFaults(const QJsonObject &faults);
    void reset(int imageCount, quint32 seed);

private:
    // The sandbox's region, project and endpoints, without credentials.
    ConnectionSettings accountSettings() const;

    std::unique_ptr<sandbox::SandboxServer> m_server;
    int m_imageCount;
    quint32 m_seed;
};

} // namespace mim::test
