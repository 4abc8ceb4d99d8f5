#pragma once

#include <QString>

namespace mim {

// The application's colours: those of the desktop (System, the default), or Fusion with a light or a dark
// palette whatever the desktop uses.
enum class Theme
{
    System,
    Light,
    Dark,
};

// "system", "light", "dark": the values stored under SettingsKey::UiTheme.
QString themeName(Theme theme);
// Anything unknown follows the system.
Theme themeFromName(const QString &name);

// Applies `theme` to the running application at once. System gives back the style and palette the
// application started with.
void applyTheme(Theme theme);

} // namespace mim
