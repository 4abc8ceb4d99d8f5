#include "models/accounts/Profile.h"

#include "models/api/Regions.h"

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

// Keys below "profiles/<id>/". None of them may ever hold a secret.
namespace Key {
constexpr auto Name = "name"_L1;
constexpr auto Region = "region"_L1;
constexpr auto ModelArtsEndpoint = "modelarts_endpoint"_L1;
constexpr auto IamEndpoint = "iam_endpoint"_L1;
constexpr auto ProjectId = "project_id"_L1;
constexpr auto Auth = "auth"_L1;
constexpr auto AccessKey = "access_key"_L1;
constexpr auto UserName = "user_name"_L1;
constexpr auto DomainName = "domain_name"_L1;
constexpr auto CaCertificates = "ca_certificates_file"_L1;
} // namespace Key

constexpr auto ProfilesGroup = "profiles"_L1;
constexpr auto CurrentProfileKey = "accounts/current"_L1;
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
    settings->beginGroup(ProfilesGroup);
    QList<Profile> result;
    const QStringList ids = settings->childGroups();
    for (const QString &id : ids) {
        settings->beginGroup(id);
        Profile profile;
        profile.id = id;
        profile.name = settings->value(Key::Name).toString();
        profile.regionId = settings->value(Key::Region).toString();
        profile.modelArtsEndpoint = QUrl(settings->value(Key::ModelArtsEndpoint).toString());
        profile.iamEndpoint = QUrl(settings->value(Key::IamEndpoint).toString());
        profile.projectId = settings->value(Key::ProjectId).toString();
        profile.authMethod =
            settings->value(Key::Auth).toString() == AuthPassword ? AuthMethod::Password : AuthMethod::AkSk;
        profile.accessKey = settings->value(Key::AccessKey).toString();
        profile.userName = settings->value(Key::UserName).toString();
        profile.domainName = settings->value(Key::DomainName).toString();
        profile.caCertificatesFile = settings->value(Key::CaCertificates).toString();
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
    settings->beginGroup(ProfilesGroup);
    settings->remove(profile.id); // drop keys that are no longer used
    settings->beginGroup(profile.id);
    settings->setValue(Key::Name, profile.name);
    settings->setValue(Key::Region, profile.regionId);
    settings->setValue(Key::ModelArtsEndpoint, profile.modelArtsEndpoint.toString());
    settings->setValue(Key::IamEndpoint, profile.iamEndpoint.toString());
    settings->setValue(Key::ProjectId, profile.projectId);
    settings->setValue(Key::Auth, profile.authMethod == AuthMethod::Password ? AuthPassword : AuthAkSk);
    if (profile.authMethod == AuthMethod::AkSk) {
        settings->setValue(Key::AccessKey, profile.accessKey);
    } else {
        settings->setValue(Key::UserName, profile.userName);
        settings->setValue(Key::DomainName, profile.domainName);
    }
    settings->setValue(Key::CaCertificates, profile.caCertificatesFile);
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
    settings->beginGroup(ProfilesGroup);
    settings->remove(id);
    settings->endGroup();
    if (settings->value(CurrentProfileKey).toString() == id)
        settings->remove(CurrentProfileKey);
    settings->sync();
    qCDebug(lcProfiles) << "removed profile" << id;
}

QString ProfileStore::currentProfileId() const
{
    return openSettings()->value(CurrentProfileKey).toString();
}

void ProfileStore::setCurrentProfileId(const QString &id)
{
    const auto settings = openSettings();
    if (id.isEmpty())
        settings->remove(CurrentProfileKey);
    else
        settings->setValue(CurrentProfileKey, id);
    settings->sync();
}

QString ProfileStore::settingsFileName() const
{
    return openSettings()->fileName();
}

} // namespace mim
