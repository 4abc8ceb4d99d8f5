#include "models/api/ApiClient.h"

#include "models/api/ApiClientInternal.h"
#include "models/api/LogRedaction.h"
#include "models/api/PathSegments.h"
#include "models/api/TokenProvider.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>

using namespace Qt::StringLiterals;

// Debug lines (one per request and response) are off unless enabled, e.g.
// QT_LOGGING_RULES="mim.api.debug=true".
Q_LOGGING_CATEGORY(lcApi, "mim.api", QtInfoMsg)

namespace mim {

using namespace apirequest;

// ---------------------------------------------------------------------------------------------------------------
// ApiClient

ApiClient::ApiClient(QNetworkAccessManager *network, const ConnectionSettings &settings, Clock clock,
                     QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_settings(settings)
    , m_clock(std::move(clock))
    , m_random(QRandomGenerator::global()->generate())
{
    m_monotonic.start();
    m_tokens = std::make_unique<TokenProvider>(m_clock, [this] { return startLogin(); });

    m_sslConfiguration = QSslConfiguration::defaultConfiguration();
    m_sslConfiguration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_settings.caCertificatesFile.isEmpty()) {
        QFile file(m_settings.caCertificatesFile);
        QList<QSslCertificate> extra;
        if (file.open(QIODevice::ReadOnly))
            extra = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (extra.isEmpty()) {
            m_sslConfigurationError =
                tr("The trusted CA file “%1” could not be read or holds no PEM certificate.")
                    .arg(file.fileName());
        } else {
            // Setting a CA list turns off Qt's on-demand loading of the system store: add the system CAs too.
            QList<QSslCertificate> cas = QSslConfiguration::systemCaCertificates();
            cas += extra;
            m_sslConfiguration.setCaCertificates(cas);
            m_ownNetwork = new QNetworkAccessManager(this);
            if (m_network)
                m_ownNetwork->setProxy(m_network->proxy());
        }
    }
}

QNetworkAccessManager *ApiClient::network() const
{
    return m_ownNetwork ? m_ownNetwork : m_network.data();
}

ApiClient::~ApiClient()
{
    m_shuttingDown = true;
    // Whoever waits for these must hear the end of them; listings first, since they own page calls.
    const QList<QPointer<ImageListing>> listings = [this] {
        QList<QPointer<ImageListing>> list;
        for (ImageListing *listing : findChildren<ImageListing *>(Qt::FindDirectChildrenOnly))
            list.append(listing);
        return list;
    }();
    for (const QPointer<ImageListing> &listing : listings) {
        if (listing)
            listing->cancel();
    }
    const QList<QPointer<ApiCall>> calls = [this] {
        QList<QPointer<ApiCall>> list;
        for (ApiCall *call : findChildren<ApiCall *>(Qt::FindDirectChildrenOnly))
            list.append(call);
        return list;
    }();
    for (const QPointer<ApiCall> &call : calls) {
        if (call)
            call->cancel();
    }
}

qint64 ApiClient::elapsedMs() const
{
    return m_monotonic.elapsed();
}

ApiCall *ApiClient::start(Request request)
{
    if (m_shuttingDown) {
        auto *call = new ApiCall(nullptr);
        QMetaObject::invokeMethod(
            call,
            [call] { call->finish(ApiError::make(ErrorKind::Cancelled, tr("The client is closing."))); },
            Qt::QueuedConnection);
        return call;
    }
    auto *call = new ApiCall(this);
    if (const ApiError refusal = refusePath(request); refusal.isError()) {
        // Nothing is sent: a value that could change which resource the request addresses is never used.
        QMetaObject::invokeMethod(
            call, [this, call, refusal] { finishCall(call, refusal); }, Qt::QueuedConnection);
        return call;
    }
    auto shared = std::make_shared<Request>(std::move(request));
    const qint64 startedAt = elapsedMs();
    // Queued, so that the caller can connect to finished() even when the call fails at once.
    QMetaObject::invokeMethod(
        call, [this, call, shared, startedAt] { prepare(call, shared, startedAt); }, Qt::QueuedConnection);
    return call;
}

ApiError ApiClient::refusePath(const Request &request)
{
    if (request.refusal.isError())
        return request.refusal;
    if (!request.idParameter.isNull() && !PathSegments::isPlausibleId(request.idParameter)) {
        qCWarning(lcApi).noquote() << "refused" << request.method << "with an implausible id of"
                                   << request.idParameter.size() << "characters";
        return ApiError::make(ErrorKind::InvalidRequest,
                              tr("“%1” is not a valid ModelArts id (a UUID or 32 hexadecimal digits), so no "
                                 "request was sent for it.")
                                  .arg(request.idParameter));
    }
    QString why;
    if (!PathSegments::encode(request.segments, &why))
        return ApiError::make(ErrorKind::InvalidRequest, why);
    return {};
}

QUrl ApiClient::baseUrl(const Request &request) const
{
    if (request.swr)
        return m_settings.swrEndpoint;
    return request.iam ? m_settings.iamEndpoint : m_settings.modelArtsEndpoint;
}

void ApiClient::finishCall(ApiCall *call, const ApiError &error)
{
    if (call->m_finished)
        return;
    if (error.isError())
        qCDebug(lcApi).noquote() << "call failed after" << call->m_attempts
                                 << "attempt(s):" << errorKindName(error.kind) << error.code << "request id"
                                 << error.requestId;
    call->finish(error);
}

void ApiClient::prepare(ApiCall *call, RequestPtr request, qint64 startedAtMs)
{
    if (call->m_finished)
        return;
    if (!network())
        return finishCall(call, ApiError::make(ErrorKind::Network, tr("No network access is available.")));
    if (request->swr && m_settings.swrEndpoint.isEmpty())
        return finishCall(call,
                          ApiError::make(ErrorKind::InvalidRequest,
                                         tr("No SWR endpoint is known for the region “%1”: enter one in "
                                            "the account settings. No request was sent.")
                                             .arg(m_settings.regionId)));
    QString whyNot;
    if (!isAcceptableEndpoint(baseUrl(*request), &whyNot))
        return finishCall(
            call, ApiError::make(ErrorKind::Network,
                                 tr("Refused to contact %1: %2")
                                     .arg(baseUrl(*request).toDisplayString(QUrl::RemoveUserInfo), whyNot)));
    if (!m_sslConfigurationError.isEmpty() && baseUrl(*request).scheme() == "https"_L1)
        return finishCall(call, ApiError::make(ErrorKind::Tls, m_sslConfigurationError));
    if (request->anonymous)
        return attempt(call, request, startedAtMs);
    if (!m_settings.credentials.isComplete())
        return finishCall(
            call, ApiError::make(ErrorKind::Authentication, tr("The account's credentials are incomplete.")));

    auto send = [this, call, request, startedAtMs](const ApiError &error) {
        if (call->m_finished)
            return;
        if (error.isError())
            return finishCall(call, error);
        attempt(call, request, startedAtMs);
    };
    if (m_settings.credentials.method == AuthMethod::Password) {
        m_tokens->whenReady(call, [this, call, request, send](const ApiError &error) {
            if (call->m_finished)
                return;
            if (!error.isError() && !request->iam && m_settings.projectId.isEmpty())
                return send(adoptProjectId(m_tokens->tokenProjectId()));
            send(error);
        });
    } else if (!request->iam) {
        whenProjectKnown(call, send);
    } else {
        attempt(call, request, startedAtMs);
    }
}

void ApiClient::whenProjectKnown(ApiCall *call, std::function<void(const ApiError &)> then)
{
    if (!m_settings.projectId.isEmpty())
        return then(ApiError());
    m_projectWaiters.append(ProjectWaiter{call, std::move(then)});
    if (!m_discoveryInFlight)
        discoverProject();
}

void ApiClient::discoverProject()
{
    m_discoveryInFlight = true;
    Request request;
    request.method = "GET";
    request.segments = {u"v3"_s, u"projects"_s};
    request.query = {{u"name"_s, m_settings.regionId}};
    request.contentType = JsonContentType.toByteArray();
    request.iam = true;
    qCDebug(lcApi) << "looking up the project id of region" << m_settings.regionId;
    ApiCall *discovery = start(std::move(request));
    connect(discovery, &ApiCall::finished, this, [this, discovery] { onProjectDiscovered(discovery); });
}

void ApiClient::onProjectDiscovered(ApiCall *discovery)
{
    m_discoveryInFlight = false;
    ApiError error = discovery->error();
    if (!error.isError()) {
        QStringList ids;
        const QJsonArray projects = discovery->json().value(u"projects"_s).toArray();
        for (const QJsonValue &value : projects) {
            const QJsonObject project = value.toObject();
            const QString name = project.value(u"name"_s).toString();
            const QString id = project.value(u"id"_s).toString();
            if (!id.isEmpty() && (name.isEmpty() || name == m_settings.regionId))
                ids.append(id);
        }
        if (ids.isEmpty())
            error = ApiError::make(
                ErrorKind::InvalidRequest,
                tr("IAM knows no project named “%1”. Check the region, or enter the project ID "
                   "in the account settings.")
                    .arg(m_settings.regionId));
        else if (ids.size() > 1)
            error =
                ApiError::make(ErrorKind::InvalidRequest,
                               tr("IAM returned %1 projects named “%2”; enter the project ID in the account "
                                  "settings.")
                                   .arg(ids.size())
                                   .arg(m_settings.regionId));
        else
            error = adoptProjectId(ids.constFirst());
        error.requestId = discovery->requestId();
    }
    const QList<ProjectWaiter> waiters = std::exchange(m_projectWaiters, {});
    for (const ProjectWaiter &waiter : waiters) {
        if (waiter.call && !waiter.call->m_finished)
            waiter.then(error);
    }
}

ApiError ApiClient::adoptProjectId(const QString &projectId)
{
    if (!m_settings.projectId.isEmpty())
        return {};
    if (projectId.isEmpty())
        return ApiError::make(
            ErrorKind::InvalidRequest,
            tr("IAM did not say which project belongs to region “%1”; enter the project ID in "
               "the account settings.")
                .arg(m_settings.regionId));
    if (!PathSegments::isPlausibleProjectId(projectId))
        return ApiError::make(
            ErrorKind::BadResponse,
            tr("IAM answered with a project ID that is not valid (“%1”); enter the project ID "
               "in the account settings.")
                .arg(projectId.left(80)));
    m_settings.projectId = projectId;
    qCDebug(lcApi) << "project id resolved for region" << m_settings.regionId;
    Q_EMIT projectIdResolved(projectId);
    return {};
}

void ApiClient::attempt(ApiCall *call, RequestPtr request, qint64 startedAtMs)
{
    if (call->m_finished)
        return;
    if (!network())
        return finishCall(call, ApiError::make(ErrorKind::Network, tr("No network access is available.")));
    auto sent = std::make_shared<Attempt>();
    ApiError refusal;
    const std::optional<QNetworkRequest> networkRequest = buildRequest(*request, *sent, &refusal);
    if (!networkRequest)
        return finishCall(call, refusal);
    ++call->m_attempts;
    send(call, request, startedAtMs, *networkRequest, sent);
}

void ApiClient::send(ApiCall *call, RequestPtr request, qint64 startedAtMs,
                     const QNetworkRequest &networkRequest, std::shared_ptr<Attempt> sent)
{
    QNetworkAccessManager *manager = network();
    if (lcApi().isDebugEnabled()) {
        QStringList shown;
        for (const QByteArray &name : networkRequest.rawHeaderList())
            shown.append(
                QString::fromLatin1(name) + u": "_s +
                QString::fromLatin1(LogRedaction::redactHeader(name, networkRequest.rawHeader(name))));
        qCDebug(lcApi).noquote() << "->" << request->method << LogRedaction::redactSecrets(sent->logPath)
                                 << "attempt" << call->m_attempts << '[' << shown.join(u", "_s) << ']';
    }

    QNetworkReply *reply = nullptr;
    if (request->method == "GET")
        reply = manager->get(networkRequest);
    else if (request->method == "POST")
        reply = manager->post(networkRequest, request->body);
    else if (request->method == "PUT")
        reply = manager->put(networkRequest, request->body);
    else
        reply = manager->sendCustomRequest(networkRequest, request->method, request->body);
    sent->reply = reply;
    sent->sentAtMs = elapsedMs();

    connect(reply, &QNetworkReply::sslErrors, call, [sent, reply](const QList<QSslError> &errors) {
        // Never ignored: the handshake fails and the user sees these with the chain.
        sent->sslErrors += errors;
        sent->peerChain = reply->sslConfiguration().peerCertificateChain();
    });
    // Refuse an oversized body as early as its size shows. The body is taken from the reply as it arrives and
    // Qt may read only a bounded amount ahead of it, so a fast endless body cannot outrun the check.
    reply->setReadBufferSize(ReplyReadBufferBytes);
    const qint64 maxBytes = m_settings.maxResponseBytes;
    const auto refuseIfTooLarge = [sent, reply, maxBytes](qint64 size) {
        if (maxBytes <= 0 || size <= maxBytes || sent->tooLarge)
            return;
        sent->tooLarge = true;
        sent->body.clear();
        sent->body.squeeze();
        reply->abort(); // finished() follows, and onReplyFinished() reports it
    };
    connect(reply, &QNetworkReply::metaDataChanged, call, [reply, refuseIfTooLarge] {
        bool known = false;
        const qint64 announced = reply->rawHeader("Content-Length").trimmed().toLongLong(&known);
        if (known)
            refuseIfTooLarge(announced);
    });
    connect(reply, &QNetworkReply::readyRead, call, [sent, reply, refuseIfTooLarge] {
        if (sent->tooLarge)
            return;
        sent->body += reply->readAll();
        refuseIfTooLarge(sent->body.size());
    });
    if (m_settings.requestDeadlineMs > 0) {
        auto *deadline = new QTimer(reply);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, call, [sent, reply] {
            sent->pastDeadline = true;
            reply->abort();
        });
        deadline->start(m_settings.requestDeadlineMs);
    }
    connect(reply, &QNetworkReply::finished, call,
            [this, call, request, startedAtMs, sent] { onReplyFinished(call, request, startedAtMs, sent); });
    connect(reply, &QObject::destroyed, call, [this, call, sent] {
        // The network access manager went away with the reply still running: the request was sent, its answer
        // will never come. Like a cancel, not like a failure, so a DELETE is reported as of unknown outcome.
        if (!sent->done && !call->m_finished)
            finishCall(call,
                       ApiError::make(ErrorKind::Cancelled,
                                      tr("The network connection was shut down before the answer came.")));
    });
    call->m_abortCurrent = [call, sent] {
        sent->done = true;
        if (QNetworkReply *running = sent->reply) {
            QObject::disconnect(running, nullptr, call, nullptr);
            running->abort();
            running->deleteLater();
        }
    };
}
} // namespace mim
