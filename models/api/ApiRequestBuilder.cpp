// How each ApiClient call and each attempt's HTTP request are built: segments, query, body, then the address,
// headers and signature (or token) that go on the wire.

#include "models/api/AkSkSigner.h"
#include "models/api/ApiClientInternal.h"
#include "models/api/PathSegments.h"
#include "models/api/TokenProvider.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace mim {

using namespace apirequest;

namespace apirequest {

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

} // namespace apirequest

QUrlQuery ListQuery::toUrlQuery() const
{
    // Encoded here so that '+', '&', '=' and '%' in a value survive QUrlQuery's own decoding.
    return QUrlQuery(QString::fromLatin1(encodeQuery(listQueryItems(*this))));
}

// ---------------------------------------------------------------------------------------------------------------
// What each call sends

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

ApiCall *ApiClient::listWorkspacesPage(qint64 pageIndex, int limit)
{
    Request request;
    request.method = "GET";
    request.segments = {u"workspaces"_s};
    request.query = {{u"offset"_s, QString::number(pageIndex)}, {u"limit"_s, QString::number(limit)}};
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

// ---------------------------------------------------------------------------------------------------------------
// One attempt's HTTP request: address, headers, signature or token

std::optional<QNetworkRequest> ApiClient::buildRequest(const Request &request, Attempt &sent,
                                                       ApiError *refusal) const
{
    const QUrl base = baseUrl(request);
    const QByteArray origin = base.toEncoded(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery |
                                             QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    QByteArray path = base.path(QUrl::FullyEncoded).toUtf8();
    while (path.endsWith('/'))
        path.chop(1);
    QStringList segments = request.segments;
    if (!request.iam) {
        // SWR takes the project from the X-Project-Id header alone, but it must be as well-formed there.
        if (!PathSegments::isPlausibleProjectId(m_settings.projectId)) {
            *refusal = ApiError::make(
                ErrorKind::InvalidRequest,
                tr("The project ID “%1” is not valid; no request was sent.").arg(m_settings.projectId));
            return std::nullopt;
        }
        if (!request.swr) {
            segments.prepend(m_settings.projectId);
            segments.prepend(request.apiVersion);
        }
    }
    QString why;
    const std::optional<QByteArray> encodedPath = PathSegments::encode(segments, &why);
    if (!encodedPath) {
        *refusal = ApiError::make(ErrorKind::InvalidRequest, why);
        return std::nullopt;
    }
    path += *encodedPath;
    const QByteArray query = encodeQuery(request.query);
    QByteArray pathAndQuery = query.isEmpty() ? path : path + '?' + query;
    sent.logPath = QString::fromUtf8(pathAndQuery);

    const Credentials &credentials = m_settings.credentials;
    HeaderList headers{{"Content-Type", request.contentType}};
    QByteArray authorization;
    if (request.anonymous) {
        // The login itself: nothing to authenticate with yet.
    } else if (credentials.method == AuthMethod::AkSk) {
        if (!request.iam)
            headers.append({"X-Project-Id", m_settings.projectId.toUtf8()});
        if (!credentials.securityToken.isEmpty())
            headers.append({"X-Security-Token", credentials.securityToken.toUtf8()});
        sent.signedAt = m_clock().toUTC();
        headers.append({"X-Sdk-Date", AkSkSigner::formatSdkDate(sent.signedAt)});
        const SignableRequest signable{request.method,
                                       QUrl::fromEncoded(origin + pathAndQuery, QUrl::StrictMode), headers,
                                       request.body};
        const SignedRequest signedRequest =
            AkSkSigner::sign(signable, credentials.accessKey.toUtf8(), credentials.secretKey.toUtf8());
        headers = signedRequest.headers;
        authorization = signedRequest.authorization;
        // The gateway recomputes the signature from what it receives: send exactly what was signed.
        pathAndQuery = signedRequest.wirePathAndQuery;
    } else {
        sent.token = m_tokens->token();
        headers.append({"X-Auth-Token", sent.token});
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
    return networkRequest;
}

} // namespace mim
