#pragma once

#include "models/accounts/Profile.h"
#include "views/accounts/KeychainPrompts.h"

#include <optional>
#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QWidget;

namespace mim {

class ApiClient;
class ProfileStore;
class SecretStore;

// Adds or edits a profile. The non-secret fields go to the ProfileStore, the secrets to the keychain. When
// the keychain refuses them, the user may keep them for this session only (in SessionSecrets) or go back;
// they are never written in plain text. When editing, empty secret fields mean "unchanged".
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    // `existing` = nullopt adds a new profile. `network` may be null (the dialog then makes its own).
    ProfileDialog(ProfileStore *profiles, SecretStore *secrets, SessionSecrets *sessionSecrets,
                  QNetworkAccessManager *network, const std::optional<Profile> &existing = std::nullopt,
                  QWidget *parent = nullptr);
    ~ProfileDialog() override;

    void setPrompts(const AccountPrompts &prompts) { m_prompts = prompts; }

    bool isEditing() const { return m_original.has_value(); }
    // The profile as the fields describe it now.
    Profile profile() const;
    // The secrets typed into the fields (empty when editing and left unchanged).
    Credentials enteredSecrets() const;
    // Everything that keeps OK disabled, one sentence each.
    QStringList problems() const;
    // After the dialog was accepted: the profile as saved.
    const Profile &savedProfile() const { return m_saved; }
    // After the dialog was accepted: true when the secrets are kept for this session only.
    bool secretsAreSessionOnly() const { return m_sessionOnly; }

    // The widgets, for tests.
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *regionCombo() const { return m_region; }
    QLineEdit *customRegionEdit() const { return m_customRegion; }
    QLineEdit *modelArtsEndpointEdit() const { return m_modelArtsEndpoint; }
    QLineEdit *iamEndpointEdit() const { return m_iamEndpoint; }
    QLineEdit *swrEndpointEdit() const { return m_swrEndpoint; }
    QLineEdit *projectIdEdit() const { return m_projectId; }
    QRadioButton *akSkRadio() const { return m_akSkRadio; }
    QRadioButton *passwordRadio() const { return m_passwordRadio; }
    QLineEdit *accessKeyEdit() const { return m_accessKey; }
    QLineEdit *secretKeyEdit() const { return m_secretKey; }
    QLineEdit *securityTokenEdit() const { return m_securityToken; }
    QLineEdit *userNameEdit() const { return m_userName; }
    QLineEdit *domainNameEdit() const { return m_domainName; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *caCertificatesEdit() const { return m_caFile; }
    QLabel *problemsLabel() const { return m_problems; }
    QPushButton *testButton() const { return m_testButton; }
    QLabel *testResultLabel() const { return m_testResult; }
    QPushButton *okButton() const;
    bool isTesting() const;
    bool isSaving() const { return m_saving; }
    // True when the fields differ from what the dialog opened with, or a secret was typed.
    bool isModified() const;
    // Index of the "Custom endpoints…" entry of the region combo.
    int customRegionIndex() const;

public Q_SLOTS:
    void testConnection();
    void accept() override;
    // Ignored while the secrets are being stored, so that no keychain entry outlives a cancelled dialog.
    void reject() override;

Q_SIGNALS:
    void connectionTested(bool succeeded, const QString &message);
    void profileSaved(const mim::Profile &profile);

private:
    void buildUi();
    void fill(const Profile &profile);
    void updateState();
    // Takes back the height of hints that went away.
    void shrinkToContents();
    void chooseCaFile();
    void runTest(const Credentials &secrets);
    void finishTest(bool succeeded, const QString &message);
    void setBusy(bool busy);
    void storeSecretsThenFinish(const Profile &profile, const Credentials &secrets);
    void finishSaving(const Profile &profile);
    bool secretsRequired() const;
    bool isCustomRegion() const;

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    SessionSecrets *m_sessionSecrets;
    QPointer<QNetworkAccessManager> m_network;
    std::optional<Profile> m_original;
    AccountPrompts m_prompts = AccountPrompts::interactive();
    Profile m_saved;
    Profile m_initial;
    bool m_testHadFocus = false;
    bool m_sessionOnly = false;
    bool m_saving = false;
    QPointer<ApiClient> m_testClient;
    int m_testSerial = 0;

    QLineEdit *m_name = nullptr;
    QComboBox *m_region = nullptr;
    QWidget *m_customBox = nullptr;
    QLineEdit *m_customRegion = nullptr;
    QLineEdit *m_modelArtsEndpoint = nullptr;
    QLineEdit *m_iamEndpoint = nullptr;
    QLineEdit *m_swrEndpoint = nullptr;
    QLineEdit *m_projectId = nullptr;
    QButtonGroup *m_authGroup = nullptr;
    QRadioButton *m_akSkRadio = nullptr;
    QRadioButton *m_passwordRadio = nullptr;
    QStackedWidget *m_authStack = nullptr;
    QLineEdit *m_accessKey = nullptr;
    QLineEdit *m_secretKey = nullptr;
    QLineEdit *m_securityToken = nullptr;
    QLineEdit *m_userName = nullptr;
    QLineEdit *m_domainName = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLabel *m_problems = nullptr;
    QPushButton *m_testButton = nullptr;
    QProgressBar *m_testBusy = nullptr;
    QLabel *m_testResult = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mim
