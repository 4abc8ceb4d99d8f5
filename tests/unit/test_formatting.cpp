#include "models/api/SizeUnit.h"
#include "models/common/Formatting.h"

#include <limits>
#include <QFile>
#include <QIcon>
#include <QScopeGuard>
#include <QTest>
#include <QTextDocument>
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
        QTest::newRow("zero") << qint64(0) << u"0 bytes"_s;
        QTest::newRow("kb") << qint64(512) << u"512 kB"_s;
        QTest::newRow("just below a MB") << qint64(1023) << u"1023 kB"_s;
        QTest::newRow("one MB") << qint64(1024) << u"1.0 MB"_s;
        QTest::newRow("MB with decimal") << qint64(1536) << u"1.5 MB"_s;
        QTest::newRow("hundreds of MB") << qint64(900 * 1024) << u"900 MB"_s;
        QTest::newRow("GB") << qint64(1.4 * 1024 * 1024) << u"1.4 GB"_s;
        QTest::newRow("tens of GB") << qint64(35) * 1024 * 1024 << u"35.0 GB"_s;
        QTest::newRow("TB") << qint64(3) * 1024 * 1024 * 1024 << u"3.0 TB"_s;
        QTest::newRow("PB") << qint64(2) * 1024 * 1024 * 1024 * 1024 << u"2.0 PB"_s;
        QTest::newRow("too large saturates") << std::numeric_limits<qint64>::max() << u"8.0 EB"_s;
        QTest::newRow("negative is unknown") << qint64(-1) << QString();
    }

    void humanSize()
    {
        QFETCH(qint64, kb);
        QFETCH(QString, text);
        QCOMPARE(Formatting::humanSize(kb, mim::SizeUnit::Inference{}), text);
    }

    void humanSizeIsMonotonic()
    {
        // Never shows a larger number for a smaller size across a unit boundary.
        QCOMPARE(Formatting::humanSize(1024 * 1024 - 1, mim::SizeUnit::Inference{}), u"1024 MB"_s);
        QCOMPARE(Formatting::humanSize(1024 * 1024, mim::SizeUnit::Inference{}), u"1.0 GB"_s);
        QCOMPARE(Formatting::humanSize(102 * 1024 - 30, mim::SizeUnit::Inference{}), u"102 MB"_s);
        QCOMPARE(Formatting::humanSize(99 * 1024 + 1000, mim::SizeUnit::Inference{}), u"100 MB"_s);
    }

    void sizeUnitIsTheOnePlace()
    {
        using mim::SizeUnit::Inference;
        const Inference documented;
        QCOMPARE(documented.bytesPerUnit(), mim::SizeUnit::BytesPerReportedUnit);
        QCOMPARE(documented.toBytes(387'840'321), qint64(387'840'321) * 1024);
        QCOMPARE(documented.toBytes(-7), -1);
        QCOMPARE(documented.toBytes(std::numeric_limits<qint64>::max()), std::numeric_limits<qint64>::max());
        QCOMPARE(documented.fromBytes(qint64(1) << 30), 1024 * 1024);
        Inference bytes;
        bytes.unit = mim::SizeUnit::Unit::Bytes;
        QCOMPARE(bytes.toBytes(387'840'321), 387'840'321);
        QCOMPARE(bytes.fromBytes(qint64(1) << 30), qint64(1) << 30);
        QCOMPARE(Formatting::humanSize(387'840'321, documented),
                 Formatting::dataSize(qint64(387'840'321) * 1024));
        QCOMPARE(Formatting::humanSize(387'840'321, bytes), Formatting::dataSize(387'840'321));
    }

    void sizesUseTheLocalesUnits()
    {
        // Qt's own words for the units: the Chinese locale says 字节 for bytes, and uses its own number
        // format.
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        const QString zeroBytes = Formatting::dataSize(0);
        const QString gigabytes = Formatting::dataSize(qint64(3) << 29);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString germanGigabytes = Formatting::dataSize(qint64(3) << 29);
        QLocale::setDefault(previous);
        QCOMPARE(zeroBytes, QLocale(QLocale::Chinese, QLocale::China).formattedDataSize(0));
        QVERIFY2(zeroBytes.contains(u"字节"_s), qPrintable(zeroBytes));
        QCOMPARE(gigabytes, QLocale(QLocale::Chinese, QLocale::China)
                                .formattedDataSize(qint64(3) << 29, 1, QLocale::DataSizeTraditionalFormat));
        QCOMPARE(germanGigabytes, u"1,5 GB"_s);
    }

    void imageSizeOfImagesWithoutOne_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<qint64>("kb");
        QTest::addColumn<QString>("text");
        QTest::newRow("creating") << u"CREATING"_s << qint64(0) << u"—"_s;
        QTest::newRow("init") << u"INIT"_s << qint64(0) << u"—"_s;
        QTest::newRow("creation failed") << u"CREATE_FAILED"_s << qint64(0) << u"—"_s;
        QTest::newRow("error") << u"ERROR"_s << qint64(0) << u"—"_s;
        QTest::newRow("failed with a size keeps it") << u"ERROR"_s << qint64(2048) << u"2.0 MB"_s;
        QTest::newRow("active and empty is zero") << u"ACTIVE"_s << qint64(0) << u"0 bytes"_s;
        QTest::newRow("active") << u"ACTIVE"_s << qint64(387'840'321) << u"370 GB"_s;
    }

    void imageSizeOfImagesWithoutOne()
    {
        QFETCH(QString, status);
        QFETCH(qint64, kb);
        QFETCH(QString, text);
        mim::Image image;
        image.status = status;
        image.sizeKb = kb;
        QCOMPARE(Formatting::imageSize(image, mim::SizeUnit::Inference{}), text);
    }

    void reportedSizeIsTheRawNumber()
    {
        const QString text = Formatting::reportedSize(387'840'321);
        QVERIFY2(text.startsWith(u"387840321 "_s), qPrintable(text));
        QVERIFY(text.contains(u"KB"_s));
        QCOMPARE(Formatting::reportedSize(-1), QString());
    }

    void localDateTime()
    {
        // 2023-11-14 22:13:20 UTC is already the next morning in UTC+8.
        const QLocale previous;
        const auto restore = qScopeGuard([&] { QLocale::setDefault(previous); });
        const QDateTime local(QDate(2023, 11, 15), QTime(6, 13, 20));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString english = Formatting::localDateTime(1'700'000'000'000);
        QCOMPARE(english, QLocale().toString(local, QLocale::ShortFormat));
        QVERIFY2(english.startsWith(u"11/15/23"_s), qPrintable(english));
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        const QString chinese = Formatting::localDateTime(1'700'000'000'000);
        QCOMPARE(chinese, QLocale().toString(local, QLocale::ShortFormat));
        QVERIFY2(chinese.startsWith(u"2023/11/15"_s), qPrintable(chinese));
        // ISO whatever the locale, digits included.
        QLocale::setDefault(QLocale(QLocale::Arabic, QLocale::Egypt));
        QCOMPARE(Formatting::localDateTime(1'700'000'000'000, Formatting::DateStyle::Iso),
                 u"2023-11-15 06:13"_s);
        QCOMPARE(Formatting::localDateTime(0), QString());
        QCOMPARE(Formatting::localDateTime(-5), QString());
        QCOMPARE(Formatting::localDateTime(-5, Formatting::DateStyle::Iso), QString());
        QLocale::setDefault(previous);
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
        QCOMPARE(Formatting::archText(u"X86_64"_s), u"x86-64"_s);
        QCOMPARE(Formatting::archText(u"aarch64"_s), u"Arm64"_s);
        QCOMPARE(Formatting::serviceTypeText(u"COMMON"_s), u"General"_s);
        QCOMPARE(Formatting::serviceTypeText(u"TRAIN"_s), u"Training"_s);
        QCOMPARE(Formatting::serviceTypeText(u"INFERENCE"_s), u"Inference"_s);
        QCOMPARE(Formatting::serviceTypeText(u"DEV"_s), u"Development"_s);
        QCOMPARE(Formatting::originText(u"CUSTOMIZE"_s), u"Custom"_s);
        QCOMPARE(Formatting::originText(u"IMAGE_SAVE"_s), u"Saved from a notebook"_s);
        QCOMPARE(Formatting::devServiceText(u"NOTEBOOK"_s), u"Notebook"_s);
        QCOMPARE(Formatting::devServiceText(u"SSH"_s), u"SSH"_s);
        QCOMPARE(Formatting::resourceCategoryText(u"ASCEND"_s), u"Ascend NPU"_s);
        QCOMPARE(Formatting::resourceCategoryText(u"GPU"_s), u"GPU"_s);
        // New values appear as sent.
        QCOMPARE(Formatting::serviceTypeText(u"FUTURE"_s), u"FUTURE"_s);
        QCOMPARE(Formatting::originText(u"O\u202E"_s), u"O\\u{202E}"_s);
    }

    void labelsWithTheApiValue()
    {
        QCOMPARE(Formatting::withApiValue(Formatting::originText(u"CUSTOMIZE"_s), u"CUSTOMIZE"_s),
                 u"Custom (CUSTOMIZE)"_s);
        QCOMPARE(Formatting::withApiValue(u"SSH"_s, u"SSH"_s), u"SSH"_s);
        QCOMPARE(Formatting::withApiValue(u"Unknown"_s, QString()), u"Unknown"_s);
        QCOMPARE(Formatting::dateStyleFromName(Formatting::dateStyleName(Formatting::DateStyle::Iso)),
                 Formatting::DateStyle::Iso);
        QCOMPARE(Formatting::dateStyleFromName(u"nonsense"_s), Formatting::DateStyle::Locale);
    }

    void visibleText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain ascii") << u"pytorch-2.1:v1_cuda.11"_s << u"pytorch-2.1:v1_cuda.11"_s;
        QTest::newRow("chinese and emoji kept") << u"镜像 训练 😀"_s << u"镜像 训练 😀"_s;
        QTest::newRow("html kept as text")
            << u"<a href=\"x\">link</a><!--"_s << u"<a href=\"x\">link</a><!--"_s;
        QTest::newRow("backslash kept") << u"C:\\path"_s << u"C:\\path"_s;
        QTest::newRow("newline") << u"v1\n(this is a dry run)"_s << u"v1\\n(this is a dry run)"_s;
        QTest::newRow("cr and tab") << u"a\rb\tc"_s << u"a\\rb\\tc"_s;
        QTest::newRow("nul and escape") << QString(u"a\0b\x1b[31m"_s) << u"a\\u{0000}b\\u{001B}[31m"_s;
        QTest::newRow("del and c1") << u"a\x7f\u0085\u009b"_s << u"a\\u{007F}\\u{0085}\\u{009B}"_s;
        QTest::newRow("right-to-left override") << u"abc\u202Egnp.exe"_s << u"abc\\u{202E}gnp.exe"_s;
        QTest::newRow("isolates") << u"\u2066a\u2067b\u2068c\u2069"_s
                                  << u"\\u{2066}a\\u{2067}b\\u{2068}c\\u{2069}"_s;
        QTest::newRow("marks") << u"\u200E\u200F\u061C"_s << u"\\u{200E}\\u{200F}\\u{061C}"_s;
        QTest::newRow("zero width") << u"a\u200Bb\u200Cc\u200Dd\u2060e\uFEFF"_s
                                    << u"a\\u{200B}b\\u{200C}c\\u{200D}d\\u{2060}e\\u{FEFF}"_s;
        QTest::newRow("line and paragraph separators") << u"a\u2028b\u2029c"_s << u"a\\u{2028}b\\u{2029}c"_s;
        QTest::newRow("soft hyphen") << u"a\u00ADb"_s << u"a\\u{00AD}b"_s;
        QTest::newRow("tag character (supplementary)") << u"a\U000E0041"_s << u"a\\u{E0041}"_s;
        QTest::newRow("lone surrogate") << QString(u"a"_s + QChar(0xD800) + u"b"_s) << u"a\\u{D800}b"_s;
        QTest::newRow("empty") << QString() << QString();
    }

    void visibleText()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QCOMPARE(Formatting::visibleText(text), shown);
        QCOMPARE(Formatting::hasHiddenCharacters(text), text != shown);
    }

    void visibleTextNeverSpansLinesNorReorders()
    {
        // Every code point up to U+FFFF and the supplementary format characters: nothing that breaks a line
        // or is a format/control character survives.
        for (char32_t ucs = 0; ucs <= 0xE007F; ++ucs) {
            if (ucs > 0xFFFF && ucs < 0xE0000 && QChar::category(ucs) != QChar::Other_Format)
                continue;
            const QString text = u"a"_s + QString::fromUcs4(&ucs, 1) + u"b"_s;
            const QString shown = Formatting::visibleText(text);
            for (const char32_t out : shown.toUcs4()) {
                const auto category = QChar::category(out);
                QVERIFY2(category != QChar::Other_Control && category != QChar::Other_Format &&
                             category != QChar::Separator_Line && category != QChar::Separator_Paragraph,
                         qPrintable(QString::number(uint(ucs), 16)));
            }
        }
    }

    void visibleTextSharesUnchangedText()
    {
        const QString name = QString::fromLatin1("my-image:v1");
        // No copy for text with nothing to escape: the table asks for thousands of cells.
        QCOMPARE(Formatting::visibleText(name).constData(), name.constData());
    }

    void unknownEnumerationsAreVisible()
    {
        QCOMPARE(Formatting::statusText(u"ODD\nSTATE"_s), u"ODD\\nSTATE"_s);
        QCOMPARE(Formatting::typeText(u"T\u202E"_s), u"T\\u{202E}"_s);
        QCOMPARE(Formatting::visibilityText(u"V\u2066"_s), u"V\\u{2066}"_s);
    }

    void plainToolTip()
    {
        QCOMPARE(Formatting::plainToolTip(u"plain text"_s), u"plain text"_s);
        const QString html = u"<b>bold</b> & <a href=\"x\">link</a>"_s;
        const QString tip = Formatting::plainToolTip(html);
        QVERIFY(Qt::mightBeRichText(tip));
        QTextDocument document;
        document.setHtml(tip);
        QCOMPARE(document.toPlainText(), html);
        // Line breaks of a multi-line tooltip survive the escaping.
        QTextDocument lines;
        lines.setHtml(Formatting::plainToolTip(u"<i>a</i>\nb"_s));
        QCOMPARE(lines.toPlainText(), u"<i>a</i>\nb"_s);
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
