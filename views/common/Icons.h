#pragma once

#include <QIcon>
#include <QString>

namespace mim {

// The app's monochrome SVG icons (resources/icons), drawn in the palette's text colour at paint time so
// they follow light and dark palettes, and greyed by the palette when disabled.
namespace icons {

// name is the file name without ".svg", e.g. "refresh".
QIcon themed(const QString &name);

} // namespace icons
} // namespace mim
