#include "SandboxProcess.h"

#include "RawApiClient.h"
#include "SandboxDefaults.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace mim::bench {

ConnectionSettings defaultAccountSettings(const QUrl &endpoint)
{
    ConnectionSettings settings;
    settings.regionId = QLatin1String(sandbox::DefaultRegionId);
    settings.projectId = QLatin1String(sandbox::DefaultProjectId);
    settings.modelArtsEndpoint = endpoint;
    settings.iamEndpoint = endpoint;
    settings.credentials.method = AuthMethod::AkSk;
    settings.credentials.accessKey = QLatin1String(sandbox::DefaultAccessKey);
    settings.credentials.secretKey = QLatin1String(sandbox::DefaultSecretKey);
    return settings;
}

namespace {

constexpr int StartTimeoutMs = 120000; // generating 100,000 images takes a while on a busy machine
constexpr int AdminTimeoutMs = 300000;

} // namespace

SandboxProcess::SandboxProcess() = default;

SandboxProcess::~SandboxProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool SandboxProcess::start(const QString &program, int images, quint32 seed, QString *error)
{
    m_process.setReadChannel(QProcess::StandardOutput);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(program, {u"--images"_s, QString::number(images), u"--seed"_s, QString::number(seed),
                              u"--listen"_s, u"127.0.0.1:0"_s, u"--quiet"_s});
    if (!m_process.waitForStarted(StartTimeoutMs)) {
        *error = u"cannot start %1: %2"_s.arg(program, m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!m_process.canReadLine()) {
        if (deadline.hasExpired() || !m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            *error = u"%1 did not say where it listens"_s.arg(program);
            return false;
        }
    }
    const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
    const QString prefix = u"listening on "_s;
    if (!line.startsWith(prefix)) {
        *error = u"unexpected first line from the sandbox: %1"_s.arg(line);
        return false;
    }
    m_baseUrl = QUrl(line.mid(prefix.size()));
    m_client = std::make_unique<test::RawApiClient>(m_baseUrl);
    m_client->setTimeoutMs(AdminTimeoutMs);
    return m_baseUrl.isValid();
}

bool SandboxProcess::admin(const QByteArray &method, const QString &path, const QJsonObject &body,
                           QJsonObject *answer, QString *error)
{
    const QByteArray bytes =
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    const test::RawReply reply =
        m_client->plainCall(method, path, bytes, {{"Content-Type", "application/json"}});
    if (reply.status != 200) {
        *error = u"%1 %2: HTTP %3 %4"_s.arg(QString::fromLatin1(method), path)
                     .arg(reply.status)
                     .arg(QString::fromUtf8(reply.body.left(200)));
        return false;
    }
    if (answer)
        *answer = reply.json();
    return true;
}

bool SandboxProcess::reset(int images, quint32 seed, QString *error)
{
    return admin("POST", u"/sandbox/reset"_s, {{u"images"_s, images}, {u"seed"_s, qint64(seed)}}, nullptr,
                 error);
}

int SandboxProcess::resetWithDedicated(int dedicated, quint32 seed, QString *error)
{
    int images = dedicated;
    for (int attempt = 0; attempt < 8; ++attempt) {
        if (!reset(images, seed, error))
            return -1;
        const qint64 count = dedicatedCount(error);
        if (count < 0)
            return -1;
        if (count >= dedicated)
            return images;
        // Each added image is a user image 95% of the time.
        images += int((dedicated - count) * 100 / 95) + 1;
    }
    *error = u"no data set of seed %1 has %2 user images"_s.arg(seed).arg(dedicated);
    return -1;
}

qint64 SandboxProcess::dedicatedCount(QString *error)
{
    // The rows of the app's table: the user images of every workspace, as the app lists them.
    const test::RawReply workspaces = m_client->api("GET", u"workspaces?limit=1000"_s);
    if (workspaces.status != 200) {
        *error = u"ListWorkspace: HTTP %1"_s.arg(workspaces.status);
        return -1;
    }
    qint64 count = 0;
    for (const QJsonValue &workspace : workspaces.json().value(u"workspaces"_s).toArray()) {
        const QString id = workspace.toObject().value(u"id"_s).toString();
        const test::RawReply reply =
            m_client->api("GET", u"images?type=DEDICATED&limit=1&offset=0&workspace_id=%1"_s.arg(id));
        const qint64 total = reply.json().value(u"total"_s).toInteger(-1);
        if (reply.status != 200 || total < 0) {
            *error = u"ListImage of workspace %1: HTTP %2"_s.arg(id).arg(reply.status);
            return -1;
        }
        count += total;
    }
    return count;
}

bool SandboxProcess::setLatencyMs(int ms, QString *error)
{
    return admin("POST", u"/sandbox/faults"_s, {{u"latency_ms"_s, ms}}, nullptr, error);
}

QJsonObject SandboxProcess::state(QString *error)
{
    QJsonObject answer;
    if (!admin("GET", u"/sandbox/state"_s, {}, &answer, error))
        return {};
    return answer;
}

} // namespace mim::bench
