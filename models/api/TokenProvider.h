#pragma once

#include "models/api/ApiError.h"
#include "models/api/Clock.h"
#include "models/api/ConnectionSettings.h"

#include <functional>
#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

namespace mim {

class ApiCall;

// An IAM token as returned by POST /v3/auth/tokens. Lives in memory only.
struct IamToken
{
    QByteArray value; // the X-Subject-Token header
    QDateTime expiresAt;
    QString projectId; // token.project.id, empty for a token without project scope
};

// Holds the IAM token of a password account and logs in when there is none or it is about to expire.
// Every caller waiting for a token shares the single login in flight. It does not send anything itself:
// the client gives it a function that starts the login call, so the login gets the client's TLS, timeout
// and retry handling.
class TokenProvider : public QObject
{
    Q_OBJECT
public:
    // Starts POST /v3/auth/tokens (see loginRequestBody()).
    using LoginStarter = std::function<ApiCall *()>;
    // Called with ApiError kind None once a fresh token is available, or with the reason there is none.
    using ReadyCallback = std::function<void(const ApiError &error)>;

    // A token is renewed before use when it expires within this margin, so it never dies mid-call.
    static constexpr qint64 RenewalMarginSecs = 5 * 60;
    // When the response carries no expires_at, assume this much lifetime (real tokens live 24 h).
    static constexpr qint64 AssumedLifetimeSecs = 60 * 60;

    TokenProvider(Clock clock, LoginStarter startLogin, QObject *parent = nullptr);
    ~TokenProvider() override;

    bool hasFreshToken() const;
    QByteArray token() const { return m_token ? m_token->value : QByteArray(); }
    QString tokenProjectId() const { return m_token ? m_token->projectId : QString(); }
    int loginCount() const { return m_loginCount; }
    bool isLoginInFlight() const { return m_loginInFlight; }

    // Calls back at once when a fresh token exists, otherwise after the (possibly shared) login. The callback
    // is dropped when context is destroyed first.
    void whenReady(QObject *context, ReadyCallback callback);
    // The server rejected this token: forget it, unless it was already replaced by a newer one.
    void invalidate(const QByteArray &rejectedToken);

    // The body of the password login (it contains the password: never log it). The scope is the project id
    // when known, otherwise the project named like the region.
    static QByteArray loginRequestBody(const Credentials &credentials, const QString &regionId,
                                       const QString &projectId);
    static std::optional<IamToken> parseLoginResponse(const QByteArray &subjectToken, const QByteArray &body,
                                                      const QDateTime &now, QString *error = nullptr);

private:
    void startLogin();
    void onLoginFinished(ApiCall *call);

    struct Waiter
    {
        QPointer<QObject> context;
        ReadyCallback callback;
    };

    Clock m_clock;
    LoginStarter m_startLogin;
    std::optional<IamToken> m_token;
    QList<Waiter> m_waiters;
    bool m_loginInFlight = false;
    int m_loginCount = 0;
};

} // namespace mim
