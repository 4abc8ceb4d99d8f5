#include "Formatting.h"

#include <QFile>
#include <QIcon>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
namespace Formatting = mim::Formatting;

class TestFormatting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // UTC+8 without daylight saving: local time is visibly not UTC.
        qputenv("TZ", "Asia/Shanghai");
    }

    void humanSize_data()
    {
        QTest::addColumn<qint64>("kb");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << u"0 KB"_s;
        QTest::newRow("kb") << qint64(512) << u"512 KB"_s;
        QTest::newRow("just below a MB") << qint64(1023) << u"1023 KB"_s;
        QTest::newRow("one MB") << qint64(1024) << u"1.0 MB"_s;
        QTest::newRow("MB with decimal") << qint64(1536) << u"1.5 MB"_s;
        QTest::newRow("hundreds of MB") << qint64(900 * 1024) << u"900 MB"_s;
        QTest::newRow("GB") << qint64(1.4 * 1024 * 1024) << u"1.4 GB"_s;
        QTest::newRow("tens of GB") << qint64(35) * 1024 * 1024 << u"35.0 GB"_s;
        QTest::newRow("TB") << qint64(3) * 1024 * 1024 * 1024 << u"3.0 TB"_s;
        QTest::newRow("PB and beyond stays PB") << qint64(2048) * 1024 * 1024 * 1024 * 1024 << u"2048 PB"_s;
        QTest::newRow("negative is unknown") << qint64(-1) << QString();
    }

    void humanSize()
    {
        QFETCH(qint64, kb);
        QFETCH(QString, text);
        QCOMPARE(Formatting::humanSize(kb), text);
    }

    void humanSizeIsMonotonic()
    {
        // Never shows a larger number for a smaller size across a unit boundary.
        QCOMPARE(Formatting::humanSize(1024 * 1024 - 1), u"1024 MB"_s);
        QCOMPARE(Formatting::humanSize(1024 * 1024), u"1.0 GB"_s);
        QCOMPARE(Formatting::humanSize(102 * 1024 - 30), u"102 MB"_s);
        QCOMPARE(Formatting::humanSize(99 * 1024 + 1000), u"100 MB"_s);
    }

    void localDateTime()
    {
        // 2023-11-14 22:13:20 UTC is already the next morning in UTC+8.
        QCOMPARE(Formatting::localDateTime(1'700'000'000'000), u"2023-11-15 06:13"_s);
        QCOMPARE(Formatting::localDateTime(0), QString());
        QCOMPARE(Formatting::localDateTime(-5), QString());
        const QString longText = Formatting::localDateTimeLong(1'700'000'000'123);
        QVERIFY2(longText.startsWith(u"2023-11-15 06:13:20"_s), qPrintable(longText));
        QCOMPARE(Formatting::localDateTimeLong(0), QString());
    }

    void relativeTime_data()
    {
        QTest::addColumn<qint64>("agoSeconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << qint64(10) << u"just now"_s;
        QTest::newRow("one minute") << qint64(60) << u"1 minute(s) ago"_s;
        QTest::newRow("minutes") << qint64(5 * 60 + 20) << u"5 minute(s) ago"_s;
        QTest::newRow("hours") << qint64(3 * 3600) << u"3 hour(s) ago"_s;
        QTest::newRow("days") << qint64(2 * 86400 + 5) << u"2 day(s) ago"_s;
    }

    void relativeTime()
    {
        QFETCH(qint64, agoSeconds);
        QFETCH(QString, text);
        const QDateTime now(QDate(2024, 6, 1), QTime(12, 0), QTimeZone::utc());
        const qint64 then = now.toMSecsSinceEpoch() - agoSeconds * 1000;
        // Without a translation loaded the plural form is the source text with the number filled in.
        QCOMPARE(Formatting::relativeTime(then, now), text);
    }

    void relativeTimeFallsBackToDate()
    {
        const QDateTime now(QDate(2024, 6, 1), QTime(12, 0), QTimeZone::utc());
        const qint64 longAgo = now.addDays(-90).toMSecsSinceEpoch();
        QCOMPARE(Formatting::relativeTime(longAgo, now), Formatting::localDateTime(longAgo));
        const qint64 future = now.addSecs(3600).toMSecsSinceEpoch();
        QCOMPARE(Formatting::relativeTime(future, now), Formatting::localDateTime(future));
        QCOMPARE(Formatting::relativeTime(0, now), QString());
    }

    void words()
    {
        QCOMPARE(Formatting::statusText(u"ACTIVE"_s), u"Active"_s);
        QCOMPARE(Formatting::statusText(u"INIT"_s), u"Initializing"_s);
        QCOMPARE(Formatting::statusText(u"CREATING"_s), u"Creating"_s);
        QCOMPARE(Formatting::statusText(u"CREATE_FAILED"_s), u"Creation failed"_s);
        QCOMPARE(Formatting::statusText(u"ERROR"_s), u"Error"_s);
        QCOMPARE(Formatting::statusText(u"DELETED"_s), u"Deleted"_s);
        QCOMPARE(Formatting::statusText(QString()), u"Unknown"_s);
        QCOMPARE(Formatting::statusText(u"NEW_STATE"_s), u"NEW_STATE"_s);
        QCOMPARE(Formatting::typeText(u"DEDICATED"_s), u"Own"_s);
        QCOMPARE(Formatting::typeText(u"BUILD_IN"_s), u"Built-in"_s);
        QCOMPARE(Formatting::visibilityText(u"PRIVATE"_s), u"Private"_s);
        QCOMPARE(Formatting::visibilityText(u"PUBLIC"_s), u"Public"_s);
    }

    void statusIcons()
    {
        const QStringList statuses{u"ACTIVE"_s, u"INIT"_s,    u"CREATING"_s, u"CREATE_FAILED"_s,
                                   u"ERROR"_s,  u"DELETED"_s, u"whatever"_s};
        QSet<QString> names;
        for (const QString &status : statuses) {
            const QString name = Formatting::statusIconName(status);
            QVERIFY2(QFile::exists(name), qPrintable(name));
            QVERIFY(!Formatting::statusIcon(status).isNull());
            QVERIFY(!Formatting::statusIcon(status).pixmap(16, 16).isNull());
            names.insert(name);
        }
        // Distinct shapes for good, waiting, failed, gone and unknown.
        QCOMPARE(names.size(), 5);
        QCOMPARE(Formatting::statusIconName(u"INIT"_s), Formatting::statusIconName(u"CREATING"_s));
    }
};

QTEST_MAIN(TestFormatting)
#include "test_formatting.moc"
