#pragma once

#include "HttpExchange.h"

#include <QString>

namespace mim::sandbox {

class SandboxServer;

// The test-control endpoints under /sandbox/ (loopback clients only): state, reset, faults, token expiry, and
// adding, changing and removing images. See sandbox/README.md.
class AdminApi
{
public:
    explicit AdminApi(SandboxServer *server);

    SandboxResponse handle(const SandboxRequest &request);
    static SandboxResponse error(int status, const QString &message);

private:
    SandboxServer *m_server;
};

} // namespace mim::sandbox
