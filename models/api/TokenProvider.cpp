#include "models/api/TokenProvider.h"

#include "models/api/ApiClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace mim {

TokenProvider::TokenProvider(Clock clock, LoginStarter startLogin, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
    , m_startLogin(std::move(startLogin))
{}

TokenProvider::~TokenProvider() = default;

bool TokenProvider::hasFreshToken() const
{
    return m_token && m_clock().secsTo(m_token->expiresAt) > RenewalMarginSecs;
}

void TokenProvider::whenReady(QObject *context, ReadyCallback callback)
{
    if (hasFreshToken()) {
        callback(ApiError());
        return;
    }
    m_waiters.append(Waiter{context, std::move(callback)});
    if (!m_loginInFlight)
        startLogin();
}

void TokenProvider::invalidate(const QByteArray &rejectedToken)
{
    if (m_token && m_token->value == rejectedToken) {
        qCDebug(lcApi) << "IAM token rejected by the server; it will be renewed";
        m_token.reset();
    }
}

void TokenProvider::startLogin()
{
    m_loginInFlight = true;
    ++m_loginCount;
    m_token.reset();
    qCDebug(lcApi) << "IAM login" << m_loginCount;
    ApiCall *call = m_startLogin();
    connect(call, &ApiCall::finished, this, [this, call] { onLoginFinished(call); });
}

void TokenProvider::onLoginFinished(ApiCall *call)
{
    m_loginInFlight = false;
    ApiError error = call->error();
    if (!error.isError()) {
        QString why;
        m_token = parseLoginResponse(call->responseHeader("X-Subject-Token"), call->body(), m_clock(), &why);
        if (!m_token) {
            error = ApiError::make(ErrorKind::BadResponse, why);
            error.requestId = call->requestId();
        }
    }
    if (error.isError())
        qCDebug(lcApi) << "IAM login failed:" << errorKindName(error.kind) << error.code;

    // Callbacks may start new calls (and even a new login); hand them a stable list.
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.callback(error);
    }
}

QByteArray TokenProvider::loginRequestBody(const Credentials &credentials, const QString &regionId,
                                           const QString &projectId)
{
    const QJsonObject user{
        {u"name"_s, credentials.userName},
        {u"password"_s, credentials.password},
        {u"domain"_s, QJsonObject{{u"name"_s, credentials.domainName}}},
    };
    const QJsonObject identity{
        {u"methods"_s, QJsonArray{u"password"_s}},
        {u"password"_s, QJsonObject{{u"user"_s, user}}},
    };
    const QJsonObject project =
        projectId.isEmpty() ? QJsonObject{{u"name"_s, regionId}} : QJsonObject{{u"id"_s, projectId}};
    const QJsonObject auth{
        {u"identity"_s, identity},
        {u"scope"_s, QJsonObject{{u"project"_s, project}}},
    };
    return QJsonDocument(QJsonObject{{u"auth"_s, auth}}).toJson(QJsonDocument::Compact);
}

std::optional<IamToken> TokenProvider::parseLoginResponse(const QByteArray &subjectToken,
                                                          const QByteArray &body, const QDateTime &now,
                                                          QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<IamToken> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (subjectToken.trimmed().isEmpty())
        return fail(u"IAM answered without an X-Subject-Token header"_s);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return fail(u"IAM token response is not a JSON object: "_s + parseError.errorString());
    const QJsonObject token = document.object().value(u"token"_s).toObject();

    IamToken result;
    result.value = subjectToken.trimmed();
    result.projectId = token.value(u"project"_s).toObject().value(u"id"_s).toString();
    const QString expiresAt = token.value(u"expires_at"_s).toString();
    if (expiresAt.isEmpty()) {
        result.expiresAt = now.addSecs(AssumedLifetimeSecs);
    } else {
        result.expiresAt = QDateTime::fromString(expiresAt, Qt::ISODateWithMs);
        if (!result.expiresAt.isValid())
            return fail(u"IAM token response has an unreadable expires_at: "_s + expiresAt);
    }
    return result;
}

} // namespace mim
