#include "HttpExchange.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QLocale>
#include <QMetaEnum>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace mim::sandbox {

QByteArray SandboxRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

bool SandboxRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QStringList SandboxRequest::segments() const
{
    QStringList decoded;
    for (const QByteArray &segment : encodedPath.split('/')) {
        if (!segment.isEmpty())
            decoded.append(QUrl::fromPercentEncoding(segment));
    }
    return decoded;
}

QString SandboxRequest::summary() const
{
    QString text = QString::fromLatin1(method) + u' ' + QString::fromUtf8(encodedPath);
    if (!encodedQuery.isEmpty())
        text += u'?' + QString::fromUtf8(encodedQuery);
    return text;
}

SandboxRequest SandboxRequest::from(const QHttpServerRequest &request)
{
    SandboxRequest copy;
    const QMetaEnum methods = QMetaEnum::fromType<QHttpServerRequest::Method>();
    copy.method = QByteArray(methods.valueToKey(int(request.method()))).toUpper();
    const QUrl url = request.url();
    copy.encodedPath = url.path(QUrl::FullyEncoded).toUtf8();
    copy.path = url.path(QUrl::FullyDecoded);
    copy.encodedQuery = url.query(QUrl::FullyEncoded).toUtf8();
    copy.query = QUrlQuery(url.query(QUrl::FullyEncoded));
    copy.headers = request.headers();
    copy.body = request.body();
    copy.remoteAddress = request.remoteAddress();
    return copy;
}

SandboxResponse SandboxResponse::json(int status, const QJsonObject &object)
{
    return jsonBytes(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

SandboxResponse SandboxResponse::jsonBytes(int status, const QByteArray &body)
{
    SandboxResponse response;
    response.status = status;
    response.body = body;
    return response;
}

SandboxResponse SandboxResponse::noContent()
{
    SandboxResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

SandboxResponse SandboxResponse::error(int status, const QString &code, const QString &message)
{
    return json(status, QJsonObject{{u"error_code"_s, code}, {u"error_msg"_s, message}});
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Unknown";
    }
}

QByteArray responseHead(const SandboxResponse &response, qint64 contentLength, const QByteArray &requestId,
                        const QDateTime &date, bool keepAlive)
{
    QByteArray head;
    head.reserve(256);
    head += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    // RFC 9110: a 204 carries no content and no Content-Length.
    if (response.status != 204) {
        head += "Content-Type: " + response.contentType + "\r\n";
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    }
    head += "X-Request-Id: " + requestId + "\r\n";
    head += "Date: " + httpDate(date) + "\r\n";
    head += keepAlive ? QByteArrayLiteral("Connection: keep-alive\r\n")
                      : QByteArrayLiteral("Connection: close\r\n");
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    return head;
}

} // namespace mim::sandbox
