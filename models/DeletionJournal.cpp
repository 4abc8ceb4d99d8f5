#include "DeletionJournal.h"

#include "DeletionQueue.h"
#include "ModelsLogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>
#include <QUuid>

#if defined(Q_OS_WIN)
#include <io.h>
#include <windows.h>
#elif defined(Q_OS_UNIX)
#include <fcntl.h>
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

// Forces the written bytes to the disk, not just the OS cache: the journal must survive a power cut.
bool syncToDisk(QFile &file)
{
#if defined(Q_OS_WIN)
    const auto handle = reinterpret_cast<HANDLE>(_get_osfhandle(file.handle()));
    return handle != INVALID_HANDLE_VALUE && FlushFileBuffers(handle);
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

} // namespace

DeletionJournal::DeletionJournal(QString filePath)
    : m_filePath(std::move(filePath))
{}

QString DeletionJournal::recordIntent(const DeletionRequest &request, const QString &profileName,
                                      const QString &regionId, const QString &projectId,
                                      const QDateTime &time)
{
    const QString entryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // Only the image's public metadata and the account's names: never a credential.
    const QJsonObject line{
        {u"v"_s, JournalVersion},    {u"entry"_s, entryId},
        {u"phase"_s, u"intent"_s},   {u"time"_s, timestamp(time)},
        {u"profile"_s, profileName}, {u"region"_s, regionId},
        {u"project"_s, projectId},   {u"image"_s, request.image.toJson()},
        {u"force"_s, request.force},
    };
    if (!append(line))
        return {};
    return entryId;
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

bool DeletionJournal::append(const QJsonObject &line)
{
    const QFileInfo info(m_filePath);
    const QString directory = info.absolutePath();
    if (!QDir().mkpath(directory)) {
        m_lastError = tr("Cannot create the folder %1 for the deletion journal.")
                          .arg(QDir::toNativeSeparators(directory));
        qCWarning(lcModels) << "journal:" << m_lastError;
        return false;
    }

    const bool created = !info.exists();
    QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact);
    if (!created && !endsWithNewline(m_filePath))
        bytes.prepend('\n');
    bytes.append('\n');

    QFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        m_lastError = tr("Cannot open the deletion journal %1: %2")
                          .arg(QDir::toNativeSeparators(m_filePath), file.errorString());
        qCWarning(lcModels) << "journal:" << m_lastError;
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.flush() || !syncToDisk(file)) {
        m_lastError = tr("Cannot write to the deletion journal %1: %2")
                          .arg(QDir::toNativeSeparators(m_filePath), file.errorString());
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
    QFile file(m_filePath);
    if (!file.exists())
        return lines;
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcModels) << "journal: cannot read" << m_filePath << file.errorString();
        if (skippedLines)
            skippedLines->append(tr("Cannot read the deletion journal: %1").arg(file.errorString()));
        return lines;
    }
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray raw = file.readLine().trimmed();
        ++lineNumber;
        if (raw.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(raw, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            // Typically the last line of a write interrupted by a crash.
            const QString reason =
                error.error != QJsonParseError::NoError ? error.errorString() : tr("not a JSON object");
            qCWarning(lcModels) << "journal: skipping unreadable line" << lineNumber << reason;
            if (skippedLines)
                skippedLines->append(tr("Line %1: %2").arg(lineNumber).arg(reason));
            continue;
        }
        lines.append(document.object());
    }
    return lines;
}

QList<QJsonObject> DeletionJournal::unfinishedIntents() const
{
    const QList<QJsonObject> lines = readAll();
    QSet<QString> finished;
    for (const QJsonObject &line : lines) {
        // An "unknown" outcome (the answer was lost) leaves the entry for JournalReconciler to settle.
        if (line.value("phase"_L1).toString() == "outcome"_L1 &&
            line.value("outcome"_L1).toString() != "unknown"_L1)
            finished.insert(line.value("entry"_L1).toString());
    }
    QList<QJsonObject> unfinished;
    for (const QJsonObject &line : lines) {
        if (line.value("phase"_L1).toString() == "intent"_L1 &&
            !finished.contains(line.value("entry"_L1).toString()))
            unfinished.append(line);
    }
    return unfinished;
}

} // namespace mim
