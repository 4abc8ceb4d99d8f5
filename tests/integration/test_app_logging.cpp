// The application's logger: line format, --log-level filter rules, the rotating log file, and the last line
// of defence that replaces every loaded secret with "<redacted>".

#include "Logging.h"
#include "models/api/ConnectionSettings.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#if defined(Q_OS_UNIX)
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;
using namespace mim;
using namespace mim::app;

Q_LOGGING_CATEGORY(lcLoggingTest, "mim.test.logging")

namespace {

QString readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestAppLogging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void linesCarryTimeSeverityAndCategory();
    void levelsBecomeFilterRules();
    void knownSecretsAreRedacted();
    void veryShortSecretsAreLeftAlone();
    void fileRotates();
    void noDirectoryMeansNoFile();
    void logFilesArePrivate();
};

void TestAppLogging::cleanup()
{
    QLoggingCategory::setFilterRules(QString());
}

void TestAppLogging::linesCarryTimeSeverityAndCategory()
{
    QMessageLogContext context("file.cpp", 1, "function", "mim.api");
    const QString line = Logger::formatLine(QtWarningMsg, context, u"something happened"_s);
    static const QRegularExpression shape(
        u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3} W mim\\.api: something happened$"_s);
    QVERIFY2(shape.match(line).hasMatch(), qPrintable(line));
}

void TestAppLogging::levelsBecomeFilterRules()
{
    Logger::setLevel(LogLevel::Debug);
    QVERIFY(lcLoggingTest().isDebugEnabled());
    Logger::setLevel(LogLevel::Info);
    QVERIFY(!lcLoggingTest().isDebugEnabled());
    QVERIFY(lcLoggingTest().isInfoEnabled());
    Logger::setLevel(LogLevel::Warning);
    QVERIFY(!lcLoggingTest().isInfoEnabled());
    QVERIFY(lcLoggingTest().isWarningEnabled());
    QCOMPARE(Logger::filterRules(LogLevel::Debug), u"mim.*.debug=true\nmim.*.info=true"_s);
}

void TestAppLogging::knownSecretsAreRedacted()
{
    QTemporaryDir folder;
    Logger::Options options;
    options.directory = folder.filePath(u"logs"_s);
    options.toStderr = false;
    {
        Logger logger(options);
        logger.install();
        Logger::setLevel(LogLevel::Debug);
        Credentials credentials;
        credentials.secretKey = u"SK-redact-me-1234"_s;
        credentials.securityToken = u"ST-redact-me-5678"_s;
        credentials.password = u"PW-redact-me-90"_s;
        logger.addSecrets(credentials);
        qCDebug(lcLoggingTest) << "signing with" << credentials.secretKey << "and"
                               << credentials.securityToken;
        qCWarning(lcLoggingTest).noquote()
            << u"login body {\"password\":\""_s + credentials.password + u"\"}"_s;
        QCOMPARE(logger.redact(u"x SK-redact-me-1234 y"_s), u"x <redacted> y"_s);
        QCOMPARE(logger.currentFilePath(),
                 QDir(options.directory).filePath(u"modelarts-image-manager.log"_s));
    }
    const QString content = readAll(QDir(options.directory).filePath(u"modelarts-image-manager.log"_s));
    QVERIFY2(content.contains(u"D mim.test.logging: signing with"_s), qPrintable(content));
    QVERIFY2(content.contains(u"W mim.test.logging: login body"_s), qPrintable(content));
    QCOMPARE(content.count(u"<redacted>"_s), 3);
    QVERIFY(!content.contains(u"redact-me"_s));
}

void TestAppLogging::veryShortSecretsAreLeftAlone()
{
    Logger logger(Logger::Options{});
    logger.addSecret(u"abc"_s);
    logger.addSecret(u"abcd-long-enough"_s);
    QCOMPARE(logger.redact(u"abc abcd-long-enough"_s), u"abc <redacted>"_s);
}

void TestAppLogging::fileRotates()
{
    QTemporaryDir folder;
    Logger::Options options;
    options.directory = folder.path();
    options.baseName = u"rotating"_s;
    options.maxFileBytes = 2000;
    options.keptFiles = 2;
    options.toStderr = false;
    {
        Logger logger(options);
        logger.install();
        Logger::setLevel(LogLevel::Info);
        for (int i = 0; i < 200; ++i)
            qCInfo(lcLoggingTest) << "line" << i << QString(40, u'x');
    }
    const QDir dir(folder.path());
    QVERIFY(QFileInfo::exists(dir.filePath(u"rotating.log"_s)));
    QVERIFY(QFileInfo::exists(dir.filePath(u"rotating.1.log"_s)));
    QVERIFY(QFileInfo::exists(dir.filePath(u"rotating.2.log"_s)));
    QVERIFY(!QFileInfo::exists(dir.filePath(u"rotating.3.log"_s)));
    for (const QString &name : dir.entryList(QDir::Files))
        QVERIFY2(QFileInfo(dir.filePath(name)).size() <= 2000, qPrintable(name));
    QVERIFY(readAll(dir.filePath(u"rotating.log"_s)).contains(u"line 199"_s));
}

void TestAppLogging::noDirectoryMeansNoFile()
{
    Logger logger(Logger::Options{});
    QCOMPARE(logger.currentFilePath(), QString());
}

// The log names accounts and endpoints: only its owner may read it, current and rotated files alike.
void TestAppLogging::logFilesArePrivate()
{
#if !defined(Q_OS_UNIX)
    QSKIP("Unix file modes");
#else
    QTemporaryDir folder;
    Logger::Options options;
    options.directory = folder.filePath(u"data/logs"_s);
    options.baseName = u"private"_s;
    options.maxFileBytes = 1000;
    options.keptFiles = 1;
    options.toStderr = false;
    {
        Logger logger(options);
        logger.install();
        Logger::setLevel(LogLevel::Info);
        for (int i = 0; i < 50; ++i)
            qCInfo(lcLoggingTest) << "line" << i << QString(40, u'x');
    }
    const auto mode = [](const QString &path) {
        struct stat info
        {};
        return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
    };
    const QDir dir(options.directory);
    QCOMPARE(mode(dir.path()), 0700);
    const QStringList files = dir.entryList(QDir::Files);
    QCOMPARE(files, (QStringList{u"private.1.log"_s, u"private.log"_s}));
    for (const QString &name : files)
        QVERIFY2(mode(dir.filePath(name)) == 0600, qPrintable(name));
#endif
}

QTEST_GUILESS_MAIN(TestAppLogging)
#include "test_app_logging.moc"
