#pragma once

#include "api/ConnectionSettings.h"

#include <QWidget>

class QComboBox;

namespace mim {

class ProfileStore;
class SecretStore;

// The toolbar's account picker: a combo box of profiles plus "Manage accounts…". Choosing a profile reads
// its secrets from the keychain (explaining keychain failures) and emits connectionReady().
class AccountSwitcher : public QWidget
{
    Q_OBJECT
public:
    AccountSwitcher(ProfileStore *profiles, SecretStore *secrets, QWidget *parent = nullptr);

    // Selects and connects the profile with this id or name (command line --profile, last used at start).
    void activateProfile(const QString &idOrName);
    // Adds a session-only entry (demo, --endpoint + environment) that is never saved.
    void addSessionConnection(const QString &displayName, const ConnectionSettings &settings);
    QString currentDisplayName() const;
    bool hasAnyAccount() const;

public Q_SLOTS:
    void openAccountManager();
    void addAccount();

Q_SIGNALS:
    void connectionReady(const QString &displayName, const mim::ConnectionSettings &settings);
    void disconnected(); // no account selected any more
    void profilesChanged();

private:
    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    QComboBox *m_combo = nullptr;
};

} // namespace mim
