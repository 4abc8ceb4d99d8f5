#pragma once

#include "Localization.h"

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace mim::app {

// Loads Qt's own translation (qtbase) and the application's (":/i18n/modelarts-image-manager_<lang>.qm")
// for `language` (a locale name such as "zh_CN"; empty = the system's). A language without a catalogue stays
// English, with English plural forms. In a GUI application it also sets the application display name,
// translated. Returns the locale used.
QLocale installTranslators(QCoreApplication &app, const QString &language);

} // namespace mim::app
