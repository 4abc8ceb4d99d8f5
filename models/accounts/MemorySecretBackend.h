#pragma once

#include "models/accounts/SecretBackend.h"

#include <QHash>
#include <QList>

namespace mim {

// Secrets kept in this process only. Demo mode uses it so that nothing reaches the real keychain, and tests
// use it to script keychain failures.
class MemorySecretBackend final : public SecretBackend
{
public:
    void readEntry(const QString &service, const QString &key, QObject *context, Done done) override;
    void writeEntry(const QString &service, const QString &key, const QString &data, QObject *context,
                    Done done) override;
    void removeEntry(const QString &service, const QString &key, QObject *context, Done done) override;

    // The next operations fail with these statuses, one each, in order (tests).
    void failNext(const QList<SecretStoreResult::Status> &failures) { m_failures << failures; }
    int operationCount() const { return m_operations; }
    int entryCount() const { return int(m_entries.size()); }

private:
    // Either the scripted failure for this operation or std::nullopt.
    std::optional<Outcome> takeFailure();
    void finishLater(QObject *context, Done done, Outcome outcome);

    QHash<QString, QString> m_entries; // "service\nkey" -> data
    QList<SecretStoreResult::Status> m_failures;
    int m_operations = 0;
};

} // namespace mim
