#pragma once

#include "models/accounts/SecretStore.h"

#include <functional>
#include <memory>
#include <QString>

class QObject;

namespace mim {

// Where SecretStore keeps its entries: the OS keychain in the application, an in-memory stand-in in tests
// that need to provoke keychain failures. An implementation calls `done` exactly once, later (never from
// inside the call), and not at all once `context` is destroyed.
class SecretBackend
{
public:
    struct Outcome
    {
        SecretStoreResult::Status status = SecretStoreResult::Status::Ok;
        QString detail; // the backend's own explanation of a failure (untranslated, may be empty)
        QString data;   // the entry's text, for reads
    };
    using Done = std::function<void(const Outcome &)>;

    virtual ~SecretBackend() = default;

    virtual void readEntry(const QString &service, const QString &key, QObject *context, Done done) = 0;
    virtual void writeEntry(const QString &service, const QString &key, const QString &data, QObject *context,
                            Done done) = 0;
    virtual void removeEntry(const QString &service, const QString &key, QObject *context, Done done) = 0;
};

// The OS keychain through QtKeychain, without any plaintext fallback.
std::unique_ptr<SecretBackend> makeKeychainBackend();

} // namespace mim
