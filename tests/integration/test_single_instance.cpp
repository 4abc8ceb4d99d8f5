// One window per settings file: a second launch raises the first and exits; a crashed first instance does
// not block the next start; demo and self-test runs are never refused.

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondLaunchRaisesTheFirst();
    void crashedInstanceDoesNotBlockTheNextStart();
    void otherSettingsRunSideBySide();

private:
    QProcessEnvironment environmentFor(const QDir &home, const QDir &runtime) const;
    // Starts the app and waits until its window has painted (so it listens for other launches).
    bool startPrimary(QProcess &process, const QDir &home, const QDir &runtime);
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run runToEnd(const QStringList &arguments, const QProcessEnvironment &environment);
};

QProcessEnvironment TestSingleInstance::environmentFor(const QDir &home, const QDir &runtime) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "QT_LOGGING_RULES", "MIM_EXIT_AFTER_FIRST_PAINT"})
        env.remove(QLatin1String(name));
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    env.insert(u"XDG_RUNTIME_DIR"_s, runtime.path());
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"MIM_REPORT_FIRST_PAINT"_s, u"1"_s);
    return env;
}

bool TestSingleInstance::startPrimary(QProcess &process, const QDir &home, const QDir &runtime)
{
    process.setProcessEnvironment(environmentFor(home, runtime));
    process.start(QStringLiteral(MIM_APP_EXECUTABLE), {});
    if (!process.waitForStarted(10000))
        return false;
    QByteArray out;
    QDeadlineTimer deadline(60000);
    while (!out.contains("first-paint-ms: ") && process.state() == QProcess::Running &&
           !deadline.hasExpired()) {
        process.waitForReadyRead(200);
        out += process.readAllStandardOutput();
    }
    return out.contains("first-paint-ms: ");
}

TestSingleInstance::Run TestSingleInstance::runToEnd(const QStringList &arguments,
                                                     const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(MIM_APP_EXECUTABLE), arguments);
    Run run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestSingleInstance::secondLaunchRaisesTheFirst()
{
    QTemporaryDir home;
    QTemporaryDir runtime;
    QProcess primary;
    const auto stop = qScopeGuard([&] {
        primary.kill();
        primary.waitForFinished(5000);
    });
    QVERIFY(startPrimary(primary, home.path(), runtime.path()));

    const Run second = runToEnd({}, environmentFor(home.path(), runtime.path()));
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(second.out.contains(u"already running"_s), qPrintable(second.out + second.err));
    QVERIFY(!second.out.contains(u"first-paint-ms"_s)); // it opened no window of its own
    QString primaryLog;
    QTRY_VERIFY_WITH_TIMEOUT((primaryLog += QString::fromUtf8(primary.readAllStandardError()),
                              primaryLog.contains(u"another launch asked this window to show itself"_s)),
                             10000);
    QCOMPARE(primary.state(), QProcess::Running);

    // Qt's options and app options do not change that.
    const Run withOptions = runToEnd({u"-session"_s, u"abc"_s, u"--log-level"_s, u"debug"_s},
                                     environmentFor(home.path(), runtime.path()));
    QCOMPARE(withOptions.exitCode, 0);
    QVERIFY(withOptions.out.contains(u"already running"_s));

    // The demo and the self-test save nothing: they run beside it.
    const Run demoSelfTest =
        runToEnd({u"--demo"_s, u"--self-test"_s}, environmentFor(home.path(), runtime.path()));
    QVERIFY2(demoSelfTest.exitCode == 0, qPrintable(demoSelfTest.err));
    QVERIFY(demoSelfTest.out.startsWith(u"self-test: loaded "_s));
    QProcessEnvironment quitAfterPaint = environmentFor(home.path(), runtime.path());
    quitAfterPaint.insert(u"MIM_EXIT_AFTER_FIRST_PAINT"_s, u"1"_s);
    const Run demo = runToEnd({u"--demo"_s}, quitAfterPaint);
    QCOMPARE(demo.exitCode, 0);
    QVERIFY2(demo.out.contains(u"first-paint-ms: "_s), qPrintable(demo.out + demo.err));
}

void TestSingleInstance::crashedInstanceDoesNotBlockTheNextStart()
{
    QTemporaryDir home;
    QTemporaryDir runtime;
    {
        QProcess crashed;
        QVERIFY(startPrimary(crashed, home.path(), runtime.path()));
        crashed.kill(); // SIGKILL: the lock file and the socket stay behind
        QVERIFY(crashed.waitForFinished(5000));
    }
    QVERIFY(!QDir(runtime.path()).entryList(QDir::Files | QDir::System | QDir::Hidden).isEmpty());

    QProcessEnvironment next = environmentFor(home.path(), runtime.path());
    next.insert(u"MIM_EXIT_AFTER_FIRST_PAINT"_s, u"1"_s);
    const Run restarted = runToEnd({}, next);
    QVERIFY2(restarted.exitCode == 0, qPrintable(restarted.err));
    QVERIFY2(restarted.out.contains(u"first-paint-ms: "_s), qPrintable(restarted.out + restarted.err));
    QVERIFY(!restarted.out.contains(u"already running"_s));
}

void TestSingleInstance::otherSettingsRunSideBySide()
{
    QTemporaryDir home;
    QTemporaryDir otherHome;
    QTemporaryDir runtime;
    QProcess primary;
    const auto stop = qScopeGuard([&] {
        primary.kill();
        primary.waitForFinished(5000);
    });
    QVERIFY(startPrimary(primary, home.path(), runtime.path()));
    QProcessEnvironment other = environmentFor(otherHome.path(), runtime.path());
    other.insert(u"MIM_EXIT_AFTER_FIRST_PAINT"_s, u"1"_s);
    const Run second = runToEnd({}, other);
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(second.out.contains(u"first-paint-ms: "_s), qPrintable(second.out + second.err));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "test_single_instance.moc"
