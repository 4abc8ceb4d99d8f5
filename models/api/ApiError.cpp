#include "models/api/ApiError.h"

#include "models/api/VisibleText.h"

#include <cmath>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

// Key pairs in the order they are tried; services and gateways use different spellings.
struct KeyPair
{
    QLatin1StringView code;
    QLatin1StringView message;
};
constexpr KeyPair ErrorKeys[] = {
    {"error_code"_L1, "error_msg"_L1},
    {"errorCode"_L1, "errorMsg"_L1},
    {"code"_L1, "message"_L1},
    {"error_code"_L1, "error_message"_L1},
    {"code"_L1, "msg"_L1},
    {"errorCode"_L1, "errorMessage"_L1},
};

// SWR's own error codes, e.g. SVCSTG.SWR.4001048.
bool isSwrCode(const QString &code)
{
    return code.startsWith("SVCSTG.SWR."_L1, Qt::CaseInsensitive);
}

QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::isfinite(number) && number == std::trunc(number) && std::fabs(number) < 9.0e15)
            return QString::number(static_cast<qint64>(number));
        return QString::number(number);
    }
    return {};
}

struct CodeAndMessage
{
    QString code;
    QString message;
};

CodeAndMessage readCodeAndMessage(const QJsonObject &object)
{
    CodeAndMessage result;
    for (const KeyPair &keys : ErrorKeys) {
        if (result.code.isEmpty())
            result.code = scalarText(object.value(keys.code));
        if (result.message.isEmpty())
            result.message = scalarText(object.value(keys.message));
    }
    return result;
}

QString requestIdIn(const QJsonObject &object)
{
    for (const QLatin1StringView key : {"request_id"_L1, "requestId"_L1, "request-id"_L1}) {
        const QString id = scalarText(object.value(key));
        if (!id.isEmpty())
            return id;
    }
    return {};
}

// A readable hint of a body that is not JSON (an HTML error page from a proxy, plain text).
QString plainTextExcerpt(const QByteArray &body)
{
    constexpr qsizetype MaxLength = 200;
    QString text = QString::fromUtf8(body.left(64 * 1024));
    static const QRegularExpression title(u"<title[^>]*>([^<]*)</title>"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    if (text.trimmed().startsWith(u'<')) {
        const QRegularExpressionMatch match = title.match(text);
        text = match.hasMatch() ? match.captured(1) : QString();
    }
    text = text.simplified();
    if (text.size() > MaxLength)
        text = text.left(MaxLength) + u'…';
    return text;
}

bool isOneOf(const QString &code, std::initializer_list<QLatin1StringView> codes)
{
    for (const QLatin1StringView candidate : codes) {
        if (code.compare(candidate, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool mentions(const QString &text, QLatin1StringView word)
{
    return text.contains(word, Qt::CaseInsensitive);
}

// "date" as a word (x-sdk-date, "request date expired"), not inside "update".
bool mentionsClockSkew(const QString &text)
{
    static const QRegularExpression pattern(u"\\bdate\\b|\\bclock\\b|\\btimestamp\\b|\\btime skew"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(text).hasMatch();
}

} // namespace

bool ApiError::isTransient() const
{
    switch (kind) {
    case ErrorKind::Network:
    case ErrorKind::Timeout:
    case ErrorKind::Throttled:
        return true;
    case ErrorKind::Server:
        // A gateway or an overloaded server; a 500 or 501 is the service's own answer and would come again.
        return httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    case ErrorKind::BadResponse:
        return incompleteBody;
    default:
        return false;
    }
}

ErrorKind ApiError::classify(int httpStatus, const QString &code, const QString &message)
{
    if (isOneOf(code, {"ModelArts.6404"_L1}))
        return ErrorKind::NotFound;
    if (httpStatus == 404) {
        // Only ModelArts itself can say that a resource is gone. A 404 from the gateway (APIGW.0101 "The API
        // does not exist"), a proxy or a web server means the request went to the wrong address: taking it
        // for "already deleted" would hide a wrong endpoint or region and drop rows that still exist.
        // SWR's own code on a 404 means SWR routed the request and the namespace, repository or tag is
        // not there; its messages vary too much to be read.
        if (isSwrCode(code))
            return ErrorKind::NotFound;
        const bool fromModelArts = code.startsWith("ModelArts."_L1, Qt::CaseInsensitive);
        const bool saysMissing = mentions(message, "not found"_L1) || mentions(message, "not exist"_L1);
        return fromModelArts && saysMissing ? ErrorKind::NotFound : ErrorKind::InvalidRequest;
    }
    if (isOneOf(code, {"APIGW.0308"_L1, "APIG.0308"_L1}))
        return ErrorKind::Throttled;
    if (isOneOf(code, {"APIGW.0301"_L1, "APIG.0301"_L1, "APIGW.0307"_L1, "APIG.0307"_L1}))
        return ErrorKind::Authentication;
    if (httpStatus == 401)
        return ErrorKind::Authentication;
    if (httpStatus == 403)
        return ErrorKind::Permission;
    if (httpStatus == 429)
        return ErrorKind::Throttled;
    if (httpStatus >= 500 && httpStatus <= 599)
        return ErrorKind::Server;
    if (httpStatus >= 400 && httpStatus <= 499)
        return ErrorKind::InvalidRequest;
    if (httpStatus >= 200 && httpStatus <= 299)
        return ErrorKind::None;
    // No status at all, 1xx or 3xx: nothing the API would answer.
    return ErrorKind::BadResponse;
}

ApiError ApiError::fromHttpResponse(int httpStatus, const QByteArray &body, const QByteArray &requestId)
{
    ApiError error;
    error.httpStatus = httpStatus;
    error.requestId = QString::fromUtf8(requestId).trimmed();

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    // SWR answers a list of errors, [{"errorCode", "errorMessage", "detail"}]: the first one says it.
    const bool swrList = parseError.error == QJsonParseError::NoError && document.isArray() &&
                         !document.array().isEmpty() && document.array().first().isObject();
    if (parseError.error == QJsonParseError::NoError && (document.isObject() || swrList)) {
        const QJsonObject object = swrList ? document.array().first().toObject() : document.object();
        if (swrList)
            error.detail = plainTextExcerpt(scalarText(object.value("detail"_L1)).toUtf8());
        CodeAndMessage found = readCodeAndMessage(object);
        QString bodyRequestId = requestIdIn(object);
        // Some gateways wrap the error one level down, e.g. {"error": {"code": ..., "message": ...}}.
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!found.code.isEmpty() && !found.message.isEmpty())
                break;
            if (!it.value().isObject())
                continue;
            const QJsonObject nested = it.value().toObject();
            const CodeAndMessage inner = readCodeAndMessage(nested);
            if (found.code.isEmpty())
                found.code = inner.code;
            if (found.message.isEmpty())
                found.message = inner.message;
            if (bodyRequestId.isEmpty())
                bodyRequestId = requestIdIn(nested);
        }
        error.code = found.code.trimmed();
        error.message = found.message.trimmed();
        if (error.requestId.isEmpty())
            error.requestId = bodyRequestId;
    } else if (!body.trimmed().isEmpty()) {
        error.detail = plainTextExcerpt(body);
    }
    if (error.code.isEmpty())
        error.code = QString::number(httpStatus);
    error.kind = classify(httpStatus, error.code, error.message);
    if (error.kind == ErrorKind::None)
        error.kind = ErrorKind::BadResponse; // called for a 2xx: the caller could not use the body
    return error;
}

ApiError ApiError::make(ErrorKind kind, const QString &detail)
{
    ApiError error;
    error.kind = kind;
    error.detail = detail;
    return error;
}

QString ApiError::summary() const
{
    // Specific hints first: they say what to do, which the kind alone cannot.
    if (isOneOf(code, {"ModelArts.0210"_L1}))
        return tr("The project ID does not match this account or region. Check the project ID in the account "
                  "settings, or leave it empty to look it up.");
    if (mentions(message, "in use"_L1))
        return tr("The image is in use (for example by a notebook) and cannot be deleted now. Stop or delete "
                  "what uses it, then try again.");

    switch (kind) {
    case ErrorKind::None:
        return tr("No error.");
    case ErrorKind::Network:
        return tr("Could not reach the server. Check your network connection and the endpoint address.");
    case ErrorKind::Tls:
        return tr("The secure connection to the server failed: its certificate could not be verified.");
    case ErrorKind::Timeout:
        return tr("The server did not answer in time. Try again later.");
    case ErrorKind::Authentication:
        if (mentionsClockSkew(message))
            return tr(
                "The server rejected the request time. Make sure your computer's clock and time zone are "
                "correct (within 15 minutes of the real time).");
        if (mentions(message, "token"_L1) &&
            (mentions(message, "expire"_L1) || isOneOf(code, {"APIGW.0307"_L1, "APIG.0307"_L1})))
            return tr("Your login has expired. Sign in again.");
        if (mentions(message, "signature"_L1) || mentions(message, "ak/sk"_L1) ||
            mentions(message, "access key"_L1) ||
            isOneOf(code, {"APIGW.0301"_L1, "APIG.0301"_L1, "ModelArts.0206"_L1}))
            return tr("The access key (AK) or secret key (SK) was rejected, or the request signature did not "
                      "match. Check both keys.");
        return tr("The server did not accept your credentials. Check the account settings.");
    case ErrorKind::Permission:
        if (mentions(message, "build_in"_L1) || mentions(message, "built-in"_L1) ||
            mentions(message, "preset"_L1) || mentions(message, "public"_L1))
            return tr(
                "You are not allowed to change this image: built-in and other users' public images cannot "
                "be deleted.");
        if (isOneOf(code, {"ModelArts.0206"_L1}) || mentions(message, "ak/sk"_L1))
            return tr("The access key (AK) or secret key (SK) was rejected. Check both keys.");
        if (isSwrCode(code))
            return tr(
                "SWR refused the request. Ask your administrator for the IAM role “SWR Admin” in this "
                "region, or for a permission on the organization in SWR (read to see it, manage to delete "
                "from it).");
        return tr(
            "You do not have permission for this operation. Ask your administrator for the ModelArts image "
            "permissions (and SWR permissions to delete image content).");
    case ErrorKind::NotFound:
        if (isSwrCode(code))
            return tr("The organization, repository or tag no longer exists in SWR.");
        return tr("The image or resource no longer exists.");
    case ErrorKind::Throttled:
        return tr("The server is busy and asked to slow down. Try again in a moment.");
    case ErrorKind::Server:
        return tr("The server had a problem (HTTP %1). Try again later.").arg(httpStatus);
    case ErrorKind::BadResponse:
        if (httpStatus >= 300 && httpStatus <= 399)
            return tr("The server answered with a redirect (HTTP %1), which is not followed. Check the "
                      "account's "
                      "endpoint address.")
                .arg(httpStatus);
        return tr("The server sent a response that could not be read.");
    case ErrorKind::Cancelled:
        return tr("The operation was cancelled.");
    case ErrorKind::InvalidRequest:
        if (httpStatus == 0)
            return tr("The app did not send this request, so nothing was changed on the server.");
        if (httpStatus == 404)
            return tr("The server does not know this address (HTTP 404). Check the account's endpoint and "
                      "region.");
        return tr("The server refused the request.");
    }
    return {};
}

QString ApiError::fullText() const
{
    // The server's words are shown as they are, each on its own line: a line break or bidi control in them
    // must not make them look like more of this text.
    using Formatting::visibleText;
    QStringList lines{summary()};
    if (!code.isEmpty())
        lines.append(tr("Error code: %1").arg(visibleText(code)));
    if (!message.isEmpty())
        lines.append(tr("Message: %1").arg(visibleText(message)));
    if (!detail.isEmpty())
        lines.append(tr("Details: %1").arg(visibleText(detail)));
    if (!requestId.isEmpty())
        lines.append(tr("Request ID: %1").arg(visibleText(requestId)));
    return lines.join(u'\n');
}

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return u"none"_s;
    case ErrorKind::Network:
        return u"network"_s;
    case ErrorKind::Tls:
        return u"tls"_s;
    case ErrorKind::Timeout:
        return u"timeout"_s;
    case ErrorKind::Authentication:
        return u"authentication"_s;
    case ErrorKind::Permission:
        return u"permission"_s;
    case ErrorKind::NotFound:
        return u"not-found"_s;
    case ErrorKind::Throttled:
        return u"throttled"_s;
    case ErrorKind::Server:
        return u"server"_s;
    case ErrorKind::BadResponse:
        return u"bad-response"_s;
    case ErrorKind::Cancelled:
        return u"cancelled"_s;
    case ErrorKind::InvalidRequest:
        return u"invalid-request"_s;
    }
    return u"unknown"_s;
}

} // namespace mim
