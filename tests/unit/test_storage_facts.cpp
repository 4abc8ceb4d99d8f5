// StorageFacts: what SWR stores, matched against the ModelArts images, summed per organization.

#include "models/storage/StorageFacts.h"
#include "tests/support/StorageTestData.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;
using test::swrTag;

namespace {

const StoredTag *findTag(const StorageFacts &facts, const QString &displayName)
{
    for (const StoredTag &tag : facts.tags) {
        if (tag.displayName() == displayName)
            return &tag;
    }
    return nullptr;
}

const OrganizationStorage *findOrganization(const StorageFacts &facts, const QString &name)
{
    for (const OrganizationStorage &organization : facts.organizations) {
        if (organization.name == name)
            return &organization;
    }
    return nullptr;
}

} // namespace

class TestStorageFacts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalisedPaths_data();
    void normalisedPaths();
    void registeredAndUnregistered();
    void sumsPerOrganizationEqualTheTagSizes();
    void unknownSizesCountedApart();
    void enterpriseImagesAreSkipped();
    void usageIsCopiedFromTheSummary();
    void organizationsLargestFirstAndEmptyOnesListed();
    void aTagListedTwiceCountsOnce();
    void sizeUnitInferredFromTheTags();
};

void TestStorageFacts::normalisedPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("host") << u"swr.cn-north-4.myhuaweicloud.com/ns/repo:t1"_s << u"ns/repo:t1"_s;
    QTest::newRow("repository with /") << u"swr.x.com/ns/a/b:t"_s << u"ns/a/b:t"_s;
    QTest::newRow("no host") << u"ns/repo:t1"_s << u"ns/repo:t1"_s;
    QTest::newRow("host with port") << u"127.0.0.1:8443/ns/team/base:v2"_s << u"ns/team/base:v2"_s;
    QTest::newRow("no tag") << u"swr.x.com/ns/repo"_s << u"ns/repo:latest"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestStorageFacts::normalisedPaths()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(StorageFacts::normalisedPath(path), expected);
}

void TestStorageFacts::registeredAndUnregistered()
{
    const QList<SwrTag> tags{swrTag(u"ns"_s, u"team/base"_s, u"v1"_s, 1000),
                             swrTag(u"ns"_s, u"team/base"_s, u"v2"_s, 2000),
                             swrTag(u"ns"_s, u"solo"_s, u"v1"_s, 4000)};
    // Registered under another host spelling, and twice (two images naming one tag).
    const QList<Image> images{test::imageAt(u"id-1"_s, u"swr.cn-north-4.myhuaweicloud.com/ns/team/base:v1"_s),
                              test::imageAt(u"id-2"_s, u"swr.other.example.com/ns/team/base:v1"_s),
                              test::imageAt(u"id-3"_s, u"swr.cn-north-4.myhuaweicloud.com/ns/solo:v1"_s),
                              test::imageAt(u"id-4"_s, u"swr.cn-north-4.myhuaweicloud.com/ns/gone:v1"_s)};
    const StorageFacts facts = StorageFacts::build(
        {test::swrNamespace(u"ns"_s)},
        {test::swrRepository(u"ns"_s, u"team/base"_s), test::swrRepository(u"ns"_s, u"solo"_s)}, tags, images,
        UsageSummary());
    QCOMPARE(facts.tags.size(), 3);
    const StoredTag *v1 = findTag(facts, u"ns/team/base:v1"_s);
    QVERIFY(v1);
    QCOMPARE(v1->imageIds, (QStringList{u"id-1"_s, u"id-2"_s}));
    QVERIFY(v1->isRegistered());
    QVERIFY(!v1->mayBeDeleted());
    const StoredTag *v2 = findTag(facts, u"ns/team/base:v2"_s);
    QVERIFY(v2);
    QVERIFY(!v2->isRegistered());
    QVERIFY(v2->mayBeDeleted());
    QCOMPARE(v2->sizeBytes, 2000);
    QCOMPARE(v2->path, u"swr.cn-north-4.myhuaweicloud.com/ns/team/base:v2"_s);
    QCOMPARE(findTag(facts, u"ns/solo:v1"_s)->imageIds, QStringList{u"id-3"_s});

    QCOMPARE(facts.registeredBytes(), 5000);
    QCOMPARE(facts.unregisteredBytes(), 2000);
    const QHash<QString, qint64> bytes = facts.bytesByPath();
    QCOMPARE(bytes.size(), 3);
    QCOMPARE(bytes.value(StorageFacts::normalisedPath(images[0].swrPath)), 1000);
    QCOMPARE(bytes.value(u"ns/team/base:v2"_s), 2000);
    QVERIFY(!bytes.contains(StorageFacts::normalisedPath(images[3].swrPath)));
}

void TestStorageFacts::sumsPerOrganizationEqualTheTagSizes()
{
    QList<SwrTag> tags;
    QList<Image> images;
    QHash<QString, qint64> registered, unregistered, counts, unregisteredCounts;
    for (int i = 0; i < 60; ++i) {
        const QString ns = u"org-%1"_s.arg(i % 3);
        const QString repo = u"group/repo-%1"_s.arg(i % 7);
        const qint64 size = 1'000'003LL * (i + 1);
        tags.append(swrTag(ns, repo, u"t%1"_s.arg(i), size));
        ++counts[ns];
        if (i % 4 == 0) {
            images.append(test::imageAt(u"id-%1"_s.arg(i), u"swr.x.com/%1/%2:t%3"_s.arg(ns, repo).arg(i)));
            registered[ns] += size;
        } else {
            unregistered[ns] += size;
            ++unregisteredCounts[ns];
        }
    }
    const StorageFacts facts = StorageFacts::build({}, {}, tags, images, UsageSummary());
    QCOMPARE(facts.organizations.size(), 3);
    qint64 all = 0;
    for (const SwrTag &tag : tags)
        all += tag.sizeBytes;
    QCOMPARE(facts.registeredBytes() + facts.unregisteredBytes(), all);
    for (const OrganizationStorage &organization : facts.organizations) {
        QCOMPARE(organization.registeredBytes, registered.value(organization.name));
        QCOMPARE(organization.unregisteredBytes, unregistered.value(organization.name));
        QCOMPARE(organization.tagCount, counts.value(organization.name));
        QCOMPARE(organization.unregisteredTagCount, unregisteredCounts.value(organization.name));
        QCOMPARE(organization.repositoryCount, 7);
        qint64 sum = 0;
        for (const StoredTag &tag : facts.tags) {
            if (tag.nameSpace == organization.name)
                sum += tag.sizeBytes;
        }
        QCOMPARE(organization.totalBytes(), sum);
    }
}

void TestStorageFacts::unknownSizesCountedApart()
{
    const QList<SwrTag> tags{swrTag(u"ns"_s, u"r"_s, u"known"_s, 500),
                             swrTag(u"ns"_s, u"r"_s, u"unknown"_s, -1),
                             swrTag(u"ns"_s, u"r"_s, u"registered-unknown"_s, -1)};
    const StorageFacts facts = StorageFacts::build(
        {}, {test::swrRepository(u"ns"_s, u"r"_s)}, tags,
        {test::imageAt(u"id-1"_s, u"swr.x.com/ns/r:registered-unknown"_s)}, UsageSummary());
    QCOMPARE(facts.organizations.size(), 1);
    const OrganizationStorage &organization = facts.organizations.first();
    QCOMPARE(organization.unknownSizeTags, 2);
    QCOMPARE(organization.tagCount, 3);
    QCOMPARE(organization.unregisteredTagCount, 2);
    QCOMPARE(organization.unregisteredBytes, 500);
    QCOMPARE(organization.registeredBytes, 0);
    QCOMPARE(findTag(facts, u"ns/r:unknown"_s)->sizeBytes, -1);
    QVERIFY(!facts.bytesByPath().contains(u"ns/r:unknown"_s));
}

void TestStorageFacts::enterpriseImagesAreSkipped()
{
    Image enterprise = test::imageAt(u"id-ee"_s, u"swr.x.com/ns/r:t"_s);
    enterprise.swrInstanceId = u"instance-1"_s;
    const StorageFacts facts =
        StorageFacts::build({}, {}, {swrTag(u"ns"_s, u"r"_s, u"t"_s, 100)}, {enterprise}, UsageSummary());
    QCOMPARE(facts.skippedEnterpriseImages, QList<QString>{u"id-ee"_s});
    // Its path names a tag of the shared SWR, yet it is an image of another registry: it registers nothing
    // here.
    QVERIFY(!facts.tags.first().isRegistered());
    QCOMPARE(facts.unregisteredBytes(), 100);
}

void TestStorageFacts::usageIsCopiedFromTheSummary()
{
    ImageUsage usage;
    ImageUser notebook;
    notebook.kind = UsageKind::Notebook;
    notebook.id = u"nb-1"_s;
    notebook.name = u"llm-dev"_s;
    notebook.status = u"Running"_s;
    notebook.images = {ImageReference{u"id-used"_s, QString()}};
    usage.addUsers({notebook});
    usage.setUnknown(UsageKind::Service, ApiError::make(ErrorKind::Network, u"Connection refused"_s));
    const UsageSummary summary(usage, false);

    const QList<SwrTag> tags{swrTag(u"ns"_s, u"r"_s, u"used"_s, 1), swrTag(u"ns"_s, u"r"_s, u"unknown"_s, 1),
                             swrTag(u"ns"_s, u"r"_s, u"free"_s, 1)};
    const QList<Image> images{test::imageAt(u"id-used"_s, u"swr.x.com/ns/r:used"_s),
                              test::imageAt(u"id-unknown"_s, u"swr.x.com/ns/r:unknown"_s)};
    const StorageFacts facts = StorageFacts::build({}, {}, tags, images, summary);
    const StoredTag *used = findTag(facts, u"ns/r:used"_s);
    QCOMPARE(used->usedBy, QStringList{UsageSummary::userText(notebook)});
    QVERIFY(used->usedBy.first().contains(u"llm-dev"_s));
    QVERIFY(!used->usageUnknown);
    const StoredTag *unknown = findTag(facts, u"ns/r:unknown"_s);
    QVERIFY(unknown->usedBy.isEmpty());
    QVERIFY(unknown->usageUnknown);
    // An unregistered tag is run by no ModelArts image that the app knows of.
    const StoredTag *free = findTag(facts, u"ns/r:free"_s);
    QVERIFY(free->usedBy.isEmpty());
    QVERIFY(!free->usageUnknown);
}

void TestStorageFacts::organizationsLargestFirstAndEmptyOnesListed()
{
    const StorageFacts facts = StorageFacts::build(
        {test::swrNamespace(u"empty"_s), test::swrNamespace(u"small"_s), test::swrNamespace(u"big"_s)},
        {test::swrRepository(u"small"_s, u"r"_s), test::swrRepository(u"big"_s, u"r"_s),
         test::swrRepository(u"big"_s, u"s"_s)},
        {swrTag(u"small"_s, u"r"_s, u"a"_s, 10), swrTag(u"big"_s, u"r"_s, u"a"_s, 100)}, {}, UsageSummary());
    QCOMPARE(facts.organizations.size(), 3);
    QCOMPARE(facts.organizations[0].name, u"big"_s);
    QCOMPARE(facts.organizations[0].repositoryCount, 2);
    QCOMPARE(facts.organizations[1].name, u"small"_s);
    QCOMPARE(facts.organizations[2].name, u"empty"_s);
    QCOMPARE(facts.organizations[2].tagCount, 0);
    QCOMPARE(facts.repositories.size(), 3);
    QVERIFY(findOrganization(facts, u"empty"_s));
}

void TestStorageFacts::aTagListedTwiceCountsOnce()
{
    const SwrTag tag = swrTag(u"ns"_s, u"r"_s, u"a"_s, 10);
    const StorageFacts facts = StorageFacts::build({}, {}, {tag, tag}, {}, UsageSummary());
    QCOMPARE(facts.tags.size(), 1);
    QCOMPARE(facts.unregisteredBytes(), 10);
    QCOMPARE(facts.organizations.first().tagCount, 1);
    QCOMPARE(facts.organizations.first().repositoryCount, 1);
}

void TestStorageFacts::sizeUnitInferredFromTheTags()
{
    QList<SwrTag> tags;
    QList<Image> images;
    for (int i = 0; i < 5; ++i) {
        const QString name = u"t%1"_s.arg(i);
        tags.append(swrTag(u"ns"_s, u"repo"_s, name, 1024LL * (1000 + i)));
        Image registered = test::imageAt(u"id-%1"_s.arg(i), u"swr.x.com/ns/repo:"_s + name);
        registered.nameSpace = u"ns"_s;
        registered.name = u"repo"_s;
        registered.tag = name;
        registered.sizeKb = 1000 + i;
        images.append(registered);
    }
    const StorageFacts facts = StorageFacts::build({}, {}, tags, images, UsageSummary());
    QCOMPARE(facts.sizeUnit.compared, 5);
    QCOMPARE(facts.sizeUnit.readAsKilobytes, 5);
    QVERIFY(facts.sizeUnit.fromEvidence);
    QCOMPARE(facts.sizeUnit.unit, SizeUnit::Unit::Kilobytes);
    QCOMPARE(facts.sizeUnit.explanation(),
             SizeUnit::infer(SizeUnit::samplesFrom(images, tags)).explanation());

    // Sizes that read as bytes.
    for (Image &registered : images)
        registered.sizeKb *= 1024;
    QCOMPARE(StorageFacts::build({}, {}, tags, images, UsageSummary()).sizeUnit.unit, SizeUnit::Unit::Bytes);
    // Nothing to compare: the documented unit, not from evidence.
    QVERIFY(!StorageFacts::build({}, {}, tags, {}, UsageSummary()).sizeUnit.fromEvidence);
}

QTEST_GUILESS_MAIN(TestStorageFacts)
#include "test_storage_facts.moc"
