#pragma once

#include "models/api/ApiError.h"
#include "models/api/Clock.h"
#include "models/deletion/Deletion.h"
#include "models/groups/ImageGroup.h"

#include <QObject>
#include <QPointer>

namespace mim {

class ApiCall;
class ApiClient;
class DeletionJournal;

// Deletes one image group (DeleteImageGroup: every version at once) and records it in the deletion journal
// like the deletion queue does: an intent line per version before the request, an outcome line per version
// after. The server deletes all versions or none (it refuses when a version is in use), so every version
// gets the same outcome. One deletion at a time.
class ImageGroupDeletion : public QObject
{
    Q_OBJECT
public:
    // The journal is not owned and may be nullptr (nothing recorded).
    ImageGroupDeletion(ApiClient *client, DeletionJournal *journal, Clock clock = systemClock(),
                       QObject *parent = nullptr);

    void setAccountContext(const QString &profileName, const QString &regionId, const QString &projectId);

    // `versions` are the images of the group as confirmed by the user; `force` also deletes the SWR content
    // of the private ones. Returns false (and finished() does not follow) when a deletion is running already.
    bool start(const ImageGroup &group, const QList<Image> &versions, bool force);
    bool isRunning() const { return m_running; }

    const ImageGroup &group() const { return m_group; }
    bool force() const { return m_force; }
    // One result per version: Deleted, AlreadyGone (the group was gone already) or Failed.
    const DeletionSummary &summary() const { return m_summary; }
    const ApiError &error() const { return m_error; }
    // Why nothing was deleted, in the user's language; empty after success.
    QString problem() const { return m_problem; }
    bool succeeded() const;

Q_SIGNALS:
    void finished();

private:
    void onFinished(ApiCall *call);
    void finish(DeletionResult::Outcome outcome, const ApiError &error, const QString &requestId);

    QPointer<ApiClient> m_client;
    DeletionJournal *m_journal;
    Clock m_clock;
    QString m_profileName, m_regionId, m_projectId;
    ImageGroup m_group;
    QList<DeletionRequest> m_requests;
    QStringList m_entryIds;
    bool m_force = false;
    bool m_running = false;
    DeletionSummary m_summary;
    ApiError m_error;
    QString m_problem;
};

} // namespace mim
