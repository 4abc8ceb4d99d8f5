#include "models/accounts/Profile.h"

#include "models/api/Regions.h"
#include "models/common/SettingsKeys.h"

#include <algorithm>
#include <memory>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSettings>
#include <QUuid>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcProfiles, "mim.accounts.profiles")

namespace mim {

namespace {

bool isHexProjectId(const QString &id)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{32}$"_s);
    return pattern.match(id).hasMatch();
}

// Huawei Cloud access keys are 20 upper-case letters and digits (the sandbox's key has the same shape).
bool isWellFormedAccessKey(const QString &ak)
{
    static const QRegularExpression pattern(u"^[A-Z0-9]{20}$"_s);
    return pattern.match(ak).hasMatch();
}

constexpr auto AuthAkSk = "aksk"_L1;
constexpr auto AuthPassword = "password"_L1;

void checkEndpoint(const QUrl &url, const QString &label, QStringList &problems)
{
    if (url.isEmpty())
        return;
    QString whyNot;
    if (!isAcceptableEndpoint(url, &whyNot)) {
        //: %1 is "ModelArts endpoint" or "IAM endpoint", %2 the reason
        problems << Profile::tr("%1: %2").arg(
            label, whyNot.isEmpty() ? Profile::tr("this address cannot be used.") : whyNot);
    }
}

} // namespace

QString Profile::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QStringList Profile::validate() const
{
    QStringList problems;
    if (name.trimmed().isEmpty())
        problems << tr("Enter a name for the account.");

    const bool bothEndpointsGiven = !modelArtsEndpoint.isEmpty() && !iamEndpoint.isEmpty();
    if (!bothEndpointsGiven) {
        if (!Regions::isWellFormedId(regionId)) {
            if (regionId.isEmpty())
                problems << tr("Choose a region, or enter both the ModelArts and the IAM endpoint.");
            else
                problems
                    << tr("“%1” is not a region id (such as cn-north-4). Choose a region, or enter both the "
                          "ModelArts and the IAM endpoint.")
                           .arg(regionId);
        } else if (!Regions::find(regionId)) {
            problems
                << tr("The region “%1” is not known to this version: enter its ModelArts and IAM endpoints.")
                       .arg(regionId);
        }
    }
    checkEndpoint(modelArtsEndpoint, tr("ModelArts endpoint"), problems);
    checkEndpoint(iamEndpoint, tr("IAM endpoint"), problems);
    checkEndpoint(swrEndpoint, tr("SWR endpoint"), problems);

    if (!projectId.isEmpty() && !isHexProjectId(projectId))
        problems << tr(
            "The project id must be 32 lower-case hexadecimal characters; leave it empty to discover it "
            "automatically.");

    switch (authMethod) {
    case AuthMethod::AkSk:
        if (accessKey.isEmpty())
            problems << tr("Enter the access key (AK).");
        else if (!isWellFormedAccessKey(accessKey))
            problems << tr("The access key (AK) must be 20 upper-case letters and digits.");
        break;
    case AuthMethod::Password:
        if (userName.trimmed().isEmpty())
            problems << tr("Enter the IAM user name.");
        if (domainName.trimmed().isEmpty())
            problems << tr("Enter the account name (domain) the IAM user belongs to.");
        break;
    }

    if (!caCertificatesFile.isEmpty() && !QFileInfo(caCertificatesFile).isFile())
        problems << tr("The CA certificate file “%1” does not exist.").arg(caCertificatesFile);
    return problems;
}

ConnectionSettings Profile::connectionSettings(const Credentials &secrets) const
{
    ConnectionSettings settings;
    settings.regionId = regionId;
    settings.projectId = projectId;
    settings.modelArtsEndpoint = modelArtsEndpoint;
    settings.iamEndpoint = iamEndpoint;
    settings.swrEndpoint = swrEndpoint.isEmpty() ? Regions::swrEndpointFor(regionId) : swrEndpoint;
    if (const auto region = Regions::find(regionId)) {
        if (settings.modelArtsEndpoint.isEmpty())
            settings.modelArtsEndpoint = region->modelArtsEndpoint;
        if (settings.iamEndpoint.isEmpty())
            settings.iamEndpoint = region->iamEndpoint;
    }
    settings.caCertificatesFile = caCertificatesFile;

    Credentials &credentials = settings.credentials;
    credentials.method = authMethod;
    switch (authMethod) {
    case AuthMethod::AkSk:
        credentials.accessKey = accessKey;
        credentials.secretKey = secrets.secretKey;
        credentials.securityToken = secrets.securityToken;
        break;
    case AuthMethod::Password:
        credentials.userName = userName;
        credentials.domainName = domainName;
        credentials.password = secrets.password;
        break;
    }
    return settings;
}

ProfileStore::ProfileStore(const QString &settingsFile)
    : m_settingsFile(settingsFile)
{}

std::unique_ptr<QSettings> ProfileStore::openSettings() const
{
    if (m_settingsFile.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(m_settingsFile, QSettings::IniFormat);
}

QList<Profile> ProfileStore::profiles() const
{
    const auto settings = openSettings();
    settings->beginGroup(SettingsKeys::profilesGroup());
    QList<Profile> result;
    const QStringList ids = settings->childGroups();
    for (const QString &id : ids) {
        settings->beginGroup(id);
        Profile profile;
        profile.id = id;
        profile.name = SettingsKeys::value(*settings, SettingsKey::ProfileName).toString();
        profile.regionId = SettingsKeys::value(*settings, SettingsKey::ProfileRegion).toString();
        profile.modelArtsEndpoint =
            QUrl(SettingsKeys::value(*settings, SettingsKey::ProfileModelArtsEndpoint).toString());
        profile.iamEndpoint =
            QUrl(SettingsKeys::value(*settings, SettingsKey::ProfileIamEndpoint).toString());
        profile.swrEndpoint =
            QUrl(SettingsKeys::value(*settings, SettingsKey::ProfileSwrEndpoint).toString());
        profile.projectId = SettingsKeys::value(*settings, SettingsKey::ProfileProjectId).toString();
        profile.authMethod =
            SettingsKeys::value(*settings, SettingsKey::ProfileAuth).toString() == AuthPassword
                ? AuthMethod::Password
                : AuthMethod::AkSk;
        profile.accessKey = SettingsKeys::value(*settings, SettingsKey::ProfileAccessKey).toString();
        profile.userName = SettingsKeys::value(*settings, SettingsKey::ProfileUserName).toString();
        profile.domainName = SettingsKeys::value(*settings, SettingsKey::ProfileDomainName).toString();
        profile.caCertificatesFile =
            SettingsKeys::value(*settings, SettingsKey::ProfileCaCertificates).toString();
        settings->endGroup();
        result << profile;
    }
    settings->endGroup();
    std::sort(result.begin(), result.end(), [](const Profile &a, const Profile &b) {
        const int byName = QString::localeAwareCompare(a.name.toCaseFolded(), b.name.toCaseFolded());
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return result;
}

std::optional<Profile> ProfileStore::find(const QString &idOrName) const
{
    if (idOrName.isEmpty())
        return std::nullopt;
    const QList<Profile> all = profiles();
    for (const Profile &profile : all) {
        if (profile.id == idOrName)
            return profile;
    }
    for (const Profile &profile : all) {
        if (profile.name == idOrName)
            return profile;
    }
    for (const Profile &profile : all) {
        if (profile.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return profile;
    }
    return std::nullopt;
}

void ProfileStore::save(const Profile &profile)
{
    if (profile.id.isEmpty() || profile.id.contains(u'/') || profile.id.contains(u'\\')) {
        qCWarning(lcProfiles) << "refusing to save a profile without a usable id";
        return;
    }
    const auto settings = openSettings();
    settings->beginGroup(SettingsKeys::profilesGroup());
    settings->remove(profile.id); // drop keys that are no longer used
    settings->beginGroup(profile.id);
    SettingsKeys::setValue(*settings, SettingsKey::ProfileName, profile.name);
    SettingsKeys::setValue(*settings, SettingsKey::ProfileRegion, profile.regionId);
    SettingsKeys::setValue(*settings, SettingsKey::ProfileModelArtsEndpoint,
                           profile.modelArtsEndpoint.toString());
    SettingsKeys::setValue(*settings, SettingsKey::ProfileIamEndpoint, profile.iamEndpoint.toString());
    if (!profile.swrEndpoint.isEmpty())
        SettingsKeys::setValue(*settings, SettingsKey::ProfileSwrEndpoint, profile.swrEndpoint.toString());
    SettingsKeys::setValue(*settings, SettingsKey::ProfileProjectId, profile.projectId);
    SettingsKeys::setValue(*settings, SettingsKey::ProfileAuth,
                           profile.authMethod == AuthMethod::Password ? AuthPassword : AuthAkSk);
    if (profile.authMethod == AuthMethod::AkSk) {
        SettingsKeys::setValue(*settings, SettingsKey::ProfileAccessKey, profile.accessKey);
    } else {
        SettingsKeys::setValue(*settings, SettingsKey::ProfileUserName, profile.userName);
        SettingsKeys::setValue(*settings, SettingsKey::ProfileDomainName, profile.domainName);
    }
    SettingsKeys::setValue(*settings, SettingsKey::ProfileCaCertificates, profile.caCertificatesFile);
    settings->endGroup();
    settings->endGroup();
    settings->sync();
    if (settings->status() != QSettings::NoError)
        qCWarning(lcProfiles) << "could not write the profile settings to" << settings->fileName();
    else
        qCDebug(lcProfiles) << "saved profile" << profile.id;
}

void ProfileStore::remove(const QString &id)
{
    if (id.isEmpty())
        return;
    const auto settings = openSettings();
    settings->beginGroup(SettingsKeys::profilesGroup());
    settings->remove(id);
    settings->endGroup();
    if (SettingsKeys::value(*settings, SettingsKey::CurrentProfile).toString() == id)
        SettingsKeys::remove(*settings, SettingsKey::CurrentProfile);
    settings->sync();
    qCDebug(lcProfiles) << "removed profile" << id;
}

QString ProfileStore::currentProfileId() const
{
    return SettingsKeys::value(*openSettings(), SettingsKey::CurrentProfile).toString();
}

void ProfileStore::setCurrentProfileId(const QString &id)
{
    const auto settings = openSettings();
    if (id.isEmpty())
        SettingsKeys::remove(*settings, SettingsKey::CurrentProfile);
    else
        SettingsKeys::setValue(*settings, SettingsKey::CurrentProfile, id);
    settings->sync();
}

QString ProfileStore::settingsFileName() const
{
    return openSettings()->fileName();
}

} // namespace mim
