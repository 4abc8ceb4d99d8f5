#pragma once

#include "models/api/ConnectionSettings.h"
#include "views/accounts/KeychainPrompts.h"

#include <functional>
#include <QList>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QNetworkAccessManager;

namespace mim {

class AccountManager;
class ProfileDialog;
class ProfileStore;
class SecretStore;
struct Profile;

// The toolbar's account picker: a combo box of profiles plus "Manage accounts…". Choosing a profile reads
// its secrets from the keychain (explaining keychain failures) and emits connectionReady().
class AccountSwitcher : public QWidget
{
    Q_OBJECT
public:
    // Asked before the connected account is left: another account or the same one chosen again, or the
    // connected one removed. True goes on now. False stays; the guard may call `proceed` later to go on after
    // all (once what it waited for is over).
    using LeaveGuard = std::function<bool(const std::function<void()> &proceed)>;

    AccountSwitcher(ProfileStore *profiles, SecretStore *secrets, QWidget *parent = nullptr);
    ~AccountSwitcher() override;

    void setLeaveGuard(LeaveGuard guard) { m_leaveGuard = std::move(guard); }

    // Selects and connects the profile with this id or name (command line --profile, last used at start).
    void activateProfile(const QString &idOrName);
    // Adds a session-only entry (demo, --endpoint + environment) that is never saved, selects it and
    // connects to it (connectionReady() follows at once). An entry with the same name is replaced.
    void addSessionConnection(const QString &displayName, const ConnectionSettings &settings);
    QString currentDisplayName() const;
    bool hasAnyAccount() const;

    // The connected profile's id; empty for a session connection or none.
    QString currentProfileId() const;
    // Used by the "Test connection" button of the profile dialog; without it the dialog makes its own.
    void setNetworkAccessManager(QNetworkAccessManager *network);
    // Passed to the account manager, which removes a removed profile's listing cache from there.
    void setListingCacheDirectory(const QString &directory) { m_listingCacheDirectory = directory; }
    // Replaces the message boxes (tests).
    void setPrompts(const AccountPrompts &prompts) { m_prompts = prompts; }
    // Secrets kept for this run only because the keychain could not take or give them.
    SessionSecrets *sessionSecrets() { return &m_sessionSecrets; }
    QComboBox *comboBox() const { return m_combo; }
    // The dialogs while they are open (tests), else nullptr.
    AccountManager *accountManager() const;
    ProfileDialog *addAccountDialog() const;

public Q_SLOTS:
    void openAccountManager();
    void addAccount();
    // Opens the edit dialog of the connected profile (e.g. to set a CA certificate after a TLS error); the
    // account manager when a session connection or nothing is connected.
    void editCurrentAccount();

Q_SIGNALS:
    void connectionReady(const QString &displayName, const mim::ConnectionSettings &settings);
    void disconnected(); // no account selected any more
    void profilesChanged();

private:
    QString m_listingCacheDirectory;
    enum class Kind
    {
        None,
        Profile,
        Session,
        AddAccount,
        ManageAccounts,
    };
    struct SessionConnection
    {
        QString displayName;
        ConnectionSettings settings;
    };
    struct Selection
    {
        Kind kind = Kind::None;
        QString key; // profile id or session display name
        QString displayName;
    };

    void rebuild();
    bool mayLeave(const std::function<void()> &proceed) const;
    // Runs `go` now when the connected account may be left, later when the guard says so, never otherwise.
    void leaveThen(const std::function<void(AccountSwitcher *)> &go);
    void activateProfileNow(const QString &idOrName);
    void activateSession(const QString &displayName);
    void onActivated(int index);
    void showSelection();
    int indexOf(Kind kind, const QString &key) const;
    void connectProfile(const Profile &profile, const Credentials &secrets);
    void onSecretsUnavailable(const Profile &profile, const SecretStoreResult &failure);
    void reportKeptForSessionOnly(const Profile &profile, const SecretStoreResult &failure);
    void onProfileSaved(const Profile &profile);
    void onProfileRemoved(const QString &id);

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    QComboBox *m_combo = nullptr;
    QPointer<QNetworkAccessManager> m_network;
    AccountPrompts m_prompts = AccountPrompts::interactive();
    SessionSecrets m_sessionSecrets;
    QList<SessionConnection> m_sessions;
    Selection m_connected;
    int m_activationSerial = 0; // a keychain answer for an older choice is ignored
    QPointer<AccountManager> m_manager;
    QPointer<ProfileDialog> m_addDialog;
    LeaveGuard m_leaveGuard;
};

} // namespace mim
