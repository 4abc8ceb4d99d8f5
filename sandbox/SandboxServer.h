#pragma once

#include "models/api/Image.h"
#include "SandboxOptions.h"

#include <memory>
#include <optional>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

class QTcpSocket;
class QHttpServerRequest;

namespace mim::sandbox {

struct SandboxResponse;
struct SandboxRequest;

// A local stand-in for the ModelArts image API and the IAM calls the application makes, for tests, benchmarks
// and the app's --demo mode. It answers on loopback:
//   /v1/{project_id}/images...   ListImage, ShowImage, DeleteImage, SyncImage, RegisterImage,
//                                ListImageGroup, DeleteImageGroup, UpdateImageGroup (AK/SK or token)
//   /v1/{project_id}/notebooks   ListNotebooks, and /v2/{project_id}/training-job-searches, services,
//                                services/{id}: what runs the images in use (see UsageApi.h)
//   /v2/manage/...               the shared SWR: namespaces, repositories, tags, tag deletion, overview
//                                (see SwrApi.h)
//   /v3/auth/tokens, /v3/projects IAM password login and project lookup
//   /sandbox/...                  admin endpoints for tests: loopback only, no authentication
// and writes every HTTP/1.1 response itself, so it can also misbehave on purpose (see FaultConfig).
//
// Usage (in-process, e.g. the app's --demo):
//   SandboxServer server(SandboxOptions::forDemo());
//   QString error;
//   if (!server.start(&error)) ...;
//   server.baseUrl(); // http://127.0.0.1:<port>, credentials from SandboxDefaults.h
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    explicit SandboxServer(SandboxOptions options = SandboxOptions(), QObject *parent = nullptr);
    ~SandboxServer() override;

    // Builds the data set and starts listening. Fails on a non-loopback address without allowRemote, on
    // unreadable TLS files, or when the port is taken.
    bool start(QString *error = nullptr);
    bool isListening() const;
    quint16 port() const;
    // http(s)://HOST:PORT, the base of both the ModelArts and the IAM endpoint.
    QUrl baseUrl() const;
    const SandboxOptions &options() const { return m_options; }

    // Data set. The same count and seed always give the same images.
    void reset(int imageCount, quint32 seed);
    void resetDemo();
    // Generated images continuing the current sequence; returns their ids.
    QStringList addImages(int count);
    // One image from its API JSON (missing fields get defaults, a missing id a new one), plus the optional
    // sandbox keys "in_use_by" (notebook name) or "in_use" (bool). Returns the id, or empty and *error.
    QString addImage(const QJsonObject &imageJson, QString *error = nullptr);
    // Deletes an image behind the client's back, as another user would (no SWR deletion).
    bool removeImage(const QString &id);
    // Names a workspace in ListWorkspace's answers (any text, for testing what a client shows); in process
    // only.
    void setWorkspaceName(const QString &workspaceId, const QString &name);
    // Changes "status" (also "status_message") and/or "in_use" (bool) / "in_use_by" (notebook name).
    bool patchImage(const QString &id, const QJsonObject &patch, QString *error = nullptr);
    // The image as the API shows it, deleted ones included.
    std::optional<Image> image(const QString &id) const;
    // How many images exist, deleted ones included.
    int imageCount() const;

    // Replaces the fault configuration; {} clears it.
    bool setFaults(const QJsonObject &faults, QString *error = nullptr);
    void setFaults(const FaultConfig &faults);
    FaultConfig faults() const;

    // SWR: every /v2/manage call answers 403 (SandboxOptions::swrForbidden).
    void setSwrForbidden(bool forbidden) { m_options.swrForbidden = forbidden; }
    // Tags pushed to SWR without ModelArts: {"tags":[{"namespace","repository","tag","size"(bytes)}]} or
    // {"count":N,"repositories":R,"namespace":"bulk","seed":S}. Returns how many, or -1 and *error.
    int addSwrTags(const QJsonObject &request, QString *error = nullptr);

    // Expires every token issued so far; returns how many were still valid.
    int expireTokens();

    // {"images": [<image JSON> + "deleted", "swr_content_deleted", "in_use", "in_use_by"], "swr": swrState(),
    //  "counters": {...}}
    QJsonObject state() const;
    QByteArray stateJson() const;
    // The state entry of one image; empty when unknown.
    QJsonObject imageState(const QString &id) const;
    QJsonObject counters() const;
    // The SWR side: {"namespaces":[...], "repositories":["ns/name"...], "tag_count",
    // "unregistered_tag_count", "bytes", "unregistered_bytes",
    // "tags":[{"namespace","repository","tag","size","registered","image_ids"}]} (registered = named by the
    // swr_path of a live ModelArts image).
    QJsonObject swrState() const;
    QByteArray swrStateJson() const;

Q_SIGNALS:
    // One line per handled request: "GET /v1/.../images?limit=200 -> 200", plus the fault if any.
    void requestHandled(const QString &line);
    // A demo image left CREATING by itself.
    void imageSettled(const QString &id, const QString &status);

private:
    class Frontend;
    struct Internals;

    void handle(const QHttpServerRequest &request, QTcpSocket *socket);
    SandboxResponse dispatch(const SandboxRequest &request);
    SandboxResponse faultResponse(const QString &kind) const;
    void deliver(QTcpSocket *socket, const SandboxResponse &response, const QString &fault, int delayMs,
                 bool keepAlive);
    void settle(const QString &id, const QString &status, const QString &statusMessage, qint64 sizeKb);

    SandboxOptions m_options;
    std::unique_ptr<Internals> d;
};

} // namespace mim::sandbox
