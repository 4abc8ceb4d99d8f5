// modelarts-image-manager: lists and deletes Huawei Cloud ModelArts container images.

#include "AppPaths.h"
#include "CommandLine.h"
#include "FirstPaintProbe.h"
#include "GuiSession.h"
#include "Logging.h"
#include "models/common/Heap.h"
#include "models/common/SettingsKeys.h"
#include "ParentConsole.h"
#include "SelfTestRunner.h"
#include "SingleInstance.h"
#include "Translations.h"
#include "views/common/Theme.h"
#include "views/main/MainWindow.h"

#include <cstdio>
#include <memory>
#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QIcon>
#include <QLoggingCategory>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QSettings>

using namespace Qt::StringLiterals;
using namespace mim::app;

Q_LOGGING_CATEGORY(lcPaths, "mim.app.paths")

namespace {

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

QStringList argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

void bringToFront(QWidget *window)
{
    window->setWindowState((window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    window->show();
    window->raise();
    window->activateWindow();
}

} // namespace

int main(int argc, char *argv[])
{
    mim::shareOneHeapArena(); // first: before any thread allocates
    QElapsedTimer sinceMain;
    sinceMain.start();
    AppPaths::setApplicationIdentity();

    // The self-test, --help, --version and mistakes need no display: a QCoreApplication does for them.
    const bool windowed =
        !CommandLine::needsNoWindow(argumentsOf(argc, argv), QProcessEnvironment::systemEnvironment());
    if (!windowed)
        attachToParentConsole();
    std::unique_ptr<QCoreApplication> app;
    if (windowed) {
        app = std::make_unique<QApplication>(argc, argv);
        QGuiApplication::setDesktopFileName(QStringLiteral(MIM_APP_ID));
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app/modelarts-image-manager.svg")));
        mim::applyTheme(
            mim::themeFromName(mim::SettingsKeys::value(QSettings(), mim::SettingsKey::UiTheme).toString()));
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }

    installTranslators(*app, mim::SettingsKeys::value(QSettings(), mim::SettingsKey::UiLanguage).toString());

    const CommandLineResult command =
        CommandLine::parse(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    switch (command.action) {
    case CommandLineResult::Action::ShowHelp:
        print(stdout, command.helpText);
        return 0;
    case CommandLineResult::Action::ShowVersion:
        print(stdout,
              QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion() + u'\n');
        return 0;
    case CommandLineResult::Action::Error:
        print(stderr,
              u"%1: %2\n%3\n"_s.arg(QCoreApplication::applicationName(), command.error,
                                    QCoreApplication::translate("main", "Try --help for the options.")));
        return 2;
    case CommandLineResult::Action::Run:
        break;
    }
    const LaunchOptions &options = command.options;

    QNetworkProxyFactory::setUseSystemConfiguration(true);

    // Before the logger opens a file in the new place and before anything reads the journal.
    const QStringList moved = options.demo ? QStringList() : AppPaths::moveLegacyFiles();
    Logger::Options logOptions;
    if (!options.demo)
        logOptions.directory = AppPaths::logDirectory();
    Logger logger(logOptions);
    logger.install();
    for (const QString &line : moved)
        qCInfo(lcPaths).noquote() << line;
    Logger::setLevel(options.logLevel);
    if (options.environmentConnection)
        logger.addSecrets(options.environmentConnection->credentials);

    if (options.selfTest)
        return runSelfTest(options, &logger);

    // The demo saves nothing, so it may run beside the real thing; everything else shares the settings and
    // the journal, so one window per settings file.
    std::unique_ptr<SingleInstance> instance;
    if (!options.demo) {
        instance = std::make_unique<SingleInstance>(QSettings().fileName());
        if (instance->claim() == SingleInstance::Role::Secondary) {
            print(stdout,
                  QCoreApplication::translate("main", "ModelArts Image Manager is already running: its "
                                                      "window was brought to the front.\n"));
            return 0;
        }
    }

    GuiSession session(options, &logger);
    QString error;
    if (!session.start(&error)) {
        print(stderr, u"%1: %2\n"_s.arg(QCoreApplication::applicationName(), error));
        return 2;
    }
    if (instance) {
        QObject::connect(instance.get(), &SingleInstance::activationRequested, session.window(),
                         [window = session.window()] { bringToFront(window); });
    }
    FirstPaintProbe::installIfRequested(session.window(), sinceMain);
    return QCoreApplication::exec();
}
