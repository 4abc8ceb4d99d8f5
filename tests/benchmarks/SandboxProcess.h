#pragma once

#include "models/api/ConnectionSettings.h"

#include <memory>
#include <QJsonObject>
#include <QProcess>
#include <QUrl>

namespace mim::test {
class RawApiClient;
}

namespace mim::bench {

// AK/SK settings for the default account of a modelarts-sandbox at this address.
ConnectionSettings defaultAccountSettings(const QUrl &endpoint);

// modelarts-sandbox as a separate process on loopback, driven through its admin endpoints.
class SandboxProcess
{
public:
    SandboxProcess();
    ~SandboxProcess();

    bool start(const QString &program, int images, quint32 seed, QString *error);
    QUrl baseUrl() const { return m_baseUrl; }

    bool reset(int images, quint32 seed, QString *error);
    // Resets to the smallest data set (of this seed) whose user images (type DEDICATED in every workspace:
    // the rows the app lists) number at least `dedicated`: about 5% of a generated set is built-in. Returns
    // its size, or -1.
    int resetWithDedicated(int dedicated, quint32 seed, QString *error);
    // The totals of ListImage for type=DEDICATED, summed over the workspaces of ListWorkspace.
    qint64 dedicatedCount(QString *error);
    bool setLatencyMs(int ms, QString *error);
    // GET /sandbox/state: every image with its state.
    QJsonObject state(QString *error);

private:
    bool admin(const QByteArray &method, const QString &path, const QJsonObject &body, QJsonObject *answer,
               QString *error);

    QProcess m_process;
    QUrl m_baseUrl;
    std::unique_ptr<test::RawApiClient> m_client;
};

} // namespace mim::bench
