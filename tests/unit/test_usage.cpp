// What runs images: the readers of the notebook, training job and service answers (hostile ones included),
// SWR reference normalisation and the ImageUsage index (by id, by path, by digest; Unknown is never "not in
// use").

#include "models/api/Usage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject notebook(const QString &id, const QJsonValue &image, const QString &name = u"nb"_s)
{
    return QJsonObject{{u"id"_s, id},
                       {u"name"_s, name},
                       {u"status"_s, u"RUNNING"_s},
                       {u"user_id"_s, u"u1"_s},
                       {u"image"_s, image}};
}

Image image(const QString &id, const QString &swrPath)
{
    Image result;
    result.id = id;
    result.swrPath = swrPath;
    return result;
}

ImageUser user(UsageKind kind, const QString &name, const QString &imageId, const QString &swrPath)
{
    ImageUser result;
    result.kind = kind;
    result.id = name + u"-id"_s;
    result.name = name;
    result.status = u"RUNNING"_s;
    result.images = {ImageReference{imageId, swrPath}};
    return result;
}

constexpr auto Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

} // namespace

class TestUsage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalise_data();
    void normalise();
    void keyOfAnImageWithoutPath();

    void notebookPage();
    void notebookPageHostile_data();
    void notebookPageHostile();
    void notebookRecordsThatCannotBeRead();
    void serverTextIsKeptAsData();

    void trainingJobPage();
    void trainingJobPageHostile();

    void servicePage();
    void serviceDetail();
    void serviceDetailHostile_data();
    void serviceDetailHostile();

    void matchesByIdWherePresent();
    void matchesByNormalisedPath();
    void matchesDigestOnlyWithTheImagesDigest();
    void failedListingIsUnknownNotUnused();
    void knownUserWinsOverAnUnknownListing();
};

void TestUsage::normalise_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("expected");
    const QString key = u"cv-lab/pytorch-train:v1.2.0"_s;
    QTest::newRow("registry host") << u"swr.cn-north-4.myhuaweicloud.com/cv-lab/pytorch-train:v1.2.0"_s
                                   << key;
    QTest::newRow("no host") << u"cv-lab/pytorch-train:v1.2.0"_s << key;
    QTest::newRow("host with port") << u"registry.local:5000/cv-lab/pytorch-train:v1.2.0"_s << key;
    QTest::newRow("localhost") << u"localhost/cv-lab/pytorch-train:v1.2.0"_s << key;
    QTest::newRow("scheme") << u"https://swr.cn-north-4.myhuaweicloud.com/cv-lab/pytorch-train:v1.2.0"_s
                            << key;
    QTest::newRow("upper case repository")
        << u"SWR.CN-NORTH-4.MYHUAWEICLOUD.COM/CV-Lab/PyTorch-Train:v1.2.0"_s << key;
    QTest::newRow("tag keeps its case") << u"cv-lab/pytorch-train:V1"_s << u"cv-lab/pytorch-train:V1"_s;
    QTest::newRow("missing tag is latest")
        << u"swr.cn-north-4.myhuaweicloud.com/cv-lab/pytorch-train"_s << u"cv-lab/pytorch-train:latest"_s;
    QTest::newRow("missing tag without host")
        << u"cv-lab/pytorch-train"_s << u"cv-lab/pytorch-train:latest"_s;
    QTest::newRow("port is not a tag")
        << u"registry.local:5000/cv-lab/pytorch-train"_s << u"cv-lab/pytorch-train:latest"_s;
    QTest::newRow("digest") << u"swr.cn-north-4.myhuaweicloud.com/cv-lab/pytorch-train@"_s +
                                   QLatin1String(Digest)
                            << u"cv-lab/pytorch-train@"_s + QLatin1String(Digest);
    QTest::newRow("tag and digest") << u"cv-lab/pytorch-train:v1@"_s + QLatin1String(Digest)
                                    << u"cv-lab/pytorch-train@"_s + QLatin1String(Digest);
    QTest::newRow("first component without dot is an organization")
        << u"team/group/name:1"_s << u"team/group/name:1"_s;
    QTest::newRow("one component") << u"pytorch:1"_s << QString();
    QTest::newRow("host and one component")
        << u"swr.example.com/pytorch:1"_s << u"swr.example.com/pytorch:1"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("empty tag") << u"cv-lab/pytorch-train:"_s << QString();
    QTest::newRow("empty digest") << u"cv-lab/pytorch-train@"_s << QString();
    QTest::newRow("empty component") << u"cv-lab//pytorch-train:1"_s << QString();
    QTest::newRow("space") << u"cv-lab/pytorch train:1"_s << QString();
    QTest::newRow("line break") << u"cv-lab/pytorch-train:1\n"_s << QString();
    QTest::newRow("bidi override") << u"cv-lab/pytorch-train:1\u202E"_s << QString();
}

void TestUsage::normalise()
{
    QFETCH(QString, reference);
    QFETCH(QString, expected);
    QCOMPARE(SwrReference::normalise(reference), expected);
}

void TestUsage::keyOfAnImageWithoutPath()
{
    Image fromFields;
    fromFields.nameSpace = u"cv-lab"_s;
    fromFields.name = u"pytorch-train"_s;
    fromFields.tag = u"v1"_s;
    QCOMPARE(SwrReference::keyOf(fromFields), u"cv-lab/pytorch-train:v1"_s);
    fromFields.swrPath = u"swr.cn-north-4.myhuaweicloud.com/other/name:v2"_s;
    QCOMPARE(SwrReference::keyOf(fromFields), u"other/name:v2"_s); // the path decides when there is one
    QCOMPARE(SwrReference::keyOf(Image()), QString());
}

void TestUsage::notebookPage()
{
    const QJsonObject body{
        {u"total"_s, 3},
        {u"current"_s, 0},
        {u"pages"_s, 1},
        {u"size"_s, 10},
        {u"data"_s, QJsonArray{notebook(u"n1"_s, QJsonObject{{u"id"_s, u"img-1"_s},
                                                             {u"name"_s, u"pytorch"_s},
                                                             {u"swr_path"_s, u"swr.x.com/org/pytorch:1"_s},
                                                             {u"type"_s, u"BUILD_IN"_s}}),
                               notebook(u"n2"_s, QJsonObject{{u"swr_path"_s, u"org/custom:2"_s}}),
                               notebook(u"n3"_s, QJsonObject{{u"id"_s, u"img-3"_s}})}}};
    QString why;
    const std::optional<NotebookPage> page = NotebookPage::fromJson(json(body), &why);
    QVERIFY2(page, qPrintable(why));
    QCOMPARE(page->total, 3);
    QCOMPARE(page->users.size(), 3);
    QVERIFY(page->skippedRecords.isEmpty());
    const ImageUser &first = page->users.at(0);
    QCOMPARE(first.kind, UsageKind::Notebook);
    QCOMPARE(first.id, u"n1"_s);
    QCOMPARE(first.name, u"nb"_s);
    QCOMPARE(first.status, u"RUNNING"_s);
    QCOMPARE(first.images, (QList<ImageReference>{{u"img-1"_s, u"swr.x.com/org/pytorch:1"_s}}));
    QCOMPARE(page->users.at(1).images, (QList<ImageReference>{{QString(), u"org/custom:2"_s}}));
    QCOMPARE(page->users.at(2).images, (QList<ImageReference>{{u"img-3"_s, QString()}}));
}

void TestUsage::notebookPageHostile_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not json") << QByteArray("<html>502 Bad Gateway</html>");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("no total") << QByteArray(R"({"data":[]})");
    QTest::newRow("total is a string") << QByteArray(R"({"total":"5","data":[]})");
    QTest::newRow("negative total") << QByteArray(R"({"total":-1,"data":[]})");
    QTest::newRow("fractional total") << QByteArray(R"({"total":1.5,"data":[]})");
    QTest::newRow("total beyond exact numbers") << QByteArray(R"({"total":1e300,"data":[]})");
    QTest::newRow("no data") << QByteArray(R"({"total":0})");
    QTest::newRow("data is an object") << QByteArray(R"({"total":1,"data":{"id":"x"}})");
}

void TestUsage::notebookPageHostile()
{
    QFETCH(QByteArray, body);
    QString why;
    QVERIFY(!NotebookPage::fromJson(body, &why));
    QVERIFY(!why.isEmpty());
}

void TestUsage::notebookRecordsThatCannotBeRead()
{
    // A huge total is reported as it is: the listing bounds it before anything is sized from it.
    const QJsonObject body{
        {u"total"_s, 4294967296.0 * 1024},
        {u"data"_s,
         QJsonArray{1, notebook(u"n1"_s, QJsonValue()), notebook(u"n2"_s, u"img"_s),
                    notebook(u"n3"_s, QJsonObject{{u"id"_s, 42}}), notebook(u"n4"_s, QJsonObject{}),
                    QJsonObject{{u"id"_s, QJsonArray{}}, {u"image"_s, QJsonObject{{u"id"_s, u"i"_s}}}},
                    notebook(u"n5"_s, QJsonObject{{u"id"_s, u"img-5"_s}})}}};
    QString why;
    const std::optional<NotebookPage> page = NotebookPage::fromJson(json(body), &why);
    QVERIFY2(page, qPrintable(why));
    QCOMPARE(page->total, qint64(4294967296) * 1024);
    QCOMPARE(page->users.size(), 1);
    QCOMPARE(page->users.constFirst().id, u"n5"_s);
    QCOMPARE(page->skippedRecords.size(), 6);
    QVERIFY(page->skippedRecords.constFirst().startsWith(u"record 0"_s));
}

void TestUsage::serverTextIsKeptAsData()
{
    const QString name = u"<b>nb</b>\n\u202Eevil<!--"_s;
    const QJsonObject body{
        {u"total"_s, 1},
        {u"data"_s, QJsonArray{notebook(u"<a href='x'>"_s, QJsonObject{{u"id"_s, u"img\u0007"_s}}, name)}}};
    const std::optional<NotebookPage> page = NotebookPage::fromJson(json(body));
    QVERIFY(page);
    QCOMPARE(page->users.constFirst().name, name);
    QCOMPARE(page->users.constFirst().id, u"<a href='x'>"_s);
    QCOMPARE(page->users.constFirst().images.constFirst().imageId, u"img\u0007"_s);
}

void TestUsage::trainingJobPage()
{
    const auto job = [](const QString &id, const QJsonValue &engine) {
        return QJsonObject{{u"metadata"_s, QJsonObject{{u"id"_s, id},
                                                       {u"name"_s, QString(u"job-"_s + id)},
                                                       {u"create_time"_s, qint64(1700000000000)}}},
                           {u"status"_s, QJsonObject{{u"phase"_s, u"Completed"_s}}},
                           {u"algorithm"_s, QJsonObject{{u"engine"_s, engine}}}};
    };
    const QJsonObject body{
        {u"total"_s, 12},
        {u"count"_s, 5},
        {u"limit"_s, 5},
        {u"offset"_s, 1},
        {u"items"_s,
         QJsonArray{job(u"j1"_s, QJsonObject{{u"image_url"_s, u"org/train:1"_s}}),
                    job(u"j2"_s, QJsonObject{{u"engine_id"_s, u"pytorch-2"_s}}), // a preset engine: no image
                    job(u"j3"_s, u"not an object"_s), job(u"j4"_s, QJsonObject{{u"image_url"_s, 7}}),
                    QJsonObject{{u"metadata"_s, u"x"_s}}}}};
    QString why;
    const std::optional<TrainingJobPage> page = TrainingJobPage::fromJson(json(body), &why);
    QVERIFY2(page, qPrintable(why));
    QCOMPARE(page->total, 12);
    QCOMPARE(page->count, 5);
    QCOMPARE(page->matching(), 5); // count is what the search matched: the pages hold that many
    QCOMPARE(page->users.size(), 2);
    QCOMPARE(page->users.at(0).kind, UsageKind::TrainingJob);
    QCOMPARE(page->users.at(0).name, u"job-j1"_s);
    QCOMPARE(page->users.at(0).status, u"Completed"_s);
    QCOMPARE(page->users.at(0).images, (QList<ImageReference>{{QString(), u"org/train:1"_s}}));
    QVERIFY(page->users.at(1).images.isEmpty());
    QCOMPARE(page->skippedRecords.size(), 3);
}

void TestUsage::trainingJobPageHostile()
{
    const std::optional<TrainingJobPage> withoutCount =
        TrainingJobPage::fromJson(R"({"total":7,"items":[]})");
    QVERIFY(withoutCount);
    QCOMPARE(withoutCount->count, -1);
    QCOMPARE(withoutCount->matching(), 7);
    for (const QByteArray &body :
         {QByteArray("{"), QByteArray(R"({"items":[]})"), QByteArray(R"({"total":true,"items":[]})"),
          QByteArray(R"({"total":1,"items":"x"})"), QByteArray(R"({"total":1,"count":-3,"items":[]})")}) {
        QString why;
        QVERIFY2(!TrainingJobPage::fromJson(body, &why), body.constData());
        QVERIFY(!why.isEmpty());
    }
}

void TestUsage::servicePage()
{
    const QJsonObject body{
        {u"total"_s, 3},
        {u"current"_s, 0},
        {u"size"_s, 100},
        {u"data"_s,
         QJsonArray{QJsonObject{{u"id"_s, u"s1"_s}, {u"name"_s, u"a"_s}, {u"status"_s, u"running"_s}},
                    QJsonObject{{u"name"_s, u"no id"_s}}, QJsonObject{{u"id"_s, 5}}}}};
    std::optional<ServicePage> page = ServicePage::fromJson(json(body));
    QVERIFY(page);
    QCOMPARE(page->total, 3);
    QCOMPARE(page->services.size(), 1);
    QCOMPARE(page->services.constFirst().id, u"s1"_s);
    QCOMPARE(page->services.constFirst().kind, UsageKind::Service);
    QCOMPARE(page->skippedRecords.size(), 2);
    // The published v1 envelope names its members differently.
    page = ServicePage::fromJson(
        R"({"total_count":1,"count":1,"services":[{"service_id":"s9","service_name":"b","status":"stopped"}]})");
    QVERIFY(page);
    QCOMPARE(page->total, 1);
    QCOMPARE(page->services.constFirst().id, u"s9"_s);
    QCOMPARE(page->services.constFirst().name, u"b"_s);
    QVERIFY(!ServicePage::fromJson(R"({"total":1})"));
}

void TestUsage::serviceDetail()
{
    const auto unit = [](const QJsonObject &image) { return QJsonObject{{u"image"_s, image}}; };
    const QJsonObject body{
        {u"id"_s, u"s1"_s},
        {u"name"_s, u"svc"_s},
        {u"status"_s, u"running"_s},
        {u"version"_s,
         QJsonObject{
             {u"instance_groups"_s,
              QJsonArray{
                  QJsonObject{{u"unit_configs"_s, QJsonArray{unit({{u"id"_s, u"img-1"_s},
                                                                   {u"source"_s, u"MODELARTS"_s},
                                                                   {u"swr_path"_s, u"org/a:1"_s}}),
                                                             unit({{u"swr_path"_s, u"org/b:2"_s}})}}},
                  QJsonObject{{u"unit_configs"_s, QJsonArray{unit({{u"swr_path"_s, u"org/b:2"_s}})}}}}}}}};
    QString why;
    const std::optional<ImageUser> service = serviceFromJson(json(body), &why);
    QVERIFY2(service, qPrintable(why));
    QCOMPARE(service->kind, UsageKind::Service);
    QCOMPARE(service->status, u"running"_s);
    QCOMPARE(service->images, (QList<ImageReference>{{u"img-1"_s, u"org/a:1"_s}, {QString(), u"org/b:2"_s}}));
}

void TestUsage::serviceDetailHostile_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("html") << QByteArray("<html></html>");
    QTest::newRow("no version") << QByteArray(R"({"id":"s"})");
    QTest::newRow("version is a string") << QByteArray(R"({"id":"s","version":"1"})");
    QTest::newRow("groups missing") << QByteArray(R"({"id":"s","version":{}})");
    QTest::newRow("group is a number") << QByteArray(R"({"id":"s","version":{"instance_groups":[1]}})");
    QTest::newRow("unit without image")
        << QByteArray(R"({"id":"s","version":{"instance_groups":[{"unit_configs":[{}]}]}})");
    QTest::newRow("image id is a number")
        << QByteArray(R"({"id":"s","version":{"instance_groups":[{"unit_configs":[{"image":{"id":1}}]}]}})");
    QTest::newRow("name is an object")
        << QByteArray(R"({"id":"s","name":{},"version":{"instance_groups":[]}})");
}

void TestUsage::serviceDetailHostile()
{
    // Any part that cannot be read could hide an image: the service is unreadable as a whole.
    QFETCH(QByteArray, body);
    QString why;
    QVERIFY(!serviceFromJson(body, &why));
    QVERIFY(!why.isEmpty());
}

void TestUsage::matchesByIdWherePresent()
{
    ImageUsage usage;
    // The id decides when a reference has one: its path is not looked at.
    usage.addUsers({user(UsageKind::Notebook, u"nb"_s, u"img-1"_s, u"org/other:9"_s)});
    QCOMPARE(usage.usersOf(image(u"img-1"_s, u"swr.x.com/org/name:1"_s)).size(), 1);
    QCOMPARE(usage.usersOf(image(u"img-2"_s, u"swr.x.com/org/other:9"_s)).size(), 0);
    QCOMPARE(usage.stateOf(image(u"img-2"_s, u"swr.x.com/org/other:9"_s)), UsageState::NotInUse);
    QCOMPARE(usage.stateOf(image(u"img-1"_s, QString())), UsageState::InUse);
}

void TestUsage::matchesByNormalisedPath()
{
    ImageUsage usage;
    usage.addUsers(
        {user(UsageKind::TrainingJob, u"job"_s, QString(), u"org/name:1"_s),
         user(UsageKind::Service, u"svc"_s, QString(), u"swr.cn-north-4.myhuaweicloud.com/org/name"_s),
         user(UsageKind::Notebook, u"nb"_s, QString(), u"org/name:1"_s)});
    const QList<ImageUser> users =
        usage.usersOf(image(u"img-1"_s, u"swr.cn-north-4.myhuaweicloud.com/org/name:1"_s));
    QCOMPARE(users.size(), 2);
    QCOMPARE(users.at(0).name, u"job"_s);
    QCOMPARE(users.at(1).name, u"nb"_s);
    const QList<ImageUser> latest = usage.usersOf(image(u"img-2"_s, u"org/name:latest"_s));
    QCOMPARE(latest.size(), 1);
    QCOMPARE(latest.constFirst().name, u"svc"_s);
    QCOMPARE(usage.usersOf(image(u"img-3"_s, u"org/name:2"_s)).size(), 0);
    QCOMPARE(usage.usersOf(image(u"img-4"_s, u"other/name:1"_s)).size(), 0);
}

void TestUsage::matchesDigestOnlyWithTheImagesDigest()
{
    ImageUsage usage;
    usage.addUsers({user(UsageKind::TrainingJob, u"job"_s, QString(),
                         u"swr.x.com/org/name@"_s + QLatin1String(Digest))});
    const Image pinned = image(u"img-1"_s, u"swr.x.com/org/name:1"_s);
    QCOMPARE(usage.usersOf(pinned).size(), 0); // digest unknown: nothing
    QCOMPARE(usage.usersOf(pinned, QLatin1String(Digest)).size(), 1);
    QCOMPARE(usage.usersOf(pinned, u"sha256:ffff"_s).size(), 0);
    QCOMPARE(usage.usersOf(image(u"img-2"_s, u"swr.x.com/other/name:1"_s), QLatin1String(Digest)).size(), 0);
}

void TestUsage::failedListingIsUnknownNotUnused()
{
    ImageUsage usage;
    QVERIFY(usage.isComplete());
    usage.addUsers({user(UsageKind::Notebook, u"nb"_s, u"img-1"_s, QString())});
    ApiError forbidden;
    forbidden.kind = ErrorKind::Permission;
    forbidden.httpStatus = 403;
    forbidden.code = u"ModelArts.0203"_s;
    forbidden.message = u"Permission denied"_s;
    usage.setUnknown(UsageKind::Service, forbidden);
    usage.setUnknown(UsageKind::TrainingJob, ApiError::make(ErrorKind::Network, u"Connection refused"_s));
    QVERIFY(!usage.isComplete());
    QVERIFY(usage.isKnown(UsageKind::Notebook));
    QVERIFY(!usage.isKnown(UsageKind::Service));
    QCOMPARE(usage.unknownReason(UsageKind::Service).code, u"ModelArts.0203"_s);
    QCOMPARE(usage.unknownReason(UsageKind::Service).httpStatus, 403);
    QCOMPARE(usage.unknownReason(UsageKind::TrainingJob).kind, ErrorKind::Network);
    QCOMPARE(usage.unknownReason(UsageKind::Notebook).kind, ErrorKind::None);
    QCOMPARE(usage.stateOf(image(u"img-2"_s, u"org/a:1"_s)), UsageState::Unknown);
    // A reason without an error still leaves the kind Unknown.
    ImageUsage other;
    other.setUnknown(UsageKind::Notebook, ApiError());
    QVERIFY(!other.isKnown(UsageKind::Notebook));
    QCOMPARE(other.stateOf(image(u"img-2"_s, u"org/a:1"_s)), UsageState::Unknown);
}

void TestUsage::knownUserWinsOverAnUnknownListing()
{
    ImageUsage usage;
    usage.setUnknown(UsageKind::Service, ApiError::make(ErrorKind::NotFound, u"no API here"_s));
    usage.addUsers({user(UsageKind::Notebook, u"nb"_s, u"img-1"_s, QString())});
    QCOMPARE(usage.stateOf(image(u"img-1"_s, QString())), UsageState::InUse);
}

QTEST_APPLESS_MAIN(TestUsage)
#include "test_usage.moc"
