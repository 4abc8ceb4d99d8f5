#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace mim {

// The languages the application ships a catalogue for, as locale names, "en" first.
QStringList shippedUiLanguages();

// The locale a "ui/language" value stands for: the system's when it is empty.
QLocale uiLocaleFor(const QString &language);

// Installs Qt's own translation (qtbase, from QLibraryInfo::TranslationsPath) and the application's
// catalogue (":/i18n/modelarts-image-manager_<lang>.qm") for `locale` on `app`, replacing whatever an earlier
// call installed. A language without a catalogue of its own gets the English one, which holds the English
// plural forms ("1 image", "2 images"). Returns the resource path of the application catalogue installed.
QString installTranslations(QCoreApplication *app, const QLocale &locale);

// What the application does at start-up with the "ui/language" setting: installs the translations for that
// language and, when the user chose one, makes it the default locale too (numbers, dates, sizes).
// Returns the locale used.
QLocale applyUiLanguage(QCoreApplication *app, const QString &language);

} // namespace mim
