#pragma once

#include "models/api/ConnectionSettings.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <QObject>
#include <QString>

namespace mim {

class SecretBackend;

// The outcome of a keychain operation, with a sentence for the user when it failed.
struct SecretStoreResult
{
    enum class Status
    {
        Ok,
        NotFound,
        NoKeychain,   // no Secret Service / keychain backend available
        AccessDenied, // the user or the system refused
        OtherError,
    };
    Status status = Status::Ok;
    QString message; // in the user's language; empty when Ok
    bool ok() const { return status == Status::Ok; }
};

// Secrets of a profile (SK, security token, password) in the OS keychain through QtKeychain, one entry per
// profile. There is deliberately no plaintext fallback: when the keychain fails, the caller offers
// "use for this session only" and keeps the secrets in memory.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    explicit SecretStore(QString serviceName, QObject *parent = nullptr);
    // Tests use this to put a stand-in in place of the OS keychain.
    SecretStore(QString serviceName, std::unique_ptr<SecretBackend> backend, QObject *parent = nullptr);
    ~SecretStore() override;

    using ReadCallback = std::function<void(const SecretStoreResult &, const Credentials &secrets)>;
    using WriteCallback = std::function<void(const SecretStoreResult &)>;

    // Only the secret members of Credentials are stored and filled in. The callbacks are always called
    // later, from the event loop, and not at all once this store is destroyed.
    void write(const QString &profileId, const Credentials &secrets, WriteCallback done);
    void read(const QString &profileId, ReadCallback done);
    void remove(const QString &profileId, WriteCallback done);

    QString serviceName() const { return m_serviceName; }

    // A secret service may still be starting right after login (Linux): a read that finds no keychain or
    // fails otherwise is tried once more after this delay. Zero retries at once; a negative value never.
    void setReadRetryDelay(std::chrono::milliseconds delay) { m_readRetryDelay = delay; }
    std::chrono::milliseconds readRetryDelay() const { return m_readRetryDelay; }

    // The keychain entry's key for a profile.
    QString keyFor(const QString &profileId) const;
    // The entry's text: compact JSON with the non-empty secrets only ({"sk","security_token","password"}).
    static QString encodeSecrets(const Credentials &secrets);
    static std::optional<Credentials> decodeSecrets(const QString &text);
    // The sentence the user sees for a failure.
    static QString explanation(SecretStoreResult::Status status, const QString &detail = {});

private:
    void readAttempt(const QString &profileId, int attempt, ReadCallback done);
    template<typename Callback, typename... Args> void deliver(Callback done, Args... args);

    QString m_serviceName;
    std::unique_ptr<SecretBackend> m_backend;
    std::chrono::milliseconds m_readRetryDelay;
};

} // namespace mim
