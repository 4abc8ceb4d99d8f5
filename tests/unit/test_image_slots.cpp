// ImageSlots: the images of the table by slot, shared between copies chunk by chunk, so that a merge into a
// copy of the table copies only what it writes.

#include "models/catalog/ImageSlots.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

Image imageNumbered(int n)
{
    Image image;
    image.id = u"id-%1"_s.arg(n);
    image.name = u"name-%1"_s.arg(n);
    image.sizeKb = n;
    return image;
}

QList<Image> imagesNumbered(int from, int count)
{
    QList<Image> images;
    for (int n = from; n < from + count; ++n)
        images.append(imageNumbered(n));
    return images;
}

} // namespace

class TestImageSlots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headThenChunksReadInSlotOrder();
    void writingACopyChangesOnlyTheCopy();
    void aCopySharesEveryListItDoesNotWrite();
    void inOrderFollowsTheGivenSlots();
};

void TestImageSlots::headThenChunksReadInSlotOrder()
{
    const int headSize = 5;
    const int appended = int(ImageSlots::ChunkSize) * 2 + 3; // two full chunks and a partial one
    ImageSlots slots_(imagesNumbered(0, headSize));
    QCOMPARE(slots_.size(), headSize);
    for (const Image &image : imagesNumbered(headSize, appended))
        slots_.append(image);
    QCOMPARE(slots_.size(), headSize + appended);
    QVERIFY(!slots_.isEmpty());
    for (int slot = 0; slot < slots_.size(); ++slot)
        QCOMPARE(slots_.at(slot), imageNumbered(slot));
    QVERIFY(ImageSlots().isEmpty());
}

void TestImageSlots::writingACopyChangesOnlyTheCopy()
{
    ImageSlots original(imagesNumbered(0, 10));
    for (const Image &image : imagesNumbered(10, int(ImageSlots::ChunkSize) + 10))
        original.append(image);
    ImageSlots copy = original;
    const int inHead = 3;
    const int inChunk = 10 + int(ImageSlots::ChunkSize) + 2;
    copy[inHead].name = u"changed"_s;
    copy[inChunk].name = u"changed too"_s;
    copy.append(imageNumbered(-1));

    QCOMPARE(original.at(inHead), imageNumbered(inHead));
    QCOMPARE(original.at(inChunk), imageNumbered(inChunk));
    QCOMPARE(original.size(), copy.size() - 1);
    QCOMPARE(copy.at(inHead).name, u"changed"_s);
    QCOMPARE(copy.at(inChunk).name, u"changed too"_s);
    QCOMPARE(copy.at(copy.size() - 1), imageNumbered(-1));
}

// The point of the chunks: a merge that adds rows or rewrites one does not copy the table.
void TestImageSlots::aCopySharesEveryListItDoesNotWrite()
{
    const int headSize = 100;
    ImageSlots original(imagesNumbered(0, headSize));
    for (const Image &image : imagesNumbered(headSize, int(ImageSlots::ChunkSize) * 3))
        original.append(image);
    ImageSlots copy = original;
    const int lastChunkSlot = headSize + 2 * int(ImageSlots::ChunkSize) + 1;
    copy[lastChunkSlot].name = u"changed"_s;
    for (int i = 0; i < 5; ++i)
        copy.append(imageNumbered(-i));

    // Same address: the same list, not a copy of it.
    QCOMPARE(&copy.at(0), &original.at(0));
    QCOMPARE(&copy.at(headSize - 1), &original.at(headSize - 1));
    QCOMPARE(&copy.at(headSize), &original.at(headSize));
    QCOMPARE(&copy.at(headSize + int(ImageSlots::ChunkSize)),
             &original.at(headSize + int(ImageSlots::ChunkSize)));
    QVERIFY(&copy.at(lastChunkSlot) != &original.at(lastChunkSlot));
}

void TestImageSlots::inOrderFollowsTheGivenSlots()
{
    ImageSlots slots_(imagesNumbered(0, 4));
    slots_.append(imageNumbered(4));
    const QList<Image> images = slots_.inOrder({4, 0, 2});
    QCOMPARE(images, (QList<Image>{imageNumbered(4), imageNumbered(0), imageNumbered(2)}));
    QVERIFY(slots_.inOrder({}).isEmpty());
}

QTEST_GUILESS_MAIN(TestImageSlots)
#include "test_image_slots.moc"
