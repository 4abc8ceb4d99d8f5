#pragma once

#include "models/api/ApiError.h"
#include "models/api/Clock.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace mim {

class ApiCall;
class ApiClient;
class DeletionJournal;
class SwrListing;

// What became of one deletion the app had started but not seen the end of (it was killed or crashed).
struct ReconciliationResult
{
    enum class Outcome
    {
        WasDeleted,    // the server no longer has the image (or shows it as DELETED), or SWR the tag
        WasNotDeleted, // the image (or tag) is still there
        Unknown,       // the server could not be asked; the entry stays for the next start
    };
    QString entryId;
    QString imageId;
    QString imageName; // "name:tag" as the user confirmed it
    bool force = false;
    QString swrTag; // "ns/repo:tag" when the deletion was of an SWR tag (imageId is then empty)
    Outcome outcome = Outcome::Unknown;
    ApiError error; // why it is Unknown

    // One sentence for the user, in their language.
    QString description() const;

    Q_DECLARE_TR_FUNCTIONS(mim::ReconciliationResult)
};

// At start-up, resolves the journal's unfinished deletions of one account by asking the server (ShowImage;
// for an SWR tag, its repository's tags are listed) and records each resolved outcome in the journal, so
// nothing the user should know about is lost and nothing is reported twice. Only intents of the given
// profile, region and project are looked at; the others wait until that account is opened.
class JournalReconciler : public QObject
{
    Q_OBJECT
public:
    // Neither the journal nor the client is owned; both must outlive the reconciler's run.
    JournalReconciler(DeletionJournal *journal, ApiClient *client, Clock clock = systemClock(),
                      QObject *parent = nullptr);
    ~JournalReconciler() override;

    void setAccountContext(const QString &profileName, const QString &regionId, const QString &projectId);
    // A journal larger than this is compacted when start() reads it.
    void setCompactionThreshold(qint64 bytes) { m_compactionThreshold = bytes; }
    // The unfinished intents of this account, read from the journal now (on the calling thread).
    QList<QJsonObject> pendingIntents() const;

    // Reads the journal on a worker thread (compacting it when it has grown past the threshold), then asks
    // the server about each pending intent, one at a time; finished() follows (soon when there is nothing to
    // reconcile). Intents recorded by this run's journal are left alone: their requests are not cut short.
    void start();
    bool isRunning() const { return m_running; }
    const QList<ReconciliationResult> &results() const { return m_results; }

Q_SIGNALS:
    void finished(const QList<mim::ReconciliationResult> &results);

private:
    QList<QJsonObject> ofThisAccount(const QList<QJsonObject> &unfinished) const;
    void onJournalRead(const QList<QJsonObject> &unfinished);
    void askNext();
    void onShowFinished(ApiCall *call);
    void onTagsListed(SwrListing *listing);

    DeletionJournal *m_journal;
    QPointer<ApiClient> m_client;
    Clock m_clock;
    QString m_profileName, m_regionId, m_projectId;
    QList<QJsonObject> m_queue;
    QList<ReconciliationResult> m_results;
    QPointer<ApiCall> m_current;
    QPointer<SwrListing> m_currentListing;
    qint64 m_compactionThreshold;
    bool m_running = false;
};

} // namespace mim

Q_DECLARE_METATYPE(mim::ReconciliationResult)
