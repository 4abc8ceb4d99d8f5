#pragma once

#include "models/api/ApiError.h"
#include "models/api/Swr.h"
#include "models/storage/StorageFacts.h"

#include <memory>
#include <QList>
#include <QObject>
#include <QString>

namespace mim {

class ApiClient;
class DeletionJournal;

struct TagDeletionResult
{
    StoredTag tag;
    Swr::DeleteOutcome outcome = Swr::DeleteOutcome::Unknown;
    ApiError error;
};

// Like DeletionQueue, for SWR tags: a few DELETEs in flight at once, each journalled before it is sent and
// after it ends, so a crash in between is settled at the next start.
class TagDeletionQueue : public QObject
{
    Q_OBJECT
public:
    // The journal is the deletion journal's file (models/deletion/DeletionJournal): an intent line before
    // each DELETE, an outcome line after; kind "swr_tag" so image entries and tag entries are told apart.
    TagDeletionQueue(ApiClient *client, const QString &journalPath, const QString &profileName,
                     const QString &regionId, const QString &projectId, QObject *parent = nullptr);
    ~TagDeletionQueue() override;

    // Journals through `journal` (not owned; must outlive the queue) instead of an instance of its own, so
    // that a JournalReconciler on the same instance knows which tag deletions run here and leaves them be.
    void shareJournal(DeletionJournal *journal);
    // Tags deleted at once, at most.
    static constexpr int MaxInFlight = 3;

    // Refuses (returns false, sends nothing) if any tag is registered (!mayBeDeleted()), if any of its names
    // could not be sent as one path segment (empty, "." or ".."), when nothing is given, or while running.
    // A tag given twice is deleted once.
    bool start(const QList<StoredTag> &tags);
    // Nothing new is sent; what is in flight finishes and is reported. Tags not sent yet are reported Failed
    // with a Cancelled error, and without a journal line (nothing was meant to reach the server).
    void cancel();
    bool retryFailed(); // Failed and Unknown ones again

    bool isRunning() const;
    int total() const;
    int done() const;
    // In the order they finished.
    QList<TagDeletionResult> results() const;
    qint64 freedBytes() const; // Deleted (not AlreadyGone) sizes

Q_SIGNALS:
    void progress(int done, int total);
    void itemFinished(const mim::TagDeletionResult &result);
    void finished();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace mim
