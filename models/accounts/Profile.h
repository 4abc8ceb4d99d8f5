#pragma once

#include "models/api/ConnectionSettings.h"

#include <memory>
#include <optional>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

class QSettings;

namespace mim {

// An account the user connects with. Everything here but the secrets is stored in QSettings;
// secretKey, securityToken and password live only in the OS keychain (SecretStore).
struct Profile
{
    Q_DECLARE_TR_FUNCTIONS(mim::Profile)

public:
    QString id;   // stable, generated once (UUID without braces)
    QString name; // shown in the account switcher
    QString regionId;
    QUrl modelArtsEndpoint; // empty = the region's default
    QUrl iamEndpoint;       // empty = the region's default
    QUrl swrEndpoint;       // empty = the region's default (SWR, where the images' content is stored)
    QString projectId;      // empty = discover through IAM
    AuthMethod authMethod = AuthMethod::AkSk;
    QString accessKey; // not secret; identifies the key pair
    QString userName;
    QString domainName;
    QString caCertificatesFile;

    // Problems a user must fix before saving, one sentence each, in the user's language.
    QStringList validate() const;
    // The connection for this profile with the given secrets filled in.
    ConnectionSettings connectionSettings(const Credentials &secrets) const;

    // A fresh id for a new profile.
    static QString newId();

    friend bool operator==(const Profile &, const Profile &) = default;
};

// Profiles in QSettings, group "profiles/<id>". Never touches secrets.
class ProfileStore
{
public:
    // Uses the application's default QSettings unless a settings file is given (tests).
    explicit ProfileStore(const QString &settingsFile = {});

    QList<Profile> profiles() const;
    std::optional<Profile> find(const QString &idOrName) const;
    void save(const Profile &profile);
    void remove(const QString &id);
    QString currentProfileId() const;
    void setCurrentProfileId(const QString &id);
    // Where the profiles are stored (for messages and tests).
    QString settingsFileName() const;

private:
    std::unique_ptr<QSettings> openSettings() const;

    QString m_settingsFile;
};

} // namespace mim
