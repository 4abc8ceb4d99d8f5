#pragma once

// What ImageTableModel keeps beside each image, and what prepare() hands to applyPrepared(): private to the
// model's source files.

#include "models/catalog/ImageTableModel.h"

#include <QHash>
#include <QList>

namespace mim {

struct detail::ImageRow
{
    quint64 digest = 0; // contentDigest() of the row's image
    ImageTableModel::RowActivity activity = ImageTableModel::RowActivity::None;
    quint8 searchHints = 0;
    bool cachedOnly = false; // shown from the listing cache, not yet confirmed by a live listing
};

struct detail::PreparedImageData
{
    QList<Image> images; // one per id
    QList<ImageRow> rows;
    QHash<QString, int> indexById;
    qint64 totalSizeKb = 0;
};

} // namespace mim

Q_DECLARE_TYPEINFO(mim::detail::ImageRow, Q_PRIMITIVE_TYPE);
