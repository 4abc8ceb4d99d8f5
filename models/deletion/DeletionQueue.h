#pragma once

#include "models/api/Clock.h"
#include "models/deletion/Deletion.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

namespace mim {

class ApiCall;
class ApiClient;
class DeletionJournal;

// Deletes confirmed images and image groups with bounded concurrency, a result per image (every version of a
// group gets one), cancel, and a journal line per image before each request and after its outcome.
//
// A request that failed for a reason another attempt may cure (ApiError::isTransient(): 503, 429, a lost
// connection) after the client's own attempts goes back to the end of the queue, after the client's longest
// retry delay, at most RetryRounds times, before its failure is reported. A DELETE whose answer was lost is
// only sent again after ShowImage said the image is still there.
class DeletionQueue : public QObject
{
    Q_OBJECT
public:
    // The journal is not owned; it must outlive the queue. Without one (nullptr) nothing is recorded.
    explicit DeletionQueue(DeletionJournal *journal, QObject *parent = nullptr);
    // The clock stamps the journal lines.
    DeletionQueue(DeletionJournal *journal, Clock clock, QObject *parent = nullptr);

    void setClient(ApiClient *client);
    // Context written with every journal line.
    void setAccountContext(const QString &profileName, const QString &regionId, const QString &projectId);
    DeletionAccount account() const { return {m_profileName, m_regionId, m_projectId}; }
    void setMaxConcurrent(int count);

    // Starts (or extends) a run. Only the images and groups passed here are ever deleted. A request for an
    // image or group already in the run is dropped.
    void enqueue(const QList<DeletionRequest> &requests);
    // True while this request's image, or its group, waits or is in flight.
    bool isInRun(const DeletionRequest &request) const;
    void cancel(); // requests already sent finish; the rest end as Cancelled
    bool isRunning() const;
    int maxConcurrent() const { return m_maxConcurrent; }
    int inFlightCount() const { return int(m_inFlight.size()); }
    // Images of the current run without a result yet: waiting or in flight (a group counts its versions).
    int remainingCount() const { return m_total - m_done; }
    // The results of the current run so far, or of the last finished run.
    const DeletionSummary &summary() const { return m_summary; }

Q_SIGNALS:
    void started(int total);
    // Per image: a group request starts and finishes each of its versions.
    void itemStarted(const QString &id);
    void itemFinished(const mim::DeletionResult &result);
    void progress(int done, int total); // in images
    void finished(const mim::DeletionSummary &summary);

private:
    struct InFlight
    {
        DeletionRequest request;
        QStringList entryIds; // journal entries, one per image of the request; empty when there is no journal
        // Set while the calls are the ShowImages that settle a failed DELETE whose earlier answer was lost:
        // one result per image of the request, settled one after the other.
        QList<DeletionResult> checking;
        qsizetype checked = 0;
    };

    static constexpr int RetryRounds = 2;

    void pump();
    void startNext(const DeletionRequest &request);
    // One result per image of the request, all alike.
    static QList<DeletionResult> resultsFor(const DeletionRequest &request, DeletionResult::Outcome outcome,
                                            const ApiError &error, const QString &requestId = {});
    void track(ApiCall *call, const InFlight &item);
    void onCallFinished(ApiCall *call);
    void onCallDestroyed(ApiCall *call);
    // Asks the server whether each image of a failed DELETE that may have taken effect is still there.
    void checkWithServer(InFlight item, const QList<DeletionResult> &failed);
    void onCheckFinished(ApiCall *call, InFlight item);
    // Records the results, then sends the next request, or stops the run when the client is closing.
    void finishAndGoOn(const DeletionRequest &request, const QList<DeletionResult> &results,
                       const QStringList &entryIds, bool clientClosed);
    // Puts a transiently failed request back in the queue, its attempt journalled; false when it is reported.
    bool retryLater(const DeletionRequest &request, const QList<DeletionResult> &results,
                    const QStringList &entryIds);
    void resumeRetry(const QString &key);
    static QString retryKey(const DeletionRequest &request);
    void finishItem(DeletionResult result, const QString &entryId);
    void finishRunIfDrained();
    static QString unknownOutcomeReason();

    DeletionJournal *m_journal;
    Clock m_clock;
    QPointer<ApiClient> m_client;
    QString m_profileName, m_regionId, m_projectId;
    int m_maxConcurrent = 8;
    QList<DeletionRequest> m_pending;
    QHash<ApiCall *, InFlight> m_inFlight;
    // Images and groups pending or in flight: the same image is never sent twice at once, on its own or with
    // its group. Apart, because a server may give an image any id.
    QSet<QString> m_idsInRun;
    QSet<QString> m_groupsInRun;
    // Requests waiting for their next round, with the results of the last one (reported if cancelled).
    struct Waiting
    {
        DeletionRequest request;
        QList<DeletionResult> results;
    };
    QHash<QString, Waiting> m_waiting;
    QHash<QString, int> m_roundsUsed;
    bool m_running = false;
    bool m_pumpScheduled = false;
    int m_done = 0;
    int m_total = 0;
    DeletionSummary m_summary;
};

} // namespace mim
