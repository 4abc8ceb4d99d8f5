#include "Translations.h"

namespace mim::app {

QLocale installTranslators(QCoreApplication &app, const QString &language)
{
    // The same code as the GUI tests use, so that what they check is what users get.
    return applyUiLanguage(&app, language);
}

} // namespace mim::app
