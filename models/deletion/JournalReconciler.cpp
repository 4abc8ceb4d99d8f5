#include "models/deletion/JournalReconciler.h"

#include "models/api/ApiClient.h"
#include "models/api/BackgroundPool.h"
#include "models/api/Image.h"
#include "models/api/SwrListing.h"
#include "models/common/Formatting.h"
#include "models/common/ModelsLogging.h"
#include "models/deletion/DeletionJournal.h"

#include <QFutureWatcher>
#include <QtConcurrentRun>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

QString tagNameOf(const QJsonObject &intent)
{
    return intent.value("namespace"_L1).toString() + u'/' + intent.value("repository"_L1).toString() + u':' +
           intent.value("tag"_L1).toString();
}

} // namespace

QString ReconciliationResult::description() const
{
    if (!swrTag.isEmpty()) {
        const QString tag = Formatting::visibleText(swrTag);
        switch (outcome) {
        case Outcome::WasDeleted:
            return tr("The SWR tag %1 was deleted.").arg(tag);
        case Outcome::WasNotDeleted:
            return tr("The SWR tag %1 was not deleted; it is still there.").arg(tag);
        case Outcome::Unknown:
            break;
        }
        return tr("Whether the SWR tag %1 was deleted is unknown (%2); the app will ask again at the next "
                  "start.")
            .arg(tag, error.summary());
    }
    // Names and ids come from the server: each stays on its line and cannot reorder the sentence.
    const QString id = Formatting::visibleText(imageId);
    const QString image = imageName.isEmpty() ? id : u"%1 (%2)"_s.arg(Formatting::visibleText(imageName), id);
    switch (outcome) {
    case Outcome::WasDeleted:
        return tr("%1 was deleted.").arg(image);
    case Outcome::WasNotDeleted:
        return tr("%1 was not deleted; it is still there.").arg(image);
    case Outcome::Unknown:
        break;
    }
    return tr("Whether %1 was deleted is unknown (%2); the app will ask again at the next start.")
        .arg(image, error.summary());
}

JournalReconciler::JournalReconciler(DeletionJournal *journal, ApiClient *client, Clock clock,
                                     QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_client(client)
    , m_clock(std::move(clock))
    , m_compactionThreshold(DeletionJournal::DefaultCompactionThreshold)
{}

JournalReconciler::~JournalReconciler()
{
    if (m_current) {
        disconnect(m_current, nullptr, this, nullptr);
        m_current->cancel();
    }
    if (m_currentListing) {
        disconnect(m_currentListing, nullptr, this, nullptr);
        m_currentListing->cancel();
    }
}

void JournalReconciler::setAccountContext(const QString &profileName, const QString &regionId,
                                          const QString &projectId)
{
    m_profileName = profileName;
    m_regionId = regionId;
    m_projectId = projectId;
}

QList<QJsonObject> JournalReconciler::pendingIntents() const
{
    if (!m_journal)
        return {};
    return ofThisAccount(m_journal->unfinishedIntents());
}

QList<QJsonObject> JournalReconciler::ofThisAccount(const QList<QJsonObject> &unfinished) const
{
    QList<QJsonObject> pending;
    for (const QJsonObject &intent : unfinished) {
        if (intent.value("profile"_L1).toString() == m_profileName &&
            intent.value("region"_L1).toString() == m_regionId &&
            intent.value("project"_L1).toString() == m_projectId)
            pending.append(intent);
    }
    return pending;
}

void JournalReconciler::start()
{
    if (m_running)
        return;
    m_running = true;
    m_results.clear();
    m_queue.clear();
    if (!m_journal) {
        // Always asynchronous, so callers can connect after start() too.
        QTimer::singleShot(0, this, &JournalReconciler::askNext);
        return;
    }
    // A journal of a long history is large: it is read, and compacted, away from the GUI thread. The worker
    // has its own DeletionJournal on the same file; the lock file keeps it from racing this run's appends.
    const QString path = m_journal->filePath();
    const qint64 threshold = m_compactionThreshold;
    const QDateTime now = m_clock();
    auto *watcher = new QFutureWatcher<QList<QJsonObject>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        onJournalRead(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [path, threshold, now] {
        DeletionJournal journal(path);
        QList<QJsonObject> unfinished;
        if (journal.compactIfLarger(threshold, now, &unfinished) == DeletionJournal::Compaction::Failed)
            unfinished = journal.unfinishedIntents(); // compaction can wait; the read cannot
        return unfinished;
    }));
}

void JournalReconciler::onJournalRead(const QList<QJsonObject> &unfinished)
{
    for (const QJsonObject &intent : ofThisAccount(unfinished)) {
        if (!m_journal || !m_journal->isInFlightHere(intent.value("entry"_L1).toString()))
            m_queue.append(intent);
    }
    if (!m_queue.isEmpty())
        qCInfo(lcModels) << "journal: reconciling" << m_queue.size() << "unfinished deletions";
    askNext();
}

void JournalReconciler::askNext()
{
    if (m_queue.isEmpty() || !m_client) {
        for (const QJsonObject &intent : std::as_const(m_queue)) {
            // The client went away: whatever is left stays for the next start.
            ReconciliationResult result;
            result.entryId = intent.value("entry"_L1).toString();
            result.imageId = intent.value("image"_L1).toObject().value("id"_L1).toString();
            if (DeletionJournal::isTagEntry(intent))
                result.swrTag = tagNameOf(intent);
            result.error = ApiError::make(ErrorKind::Cancelled, tr("The account was closed."));
            m_results.append(result);
        }
        m_queue.clear();
        m_running = false;
        Q_EMIT finished(m_results);
        return;
    }
    const QJsonObject &next = m_queue.first();
    if (DeletionJournal::isTagEntry(next)) {
        // SWR has no call that shows one tag: the tag is gone when its repository's listing lacks it.
        SwrListing *listing = m_client->listSwrTags(next.value("namespace"_L1).toString(),
                                                    next.value("repository"_L1).toString());
        m_currentListing = listing;
        connect(listing, &SwrListing::finished, this, [this, listing] { onTagsListed(listing); });
        return;
    }
    const QString id = next.value("image"_L1).toObject().value("id"_L1).toString();
    m_current = m_client->showImage(id);
    ApiCall *call = m_current;
    connect(call, &ApiCall::finished, this, [this, call] { onShowFinished(call); });
}

void JournalReconciler::onShowFinished(ApiCall *call)
{
    m_current = nullptr;
    const QJsonObject intent = m_queue.takeFirst();
    const QJsonObject imageJson = intent.value("image"_L1).toObject();
    ReconciliationResult result;
    result.entryId = intent.value("entry"_L1).toString();
    result.imageId = imageJson.value("id"_L1).toString();
    result.force = intent.value("force"_L1).toBool();
    if (const std::optional<Image> confirmed = Image::fromJson(imageJson))
        result.imageName = confirmed->nameAndTag();

    if (const std::optional<bool> gone = call->imageIsGone()) {
        result.outcome =
            *gone ? ReconciliationResult::Outcome::WasDeleted : ReconciliationResult::Outcome::WasNotDeleted;
    } else if (call->succeeded()) {
        result.error = ApiError::make(ErrorKind::BadResponse, tr("The server's answer could not be read."));
    } else {
        result.error = call->error();
    }

    if (result.outcome != ReconciliationResult::Outcome::Unknown && m_journal) {
        const bool deleted = result.outcome == ReconciliationResult::Outcome::WasDeleted;
        if (!m_journal->recordReconciledOutcome(result.entryId, result.imageId, deleted, m_clock())) {
            // Reported now, and again at the next start: better twice than never.
            qCWarning(lcModels) << "journal: cannot record a reconciled outcome:" << m_journal->lastError();
        }
    }
    qCInfo(lcModels) << "journal: reconciled" << result.imageId << int(result.outcome);
    m_results.append(result);
    askNext();
}

void JournalReconciler::onTagsListed(SwrListing *listing)
{
    m_currentListing = nullptr;
    const QJsonObject intent = m_queue.takeFirst();
    ReconciliationResult result;
    result.entryId = intent.value("entry"_L1).toString();
    result.swrTag = tagNameOf(intent);
    const QString tag = intent.value("tag"_L1).toString();
    if (listing->succeeded()) {
        const QList<SwrTag> &tags = listing->tags();
        const bool present = std::any_of(tags.cbegin(), tags.cend(),
                                         [&tag](const SwrTag &listed) { return listed.tag == tag; });
        result.outcome = present ? ReconciliationResult::Outcome::WasNotDeleted
                                 : ReconciliationResult::Outcome::WasDeleted;
    } else if (listing->error().kind == ErrorKind::NotFound) {
        // SWR's own 404: the repository (or organization) is gone, and the tag with it.
        result.outcome = ReconciliationResult::Outcome::WasDeleted;
    } else {
        result.error = listing->error();
    }

    if (result.outcome != ReconciliationResult::Outcome::Unknown && m_journal) {
        const bool deleted = result.outcome == ReconciliationResult::Outcome::WasDeleted;
        if (!m_journal->recordReconciledTagOutcome(result.entryId, result.swrTag, deleted, m_clock()))
            qCWarning(lcModels) << "journal: cannot record a reconciled outcome:" << m_journal->lastError();
    }
    qCInfo(lcModels) << "journal: reconciled an SWR tag" << int(result.outcome);
    m_results.append(result);
    askNext();
}

} // namespace mim
