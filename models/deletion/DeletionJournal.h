#pragma once

#include <optional>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace mim {

struct Image;
struct DeletionGroup;
struct DeletionRequest;
struct DeletionResult;
struct StoredTag;
struct TagDeletionResult;

// Append-only JSON Lines record of every deletion: an "intent" line before the request, an "outcome" line
// after, each flushed to disk before going on. Secrets never enter it. The journal, its archives and its
// folder are private to the user (0600 and 0700 on Unix): they name accounts, endpoints and images.
//
// Finished entries are moved to dated archives beside it (compactIfLarger()), so that reading it at start-up
// stays cheap. Several instances, threads or processes may use the same file: appends and compaction take
// the same lock file, so a compaction never drops a line appended while it runs.
class DeletionJournal
{
public:
    // A journal larger than this is compacted when an account is opened.
    static constexpr qint64 DefaultCompactionThreshold = 4 * 1024 * 1024;
    // Archives kept beside the journal; the oldest go first.
    static constexpr int KeptArchives = 5;

    enum class Compaction
    {
        NotNeeded, // not larger than the threshold (or no journal)
        Done,
        Failed, // lastError() says why; the journal is unchanged
    };

    explicit DeletionJournal(QString filePath);

    QString filePath() const { return m_filePath; }
    // Returns the entry id that links the intent to its outcome, or an empty string when the journal
    // cannot be written (the caller must not send the request then).
    QString recordIntent(const DeletionRequest &request, const QString &profileName, const QString &regionId,
                         const QString &projectId, const QDateTime &time);
    // The intent of one image of a request: a version of a group request names its group ("group"), so
    // that the line says why an image that was not selected on its own was deleted. Lines without it (all
    // lines written before groups were journalled so) are images deleted on their own.
    QString recordIntent(const Image &image, bool force, const DeletionGroup *group,
                         const QString &profileName, const QString &regionId, const QString &projectId,
                         const QDateTime &time);
    // The group an intent line names, if any.
    static std::optional<DeletionGroup> groupOfIntent(const QJsonObject &intent);
    bool recordOutcome(const QString &entryId, const DeletionResult &result, const QDateTime &time);
    // The outcome of an intent left unfinished by a crash, as found out from the server at the next start
    // ("deleted" or "not_deleted", marked "reconciled"), so that it is reported once.
    bool recordReconciledOutcome(const QString &entryId, const QString &imageId, bool deleted,
                                 const QDateTime &time);

    // SWR tags (TagDeletionQueue) share the file: their lines say "kind": "swr_tag" and name the tag
    // ("namespace", "repository", "tag"); lines without a kind (all image lines) are images.
    QString recordTagIntent(const StoredTag &tag, const QString &profileName, const QString &regionId,
                            const QString &projectId, const QDateTime &time);
    bool recordTagOutcome(const QString &entryId, const TagDeletionResult &result, const QDateTime &time);
    // The outcome of a tag intent left unfinished, as found by listing its repository's tags at the next
    // start.
    bool recordReconciledTagOutcome(const QString &entryId, const QString &tagName, bool deleted,
                                    const QDateTime &time);
    // True for the lines of an SWR tag's entry.
    static bool isTagEntry(const QJsonObject &line);

    // Intents without a final outcome (the app stopped mid-delete), in journal order. An outcome "unknown"
    // (the request's fate was not learnt) does not finish an intent. Reads the file line by line and keeps
    // only the open intents: the finished history is never held in memory.
    QList<QJsonObject> unfinishedIntents() const;
    QList<QJsonObject> readAll() const;
    // Same, and says which lines could not be read (a write cut short by a crash); those are skipped.
    QList<QJsonObject> readAll(QStringList *skippedLines) const;

    // When the journal is larger than thresholdBytes, appends every finished entry (intent and outcome
    // lines) to the archive of now's day, then replaces the journal with the unfinished entries' lines only.
    // The archive reaches the disk before the journal is replaced, and the new journal is written whole
    // before it takes the old one's place: a crash at any point loses no unfinished intent. Unreadable lines
    // (cut short by a crash) are dropped. The unfinished intents found are put in *unfinished when given.
    Compaction compactIfLarger(qint64 thresholdBytes, const QDateTime &now,
                               QList<QJsonObject> *unfinished = nullptr);
    // The archives beside this journal, oldest first.
    QStringList archivePaths() const;

    QString lastError() const { return m_lastError; }

    // True for an entry whose intent this instance recorded and whose outcome it has not: its request is
    // still running in this process, not one that was cut short, so nobody must reconcile it yet.
    bool isInFlightHere(const QString &entryId) const { return m_inFlightEntries.contains(entryId); }

private:
    bool append(const QJsonObject &line);
    QString archivePath(const QDate &date) const;
    void removeOldArchives();

    QString m_filePath;
    QString m_lastError;
    bool m_madePrivate = false;
    QSet<QString> m_inFlightEntries;
};

} // namespace mim
