#pragma once

// What the image API's reads and writes (ImageApi.cpp, ImageApiMutations.cpp) both check in a request.

#include "HttpExchange.h"

#include <optional>
#include <QJsonObject>
#include <QStringList>

namespace mim::sandbox::requests {

extern const QStringList ServiceTypes;
extern const QStringList ImageTypes;

// 400 ModelArts.0104, the answer to a parameter that breaks a rule.
SandboxResponse invalidParameter(const QString &name, const QString &rule);
// Parses "true"/"false" (any case). Absent = fallback; anything else = nullopt.
std::optional<bool> parseBool(const SandboxRequest &request, const QString &key, bool fallback);
bool isWorkspaceId(const QString &value);
// The JSON body of a request: empty = empty object; anything but an object = error.
std::optional<QJsonObject> bodyObject(const SandboxRequest &request, SandboxResponse *error);

} // namespace mim::sandbox::requests
