// The delete confirmation and the clean-up assistant with a loaded SWR inventory: they say what the deletion
// frees in SWR from the tag sizes, follow the SWR box (nothing without it), say when ModelArts' size stands
// in, and keep their former figures without an inventory.

#include "models/catalog/ImageTableModel.h"
#include "models/cleanup/CleanupPreviewModel.h"
#include "models/cleanup/CleanupRules.h"
#include "models/common/Formatting.h"
#include "models/storage/FreedStorage.h"
#include "models/storage/StorageFacts.h"
#include "views/deletion/DeleteImagesDialog.h"
#include "views/main/DetailsPane.h"
#include "views/tools/CleanupDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

Image image(const QString &id, const QString &path, qint64 sizeKb)
{
    Image result;
    result.id = id;
    result.name = id;
    result.nameSpace = u"ns"_s;
    result.tag = u"v1"_s;
    result.swrPath = u"swr.cn-north-4.myhuaweicloud.com/"_s + path;
    result.sizeKb = sizeKb;
    result.visibility = u"PRIVATE"_s;
    result.type = u"DEDICATED"_s;
    result.status = u"ACTIVE"_s;
    return result;
}

StorageFacts facts()
{
    SwrTag a;
    a.nameSpace = u"ns"_s;
    a.repository = u"team/a"_s;
    a.tag = u"v1"_s;
    a.sizeBytes = 3'000'000'000;
    SwrTag b = a;
    b.repository = u"b"_s;
    b.sizeBytes = 1'000'000'000;
    return StorageFacts::build({}, {}, {a, b}, {}, UsageSummary());
}

} // namespace

class TestDeleteImagesStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheSwrBox();
    void saysWhenModelArtsSizeStandsIn();
    void saysNothingWithoutAnInventory();
    void cleanupSumsTheTagSizes();
    void detailsPaneSaysTheInferredSizeUnit();
};

void TestDeleteImagesStorage::followsTheSwrBox()
{
    DeleteImagesDialog dialog({image(u"a"_s, u"ns/team/a:v1"_s, 1), image(u"b"_s, u"ns/b:v1"_s, 1)}, 0,
                              SizeUnit::Inference{});
    dialog.setStorage(facts());
    auto *label = dialog.findChild<QLabel *>(u"storageFreedLabel"_s);
    QVERIFY(label);
    QVERIFY(!label->isHidden());
    QVERIFY(!dialog.forceCheckBox()->isChecked());
    QVERIFY(dialog.storageFreedText().startsWith(u"Frees nothing in SWR"_s));

    dialog.forceCheckBox()->setChecked(true);
    QVERIFY(dialog.storageFreedText().contains(Formatting::dataSize(4'000'000'000)));
    QVERIFY(dialog.storageFreedText().contains(u"SWR tag sizes"_s));
    QCOMPARE(label->text(), dialog.storageFreedText());

    dialog.forceCheckBox()->setChecked(false);
    QVERIFY(dialog.storageFreedText().startsWith(u"Frees nothing in SWR"_s));
}

void TestDeleteImagesStorage::saysWhenModelArtsSizeStandsIn()
{
    const QList<Image> images{image(u"a"_s, u"ns/team/a:v1"_s, 1), image(u"c"_s, u"ns/unknown:v1"_s, 2048)};
    DeleteImagesDialog dialog(images, 0, SizeUnit::Inference{});
    dialog.setStorage(facts());
    dialog.forceCheckBox()->setChecked(true);
    const QHash<QString, qint64> bytes = facts().bytesByPath();
    const FreedStorage expected = FreedStorage::of(images, true, &bytes, SizeUnit::Inference{});
    QCOMPARE(expected.fromModelArtsSize, 1);
    QCOMPARE(dialog.storageFreedText(), expected.sentence());
    QVERIFY(dialog.storageFreedText().contains(u"ModelArts' size"_s));
}

void TestDeleteImagesStorage::saysNothingWithoutAnInventory()
{
    DeleteImagesDialog dialog({image(u"a"_s, u"ns/team/a:v1"_s, 1)}, 0, SizeUnit::Inference{});
    dialog.forceCheckBox()->setChecked(true);
    QVERIFY(dialog.storageFreedText().isEmpty());
    QVERIFY(dialog.findChild<QLabel *>(u"storageFreedLabel"_s)->isHidden());
}

void TestDeleteImagesStorage::cleanupSumsTheTagSizes()
{
    ImageTableModel table;
    table.setImages({image(u"a"_s, u"ns/team/a:v1"_s, 10), image(u"b"_s, u"ns/b:v1"_s, 20)});
    CleanupDialog dialog(&table, nullptr, u"account"_s);
    CleanupRules rules;
    rules.namespacePattern = u"ns"_s;
    dialog.setRules(rules);
    dialog.setForceRequested(true);
    QTRY_COMPARE(dialog.previewModel()->rowCount(), 2);
    // Without the inventory: ModelArts' size, as before.
    QCOMPARE(dialog.spaceText(), u"Frees %1 in SWR."_s.arg(Formatting::humanSize(30, SizeUnit::Inference{})));

    dialog.setStorage(facts());
    QVERIFY(dialog.spaceText().contains(Formatting::dataSize(4'000'000'000)));
    QVERIFY(dialog.spaceText().contains(u"SWR tag sizes"_s));
    dialog.setForceRequested(false);
    QTRY_COMPARE(dialog.spaceText(), u"Frees no SWR space: the SWR content is kept."_s);
}

void TestDeleteImagesStorage::detailsPaneSaysTheInferredSizeUnit()
{
    QList<SwrTag> tags;
    QList<Image> images;
    for (int i = 0; i < 4; ++i) {
        Image registered = image(u"img%1"_s.arg(i), u"ns/repo:v%1"_s.arg(i), 2000 + i);
        registered.name = u"repo"_s;
        registered.tag = u"v%1"_s.arg(i);
        images.append(registered);
        SwrTag tag;
        tag.nameSpace = u"ns"_s;
        tag.repository = u"repo"_s;
        tag.tag = registered.tag;
        tag.sizeBytes = registered.sizeKb * 1024;
        tags.append(tag);
    }
    const StorageFacts facts = StorageFacts::build({}, {}, tags, images, UsageSummary());
    QVERIFY(facts.sizeUnit.fromEvidence);
    const QString explanation = facts.sizeUnit.explanation();
    QVERIFY(explanation.contains(u"KB"_s));

    DetailsPane pane;
    pane.setImages({images.first()});
    const QString size = pane.fieldText(DetailsPane::Field::Size);
    QVERIFY(pane.fieldText(DetailsPane::Field::SizeUnit).isEmpty());
    pane.setSizeUnitExplanation(explanation);
    QCOMPARE(pane.fieldText(DetailsPane::Field::SizeUnit), explanation);
    QCOMPARE(pane.fieldText(DetailsPane::Field::Size), size);
    pane.setSizeUnitExplanation(QString());
    QVERIFY(pane.fieldText(DetailsPane::Field::SizeUnit).isEmpty());
}

QTEST_MAIN(TestDeleteImagesStorage)
#include "test_delete_images_storage.moc"
