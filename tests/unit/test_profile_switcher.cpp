// The account switcher and the account manager: connecting a profile with its keychain secrets, keychain
// failures answered by re-entering secrets for the session, session-only connections, adding and removing
// accounts.

#include "models/accounts/MemorySecretBackend.h"
#include "models/accounts/Profile.h"
#include "models/accounts/SecretStore.h"
#include "views/accounts/AccountManager.h"
#include "views/accounts/AccountSwitcher.h"
#include "views/accounts/ProfileDialog.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

Profile makeProfile(const QString &name, const QString &accessKey)
{
    Profile profile;
    profile.id = Profile::newId();
    profile.name = name;
    profile.regionId = u"cn-north-4"_s;
    profile.accessKey = accessKey;
    return profile;
}

} // namespace

class TestProfileSwitcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listsProfilesAndActions();
    void activatingReadsSecretsAndRemembersTheProfile();
    void choosingInTheComboConnects();
    void keychainFailureLetsTheUserReenterSecrets();
    void missingEntryCanBeStoredAgain();
    void refusedKeychainSaveIsReported();
    void cancellingReentryKeepsThePreviousAccount();
    void sessionConnectionsAreNeverSaved();
    void addAccountSavesAndConnects();
    void managerRemovesProfileAndKeychainEntry();
    void managerRemovalNeedsConfirmation();
    void editingTheConnectedProfileReconnects();
    void managerTellsSimilarProfilesApart();

private:
    void storeSecret(const Profile &profile, const QString &secretKey);

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<ProfileStore> m_profiles;
    MemorySecretBackend *m_backend = nullptr;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AccountSwitcher> m_switcher;
    Profile m_alpha;
    Profile m_beta;

    // Scripted answers.
    std::optional<ReenteredSecrets> m_reentered;
    QList<SecretStoreResult::Status> m_reentryReasons;
    QList<QStringList> m_informed; // title, text
    bool m_failWriteAfterReentry = false;
    bool m_confirmRemoval = false;
    int m_removalQuestions = 0;
};

void TestProfileSwitcher::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    m_profiles = std::make_unique<ProfileStore>(m_folder->filePath(u"profiles.ini"_s));
    auto backend = std::make_unique<MemorySecretBackend>();
    m_backend = backend.get();
    m_secrets = std::make_unique<SecretStore>(u"Test"_s, std::move(backend));
    m_secrets->setReadRetryDelay(std::chrono::milliseconds(0));

    m_alpha = makeProfile(u"Alpha"_s, u"AAAAAAAAAA0000000000"_s);
    m_beta = makeProfile(u"Beta"_s, u"BBBBBBBBBB1111111111"_s);
    m_profiles->save(m_beta);
    m_profiles->save(m_alpha);
    storeSecret(m_alpha, u"alpha-secret"_s);
    storeSecret(m_beta, u"beta-secret"_s);

    m_reentered.reset();
    m_reentryReasons.clear();
    m_confirmRemoval = false;
    m_removalQuestions = 0;

    m_switcher = std::make_unique<AccountSwitcher>(m_profiles.get(), m_secrets.get());
    AccountPrompts prompts;
    prompts.useForSessionOnly = [](QWidget *, const QString &) { return true; };
    prompts.reenterSecrets = [this](QWidget *, const Profile &, const SecretStoreResult &failure) {
        m_reentryReasons << failure.status;
        if (m_failWriteAfterReentry)
            m_backend->failNext({SecretStoreResult::Status::AccessDenied});
        return m_reentered;
    };
    prompts.confirmRemoval = [this](QWidget *, const Profile &) {
        ++m_removalQuestions;
        return m_confirmRemoval;
    };
    m_informed.clear();
    m_failWriteAfterReentry = false;
    prompts.inform = [this](QWidget *, const QString &title, const QString &text) {
        m_informed.append({title, text});
    };
    m_switcher->setPrompts(prompts);
}

void TestProfileSwitcher::cleanup()
{
    m_switcher.reset();
    m_secrets.reset();
    m_profiles.reset();
    m_folder.reset();
}

void TestProfileSwitcher::storeSecret(const Profile &profile, const QString &secretKey)
{
    Credentials secrets;
    secrets.secretKey = secretKey;
    bool done = false;
    m_secrets->write(profile.id, secrets, [&done](const SecretStoreResult &result) {
        QVERIFY(result.ok());
        done = true;
    });
    QTRY_VERIFY(done);
}

void TestProfileSwitcher::listsProfilesAndActions()
{
    QComboBox *combo = m_switcher->comboBox();
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        texts << combo->itemText(i);
    QCOMPARE(texts,
             (QStringList{u"Alpha"_s, u"Beta"_s, QString(), u"Add Account…"_s, u"Manage Accounts…"_s}));
    QCOMPARE(combo->currentIndex(), -1);
    QCOMPARE(combo->placeholderText(), u"No account"_s);
    QVERIFY(m_switcher->hasAnyAccount());
    QCOMPARE(m_switcher->currentDisplayName(), QString());
}

void TestProfileSwitcher::activatingReadsSecretsAndRemembersTheProfile()
{
    QSignalSpy ready(m_switcher.get(), &AccountSwitcher::connectionReady);
    m_switcher->activateProfile(u"beta"_s); // by name, any case
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.at(0).at(0).toString(), u"Beta"_s);
    const auto settings = ready.at(0).at(1).value<ConnectionSettings>();
    QCOMPARE(settings.credentials.accessKey, m_beta.accessKey);
    QCOMPARE(settings.credentials.secretKey, u"beta-secret"_s);
    QCOMPARE(settings.regionId, u"cn-north-4"_s);
    QVERIFY(!settings.modelArtsEndpoint.isEmpty());
    QCOMPARE(m_switcher->currentDisplayName(), u"Beta"_s);
    QCOMPARE(m_switcher->currentProfileId(), m_beta.id);
    QCOMPARE(m_switcher->comboBox()->currentText(), u"Beta"_s);
    QCOMPARE(m_profiles->currentProfileId(), m_beta.id);

    // Unknown names change nothing.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no account"_s));
    m_switcher->activateProfile(u"Gamma"_s);
    QCOMPARE(m_switcher->comboBox()->currentText(), u"Beta"_s);
}

void TestProfileSwitcher::choosingInTheComboConnects()
{
    QSignalSpy ready(m_switcher.get(), &AccountSwitcher::connectionReady);
    QComboBox *combo = m_switcher->comboBox();
    Q_EMIT combo->activated(0);
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.at(0).at(0).toString(), u"Alpha"_s);
    QCOMPARE(ready.at(0).at(1).value<ConnectionSettings>().credentials.secretKey, u"alpha-secret"_s);

    // "Manage Accounts…" opens the manager and leaves the selection alone.
    combo->setCurrentIndex(combo->count() - 1);
    Q_EMIT combo->activated(combo->count() - 1);
    QVERIFY(m_switcher->accountManager());
    QCOMPARE(combo->currentText(), u"Alpha"_s);
    m_switcher->accountManager()->reject();
}

void TestProfileSwitcher::keychainFailureLetsTheUserReenterSecrets()
{
    ReenteredSecrets typed;
    typed.secrets.secretKey = u"typed-again"_s;
    m_reentered = typed;
    m_backend->failNext({SecretStoreResult::Status::NoKeychain, SecretStoreResult::Status::NoKeychain});

    QSignalSpy ready(m_switcher.get(), &AccountSwitcher::connectionReady);
    m_switcher->activateProfile(m_alpha.id);
    QVERIFY(ready.wait(5000));
    QCOMPARE(m_reentryReasons, QList<SecretStoreResult::Status>{SecretStoreResult::Status::NoKeychain});
    QCOMPARE(ready.at(0).at(1).value<ConnectionSettings>().credentials.secretKey, u"typed-again"_s);
    QVERIFY(m_switcher->sessionSecrets()->contains(m_alpha.id));

    // Later in the session the keychain is not asked again.
    const int operations = m_backend->operationCount();
    m_switcher->activateProfile(m_beta.id);
    QVERIFY(ready.wait(5000));
    m_switcher->activateProfile(m_alpha.id);
    QTRY_COMPARE(ready.size(), 3);
    QCOMPARE(ready.at(2).at(1).value<ConnectionSettings>().credentials.secretKey, u"typed-again"_s);
    QCOMPARE(m_backend->operationCount(), operations + 1); // Beta's read only
}

void TestProfileSwitcher::missingEntryCanBeStoredAgain()
{
    Profile gamma = makeProfile(u"Gamma"_s, u"CCCCCCCCCC2222222222"_s);
    m_profiles->save(gamma); // no keychain entry
    ReenteredSecrets typed;
    typed.secrets.secretKey = u"gamma-secret"_s;
    typed.storeInKeychain = true;
    m_reentered = typed;

    QSignalSpy ready(m_switcher.get(), &AccountSwitcher::connectionReady);
    m_switcher->activateProfile(gamma.id);
    QVERIFY(ready.wait(5000));
    QCOMPARE(m_reentryReasons, QList<SecretStoreResult::Status>{SecretStoreResult::Status::NotFound});
    QTRY_COMPARE(m_backend->entryCount(), 3);
    QVERIFY(!m_switcher->sessionSecrets()->contains(gamma.id));
}

void TestProfileSwitcher::refusedKeychainSaveIsReported()
{
    Profile gamma = makeProfile(u"Gamma"_s, u"CCCCCCCCCC2222222222"_s);
    m_profiles->save(gamma); // no keychain entry
    ReenteredSecrets typed;
    typed.secrets.secretKey = u"gamma-secret"_s;
    typed.storeInKeychain = true;
    m_reentered = typed;
    m_failWriteAfterReentry = true; // the keyring refuses (a cancelled prompt, no "login" collection)

    QSignalSpy ready(m_switcher.get(), &AccountSwitcher::connectionReady);
    m_switcher->activateProfile(gamma.id);
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.at(0).at(1).value<ConnectionSettings>().credentials.secretKey, u"gamma-secret"_s);
    // The session goes on with the typed secret, and the user is told it was not saved, and why.
    QTRY_COMPARE(m_informed.size(), 1);
    QCOMPARE(m_informed.at(0).at(0), u"Secret Key Not Saved"_s);
    const QString text = m_informed.at(0).at(1);
    QVERIFY2(text.contains(u"could not be saved in the keychain"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Access to the keychain was denied"_s), qPrintable(text));
    QVERIFY2(text.contains(u"kept for this session only"_s), qPrintable(text));
    QVERIFY2(text.contains(u"asked for it again next time"_s), qPrintable(text));
    QVERIFY(m_switcher->sessionSecrets()->contains(gamma.id));
    QCOMPARE(m_backend->entryCount(), 2);
}

void TestProfileSwitcher::cancellingReentryKeepsThePreviousAccount()
{
    QSignalSpy ready(m_switcher.get(), &AccountSwitcher::connectionReady);
    m_switcher->activateProfile(m_alpha.id);
    QVERIFY(ready.wait(5000));

    m_reentered.reset(); // the user cancels
    m_backend->failNext({SecretStoreResult::Status::AccessDenied});
    m_switcher->activateProfile(m_beta.id);
    QTRY_COMPARE(m_reentryReasons.size(), 1);
    QCOMPARE(m_reentryReasons.constFirst(), SecretStoreResult::Status::AccessDenied);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(m_switcher->comboBox()->currentText(), u"Alpha"_s);
    QCOMPARE(m_switcher->currentDisplayName(), u"Alpha"_s);
    QCOMPARE(m_profiles->currentProfileId(), m_alpha.id);
}

void TestProfileSwitcher::sessionConnectionsAreNeverSaved()
{
    ConnectionSettings settings;
    settings.regionId = u"cn-north-4"_s;
    settings.modelArtsEndpoint = QUrl(u"http://127.0.0.1:1"_s);
    settings.credentials.accessKey = u"SANDBOXAK0000DEMO000"_s;
    settings.credentials.secretKey = u"SESSION-ONLY-SECRET"_s;

    QSignalSpy ready(m_switcher.get(), &AccountSwitcher::connectionReady);
    m_switcher->addSessionConnection(u"Demo"_s, settings);
    QCOMPARE(ready.size(), 1); // at once
    QCOMPARE(ready.at(0).at(0).toString(), u"Demo"_s);
    QCOMPARE(m_switcher->currentDisplayName(), u"Demo"_s);
    QCOMPARE(m_switcher->currentProfileId(), QString());
    QCOMPARE(m_switcher->comboBox()->currentText(), u"Demo"_s);
    QCOMPARE(m_profiles->profiles().size(), 2);

    // Switching away and back.
    m_switcher->activateProfile(m_alpha.id);
    QVERIFY(ready.wait(5000));
    const int demoIndex = m_switcher->comboBox()->findText(u"Demo"_s);
    QVERIFY(demoIndex >= 0);
    Q_EMIT m_switcher->comboBox()->activated(demoIndex);
    QCOMPARE(ready.size(), 3);
    QCOMPARE(ready.at(2).at(1).value<ConnectionSettings>().credentials.secretKey, u"SESSION-ONLY-SECRET"_s);

    QFile ini(m_profiles->settingsFileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray content = ini.readAll();
    QVERIFY(!content.contains("Demo"));
    QVERIFY(!content.contains("SESSION-ONLY-SECRET"));
    QCOMPARE(m_backend->entryCount(), 2);
}

void TestProfileSwitcher::addAccountSavesAndConnects()
{
    m_switcher->addAccount();
    ProfileDialog *dialog = m_switcher->addAccountDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->isEditing());
    dialog->nameEdit()->setText(u"Delta"_s);
    dialog->accessKeyEdit()->setText(u"DDDDDDDDDD3333333333"_s);
    dialog->secretKeyEdit()->setText(u"delta-secret"_s);
    QSignalSpy ready(m_switcher.get(), &AccountSwitcher::connectionReady);
    QSignalSpy changed(m_switcher.get(), &AccountSwitcher::profilesChanged);
    dialog->okButton()->click();
    QVERIFY(ready.wait(5000));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(ready.at(0).at(0).toString(), u"Delta"_s);
    QCOMPARE(ready.at(0).at(1).value<ConnectionSettings>().credentials.secretKey, u"delta-secret"_s);
    QCOMPARE(m_profiles->profiles().size(), 3);
    QVERIFY(m_switcher->comboBox()->findText(u"Delta"_s) >= 0);
    QTRY_VERIFY(!m_switcher->addAccountDialog());
}

void TestProfileSwitcher::managerRemovesProfileAndKeychainEntry()
{
    QSignalSpy ready(m_switcher.get(), &AccountSwitcher::connectionReady);
    m_switcher->activateProfile(m_alpha.id);
    QVERIFY(ready.wait(5000));

    m_switcher->openAccountManager();
    AccountManager *manager = m_switcher->accountManager();
    QVERIFY(manager);
    QCOMPARE(manager->list()->count(), 2);
    QCOMPARE(manager->selectedProfileId(), m_alpha.id);
    QVERIFY(manager->list()->item(0)->text().contains(u"AAAAAAAAAA0000000000"_s));

    m_confirmRemoval = true;
    QSignalSpy disconnected(m_switcher.get(), &AccountSwitcher::disconnected);
    manager->removeButton()->click();
    QCOMPARE(m_removalQuestions, 1);
    QCOMPARE(disconnected.size(), 1);
    QVERIFY(!m_profiles->find(m_alpha.id));
    QCOMPARE(manager->list()->count(), 1);
    QTRY_COMPARE(m_backend->entryCount(), 1);
    QCOMPARE(m_switcher->currentDisplayName(), QString());
    QCOMPARE(m_switcher->comboBox()->currentIndex(), -1);
    QCOMPARE(m_switcher->comboBox()->findText(u"Alpha"_s), -1);
    QCOMPARE(m_profiles->currentProfileId(), QString());
    manager->reject();
}

void TestProfileSwitcher::managerRemovalNeedsConfirmation()
{
    m_switcher->openAccountManager();
    AccountManager *manager = m_switcher->accountManager();
    QVERIFY(manager);
    manager->selectProfile(m_beta.id);
    m_confirmRemoval = false;
    manager->removeButton()->click();
    QCOMPARE(m_removalQuestions, 1);
    QVERIFY(m_profiles->find(m_beta.id));
    QTest::qWait(20);
    QCOMPARE(m_backend->entryCount(), 2);

    // Edit opens the dialog on the selected profile; while it is open the list's buttons wait.
    manager->editButton()->click();
    QVERIFY(manager->profileDialog());
    QCOMPARE(manager->profileDialog()->profile().id, m_beta.id);
    QVERIFY(!manager->removeButton()->isEnabled());
    manager->profileDialog()->reject();
    QTRY_VERIFY(!manager->profileDialog());
    QVERIFY(manager->removeButton()->isEnabled());
    manager->reject();
}

void TestProfileSwitcher::editingTheConnectedProfileReconnects()
{
    QSignalSpy ready(m_switcher.get(), &AccountSwitcher::connectionReady);
    m_switcher->activateProfile(m_beta.id);
    QVERIFY(ready.wait(5000));

    m_switcher->editCurrentAccount(); // as after a certificate error
    AccountManager *manager = m_switcher->accountManager();
    QVERIFY(manager);
    ProfileDialog *dialog = manager->profileDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isEditing());
    QCOMPARE(dialog->nameEdit()->text(), u"Beta"_s);
    dialog->nameEdit()->setText(u"Beta renamed"_s);
    dialog->okButton()->click();
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.at(1).at(0).toString(), u"Beta renamed"_s);
    QCOMPARE(ready.at(1).at(1).value<ConnectionSettings>().credentials.secretKey, u"beta-secret"_s);
    QVERIFY(m_switcher->comboBox()->findText(u"Beta renamed"_s) >= 0);
    QVERIFY(manager->list()->item(1)->text().startsWith(u"Beta renamed"_s));
    manager->reject();
}

void TestProfileSwitcher::managerTellsSimilarProfilesApart()
{
    // Two local endpoints that differ only in their port and region, with the same access key.
    const auto local = [](const QString &name, int port, const QString &region) {
        Profile profile = makeProfile(name, u"SANDBOXAK0000DEMO000"_s);
        profile.regionId = region;
        profile.modelArtsEndpoint = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        profile.iamEndpoint = profile.modelArtsEndpoint;
        return profile;
    };
    m_profiles->save(local(u"Gamma"_s, 8001, u"cn-north-4"_s));
    m_profiles->save(local(u"Delta"_s, 8002, u"cn-east-3"_s));
    m_switcher->openAccountManager();
    AccountManager *manager = m_switcher->accountManager();
    QVERIFY(manager);
    QStringList details;
    for (int i = 0; i < manager->list()->count(); ++i)
        details.append(manager->list()->item(i)->text().section(u'\n', 1));
    QCOMPARE(details.size(), 4);
    QCOMPARE(QSet<QString>(details.cbegin(), details.cend()).size(), 4);
    const QString all = details.join(u'|');
    QVERIFY2(all.contains(u"127.0.0.1:8001"_s) && all.contains(u"127.0.0.1:8002"_s), qPrintable(all));
    QVERIFY2(all.contains(u"cn-east-3"_s), qPrintable(all));
    QVERIFY2(all.contains(u"access key SANDBOXAK0000DEMO000"_s), qPrintable(all));
    manager->reject();
}

QTEST_MAIN(TestProfileSwitcher)
#include "test_profile_switcher.moc"
