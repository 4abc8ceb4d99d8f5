#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mim {

struct DeletionRequest;
struct DeletionResult;

// Append-only JSON Lines record of every deletion: an "intent" line before the request, an "outcome" line
// after, each flushed to disk before going on. Secrets never enter it.
class DeletionJournal
{
public:
    explicit DeletionJournal(QString filePath);

    QString filePath() const { return m_filePath; }
    // Returns the entry id that links the intent to its outcome, or an empty string when the journal
    // cannot be written (the caller must not send the request then).
    QString recordIntent(const DeletionRequest &request, const QString &profileName, const QString &regionId,
                         const QString &projectId, const QDateTime &time);
    bool recordOutcome(const QString &entryId, const DeletionResult &result, const QDateTime &time);
    // The outcome of an intent left unfinished by a crash, as found out from the server at the next start
    // ("deleted" or "not_deleted", marked "reconciled"), so that it is reported once.
    bool recordReconciledOutcome(const QString &entryId, const QString &imageId, bool deleted,
                                 const QDateTime &time);

    // Intents without an outcome (the app stopped mid-delete) or whose outcome is "unknown" (the request was
    // sent but its answer was lost).
    QList<QJsonObject> unfinishedIntents() const;
    QList<QJsonObject> readAll() const;
    // Same, and says which lines could not be read (a write cut short by a crash); those are skipped.
    QList<QJsonObject> readAll(QStringList *skippedLines) const;

    QString lastError() const { return m_lastError; }

private:
    bool append(const QJsonObject &line);

    QString m_filePath;
    QString m_lastError;
};

} // namespace mim
