#include "models/accounts/SecretStore.h"

#include "models/accounts/SecretBackend.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcSecrets, "mim.accounts.secrets")

namespace mim {

namespace {

constexpr auto SecretKeyField = "sk"_L1;
constexpr auto SecurityTokenField = "security_token"_L1;
constexpr auto PasswordField = "password"_L1;

SecretStoreResult resultOf(const SecretBackend::Outcome &outcome)
{
    SecretStoreResult result;
    result.status = outcome.status;
    if (!result.ok())
        result.message = SecretStore::explanation(outcome.status, outcome.detail);
    return result;
}

const char *describe(SecretStoreResult::Status status)
{
    switch (status) {
    case SecretStoreResult::Status::Ok:
        return "ok";
    case SecretStoreResult::Status::NotFound:
        return "not found";
    case SecretStoreResult::Status::NoKeychain:
        return "no keychain";
    case SecretStoreResult::Status::AccessDenied:
        return "access denied";
    case SecretStoreResult::Status::OtherError:
        break;
    }
    return "error";
}

// Nextcloud's experience: right after login the secret service may not answer yet; one late retry helps.
constexpr std::chrono::milliseconds defaultReadRetryDelay()
{
#ifdef Q_OS_LINUX
    return 2000ms;
#else
    return -1ms;
#endif
}

} // namespace

SecretStore::SecretStore(QString serviceName, QObject *parent)
    : SecretStore(std::move(serviceName), makeKeychainBackend(), parent)
{}

SecretStore::SecretStore(QString serviceName, std::unique_ptr<SecretBackend> backend, QObject *parent)
    : QObject(parent)
    , m_serviceName(std::move(serviceName))
    , m_backend(std::move(backend))
    , m_readRetryDelay(defaultReadRetryDelay())
{}

SecretStore::~SecretStore() = default;

QString SecretStore::keyFor(const QString &profileId) const
{
#ifdef Q_OS_WIN
    // The Windows credential store does not separate entries by service, so the key carries it.
    return m_serviceName + u":profile:"_s + profileId;
#else
    return u"profile:"_s + profileId;
#endif
}

QString SecretStore::encodeSecrets(const Credentials &secrets)
{
    QJsonObject object;
    if (!secrets.secretKey.isEmpty())
        object.insert(SecretKeyField, secrets.secretKey);
    if (!secrets.securityToken.isEmpty())
        object.insert(SecurityTokenField, secrets.securityToken);
    if (!secrets.password.isEmpty())
        object.insert(PasswordField, secrets.password);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<Credentials> SecretStore::decodeSecrets(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    Credentials secrets;
    secrets.secretKey = object.value(SecretKeyField).toString();
    secrets.securityToken = object.value(SecurityTokenField).toString();
    secrets.password = object.value(PasswordField).toString();
    return secrets;
}

QString SecretStore::explanation(SecretStoreResult::Status status, const QString &detail)
{
    switch (status) {
    case SecretStoreResult::Status::Ok:
        return {};
    case SecretStoreResult::Status::NotFound:
        return tr("No secrets of this account are stored in the keychain. Enter them again.");
    case SecretStoreResult::Status::NoKeychain:
        return tr(
            "No keychain service is available (for example GNOME Keyring or KWallet), so secrets cannot be "
            "stored safely. Start or install one, or use the account for this session only.");
    case SecretStoreResult::Status::AccessDenied:
        return tr(
            "Access to the keychain was denied. Unlock the keychain or allow this application to use it, "
            "then try again.");
    case SecretStoreResult::Status::OtherError:
        break;
    }
    const QString hint =
        tr("Check that a keychain service (for example GNOME Keyring or KWallet) is running and "
           "unlocked.");
    if (detail.isEmpty())
        return tr("The keychain reported an error.") + u' ' + hint;
    return tr("The keychain reported an error: %1.").arg(detail) + u' ' + hint;
}

template<typename Callback, typename... Args> void SecretStore::deliver(Callback done, Args... args)
{
    if (!done)
        return;
    // Always later, so that callers never see their callback run inside their own call.
    QTimer::singleShot(0, this, [done = std::move(done), args...] { done(args...); });
}

void SecretStore::write(const QString &profileId, const Credentials &secrets, WriteCallback done)
{
    m_backend->writeEntry(m_serviceName, keyFor(profileId), encodeSecrets(secrets), this,
                          [this, profileId, done = std::move(done)](const SecretBackend::Outcome &outcome) {
                              if (outcome.status != SecretStoreResult::Status::Ok)
                                  qCWarning(lcSecrets).nospace()
                                      << "could not store the secrets of profile " << profileId << ": "
                                      << describe(outcome.status) << " (" << outcome.detail << ")";
                              deliver(done, resultOf(outcome));
                          });
}

void SecretStore::read(const QString &profileId, ReadCallback done)
{
    readAttempt(profileId, 1, std::move(done));
}

void SecretStore::readAttempt(const QString &profileId, int attempt, ReadCallback done)
{
    m_backend->readEntry(
        m_serviceName, keyFor(profileId), this,
        [this, profileId, attempt, done = std::move(done)](const SecretBackend::Outcome &outcome) {
            using Status = SecretStoreResult::Status;
            const bool mayRetry =
                outcome.status == Status::NoKeychain || outcome.status == Status::OtherError;
            if (mayRetry && attempt == 1 && m_readRetryDelay >= 0ms) {
                qCInfo(lcSecrets).nospace() << "reading the secrets of profile " << profileId << " failed ("
                                            << describe(outcome.status) << "), trying once more";
                QTimer::singleShot(m_readRetryDelay, this,
                                   [this, profileId, done] { readAttempt(profileId, 2, done); });
                return;
            }
            if (outcome.status == Status::NotFound) {
                qCDebug(lcSecrets) << "no keychain entry for profile" << profileId;
                deliver(done, resultOf(outcome), Credentials{});
                return;
            }
            if (outcome.status != Status::Ok) {
                qCWarning(lcSecrets).nospace()
                    << "could not read the secrets of profile " << profileId << ": "
                    << describe(outcome.status) << " (" << outcome.detail << ")";
                deliver(done, resultOf(outcome), Credentials{});
                return;
            }
            const std::optional<Credentials> secrets = decodeSecrets(outcome.data);
            if (!secrets) {
                qCWarning(lcSecrets) << "the keychain entry of profile" << profileId << "is not readable";
                SecretStoreResult damaged;
                damaged.status = Status::OtherError;
                damaged.message =
                    tr("The keychain entry of this account cannot be read. Enter the secrets again.");
                deliver(done, damaged, Credentials{});
                return;
            }
            qCDebug(lcSecrets) << "read the secrets of profile" << profileId;
            deliver(done, SecretStoreResult{}, *secrets);
        });
}

void SecretStore::remove(const QString &profileId, WriteCallback done)
{
    m_backend->removeEntry(m_serviceName, keyFor(profileId), this,
                           [this, profileId, done = std::move(done)](const SecretBackend::Outcome &outcome) {
                               // An entry that is not there is as removed as it gets.
                               if (outcome.status == SecretStoreResult::Status::NotFound) {
                                   deliver(done, SecretStoreResult{});
                                   return;
                               }
                               if (outcome.status != SecretStoreResult::Status::Ok)
                                   qCWarning(lcSecrets).nospace()
                                       << "could not remove the secrets of profile " << profileId << ": "
                                       << describe(outcome.status) << " (" << outcome.detail << ")";
                               deliver(done, resultOf(outcome));
                           });
}

} // namespace mim
