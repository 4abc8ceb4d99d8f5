#include "views/accounts/AccountManager.h"

#include "models/accounts/SecretStore.h"
#include "models/api/Regions.h"
#include "models/catalog/ListingCache.h"
#include "views/accounts/ProfileDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

constexpr int ProfileIdRole = Qt::UserRole;

QString describe(const Profile &profile)
{
    // Profiles that differ only in their port or their region must not read alike.
    QString where = profile.regionId;
    if (!profile.modelArtsEndpoint.isEmpty()) {
        const QUrl &endpoint = profile.modelArtsEndpoint;
        const QString host =
            endpoint.port() >= 0 ? u"%1:%2"_s.arg(endpoint.host()).arg(endpoint.port()) : endpoint.host();
        //: a custom endpoint: %1 host:port, %2 region id
        where = profile.regionId.isEmpty() ? host : AccountManager::tr("%1 (%2)").arg(host, profile.regionId);
    } else if (const auto region = Regions::find(profile.regionId)) {
        //: %1 region name, %2 region id
        where = AccountManager::tr("%1 (%2)").arg(Regions::localizedName(*region), profile.regionId);
    }
    const QString who =
        profile.authMethod == AuthMethod::AkSk
            ? AccountManager::tr("access key %1").arg(profile.accessKey)
            : AccountManager::tr("IAM user %1 (%2)").arg(profile.userName, profile.domainName);
    //: %1 region or host, %2 "access key ..." or "IAM user ..."
    return AccountManager::tr("%1, %2").arg(where, who);
}

} // namespace

AccountManager::AccountManager(ProfileStore *profiles, SecretStore *secrets, SessionSecrets *sessionSecrets,
                               QNetworkAccessManager *network, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_sessionSecrets(sessionSecrets)
    , m_network(network)
{
    setWindowTitle(tr("Manage Accounts"));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    layout->addLayout(row);

    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Accounts"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    row->addWidget(m_list, 1);

    auto *buttons = new QVBoxLayout;
    m_add = new QPushButton(tr("&Add…"), this);
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    row->addLayout(buttons);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &AccountManager::addProfile);
    connect(m_edit, &QPushButton::clicked, this, &AccountManager::editSelected);
    connect(m_remove, &QPushButton::clicked, this, &AccountManager::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &AccountManager::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this, &AccountManager::editSelected);

    reload();
    m_list->setSpacing(2);
    m_list->setTextElideMode(Qt::ElideMiddle);
    setMinimumSize(fontMetrics().averageCharWidth() * 72, fontMetrics().height() * 16);
}

void AccountManager::reload()
{
    const QString selected = selectedProfileId();
    m_list->clear();
    const QList<Profile> all = m_profiles->profiles();
    for (const Profile &profile : all) {
        auto *item = new QListWidgetItem(m_list);
        item->setText(profile.name + u'\n' + describe(profile));
        item->setData(ProfileIdRole, profile.id);
        if (m_sessionSecrets && m_sessionSecrets->contains(profile.id))
            item->setToolTip(tr("The secrets of this account are kept for this session only."));
    }
    if (!selected.isEmpty())
        selectProfile(selected);
    if (m_list->selectedItems().isEmpty() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateButtons();
}

ProfileDialog *AccountManager::profileDialog() const
{
    return m_dialog;
}

QString AccountManager::selectedProfileId() const
{
    const QList<QListWidgetItem *> selected = m_list->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(ProfileIdRole).toString();
}

void AccountManager::selectProfile(const QString &id)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(ProfileIdRole).toString() == id) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

void AccountManager::updateButtons()
{
    const bool hasSelection = !selectedProfileId().isEmpty();
    const bool dialogOpen = !m_dialog.isNull();
    m_add->setEnabled(!dialogOpen);
    m_edit->setEnabled(hasSelection && !dialogOpen);
    m_remove->setEnabled(hasSelection && !dialogOpen);
}

void AccountManager::addProfile()
{
    openDialog(std::nullopt);
}

void AccountManager::editSelected()
{
    if (const auto profile = m_profiles->find(selectedProfileId()))
        openDialog(*profile);
}

void AccountManager::openDialog(const std::optional<Profile> &existing)
{
    if (m_dialog)
        return;
    auto *dialog = new ProfileDialog(m_profiles, m_secrets, m_sessionSecrets, m_network, existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPrompts(m_prompts);
    m_dialog = dialog;
    connect(dialog, &ProfileDialog::profileSaved, this, [this](const Profile &profile) {
        reload();
        selectProfile(profile.id);
        Q_EMIT profileSaved(profile);
    });
    connect(dialog, &QDialog::finished, this, [this] {
        m_dialog = nullptr; // it deletes itself when closed
        updateButtons();
    });
    dialog->open();
    updateButtons();
    Q_EMIT profileDialogOpened(dialog);
}

void AccountManager::removeSelected()
{
    const auto profile = m_profiles->find(selectedProfileId());
    if (!profile)
        return;
    if (!m_prompts.confirmRemoval || !m_prompts.confirmRemoval(this, *profile))
        return;
    if (m_removalGuard && !m_removalGuard(profile->id, [guard = QPointer(this), profile = *profile] {
            if (guard)
                guard->removeProfile(profile);
        }))
        return;
    removeProfile(*profile);
}

void AccountManager::removeProfile(const Profile &existing)
{
    // Looked up again: the profile may have gone while the removal waited.
    const auto profile = m_profiles->find(existing.id);
    if (!profile)
        return;
    m_profiles->remove(profile->id);
    if (!m_listingCacheDirectory.isEmpty())
        listingcache::remove(m_listingCacheDirectory, profile->name);
    if (m_sessionSecrets)
        m_sessionSecrets->remove(profile->id);
    reload();
    Q_EMIT profileRemoved(profile->id);

    m_secrets->remove(profile->id,
                      [guard = QPointer(this), profile = *profile](const SecretStoreResult &result) {
                          if (result.ok() || !guard)
                              return;
                          if (guard->m_prompts.inform) {
                              guard->m_prompts.inform(guard, tr("Keychain Entry Not Removed"),
                                                      tr("The account “%1” was removed, but its secrets "
                                                         "could not be deleted from the keychain.\n\n%2")
                                                          .arg(profile.name, result.message));
                          }
                      });
}

} // namespace mim
