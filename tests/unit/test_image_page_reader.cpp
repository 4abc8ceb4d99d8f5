// The fast ListImage page reader (api/ImagePageReader) against the QJsonDocument one it stands in for:
// whatever it reads must come out exactly as ImagePage::fromJsonDocument() reads it, and whatever it does not
// handle it must decline, so that ImagePage::fromJson() gives the same answer as before for every body.
#include "DataSetGenerator.h"
#include "ImageJsonWriter.h"
#include "models/api/Image.h"
#include "models/api/ImagePageReader.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

QByteArray pageOf(const QList<QByteArray> &records, qint64 total)
{
    QByteArray body = "{\"total\":" + QByteArray::number(total) +
                      ",\"current\":1,\"pages\":1,\"size\":" + QByteArray::number(records.size()) +
                      ",\"data\":[";
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (i > 0)
            body += ',';
        body += records.at(i);
    }
    return body + "]}";
}

QByteArray generatedPage(quint32 seed, int count)
{
    sandbox::DataSetGenerator generator(seed, u"cn-north-4"_s);
    QList<QByteArray> records;
    for (int i = 0; i < count; ++i)
        records.append(sandbox::writeImageJson(generator.next().image));
    return pageOf(records, count);
}

QByteArray demoPage()
{
    QList<sandbox::SettlingImage> settling;
    QList<QByteArray> records;
    for (const sandbox::ImageRecord &record :
         sandbox::DataSetGenerator::demoSet(QDateTime::currentDateTimeUtc(), u"cn-north-4"_s, &settling))
        records.append(sandbox::writeImageJson(record.image));
    return pageOf(records, records.size());
}

// fromJson() and fromJsonDocument() agree on a body: the same page, or the same error.
bool sameAnswer(const QByteArray &body, QString *difference)
{
    QString fastError;
    QString referenceError;
    const std::optional<ImagePage> fast = ImagePage::fromJson(body, &fastError);
    const std::optional<ImagePage> reference = ImagePage::fromJsonDocument(body, &referenceError);
    if (fast.has_value() != reference.has_value()) {
        *difference = u"one read the page, the other did not"_s;
        return false;
    }
    if (!fast) {
        if (fastError != referenceError)
            *difference = u"errors differ: %1 / %2"_s.arg(fastError, referenceError);
        return fastError == referenceError;
    }
    if (fast->total != reference->total || fast->current != reference->current ||
        fast->pages != reference->pages || fast->size != reference->size) {
        *difference = u"envelope differs"_s;
        return false;
    }
    if (fast->skippedRecords != reference->skippedRecords) {
        *difference = u"skipped records differ"_s;
        return false;
    }
    if (fast->images.size() != reference->images.size()) {
        *difference = u"%1 images against %2"_s.arg(fast->images.size()).arg(reference->images.size());
        return false;
    }
    for (qsizetype i = 0; i < fast->images.size(); ++i) {
        if (!(fast->images.at(i) == reference->images.at(i))) {
            *difference = u"image %1 differs"_s.arg(i);
            return false;
        }
    }
    return true;
}

} // namespace

class TestImagePageReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsGeneratedPages()
    {
        for (const quint32 seed : {1u, 2u, 7u, 42u}) {
            const QByteArray body = generatedPage(seed, 200);
            const std::optional<ImagePage> fast = detail::readImagePage(body);
            QVERIFY2(fast, "a page the sandbox writes must be read by the fast reader");
            QCOMPARE(fast->images.size(), 200);
            const std::optional<ImagePage> reference = ImagePage::fromJsonDocument(body);
            QVERIFY(reference);
            QCOMPARE(fast->images, reference->images);
            QCOMPARE(fast->total, reference->total);
            QCOMPARE(fast->size, reference->size);
        }
    }

    void readsTheDemoSet()
    {
        // Chinese descriptions, tags, built-in images, every status.
        const QByteArray body = demoPage();
        const std::optional<ImagePage> fast = detail::readImagePage(body);
        QVERIFY(fast);
        QCOMPARE(fast->images, ImagePage::fromJsonDocument(body)->images);
        QVERIFY(std::any_of(fast->images.cbegin(), fast->images.cend(),
                            [](const Image &image) { return !image.tags.isEmpty(); }));
    }

    void readsWhatItMayRead_data()
    {
        QTest::addColumn<QByteArray>("body");
        const auto page = [](const QByteArray &record) -> QByteArray {
            return "{\"total\":1,\"data\":[" + record + "]}";
        };
        QTest::newRow("escapes") << page(
            "{\"id\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\",\"name\":\"caf\\u00e9 \\u00E9\"}");
        QTest::newRow("surrogate pair escape") << page(R"({"id":"x","description":"\ud83d\ude00"})");
        QTest::newRow("lone surrogate escape") << page(R"({"id":"x","description":"\ud800 and \udc00"})");
        QTest::newRow("raw unicode") << page(
            "{\"id\":\"x\",\"description\":\"\xE6\x9C\x80\xE6\x96\xB0 \xF0\x9F\x98\x80\"}");
        QTest::newRow("nulls") << page(
            R"({"id":"x","name":null,"size":null,"tags":null,"dev_services":null})");
        QTest::newRow("null items") << page(
            R"({"id":"x","dev_services":[null,"SSH",null],"tags":[null,{"key":null}]})");
        QTest::newRow("tag without value")
            << page(R"({"id":"x","tags":[{"key":"team"},{"value":"v","extra":[1]}]})");
        QTest::newRow("unknown fields") << page(
            R"({"id":"x","extra":{"a":[1,-2.5e+3,true,false,null,{"b":"\u0041"}]},"n":-0.0,"e":1E9})");
        QTest::newRow("whitespace") << QByteArray(
            " \n{ \"total\" : 1 ,\t\"data\" : [ { \"id\" : \"x\" , \"size\" : 5 } ] }\r\n ");
        QTest::newRow("integers") << page(
            R"({"id":"x","size":-0,"create_at":9007199254740993,"update_at":-42})");
        QTest::newRow("largest integer that fits") << page(R"({"id":"x","size":9223372036854774784})");
        QTest::newRow("empty strings and lists")
            << page(R"({"id":"x","name":"","tag":"","dev_services":[]})");
        QTest::newRow("empty data") << QByteArray(R"({"data":[],"total":0})");
        QTest::newRow("envelope extras") << QByteArray(R"({"x":[1,{}],"data":[{"id":"y"}],"current":-1})");
        QTest::newRow("repeated values") << page(
            R"({"id":"a","status":"ACTIVE","dev_services":["A","B"]},{"id":"b","status":"ACTIVE","dev_services":["A","B"]})");
    }

    void readsWhatItMayRead()
    {
        QFETCH(QByteArray, body);
        const std::optional<ImagePage> fast = detail::readImagePage(body);
        QVERIFY2(fast, "the fast reader should read this body");
        QString difference;
        QVERIFY2(sameAnswer(body, &difference), qPrintable(difference));
    }

    void declinesWhatItDoesNotCopy_data()
    {
        QTest::addColumn<QByteArray>("body");
        const auto page = [](const QByteArray &record) -> QByteArray {
            return "{\"total\":1,\"data\":[" + record + "]}";
        };
        QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF{\"data\":[]}");
        QTest::newRow("duplicate field") << page(R"({"id":"x","name":"a","name":"b"})");
        QTest::newRow("duplicate envelope key") << QByteArray(R"({"data":[],"data":[{"id":"x"}]})");
        QTest::newRow("duplicate tag key") << page(R"({"id":"x","tags":[{"key":"a","key":"b"}]})");
        QTest::newRow("fraction") << page(R"({"id":"x","size":1.0})");
        QTest::newRow("exponent") << page(R"({"id":"x","size":1e3})");
        QTest::newRow("numeric string") << page(R"({"id":"x","size":"12"})");
        QTest::newRow("too large") << page(R"({"id":"x","size":9223372036854775807})");
        QTest::newRow("wrong type") << page(R"({"id":"x","name":5})");
        QTest::newRow("list of numbers") << page(R"({"id":"x","dev_services":[1]})");
        QTest::newRow("no id") << page(R"({"name":"x"})");
        QTest::newRow("empty record") << page("{}");
        QTest::newRow("not an object") << page("5");
        QTest::newRow("escaped key") << page(R"({"\u0069d":"x"})");
        QTest::newRow("raw control character") << page("{\"id\":\"a\x01b\"}");
        QTest::newRow("invalid utf-8") << page("{\"id\":\"a\xC0\xAF\"}");
        QTest::newRow("utf-8 surrogate") << page("{\"id\":\"a\xED\xA0\x80\"}");
        QTest::newRow("trailing garbage") << QByteArray(R"({"data":[]} x)");
        QTest::newRow("no data") << QByteArray(R"({"total":0})");
        QTest::newRow("string total") << QByteArray(R"({"total":"5","data":[]})");
        QTest::newRow("current too large") << QByteArray(R"({"current":3000000000,"data":[]})");
        QTest::newRow("leading zero") << page(R"({"id":"x","size":01})");
        // An unknown field's number too large for a double: QJsonDocument refuses the whole body.
        QTest::newRow("unknown number out of range") << page(R"({"id":"x","later":1e63795820123})");
        QTest::newRow("unknown negative out of range") << page(R"({"id":"x","later":-1e400})");
        QTest::newRow("truncated") << QByteArray(R"({"data":[{"id":"x")");
        QTest::newRow("deep nesting")
            << page("{\"id\":\"x\",\"deep\":" + QByteArray(100, '[') + QByteArray(100, ']') + "}");
        QTest::newRow("not json") << QByteArray("<html>");
        QTest::newRow("empty") << QByteArray();
    }

    void declinesWhatItDoesNotCopy()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!detail::readImagePage(body));
        QString difference;
        QVERIFY2(sameAnswer(body, &difference), qPrintable(difference));
    }

    void agreesOnExtremeNumbers_data()
    {
        QTest::addColumn<QByteArray>("number");
        for (const char *number : {"1e308", "1.7976931348623157e308", "1e309", "-1e309", "1e-400", "-0.0",
                                   "123456789012345678901234567890", "4.9e-324"})
            QTest::newRow(number) << QByteArray(number);
    }

    // Numbers in fields nobody reads: the fast reader declines or reads exactly what QJsonDocument reads.
    void agreesOnExtremeNumbers()
    {
        QFETCH(QByteArray, number);
        const QByteArray body = "{\"total\":1,\"data\":[{\"id\":\"x\",\"later\":" + number + "}]}";
        QString difference;
        QVERIFY2(sameAnswer(body, &difference), qPrintable(difference));
    }

    void agreesOnDamagedPages()
    {
        // Damaged copies of a real page: a byte changed, removed or doubled. Each either reads as the
        // reference reads it or is declined; ImagePage::fromJson() answers as fromJsonDocument() does.
        const QByteArray original = generatedPage(3, 12);
        QRandomGenerator random(20251122);
        int read = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray body = original;
            const qsizetype at = random.bounded(body.size());
            static const char alphabet[] = "{}[]\":,\\ 0123456789.-eEtrufalsn\x01\x80\xC3\xE6";
            const char replacement = alphabet[random.bounded(int(sizeof alphabet - 1))];
            switch (random.bounded(3)) {
            case 0:
                body[at] = replacement;
                break;
            case 1:
                body.remove(at, 1);
                break;
            default:
                body.insert(at, replacement);
                break;
            }
            QString difference;
            QVERIFY2(sameAnswer(body, &difference),
                     qPrintable(u"round %1: %2 in %3"_s.arg(round).arg(difference, QString::fromUtf8(body))));
            read += detail::readImagePage(body).has_value() ? 1 : 0;
        }
        QVERIFY2(read > 100, "most small damages (in values) still make a page the fast reader handles");
    }
};

QTEST_GUILESS_MAIN(TestImagePageReader)
#include "test_image_page_reader.moc"
