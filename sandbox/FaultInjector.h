#pragma once

#include "DeterministicRandom.h"
#include "SandboxOptions.h"

#include <QString>

namespace mim::sandbox {

// Decides, request by request, which fault (if any) an API request gets: the script first, entry by entry in
// order, then the seeded random rate.
class FaultInjector
{
public:
    FaultInjector() = default;
    explicit FaultInjector(const FaultConfig &config) { setConfig(config); }

    void setConfig(const FaultConfig &config);
    const FaultConfig &config() const { return m_config; }

    // The fault kind for this request, or an empty string. Consumes script entries.
    QString decide(const QByteArray &method, const QString &path);

    static bool isStatusKind(const QString &kind);

private:
    FaultConfig m_config;
    DeterministicRandom m_random;
};

} // namespace mim::sandbox
