// Secrets (secret key, security token, IAM password) must never reach a file or a log line. This test saves
// profiles through the real dialogs, connects through the account switcher (secrets from the keychain when
// one is available, else from the in-memory backend), lists, logs in with a password, fails on purpose,
// deletes an image through the main window (journal) and closes it (settings), all with debug logging on
// and every message captured. Then it reads every file under the isolated home, config, data and cache
// folders, and the captured log, looking for any of the secrets.

#include "models/accounts/MemorySecretBackend.h"
#include "models/accounts/Profile.h"
#include "models/accounts/SecretStore.h"
#include "models/api/ApiClient.h"
#include "SandboxFixture.h"
#include "SandboxServer.h"
#include "views/accounts/AccountSwitcher.h"
#include "views/accounts/ProfileDialog.h"
#include "views/deletion/DeletionSummaryDialog.h"
#include "views/main/MainWindow.h"

#include <QComboBox>
#include <QDirIterator>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mim;

namespace {

// Distinctive values that cannot occur by chance.
constexpr auto SecretKey = "SK-never-leak-7f3a9c1e5b2d4f60a8e1"_L1;
constexpr auto SecurityToken = "ST-never-leak-b41d9e27c6a3f8051d2e"_L1;
constexpr auto Password = "PW-never-leak-93e6a0c4d7b2f1e58a9c"_L1;
constexpr auto WrongPassword = "PW-wrong-never-leak-2c8e5a1f7d3b9046"_L1;
constexpr auto WrongSecretKey = "SK-wrong-never-leak-5e0b8d2a6c4f1397"_L1;

// Every message of the process while the test runs, as Qt formats it for a handler.
struct CapturedLog
{
    QMutex mutex;
    QStringList lines;
};
CapturedLog &capturedLog()
{
    static CapturedLog log;
    return log;
}

QtMessageHandler &forwardTo()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        CapturedLog &log = capturedLog();
        QMutexLocker locker(&log.mutex);
        log.lines << QString::fromUtf8(context.category ? context.category : "default") + u": "_s + message;
    }
    // Warnings still show in the test output (after the capture, which is what is checked).
    if (type != QtDebugMsg && type != QtInfoMsg && forwardTo())
        forwardTo()(type, context, message);
}

QList<QByteArray> encodingsOf(const QString &secret)
{
    const QByteArray utf8 = secret.toUtf8();
    QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
    return {utf8, utf16, utf8.toBase64(), QUrl::toPercentEncoding(secret)};
}

} // namespace

class TestSecretsNeverLeak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void useEverythingThenScan();
    void cleanupTestCase();

private:
    Profile addProfileThroughDialog(const std::function<void(ProfileDialog *)> &fill);
    ConnectionSettings connectThroughSwitcher(AccountSwitcher &switcher, const QString &profileId);
    void listImages(const ConnectionSettings &settings, bool expectSuccess);
    void deleteOneImageThroughMainWindow(const ConnectionSettings &settings);
    void scan();

    QTemporaryDir m_root;
    std::unique_ptr<test::SandboxFixture> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
    bool m_realKeychain = false;
    QtMessageHandler m_previousHandler = nullptr;
    QStringList m_profileIds;
};

void TestSecretsNeverLeak::initTestCase()
{
    QVERIFY(m_root.isValid());
    // Everything the application could write goes below m_root.
    const QDir root(m_root.path());
    for (const char *folder : {"home", "config", "data", "cache", "state", "runtime"})
        QVERIFY(root.mkpath(QLatin1String(folder)));
    qputenv("HOME", root.filePath(u"home"_s).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", root.filePath(u"config"_s).toLocal8Bit());
    qputenv("XDG_DATA_HOME", root.filePath(u"data"_s).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", root.filePath(u"cache"_s).toLocal8Bit());
    qputenv("XDG_STATE_HOME", root.filePath(u"state"_s).toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"modelarts-image-manager"_s);
    QCoreApplication::setApplicationName(u"modelarts-image-manager"_s);
    for (auto location : {QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation,
                          QStandardPaths::AppLocalDataLocation, QStandardPaths::CacheLocation,
                          QStandardPaths::GenericConfigLocation}) {
        const QString path = QStandardPaths::writableLocation(location);
        QVERIFY2(path.startsWith(m_root.path()), qPrintable(path));
    }

    m_previousHandler = qInstallMessageHandler(captureMessage);
    forwardTo() = m_previousHandler;
    QLoggingCategory::setFilterRules(u"mim.*.debug=true\nmim.*.info=true"_s);

    sandbox::SandboxOptions options;
    options.imageCount = 40;
    options.seed = 3;
    options.secretKey = SecretKey;
    options.iamPassword = Password;
    m_sandbox = std::make_unique<test::SandboxFixture>(options);
    QVERIFY(m_sandbox->start());

    m_profiles = std::make_unique<ProfileStore>(); // the application's default QSettings
    QVERIFY2(m_profiles->settingsFileName().startsWith(m_root.path()),
             qPrintable(m_profiles->settingsFileName()));
    m_realKeychain = !qEnvironmentVariableIsEmpty("MIM_KEYCHAIN_AVAILABLE");
    const QString service =
        u"ModelArts Image Manager leak test "_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (m_realKeychain) {
        m_secrets = std::make_unique<SecretStore>(service);
    } else {
        qInfo(
            "No keychain here (MIM_KEYCHAIN_AVAILABLE unset): secrets go to the in-memory backend; files and "
            "logs are still checked.");
        m_secrets = std::make_unique<SecretStore>(service, std::make_unique<MemorySecretBackend>());
    }
    m_secrets->setReadRetryDelay(0ms);
}

Profile TestSecretsNeverLeak::addProfileThroughDialog(const std::function<void(ProfileDialog *)> &fill)
{
    SessionSecrets sessionSecrets;
    ProfileDialog dialog(m_profiles.get(), m_secrets.get(), &sessionSecrets, &m_network);
    AccountPrompts prompts = AccountPrompts::interactive();
    prompts.useForSessionOnly = [](QWidget *, const QString &message) {
        qWarning("unexpected keychain failure: %s", qPrintable(message));
        return false;
    };
    dialog.setPrompts(prompts);
    const QString base = m_sandbox->baseUrl().toString();
    dialog.regionCombo()->setCurrentIndex(dialog.customRegionIndex());
    dialog.customRegionEdit()->setText(QLatin1String(sandbox::DefaultRegionId));
    dialog.modelArtsEndpointEdit()->setText(base);
    dialog.iamEndpointEdit()->setText(base);
    fill(&dialog);
    if (!dialog.problems().isEmpty()) {
        qWarning("%s", qPrintable(dialog.problems().join(u'\n')));
        return {};
    }

    // Test the connection first, as a user would.
    QSignalSpy tested(&dialog, &ProfileDialog::connectionTested);
    dialog.testButton()->click();
    if (!tested.wait(30000) || !tested.at(0).at(0).toBool()) {
        qWarning("connection test failed: %s", qPrintable(dialog.testResultLabel()->text()));
        return {};
    }

    QSignalSpy saved(&dialog, &ProfileDialog::profileSaved);
    dialog.okButton()->click();
    if (saved.isEmpty() && !saved.wait(30000))
        return {};
    if (dialog.secretsAreSessionOnly())
        return {};
    m_profileIds << dialog.savedProfile().id;
    return dialog.savedProfile();
}

ConnectionSettings TestSecretsNeverLeak::connectThroughSwitcher(AccountSwitcher &switcher,
                                                                const QString &profileId)
{
    QSignalSpy ready(&switcher, &AccountSwitcher::connectionReady);
    switcher.activateProfile(profileId);
    if (!ready.wait(30000))
        return {};
    return ready.constLast().at(1).value<ConnectionSettings>();
}

void TestSecretsNeverLeak::listImages(const ConnectionSettings &settings, bool expectSuccess)
{
    ApiClient client(&m_network, settings);
    client.setPageSize(7); // several pages, several log lines
    ImageListing *listing = client.listAllImages(ListQuery());
    QSignalSpy finished(listing, &ImageListing::finished);
    bool succeeded = false;
    QString error;
    connect(listing, &ImageListing::finished, this, [&] {
        succeeded = listing->succeeded();
        error = listing->error().fullText();
    });
    QVERIFY(finished.wait(60000));
    QCOMPARE(succeeded, expectSuccess);
    qInfo().noquote() << "listing outcome:" << (succeeded ? u"ok"_s : error);
}

void TestSecretsNeverLeak::deleteOneImageThroughMainWindow(const ConnectionSettings &settings)
{
    QSettings windowSettings;
    AppServices services;
    services.network = &m_network;
    services.profiles = m_profiles.get();
    services.secrets = m_secrets.get();
    services.settings = &windowSettings;
    services.journalPath = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                               .filePath(u"deletion-journal.jsonl"_s);
    MainWindow window(services);
    window.show();
    window.connectTo(u"Leak test"_s, settings);
    QTRY_COMPARE_WITH_TIMEOUT(window.currentPage(), MainWindow::Page::Table, 30000);

    QString deletable;
    const QJsonArray images = m_sandbox->state().value(u"images"_s).toArray();
    for (const QJsonValue &value : images) {
        const QJsonObject image = value.toObject();
        if (image.value(u"type"_s).toString() == u"DEDICATED"_s && !image.value(u"in_use"_s).toBool() &&
            !image.value(u"deleted"_s).toBool() && image.value(u"status"_s).toString() == u"ACTIVE"_s) {
            deletable = image.value(u"id"_s).toString();
            break;
        }
    }
    QVERIFY(!deletable.isEmpty());
    // The table shows the first rows as they arrive: the image may come with a later page.
    QTRY_COMPARE_WITH_TIMEOUT(window.selectImages({deletable}), 1, 30000);
    window.setDeletionConfirmer([](const DeleteImagesDialog &) { return std::optional<bool>(false); });
    QSignalSpy finished(&window, &MainWindow::deletionsFinished);
    window.deleteSelected();
    QVERIFY(finished.wait(30000));
    QVERIFY(m_sandbox->imageState(deletable).value(u"deleted"_s).toBool());
    window.close(); // saves the window state
    windowSettings.sync();
    QVERIFY(QFileInfo::exists(services.journalPath));
}

void TestSecretsNeverLeak::useEverythingThenScan()
{
    const Profile aksk = addProfileThroughDialog([](ProfileDialog *dialog) {
        dialog->nameEdit()->setText(u"Leak test AK/SK"_s);
        dialog->akSkRadio()->setChecked(true);
        dialog->accessKeyEdit()->setText(QLatin1String(sandbox::DefaultAccessKey));
        dialog->secretKeyEdit()->setText(SecretKey);
        dialog->securityTokenEdit()->setText(SecurityToken);
    });
    QVERIFY(!aksk.id.isEmpty());
    const Profile password = addProfileThroughDialog([](ProfileDialog *dialog) {
        dialog->nameEdit()->setText(u"Leak test IAM"_s);
        dialog->passwordRadio()->setChecked(true);
        dialog->userNameEdit()->setText(QLatin1String(sandbox::DefaultIamUser));
        dialog->domainNameEdit()->setText(QLatin1String(sandbox::DefaultIamDomain));
        dialog->passwordEdit()->setText(Password);
    });
    QVERIFY(!password.id.isEmpty());

    AccountSwitcher switcher(m_profiles.get(), m_secrets.get());
    const ConnectionSettings akskSettings = connectThroughSwitcher(switcher, aksk.id);
    QCOMPARE(akskSettings.credentials.secretKey, SecretKey);
    QCOMPARE(akskSettings.credentials.securityToken, SecurityToken);
    listImages(akskSettings, true);

    const ConnectionSettings passwordSettings = connectThroughSwitcher(switcher, password.id);
    QCOMPARE(passwordSettings.credentials.password, Password);
    QVERIFY(passwordSettings.projectId.isEmpty()); // discovered through IAM with the token
    listImages(passwordSettings, true);

    // Failures are where secrets tend to end up in messages.
    ConnectionSettings wrong = passwordSettings;
    wrong.credentials.password = WrongPassword;
    listImages(wrong, false);
    wrong = akskSettings;
    wrong.credentials.secretKey = WrongSecretKey;
    wrong.projectId = QLatin1String(sandbox::DefaultProjectId);
    listImages(wrong, false);

    deleteOneImageThroughMainWindow(akskSettings);

    scan();
}

void TestSecretsNeverLeak::scan()
{
    const QStringList secrets{SecretKey, SecurityToken, Password, WrongPassword, WrongSecretKey};

    int filesRead = 0;
    QStringList scanned;
    bool sawProfiles = false;
    QDirIterator files(m_root.path(), QDir::Files | QDir::Hidden | QDir::System,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray content = file.readAll();
        ++filesRead;
        scanned << path;
        sawProfiles = sawProfiles || content.contains("Leak test AK/SK");
        for (const QString &secret : secrets) {
            for (const QByteArray &encoded : encodingsOf(secret))
                QVERIFY2(!content.contains(encoded), qPrintable(u"%1 contains %2"_s.arg(path, secret)));
        }
    }
    // The scan saw what the application wrote: profiles and window settings (one QSettings file) and the
    // journal.
    QVERIFY2(filesRead >= 2, qPrintable(scanned.join(u", "_s)));
    QVERIFY2(std::any_of(scanned.cbegin(), scanned.cend(),
                         [](const QString &path) { return path.endsWith(u"deletion-journal.jsonl"_s); }),
             qPrintable(scanned.join(u", "_s)));
    QVERIFY(sawProfiles);

    CapturedLog &log = capturedLog();
    QMutexLocker locker(&log.mutex);
    QVERIFY2(log.lines.size() > 20, qPrintable(QString::number(log.lines.size())));
    QVERIFY(log.lines.join(u'\n').contains(u"mim."_s)); // debug logging really was on
    for (const QString &line : std::as_const(log.lines)) {
        for (const QString &secret : secrets)
            QVERIFY2(!line.contains(secret), qPrintable(u"log line leaks a secret: "_s + line.left(200)));
    }
}

void TestSecretsNeverLeak::cleanupTestCase()
{
    qInstallMessageHandler(m_previousHandler);
    if (!m_secrets)
        return;
    int pending = 0;
    for (const QString &id : std::as_const(m_profileIds)) {
        ++pending;
        m_secrets->remove(id, [&pending](const SecretStoreResult &) { --pending; });
    }
    if (!QTest::qWaitFor([&] { return pending == 0; }, 20000))
        qWarning("the keychain entries of this test could not all be removed");
}

QTEST_MAIN(TestSecretsNeverLeak)
#include "test_secrets_never_leak.moc"
