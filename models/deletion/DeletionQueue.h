#pragma once

#include "models/api/Clock.h"
#include "models/deletion/Deletion.h"

#include <optional>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace mim {

class ApiCall;
class ApiClient;
class DeletionJournal;

// Deletes confirmed images with bounded concurrency, a result per image, cancel, and a journal line
// before each request and after its outcome.
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

    // Starts (or extends) a run. Only the images passed here are ever deleted.
    void enqueue(const QList<DeletionRequest> &requests);
    void cancel(); // requests already sent finish; the rest end as Cancelled
    bool isRunning() const;
    int maxConcurrent() const { return m_maxConcurrent; }
    int inFlightCount() const { return int(m_inFlight.size()); }
    // Requests of the current run without a result yet: waiting or in flight.
    int remainingCount() const { return int(m_pending.size() + m_inFlight.size()); }
    // The results of the current run so far, or of the last finished run.
    const DeletionSummary &summary() const { return m_summary; }

Q_SIGNALS:
    void started(int total);
    void itemStarted(const QString &id);
    void itemFinished(const mim::DeletionResult &result);
    void progress(int done, int total);
    void finished(const mim::DeletionSummary &summary);

private:
    struct InFlight
    {
        DeletionRequest request;
        QString entryId; // journal entry; empty when there is no journal
        // Set while the call is the ShowImage that settles a failed DELETE whose earlier answer was lost.
        std::optional<DeletionResult> checking;
    };

    void pump();
    void startNext(const DeletionRequest &request);
    void onCallFinished(ApiCall *call);
    void onCallDestroyed(ApiCall *call);
    // Asks the server whether the image of a failed DELETE that may have taken effect is still there.
    void checkWithServer(const InFlight &item, const DeletionResult &failed);
    void onCheckFinished(ApiCall *call, const InFlight &item);
    // Records the result, then sends the next request, or stops the run when the client is closing.
    void finishAndGoOn(const DeletionResult &result, const QString &entryId, bool clientClosed);
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
    QSet<QString> m_idsInRun; // pending or in flight: the same image is never sent twice at once
    bool m_running = false;
    bool m_pumpScheduled = false;
    int m_done = 0;
    int m_total = 0;
    DeletionSummary m_summary;
};

} // namespace mim
