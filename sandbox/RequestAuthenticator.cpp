#include "RequestAuthenticator.h"

#include "models/api/AkSkSigner.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace mim::sandbox {

namespace {

SandboxResponse gatewayFailure(const QString &reason)
{
    return SandboxResponse::error(401, u"APIGW.0301"_s,
                                  u"Incorrect IAM authentication information: "_s + reason);
}

SandboxResponse signatureFailure()
{
    return gatewayFailure(u"verify aksk signature fail"_s);
}

struct AuthorizationHeader
{
    QByteArray access;
    QList<QByteArray> signedHeaders; // lower case, in the order given
    QByteArray signedHeadersText;
    QByteArray signature;
};

std::optional<AuthorizationHeader> parseAuthorization(const QByteArray &value)
{
    const QByteArray prefix = QByteArray(AkSkSigner::Algorithm) + ' ';
    if (!value.startsWith(prefix))
        return std::nullopt;
    AuthorizationHeader header;
    const QList<QByteArray> parts = value.mid(prefix.size()).split(',');
    for (const QByteArray &rawPart : parts) {
        const QByteArray part = rawPart.trimmed();
        const qsizetype equals = part.indexOf('=');
        if (equals <= 0)
            return std::nullopt;
        const QByteArray key = part.left(equals);
        const QByteArray text = part.mid(equals + 1);
        if (key == "Access")
            header.access = text;
        else if (key == "SignedHeaders")
            header.signedHeadersText = text;
        else if (key == "Signature")
            header.signature = text.toLower();
    }
    if (header.access.isEmpty() || header.signedHeadersText.isEmpty() || header.signature.isEmpty())
        return std::nullopt;
    for (const QByteArray &name : header.signedHeadersText.split(';'))
        header.signedHeaders.append(name.toLower());
    return header;
}

// The signature as the gateway recomputes it when Host is not among the signed headers (the Go SDK does not
// sign it): built from the signer's canonical pieces, because AkSkSigner::sign always signs Host.
QByteArray signatureWithoutHost(const SandboxRequest &request, const AuthorizationHeader &authorization,
                                const QByteArray &sdkDate, const QByteArray &secretKey)
{
    QByteArray headerBlock;
    for (const QByteArray &name : authorization.signedHeaders)
        headerBlock += name + ':' + request.header(name).trimmed() + '\n';
    const QByteArray contentSha = request.header("x-sdk-content-sha256");
    const QByteArray payloadHash =
        !contentSha.isEmpty() ? contentSha
                              : QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex();
    const QByteArray canonicalRequest =
        request.method + '\n' + AkSkSigner::canonicalUri(request.encodedPath) + '\n' +
        AkSkSigner::canonicalQuery(request.encodedQuery) + '\n' + headerBlock + '\n' +
        authorization.signedHeadersText + '\n' + payloadHash;
    const QByteArray stringToSign =
        QByteArray(AkSkSigner::Algorithm) + '\n' + sdkDate + '\n' +
        QCryptographicHash::hash(canonicalRequest, QCryptographicHash::Sha256).toHex();
    return QMessageAuthenticationCode::hash(stringToSign, secretKey, QCryptographicHash::Sha256).toHex();
}

} // namespace

QByteArray TokenStore::issue(const Token &token)
{
    // Real tokens are a few hundred characters of base64; so are these, and they carry nothing readable.
    QByteArray value = "MIIS";
    while (value.size() < 320) {
        const quint64 random = QRandomGenerator::system()->generate64();
        value += QByteArray::fromRawData(reinterpret_cast<const char *>(&random), sizeof random)
                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    }
    m_tokens.insert(value, token);
    return value;
}

const TokenStore::Token *TokenStore::find(const QByteArray &value) const
{
    const auto it = m_tokens.constFind(value);
    return it == m_tokens.constEnd() ? nullptr : &*it;
}

int TokenStore::expireAll(const QDateTime &now)
{
    int expired = 0;
    for (Token &token : m_tokens) {
        if (!token.isExpired(now))
            ++expired;
        token.revoked = true;
    }
    return expired;
}

RequestAuthenticator::RequestAuthenticator(const SandboxOptions &options, TokenStore *tokens)
    : m_accessKey(options.accessKey)
    , m_secretKey(options.secretKey)
    , m_projectId(options.projectId)
    , m_clock(options.clock)
    , m_tokens(tokens)
{}

AuthOutcome RequestAuthenticator::authenticate(const SandboxRequest &request) const
{
    if (request.hasHeader("Authorization"))
        return verifySignature(request);
    if (request.hasHeader("X-Auth-Token"))
        return verifyToken(request.header("X-Auth-Token"));
    AuthOutcome outcome;
    outcome.failure = gatewayFailure(u"Authorization not found in header"_s);
    return outcome;
}

AuthOutcome RequestAuthenticator::verifySignature(const SandboxRequest &request) const
{
    AuthOutcome outcome;
    outcome.failure = signatureFailure();

    const std::optional<AuthorizationHeader> authorization =
        parseAuthorization(request.header("Authorization"));
    if (!authorization || authorization->access != m_accessKey.toUtf8())
        return outcome;

    const QByteArray sdkDate = request.header("X-Sdk-Date");
    const QDateTime signedAt = AkSkSigner::parseSdkDate(sdkDate);
    const QDateTime now = m_clock();
    if (sdkDate.isEmpty() || !signedAt.isValid() || qAbs(signedAt.secsTo(now)) > SdkDateToleranceSeconds) {
        outcome.failure = gatewayFailure(u"x-sdk-date expired"_s);
        return outcome;
    }
    if (!authorization->signedHeaders.contains("x-sdk-date"))
        return outcome;

    HeaderList signedHeaders;
    for (const QByteArray &name : authorization->signedHeaders) {
        if (!request.hasHeader(name))
            return outcome;
        signedHeaders.append({name, request.header(name)});
    }

    QByteArray expected;
    if (authorization->signedHeaders.contains("host")) {
        SignableRequest signable;
        signable.method = request.method;
        QByteArray wireUrl = "http://" + request.header("Host") + request.encodedPath;
        if (!request.encodedQuery.isEmpty())
            wireUrl += '?' + request.encodedQuery;
        signable.url = QUrl::fromEncoded(wireUrl);
        signable.headers = signedHeaders;
        signable.body = request.body;
        const SignedRequest signedRequest =
            AkSkSigner::sign(signable, m_accessKey.toUtf8(), m_secretKey.toUtf8());
        if (signedRequest.signedHeaders != authorization->signedHeadersText)
            return outcome;
        expected = signedRequest.signature;
    } else {
        expected = signatureWithoutHost(request, *authorization, sdkDate, m_secretKey.toUtf8());
    }
    if (expected.isEmpty() || expected != authorization->signature)
        return outcome;

    outcome.accepted = true;
    outcome.failure = SandboxResponse();
    outcome.projectId = m_projectId;
    return outcome;
}

AuthOutcome RequestAuthenticator::verifyToken(const QByteArray &value) const
{
    AuthOutcome outcome;
    const TokenStore::Token *token = m_tokens->find(value);
    if (!token) {
        outcome.failure = gatewayFailure(u"decrypt token fail"_s);
        return outcome;
    }
    if (token->isExpired(m_clock())) {
        outcome.failure = SandboxResponse::error(401, u"APIGW.0307"_s, u"The token must be updated."_s);
        return outcome;
    }
    outcome.accepted = true;
    outcome.byToken = true;
    outcome.projectId = token->projectId;
    return outcome;
}

} // namespace mim::sandbox
