#include "models/api/ApiClient.h"
#include "models/api/BackgroundPool.h"
#include "models/api/PageWindow.h"

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

// Lists every workspace's images: ListWorkspace first (all its pages), then one ImageListingPrivate per
// workspace, all at once through one window of pages in flight, merged by id. ListImage shows only the
// default workspace "0" when no workspace_id is sent, as the SDK documents, so an account's images are the
// union over its workspaces.
class WorkspacesListingPrivate : public QObject
{
public:
    WorkspacesListingPrivate(ApiClient *client, ImageListing *listing, const ListQuery &query)
        : QObject(listing)
        , m_client(client)
        , m_listing(listing)
        , m_query(query)
        , m_window(client->newListingWindow(this))
    {
        m_listing->followWindow(m_window);
    }

    // The default workspace exists in every account, listed or not: its pages are read while the others are
    // listed, a round trip sooner. It holds most images of most accounts.
    void start()
    {
        requestWorkspaces();
        addRun(Workspace{Workspace::DefaultId.toString(), {}, {}});
        startMore();
    }

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

    // Where a run's images are in the merge; not intact when one of them was another run's too.
    struct MergedRange
    {
        qsizetype begin = 0;
        qsizetype count = 0;
        bool intact = false;
    };
    struct Merged
    {
        QList<Image> images;
        QStringList skipped;
        QList<MergedRange> ranges; // by run
    };

    struct Run
    {
        Workspace workspace;
        QPointer<ImageListing> listing;
        qint64 received = 0;
        qint64 total = 0;
        bool done = false;
        QList<Image> images;
        QString newestId; // the first image the listing read, in the server's order (newest first)
        QStringList skipped;
        bool readInOnePass = false;   // its listing saw nothing change while it read
        bool readAfterChange = false; // read again because another workspace changed meanwhile
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
            if (m_listedWorkspaces.contains(workspace.id))
                continue;
            m_listedWorkspaces.insert(workspace.id);
            ++added;
            if (workspace.isDefault())
                m_runs[0].workspace = workspace; // being read since the start; now with its name
            else
                addRun(workspace);
        }
        m_skipped += page->skippedRecords;
        const qint64 read = m_listedWorkspaces.size() + m_skipped.size();
        const qint64 received = page->workspaces.size() + page->skippedRecords.size();
        ++m_workspacePage;
        if (added > 0 && received > 0 && page->totalCount > read && m_workspacePage < MaxWorkspacePages)
            return requestWorkspaces();
        startImageListings();
    }

    void addRun(const Workspace &workspace)
    {
        m_queue.append(int(m_runs.size()));
        m_runs.append(Run{workspace, {}, 0, 0, false, {}, {}, {}, false, false});
    }

    // Every workspace is known: the listing ends when every one of them is read.
    void startImageListings()
    {
        m_workspacesKnown = true;
        QList<Workspace> workspaces;
        for (const Run &run : std::as_const(m_runs))
            workspaces.append(run.workspace);
        m_listing->m_workspaces = workspaces;
        qCDebug(lcApi) << "listing images of" << m_runs.size() << "workspace(s) at once";
        startMore();
        if (allRunsDone())
            checkTotals(); // the default workspace, read before the others were known, was the only one
    }

    bool allRunsDone() const
    {
        return std::all_of(m_runs.cbegin(), m_runs.cend(), [](const Run &r) { return r.done; });
    }

    // Every workspace at once: each asks for its first page now, so that every total is known after one
    // round trip, and the rest of their pages share one window, so that no workspace starts slowly or drains
    // alone. The server throttles the account, not a workspace: the window (and a Retry-After hold) is the
    // account's, never split or multiplied.
    void startMore()
    {
        while (!m_done && !m_queue.isEmpty()) {
            if (!m_client)
                return cancel();
            const int index = m_queue.takeFirst();
            ListQuery query = m_query;
            query.workspaceId = m_runs.at(index).workspace.id;
            ImageListing *listing = m_client->listImagesOf(query, m_window);
            m_runs[index].listing = listing;
            ++m_running;
            connect(listing, &ImageListing::progress, this, [this, index](qint64 received, qint64 total) {
                m_runs[index].received = received;
                m_runs[index].total = total;
                emitProgress();
            });
            connect(listing, &ImageListing::finished, this,
                    [this, index, listing] { onRunFinished(index, listing); });
            // Rows may be shown as each workspace's pages arrive.
            connect(listing, &ImageListing::pageArrived, m_listing, &ImageListing::pageArrived);
        }
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
        Run &run = m_runs[index];
        run.listing.clear();
        if (!listing->succeeded())
            return finish(listing->error());
        run.done = true;
        // Taken, not shared: the merge then moves the images instead of copying them.
        run.images = std::move(listing->m_images);
        run.newestId = run.images.isEmpty() ? QString() : run.images.constFirst().id;
        run.received = run.total = listing->total();
        for (const QString &line : listing->skippedRecords())
            run.skipped.append(QCoreApplication::translate("mim::ImageListing", "workspace %1, %2")
                                   .arg(run.workspace.id, line));
        m_passes = qMax(m_passes, listing->passes());
        run.readInOnePass = listing->passes() == 1;
        m_changeSeen = m_changeSeen || !run.readInOnePass;
        emitProgress();
        if (m_workspacesKnown && allRunsDone()) {
            if (m_restorePending)
                return; // the merge gives the other runs their images back, then checks
            return checkTotals();
        }
        startMore();
    }

    // Each workspace's listing is consistent in itself, but one that finished early may have changed while
    // the others were read: one small page per workspace tells, by its total, which ones to read again. The
    // merge runs meanwhile: when nothing changed, the answers find it done.
    void checkTotals()
    {
        if (m_check >= MaxChecks || m_runs.size() == 1)
            return merge();
        ++m_check;
        merge();
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
        // The total alone misses an image deleted while another was added. The server lists the newest first,
        // so a new image also changes the first one; an older one added (restored, or a server with another
        // order) does not, so when another workspace saw the account change while this one was read in one
        // pass, this one is read again, once.
        const QString newestNow = page && !page->images.isEmpty() ? page->images.constFirst().id : QString();
        const bool changedAlongside = m_changeSeen && run.readInOnePass && !run.readAfterChange;
        if (!page || page->total != run.total || newestNow != run.newestId || changedAlongside) {
            run.readAfterChange = run.readAfterChange || changedAlongside;
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
            return completeWhenMerged();
        // What was merged meanwhile is not the account's images, but it holds those of the workspaces that
        // did not change.
        m_restorePending = true;
        if (m_merged)
            restoreRuns();
        emitProgress();
        startMore();
    }

    // The merge took the runs' images: those of the runs that stay are taken back from it (a run that lost a
    // duplicate to another is read again instead).
    void restoreRuns()
    {
        Merged merged = *std::exchange(m_merged, std::nullopt);
        m_restorePending = false;
        for (int index = 0; index < m_runs.size(); ++index) {
            Run &run = m_runs[index];
            if (!run.done)
                continue;
            const MergedRange range = merged.ranges.value(index);
            if (range.intact) {
                run.images = merged.images.mid(range.begin, range.count);
                continue;
            }
            run.done = false;
            run.skipped.clear();
            run.received = 0;
            m_queue.append(index);
        }
        startMore();
        if (allRunsDone())
            checkTotals();
    }

    // An image belongs to one workspace; one that shows up in several (a server that ignores workspace_id)
    // is kept once. Merging 100,000 images still takes milliseconds: not on the GUI thread. The merge takes
    // the runs' images (mergeRuns()); a run read again takes the others' back from it (restoreRuns()).
    void merge()
    {
        const int generation = ++m_mergeGeneration;
        m_merged.reset();
        QList<QList<Image>> lists;
        QList<QStringList> skipped;
        for (Run &run : m_runs) {
            lists.append(std::exchange(run.images, {}));
            skipped.append(run.skipped);
        }
        auto *watcher = new QFutureWatcher<Merged>(this);
        connect(watcher, &QFutureWatcher<Merged>::finished, this, [this, watcher, generation] {
            watcher->deleteLater();
            if (m_done || generation != m_mergeGeneration)
                return;
            m_merged = watcher->future().takeResult();
            if (m_restorePending)
                return restoreRuns();
            if (m_checksPending == 0)
                completeWhenMerged();
        });
        watcher->setFuture(QtConcurrent::run(
            backgroundPool(), [lists = std::move(lists), skipped = std::move(skipped)]() mutable {
                return mergeRuns(lists, skipped);
            }));
    }

    // The largest list becomes the merge where it lies: its images are neither copied nor moved (the others
    // are appended to it, and growing a list of relocatable images reallocates it in place), and only the
    // other lists' ids are hashed. An image in several lists is kept by the largest, else by the first.
    static Merged mergeRuns(QList<QList<Image>> &lists, const QList<QStringList> &skipped)
    {
        Merged merged;
        merged.ranges.resize(lists.size());
        for (const QStringList &lines : skipped)
            merged.skipped.append(lines);
        if (lists.isEmpty())
            return merged;
        qsizetype largest = 0;
        qsizetype count = 0;
        for (qsizetype i = 0; i < lists.size(); ++i) {
            count += lists.at(i).size();
            if (lists.at(i).size() > lists.at(largest).size())
                largest = i;
        }
        // Which list keeps each id of the other lists; -1 once the merge holds it.
        QHash<QString, qsizetype> keeper;
        keeper.reserve(count - lists.at(largest).size());
        for (qsizetype i = 0; i < lists.size(); ++i) {
            if (i == largest)
                continue;
            for (const Image &image : std::as_const(lists.at(i))) {
                if (!image.id.isEmpty() && !keeper.contains(image.id))
                    keeper.insert(image.id, i);
            }
        }
        merged.images = std::exchange(lists[largest], {});
        merged.ranges[largest] = MergedRange{0, merged.images.size(), true};
        if (!keeper.isEmpty()) {
            for (const Image &image : std::as_const(merged.images)) {
                const auto it = keeper.find(image.id);
                if (it != keeper.end())
                    it.value() = -1;
            }
        }
        // No reserve(): QList::reserve() copies every image into a new block even when it owns them;
        // appending grows the block with realloc().
        for (qsizetype i = 0; i < lists.size(); ++i) {
            if (i == largest)
                continue;
            QList<Image> &list = lists[i];
            MergedRange range{merged.images.size(), 0, true};
            // Moved when no one else holds the list; read otherwise (taking an image from a shared list
            // copies the whole list first).
            const bool own = list.isDetached();
            for (qsizetype k = 0; k < list.size(); ++k) {
                const Image &image = std::as_const(list)[k];
                if (!image.id.isEmpty()) {
                    const auto it = keeper.find(image.id);
                    if (it.value() != i) {
                        range.intact = false; // another list has it
                        continue;
                    }
                    it.value() = -1;
                }
                if (own)
                    merged.images.append(std::move(list[k]));
                else
                    merged.images.append(image);
            }
            list = {};
            range.count = merged.images.size() - range.begin;
            merged.ranges[i] = range;
        }
        return merged;
    }

    // Every total confirmed: the merge, when it is done, is the listing.
    void completeWhenMerged()
    {
        if (!m_merged)
            return; // the merge's end completes it
        m_runs = {};
        Merged merged = *std::exchange(m_merged, std::nullopt);
        complete(std::move(merged.images), std::move(merged.skipped));
    }

    void complete(QList<Image> images, QStringList skipped)
    {
        if (m_done)
            return;
        m_listing->m_images = std::move(images);
        m_listing->m_skipped = std::move(skipped);
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
        m_listing->m_peakInFlight = m_window->peakInFlight();
        m_listing->m_finished = true;
        qCDebug(lcApi) << "listing of every workspace finished:" << errorKindName(error.kind)
                       << m_listing->m_images.size() << "images from" << m_listing->m_workspaces.size()
                       << "workspace(s)";
        Q_EMIT m_listing->finished();
        m_listing->deleteLater();
    }

    QPointer<ApiClient> m_client;
    ImageListing *m_listing;
    ListQuery m_query;
    PageWindow *m_window; // of every workspace's listing
    int m_running = 0;
    QList<int> m_queue; // runs to start, in order
    int m_check = 0;
    int m_checksPending = 0;
    int m_mergeGeneration = 0;
    std::optional<Merged> m_merged; // of the runs as they were when their totals were last checked
    bool m_restorePending = false;  // runs read again wait for the merge to give the others their images
    QList<QPointer<ApiCall>> m_checks;
    int m_workspacePage = 0;
    int m_passes = 0;
    bool m_changeSeen = false; // a workspace's listing had to read again: the account changed while listed
    std::pair<qint64, qint64> m_lastProgress{0, 0};
    bool m_done = false;
    QPointer<ApiCall> m_workspaceCall;
    QSet<QString> m_listedWorkspaces; // the ids ListWorkspace sent
    bool m_workspacesKnown = false;
    QStringList m_skipped; // workspace records without a usable id
    QList<Run> m_runs;
};

ImageListing *ApiClient::listAllImages(const ListQuery &query)
{
    if (!query.workspaceId.isEmpty())
        return listImagesOf(query, nullptr);
    auto *listing = new ImageListing(m_shuttingDown ? nullptr : this);
    auto *driver = new WorkspacesListingPrivate(this, listing, query);
    listing->m_cancel = [driver] { driver->cancel(); };
    // Every call finishes asynchronously, so the caller has time to connect before anything is emitted.
    driver->start();
    return listing;
}

} // namespace mim
