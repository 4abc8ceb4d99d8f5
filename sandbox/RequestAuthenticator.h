#pragma once

#include "HttpExchange.h"
#include "SandboxOptions.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace mim::sandbox {

// The IAM tokens this sandbox issued. Tokens are opaque random strings; only the sandbox can read them.
class TokenStore
{
public:
    struct Token
    {
        QDateTime issuedAt;
        QDateTime expiresAt;
        QString projectId;
        QString userName;
        bool revoked = false; // expired early through the admin endpoint

        bool isExpired(const QDateTime &now) const { return revoked || now >= expiresAt; }
    };

    QByteArray issue(const Token &token);
    const Token *find(const QByteArray &value) const;
    // Makes every token issued so far expired; returns how many were still valid.
    int expireAll(const QDateTime &now);
    void clear() { m_tokens.clear(); }

private:
    QHash<QByteArray, Token> m_tokens;
};

struct AuthOutcome
{
    bool accepted = false;
    SandboxResponse failure; // when not accepted
    QString projectId;       // the project the credentials are bound to
    bool byToken = false;
};

// Checks the credentials of an API request the way the API gateway does: an SDK-HMAC-SHA256 signature over
// the received method, path, query, signed headers and body, within 15 minutes of the sandbox clock, or an
// X-Auth-Token issued by this sandbox.
class RequestAuthenticator
{
public:
    RequestAuthenticator(const SandboxOptions &options, TokenStore *tokens);

    AuthOutcome authenticate(const SandboxRequest &request) const;

private:
    AuthOutcome verifySignature(const SandboxRequest &request) const;
    AuthOutcome verifyToken(const QByteArray &token) const;

    QString m_accessKey;
    QString m_secretKey;
    QString m_projectId;
    Clock m_clock;
    TokenStore *m_tokens;
};

} // namespace mim::sandbox
