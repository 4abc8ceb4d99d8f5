#include "models/api/ApiClientInternal.h"
#include "models/api/BackgroundPool.h"
#include "models/api/LogRedaction.h"
#include "models/api/RetryDecision.h"
#include "models/api/TokenProvider.h"

#include <algorithm>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>

using namespace Qt::StringLiterals;

// How an attempt's answer becomes the call's result, another attempt or a failure.

namespace mim {

namespace {

// Bodies up to this size are checked on the GUI thread: parsing them takes well under a millisecond.
constexpr qsizetype InlineCheckLimit = 64 * 1024;

bool isJsonOrEmpty(const QByteArray &body, QString *why)
{
    if (body.trimmed().isEmpty())
        return true;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        *why = u"%1 at offset %2"_s.arg(error.errorString()).arg(error.offset);
        return false;
    }
    return true;
}

// Retry-After is either delay-seconds or an HTTP date.
int parseRetryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : int(qMin<qint64>(seconds, 24 * 3600) * 1000);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return int(std::clamp<qint64>(now.msecsTo(when), 0, 24 * 3600 * 1000));
}

QDateTime parseHttpDate(const QByteArray &value)
{
    const QString text = QString::fromLatin1(value.trimmed());
    QDateTime when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid()) {
        when = QLocale::c().toDateTime(text, u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
        when.setTimeSpec(Qt::UTC);
    }
    return when;
}

bool isTransportError(QNetworkReply::NetworkError error)
{
    // 1..199: connection, TLS and proxy problems; ProtocolFailure: a broken HTTP stream (bad chunking).
    return (error > QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied) ||
           error == QNetworkReply::ProtocolFailure;
}

// False only for failures that happen before a request can leave: no connection was ever made.
bool mayHaveReachedTheServer(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return false;
    default:
        return true;
    }
}

QString certificateErrorsText(const QList<QSslError> &errors)
{
    QStringList lines;
    for (const QSslError &error : errors)
        lines.append(error.errorString());
    lines.removeDuplicates();
    return lines.join(u"; "_s);
}

} // namespace

void ApiClient::onReplyFinished(ApiCall *call, RequestPtr request, qint64 startedAtMs,
                                std::shared_ptr<Attempt> sent)
{
    QNetworkReply *reply = sent->reply;
    if (sent->done || call->m_finished || !reply)
        return;
    sent->done = true;
    call->m_abortCurrent = nullptr;
    reply->deleteLater();

    const QNetworkReply::NetworkError networkError = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    call->m_httpStatus = status;
    if (sent->tooLarge) {
        // Not retried: the same request would bring the same body.
        call->m_body.clear();
        call->m_requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id")).trimmed();
        ApiError error =
            ApiError::make(ErrorKind::BadResponse, tr("The server's response is too large (over %1 MB).")
                                                       .arg(m_settings.maxResponseBytes / 1048576));
        error.httpStatus = status;
        error.requestId = call->m_requestId;
        call->m_answerLost = true;
        qCWarning(lcApi).noquote() << "response over" << m_settings.maxResponseBytes
                                   << "bytes refused:" << request->method
                                   << LogRedaction::redactSecrets(sent->logPath);
        return retryOrFail(call, request, startedAtMs, error);
    }
    if (sent->pastDeadline) {
        ApiError error =
            ApiError::make(ErrorKind::Timeout, tr("The server took longer than %1 seconds to answer.")
                                                   .arg(m_settings.requestDeadlineMs / 1000.0));
        error.httpStatus = status;
        error.requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id")).trimmed();
        call->m_answerLost = true;
        return retryOrFail(call, request, startedAtMs, error);
    }
    call->m_body = std::exchange(sent->body, {});
    if (reply->isOpen())
        call->m_body += reply->readAll();
    call->m_requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id")).trimmed();
    call->m_responseHeaders = reply->rawHeaderPairs();
    const qint64 tookMs = elapsedMs() - sent->sentAtMs;
    qCDebug(lcApi).noquote() << "<-" << request->method << LogRedaction::redactSecrets(sent->logPath)
                             << status << tookMs << "ms attempt" << call->m_attempts << "request id"
                             << call->m_requestId
                             << (networkError != QNetworkReply::NoError ? reply->errorString() : QString());

    const auto withRequestId = [call](ApiError error) {
        error.httpStatus = call->m_httpStatus;
        if (error.requestId.isEmpty())
            error.requestId = call->m_requestId;
        return error;
    };

    if (networkError == QNetworkReply::OperationCanceledError ||
        networkError == QNetworkReply::TimeoutError) {
        // We never abort a reply we still listen to, so this is the transfer timeout.
        call->m_answerLost = true;
        return retryOrFail(
            call, request, startedAtMs,
            withRequestId(ApiError::make(ErrorKind::Timeout,
                                         tr("No data for %1 ms.").arg(m_settings.transferTimeoutMs))));
    }
    if (networkError == QNetworkReply::SslHandshakeFailedError || !sent->sslErrors.isEmpty()) {
        call->m_peerChain = sent->peerChain;
        if (call->m_peerChain.isEmpty()) {
            for (const QSslError &error : std::as_const(sent->sslErrors)) {
                if (!error.certificate().isNull() && !call->m_peerChain.contains(error.certificate()))
                    call->m_peerChain.append(error.certificate());
            }
        }
        const QString detail =
            sent->sslErrors.isEmpty() ? reply->errorString() : certificateErrorsText(sent->sslErrors);
        return retryOrFail(call, request, startedAtMs, withRequestId(ApiError::make(ErrorKind::Tls, detail)));
    }
    if (isTransportError(networkError)) {
        call->m_answerLost = call->m_answerLost || mayHaveReachedTheServer(networkError);
        if (status > 0) {
            // The headers came, the body did not come whole.
            ApiError error = withRequestId(ApiError::make(
                ErrorKind::BadResponse, tr("The response was cut off: %1").arg(reply->errorString())));
            error.incompleteBody = true;
            return retryOrFail(call, request, startedAtMs, error);
        }
        return retryOrFail(call, request, startedAtMs,
                           withRequestId(ApiError::make(ErrorKind::Network, reply->errorString())));
    }
    if (status == 0) {
        call->m_answerLost = true;
        return retryOrFail(call, request, startedAtMs,
                           withRequestId(ApiError::make(ErrorKind::Network, reply->errorString())));
    }
    if (status >= 300 && status <= 399) {
        // Never followed: the signature and the token were made for this address only.
        ApiError error = ApiError::fromHttpResponse(status, call->m_body, reply->rawHeader("X-Request-Id"));
        const QByteArray location = reply->rawHeader("Location").left(512);
        error.detail = location.isEmpty()
                           ? tr("The server redirected the request; redirects are not followed.")
                           : tr("The server redirected the request to %1; redirects are not followed.")
                                 .arg(QString::fromLatin1(location));
        return retryOrFail(call, request, startedAtMs, error);
    }
    if (status >= 200 && status <= 299 && networkError != QNetworkReply::NoError) {
        // The headers were fine but the body was not: most often a Content-Encoding that could not be decoded
        // (or a decompression bomb that Qt stopped).
        call->m_answerLost = true;
        const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().left(64);
        const QString why = encoding.isEmpty()
                                ? tr("The response body could not be read: %1").arg(reply->errorString())
                                : tr("The response body (Content-Encoding: %1) could not be decoded: %2")
                                      .arg(QString::fromLatin1(encoding), reply->errorString());
        return retryOrFail(call, request, startedAtMs,
                           withRequestId(ApiError::make(ErrorKind::BadResponse, why)));
    }

    if (status >= 200 && status <= 299) {
        const QByteArray contentLength = reply->rawHeader("Content-Length");
        bool known = false;
        const qint64 expected = contentLength.trimmed().toLongLong(&known);
        if (known && reply->rawHeader("Content-Encoding").isEmpty() && call->m_body.size() < expected) {
            ApiError error = withRequestId(ApiError::make(
                ErrorKind::BadResponse,
                tr("The response was cut off after %1 of %2 bytes.").arg(call->m_body.size()).arg(expected)));
            error.incompleteBody = true;
            call->m_answerLost = true;
            return retryOrFail(call, request, startedAtMs, error);
        }
        return checkBodyThenFinish(call, request, startedAtMs, sent);
    }

    ApiError error = ApiError::fromHttpResponse(status, call->m_body, reply->rawHeader("X-Request-Id"));
    // A 500, or a gateway that lost its backend, says nothing about whether the backend carried it out.
    if (status == 500 || status == 502 || status == 504)
        call->m_answerLost = true;
    if (status == 401 && !sent->token.isEmpty() && !request->reloggedIn) {
        // The token died (expired early, password changed, sandbox reset): one new login, one repeat.
        request->reloggedIn = true;
        m_tokens->invalidate(sent->token);
        qCDebug(lcApi) << "401 with a token: logging in again, then repeating the call";
        return prepare(call, request, startedAtMs);
    }
    if (status == 401 && sent->signedAt.isValid()) {
        const QDateTime serverTime = parseHttpDate(reply->rawHeader("Date"));
        if (serverTime.isValid()) {
            const qint64 skewSecs = sent->signedAt.secsTo(serverTime);
            if (skewSecs > 5 * 60)
                error.detail =
                    tr("This computer's clock is %1 minutes behind the server's; AK/SK requests are only "
                       "accepted within 15 minutes of the server's time. Correct the system time.")
                        .arg(qRound(skewSecs / 60.0));
            else if (skewSecs < -5 * 60)
                error.detail =
                    tr("This computer's clock is %1 minutes ahead of the server's; AK/SK requests are "
                       "only accepted within 15 minutes of the server's time. Correct the system time.")
                        .arg(qRound(-skewSecs / 60.0));
        }
    }
    retryOrFail(call, request, startedAtMs, error,
                parseRetryAfterMs(reply->rawHeader("Retry-After"), m_clock()));
}

void ApiClient::checkBodyThenFinish(ApiCall *call, RequestPtr request, qint64 startedAtMs,
                                    std::shared_ptr<Attempt> sent)
{
    Q_UNUSED(sent);
    const auto conclude = [this, call, request, startedAtMs](bool ok, const QString &why) {
        if (call->m_finished)
            return;
        if (ok)
            return finishCall(call, ApiError());
        // A 2xx body that does not parse is most likely cut short by something on the way (a proxy, a reset
        // after a chunk): for an idempotent call it is worth another attempt, like a truncated body.
        ApiError error =
            ApiError::make(ErrorKind::BadResponse, tr("The response could not be read: %1").arg(why));
        error.httpStatus = call->m_httpStatus;
        error.requestId = call->m_requestId;
        error.incompleteBody = true;
        call->m_answerLost = true; // a 2xx: the server did what was asked, most likely
        retryOrFail(call, request, startedAtMs, error);
    };

    if (!request->bodyCheck && call->m_body.size() <= InlineCheckLimit) {
        QString why;
        const bool ok = isJsonOrEmpty(call->m_body, &why);
        return conclude(ok, why);
    }
    // Large bodies (a page of a big listing) are parsed on a worker thread so the GUI never stalls on them.
    using Verdict = std::pair<bool, QString>;
    auto *watcher = new QFutureWatcher<Verdict>(call);
    connect(watcher, &QFutureWatcher<Verdict>::finished, call, [watcher, conclude] {
        watcher->deleteLater();
        const Verdict verdict = watcher->result();
        conclude(verdict.first, verdict.second);
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [check = request->bodyCheck, body = call->m_body] {
        QString why;
        const bool ok = check ? check(body, &why) : isJsonOrEmpty(body, &why);
        return Verdict{ok, why};
    }));
}

void ApiClient::retryOrFail(ApiCall *call, RequestPtr request, qint64 startedAtMs, const ApiError &error,
                            int retryAfterMs)
{
    const RetryDecision decision =
        retryDecision(error, request->idempotent, call->m_attempts, elapsedMs() - startedAtMs, retryAfterMs,
                      m_random.generateDouble(), m_settings.retry);
    if (!decision.retry)
        return finishCall(call, error);
    if (error.kind == ErrorKind::Throttled || error.httpStatus == 503)
        Q_EMIT call->throttled(retryAfterMs);
    qCDebug(lcApi).noquote() << "retrying" << request->method << "after" << errorKindName(error.kind)
                             << error.httpStatus << "in" << decision.delayMs << "ms";
    QTimer::singleShot(decision.delayMs, call,
                       [this, call, request, startedAtMs] { prepare(call, request, startedAtMs); });
}

} // namespace mim
