#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTranslations, "mim.app.translations")

namespace mim::app {

QLocale installTranslators(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);

    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    } else {
        delete qtTranslator;
    }

    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(locale, u"modelarts-image-manager"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(appTranslator);
        qCDebug(lcTranslations) << "loaded the translation" << appTranslator->filePath();
    } else {
        delete appTranslator;
    }
    return locale;
}

} // namespace mim::app
