#include "FaultInjector.h"

using namespace Qt::StringLiterals;

namespace mim::sandbox {

void FaultInjector::setConfig(const FaultConfig &config)
{
    m_config = config;
    m_random = DeterministicRandom(config.seed);
}

bool FaultInjector::isStatusKind(const QString &kind)
{
    return !kind.isEmpty() && kind.at(0).isDigit();
}

QString FaultInjector::decide(const QByteArray &method, const QString &path)
{
    for (qsizetype i = 0; i < m_config.script.size(); ++i) {
        FaultScriptEntry &entry = m_config.script[i];
        if (!entry.method.isEmpty() && entry.method != QLatin1String(method))
            continue;
        if (!entry.pathContains.isEmpty() && !path.contains(entry.pathContains))
            continue;
        const QString fault = entry.fault;
        if (--entry.count <= 0)
            m_config.script.removeAt(i);
        return fault;
    }
    if (m_config.rate > 0.0 && !m_config.kinds.isEmpty() && m_random.chance(m_config.rate))
        return m_random.pick(m_config.kinds);
    return QString();
}

} // namespace mim::sandbox
