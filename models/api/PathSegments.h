#pragma once

#include <optional>
#include <QByteArray>
#include <QStringList>
#include <QStringView>

namespace mim {

// Paths of API calls are built from segments, never by gluing strings: each segment — a fixed name such as
// "images" or a value such as an image id that came from the server — is percent-encoded on its own, so a
// value can never add, remove or climb a path level ("group/…", "..", "%2F" all stay inside one segment).
// The signer canonicalises these same bytes and they go on the wire unchanged.
namespace PathSegments {

// "/a/b%2Fc/…" for {"a", "b/c", …}. Empty when a segment cannot be sent as one segment: an empty value, or
// "." or ".." (HTTP stacks and gateways resolve those before routing, even percent-encoded); `why` says
// which.
std::optional<QByteArray> encode(const QStringList &segments, QString *why = nullptr);

// A ModelArts resource id as the API documents it: a UUID (8-4-4-4-12 hexadecimal digits) or 32 hexadecimal
// digits. Anything else (a "/", "..", spaces, a name) is refused before a request is built from it.
bool isPlausibleId(QStringView id);

// A project id from a profile or from IAM: letters, digits, "-" and "_", 1 to 64 characters.
bool isPlausibleProjectId(QStringView id);

} // namespace PathSegments
} // namespace mim
