#include "models/api/ApiClient.h"

#include <algorithm>
#include <limits>
#include <QCoreApplication>
#include <QFutureWatcher>
#include <QHash>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace mim {

// Drives one ImageListing: the first page gives the total, the other pages follow concurrently, and the
// whole read is repeated when the data moved under it (see ImageListing).
class ImageListingPrivate : public QObject
{
public:
    // `initialWindow`: where the window starts (0: the client's initial window); a workspace listed after
    // another starts where that one's window ended.
    ImageListingPrivate(ApiClient *client, ImageListing *listing, const ListQuery &query, int initialWindow)
        : QObject(listing)
        , m_client(client)
        , m_listing(listing)
        , m_query(query)
        , m_pageSize(client->pageSize())
        , m_window(initialWindow > 0 ? qMin(initialWindow, client->listingWindow().limit)
                                     : client->listingWindow().initial)
        , m_windowLimit(qMax(m_window, client->listingWindow().limit))
        , m_resume(new QTimer(this))
    {
        m_listing->m_window = m_window;
        m_resume->setSingleShot(true);
        connect(m_resume, &QTimer::timeout, this, [this] { requestMore(); });
    }

    void start() { startPass(); }

    void cancel()
    {
        if (!m_done)
            finish(ApiError::make(
                ErrorKind::Cancelled,
                QCoreApplication::translate("mim::ImageListing", "The listing was cancelled.")));
    }

private:
    // A pass whose pages disagree about the total, or whose unique count differs from it, saw the data
    // change while reading; a new pass reads it again, up to this many passes in all.
    static constexpr int MaxPasses = 3;

    struct Page
    {
        QList<Image> images;
        QStringList skipped;
        qint64 offset = 0;
    };
    struct Assembled
    {
        QList<Image> images;
        QStringList skipped;
        qsizetype duplicates = 0;
    };
    using ParsedPage = std::shared_ptr<std::optional<ImagePage>>;

    void startPass()
    {
        ++m_pass;
        m_listing->m_passes = m_pass;
        m_passTotal = 0;
        m_unstable = false;
        m_step = m_pageSize;
        m_pageCount = 1;
        m_nextPage = 1;
        m_stopAt = std::numeric_limits<int>::max();
        m_received = 0;
        m_pages = QList<Page>(1);
        qCDebug(lcApi) << "listing images, pass" << m_pass << "page size" << m_pageSize;
        requestPage(0);
    }

    void requestPage(int index)
    {
        if (!m_client)
            return cancel();
        const qint64 offset = qint64(index) * m_step;
        m_pages[index].offset = offset;
        auto parsed = std::make_shared<std::optional<ImagePage>>();
        ApiClient::Request request = ApiClient::listRequest(m_query, offset, m_pageSize);
        // Runs on a worker thread, once per attempt; the last successful attempt's page is what we keep.
        request.bodyCheck = [parsed](const QByteArray &body, QString *why) {
            *parsed = ImagePage::fromJson(body, why);
            return parsed->has_value();
        };
        ApiCall *call = m_client->start(std::move(request));
        m_inFlight.insert(index, call);
        m_listing->m_peakInFlight = qMax(m_listing->m_peakInFlight, int(m_inFlight.size()));
        connect(call, &ApiCall::finished, this,
                [this, index, call, parsed] { onPageFinished(index, call, parsed); });
        connect(call, &ApiCall::throttled, this,
                [this, epoch = m_windowEpoch](int retryAfterMs) { onThrottled(epoch, retryAfterMs); });
    }

    // Additive increase: one more page in flight after a window's worth of good answers, so the window grows
    // by about one per round trip while the server keeps up.
    void onGoodAnswer()
    {
        if (m_window >= m_windowLimit || ++m_goodAnswers < m_window)
            return;
        m_goodAnswers = 0;
        setWindow(m_window + 1);
    }

    // Multiplicative decrease, once per window: the pages sent before the last decrease were sent at the old
    // size and say nothing about the new one.
    void onThrottled(int epoch, int retryAfterMs)
    {
        if (m_done)
            return;
        if (retryAfterMs > 0 && !m_resume->isActive() && m_client) {
            // The server asked for a pause: no new page until it is over (the throttled one retries itself
            // after the same delay, capped as here).
            m_resume->start(qMin(retryAfterMs, m_client->settings().retry.maxDelayMs));
        }
        if (epoch != m_windowEpoch)
            return;
        ++m_windowEpoch;
        m_goodAnswers = 0;
        qCDebug(lcApi) << "listing throttled: window" << m_window << "->" << qMax(1, m_window / 2)
                       << "retry after" << retryAfterMs << "ms";
        setWindow(qMax(1, m_window / 2));
    }

    void setWindow(int window)
    {
        if (window == m_window)
            return;
        m_window = window;
        m_listing->m_window = window;
        Q_EMIT m_listing->windowChanged(window);
    }

    void onPageFinished(int index, ApiCall *call, const ParsedPage &parsed)
    {
        if (m_done)
            return;
        m_inFlight.remove(index);
        if (!call->succeeded())
            return finish(call->error());
        if (!parsed->has_value())
            return finish(ApiError::make(ErrorKind::BadResponse, u"page without content"_s));
        ImagePage page = std::move(**parsed);
        parsed->reset();
        if (call->attempts() == 1)
            onGoodAnswer();

        const qsizetype records = page.images.size() + page.skippedRecords.size();
        if (index == 0) {
            // Everything sized from here on comes from the server's numbers: bound them first.
            if (page.total < 0 || page.total > ImageListing::MaxImages)
                return finish(ApiError::make(
                    ErrorKind::BadResponse,
                    QCoreApplication::translate("mim::ImageListing",
                                                "The server reports %1 images; this app lists at most %2. "
                                                "The listing was stopped.")
                        .arg(page.total)
                        .arg(ImageListing::MaxImages)));
            m_passTotal = page.total;
            // A server that caps the page size sends fewer records than asked for: advance by what it sends,
            // or the offsets would skip records.
            if (records > 0 && records < m_pageSize && records < page.total)
                m_step = int(records);
            const qint64 pageCount = page.total > 0 ? (page.total + m_step - 1) / m_step : 1;
            if (pageCount > ImageListing::MaxPages)
                return finish(ApiError::make(
                    ErrorKind::BadResponse,
                    QCoreApplication::translate("mim::ImageListing",
                                                "The server sends %1 images per page for %2 images: reading "
                                                "them would take %3 requests. The listing was stopped.")
                        .arg(QLocale().toString(m_step), QLocale().toString(page.total),
                             QLocale().toString(pageCount))));
            m_pageCount = int(pageCount);
            m_pages.resize(m_pageCount);
        } else if (page.total != m_passTotal) {
            m_unstable = true;
        }
        if (records == 0 && index < m_pageCount - 1)
            m_stopAt = qMin(m_stopAt, index + 1); // the data shrank: nothing lies beyond

        m_received += page.images.size();
        if (!page.images.isEmpty())
            Q_EMIT m_listing->pageArrived(page.images);
        if (m_done)
            return; // cancelled by a receiver of pageArrived
        m_pages[index].images = std::move(page.images);
        m_pages[index].skipped = std::move(page.skippedRecords);
        Q_EMIT m_listing->progress(qMin(m_received, m_passTotal), m_passTotal);

        requestMore();
        if (m_inFlight.isEmpty() && m_nextPage >= qMin(m_pageCount, m_stopAt))
            assemble();
    }

    void requestMore()
    {
        const int end = qMin(m_pageCount, m_stopAt);
        if (m_resume->isActive())
            return;
        while (!m_done && m_inFlight.size() < m_window && m_nextPage < end)
            requestPage(m_nextPage++);
    }

    // De-duplicating 100,000 images takes tens of milliseconds: not on the GUI thread.
    void assemble()
    {
        auto *watcher = new QFutureWatcher<Assembled>(this);
        connect(watcher, &QFutureWatcher<Assembled>::finished, this, [this, watcher] {
            watcher->deleteLater();
            onAssembled(watcher->future().takeResult());
        });
        watcher->setFuture(QtConcurrent::run([pages = std::exchange(m_pages, {})]() mutable {
            Assembled result;
            qsizetype count = 0;
            for (const Page &page : std::as_const(pages))
                count += page.images.size();
            result.images.reserve(count);
            QSet<QString> seen;
            seen.reserve(count);
            for (Page &page : pages) {
                for (Image &image : page.images) {
                    if (!image.id.isEmpty()) {
                        if (seen.contains(image.id)) {
                            ++result.duplicates;
                            continue;
                        }
                        seen.insert(image.id);
                    }
                    result.images.append(std::move(image));
                }
                for (const QString &line : std::as_const(page.skipped))
                    result.skipped.append(QCoreApplication::translate("mim::ImageListing", "offset %1, %2")
                                              .arg(page.offset)
                                              .arg(line));
            }
            return result;
        }));
    }

    void onAssembled(Assembled result)
    {
        if (m_done)
            return;
        const qint64 seen = result.images.size() + result.skipped.size();
        const bool consistent = !m_unstable && seen == m_passTotal;
        if (!consistent) {
            qCDebug(lcApi) << "listing pass" << m_pass << "was not consistent: total" << m_passTotal << "read"
                           << seen << "duplicates" << result.duplicates << "totals moved" << m_unstable;
            if (m_pass < MaxPasses)
                return startPass();
            // What the last pass read is not the account's images: never present it as if it were.
            qCWarning(lcApi) << "listing did not settle after" << m_pass << "passes: total" << m_passTotal
                             << "read" << seen << "duplicates" << result.duplicates;
            const QString why =
                m_unstable
                    ? QCoreApplication::translate("mim::ImageListing",
                                                  "The images kept changing while they were read (%1 "
                                                  "attempts); the list would be incomplete. Try again.")
                          .arg(m_pass)
                    : QCoreApplication::translate("mim::ImageListing",
                                                  "The server reported %1 images but sent %2 different "
                                                  "ones, %3 times in a row; the list would be incomplete.")
                          .arg(m_passTotal)
                          .arg(seen)
                          .arg(m_pass);
            ApiError error = ApiError::make(ErrorKind::BadResponse, why);
            m_listing->m_total = m_passTotal;
            return finish(error);
        }
        m_listing->m_images = std::move(result.images);
        m_listing->m_skipped = std::move(result.skipped);
        m_listing->m_total = m_passTotal;
        finish(ApiError());
    }

    void finish(const ApiError &error)
    {
        m_done = true;
        m_resume->stop();
        const QList<QPointer<ApiCall>> running = m_inFlight.values();
        m_inFlight.clear();
        for (const QPointer<ApiCall> &call : running) {
            if (call)
                call->cancel();
        }
        m_listing->m_error = error;
        m_listing->m_finished = true;
        qCDebug(lcApi) << "listing finished:" << errorKindName(error.kind) << m_listing->m_images.size()
                       << "images in" << m_pass << "pass(es)";
        Q_EMIT m_listing->finished();
        m_listing->deleteLater();
    }

    QPointer<ApiClient> m_client;
    ImageListing *m_listing;
    ListQuery m_query;
    int m_pageSize;
    int m_window;      // pages that may be in flight
    int m_windowLimit; // the most it may grow to
    int m_windowEpoch = 0;
    int m_goodAnswers = 0;
    QTimer *m_resume; // runs while the server's Retry-After holds new pages back
    int m_step = 0;   // offset between pages
    int m_pass = 0;
    qint64 m_passTotal = 0;
    bool m_unstable = false;
    int m_pageCount = 0;
    int m_nextPage = 0;
    int m_stopAt = 0; // no page at or beyond this index is requested
    qint64 m_received = 0;
    bool m_done = false;
    QHash<int, QPointer<ApiCall>> m_inFlight;
    QList<Page> m_pages;
};

// Lists every workspace's images: ListWorkspace first (all its pages), then one ImageListingPrivate per
// workspace, a few at a time, merged by id. ListImage shows only the default workspace "0" when no
// workspace_id is sent, as the SDK documents, so an account's images are the union over its workspaces.
class WorkspacesListingPrivate : public QObject
{
public:
    WorkspacesListingPrivate(ApiClient *client, ImageListing *listing, const ListQuery &query)
        : QObject(listing)
        , m_client(client)
        , m_listing(listing)
        , m_query(query)
    {
        m_listing->m_window = client->listingWindow().initial;
    }

    void start() { requestWorkspaces(); }

    void cancel()
    {
        if (!m_done)
            finish(ApiError::make(
                ErrorKind::Cancelled,
                QCoreApplication::translate("mim::ImageListing", "The listing was cancelled.")));
    }

private:
    // Workspaces per ListWorkspace page: the documented default. A server that sends fewer is read on.
    static constexpr int WorkspacePageSize = 1000;
    // Bounds the pages a lying total_count can make us read.
    static constexpr int MaxWorkspacePages = 100;
    // Rounds of checking that the workspaces read first have not changed since; after the last one, what was
    // read is taken as it is (each workspace's own listing is consistent).
    static constexpr int MaxChecks = 3;

    struct Run
    {
        Workspace workspace;
        QPointer<ImageListing> listing;
        qint64 received = 0;
        qint64 total = 0;
        bool done = false;
        QList<Image> images;
        QStringList skipped;
    };

    void requestWorkspaces()
    {
        if (!m_client)
            return cancel();
        ApiCall *call = m_client->listWorkspacesPage(m_workspacePage, WorkspacePageSize);
        m_workspaceCall = call;
        connect(call, &ApiCall::finished, this, [this, call] { onWorkspacePage(call); });
    }

    static bool isRefusal(const ApiError &error)
    {
        // The account may not be allowed to list workspaces, or this copy of the API may not have the call:
        // the default workspace can still be listed. Anything else (network, server, credentials) is a
        // failure of the listing as a whole.
        return error.kind == ErrorKind::Permission || error.kind == ErrorKind::NotFound ||
               error.kind == ErrorKind::InvalidRequest;
    }

    void onWorkspacePage(ApiCall *call)
    {
        m_workspaceCall.clear();
        if (m_done)
            return;
        if (!call->succeeded()) {
            if (!isRefusal(call->error()))
                return finish(call->error());
            qCWarning(lcApi) << "ListWorkspace refused:" << call->error().code
                             << "- listing the default workspace only";
            m_listing->m_workspaceError = call->error();
            m_workspaces = {Workspace{Workspace::DefaultId.toString(), {}, {}}};
            return startImageListings();
        }
        QString why;
        const std::optional<WorkspacePage> page = WorkspacePage::fromJson(call->body(), &why);
        if (!page) {
            ApiError error =
                ApiError::make(ErrorKind::BadResponse,
                               QCoreApplication::translate("mim::ImageListing",
                                                           "The list of workspaces could not be read: %1")
                                   .arg(why));
            error.requestId = call->requestId();
            return finish(error);
        }
        qsizetype added = 0;
        for (const Workspace &workspace : page->workspaces) {
            if (!m_workspaceIds.contains(workspace.id)) {
                m_workspaceIds.insert(workspace.id);
                m_workspaces.append(workspace);
                ++added;
            }
        }
        m_skipped += page->skippedRecords;
        const qint64 read = m_workspaces.size() + m_skipped.size();
        const qint64 received = page->workspaces.size() + page->skippedRecords.size();
        ++m_workspacePage;
        if (added > 0 && received > 0 && page->totalCount > read && m_workspacePage < MaxWorkspacePages)
            return requestWorkspaces();
        // The default workspace exists in every account, listed or not.
        if (!m_workspaceIds.contains(Workspace::DefaultId.toString()))
            m_workspaces.prepend(Workspace{Workspace::DefaultId.toString(), {}, {}});
        startImageListings();
    }

    void startImageListings()
    {
        m_listing->m_workspaces = m_workspaces;
        for (const Workspace &workspace : std::as_const(m_workspaces)) {
            m_queue.append(int(m_runs.size()));
            m_runs.append(Run{workspace, {}, 0, 0, false, {}, {}});
        }
        // The default workspace first: it holds most images of most accounts, so most rows come first.
        std::stable_partition(m_queue.begin(), m_queue.end(),
                              [this](int index) { return m_runs.at(index).workspace.isDefault(); });
        // One workspace at a time, each with the whole window: the server throttles the account, not a
        // workspace, so the window (and a Retry-After hold) must not be split or multiplied.
        m_parallel = 1;
        qCDebug(lcApi) << "listing images of" << m_runs.size() << "workspace(s)," << m_parallel
                       << "at a time";
        startMore();
    }

    void startMore()
    {
        while (!m_done && m_running < m_parallel && !m_queue.isEmpty()) {
            if (!m_client)
                return cancel();
            const int index = m_queue.takeFirst();
            ListQuery query = m_query;
            query.workspaceId = m_runs.at(index).workspace.id;
            ImageListing *listing = m_client->listImagesOf(query, m_listing->m_window);
            m_runs[index].listing = listing;
            ++m_running;
            connect(listing, &ImageListing::progress, this, [this, index](qint64 received, qint64 total) {
                m_runs[index].received = received;
                m_runs[index].total = total;
                emitProgress();
            });
            connect(listing, &ImageListing::finished, this,
                    [this, index, listing] { onRunFinished(index, listing); });
            // Rows may be shown as each workspace's pages arrive; the window is the sum of the running ones.
            connect(listing, &ImageListing::pageArrived, m_listing, &ImageListing::pageArrived);
            connect(listing, &ImageListing::windowChanged, this, [this, listing] { updateWindow(listing); });
        }
    }

    // The listing's window is that of the workspace being read.
    void updateWindow(const ImageListing *run)
    {
        m_listing->m_peakInFlight = qMax(m_listing->m_peakInFlight, run->peakInFlight());
        if (run->window() == m_listing->m_window)
            return;
        m_listing->m_window = run->window();
        Q_EMIT m_listing->windowChanged(run->window());
    }

    void emitProgress()
    {
        qint64 received = 0;
        qint64 total = 0;
        for (const Run &run : std::as_const(m_runs)) {
            received += run.received;
            total += run.total;
        }
        // An empty workspace, or a listing's end after its last page, changes nothing worth showing.
        if (std::pair{received, total} == m_lastProgress)
            return;
        m_lastProgress = {received, total};
        Q_EMIT m_listing->progress(received, total);
    }

    void onRunFinished(int index, ImageListing *listing)
    {
        if (m_done)
            return;
        --m_running;
        updateWindow(listing);
        Run &run = m_runs[index];
        run.listing.clear();
        if (!listing->succeeded())
            return finish(listing->error());
        run.done = true;
        run.images = listing->images();
        run.received = run.total = listing->total();
        for (const QString &line : listing->skippedRecords())
            run.skipped.append(QCoreApplication::translate("mim::ImageListing", "workspace %1, %2")
                                   .arg(run.workspace.id, line));
        m_passes = qMax(m_passes, listing->passes());
        emitProgress();
        if (std::all_of(m_runs.cbegin(), m_runs.cend(), [](const Run &r) { return r.done; }))
            return checkTotals();
        startMore();
    }

    // Each workspace's listing is consistent in itself, but one that finished early may have changed while
    // the others were read: one small page per workspace tells, by its total, which ones to read again.
    void checkTotals()
    {
        if (m_check >= MaxChecks || m_runs.size() == 1)
            return merge();
        ++m_check;
        m_checksPending = int(m_runs.size());
        for (int index = 0; index < m_runs.size(); ++index) {
            if (!m_client)
                return cancel();
            ListQuery query = m_query;
            query.workspaceId = m_runs.at(index).workspace.id;
            ApiCall *call = m_client->listImagesPage(query, 0, 1);
            m_checks.append(call);
            connect(call, &ApiCall::finished, this, [this, index, call] { onTotalChecked(index, call); });
        }
    }

    void onTotalChecked(int index, ApiCall *call)
    {
        m_checks.removeAll(call);
        if (m_done)
            return;
        if (!call->succeeded())
            return finish(call->error());
        const std::optional<ImagePage> page = ImagePage::fromJson(call->body());
        Run &run = m_runs[index];
        if (!page || page->total != run.total) {
            qCDebug(lcApi) << "workspace" << run.workspace.id
                           << "changed while others were read: reading again";
            run.done = false;
            run.images.clear();
            run.skipped.clear();
            run.received = 0;
            m_queue.append(index);
        }
        if (--m_checksPending > 0)
            return;
        if (m_queue.isEmpty())
            return merge();
        emitProgress();
        startMore();
    }

    // An image belongs to one workspace; one that shows up in several (a server that ignores workspace_id)
    // is kept once. 100,000 images take tens of milliseconds to merge: not on the GUI thread.
    void merge()
    {
        using Merged = std::pair<QList<Image>, QStringList>;
        QList<Run> runs = std::exchange(m_runs, {});
        if (runs.size() == 1) {
            Run &only = runs.first();
            return complete(Merged{std::move(only.images), std::move(only.skipped)});
        }
        auto *watcher = new QFutureWatcher<Merged>(this);
        connect(watcher, &QFutureWatcher<Merged>::finished, this, [this, watcher] {
            watcher->deleteLater();
            complete(watcher->future().takeResult());
        });
        watcher->setFuture(QtConcurrent::run([runs = std::move(runs)]() mutable {
            Merged merged;
            qsizetype count = 0;
            for (const Run &run : std::as_const(runs))
                count += run.images.size();
            merged.first.reserve(count);
            QSet<QString> seen;
            seen.reserve(count);
            for (Run &run : runs) {
                for (Image &image : run.images) {
                    if (!image.id.isEmpty()) {
                        if (seen.contains(image.id))
                            continue;
                        seen.insert(image.id);
                    }
                    merged.first.append(std::move(image));
                }
                merged.second.append(run.skipped);
            }
            return merged;
        }));
    }

    void complete(std::pair<QList<Image>, QStringList> merged)
    {
        if (m_done)
            return;
        m_listing->m_images = std::move(merged.first);
        m_listing->m_skipped = std::move(merged.second);
        m_listing->m_total = m_listing->m_images.size() + m_listing->m_skipped.size();
        finish(ApiError());
    }

    void finish(const ApiError &error)
    {
        m_done = true;
        if (m_workspaceCall)
            m_workspaceCall->cancel();
        for (const QPointer<ApiCall> &check : std::exchange(m_checks, {})) {
            if (check)
                check->cancel();
        }
        for (const Run &run : std::as_const(m_runs)) {
            if (run.listing)
                run.listing->cancel();
        }
        m_listing->m_error = error;
        m_listing->m_passes = m_passes;
        m_listing->m_finished = true;
        qCDebug(lcApi) << "listing of every workspace finished:" << errorKindName(error.kind)
                       << m_listing->m_images.size() << "images from" << m_workspaces.size()
                       << "workspace(s)";
        Q_EMIT m_listing->finished();
        m_listing->deleteLater();
    }

    QPointer<ApiClient> m_client;
    ImageListing *m_listing;
    ListQuery m_query;
    int m_parallel = 1;
    int m_running = 0;
    QList<int> m_queue; // runs to start, in order
    int m_check = 0;
    int m_checksPending = 0;
    QList<QPointer<ApiCall>> m_checks;
    int m_workspacePage = 0;
    int m_passes = 0;
    std::pair<qint64, qint64> m_lastProgress{0, 0};
    bool m_done = false;
    QPointer<ApiCall> m_workspaceCall;
    QList<Workspace> m_workspaces;
    QSet<QString> m_workspaceIds;
    QStringList m_skipped; // workspace records without a usable id
    QList<Run> m_runs;
};

ImageListing::ImageListing(QObject *parent)
    : QObject(parent)
{}

void ImageListing::cancel()
{
    if (!m_finished && m_cancel)
        m_cancel();
}

ImageListing *ApiClient::listAllImages(const ListQuery &query)
{
    if (!query.workspaceId.isEmpty())
        return listImagesOf(query, 0);
    auto *listing = new ImageListing(m_shuttingDown ? nullptr : this);
    auto *driver = new WorkspacesListingPrivate(this, listing, query);
    listing->m_cancel = [driver] { driver->cancel(); };
    // Every call finishes asynchronously, so the caller has time to connect before anything is emitted.
    driver->start();
    return listing;
}

ImageListing *ApiClient::listImagesOf(const ListQuery &query, int initialWindow)
{
    auto *listing = new ImageListing(m_shuttingDown ? nullptr : this);
    auto *driver = new ImageListingPrivate(this, listing, query, initialWindow);
    listing->m_cancel = [driver] { driver->cancel(); };
    // Every call finishes asynchronously, so the caller has time to connect before anything is emitted.
    driver->start();
    return listing;
}

} // namespace mim
