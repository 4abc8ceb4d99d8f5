#pragma once

#include "models/api/AkSkSigner.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

class QHttpServerRequest;

namespace mim::sandbox {

// A received request, copied out of QHttpServerRequest so that it outlives the socket's parser state.
struct SandboxRequest
{
    QByteArray method;       // upper case
    QByteArray encodedPath;  // as received
    QString path;            // percent-decoded, for showing; route with segments()
    QByteArray encodedQuery; // as received, without '?'
    QUrlQuery query;
    HeaderList headers;
    QByteArray body;
    QHostAddress remoteAddress;

    // First value of a header, case-insensitively; empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    bool hasQueryItem(const QString &key) const { return query.hasQueryItem(key); }
    QString queryValue(const QString &key) const { return query.queryItemValue(key, QUrl::FullyDecoded); }
    // The path's segments, split on the "/" of the path as received and each decoded afterwards, as a gateway
    // routes: an encoded "%2F" stays inside its segment.
    QStringList segments() const;
    // "GET /path?query", for logs: no header, so no credential.
    QString summary() const;

    static SandboxRequest from(const QHttpServerRequest &request);
};

// A response before it goes on the wire.
struct SandboxResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json;charset=UTF-8");
    HeaderList headers; // besides the standard ones written by writeHead()

    static SandboxResponse json(int status, const QJsonObject &object);
    static SandboxResponse jsonBytes(int status, const QByteArray &body);
    // 204: no body, so neither Content-Type nor Content-Length is written.
    static SandboxResponse noContent();
    // The ModelArts/APIG error body {"error_code": ..., "error_msg": ...}.
    static SandboxResponse error(int status, const QString &code, const QString &message);
};

// "HTTP/1.1 200 OK" ... up to and including the blank line. contentLength may differ from the body size
// (that is how a truncated body is made).
QByteArray responseHead(const SandboxResponse &response, qint64 contentLength, const QByteArray &requestId,
                        const QDateTime &date, bool keepAlive);
QByteArray httpDate(const QDateTime &time);
QByteArray reasonPhrase(int status);

} // namespace mim::sandbox
