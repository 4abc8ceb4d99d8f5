#pragma once

#include "../api/ConnectionSettings.h"

#include <QObject>
#include <QString>

#include <functional>

namespace mim {

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

    using ReadCallback = std::function<void(const SecretStoreResult &, const Credentials &secrets)>;
    using WriteCallback = std::function<void(const SecretStoreResult &)>;

    // Only the secret members of Credentials are stored and filled in.
    void write(const QString &profileId, const Credentials &secrets, WriteCallback done);
    void read(const QString &profileId, ReadCallback done);
    void remove(const QString &profileId, WriteCallback done);

    QString serviceName() const { return m_serviceName; }

private:
    QString m_serviceName;
};

} // namespace mim
