#pragma once

#include "models/api/Clock.h"
#include "models/api/ConnectionSettings.h"
#include "models/catalog/UsageSummary.h"
#include "models/deletion/Deletion.h"
#include "models/deletion/JournalReconciler.h"

#include <memory>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>

class QNetworkAccessManager;

namespace mim {

class ApiClient;
class DeletionJournal;
class DeletionQueue;
class ImageCatalog;
class ImageTableModel;
class ReportedSizeUnit;
class SwrInventory;
class UsageListing;

// Everything that belongs to the one connected account: its client, the catalog that fills the image table,
// the deletion queue with its journal, the reconciler of deletions left open, and the certificate probe.
// Opening another account (or closing this one) replaces the client everywhere at once and says so
// (accountChanged()); no request of the previous account is sent after that. The rules of the account's
// rows live here too: which rows are being deleted, where they go when a deletion ends, which images may be
// resynced.
class AccountSession : public QObject
{
    Q_OBJECT
public:
    // `images` is the table the catalog fills and the deletions update; not owned. `journalPath` is the
    // deletion journal (JSON Lines); empty: nothing is journalled nor reconciled.
    AccountSession(QNetworkAccessManager *network, ImageTableModel *images, const QString &journalPath,
                   Clock clock = systemClock(), QObject *parent = nullptr);
    ~AccountSession() override;

    // Connects to this account (replacing any other), starts loading its images and reconciles its
    // deletions left open. Running deletions of the previous account are stopped: those sent end unknown.
    void open(const QString &displayName, const ConnectionSettings &settings);
    // Forgets the account; the same as open() without a new one.
    void close();

    bool isOpen() const;
    QString displayName() const { return m_displayName; }
    const ConnectionSettings &connection() const { return m_connection; }
    // The account deletions started now are confirmed for; empty when none is open.
    DeletionAccount account() const;

    ApiClient *client() const;
    ImageTableModel *tableModel() const { return m_images; }
    ImageCatalog *catalog() const { return m_catalog; }
    DeletionQueue *deletionQueue() const { return m_queue; }
    DeletionJournal *journal() const { return m_journal.get(); }

    // Marks the rows as being deleted and hands the requests to the queue; nothing without an account.
    // A request naming an image that only the listing cache knows (not confirmed by the server yet) is
    // refused: it is logged and left out.
    void enqueueDeletions(const QList<DeletionRequest> &requests);
    // Whether asking ModelArts to check the image's status again makes sense.
    static bool isResyncable(const Image &image);
    // Asks the server to check these images again (those for which it makes sense); how many were asked.
    // Rows that only the listing cache knows are never asked for.
    int resync(const QList<Image> &images);

    // Who uses which image of this account: read (notebooks, training jobs, services) each time the images
    // are, concurrently; Unknown while being read, and where a listing failed. The table model gets it too.
    const UsageSummary &usage() const { return m_usage; }
    // Where the last complete listing of each account is kept between sessions (see ListingCache.h);
    // empty: none is read or written (demo mode, or the user switched it off). Applies from the next open().
    void setListingCacheDirectory(const QString &directory) { m_cacheDirectory = directory; }
    QString listingCacheDirectory() const { return m_cacheDirectory; }
    // The cache file of the open account; empty without one.
    QString listingCacheFile() const;

    // What SWR stores for this account, matched against its images: loaded only when asked (loadStorage()),
    // never with a refresh, as it takes a request per repository. The storage view and the delete
    // confirmation share it; emptied (Idle) when another account is opened.
    SwrInventory *storage() const { return m_storage; }
    // Loads it against the images shown now and their usage; a load that runs starts again.
    void loadStorage();
    // The unit this account's ModelArts `size` is read in: the documented KB until a loaded inventory's
    // comparison with the SWR tag sizes decides (StorageFacts::sizeUnit); reset when another account is
    // opened. The table model shows its Size column in it; every view that sums or shows sizes reads it here.
    ReportedSizeUnit *sizeUnit() const { return m_sizeUnit; }

    // Asks the server what became of this account's deletions the journal has no outcome for;
    // journalReconciled() follows when there were any.
    void reconcileJournal();
    // After a load failed on TLS: one small request brings the server's certificate chain back, and
    // certificateProblem() follows if it fails on TLS again.
    void probeCertificate();

Q_SIGNALS:
    // Another account was opened, or the account was closed: what was shown of the previous one is stale.
    void accountChanged();
    void journalReconciled(const QList<mim::ReconciliationResult> &results);
    void certificateProblem(const QString &host, const QList<QSslCertificate> &chain, const QString &problem);
    // usage() changed: a reading started or ended, or the account changed.
    void usageChanged();

private:
    void replaceClient(ApiClient *client);
    void loadListingCache();
    void saveListingCache();
    void onDeletionItemFinished(const DeletionResult &result);
    void startUsage();
    void stopUsage();
    void setUsage(const UsageSummary &usage);

    QNetworkAccessManager *m_network;
    QPointer<ImageTableModel> m_images;
    QString m_journalPath;
    Clock m_clock;
    std::unique_ptr<DeletionJournal> m_journal;
    ImageCatalog *m_catalog = nullptr;
    DeletionQueue *m_queue = nullptr;
    QPointer<ApiClient> m_client;
    QPointer<JournalReconciler> m_reconciler;
    QString m_displayName;
    ConnectionSettings m_connection;
    bool m_certificateProbeRunning = false;
    QPointer<UsageListing> m_usageListing;
    SwrInventory *m_storage = nullptr;
    ReportedSizeUnit *m_sizeUnit = nullptr;
    UsageSummary m_usage;
    QString m_cacheDirectory;
    QString m_openedProjectId; // as open() was given it, before any IAM discovery
    int m_openCount = 0;       // tells a cache read of an earlier account from the current one's
};

} // namespace mim
