#pragma once

#include "models/accounts/Profile.h"
#include "models/accounts/SecretStore.h"

#include <functional>
#include <optional>
#include <QDialog>
#include <QHash>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;

namespace mim {

// Secrets the user chose to keep for this run only because the keychain could not take them. They live in
// memory and are never written anywhere.
class SessionSecrets
{
public:
    std::optional<Credentials> find(const QString &profileId) const;
    void set(const QString &profileId, const Credentials &secrets) { m_secrets.insert(profileId, secrets); }
    void remove(const QString &profileId) { m_secrets.remove(profileId); }
    bool contains(const QString &profileId) const { return m_secrets.contains(profileId); }

private:
    QHash<QString, Credentials> m_secrets;
};

// Secrets typed again because the keychain could not provide them.
struct ReenteredSecrets
{
    Credentials secrets;
    bool storeInKeychain = false; // try to save them too (the keychain works but had no entry)
};

// The questions the account widgets ask about the keychain. The application asks with message boxes and
// dialogs; tests answer without a modal loop.
struct AccountPrompts
{
    // The keychain refused to store secrets: true = use them for this session only, false = cancel.
    std::function<bool(QWidget *parent, const QString &explanation)> useForSessionOnly;
    // The keychain could not give a profile's secrets: what the user typed instead, or nullopt (cancel).
    std::function<std::optional<ReenteredSecrets>(QWidget *parent, const Profile &profile,
                                                  const SecretStoreResult &failure)>
        reenterSecrets;
    // Remove this profile and its keychain entry?
    std::function<bool(QWidget *parent, const Profile &profile)> confirmRemoval;
    // Throw away what was typed into the account dialog? Unset = discard without asking.
    std::function<bool(QWidget *parent)> confirmDiscard;
    // Something failed that the user should know about but cannot change right now.
    std::function<void(QWidget *parent, const QString &title, const QString &text)> inform;

    static AccountPrompts interactive();
};

// Asks for a profile's secrets after the keychain failed to provide them, saying why.
class SecretsEntryDialog : public QDialog
{
    Q_OBJECT
public:
    SecretsEntryDialog(const Profile &profile, const SecretStoreResult &failure, QWidget *parent = nullptr);

    ReenteredSecrets enteredSecrets() const;

    QLineEdit *secretKeyEdit() const { return m_secretKey; }
    QLineEdit *securityTokenEdit() const { return m_securityToken; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *storeCheckBox() const { return m_store; }

private:
    void updateButtons();

    AuthMethod m_method;
    bool m_storeOffered = false;
    QLineEdit *m_secretKey = nullptr;
    QLineEdit *m_securityToken = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_store = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mim
