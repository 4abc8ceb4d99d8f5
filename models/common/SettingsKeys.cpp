#include "models/common/SettingsKeys.h"

#include "models/common/ModelsLogging.h"

#include <QSettings>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

using K = SettingsKey;
using S = SettingsKeys::Scope;

QList<SettingsKeys::Entry> makeEntries()
{
    return {
        {K::UiLanguage, u"ui/language"_s, S::Global, QString()},
        {K::UiDateFormat, u"ui/dateFormat"_s, S::Global, u"locale"_s},
        {K::UiTheme, u"ui/theme"_s, S::Global, u"system"_s},
        {K::CurrentProfile, u"accounts/current"_s, S::Global, QString()},
        {K::MainWindowGeometry, u"mainWindow/v1/geometry"_s, S::Global, {}},
        {K::MainWindowState, u"mainWindow/v1/state"_s, S::Global, {}},
        {K::MainWindowSplitter, u"mainWindow/v1/splitter"_s, S::Global, {}},
        {K::DetailsPaneVisible, u"mainWindow/v1/detailsPaneVisible"_s, S::Global, true},
        {K::ImageTableHeader, u"imageTable/v1/header"_s, S::Global, {}},
        {K::ImageTableFilter, u"imageTable/v1/filter"_s, S::Global, QVariantMap()},
        {K::RememberImageLists, u"imageTable/rememberLists"_s, S::Global, true},
        {K::ExportLastFolder, u"export/lastFolder"_s, S::Global, QString()},
        {K::ExportLastFormat, u"export/lastFormat"_s, S::Global, u"csv"_s},
        {K::ExportFields, u"export/fields"_s, S::Global, u"visible"_s},
        {K::CleanupGeometry, u"cleanup/geometry"_s, S::Global, {}},
        {K::DeletionResultsGeometry, u"deletionResults/geometry"_s, S::Global, {}},
        {K::SwrStorageGeometry, u"swrStorage/geometry"_s, S::Global, {}},
        {K::CleanupRules, u"rules"_s, S::CleanupAccount, {}},
        {K::CleanupForce, u"force"_s, S::CleanupAccount, false},
        {K::CleanupFormValues, u"formValues"_s, S::CleanupAccount, QVariantMap()},
        {K::CleanupLastRunAt, u"lastRunAt"_s, S::CleanupAccount, {}},
        {K::CleanupLastRunCount, u"lastRunCount"_s, S::CleanupAccount, 0},
        {K::ProfileName, u"name"_s, S::Profile, QString()},
        {K::ProfileRegion, u"region"_s, S::Profile, QString()},
        {K::ProfileModelArtsEndpoint, u"modelarts_endpoint"_s, S::Profile, QString()},
        {K::ProfileIamEndpoint, u"iam_endpoint"_s, S::Profile, QString()},
        {K::ProfileProjectId, u"project_id"_s, S::Profile, QString()},
        {K::ProfileAuth, u"auth"_s, S::Profile, u"aksk"_s},
        {K::ProfileAccessKey, u"access_key"_s, S::Profile, QString()},
        {K::ProfileUserName, u"user_name"_s, S::Profile, QString()},
        {K::ProfileDomainName, u"domain_name"_s, S::Profile, QString()},
        {K::ProfileCaCertificates, u"ca_certificates_file"_s, S::Profile, QString()},
        {K::ProfileSwrEndpoint, u"swr_endpoint"_s, S::Profile, QString()},
        {K::SettingsVersion, u"settings/version"_s, S::Global, 0},
    };
}

} // namespace

const QList<SettingsKeys::Entry> &SettingsKeys::entries()
{
    static const QList<Entry> table = [] {
        QList<Entry> entries = makeEntries();
        Q_ASSERT(entries.size() == int(K::Count));
        for (int i = 0; i < entries.size(); ++i)
            Q_ASSERT(int(entries.at(i).key) == i);
        return entries;
    }();
    return table;
}

const SettingsKeys::Entry &SettingsKeys::entry(SettingsKey key)
{
    return entries().at(int(key));
}

QString SettingsKeys::path(SettingsKey key)
{
    return entry(key).path;
}

QVariant SettingsKeys::defaultValue(SettingsKey key)
{
    return entry(key).defaultValue;
}

QVariant SettingsKeys::value(const QSettings &settings, SettingsKey key)
{
    const Entry &e = entry(key);
    return settings.value(e.path, e.defaultValue);
}

void SettingsKeys::setValue(QSettings &settings, SettingsKey key, const QVariant &value)
{
    settings.setValue(path(key), value);
}

bool SettingsKeys::contains(const QSettings &settings, SettingsKey key)
{
    return settings.contains(path(key));
}

void SettingsKeys::remove(QSettings &settings, SettingsKey key)
{
    settings.remove(path(key));
}

QString SettingsKeys::profilesGroup()
{
    return u"profiles"_s;
}

QString SettingsKeys::cleanupGroup(const QString &accountName)
{
    return u"cleanup/"_s + QString::fromLatin1(QUrl::toPercentEncoding(accountName));
}

const QList<SettingsKeys::Rename> &SettingsKeys::renames()
{
    static const QList<Rename> list;
    return list;
}

int SettingsKeys::migrate(QSettings &settings)
{
    return migrate(settings, renames(), CurrentVersion);
}

int SettingsKeys::migrate(QSettings &settings, const QList<Rename> &renames, int currentVersion)
{
    const int stored = value(settings, SettingsKey::SettingsVersion).toInt();
    if (stored >= currentVersion)
        return 0; // written by this build or a newer one: nothing to carry over, nothing to downgrade
    int moved = 0;
    for (const Rename &rename : renames) {
        if (rename.version <= stored || !settings.contains(rename.oldPath))
            continue;
        if (!contains(settings, rename.key)) {
            setValue(settings, rename.key, settings.value(rename.oldPath));
            ++moved;
        }
        settings.remove(rename.oldPath);
    }
    setValue(settings, SettingsKey::SettingsVersion, currentVersion);
    if (moved > 0)
        qCInfo(lcModels) << "settings: moved" << moved << "values to their current keys, version" << stored
                         << "to" << currentVersion;
    return moved;
}

} // namespace mim
