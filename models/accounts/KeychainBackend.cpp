#include "models/accounts/SecretBackend.h"

#include <QLoggingCategory>
#include <QObject>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "mim.accounts.keychain")

namespace mim {

namespace {

SecretStoreResult::Status statusFor(QKeychain::Error error)
{
    using Status = SecretStoreResult::Status;
    switch (error) {
    case QKeychain::NoError:
        return Status::Ok;
    case QKeychain::EntryNotFound:
        return Status::NotFound;
    case QKeychain::NoBackendAvailable:
        return Status::NoKeychain;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Status::AccessDenied;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    return Status::OtherError;
}

SecretBackend::Outcome outcomeOf(const QKeychain::Job &job)
{
    SecretBackend::Outcome outcome;
    outcome.status = statusFor(job.error());
    if (outcome.status != SecretStoreResult::Status::Ok)
        outcome.detail = job.errorString();
    return outcome;
}

// Every job is set up the same way; above all, the insecure fallback stays off: a keychain failure must
// reach the user instead of quietly writing secrets into a settings file.
template<typename JobType> JobType *makeJob(const QString &service, const QString &key)
{
    auto *job = new JobType(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

class KeychainBackend final : public SecretBackend
{
public:
    void readEntry(const QString &service, const QString &key, QObject *context, Done done) override
    {
        auto *job = makeJob<QKeychain::ReadPasswordJob>(service, key);
        QObject::connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
            Outcome outcome = outcomeOf(*job);
            if (outcome.status == SecretStoreResult::Status::Ok)
                outcome.data = job->textData();
            done(outcome);
        });
        job->start();
    }

    void writeEntry(const QString &service, const QString &key, const QString &data, QObject *context,
                    Done done) override
    {
        auto *job = makeJob<QKeychain::WritePasswordJob>(service, key);
        job->setTextData(data);
        QObject::connect(job, &QKeychain::Job::finished, context,
                         [job, done = std::move(done)] { done(outcomeOf(*job)); });
        job->start();
    }

    void removeEntry(const QString &service, const QString &key, QObject *context, Done done) override
    {
        auto *job = makeJob<QKeychain::DeletePasswordJob>(service, key);
        QObject::connect(job, &QKeychain::Job::finished, context,
                         [job, done = std::move(done)] { done(outcomeOf(*job)); });
        job->start();
    }
};

} // namespace

std::unique_ptr<SecretBackend> makeKeychainBackend()
{
    return std::make_unique<KeychainBackend>();
}

} // namespace mim
