#include "views/accounts/ProfileDialog.h"

#include "models/accounts/SecretStore.h"
#include "models/api/ApiClient.h"
#include "models/api/Regions.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcProfileDialog, "mim.ui.accounts")

namespace mim {

namespace {

QLineEdit *makeSecretEdit(QWidget *parent, const QString &accessibleName)
{
    auto *edit = new QLineEdit(parent);
    edit->setEchoMode(QLineEdit::Password);
    edit->setAccessibleName(accessibleName);
    return edit;
}

QUrl endpointFromText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    return QUrl(trimmed, QUrl::StrictMode);
}

bool hasSecret(const Credentials &secrets)
{
    return !secrets.secretKey.isEmpty() || !secrets.password.isEmpty();
}

} // namespace

ProfileDialog::ProfileDialog(ProfileStore *profiles, SecretStore *secrets, SessionSecrets *sessionSecrets,
                             QNetworkAccessManager *network, const std::optional<Profile> &existing,
                             QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_sessionSecrets(sessionSecrets)
    , m_network(network)
    , m_original(existing)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    setWindowTitle(isEditing() ? tr("Edit Account") : tr("Add Account"));
    buildUi();
    if (m_original)
        fill(*m_original);
    m_initial = profile();
    updateState();
}

ProfileDialog::~ProfileDialog() = default;

void ProfileDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. Team Beijing"));
    form->addRow(tr("&Name:"), m_name);

    m_region = new QComboBox(this);
    for (const Region &region : Regions::all())
        m_region->addItem(tr("%1 (%2)").arg(Regions::localizedName(region), region.id), region.id);
    m_region->insertSeparator(m_region->count());
    m_region->addItem(tr("Custom endpoints…"));
    if (const int beijing4 = m_region->findData(u"cn-north-4"_s); beijing4 >= 0)
        m_region->setCurrentIndex(beijing4);
    form->addRow(tr("&Region:"), m_region);

    m_customBox = new QWidget(this);
    auto *customForm = new QFormLayout(m_customBox);
    customForm->setContentsMargins(0, 0, 0, 0);
    m_customRegion = new QLineEdit(m_customBox);
    m_customRegion->setPlaceholderText(tr("e.g. cn-north-4 (optional with both endpoints)"));
    customForm->addRow(tr("Region &id:"), m_customRegion);
    m_modelArtsEndpoint = new QLineEdit(m_customBox);
    m_modelArtsEndpoint->setPlaceholderText(u"https://modelarts.example.com"_s);
    customForm->addRow(tr("&ModelArts endpoint:"), m_modelArtsEndpoint);
    m_iamEndpoint = new QLineEdit(m_customBox);
    m_iamEndpoint->setPlaceholderText(u"https://iam.example.com"_s);
    customForm->addRow(tr("&IAM endpoint:"), m_iamEndpoint);
    m_swrEndpoint = new QLineEdit(m_customBox);
    m_swrEndpoint->setPlaceholderText(tr("the region's SWR endpoint when empty"));
    customForm->addRow(tr("S&WR endpoint:"), m_swrEndpoint);
    form->addRow(m_customBox);

    m_projectId = new QLineEdit(this);
    m_projectId->setPlaceholderText(tr("discovered automatically when empty"));
    form->addRow(tr("&Project id:"), m_projectId);

    auto *authBox = new QGroupBox(tr("Authentication"), this);
    // Never taller than its fields: the room the hints below leave when they go is not the box's.
    authBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *authLayout = new QVBoxLayout(authBox);
    auto *radios = new QHBoxLayout;
    m_akSkRadio = new QRadioButton(tr("&Access key (AK/SK)"), authBox);
    m_passwordRadio = new QRadioButton(tr("IAM &user and password"), authBox);
    m_akSkRadio->setChecked(true);
    m_authGroup = new QButtonGroup(this);
    m_authGroup->addButton(m_akSkRadio, int(AuthMethod::AkSk));
    m_authGroup->addButton(m_passwordRadio, int(AuthMethod::Password));
    radios->addWidget(m_akSkRadio);
    radios->addWidget(m_passwordRadio);
    radios->addStretch();
    authLayout->addLayout(radios);

    m_authStack = new QStackedWidget(authBox);
    auto *akSkPage = new QWidget(m_authStack);
    auto *akSkForm = new QFormLayout(akSkPage);
    m_accessKey = new QLineEdit(akSkPage);
    m_accessKey->setAccessibleName(tr("Access key"));
    akSkForm->addRow(tr("Access &key (AK):"), m_accessKey);
    m_secretKey = makeSecretEdit(akSkPage, tr("Secret key"));
    akSkForm->addRow(tr("&Secret key (SK):"), m_secretKey);
    m_securityToken = makeSecretEdit(akSkPage, tr("Security token"));
    akSkForm->addRow(tr("Security &token:"), m_securityToken);
    m_authStack->addWidget(akSkPage);

    auto *passwordPage = new QWidget(m_authStack);
    auto *passwordForm = new QFormLayout(passwordPage);
    m_userName = new QLineEdit(passwordPage);
    passwordForm->addRow(tr("IAM &user:"), m_userName);
    m_domainName = new QLineEdit(passwordPage);
    m_domainName->setPlaceholderText(tr("the account the IAM user belongs to"));
    passwordForm->addRow(tr("A&ccount (domain):"), m_domainName);
    m_password = makeSecretEdit(passwordPage, tr("Password"));
    passwordForm->addRow(tr("Pass&word:"), m_password);
    m_authStack->addWidget(passwordPage);
    // A whole secret key (40 characters) in view, however long the labels beside it are in a translation.
    const int keyWidth = fontMetrics().horizontalAdvance(u"Hx0aB9cD8eF7gH6iJ5kL4mN3oP2qR1sT0uVwXyZ"_s) +
                         fontMetrics().averageCharWidth() * 4;
    for (QLineEdit *edit : {m_accessKey, m_secretKey, m_securityToken, m_userName, m_domainName, m_password})
        edit->setMinimumWidth(keyWidth);
    authLayout->addWidget(m_authStack);
    layout->addWidget(authBox);

    if (isEditing()) {
        for (QLineEdit *edit : {m_secretKey, m_securityToken, m_password})
            edit->setPlaceholderText(tr("unchanged"));
    } else {
        m_securityToken->setPlaceholderText(tr("only for temporary access keys"));
    }

    auto *caForm = new QFormLayout;
    auto *caRow = new QHBoxLayout;
    m_caFile = new QLineEdit(this);
    m_caFile->setPlaceholderText(tr("optional: an extra trusted CA certificate (PEM)"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    caRow->addWidget(m_caFile);
    caRow->addWidget(browse);
    auto *caLabel = new QLabel(tr("CA &certificate:"), this);
    caLabel->setBuddy(m_caFile);
    caForm->addRow(caLabel, caRow);
    layout->addLayout(caForm);

    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setAccessibleName(tr("Problems to fix"));
    layout->addWidget(m_problems);

    auto *testRow = new QHBoxLayout;
    m_testButton = new QPushButton(tr("&Test Connection"), this);
    m_testBusy = new QProgressBar(this);
    m_testBusy->setRange(0, 0); // busy indicator
    m_testBusy->setTextVisible(false);
    m_testBusy->setMaximumWidth(fontMetrics().averageCharWidth() * 12);
    m_testBusy->setAccessibleName(tr("Testing the connection"));
    m_testBusy->hide();
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testBusy);
    testRow->addStretch();
    layout->addLayout(testRow);
    m_testResult = new QLabel(this);
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_testResult);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(isEditing() ? tr("Save") : tr("Add"));
    // Enter answers Add/Save only: a button that merely has the focus (Cancel after Test Connection was
    // disabled under the mouse) must not take Enter and throw the form away.
    for (QPushButton *button : {m_testButton, browse, m_buttons->button(QDialogButtonBox::Cancel)})
        button->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    connect(browse, &QPushButton::clicked, this, &ProfileDialog::chooseCaFile);
    connect(m_region, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateState);
    connect(m_authGroup, &QButtonGroup::idToggled, this, &ProfileDialog::updateState);
    const QList<QLineEdit *> edits{m_name,          m_customRegion, m_modelArtsEndpoint, m_iamEndpoint,
                                   m_swrEndpoint,   m_projectId,    m_accessKey,         m_secretKey,
                                   m_securityToken, m_userName,     m_domainName,        m_password,
                                   m_caFile};
    for (QLineEdit *edit : edits)
        connect(edit, &QLineEdit::textChanged, this, &ProfileDialog::updateState);
}

void ProfileDialog::shrinkToContents()
{
    if (!isVisible())
        return;
    // Qt grows a window whose contents need more room, but never shrinks it when they need less.
    layout()->activate();
    const int wanted = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (wanted > 0 && height() > wanted)
        resize(width(), qMax(wanted, minimumSizeHint().height()));
}

void ProfileDialog::fill(const Profile &profile)
{
    m_name->setText(profile.name);
    const bool custom = !profile.modelArtsEndpoint.isEmpty() || !profile.iamEndpoint.isEmpty() ||
                        !profile.swrEndpoint.isEmpty() || m_region->findData(profile.regionId) < 0;
    if (custom) {
        m_region->setCurrentIndex(customRegionIndex());
        m_customRegion->setText(profile.regionId);
        m_modelArtsEndpoint->setText(profile.modelArtsEndpoint.toString());
        m_iamEndpoint->setText(profile.iamEndpoint.toString());
        m_swrEndpoint->setText(profile.swrEndpoint.toString());
    } else {
        m_region->setCurrentIndex(m_region->findData(profile.regionId));
    }
    m_projectId->setText(profile.projectId);
    (profile.authMethod == AuthMethod::Password ? m_passwordRadio : m_akSkRadio)->setChecked(true);
    m_accessKey->setText(profile.accessKey);
    m_userName->setText(profile.userName);
    m_domainName->setText(profile.domainName);
    m_caFile->setText(profile.caCertificatesFile);
}

int ProfileDialog::customRegionIndex() const
{
    return m_region->count() - 1;
}

bool ProfileDialog::isModified() const
{
    const Credentials typed = enteredSecrets();
    return profile() != m_initial || hasSecret(typed) || !typed.securityToken.isEmpty();
}

bool ProfileDialog::isTesting() const
{
    return !m_testClient.isNull();
}

bool ProfileDialog::isCustomRegion() const
{
    return m_region->currentIndex() == customRegionIndex();
}

QPushButton *ProfileDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

Profile ProfileDialog::profile() const
{
    Profile profile;
    profile.id = m_original ? m_original->id : QString();
    profile.name = m_name->text().trimmed();
    if (isCustomRegion()) {
        profile.regionId = m_customRegion->text().trimmed();
        profile.modelArtsEndpoint = endpointFromText(m_modelArtsEndpoint->text());
        profile.iamEndpoint = endpointFromText(m_iamEndpoint->text());
        profile.swrEndpoint = endpointFromText(m_swrEndpoint->text());
    } else {
        profile.regionId = m_region->currentData().toString();
    }
    profile.projectId = m_projectId->text().trimmed();
    profile.authMethod = m_passwordRadio->isChecked() ? AuthMethod::Password : AuthMethod::AkSk;
    if (profile.authMethod == AuthMethod::AkSk) {
        profile.accessKey = m_accessKey->text().trimmed();
    } else {
        profile.userName = m_userName->text().trimmed();
        profile.domainName = m_domainName->text().trimmed();
    }
    profile.caCertificatesFile = m_caFile->text().trimmed();
    return profile;
}

Credentials ProfileDialog::enteredSecrets() const
{
    Credentials secrets;
    secrets.method = m_passwordRadio->isChecked() ? AuthMethod::Password : AuthMethod::AkSk;
    if (secrets.method == AuthMethod::AkSk) {
        secrets.secretKey = m_secretKey->text().trimmed();
        secrets.securityToken = m_securityToken->text().trimmed();
    } else {
        secrets.password = m_password->text();
    }
    return secrets;
}

// A new profile needs its secrets; so does an edited one whose stored secrets no longer fit.
bool ProfileDialog::secretsRequired() const
{
    if (!m_original)
        return true;
    const Profile now = profile();
    if (now.authMethod != m_original->authMethod)
        return true;
    return now.authMethod == AuthMethod::AkSk && now.accessKey != m_original->accessKey;
}

QStringList ProfileDialog::problems() const
{
    const Profile now = profile();
    QStringList problems = now.validate();

    if (!now.name.isEmpty()) {
        const QList<Profile> all = m_profiles->profiles();
        for (const Profile &other : all) {
            if (other.id != now.id && other.name.compare(now.name, Qt::CaseInsensitive) == 0) {
                problems << tr("Another account is already called “%1”.").arg(other.name);
                break;
            }
        }
    }

    const Credentials secrets = enteredSecrets();
    if (now.authMethod == AuthMethod::AkSk) {
        if (secrets.secretKey.isEmpty()) {
            if (!m_original || now.authMethod != m_original->authMethod)
                problems << tr("Enter the secret key (SK).");
            else if (secretsRequired())
                problems << tr("Enter the secret key (SK) that belongs to the new access key.");
            else if (!secrets.securityToken.isEmpty())
                problems << tr("Enter the secret key (SK) together with the new security token.");
        }
    } else if (secrets.password.isEmpty() && secretsRequired()) {
        problems << tr("Enter the password.");
    }
    return problems;
}

void ProfileDialog::updateState()
{
    m_customBox->setVisible(isCustomRegion());
    m_authStack->setCurrentIndex(m_passwordRadio->isChecked() ? 1 : 0);

    const QStringList found = problems();
    QStringList lines;
    for (const QString &problem : found)
        lines << u"• "_s + problem;
    m_problems->setText(lines.join(u'\n'));
    // The name says what the label is; the description carries what it says, for screen readers.
    m_problems->setAccessibleDescription(found.join(u' '));
    const bool hintsChange = m_problems->isVisibleTo(this) == found.isEmpty();
    m_problems->setVisible(!found.isEmpty());
    if (hintsChange)
        shrinkToContents();

    const bool busy = m_saving || isTesting();
    okButton()->setEnabled(found.isEmpty() && !busy);

    // Testing needs a usable profile and secrets: typed ones, or the stored ones when they still fit.
    const bool profileUsable = profile().validate().isEmpty();
    const bool secretsAvailable = hasSecret(enteredSecrets()) || !secretsRequired();
    m_testButton->setEnabled(profileUsable && secretsAvailable && !busy);
}

void ProfileDialog::setBusy(bool busy)
{
    m_testBusy->setVisible(busy);
    for (QWidget *widget : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_region),
                            static_cast<QWidget *>(m_customBox), static_cast<QWidget *>(m_projectId),
                            static_cast<QWidget *>(m_authStack), static_cast<QWidget *>(m_akSkRadio),
                            static_cast<QWidget *>(m_passwordRadio), static_cast<QWidget *>(m_caFile)}) {
        widget->setEnabled(!m_saving);
    }
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!m_saving);
    updateState();
}

void ProfileDialog::chooseCaFile()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Choose a CA Certificate"), m_caFile->text(),
                                     tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

void ProfileDialog::testConnection()
{
    if (isTesting() || !profile().validate().isEmpty())
        return;
    const int serial = ++m_testSerial;
    m_testResult->setText(tr("Testing the connection…"));
    const Credentials typed = enteredSecrets();
    if (hasSecret(typed)) {
        runTest(typed);
        return;
    }
    if (!m_original || secretsRequired())
        return;
    // Unchanged secrets: the ones of this session, else the keychain's.
    if (const auto known = m_sessionSecrets ? m_sessionSecrets->find(m_original->id) : std::nullopt) {
        runTest(*known);
        return;
    }
    m_testBusy->show();
    m_testButton->setEnabled(false);
    m_secrets->read(m_original->id, [guard = QPointer(this), serial](const SecretStoreResult &result,
                                                                     const Credentials &secrets) {
        if (!guard || serial != guard->m_testSerial)
            return;
        if (!result.ok()) {
            guard->finishTest(false, result.message);
            return;
        }
        guard->runTest(secrets);
    });
}

void ProfileDialog::runTest(const Credentials &secrets)
{
    const Profile now = profile();
    m_testHadFocus = m_testButton->hasFocus();
    m_testClient = new ApiClient(m_network, now.connectionSettings(secrets), systemClock(), this);
    setBusy(true);
    ApiClient *client = m_testClient;
    ApiCall *call = client->testConnection();
    connect(call, &ApiCall::finished, this, [this, call, client] {
        if (call->succeeded()) {
            const QJsonObject body = call->json();
            const qint64 visible = body.contains("total"_L1) ? qint64(body.value("total"_L1).toDouble())
                                                             : qint64(body.value("data"_L1).toArray().size());
            //: %Ln images the account can see, %1 the project id
            finishTest(true, tr("Connected: %Ln image(s) visible, project id %1", nullptr, int(visible))
                                 .arg(client->projectId()));
        } else {
            finishTest(false, call->error().fullText());
        }
    });
}

void ProfileDialog::finishTest(bool succeeded, const QString &message)
{
    if (m_testClient) {
        m_testClient->deleteLater();
        m_testClient = nullptr;
    }
    m_testResult->setText(message);
    qCDebug(lcProfileDialog) << "connection test" << (succeeded ? "succeeded" : "failed");
    setBusy(false);
    // Disabling the button while testing moved the focus on; give it back so that it does not rest on Cancel.
    if (m_testHadFocus && m_testButton->isEnabled())
        m_testButton->setFocus(Qt::OtherFocusReason);
    m_testHadFocus = false;
    Q_EMIT connectionTested(succeeded, message);
}

void ProfileDialog::accept()
{
    if (m_saving || !problems().isEmpty())
        return;
    Profile toSave = profile();
    if (toSave.id.isEmpty())
        toSave.id = Profile::newId();

    Credentials secrets = enteredSecrets();
    if (!hasSecret(secrets)) {
        finishSaving(toSave); // editing, secrets unchanged
        return;
    }
    storeSecretsThenFinish(toSave, secrets);
}

void ProfileDialog::reject()
{
    if (m_saving)
        return;
    // Cancel, Esc and the window's close button all end here; a typed password is not thrown away unasked.
    if (isModified() && m_prompts.confirmDiscard && !m_prompts.confirmDiscard(this))
        return;
    QDialog::reject();
}

void ProfileDialog::storeSecretsThenFinish(const Profile &toSave, const Credentials &secrets)
{
    m_saving = true;
    setBusy(true);
    m_secrets->write(toSave.id, secrets,
                     [guard = QPointer(this), toSave, secrets](const SecretStoreResult &result) {
                         if (!guard)
                             return;
                         guard->m_saving = false;
                         guard->setBusy(false);
                         if (result.ok()) {
                             if (guard->m_sessionSecrets)
                                 guard->m_sessionSecrets->remove(toSave.id);
                             guard->finishSaving(toSave);
                             return;
                         }
                         const bool sessionOnly = guard->m_prompts.useForSessionOnly &&
                                                  guard->m_prompts.useForSessionOnly(guard, result.message);
                         if (!guard)
                             return;
                         if (sessionOnly && guard->m_sessionSecrets) {
                             guard->m_sessionSecrets->set(toSave.id, secrets);
                             guard->m_sessionOnly = true;
                             guard->finishSaving(toSave);
                         }
                     });
}

void ProfileDialog::finishSaving(const Profile &toSave)
{
    m_profiles->save(toSave);
    m_saved = toSave;
    qCInfo(lcProfileDialog) << "saved account" << toSave.id
                            << (m_sessionOnly ? "(secrets for this session only)" : "");
    Q_EMIT profileSaved(toSave);
    QDialog::accept();
}

} // namespace mim
