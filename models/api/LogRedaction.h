#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace mim::LogRedaction {

// What a secret is replaced with in logs.
inline constexpr char Redacted[] = "<redacted>";

// True for headers whose value is a credential: Authorization, X-Auth-Token, X-Subject-Token,
// X-Security-Token (any case).
bool isSecretHeader(QByteArrayView name);

// The header value to log: the value itself, or "<redacted>" for a secret header.
QByteArray redactHeader(const QByteArray &name, const QByteArray &value);
QString redactHeader(const QString &name, const QString &value);

// Replaces the values of secret keys ("password", "sk", "secret", "security_token" and names containing
// "password" or "secret") in a URL, a query string or a JSON body. Other text is left as it is.
QString redactSecrets(const QString &text);
QByteArray redactSecrets(const QByteArray &text);

// The URL as text for a log line: user info dropped and secret query values redacted.
QString redactUrl(const QUrl &url);

} // namespace mim::LogRedaction
