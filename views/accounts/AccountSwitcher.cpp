#include "views/accounts/AccountSwitcher.h"

#include "models/accounts/Profile.h"
#include "models/accounts/SecretStore.h"
#include "views/accounts/AccountManager.h"
#include "views/accounts/ProfileDialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSwitcher, "mim.ui.accounts.switcher")

namespace mim {

namespace {
constexpr int KindRole = Qt::UserRole;
constexpr int KeyRole = Qt::UserRole + 1;
} // namespace

AccountSwitcher::AccountSwitcher(ProfileStore *profiles, SecretStore *secrets, QWidget *parent)
    : QWidget(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_combo = new QComboBox(this);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setMinimumContentsLength(16);
    m_combo->setPlaceholderText(tr("No account"));
    m_combo->setAccessibleName(tr("Account"));
    m_combo->setToolTip(tr("The account whose images are shown"));
    layout->addWidget(m_combo);
    connect(m_combo, &QComboBox::activated, this, &AccountSwitcher::onActivated);
    rebuild();
}

AccountSwitcher::~AccountSwitcher() = default;

void AccountSwitcher::rebuild()
{
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    const QList<Profile> profiles = m_profiles->profiles();
    for (const Profile &profile : profiles) {
        m_combo->addItem(profile.name);
        const int index = m_combo->count() - 1;
        m_combo->setItemData(index, int(Kind::Profile), KindRole);
        m_combo->setItemData(index, profile.id, KeyRole);
    }
    if (!m_sessions.isEmpty() && m_combo->count() > 0)
        m_combo->insertSeparator(m_combo->count());
    for (const SessionConnection &session : std::as_const(m_sessions)) {
        m_combo->addItem(session.displayName);
        const int index = m_combo->count() - 1;
        m_combo->setItemData(index, int(Kind::Session), KindRole);
        m_combo->setItemData(index, session.displayName, KeyRole);
        m_combo->setItemData(index, tr("Not saved: only for this session"), Qt::ToolTipRole);
    }
    if (m_combo->count() > 0)
        m_combo->insertSeparator(m_combo->count());
    m_combo->addItem(tr("Add Account…"));
    m_combo->setItemData(m_combo->count() - 1, int(Kind::AddAccount), KindRole);
    m_combo->addItem(tr("Manage Accounts…"));
    m_combo->setItemData(m_combo->count() - 1, int(Kind::ManageAccounts), KindRole);
    showSelection();
}

int AccountSwitcher::indexOf(Kind kind, const QString &key) const
{
    for (int index = 0; index < m_combo->count(); ++index) {
        if (m_combo->itemData(index, KindRole).toInt() == int(kind) &&
            m_combo->itemData(index, KeyRole) == key)
            return index;
    }
    return -1;
}

// Puts the combo back on the connected entry (or on "No account").
void AccountSwitcher::showSelection()
{
    const QSignalBlocker blocker(m_combo);
    m_combo->setCurrentIndex(m_connected.kind == Kind::None ? -1
                                                            : indexOf(m_connected.kind, m_connected.key));
}

void AccountSwitcher::onActivated(int index)
{
    const auto kind = Kind(m_combo->itemData(index, KindRole).toInt());
    const QString key = m_combo->itemData(index, KeyRole).toString();
    switch (kind) {
    case Kind::Profile:
        activateProfile(key);
        return;
    case Kind::Session:
        leaveThen([key](AccountSwitcher *self) { self->activateSession(key); });
        return;
    case Kind::AddAccount:
        showSelection();
        addAccount();
        return;
    case Kind::ManageAccounts:
        showSelection();
        openAccountManager();
        return;
    case Kind::None:
        return;
    }
}

bool AccountSwitcher::mayLeave(const std::function<void()> &proceed) const
{
    return !m_leaveGuard || m_leaveGuard(proceed);
}

void AccountSwitcher::leaveThen(const std::function<void(AccountSwitcher *)> &go)
{
    // The guard may hold the switch until running deletions finish, then go on by itself.
    const auto later = [guard = QPointer(this), go] {
        if (guard)
            go(guard);
    };
    if (!mayLeave(later)) {
        showSelection();
        return;
    }
    go(this);
}

void AccountSwitcher::activateSession(const QString &displayName)
{
    for (const SessionConnection &session : std::as_const(m_sessions)) {
        if (session.displayName == displayName) {
            ++m_activationSerial;
            m_connected = {Kind::Session, displayName, displayName};
            showSelection();
            Q_EMIT connectionReady(session.displayName, session.settings);
            return;
        }
    }
    showSelection();
}

void AccountSwitcher::activateProfile(const QString &idOrName)
{
    leaveThen([idOrName](AccountSwitcher *self) { self->activateProfileNow(idOrName); });
}

void AccountSwitcher::activateProfileNow(const QString &idOrName)
{
    const std::optional<Profile> profile = m_profiles->find(idOrName);
    if (!profile) {
        qCWarning(lcSwitcher) << "no account" << idOrName;
        showSelection();
        return;
    }
    const int serial = ++m_activationSerial;
    {
        const QSignalBlocker blocker(m_combo);
        m_combo->setCurrentIndex(indexOf(Kind::Profile, profile->id));
    }
    if (const auto known = m_sessionSecrets.find(profile->id)) {
        connectProfile(*profile, *known);
        return;
    }
    m_secrets->read(profile->id, [guard = QPointer(this), serial, profile = *profile](
                                     const SecretStoreResult &result, const Credentials &secrets) {
        if (!guard || serial != guard->m_activationSerial)
            return;
        if (result.ok())
            guard->connectProfile(profile, secrets);
        else
            guard->onSecretsUnavailable(profile, result);
    });
}

void AccountSwitcher::connectProfile(const Profile &profile, const Credentials &secrets)
{
    m_connected = {Kind::Profile, profile.id, profile.name};
    showSelection();
    m_profiles->setCurrentProfileId(profile.id);
    qCInfo(lcSwitcher) << "connecting account" << profile.id;
    Q_EMIT connectionReady(profile.name, profile.connectionSettings(secrets));
}

void AccountSwitcher::onSecretsUnavailable(const Profile &profile, const SecretStoreResult &failure)
{
    const int serial = m_activationSerial;
    const std::optional<ReenteredSecrets> entered =
        m_prompts.reenterSecrets ? m_prompts.reenterSecrets(this, profile, failure) : std::nullopt;
    if (serial != m_activationSerial)
        return; // the user chose something else meanwhile
    if (!entered) {
        showSelection();
        return;
    }
    if (entered->storeInKeychain) {
        m_secrets->write(
            profile.id, entered->secrets,
            [guard = QPointer(this), profile, secrets = entered->secrets](const SecretStoreResult &result) {
                if (!guard || result.ok())
                    return;
                guard->m_sessionSecrets.set(profile.id, secrets);
                guard->reportKeptForSessionOnly(profile, result);
            });
    } else {
        m_sessionSecrets.set(profile.id, entered->secrets);
    }
    connectProfile(profile, entered->secrets);
}

// The account is connected already; the user must still learn that the keychain did not take the secrets,
// or they would expect not to be asked again.
void AccountSwitcher::reportKeptForSessionOnly(const Profile &profile, const SecretStoreResult &failure)
{
    qCWarning(lcSwitcher) << "keychain refused the secrets of account" << profile.id << int(failure.status);
    if (!m_prompts.inform)
        return;
    const bool password = profile.authMethod == AuthMethod::Password;
    const QString title = password ? tr("Password Not Saved") : tr("Secret Key Not Saved");
    const QString text =
        (password ? tr("The password of “%1” could not be saved in the keychain:").arg(profile.name)
                  : tr("The secret key of “%1” could not be saved in the keychain:").arg(profile.name)) +
        u' ' + failure.message + u"\n\n"_s +
        (password ? tr("It is kept for this session only; you will be asked for it again next time.")
                  : tr("It is kept for this session only; you will be asked for it again next time.",
                       "the secret key"));
    m_prompts.inform(this, title, text);
}

void AccountSwitcher::addSessionConnection(const QString &displayName, const ConnectionSettings &settings)
{
    auto existing = std::find_if(m_sessions.begin(), m_sessions.end(), [&](const SessionConnection &session) {
        return session.displayName == displayName;
    });
    if (existing != m_sessions.end())
        existing->settings = settings;
    else
        m_sessions.append({displayName, settings});
    ++m_activationSerial;
    m_connected = {Kind::Session, displayName, displayName};
    rebuild();
    Q_EMIT connectionReady(displayName, settings);
}

QString AccountSwitcher::currentDisplayName() const
{
    return m_connected.displayName;
}

QString AccountSwitcher::currentProfileId() const
{
    return m_connected.kind == Kind::Profile ? m_connected.key : QString();
}

void AccountSwitcher::setNetworkAccessManager(QNetworkAccessManager *network)
{
    m_network = network;
}

AccountManager *AccountSwitcher::accountManager() const
{
    return m_manager;
}

ProfileDialog *AccountSwitcher::addAccountDialog() const
{
    return m_addDialog;
}

bool AccountSwitcher::hasAnyAccount() const
{
    return !m_sessions.isEmpty() || !m_profiles->profiles().isEmpty();
}

void AccountSwitcher::openAccountManager()
{
    if (m_manager) {
        m_manager->raise();
        m_manager->activateWindow();
        return;
    }
    auto *manager = new AccountManager(m_profiles, m_secrets, &m_sessionSecrets, m_network, this);
    manager->setAttribute(Qt::WA_DeleteOnClose);
    manager->setPrompts(m_prompts);
    manager->setListingCacheDirectory(m_listingCacheDirectory);
    manager->setRemovalGuard([this](const QString &profileId, const std::function<void()> &proceed) {
        const bool connected = m_connected.kind == Kind::Profile && m_connected.key == profileId;
        return !connected || mayLeave(proceed);
    });
    if (m_connected.kind == Kind::Profile)
        manager->selectProfile(m_connected.key);
    connect(manager, &AccountManager::profileSaved, this, &AccountSwitcher::onProfileSaved);
    connect(manager, &AccountManager::profileRemoved, this, &AccountSwitcher::onProfileRemoved);
    m_manager = manager;
    manager->open();
}

void AccountSwitcher::editCurrentAccount()
{
    openAccountManager();
    if (m_manager && m_connected.kind == Kind::Profile) {
        m_manager->selectProfile(m_connected.key);
        m_manager->editSelected();
    }
}

void AccountSwitcher::addAccount()
{
    if (m_addDialog) {
        m_addDialog->raise();
        m_addDialog->activateWindow();
        return;
    }
    auto *dialog = new ProfileDialog(m_profiles, m_secrets, &m_sessionSecrets, m_network, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPrompts(m_prompts);
    connect(dialog, &ProfileDialog::profileSaved, this, [this](const Profile &profile) {
        rebuild();
        Q_EMIT profilesChanged();
        activateProfile(profile.id);
    });
    m_addDialog = dialog;
    dialog->open();
}

void AccountSwitcher::onProfileSaved(const Profile &profile)
{
    rebuild();
    Q_EMIT profilesChanged();
    // The connected account changed: connect again with what was saved. A new one is connected at once
    // when nothing is connected yet.
    if ((m_connected.kind == Kind::Profile && m_connected.key == profile.id) ||
        m_connected.kind == Kind::None)
        activateProfile(profile.id);
}

void AccountSwitcher::onProfileRemoved(const QString &id)
{
    const bool wasConnected = m_connected.kind == Kind::Profile && m_connected.key == id;
    if (wasConnected) {
        ++m_activationSerial;
        m_connected = {};
    }
    rebuild();
    Q_EMIT profilesChanged();
    if (wasConnected)
        Q_EMIT disconnected();
}

} // namespace mim
