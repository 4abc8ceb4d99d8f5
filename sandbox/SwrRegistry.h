#pragma once

#include "ImageStore.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <vector>

namespace mim::sandbox {

// One tag of the shared SWR as the sandbox lists it.
struct SwrTag
{
    QString nameSpace;
    QString repository; // may contain '/'
    QString tag;
    qint64 bytes = 0;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    QList<int> imageIndexes; // the live ModelArts images whose swr_path it is; empty = registered nowhere

    bool isRegistered() const { return !imageIndexes.isEmpty(); }
    QString key() const { return nameSpace + u'/' + repository + u':' + tag; }
};

struct SwrRepository
{
    QString nameSpace;
    QString name;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    qint64 bytes = 0;
    bool isPublic = false;
    QList<int> tagIndexes; // into SwrSnapshot::tags, newest first
};

// The SWR content at one moment, derived from the images and the tags pushed without ModelArts.
struct SwrSnapshot
{
    std::vector<SwrTag> tags;
    std::vector<SwrRepository> repositories; // by namespace, then name
    QStringList namespaces;                  // sorted
    QHash<QString, int> repositoryIndex;     // "namespace/name" -> index

    const SwrRepository *repository(const QString &nameSpace, const QString &name) const;
    qint64 bytes() const;
    int unregisteredCount() const;
};

// The shared SWR behind the ModelArts images. Nothing is stored per image: every DEDICATED image whose
// swr_path is in the region's SWR is a tag (bytes = ModelArts size × 1024) until the image is deleted with
// its SWR content or the tag is deleted through SWR; the tags pushed without ModelArts (about 15 % of all
// tags, from the seed, or a fixed handful in the demo set) are made on first use, so a data set of 100,000
// images starts as fast as before. A repository, once it existed, stays listed when its last tag goes, as SWR
// keeps it.
class SwrRegistry
{
public:
    // A generated data set: the unregistered tags follow from the seed and the first `imageCount` images.
    void resetGenerated(quint32 seed, qint64 baseEpochMs, int imageCount);
    // The demo set: a fixed handful of unregistered tags dated relative to `now`.
    void resetDemo(const QDateTime &now);

    // Tags pushed without ModelArts, as a test needs them (a tag that exists is replaced). Returns how many.
    int addPushedTag(const QString &nameSpace, const QString &repository, const QString &tag, qint64 bytes,
                     qint64 createdMs);
    // `count` unregistered tags spread over `repositories` repositories of `nameSpace` (repo-0001 ...), sizes
    // and dates from `seed`: a large registry for responsiveness tests.
    int addPushedTags(const QString &nameSpace, int count, int repositories, quint32 seed, qint64 nowMs);

    // Cached until the images or the deleted tags change.
    const SwrSnapshot &snapshot(const ImageStore &store);

    // False when the tag does not exist (any more).
    bool deleteTag(const ImageStore &store, const QString &nameSpace, const QString &repository,
                   const QString &tag);

private:
    struct PushedTag
    {
        QString nameSpace;
        QString repository;
        QString tag;
        qint64 bytes = 0;
        qint64 createdMs = 0;
    };

    void ensurePushedTags(const ImageStore &store);
    void rebuild(const ImageStore &store);

    bool m_demo = false;
    quint32 m_seed = 0;
    qint64 m_baseEpochMs = 0;
    int m_generatedImageCount = 0;
    bool m_pushedTagsMade = false;
    std::vector<PushedTag> m_pushedTags;
    QSet<QString> m_deletedTags; // "namespace/repository:tag"
    quint64 m_changes = 0;

    SwrSnapshot m_snapshot;
    quint64 m_snapshotStoreVersion = ~quint64(0);
    quint64 m_snapshotChanges = ~quint64(0);
};

} // namespace mim::sandbox
