// Profile validation, connection settings, the ProfileStore in QSettings, and SecretStore's logic over an
// in-memory backend (the real keychain is exercised by tests/integration/test_keychain).

#include "models/accounts/MemorySecretBackend.h"
#include "models/accounts/Profile.h"
#include "models/accounts/SecretStore.h"
#include "models/api/Regions.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mim;

namespace {

Profile validAkSkProfile()
{
    Profile profile;
    profile.id = u"0b4e6a38-5a0e-4c61-9b7e-1f7d2c3a4b5c"_s;
    profile.name = u"Team Beijing"_s;
    profile.regionId = u"cn-north-4"_s;
    profile.authMethod = AuthMethod::AkSk;
    profile.accessKey = u"ABCDEFGHIJ0123456789"_s;
    return profile;
}

Profile validPasswordProfile()
{
    Profile profile;
    profile.id = u"7c9d2e11-3f4a-4b5c-8d6e-9f0a1b2c3d4e"_s;
    profile.name = u"Shanghai admins"_s;
    profile.regionId = u"cn-east-3"_s;
    profile.projectId = u"0123456789abcdef0123456789abcdef"_s;
    profile.authMethod = AuthMethod::Password;
    profile.userName = u"alice"_s;
    profile.domainName = u"acme"_s;
    return profile;
}

// The single problem of a profile with one bad field, or a failure message.
QString onlyProblem(const Profile &profile)
{
    const QStringList problems = profile.validate();
    if (problems.size() != 1)
        return u"expected exactly one problem, got: "_s + problems.join(u" | "_s);
    return problems.constFirst();
}

struct StoreResult
{
    int calls = 0;
    SecretStoreResult result;
    Credentials secrets;
};

} // namespace

class TestProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validProfilesHaveNoProblems();
    void emptyName();
    void malformedRegion();
    void malformedRegionIsFineWithBothEndpoints();
    void unknownRegionNeedsEndpoints();
    void unacceptableEndpoints_data();
    void unacceptableEndpoints();
    void projectId_data();
    void projectId();
    void accessKey_data();
    void accessKey();
    void passwordAuthNeedsUserAndDomain();
    void missingCaFile();
    void connectionSettingsUseRegionDefaults();
    void connectionSettingsPreferCustomEndpoints();
    void connectionSettingsTakeOnlyTheMethodsSecrets();

    void storeRoundTrip();
    void storeFindsByIdAndName();
    void storeRemoveClearsCurrent();
    void storeNeverWritesSecrets();
    void storeRefusesProfileWithoutId();

    void secretsEncodingIsCompactJsonOfNonEmptyOnes();
    void secretsDecodingRejectsGarbage();
    void secretStoreRoundTrip();
    void secretStoreCallbacksAreNeverSynchronous();
    void secretStoreMapsFailuresToSentences_data();
    void secretStoreMapsFailuresToSentences();
    void secretStoreRetriesAReadOnce();
    void secretStoreDoesNotRetryNotFoundOrAccessDenied();
    void secretStoreCanDisableTheRetry();
    void secretStoreReportsDamagedEntries();
    void secretStoreRemoveOfMissingEntryIsOk();

private:
    StoreResult readSecrets(SecretStore &store, const QString &id);
    StoreResult writeSecrets(SecretStore &store, const QString &id, const Credentials &secrets);
};

void TestProfile::validProfilesHaveNoProblems()
{
    QCOMPARE(validAkSkProfile().validate(), QStringList());
    QCOMPARE(validPasswordProfile().validate(), QStringList());

    // The sandbox's documented access key has the shape of a real one.
    Profile sandbox = validAkSkProfile();
    sandbox.accessKey = u"SANDBOXAK0000DEMO000"_s;
    sandbox.regionId.clear();
    sandbox.modelArtsEndpoint = QUrl(u"http://127.0.0.1:8080"_s);
    sandbox.iamEndpoint = QUrl(u"http://localhost:8080"_s);
    QCOMPARE(sandbox.validate(), QStringList());
}

void TestProfile::emptyName()
{
    Profile profile = validAkSkProfile();
    profile.name = u"   "_s;
    QVERIFY2(onlyProblem(profile).contains(u"name"_s), qPrintable(onlyProblem(profile)));
}

void TestProfile::malformedRegion()
{
    Profile profile = validAkSkProfile();
    profile.regionId = u"NOT A REGION"_s;
    const QString problem = onlyProblem(profile);
    QVERIFY2(problem.contains(u"NOT A REGION"_s) && problem.contains(u"region"_s), qPrintable(problem));

    profile.regionId.clear();
    QVERIFY2(onlyProblem(profile).contains(u"region"_s), qPrintable(onlyProblem(profile)));

    // One endpoint is not enough to do without a region.
    profile.regionId = u"Beijing!"_s;
    profile.modelArtsEndpoint = QUrl(u"https://modelarts.example.com"_s);
    QVERIFY2(onlyProblem(profile).contains(u"Beijing!"_s), qPrintable(onlyProblem(profile)));
}

void TestProfile::malformedRegionIsFineWithBothEndpoints()
{
    Profile profile = validAkSkProfile();
    profile.regionId = u"on premises"_s;
    profile.modelArtsEndpoint = QUrl(u"https://modelarts.example.com"_s);
    profile.iamEndpoint = QUrl(u"https://iam.example.com"_s);
    QCOMPARE(profile.validate(), QStringList());
}

void TestProfile::unknownRegionNeedsEndpoints()
{
    Profile profile = validAkSkProfile();
    profile.regionId = u"xx-nowhere-9"_s;
    QVERIFY(Regions::isWellFormedId(profile.regionId));
    QVERIFY(!Regions::find(profile.regionId));
    const QString problem = onlyProblem(profile);
    QVERIFY2(problem.contains(u"xx-nowhere-9"_s) && problem.contains(u"endpoint"_s), qPrintable(problem));

    profile.modelArtsEndpoint = QUrl(u"https://modelarts.xx-nowhere-9.example.com"_s);
    profile.iamEndpoint = QUrl(u"https://iam.xx-nowhere-9.example.com"_s);
    QCOMPARE(profile.validate(), QStringList());
}

void TestProfile::unacceptableEndpoints_data()
{
    QTest::addColumn<bool>("iam");
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("plain http to a remote host")
        << false << QUrl(u"http://modelarts.example.com"_s) << u"http://"_s;
    QTest::newRow("ftp") << false << QUrl(u"ftp://modelarts.example.com"_s) << u"https://"_s;
    QTest::newRow("no host") << false << QUrl(u"https://"_s) << u"host"_s;
    QTest::newRow("iam over plain http") << true << QUrl(u"http://iam.example.com"_s) << u"http://"_s;
}

void TestProfile::unacceptableEndpoints()
{
    QFETCH(bool, iam);
    QFETCH(QUrl, url);
    QFETCH(QString, mentions);
    Profile profile = validAkSkProfile();
    (iam ? profile.iamEndpoint : profile.modelArtsEndpoint) = url;
    const QString problem = onlyProblem(profile);
    QVERIFY2(problem.startsWith(iam ? u"IAM endpoint"_s : u"ModelArts endpoint"_s), qPrintable(problem));
    QVERIFY2(problem.contains(mentions), qPrintable(problem));

    // The SWR endpoint is held to the same rule.
    Profile swr = validAkSkProfile();
    swr.swrEndpoint = url;
    const QString swrProblem = onlyProblem(swr);
    QVERIFY2(swrProblem.startsWith(u"SWR endpoint"_s), qPrintable(swrProblem));
    QVERIFY2(swrProblem.contains(mentions), qPrintable(swrProblem));
}

void TestProfile::projectId_data()
{
    QTest::addColumn<QString>("projectId");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty: discovered") << QString() << true;
    QTest::newRow("32 lower-case hex") << u"5d1a6c2b9e8f4a7d8c3b2a1f0e9d8c7b"_s << true;
    QTest::newRow("upper case") << u"5D1A6C2B9E8F4A7D8C3B2A1F0E9D8C7B"_s << false;
    QTest::newRow("31 characters") << u"5d1a6c2b9e8f4a7d8c3b2a1f0e9d8c7"_s << false;
    QTest::newRow("33 characters") << u"5d1a6c2b9e8f4a7d8c3b2a1f0e9d8c7b0"_s << false;
    QTest::newRow("not hex") << u"5d1a6c2b9e8f4a7d8c3b2a1f0e9d8c7g"_s << false;
    QTest::newRow("uuid with dashes") << u"5d1a6c2b-9e8f-4a7d-8c3b-2a1f0e9d8c7b"_s << false;
}

void TestProfile::projectId()
{
    QFETCH(QString, projectId);
    QFETCH(bool, valid);
    Profile profile = validAkSkProfile();
    profile.projectId = projectId;
    if (valid) {
        QCOMPARE(profile.validate(), QStringList());
    } else {
        const QString problem = onlyProblem(profile);
        QVERIFY2(problem.contains(u"project id"_s) && problem.contains(u"32"_s), qPrintable(problem));
    }
}

void TestProfile::accessKey_data()
{
    QTest::addColumn<QString>("accessKey");
    QTest::addColumn<QString>("mentions"); // empty = valid
    QTest::newRow("20 upper-case alphanumerics") << u"HPUAXXXXXXXXXXXX1234"_s << QString();
    QTest::newRow("sandbox default") << u"SANDBOXAK0000DEMO000"_s << QString();
    QTest::newRow("empty") << QString() << u"Enter the access key"_s;
    QTest::newRow("lower case") << u"hpuaxxxxxxxxxxxx1234"_s << u"20 upper-case"_s;
    QTest::newRow("19 characters") << u"HPUAXXXXXXXXXXXX123"_s << u"20 upper-case"_s;
    QTest::newRow("21 characters") << u"HPUAXXXXXXXXXXXX12345"_s << u"20 upper-case"_s;
    QTest::newRow("punctuation") << u"HPUAXXXXXXXXXXXX-234"_s << u"20 upper-case"_s;
}

void TestProfile::accessKey()
{
    QFETCH(QString, accessKey);
    QFETCH(QString, mentions);
    Profile profile = validAkSkProfile();
    profile.accessKey = accessKey;
    if (mentions.isEmpty()) {
        QCOMPARE(profile.validate(), QStringList());
    } else {
        const QString problem = onlyProblem(profile);
        QVERIFY2(problem.contains(mentions) && problem.contains(u"(AK)"_s), qPrintable(problem));
    }
}

void TestProfile::passwordAuthNeedsUserAndDomain()
{
    Profile profile = validPasswordProfile();
    profile.userName.clear();
    QVERIFY2(onlyProblem(profile).contains(u"user name"_s), qPrintable(onlyProblem(profile)));

    profile = validPasswordProfile();
    profile.domainName = u" "_s;
    QVERIFY2(onlyProblem(profile).contains(u"domain"_s), qPrintable(onlyProblem(profile)));

    profile.userName.clear();
    QCOMPARE(profile.validate().size(), 2);

    // The access key does not matter for password authentication.
    profile = validPasswordProfile();
    profile.accessKey = u"not an access key"_s;
    QCOMPARE(profile.validate(), QStringList());
}

void TestProfile::missingCaFile()
{
    QTemporaryDir folder;
    Profile profile = validAkSkProfile();
    profile.caCertificatesFile = folder.filePath(u"missing.pem"_s);
    QVERIFY2(onlyProblem(profile).contains(u"missing.pem"_s), qPrintable(onlyProblem(profile)));

    QFile pem(folder.filePath(u"ca.pem"_s));
    QVERIFY(pem.open(QIODevice::WriteOnly));
    pem.close();
    profile.caCertificatesFile = pem.fileName();
    QCOMPARE(profile.validate(), QStringList());
}

void TestProfile::connectionSettingsUseRegionDefaults()
{
    const Profile profile = validAkSkProfile();
    Credentials secrets;
    secrets.secretKey = u"secret"_s;
    secrets.securityToken = u"token"_s;
    const ConnectionSettings settings = profile.connectionSettings(secrets);
    const auto region = Regions::find(u"cn-north-4"_s);
    QVERIFY(region);
    QCOMPARE(settings.regionId, u"cn-north-4"_s);
    QCOMPARE(settings.modelArtsEndpoint, region->modelArtsEndpoint);
    QCOMPARE(settings.iamEndpoint, region->iamEndpoint);
    QCOMPARE(settings.swrEndpoint, QUrl(u"https://swr-api.cn-north-4.myhuaweicloud.com"_s));
    QVERIFY(!settings.modelArtsEndpoint.isEmpty());
    QCOMPARE(settings.projectId, QString());
    QCOMPARE(settings.credentials.method, AuthMethod::AkSk);
    QCOMPARE(settings.credentials.accessKey, profile.accessKey);
    QCOMPARE(settings.credentials.secretKey, u"secret"_s);
    QCOMPARE(settings.credentials.securityToken, u"token"_s);
    QVERIFY(settings.credentials.isComplete());
}

void TestProfile::connectionSettingsPreferCustomEndpoints()
{
    Profile profile = validPasswordProfile();
    profile.iamEndpoint = QUrl(u"https://iam.internal.example.com"_s);
    profile.caCertificatesFile = u"/etc/ssl/company.pem"_s;
    const ConnectionSettings settings = profile.connectionSettings({});
    const auto region = Regions::find(u"cn-east-3"_s);
    QVERIFY(region);
    QCOMPARE(settings.modelArtsEndpoint, region->modelArtsEndpoint); // still the region's
    QCOMPARE(settings.iamEndpoint, QUrl(u"https://iam.internal.example.com"_s));
    QCOMPARE(settings.projectId, profile.projectId);
    QCOMPARE(settings.caCertificatesFile, u"/etc/ssl/company.pem"_s);

    profile.regionId = u"on premises"_s;
    profile.modelArtsEndpoint = QUrl(u"https://modelarts.internal.example.com"_s);
    const ConnectionSettings custom = profile.connectionSettings({});
    QCOMPARE(custom.modelArtsEndpoint, QUrl(u"https://modelarts.internal.example.com"_s));
    QCOMPARE(custom.iamEndpoint, QUrl(u"https://iam.internal.example.com"_s));
    QVERIFY(custom.swrEndpoint.isEmpty()); // no region to take it from
    profile.swrEndpoint = QUrl(u"https://swr.internal.example.com"_s);
    QCOMPARE(profile.connectionSettings({}).swrEndpoint, QUrl(u"https://swr.internal.example.com"_s));
}

void TestProfile::connectionSettingsTakeOnlyTheMethodsSecrets()
{
    Credentials secrets;
    secrets.secretKey = u"stale secret key"_s;
    secrets.password = u"the password"_s;
    const ConnectionSettings settings = validPasswordProfile().connectionSettings(secrets);
    QCOMPARE(settings.credentials.method, AuthMethod::Password);
    QCOMPARE(settings.credentials.userName, u"alice"_s);
    QCOMPARE(settings.credentials.domainName, u"acme"_s);
    QCOMPARE(settings.credentials.password, u"the password"_s);
    QCOMPARE(settings.credentials.secretKey, QString());
    QVERIFY(settings.credentials.isComplete());
}

void TestProfile::storeRoundTrip()
{
    QTemporaryDir folder;
    const QString file = folder.filePath(u"profiles.ini"_s);
    Profile aksk = validAkSkProfile();
    aksk.projectId = u"5d1a6c2b9e8f4a7d8c3b2a1f0e9d8c7b"_s;
    aksk.caCertificatesFile = u"/etc/ssl/company.pem"_s;
    Profile password = validPasswordProfile();
    password.modelArtsEndpoint = QUrl(u"https://modelarts.internal.example.com/base"_s);
    password.iamEndpoint = QUrl(u"https://iam.internal.example.com"_s);
    password.swrEndpoint = QUrl(u"https://swr.internal.example.com"_s);
    {
        ProfileStore store(file);
        QVERIFY(store.profiles().isEmpty());
        store.save(aksk);
        store.save(password);
        store.setCurrentProfileId(password.id);
    }
    ProfileStore reopened(file);
    const QList<Profile> profiles = reopened.profiles();
    QCOMPARE(profiles.size(), 2);
    // Sorted by name.
    QCOMPARE(profiles.at(0), password);
    QCOMPARE(profiles.at(1), aksk);
    QCOMPARE(reopened.currentProfileId(), password.id);
    QCOMPARE(reopened.settingsFileName(), file);

    // Saving again replaces, and switching the method drops the old method's fields.
    Profile switched = aksk;
    switched.name = u"Team Beijing (IAM)"_s;
    switched.authMethod = AuthMethod::Password;
    switched.userName = u"bob"_s;
    switched.domainName = u"acme"_s;
    reopened.save(switched);
    const auto found = reopened.find(aksk.id);
    QVERIFY(found);
    QCOMPARE(found->name, u"Team Beijing (IAM)"_s);
    QCOMPARE(found->authMethod, AuthMethod::Password);
    QCOMPARE(found->accessKey, QString());
    QCOMPARE(reopened.profiles().size(), 2);

    QSettings raw(file, QSettings::IniFormat);
    QCOMPARE(raw.value(u"accounts/current"_s).toString(), password.id);
    QCOMPARE(raw.value(u"profiles/%1/name"_s.arg(password.id)).toString(), password.name);
}

void TestProfile::storeFindsByIdAndName()
{
    QTemporaryDir folder;
    ProfileStore store(folder.filePath(u"profiles.ini"_s));
    store.save(validAkSkProfile());
    store.save(validPasswordProfile());
    QCOMPARE(store.find(validAkSkProfile().id)->name, validAkSkProfile().name);
    QCOMPARE(store.find(u"Shanghai admins"_s)->id, validPasswordProfile().id);
    QCOMPARE(store.find(u"shanghai ADMINS"_s)->id, validPasswordProfile().id);
    QVERIFY(!store.find(u"nobody"_s));
    QVERIFY(!store.find(QString()));
}

void TestProfile::storeRemoveClearsCurrent()
{
    QTemporaryDir folder;
    ProfileStore store(folder.filePath(u"profiles.ini"_s));
    store.save(validAkSkProfile());
    store.save(validPasswordProfile());
    store.setCurrentProfileId(validAkSkProfile().id);
    store.remove(validPasswordProfile().id);
    QCOMPARE(store.currentProfileId(), validAkSkProfile().id);
    QCOMPARE(store.profiles().size(), 1);
    store.remove(validAkSkProfile().id);
    QCOMPARE(store.currentProfileId(), QString());
    QVERIFY(store.profiles().isEmpty());
}

void TestProfile::storeNeverWritesSecrets()
{
    QTemporaryDir folder;
    const QString file = folder.filePath(u"profiles.ini"_s);
    ProfileStore store(file);
    store.save(validAkSkProfile());
    store.save(validPasswordProfile());
    store.setCurrentProfileId(validAkSkProfile().id);

    QSettings raw(file, QSettings::IniFormat);
    const QStringList keys = raw.allKeys();
    QVERIFY(!keys.isEmpty());
    for (const QString &key : keys) {
        const QString last = key.section(u'/', -1).toLower();
        for (const char *forbidden : {"sk", "secret", "secret_key", "security_token", "token", "password"}) {
            QVERIFY2(last != QLatin1String(forbidden) && !last.contains(u"secret"_s) &&
                         !last.contains(u"password"_s) && !last.contains(u"token"_s),
                     qPrintable(key));
        }
    }
}

void TestProfile::storeRefusesProfileWithoutId()
{
    QTemporaryDir folder;
    ProfileStore store(folder.filePath(u"profiles.ini"_s));
    Profile profile = validAkSkProfile();
    profile.id.clear();
    QTest::ignoreMessage(QtWarningMsg, "refusing to save a profile without a usable id");
    store.save(profile);
    QVERIFY(store.profiles().isEmpty());
    QVERIFY(!Profile::newId().isEmpty());
    QVERIFY(Profile::newId() != Profile::newId());
    QVERIFY(!Profile::newId().contains(u'{'));
}

void TestProfile::secretsEncodingIsCompactJsonOfNonEmptyOnes()
{
    Credentials secrets;
    secrets.accessKey = u"ABCDEFGHIJ0123456789"_s; // not secret: not stored
    secrets.secretKey = u"s3cr3t"_s;
    QCOMPARE(SecretStore::encodeSecrets(secrets), u"{\"sk\":\"s3cr3t\"}"_s);
    secrets.securityToken = u"tok"_s;
    secrets.password = u"pw \"quoted\""_s;
    const QString text = SecretStore::encodeSecrets(secrets);
    QVERIFY(!text.contains(u'\n'));
    QVERIFY(!text.contains(secrets.accessKey));
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    QCOMPARE(object.size(), 3);
    QCOMPARE(object.value(u"security_token"_s).toString(), u"tok"_s);
    const auto decoded = SecretStore::decodeSecrets(text);
    QVERIFY(decoded);
    QCOMPARE(decoded->secretKey, secrets.secretKey);
    QCOMPARE(decoded->securityToken, secrets.securityToken);
    QCOMPARE(decoded->password, secrets.password);
    QCOMPARE(decoded->accessKey, QString());
}

void TestProfile::secretsDecodingRejectsGarbage()
{
    QVERIFY(!SecretStore::decodeSecrets(u"not json"_s));
    QVERIFY(!SecretStore::decodeSecrets(u"[\"sk\"]"_s));
    QVERIFY(SecretStore::decodeSecrets(u"{}"_s));
}

StoreResult TestProfile::readSecrets(SecretStore &store, const QString &id)
{
    auto outcome = std::make_shared<StoreResult>();
    store.read(id, [outcome](const SecretStoreResult &result, const Credentials &secrets) {
        ++outcome->calls;
        outcome->result = result;
        outcome->secrets = secrets;
    });
    [&] { QTRY_COMPARE_WITH_TIMEOUT(outcome->calls, 1, 5000); }();
    return *outcome;
}

StoreResult TestProfile::writeSecrets(SecretStore &store, const QString &id, const Credentials &secrets)
{
    auto outcome = std::make_shared<StoreResult>();
    store.write(id, secrets, [outcome](const SecretStoreResult &result) {
        ++outcome->calls;
        outcome->result = result;
    });
    [&] { QTRY_COMPARE_WITH_TIMEOUT(outcome->calls, 1, 5000); }();
    return *outcome;
}

void TestProfile::secretStoreRoundTrip()
{
    SecretStore store(u"Test service"_s, std::make_unique<MemorySecretBackend>());
    QCOMPARE(store.keyFor(u"abc"_s), u"profile:abc"_s);
    Credentials secrets;
    secrets.secretKey = u"the secret key"_s;
    secrets.securityToken = u"the token"_s;
    QVERIFY(writeSecrets(store, u"abc"_s, secrets).result.ok());
    const StoreResult read = readSecrets(store, u"abc"_s);
    QVERIFY(read.result.ok());
    QCOMPARE(read.result.message, QString());
    QCOMPARE(read.secrets.secretKey, secrets.secretKey);
    QCOMPARE(read.secrets.securityToken, secrets.securityToken);
    QCOMPARE(readSecrets(store, u"other"_s).result.status, SecretStoreResult::Status::NotFound);
}

void TestProfile::secretStoreCallbacksAreNeverSynchronous()
{
    SecretStore store(u"Test service"_s, std::make_unique<MemorySecretBackend>());
    bool called = false;
    store.write(u"abc"_s, {}, [&](const SecretStoreResult &) { called = true; });
    QVERIFY(!called);
    QTRY_VERIFY(called);

    // Destroying the store drops pending callbacks.
    bool calledAfterDestruction = false;
    {
        SecretStore shortLived(u"Test service"_s, std::make_unique<MemorySecretBackend>());
        shortLived.read(
            u"abc"_s, [&](const SecretStoreResult &, const Credentials &) { calledAfterDestruction = true; });
    }
    QTest::qWait(20);
    QVERIFY(!calledAfterDestruction);
}

void TestProfile::secretStoreMapsFailuresToSentences_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no keychain") << int(SecretStoreResult::Status::NoKeychain)
                                 << u"GNOME Keyring or KWallet"_s;
    QTest::newRow("access denied") << int(SecretStoreResult::Status::AccessDenied) << u"denied"_s;
    QTest::newRow("other") << int(SecretStoreResult::Status::OtherError) << u"scripted failure"_s;
}

void TestProfile::secretStoreMapsFailuresToSentences()
{
    QFETCH(int, status);
    QFETCH(QString, mentions);
    auto backend = std::make_unique<MemorySecretBackend>();
    backend->failNext({SecretStoreResult::Status(status)});
    SecretStore store(u"Test service"_s, std::move(backend));
    Credentials secrets;
    secrets.password = u"pw"_s;
    const StoreResult written = writeSecrets(store, u"abc"_s, secrets);
    QCOMPARE(int(written.result.status), status);
    QVERIFY(!written.result.ok());
    QVERIFY2(written.result.message.contains(mentions), qPrintable(written.result.message));
    QCOMPARE(SecretStore::explanation(SecretStoreResult::Status::Ok), QString());
    QVERIFY(SecretStore::explanation(SecretStoreResult::Status::NotFound).contains(u"keychain"_s));
}

void TestProfile::secretStoreRetriesAReadOnce()
{
    auto backend = std::make_unique<MemorySecretBackend>();
    MemorySecretBackend *memory = backend.get();
    SecretStore store(u"Test service"_s, std::move(backend));
    store.setReadRetryDelay(0ms);
    Credentials secrets;
    secrets.secretKey = u"sk"_s;
    QVERIFY(writeSecrets(store, u"abc"_s, secrets).result.ok());

    // The secret service was not up yet at the first try, then answers.
    memory->failNext({SecretStoreResult::Status::NoKeychain});
    StoreResult read = readSecrets(store, u"abc"_s);
    QVERIFY(read.result.ok());
    QCOMPARE(read.secrets.secretKey, u"sk"_s);
    QCOMPARE(memory->operationCount(), 3);

    memory->failNext({SecretStoreResult::Status::OtherError});
    QVERIFY(readSecrets(store, u"abc"_s).result.ok());
    QCOMPARE(memory->operationCount(), 5);

    // Only once: a second failure is reported.
    memory->failNext({SecretStoreResult::Status::NoKeychain, SecretStoreResult::Status::NoKeychain});
    read = readSecrets(store, u"abc"_s);
    QCOMPARE(read.result.status, SecretStoreResult::Status::NoKeychain);
    QVERIFY(read.result.message.contains(u"No keychain service is available"_s));
    QCOMPARE(read.secrets, Credentials());
    QCOMPARE(memory->operationCount(), 7);
}

void TestProfile::secretStoreDoesNotRetryNotFoundOrAccessDenied()
{
    auto backend = std::make_unique<MemorySecretBackend>();
    MemorySecretBackend *memory = backend.get();
    SecretStore store(u"Test service"_s, std::move(backend));
    store.setReadRetryDelay(0ms);
    QCOMPARE(readSecrets(store, u"missing"_s).result.status, SecretStoreResult::Status::NotFound);
    QCOMPARE(memory->operationCount(), 1);
    memory->failNext({SecretStoreResult::Status::AccessDenied});
    QCOMPARE(readSecrets(store, u"missing"_s).result.status, SecretStoreResult::Status::AccessDenied);
    QCOMPARE(memory->operationCount(), 2);
}

void TestProfile::secretStoreCanDisableTheRetry()
{
    auto backend = std::make_unique<MemorySecretBackend>();
    MemorySecretBackend *memory = backend.get();
    SecretStore store(u"Test service"_s, std::move(backend));
    store.setReadRetryDelay(-1ms);
    memory->failNext({SecretStoreResult::Status::NoKeychain});
    QCOMPARE(readSecrets(store, u"abc"_s).result.status, SecretStoreResult::Status::NoKeychain);
    QCOMPARE(memory->operationCount(), 1);
}

void TestProfile::secretStoreReportsDamagedEntries()
{
    auto backend = std::make_unique<MemorySecretBackend>();
    MemorySecretBackend *memory = backend.get();
    SecretStore store(u"Test service"_s, std::move(backend));
    bool written = false;
    memory->writeEntry(u"Test service"_s, store.keyFor(u"abc"_s), u"{broken"_s, &store,
                       [&](const SecretBackend::Outcome &) { written = true; });
    QTRY_VERIFY(written);
    const StoreResult read = readSecrets(store, u"abc"_s);
    QCOMPARE(read.result.status, SecretStoreResult::Status::OtherError);
    QVERIFY2(read.result.message.contains(u"cannot be read"_s), qPrintable(read.result.message));
}

void TestProfile::secretStoreRemoveOfMissingEntryIsOk()
{
    auto backend = std::make_unique<MemorySecretBackend>();
    MemorySecretBackend *memory = backend.get();
    SecretStore store(u"Test service"_s, std::move(backend));
    QVERIFY(writeSecrets(store, u"abc"_s, Credentials{AuthMethod::AkSk, {}, u"sk"_s, {}, {}, {}, {}})
                .result.ok());
    QCOMPARE(memory->entryCount(), 1);
    auto removeResult = [&](const QString &id) {
        auto outcome = std::make_shared<StoreResult>();
        store.remove(id, [outcome](const SecretStoreResult &result) {
            ++outcome->calls;
            outcome->result = result;
        });
        if (!QTest::qWaitFor([&] { return outcome->calls == 1; }, 5000))
            outcome->result.status = SecretStoreResult::Status::OtherError; // never answered
        return outcome->result;
    };
    QVERIFY(removeResult(u"abc"_s).ok());
    QCOMPARE(memory->entryCount(), 0);
    QVERIFY(removeResult(u"abc"_s).ok());
    memory->failNext({SecretStoreResult::Status::AccessDenied});
    QCOMPARE(removeResult(u"abc"_s).status, SecretStoreResult::Status::AccessDenied);
}

QTEST_GUILESS_MAIN(TestProfile)
#include "test_profile.moc"
