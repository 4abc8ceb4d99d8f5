#include "ImageApiRequests.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mim::sandbox::requests {

const QStringList ServiceTypes{u"COMMON"_s, u"INFERENCE"_s, u"TRAIN"_s, u"DEV"_s, u"UNKNOWN"_s};
const QStringList ImageTypes{u"BUILD_IN"_s, u"DEDICATED"_s};

SandboxResponse invalidParameter(const QString &name, const QString &rule)
{
    return SandboxResponse::error(400, u"ModelArts.0104"_s, u"Invalid parameter %1: %2"_s.arg(name, rule));
}

std::optional<bool> parseBool(const SandboxRequest &request, const QString &key, bool fallback)
{
    if (!request.hasQueryItem(key))
        return fallback;
    const QString value = request.queryValue(key).toLower();
    if (value == u"true")
        return true;
    if (value == u"false")
        return false;
    return std::nullopt;
}

bool isWorkspaceId(const QString &value)
{
    static const QRegularExpression pattern(u"^(0|[0-9a-z]{32})$"_s);
    return pattern.match(value).hasMatch();
}

std::optional<QJsonObject> bodyObject(const SandboxRequest &request, SandboxResponse *error)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = SandboxResponse::error(400, u"ModelArts.6400"_s,
                                        u"Invalid request payload: the body is not a JSON object."_s);
        return std::nullopt;
    }
    return document.object();
}

} // namespace mim::sandbox::requests
