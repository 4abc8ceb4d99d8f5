#include "models/storage/SwrInventory.h"

#include "models/api/ApiClient.h"
#include "models/api/BackgroundPool.h"
#include "models/api/SwrListing.h"
#include "models/storage/StorageLogging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace mim {

namespace {

// Tag listings in flight at once: enough to hide the latency of one, few enough that SWR does not throttle
// an account with hundreds of repositories.
constexpr int MaxConcurrentTagListings = 4;
// From this many tags on, matching them against the images is done on a worker thread: 10,000 tags against
// as many images take longer than a frame.
constexpr qsizetype BackgroundBuildThreshold = 1000;

} // namespace

class SwrInventory::Private
{
public:
    explicit Private(SwrInventory *q)
        : q(q)
    {}

    SwrInventory *q;
    State state = State::Idle;
    StorageFacts facts;
    ApiError error;
    // Each load has its own generation: whatever arrives for an older one (a listing finishing as it is
    // cancelled, a build that ends after a new load began) is dropped.
    int generation = 0;

    QPointer<ApiClient> client;
    QList<Image> images;
    UsageSummary usage;
    QList<SwrNamespace> namespaces;
    QList<SwrRepository> repositories;
    QList<SwrTag> tags;
    qsizetype nextRepository = 0;
    int repositoriesDone = 0;
    int repositoriesToList = 0;
    QPointer<ApiCall> namespaceCall;
    QList<QPointer<SwrListing>> listings;
    QElapsedTimer timer;

    void setState(State newState)
    {
        if (state == newState)
            return;
        state = newState;
        Q_EMIT q->stateChanged(state);
    }

    void abortRequests()
    {
        ++generation; // first: a cancelled call finishes at once and must find its load gone
        if (namespaceCall)
            namespaceCall->cancel();
        const QList<QPointer<SwrListing>> running = std::exchange(listings, {});
        for (const QPointer<SwrListing> &listing : running) {
            if (listing)
                listing->cancel();
        }
    }

    void fail(const ApiError &failure)
    {
        abortRequests();
        error = failure;
        tags.clear();
        repositories.clear();
        qCInfo(lcStorage) << "SWR inventory failed:" << errorKindName(failure.kind) << failure.httpStatus
                          << failure.code;
        setState(State::Failed);
        Q_EMIT q->failed(error);
    }

    void listNamespaces()
    {
        const int loadGeneration = generation;
        ApiCall *call = client->listSwrNamespaces();
        namespaceCall = call;
        QObject::connect(call, &ApiCall::finished, q, [this, call, loadGeneration] {
            if (loadGeneration != generation)
                return;
            if (!call->succeeded())
                return fail(call->error());
            QString why;
            std::optional<QList<SwrNamespace>> read = Swr::parseNamespaces(call->body(), &why);
            if (!read)
                return fail(ApiError::make(ErrorKind::BadResponse, why));
            namespaces = std::move(*read);
            listRepositories();
        });
    }

    void listRepositories()
    {
        if (!client)
            return fail(cancelledError());
        const int loadGeneration = generation;
        SwrListing *listing = client->listSwrRepositories();
        listings.append(listing);
        QObject::connect(listing, &SwrListing::finished, q, [this, listing, loadGeneration] {
            if (loadGeneration != generation)
                return;
            listings.removeAll(listing);
            if (!listing->succeeded())
                return fail(listing->error());
            repositories = listing->repositories();
            repositoriesToList = int(repositories.size());
            Q_EMIT q->progress(0, repositoriesToList);
            fillTagListings();
        });
    }

    void fillTagListings()
    {
        while (listings.size() < MaxConcurrentTagListings && nextRepository < repositories.size()) {
            const SwrRepository &repository = repositories.at(nextRepository++);
            // A repository SWR says is empty has no tags to read; its record names them when it has any.
            if (repository.tagCount == 0 && repository.tags.isEmpty()) {
                repositoryDone();
                continue;
            }
            listTags(repository);
        }
        if (listings.isEmpty() && nextRepository >= repositories.size() && state == State::Loading)
            buildFacts();
    }

    void repositoryDone()
    {
        ++repositoriesDone;
        Q_EMIT q->progress(repositoriesDone, repositoriesToList);
    }

    void listTags(const SwrRepository &repository)
    {
        if (!client)
            return fail(cancelledError());
        const int loadGeneration = generation;
        SwrListing *listing = client->listSwrTags(repository.nameSpace, repository.name);
        listings.append(listing);
        QObject::connect(listing, &SwrListing::finished, q, [this, listing, loadGeneration] {
            if (loadGeneration != generation)
                return;
            listings.removeAll(listing);
            // A repository deleted since it was listed has no tags left: not a reason to give up the rest.
            if (!listing->succeeded() && listing->error().kind != ErrorKind::NotFound)
                return fail(listing->error());
            tags.append(listing->tags());
            repositoryDone();
            fillTagListings();
        });
    }

    void buildFacts()
    {
        const int loadGeneration = generation;
        const qsizetype tagCount = tags.size();
        auto build = [namespaces = namespaces, repositories = std::exchange(repositories, {}),
                      tags = std::exchange(tags, {}), images = images, usage = usage] {
            return StorageFacts::build(namespaces, repositories, tags, images, usage);
        };
        if (tagCount < BackgroundBuildThreshold)
            return finish(build());
        auto *watcher = new QFutureWatcher<StorageFacts>(q);
        QObject::connect(watcher, &QFutureWatcherBase::finished, q, [this, watcher, loadGeneration] {
            watcher->deleteLater();
            if (loadGeneration == generation)
                finish(watcher->future().takeResult());
        });
        watcher->setFuture(QtConcurrent::run(backgroundPool(), std::move(build)));
    }

    void finish(StorageFacts built)
    {
        facts = std::move(built);
        images.clear();
        usage = UsageSummary();
        qCInfo(lcStorage) << "SWR inventory loaded:" << facts.repositories.size() << "repositories,"
                          << facts.tags.size() << "tags in" << timer.elapsed() << "ms";
        setState(State::Loaded);
        Q_EMIT q->loaded();
    }

    static ApiError cancelledError()
    {
        return ApiError::make(
            ErrorKind::Cancelled,
            QCoreApplication::translate("mim::SwrInventory", "Loading SWR storage was cancelled."));
    }
};

SwrInventory::SwrInventory(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{}

SwrInventory::~SwrInventory()
{
    d->abortRequests();
}

void SwrInventory::load(ApiClient *client, const QList<Image> &images, const UsageSummary &usage)
{
    d->abortRequests();
    d->client = client;
    d->images = images;
    d->usage = usage;
    d->namespaces.clear();
    d->repositories.clear();
    d->tags.clear();
    d->nextRepository = 0;
    d->repositoriesDone = 0;
    d->repositoriesToList = 0;
    d->error = ApiError();
    d->timer.start();
    d->setState(State::Loading);
    if (!client)
        return d->fail(Private::cancelledError());
    d->listNamespaces();
}

void SwrInventory::cancel()
{
    if (d->state != State::Loading)
        return;
    d->fail(Private::cancelledError());
}

void SwrInventory::clear()
{
    d->abortRequests();
    d->client = nullptr;
    d->images.clear();
    d->usage = UsageSummary();
    d->namespaces.clear();
    d->repositories.clear();
    d->tags.clear();
    d->facts = StorageFacts();
    d->error = ApiError();
    d->setState(State::Idle);
}

SwrInventory::State SwrInventory::state() const
{
    return d->state;
}

const StorageFacts &SwrInventory::facts() const
{
    return d->facts;
}

const ApiError &SwrInventory::error() const
{
    return d->error;
}

bool SwrInventory::permissionDenied() const
{
    return d->state == State::Failed && d->error.kind == ErrorKind::Permission;
}

} // namespace mim
