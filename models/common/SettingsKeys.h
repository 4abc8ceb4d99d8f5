#pragma once

#include <QList>
#include <QString>
#include <QVariant>

class QSettings;

namespace mim {

// Every QSettings key the application reads or writes, with its path and the value it has when nothing is
// stored. The paths are what users' settings files hold: renaming one needs an entry in renames(), so that
// migrate() carries the stored value over.
enum class SettingsKey
{
    // The user interface language, a locale name such as "zh_CN"; empty follows the system.
    UiLanguage,
    // How the date columns show dates: "locale" (the language's short format) or "iso" (2024-05-30 14:02).
    UiDateFormat,
    // "system" (follow the desktop), "light" or "dark".
    UiTheme,
    CurrentProfile,

    // The main window. The "v1" keeps an incompatible future layout from restoring an old one.
    MainWindowGeometry,
    MainWindowState,
    MainWindowSplitter,
    DetailsPaneVisible,
    ImageTableHeader,
    ImageTableFilter,
    // Whether the last listing of each account is kept on disk for the next start (ListingCache.h).
    RememberImageLists,

    ExportLastFolder,
    ExportLastFormat, // "json" or "csv"
    ExportFields,     // "visible" (the columns the table shows) or "all"

    CleanupGeometry,
    // The size and place of the Deletion Results dialog.
    DeletionResultsGeometry,
    // The size and place of the SWR Storage dialog.
    SwrStorageGeometry,
    // Below the account's group, SettingsKeys::cleanupGroup().
    CleanupRules,
    CleanupForce,
    CleanupFormValues,
    CleanupLastRunAt,
    CleanupLastRunCount,

    // Below the profile's group, SettingsKeys::profileGroup(). None of them may ever hold a secret.
    ProfileName,
    ProfileRegion,
    ProfileModelArtsEndpoint,
    ProfileIamEndpoint,
    ProfileProjectId,
    ProfileAuth,
    ProfileAccessKey,
    ProfileUserName,
    ProfileDomainName,
    ProfileCaCertificates,
    ProfileSwrEndpoint,

    // What migrate() last brought the settings up to.
    SettingsVersion,

    Count
};

class SettingsKeys
{
public:
    // Where a key lives: at the top of the settings, or below a per-account or per-profile group.
    enum class Scope
    {
        Global,
        CleanupAccount,
        Profile,
    };

    struct Entry
    {
        SettingsKey key;
        QString path; // relative to its group for the Scope::CleanupAccount and Scope::Profile keys
        Scope scope;
        QVariant defaultValue; // invalid: nothing
    };

    // A key that had another path before the settings' version `version`.
    struct Rename
    {
        QString oldPath;
        SettingsKey key;
        int version;
    };

    // The settings layout this build writes; raise it with each entry added to renames().
    static constexpr int CurrentVersion = 1;

    static const QList<Entry> &entries(); // one per key, in SettingsKey order
    static const Entry &entry(SettingsKey key);
    static QString path(SettingsKey key);
    static QVariant defaultValue(SettingsKey key);

    // The stored value, or the key's default.
    static QVariant value(const QSettings &settings, SettingsKey key);
    static void setValue(QSettings &settings, SettingsKey key, const QVariant &value);
    static bool contains(const QSettings &settings, SettingsKey key);
    static void remove(QSettings &settings, SettingsKey key);

    // "profiles" holds one group per profile id; "cleanup/<account>" the clean-up dialog's choices for an
    // account (its name percent-encoded: QSettings reads "/" and "\" as levels).
    static QString profilesGroup();
    static QString cleanupGroup(const QString &accountName);

    // Keys renamed so far; empty while no stored key has ever been renamed.
    static const QList<Rename> &renames();
    // Moves values stored under a renamed key's old path to its current one (a value already at the new
    // path wins), then records the version. Global keys only. Returns how many values moved.
    static int migrate(QSettings &settings);
    static int migrate(QSettings &settings, const QList<Rename> &renames, int currentVersion);
};

} // namespace mim
