// Where the app keeps its data and logs, and the move from the doubled folders of earlier versions.

#include "AppPaths.h"
#include "models/catalog/ListingCache.h"
#include "models/common/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim::app;

class TestAppPaths : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void placesFollowTheXdgSpecification();
    void legacyFilesMoveAndNothingIsLost();
    void legacyListingCacheMoves();
    void nothingToMoveIsQuiet();

private:
    std::unique_ptr<QTemporaryDir> m_root;
};

namespace {

bool write(const QString &path, const QByteArray &content)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void TestAppPaths::init()
{
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    const QDir root(m_root->path());
    qputenv("HOME", root.filePath(u"home"_s).toLocal8Bit());
    qputenv("XDG_DATA_HOME", root.filePath(u"data"_s).toLocal8Bit());
    qputenv("XDG_STATE_HOME", root.filePath(u"state"_s).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", root.filePath(u"cache"_s).toLocal8Bit());
    AppPaths::setApplicationIdentity();
}

void TestAppPaths::placesFollowTheXdgSpecification()
{
    const QDir root(m_root->path());
    QCOMPARE(AppPaths::dataDirectory(), root.filePath(u"data/modelarts-image-manager"_s));
    QCOMPARE(AppPaths::journalPath(),
             root.filePath(u"data/modelarts-image-manager/deletion-journal.jsonl"_s));
    QCOMPARE(AppPaths::logDirectory(), root.filePath(u"state/modelarts-image-manager/logs"_s));
    // Without XDG_STATE_HOME (or with a relative one, which the specification says to ignore):
    // ~/.local/state.
    qputenv("XDG_STATE_HOME", "relative/state");
    QCOMPARE(AppPaths::logDirectory(), root.filePath(u"home/.local/state/modelarts-image-manager/logs"_s));
}

void TestAppPaths::legacyFilesMoveAndNothingIsLost()
{
    const QDir legacy(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    QVERIFY2(legacy.path().endsWith(u"modelarts-image-manager/modelarts-image-manager"_s),
             qPrintable(legacy.path()));
    QVERIFY(write(legacy.filePath(u"deletion-journal.jsonl"_s), "intent\n"));
    QVERIFY(write(legacy.filePath(u"deletion-journal-archive-20260101.jsonl"_s), "archive\n"));
    QVERIFY(write(legacy.filePath(u"logs/modelarts-image-manager.log"_s), "old log\n"));
    QVERIFY(write(legacy.filePath(u"logs/modelarts-image-manager.1.log"_s), "older log\n"));

    const QStringList report = AppPaths::moveLegacyFiles();
    QVERIFY2(report.size() == 4, qPrintable(report.join(u'\n')));
    QCOMPARE(read(AppPaths::journalPath()), "intent\n");
    QCOMPARE(read(QDir(AppPaths::dataDirectory()).filePath(u"deletion-journal-archive-20260101.jsonl"_s)),
             "archive\n");
    QCOMPARE(read(QDir(AppPaths::logDirectory()).filePath(u"modelarts-image-manager.log"_s)), "old log\n");
    QCOMPARE(read(QDir(AppPaths::logDirectory()).filePath(u"modelarts-image-manager.1.log"_s)),
             "older log\n");
    QVERIFY(!legacy.exists()); // the doubled folder is gone
#ifdef Q_OS_UNIX
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                      QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    QCOMPARE(QFileInfo(AppPaths::logDirectory()).permissions() & others, QFile::Permissions());
#endif

    // A journal in both places (an older version ran after a newer one): neither is overwritten.
    QVERIFY(write(legacy.filePath(u"deletion-journal.jsonl"_s), "other intent\n"));
    const QStringList second = AppPaths::moveLegacyFiles();
    QVERIFY2(second.size() == 1, qPrintable(second.join(u'\n')));
    QVERIFY(second.constFirst().contains(u"both"_s));
    QCOMPARE(read(AppPaths::journalPath()), "intent\n");
    QCOMPARE(read(legacy.filePath(u"deletion-journal.jsonl"_s)), "other intent\n");
}

void TestAppPaths::legacyListingCacheMoves()
{
    const QDir legacy(
        QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(u"listings"_s));
    QVERIFY2(legacy.path().endsWith(u"modelarts-image-manager/modelarts-image-manager/listings"_s),
             qPrintable(legacy.path()));
    const QString current = mim::listingcache::defaultDirectory();
    QCOMPARE(current, QDir(m_root->path()).filePath(u"cache/modelarts-image-manager/listings"_s));
    QVERIFY(write(legacy.filePath(u"0123.cache"_s), "listing\n"));
    const QStringList report = AppPaths::moveLegacyFiles();
    QVERIFY2(report.size() == 1, qPrintable(report.join(u'\n')));
    QCOMPARE(read(QDir(current).filePath(u"0123.cache"_s)), "listing\n");
    QVERIFY(!legacy.exists());
}

void TestAppPaths::nothingToMoveIsQuiet()
{
    QVERIFY(AppPaths::moveLegacyFiles().isEmpty());
    QVERIFY(!QFileInfo::exists(AppPaths::dataDirectory())); // nothing is created for nothing
}

QTEST_GUILESS_MAIN(TestAppPaths)
#include "test_app_paths.moc"
