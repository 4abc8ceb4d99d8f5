#pragma once

#include "models/api/Image.h"
#include "models/api/SizeUnitInference.h"
#include "models/storage/StorageFacts.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

namespace mim {

// What deleting ModelArts images frees in SWR, for the delete confirmation and the clean-up assistant. Only
// a deletion "with SWR content" (force) of a private image removes its SWR tag; everything else frees
// nothing there. Each freed tag counts with its SWR size (bytes) when the SWR inventory is loaded and lists
// it; otherwise ModelArts' own `size` stands in, in the account's unit, and the sentence says so.
struct FreedStorage
{
    Q_DECLARE_TR_FUNCTIONS(mim::FreedStorage)
public:
    qint64 bytes = 0;          // the figure: SWR tag sizes where known, ModelArts' size for the others
    int tagCount = 0;          // SWR tags removed (images naming one tag count once)
    int fromSwrTags = 0;       // of those, measured by their SWR tag size
    int fromModelArtsSize = 0; // of those, by ModelArts' size: no SWR figure for them
    int keptInSwr = 0;         // images whose content stays in SWR (public, or deleted without it)
    bool force = false;
    bool inventoryLoaded = false;

    // `bytesByPath` is StorageFacts::bytesByPath() of a loaded inventory; nullptr when none is loaded.
    // `sizeUnit` (the account's ReportedSizeUnit) converts ModelArts' `size` where no tag size is known.
    static FreedStorage of(const QList<Image> &images, bool force, const QHash<QString, qint64> *bytesByPath,
                           const SizeUnit::Inference &sizeUnit);

    // One sentence in the user's language: how much is freed in SWR and where the figure comes from.
    QString sentence() const;
};

} // namespace mim
