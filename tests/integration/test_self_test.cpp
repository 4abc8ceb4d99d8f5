// The application executable from the outside: --self-test against the demo and against an in-process
// sandbox with credentials from the environment, a rejected secret key, bad options, --version, --help,
// and that a debug log of a run never contains the secret key.

#include "models/accounts/Profile.h"
#include "models/accounts/SecretStore.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

constexpr auto SecretKey = "SK-self-test-9d41e7a2c05b38f6"_L1;

struct Run
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestSelfTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demoSelfTest();
    void endpointSelfTestCountsTheOwnImages();
    void endpointSelfTestWithProjectDiscovery();
    void rejectedSecretKeyFails();
    void unreachableEndpointFails();
    void listingThatNeverSettlesFails();
    void badOptions_data();
    void badOptions();
    void endpointNeedsCredentials();
    void unknownProfile();
    void profileSelfTestReadsTheKeychain();
    void version();
    void help();
    void helpAllListsQtOptions();
    void appLinksNoServerCode();
    void demoServerEndsWithTheApp();
    void qtOptionsAreLeftToQt();

private:
    // Runs the executable with an isolated home; `environment` adds to (or, with an empty value, removes
    // from) the environment. The test's event loop keeps running so that the in-process sandbox answers.
    Run run(const QStringList &arguments, const QMap<QString, QString> &environment = {},
            const QString &homeFolder = {});
    QMap<QString, QString> sandboxCredentials() const;

    QTemporaryDir m_home;
    std::unique_ptr<test::SandboxFixture> m_sandbox;
};

void TestSelfTest::initTestCase()
{
    QVERIFY(QFileInfo(QStringLiteral(MIM_APP_EXECUTABLE)).isExecutable());
    QVERIFY(m_home.isValid());
    sandbox::SandboxOptions options;
    options.imageCount = 137;
    options.seed = 11;
    options.secretKey = SecretKey;
    m_sandbox = std::make_unique<test::SandboxFixture>(options);
    QVERIFY(m_sandbox->start());
}

Run TestSelfTest::run(const QStringList &arguments, const QMap<QString, QString> &environment,
                      const QString &homeFolder)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_SECURITY_TOKEN",
                             "HUAWEICLOUD_SDK_PROJECT_ID", "QT_LOGGING_RULES"})
        env.remove(QLatin1String(name));
    const QDir home(homeFolder.isEmpty() ? m_home.path() : homeFolder);
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    env.insert(u"XDG_STATE_HOME"_s, home.filePath(u"state"_s));
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    for (auto it = environment.cbegin(); it != environment.cend(); ++it) {
        if (it.value().isEmpty())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
    process.setProcessEnvironment(env);

    Run result;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(MIM_APP_EXECUTABLE), arguments);
    if (!process.waitForStarted(10000))
        return result;
    if (finished.isEmpty() && !finished.wait(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QMap<QString, QString> TestSelfTest::sandboxCredentials() const
{
    return {{u"HUAWEICLOUD_SDK_AK"_s, QLatin1String(sandbox::DefaultAccessKey)},
            {u"HUAWEICLOUD_SDK_SK"_s, SecretKey},
            {u"HUAWEICLOUD_SDK_PROJECT_ID"_s, QLatin1String(sandbox::DefaultProjectId)}};
}

void TestSelfTest::demoSelfTest()
{
    QTemporaryDir home;
    const Run result = run({u"--demo"_s, u"--self-test"_s}, {}, home.path());
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    static const QRegularExpression line(u"^self-test: loaded \\d+ images in \\d+ ms$"_s);
    QCOMPARE(result.out.count(u'\n'), 1);
    QVERIFY2(line.match(result.out.trimmed()).hasMatch(), qPrintable(result.out));
    // The demo saves nothing: no settings and no log file.
    QDirIterator written(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QVERIFY2(!written.hasNext(), qPrintable(written.hasNext() ? written.next() : QString()));
}

void TestSelfTest::endpointSelfTestCountsTheOwnImages()
{
    int dedicated = 0;
    const QJsonArray images = m_sandbox->state().value(u"images"_s).toArray();
    for (const QJsonValue &image : images) {
        if (image[u"type"_s].toString() == u"DEDICATED"_s && !image[u"deleted"_s].toBool())
            ++dedicated;
    }
    QVERIFY(dedicated > 0);
    QVERIFY(dedicated < images.size()); // built-in images exist and are not counted

    const Run result = run(
        {u"--endpoint"_s, m_sandbox->baseUrl().toString(), u"--self-test"_s, u"--log-level"_s, u"debug"_s},
        sandboxCredentials());
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    static const QRegularExpression line(u"^self-test: loaded (\\d+) images in \\d+ ms$"_s);
    const auto match = line.match(result.out.trimmed());
    QVERIFY2(match.hasMatch(), qPrintable(result.out));
    QCOMPARE(match.captured(1).toInt(), dedicated);

    // A debug log went to stderr and to the log file; neither holds the secret key.
    QVERIFY(result.err.contains(u"mim.api"_s));
    QVERIFY(!result.err.contains(SecretKey));
    bool sawLogFile = false;
    QDirIterator logs(QDir(m_home.path()).filePath(u"state/modelarts-image-manager/logs"_s), {u"*.log"_s},
                      QDir::Files, QDirIterator::Subdirectories);
    while (logs.hasNext()) {
        QFile file(logs.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        sawLogFile = sawLogFile || content.contains("mim.");
        QVERIFY(!content.contains(QByteArray(SecretKey.data(), SecretKey.size())));
    }
    QVERIFY(sawLogFile);
}

void TestSelfTest::endpointSelfTestWithProjectDiscovery()
{
    QMap<QString, QString> environment = sandboxCredentials();
    environment.insert(u"HUAWEICLOUD_SDK_PROJECT_ID"_s, QString());
    const Run result =
        run({u"--endpoint"_s, m_sandbox->baseUrl().toString(), u"--iam-endpoint"_s,
             m_sandbox->baseUrl().toString(), u"--region"_s, QLatin1String(sandbox::DefaultRegionId),
             u"--self-test"_s, u"--log-level"_s, u"warning"_s},
            environment);
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.startsWith(u"self-test: loaded "_s), qPrintable(result.out));
    // --log-level warning: none of the application's information lines.
    QVERIFY2(!result.err.contains(u" I mim."_s) && !result.err.contains(u" D mim."_s),
             qPrintable(result.err));
}

void TestSelfTest::rejectedSecretKeyFails()
{
    QMap<QString, QString> environment = sandboxCredentials();
    environment.insert(u"HUAWEICLOUD_SDK_SK"_s, u"not-the-secret-key"_s);
    const Run result = run({u"--endpoint"_s, m_sandbox->baseUrl().toString(), u"--self-test"_s}, environment);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    const QStringList lines = result.err.split(u'\n', Qt::SkipEmptyParts);
    QStringList failures;
    for (const QString &line : lines) {
        if (line.startsWith(u"self-test: failed: "_s))
            failures << line;
    }
    QCOMPARE(failures.size(), 1);
    QVERIFY2(failures.constFirst().contains(u"signature"_s), qPrintable(failures.constFirst()));
    QVERIFY(!result.err.contains(u"not-the-secret-key"_s));
}

// A server whose pages never add up to its total: the self-test must not report the partial list as loaded.
void TestSelfTest::listingThatNeverSettlesFails()
{
    m_sandbox->setFaults(QJsonObject{{u"listing"_s, QJsonObject{{u"total"_s, 1000}}}});
    const Run result =
        run({u"--endpoint"_s, m_sandbox->baseUrl().toString(), u"--self-test"_s}, sandboxCredentials());
    m_sandbox->setFaults(QJsonObject());
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(!result.out.contains(u"loaded"_s), qPrintable(result.out));
    QVERIFY2(result.err.contains(u"incomplete"_s), qPrintable(result.err));
}

void TestSelfTest::unreachableEndpointFails()
{
    // A port nobody listens on: a closed server socket's port.
    sandbox::SandboxOptions options;
    options.imageCount = 1;
    quint16 closedPort = 0;
    {
        test::SandboxFixture gone(options);
        QVERIFY(gone.start());
        closedPort = gone.baseUrl().port();
    }
    QMap<QString, QString> environment = sandboxCredentials();
    const Run result = run({u"--endpoint"_s, u"http://127.0.0.1:%1"_s.arg(closedPort), u"--self-test"_s,
                            u"--log-level"_s, u"warning"_s},
                           environment);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"self-test: failed: "_s), qPrintable(result.err));
}

void TestSelfTest::badOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("plain http to a remote host")
        << QStringList{u"--endpoint"_s, u"http://example.com"_s, u"--self-test"_s} << u"http://"_s;
    QTest::newRow("not a url") << QStringList{u"--endpoint"_s, u"::not a url::"_s} << u"--endpoint"_s;
    QTest::newRow("malformed region") << QStringList{u"--region"_s, u"NOT A REGION"_s} << u"NOT A REGION"_s;
    QTest::newRow("unknown option") << QStringList{u"--bogus"_s} << u"bogus"_s;
    QTest::newRow("malformed project id")
        << QStringList{u"--endpoint"_s, u"http://127.0.0.1:1"_s, u"--project-id"_s, u"XYZ"_s} << u"XYZ"_s;
    QTest::newRow("project id alone")
        << QStringList{u"--project-id"_s, u"5d1a6c2b9e8f4a7d8c3b2a1f0e9d8c7b"_s} << u"--project-id"_s;
    QTest::newRow("bad log level") << QStringList{u"--log-level"_s, u"loud"_s} << u"loud"_s;
    QTest::newRow("demo and endpoint")
        << QStringList{u"--demo"_s, u"--endpoint"_s, u"http://127.0.0.1:1"_s} << u"--demo"_s;
    QTest::newRow("stray argument") << QStringList{u"stray"_s} << u"stray"_s;
}

void TestSelfTest::badOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const Run result = run(arguments, sandboxCredentials());
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.startsWith(u"modelarts-image-manager: "_s), qPrintable(result.err));
    QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
    QCOMPARE(result.out, QString());
}

void TestSelfTest::endpointNeedsCredentials()
{
    const Run result = run({u"--endpoint"_s, m_sandbox->baseUrl().toString(), u"--self-test"_s});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"HUAWEICLOUD_SDK_AK"_s) && result.err.contains(u"HUAWEICLOUD_SDK_SK"_s),
             qPrintable(result.err));
}

void TestSelfTest::unknownProfile()
{
    const Run result = run({u"--profile"_s, u"Nobody"_s, u"--self-test"_s});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"Nobody"_s), qPrintable(result.err));
}

void TestSelfTest::profileSelfTestReadsTheKeychain()
{
    if (qEnvironmentVariableIsEmpty("MIM_KEYCHAIN_AVAILABLE"))
        QSKIP("No unlocked keychain in this environment: MIM_KEYCHAIN_AVAILABLE is not set.");

    // A saved profile in the isolated home; its secret in the keychain under the application's service.
    QTemporaryDir home;
    Profile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.name = u"Keychain self-test"_s;
    profile.regionId = QLatin1String(sandbox::DefaultRegionId);
    profile.modelArtsEndpoint = m_sandbox->baseUrl();
    profile.iamEndpoint = m_sandbox->baseUrl();
    profile.swrEndpoint = m_sandbox->baseUrl();
    profile.projectId = QLatin1String(sandbox::DefaultProjectId);
    profile.accessKey = QLatin1String(sandbox::DefaultAccessKey);
    ProfileStore(QDir(home.path()).filePath(u"config/modelarts-image-manager/modelarts-image-manager.conf"_s))
        .save(profile);

    // Without an entry the self-test explains and fails.
    Run result = run({u"--profile"_s, profile.name, u"--self-test"_s}, {}, home.path());
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(
        result.err.contains(u"self-test: failed: No secrets of this account are stored in the keychain"_s),
        qPrintable(result.err));

    SecretStore secrets(u"ModelArts Image Manager"_s);
    Credentials stored;
    stored.secretKey = SecretKey;
    bool written = false;
    secrets.write(profile.id, stored, [&](const SecretStoreResult &outcome) {
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        written = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(written, 20000);

    result = run({u"--profile"_s, profile.name, u"--self-test"_s}, {}, home.path());
    bool removed = false;
    secrets.remove(profile.id, [&](const SecretStoreResult &) { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 20000);

    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.startsWith(u"self-test: loaded "_s), qPrintable(result.out));
    QVERIFY(!result.err.contains(SecretKey));
}

void TestSelfTest::version()
{
    const Run result = run({u"--version"_s});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), u"modelarts-image-manager " MIM_VERSION ""_s);
}

void TestSelfTest::help()
{
    const Run result = run({u"--help"_s});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    for (const char *option : {"--profile", "--endpoint", "--iam-endpoint", "--region", "--project-id",
                               "--demo", "--self-test", "--log-level", "--version", "HUAWEICLOUD_SDK_AK"})
        QVERIFY2(result.out.contains(QLatin1String(option)), option);
}

void TestSelfTest::helpAllListsQtOptions()
{
    const Run result = run({u"--help-all"_s});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    for (const char *option :
         {"--self-test", "-session", "-platform", "-style", "-reverse", "-qwindowgeometry"})
        QVERIFY2(result.out.contains(QLatin1String(option)), option);
    QVERIFY(!run({u"--help"_s}).out.contains(u"-qwindowgeometry"_s));
}

// X11 session restore relaunches the app with -session; Qt's options must reach Qt, not the app's parser.
void TestSelfTest::qtOptionsAreLeftToQt()
{
    QTemporaryDir home;
    const QStringList qtOptions{u"-session"_s,         u"1a2b3c"_s,      u"-reverse"_s,   u"-style=Fusion"_s,
                                u"-qwindowgeometry"_s, u"800x600+0+0"_s, u"--platform"_s, u"offscreen"_s};
    Run result = run(QStringList{u"--demo"_s, u"--self-test"_s} + qtOptions, {}, home.path());
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.startsWith(u"self-test: loaded "_s), qPrintable(result.out));

    // With a window: the app starts, paints and quits.
    result =
        run(QStringList{u"--demo"_s} + qtOptions,
            {{u"MIM_REPORT_FIRST_PAINT"_s, u"1"_s}, {u"MIM_EXIT_AFTER_FIRST_PAINT"_s, u"1"_s}}, home.path());
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(u"first-paint-ms: "_s), qPrintable(result.out + result.err));

    // An option that is neither the app's nor Qt's is still a mistake.
    result = run({u"-sessionx"_s, u"--version"_s}, {}, home.path());
    QCOMPARE(result.exitCode, 2);
}

// The demo's server runs as the modelarts-sandbox program, so the app itself carries no Qt HttpServer (GPL).
void TestSelfTest::appLinksNoServerCode()
{
    if (QStandardPaths::findExecutable(u"ldd"_s).isEmpty())
        QSKIP("needs ldd");
    QProcess ldd;
    ldd.start(u"ldd"_s, {QStringLiteral(MIM_APP_EXECUTABLE)});
    QVERIFY(ldd.waitForFinished(30000));
    const QString libraries = QString::fromLocal8Bit(ldd.readAllStandardOutput());
    QVERIFY2(libraries.contains(u"libQt6Widgets"_s), qPrintable(libraries));
    QVERIFY2(!libraries.contains(u"HttpServer"_s), qPrintable(libraries));
    QVERIFY2(!libraries.contains(u"WebSockets"_s), qPrintable(libraries));
}

// However the app ends (here: SIGKILL), the demo server it started does not keep running.
void TestSelfTest::demoServerEndsWithTheApp()
{
#ifndef Q_OS_LINUX
    QSKIP("reads /proc");
#else
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.remove(u"QT_LOGGING_RULES"_s);
    QProcess app;
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(MIM_APP_EXECUTABLE), {u"--demo"_s});
    QVERIFY(app.waitForStarted(10000));
    QByteArray log;
    QDeadlineTimer deadline(60000);
    while (!log.contains("demo server listening on") && app.state() == QProcess::Running &&
           !deadline.hasExpired()) {
        app.waitForReadyRead(200);
        log += app.readAllStandardError();
    }
    QVERIFY2(log.contains("demo server listening on"), log.constData());
    QFile childrenFile(u"/proc/%1/task/%1/children"_s.arg(app.processId()));
    QVERIFY(childrenFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> children = childrenFile.readAll().trimmed().split(' ');
    QCOMPARE(children.size(), 1);
    const QString child = QString::fromLatin1(children.constFirst());
    QFile command(u"/proc/%1/cmdline"_s.arg(child));
    QVERIFY(command.open(QIODevice::ReadOnly));
    QVERIFY(command.readAll().contains("modelarts-sandbox"));

    app.kill();
    QVERIFY(app.waitForFinished(10000));
    // Gone, or a zombie waiting for whoever adopted it to reap it: either way it no longer runs.
    const auto ended = [&child] {
        QFile status(u"/proc/%1/status"_s.arg(child));
        if (!status.open(QIODevice::ReadOnly))
            return true;
        const QByteArray text = status.readAll();
        return text.contains("State:\tZ") || text.contains("State:\tX");
    };
    QTRY_VERIFY_WITH_TIMEOUT(ended(), 10000);
#endif
}

QTEST_GUILESS_MAIN(TestSelfTest)
#include "test_self_test.moc"
