#include "models/session/AccountSession.h"

#include "models/api/ApiClient.h"
#include "models/api/BackgroundPool.h"
#include "models/api/UsageListing.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageTableModel.h"
#include "models/catalog/ListingCache.h"
#include "models/common/Heap.h"
#include "models/common/ModelsLogging.h"
#include "models/deletion/DeletionJournal.h"
#include "models/deletion/DeletionQueue.h"
#include "models/storage/ReportedSizeUnit.h"
#include "models/storage/SwrInventory.h"

#include <algorithm>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace mim {

AccountSession::AccountSession(QNetworkAccessManager *network, ImageTableModel *images,
                               const QString &journalPath, Clock clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_images(images)
    , m_journalPath(journalPath)
    , m_clock(std::move(clock))
    , m_journal(std::make_unique<DeletionJournal>(journalPath))
{
    m_catalog = new ImageCatalog(images, m_clock, this);
    m_queue = new DeletionQueue(m_journal.get(), m_clock, this);
    m_storage = new SwrInventory(this);
    m_sizeUnit = new ReportedSizeUnit(this);
    if (images)
        images->setSizeUnit(m_sizeUnit);
    // Only a finished inventory has compared anything; while one loads again the last inference stands.
    connect(m_storage, &SwrInventory::stateChanged, this, [this](SwrInventory::State state) {
        if (state == SwrInventory::State::Loaded)
            m_sizeUnit->setInference(m_storage->facts().sizeUnit);
    });
    connect(m_queue, &DeletionQueue::itemFinished, this, &AccountSession::onDeletionItemFinished);
    connect(m_catalog, &ImageCatalog::refreshStarted, this, &AccountSession::startUsage);
    connect(m_catalog, &ImageCatalog::loaded, this, &AccountSession::saveListingCache);
}

AccountSession::~AccountSession()
{
    // The queue writes to the journal and both it and the catalog hold calls of the client: end them first,
    // in that order, while everything they point at still exists.
    stopUsage();
    delete m_reconciler;
    delete m_queue;
    m_queue = nullptr;
    delete m_catalog;
    m_catalog = nullptr;
    delete m_storage;
    m_storage = nullptr;
    delete m_client;
}

bool AccountSession::isOpen() const
{
    return m_client != nullptr;
}

ApiClient *AccountSession::client() const
{
    return m_client;
}

DeletionAccount AccountSession::account() const
{
    if (!m_client)
        return {};
    return {m_displayName, m_connection.regionId, m_connection.projectId};
}

void AccountSession::replaceClient(ApiClient *client)
{
    if (m_queue->isRunning())
        m_queue->cancel();
    m_catalog->setClient(nullptr);
    m_queue->setClient(nullptr);
    if (m_reconciler) {
        m_reconciler->deleteLater();
        m_reconciler = nullptr;
    }
    stopUsage();
    m_storage->clear();
    // What the previous account's SWR showed says nothing about this one's `size`.
    m_sizeUnit->reset();
    if (m_client)
        m_client->deleteLater();
    m_certificateProbeRunning = false;
    // What the previous account ran says nothing about this one's images.
    setUsage(UsageSummary());
    m_client = client;
    m_catalog->setClient(client);
    m_queue->setClient(client);
}

void AccountSession::open(const QString &displayName, const ConnectionSettings &settings)
{
    m_displayName = displayName;
    m_connection = settings;
    m_openedProjectId = settings.projectId;
    auto *client = new ApiClient(m_network, settings, m_clock, this);
    replaceClient(client);
    connect(client, &ApiClient::projectIdResolved, this, [this](const QString &projectId) {
        m_connection.projectId = projectId;
        m_queue->setAccountContext(m_displayName, m_connection.regionId, projectId);
        reconcileJournal();
    });
    m_queue->setAccountContext(displayName, settings.regionId, settings.projectId);
    qCInfo(lcModels) << "session: opening" << displayName << "region" << settings.regionId;
    ++m_openCount;
    m_catalog->refresh();
    loadListingCache();
    reconcileJournal();
    Q_EMIT accountChanged();
}

namespace {

// The identity the account was opened with: a project id resolved since would make the next start, which
// opens it the same way, miss its own file.
listingcache::Identity cacheIdentity(const QString &displayName, const ConnectionSettings &settings,
                                     const QString &openedProjectId)
{
    return {displayName, settings.modelArtsEndpoint.toString(), settings.regionId, openedProjectId};
}

} // namespace

QString AccountSession::listingCacheFile() const
{
    if (m_cacheDirectory.isEmpty() || !m_client)
        return {};
    return listingcache::fileFor(m_cacheDirectory, m_displayName);
}

void AccountSession::loadListingCache()
{
    const QString path = listingCacheFile();
    if (path.isEmpty())
        return;
    // Reading and preparing 100,000 images takes longer than a frame: on a worker thread.
    m_catalog->awaitCached();
    using Loaded = std::optional<std::pair<QDateTime, ImageTableModel::Growth>>;
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, opened = m_openCount] {
        watcher->deleteLater();
        Loaded loaded = watcher->future().takeResult();
        // Another account since: its catalog started over.
        if (opened != m_openCount)
            return;
        if (!loaded)
            return m_catalog->cacheUnavailable();
        m_catalog->showCached(std::move(loaded->second), loaded->first);
    });
    // Sorted there too, into a snapshot of the empty table: the GUI thread only inserts the rows.
    watcher->setFuture(QtConcurrent::run(
        backgroundPool(),
        [path, identity = cacheIdentity(m_displayName, m_connection, m_openedProjectId),
         base = m_images->growthBase()]() mutable -> Loaded {
            std::optional<listingcache::Snapshot> snapshot = listingcache::load(path, identity);
            if (!snapshot)
                return std::nullopt;
            return std::make_pair(
                snapshot->asOf,
                ImageTableModel::growCached(
                    std::move(base),
                    ImageTableModel::prepare(snapshot->images, ImageTableModel::RowActivity::None)));
        }));
}

void AccountSession::saveListingCache()
{
    const QString path = listingCacheFile();
    if (path.isEmpty() || !m_images || !m_catalog->isComplete())
        return;
    // The images are copied on the worker thread too: 100,000 of them take the GUI thread 100 ms and more.
    (void)QtConcurrent::run(
        backgroundPool(), [path, identity = cacheIdentity(m_displayName, m_connection, m_openedProjectId),
                           asOf = m_catalog->lastRefreshed(), rows = m_images->imagesSnapshot()]() mutable {
            listingcache::save(path, identity, listingcache::Snapshot{asOf, rows.images()});
            // Writing 100,000 images freed tens of megabytes (their copy, the text table, the file's bytes)
            // that glibc would otherwise keep: 60 to 80 MB more resident after a start from the cache.
            giveFreeHeapBack();
        });
}

void AccountSession::close()
{
    replaceClient(nullptr);
    m_displayName.clear();
    m_connection = {};
    Q_EMIT accountChanged();
}

void AccountSession::enqueueDeletions(const QList<DeletionRequest> &requests)
{
    if (requests.isEmpty() || !m_client)
        return;
    QList<DeletionRequest> confirmed;
    for (const DeletionRequest &request : requests) {
        const QList<Image> images = request.images();
        const bool cachedOnly = std::any_of(images.cbegin(), images.cend(), [this](const Image &image) {
            return m_images->isCachedOnly(image.id);
        });
        if (cachedOnly)
            qCWarning(lcModels) << "session: refusing to delete images the server has not confirmed yet";
        else
            confirmed.append(request);
    }
    if (confirmed.isEmpty())
        return;
    for (const DeletionRequest &request : std::as_const(confirmed)) {
        for (const Image &image : request.images())
            m_images->setRowActivity(image.id, ImageTableModel::RowActivity::Deleting);
    }
    qCInfo(lcModels) << "session: deleting" << confirmed.size() << "requests";
    m_queue->enqueue(confirmed);
}

void AccountSession::onDeletionItemFinished(const DeletionResult &result)
{
    if (!m_images)
        return;
    switch (result.outcome) {
    case DeletionResult::Outcome::Deleted:
    case DeletionResult::Outcome::AlreadyGone:
        m_images->removeImage(result.image.id);
        break;
    case DeletionResult::Outcome::Failed:
    case DeletionResult::Outcome::Cancelled:
    case DeletionResult::Outcome::Unknown: // the row stays until the server says it is gone
        if (const int row = m_images->rowOfId(result.image.id);
            row >= 0 && m_images->rowActivity(result.image.id) == ImageTableModel::RowActivity::Deleting) {
            // Back to what it was: a settling image is watched again.
            const bool settling = m_images->imageAt(row).isSettling();
            m_images->setRowActivity(result.image.id, settling ? ImageTableModel::RowActivity::Polling
                                                               : ImageTableModel::RowActivity::None);
        }
        break;
    }
}

void AccountSession::startUsage()
{
    if (!m_client)
        return;
    stopUsage();
    setUsage(UsageSummary::loadingAfter(m_usage));
    UsageListing *listing = m_client->listImageUsage();
    m_usageListing = listing;
    connect(listing, &UsageListing::finished, this, [this, listing] {
        if (listing != m_usageListing)
            return;
        m_usageListing = nullptr;
        const ImageUsage &usage = listing->usage();
        for (const UsageKind kind : AllUsageKinds) {
            if (!usage.isKnown(kind))
                qCInfo(lcModels) << "session: usage of" << usageKindName(kind)
                                 << "unknown:" << errorKindName(usage.unknownReason(kind).kind)
                                 << usage.unknownReason(kind).code;
        }
        setUsage(UsageSummary(usage, false));
    });
}

void AccountSession::stopUsage()
{
    UsageListing *listing = m_usageListing;
    if (!listing)
        return;
    m_usageListing = nullptr;
    // Its finished() is for nobody now; it deletes itself once it has ended.
    disconnect(listing, nullptr, this, nullptr);
    listing->cancel();
}

void AccountSession::setUsage(const UsageSummary &usage)
{
    m_usage = usage;
    if (m_images)
        m_images->setUsage(usage);
    Q_EMIT usageChanged();
}

bool AccountSession::isResyncable(const Image &image)
{
    const QString &status = image.status;
    return status == u"INIT" || status == u"CREATING" || status == u"ERROR" || status == u"CREATE_FAILED";
}

int AccountSession::resync(const QList<Image> &images)
{
    if (!m_client)
        return 0;
    int asked = 0;
    for (const Image &image : images) {
        if (!isResyncable(image) || (m_images && m_images->isCachedOnly(image.id)))
            continue;
        m_catalog->resync(image.id);
        ++asked;
    }
    return asked;
}

void AccountSession::loadStorage()
{
    if (!m_client)
        return;
    m_storage->load(m_client, m_images ? m_images->images() : QList<Image>(), m_usage);
}

void AccountSession::reconcileJournal()
{
    if (!m_client || m_connection.projectId.isEmpty() || m_journalPath.isEmpty())
        return;
    if (m_reconciler)
        m_reconciler->deleteLater();
    auto *reconciler = new JournalReconciler(m_journal.get(), m_client, m_clock, this);
    reconciler->setAccountContext(m_displayName, m_connection.regionId, m_connection.projectId);
    m_reconciler = reconciler;
    connect(reconciler, &JournalReconciler::finished, this,
            [this, reconciler](const QList<ReconciliationResult> &results) {
                reconciler->deleteLater();
                if (!results.isEmpty())
                    Q_EMIT journalReconciled(results);
            });
    reconciler->start();
}

void AccountSession::probeCertificate()
{
    if (!m_client || m_certificateProbeRunning)
        return;
    // The failed listing's calls are gone; one small request brings the certificate chain back to show.
    m_certificateProbeRunning = true;
    ApiCall *probe = m_client->listImagesPage(ListQuery(), 0, 1);
    const QString host = m_connection.modelArtsEndpoint.host();
    connect(probe, &ApiCall::finished, this, [this, probe, host] {
        m_certificateProbeRunning = false;
        if (probe->error().kind != ErrorKind::Tls)
            return;
        const QString problem =
            probe->error().detail.isEmpty() ? probe->error().summary() : probe->error().detail;
        Q_EMIT certificateProblem(host, probe->peerCertificateChain(), problem);
    });
}

} // namespace mim
