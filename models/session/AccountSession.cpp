#include "models/session/AccountSession.h"

#include "models/api/ApiClient.h"
#include "models/api/UsageListing.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageTableModel.h"
#include "models/common/ModelsLogging.h"
#include "models/deletion/DeletionJournal.h"
#include "models/deletion/DeletionQueue.h"

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
    connect(m_queue, &DeletionQueue::itemFinished, this, &AccountSession::onDeletionItemFinished);
    connect(m_catalog, &ImageCatalog::refreshStarted, this, &AccountSession::startUsage);
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
    auto *client = new ApiClient(m_network, settings, m_clock, this);
    replaceClient(client);
    connect(client, &ApiClient::projectIdResolved, this, [this](const QString &projectId) {
        m_connection.projectId = projectId;
        m_queue->setAccountContext(m_displayName, m_connection.regionId, projectId);
        reconcileJournal();
    });
    m_queue->setAccountContext(displayName, settings.regionId, settings.projectId);
    qCInfo(lcModels) << "session: opening" << displayName << "region" << settings.regionId;
    m_catalog->refresh();
    reconcileJournal();
    Q_EMIT accountChanged();
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
    for (const DeletionRequest &request : requests) {
        for (const Image &image : request.images())
            m_images->setRowActivity(image.id, ImageTableModel::RowActivity::Deleting);
    }
    qCInfo(lcModels) << "session: deleting" << requests.size() << "requests";
    m_queue->enqueue(requests);
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
        if (!isResyncable(image))
            continue;
        m_catalog->resync(image.id);
        ++asked;
    }
    return asked;
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
