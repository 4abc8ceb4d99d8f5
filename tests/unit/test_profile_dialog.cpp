// The add/edit account dialog: inline validation, custom endpoints, saving to the profile store and the
// keychain, the "use for this session only" path when the keychain fails, and "Test connection" against
// the in-process sandbox.

#include "models/accounts/MemorySecretBackend.h"
#include "models/accounts/Profile.h"
#include "models/accounts/SecretStore.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"
#include "views/accounts/ProfileDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

constexpr auto SandboxSecretKey = "sandbox-secret-key-for-local-testing-only"_L1;

// Answers the keychain prompts without a modal loop and records what was asked.
struct ScriptedPrompts
{
    bool useForSessionOnly = false;
    QStringList explanations;
    bool discard = false;
    int discardQuestions = 0;

    AccountPrompts prompts()
    {
        AccountPrompts result;
        result.useForSessionOnly = [this](QWidget *, const QString &explanation) {
            explanations << explanation;
            return useForSessionOnly;
        };
        result.reenterSecrets = [](QWidget *, const Profile &, const SecretStoreResult &) {
            return std::optional<ReenteredSecrets>();
        };
        result.confirmRemoval = [](QWidget *, const Profile &) { return false; };
        result.inform = [](QWidget *, const QString &, const QString &) {};
        result.confirmDiscard = [this](QWidget *) {
            ++discardQuestions;
            return discard;
        };
        return result;
    }
};

} // namespace

class TestProfileDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void okStaysDisabledUntilValid();
    void invalidFieldsAreExplainedInline();
    void customEndpointsAreRevealedOnDemand();
    void passwordAuthenticationAsksForUserAndDomain();
    void namesMustBeUnique();
    void savingStoresProfileAndSecretsSeparately();
    void keychainFailureOffersSessionOnly();
    void keychainFailureCancelKeepsTheDialogOpen();
    void editingLeavesSecretsUnchanged();
    void editingWithNewAccessKeyNeedsTheSecretKey();
    void testConnectionSucceedsAndDiscoversTheProject();
    void testConnectionReportsRejectedSignature();
    void testConnectionOfEditedProfileUsesStoredSecrets();
    void enterAfterTestConnectionAddsTheAccount();
    void discardingAFilledFormAsksFirst();

private:
    ProfileDialog *makeDialog(const std::optional<Profile> &existing = std::nullopt);
    void fillSandboxProfile(ProfileDialog *dialog, const QString &secretKey = SandboxSecretKey);

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<ProfileStore> m_profiles;
    MemorySecretBackend *m_backend = nullptr;
    std::unique_ptr<SecretStore> m_secrets;
    SessionSecrets m_sessionSecrets;
    ScriptedPrompts m_scripted;
    QNetworkAccessManager m_network;
    std::unique_ptr<test::SandboxFixture> m_sandbox;
};

void TestProfileDialog::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    m_profiles = std::make_unique<ProfileStore>(m_folder->filePath(u"profiles.ini"_s));
    auto backend = std::make_unique<MemorySecretBackend>();
    m_backend = backend.get();
    m_secrets = std::make_unique<SecretStore>(u"Test"_s, std::move(backend));
    m_sessionSecrets = SessionSecrets();
    m_scripted = ScriptedPrompts();
}

void TestProfileDialog::cleanup()
{
    m_secrets.reset();
    m_profiles.reset();
    m_folder.reset();
}

ProfileDialog *TestProfileDialog::makeDialog(const std::optional<Profile> &existing)
{
    auto *dialog =
        new ProfileDialog(m_profiles.get(), m_secrets.get(), &m_sessionSecrets, &m_network, existing);
    dialog->setAttribute(Qt::WA_DeleteOnClose, false);
    dialog->setPrompts(m_scripted.prompts());
    return dialog;
}

void TestProfileDialog::fillSandboxProfile(ProfileDialog *dialog, const QString &secretKey)
{
    if (!m_sandbox) {
        m_sandbox = std::make_unique<test::SandboxFixture>(30);
        QVERIFY(m_sandbox->start());
    }
    const QString base = m_sandbox->baseUrl().toString();
    dialog->nameEdit()->setText(u"Sandbox"_s);
    dialog->regionCombo()->setCurrentIndex(dialog->customRegionIndex());
    dialog->customRegionEdit()->setText(u"cn-north-4"_s);
    dialog->modelArtsEndpointEdit()->setText(base);
    dialog->iamEndpointEdit()->setText(base);
    dialog->akSkRadio()->setChecked(true);
    dialog->accessKeyEdit()->setText(u"SANDBOXAK0000DEMO000"_s);
    dialog->secretKeyEdit()->setText(secretKey);
}

void TestProfileDialog::okStaysDisabledUntilValid()
{
    std::unique_ptr<ProfileDialog> dialog(makeDialog());
    QVERIFY(!dialog->isEditing());
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY(!dialog->testButton()->isEnabled());
    QVERIFY(!dialog->problems().isEmpty());

    dialog->nameEdit()->setText(u"Team"_s);
    dialog->accessKeyEdit()->setText(u"ABCDEFGHIJ0123456789"_s);
    QVERIFY(!dialog->okButton()->isEnabled()); // the secret key is still missing
    QVERIFY(dialog->problemsLabel()->text().contains(u"secret key"_s));
    QVERIFY(!dialog->testButton()->isEnabled());

    dialog->secretKeyEdit()->setText(u"secret"_s);
    QCOMPARE(dialog->problems(), QStringList());
    QVERIFY(dialog->okButton()->isEnabled());
    QVERIFY(dialog->testButton()->isEnabled());
    QVERIFY(dialog->problemsLabel()->isHidden());
    QCOMPARE(dialog->secretKeyEdit()->echoMode(), QLineEdit::Password);
    QCOMPARE(dialog->securityTokenEdit()->echoMode(), QLineEdit::Password);
    QCOMPARE(dialog->passwordEdit()->echoMode(), QLineEdit::Password);
}

void TestProfileDialog::invalidFieldsAreExplainedInline()
{
    std::unique_ptr<ProfileDialog> dialog(makeDialog());
    dialog->nameEdit()->setText(u"Team"_s);
    dialog->accessKeyEdit()->setText(u"too-short"_s);
    dialog->secretKeyEdit()->setText(u"secret"_s);
    dialog->projectIdEdit()->setText(u"NOT-A-PROJECT"_s);
    const QString shown = dialog->problemsLabel()->text();
    QVERIFY2(shown.contains(u"20 upper-case letters and digits"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"32 lower-case hexadecimal"_s), qPrintable(shown));
    QVERIFY(!dialog->okButton()->isEnabled());

    dialog->accessKeyEdit()->setText(u" ABCDEFGHIJ0123456789 "_s); // pasted with spaces
    dialog->projectIdEdit()->setText(QString());
    QVERIFY(dialog->okButton()->isEnabled());
    QCOMPARE(dialog->profile().accessKey, u"ABCDEFGHIJ0123456789"_s);
    QVERIFY(dialog->projectIdEdit()->placeholderText().contains(u"automatically"_s));
}

void TestProfileDialog::customEndpointsAreRevealedOnDemand()
{
    std::unique_ptr<ProfileDialog> dialog(makeDialog());
    dialog->show();
    QVERIFY(!dialog->modelArtsEndpointEdit()->isVisible());
    QCOMPARE(dialog->profile().regionId, u"cn-north-4"_s);
    QVERIFY(dialog->regionCombo()->currentText().contains(u"cn-north-4"_s));

    dialog->regionCombo()->setCurrentIndex(dialog->customRegionIndex());
    QVERIFY(dialog->modelArtsEndpointEdit()->isVisible());
    QVERIFY(dialog->iamEndpointEdit()->isVisible());
    dialog->nameEdit()->setText(u"Private cloud"_s);
    dialog->accessKeyEdit()->setText(u"ABCDEFGHIJ0123456789"_s);
    dialog->secretKeyEdit()->setText(u"secret"_s);
    QVERIFY(!dialog->okButton()->isEnabled()); // neither a region nor both endpoints

    dialog->modelArtsEndpointEdit()->setText(u"http://modelarts.internal.example.com"_s);
    dialog->iamEndpointEdit()->setText(u"https://iam.internal.example.com"_s);
    QVERIFY2(dialog->problemsLabel()->text().contains(u"ModelArts endpoint"_s),
             qPrintable(dialog->problemsLabel()->text()));
    dialog->modelArtsEndpointEdit()->setText(u"https://modelarts.internal.example.com"_s);
    QVERIFY(dialog->okButton()->isEnabled());
    const Profile profile = dialog->profile();
    QCOMPARE(profile.modelArtsEndpoint, QUrl(u"https://modelarts.internal.example.com"_s));
    QCOMPARE(profile.iamEndpoint, QUrl(u"https://iam.internal.example.com"_s));
    QVERIFY(profile.swrEndpoint.isEmpty()); // empty: the region's

    // The SWR endpoint sits with the others and is checked like them.
    QVERIFY(dialog->swrEndpointEdit()->isVisible());
    dialog->swrEndpointEdit()->setText(u"http://swr.internal.example.com"_s);
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY2(dialog->problemsLabel()->text().contains(u"SWR endpoint"_s),
             qPrintable(dialog->problemsLabel()->text()));
    dialog->swrEndpointEdit()->setText(u"https://swr.internal.example.com"_s);
    QVERIFY(dialog->okButton()->isEnabled());
    QCOMPARE(dialog->profile().swrEndpoint, QUrl(u"https://swr.internal.example.com"_s));

    // A saved profile with only a custom SWR endpoint opens with the endpoints shown.
    Profile swrOnly;
    swrOnly.id = Profile::newId();
    swrOnly.name = u"Region with its own SWR"_s;
    swrOnly.regionId = u"cn-north-4"_s;
    swrOnly.accessKey = u"ABCDEFGHIJ0123456789"_s;
    swrOnly.swrEndpoint = QUrl(u"https://swr.internal.example.com"_s);
    std::unique_ptr<ProfileDialog> reopened(makeDialog(swrOnly));
    reopened->show();
    QVERIFY(reopened->swrEndpointEdit()->isVisible());
    QCOMPARE(reopened->profile().swrEndpoint, QUrl(u"https://swr.internal.example.com"_s));
    QCOMPARE(reopened->profile().regionId, u"cn-north-4"_s);

    dialog->regionCombo()->setCurrentIndex(0);
    QVERIFY(!dialog->modelArtsEndpointEdit()->isVisible());
    QVERIFY(dialog->profile().modelArtsEndpoint.isEmpty());
}

void TestProfileDialog::passwordAuthenticationAsksForUserAndDomain()
{
    std::unique_ptr<ProfileDialog> dialog(makeDialog());
    dialog->show();
    dialog->nameEdit()->setText(u"IAM user"_s);
    dialog->passwordRadio()->setChecked(true);
    QVERIFY(dialog->userNameEdit()->isVisible());
    QVERIFY(!dialog->accessKeyEdit()->isVisible());
    const QString shown = dialog->problemsLabel()->text();
    QVERIFY2(shown.contains(u"user name"_s) && shown.contains(u"domain"_s) && shown.contains(u"password"_s),
             qPrintable(shown));
    dialog->userNameEdit()->setText(u"alice"_s);
    dialog->domainNameEdit()->setText(u"acme"_s);
    dialog->passwordEdit()->setText(u"pw"_s);
    QVERIFY(dialog->okButton()->isEnabled());
    QCOMPARE(dialog->profile().authMethod, AuthMethod::Password);
    QCOMPARE(dialog->enteredSecrets().password, u"pw"_s);
    QCOMPARE(dialog->enteredSecrets().secretKey, QString());
}

void TestProfileDialog::namesMustBeUnique()
{
    Profile existing;
    existing.id = Profile::newId();
    existing.name = u"Team"_s;
    existing.regionId = u"cn-north-4"_s;
    existing.accessKey = u"ABCDEFGHIJ0123456789"_s;
    m_profiles->save(existing);

    std::unique_ptr<ProfileDialog> dialog(makeDialog());
    dialog->nameEdit()->setText(u"team"_s);
    dialog->accessKeyEdit()->setText(u"ABCDEFGHIJ0123456789"_s);
    dialog->secretKeyEdit()->setText(u"secret"_s);
    QVERIFY2(dialog->problemsLabel()->text().contains(u"already called"_s),
             qPrintable(dialog->problemsLabel()->text()));
    QVERIFY(!dialog->okButton()->isEnabled());

    // Editing the profile itself keeps its name.
    std::unique_ptr<ProfileDialog> edit(makeDialog(existing));
    QVERIFY(edit->okButton()->isEnabled());
}

void TestProfileDialog::savingStoresProfileAndSecretsSeparately()
{
    std::unique_ptr<ProfileDialog> dialog(makeDialog());
    dialog->nameEdit()->setText(u"Team"_s);
    dialog->accessKeyEdit()->setText(u"ABCDEFGHIJ0123456789"_s);
    dialog->secretKeyEdit()->setText(u"SECRET-KEY-FOR-DIALOG-TEST"_s);
    dialog->securityTokenEdit()->setText(u"SECURITY-TOKEN-FOR-DIALOG-TEST"_s);
    QSignalSpy saved(dialog.get(), &ProfileDialog::profileSaved);
    dialog->okButton()->click();
    QVERIFY(saved.wait(5000));
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QVERIFY(!dialog->secretsAreSessionOnly());

    const Profile profile = dialog->savedProfile();
    QVERIFY(!profile.id.isEmpty());
    QCOMPARE(m_profiles->find(profile.id), std::optional<Profile>(profile));
    QCOMPARE(m_backend->entryCount(), 1);
    QVERIFY(!m_sessionSecrets.contains(profile.id));

    bool read = false;
    m_secrets->read(profile.id, [&](const SecretStoreResult &result, const Credentials &secrets) {
        read = true;
        QVERIFY(result.ok());
        QCOMPARE(secrets.secretKey, u"SECRET-KEY-FOR-DIALOG-TEST"_s);
        QCOMPARE(secrets.securityToken, u"SECURITY-TOKEN-FOR-DIALOG-TEST"_s);
    });
    QTRY_VERIFY(read);

    QFile ini(m_profiles->settingsFileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray content = ini.readAll();
    QVERIFY(content.contains("ABCDEFGHIJ0123456789"));
    QVERIFY(!content.contains("SECRET-KEY-FOR-DIALOG-TEST"));
    QVERIFY(!content.contains("SECURITY-TOKEN-FOR-DIALOG-TEST"));
}

void TestProfileDialog::keychainFailureOffersSessionOnly()
{
    m_scripted.useForSessionOnly = true;
    m_backend->failNext({SecretStoreResult::Status::NoKeychain});
    std::unique_ptr<ProfileDialog> dialog(makeDialog());
    dialog->nameEdit()->setText(u"Team"_s);
    dialog->passwordRadio()->setChecked(true);
    dialog->userNameEdit()->setText(u"alice"_s);
    dialog->domainNameEdit()->setText(u"acme"_s);
    dialog->passwordEdit()->setText(u"PASSWORD-FOR-SESSION-ONLY"_s);
    QSignalSpy saved(dialog.get(), &ProfileDialog::profileSaved);
    dialog->okButton()->click();
    QVERIFY(saved.wait(5000));

    QCOMPARE(m_scripted.explanations.size(), 1);
    QVERIFY2(m_scripted.explanations.constFirst().contains(u"No keychain service is available"_s),
             qPrintable(m_scripted.explanations.constFirst()));
    QVERIFY(dialog->secretsAreSessionOnly());
    const Profile profile = dialog->savedProfile();
    QVERIFY(m_profiles->find(profile.id));
    QCOMPARE(m_backend->entryCount(), 0);
    const auto kept = m_sessionSecrets.find(profile.id);
    QVERIFY(kept);
    QCOMPARE(kept->password, u"PASSWORD-FOR-SESSION-ONLY"_s);

    QFile ini(m_profiles->settingsFileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("PASSWORD-FOR-SESSION-ONLY"));
}

void TestProfileDialog::keychainFailureCancelKeepsTheDialogOpen()
{
    m_scripted.useForSessionOnly = false;
    m_backend->failNext({SecretStoreResult::Status::AccessDenied});
    std::unique_ptr<ProfileDialog> dialog(makeDialog());
    dialog->show();
    dialog->nameEdit()->setText(u"Team"_s);
    dialog->accessKeyEdit()->setText(u"ABCDEFGHIJ0123456789"_s);
    dialog->secretKeyEdit()->setText(u"secret"_s);
    dialog->okButton()->click();
    QTRY_COMPARE(m_scripted.explanations.size(), 1);
    QVERIFY(m_scripted.explanations.constFirst().contains(u"denied"_s));
    QTRY_VERIFY(!dialog->isSaving());
    QVERIFY(dialog->isVisible());
    QVERIFY(m_profiles->profiles().isEmpty());
    QVERIFY(m_sessionSecrets.find(dialog->profile().id) == std::nullopt);
    QVERIFY(dialog->okButton()->isEnabled());

    // The keychain works again: a second try saves. Closing meanwhile would orphan the keychain entry, so
    // the dialog stays until the keychain has answered.
    QSignalSpy saved(dialog.get(), &ProfileDialog::profileSaved);
    dialog->okButton()->click();
    QVERIFY(dialog->isSaving());
    QVERIFY(!dialog->okButton()->isEnabled());
    dialog->reject();
    QVERIFY(dialog->isVisible());
    QVERIFY(saved.wait(5000));
    QCOMPARE(m_profiles->profiles().size(), 1);
    QCOMPARE(m_backend->entryCount(), 1);
}

void TestProfileDialog::editingLeavesSecretsUnchanged()
{
    Profile existing;
    existing.id = Profile::newId();
    existing.name = u"Team"_s;
    existing.regionId = u"cn-north-4"_s;
    existing.accessKey = u"ABCDEFGHIJ0123456789"_s;
    m_profiles->save(existing);

    std::unique_ptr<ProfileDialog> dialog(makeDialog(existing));
    QVERIFY(dialog->isEditing());
    QCOMPARE(dialog->nameEdit()->text(), u"Team"_s);
    QCOMPARE(dialog->accessKeyEdit()->text(), existing.accessKey);
    QCOMPARE(dialog->secretKeyEdit()->text(), QString());
    QCOMPARE(dialog->secretKeyEdit()->placeholderText(), u"unchanged"_s);
    QVERIFY(dialog->okButton()->isEnabled());

    dialog->nameEdit()->setText(u"Team Beijing"_s);
    const int operations = m_backend->operationCount();
    QSignalSpy saved(dialog.get(), &ProfileDialog::profileSaved);
    dialog->okButton()->click();
    QVERIFY(saved.count() == 1 || saved.wait(5000));
    QCOMPARE(m_backend->operationCount(), operations); // the keychain was not touched
    QCOMPARE(m_profiles->find(existing.id)->name, u"Team Beijing"_s);
    QCOMPARE(m_profiles->profiles().size(), 1);

    // A new security token alone does not fit the stored key pair.
    std::unique_ptr<ProfileDialog> again(makeDialog(*m_profiles->find(existing.id)));
    again->securityTokenEdit()->setText(u"new token"_s);
    QVERIFY(!again->okButton()->isEnabled());
    QVERIFY(again->problemsLabel()->text().contains(u"together with the new security token"_s));
}

void TestProfileDialog::editingWithNewAccessKeyNeedsTheSecretKey()
{
    Profile existing;
    existing.id = Profile::newId();
    existing.name = u"Team"_s;
    existing.regionId = u"cn-north-4"_s;
    existing.accessKey = u"ABCDEFGHIJ0123456789"_s;
    m_profiles->save(existing);

    std::unique_ptr<ProfileDialog> dialog(makeDialog(existing));
    dialog->accessKeyEdit()->setText(u"ZYXWVUTSRQ9876543210"_s);
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY(dialog->problemsLabel()->text().contains(u"new access key"_s));
    dialog->secretKeyEdit()->setText(u"new secret"_s);
    QVERIFY(dialog->okButton()->isEnabled());

    // Switching to password authentication needs the password.
    dialog->passwordRadio()->setChecked(true);
    dialog->userNameEdit()->setText(u"alice"_s);
    dialog->domainNameEdit()->setText(u"acme"_s);
    QVERIFY(!dialog->okButton()->isEnabled());
    dialog->passwordEdit()->setText(u"pw"_s);
    QVERIFY(dialog->okButton()->isEnabled());
}

void TestProfileDialog::testConnectionSucceedsAndDiscoversTheProject()
{
    std::unique_ptr<ProfileDialog> dialog(makeDialog());
    fillSandboxProfile(dialog.get());
    QVERIFY(dialog->testButton()->isEnabled());
    QSignalSpy tested(dialog.get(), &ProfileDialog::connectionTested);
    dialog->testButton()->click();
    QVERIFY(dialog->isTesting());
    QVERIFY(!dialog->testButton()->isEnabled());
    QVERIFY(tested.wait(20000));
    QVERIFY(!dialog->isTesting());
    QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(tested.at(0).at(1).toString()));
    const QString message = dialog->testResultLabel()->text();
    QVERIFY2(message.startsWith(u"Connected: "_s), qPrintable(message));
    // The count is what the sandbox holds of the listed type (untranslated English keeps "image(s)").
    QVERIFY2(message.contains(u"visible"_s), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String(sandbox::DefaultProjectId)), qPrintable(message));
    QVERIFY(dialog->testButton()->isEnabled());
    // Testing saved nothing.
    QVERIFY(m_profiles->profiles().isEmpty());
    QCOMPARE(m_backend->operationCount(), 0);
}

void TestProfileDialog::testConnectionReportsRejectedSignature()
{
    std::unique_ptr<ProfileDialog> dialog(makeDialog());
    fillSandboxProfile(dialog.get(), u"not-the-right-secret-key"_s);
    dialog->projectIdEdit()->setText(QLatin1String(sandbox::DefaultProjectId));
    QSignalSpy tested(dialog.get(), &ProfileDialog::connectionTested);
    dialog->testButton()->click();
    QVERIFY(tested.wait(20000));
    QVERIFY(!tested.at(0).at(0).toBool());
    const QString message = dialog->testResultLabel()->text();
    QVERIFY2(message.contains(u"signature"_s), qPrintable(message));
    QVERIFY(!message.contains(u"not-the-right-secret-key"_s));
}

void TestProfileDialog::testConnectionOfEditedProfileUsesStoredSecrets()
{
    std::unique_ptr<ProfileDialog> add(makeDialog());
    fillSandboxProfile(add.get());
    QSignalSpy saved(add.get(), &ProfileDialog::profileSaved);
    add->okButton()->click();
    QVERIFY(saved.wait(5000));
    const Profile profile = add->savedProfile();
    QCOMPARE(profile.modelArtsEndpoint, m_sandbox->baseUrl());

    std::unique_ptr<ProfileDialog> edit(makeDialog(profile));
    QCOMPARE(edit->secretKeyEdit()->text(), QString());
    QVERIFY(edit->testButton()->isEnabled());
    QSignalSpy tested(edit.get(), &ProfileDialog::connectionTested);
    edit->testButton()->click();
    QVERIFY(tested.wait(20000));
    QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(tested.at(0).at(1).toString()));
}

void TestProfileDialog::enterAfterTestConnectionAddsTheAccount()
{
    std::unique_ptr<ProfileDialog> dialog(makeDialog());
    fillSandboxProfile(dialog.get());
    dialog->show();
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
    QSignalSpy tested(dialog.get(), &ProfileDialog::connectionTested);
    QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
    QVERIFY(tested.wait(20000));
    QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(tested.at(0).at(1).toString()));

    // Whatever holds the focus after the test, and even Cancel itself, Enter adds the account.
    auto *cancel = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
    QVERIFY(cancel);
    QVERIFY(QApplication::focusWidget() != cancel);
    cancel->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), cancel);
    QSignalSpy rejected(dialog.get(), &QDialog::rejected);
    QSignalSpy saved(dialog.get(), &ProfileDialog::profileSaved);
    QTest::keyClick(cancel, Qt::Key_Return);
    QVERIFY(saved.wait(5000));
    QCOMPARE(rejected.size(), 0);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_profiles->profiles().size(), 1);
    QCOMPARE(m_scripted.discardQuestions, 0);
}

void TestProfileDialog::discardingAFilledFormAsksFirst()
{
    {
        // An untouched form goes without a question.
        std::unique_ptr<ProfileDialog> dialog(makeDialog());
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
        QVERIFY(dialog->isHidden());
        QCOMPARE(m_scripted.discardQuestions, 0);
    }
    std::unique_ptr<ProfileDialog> dialog(makeDialog());
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    dialog->nameEdit()->setText(u"Half typed"_s);
    dialog->passwordEdit()->setText(u"pw"_s);
    QSignalSpy rejected(dialog.get(), &QDialog::rejected);

    m_scripted.discard = false;
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    QCOMPARE(m_scripted.discardQuestions, 1);
    QVERIFY(dialog->isVisible());
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(m_scripted.discardQuestions, 2);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->close());
    QCOMPARE(m_scripted.discardQuestions, 3);
    QVERIFY(dialog->isVisible());
    QCOMPARE(rejected.size(), 0);
    QCOMPARE(dialog->passwordEdit()->text(), u"pw"_s);

    m_scripted.discard = true;
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    QCOMPARE(m_scripted.discardQuestions, 4);
    QVERIFY(dialog->isHidden());
    QCOMPARE(rejected.size(), 1);
    QVERIFY(m_profiles->profiles().isEmpty());
}

QTEST_MAIN(TestProfileDialog)
#include "test_profile_dialog.moc"
