#include "models/deletion/ImageGroupDeletion.h"

#include "models/api/ApiClient.h"
#include "models/common/ModelsLogging.h"
#include "models/deletion/DeletionJournal.h"

namespace mim {

ImageGroupDeletion::ImageGroupDeletion(ApiClient *client, DeletionJournal *journal, Clock clock,
                                       QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_clock(std::move(clock))
{}

void ImageGroupDeletion::setAccountContext(const QString &profileName, const QString &regionId,
                                           const QString &projectId)
{
    m_profileName = profileName;
    m_regionId = regionId;
    m_projectId = projectId;
}

bool ImageGroupDeletion::succeeded() const
{
    return !m_running && m_problem.isEmpty() && !m_summary.results.isEmpty() &&
           m_summary.count(DeletionResult::Outcome::Failed) == 0;
}

bool ImageGroupDeletion::start(const ImageGroup &group, const QList<Image> &versions, bool force)
{
    if (m_running)
        return false;
    m_running = true;
    m_group = group;
    m_force = force;
    m_summary = {};
    m_error = {};
    m_problem.clear();
    m_requests.clear();
    m_entryIds.clear();
    for (const Image &image : versions)
        m_requests.append(DeletionRequest{image, force && image.isPrivate()});

    // Early failures are reported from the event loop too, so finished() never comes before start() returns.
    const auto failSoon = [this](const QString &reason) {
        QMetaObject::invokeMethod(
            this,
            [this, reason] {
                finish(DeletionResult::Outcome::Failed, ApiError::make(ErrorKind::Cancelled, reason), {});
            },
            Qt::QueuedConnection);
    };
    if (!m_client) {
        failSoon(tr("Not connected to an account."));
        return true;
    }
    // Nothing is sent unless the journal could say so first: a deletion the journal does not know of would
    // be impossible to account for after a crash.
    if (m_journal) {
        for (const DeletionRequest &request : std::as_const(m_requests)) {
            const QString entryId =
                m_journal->recordIntent(request, m_profileName, m_regionId, m_projectId, m_clock());
            if (entryId.isEmpty()) {
                const QString reason = m_journal->lastError();
                // The intents already written are closed as not sent.
                for (const QString &written : std::as_const(m_entryIds)) {
                    DeletionResult cancelled;
                    cancelled.outcome = DeletionResult::Outcome::Cancelled;
                    m_journal->recordOutcome(written, cancelled, m_clock());
                }
                m_entryIds.clear();
                failSoon(reason);
                return true;
            }
            m_entryIds.append(entryId);
        }
    }

    qCInfo(lcModels) << "deleting image group" << group.id << "with" << versions.size() << "versions, force"
                     << force;
    ApiCall *call = m_client->deleteImageGroup(group.id, force);
    connect(call, &ApiCall::finished, this, [this, call] { onFinished(call); });
    return true;
}

void ImageGroupDeletion::onFinished(ApiCall *call)
{
    if (call->succeeded()) {
        finish(DeletionResult::Outcome::Deleted, {}, call->requestId());
    } else if (call->error().kind == ErrorKind::NotFound) {
        finish(DeletionResult::Outcome::AlreadyGone, call->error(), call->requestId());
    } else {
        finish(DeletionResult::Outcome::Failed, call->error(), call->requestId());
    }
}

void ImageGroupDeletion::finish(DeletionResult::Outcome outcome, const ApiError &error,
                                const QString &requestId)
{
    m_error = outcome == DeletionResult::Outcome::Failed ? error : ApiError{};
    if (outcome == DeletionResult::Outcome::Failed)
        m_problem =
            error.detail.isEmpty() || error.kind != ErrorKind::Cancelled ? error.fullText() : error.detail;
    for (qsizetype i = 0; i < m_requests.size(); ++i) {
        DeletionResult result;
        result.image = m_requests.at(i).image;
        result.force = m_requests.at(i).force;
        result.outcome = outcome;
        result.error = outcome == DeletionResult::Outcome::Failed ? error : ApiError{};
        result.requestId = requestId;
        if (m_journal && i < m_entryIds.size())
            m_journal->recordOutcome(m_entryIds.at(i), result, m_clock());
        m_summary.results.append(result);
    }
    if (outcome == DeletionResult::Outcome::Failed)
        qCWarning(lcModels) << "deleting image group" << m_group.id << "failed:" << m_problem;
    m_running = false;
    Q_EMIT finished();
}

} // namespace mim
