#include "models/api/LogRedaction.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mim::LogRedaction {

namespace {

// Key names whose values are secrets. Keys are matched whole, so "sk" does not catch "task".
const QString &secretKeyPattern()
{
    static const QString pattern =
        u"(?:[A-Za-z0-9_.\\-]*(?:password|secret)[A-Za-z0-9_.\\-]*|sk|security_?token|x-security-token)"_s;
    return pattern;
}

} // namespace

bool isSecretHeader(QByteArrayView name)
{
    const QByteArrayView trimmed = name.trimmed();
    for (const QByteArrayView secret :
         {QByteArrayView("authorization"), QByteArrayView("x-auth-token"), QByteArrayView("x-subject-token"),
          QByteArrayView("x-security-token")}) {
        if (trimmed.compare(secret, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray redactHeader(const QByteArray &name, const QByteArray &value)
{
    return isSecretHeader(name) ? QByteArray(Redacted) : value;
}

QString redactHeader(const QString &name, const QString &value)
{
    return isSecretHeader(name.toUtf8()) ? QString::fromLatin1(Redacted) : value;
}

QString redactSecrets(const QString &text)
{
    // JSON: "key" : "value" (escaped quotes inside the value included), or a bare number/literal. Objects
    // and arrays under a secret-looking key (the IAM body's "password": {"user": ...}) are walked into
    // instead, so the secret leaves inside them are found by their own keys.
    static const QRegularExpression json(
        u"(\"(?:"_s + secretKeyPattern() +
            u")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,{}\\[\\]\"][^\\s,}\\]]*)"_s,
        QRegularExpression::CaseInsensitiveOption);
    // Query strings and URLs: key=value up to the next separator.
    static const QRegularExpression query(u"((?:^|[?&;\\s])(?:"_s + secretKeyPattern() + u")=)[^&#;\\s]*"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    QString result = text;
    result.replace(json, u"\\1\"<redacted>\""_s);
    result.replace(query, u"\\1<redacted>"_s);
    return result;
}

QByteArray redactSecrets(const QByteArray &text)
{
    return redactSecrets(QString::fromUtf8(text)).toUtf8();
}

QString redactUrl(const QUrl &url)
{
    return redactSecrets(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::FullyEncoded));
}

} // namespace mim::LogRedaction
