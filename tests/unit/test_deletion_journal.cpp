#include "DeletionJournal.h"
#include "DeletionQueue.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

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
};

QTEST_GUILESS_MAIN(TestDeletionJournal)
#include "test_deletion_journal.moc"
