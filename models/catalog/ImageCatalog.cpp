#include "models/catalog/ImageCatalog.h"

#include "models/api/ApiClient.h"
#include "models/api/BackgroundPool.h"
#include "models/catalog/ImageTableModel.h"
#include "models/common/Heap.h"
#include "models/common/ModelsLogging.h"

#include <limits>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QThreadPool>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

constexpr auto SettlingActivity = ImageTableModel::RowActivity::Polling;

// One list of the images of several; a single list is shared, not copied.
QList<Image> joined(const QList<QList<Image>> &lists)
{
    if (lists.size() == 1)
        return lists.constFirst();
    qsizetype count = 0;
    for (const QList<Image> &list : lists)
        count += list.size();
    QList<Image> images;
    images.reserve(count);
    for (const QList<Image> &list : lists)
        images.append(list);
    return images;
}

} // namespace

namespace {

bool hasFinished(const ImageListing *listing)
{
    return listing->succeeded() || listing->error().isError();
}

} // namespace

ImageCatalog::ImageCatalog(ImageTableModel *model, QObject *parent)
    : ImageCatalog(model, systemClock(), parent)
{}

ImageCatalog::ImageCatalog(ImageTableModel *model, Clock clock, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_clock(std::move(clock))
    , m_pollTimer(new QTimer(this))
    , m_batchTimer(new QTimer(this))
{
    Q_ASSERT(m_model);
    m_batchTimer->setSingleShot(true);
    connect(m_batchTimer, &QTimer::timeout, this, &ImageCatalog::showArrivedRows);
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, [this] {
        // A tick that found the bucket empty starts no call, so no answer schedules the next tick.
        if (pollSettling() == 0)
            schedulePoll();
    });
}

ImageCatalog::~ImageCatalog()
{
    abortRefresh();
    cancelCalls(m_pollCalls);
    cancelCalls(m_resyncCalls);
}

void ImageCatalog::setClient(ApiClient *client)
{
    if (client == m_client)
        return;
    // Another account (or none): nothing of the previous one may stay on screen or keep running.
    cancelEverything();
    m_client = client;
}

ApiClient *ImageCatalog::client() const
{
    return m_client;
}

void ImageCatalog::cancelEverything()
{
    abortRefresh();
    cancelCalls(m_pollCalls);
    const QHash<ApiCall *, QString> resyncs = m_resyncCalls;
    cancelCalls(m_resyncCalls);
    for (const QString &id : resyncs)
        Q_EMIT resyncFinished(id, ApiError::make(ErrorKind::Cancelled, tr("The account was closed.")));
    m_pollTimer->stop();
    m_watchOrder.clear();
    m_watchRows.clear();
    m_watches.clear();
    m_stuck.clear();
    m_watchSetRevision.reset();
    m_pollCursor = 0;
    m_model->clear();
    m_complete = false;
    m_lastRefreshed = {};
    m_lastError = {};
    m_skipped.clear();
    setState(State::Idle);
}

void ImageCatalog::setIncludeBuiltIn(bool include)
{
    if (include == m_includeBuiltIn)
        return;
    m_includeBuiltIn = include;
    if (m_client && m_state != State::Idle)
        refresh();
}

void ImageCatalog::setPollIntervalMs(int ms)
{
    m_pollIntervalMs = qMax(1, ms);
    if (m_pollTimer->isActive())
        m_pollTimer->start(m_pollIntervalMs);
}

void ImageCatalog::setAutomaticPolling(bool on)
{
    m_automaticPolling = on;
    if (!on)
        m_pollTimer->stop();
    else
        schedulePoll();
}

int ImageCatalog::pollNow()
{
    if (!m_pollCalls.isEmpty())
        return 0;
    m_pollTimer->stop();
    return pollSettling();
}

QStringList ImageCatalog::watchedIds() const
{
    return m_watchOrder;
}

QStringList ImageCatalog::stuckIds() const
{
    QStringList ids(m_stuck.cbegin(), m_stuck.cend());
    ids.sort();
    return ids;
}

void ImageCatalog::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ImageCatalog::refresh()
{
    if (!m_client) {
        qCDebug(lcModels) << "refresh without an account ignored";
        return;
    }
    // A refresh while one runs starts over: the user asked for the state of now.
    abortRefresh();
    if (m_state != State::Loading)
        m_stateBeforeLoading = m_state;
    // An empty table (first load, another account, a load that failed before any row) fills as pages
    // arrive; a table with rows changes once, when everything is in, so nothing flickers.
    m_progressive = m_model->rowCount() == 0;
    if (m_progressive)
        m_complete = false;
    setState(State::Loading);
    startListing(u"DEDICATED"_s);
    if (m_includeBuiltIn)
        startListing(u"BUILD_IN"_s);
    Q_EMIT refreshStarted();
}

void ImageCatalog::startListing(const QString &type)
{
    ListQuery query;
    query.type = type;
    ImageListing *listing = m_client->listAllImages(query);
    const int index = int(m_runs.size());
    const int generation = m_generation;
    ListingRun run;
    run.listing = listing;
    m_runs.append(run);
    const auto outcomeOf = [](const ImageListing *finished) {
        return ListingOutcome{finished->error(), finished->images(), finished->skippedRecords(),
                              finished->workspaces(), finished->workspaceError()};
    };
    if (hasFinished(listing)) {
        // Finished before we could listen (e.g. refused at once). The listing deletes itself, so keep its
        // results and handle them from the event loop, like any other ending.
        QMetaObject::invokeMethod(
            this,
            [this, generation, index, outcome = outcomeOf(listing)] {
                onListingFinished(generation, index, outcome);
            },
            Qt::QueuedConnection);
        m_runs[index].listing.clear();
        return;
    }
    connect(listing, &ImageListing::progress, this, [this, generation, index](qint64 received, qint64 total) {
        onListingProgress(generation, index, received, total);
    });
    connect(listing, &ImageListing::pageArrived, this,
            [this, generation](const QList<Image> &images) { onListingPage(generation, images); });
    connect(listing, &ImageListing::finished, this, [this, generation, index, listing, outcomeOf] {
        onListingFinished(generation, index, outcomeOf(listing));
    });
}

void ImageCatalog::onListingProgress(int generation, int index, qint64 received, qint64 total)
{
    if (generation != m_generation || index >= m_runs.size())
        return;
    m_runs[index].received = received;
    m_runs[index].total = total;
    qint64 sumReceived = 0;
    qint64 sumTotal = 0;
    for (const ListingRun &run : std::as_const(m_runs)) {
        sumReceived += run.received;
        sumTotal += run.total;
    }
    Q_EMIT progress(sumReceived, sumTotal);
}

void ImageCatalog::awaitCached()
{
    m_awaitingCache = m_state == State::Loading && m_progressive && m_model->rowCount() == 0;
}

void ImageCatalog::cacheUnavailable()
{
    if (std::exchange(m_awaitingCache, false))
        showArrivedRows();
}

bool ImageCatalog::showCached(ImageTableModel::Growth grown, const QDateTime &asOf)
{
    const bool awaited = std::exchange(m_awaitingCache, false);
    if (m_state != State::Loading || !m_progressive || m_model->rowCount() > 0 ||
        !m_model->showCached(grown)) {
        if (awaited)
            showArrivedRows();
        return false;
    }
    // Pages that arrived while the cache was read confirm (or add to) the cached rows.
    if (!m_arrived.isEmpty())
        showArrivedRows();
    m_cachedAsOf = asOf;
    qCInfo(lcModels) << "showing" << m_model->rowCount() << "cached images as of" << asOf;
    Q_EMIT cachedShown(asOf);
    return true;
}

QDateTime ImageCatalog::cachedAsOf() const
{
    return m_model->cachedOnlyCount() > 0 ? m_cachedAsOf : QDateTime();
}

void ImageCatalog::onListingPage(int generation, const QList<Image> &images)
{
    if (generation != m_generation || !m_progressive)
        return;
    // Kept page by page: joined on a worker thread, not copied image by image here.
    m_arrived.append(images);
    m_arrivedCount += images.size();
    if (m_awaitingCache)
        return;
    // The first rows at once; then batches, so that the table (sorted, filtered) is rearranged a few times
    // a second rather than once per page.
    if (m_model->rowCount() == 0)
        showArrivedRows();
    else
        scheduleBatch();
}

void ImageCatalog::showArrivedRows()
{
    if (m_arrived.isEmpty() || !m_progressive || m_preparingBatch)
        return;
    // Rows of pages that a later pass reads again are merged by id; a row that the listing finally lacks
    // leaves with the one merge at the end. Thousands of rows arrive between batches on a fast connection:
    // the batch is merged into a snapshot of the table and sorted on a worker thread, like the final merge,
    // so that showing it costs the GUI thread the signals only.
    m_preparingBatch = true;
    const int generation = m_generation;
    auto *watcher = new QFutureWatcher<ImageTableModel::Growth>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_preparingBatch = false;
        if (generation != m_generation || !m_progressive)
            return ImageTableModel::discardGrowth(watcher->future().takeResult());
        QElapsedTimer timer;
        timer.start();
        adopt(watcher->future().takeResult(), false);
        qCDebug(lcModels) << "rows shown as pages arrive:" << m_model->rowCount() << "in" << timer.elapsed()
                          << "ms";
        // Pages that arrived meanwhile wait for the next batch.
        scheduleBatch();
    });
    m_arrivedCount = 0;
    watcher->setFuture(QtConcurrent::run(
        backgroundPool(), [pages = std::exchange(m_arrived, {}), base = m_model->growthBase()]() mutable {
            return ImageTableModel::grow(std::move(base),
                                         ImageTableModel::prepare(joined(pages), SettlingActivity), false);
        }));
}

void ImageCatalog::scheduleBatch()
{
    // Each batch rearranges the whole table, sorted and filtered, on the GUI thread: its cost grows with the
    // rows already shown. A batch waits until it would at least double them, so a large account costs a few
    // batches (1, 2, 4, … pages' worth) whose sum is about one final merge, instead of one pause per batch
    // that grows with every batch; what is left arrives with the final merge.
    if (m_arrived.isEmpty() || m_batchTimer->isActive() || m_arrivedCount < m_model->rowCount())
        return;
    m_batchTimer->start(ProgressiveBatchMs);
}

void ImageCatalog::stopProgressive()
{
    m_awaitingCache = false;
    m_preparingBatch = false; // what is being prepared is dropped: its generation has passed
    m_batchTimer->stop();
    m_arrived = {};
    m_arrivedCount = 0;
}

void ImageCatalog::onListingFinished(int generation, int index, const ListingOutcome &outcome)
{
    if (generation != m_generation || index >= m_runs.size() || m_runs.at(index).done)
        return;
    ListingRun &run = m_runs[index];
    run.listing.clear();

    if (outcome.error.isError()) {
        // Keep the rows we have: a failed refresh must not look like an empty account. Rows shown while an
        // empty table filled stay too, but isComplete() stays false: they are not every image.
        const ApiError error = outcome.error;
        abortRefresh();
        if (m_progressive && m_model->rowCount() > 0)
            qCWarning(lcModels) << "the list is incomplete:" << m_model->rowCount() << "rows arrived";
        m_lastError = error;
        qCWarning(lcModels) << "refresh failed:" << errorKindName(error.kind) << error.code << error.message
                            << error.detail;
        setState(State::Failed);
        Q_EMIT failed(error);
        schedulePoll();
        return;
    }

    run.done = true;
    run.images = outcome.images;
    run.skipped = outcome.skipped;
    run.workspaces = outcome.workspaces;
    run.workspaceError = outcome.workspaceError;
    for (const ListingRun &other : std::as_const(m_runs)) {
        if (!other.done)
            return;
    }

    // Every listing succeeded: only now does the model change, in one merge. What the merge needs that
    // does not touch the model (digests, the id index, 100,000 rows' worth) is prepared on a worker thread;
    // the state stays Loading until the model has the images.
    QList<QList<Image>> lists;
    QStringList skipped;
    QHash<QString, QString> workspaceNames;
    ApiError workspaceError;
    for (const ListingRun &done : std::as_const(m_runs)) {
        lists.append(done.images);
        skipped.append(done.skipped);
        for (const Workspace &workspace : done.workspaces)
            workspaceNames.insert(workspace.id, workspace.name);
        if (!workspaceError.isError())
            workspaceError = done.workspaceError;
    }
    m_runs = {};
    stopProgressive();
    const int preparing = ++m_generation;
    auto *watcher = new QFutureWatcher<ImageTableModel::Growth>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, preparing, skipped, workspaceNames, workspaceError] {
                watcher->deleteLater();
                // Refreshed, cancelled or closed meanwhile: what was prepared is no longer wanted.
                if (preparing == m_generation)
                    applyLoaded(watcher->future().takeResult(), skipped, workspaceNames, workspaceError);
                else
                    ImageTableModel::discardGrowth(watcher->future().takeResult());
            });
    watcher->setFuture(QtConcurrent::run(
        backgroundPool(), [lists = std::move(lists), base = m_model->growthBase()]() mutable {
            QElapsedTimer timer;
            timer.start();
            // The rows shown as pages arrived hold most images already: only the others are prepared again.
            ImageTableModel::PreparedImages prepared =
                ImageTableModel::prepare(joined(lists), SettlingActivity, &base);
            const qint64 preparedMs = timer.elapsed();
            ImageTableModel::Growth grown = ImageTableModel::grow(std::move(base), std::move(prepared), true);
            qCDebug(lcModels) << "final merge: prepared in" << preparedMs << "ms, merged and sorted in"
                              << timer.elapsed() - preparedMs << "ms";
            return grown;
        }));
}

bool ImageCatalog::adopt(ImageTableModel::Growth grown, bool wholeListing)
{
    // The table changed while the merge was prepared (a row deleted, a status polled, another sort): the
    // merge is done again here, from the same prepared images.
    if (m_model->adoptGrowth(grown))
        return true;
    qCDebug(lcModels) << "the table changed while a merge was prepared: merging again";
    const ImageTableModel::PreparedImages prepared = grown.prepared();
    ImageTableModel::discardGrowth(std::move(grown));
    if (wholeListing)
        m_model->applyPrepared(prepared);
    else
        m_model->addPrepared(prepared);
    return false;
}

void ImageCatalog::applyLoaded(ImageTableModel::Growth grown, const QStringList &skipped,
                               const QHash<QString, QString> &workspaceNames, const ApiError &workspaceError)
{
    QElapsedTimer timer;
    timer.start();
    m_model->setWorkspaceNames(workspaceNames);
    const bool adopted = adopt(std::move(grown), true);
    qCDebug(lcModels) << "final merge adopted:" << adopted << "in" << timer.elapsed() << "ms";
    m_complete = true;
    m_progressive = false;
    m_skipped = skipped;
    m_workspaceError = workspaceError;
    m_lastError = {};
    m_lastRefreshed = m_clock();
    setState(State::Loaded);
    Q_EMIT loaded();
    updateWatchSet();
    schedulePoll();
    // Reading the pages freed about as much memory as the images now take. An adopted growth gives it back
    // once the model's previous lists are freed (before that, there is none of them to give back); a merge
    // done here leaves it to this one, on a worker thread.
    if (!adopted)
        backgroundPool()->start(giveFreeHeapBack);
}

void ImageCatalog::abortRefresh()
{
    ++m_generation;
    stopProgressive();
    const QList<ListingRun> runs = std::exchange(m_runs, {});
    for (const ListingRun &run : runs) {
        if (ImageListing *listing = run.listing) {
            disconnect(listing, nullptr, this, nullptr);
            listing->cancel();
        }
    }
}

void ImageCatalog::cancel()
{
    if (m_state != State::Loading)
        return;
    abortRefresh();
    if (m_progressive && m_model->rowCount() > 0) {
        // Part of the images are on screen: say that they are not all of them.
        m_lastError =
            ApiError::make(ErrorKind::Cancelled, tr("Loading was cancelled before every image arrived."));
        setState(State::Failed);
        return;
    }
    setState(m_stateBeforeLoading);
}

void ImageCatalog::cancelCalls(QHash<ApiCall *, QString> &calls)
{
    const QList<ApiCall *> pending = calls.keys();
    calls.clear();
    for (ApiCall *call : pending) {
        disconnect(call, nullptr, this, nullptr);
        call->cancel();
    }
}

void ImageCatalog::updateWatchSet()
{
    using Activity = ImageTableModel::RowActivity;
    const qint64 nowMs = m_clock().toMSecsSinceEpoch();
    if (m_watchSetRevision == m_model->revision() && nowMs < m_nextStuckAtMs)
        return;
    const quint64 pass = ++m_watchPass;
    qint64 nextStuckAtMs = std::numeric_limits<qint64>::max();
    const auto isWatchMark = [](Activity activity) {
        return activity == Activity::Polling || activity == Activity::Stuck;
    };
    QStringList settling;
    settling.reserve(m_watchOrder.size());
    QSet<QString> stuck;
    const int rows = m_model->rowCount();
    for (int row = 0; row < rows; ++row) {
        const Image &image = m_model->imageAt(row);
        if (!image.canBeWatched())
            continue;
        Watch &watch = m_watches[image.id];
        // Any change the server shows (a new status, a new update time) starts the wait over.
        if (watch.sinceMs < 0 || watch.status != image.status || watch.updateAtMs != image.updateAtMs)
            watch = Watch{image.status, image.updateAtMs, nowMs};
        watch.pass = pass;
        Activity watchMark = Activity::Polling;
        if (nowMs - watch.sinceMs >= StuckAfterMs) {
            watchMark = Activity::Stuck;
            stuck.insert(image.id);
            if (!m_stuck.contains(image.id))
                qCInfo(lcModels) << "settling image" << image.id << "unchanged for" << StuckAfterMs / 60000
                                 << "minutes of watching; no longer polled";
        } else {
            settling.append(image.id);
            nextStuckAtMs = qMin(nextStuckAtMs, watch.sinceMs + StuckAfterMs);
        }
        // Deleting or resyncing says more about the row than watching does. Marking changes no row's place.
        if (const Activity activity = m_model->rowActivityAt(row);
            activity == Activity::None || isWatchMark(activity))
            m_model->setRowActivityAt(row, watchMark);
    }
    // A row that no longer settles (or is gone) loses its watch and its mark.
    m_watches.removeIf([&](QHash<QString, Watch>::iterator it) {
        if (it.value().pass == pass)
            return false;
        if (isWatchMark(m_model->rowActivity(it.key())))
            m_model->setRowActivity(it.key(), Activity::None);
        return true;
    });
    // In row order, the same images as last time are the same list: sorted already.
    if (settling != m_watchRows) {
        m_watchRows = settling;
        settling.sort();
        m_watchOrder = std::move(settling);
    }
    m_stuck = std::move(stuck);
    m_nextStuckAtMs = nextStuckAtMs;
    m_watchSetRevision = m_model->revision(); // after the marks set above
}

int ImageCatalog::takePollTokens(int wanted)
{
    // A token bucket on the injected clock: a tick may ask for what came back since the last one, so the
    // account's polls average PollsPerSecond whatever the interval, the tick size or the number of images.
    const QDateTime now = m_clock();
    if (m_pollTokensAt.isValid()) {
        const qint64 elapsedMs = qMax<qint64>(0, m_pollTokensAt.msecsTo(now));
        m_pollTokens = qMin<double>(MaxPollsPerTick, m_pollTokens + elapsedMs * PollsPerSecond / 1000.0);
    }
    m_pollTokensAt = now;
    const int taken = qMin(wanted, int(m_pollTokens));
    m_pollTokens -= taken;
    return taken;
}

void ImageCatalog::schedulePoll()
{
    if (!m_automaticPolling || !m_client || m_pollTimer->isActive() || !m_pollCalls.isEmpty())
        return;
    if (m_watchOrder.isEmpty())
        return;
    m_pollTimer->start(m_pollIntervalMs);
}

int ImageCatalog::pollSettling()
{
    if (!m_client)
        return 0;
    updateWatchSet();
    if (m_watchOrder.isEmpty())
        return 0;

    // Round robin over a stable order so that, with more settling images than one tick asks for, every one
    // of them is asked for within a few ticks.
    const QStringList &ids = m_watchOrder;
    const int count = takePollTokens(qMin(int(ids.size()), MaxPollsPerTick));
    if (count == 0)
        return 0;
    const int start = m_pollCursor % int(ids.size());
    m_pollCursor = (start + count) % int(ids.size());
    for (int i = 0; i < count; ++i) {
        const QString &id = ids.at((start + i) % ids.size());
        ApiCall *call = m_client->showImage(id);
        m_pollCalls.insert(call, id);
        connect(call, &ApiCall::finished, this, [this, call] { onPollFinished(call); });
        connect(call, &QObject::destroyed, this, [this, call] {
            // Destroyed without finishing (its client went away): stop waiting for it.
            if (m_pollCalls.remove(call) && m_pollCalls.isEmpty()) {
                Q_EMIT pollTickFinished();
                schedulePoll();
            }
        });
    }
    return count;
}

void ImageCatalog::onPollFinished(ApiCall *call)
{
    const auto it = m_pollCalls.find(call);
    if (it == m_pollCalls.end())
        return;
    const QString id = it.value();
    m_pollCalls.erase(it);

    const ApiError &error = call->error();
    if (!error.isError()) {
        if (const std::optional<Image> image = call->image(); image && image->id == id)
            applyFetchedImage(*image);
        else
            qCWarning(lcModels) << "poll of" << id << "returned no readable image";
    } else if (error.kind == ErrorKind::NotFound) {
        qCInfo(lcModels) << "settling image" << id << "is gone";
        m_model->removeImage(id);
    } else {
        qCInfo(lcModels) << "poll of" << id << "failed:" << errorKindName(error.kind) << error.code
                         << error.message;
    }

    if (m_pollCalls.isEmpty()) {
        updateWatchSet();
        Q_EMIT pollTickFinished();
        schedulePoll();
    }
}

void ImageCatalog::applyFetchedImage(const Image &image)
{
    // The answer may come after the row left (deleted, account switched): never bring a row back.
    if (m_model->rowOfId(image.id) < 0)
        return;
    if (image.status.compare("DELETED"_L1, Qt::CaseInsensitive) == 0)
        m_model->removeImage(image.id);
    else
        m_model->upsertImage(image);
}

void ImageCatalog::resync(const QString &id)
{
    if (!m_client) {
        Q_EMIT resyncFinished(id, ApiError::make(ErrorKind::Cancelled, tr("No account is connected.")));
        return;
    }
    m_model->setRowActivity(id, ImageTableModel::RowActivity::Resyncing);
    // The user asked to look again: whatever the answer, a settling image gets a whole new wait.
    m_watches.remove(id);
    m_stuck.remove(id);
    m_watchSetRevision.reset();
    ApiCall *call = m_client->syncImage(id);
    m_resyncCalls.insert(call, id);
    connect(call, &ApiCall::finished, this, [this, call] { onResyncFinished(call); });
    connect(call, &QObject::destroyed, this, [this, call] {
        if (const QString id = m_resyncCalls.take(call); !id.isEmpty())
            finishResync(
                id, ApiError::make(ErrorKind::Cancelled, tr("The connection to the account was closed.")));
    });
}

void ImageCatalog::onResyncFinished(ApiCall *call)
{
    const QString id = m_resyncCalls.take(call);
    if (id.isEmpty())
        return;
    const ApiError error = call->error();
    if (!error.isError()) {
        if (const std::optional<Image> image = call->image(); image && image->id == id)
            applyFetchedImage(*image);
        else
            qCInfo(lcModels) << "resync of" << id << "answered without an image; the next refresh shows it";
    } else if (error.kind == ErrorKind::NotFound) {
        m_model->removeImage(id);
    }
    finishResync(id, error);
}

void ImageCatalog::finishResync(const QString &id, const ApiError &error)
{
    if (m_model->rowActivity(id) == ImageTableModel::RowActivity::Resyncing)
        m_model->setRowActivity(id, ImageTableModel::RowActivity::None);
    Q_EMIT resyncFinished(id, error);
    updateWatchSet();
    schedulePoll();
}

} // namespace mim
