#pragma once

#include "api/ApiError.h"
#include "api/Image.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace mim {

class ApiClient;
class DeletionJournal;

struct DeletionRequest
{
    Image image; // full metadata as shown to the user when they confirmed
    bool force = false;
};

struct DeletionResult
{
    enum class Outcome
    {
        Deleted,
        AlreadyGone, // the server said not found: someone else deleted it
        Failed,
        Cancelled, // never sent because the user cancelled
    };
    Image image;
    bool force = false;
    Outcome outcome = Outcome::Failed;
    ApiError error; // for Failed
    QString requestId;
};

struct DeletionSummary
{
    QList<DeletionResult> results;
    int count(DeletionResult::Outcome outcome) const;
    QList<DeletionRequest> failedRequests() const; // for "Retry failed"
};

// Deletes confirmed images with bounded concurrency, a result per image, cancel, and a journal line
// before each request and after its outcome.
class DeletionQueue : public QObject
{
    Q_OBJECT
public:
    explicit DeletionQueue(DeletionJournal *journal, QObject *parent = nullptr);

    void setClient(ApiClient *client);
    // Context written with every journal line.
    void setAccountContext(const QString &profileName, const QString &regionId, const QString &projectId);
    void setMaxConcurrent(int count);

    // Starts (or extends) a run. Only the images passed here are ever deleted.
    void enqueue(const QList<DeletionRequest> &requests);
    void cancel(); // requests already sent finish; the rest end as Cancelled
    bool isRunning() const;

Q_SIGNALS:
    void started(int total);
    void itemStarted(const QString &id);
    void itemFinished(const mim::DeletionResult &result);
    void progress(int done, int total);
    void finished(const mim::DeletionSummary &summary);

private:
    // implementation detail; free to change
    void pump();

    DeletionJournal *m_journal;
    QPointer<ApiClient> m_client;
    QString m_profileName, m_regionId, m_projectId;
    int m_maxConcurrent = 8;
    QList<DeletionRequest> m_pending;
    int m_inFlight = 0;
    int m_total = 0;
    bool m_cancelled = false;
    DeletionSummary m_summary;
};

} // namespace mim
