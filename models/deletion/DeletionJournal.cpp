#include "models/deletion/DeletionJournal.h"

#include "models/common/ModelsLogging.h"
#include "models/common/PrivateFiles.h"
#include "models/deletion/Deletion.h"
#include "models/storage/TagDeletionQueue.h"

#include <algorithm>
#include <cerrno>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLockFile>
#include <QSaveFile>
#include <QSet>
#include <QUuid>

#if defined(Q_OS_WIN)
#include <io.h>
#include <windows.h>
#elif defined(Q_OS_UNIX)
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace mim {

namespace {

constexpr int JournalVersion = 1;

QString tr(const char *text)
{
    return QCoreApplication::translate("mim::DeletionJournal", text);
}

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString outcomeName(DeletionResult::Outcome outcome)
{
    switch (outcome) {
    case DeletionResult::Outcome::Deleted:
        return u"deleted"_s;
    case DeletionResult::Outcome::AlreadyGone:
        return u"already_gone"_s;
    case DeletionResult::Outcome::Failed:
        return u"failed"_s;
    case DeletionResult::Outcome::Cancelled:
        return u"cancelled"_s;
    case DeletionResult::Outcome::Unknown:
        return u"unknown"_s;
    }
    return u"failed"_s;
}

// A tag's deletion is journalled in the words of an image's, so the outcome it equals names it.
QString outcomeName(Swr::DeleteOutcome outcome)
{
    switch (outcome) {
    case Swr::DeleteOutcome::Deleted:
        return outcomeName(DeletionResult::Outcome::Deleted);
    case Swr::DeleteOutcome::AlreadyGone:
        return outcomeName(DeletionResult::Outcome::AlreadyGone);
    case Swr::DeleteOutcome::Failed:
        return outcomeName(DeletionResult::Outcome::Failed);
    case Swr::DeleteOutcome::Unknown:
        return outcomeName(DeletionResult::Outcome::Unknown);
    }
    return outcomeName(DeletionResult::Outcome::Failed);
}

const QString TagKind = u"swr_tag"_s;

// Forces the written bytes to the disk, not just the OS cache: the journal must survive a power cut.
bool syncToDisk(QFileDevice &file)
{
#if defined(Q_OS_WIN)
    const auto handle = reinterpret_cast<HANDLE>(_get_osfhandle(file.handle()));
    return handle != INVALID_HANDLE_VALUE && FlushFileBuffers(handle);
#elif defined(Q_OS_MACOS)
    // On macOS fsync() only hands the data to the drive, whose cache may still lose it at a power cut;
    // F_FULLFSYNC asks the drive to flush too. Some file systems (network, FAT) refuse it: fsync is then
    // the most there is.
    if (::fcntl(file.handle(), F_FULLFSYNC) == 0)
        return true;
    return ::fsync(file.handle()) == 0;
#elif defined(Q_OS_UNIX)
    return ::fsync(file.handle()) == 0;
#else
    Q_UNUSED(file)
    return true;
#endif
}

// A new file's directory entry must reach the disk as well, or the file may vanish after a crash.
void syncDirectory(const QString &directory)
{
#if defined(Q_OS_UNIX)
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
#if defined(Q_OS_MACOS)
        if (::fcntl(fd, F_FULLFSYNC) != 0) // see syncToDisk()
#endif
            ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(directory)
#endif
}

// True when the file is empty or its last byte ends a line. A crash mid-write can leave a partial line;
// the next record must start on a line of its own or it would be glued to the garbage and lost too.
bool endsWithNewline(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() == 0)
        return true;
    if (!file.seek(file.size() - 1))
        return true;
    char last = 0;
    return !file.getChar(&last) || last == '\n';
}

// Serialises appends and compaction on one journal file across instances, threads and processes: a
// compaction must not replace the file while a line is being appended to the old one. On Unix an flock on
// a lock file beside the journal, which the kernel releases when a process dies; elsewhere a QLockFile.
class JournalLock
{
public:
    explicit JournalLock(const QString &journalPath)
        : m_path(journalPath + u".lock"_s)
#if !defined(Q_OS_UNIX)
        , m_lock(m_path)
#endif
    {}
    ~JournalLock()
    {
#if defined(Q_OS_UNIX)
        if (m_fd >= 0)
            ::close(m_fd); // releases the flock
#endif
    }
    JournalLock(const JournalLock &) = delete;
    JournalLock &operator=(const JournalLock &) = delete;

    // Waits for the other holder; false (and why) when the lock file cannot be used at all.
    bool lock(QString *reason)
    {
#if defined(Q_OS_UNIX)
        m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (m_fd < 0) {
            *reason = qt_error_string(errno);
            return false;
        }
        int result = 0;
        do
            result = ::flock(m_fd, LOCK_EX);
        while (result != 0 && errno == EINTR);
        if (result != 0) {
            *reason = qt_error_string(errno);
            return false;
        }
        return true;
#else
        if (m_lock.tryLock(30'000))
            return true;
        *reason = QCoreApplication::translate("mim::DeletionJournal", "Another process keeps it locked.");
        return false;
#endif
    }

private:
    QString m_path;
#if defined(Q_OS_UNIX)
    int m_fd = -1;
#else
    QLockFile m_lock;
#endif
};

// Reads a journal file line by line; unreadable lines are reported and skipped.
class LineReader
{
public:
    explicit LineReader(const QString &path)
        : m_file(path)
    {}
    bool open() { return m_file.open(QIODevice::ReadOnly); }
    QString errorString() const { return m_file.errorString(); }

    // The next readable line, with its raw bytes (without the newline); false at the end.
    bool next(QJsonObject *object, QByteArray *raw = nullptr, QStringList *skippedLines = nullptr)
    {
        while (!m_file.atEnd()) {
            const QByteArray line = m_file.readLine().trimmed();
            ++m_lineNumber;
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line, &error);
            if (error.error != QJsonParseError::NoError || !document.isObject()) {
                // Typically the last line of a write interrupted by a crash.
                const QString reason =
                    error.error != QJsonParseError::NoError
                        ? error.errorString()
                        : QCoreApplication::translate("mim::DeletionJournal", "not a JSON object");
                qCWarning(lcModels) << "journal: skipping unreadable line" << m_lineNumber << reason;
                if (skippedLines)
                    skippedLines->append(QCoreApplication::translate("mim::DeletionJournal", "Line %1: %2")
                                             .arg(m_lineNumber)
                                             .arg(reason));
                continue;
            }
            *object = document.object();
            if (raw)
                *raw = line;
            return true;
        }
        return false;
    }

private:
    QFile m_file;
    int m_lineNumber = 0;
};

// An outcome line that ends its entry. "unknown" does not: the server was never heard from.
bool isFinalOutcome(const QJsonObject &line)
{
    return line.value("phase"_L1).toString() == "outcome"_L1 &&
           line.value("outcome"_L1).toString() != "unknown"_L1;
}

// The open intents of a journal file, in file order; only those are ever held.
struct OpenIntents
{
    void add(const QJsonObject &line)
    {
        const QString phase = line.value("phase"_L1).toString();
        if (phase == "intent"_L1) {
            const QString entry = line.value("entry"_L1).toString();
            if (!entry.isEmpty() && !intents.contains(entry))
                intents.insert(entry, {sequence++, line});
        } else if (isFinalOutcome(line)) {
            intents.remove(line.value("entry"_L1).toString());
        }
    }
    QList<QJsonObject> inOrder() const
    {
        QList<std::pair<qint64, QJsonObject>> ordered;
        ordered.reserve(intents.size());
        for (auto it = intents.cbegin(); it != intents.cend(); ++it)
            ordered.append(it.value());
        std::sort(ordered.begin(), ordered.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        QList<QJsonObject> result;
        result.reserve(ordered.size());
        for (const auto &item : std::as_const(ordered))
            result.append(item.second);
        return result;
    }

    QHash<QString, std::pair<qint64, QJsonObject>> intents;
    qint64 sequence = 0;
};

} // namespace

DeletionJournal::DeletionJournal(QString filePath)
    : m_filePath(std::move(filePath))
{}

QString DeletionJournal::recordIntent(const DeletionRequest &request, const QString &profileName,
                                      const QString &regionId, const QString &projectId,
                                      const QDateTime &time)
{
    Q_ASSERT(!request.isGroup()); // a group's versions are journalled one by one
    return recordIntent(request.image, request.force, nullptr, profileName, regionId, projectId, time);
}

QString DeletionJournal::recordIntent(const Image &image, bool force, const DeletionGroup *group,
                                      const QString &profileName, const QString &regionId,
                                      const QString &projectId, const QDateTime &time)
{
    const QString entryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // Only the image's public metadata and the account's names: never a credential.
    QJsonObject line{
        {u"v"_s, JournalVersion},     {u"entry"_s, entryId},        {u"phase"_s, u"intent"_s},
        {u"time"_s, timestamp(time)}, {u"profile"_s, profileName},  {u"region"_s, regionId},
        {u"project"_s, projectId},    {u"image"_s, image.toJson()}, {u"force"_s, force},
    };
    if (group)
        line.insert(
            u"group"_s,
            QJsonObject{{u"id"_s, group->id}, {u"name"_s, group->name}, {u"namespace"_s, group->nameSpace}});
    if (!append(line))
        return {};
    m_inFlightEntries.insert(entryId);
    return entryId;
}

std::optional<DeletionGroup> DeletionJournal::groupOfIntent(const QJsonObject &intent)
{
    const QJsonValue value = intent.value("group"_L1);
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject group = value.toObject();
    return DeletionGroup{group.value("id"_L1).toString(), group.value("name"_L1).toString(),
                         group.value("namespace"_L1).toString()};
}

bool DeletionJournal::recordOutcome(const QString &entryId, const DeletionResult &result,
                                    const QDateTime &time)
{
    const QJsonObject line{
        {u"v"_s, JournalVersion},
        {u"entry"_s, entryId},
        {u"phase"_s, u"outcome"_s},
        {u"time"_s, timestamp(time)},
        {u"image_id"_s, result.image.id},
        {u"outcome"_s, outcomeName(result.outcome)},
        {u"error_code"_s, result.error.code},
        {u"error_msg"_s, result.error.message},
        {u"http_status"_s, result.error.httpStatus},
        {u"request_id"_s, result.requestId.isEmpty() ? result.error.requestId : result.requestId},
    };
    // Its request is over, whatever the line says: an "unknown" outcome is for the reconciler to settle.
    m_inFlightEntries.remove(entryId);
    return append(line);
}

bool DeletionJournal::recordReconciledOutcome(const QString &entryId, const QString &imageId, bool deleted,
                                              const QDateTime &time)
{
    const QJsonObject line{
        {u"v"_s, JournalVersion},   {u"entry"_s, entryId},
        {u"phase"_s, u"outcome"_s}, {u"time"_s, timestamp(time)},
        {u"image_id"_s, imageId},   {u"outcome"_s, deleted ? u"deleted"_s : u"not_deleted"_s},
        {u"reconciled"_s, true},
    };
    return append(line);
}

QString DeletionJournal::recordTagIntent(const StoredTag &tag, const QString &profileName,
                                         const QString &regionId, const QString &projectId,
                                         const QDateTime &time)
{
    const QString entryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject line{
        {u"v"_s, JournalVersion},
        {u"entry"_s, entryId},
        {u"phase"_s, u"intent"_s},
        {u"kind"_s, TagKind},
        {u"time"_s, timestamp(time)},
        {u"profile"_s, profileName},
        {u"region"_s, regionId},
        {u"project"_s, projectId},
        {u"namespace"_s, tag.nameSpace},
        {u"repository"_s, tag.repository},
        {u"tag"_s, tag.tag},
        {u"size"_s, tag.sizeBytes},
        {u"path"_s, tag.path},
    };
    if (!append(line))
        return {};
    m_inFlightEntries.insert(entryId);
    return entryId;
}

bool DeletionJournal::recordTagOutcome(const QString &entryId, const TagDeletionResult &result,
                                       const QDateTime &time)
{
    const QJsonObject line{
        {u"v"_s, JournalVersion},
        {u"entry"_s, entryId},
        {u"phase"_s, u"outcome"_s},
        {u"kind"_s, TagKind},
        {u"time"_s, timestamp(time)},
        {u"tag_name"_s, result.tag.displayName()},
        {u"outcome"_s, outcomeName(result.outcome)},
        {u"error_code"_s, result.error.code},
        {u"error_msg"_s, result.error.message},
        {u"http_status"_s, result.error.httpStatus},
        {u"request_id"_s, result.error.requestId},
    };
    m_inFlightEntries.remove(entryId);
    return append(line);
}

bool DeletionJournal::recordReconciledTagOutcome(const QString &entryId, const QString &tagName, bool deleted,
                                                 const QDateTime &time)
{
    const QJsonObject line{
        {u"v"_s, JournalVersion},
        {u"entry"_s, entryId},
        {u"phase"_s, u"outcome"_s},
        {u"kind"_s, TagKind},
        {u"time"_s, timestamp(time)},
        {u"tag_name"_s, tagName},
        {u"outcome"_s, deleted ? u"deleted"_s : u"not_deleted"_s},
        {u"reconciled"_s, true},
    };
    return append(line);
}

bool DeletionJournal::isTagEntry(const QJsonObject &line)
{
    return line.value("kind"_L1).toString() == TagKind;
}

bool DeletionJournal::append(const QJsonObject &line)
{
    const QFileInfo info(m_filePath);
    const QString directory = info.absolutePath();
    if (!privatefiles::makeDirectory(directory)) {
        m_lastError = tr("Cannot create the folder %1 for the deletion journal.")
                          .arg(QDir::toNativeSeparators(directory));
        qCWarning(lcModels) << "journal:" << m_lastError;
        return false;
    }
    JournalLock lock(m_filePath);
    QString reason;
    if (!lock.lock(&reason)) {
        m_lastError =
            tr("Cannot lock the deletion journal %1: %2").arg(QDir::toNativeSeparators(m_filePath), reason);
        qCWarning(lcModels) << "journal:" << m_lastError;
        return false;
    }

    const bool created = !info.exists();
    QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact);
    if (!created && !endsWithNewline(m_filePath))
        bytes.prepend('\n');
    bytes.append('\n');

    QFile file(m_filePath);
    // Unbuffered: a line the system takes only part of must show as a short write, not vanish in a flush.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered,
                   privatefiles::FilePermissions)) {
        m_lastError = tr("Cannot open the deletion journal %1: %2")
                          .arg(QDir::toNativeSeparators(m_filePath), file.errorString());
        qCWarning(lcModels) << "journal:" << m_lastError;
        return false;
    }
    if (!m_madePrivate) {
        // A journal written by an older version may still be readable by others.
        if (info.isFile())
            privatefiles::makeFile(m_filePath);
        m_madePrivate = true;
    }
    errno = 0;
    if (file.write(bytes) != bytes.size() || !file.flush() || !syncToDisk(file)) {
        const QString why = privatefiles::errorString(file, errno);
        m_lastError =
            tr("Cannot write to the deletion journal %1: %2").arg(QDir::toNativeSeparators(m_filePath), why);
        qCWarning(lcModels) << "journal:" << m_lastError;
        return false;
    }
    file.close();
    if (created)
        syncDirectory(directory);
    m_lastError.clear();
    return true;
}

QList<QJsonObject> DeletionJournal::readAll() const
{
    return readAll(nullptr);
}

QList<QJsonObject> DeletionJournal::readAll(QStringList *skippedLines) const
{
    QList<QJsonObject> lines;
    if (!QFileInfo::exists(m_filePath))
        return lines;
    LineReader reader(m_filePath);
    if (!reader.open()) {
        qCWarning(lcModels) << "journal: cannot read" << m_filePath << reader.errorString();
        if (skippedLines)
            skippedLines->append(tr("Cannot read the deletion journal: %1").arg(reader.errorString()));
        return lines;
    }
    QJsonObject line;
    while (reader.next(&line, nullptr, skippedLines))
        lines.append(line);
    return lines;
}

QList<QJsonObject> DeletionJournal::unfinishedIntents() const
{
    if (!QFileInfo::exists(m_filePath))
        return {};
    LineReader reader(m_filePath);
    if (!reader.open()) {
        qCWarning(lcModels) << "journal: cannot read" << m_filePath << reader.errorString();
        return {};
    }
    OpenIntents open;
    QJsonObject line;
    while (reader.next(&line))
        open.add(line);
    return open.inOrder();
}

QString DeletionJournal::archivePath(const QDate &date) const
{
    const QFileInfo info(m_filePath);
    return info.dir().filePath(
        u"%1-archive-%2.jsonl"_s.arg(info.completeBaseName(), date.toString(u"yyyyMMdd"_s)));
}

QStringList DeletionJournal::archivePaths() const
{
    const QFileInfo info(m_filePath);
    const QDir directory = info.dir();
    const QStringList names = directory.entryList({info.completeBaseName() + u"-archive-????????.jsonl"_s},
                                                  QDir::Files, QDir::Name);
    QStringList paths;
    for (const QString &name : names)
        paths.append(directory.filePath(name));
    return paths;
}

void DeletionJournal::removeOldArchives()
{
    const QStringList archives = archivePaths();
    for (qsizetype i = 0; i + KeptArchives < archives.size(); ++i) {
        if (!QFile::remove(archives.at(i)))
            qCWarning(lcModels) << "journal: cannot remove the old archive" << archives.at(i);
    }
}

DeletionJournal::Compaction DeletionJournal::compactIfLarger(qint64 thresholdBytes, const QDateTime &now,
                                                             QList<QJsonObject> *unfinished)
{
    const auto fail = [this](const QString &message) {
        m_lastError = message;
        qCWarning(lcModels) << "journal: compaction failed:" << message;
        return Compaction::Failed;
    };
    const QFileInfo info(m_filePath);
    if (!info.isFile() || info.size() <= thresholdBytes) {
        if (unfinished)
            *unfinished = unfinishedIntents();
        return Compaction::NotNeeded;
    }

    JournalLock lock(m_filePath);
    QString reason;
    if (!lock.lock(&reason))
        return fail(
            tr("Cannot lock the deletion journal %1: %2").arg(QDir::toNativeSeparators(m_filePath), reason));
    if (QFileInfo(m_filePath).size() <= thresholdBytes) {
        // Another window or process compacted it while this one waited for the lock.
        if (unfinished)
            *unfinished = unfinishedIntents();
        return Compaction::NotNeeded;
    }

    // First pass: which entries are still open. Only those are held.
    OpenIntents open;
    {
        LineReader reader(m_filePath);
        if (!reader.open())
            return fail(tr("Cannot read the deletion journal %1: %2")
                            .arg(QDir::toNativeSeparators(m_filePath), reader.errorString()));
        QJsonObject line;
        while (reader.next(&line))
            open.add(line);
    }

    // Second pass: finished entries go to the archive as they are read, open ones are kept for the journal.
    const QString archive = archivePath(now.toUTC().date());
    QFile archiveFile(archive);
    // Unbuffered and written in chunks, so that a short write (a full disk) is seen where it happens.
    if (!archiveFile.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered,
                          privatefiles::FilePermissions))
        return fail(tr("Cannot write the deletion journal's archive %1: %2")
                        .arg(QDir::toNativeSeparators(archive), archiveFile.errorString()));
    privatefiles::makeFile(archive);
    QByteArray chunk;
    int writeErrno = 0;
    bool written = true;
    const auto writeChunk = [&] {
        errno = 0;
        if (written && archiveFile.write(chunk) != chunk.size()) {
            written = false;
            writeErrno = errno;
        }
        chunk.clear();
    };
    QByteArray kept;
    qint64 archivedLines = 0;
    {
        LineReader reader(m_filePath);
        if (!reader.open())
            return fail(tr("Cannot read the deletion journal %1: %2")
                            .arg(QDir::toNativeSeparators(m_filePath), reader.errorString()));
        if (archiveFile.size() > 0 && !endsWithNewline(archive))
            chunk += '\n';
        QJsonObject line;
        QByteArray raw;
        while (written && reader.next(&line, &raw)) {
            if (open.intents.contains(line.value("entry"_L1).toString())) {
                kept += raw;
                kept += '\n';
                continue;
            }
            chunk += raw;
            chunk += '\n';
            ++archivedLines;
            if (chunk.size() >= 1024 * 1024)
                writeChunk();
        }
        writeChunk();
    }
    if (written) {
        errno = 0;
        if (!syncToDisk(archiveFile)) {
            written = false;
            writeErrno = errno;
        }
    }
    if (!written)
        return fail(
            tr("Cannot write the deletion journal's archive %1: %2")
                .arg(QDir::toNativeSeparators(archive), privatefiles::errorString(archiveFile, writeErrno)));
    archiveFile.close();
    syncDirectory(info.absolutePath());

    // The whole new journal is written beside the old one, forced to disk, then renamed over it.
    QSaveFile live(m_filePath);
    if (!live.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return fail(tr("Cannot write the deletion journal %1: %2")
                        .arg(QDir::toNativeSeparators(m_filePath), live.errorString()));
    errno = 0;
    // QSaveFile renames without forcing the new file to disk first: a power cut could leave it empty.
    if (live.write(kept) != kept.size() || !syncToDisk(live) || !live.commit())
        return fail(tr("Cannot write the deletion journal %1: %2")
                        .arg(QDir::toNativeSeparators(m_filePath), privatefiles::errorString(live, errno)));
    privatefiles::makeFile(m_filePath);
    syncDirectory(info.absolutePath());
    removeOldArchives();

    qCInfo(lcModels) << "journal: compacted" << m_filePath << "from" << info.size() << "to" << kept.size()
                     << "bytes;" << archivedLines << "lines archived in" << archive;
    if (unfinished)
        *unfinished = open.inOrder();
    m_lastError.clear();
    return Compaction::Done;
}

} // namespace mim
