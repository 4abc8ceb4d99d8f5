#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace mim {

// Why a call failed, in the categories the UI reacts to differently.
enum class ErrorKind
{
    None,
    Network,        // connection refused, reset, DNS, ...
    Tls,            // certificate or handshake problem
    Timeout,        // no answer within the transfer timeout
    Authentication, // credentials rejected, token expired, signature or date wrong
    Permission,     // authenticated but not allowed (403)
    NotFound,       // ModelArts.6404, or a ModelArts 404 that says the resource does not exist
    Throttled,      // 429
    Server,         // 5xx
    BadResponse,    // unreadable, truncated or malformed body
    Cancelled,      // the user or the app cancelled
    InvalidRequest, // other 4xx: the server refused the request (e.g. the image is in use, a gateway 404)
};

struct ApiError
{
    ErrorKind kind = ErrorKind::None;
    int httpStatus = 0;
    QString code;      // server's error code, e.g. ModelArts.6404, or the HTTP status when none
    QString message;   // server's message, verbatim
    QString requestId; // X-Request-Id
    QString detail;    // client-side detail (network error text, parse error)
    // A BadResponse whose body came cut off or did not parse: most likely damaged on the way (a proxy, a
    // reset after a chunk), so another attempt may bring it whole. Unlike a body that is too large,
    // undecodable or a redirect, which the same request would bring again.
    bool incompleteBody = false;

    bool isError() const { return kind != ErrorKind::None; }
    // Worth another attempt of an idempotent call; retryDecision() adds attempts, time and delay.
    bool isTransient() const;

    // A sentence in the user's language saying what went wrong and what to do.
    QString summary() const;
    // summary() plus the server's code, message and request id, for dialogs and tooltips.
    QString fullText() const;

    // Builds the error of an HTTP response whose status is not 2xx.
    static ApiError fromHttpResponse(int httpStatus, const QByteArray &body, const QByteArray &requestId);
    // `message` decides a 404: only a ModelArts code saying the resource does not exist makes it NotFound.
    static ErrorKind classify(int httpStatus, const QString &code, const QString &message = {});
    static ApiError make(ErrorKind kind, const QString &detail);

    Q_DECLARE_TR_FUNCTIONS(mim::ApiError)
};

// A stable English name of the kind for logs, e.g. "not-found".
QString errorKindName(ErrorKind kind);

} // namespace mim
