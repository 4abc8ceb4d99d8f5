#pragma once

#include "DeterministicRandom.h"
#include "ImageStore.h"

#include <QDateTime>
#include <QSet>
#include <QString>
#include <QStringList>

namespace mim::sandbox {

// A demo image whose status changes by itself after the configured delay.
struct SettlingImage
{
    QString id;
    QString finalStatus; // ACTIVE or CREATE_FAILED
    QString finalStatusMessage;
    qint64 finalSizeKb = 0;
};

// The demo set's workspaces besides the default "0" (WorkspaceApi names them).
inline constexpr char DemoWorkspaceId[] = "a3f9c2e14b7d4e8f9a0b1c2d3e4f5a6b";
inline constexpr char DemoStagingWorkspaceId[] = "b7e41d09c2a84f6e8d5b3a2c1f0e9d87";

// Makes realistic ModelArts images. The same seed and count always give the same images (byte for byte):
// dates count back from a base instant derived from the seed, not from "now". generateMore() continues the
// same sequence, so a data set grown through the admin endpoint stays reproducible too.
class DataSetGenerator
{
public:
    DataSetGenerator(quint32 seed, const QString &regionId);

    ImageRecord next();
    // A fresh image id from the same sequence.
    QString nextId() { return m_random.uuid().toString(QUuid::WithoutBraces); }

    // The instant the generated dates count back from (UTC ms).
    qint64 baseEpochMs() const { return m_baseEpochMs; }

    // About 60 hand-picked images dated relative to `now`, covering every status, in-use and built-in
    // images, both architectures, public ones, Chinese descriptions and several versions of one name.
    // Two of them are CREATING; `settling` receives how each will end.
    static QList<ImageRecord> demoSet(const QDateTime &now, const QString &regionId,
                                      QList<SettlingImage> *settling);

    static QString swrPath(const QString &regionId, const QString &nameSpace, const QString &name,
                           const QString &tag);

private:
    ImageRecord makeBuiltIn();
    ImageRecord makeDedicated();
    QString uniqueTag(const QString &groupKey, qint64 createAtMs);
    bool claimTag(const QString &groupKey, const QString &tag);
    void fillCommon(Image &image);

    DeterministicRandom m_random;
    QString m_regionId;
    qint64 m_baseEpochMs;
    QStringList m_namespaces;
    QStringList m_workspaces;
    // Hashes of namespace/name:tag given out so far: no duplicate tag within a group, at 8 bytes an image.
    QSet<quint64> m_usedNameTags;
};

} // namespace mim::sandbox
