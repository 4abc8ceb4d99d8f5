#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace mim::app {

// Settings key of the user's language choice; "" follows the system.
inline constexpr char LanguageSettingsKey[] = "ui/language";

// Loads Qt's own translation (qtbase) and the application's (":/i18n/modelarts-image-manager_<lang>.qm")
// for `language` (a locale name such as "zh_CN"; empty = the system's). Missing files are fine: the text
// then stays English. Returns the locale used.
QLocale installTranslators(QCoreApplication &app, const QString &language);

} // namespace mim::app
