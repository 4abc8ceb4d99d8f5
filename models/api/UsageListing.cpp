#include "models/api/UsageListing.h"

#include "models/api/ApiClient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace mim {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("mim::UsageListing", text);
}

// The listing's name in messages, in the user's language.
QString listingName(UsageKind kind)
{
    switch (kind) {
    case UsageKind::Notebook:
        return translated(QT_TRANSLATE_NOOP("mim::UsageListing", "notebook list"));
    case UsageKind::TrainingJob:
        return translated(QT_TRANSLATE_NOOP("mim::UsageListing", "training job list"));
    case UsageKind::Service:
        return translated(QT_TRANSLATE_NOOP("mim::UsageListing", "service list"));
    }
    return {};
}

ApiError badResponse(const QString &why)
{
    return ApiError::make(ErrorKind::BadResponse, why);
}

} // namespace

// Drives one UsageListing: three independent readers, each ending once (see UsageListing).
class UsageListingPrivate : public QObject
{
public:
    UsageListingPrivate(ApiClient *client, UsageListing *listing)
        : QObject(listing)
        , m_client(client)
        , m_listing(listing)
        , m_maxConcurrent(client->maxConcurrentRequests())
    {}

    void start()
    {
        startNotebooks();
        startTrainingJobs();
        startServices();
    }

    void cancel()
    {
        for (const UsageKind kind : AllUsageKinds) {
            if (!m_sources[index(kind)].done)
                endSource(kind, ApiError::make(ErrorKind::Cancelled,
                                               translated(QT_TRANSLATE_NOOP("mim::UsageListing",
                                                                            "The listing was cancelled."))));
        }
    }

private:
    // A pass whose pages disagree about the total, or whose records do not add up to it, saw the list change
    // while reading (a record may have moved from one page to another unseen): read again, this many times
    // in all.
    static constexpr int MaxPasses = 3;
    static constexpr std::array<QLatin1StringView, 2> NotebookFeatures{"NOTEBOOK"_L1, "DEFAULT"_L1};

    struct Source
    {
        bool done = false;
        int pass = 0;
        qint64 requests = 0;
        qint64 expected = 0; // the totals reported by the first pages
        qint64 read = 0;     // distinct records read
        bool unstable = false;
        QList<ImageUser> users;
        QSet<QString> ids;
        QStringList skipped;
        QList<QPointer<ApiCall>> inFlight;
        QList<ImageUser> toShow; // services listed, not yet shown
    };

    static qsizetype index(UsageKind kind) { return qsizetype(kind); }
    Source &source(UsageKind kind) { return m_sources[index(kind)]; }

    void beginPass(UsageKind kind)
    {
        Source &s = source(kind);
        const int pass = s.pass + 1;
        s = Source();
        s.pass = pass;
    }

    // Counts a page request; false (and the listing ended) when there would be too many.
    bool countRequest(UsageKind kind)
    {
        Source &s = source(kind);
        if (++s.requests <= UsageListing::MaxPages)
            return true;
        endSource(kind, badResponse(translated(QT_TRANSLATE_NOOP("mim::UsageListing",
                                                                 "The %1 would take more than %2 requests; "
                                                                 "it was stopped."))
                                        .arg(listingName(kind))
                                        .arg(UsageListing::MaxPages)));
        return false;
    }

    void track(UsageKind kind, ApiCall *call) { source(kind).inFlight.append(call); }
    void untrack(UsageKind kind, ApiCall *call) { source(kind).inFlight.removeAll(call); }

    // Checks a page's total before anything is sized from it; false (and the listing ended) when out of
    // bounds.
    bool acceptTotal(UsageKind kind, qint64 total, qint64 perPage)
    {
        if (total > UsageListing::MaxUsers) {
            endSource(kind,
                      badResponse(translated(QT_TRANSLATE_NOOP("mim::UsageListing",
                                                               "The %1 reports %2 entries; this app reads "
                                                               "at most %3. It was stopped."))
                                      .arg(listingName(kind), QLocale().toString(total),
                                           QLocale().toString(UsageListing::MaxUsers))));
            return false;
        }
        const qint64 pages = perPage > 0 ? (total + perPage - 1) / perPage : 1;
        if (pages > UsageListing::MaxPages) {
            endSource(kind,
                      badResponse(translated(QT_TRANSLATE_NOOP("mim::UsageListing",
                                                               "The %1 sends %2 entries per page for %3 "
                                                               "entries: reading them would take %4 "
                                                               "requests. It was stopped."))
                                      .arg(listingName(kind), QLocale().toString(perPage),
                                           QLocale().toString(total), QLocale().toString(pages))));
            return false;
        }
        return true;
    }

    // Adds a page's records; users with an id already read (a record that moved between pages) count once.
    void takeRecords(UsageKind kind, QList<ImageUser> users, const QStringList &skipped,
                     QList<ImageUser> *into)
    {
        Source &s = source(kind);
        for (ImageUser &user : users) {
            if (!user.id.isEmpty()) {
                if (s.ids.contains(user.id))
                    continue;
                s.ids.insert(user.id);
            }
            ++s.read;
            into->append(std::move(user));
        }
        for (const QString &line : skipped) {
            ++s.read;
            s.skipped.append(usageKindName(kind) + u' ' + line);
        }
    }

    // The end of a pass: repeated when the list moved under it, else the listing ends (Unknown when records
    // could not be read).
    void endPass(UsageKind kind, const std::function<void()> &restart, const std::function<void()> &next = {})
    {
        Source &s = source(kind);
        const bool consistent = !s.unstable && s.read == s.expected;
        if (!consistent) {
            qCDebug(lcApi) << usageKindName(kind) << "listing pass" << s.pass << "was not consistent: total"
                           << s.expected << "read" << s.read << "totals moved" << s.unstable;
            if (s.pass < MaxPasses)
                return restart();
            if (s.unstable)
                return endSource(kind,
                                 badResponse(translated(QT_TRANSLATE_NOOP("mim::UsageListing",
                                                                          "The %1 kept changing while it "
                                                                          "was read (%2 attempts)."))
                                                 .arg(listingName(kind))
                                                 .arg(s.pass)));
            return endSource(kind,
                             badResponse(translated(QT_TRANSLATE_NOOP("mim::UsageListing",
                                                                      "The %1 reported %2 entries but "
                                                                      "sent %3 different ones, %4 times "
                                                                      "in a row."))
                                             .arg(listingName(kind))
                                             .arg(s.expected)
                                             .arg(s.read)
                                             .arg(s.pass)));
        }
        if (next)
            return next();
        endSource(kind, unreadableRecords(kind));
    }

    ApiError unreadableRecords(UsageKind kind)
    {
        const Source &s = source(kind);
        if (s.skipped.isEmpty())
            return {};
        return badResponse(QCoreApplication::translate("mim::UsageListing",
                                                       "%Ln entries of the %1 could not be read: %2", nullptr,
                                                       int(s.skipped.size()))
                               .arg(listingName(kind), s.skipped.constFirst()));
    }

    // Sends a page request of `kind` (counted against MaxPages) and hands its answer, read as a Page, to
    // `onPage`; a failed call or an unreadable page ends the listing.
    template<typename Page>
    void requestPage(UsageKind kind, const std::function<ApiCall *(ApiClient *)> &send,
                     std::function<void(Page &)> onPage)
    {
        if (!m_client)
            return cancel();
        if (!countRequest(kind))
            return;
        ApiCall *call = send(m_client);
        track(kind, call);
        connect(call, &ApiCall::finished, this, [this, kind, call, onPage = std::move(onPage)] {
            if (source(kind).done)
                return;
            untrack(kind, call);
            if (!call->succeeded())
                return endSource(kind, call->error());
            QString why;
            std::optional<Page> page = Page::fromJson(call->body(), &why);
            if (!page)
                return endSource(kind, unreadablePage(kind, why, call));
            onPage(*page);
        });
    }

    // Checks the total of a pass's first page; false (and the listing ended) when it is out of bounds.
    bool acceptFirstPage(UsageKind kind, qint64 total, qint64 perPage)
    {
        if (!acceptTotal(kind, total, perPage))
            return false;
        // Services are shown one by one after they are listed.
        if (kind == UsageKind::Service && total > UsageListing::MaxServices) {
            endSource(kind, badResponse(translated(QT_TRANSLATE_NOOP("mim::UsageListing",
                                                                     "There are %1 services; this "
                                                                     "app looks up at most %2 of "
                                                                     "them one by one."))
                                            .arg(total)
                                            .arg(UsageListing::MaxServices)));
            return false;
        }
        return true;
    }

    // --- Notebooks: offset in records, both features.

    void startNotebooks()
    {
        beginPass(UsageKind::Notebook);
        requestNotebooks(0, 0);
    }

    void requestNotebooks(int feature, qint64 offset)
    {
        requestPage<NotebookPage>(
            UsageKind::Notebook,
            [feature, offset](ApiClient *client) {
                return client->listNotebooksPage(NotebookFeatures[size_t(feature)], offset,
                                                 UsageListing::NotebookPageSize);
            },
            [this, feature, offset](NotebookPage &page) { onNotebooks(feature, offset, page); });
    }

    void onNotebooks(int feature, qint64 offset, NotebookPage &page)
    {
        const UsageKind kind = UsageKind::Notebook;
        Source &s = source(kind);
        const qint64 records = page.users.size() + page.skippedRecords.size();
        if (offset == 0) {
            if (!acceptFirstPage(kind, page.total, qMax<qint64>(1, qMin<qint64>(records, page.total))))
                return;
            m_featureTotal = page.total;
            s.expected += page.total;
        } else if (page.total != m_featureTotal) {
            s.unstable = true;
        }
        takeRecords(kind, std::move(page.users), page.skippedRecords, &s.users);
        const qint64 next = offset + records;
        if (records > 0 && next < m_featureTotal)
            return requestNotebooks(feature, next);
        if (size_t(feature) + 1 < NotebookFeatures.size())
            return requestNotebooks(feature + 1, 0);
        endPass(kind, [this] { startNotebooks(); });
    }

    // --- Training jobs and services: read by page index, a full page each but the last. Services are then
    // shown one by one for their images.

    void startTrainingJobs()
    {
        beginPass(UsageKind::TrainingJob);
        requestTrainingJobs(0);
    }

    void requestTrainingJobs(qint64 pageIndex)
    {
        requestPage<TrainingJobPage>(
            UsageKind::TrainingJob,
            [pageIndex](ApiClient *client) {
                return client->searchTrainingJobsPage(pageIndex, UsageListing::TrainingJobPageSize);
            },
            [this, pageIndex](TrainingJobPage &page) {
                onIndexedPage(UsageKind::TrainingJob, pageIndex, page.matching(), std::move(page.users),
                              page.skippedRecords);
            });
    }

    void startServices()
    {
        beginPass(UsageKind::Service);
        requestServices(0);
    }

    void requestServices(qint64 pageIndex)
    {
        requestPage<ServicePage>(
            UsageKind::Service,
            [pageIndex](ApiClient *client) {
                return client->listServicesPage(pageIndex * UsageListing::ServicePageSize,
                                                UsageListing::ServicePageSize);
            },
            [this, pageIndex](ServicePage &page) {
                onIndexedPage(UsageKind::Service, pageIndex, page.total, std::move(page.services),
                              page.skippedRecords);
            });
    }

    void onIndexedPage(UsageKind kind, qint64 pageIndex, qint64 total, QList<ImageUser> users,
                       const QStringList &skipped)
    {
        const bool services = kind == UsageKind::Service;
        const int pageSize = services ? UsageListing::ServicePageSize : UsageListing::TrainingJobPageSize;
        Source &s = source(kind);
        const qint64 records = users.size() + skipped.size();
        if (pageIndex == 0) {
            if (!acceptFirstPage(kind, total, pageSize))
                return;
            s.expected = total;
        } else if (total != s.expected) {
            s.unstable = true;
        }
        takeRecords(kind, std::move(users), skipped, services ? &s.toShow : &s.users);
        const qint64 pageCount = (s.expected + pageSize - 1) / pageSize;
        if (pageIndex + 1 < pageCount && records < pageSize && !s.unstable) {
            // The next page starts at (index + 1) × limit on the server: a server that sends fewer than asked
            // would make the records in between unreachable.
            return endSource(kind,
                             badResponse(translated(QT_TRANSLATE_NOOP("mim::UsageListing",
                                                                      "The %1 sent %2 entries in a page "
                                                                      "of %3 before its end; the rest "
                                                                      "cannot be reached."))
                                             .arg(listingName(kind))
                                             .arg(records)
                                             .arg(pageSize)));
        }
        if (records > 0 && pageIndex + 1 < pageCount)
            return services ? requestServices(pageIndex + 1) : requestTrainingJobs(pageIndex + 1);
        if (services)
            return endPass(
                kind, [this] { startServices(); }, [this] { showMore(); });
        endPass(kind, [this] { startTrainingJobs(); });
    }

    void showMore()
    {
        const UsageKind kind = UsageKind::Service;
        Source &s = source(kind);
        while (!s.done && s.inFlight.size() < m_maxConcurrent && !s.toShow.isEmpty()) {
            if (!m_client)
                return cancel();
            const ImageUser listed = s.toShow.takeFirst();
            ApiCall *call = m_client->showService(listed.id);
            track(kind, call);
            connect(call, &ApiCall::finished, this, [this, listed, call] { onShown(listed, call); });
        }
        if (!s.done && s.inFlight.isEmpty() && s.toShow.isEmpty())
            endSource(kind, unreadableRecords(kind));
    }

    void onShown(const ImageUser &listed, ApiCall *call)
    {
        const UsageKind kind = UsageKind::Service;
        Source &s = source(kind);
        if (s.done)
            return;
        untrack(kind, call);
        if (call->error().kind == ErrorKind::NotFound)
            return showMore(); // deleted since it was listed: it runs nothing
        if (!call->succeeded())
            return endSource(kind, call->error());
        QString why;
        std::optional<ImageUser> shown = serviceFromJson(call->body(), &why);
        if (!shown)
            return endSource(kind, unreadablePage(kind, why, call));
        ImageUser service = listed;
        service.images = shown->images;
        if (!shown->status.isEmpty())
            service.status = shown->status;
        s.users.append(std::move(service));
        showMore();
    }

    ApiError unreadablePage(UsageKind kind, const QString &why, const ApiCall *call)
    {
        ApiError error =
            badResponse(translated(QT_TRANSLATE_NOOP("mim::UsageListing", "The %1 could not be read: %2"))
                            .arg(listingName(kind), why));
        error.httpStatus = call->httpStatus();
        error.requestId = call->requestId();
        return error;
    }

    void endSource(UsageKind kind, const ApiError &error)
    {
        Source &s = source(kind);
        if (s.done)
            return;
        s.done = true;
        const QList<QPointer<ApiCall>> running = std::exchange(s.inFlight, {});
        for (const QPointer<ApiCall> &call : running) {
            if (call)
                call->cancel();
        }
        // What was read stays true even when the rest could not be: a known user is worth showing.
        m_listing->m_usage.addUsers(s.users);
        if (error.isError())
            m_listing->m_usage.setUnknown(kind, error);
        m_listing->m_skipped += s.skipped;
        m_listing->m_sourceFinished[index(kind)] = true;
        qCDebug(lcApi) << usageKindName(kind) << "listing finished:" << errorKindName(error.kind)
                       << s.users.size() << "entries in" << s.pass << "pass(es)";
        Q_EMIT m_listing->sourceFinished(kind);
        for (const Source &other : m_sources) {
            if (!other.done)
                return;
        }
        m_listing->m_finished = true;
        Q_EMIT m_listing->finished();
        m_listing->deleteLater();
    }

    QPointer<ApiClient> m_client;
    UsageListing *m_listing;
    int m_maxConcurrent;
    qint64 m_featureTotal = 0; // the total of the notebook feature being read
    std::array<Source, 3> m_sources;
};

UsageListing::UsageListing(QObject *parent)
    : QObject(parent)
{}

void UsageListing::cancel()
{
    if (!m_finished && m_cancel)
        m_cancel();
}

// ---------------------------------------------------------------------------------------------------------------
// ApiClient: the listings of what runs images

namespace {
const QByteArray UsageJsonContentType = QByteArrayLiteral("application/json");
const QByteArray UsageJsonBodyContentType = QByteArrayLiteral("application/json;charset=UTF-8");
} // namespace

ApiCall *ApiClient::listNotebooksPage(const QString &feature, qint64 offset, int limit,
                                      const QString &imageId)
{
    Request request;
    request.method = "GET";
    request.segments = {u"notebooks"_s};
    request.query = {{u"feature"_s, feature},
                     {u"limit"_s, QString::number(limit)},
                     {u"offset"_s, QString::number(offset)}};
    if (!imageId.isEmpty())
        request.query.append({u"image_id"_s, imageId});
    request.contentType = UsageJsonContentType;
    return start(std::move(request));
}

ApiCall *ApiClient::searchTrainingJobsPage(qint64 pageIndex, int limit)
{
    Request request;
    request.method = "POST";
    request.apiVersion = u"v2"_s;
    request.segments = {u"training-job-searches"_s};
    request.body = QJsonDocument(QJsonObject{{u"offset"_s, pageIndex},
                                             {u"limit"_s, limit},
                                             {u"sort_by"_s, u"create_time"_s},
                                             {u"order"_s, u"desc"_s}})
                       .toJson(QJsonDocument::Compact);
    request.contentType = UsageJsonBodyContentType;
    // A search: it reads and changes nothing, so repeating it is safe although it is a POST.
    request.idempotent = true;
    return start(std::move(request));
}

ApiCall *ApiClient::listServicesPage(qint64 offset, int limit)
{
    Request request;
    request.method = "GET";
    request.apiVersion = u"v2"_s;
    request.segments = {u"services"_s};
    request.query = {{u"limit"_s, QString::number(limit)}, {u"offset"_s, QString::number(offset)}};
    request.contentType = UsageJsonContentType;
    return start(std::move(request));
}

ApiCall *ApiClient::showService(const QString &id)
{
    Request request;
    request.method = "GET";
    request.apiVersion = u"v2"_s;
    request.segments = {u"services"_s, id};
    request.idParameter = id;
    request.contentType = UsageJsonContentType;
    return start(std::move(request));
}

UsageListing *ApiClient::listImageUsage()
{
    auto *listing = new UsageListing(m_shuttingDown ? nullptr : this);
    auto *driver = new UsageListingPrivate(this, listing);
    listing->m_cancel = [driver] { driver->cancel(); };
    // Every call finishes asynchronously, so the caller has time to connect before anything is emitted.
    driver->start();
    return listing;
}

} // namespace mim
