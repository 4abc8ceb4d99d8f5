#include "models/api/Image.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

Image fullImage()
{
    Image image;
    image.id = u"3f2c9a4e-7b1d-4c8e-9f60-1a2b3c4d5e6f"_s;
    image.name = u"pytorch-train"_s;
    image.tag = u"v1.2.0"_s;
    image.nameSpace = u"team-ai"_s;
    image.swrPath = u"swr.cn-north-4.myhuaweicloud.com/team-ai/pytorch-train:v1.2.0"_s;
    image.type = u"DEDICATED"_s;
    image.origin = u"IMAGE_SAVE"_s;
    image.status = u"ACTIVE"_s;
    image.statusMessage = u"Saved from notebook nb-1 — 训练"_s;
    image.visibility = u"PRIVATE"_s;
    image.arch = u"X86_64"_s;
    image.sizeKb = 9'876'543'210LL;
    image.createAtMs = 1'763'795'820'123LL;
    image.updateAtMs = 1'763'799'420'456LL;
    image.description = u"CUDA 12 \"base\" image\nwith notes"_s;
    image.devServices = {u"NOTEBOOK"_s, u"SSH"_s};
    image.resourceCategories = {u"CPU"_s, u"GPU"_s};
    image.supportResCategories = {u"GPU"_s, u"ASCEND"_s};
    image.serviceType = u"DEV"_s;
    image.workspaceId = u"0"_s;
    image.flavorType = u"ASCEND_SNT9B"_s;
    image.swrInstanceId = u"swr-ee-1"_s;
    image.showName = u"PyTorch"_s;
    image.showTag = u"2.1"_s;
    image.tags = {{u"owner"_s, u"alice"_s}, {u"cost-center"_s, u""_s}};
    return image;
}

QJsonObject minimalRecord(const QString &id)
{
    return QJsonObject{{"id"_L1, id}};
}

QByteArray pageBody(const QJsonArray &data, qint64 total = -1)
{
    QJsonObject envelope{{"current"_L1, 0}, {"pages"_L1, 1}, {"size"_L1, data.size()}, {"data"_L1, data}};
    envelope.insert("total"_L1, total < 0 ? data.size() : total);
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

} // namespace

class TestImageJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullRoundTrip();
    void toJsonUsesApiFieldNames();
    void unknownFieldsIgnored();
    void missingFieldsDefaulted();
    void nullTreatedAsMissing();
    void numbersAccepted_data();
    void numbersAccepted();
    void wrongTypesRejected_data();
    void wrongTypesRejected();
    void derivedProperties_data();
    void derivedProperties();
    void nameAndTag();
    void pageEnvelope();
    void pageSkipsBadRecords();
    void pageErrors_data();
    void pageErrors();
    void pageEnvelopeNumbersAsStrings();
    void thousandRecordPage();
    void largePageIsFast();
};

void TestImageJson::fullRoundTrip()
{
    const Image image = fullImage();
    const QJsonObject json = image.toJson();
    QString whyNot;
    const std::optional<Image> parsed = Image::fromJson(json, &whyNot);
    QVERIFY2(parsed, qPrintable(whyNot));
    QCOMPARE(*parsed, image);

    // Through the bytes too, as the sandbox serves it.
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
    const std::optional<Image> reparsed = Image::fromJson(QJsonDocument::fromJson(bytes).object());
    QVERIFY(reparsed);
    QCOMPARE(*reparsed, image);

    // An empty image round-trips as well (every field written, every field read back).
    Image empty;
    empty.id = u"x"_s;
    const std::optional<Image> emptyParsed = Image::fromJson(empty.toJson());
    QVERIFY(emptyParsed);
    QCOMPARE(*emptyParsed, empty);
}

void TestImageJson::toJsonUsesApiFieldNames()
{
    const QJsonObject json = fullImage().toJson();
    const QStringList expected = {
        u"id"_s,
        u"name"_s,
        u"tag"_s,
        u"namespace"_s,
        u"swr_path"_s,
        u"type"_s,
        u"origin"_s,
        u"status"_s,
        u"status_message"_s,
        u"visibility"_s,
        u"arch"_s,
        u"size"_s,
        u"create_at"_s,
        u"update_at"_s,
        u"description"_s,
        u"dev_services"_s,
        u"resource_categories"_s,
        u"support_res_categories"_s,
        u"service_type"_s,
        u"workspace_id"_s,
        u"flavor_type"_s,
        u"swr_instance_id"_s,
        u"show_name"_s,
        u"show_tag"_s,
        u"tags"_s,
    };
    QStringList keys = json.keys();
    QStringList sortedExpected = expected;
    keys.sort();
    sortedExpected.sort();
    QCOMPARE(keys, sortedExpected);
    QCOMPARE(json.value("namespace"_L1).toString(), u"team-ai"_s);
    QCOMPARE(json.value("size"_L1).toInteger(), 9'876'543'210LL);
    QCOMPARE(json.value("create_at"_L1).toInteger(), 1'763'795'820'123LL);
    QCOMPARE(json.value("tags"_L1).toArray().at(0).toObject().value("key"_L1).toString(), u"owner"_s);
    QCOMPARE(json.value("dev_services"_L1).toArray().size(), 2);
}

void TestImageJson::unknownFieldsIgnored()
{
    QJsonObject json = fullImage().toJson();
    json.insert("read_me"_L1, u"# hello"_s);
    json.insert("future_field"_L1, QJsonObject{{"nested"_L1, QJsonArray{1, 2, 3}}});
    json.insert("version_count"_L1, 7);
    const std::optional<Image> parsed = Image::fromJson(json);
    QVERIFY(parsed);
    QCOMPARE(*parsed, fullImage());
}

void TestImageJson::missingFieldsDefaulted()
{
    const std::optional<Image> parsed = Image::fromJson(minimalRecord(u"only-id"_s));
    QVERIFY(parsed);
    Image expected;
    expected.id = u"only-id"_s;
    QCOMPARE(*parsed, expected);
    QCOMPARE(parsed->sizeKb, 0);
    QVERIFY(parsed->tags.isEmpty());
    QVERIFY(parsed->devServices.isEmpty());
}

void TestImageJson::nullTreatedAsMissing()
{
    QJsonObject json = minimalRecord(u"n"_s);
    for (const char *key : {"name",
                            "tag",
                            "namespace",
                            "swr_path",
                            "type",
                            "origin",
                            "status",
                            "status_message",
                            "visibility",
                            "arch",
                            "size",
                            "create_at",
                            "update_at",
                            "description",
                            "dev_services",
                            "resource_categories",
                            "support_res_categories",
                            "service_type",
                            "workspace_id",
                            "flavor_type",
                            "swr_instance_id",
                            "show_name",
                            "show_tag",
                            "tags"})
        json.insert(QLatin1StringView(key), QJsonValue::Null);
    json.insert("resource_categories"_L1, QJsonArray{u"CPU"_s, QJsonValue::Null});
    json.insert("tags"_L1, QJsonArray{QJsonValue::Null,
                                      QJsonObject{{"key"_L1, u"k"_s}, {"value"_L1, QJsonValue::Null}}});
    QString whyNot;
    const std::optional<Image> parsed = Image::fromJson(json, &whyNot);
    QVERIFY2(parsed, qPrintable(whyNot));
    QCOMPARE(parsed->name, QString());
    QCOMPARE(parsed->sizeKb, 0);
    QCOMPARE(parsed->resourceCategories, QStringList{u"CPU"_s});
    QCOMPARE(parsed->tags, (QList<ImageTag>{{u"k"_s, QString()}}));

    QVERIFY(!Image::fromJson(QJsonObject{{"id"_L1, QJsonValue::Null}}, &whyNot));
    QVERIFY(whyNot.contains("id"_L1));
}

void TestImageJson::numbersAccepted_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("integer") << QJsonValue(qint64(1234)) << qint64(1234);
    QTest::newRow("integral double") << QJsonValue(1234.0) << qint64(1234);
    QTest::newRow("exponent") << QJsonValue(1.5e3) << qint64(1500);
    QTest::newRow("large long") << QJsonValue(qint64(1'763'795'820'123LL)) << qint64(1'763'795'820'123LL);
    QTest::newRow("numeric string") << QJsonValue(u"1763795820123"_s) << qint64(1'763'795'820'123LL);
    QTest::newRow("numeric string with spaces") << QJsonValue(u" 42 "_s) << qint64(42);
    QTest::newRow("negative") << QJsonValue(-1) << qint64(-1);
    QTest::newRow("zero") << QJsonValue(0) << qint64(0);
}

void TestImageJson::numbersAccepted()
{
    QFETCH(QJsonValue, value);
    QFETCH(qint64, expected);
    for (const char *key : {"size", "create_at", "update_at"}) {
        QJsonObject json = minimalRecord(u"n"_s);
        json.insert(QLatin1StringView(key), value);
        QString whyNot;
        const std::optional<Image> parsed = Image::fromJson(json, &whyNot);
        QVERIFY2(parsed, qPrintable(whyNot));
        const qint64 actual = qstrcmp(key, "size") == 0        ? parsed->sizeKb
                              : qstrcmp(key, "create_at") == 0 ? parsed->createAtMs
                                                               : parsed->updateAtMs;
        QCOMPARE(actual, expected);
    }

    // Numbers parsed from text, as they come off the wire.
    const QByteArray body =
        "{\"id\":\"a\",\"size\":387840321,\"create_at\":1763795820123.0,\"update_at\":\"17\"}";
    const std::optional<Image> parsed = Image::fromJson(QJsonDocument::fromJson(body).object());
    QVERIFY(parsed);
    QCOMPARE(parsed->sizeKb, 387840321);
    QCOMPARE(parsed->createAtMs, 1'763'795'820'123LL);
    QCOMPARE(parsed->updateAtMs, 17);
}

void TestImageJson::wrongTypesRejected_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("id is a number") << u"id"_s << QJsonValue(5);
    QTest::newRow("id is empty") << u"id"_s << QJsonValue(u""_s);
    QTest::newRow("name is an object") << u"name"_s << QJsonValue(QJsonObject{{"a"_L1, 1}});
    QTest::newRow("status is an array") << u"status"_s << QJsonValue(QJsonArray{u"ACTIVE"_s});
    QTest::newRow("arch is a bool") << u"arch"_s << QJsonValue(true);
    QTest::newRow("size is a fraction") << u"size"_s << QJsonValue(1.5);
    QTest::newRow("size is a word") << u"size"_s << QJsonValue(u"big"_s);
    QTest::newRow("size too large") << u"size"_s << QJsonValue(1e30);
    QTest::newRow("create_at is an object") << u"create_at"_s << QJsonValue(QJsonObject());
    QTest::newRow("update_at is a bool") << u"update_at"_s << QJsonValue(false);
    QTest::newRow("tags is not an array") << u"tags"_s << QJsonValue(QJsonObject{{"key"_L1, u"k"_s}});
    QTest::newRow("tag is a string") << u"tags"_s << QJsonValue(QJsonArray{u"k=v"_s});
    QTest::newRow("tag key is a number") << u"tags"_s << QJsonValue(QJsonArray{QJsonObject{{"key"_L1, 1}}});
    QTest::newRow("dev_services is a string") << u"dev_services"_s << QJsonValue(u"NOTEBOOK"_s);
    QTest::newRow("resource_categories holds a number")
        << u"resource_categories"_s << QJsonValue(QJsonArray{1});
}

void TestImageJson::wrongTypesRejected()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QJsonObject json = fullImage().toJson();
    json.insert(key, value);
    QString whyNot;
    QVERIFY(!Image::fromJson(json, &whyNot));
    QVERIFY2(whyNot.contains(key), qPrintable(whyNot));
}

void TestImageJson::derivedProperties_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("visibility");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("arch");
    QTest::addColumn<bool>("builtIn");
    QTest::addColumn<bool>("isPrivate");
    QTest::addColumn<bool>("settling");
    QTest::addColumn<QString>("normalizedArch");
    QTest::newRow("private dedicated") << u"DEDICATED"_s << u"PRIVATE"_s << u"ACTIVE"_s << u"x86_64"_s
                                       << false << true << false << u"X86_64"_s;
    QTest::newRow("lower-case private") << u"DEDICATED"_s << u"private"_s << u"INIT"_s << u"aarch64"_s
                                        << false << true << true << u"AARCH64"_s;
    QTest::newRow("public dedicated") << u"DEDICATED"_s << u"PUBLIC"_s << u"CREATING"_s << u"AARCH64"_s
                                      << false << false << true << u"AARCH64"_s;
    QTest::newRow("built-in is never private")
        << u"BUILD_IN"_s << u"PRIVATE"_s << u"ACTIVE"_s << u""_s << true << false << false << u""_s;
    QTest::newRow("failed") << u"DEDICATED"_s << u"PRIVATE"_s << u"CREATE_FAILED"_s << u"X86_64"_s << false
                            << true << false << u"X86_64"_s;
    QTest::newRow("error") << u"DEDICATED"_s << u""_s << u"ERROR"_s << u"X86_64"_s << false << false << false
                           << u"X86_64"_s;
}

void TestImageJson::derivedProperties()
{
    QFETCH(QString, type);
    QFETCH(QString, visibility);
    QFETCH(QString, status);
    QFETCH(QString, arch);
    Image image;
    image.type = type;
    image.visibility = visibility;
    image.status = status;
    image.arch = arch;
    QTEST(image.isBuiltIn(), "builtIn");
    QTEST(image.isPrivate(), "isPrivate");
    QTEST(image.isSettling(), "settling");
    QTEST(image.normalizedArch(), "normalizedArch");
}

void TestImageJson::nameAndTag()
{
    Image image;
    image.name = u"pytorch"_s;
    image.tag = u"2.1"_s;
    QCOMPARE(image.nameAndTag(), u"pytorch:2.1"_s);
    image.tag.clear();
    QCOMPARE(image.nameAndTag(), u"pytorch"_s);
}

void TestImageJson::pageEnvelope()
{
    const QByteArray body =
        "{\"total\":107,\"current\":4,\"pages\":54,\"size\":2,\"is_swr_enterprise\":false,\"data\":["
        "{\"id\":\"a\",\"name\":\"n1\",\"arch\":\"x86_64\",\"size\":\"12\"},{\"id\":\"b\",\"name\":\"n2\"}]}";
    QString error;
    const std::optional<ImagePage> page = ImagePage::fromJson(body, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->total, 107);
    QCOMPARE(page->current, 4);
    QCOMPARE(page->pages, 54);
    QCOMPARE(page->size, 2);
    QCOMPARE(page->images.size(), 2);
    QCOMPARE(page->images.at(0).id, u"a"_s);
    QCOMPARE(page->images.at(0).normalizedArch(), u"X86_64"_s);
    QCOMPARE(page->images.at(0).sizeKb, 12);
    QCOMPARE(page->images.at(1).name, u"n2"_s);
    QVERIFY(page->skippedRecords.isEmpty());

    const std::optional<ImagePage> empty = ImagePage::fromJson("{\"data\":[]}");
    QVERIFY(empty);
    QCOMPARE(empty->total, 0);
    QVERIFY(empty->images.isEmpty());
}

void TestImageJson::pageSkipsBadRecords()
{
    QJsonArray data;
    data.append(fullImage().toJson());
    QJsonObject badName = minimalRecord(u"bad"_s);
    badName.insert("name"_L1, QJsonObject{{"zh"_L1, u"名字"_s}});
    data.append(badName);
    data.append(u"not a record"_s);
    data.append(QJsonObject{{"name"_L1, u"no id"_s}});
    QJsonObject badTags = minimalRecord(u"bad-tags"_s);
    badTags.insert("tags"_L1, u"k=v"_s);
    data.append(badTags);
    data.append(minimalRecord(u"last"_s));

    QString error;
    const std::optional<ImagePage> page = ImagePage::fromJson(pageBody(data), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->total, 6);
    QCOMPARE(page->images.size(), 2);
    QCOMPARE(page->images.at(0), fullImage());
    QCOMPARE(page->images.at(1).id, u"last"_s);
    QCOMPARE(page->skippedRecords.size(), 4);
    QVERIFY2(page->skippedRecords.at(0).startsWith("record 1: "_L1), qPrintable(page->skippedRecords.at(0)));
    QVERIFY(page->skippedRecords.at(0).contains("name"_L1));
    QVERIFY(page->skippedRecords.at(1).startsWith("record 2: "_L1));
    QVERIFY(page->skippedRecords.at(2).startsWith("record 3: "_L1));
    QVERIFY(page->skippedRecords.at(2).contains("id"_L1));
    QVERIFY(page->skippedRecords.at(3).startsWith("record 4: "_L1));
    QVERIFY(page->skippedRecords.at(3).contains("tags"_L1));
}

void TestImageJson::pageErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("<html><body>502 Bad Gateway</body></html>");
    QTest::newRow("truncated") << QByteArray("{\"total\":2,\"data\":[{\"id\":\"a\"},{\"id\":");
    QTest::newRow("array") << QByteArray("[{\"id\":\"a\"}]");
    QTest::newRow("string") << QByteArray("\"data\"");
    QTest::newRow("no data") << QByteArray("{\"total\":3}");
    QTest::newRow("data null") << QByteArray("{\"total\":3,\"data\":null}");
    QTest::newRow("data is an object") << QByteArray("{\"total\":3,\"data\":{\"id\":\"a\"}}");
    QTest::newRow("total is an object") << QByteArray("{\"total\":{},\"data\":[]}");
    QTest::newRow("current is fractional") << QByteArray("{\"current\":1.5,\"data\":[]}");
    QTest::newRow("pages beyond int") << QByteArray("{\"pages\":1e12,\"data\":[]}");
}

void TestImageJson::pageErrors()
{
    QFETCH(QByteArray, body);
    QString error;
    QVERIFY(!ImagePage::fromJson(body, &error));
    QVERIFY(!error.isEmpty());
}

void TestImageJson::pageEnvelopeNumbersAsStrings()
{
    const std::optional<ImagePage> page =
        ImagePage::fromJson("{\"total\":\"5000000000\",\"current\":\"1\",\"pages\":null,\"data\":[]}");
    QVERIFY(page);
    QCOMPARE(page->total, 5'000'000'000LL);
    QCOMPARE(page->current, 1);
    QCOMPARE(page->pages, 0);
}

void TestImageJson::thousandRecordPage()
{
    QJsonArray data;
    for (int i = 0; i < 1000; ++i) {
        Image image = fullImage();
        image.id = u"image-%1"_s.arg(i);
        image.sizeKb = i * 1024;
        image.arch = (i % 2) ? u"aarch64"_s : u"X86_64"_s;
        data.append(image.toJson());
    }
    QString error;
    const std::optional<ImagePage> page = ImagePage::fromJson(pageBody(data, 5000), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->total, 5000);
    QCOMPARE(page->images.size(), 1000);
    QVERIFY(page->skippedRecords.isEmpty());
    for (int i = 0; i < 1000; ++i) {
        QCOMPARE(page->images.at(i).id, u"image-%1"_s.arg(i));
        QCOMPARE(page->images.at(i).sizeKb, qint64(i) * 1024);
    }
    QCOMPARE(page->images.at(1).normalizedArch(), u"AARCH64"_s);
}

void TestImageJson::largePageIsFast()
{
    // 100,000 full records: the catalog parses pages like this off the GUI thread, so keep it quick.
    QJsonArray data;
    const QJsonObject record = fullImage().toJson();
    for (int i = 0; i < 100'000; ++i) {
        QJsonObject json = record;
        json.insert("id"_L1, u"image-%1"_s.arg(i));
        data.append(json);
    }
    const QByteArray body = pageBody(data);
    QElapsedTimer timer;
    timer.start();
    const std::optional<ImagePage> page = ImagePage::fromJson(body);
    const qint64 elapsedMs = timer.elapsed();
    QVERIFY(page);
    QCOMPARE(page->images.size(), 100'000);
    QCOMPARE(page->images.last().id, u"image-99999"_s);
    qInfo("parsed %d records (%lld bytes) in %lld ms", int(page->images.size()), qint64(body.size()),
          elapsedMs);
    // Generous bound (debug builds, sanitizers, a busy 2-core machine); it catches accidental quadratic work.
    QVERIFY2(elapsedMs < 20'000, qPrintable(u"took %1 ms"_s.arg(elapsedMs)));
}

QTEST_GUILESS_MAIN(TestImageJson)
#include "test_image_json.moc"
