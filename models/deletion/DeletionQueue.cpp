#include "models/deletion/DeletionQueue.h"

#include "models/api/ApiClient.h"
#include "models/common/ModelsLogging.h"
#include "models/deletion/DeletionJournal.h"

#include <algorithm>
#include <QTimer>

using namespace Qt::StringLiterals;

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

bool DeletionQueue::isInRun(const DeletionRequest &request) const
{
    if (request.isGroup() && m_groupsInRun.contains(request.group->id))
        return true;
    const QList<Image> images = request.images();
    return std::any_of(images.cbegin(), images.cend(),
                       [this](const Image &image) { return m_idsInRun.contains(image.id); });
}

void DeletionQueue::enqueue(const QList<DeletionRequest> &requests)
{
    QList<DeletionRequest> accepted;
    int images = 0;
    for (const DeletionRequest &request : requests) {
        const QList<Image> of = request.images();
        const bool incomplete =
            of.isEmpty() || (request.isGroup() && request.group->id.isEmpty()) ||
            std::any_of(of.cbegin(), of.cend(), [](const Image &i) { return i.id.isEmpty(); });
        if (incomplete || isInRun(request))
            continue;
        for (const Image &image : of)
            m_idsInRun.insert(image.id);
        if (request.isGroup())
            m_groupsInRun.insert(request.group->id);
        accepted.append(request);
        images += int(of.size());
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
        m_roundsUsed.clear();
    }
    m_pending.append(accepted);
    m_total += images;
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

QList<DeletionResult> DeletionQueue::resultsFor(const DeletionRequest &request,
                                                DeletionResult::Outcome outcome, const ApiError &error,
                                                const QString &requestId)
{
    QList<DeletionResult> results;
    for (const Image &image : request.images())
        results.append(
            DeletionResult{image, request.forceFor(image), outcome, error, requestId, request.group});
    return results;
}

void DeletionQueue::cancel()
{
    const QList<DeletionRequest> unsent = std::exchange(m_pending, {});
    for (const DeletionRequest &request : unsent) {
        // Never sent, so never journalled: the journal only records requests that could reach the server.
        const QList<DeletionResult> results =
            resultsFor(request, DeletionResult::Outcome::Cancelled,
                       ApiError::make(ErrorKind::Cancelled, tr("Cancelled before it was sent.")));
        for (const DeletionResult &result : results)
            finishItem(result, {});
    }
    // Waiting for another round: sent and failed, their outcome already journalled.
    const QHash<QString, Waiting> waiting = std::exchange(m_waiting, {});
    for (const Waiting &item : waiting) {
        for (const DeletionResult &result : item.results)
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
    const auto failUnsent = [this, &request](const QString &why) {
        const QList<DeletionResult> results =
            resultsFor(request, DeletionResult::Outcome::Failed, ApiError::make(ErrorKind::Cancelled, why));
        for (const DeletionResult &result : results)
            finishItem(result, {});
    };
    if (!m_client)
        return failUnsent(tr("No account is connected."));

    const QList<Image> images = request.images();
    QStringList entryIds;
    if (m_journal) {
        const DeletionGroup *group = request.isGroup() ? &*request.group : nullptr;
        for (const Image &image : images) {
            const QString entryId = m_journal->recordIntent(
                image, request.forceFor(image), group, m_profileName, m_regionId, m_projectId, m_clock());
            if (entryId.isEmpty()) {
                // The intents already written are closed as not sent.
                for (qsizetype i = 0; i < entryIds.size(); ++i) {
                    DeletionResult cancelled{images.at(i),
                                             request.forceFor(images.at(i)),
                                             DeletionResult::Outcome::Cancelled,
                                             {},
                                             {},
                                             request.group};
                    m_journal->recordOutcome(entryIds.at(i), cancelled, m_clock());
                }
                // Without a record of the intent a crash could leave a deletion nobody knows about: do not
                // send.
                return failUnsent(tr("The image was not deleted because the deletion journal could not be "
                                     "written: %1")
                                      .arg(m_journal->lastError()));
            }
            entryIds.append(entryId);
        }
    }

    ApiCall *call = request.isGroup() ? m_client->deleteImageGroup(request.group->id, request.force)
                                      : m_client->deleteImage(request.image.id, request.force);
    track(call, InFlight{request, entryIds, {}, 0});
    if (request.isGroup())
        qCInfo(lcModels) << "deleting image group" << request.group->id << "with" << images.size()
                         << "versions, force" << request.force;
    else
        qCDebug(lcModels) << "deleting" << request.image.id << "force" << request.force;
    for (const Image &image : images)
        Q_EMIT itemStarted(image.id);
}

void DeletionQueue::track(ApiCall *call, const InFlight &item)
{
    m_inFlight.insert(call, item);
    connect(call, &ApiCall::finished, this, [this, call] { onCallFinished(call); });
    connect(call, &QObject::destroyed, this, [this, call] { onCallDestroyed(call); });
}

void DeletionQueue::onCallFinished(ApiCall *call)
{
    const auto it = m_inFlight.find(call);
    if (it == m_inFlight.end())
        return;
    const InFlight item = it.value();
    m_inFlight.erase(it);
    if (!item.checking.isEmpty())
        return onCheckFinished(call, item);

    ApiError error = call->error();
    DeletionResult::Outcome outcome = DeletionResult::Outcome::Failed;
    switch (error.kind) {
    case ErrorKind::None:
        outcome = DeletionResult::Outcome::Deleted;
        break;
    case ErrorKind::NotFound:
        outcome = DeletionResult::Outcome::AlreadyGone;
        break;
    case ErrorKind::Cancelled:
        // Closing the client cancels its calls. One that had made an attempt may have been carried out by the
        // server even though its answer is lost; only one that never left is truly cancelled.
        if (call->attempts() > 0) {
            outcome = DeletionResult::Outcome::Unknown;
            error = ApiError::make(ErrorKind::Cancelled, unknownOutcomeReason());
        } else {
            outcome = DeletionResult::Outcome::Cancelled;
        }
        break;
    default:
        // An attempt whose answer was lost may have deleted the image (or group) although the last one
        // failed: ask.
        if (call->mayHaveTakenEffect() && m_client)
            return checkWithServer(item, resultsFor(item.request, outcome, error, call->requestId()));
        break;
    }
    finishAndGoOn(item.request, resultsFor(item.request, outcome, error, call->requestId()), item.entryIds,
                  call->error().kind == ErrorKind::Cancelled);
}

void DeletionQueue::checkWithServer(InFlight item, const QList<DeletionResult> &failed)
{
    if (item.checking.isEmpty()) {
        qCInfo(lcModels) << "deleting"
                         << (item.request.isGroup() ? item.request.group->id : item.request.image.id)
                         << "ended with" << errorKindName(failed.constFirst().error.kind)
                         << "after an attempt whose answer was lost: asking the server";
        item.checking = failed;
        item.checked = 0;
    }
    // A group's versions are asked about one by one: each image's own answer is its result.
    track(m_client->showImage(item.checking.at(item.checked).image.id), item);
}

void DeletionQueue::onCheckFinished(ApiCall *call, InFlight item)
{
    DeletionResult &result = item.checking[item.checked];
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
    ++item.checked;
    const bool clientClosed = call->error().kind == ErrorKind::Cancelled;
    if (item.checked < item.checking.size() && !clientClosed && m_client)
        return checkWithServer(item, {});
    // Those not asked about (the client went away) stay unknown.
    for (qsizetype i = item.checked; i < item.checking.size(); ++i)
        item.checking[i].outcome = DeletionResult::Outcome::Unknown;
    finishAndGoOn(item.request, item.checking, item.entryIds, clientClosed);
}

void DeletionQueue::finishAndGoOn(const DeletionRequest &request, const QList<DeletionResult> &results,
                                  const QStringList &entryIds, bool clientClosed)
{
    if (!clientClosed && retryLater(request, results, entryIds))
        return pump();
    for (qsizetype i = 0; i < results.size(); ++i)
        finishItem(results.at(i), entryIds.value(i));
    // Only closing the client cancels its calls: the requests not sent yet must not go through it.
    if (clientClosed)
        return cancel();
    pump();
}

QString DeletionQueue::retryKey(const DeletionRequest &request)
{
    return request.isGroup() ? u"group:"_s + request.group->id : u"image:"_s + request.image.id;
}

bool DeletionQueue::retryLater(const DeletionRequest &request, const QList<DeletionResult> &results,
                               const QStringList &entryIds)
{
    if (!m_client || results.isEmpty())
        return false;
    // Failed, not Unknown: an answer that was lost and not settled by ShowImage is never sent again blindly.
    const bool transient = std::all_of(results.cbegin(), results.cend(), [](const DeletionResult &result) {
        return result.outcome == DeletionResult::Outcome::Failed && result.error.isTransient();
    });
    if (!transient)
        return false;
    const QString key = retryKey(request);
    int &used = m_roundsUsed[key];
    if (used >= RetryRounds)
        return false;
    ++used;
    // This attempt ends here; the next one writes an intent of its own.
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QString entryId = entryIds.value(i);
        if (!entryId.isEmpty() && m_journal && !m_journal->recordOutcome(entryId, results.at(i), m_clock()))
            qCWarning(lcModels) << "could not journal the outcome of" << results.at(i).image.id
                                << m_journal->lastError();
    }
    qCInfo(lcModels) << "deleting" << key << "failed:" << errorKindName(results.constFirst().error.kind)
                     << results.constFirst().error.httpStatus << "- trying again, round" << used;
    m_waiting.insert(key, Waiting{request, results});
    // The client already waited between its own attempts; a server that is still overloaded gets its
    // longest pause before the next round.
    QTimer::singleShot(m_client->settings().retry.maxDelayMs, this, [this, key] { resumeRetry(key); });
    return true;
}

void DeletionQueue::resumeRetry(const QString &key)
{
    const auto it = m_waiting.find(key);
    if (it == m_waiting.end())
        return; // cancelled meanwhile
    m_pending.append(it->request);
    m_waiting.erase(it);
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
    const QList<DeletionResult> results =
        resultsFor(item.request, DeletionResult::Outcome::Unknown,
                   ApiError::make(ErrorKind::Cancelled, unknownOutcomeReason()));
    for (qsizetype i = 0; i < results.size(); ++i)
        finishItem(results.at(i), item.entryIds.value(i));
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
    if (result.group)
        m_groupsInRun.remove(result.group->id);
    ++m_done;
    m_summary.results.append(result);
    Q_EMIT itemFinished(result);
    Q_EMIT progress(m_done, m_total);
}

void DeletionQueue::finishRunIfDrained()
{
    if (!m_running || !m_pending.isEmpty() || !m_inFlight.isEmpty() || !m_waiting.isEmpty())
        return;
    m_running = false;
    Q_EMIT finished(m_summary);
}

} // namespace mim
