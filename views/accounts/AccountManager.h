#pragma once

#include "models/accounts/Profile.h"
#include "views/accounts/KeychainPrompts.h"

#include <QDialog>
#include <QPointer>

class QListWidget;
class QNetworkAccessManager;
class QPushButton;

namespace mim {

class ProfileDialog;
class ProfileStore;
class SecretStore;

// The list of saved accounts with Add, Edit and Remove. Removing also deletes the keychain entry.
class AccountManager : public QDialog
{
    Q_OBJECT
public:
    AccountManager(ProfileStore *profiles, SecretStore *secrets, SessionSecrets *sessionSecrets,
                   QNetworkAccessManager *network, QWidget *parent = nullptr);

    void setPrompts(const AccountPrompts &prompts) { m_prompts = prompts; }
    // Asked after the user confirmed removing a profile: true removes it now; false keeps it, and the guard
    // may call `proceed` later to remove it after all (e.g. once deletions of that account have ended).
    using RemovalGuard = std::function<bool(const QString &profileId, const std::function<void()> &proceed)>;
    void setRemovalGuard(RemovalGuard guard) { m_removalGuard = std::move(guard); }
    // Where the accounts' listing caches are; a removed profile's goes with it. Empty: none.
    void setListingCacheDirectory(const QString &directory) { m_listingCacheDirectory = directory; }

    QListWidget *list() const { return m_list; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *removeButton() const { return m_remove; }
    // The add/edit dialog while it is open, else nullptr.
    ProfileDialog *profileDialog() const;
    // The id of the selected profile, or empty.
    QString selectedProfileId() const;
    void selectProfile(const QString &id);

public Q_SLOTS:
    void addProfile();
    void editSelected();
    void removeSelected();

Q_SIGNALS:
    void profileSaved(const mim::Profile &profile);
    void profileRemoved(const QString &id);
    void profileDialogOpened(mim::ProfileDialog *dialog);

private:
    void reload();
    void updateButtons();
    void openDialog(const std::optional<Profile> &existing);
    void removeProfile(const Profile &profile);

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    QString m_listingCacheDirectory;
    SessionSecrets *m_sessionSecrets;
    QPointer<QNetworkAccessManager> m_network;
    AccountPrompts m_prompts = AccountPrompts::interactive();
    QPointer<ProfileDialog> m_dialog;
    RemovalGuard m_removalGuard;

    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace mim
