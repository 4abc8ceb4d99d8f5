#include "IamApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace mim::sandbox {

namespace {

// IAM's own error shape: {"error": {"code": 401, "message": "...", "title": "Unauthorized"}}.
SandboxResponse iamError(int status, const QString &message)
{
    const QString title = QString::fromLatin1(reasonPhrase(status));
    return SandboxResponse::json(status, QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, status},
                                                                              {u"message"_s, message},
                                                                              {u"title"_s, title}}}});
}

QString isoTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
}

} // namespace

IamApi::IamApi(const SandboxOptions *options, TokenStore *tokens)
    : m_options(options)
    , m_tokens(tokens)
{}

SandboxResponse IamApi::issueToken(const SandboxRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonObject auth = document.object().value(u"auth"_s).toObject();
    const QJsonObject identity = auth.value(u"identity"_s).toObject();
    const QJsonArray methods = identity.value(u"methods"_s).toArray();
    const QJsonObject user = identity.value(u"password"_s).toObject().value(u"user"_s).toObject();
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || auth.isEmpty() ||
        !methods.contains(u"password"_s) || user.isEmpty()) {
        return iamError(400, u"The request body is invalid."_s);
    }

    const QString userName = user.value(u"name"_s).toString();
    const QString password = user.value(u"password"_s).toString();
    const QString domainName = user.value(u"domain"_s).toObject().value(u"name"_s).toString();
    if (userName != m_options->iamUser || password != m_options->iamPassword ||
        domainName != m_options->iamDomain)
        return iamError(401, u"The username or password is wrong."_s);

    const QJsonObject project = auth.value(u"scope"_s).toObject().value(u"project"_s).toObject();
    const QString projectName = project.value(u"name"_s).toString();
    const QString projectId = project.value(u"id"_s).toString();
    const bool knownProject = (!projectName.isEmpty() && projectName == m_options->regionId) ||
                              (!projectId.isEmpty() && projectId == m_options->projectId);
    if (!knownProject)
        return iamError(400, u"The project in the scope does not exist."_s);

    TokenStore::Token token;
    token.issuedAt = m_options->clock().toUTC();
    token.expiresAt = token.issuedAt.addSecs(m_options->tokenLifetimeSeconds);
    token.projectId = m_options->projectId;
    token.userName = userName;
    const QByteArray value = m_tokens->issue(token);

    const QJsonObject body{
        {u"token"_s,
         QJsonObject{
             {u"expires_at"_s, isoTimestamp(token.expiresAt)},
             {u"issued_at"_s, isoTimestamp(token.issuedAt)},
             {u"methods"_s, QJsonArray{u"password"_s}},
             {u"project"_s, QJsonObject{{u"id"_s, m_options->projectId},
                                        {u"name"_s, m_options->regionId},
                                        {u"domain"_s, QJsonObject{{u"id"_s, m_options->domainId},
                                                                  {u"name"_s, m_options->iamDomain}}}}},
             {u"user"_s, QJsonObject{{u"name"_s, userName},
                                     {u"id"_s, u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s},
                                     {u"domain"_s, QJsonObject{{u"id"_s, m_options->domainId},
                                                               {u"name"_s, m_options->iamDomain}}}}}}}};
    SandboxResponse response = SandboxResponse::json(201, body);
    response.headers.append({QByteArrayLiteral("X-Subject-Token"), value});
    return response;
}

SandboxResponse IamApi::listProjects(const SandboxRequest &request) const
{
    QJsonArray projects;
    const bool filtered = request.hasQueryItem(u"name"_s);
    if (!filtered || request.queryValue(u"name"_s) == m_options->regionId) {
        projects.append(QJsonObject{{u"id"_s, m_options->projectId},
                                    {u"name"_s, m_options->regionId},
                                    {u"enabled"_s, true},
                                    {u"domain_id"_s, m_options->domainId},
                                    {u"parent_id"_s, m_options->domainId},
                                    {u"is_domain"_s, false},
                                    {u"description"_s, QString()}});
    }
    return SandboxResponse::json(200, QJsonObject{{u"projects"_s, projects},
                                                  {u"links"_s, QJsonObject{{u"self"_s, u"/v3/projects"_s},
                                                                           {u"next"_s, QJsonValue()},
                                                                           {u"previous"_s, QJsonValue()}}}});
}

} // namespace mim::sandbox
