#include "models/deletion/Deletion.h"
#include "models/deletion/DeletionJournal.h"
#include "models/storage/TagDeletionQueue.h"

#include <atomic>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>
#include <thread>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;
using mim::DeletionJournal;
using mim::DeletionRequest;
using mim::DeletionResult;
using mim::Image;
using Outcome = DeletionResult::Outcome;

namespace {

Image makeImage(const QString &id)
{
    Image image;
    image.id = id;
    image.name = u"pytorch"_s;
    image.tag = u"2.1"_s;
    image.nameSpace = u"team"_s;
    image.swrPath = u"swr.cn-north-4.myhuaweicloud.com/team/pytorch:2.1"_s;
    image.type = u"DEDICATED"_s;
    image.status = u"ACTIVE"_s;
    image.visibility = u"PRIVATE"_s;
    image.arch = u"X86_64"_s;
    image.sizeKb = 123456;
    image.createAtMs = 1'700'000'000'000;
    image.tags = {{u"owner"_s, u"alice"_s}};
    return image;
}

QByteArrayList fileLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArrayList lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

QJsonObject parse(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object();
}

QDateTime fixedTime()
{
    return QDateTime(QDate(2024, 3, 5), QTime(10, 20, 30, 456), QTimeZone::utc());
}

// One intent line as DeletionJournal writes it, for journals built by hand (fast, no fsync per line).
QByteArray intentLine(const QString &entry, const QString &imageId, const QString &profile = u"p"_s)
{
    const QJsonObject line{
        {u"v"_s, 1},
        {u"entry"_s, entry},
        {u"phase"_s, u"intent"_s},
        {u"time"_s, u"2024-03-05T10:20:30.456Z"_s},
        {u"profile"_s, profile},
        {u"region"_s, u"r"_s},
        {u"project"_s, u"proj"_s},
        {u"image"_s, makeImage(imageId).toJson()},
        {u"force"_s, false},
    };
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray outcomeLine(const QString &entry, const QString &imageId, const QString &outcome)
{
    const QJsonObject line{
        {u"v"_s, 1},
        {u"entry"_s, entry},
        {u"phase"_s, u"outcome"_s},
        {u"time"_s, u"2024-03-05T10:20:31.000Z"_s},
        {u"image_id"_s, imageId},
        {u"outcome"_s, outcome},
        {u"error_code"_s, QString()},
        {u"error_msg"_s, QString()},
        {u"http_status"_s, 204},
        {u"request_id"_s, u"0123456789abcdef0123456789abcdef"_s},
    };
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Append) && file.write(bytes) == bytes.size();
}

QStringList entriesOf(const QList<QJsonObject> &lines)
{
    QStringList entries;
    for (const QJsonObject &line : lines)
        entries.append(line.value("entry"_L1).toString());
    return entries;
}

#if defined(Q_OS_LINUX)
// The process's peak resident memory (VmHWM) in KiB; -1 when unknown.
qint64 peakRssKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Resets VmHWM to the current RSS, so that a later peak measures one operation only.
bool resetPeakRss()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}
#endif

} // namespace

class TestDeletionJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesIntentThenOutcome()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // The folder does not exist yet: the journal makes it.
        const QString path = dir.filePath(u"state/journal/deletions.jsonl"_s);
        DeletionJournal journal(path);
        QCOMPARE(journal.filePath(), path);

        const Image image = makeImage(u"img-1"_s);
        const QString entry = journal.recordIntent(DeletionRequest{image, true}, u"work"_s, u"cn-north-4"_s,
                                                   u"proj-1"_s, fixedTime());
        QVERIFY(!QUuid::fromString(entry).isNull());
        QVERIFY(journal.lastError().isEmpty());

        // On disk the moment recordIntent returns, for any other reader.
        QByteArrayList lines = fileLines(path);
        QCOMPARE(lines.size(), 1);
        const QJsonObject intent = parse(lines.at(0));
        QCOMPARE(intent.value("v"_L1).toInt(), 1);
        QCOMPARE(intent.value("entry"_L1).toString(), entry);
        QCOMPARE(intent.value("phase"_L1).toString(), u"intent"_s);
        QCOMPARE(intent.value("time"_L1).toString(), u"2024-03-05T10:20:30.456Z"_s);
        QCOMPARE(intent.value("profile"_L1).toString(), u"work"_s);
        QCOMPARE(intent.value("region"_L1).toString(), u"cn-north-4"_s);
        QCOMPARE(intent.value("project"_L1).toString(), u"proj-1"_s);
        QCOMPARE(intent.value("force"_L1).toBool(), true);
        QCOMPARE(intent.value("image"_L1).toObject(), image.toJson());

        DeletionResult result;
        result.image = image;
        result.force = true;
        result.outcome = Outcome::Failed;
        result.error.kind = mim::ErrorKind::InvalidRequest;
        result.error.httpStatus = 400;
        result.error.code = u"ModelArts.6720"_s;
        result.error.message = u"image is in use"_s;
        result.requestId = u"req-42"_s;
        QVERIFY(journal.recordOutcome(entry, result, fixedTime().addSecs(2)));

        lines = fileLines(path);
        QCOMPARE(lines.size(), 2);
        const QJsonObject outcome = parse(lines.at(1));
        QCOMPARE(outcome.value("entry"_L1).toString(), entry);
        QCOMPARE(outcome.value("phase"_L1).toString(), u"outcome"_s);
        QCOMPARE(outcome.value("time"_L1).toString(), u"2024-03-05T10:20:32.456Z"_s);
        QCOMPARE(outcome.value("outcome"_L1).toString(), u"failed"_s);
        QCOMPARE(outcome.value("error_code"_L1).toString(), u"ModelArts.6720"_s);
        QCOMPARE(outcome.value("error_msg"_L1).toString(), u"image is in use"_s);
        QCOMPARE(outcome.value("http_status"_L1).toInt(), 400);
        QCOMPARE(outcome.value("request_id"_L1).toString(), u"req-42"_s);

        const QList<QJsonObject> all = journal.readAll();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0), intent);
        QCOMPARE(all.at(1), outcome);
        QVERIFY(journal.unfinishedIntents().isEmpty());
    }

    void outcomeNames_data()
    {
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("name");
        QTest::newRow("deleted") << int(Outcome::Deleted) << u"deleted"_s;
        QTest::newRow("already gone") << int(Outcome::AlreadyGone) << u"already_gone"_s;
        QTest::newRow("failed") << int(Outcome::Failed) << u"failed"_s;
        QTest::newRow("cancelled") << int(Outcome::Cancelled) << u"cancelled"_s;
        QTest::newRow("unknown") << int(Outcome::Unknown) << u"unknown"_s;
    }

    void outcomeNames()
    {
        QFETCH(int, outcome);
        QFETCH(QString, name);
        QTemporaryDir dir;
        DeletionJournal journal(dir.filePath(u"j.jsonl"_s));
        DeletionResult result;
        result.image = makeImage(u"x"_s);
        result.outcome = Outcome(outcome);
        QVERIFY(journal.recordOutcome(u"entry"_s, result, fixedTime()));
        QCOMPARE(journal.readAll().constLast().value("outcome"_L1).toString(), name);
    }

    void pairsIntentsWithOutcomes()
    {
        QTemporaryDir dir;
        DeletionJournal journal(dir.filePath(u"j.jsonl"_s));
        QStringList entries;
        for (int i = 0; i < 3; ++i) {
            entries.append(journal.recordIntent(DeletionRequest{makeImage(u"img-%1"_s.arg(i)), false}, u"p"_s,
                                                u"r"_s, u"proj"_s, fixedTime()));
            QVERIFY(!entries.constLast().isEmpty());
        }
        QCOMPARE(QSet<QString>(entries.cbegin(), entries.cend()).size(), 3);
        DeletionResult done;
        done.image = makeImage(u"img-0"_s);
        done.outcome = Outcome::Deleted;
        QVERIFY(journal.recordOutcome(entries.at(0), done, fixedTime()));
        done.image = makeImage(u"img-2"_s);
        done.outcome = Outcome::AlreadyGone;
        QVERIFY(journal.recordOutcome(entries.at(2), done, fixedTime()));

        const QList<QJsonObject> unfinished = journal.unfinishedIntents();
        QCOMPARE(unfinished.size(), 1);
        QCOMPARE(unfinished.at(0).value("entry"_L1).toString(), entries.at(1));
        QCOMPARE(unfinished.at(0).value("image"_L1).toObject().value("id"_L1).toString(), u"img-1"_s);
        QCOMPARE(journal.readAll().size(), 5);
    }

    // A request whose answer was lost has an "unknown" outcome: the entry stays open until the reconciler
    // has asked the server, and its reconciled outcome closes it.
    void unknownOutcomeLeavesTheIntentUnfinished()
    {
        QTemporaryDir dir;
        DeletionJournal journal(dir.filePath(u"j.jsonl"_s));
        const QString entry = journal.recordIntent(DeletionRequest{makeImage(u"a"_s), false}, u"p"_s, u"r"_s,
                                                   u"proj"_s, fixedTime());
        QVERIFY(!entry.isEmpty());
        DeletionResult lost;
        lost.image = makeImage(u"a"_s);
        lost.outcome = Outcome::Unknown;
        QVERIFY(journal.recordOutcome(entry, lost, fixedTime()));
        const QList<QJsonObject> unfinished = journal.unfinishedIntents();
        QCOMPARE(unfinished.size(), 1);
        QCOMPARE(unfinished.at(0).value("entry"_L1).toString(), entry);

        QVERIFY(journal.recordReconciledOutcome(entry, u"a"_s, true, fixedTime()));
        QVERIFY(journal.unfinishedIntents().isEmpty());
    }

    void truncatedLastLineIsSkipped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"j.jsonl"_s);
        DeletionJournal journal(path);
        const QString first = journal.recordIntent(DeletionRequest{makeImage(u"a"_s), false}, u"p"_s, u"r"_s,
                                                   u"proj"_s, fixedTime());
        QVERIFY(!first.isEmpty());

        // What a crash in the middle of a write leaves behind: half a line, no newline.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
            file.write("{\"v\":1,\"entry\":\"cut-short\",\"phase\":\"intent\",\"image\":{\"id\":\"b");
        }
        QStringList skipped;
        QList<QJsonObject> lines = journal.readAll(&skipped);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(skipped.size(), 1);
        QVERIFY(skipped.at(0).startsWith(u"Line 2"_s));
        QCOMPARE(journal.unfinishedIntents().size(), 1);

        // The next record starts on its own line instead of being glued to the broken one.
        DeletionResult result;
        result.image = makeImage(u"a"_s);
        result.outcome = Outcome::Deleted;
        QVERIFY(journal.recordOutcome(first, result, fixedTime()));
        skipped.clear();
        lines = journal.readAll(&skipped);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(skipped.size(), 1);
        QVERIFY(journal.unfinishedIntents().isEmpty());
    }

    void missingFileReadsEmpty()
    {
        QTemporaryDir dir;
        DeletionJournal journal(dir.filePath(u"never-written.jsonl"_s));
        QStringList skipped;
        QVERIFY(journal.readAll(&skipped).isEmpty());
        QVERIFY(skipped.isEmpty());
        QVERIFY(journal.unfinishedIntents().isEmpty());
        QVERIFY(!QFile::exists(journal.filePath()));
    }

    void unwritablePathFails()
    {
        QTemporaryDir dir;
        // The journal's folder would have to be inside a regular file.
        const QString blocker = dir.filePath(u"not-a-folder"_s);
        {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("x");
        }
        DeletionJournal journal(blocker + u"/journal.jsonl"_s);
        const QString entry = journal.recordIntent(DeletionRequest{makeImage(u"a"_s), true}, u"p"_s, u"r"_s,
                                                   u"proj"_s, fixedTime());
        QVERIFY(entry.isEmpty());
        QVERIFY(!journal.lastError().isEmpty());
        DeletionResult result;
        result.image = makeImage(u"a"_s);
        QVERIFY(!journal.recordOutcome(u"e"_s, result, fixedTime()));
        QVERIFY(!journal.lastError().isEmpty());

        // A folder where the file should be.
        QVERIFY(QDir(dir.path()).mkdir(u"a-folder"_s));
        DeletionJournal onFolder(dir.filePath(u"a-folder"_s));
        QVERIFY(onFolder
                    .recordIntent(DeletionRequest{makeImage(u"a"_s), true}, u"p"_s, u"r"_s, u"proj"_s,
                                  fixedTime())
                    .isEmpty());
        QVERIFY(!onFolder.lastError().isEmpty());
    }

    void containsNoSecrets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"j.jsonl"_s);
        DeletionJournal journal(path);
        const QString entry = journal.recordIntent(DeletionRequest{makeImage(u"a"_s), true}, u"work"_s,
                                                   u"cn-north-4"_s, u"proj"_s, fixedTime());
        DeletionResult result;
        result.image = makeImage(u"a"_s);
        result.outcome = Outcome::Deleted;
        result.requestId = u"req"_s;
        QVERIFY(journal.recordOutcome(entry, result, fixedTime()));

        const QSet<QString> intentKeys{u"v"_s,      u"entry"_s,   u"phase"_s, u"time"_s, u"profile"_s,
                                       u"region"_s, u"project"_s, u"image"_s, u"force"_s};
        const QSet<QString> outcomeKeys{u"v"_s,           u"entry"_s,     u"phase"_s,      u"time"_s,
                                        u"image_id"_s,    u"outcome"_s,   u"error_code"_s, u"error_msg"_s,
                                        u"http_status"_s, u"request_id"_s};
        const QList<QJsonObject> lines = journal.readAll();
        QCOMPARE(lines.size(), 2);
        const QStringList keys0 = lines.at(0).keys();
        const QStringList keys1 = lines.at(1).keys();
        QCOMPARE(QSet<QString>(keys0.cbegin(), keys0.cend()), intentKeys);
        QCOMPARE(QSet<QString>(keys1.cbegin(), keys1.cend()), outcomeKeys);
        // The image part is exactly the image's public metadata.
        QCOMPARE(lines.at(0).value("image"_L1).toObject(), makeImage(u"a"_s).toJson());

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        static const QRegularExpression secretWords(
            u"secret|password|token|authorization|\"sk\"|\"ak\"|access_key|credential"_s,
            QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(!text.contains(secretWords), qPrintable(text));
    }
    // The same, read from the file as another process or an earlier version wrote it.
    void unknownOutcomeLineLeavesTheIntentUnfinished()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"j.jsonl"_s);
        QVERIFY(writeFile(path, intentLine(u"e-unknown"_s, u"img-1"_s) + intentLine(u"e-done"_s, u"img-2"_s) +
                                    outcomeLine(u"e-unknown"_s, u"img-1"_s, u"unknown"_s) +
                                    outcomeLine(u"e-done"_s, u"img-2"_s, u"deleted"_s)));
        DeletionJournal journal(path);
        QCOMPARE(entriesOf(journal.unfinishedIntents()), QStringList{u"e-unknown"_s});

        // A later real outcome finishes it.
        QVERIFY(writeFile(path, outcomeLine(u"e-unknown"_s, u"img-1"_s, u"deleted"_s)));
        QVERIFY(journal.unfinishedIntents().isEmpty());
    }

    void groupVersionsNameTheirGroupAndOldLinesStillRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"j.jsonl"_s);
        // A line written before versions named their group: an image deleted on its own.
        QVERIFY(writeFile(path, intentLine(u"e-old"_s, u"img-old"_s)));
        DeletionJournal journal(path);
        const mim::DeletionGroup group{u"g-1"_s, u"pytorch"_s, u"team"_s};
        const QString entry = journal.recordIntent(makeImage(u"img-v1"_s), true, &group, u"p"_s, u"r"_s,
                                                   u"proj"_s, QDateTime::currentDateTimeUtc());
        QVERIFY(!entry.isEmpty());
        const QString single =
            journal.recordIntent(DeletionRequest{makeImage(u"img-single"_s), false}, u"p"_s, u"r"_s,
                                 u"proj"_s, QDateTime::currentDateTimeUtc());
        QVERIFY(!single.isEmpty());

        const QList<QJsonObject> open = journal.unfinishedIntents();
        QCOMPARE(entriesOf(open), (QStringList{u"e-old"_s, entry, single}));
        QCOMPARE(DeletionJournal::groupOfIntent(open.at(0)), std::nullopt);
        QCOMPARE(open.at(0).value(u"image"_s).toObject().value(u"id"_s).toString(), u"img-old"_s);
        QCOMPARE(DeletionJournal::groupOfIntent(open.at(1)), std::optional<mim::DeletionGroup>(group));
        QCOMPARE(open.at(1).value(u"image"_s).toObject().value(u"id"_s).toString(), u"img-v1"_s);
        QVERIFY(open.at(1).value(u"force"_s).toBool());
        QCOMPARE(open.at(1).value(u"v"_s).toInt(), 1); // an added field: readers of version 1 still read it
        QCOMPARE(DeletionJournal::groupOfIntent(open.at(2)), std::nullopt);
        QVERIFY(!open.at(2).contains(u"group"_s));
    }

    void tagEntriesShareTheJournalAndOldLinesStillRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"j.jsonl"_s);
        // An image line of an older version: no "kind".
        QVERIFY(writeFile(path, intentLine(u"e-old"_s, u"img-old"_s)));
        DeletionJournal journal(path);
        mim::StoredTag tag;
        tag.nameSpace = u"team"_s;
        tag.repository = u"base/cuda"_s;
        tag.tag = u"12.1"_s;
        tag.sizeBytes = 4096;
        tag.path = u"swr.cn-north-4.myhuaweicloud.com/team/base/cuda:12.1"_s;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString deleted = journal.recordTagIntent(tag, u"p"_s, u"r"_s, u"proj"_s, now);
        QVERIFY(!deleted.isEmpty());
        QVERIFY(journal.isInFlightHere(deleted));
        mim::StoredTag other = tag;
        other.tag = u"12.2"_s;
        const QString unknown = journal.recordTagIntent(other, u"p"_s, u"r"_s, u"proj"_s, now);
        const QString failed = journal.recordTagIntent(other, u"p"_s, u"r"_s, u"proj"_s, now);
        const QString reconciled = journal.recordTagIntent(other, u"p"_s, u"r"_s, u"proj"_s, now);

        QVERIFY(journal.recordTagOutcome(
            deleted, mim::TagDeletionResult{tag, mim::Swr::DeleteOutcome::Deleted, {}}, now));
        QVERIFY(!journal.isInFlightHere(deleted));
        // Not known whether it reached SWR: still open, for the reconciler.
        QVERIFY(journal.recordTagOutcome(
            unknown, mim::TagDeletionResult{other, mim::Swr::DeleteOutcome::Unknown, {}}, now));
        QVERIFY(journal.recordTagOutcome(
            failed, mim::TagDeletionResult{other, mim::Swr::DeleteOutcome::Failed, {}}, now));
        QVERIFY(journal.recordReconciledTagOutcome(reconciled, other.displayName(), false, now));

        const QList<QJsonObject> open = journal.unfinishedIntents();
        QCOMPARE(entriesOf(open), (QStringList{u"e-old"_s, unknown}));
        QVERIFY(!DeletionJournal::isTagEntry(open.at(0)));
        QCOMPARE(open.at(0).value(u"image"_s).toObject().value(u"id"_s).toString(), u"img-old"_s);
        QVERIFY(DeletionJournal::isTagEntry(open.at(1)));
        QCOMPARE(open.at(1).value(u"namespace"_s).toString(), u"team"_s);
        QCOMPARE(open.at(1).value(u"repository"_s).toString(), u"base/cuda"_s);
        QCOMPARE(open.at(1).value(u"tag"_s).toString(), u"12.2"_s);
        QCOMPARE(open.at(1).value(u"profile"_s).toString(), u"p"_s);
        QCOMPARE(open.at(1).value(u"v"_s).toInt(), 1);

        const QList<QJsonObject> all = journal.readAll();
        QCOMPARE(all.size(), 9);
        for (const QJsonObject &line : all.mid(1))
            QVERIFY(DeletionJournal::isTagEntry(line));
        QCOMPARE(all.at(5).value(u"outcome"_s).toString(), u"deleted"_s);
        QCOMPARE(all.at(5).value(u"tag_name"_s).toString(), u"team/base/cuda:12.1"_s);
        QCOMPARE(all.at(6).value(u"outcome"_s).toString(), u"unknown"_s);
        QCOMPARE(all.at(7).value(u"outcome"_s).toString(), u"failed"_s);
        QCOMPARE(all.at(8).value(u"outcome"_s).toString(), u"not_deleted"_s);
        QVERIFY(all.at(8).value(u"reconciled"_s).toBool());
    }

    void unfinishedIntentsKeepTheirOrder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"j.jsonl"_s);
        QByteArray bytes;
        QStringList expected;
        for (int i = 0; i < 50; ++i) {
            const QString entry = u"e-%1"_s.arg(i);
            bytes += intentLine(entry, u"img-%1"_s.arg(i));
            if (i % 3 == 0)
                bytes += outcomeLine(entry, u"img-%1"_s.arg(i), u"deleted"_s);
            else
                expected.append(entry);
        }
        QVERIFY(writeFile(path, bytes));
        QCOMPARE(entriesOf(DeletionJournal(path).unfinishedIntents()), expected);
    }

    // 100,000 finished deletions (about 110 MB): reading the unfinished intents must not hold the history.
    void largeJournalReadsInBoundedMemory()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("peak memory is read from /proc");
#elif defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer holds freed memory in quarantine: the peak says nothing about the reader");
#else
        QTemporaryDir dir;
        const QString path = dir.filePath(u"j.jsonl"_s);
        constexpr int Deletions = 100'000;
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (int i = 0; i < Deletions; ++i) {
                const QString entry = QUuid::createUuid().toString(QUuid::WithoutBraces);
                const QString image = u"img-%1"_s.arg(i);
                file.write(intentLine(entry, image));
                file.write(outcomeLine(entry, image, u"deleted"_s));
            }
            file.write(intentLine(u"still-open"_s, u"img-open"_s));
        }
        const qint64 bytes = QFileInfo(path).size();
        if (!resetPeakRss())
            QSKIP("cannot reset the peak memory figure");
        const qint64 before = peakRssKb();
        QElapsedTimer timer;
        timer.start();
        const QList<QJsonObject> unfinished = DeletionJournal(path).unfinishedIntents();
        const qint64 elapsedMs = timer.elapsed();
        const qint64 growthKb = peakRssKb() - before;
        qInfo("read %d finished deletions (%lld MB) in %lld ms, peak memory +%lld MB", Deletions,
              bytes / (1024 * 1024), elapsedMs, growthKb / 1024);
        QCOMPARE(entriesOf(unfinished), QStringList{u"still-open"_s});
        QVERIFY2(growthKb < 32 * 1024, qPrintable(u"peak memory grew by %1 MB"_s.arg(growthKb / 1024)));
#endif
    }

    void compactionArchivesFinishedEntries()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"deletions.jsonl"_s);
        const QByteArray finished =
            intentLine(u"e-1"_s, u"img-1"_s) + outcomeLine(u"e-1"_s, u"img-1"_s, u"deleted"_s) +
            intentLine(u"e-3"_s, u"img-3"_s) + outcomeLine(u"e-3"_s, u"img-3"_s, u"failed"_s);
        QVERIFY(writeFile(
            path, intentLine(u"e-1"_s, u"img-1"_s) + intentLine(u"e-2"_s, u"img-2"_s) +
                      outcomeLine(u"e-1"_s, u"img-1"_s, u"deleted"_s) + intentLine(u"e-3"_s, u"img-3"_s) +
                      outcomeLine(u"e-2"_s, u"img-2"_s, u"unknown"_s) + "{\"v\":1,\"entry\":\"cut-sh\n" +
                      outcomeLine(u"e-3"_s, u"img-3"_s, u"failed"_s) + intentLine(u"e-4"_s, u"img-4"_s)));
        DeletionJournal journal(path);
        const QList<QJsonObject> unfinishedBefore = journal.unfinishedIntents();
        QCOMPARE(entriesOf(unfinishedBefore), (QStringList{u"e-2"_s, u"e-4"_s}));

        // Below the threshold nothing moves.
        QCOMPARE(journal.compactIfLarger(QFileInfo(path).size(), fixedTime()),
                 DeletionJournal::Compaction::NotNeeded);
        QVERIFY(journal.archivePaths().isEmpty());

        QList<QJsonObject> unfinishedRead;
        QCOMPARE(journal.compactIfLarger(0, fixedTime(), &unfinishedRead), DeletionJournal::Compaction::Done);
        QCOMPARE(unfinishedRead, unfinishedBefore);
        QCOMPARE(journal.unfinishedIntents(), unfinishedBefore);
        // The live journal keeps the unfinished entries whole, "unknown" line included, in their order.
        QCOMPARE(fileLines(path), (QByteArrayList{intentLine(u"e-2"_s, u"img-2"_s).trimmed(),
                                                  outcomeLine(u"e-2"_s, u"img-2"_s, u"unknown"_s).trimmed(),
                                                  intentLine(u"e-4"_s, u"img-4"_s).trimmed()}));
        // The finished ones are in a dated archive, readable as a journal of its own.
        const QString archive = dir.filePath(u"deletions-archive-20240305.jsonl"_s);
        QCOMPARE(journal.archivePaths(), QStringList{archive});
        QCOMPARE(fileLines(archive), finished.trimmed().split('\n'));
        QStringList skipped;
        QCOMPARE(DeletionJournal(archive).readAll(&skipped).size(), 4);
        QVERIFY(skipped.isEmpty());

        // The journal goes on as before.
        DeletionResult result;
        result.image = makeImage(u"img-4"_s);
        result.outcome = Outcome::Deleted;
        QVERIFY(journal.recordOutcome(u"e-4"_s, result, fixedTime()));
        QCOMPARE(entriesOf(journal.unfinishedIntents()), QStringList{u"e-2"_s});

        // A second compaction the same day adds to the same archive.
        QCOMPARE(journal.compactIfLarger(0, fixedTime()), DeletionJournal::Compaction::Done);
        QCOMPARE(journal.archivePaths(), QStringList{archive});
        QCOMPARE(fileLines(archive).size(), 6);
        QCOMPARE(fileLines(path).size(), 2);
    }

    void oldArchivesAreRemoved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"deletions.jsonl"_s);
        DeletionJournal journal(path);
        for (int day = 1; day <= DeletionJournal::KeptArchives + 3; ++day) {
            const QString entry = u"e-%1"_s.arg(day);
            QVERIFY(
                writeFile(path, intentLine(entry, u"img"_s) + outcomeLine(entry, u"img"_s, u"deleted"_s)));
            const QDateTime when(QDate(2024, 3, day), QTime(12, 0), QTimeZone::utc());
            QCOMPARE(journal.compactIfLarger(0, when), DeletionJournal::Compaction::Done);
        }
        const QStringList archives = journal.archivePaths();
        QCOMPARE(archives.size(), DeletionJournal::KeptArchives);
        QCOMPARE(archives.constFirst(), dir.filePath(u"deletions-archive-20240304.jsonl"_s));
        QCOMPARE(archives.constLast(), dir.filePath(u"deletions-archive-20240308.jsonl"_s));
        QCOMPARE(QFileInfo(path).size(), 0);
    }

    // The archive is written before the live journal is replaced: when it cannot be, nothing changes.
    void failedArchiveLeavesTheJournalAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"deletions.jsonl"_s);
        const QByteArray bytes = intentLine(u"e-1"_s, u"img-1"_s) +
                                 outcomeLine(u"e-1"_s, u"img-1"_s, u"deleted"_s) +
                                 intentLine(u"e-2"_s, u"img-2"_s);
        QVERIFY(writeFile(path, bytes));
        QVERIFY(QDir(dir.path()).mkdir(u"deletions-archive-20240305.jsonl"_s)); // a folder in the way
        DeletionJournal journal(path);
        QCOMPARE(journal.compactIfLarger(0, fixedTime()), DeletionJournal::Compaction::Failed);
        QVERIFY(!journal.lastError().isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
    }

    void filesArePrivate()
    {
#if !defined(Q_OS_UNIX)
        QSKIP("Unix file modes");
#else
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"data"_s);
        const QString path = folder + u"/deletions.jsonl"_s;
        DeletionJournal journal(path);
        const QString entry = journal.recordIntent(DeletionRequest{makeImage(u"a"_s), false}, u"p"_s, u"r"_s,
                                                   u"proj"_s, fixedTime());
        QVERIFY(!entry.isEmpty());
        DeletionResult result;
        result.image = makeImage(u"a"_s);
        result.outcome = Outcome::Deleted;
        QVERIFY(journal.recordOutcome(entry, result, fixedTime()));
        QCOMPARE(journal.compactIfLarger(0, fixedTime()), DeletionJournal::Compaction::Done);

        const auto mode = [](const QString &file) {
            struct stat info
            {};
            return ::stat(QFile::encodeName(file).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
        };
        QCOMPARE(mode(folder), 0700);
        QCOMPARE(mode(path), 0600);
        QCOMPARE(journal.archivePaths().size(), 1);
        QCOMPARE(mode(journal.archivePaths().constFirst()), 0600);
#endif
    }

    void fullDiskSaysWhy()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("needs /dev/full");
#else
        QTemporaryDir dir;
        const QString path = dir.filePath(u"deletions.jsonl"_s);
        QVERIFY(QFile::link(u"/dev/full"_s, path));
        DeletionJournal journal(path);
        const QString entry = journal.recordIntent(DeletionRequest{makeImage(u"a"_s), false}, u"p"_s, u"r"_s,
                                                   u"proj"_s, fixedTime());
        QVERIFY(entry.isEmpty());
        QVERIFY2(journal.lastError().contains(u"No space left on device"_s), qPrintable(journal.lastError()));
        QVERIFY2(!journal.lastError().contains(u"Unknown error"_s), qPrintable(journal.lastError()));
#endif
    }
    // A line the system takes only part of (a file size limit here, a disk filling up in real life) is a
    // failed write, said as the system said it; never a record the app believes is on disk.
    void partialWriteFails()
    {
#if !defined(Q_OS_UNIX)
        QSKIP("needs RLIMIT_FSIZE");
#else
        QTemporaryDir dir;
        const QString path = dir.filePath(u"deletions.jsonl"_s);
        QVERIFY(writeFile(path, QByteArray(1000, ' ') + '\n'));
        DeletionJournal journal(path);
        rlimit previous{};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &previous), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = previous;
        small.rlim_cur = 1200;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
        const QString entry = journal.recordIntent(DeletionRequest{makeImage(u"a"_s), false}, u"p"_s, u"r"_s,
                                                   u"proj"_s, fixedTime());
        ::setrlimit(RLIMIT_FSIZE, &previous);
        std::signal(SIGXFSZ, previousHandler);
        QVERIFY(entry.isEmpty());
        QVERIFY2(journal.lastError().contains(qt_error_string(EFBIG)), qPrintable(journal.lastError()));
#endif
    }
    // Another window (or process) appending while the journal is compacted loses nothing: the appends wait
    // for the compaction, or land before it reads.
    void appendsDuringCompactionAreKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"deletions.jsonl"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (int i = 0; i < 20'000; ++i) {
                const QString entry = u"done-%1"_s.arg(i);
                file.write(intentLine(entry, u"img"_s) + outcomeLine(entry, u"img"_s, u"deleted"_s));
            }
        }
        std::atomic<bool> compacted = false;
        std::thread compaction([&] {
            DeletionJournal journal(path);
            compacted = journal.compactIfLarger(0, fixedTime()) == DeletionJournal::Compaction::Done;
        });
        DeletionJournal appender(path);
        QStringList appended;
        for (int i = 0; i < 200; ++i) {
            appended.append(appender.recordIntent(DeletionRequest{makeImage(u"img-%1"_s.arg(i)), false},
                                                  u"p"_s, u"r"_s, u"proj"_s, fixedTime()));
            QVERIFY(!appended.constLast().isEmpty());
        }
        compaction.join();
        QVERIFY(compacted);
        QCOMPARE(entriesOf(appender.unfinishedIntents()), appended);
    }
};

QTEST_GUILESS_MAIN(TestDeletionJournal)
#include "test_deletion_journal.moc"
