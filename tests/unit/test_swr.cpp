#include "ErrorKindPrinting.h"
#include "models/api/Regions.h"
#include "models/api/SizeUnitInference.h"
#include "models/api/Swr.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

// SWR's answers as value types: Content-Range, the records (with the capital "Tag" key), bounds, odd types,
// the repository segment, delete outcomes, the region endpoints and the inference of ModelArts' size unit.
class TestSwr : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contentRangeParses_data();
    void contentRangeParses();
    void contentRangeRefuses_data();
    void contentRangeRefuses();
    void contentRangeMatchesPage_data();
    void contentRangeMatchesPage();
    void namespaces();
    void repositories();
    void tagsUseTheCapitalTagKey();
    void recordsAreRefusedWhole_data();
    void recordsAreRefusedWhole();
    void overviewKeepsItsSpelling();
    void repositorySegment();
    void deleteOutcomes_data();
    void deleteOutcomes();
    void permissionSentences();
    void swrEndpoints();
    void sizeUnitInference_data();
    void sizeUnitInference();
    void sizeUnitSamplesMatchTags();
};

void TestSwr::contentRangeParses_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<qint64>("total");
    QTest::newRow("first page") << QByteArray("0-99/250") << 0LL << 99LL << 250LL;
    QTest::newRow("last page") << QByteArray("200-249/250") << 200LL << 249LL << 250LL;
    QTest::newRow("one record") << QByteArray("0-0/1") << 0LL << 0LL << 1LL;
    QTest::newRow("nothing") << QByteArray("0-0/0") << 0LL << 0LL << 0LL;
    QTest::newRow("blanks around") << QByteArray("  5-9/10 ") << 5LL << 9LL << 10LL;
    QTest::newRow("15 digits") << QByteArray("0-0/999999999999999") << 0LL << 0LL << 999999999999999LL;
    // HTTP's form for a range that holds nothing: what the sandbox sends for an empty repository.
    QTest::newRow("unsatisfied, nothing") << QByteArray("*/0") << 0LL << 0LL << 0LL;
    QTest::newRow("unsatisfied, past the end") << QByteArray(" */250 ") << 0LL << 0LL << 250LL;
}

void TestSwr::contentRangeParses()
{
    QFETCH(QByteArray, header);
    QString why;
    const std::optional<SwrContentRange> range = SwrContentRange::parse(header, &why);
    QVERIFY2(range, qPrintable(why));
    QTEST(range->start, "start");
    QTEST(range->end, "end");
    QTEST(range->total, "total");
}

void TestSwr::contentRangeRefuses_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("unit prefix") << QByteArray("items 0-9/10");
    QTest::newRow("unknown total") << QByteArray("0-9/*");
    QTest::newRow("end beyond total") << QByteArray("0-10/10");
    QTest::newRow("end equals total") << QByteArray("0-9/9");
    QTest::newRow("start after end") << QByteArray("9-0/10");
    QTest::newRow("negative") << QByteArray("-1-9/10");
    QTest::newRow("16 digits") << QByteArray("0-0/1000000000000000");
    QTest::newRow("overflowing") << QByteArray("0-0/99999999999999999999999");
    QTest::newRow("plus sign") << QByteArray("+0-9/10");
    QTest::newRow("fraction") << QByteArray("0-9/10.5");
    QTest::newRow("two ranges") << QByteArray("0-9/10,0-9/10");
    QTest::newRow("non-empty range of nothing") << QByteArray("0-5/0");
    QTest::newRow("arabic digits") << QByteArray("٠-٩/١٠");
    QTest::newRow("very long") << QByteArray(4096, '1');
    QTest::newRow("unsatisfied without total") << QByteArray("*/*");
    QTest::newRow("unsatisfied with a range") << QByteArray("*0-9/10");
}

void TestSwr::contentRangeRefuses()
{
    QFETCH(QByteArray, header);
    QString why;
    QVERIFY(!SwrContentRange::parse(header, &why));
    QVERIFY(!why.isEmpty());
    QVERIFY(why.size() < 300); // a long header is not echoed whole
}

void TestSwr::contentRangeMatchesPage_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<bool>("matches");
    QTest::newRow("full page") << QByteArray("0-99/250") << 0LL << 100LL << true;
    QTest::newRow("short last page") << QByteArray("200-249/250") << 200LL << 50LL << true;
    QTest::newRow("nothing") << QByteArray("0-0/0") << 0LL << 0LL << true;
    QTest::newRow("records but total 0") << QByteArray("0-0/0") << 0LL << 3LL << false;
    QTest::newRow("wrong start") << QByteArray("100-199/250") << 0LL << 100LL << false;
    QTest::newRow("more records than range") << QByteArray("0-9/250") << 0LL << 100LL << false;
    QTest::newRow("fewer records than range") << QByteArray("0-99/250") << 0LL << 10LL << false;
    // An empty page before the total: a server that would make the client ask again forever.
    QTest::newRow("empty page before the end") << QByteArray("0-0/250") << 100LL << 0LL << false;
    QTest::newRow("empty page past the end") << QByteArray("0-0/250") << 250LL << 0LL << true;
    QTest::newRow("unsatisfied, nothing there") << QByteArray("*/0") << 0LL << 0LL << true;
    QTest::newRow("unsatisfied past the end") << QByteArray("*/250") << 250LL << 0LL << true;
    QTest::newRow("unsatisfied before the end") << QByteArray("*/250") << 100LL << 0LL << false;
    QTest::newRow("unsatisfied with records") << QByteArray("*/250") << 250LL << 5LL << false;
    QTest::newRow("unsatisfied nothing with records") << QByteArray("*/0") << 0LL << 1LL << false;
}

void TestSwr::contentRangeMatchesPage()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, offset);
    QFETCH(qint64, count);
    const std::optional<SwrContentRange> range = SwrContentRange::parse(header);
    QVERIFY(range);
    QString why;
    QTEST(range->matchesPage(offset, count, &why), "matches");
}

void TestSwr::namespaces()
{
    QString why;
    const auto spaces = Swr::parseNamespaces(
        R"({"namespaces":[{"id":1422,"name":"team-a","creator_name":"alice","auth":7},{"name":"b"}]})", &why);
    QVERIFY2(spaces, qPrintable(why));
    QCOMPARE(spaces->size(), 2);
    QCOMPARE(spaces->at(0), (SwrNamespace{1422, u"team-a"_s, u"alice"_s, 7}));
    QCOMPARE(spaces->at(1).id, -1);
    QCOMPARE(spaces->at(1).auth, -1);
    QVERIFY(!Swr::parseNamespaces(R"([{"name":"a"}])", &why));
    QVERIFY(!Swr::parseNamespaces(R"({"namespaces":[{"name":"a","auth":8}]})", &why));
    QVERIFY2(why.contains(u"auth"_s), qPrintable(why));
}

void TestSwr::repositories()
{
    const QByteArray body = R"([{"name":"group/pytorch","namespace":"team-a","size":3376133259,"num_images":2,
        "tags":["v1","v2"],"path":"swr.cn-north-4.myhuaweicloud.com/team-a/group/pytorch",
        "internal_path":"10.125.0.198:20202/team-a/group/pytorch","is_public":false,"category":"other",
        "created_at":"2024-03-01T08:00:00Z","updated_at":"2024-03-02T09:30:15.123Z","num_download":5,
        "domain_name":"d","status":false,"total_range":1,"logo":"","url":"","description":""}])";
    QString why;
    const auto repositories = Swr::parseRepositories(body, &why);
    QVERIFY2(repositories, qPrintable(why));
    QCOMPARE(repositories->size(), 1);
    const SwrRepository &repository = repositories->constFirst();
    QCOMPARE(repository.name, u"group/pytorch"_s);
    QCOMPARE(repository.nameSpace, u"team-a"_s);
    QCOMPARE(repository.sizeBytes, 3376133259LL);
    QCOMPARE(repository.tagCount, 2);
    QCOMPARE(repository.tags, (QStringList{u"v1"_s, u"v2"_s}));
    QCOMPARE(repository.internalPath, u"10.125.0.198:20202/team-a/group/pytorch"_s);
    QCOMPARE(repository.created, QDateTime(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC));
    QCOMPARE(repository.updated, QDateTime(QDate(2024, 3, 2), QTime(9, 30, 15, 123), Qt::UTC));
    QVERIFY(!repository.isPublic);

    // A date in a form not known is left unknown rather than refusing the page.
    const auto odd =
        Swr::parseRepositories(R"([{"name":"r","namespace":"n","updated_at":"yesterday"}])", &why);
    QVERIFY2(odd, qPrintable(why));
    QVERIFY(!odd->constFirst().updated.isValid());
    QCOMPARE(odd->constFirst().sizeBytes, -1);
    QVERIFY(Swr::parseRepositories("[]", &why)->isEmpty());
}

void TestSwr::tagsUseTheCapitalTagKey()
{
    const QByteArray body = R"([{"id":7,"repo_id":3,"Tag":"v1","image_id":"abc","manifest":"{}",
        "digest":"sha256:0123","schema":2,"path":"swr.cn-north-4.myhuaweicloud.com/team-a/group/pytorch:v1",
        "internal_path":"10.125.0.198:20202/team-a/group/pytorch:v1","size":387840321,"is_trusted":false,
        "created":"2024-03-01T08:00:00Z","updated":"2024-03-01T08:00:00Z","deleted":null,"tag_type":0}])";
    QString why;
    const auto tags = Swr::parseTags(body, u"team-a"_s, u"group/pytorch"_s, &why);
    QVERIFY2(tags, qPrintable(why));
    QCOMPARE(tags->size(), 1);
    const SwrTag &tag = tags->constFirst();
    QCOMPARE(tag.tag, u"v1"_s);
    QCOMPARE(tag.nameSpace, u"team-a"_s);
    QCOMPARE(tag.repository, u"group/pytorch"_s);
    QCOMPARE(tag.id, 7);
    QCOMPARE(tag.repositoryId, 3);
    QCOMPARE(tag.sizeBytes, 387840321LL);
    QCOMPARE(tag.digest, u"sha256:0123"_s);
    QCOMPARE(tag.imageId, u"abc"_s);

    // A lower-case "tag" is not the field: the record has no tag name and the page is refused.
    QVERIFY(!Swr::parseTags(R"([{"tag":"v1","size":1}])", u"n"_s, u"r"_s, &why));
    QVERIFY2(why.contains(u"Tag"_s), qPrintable(why));
}

void TestSwr::recordsAreRefusedWhole_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not JSON") << QByteArray("[{") << QString();
    QTest::newRow("an object") << QByteArray(R"({"tags":[]})") << QString();
    QTest::newRow("record not an object") << QByteArray(R"([{"Tag":"a"},"b"])") << u"record 2"_s;
    QTest::newRow("size as text") << QByteArray(R"([{"Tag":"a","size":"12"}])") << u"size"_s;
    QTest::newRow("size negative") << QByteArray(R"([{"Tag":"a","size":-1}])") << u"size"_s;
    QTest::newRow("size fractional") << QByteArray(R"([{"Tag":"a","size":1.5}])") << u"size"_s;
    QTest::newRow("size beyond 1 PiB") << QByteArray(R"([{"Tag":"a","size":1125899906842625}])") << u"size"_s;
    QTest::newRow("size 1e300") << QByteArray(R"([{"Tag":"a","size":1e300}])") << u"size"_s;
    QTest::newRow("id beyond 2^53") << QByteArray(R"([{"Tag":"a","id":9007199254740993}])") << u"id"_s;
    QTest::newRow("tag a number") << QByteArray(R"([{"Tag":1}])") << u"Tag"_s;
    QTest::newRow("tag empty") << QByteArray(R"([{"Tag":""}])") << u"Tag"_s;
    QTest::newRow("tag missing") << QByteArray(R"([{"size":1}])") << u"Tag"_s;
    QTest::newRow("digest an object") << QByteArray(R"([{"Tag":"a","digest":{}}])") << u"digest"_s;
    QTest::newRow("over-long text") << QByteArray(R"([{"Tag":")" + QByteArray(5000, 'x') + R"("}])")
                                    << u"Tag"_s;
}

void TestSwr::recordsAreRefusedWhole()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    QString why;
    QVERIFY(!Swr::parseTags(body, u"n"_s, u"r"_s, &why));
    QVERIFY(!why.isEmpty());
    QVERIFY2(why.contains(mentions), qPrintable(why));
}

void TestSwr::overviewKeepsItsSpelling()
{
    QString why;
    const auto overview = Swr::parseOverview(
        R"({"domain_id":"d1","domain_name":"acme","namspace_num":3,"repo_num":12,"image_num":40,
            "store_space":1234.5,"downflow_size":0})",
        &why);
    QVERIFY2(overview, qPrintable(why));
    QCOMPARE(overview->namespaceCount, 3);
    QCOMPARE(overview->repositoryCount, 12);
    QCOMPARE(overview->imageCount, 40);
    QCOMPARE(overview->storeSpace, std::optional<double>(1234.5));
    QCOMPARE(overview->downflowSize, std::optional<double>(0));
    // The correctly spelled key is not SWR's: the count stays unknown.
    const auto respelled = Swr::parseOverview(R"({"namespace_num":3})", &why);
    QVERIFY(respelled);
    QCOMPARE(respelled->namespaceCount, -1);
    QVERIFY(!respelled->storeSpace);
    QVERIFY(!Swr::parseOverview(R"({"store_space":"big"})", &why));
    QVERIFY(!Swr::parseOverview(R"({"repo_num":-3})", &why));
    QVERIFY(!Swr::parseOverview("[]", &why));
}

void TestSwr::repositorySegment()
{
    QCOMPARE(Swr::repositorySegment(u"pytorch"_s), std::optional<QString>(u"pytorch"_s));
    QCOMPARE(Swr::repositorySegment(u"group/sub/pytorch"_s), std::optional<QString>(u"group$sub$pytorch"_s));
    QString why;
    // "$" would be read back as "/": the name cannot be sent.
    QVERIFY(!Swr::repositorySegment(u"price$list"_s, &why));
    QVERIFY2(why.contains(u"price$list"_s), qPrintable(why));
    QVERIFY(!Swr::repositorySegment(QString(), &why));
}

void TestSwr::deleteOutcomes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("mayHaveTakenEffect");
    QTest::addColumn<int>("outcome");
    QTest::newRow("204") << 204 << QByteArray() << false << int(Swr::DeleteOutcome::Deleted);
    QTest::newRow("404 from SWR")
        << 404 << QByteArray(R"([{"errorCode":"SVCSTG.SWR.4040005","errorMessage":"x","detail":""}])")
        << false << int(Swr::DeleteOutcome::AlreadyGone);
    QTest::newRow("404 without body") << 404 << QByteArray() << false << int(Swr::DeleteOutcome::AlreadyGone);
    QTest::newRow("404 after a lost answer")
        << 404 << QByteArray(R"([{"errorCode":"SVCSTG.SWR.4040005","errorMessage":"x","detail":""}])") << true
        << int(Swr::DeleteOutcome::AlreadyGone);
    // A gateway that does not know the address says nothing about the tag.
    QTest::newRow("404 from the gateway")
        << 404 << QByteArray(R"({"error_code":"APIGW.0101","error_msg":"The API does not exist"})") << false
        << int(Swr::DeleteOutcome::Failed);
    QTest::newRow("403") << 403 << QByteArray(R"([{"errorCode":"SVCSTG.SWR.4030001","errorMessage":"x"}])")
                         << false << int(Swr::DeleteOutcome::Failed);
    QTest::newRow("504 may have deleted") << 504 << QByteArray() << true << int(Swr::DeleteOutcome::Unknown);
}

void TestSwr::deleteOutcomes()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, mayHaveTakenEffect);
    const ApiError error = status / 100 == 2 ? ApiError() : ApiError::fromHttpResponse(status, body, {});
    QFETCH(int, outcome);
    QCOMPARE(int(Swr::deleteOutcome(error, status, mayHaveTakenEffect)), outcome);
}

void TestSwr::permissionSentences()
{
    QVERIFY(Swr::missingPermission(Swr::Access::Read).contains(u"SWR Admin"_s));
    QVERIFY(Swr::missingPermission(Swr::Access::Read).contains(u"read permission"_s));
    QVERIFY(Swr::missingPermission(Swr::Access::Delete).contains(u"manage permission"_s));
}

void TestSwr::swrEndpoints()
{
    QCOMPARE(Regions::swrEndpointFor(u"cn-north-4"_s),
             QUrl(u"https://swr-api.cn-north-4.myhuaweicloud.com"_s));
    // Hong Kong: SWR under .com while ModelArts is under .cn.
    QCOMPARE(Regions::swrEndpointFor(u"ap-southeast-1"_s),
             QUrl(u"https://swr-api.ap-southeast-1.myhuaweicloud.com"_s));
    QCOMPARE(Regions::find(u"ap-southeast-1"_s)->modelArtsEndpoint.host(),
             u"modelarts.ap-southeast-1.myhuaweicloud.cn"_s);
    QCOMPARE(Regions::find(u"ap-southeast-1"_s)->swrEndpoint,
             QUrl(u"https://swr-api.ap-southeast-1.myhuaweicloud.com"_s));
    QCOMPARE(Regions::swrEndpointFor(u"eu-west-101"_s),
             QUrl(u"https://swr-api.eu-west-101.myhuaweicloud.eu"_s));
    // Regions the SDK has no SWR endpoint for: the profile must name one.
    QVERIFY(Regions::swrEndpointFor(u"cn-east-4"_s).isEmpty());
    QVERIFY(Regions::find(u"cn-east-4"_s)->swrEndpoint.isEmpty());
    QVERIFY(Regions::swrEndpointFor(u"xx-nowhere-9"_s).isEmpty());
}

void TestSwr::sizeUnitInference_data()
{
    QTest::addColumn<QList<SizeUnit::Sample>>("samples");
    QTest::addColumn<bool>("bytes");
    QTest::addColumn<bool>("fromEvidence");
    QTest::addColumn<QString>("explains");
    const auto sample = [](qint64 reported, qint64 tagBytes) {
        return SizeUnit::Sample{u"id"_s, u"img:v1"_s, reported, tagBytes};
    };
    QTest::newRow("no evidence") << QList<SizeUnit::Sample>{} << false << false << u"no image"_s;
    QTest::newRow("equal sizes: bytes")
        << QList{sample(387840321, 387840321), sample(3376133259, 3376133260), sample(1000, 1200)} << true
        << true << u"bytes"_s;
    QTest::newRow("about 1,024 times: KB")
        << QList{sample(378750, 387840321), sample(3297005, 3376133259), sample(1000, 1100 * 1024)} << false
        << true << u"1,024"_s;
    QTest::newRow("too few") << QList{sample(1000, 1000), sample(2000, 2000)} << false << false
                             << u"too few"_s;
    QTest::newRow("disagreeing") << QList{sample(1000, 1000), sample(2000, 2000), sample(3000, 3000),
                                          sample(1000, 1024000), sample(2000, 2048000)}
                                 << false << false << u"disagree"_s;
    // Ratios between the bands decide nothing; unknown sizes are not compared.
    QTest::newRow("inconclusive and unknown")
        << QList{sample(1000, 30000), sample(1000, 100000), sample(-1, 5), sample(0, 5), sample(5, -1)}
        << false << false << u"too few"_s;
    QTest::newRow("one stray among many")
        << QList{sample(1, 1), sample(2, 2), sample(3, 3), sample(4, 4),   sample(5, 5),     sample(6, 6),
                 sample(7, 7), sample(8, 8), sample(9, 9), sample(10, 10), sample(10, 10240)}
        << true << true << u"bytes"_s;
}

void TestSwr::sizeUnitInference()
{
    QFETCH(QList<SizeUnit::Sample>, samples);
    QFETCH(bool, bytes);
    QFETCH(bool, fromEvidence);
    QFETCH(QString, explains);
    const SizeUnit::Inference inference = SizeUnit::infer(samples);
    QCOMPARE(inference.unit == SizeUnit::Unit::Bytes, bytes);
    QCOMPARE(inference.fromEvidence, fromEvidence);
    QCOMPARE(inference.bytesPerUnit(), bytes ? 1 : 1024);
    QCOMPARE(inference.toBytes(10), bytes ? 10 : 10240);
    QCOMPARE(inference.toBytes(-1), -1);
    QCOMPARE(inference.toBytes(std::numeric_limits<qint64>::max()), std::numeric_limits<qint64>::max());
    QVERIFY2(inference.explanation().contains(explains), qPrintable(inference.explanation()));
}

void TestSwr::sizeUnitSamplesMatchTags()
{
    Image registered;
    registered.id = u"i1"_s;
    registered.name = u"group/pytorch"_s;
    registered.tag = u"v1"_s;
    registered.nameSpace = u"team-a"_s;
    registered.sizeKb = 100;
    Image enterprise = registered;
    enterprise.id = u"i2"_s;
    enterprise.swrInstanceId = u"instance"_s;
    Image otherTag = registered;
    otherTag.id = u"i3"_s;
    otherTag.tag = u"v2"_s;
    Image otherSpace = registered;
    otherSpace.id = u"i4"_s;
    otherSpace.nameSpace = u"team-b"_s;

    SwrTag tag;
    tag.nameSpace = u"team-a"_s;
    tag.repository = u"group/pytorch"_s;
    tag.tag = u"v1"_s;
    tag.sizeBytes = 102400;
    const QList<SizeUnit::Sample> samples =
        SizeUnit::samplesFrom({registered, enterprise, otherTag, otherSpace}, {tag});
    QCOMPARE(samples.size(), 1);
    QCOMPARE(samples.constFirst().imageId, u"i1"_s);
    QCOMPARE(samples.constFirst().reported, 100);
    QCOMPARE(samples.constFirst().tagBytes, 102400);
}

QTEST_GUILESS_MAIN(TestSwr)
#include "test_swr.moc"
