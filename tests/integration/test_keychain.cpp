// SecretStore against the real OS keychain (gnome-keyring over the Secret Service in a private D-Bus
// session, as ./dev.sh test sets up): write, read, overwrite, remove, read NotFound.

#include "models/accounts/SecretStore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mim;

namespace {

struct Answer
{
    bool arrived = false;
    SecretStoreResult result;
    Credentials secrets;
};

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void entriesAreSeparatedByProfile();
    void removingAMissingEntryIsFine();
    void cleanupTestCase();

private:
    Answer write(const QString &profileId, const Credentials &secrets);
    Answer read(const QString &profileId);
    Answer remove(const QString &profileId);

    std::unique_ptr<SecretStore> m_store;
    QStringList m_used;
};

void TestKeychain::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("MIM_KEYCHAIN_AVAILABLE")) {
        QSKIP(
            "No unlocked keychain in this environment: MIM_KEYCHAIN_AVAILABLE is not set. ./dev.sh test runs "
            "this test in a private D-Bus session with an unlocked gnome-keyring.");
    }
    // A service of its own per run, so that nothing of a real user's can be touched.
    m_store = std::make_unique<SecretStore>(u"ModelArts Image Manager test "_s +
                                            QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_store->setReadRetryDelay(0ms);
}

Answer TestKeychain::write(const QString &profileId, const Credentials &secrets)
{
    m_used << profileId;
    auto answer = std::make_shared<Answer>();
    m_store->write(profileId, secrets, [answer](const SecretStoreResult &result) {
        answer->arrived = true;
        answer->result = result;
    });
    if (!QTest::qWaitFor([&] { return answer->arrived; }, 20000))
        qWarning("the keychain did not answer within 20 s");
    return *answer;
}

Answer TestKeychain::read(const QString &profileId)
{
    auto answer = std::make_shared<Answer>();
    m_store->read(profileId, [answer](const SecretStoreResult &result, const Credentials &secrets) {
        answer->arrived = true;
        answer->result = result;
        answer->secrets = secrets;
    });
    if (!QTest::qWaitFor([&] { return answer->arrived; }, 20000))
        qWarning("the keychain did not answer within 20 s");
    return *answer;
}

Answer TestKeychain::remove(const QString &profileId)
{
    auto answer = std::make_shared<Answer>();
    m_store->remove(profileId, [answer](const SecretStoreResult &result) {
        answer->arrived = true;
        answer->result = result;
    });
    if (!QTest::qWaitFor([&] { return answer->arrived; }, 20000))
        qWarning("the keychain did not answer within 20 s");
    return *answer;
}

void TestKeychain::roundTrip()
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Credentials first;
    first.secretKey = u"first secret key ✓"_s;
    first.securityToken = u"first security token"_s;

    Answer answer = write(id, first);
    QVERIFY(answer.arrived);
    QVERIFY2(answer.result.ok(), qPrintable(answer.result.message));

    answer = read(id);
    QVERIFY(answer.arrived);
    QVERIFY2(answer.result.ok(), qPrintable(answer.result.message));
    QCOMPARE(answer.secrets.secretKey, first.secretKey);
    QCOMPARE(answer.secrets.securityToken, first.securityToken);
    QCOMPARE(answer.secrets.password, QString());

    // Overwriting replaces the whole entry: the token is gone.
    Credentials second;
    second.password = u"second password"_s;
    answer = write(id, second);
    QVERIFY2(answer.result.ok(), qPrintable(answer.result.message));
    answer = read(id);
    QVERIFY2(answer.result.ok(), qPrintable(answer.result.message));
    QCOMPARE(answer.secrets.password, second.password);
    QCOMPARE(answer.secrets.secretKey, QString());
    QCOMPARE(answer.secrets.securityToken, QString());

    answer = remove(id);
    QVERIFY(answer.arrived);
    QVERIFY2(answer.result.ok(), qPrintable(answer.result.message));

    answer = read(id);
    QVERIFY(answer.arrived);
    QCOMPARE(answer.result.status, SecretStoreResult::Status::NotFound);
    QVERIFY(!answer.result.message.isEmpty());
    QCOMPARE(answer.secrets, Credentials());
}

void TestKeychain::entriesAreSeparatedByProfile()
{
    const QString a = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString b = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Credentials secretsA;
    secretsA.secretKey = u"secret of a"_s;
    Credentials secretsB;
    secretsB.secretKey = u"secret of b"_s;
    QVERIFY(write(a, secretsA).result.ok());
    QVERIFY(write(b, secretsB).result.ok());
    QCOMPARE(read(a).secrets.secretKey, secretsA.secretKey);
    QCOMPARE(read(b).secrets.secretKey, secretsB.secretKey);
    QVERIFY(remove(a).result.ok());
    QCOMPARE(read(a).result.status, SecretStoreResult::Status::NotFound);
    QCOMPARE(read(b).secrets.secretKey, secretsB.secretKey);
    QVERIFY(remove(b).result.ok());
}

void TestKeychain::removingAMissingEntryIsFine()
{
    const Answer answer = remove(QUuid::createUuid().toString(QUuid::WithoutBraces));
    QVERIFY(answer.arrived);
    QVERIFY2(answer.result.ok(), qPrintable(answer.result.message));
}

void TestKeychain::cleanupTestCase()
{
    if (!m_store)
        return;
    for (const QString &id : std::as_const(m_used))
        remove(id);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "test_keychain.moc"
