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

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace mim {

// Drives one ImageListing: the first page gives the total, the other pages follow concurrently, and the
// whole read is repeated when the data moved under it (see ImageListing).
class ImageListingPrivate : public QObject
{
public:
    // `window`: shared with the listings of the account's other workspaces; null: a window of its own.
    ImageListingPrivate(ApiClient *client, ImageListing *listing, const ListQuery &query, PageWindow *window)
        : QObject(listing)
        , m_client(client)
        , m_listing(listing)
        , m_query(query)
        , m_pageSize(client->pageSize())
        , m_window(window ? window : client->newListingWindow(this))
    {
        m_listing->followWindow(m_window);
        connect(m_window, &PageWindow::pagesAllowed, this, [this] { requestMore(); });
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
        m_nextPage = 0;
        m_stopAt = std::numeric_limits<int>::max();
        m_received = 0;
        m_pages = QList<Page>(1);
        qCDebug(lcApi) << "listing images, pass" << m_pass << "page size" << m_pageSize;
        requestMore();
    }

    void requestPage(int index)
    {
        if (!m_client || !m_window)
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
        m_window->pageSent();
        m_listing->m_peakInFlight = qMax(m_listing->m_peakInFlight, m_window->inFlight());
        connect(call, &ApiCall::finished, this,
                [this, index, call, parsed] { onPageFinished(index, call, parsed); });
        connect(call, &ApiCall::throttled, this, [this, epoch = m_window->epoch()](int retryAfterMs) {
            if (!m_done && m_window)
                m_window->throttled(epoch, retryAfterMs);
        });
    }

    void onPageFinished(int index, ApiCall *call, const ParsedPage &parsed)
    {
        if (m_done)
            return;
        m_inFlight.remove(index);
        if (!m_window)
            return cancel(); // the listing of every workspace that owned the window has gone
        m_window->pageAnswered();
        if (!call->succeeded())
            return finish(call->error());
        if (!parsed->has_value())
            return finish(ApiError::make(ErrorKind::BadResponse, u"page without content"_s));
        ImagePage page = std::move(**parsed);
        parsed->reset();
        if (call->attempts() == 1)
            m_window->goodAnswer();

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

        // The freed place goes to whichever listing of the window comes first: the default workspace's.
        m_window->offer();
        if (!m_done && m_inFlight.isEmpty() && m_nextPage >= qMin(m_pageCount, m_stopAt))
            assemble();
    }

    // Until its first page is answered a pass has one page to send; then as many as the window allows.
    void requestMore()
    {
        const int end = qMin(m_pageCount, m_stopAt);
        while (!m_done && m_window && m_nextPage < end && m_window->mayRequest(m_nextPage == 0))
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
        QList<Page> taken = std::exchange(m_pages, {});
        watcher->setFuture(QtConcurrent::run(backgroundPool(), [pages = std::move(taken)]() mutable {
            Assembled result;
            qsizetype count = 0;
            for (const Page &page : std::as_const(pages))
                count += page.images.size();
            result.images.reserve(count);
            QSet<QString> seen;
            seen.reserve(count);
            for (Page &page : pages) {
                // Moved when no one else holds the page any more; read otherwise: a page may still be shared
                // with whoever received pageArrived(), and taking an image from a shared page copies the
                // whole page first.
                const bool own = page.images.isDetached();
                for (qsizetype k = 0; k < page.images.size(); ++k) {
                    const Image &image = std::as_const(page.images)[k];
                    if (!image.id.isEmpty()) {
                        if (seen.contains(image.id)) {
                            ++result.duplicates;
                            continue;
                        }
                        seen.insert(image.id);
                    }
                    if (own)
                        result.images.append(std::move(page.images[k]));
                    else
                        result.images.append(image);
                }
                page.images = {};
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
        const QList<QPointer<ApiCall>> running = m_inFlight.values();
        m_inFlight.clear();
        for (const QPointer<ApiCall> &call : running) {
            if (m_window)
                m_window->pageAnswered();
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
    QPointer<PageWindow> m_window; // pages that may be in flight
    int m_step = 0;                // offset between pages
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

ImageListing::ImageListing(QObject *parent)
    : QObject(parent)
{}

void ImageListing::followWindow(PageWindow *window)
{
    m_window = window->size();
    connect(window, &PageWindow::sizeChanged, this, [this](int size) {
        if (m_finished)
            return;
        m_window = size;
        Q_EMIT windowChanged(size);
    });
}

PageWindow *ApiClient::newListingWindow(QObject *parent) const
{
    return new PageWindow(m_listingWindow.initial, m_listingWindow.limit, settings().retry.maxDelayMs,
                          parent);
}

void ImageListing::cancel()
{
    if (!m_finished && m_cancel)
        m_cancel();
}

ImageListing *ApiClient::listImagesOf(const ListQuery &query, PageWindow *window)
{
    auto *listing = new ImageListing(m_shuttingDown ? nullptr : this);
    auto *driver = new ImageListingPrivate(this, listing, query, window);
    listing->m_cancel = [driver] { driver->cancel(); };
    // Every call finishes asynchronously, so the caller has time to connect before anything is emitted.
    driver->start();
    return listing;
}

} // namespace mim
