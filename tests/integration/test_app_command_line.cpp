// The application's command line, checked without starting a process: which options combine, what the
// environment supplies for --endpoint and --region, and the messages of mistakes.

#include "CommandLine.h"
#include "models/api/Regions.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;
using namespace mim::app;

namespace {

constexpr auto ProjectId = "5d1a6c2b9e8f4a7d8c3b2a1f0e9d8c7b"_L1;

QProcessEnvironment credentials(bool withProject = true)
{
    QProcessEnvironment environment;
    environment.insert(u"HUAWEICLOUD_SDK_AK"_s, u"ABCDEFGHIJ0123456789"_s);
    environment.insert(u"HUAWEICLOUD_SDK_SK"_s, u"secret key"_s);
    environment.insert(u"HUAWEICLOUD_SDK_SECURITY_TOKEN"_s, u"token"_s);
    if (withProject)
        environment.insert(u"HUAWEICLOUD_SDK_PROJECT_ID"_s, ProjectId);
    return environment;
}

CommandLineResult parse(const QStringList &arguments, const QProcessEnvironment &environment = {})
{
    return CommandLine::parse(QStringList{u"modelarts-image-manager"_s} + arguments, environment);
}

} // namespace

class TestAppCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingMeansRun();
    void profileDemoSelfTestAndLogLevel();
    void endpointTakesCredentialsFromTheEnvironment();
    void regionAloneUsesTheRegionsEndpoints();
    void commandLineProjectIdWins();
    void mistakes_data();
    void mistakes();
    void helpAndVersion();
    void windowIsOnlyNeededToRunTheGui();
    void qtOptionsAreIgnored_data();
    void qtOptionsAreIgnored();
    void helpAllAddsQtOptions();
};

void TestAppCommandLine::nothingMeansRun()
{
    const CommandLineResult result = parse({});
    QCOMPARE(result.action, CommandLineResult::Action::Run);
    QVERIFY(!result.options.demo);
    QVERIFY(!result.options.selfTest);
    QVERIFY(result.options.profile.isEmpty());
    QVERIFY(!result.options.environmentConnection);
    QCOMPARE(result.options.logLevel, LogLevel::Info);
}

void TestAppCommandLine::profileDemoSelfTestAndLogLevel()
{
    CommandLineResult result =
        parse({u"--profile"_s, u"Team Beijing"_s, u"--self-test"_s, u"--log-level"_s, u"DEBUG"_s});
    QCOMPARE(result.action, CommandLineResult::Action::Run);
    QCOMPARE(result.options.profile, u"Team Beijing"_s);
    QVERIFY(result.options.selfTest);
    QCOMPARE(result.options.logLevel, LogLevel::Debug);

    result = parse({u"--demo"_s, u"--log-level"_s, u"warning"_s});
    QVERIFY(result.options.demo);
    QCOMPARE(result.options.logLevel, LogLevel::Warning);
}

void TestAppCommandLine::endpointTakesCredentialsFromTheEnvironment()
{
    const CommandLineResult result = parse({u"--endpoint"_s, u"http://127.0.0.1:8080"_s}, credentials());
    QCOMPARE(result.action, CommandLineResult::Action::Run);
    QVERIFY(result.options.environmentConnection);
    const ConnectionSettings &settings = *result.options.environmentConnection;
    QCOMPARE(settings.modelArtsEndpoint, QUrl(u"http://127.0.0.1:8080"_s));
    QCOMPARE(settings.iamEndpoint, QUrl(u"http://127.0.0.1:8080"_s)); // one server for both
    QCOMPARE(settings.projectId, ProjectId);
    QCOMPARE(settings.credentials.method, AuthMethod::AkSk);
    QCOMPARE(settings.credentials.accessKey, u"ABCDEFGHIJ0123456789"_s);
    QCOMPARE(settings.credentials.secretKey, u"secret key"_s);
    QCOMPARE(settings.credentials.securityToken, u"token"_s);
    QVERIFY(result.options.environmentConnectionName.contains(u"127.0.0.1"_s));

    const CommandLineResult withIam =
        parse({u"--endpoint"_s, u"https://modelarts.example.com"_s, u"--iam-endpoint"_s,
               u"https://iam.example.com"_s, u"--region"_s, u"cn-north-4"_s},
              credentials(false));
    QCOMPARE(withIam.action, CommandLineResult::Action::Run);
    QCOMPARE(withIam.options.environmentConnection->iamEndpoint, QUrl(u"https://iam.example.com"_s));
    QCOMPARE(withIam.options.environmentConnection->regionId, u"cn-north-4"_s);
    QCOMPARE(withIam.options.environmentConnection->projectId, QString()); // discovered
}

void TestAppCommandLine::regionAloneUsesTheRegionsEndpoints()
{
    const CommandLineResult result = parse({u"--region"_s, u"cn-east-3"_s}, credentials(false));
    QCOMPARE(result.action, CommandLineResult::Action::Run);
    const auto region = Regions::find(u"cn-east-3"_s);
    QVERIFY(region);
    QCOMPARE(result.options.environmentConnection->modelArtsEndpoint, region->modelArtsEndpoint);
    QCOMPARE(result.options.environmentConnection->iamEndpoint, region->iamEndpoint);
}

void TestAppCommandLine::commandLineProjectIdWins()
{
    const QString other = u"0123456789abcdef0123456789abcdef"_s;
    const CommandLineResult result =
        parse({u"--endpoint"_s, u"http://localhost:1"_s, u"--project-id"_s, other}, credentials());
    QCOMPARE(result.options.environmentConnection->projectId, other);
}

void TestAppCommandLine::mistakes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("withCredentials");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown option") << QStringList{u"--bogus"_s} << true << u"bogus"_s;
    QTest::newRow("http to a remote host")
        << QStringList{u"--endpoint"_s, u"http://example.com"_s} << true << u"http://"_s;
    QTest::newRow("relative url") << QStringList{u"--endpoint"_s, u"modelarts.example.com"_s} << true
                                  << u"--endpoint"_s;
    QTest::newRow("bad iam endpoint") << QStringList{u"--endpoint"_s, u"https://a.example.com"_s,
                                                     u"--iam-endpoint"_s, u"http://b.example.com"_s}
                                      << true << u"--iam-endpoint"_s;
    QTest::newRow("iam endpoint alone")
        << QStringList{u"--iam-endpoint"_s, u"https://b.example.com"_s} << true << u"--iam-endpoint"_s;
    QTest::newRow("malformed region")
        << QStringList{u"--region"_s, u"NOT A REGION"_s} << true << u"NOT A REGION"_s;
    QTest::newRow("unknown region without endpoint")
        << QStringList{u"--region"_s, u"xx-nowhere-9"_s} << true << u"--endpoint"_s;
    QTest::newRow("malformed project id")
        << QStringList{u"--endpoint"_s, u"https://a.example.com"_s, u"--project-id"_s, u"1234"_s} << true
        << u"1234"_s;
    QTest::newRow("no credentials") << QStringList{u"--endpoint"_s, u"https://a.example.com"_s} << false
                                    << u"HUAWEICLOUD_SDK_SK"_s;
    QTest::newRow("profile and endpoint")
        << QStringList{u"--profile"_s, u"x"_s, u"--endpoint"_s, u"https://a.example.com"_s} << true
        << u"only one"_s;
    QTest::newRow("demo and profile")
        << QStringList{u"--demo"_s, u"--profile"_s, u"x"_s} << true << u"only one"_s;
    QTest::newRow("log level") << QStringList{u"--log-level"_s, u"trace"_s} << true << u"trace"_s;
    QTest::newRow("positional") << QStringList{u"file.txt"_s} << true << u"file.txt"_s;
}

void TestAppCommandLine::mistakes()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, withCredentials);
    QFETCH(QString, mentions);
    const CommandLineResult result =
        parse(arguments, withCredentials ? credentials() : QProcessEnvironment());
    QCOMPARE(result.action, CommandLineResult::Action::Error);
    QVERIFY2(result.error.contains(mentions), qPrintable(result.error));

    // Without project id and region there is no way to find the project.
    QProcessEnvironment noProject = credentials(false);
    const CommandLineResult unresolvable = parse({u"--endpoint"_s, u"https://a.example.com"_s}, noProject);
    QCOMPARE(unresolvable.action, CommandLineResult::Action::Error);
    QVERIFY(unresolvable.error.contains(u"--project-id"_s));
}

void TestAppCommandLine::helpAndVersion()
{
    QCOMPARE(parse({u"--help"_s}).action, CommandLineResult::Action::ShowHelp);
    QCOMPARE(parse({u"-h"_s}).action, CommandLineResult::Action::ShowHelp);
    QCOMPARE(parse({u"--version"_s}).action, CommandLineResult::Action::ShowVersion);
    QVERIFY(parse({u"--help"_s}).helpText.contains(u"--self-test"_s));
}

void TestAppCommandLine::windowIsOnlyNeededToRunTheGui()
{
    const QStringList program{u"modelarts-image-manager"_s};
    QVERIFY(!CommandLine::needsNoWindow(program, {}));
    QVERIFY(!CommandLine::needsNoWindow(program + QStringList{u"--demo"_s}, {}));
    QVERIFY(CommandLine::needsNoWindow(program + QStringList{u"--demo"_s, u"--self-test"_s}, {}));
    QVERIFY(CommandLine::needsNoWindow(program + QStringList{u"--version"_s}, {}));
    QVERIFY(CommandLine::needsNoWindow(program + QStringList{u"--bogus"_s}, {}));
    QVERIFY(CommandLine::needsNoWindow(program + QStringList{u"--region"_s, u"bad region"_s}, {}));
}

void TestAppCommandLine::qtOptionsAreIgnored_data()
{
    QTest::addColumn<QStringList>("qtOptions");
    QTest::newRow("session") << QStringList{u"-session"_s, u"10d7a1b2c3"_s};
    QTest::newRow("platform") << QStringList{u"-platform"_s, u"offscreen"_s};
    QTest::newRow("platform with options") << QStringList{u"-platform"_s, u"xcb:nograb"_s};
    QTest::newRow("style attached") << QStringList{u"-style=Fusion"_s};
    QTest::newRow("style two dashes") << QStringList{u"--style"_s, u"Fusion"_s};
    QTest::newRow("reverse") << QStringList{u"-reverse"_s};
    QTest::newRow("geometry") << QStringList{u"-qwindowgeometry"_s, u"800x600+10+10"_s};
    QTest::newRow("several") << QStringList{u"-reverse"_s, u"-display"_s, u":1"_s, u"-stylesheet=a.qss"_s};
}

void TestAppCommandLine::qtOptionsAreIgnored()
{
    QFETCH(QStringList, qtOptions);
    const CommandLineResult demo = parse(qtOptions + QStringList{u"--demo"_s, u"--log-level"_s, u"debug"_s});
    QVERIFY2(demo.action == CommandLineResult::Action::Run, qPrintable(demo.error));
    QVERIFY(demo.options.demo);
    QCOMPARE(demo.options.logLevel, LogLevel::Debug);

    const QStringList program{u"modelarts-image-manager"_s};
    QVERIFY(!CommandLine::needsNoWindow(program + qtOptions, {}));
    QVERIFY(CommandLine::needsNoWindow(program + qtOptions + QStringList{u"--demo"_s, u"--self-test"_s}, {}));
}

void TestAppCommandLine::helpAllAddsQtOptions()
{
    const CommandLineResult all = parse({u"--help-all"_s});
    QCOMPARE(all.action, CommandLineResult::Action::ShowHelp);
    for (const char *option : {"--profile", "-session <session>", "-platform", "-style", "-reverse"})
        QVERIFY2(all.helpText.contains(QLatin1String(option)), option);
    QVERIFY(!parse({u"--help"_s}).helpText.contains(u"-session"_s));
    // Only Qt's exact option names are left to Qt.
    const CommandLineResult misspelt = parse({u"--profile"_s, u"work"_s, u"-sessionx"_s});
    QCOMPARE(misspelt.action, CommandLineResult::Action::Error);
}

QTEST_GUILESS_MAIN(TestAppCommandLine)
#include "test_app_command_line.moc"
