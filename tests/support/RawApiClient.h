#pragma once

#include "models/api/AkSkSigner.h"
#include "models/api/Clock.h"

#include <optional>
#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace mim::test {

struct RawReply
{
    bool finished = false; // false = no answer within the timeout
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    // The body as a JSON object; empty when it is not one.
    QJsonObject json() const;
    bool isJson() const;
    QString errorCode() const { return json().value(QLatin1String("error_code")).toString(); }
};

// How a signed request deviates from a correct one, for tests of the server's checks.
struct SigningTweaks
{
    std::optional<QByteArray> accessKey;
    std::optional<QByteArray> secretKey;
    std::optional<QDateTime> date; // default: the client's clock
    bool signHost = true;          // false = like the Go SDK: Host is sent but not signed
    bool signDate = true;          // false = X-Sdk-Date sent but not signed (the gateway refuses that)
    bool sendDate = true;          // false = no X-Sdk-Date at all
    bool projectHeader = true;     // X-Project-Id
    QByteArray securityToken;      // X-Security-Token, signed
    bool corruptSignature = false; // flip a character of the signature
};

// A deliberately thin HTTP client for driving the sandbox in tests: raw QNetworkAccessManager requests,
// AK/SK-signed with the project's signer (or a token, or nothing), answered synchronously.
class RawApiClient
{
public:
    explicit RawApiClient(const QUrl &baseUrl);

    void setCredentials(const QString &accessKey, const QString &secretKey, const QString &projectId);
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setCaCertificates(const QList<QSslCertificate> &certificates) { m_caCertificates = certificates; }
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    QString projectId() const { return m_projectId; }

    // A signed ModelArts call; `relative` is the part after /v1/{project_id}/, e.g. "images?type=DEDICATED".
    RawReply api(const QByteArray &method, const QString &relative, const QByteArray &body = {},
                 const SigningTweaks &tweaks = {});
    // Signed ModelArts calls sent all at once (over several connections); the replies in the same order.
    QList<RawReply> apiConcurrently(const QByteArray &method, const QStringList &relatives);
    // A signed call of any path (with its query), e.g. "/v3/projects?name=cn-north-4".
    RawReply signedCall(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                        const SigningTweaks &tweaks = {});
    RawReply tokenCall(const QByteArray &method, const QString &pathAndQuery, const QByteArray &token,
                       const QByteArray &body = {});
    // No credentials at all (admin endpoints, IAM login).
    RawReply plainCall(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                       const HeaderList &headers = {});

    // IAM password login; returns the X-Subject-Token, or empty.
    QByteArray login(const QString &user, const QString &password, const QString &domain,
                     const QString &project, RawReply *reply = nullptr);

    // Sign without Host (or without X-Sdk-Date): the canonical request built from the signer's pieces.
    static QByteArray signWithHeaders(const QByteArray &method, const QByteArray &encodedPath,
                                      const QByteArray &encodedQuery, const HeaderList &signedHeaders,
                                      const QByteArray &body, const QByteArray &sdkDate,
                                      const QByteArray &secretKey);

private:
    RawReply send(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                  const QByteArray &body);
    QNetworkReply *start(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                         const QByteArray &body);
    static RawReply collect(QNetworkReply *reply, qint64 elapsedMs);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QString m_accessKey;
    QString m_secretKey;
    QString m_projectId;
    Clock m_clock = systemClock();
    QList<QSslCertificate> m_caCertificates;
    int m_timeoutMs = 30000;
    bool m_deferred = false; // apiConcurrently(): start requests, do not wait
    QList<QNetworkReply *> m_started;
};

} // namespace mim::test
