#pragma once

#include "models/api/ApiError.h"
#include "models/api/Clock.h"
#include "models/api/ConnectionSettings.h"
#include "models/api/Image.h"
#include "models/api/Workspace.h"

#include <functional>
#include <memory>
#include <optional>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkRequest;

namespace mim {

class PageWindow;
class SwrListing;
class TokenProvider;
class UsageListing;

// Query parameters of ListImage that the app uses.
struct ListQuery
{
    QString type = QStringLiteral("DEDICATED"); // DEDICATED | BUILD_IN
    QString name;
    bool nameFuzzyMatch = true;
    QString nameSpace;
    QString serviceType;
    // Empty: every workspace of the account (ListImage itself shows only the default "0" without one).
    QString workspaceId;
    QString sortKey;
    QString sortDir;

    QUrlQuery toUrlQuery() const;
};

// One API call, with its retries and authentication. Emits finished() exactly once, then deletes itself
// (read its results in the slot connected to finished()).
class ApiCall : public QObject
{
    Q_OBJECT
public:
    bool succeeded() const { return m_finished && !m_error.isError(); }
    bool isFinished() const { return m_finished; }
    const ApiError &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    const QByteArray &body() const { return m_body; }
    QString requestId() const { return m_requestId; }
    int attempts() const { return m_attempts; }
    // True when an attempt may have been carried out by the server without the client learning how it ended
    // (a timeout, a connection lost after sending, a body cut off or unreadable, a 500/502/504). A failed
    // call with this set may still have taken effect: a DELETE that ends so has an unknown outcome, not a
    // failed one.
    bool mayHaveTakenEffect() const { return m_answerLost; }
    // The server's certificate chain when the call failed on TLS, for showing to the user.
    QList<QSslCertificate> peerCertificateChain() const { return m_peerChain; }

    // A header of the last response, e.g. X-Subject-Token of an IAM login; empty when absent.
    QByteArray responseHeader(const QByteArray &name) const;

    QJsonObject json() const;
    // The body read as one image (ShowImage, DeleteImage, SyncImage, RegisterImage).
    std::optional<Image> image() const;
    // What a finished ShowImage says of its image: true when it is gone (ModelArts says it does not exist, or
    // shows it as DELETED), false when it is still there, nullopt when the server could not say.
    std::optional<bool> imageIsGone() const;

    // Stops the call; finished() follows with ErrorKind::Cancelled unless it already finished. It is emitted
    // before cancel() returns, like QNetworkReply::abort().
    void cancel();

Q_SIGNALS:
    void finished();
    // An attempt was answered 429 or 503 and will be repeated after retryAfterMs (-1: the server named no
    // delay). Lets a caller that runs many calls at once send fewer.
    void throttled(int retryAfterMs);

private:
    friend class ApiClient;
    explicit ApiCall(QObject *parent);
    void finish(const ApiError &error);

    bool m_finished = false;
    bool m_cancelled = false;
    ApiError m_error;
    int m_httpStatus = 0;
    QByteArray m_body;
    QString m_requestId;
    int m_attempts = 0;
    bool m_answerLost = false;
    QList<QSslCertificate> m_peerChain;
    QList<QPair<QByteArray, QByteArray>> m_responseHeaders;
    std::function<void()> m_abortCurrent;
};

// Lists every image matching a query: all pages, concurrently once the total is known, parsed off the
// GUI thread, de-duplicated by id. If the total moves while reading (someone else adds or deletes images)
// it reads again so that the result is one consistent picture. Deletes itself after finished().
class ImageListing : public QObject
{
    Q_OBJECT
public:
    const ApiError &error() const { return m_error; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    const QList<Image> &images() const { return m_images; }
    // Records the server sent but that could not be read, "offset N, record M: reason".
    const QStringList &skippedRecords() const { return m_skipped; }
    // The total the server reported on the first page of the last pass.
    qint64 total() const { return m_total; }
    // How many times everything was read. A pass is repeated when a page reports another total than the first
    // one or the unique records do not add up to the total; when 3 passes never agree the listing fails with
    // ErrorKind::BadResponse ("the list would be incomplete") and images() stays empty. progress() starts
    // again with each pass.
    int passes() const { return m_passes; }
    // A listing of every workspace (ListQuery::workspaceId empty) reads ListWorkspace first, then each
    // workspace's images, merged by id. These are the workspaces it read, the default "0" always among them;
    // empty for a listing of one workspace.
    const QList<Workspace> &workspaces() const { return m_workspaces; }
    // Set when ListWorkspace was refused (403, 404 or another refusal): only the default workspace "0" was
    // listed, and this says why the others could not be.
    const ApiError &workspaceError() const { return m_workspaceError; }
    // The most pages that were requested at once, and the window of pages in flight when it finished.
    int peakInFlight() const { return m_peakInFlight; }
    int window() const { return m_window; }

    // Bounds on what a server's numbers can make a listing do. A total beyond MaxImages, or one that would
    // take more than MaxPages requests at the page size the server really sends, fails the listing at once.
    static constexpr qint64 MaxImages = 1'000'000;
    static constexpr qint64 MaxPages = 20'000;
    // Aborts the pages in flight; finished() follows at once with ErrorKind::Cancelled.
    void cancel();

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    // The images of one page, as it arrives and before anything is de-duplicated: a page of a pass that is
    // read again, or of a listing that fails later, still arrives here. Only finished() says what the
    // account holds.
    void pageArrived(const QList<mim::Image> &images);
    // The number of pages that may be in flight changed (grown after good answers, halved on 429 or 503).
    void windowChanged(int window);
    void finished();

private:
    friend class ApiClient;
    friend class ImageListingPrivate;
    friend class WorkspacesListingPrivate;
    explicit ImageListing(QObject *parent);
    // Reports the size of `window` as window() and windowChanged() until this listing has finished.
    void followWindow(PageWindow *window);

    bool m_finished = false;
    ApiError m_error;
    QList<Image> m_images;
    QStringList m_skipped;
    qint64 m_total = 0;
    int m_passes = 0;
    QList<Workspace> m_workspaces;
    ApiError m_workspaceError;
    int m_peakInFlight = 0;
    int m_window = 0;
    std::function<void()> m_cancel;
};

// The ModelArts image API and the IAM calls it needs, over an injected QNetworkAccessManager.
// Signs with AK/SK or uses an IAM token; retries idempotent calls; refuses plain HTTP except to loopback.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    ApiClient(QNetworkAccessManager *network, const ConnectionSettings &settings, Clock clock = systemClock(),
              QObject *parent = nullptr);
    ~ApiClient() override;

    const ConnectionSettings &settings() const { return m_settings; }
    QString projectId() const { return m_settings.projectId; }
    // Bounds concurrent requests of the usage listing. It also fixes the image listing's window at `count`
    // pages in flight (for callers that need a fixed bound); setListingWindow() afterwards makes it adaptive
    // again.
    void setMaxConcurrentRequests(int count)
    {
        m_maxConcurrent = qMax(1, count);
        m_listingWindow = {m_maxConcurrent, m_maxConcurrent};
    }
    int maxConcurrentRequests() const { return m_maxConcurrent; }
    // The image listing's pages in flight: it starts at `initial` and grows up to `limit`, by one per good
    // answer until the server first throttles, then by one per round of good answers; a 429 or 503 halves it
    // and holds new pages back for the Retry-After the server named.
    struct ListingWindow
    {
        int initial = 4;
        int limit = 16;
    };
    void setListingWindow(int initial, int limit)
    {
        m_listingWindow.initial = qMax(1, initial);
        m_listingWindow.limit = qMax(m_listingWindow.initial, limit);
    }
    ListingWindow listingWindow() const { return m_listingWindow; }
    void setPageSize(int size) { m_pageSize = qMax(1, size); }
    int pageSize() const { return m_pageSize; }

    ApiCall *listImagesPage(const ListQuery &query, qint64 offset, int limit);
    ImageListing *listAllImages(const ListQuery &query);
    ApiCall *showImage(const QString &id);
    ApiCall *deleteImage(const QString &id, bool force);
    ApiCall *syncImage(const QString &id);
    ApiCall *registerImage(const QJsonObject &request);
    ApiCall *listImageGroups(const QUrlQuery &query);
    ApiCall *deleteImageGroup(const QString &id, bool force);
    ApiCall *updateImageGroup(const QString &id, const QJsonObject &request);
    // ListWorkspace: `pageIndex` is the page (the SDK calls offset "the first page"), `limit` its size.
    ApiCall *listWorkspacesPage(qint64 pageIndex, int limit);
    // Resolves the project id if needed, then lists one image: proves endpoint, credentials and project.
    ApiCall *testConnection();

    // What runs images (see models/api/Usage.h for the answers). ListNotebooks: `feature` NOTEBOOK or DEFAULT
    // (the free CodeLab instances), `limit` 10, 20 or 50, `offset` in records, `imageId` an optional filter.
    ApiCall *listNotebooksPage(const QString &feature, qint64 offset, int limit, const QString &imageId = {});
    // ListTrainingJobs: a read-only POST whose `offset` is a page index; `limit` at most 50.
    ApiCall *searchTrainingJobsPage(qint64 pageIndex, int limit);
    // ListServices: `offset` a multiple of `limit` (1 to 500).
    ApiCall *listServicesPage(qint64 offset, int limit);
    // ShowService: the images a service runs. Refused, with no request, unless `id` looks like an id.
    ApiCall *showService(const QString &id);
    // All three listings at once, with every service shown, into one ImageUsage index.
    UsageListing *listImageUsage();

    // SWR, the registry that stores the images' content (models/api/Swr.h reads the answers; SwrListing.h
    // pages through them). Every name goes into the path as one percent-encoded segment; a repository's "/"
    // is sent as "$", and a repository name that contains "$" is refused without a request.
    // ListNamespaces: {"namespaces": [...]}.
    ApiCall *listSwrNamespaces();
    // ListReposDetails, one page: `nameSpace` empty for every organization; `limit` at most 1,000.
    ApiCall *listSwrRepositoriesPage(const QString &nameSpace, qint64 offset, int limit);
    // ListRepositoryTags, one page; `limit` at most 1,000.
    ApiCall *listSwrTagsPage(const QString &nameSpace, const QString &repository, qint64 offset, int limit);
    // ShowDomainOverview.
    ApiCall *showSwrOverview();
    // DeleteRepoTag: 204 when deleted, 404 when the tag is not there (Swr::deleteOutcome() tells them
    // apart). Retried like DeleteImage: deleting a tag twice leaves the same state.
    ApiCall *deleteSwrTag(const QString &nameSpace, const QString &repository, const QString &tag);
    // Every page of the repositories (of one organization, or all) or of one repository's tags.
    SwrListing *listSwrRepositories(const QString &nameSpace = {});
    SwrListing *listSwrTags(const QString &nameSpace, const QString &repository);

Q_SIGNALS:
    // The project id was discovered through IAM (so the profile can remember it).
    void projectIdResolved(const QString &projectId);

private:
    friend class ImageListingPrivate;
    friend class WorkspacesListingPrivate;
    friend class UsageListingPrivate;
    friend class SwrListingPrivate;
    struct Request
    {
        QByteArray method;
        QStringList segments; // below /vN/{project_id} for ModelArts, from the root for IAM; one each
        QString idParameter;  // the resource id among the segments: refused unless it looks like one
        QList<QPair<QString, QString>> query; // decoded names and values
        QByteArray body;
        QByteArray contentType;
        bool idempotent = true;
        bool iam = false;
        // SWR: segments from the root of the SWR endpoint, signed like ModelArts (X-Project-Id) or the token.
        bool swr = false;
        // Set when a value could not be made into a path (e.g. an SWR repository name with "$"): nothing is
        // sent and the call fails with it.
        ApiError refusal;
        bool anonymous = false; // neither signed nor token-authenticated: the IAM password login
        // Judges a 2xx body off the GUI thread; false means malformed (retried like a truncated body). It may
        // keep what it parsed for the caller. Without it, a non-empty body must be JSON.
        std::function<bool(const QByteArray &body, QString *why)> bodyCheck;
        bool reloggedIn = false;
        // The version segment of a ModelArts path: training jobs and services are v2.
        QString apiVersion = QStringLiteral("v1");
    };
    struct Attempt;
    using RequestPtr = std::shared_ptr<Request>;

    static Request listRequest(const ListQuery &query, qint64 offset, int limit);
    // An SWR request of `segments`, then (when `afterRepository` is given) the repository's segment and
    // those.
    static Request swrRequest(const QByteArray &method, const QStringList &segments,
                              const QString &repository = {}, const QStringList &afterRepository = {});
    static Request swrRepositoriesRequest(const QString &nameSpace, qint64 offset, int limit);
    static Request swrTagsRequest(const QString &nameSpace, const QString &repository, qint64 offset,
                                  int limit);
    // The listing of one workspace (or of whatever ListImage shows for the query), its pages in flight
    // bounded by `window`, shared with the listings of the other workspaces (null: a window of its own).
    ImageListing *listImagesOf(const ListQuery &query, PageWindow *window);
    // A window of pages in flight as setListingWindow() configures it, held back at most for a Retry-After.
    PageWindow *newListingWindow(QObject *parent) const;
    static ApiError refusePath(const Request &request);
    ApiCall *start(Request request);
    void prepare(ApiCall *call, RequestPtr request, qint64 startedAtMs);
    // One HTTP attempt of the call: its request built, then sent.
    void attempt(ApiCall *call, RequestPtr request, qint64 startedAtMs);
    // The address, headers and signature (or token) of one attempt; nullopt with `refusal` when the request
    // must not be sent. Records what the answer is judged by (token, signing time, path) in `sent`.
    std::optional<QNetworkRequest> buildRequest(const Request &request, Attempt &sent,
                                                ApiError *refusal) const;
    void send(ApiCall *call, RequestPtr request, qint64 startedAtMs, const QNetworkRequest &networkRequest,
              std::shared_ptr<Attempt> sent);
    void onReplyFinished(ApiCall *call, RequestPtr request, qint64 startedAtMs,
                         std::shared_ptr<Attempt> sent);
    void checkBodyThenFinish(ApiCall *call, RequestPtr request, qint64 startedAtMs,
                             std::shared_ptr<Attempt> sent);
    // Repeats the call or finishes it with `error`, as retryDecision() says; retryAfterMs < 0: none.
    void retryOrFail(ApiCall *call, RequestPtr request, qint64 startedAtMs, const ApiError &error,
                     int retryAfterMs = -1);
    void finishCall(ApiCall *call, const ApiError &error);
    void whenProjectKnown(ApiCall *call, std::function<void(const ApiError &)> then);
    void discoverProject();
    void onProjectDiscovered(ApiCall *discovery);
    ApiError adoptProjectId(const QString &projectId);
    ApiCall *startLogin();
    QUrl baseUrl(const Request &request) const;
    qint64 elapsedMs() const;

    QNetworkAccessManager *network() const;
    // Qt opens at most six HTTP/1.1 connections to a host per manager, and the client speaks HTTP/1.1 (see
    // ApiRequestBuilder.cpp): of a listing window of 16 pages, ten would wait for a connection. A request
    // that finds six in flight on the first manager goes through another of the client's own, with six
    // connections more, so that what the window allows is really in flight.
    static constexpr int ConnectionsPerLane = 6;
    static constexpr int LaneCount = 4; // 24 connections: a listing window of 16 and the usage listing's 4
    int pickLane() const;
    QNetworkAccessManager *lane(int index);

    QPointer<QNetworkAccessManager> m_network;
    // With a custom CA file the client sends through a manager of its own: Qt binds the TLS configuration to
    // the connections it caches per host, so on a shared manager one profile's trust would apply to another's
    // requests (and a newly added CA would be ignored until the cached connection expires).
    QNetworkAccessManager *m_ownNetwork = nullptr;
    QNetworkAccessManager *m_extraLanes[LaneCount - 1] = {};
    int m_inFlightOnLane[LaneCount] = {};
    ConnectionSettings m_settings;
    Clock m_clock;
    std::unique_ptr<TokenProvider> m_tokens;
    int m_maxConcurrent = 4;
    ListingWindow m_listingWindow;
    int m_pageSize = 200;

    struct ProjectWaiter
    {
        QPointer<ApiCall> call;
        std::function<void(const ApiError &)> then;
    };
    QList<ProjectWaiter> m_projectWaiters;
    bool m_discoveryInFlight = false;
    bool m_shuttingDown = false;
    QSslConfiguration m_sslConfiguration;
    QString m_sslConfigurationError; // set when caCertificatesFile cannot be used: every call fails with it
    QElapsedTimer m_monotonic;       // retry budgets; m_clock may be skewed or pinned
    QRandomGenerator m_random;       // backoff jitter
};

} // namespace mim
