#pragma once

#include "models/api/ConnectionSettings.h"

#include <optional>
#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

class QCommandLineParser;

namespace mim::app {

enum class LogLevel
{
    Debug,
    Info,
    Warning,
};

// What the command line asks for, checked.
struct LaunchOptions
{
    QString profile;                                         // --profile
    bool demo = false;                                       // --demo
    bool selfTest = false;                                   // --self-test
    LogLevel logLevel = LogLevel::Info;                      // --log-level
    std::optional<ConnectionSettings> environmentConnection; // --endpoint/--region + HUAWEICLOUD_SDK_*
    QString environmentConnectionName;                       // how it shows in the account switcher
};

// The outcome of reading the command line.
struct CommandLineResult
{
    enum class Action
    {
        Run,
        ShowHelp,
        ShowVersion,
        Error, // `error` says what is wrong; exit code 2
    };
    Action action = Action::Run;
    LaunchOptions options;
    QString error;
    QString helpText;
};

// Parses and checks the arguments (the first is the program). Credentials for --endpoint come from the
// environment variables the official SDKs read: HUAWEICLOUD_SDK_AK, _SK, _SECURITY_TOKEN, _PROJECT_ID.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(mim::app::CommandLine)

public:
    static CommandLineResult parse(const QStringList &arguments, const QProcessEnvironment &environment);
    // True when the arguments ask for no window at all (self-test, help, version, or a mistake), so that
    // a QCoreApplication suffices. Works before any application object exists. Qt's own options (-session,
    // -platform, -style, ...) are ignored here and by parse(): QApplication takes them.
    static bool needsNoWindow(const QStringList &arguments, const QProcessEnvironment &environment);

private:
    static void addOptions(QCommandLineParser &parser);
};

} // namespace mim::app
