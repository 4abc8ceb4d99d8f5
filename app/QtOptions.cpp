#include "QtOptions.h"

using namespace Qt::StringLiterals;

namespace mim::app {

namespace {

struct QtOption
{
    const char *name;
    const char *valueName; // nullptr for a flag
    const char *description;
};

// From the QGuiApplication and QApplication documentation (Qt 6), which the qt6options(7) page collects.
constexpr QtOption Options[] = {
    {"platform", "name[:options]", QT_TRANSLATE_NOOP("mim::app::QtOptions", "The platform plugin to use.")},
    {"platformpluginpath", "path",
     QT_TRANSLATE_NOOP("mim::app::QtOptions", "Where to look for platform plugins.")},
    {"platformtheme", "theme", QT_TRANSLATE_NOOP("mim::app::QtOptions", "The platform theme to use.")},
    {"plugin", "plugin", QT_TRANSLATE_NOOP("mim::app::QtOptions", "Load an additional input plugin.")},
    {"qwindowgeometry", "geometry", QT_TRANSLATE_NOOP("mim::app::QtOptions", "The main window's geometry.")},
    {"qwindowicon", "icon", QT_TRANSLATE_NOOP("mim::app::QtOptions", "The main window's icon.")},
    {"qwindowtitle", "title", QT_TRANSLATE_NOOP("mim::app::QtOptions", "The main window's title.")},
    {"reverse", nullptr, QT_TRANSLATE_NOOP("mim::app::QtOptions", "Lay the window out from right to left.")},
    {"session", "session",
     QT_TRANSLATE_NOOP("mim::app::QtOptions", "Restore the application from a session.")},
    {"display", "display", QT_TRANSLATE_NOOP("mim::app::QtOptions", "The X11 display to use.")},
    {"geometry", "geometry", QT_TRANSLATE_NOOP("mim::app::QtOptions", "The main window's geometry (X11).")},
    {"style", "style", QT_TRANSLATE_NOOP("mim::app::QtOptions", "The widget style, such as Fusion.")},
    {"stylesheet", "file", QT_TRANSLATE_NOOP("mim::app::QtOptions", "A style sheet to apply.")},
    {"widgetcount", nullptr,
     QT_TRANSLATE_NOOP("mim::app::QtOptions", "Print how many widgets were left at exit (debugging).")},
    {"qmljsdebugger", "port",
     QT_TRANSLATE_NOOP("mim::app::QtOptions", "Enable the QML debugger (unused here).")},
    {"dialogs", "xp|none", QT_TRANSLATE_NOOP("mim::app::QtOptions", "Native dialogs on Windows.")},
    {"fontengine", "freetype", QT_TRANSLATE_NOOP("mim::app::QtOptions", "The font engine on Windows.")},
};

const QtOption *find(QStringView name)
{
    for (const QtOption &option : Options) {
        if (name == QLatin1StringView(option.name))
            return &option;
    }
    return nullptr;
}

} // namespace

QStringList QtOptions::removedFrom(const QStringList &arguments)
{
    QStringList kept;
    kept.reserve(arguments.size());
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        // The first argument is the program; "-" and "--" are not options.
        if (i == 0 || !argument.startsWith(u'-') || argument == "-"_L1 || argument == "--"_L1) {
            kept.append(argument);
            continue;
        }
        QStringView name = QStringView(argument).mid(argument.startsWith("--"_L1) ? 2 : 1);
        const qsizetype equals = name.indexOf(u'=');
        const bool valueAttached = equals >= 0;
        if (valueAttached)
            name = name.left(equals);
        const QtOption *option = find(name);
        if (!option) {
            kept.append(argument);
            continue;
        }
        if (option->valueName && !valueAttached)
            ++i; // the value follows
    }
    return kept;
}

QString QtOptions::helpText()
{
    QString text = tr("Qt options:") + u'\n';
    for (const QtOption &option : Options) {
        QString usage = u"  -"_s + QLatin1StringView(option.name);
        if (option.valueName)
            usage += u" <"_s + QLatin1StringView(option.valueName) + u'>';
        text += usage.leftJustified(34) + u' ' + tr(option.description) + u'\n';
    }
    return text;
}

} // namespace mim::app
