// The table of settings keys: every key once, with the path users' settings files hold and its default, and
// the migration that carries values over when a key is renamed.

#include "models/common/SettingsKeys.h"

#include <QDateTime>
#include <QMetaEnum>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

QString scopedPath(const SettingsKeys::Entry &entry)
{
    switch (entry.scope) {
    case SettingsKeys::Scope::Global:
        return entry.path;
    case SettingsKeys::Scope::CleanupAccount:
        return u"cleanup/<account>/"_s + entry.path;
    case SettingsKeys::Scope::Profile:
        return u"profiles/<id>/"_s + entry.path;
    }
    return {};
}

} // namespace

class TestSettingsKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void everyKeyOnceWithItsStoredPath();
    void defaultsAreReturnedWhenNothingIsStored();
    void storedValuesWin();
    void groups();
    void migrationMovesRenamedKeysOnce();
    void migrationKeepsAValueAlreadyAtTheNewPath();
    void migrationOfThisBuildOnlyRecordsTheVersion();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestSettingsKeys::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
}

void TestSettingsKeys::everyKeyOnceWithItsStoredPath()
{
    // These are the names in users' settings files: changing one needs a rename and its migration.
    const QStringList expected{
        u"ui/language"_s,
        u"ui/dateFormat"_s,
        u"ui/theme"_s,
        u"accounts/current"_s,
        u"mainWindow/v1/geometry"_s,
        u"mainWindow/v1/state"_s,
        u"mainWindow/v1/splitter"_s,
        u"mainWindow/v1/detailsPaneVisible"_s,
        u"imageTable/v1/header"_s,
        u"imageTable/v1/filter"_s,
        u"imageTable/rememberLists"_s,
        u"export/lastFolder"_s,
        u"export/lastFormat"_s,
        u"export/fields"_s,
        u"cleanup/geometry"_s,
        u"deletionResults/geometry"_s,
        u"swrStorage/geometry"_s,
        u"cleanup/<account>/rules"_s,
        u"cleanup/<account>/force"_s,
        u"cleanup/<account>/formValues"_s,
        u"cleanup/<account>/lastRunAt"_s,
        u"cleanup/<account>/lastRunCount"_s,
        u"profiles/<id>/name"_s,
        u"profiles/<id>/region"_s,
        u"profiles/<id>/modelarts_endpoint"_s,
        u"profiles/<id>/iam_endpoint"_s,
        u"profiles/<id>/project_id"_s,
        u"profiles/<id>/auth"_s,
        u"profiles/<id>/access_key"_s,
        u"profiles/<id>/user_name"_s,
        u"profiles/<id>/domain_name"_s,
        u"profiles/<id>/ca_certificates_file"_s,
        u"profiles/<id>/swr_endpoint"_s,
        u"settings/version"_s,
    };
    QCOMPARE(SettingsKeys::entries().size(), int(SettingsKey::Count));
    QStringList paths;
    QSet<QString> unique;
    for (int i = 0; i < int(SettingsKey::Count); ++i) {
        const SettingsKeys::Entry &entry = SettingsKeys::entry(SettingsKey(i));
        QCOMPARE(int(entry.key), i);
        QCOMPARE(SettingsKeys::path(SettingsKey(i)), entry.path);
        paths.append(scopedPath(entry));
        unique.insert(scopedPath(entry));
    }
    QCOMPARE(paths, expected);
    QCOMPARE(unique.size(), paths.size());
    // Nothing that names a secret is ever stored in the settings.
    for (const QString &path : std::as_const(paths)) {
        QVERIFY2(!path.contains(u"secret"_s, Qt::CaseInsensitive), qPrintable(path));
        QVERIFY2(!path.contains(u"password"_s, Qt::CaseInsensitive), qPrintable(path));
    }
}

void TestSettingsKeys::defaultsAreReturnedWhenNothingIsStored()
{
    for (int i = 0; i < int(SettingsKey::Count); ++i) {
        const auto key = SettingsKey(i);
        QVERIFY(!SettingsKeys::contains(*m_settings, key));
        QCOMPARE(SettingsKeys::value(*m_settings, key), SettingsKeys::defaultValue(key));
    }
    // The defaults the windows rely on.
    QCOMPARE(SettingsKeys::value(*m_settings, SettingsKey::DetailsPaneVisible).toBool(), true);
    QCOMPARE(SettingsKeys::value(*m_settings, SettingsKey::CleanupForce).toBool(), false);
    QCOMPARE(SettingsKeys::value(*m_settings, SettingsKey::CleanupLastRunCount).toInt(), 0);
    QCOMPARE(SettingsKeys::value(*m_settings, SettingsKey::ExportLastFormat).toString(), u"csv"_s);
    QCOMPARE(SettingsKeys::value(*m_settings, SettingsKey::ProfileAuth).toString(), u"aksk"_s);
    QVERIFY(SettingsKeys::value(*m_settings, SettingsKey::UiLanguage).toString().isEmpty());
    QVERIFY(SettingsKeys::value(*m_settings, SettingsKey::ImageTableFilter).toMap().isEmpty());
    QVERIFY(SettingsKeys::value(*m_settings, SettingsKey::MainWindowGeometry).toByteArray().isEmpty());
    QCOMPARE(SettingsKeys::value(*m_settings, SettingsKey::SettingsVersion).toInt(), 0);
}

void TestSettingsKeys::storedValuesWin()
{
    SettingsKeys::setValue(*m_settings, SettingsKey::DetailsPaneVisible, false);
    SettingsKeys::setValue(*m_settings, SettingsKey::UiLanguage, u"zh_CN"_s);
    m_settings->sync();
    QSettings reread(m_settings->fileName(), QSettings::IniFormat);
    QCOMPARE(reread.value(u"mainWindow/v1/detailsPaneVisible"_s).toBool(), false);
    QCOMPARE(SettingsKeys::value(reread, SettingsKey::DetailsPaneVisible).toBool(), false);
    QCOMPARE(SettingsKeys::value(reread, SettingsKey::UiLanguage).toString(), u"zh_CN"_s);
    SettingsKeys::remove(*m_settings, SettingsKey::UiLanguage);
    QVERIFY(!SettingsKeys::contains(*m_settings, SettingsKey::UiLanguage));
}

void TestSettingsKeys::groups()
{
    QCOMPARE(SettingsKeys::profilesGroup(), u"profiles"_s);
    // An account name is one level, whatever it holds.
    QCOMPARE(SettingsKeys::cleanupGroup(u"team/a\\b c"_s), u"cleanup/team%2Fa%5Cb%20c"_s);
}

void TestSettingsKeys::migrationMovesRenamedKeysOnce()
{
    const QList<SettingsKeys::Rename> renames{
        {u"window/geometry"_s, SettingsKey::MainWindowGeometry, 2},
        {u"ui/lang"_s, SettingsKey::UiLanguage, 3},
    };
    m_settings->setValue(u"window/geometry"_s, QByteArray("geometry"));
    m_settings->setValue(u"ui/lang"_s, u"zh_CN"_s);
    SettingsKeys::setValue(*m_settings, SettingsKey::SettingsVersion, 1);

    QCOMPARE(SettingsKeys::migrate(*m_settings, renames, 3), 2);
    QCOMPARE(SettingsKeys::value(*m_settings, SettingsKey::MainWindowGeometry).toByteArray(),
             QByteArray("geometry"));
    QCOMPARE(SettingsKeys::value(*m_settings, SettingsKey::UiLanguage).toString(), u"zh_CN"_s);
    QVERIFY(!m_settings->contains(u"window/geometry"_s));
    QVERIFY(!m_settings->contains(u"ui/lang"_s));
    QCOMPARE(SettingsKeys::value(*m_settings, SettingsKey::SettingsVersion).toInt(), 3);

    // Once at the version, an old path written again (by an older build) is not read.
    m_settings->setValue(u"ui/lang"_s, u"en"_s);
    QCOMPARE(SettingsKeys::migrate(*m_settings, renames, 3), 0);
    QCOMPARE(SettingsKeys::value(*m_settings, SettingsKey::UiLanguage).toString(), u"zh_CN"_s);

    // A rename older than the stored version was done before.
    QSettings other(m_dir->filePath(u"other.ini"_s), QSettings::IniFormat);
    SettingsKeys::setValue(other, SettingsKey::SettingsVersion, 2);
    other.setValue(u"window/geometry"_s, QByteArray("old"));
    other.setValue(u"ui/lang"_s, u"en"_s);
    QCOMPARE(SettingsKeys::migrate(other, renames, 3), 1);
    QVERIFY(!SettingsKeys::contains(other, SettingsKey::MainWindowGeometry));
    QCOMPARE(SettingsKeys::value(other, SettingsKey::UiLanguage).toString(), u"en"_s);
}

void TestSettingsKeys::migrationKeepsAValueAlreadyAtTheNewPath()
{
    const QList<SettingsKeys::Rename> renames{{u"ui/lang"_s, SettingsKey::UiLanguage, 2}};
    m_settings->setValue(u"ui/lang"_s, u"en"_s);
    SettingsKeys::setValue(*m_settings, SettingsKey::UiLanguage, u"zh_CN"_s);
    QCOMPARE(SettingsKeys::migrate(*m_settings, renames, 2), 0);
    QCOMPARE(SettingsKeys::value(*m_settings, SettingsKey::UiLanguage).toString(), u"zh_CN"_s);
    QVERIFY(!m_settings->contains(u"ui/lang"_s));
}

void TestSettingsKeys::migrationOfThisBuildOnlyRecordsTheVersion()
{
    QVERIFY(SettingsKeys::CurrentVersion >= 1);
    for (const SettingsKeys::Rename &rename : SettingsKeys::renames()) {
        QVERIFY(rename.version <= SettingsKeys::CurrentVersion);
        QVERIFY(rename.oldPath != SettingsKeys::path(rename.key));
    }
    SettingsKeys::setValue(*m_settings, SettingsKey::UiLanguage, u"en"_s);
    QCOMPARE(SettingsKeys::migrate(*m_settings), 0);
    QCOMPARE(SettingsKeys::value(*m_settings, SettingsKey::SettingsVersion).toInt(),
             SettingsKeys::CurrentVersion);
    QCOMPARE(SettingsKeys::value(*m_settings, SettingsKey::UiLanguage).toString(), u"en"_s);
    // A newer build's settings are left as they are.
    SettingsKeys::setValue(*m_settings, SettingsKey::SettingsVersion, SettingsKeys::CurrentVersion + 5);
    QCOMPARE(SettingsKeys::migrate(*m_settings), 0);
    QCOMPARE(SettingsKeys::value(*m_settings, SettingsKey::SettingsVersion).toInt(),
             SettingsKeys::CurrentVersion + 5);
}

QTEST_GUILESS_MAIN(TestSettingsKeys)
#include "test_settings_keys.moc"
