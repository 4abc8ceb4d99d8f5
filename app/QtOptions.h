#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace mim::app {

// The options Qt itself reads from the command line (QGuiApplication, QApplication and the xcb platform):
// -platform, -style, -reverse, -session (which X11 session restore passes), and the rest. QApplication
// removes them from its arguments, but a QCoreApplication (used without a window) does not, and the
// app decides which one to create before either exists; so the app's own parser must never see them.
class QtOptions
{
    Q_DECLARE_TR_FUNCTIONS(mim::app::QtOptions)

public:
    // The arguments without Qt's options and their values, in the order given. Qt accepts "-name value",
    // "-name=value" and the same with two dashes.
    static QStringList removedFrom(const QStringList &arguments);
    // The section that --help-all adds to --help.
    static QString helpText();
};

} // namespace mim::app
