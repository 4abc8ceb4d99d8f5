#pragma once

#include "models/api/Image.h"
#include "models/api/Swr.h"
#include "models/catalog/UsageSummary.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// What is stored in SWR and which of it ModelArts knows about: every tag of every repository, matched
// against the registered images' swr_path, summed per organization. Plain values; build() is pure and
// thread-safe, so a large inventory is built off the GUI thread.
namespace mim {

struct StoredTag
{
    QString nameSpace, repository, tag; // repository may contain '/'
    qint64 sizeBytes = -1;              // -1 unknown
    QDateTime updated;                  // UTC
    QString path;                       // as SWR lists it: swr.<region>.../ns/repo:tag
    QStringList imageIds; // ModelArts images whose swr_path names this tag (registry host ignored)
    QStringList usedBy;   // "notebook llm-dev (Running)" … for those images (UsageSummary); empty: none
    bool usageUnknown = false; // usage of those images could not be checked

    bool isRegistered() const { return !imageIds.isEmpty(); }
    // Only unregistered tags may be deleted here: a registered one goes with its image (delete with force).
    bool mayBeDeleted() const { return !isRegistered(); }
    QString displayName() const; // "ns/repo:tag"
};

struct OrganizationStorage
{
    QString name;
    qint64 registeredBytes = 0, unregisteredBytes = 0; // sums of known tag sizes
    int repositoryCount = 0, tagCount = 0, unregisteredTagCount = 0, unknownSizeTags = 0;

    qint64 totalBytes() const { return registeredBytes + unregisteredBytes; }
};

struct StorageFacts
{
    QList<OrganizationStorage> organizations; // by totalBytes, largest first
    QList<SwrRepository> repositories;
    QList<StoredTag> tags;
    QList<QString> skippedEnterpriseImages; // ModelArts images with swr_instance_id: "not supported yet"

    qint64 registeredBytes() const;
    qint64 unregisteredBytes() const;
    // Bytes by normalised SWR path "ns/repo:tag" (registry host stripped), for the delete dialog's figures.
    QHash<QString, qint64> bytesByPath() const;

    static StorageFacts build(const QList<SwrNamespace> &namespaces, const QList<SwrRepository> &repositories,
                              const QList<SwrTag> &tags, const QList<Image> &images,
                              const UsageSummary &usage);
    static QString normalisedPath(const QString &swrPath); // "swr.x.com/ns/a/b:t" -> "ns/a/b:t"
};

} // namespace mim
