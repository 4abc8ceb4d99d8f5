#include "Localization.h"

#include <memory>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLocalization, "mim.i18n", QtInfoMsg)

namespace mim {
namespace {

const auto CatalogueDirectory = u":/i18n"_s;
const auto CatalogueName = u"modelarts-image-manager"_s;
// Marks the translators installed here, so that a second call replaces them instead of stacking up.
const auto TranslatorObjectName = u"mimTranslator"_s;

void removeInstalledTranslators(QCoreApplication *app)
{
    const auto translators =
        app->findChildren<QTranslator *>(TranslatorObjectName, Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void install(QCoreApplication *app, std::unique_ptr<QTranslator> translator)
{
    translator->setObjectName(TranslatorObjectName);
    translator->setParent(app);
    QCoreApplication::installTranslator(translator.release());
}

// A shipped language written the same way when the locale's own has no catalogue: Simplified Chinese in
// Singapore (zh_SG) reads the zh_CN catalogue rather than English.
QString sameWritingCatalogue(const QLocale &locale)
{
    for (const QString &language : shippedUiLanguages()) {
        const QLocale shipped(language);
        if (shipped.language() == locale.language() && shipped.script() == locale.script())
            return language;
    }
    return u"en"_s;
}

} // namespace

QStringList shippedUiLanguages()
{
    return {u"en"_s, u"zh_CN"_s};
}

QLocale uiLocaleFor(const QString &language)
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

QString installTranslations(QCoreApplication *app, const QLocale &locale)
{
    Q_ASSERT(app);
    removeInstalledTranslators(app);

    auto qtTranslator = std::make_unique<QTranslator>();
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        install(app, std::move(qtTranslator));

    auto appTranslator = std::make_unique<QTranslator>();
    if (!appTranslator->load(locale, CatalogueName, u"_"_s, CatalogueDirectory) &&
        !appTranslator->load(CatalogueName + u'_' + sameWritingCatalogue(locale), CatalogueDirectory) &&
        !appTranslator->load(CatalogueName + u"_en"_s, CatalogueDirectory)) {
        qCWarning(lcLocalization) << "no translation catalogue in" << CatalogueDirectory;
        return {};
    }
    const QString path = appTranslator->filePath();
    qCDebug(lcLocalization) << "UI language" << locale.name() << "catalogue" << path;
    install(app, std::move(appTranslator));
    return path;
}

QLocale applyUiLanguage(QCoreApplication *app, const QString &language)
{
    const QLocale locale = uiLocaleFor(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    installTranslations(app, locale);
    return locale;
}

} // namespace mim
