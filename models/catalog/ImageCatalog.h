#pragma once

#include "models/api/ApiError.h"
#include "models/api/Clock.h"
#include "models/api/Image.h"
#include "models/api/Workspace.h"
#include "models/catalog/ImageTableModel.h"

#include <optional>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

class QTimer;

namespace mim {

class ApiCall;
class ApiClient;
class ImageListing;

// Loads every image of the account into an ImageTableModel and keeps it fresh: refresh merges in place,
// images still being saved (INIT, CREATING) are polled with ShowImage until they settle, or until they
// look stuck: unchanged for StuckAfterMs of watching, they are marked RowActivity::Stuck and left alone
// until a refresh shows them changed or the user resyncs them. All polls of the account share one token
// bucket (PollsPerSecond, at most MaxPollsPerTick at once) on the injected clock.
class ImageCatalog : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Loading,
        Loaded,
        Failed,
    };
    Q_ENUM(State)

    ImageCatalog(ImageTableModel *model, QObject *parent = nullptr);
    // The clock stamps lastRefreshed().
    ImageCatalog(ImageTableModel *model, Clock clock, QObject *parent = nullptr);
    ~ImageCatalog() override;

    // At most this many settling images are asked for per poll tick; the rest wait for the next ones.
    static constexpr int MaxPollsPerTick = 5;
    // The long-run poll rate of the account, however many images settle: a poll tick asks for as many as
    // the bucket holds tokens, which come back at this rate (and never exceed MaxPollsPerTick).
    static constexpr int PollsPerSecond = 1;
    // A settling image whose status and update time stay the same for this long while it is watched is
    // taken for stuck (seen: images in CREATING for years): polling it any further would never end.
    static constexpr qint64 StuckAfterMs = 30 * 60 * 1000;

    // nullptr detaches (no account). The catalog does not own the client.
    void setClient(ApiClient *client);
    ApiClient *client() const;

    // Built-in images are listed with a second query (type=BUILD_IN) only when asked for. Changing it while
    // images are loaded (or loading) refreshes.
    void setIncludeBuiltIn(bool include);
    bool includeBuiltIn() const { return m_includeBuiltIn; }
    // How often settling images (INIT, CREATING) are polled; default 5000.
    void setPollIntervalMs(int ms);
    int pollIntervalMs() const { return m_pollIntervalMs; }
    // Off: no timer polls; settling images are asked for only when pollNow() is called, so a test decides
    // when each tick happens instead of racing the interval. On by default.
    void setAutomaticPolling(bool on);
    bool automaticPolling() const { return m_automaticPolling; }
    // One poll tick now: ShowImage for up to MaxPollsPerTick settling images, round robin, as many as the
    // poll budget allows. Returns how many were asked for: 0 without a client, with nothing watched (stuck
    // images are not), with the budget spent, or while the last tick is still answering.
    // pollTickFinished() follows once every answer has arrived.
    int pollNow();
    // Ids of the settling images being watched (their rows show RowActivity::Polling).
    QStringList watchedIds() const;
    // Ids of the settling images no longer watched because they looked stuck (RowActivity::Stuck).
    QStringList stuckIds() const;

    void refresh();
    void cancel();
    // Asks the server to re-synchronize a stuck image's status (SyncImage), then updates its row; a
    // settling image is watched again afterwards, as if it were new.
    void resync(const QString &id);

    State state() const { return m_state; }
    // False while the rows are not one whole listing of the account: filling an empty table page by page,
    // after such a load failed or was cancelled half way (lastError() says why), or with no rows loaded.
    // A refresh of a complete list keeps it complete (the rows stay those of the last whole listing).
    // Whatever judges the account as a whole (clean-up rules like "keep the newest") must wait for it.
    bool isComplete() const { return m_complete; }
    // A load that stopped half way left rows on screen that are not every image: state() is Failed.
    bool isIncomplete() const { return m_state == State::Failed && !m_complete && m_model->rowCount() > 0; }
    // Rows from the listing cache, into an empty table while the first load runs: shown at once, not
    // complete, each cached-only until the live listing confirms it (see ImageTableModel::showCached()).
    // False (nothing shown) unless the catalog is loading into an empty table.
    // `grown` comes from ImageTableModel::growCached(), sorted on a worker thread.
    bool showCached(ImageTableModel::Growth grown, const QDateTime &asOf);
    // A cached list is being read for this load: pages that arrive meanwhile wait for it (or for
    // cacheUnavailable()), so that a quick first page does not keep the whole cached list off the screen.
    void awaitCached();
    void cacheUnavailable();
    // When the cached rows on screen were listed; invalid when no row is cached-only.
    QDateTime cachedAsOf() const;
    // While an empty table fills, new pages are shown at most this often (the first one at once).
    static constexpr int ProgressiveBatchMs = 250;
    const ApiError &lastError() const { return m_lastError; }
    QDateTime lastRefreshed() const { return m_lastRefreshed; }
    QStringList skippedRecords() const { return m_skipped; }
    // Set when the last refresh could list the default workspace only, because the account's workspaces
    // could not be listed: why (ImageListing::workspaceError()).
    const ApiError &workspaceError() const { return m_workspaceError; }

Q_SIGNALS:
    void stateChanged(mim::ImageCatalog::State state);
    // A listing of the images started (the first load, a refresh, or starting over): what else is read
    // with the images starts now too.
    void refreshStarted();
    // Rows from the listing cache are on screen (cachedAsOf() says from when).
    void cachedShown(const QDateTime &asOf);
    void progress(qint64 received, qint64 total);
    void loaded();
    void failed(const mim::ApiError &error);
    void resyncFinished(const QString &id, const mim::ApiError &error);
    // Every call of a poll tick has answered (or was dropped with its client); the rows are updated.
    void pollTickFinished();

private:
    struct ListingRun
    {
        QPointer<ImageListing> listing;
        qint64 received = 0;
        qint64 total = 0;
        bool done = false;
        QList<Image> images;
        QStringList skipped;
        QList<Workspace> workspaces;
        ApiError workspaceError;
    };

    struct ListingOutcome
    {
        ApiError error;
        QList<Image> images;
        QStringList skipped;
        QList<Workspace> workspaces;
        ApiError workspaceError;
    };

    void setState(State state);
    void startListing(const QString &type);
    // A merge prepared on a worker thread into the model; done again here if the model changed meanwhile.
    // wholeListing: rows the listing lacks leave.
    // False when the growth was refused and the images were merged here instead.
    bool adopt(ImageTableModel::Growth grown, bool wholeListing);
    void applyLoaded(ImageTableModel::Growth grown, const QStringList &skipped,
                     const QHash<QString, QString> &workspaceNames, const ApiError &workspaceError);
    void onListingProgress(int generation, int index, qint64 received, qint64 total);
    void onListingPage(int generation, const QList<Image> &images);
    void showArrivedRows();
    void scheduleBatch();
    void stopProgressive();
    void onListingFinished(int generation, int index, const ListingOutcome &outcome);
    void abortRefresh();
    void cancelCalls(QHash<ApiCall *, QString> &calls);
    void cancelEverything();
    int pollSettling();
    void onPollFinished(ApiCall *call);
    void onResyncFinished(ApiCall *call);
    void finishResync(const QString &id, const ApiError &error);
    void applyFetchedImage(const Image &image);
    void updateWatchSet();
    void schedulePoll();
    int takePollTokens(int wanted);

    ImageTableModel *m_model;
    Clock m_clock;
    QPointer<ApiClient> m_client;
    QList<ListingRun> m_runs;
    int m_generation = 0; // tells the signals of an abandoned refresh from the current one
    bool m_includeBuiltIn = false;
    State m_state = State::Idle;
    State m_stateBeforeLoading = State::Idle;
    ApiError m_lastError;
    QDateTime m_lastRefreshed;
    QStringList m_skipped;
    ApiError m_workspaceError;
    QTimer *m_pollTimer = nullptr;
    bool m_complete = false;
    QDateTime m_cachedAsOf;
    bool m_awaitingCache = false;
    bool m_progressive = false;    // this load fills an empty table as pages arrive
    QList<QList<Image>> m_arrived; // pages not shown yet
    qsizetype m_arrivedCount = 0;  // their images
    QTimer *m_batchTimer = nullptr;
    bool m_preparingBatch = false; // a batch is being prepared on a worker thread
    int m_pollIntervalMs = 5000;
    bool m_automaticPolling = true;
    int m_pollCursor = 0;
    QStringList m_watchOrder; // the watched images (settling, not stuck), sorted: the round robin's order
    QStringList m_watchRows;  // the same in row order, as last seen
    // updateWatchSet() looks at every row only when one changed (the model's revision) or a watch reached
    // its stuck deadline since it last did: a poll tick of an account with thousands of settling images
    // would otherwise cost the GUI thread tens of milliseconds each time.
    std::optional<quint64> m_watchSetRevision;
    qint64 m_nextStuckAtMs = 0;
    quint64 m_watchPass = 0;
    // What a settling image looked like when it was last seen to change, and when that was.
    struct Watch
    {
        QString status;
        qint64 updateAtMs = 0;
        // Milliseconds since the epoch, on the injected clock: comparing QDateTimes converts each from local
        // time, which thousands of settling images a tick made tens of milliseconds of the GUI thread.
        qint64 sinceMs = -1;
        quint64 pass = 0; // the updateWatchSet() that last saw the image settle
    };
    QHash<QString, Watch> m_watches; // watched and stuck images
    QSet<QString> m_stuck;
    double m_pollTokens = MaxPollsPerTick;
    QDateTime m_pollTokensAt;
    QHash<ApiCall *, QString> m_pollCalls;
    QHash<ApiCall *, QString> m_resyncCalls;
};

} // namespace mim
