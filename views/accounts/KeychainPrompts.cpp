#include "views/accounts/KeychainPrompts.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mim {

std::optional<Credentials> SessionSecrets::find(const QString &profileId) const
{
    const auto found = m_secrets.constFind(profileId);
    if (found == m_secrets.constEnd())
        return std::nullopt;
    return *found;
}

namespace {

bool askUseForSessionOnly(QWidget *parent, const QString &explanation)
{
    QMessageBox box(QMessageBox::Warning, SecretsEntryDialog::tr("Secrets Not Saved"),
                    SecretsEntryDialog::tr("The secrets could not be saved in the keychain."),
                    QMessageBox::NoButton, parent);
    box.setInformativeText(
        explanation + u"\n\n"_s +
        SecretsEntryDialog::tr("You can use the account until the application quits; the secrets are then "
                               "forgotten. They are never written to a file."));
    QPushButton *sessionOnly =
        box.addButton(SecretsEntryDialog::tr("Use for This Session Only"), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == sessionOnly;
}

std::optional<ReenteredSecrets> askToReenter(QWidget *parent, const Profile &profile,
                                             const SecretStoreResult &failure)
{
    SecretsEntryDialog dialog(profile, failure, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.enteredSecrets();
}

bool askToRemove(QWidget *parent, const Profile &profile)
{
    QMessageBox box(QMessageBox::Question, SecretsEntryDialog::tr("Remove Account"), QString(),
                    QMessageBox::NoButton, parent);
    box.setTextFormat(Qt::PlainText);
    box.setText(SecretsEntryDialog::tr("Remove the account “%1”?").arg(profile.name));
    box.setInformativeText(SecretsEntryDialog::tr("Its settings and its secrets in the keychain are deleted. "
                                                  "The images in the cloud are not touched."));
    QPushButton *remove = box.addButton(SecretsEntryDialog::tr("Remove"), QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == remove;
}

bool askToDiscard(QWidget *parent)
{
    QMessageBox box(QMessageBox::Question, SecretsEntryDialog::tr("Discard Changes"),
                    SecretsEntryDialog::tr("Discard what you entered for this account?"),
                    QMessageBox::NoButton, parent);
    box.setInformativeText(SecretsEntryDialog::tr("The account is not saved and the fields are cleared."));
    QPushButton *discard = box.addButton(SecretsEntryDialog::tr("Discard"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(SecretsEntryDialog::tr("Keep Editing"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == discard;
}

void showInformation(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::warning(parent, title, text);
}

} // namespace

AccountPrompts AccountPrompts::interactive()
{
    AccountPrompts prompts;
    prompts.useForSessionOnly = askUseForSessionOnly;
    prompts.reenterSecrets = askToReenter;
    prompts.confirmRemoval = askToRemove;
    prompts.confirmDiscard = askToDiscard;
    prompts.inform = showInformation;
    return prompts;
}

SecretsEntryDialog::SecretsEntryDialog(const Profile &profile, const SecretStoreResult &failure,
                                       QWidget *parent)
    : QDialog(parent)
    , m_method(profile.authMethod)
{
    setWindowTitle(tr("Secrets of “%1”").arg(profile.name));

    auto *layout = new QVBoxLayout(this);
    auto *reason = new QLabel(failure.message, this);
    reason->setWordWrap(true);
    reason->setTextFormat(Qt::PlainText);
    layout->addWidget(reason);

    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    layout->addLayout(form);
    if (m_method == AuthMethod::AkSk) {
        intro->setText(
            tr("Enter the secret key of the access key %1 to use the account now.").arg(profile.accessKey));
        m_secretKey = new QLineEdit(this);
        m_secretKey->setEchoMode(QLineEdit::Password);
        m_secretKey->setAccessibleName(tr("Secret key"));
        form->addRow(tr("&Secret key (SK):"), m_secretKey);
        m_securityToken = new QLineEdit(this);
        m_securityToken->setEchoMode(QLineEdit::Password);
        m_securityToken->setPlaceholderText(tr("only for temporary access keys"));
        m_securityToken->setAccessibleName(tr("Security token"));
        form->addRow(tr("Security &token:"), m_securityToken);
        connect(m_secretKey, &QLineEdit::textChanged, this, &SecretsEntryDialog::updateButtons);
    } else {
        intro->setText(
            tr("Enter the password of the IAM user %1 to use the account now.").arg(profile.userName));
        m_password = new QLineEdit(this);
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setAccessibleName(tr("Password"));
        form->addRow(tr("&Password:"), m_password);
        connect(m_password, &QLineEdit::textChanged, this, &SecretsEntryDialog::updateButtons);
    }

    // Storing only makes sense when the keychain itself works and merely had no entry.
    m_store = new QCheckBox(tr("Save in the &keychain"), this);
    m_storeOffered = failure.status == SecretStoreResult::Status::NotFound;
    m_store->setChecked(m_storeOffered);
    m_store->setVisible(m_storeOffered);
    layout->addWidget(m_store);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    updateButtons();
}

ReenteredSecrets SecretsEntryDialog::enteredSecrets() const
{
    ReenteredSecrets entered;
    entered.secrets.method = m_method;
    if (m_secretKey)
        entered.secrets.secretKey = m_secretKey->text().trimmed();
    if (m_securityToken)
        entered.secrets.securityToken = m_securityToken->text().trimmed();
    if (m_password)
        entered.secrets.password = m_password->text();
    entered.storeInKeychain = m_storeOffered && m_store->isChecked();
    return entered;
}

void SecretsEntryDialog::updateButtons()
{
    const bool complete = m_method == AuthMethod::AkSk ? !m_secretKey->text().trimmed().isEmpty()
                                                       : !m_password->text().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete);
}

} // namespace mim
