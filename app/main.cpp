// modelarts-image-manager: lists and deletes Huawei Cloud ModelArts container images.

#include "AppPaths.h"
#include "CommandLine.h"
#include "FirstPaintProbe.h"
#include "GuiSession.h"
#include "Logging.h"
#include "models/common/SettingsKeys.h"
#include "SelfTestRunner.h"
#include "Translations.h"
#include "views/main/MainWindow.h"

#include <cstdio>
#include <memory>
#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QIcon>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QSettings>

using namespace Qt::StringLiterals;
using namespace mim::app;

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

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    AppPaths::setApplicationIdentity();

    // The self-test, --help, --version and mistakes need no display: a QCoreApplication does for them.
    const bool windowed =
        !CommandLine::needsNoWindow(argumentsOf(argc, argv), QProcessEnvironment::systemEnvironment());
    std::unique_ptr<QCoreApplication> app;
    if (windowed) {
        app = std::make_unique<QApplication>(argc, argv);
        QGuiApplication::setApplicationDisplayName(
            QCoreApplication::translate("main", "ModelArts Image Manager"));
        QGuiApplication::setDesktopFileName(QStringLiteral(MIM_APP_ID));
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app/modelarts-image-manager.svg")));
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

    Logger::Options logOptions;
    if (!options.demo)
        logOptions.directory = AppPaths::logDirectory();
    Logger logger(logOptions);
    logger.install();
    Logger::setLevel(options.logLevel);
    if (options.environmentConnection)
        logger.addSecrets(options.environmentConnection->credentials);

    if (options.selfTest)
        return runSelfTest(options, &logger);

    GuiSession session(options, &logger);
    QString error;
    if (!session.start(&error)) {
        print(stderr, u"%1: %2\n"_s.arg(QCoreApplication::applicationName(), error));
        return 2;
    }
    FirstPaintProbe::installIfRequested(session.window(), sinceMain);
    return QCoreApplication::exec();
}
