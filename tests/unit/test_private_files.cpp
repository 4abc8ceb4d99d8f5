// The app's own files are readable by their owner only: settings (which QSettings rewrites on every sync),
// and the folders the app makes for them.

#include "models/common/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

int mode(const QString &path)
{
#if defined(Q_OS_UNIX)
    struct stat info
    {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
#else
    Q_UNUSED(path)
    return -1;
#endif
}

} // namespace

class TestPrivateFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
#if !defined(Q_OS_UNIX)
        QSKIP("Unix file modes");
#endif
    }

    void newSettingsStayPrivate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(u"config/modelarts-image-manager"_s);
        const QString path = folder + u"/settings.conf"_s;
        QSettings settings(path, QSettings::IniFormat);
        privatefiles::makeSettings(settings);
        QCOMPARE(mode(folder), 0700);
        QCOMPARE(mode(path), 0600);

        // QSettings replaces the file on every sync; the mode must survive that.
        settings.setValue(u"account/endpoint"_s, u"https://modelarts.example"_s);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
        QCOMPARE(mode(path), 0600);
        QCOMPARE(QSettings(path, QSettings::IniFormat).value(u"account/endpoint"_s).toString(),
                 u"https://modelarts.example"_s);
    }

    void oldSettingsBecomePrivate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"settings.conf"_s);
        {
            QSettings old(path, QSettings::IniFormat);
            old.setValue(u"kept"_s, 42);
        }
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                                QFile::ReadOther));
        QSettings settings(path, QSettings::IniFormat);
        privatefiles::makeSettings(settings);
        QCOMPARE(mode(path), 0600);
        QCOMPARE(settings.value(u"kept"_s).toInt(), 42);
    }

    void onlyTheLastFolderIsChanged()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                      QFile::ReadGroup | QFile::ExeGroup));
        const QString folder = dir.filePath(u"app"_s);
        QVERIFY(privatefiles::makeDirectory(folder));
        QCOMPARE(mode(folder), 0700);
        QCOMPARE(mode(dir.path()), 0750);
    }

    void errorStringPrefersTheSystemsReason()
    {
        QFile file;
        QCOMPARE(privatefiles::errorString(file, ENOSPC), qt_error_string(ENOSPC));
        QCOMPARE(privatefiles::errorString(file, 0), file.errorString());
    }
};

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "test_private_files.moc"
