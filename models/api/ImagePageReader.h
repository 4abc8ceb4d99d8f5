#pragma once

#include "models/api/Image.h"

#include <optional>
#include <QByteArrayView>

namespace mim::detail {

// Reads a ListImage page straight from its UTF-8 bytes into Images, in one pass and without a QJsonDocument
// in between: three to four times faster, which is most of the time it takes to list 100,000 images.
//
// It handles well-formed pages only and never decides anything on its own: whenever a body holds something
// that ImagePage::fromJsonDocument() would treat in a way this reader does not copy exactly (a syntax error,
// a field of an unexpected type, a record it would skip, a number that is not a plain integer, a duplicate
// key, a byte-order mark, ...), it returns nullopt and the caller reads the body with fromJsonDocument().
// For every body it does read, the page equals what fromJsonDocument() returns.
std::optional<ImagePage> readImagePage(QByteArrayView body);

} // namespace mim::detail
