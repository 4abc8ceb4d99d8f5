#include "models/storage/TagDeletionQueue.h"

#include "models/api/ApiClient.h"
#include "models/deletion/DeletionJournal.h"
#include "models/storage/StorageLogging.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSet>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

bool isSendableSegment(const QString &name)
{
    return !name.isEmpty() && name != "."_L1 && name != ".."_L1;
}

} // namespace

class TagDeletionQueue::Private
{
public:
    Private(TagDeletionQueue *q, ApiClient *client, const QString &journalPath, const QString &profileName,
            const QString &regionId, const QString &projectId)
        : q(q)
        , client(client)
        , ownJournal(journalPath.isEmpty() ? nullptr : std::make_unique<DeletionJournal>(journalPath))
        , journal(ownJournal.get())
        , profileName(profileName)
        , regionId(regionId)
        , projectId(projectId)
    {}

    struct InFlight
    {
        StoredTag tag;
        QString entryId;
        QPointer<ApiCall> call;
    };

    TagDeletionQueue *q;
    QPointer<ApiClient> client;
    std::unique_ptr<DeletionJournal> ownJournal;
    DeletionJournal *journal;
    QString profileName, regionId, projectId;

    QList<StoredTag> pending;
    QList<InFlight> inFlight;
    QList<TagDeletionResult> results;
    int total = 0;
    bool running = false;

    void fill()
    {
        while (running && inFlight.size() < MaxInFlight && !pending.isEmpty())
            send(pending.takeFirst());
        if (running && inFlight.isEmpty() && pending.isEmpty()) {
            running = false;
            qCInfo(lcStorage) << "tag deletion finished:" << results.size() << "of" << total;
            Q_EMIT q->finished();
        }
    }

    void send(const StoredTag &tag)
    {
        if (!client) {
            report(
                tag, {}, Swr::DeleteOutcome::Failed,
                ApiError::make(ErrorKind::Cancelled, QCoreApplication::translate("mim::TagDeletionQueue",
                                                                                 "The account was closed.")));
            return;
        }
        QString entryId;
        if (journal) {
            entryId = journal->recordTagIntent(tag, profileName, regionId, projectId,
                                               QDateTime::currentDateTimeUtc());
            // What cannot be journalled is not sent: after a crash nobody would know to check on it.
            if (entryId.isEmpty()) {
                report(tag, {}, Swr::DeleteOutcome::Failed,
                       ApiError::make(ErrorKind::Cancelled,
                                      QCoreApplication::translate(
                                          "mim::TagDeletionQueue",
                                          "Not sent: the deletion journal could not be written (%1).")
                                          .arg(journal->lastError())));
                return;
            }
        }
        ApiCall *call = client->deleteSwrTag(tag.nameSpace, tag.repository, tag.tag);
        inFlight.append(InFlight{tag, entryId, call});
        QObject::connect(call, &ApiCall::finished, q, [this, call] { onFinished(call); });
    }

    void onFinished(ApiCall *call)
    {
        const auto it = std::find_if(inFlight.begin(), inFlight.end(),
                                     [call](const InFlight &item) { return item.call == call; });
        if (it == inFlight.end())
            return;
        const InFlight item = *it;
        inFlight.erase(it);
        const Swr::DeleteOutcome outcome =
            Swr::deleteOutcome(call->error(), call->httpStatus(), call->mayHaveTakenEffect());
        report(item.tag, item.entryId, outcome, call->error());
        fill();
    }

    void report(const StoredTag &tag, const QString &entryId, Swr::DeleteOutcome outcome,
                const ApiError &error)
    {
        TagDeletionResult result{tag, outcome, outcome == Swr::DeleteOutcome::Deleted ? ApiError() : error};
        if (journal && !entryId.isEmpty() &&
            !journal->recordTagOutcome(entryId, result, QDateTime::currentDateTimeUtc()))
            qCWarning(lcStorage) << "journal: cannot record a tag outcome:" << journal->lastError();
        qCInfo(lcStorage) << "tag deletion:" << int(outcome) << errorKindName(error.kind) << error.httpStatus;
        results.append(result);
        Q_EMIT q->itemFinished(result);
        Q_EMIT q->progress(int(results.size()), total);
    }

    void begin(QList<StoredTag> tags)
    {
        pending = std::move(tags);
        running = true;
        // Always from the event loop, so that a caller connects after start() and misses nothing.
        QTimer::singleShot(0, q, [this] { fill(); });
    }
};

TagDeletionQueue::TagDeletionQueue(ApiClient *client, const QString &journalPath, const QString &profileName,
                                   const QString &regionId, const QString &projectId, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, client, journalPath, profileName, regionId, projectId))
{}

TagDeletionQueue::~TagDeletionQueue()
{
    // What is in flight is not waited for: its intent stays open in the journal for the reconciler.
    for (const Private::InFlight &item : std::as_const(d->inFlight)) {
        if (item.call) {
            QObject::disconnect(item.call, nullptr, this, nullptr);
            item.call->cancel();
        }
    }
}

void TagDeletionQueue::shareJournal(DeletionJournal *journal)
{
    d->ownJournal.reset();
    d->journal = journal;
}

bool TagDeletionQueue::start(const QList<StoredTag> &tags)
{
    if (d->running || tags.isEmpty())
        return false;
    QList<StoredTag> unique;
    QSet<QString> seen;
    for (const StoredTag &tag : tags) {
        // The view never offers these; refusing the whole request keeps a mistake from deleting the rest.
        if (!tag.mayBeDeleted()) {
            qCWarning(lcStorage) << "tag deletion refused: a tag is registered in ModelArts";
            return false;
        }
        if (!isSendableSegment(tag.nameSpace) || !isSendableSegment(tag.repository) ||
            !isSendableSegment(tag.tag)) {
            qCWarning(lcStorage) << "tag deletion refused: a name cannot be sent as a path segment";
            return false;
        }
        if (!seen.contains(tag.displayName())) {
            seen.insert(tag.displayName());
            unique.append(tag);
        }
    }
    d->results.clear();
    d->total = int(unique.size());
    d->begin(std::move(unique));
    Q_EMIT progress(0, d->total);
    return true;
}

void TagDeletionQueue::cancel()
{
    if (!d->running)
        return;
    const QList<StoredTag> unsent = std::exchange(d->pending, {});
    for (const StoredTag &tag : unsent)
        d->report(tag, {}, Swr::DeleteOutcome::Failed,
                  ApiError::make(ErrorKind::Cancelled,
                                 QCoreApplication::translate("mim::TagDeletionQueue",
                                                             "Not sent: the deletion was cancelled.")));
    // When nothing is in flight the run ends here; otherwise with the last answer.
    d->fill();
}

bool TagDeletionQueue::retryFailed()
{
    if (d->running)
        return false;
    QList<StoredTag> again;
    QList<TagDeletionResult> kept;
    for (const TagDeletionResult &result : std::as_const(d->results)) {
        if (result.outcome == Swr::DeleteOutcome::Failed || result.outcome == Swr::DeleteOutcome::Unknown)
            again.append(result.tag);
        else
            kept.append(result);
    }
    if (again.isEmpty())
        return false;
    // The run goes on where it was: what succeeded stays, done() counts it, total() stays.
    d->results = kept;
    d->begin(std::move(again));
    Q_EMIT progress(done(), d->total);
    return true;
}

bool TagDeletionQueue::isRunning() const
{
    return d->running;
}

int TagDeletionQueue::total() const
{
    return d->total;
}

int TagDeletionQueue::done() const
{
    return int(d->results.size());
}

QList<TagDeletionResult> TagDeletionQueue::results() const
{
    return d->results;
}

qint64 TagDeletionQueue::freedBytes() const
{
    qint64 freed = 0;
    for (const TagDeletionResult &result : std::as_const(d->results)) {
        if (result.outcome == Swr::DeleteOutcome::Deleted && result.tag.sizeBytes > 0)
            freed += result.tag.sizeBytes;
    }
    return freed;
}

} // namespace mim
