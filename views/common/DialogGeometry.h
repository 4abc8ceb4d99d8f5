#pragma once

#include "models/common/SettingsKeys.h"

#include <QRect>
#include <QSize>

class QSettings;
class QWidget;

namespace mim::DialogGeometry {

// The free area of the screen a dialog opens on: its parent's screen, else its own.
QRect availableArea(const QWidget *dialog);

// `wanted` (what the content asks for) within 90 % × 85 % of that area, so that a long list or a wide
// table never opens a dialog larger than the screen, and never below the dialog's minimum size.
QSize fitted(const QWidget *dialog, QSize wanted);

// Resizes an open dialog to fitted(wanted) and moves it up or left as far as its frame then needs to stay
// within the screen's free area (a dialog that grows once its content has loaded).
void grow(QWidget *dialog, QSize wanted);

// Resizes `dialog` to fitted(wanted), then to the geometry last kept under `key`, if any: a size the user
// chose wins over a computed one. Returns whether a kept geometry was restored.
bool open(QWidget *dialog, QSize wanted, QSettings *settings, SettingsKey key);
// Keeps the dialog's geometry under `key` (call when it hides). No settings: nothing is kept.
void keep(const QWidget *dialog, QSettings *settings, SettingsKey key);

} // namespace mim::DialogGeometry
