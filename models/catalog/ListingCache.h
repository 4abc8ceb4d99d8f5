#pragma once

#include "models/api/Image.h"

#include <optional>
#include <QDateTime>
#include <QList>
#include <QString>

namespace mim {

// The last complete listing of each account on disk, so that the next start shows it at once (marked as not
// yet current) while the live listing loads. One file per account in the cache location, 0600, replaced
// atomically. It holds image metadata and the account's identity (name, endpoints, region, project), never a
// secret. A file that is damaged, of another format version, of another Image layout or of another account
// is ignored (and logged), never trusted.
namespace listingcache {

// What a cache file must name to be used for an account: none of it is secret.
struct Identity
{
    QString account; // the profile's name
    QString endpoint;
    QString region;
    QString projectId;
    friend bool operator==(const Identity &, const Identity &) = default;
};

struct Snapshot
{
    QDateTime asOf; // when the listing it holds was complete
    QList<Image> images;
};

// Bumped whenever the layout of the file changes; the Image fields are checked by name besides. Version 2
// stores each distinct text once (version 1: every field of every image as a QDataStream).
inline constexpr quint32 FormatVersion = 2;

// GenericCacheLocation/<application name>/listings (~/.cache/modelarts-image-manager/listings on Linux):
// CacheLocation would double the name, as the organization and the application share it.
QString defaultDirectory();
// The file of an account in `directory` (its name is a hash of the account's name).
QString fileFor(const QString &directory, const QString &account);

// Writes the snapshot with QSaveFile, 0600, creating the directory (0700). False with `error` on failure.
bool save(const QString &path, const Identity &identity, const Snapshot &snapshot, QString *error = nullptr);
// nullopt when there is no file or it cannot be trusted for `identity` (the reason is logged).
std::optional<Snapshot> load(const QString &path, const Identity &identity);
// Removes the account's file; true when there is none afterwards.
bool remove(const QString &directory, const QString &account);
// Removes every cache file in `directory`.
bool clear(const QString &directory);

} // namespace listingcache
} // namespace mim
