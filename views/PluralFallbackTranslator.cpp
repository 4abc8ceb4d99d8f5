#include "PluralFallbackTranslator.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace mim {

PluralFallbackTranslator::PluralFallbackTranslator(QObject *parent)
    : QTranslator(parent)
{
    setObjectName(u"mimPluralFallbackTranslator"_s);
}

QString PluralFallbackTranslator::translate(const char *context, const char *sourceText,
                                            const char *disambiguation, int n) const
{
    Q_UNUSED(context)
    Q_UNUSED(disambiguation)
    if (n < 0 || !sourceText)
        return {};
    const QLocale::Language language = QLocale().language();
    if (language != QLocale::English && language != QLocale::C)
        return {};
    QString text = QString::fromUtf8(sourceText);
    if (!text.contains(u"(s)"))
        return {};
    // QCoreApplication::translate() replaces %n afterwards.
    text.replace(u"(s)"_s, n == 1 ? QString() : u"s"_s);
    return text;
}

void PluralFallbackTranslator::installOnce()
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || app->findChild<PluralFallbackTranslator *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    QCoreApplication::installTranslator(new PluralFallbackTranslator(app));
}

} // namespace mim
