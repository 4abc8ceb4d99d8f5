// FreedStorage: what deleting images frees in SWR, from the SWR tag sizes where the inventory lists them and
// ModelArts' size otherwise, and nothing without "with SWR content".

#include "models/api/SizeUnitInference.h"
#include "models/common/Formatting.h"
#include "models/deletion/DeleteImagesText.h"
#include "models/storage/FreedStorage.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

Image image(const QString &id, const QString &path, qint64 sizeKb, bool isPrivate = true)
{
    Image result;
    result.id = id;
    result.swrPath = u"swr.cn-north-4.myhuaweicloud.com/"_s + path;
    result.sizeKb = sizeKb;
    result.visibility = isPrivate ? u"PRIVATE"_s : u"PUBLIC"_s;
    result.type = u"DEDICATED"_s;
    result.status = u"ACTIVE"_s;
    return result;
}

SwrTag tag(const QString &nameSpace, const QString &repository, const QString &name, qint64 bytes)
{
    SwrTag result;
    result.nameSpace = nameSpace;
    result.repository = repository;
    result.tag = name;
    result.sizeBytes = bytes;
    return result;
}

} // namespace

class TestFreedStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromSwrTagSizes();
    void fallsBackToModelArtsSize();
    void withoutInventory();
    void withoutForceNothingIsFreed();
    void publicImagesKeepTheirContent();
    void aTagNamedTwiceCountsOnce();
    void dialogTextUsesTheFacts();
};

void TestFreedStorage::fromSwrTagSizes()
{
    const QHash<QString, qint64> bytes{{u"ns/team/a:1"_s, 5'000'000}, {u"ns/b:2"_s, 7'000'000}};
    const FreedStorage freed =
        FreedStorage::of({image(u"1"_s, u"ns/team/a:1"_s, 1), image(u"2"_s, u"ns/b:2"_s, 1)}, true, &bytes,
                         SizeUnit::Inference{});
    QCOMPARE(freed.bytes, 12'000'000);
    QCOMPARE(freed.tagCount, 2);
    QCOMPARE(freed.fromSwrTags, 2);
    QCOMPARE(freed.fromModelArtsSize, 0);
    QVERIFY(freed.sentence().contains(Formatting::dataSize(12'000'000)));
    QVERIFY(freed.sentence().contains(u"SWR tag sizes"_s));
    QVERIFY(!freed.sentence().contains(u"ModelArts"_s));
}

void TestFreedStorage::fallsBackToModelArtsSize()
{
    const QHash<QString, qint64> bytes{{u"ns/a:1"_s, 1'000'000}};
    Image enterprise = image(u"3"_s, u"ns/a:1"_s, 30);
    enterprise.swrInstanceId = u"instance"_s;
    enterprise.swrPath = u"ee.example.com/ns/ee:1"_s;
    const FreedStorage freed =
        FreedStorage::of({image(u"1"_s, u"ns/a:1"_s, 999), image(u"2"_s, u"ns/gone:1"_s, 2000), enterprise},
                         true, &bytes, SizeUnit::Inference{});
    QCOMPARE(freed.fromSwrTags, 1);
    QCOMPARE(freed.fromModelArtsSize, 2);
    QCOMPARE(freed.bytes, 1'000'000 + (qint64(2000) * 1024) + (qint64(30) * 1024));
    QVERIFY(freed.sentence().contains(u"ModelArts' size for 2 image"_s));
    QVERIFY(freed.sentence().contains(Formatting::dataSize(freed.bytes)));

    const FreedStorage none =
        FreedStorage::of({image(u"2"_s, u"ns/gone:1"_s, 2000)}, true, &bytes, SizeUnit::Inference{});
    QCOMPARE(none.fromSwrTags, 0);
    QVERIFY(none.sentence().contains(u"SWR lists none"_s));
}

void TestFreedStorage::withoutInventory()
{
    const FreedStorage freed =
        FreedStorage::of({image(u"1"_s, u"ns/a:1"_s, 4096)}, true, nullptr, SizeUnit::Inference{});
    QVERIFY(!freed.inventoryLoaded);
    QCOMPARE(freed.bytes, (qint64(4096) * 1024));
    QCOMPARE(freed.fromModelArtsSize, 1);
    QVERIFY(freed.sentence().contains(u"not loaded"_s));
}

void TestFreedStorage::withoutForceNothingIsFreed()
{
    const QHash<QString, qint64> bytes{{u"ns/a:1"_s, 1'000'000}};
    const FreedStorage freed =
        FreedStorage::of({image(u"1"_s, u"ns/a:1"_s, 1)}, false, &bytes, SizeUnit::Inference{});
    QCOMPARE(freed.bytes, 0);
    QCOMPARE(freed.tagCount, 0);
    QCOMPARE(freed.keptInSwr, 1);
    QVERIFY(freed.sentence().startsWith(u"Frees nothing in SWR"_s));
    QVERIFY(freed.sentence().contains(u"stays"_s));
}

void TestFreedStorage::publicImagesKeepTheirContent()
{
    const QHash<QString, qint64> bytes{{u"ns/a:1"_s, 1'000'000}, {u"ns/b:1"_s, 2'000'000}};
    const FreedStorage freed =
        FreedStorage::of({image(u"1"_s, u"ns/a:1"_s, 1, false), image(u"2"_s, u"ns/b:1"_s, 1)}, true, &bytes,
                         SizeUnit::Inference{});
    QCOMPARE(freed.bytes, 2'000'000);
    QCOMPARE(freed.keptInSwr, 1);
    const FreedStorage onlyPublic =
        FreedStorage::of({image(u"1"_s, u"ns/a:1"_s, 1, false)}, true, &bytes, SizeUnit::Inference{});
    QCOMPARE(onlyPublic.bytes, 0);
    QVERIFY(onlyPublic.sentence().contains(u"public"_s));
}

void TestFreedStorage::aTagNamedTwiceCountsOnce()
{
    const QHash<QString, qint64> bytes{{u"ns/a:1"_s, 1'000'000}};
    Image other = image(u"2"_s, u"ns/a:1"_s, 1);
    other.swrPath = u"ns/a:1"_s; // without the host: the same tag
    const FreedStorage freed =
        FreedStorage::of({image(u"1"_s, u"ns/a:1"_s, 1), other}, true, &bytes, SizeUnit::Inference{});
    QCOMPARE(freed.tagCount, 1);
    QCOMPARE(freed.bytes, 1'000'000);
}

void TestFreedStorage::dialogTextUsesTheFacts()
{
    const StorageFacts facts =
        StorageFacts::build({}, {}, {tag(u"ns"_s, u"team/a"_s, u"1"_s, 3'000'000)}, {}, UsageSummary());
    const QList<Image> images{image(u"1"_s, u"ns/team/a:1"_s, 7)};
    const QHash<QString, qint64> bytes = facts.bytesByPath();
    QCOMPARE(DeleteImagesText::storageFreed(images, true, &facts, SizeUnit::Inference{}),
             FreedStorage::of(images, true, &bytes, SizeUnit::Inference{}).sentence());
    QVERIFY(DeleteImagesText::storageFreed(images, true, &facts, SizeUnit::Inference{})
                .contains(Formatting::dataSize(3'000'000)));
    QVERIFY(DeleteImagesText::storageFreed(images, true, nullptr, SizeUnit::Inference{})
                .contains(u"not loaded"_s));
    QVERIFY(DeleteImagesText::storageFreed(images, false, &facts, SizeUnit::Inference{})
                .startsWith(u"Frees nothing"_s));
}

QTEST_GUILESS_MAIN(TestFreedStorage)
#include "test_freed_storage.moc"
