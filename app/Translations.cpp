#include "Translations.h"

#include <QCoreApplication>
#include <QGuiApplication>

namespace mim::app {

QLocale installTranslators(QCoreApplication &app, const QString &language)
{
    // The same code as the GUI tests use, so that what they check is what users get.
    const QLocale locale = applyUiLanguage(&app, language);
    // Qt adds the display name to every window title (" — name") that does not end with it already. Set
    // once the catalogue is in, it is in the user's language: a Chinese title then neither ends in the
    // English name nor shows both names.
    if (qobject_cast<QGuiApplication *>(&app))
        QGuiApplication::setApplicationDisplayName(
            QCoreApplication::translate("main", "ModelArts Image Manager"));
    return locale;
}

} // namespace mim::app
