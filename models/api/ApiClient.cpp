#include "models/api/ApiClient.h"

#include "models/api/AkSkSigner.h"
#include "models/api/LogRedaction.h"
#include "models/api/PathSegments.h"
#include "models/api/RetryDecision.h"
#include "models/api/TokenProvider.h"

#include <algorithm>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>

using namespace Qt::StringLiterals;

// Debug lines (one per request and response) are off unless enabled, e.g.
// QT_LOGGING_RULES="mim.api.debug=true".
Q_LOGGING_CATEGORY(lcApi, "mim.api", QtInfoMsg)

namespace mim {

namespace {

constexpr QByteArrayView JsonContentType = "application/json";
constexpr QByteArrayView JsonBodyContentType = "application/json;charset=UTF-8";
// Bodies up to this size are checked on the GUI thread: parsing them takes well under a millisecond.
constexpr qsizetype InlineCheckLimit = 64 * 1024;

using QueryItems = QList<QPair<QString, QString>>;

QByteArray encodeQuery(const QueryItems &items)
{
    QByteArray query;
    for (const auto &[name, value] : items) {
        if (!query.isEmpty())
            query += '&';
        query += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return query;
}

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

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

// What one HTTP attempt sent and saw.
struct ApiClient::Attempt
{
    QPointer<QNetworkReply> reply;
    bool done = false;
    qint64 sentAtMs = 0;
    QByteArray token;   // the IAM token used, to invalidate exactly that one on a 401
    QDateTime signedAt; // the X-Sdk-Date, to tell the user how far off the clock is
    QString logPath;    // path and query, for log lines
    QList<QSslError> sslErrors;
    QList<QSslCertificate> peerChain;
    bool tooLarge = false;     // aborted because the body exceeded ConnectionSettings::maxResponseBytes
    bool pastDeadline = false; // aborted because it ran longer than ConnectionSettings::requestDeadlineMs
    QByteArray body;           // read as it arrives, so the cap holds at any rate
};

namespace {
// Qt reads at most this much ahead of the body read so far: with the body counted as it arrives, memory stays
// within maxResponseBytes plus this, however fast the server sends.
constexpr qint64 ReplyReadBufferBytes = 1024 * 1024;
} // namespace

// ---------------------------------------------------------------------------------------------------------------
// ListQuery

namespace {
QueryItems listQueryItems(const ListQuery &query)
{
    QueryItems items;
    const auto add = [&items](const char *name, const QString &value) {
        if (!value.isEmpty())
            items.append({QString::fromLatin1(name), value});
    };
    add("type", query.type);
    add("name", query.name);
    if (!query.name.isEmpty())
        add("name_fuzzy_match", query.nameFuzzyMatch ? u"true"_s : u"false"_s);
    add("namespace", query.nameSpace);
    add("service_type", query.serviceType);
    add("workspace_id", query.workspaceId);
    add("sort_key", query.sortKey);
    add("sort_dir", query.sortDir);
    return items;
}
} // namespace

QUrlQuery ListQuery::toUrlQuery() const
{
    // Encoded here so that '+', '&', '=' and '%' in a value survive QUrlQuery's own decoding.
    return QUrlQuery(QString::fromLatin1(encodeQuery(listQueryItems(*this))));
}

// ---------------------------------------------------------------------------------------------------------------
// ApiCall

ApiCall::ApiCall(QObject *parent)
    : QObject(parent)
{}

QByteArray ApiCall::responseHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : m_responseHeaders) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject ApiCall::json() const
{
    return QJsonDocument::fromJson(m_body).object();
}

std::optional<Image> ApiCall::image() const
{
    const QJsonObject object = json();
    if (object.isEmpty())
        return std::nullopt;
    return Image::fromJson(object);
}

std::optional<bool> ApiCall::imageIsGone() const
{
    if (m_error.kind == ErrorKind::NotFound)
        return true;
    if (!succeeded())
        return std::nullopt;
    const std::optional<Image> shown = image();
    if (!shown)
        return std::nullopt;
    return shown->status == "DELETED"_L1;
}

void ApiCall::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (auto abort = std::exchange(m_abortCurrent, nullptr))
        abort();
    finish(ApiError::make(ErrorKind::Cancelled, tr("Cancelled before it finished.")));
}

void ApiCall::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_abortCurrent = nullptr;
    Q_EMIT finished();
    deleteLater();
}

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

ApiClient::Request ApiClient::listRequest(const ListQuery &query, qint64 offset, int limit)
{
    Request request;
    request.method = "GET";
    request.segments = {u"images"_s};
    request.query = listQueryItems(query);
    request.query.append({u"limit"_s, QString::number(limit)});
    request.query.append({u"offset"_s, QString::number(offset)});
    request.contentType = JsonContentType.toByteArray();
    return request;
}

ApiCall *ApiClient::listImagesPage(const ListQuery &query, qint64 offset, int limit)
{
    return start(listRequest(query, offset, limit));
}

ApiCall *ApiClient::showImage(const QString &id)
{
    Request request;
    request.method = "GET";
    request.segments = {u"images"_s, id};
    request.idParameter = id;
    request.contentType = JsonContentType.toByteArray();
    return start(std::move(request));
}

ApiCall *ApiClient::deleteImage(const QString &id, bool force)
{
    // The published API reads the query parameter, the official SDKs send the body: send both, equal.
    Request request;
    request.method = "DELETE";
    request.segments = {u"images"_s, id};
    request.idParameter = id;
    request.query = {{u"force"_s, force ? u"true"_s : u"false"_s}};
    request.body = jsonBody(QJsonObject{{u"is_force"_s, force}});
    request.contentType = JsonBodyContentType.toByteArray();
    return start(std::move(request));
}

ApiCall *ApiClient::syncImage(const QString &id)
{
    Request request;
    request.method = "POST";
    request.segments = {u"images"_s, id, u"sync"_s};
    request.idParameter = id;
    request.contentType = JsonContentType.toByteArray();
    request.idempotent = false;
    return start(std::move(request));
}

ApiCall *ApiClient::registerImage(const QJsonObject &body)
{
    Request request;
    request.method = "POST";
    request.segments = {u"images"_s};
    request.body = jsonBody(body);
    request.contentType = JsonBodyContentType.toByteArray();
    request.idempotent = false;
    return start(std::move(request));
}

ApiCall *ApiClient::listImageGroups(const QUrlQuery &query)
{
    Request request;
    request.method = "GET";
    request.segments = {u"images"_s, u"group"_s};
    request.query = query.queryItems(QUrl::FullyDecoded);
    request.contentType = JsonContentType.toByteArray();
    return start(std::move(request));
}

ApiCall *ApiClient::deleteImageGroup(const QString &id, bool force)
{
    Request request;
    request.method = "DELETE";
    request.segments = {u"images"_s, u"group"_s, id};
    request.idParameter = id;
    request.body = jsonBody(QJsonObject{{u"is_force"_s, force}});
    request.contentType = JsonBodyContentType.toByteArray();
    return start(std::move(request));
}

ApiCall *ApiClient::updateImageGroup(const QString &id, const QJsonObject &body)
{
    Request request;
    request.method = "PUT";
    request.segments = {u"images"_s, u"group"_s, id};
    request.idParameter = id;
    request.body = jsonBody(body);
    request.contentType = JsonBodyContentType.toByteArray();
    // A PUT replaces the same state each time: safe to repeat.
    return start(std::move(request));
}

ApiCall *ApiClient::testConnection()
{
    // Every ModelArts call first resolves the project id, so one small page proves all three.
    ListQuery query;
    return listImagesPage(query, 0, 1);
}

ApiCall *ApiClient::startLogin()
{
    Request request;
    request.method = "POST";
    request.segments = {u"v3"_s, u"auth"_s, u"tokens"_s};
    request.query = {{u"nocatalog"_s, u"true"_s}};
    request.body =
        TokenProvider::loginRequestBody(m_settings.credentials, m_settings.regionId, m_settings.projectId);
    request.contentType = JsonBodyContentType.toByteArray();
    request.iam = true;
    request.anonymous = true;
    request.idempotent = true; // a second login only yields a second token
    return start(std::move(request));
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
    QNetworkAccessManager *manager = network();
    if (!manager)
        return finishCall(call, ApiError::make(ErrorKind::Network, tr("No network access is available.")));
    const QUrl base = baseUrl(*request);
    const QByteArray origin = base.toEncoded(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery |
                                             QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    QByteArray path = base.path(QUrl::FullyEncoded).toUtf8();
    while (path.endsWith('/'))
        path.chop(1);
    QStringList segments = request->segments;
    if (!request->iam) {
        if (!PathSegments::isPlausibleProjectId(m_settings.projectId))
            return finishCall(
                call,
                ApiError::make(
                    ErrorKind::InvalidRequest,
                    tr("The project ID “%1” is not valid; no request was sent.").arg(m_settings.projectId)));
        segments.prepend(m_settings.projectId);
        segments.prepend(request->apiVersion);
    }
    QString why;
    const std::optional<QByteArray> encodedPath = PathSegments::encode(segments, &why);
    if (!encodedPath)
        return finishCall(call, ApiError::make(ErrorKind::InvalidRequest, why));
    path += *encodedPath;
    ++call->m_attempts;
    auto sent = std::make_shared<Attempt>();
    const QByteArray query = encodeQuery(request->query);
    QByteArray pathAndQuery = query.isEmpty() ? path : path + '?' + query;
    sent->logPath = QString::fromUtf8(pathAndQuery);

    const Credentials &credentials = m_settings.credentials;
    HeaderList headers{{"Content-Type", request->contentType}};
    QByteArray authorization;
    if (request->anonymous) {
        // The login itself: nothing to authenticate with yet.
    } else if (credentials.method == AuthMethod::AkSk) {
        if (!request->iam)
            headers.append({"X-Project-Id", m_settings.projectId.toUtf8()});
        if (!credentials.securityToken.isEmpty())
            headers.append({"X-Security-Token", credentials.securityToken.toUtf8()});
        sent->signedAt = m_clock().toUTC();
        headers.append({"X-Sdk-Date", AkSkSigner::formatSdkDate(sent->signedAt)});
        const SignableRequest signable{request->method,
                                       QUrl::fromEncoded(origin + pathAndQuery, QUrl::StrictMode), headers,
                                       request->body};
        const SignedRequest signedRequest =
            AkSkSigner::sign(signable, credentials.accessKey.toUtf8(), credentials.secretKey.toUtf8());
        headers = signedRequest.headers;
        authorization = signedRequest.authorization;
        // The gateway recomputes the signature from what it receives: send exactly what was signed.
        pathAndQuery = signedRequest.wirePathAndQuery;
    } else {
        sent->token = m_tokens->token();
        headers.append({"X-Auth-Token", sent->token});
    }

    const QUrl url = QUrl::fromEncoded(origin + pathAndQuery, QUrl::StrictMode);
    QNetworkRequest networkRequest(url);
    bool hasHost = false;
    for (const auto &[name, value] : std::as_const(headers)) {
        networkRequest.setRawHeader(name, value);
        hasHost = hasHost || name.compare("host", Qt::CaseInsensitive) == 0;
    }
    if (!hasHost)
        networkRequest.setRawHeader("Host", origin.mid(origin.indexOf("://") + 3));
    if (!authorization.isEmpty())
        networkRequest.setRawHeader("Authorization", authorization);
    networkRequest.setRawHeader("Accept", "application/json");
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader,
                             QByteArray("ModelArtsImageManager/" MIM_VERSION));
    networkRequest.setTransferTimeout(m_settings.transferTimeoutMs);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    // HTTP/1.1 like the official SDKs, so the gateway sees the Host header and values exactly as signed.
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (url.scheme() == "https"_L1)
        networkRequest.setSslConfiguration(m_sslConfiguration);

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
    watcher->setFuture(QtConcurrent::run([check = request->bodyCheck, body = call->m_body] {
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
    qCDebug(lcApi).noquote() << "retrying" << request->method << "after" << errorKindName(error.kind)
                             << error.httpStatus << "in" << decision.delayMs << "ms";
    QTimer::singleShot(decision.delayMs, call,
                       [this, call, request, startedAtMs] { prepare(call, request, startedAtMs); });
}

} // namespace mim
