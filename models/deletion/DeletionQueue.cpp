#include "models/deletion/DeletionQueue.h"

#include "models/api/ApiClient.h"
#include "models/common/ModelsLogging.h"
#include "models/deletion/DeletionJournal.h"

#include <algorithm>
#include <QTimer>

namespace mim {

QString DeletionQueue::unknownOutcomeReason()
{
    return tr("The request was sent, but the connection to the account was closed before the answer came.");
}

DeletionQueue::DeletionQueue(DeletionJournal *journal, QObject *parent)
    : DeletionQueue(journal, systemClock(), parent)
{}

DeletionQueue::DeletionQueue(DeletionJournal *journal, Clock clock, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_clock(std::move(clock))
{}

void DeletionQueue::setClient(ApiClient *client)
{
    m_client = client;
}

void DeletionQueue::setAccountContext(const QString &profileName, const QString &regionId,
                                      const QString &projectId)
{
    m_profileName = profileName;
    m_regionId = regionId;
    m_projectId = projectId;
}

void DeletionQueue::setMaxConcurrent(int count)
{
    m_maxConcurrent = qMax(1, count);
    if (m_running)
        pump();
}

bool DeletionQueue::isRunning() const
{
    return m_running;
}

void DeletionQueue::enqueue(const QList<DeletionRequest> &requests)
{
    QList<DeletionRequest> accepted;
    for (const DeletionRequest &request : requests) {
        if (request.image.id.isEmpty() || m_idsInRun.contains(request.image.id))
            continue;
        m_idsInRun.insert(request.image.id);
        accepted.append(request);
    }
    if (accepted.isEmpty())
        return;

    const bool starting = !m_running;
    if (starting) {
        m_running = true;
        m_done = 0;
        m_total = 0;
        m_summary = {};
        m_summary.account = account();
    }
    m_pending.append(accepted);
    m_total += int(accepted.size());
    if (starting)
        Q_EMIT started(m_total);
    else
        Q_EMIT progress(m_done, m_total);

    // Requests go out from the event loop, so that whoever called enqueue() sees every signal of the run.
    if (!m_pumpScheduled) {
        m_pumpScheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_pumpScheduled = false;
            pump();
        });
    }
}

void DeletionQueue::cancel()
{
    const QList<DeletionRequest> unsent = std::exchange(m_pending, {});
    for (const DeletionRequest &request : unsent) {
        DeletionResult result;
        result.image = request.image;
        result.force = request.force;
        result.outcome = DeletionResult::Outcome::Cancelled;
        result.error = ApiError::make(ErrorKind::Cancelled, tr("Cancelled before it was sent."));
        // Never sent, so never journalled: the journal only records requests that could reach the server.
        finishItem(result, {});
    }
    finishRunIfDrained();
}

void DeletionQueue::pump()
{
    while (!m_pending.isEmpty() && m_inFlight.size() < m_maxConcurrent)
        startNext(m_pending.takeFirst());
    finishRunIfDrained();
}

void DeletionQueue::startNext(const DeletionRequest &request)
{
    if (!m_client) {
        DeletionResult result{request.image,
                              request.force,
                              DeletionResult::Outcome::Failed,
                              ApiError::make(ErrorKind::Cancelled, tr("No account is connected.")),
                              {}};
        finishItem(result, {});
        return;
    }

    QString entryId;
    if (m_journal) {
        entryId = m_journal->recordIntent(request, m_profileName, m_regionId, m_projectId, m_clock());
        if (entryId.isEmpty()) {
            // Without a record of the intent a crash could leave a deletion nobody knows about: do not send.
            const QString why = tr("The image was not deleted because the deletion journal could not be "
                                   "written: %1")
                                    .arg(m_journal->lastError());
            DeletionResult result{request.image,
                                  request.force,
                                  DeletionResult::Outcome::Failed,
                                  ApiError::make(ErrorKind::Cancelled, why),
                                  {}};
            finishItem(result, {});
            return;
        }
    }

    ApiCall *call = m_client->deleteImage(request.image.id, request.force);
    m_inFlight.insert(call, InFlight{request, entryId, std::nullopt});
    connect(call, &ApiCall::finished, this, [this, call] { onCallFinished(call); });
    connect(call, &QObject::destroyed, this, [this, call] { onCallDestroyed(call); });
    qCDebug(lcModels) << "deleting" << request.image.id << "force" << request.force;
    Q_EMIT itemStarted(request.image.id);
}

void DeletionQueue::onCallFinished(ApiCall *call)
{
    const auto it = m_inFlight.find(call);
    if (it == m_inFlight.end())
        return;
    const InFlight item = it.value();
    m_inFlight.erase(it);
    if (item.checking)
        return onCheckFinished(call, item);

    DeletionResult result;
    result.image = item.request.image;
    result.force = item.request.force;
    result.requestId = call->requestId();
    result.error = call->error();
    switch (result.error.kind) {
    case ErrorKind::None:
        result.outcome = DeletionResult::Outcome::Deleted;
        break;
    case ErrorKind::NotFound:
        result.outcome = DeletionResult::Outcome::AlreadyGone;
        break;
    case ErrorKind::Cancelled:
        // Closing the client cancels its calls. One that had made an attempt may have been carried out by the
        // server even though its answer is lost; only one that never left is truly cancelled.
        if (call->attempts() > 0) {
            result.outcome = DeletionResult::Outcome::Unknown;
            result.error = ApiError::make(ErrorKind::Cancelled, unknownOutcomeReason());
        } else {
            result.outcome = DeletionResult::Outcome::Cancelled;
        }
        break;
    default:
        result.outcome = DeletionResult::Outcome::Failed;
        // An attempt whose answer was lost may have deleted the image although the last one failed: ask.
        if (call->mayHaveTakenEffect() && m_client)
            return checkWithServer(item, result);
        break;
    }
    finishAndGoOn(result, item.entryId, call->error().kind == ErrorKind::Cancelled);
}

void DeletionQueue::checkWithServer(const InFlight &item, const DeletionResult &failed)
{
    qCInfo(lcModels) << "deleting" << failed.image.id << "ended with" << errorKindName(failed.error.kind)
                     << "after an attempt whose answer was lost: asking the server";
    InFlight checking = item;
    checking.checking = failed;
    ApiCall *call = m_client->showImage(item.request.image.id);
    m_inFlight.insert(call, checking);
    connect(call, &ApiCall::finished, this, [this, call] { onCallFinished(call); });
    connect(call, &QObject::destroyed, this, [this, call] { onCallDestroyed(call); });
}

void DeletionQueue::onCheckFinished(ApiCall *call, const InFlight &item)
{
    DeletionResult result = *item.checking;
    const std::optional<bool> gone = call->imageIsGone();
    if (!gone) {
        result.outcome = DeletionResult::Outcome::Unknown; // no answer to the question either: the reconciler
    } else if (*gone) {
        // Gone now, and it was there when the user confirmed: the lost answer was the deletion's.
        result.outcome = DeletionResult::Outcome::Deleted;
        result.error = {};
    } else {
        result.outcome = DeletionResult::Outcome::Failed; // still there: the failure is real, Retry may help
    }
    finishAndGoOn(result, item.entryId, call->error().kind == ErrorKind::Cancelled);
}

void DeletionQueue::finishAndGoOn(const DeletionResult &result, const QString &entryId, bool clientClosed)
{
    finishItem(result, entryId);
    // Only closing the client cancels its calls: the requests not sent yet must not go through it.
    if (clientClosed)
        return cancel();
    pump();
}

void DeletionQueue::onCallDestroyed(ApiCall *call)
{
    // A call normally finishes before it goes away; one destroyed with its client never will. Whether it
    // was sent cannot be asked of a destroyed call, so its outcome is unknown.
    const auto it = m_inFlight.find(call);
    if (it == m_inFlight.end())
        return;
    const InFlight item = it.value();
    m_inFlight.erase(it);
    DeletionResult result{item.request.image,
                          item.request.force,
                          DeletionResult::Outcome::Unknown,
                          ApiError::make(ErrorKind::Cancelled, unknownOutcomeReason()),
                          {}};
    finishItem(result, item.entryId);
    cancel();
}

void DeletionQueue::finishItem(DeletionResult result, const QString &entryId)
{
    if (!entryId.isEmpty() && m_journal && !m_journal->recordOutcome(entryId, result, m_clock()))
        qCWarning(lcModels) << "could not journal the outcome of" << result.image.id
                            << m_journal->lastError();
    if (result.outcome == DeletionResult::Outcome::Failed)
        qCInfo(lcModels) << "deleting" << result.image.id << "failed:" << errorKindName(result.error.kind)
                         << result.error.code << result.error.message << result.error.detail;
    m_idsInRun.remove(result.image.id);
    ++m_done;
    m_summary.results.append(result);
    Q_EMIT itemFinished(result);
    Q_EMIT progress(m_done, m_total);
}

void DeletionQueue::finishRunIfDrained()
{
    if (!m_running || !m_pending.isEmpty() || !m_inFlight.isEmpty())
        return;
    m_running = false;
    Q_EMIT finished(m_summary);
}

} // namespace mim
