#include "models/storage/FreedStorage.h"

#include "models/common/Formatting.h"

#include <limits>
#include <optional>
#include <QLocale>
#include <QSet>

namespace mim {

namespace {

qint64 addSaturated(qint64 a, qint64 b)
{
    return a > std::numeric_limits<qint64>::max() - b ? std::numeric_limits<qint64>::max() : a + b;
}

} // namespace

FreedStorage FreedStorage::of(const QList<Image> &images, bool force,
                              const QHash<QString, qint64> *bytesByPath, const SizeUnit::Inference &sizeUnit)
{
    FreedStorage freed;
    freed.force = force;
    freed.inventoryLoaded = bytesByPath != nullptr;
    QSet<QString> counted;
    for (const Image &image : images) {
        // Public images keep their SWR content whatever is asked (DeleteImagesText::appliesTo()).
        if (!force || !image.isPrivate()) {
            ++freed.keptInSwr;
            continue;
        }
        const QString path = StorageFacts::normalisedPath(image.swrPath);
        const QString key = path.isEmpty() ? image.id : path;
        if (counted.contains(key))
            continue; // the tag is removed once, however many images name it
        counted.insert(key);
        ++freed.tagCount;
        // An image of an SWR Enterprise instance is not in the shared SWR's inventory.
        std::optional<qint64> tagBytes;
        if (bytesByPath && image.swrInstanceId.isEmpty() && !path.isEmpty()) {
            if (const auto it = bytesByPath->constFind(path); it != bytesByPath->cend())
                tagBytes = *it;
        }
        if (tagBytes) {
            ++freed.fromSwrTags;
            freed.bytes = addSaturated(freed.bytes, *tagBytes);
        } else {
            ++freed.fromModelArtsSize;
            freed.bytes = addSaturated(freed.bytes, qMax<qint64>(0, sizeUnit.toBytes(image.sizeKb)));
        }
    }
    return freed;
}

QString FreedStorage::sentence() const
{
    if (tagCount == 0) {
        if (!force)
            return tr(
                "Frees nothing in SWR: without “Also delete the image content from SWR” the content stays "
                "there.");
        return tr("Frees nothing in SWR: public images keep their SWR content.");
    }
    const QString size = Formatting::dataSize(bytes);
    if (!inventoryLoaded)
        return tr("Frees about %1 in SWR, by ModelArts' size (SWR storage is not loaded).").arg(size);
    if (fromModelArtsSize == 0)
        return tr("Frees %1 in SWR, from the SWR tag sizes.").arg(size);
    if (fromSwrTags == 0)
        return tr("Frees about %1 in SWR, by ModelArts' size: SWR lists none of these images' tags.")
            .arg(size);
    return tr("Frees about %1 in SWR: from the SWR tag sizes, and by ModelArts' size for %Ln image(s) whose "
              "SWR "
              "tag was not found.",
              nullptr, fromModelArtsSize)
        .arg(size);
}

} // namespace mim
