#include "models/accounts/MemorySecretBackend.h"

#include <QObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

QString entryName(const QString &service, const QString &key)
{
    return service + u'\n' + key;
}

} // namespace

std::optional<SecretBackend::Outcome> MemorySecretBackend::takeFailure()
{
    ++m_operations;
    if (m_failures.isEmpty())
        return std::nullopt;
    Outcome outcome;
    outcome.status = m_failures.takeFirst();
    if (outcome.status == SecretStoreResult::Status::Ok)
        return std::nullopt;
    outcome.detail = u"scripted failure"_s;
    return outcome;
}

void MemorySecretBackend::finishLater(QObject *context, Done done, Outcome outcome)
{
    QTimer::singleShot(0, context, [done = std::move(done), outcome = std::move(outcome)] { done(outcome); });
}

void MemorySecretBackend::readEntry(const QString &service, const QString &key, QObject *context, Done done)
{
    if (auto failure = takeFailure()) {
        finishLater(context, std::move(done), *failure);
        return;
    }
    Outcome outcome;
    const auto found = m_entries.constFind(entryName(service, key));
    if (found == m_entries.constEnd())
        outcome.status = SecretStoreResult::Status::NotFound;
    else
        outcome.data = *found;
    finishLater(context, std::move(done), outcome);
}

void MemorySecretBackend::writeEntry(const QString &service, const QString &key, const QString &data,
                                     QObject *context, Done done)
{
    if (auto failure = takeFailure()) {
        finishLater(context, std::move(done), *failure);
        return;
    }
    m_entries.insert(entryName(service, key), data);
    finishLater(context, std::move(done), Outcome{});
}

void MemorySecretBackend::removeEntry(const QString &service, const QString &key, QObject *context, Done done)
{
    if (auto failure = takeFailure()) {
        finishLater(context, std::move(done), *failure);
        return;
    }
    Outcome outcome;
    if (m_entries.remove(entryName(service, key)) == 0)
        outcome.status = SecretStoreResult::Status::NotFound;
    finishLater(context, std::move(done), outcome);
}

} // namespace mim
