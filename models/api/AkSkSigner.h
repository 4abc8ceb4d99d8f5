#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QUrl>

namespace mim {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// What goes into an SDK-HMAC-SHA256 signature: the request as it will be sent.
struct SignableRequest
{
    QByteArray method;
    QUrl url;           // the wire URL; its query may be in any order
    HeaderList headers; // must contain X-Sdk-Date; Host is added when missing
    QByteArray body;
};

struct SignedRequest
{
    QByteArray hostHeader;
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signedHeaders;
    QByteArray signature;
    QByteArray authorization;
    // Path plus canonical query: what to put on the wire so the gateway sees exactly what was signed.
    QByteArray wirePathAndQuery;
    // The input headers plus Host, in the order given, without Authorization.
    HeaderList headers;
};

// Huawei Cloud AK/SK request signing ("SDK-HMAC-SHA256"). Pure functions, no state.
namespace AkSkSigner {

inline constexpr char Algorithm[] = "SDK-HMAC-SHA256";

SignedRequest sign(const SignableRequest &request, const QByteArray &accessKey, const QByteArray &secretKey);

// YYYYMMDDTHHMMSSZ in UTC.
QByteArray formatSdkDate(const QDateTime &time);
QDateTime parseSdkDate(const QByteArray &value);

// The pieces of the canonical request, exposed for the server side and for tests.
QByteArray canonicalUri(const QByteArray &rawPath);
QByteArray canonicalQuery(const QByteArray &rawQuery);
QByteArray percentEncode(const QByteArray &decoded);

} // namespace AkSkSigner
} // namespace mim
