#include "RawApiClient.h"

#include "SandboxDefaults.h"

#include <algorithm>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTimer>
#include <utility>

using namespace Qt::StringLiterals;

namespace mim::test {

QJsonObject RawReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

bool RawReply::isJson() const
{
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError;
}

RawApiClient::RawApiClient(const QUrl &baseUrl)
    : m_baseUrl(baseUrl)
    , m_accessKey(QLatin1String(sandbox::DefaultAccessKey))
    , m_secretKey(QLatin1String(sandbox::DefaultSecretKey))
    , m_projectId(QLatin1String(sandbox::DefaultProjectId))
{}

void RawApiClient::setCredentials(const QString &accessKey, const QString &secretKey,
                                  const QString &projectId)
{
    m_accessKey = accessKey;
    m_secretKey = secretKey;
    m_projectId = projectId;
}

RawReply RawApiClient::api(const QByteArray &method, const QString &relative, const QByteArray &body,
                           const SigningTweaks &tweaks)
{
    return signedCall(method, u"/v1/"_s + m_projectId + u'/' + relative, body, tweaks);
}

QByteArray RawApiClient::signWithHeaders(const QByteArray &method, const QByteArray &encodedPath,
                                         const QByteArray &encodedQuery, const HeaderList &signedHeaders,
                                         const QByteArray &body, const QByteArray &sdkDate,
                                         const QByteArray &secretKey)
{
    QByteArray headerBlock;
    QList<QByteArray> names;
    for (const auto &[name, value] : signedHeaders) {
        headerBlock += name.toLower() + ':' + value.trimmed() + '\n';
        names.append(name.toLower());
    }
    const QByteArray canonical = method + '\n' + AkSkSigner::canonicalUri(encodedPath) + '\n' +
                                 AkSkSigner::canonicalQuery(encodedQuery) + '\n' + headerBlock + '\n' +
                                 names.join(';') + '\n' +
                                 QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    const QByteArray stringToSign = QByteArray(AkSkSigner::Algorithm) + '\n' + sdkDate + '\n' +
                                    QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex();
    return QMessageAuthenticationCode::hash(stringToSign, secretKey, QCryptographicHash::Sha256).toHex();
}

RawReply RawApiClient::signedCall(const QByteArray &method, const QString &pathAndQuery,
                                  const QByteArray &body, const SigningTweaks &tweaks)
{
    const QByteArray encodedPathAndQuery = pathAndQuery.toUtf8();
    const qsizetype question = encodedPathAndQuery.indexOf('?');
    const QByteArray encodedPath = question < 0 ? encodedPathAndQuery : encodedPathAndQuery.left(question);
    const QByteArray encodedQuery = question < 0 ? QByteArray() : encodedPathAndQuery.mid(question + 1);
    const QByteArray sdkDate = AkSkSigner::formatSdkDate(tweaks.date.value_or(m_clock()));
    const QByteArray accessKey = tweaks.accessKey.value_or(m_accessKey.toUtf8());
    const QByteArray secretKey = tweaks.secretKey.value_or(m_secretKey.toUtf8());

    HeaderList headers;
    headers.append({QByteArray("Content-Type"), body.isEmpty()
                                                    ? QByteArray("application/json")
                                                    : QByteArray("application/json;charset=UTF-8")});
    if (tweaks.projectHeader)
        headers.append({"X-Project-Id", m_projectId.toUtf8()});
    if (!tweaks.securityToken.isEmpty())
        headers.append({"X-Security-Token", tweaks.securityToken});
    if (tweaks.sendDate)
        headers.append({"X-Sdk-Date", sdkDate});

    QByteArray authorization;
    QByteArray wirePathAndQuery;
    if (tweaks.signHost && tweaks.signDate && tweaks.sendDate) {
        SignableRequest request;
        request.method = method;
        request.url = QUrl::fromEncoded(m_baseUrl.toEncoded() + encodedPathAndQuery);
        request.headers = headers;
        request.body = body;
        const SignedRequest signedRequest = AkSkSigner::sign(request, accessKey, secretKey);
        authorization = signedRequest.authorization;
        wirePathAndQuery = signedRequest.wirePathAndQuery;
    } else {
        HeaderList toSign;
        for (const auto &header : headers) {
            if (!tweaks.signDate && header.first == "X-Sdk-Date")
                continue;
            toSign.append({header.first.toLower(), header.second});
        }
        if (tweaks.signHost)
            toSign.append({"host", m_baseUrl.authority().toUtf8()});
        std::sort(toSign.begin(), toSign.end());
        QList<QByteArray> names;
        for (const auto &header : toSign)
            names.append(header.first);
        const QByteArray signature =
            signWithHeaders(method, encodedPath, encodedQuery, toSign, body, sdkDate, secretKey);
        authorization = QByteArray(AkSkSigner::Algorithm) + " Access=" + accessKey +
                        ", SignedHeaders=" + names.join(';') + ", Signature=" + signature;
        wirePathAndQuery = encodedPath;
        if (!encodedQuery.isEmpty())
            wirePathAndQuery += '?' + AkSkSigner::canonicalQuery(encodedQuery);
    }
    if (tweaks.corruptSignature) {
        const qsizetype last = authorization.size() - 1;
        authorization[last] = authorization[last] == '0' ? '1' : '0';
    }
    headers.append({"Authorization", authorization});
    return send(method, QUrl::fromEncoded(m_baseUrl.toEncoded() + wirePathAndQuery), headers, body);
}

RawReply RawApiClient::tokenCall(const QByteArray &method, const QString &pathAndQuery,
                                 const QByteArray &token, const QByteArray &body)
{
    HeaderList headers{{"Content-Type", "application/json"}, {"X-Auth-Token", token}};
    return send(method, QUrl::fromEncoded(m_baseUrl.toEncoded() + pathAndQuery.toUtf8()), headers, body);
}

RawReply RawApiClient::plainCall(const QByteArray &method, const QString &pathAndQuery,
                                 const QByteArray &body, const HeaderList &headers)
{
    HeaderList all = headers;
    if (!body.isEmpty())
        all.append({QByteArray("Content-Type"), QByteArray("application/json;charset=UTF-8")});
    return send(method, QUrl::fromEncoded(m_baseUrl.toEncoded() + pathAndQuery.toUtf8()), all, body);
}

QByteArray RawApiClient::login(const QString &user, const QString &password, const QString &domain,
                               const QString &project, RawReply *replyOut)
{
    const QJsonObject body{
        {u"auth"_s,
         QJsonObject{
             {u"identity"_s,
              QJsonObject{
                  {u"methods"_s, QJsonArray{u"password"_s}},
                  {u"password"_s,
                   QJsonObject{{u"user"_s, QJsonObject{{u"name"_s, user},
                                                       {u"password"_s, password},
                                                       {u"domain"_s, QJsonObject{{u"name"_s, domain}}}}}}}}},
             {u"scope"_s, QJsonObject{{u"project"_s, QJsonObject{{u"name"_s, project}}}}}}}};
    const RawReply reply = plainCall("POST", u"/v3/auth/tokens?nocatalog=true"_s,
                                     QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (replyOut)
        *replyOut = reply;
    return reply.status == 201 ? reply.header("X-Subject-Token") : QByteArray();
}

QNetworkReply *RawApiClient::start(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                                   const QByteArray &body)
{
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(m_timeoutMs);
    if (!m_caCertificates.isEmpty()) {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.addCaCertificates(m_caCertificates);
        request.setSslConfiguration(configuration);
    }
    return method == "GET" ? m_network.get(request) : m_network.sendCustomRequest(request, method, body);
}

RawReply RawApiClient::collect(QNetworkReply *reply, qint64 elapsedMs)
{
    RawReply result;
    result.finished = reply->isFinished();
    result.elapsedMs = elapsedMs;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    if (reply->isOpen())
        result.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    if (!result.finished)
        reply->abort();
    delete reply;
    return result;
}

RawReply RawApiClient::send(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                            const QByteArray &body)
{
    if (m_deferred) {
        m_started.append(start(method, url, headers, body));
        return RawReply();
    }
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = start(method, url, headers, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(m_timeoutMs + 5000);
    return collect(reply, timer.elapsed());
}

QList<RawReply> RawApiClient::apiConcurrently(const QByteArray &method, const QStringList &relatives)
{
    QElapsedTimer timer;
    timer.start();
    m_deferred = true;
    for (const QString &relative : relatives)
        api(method, relative);
    m_deferred = false;
    const QList<QNetworkReply *> replies = std::exchange(m_started, {});

    QEventLoop loop;
    int finished = 0;
    for (QNetworkReply *reply : replies) {
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
            if (++finished == replies.size())
                loop.quit();
        });
    }
    QTimer::singleShot(m_timeoutMs + 5000, &loop, &QEventLoop::quit);
    if (finished < replies.size())
        loop.exec();

    QList<RawReply> results;
    for (QNetworkReply *reply : replies)
        results.append(collect(reply, timer.elapsed()));
    return results;
}

} // namespace mim::test
