// The column table (ImageColumns) and its readers: every model, the export and the view's defaults take a
// column's title, key, kind and text from it, so they agree with it and with each other.

#include "models/catalog/ImageColumns.h"
#include "models/catalog/ImageExporter.h"
#include "models/catalog/ImageTableModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMetaEnum>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

Image sampleImage()
{
    Image image;
    image.id = u"c7fe6fd3-d755-4784-93b3-bb05ae4ad37c"_s;
    image.name = u"llama-finetune"_s;
    image.tag = u"v10"_s;
    image.status = u"ACTIVE"_s;
    image.statusMessage = u"image saved"_s;
    image.sizeKb = 123'456;
    image.createAtMs = 1'700'000'000'000;
    image.updateAtMs = 1'700'000'600'000;
    image.type = u"DEDICATED"_s;
    image.visibility = u"PRIVATE"_s;
    image.arch = u"x86_64"_s;
    image.serviceType = u"COMMON"_s;
    image.resourceCategories = {u"CPU"_s, u"GPU"_s};
    image.nameSpace = u"nlp-research"_s;
    image.swrPath = u"swr.cn-north-4.myhuaweicloud.com/nlp-research/llama-finetune:v10"_s;
    image.workspaceId = u"0"_s;
    image.description = u"Fine-tuning\nimage"_s;
    return image;
}

QList<int> allColumns()
{
    QList<int> columns;
    for (int c = 0; c < ImageTableModel::ColumnCount; ++c)
        columns.append(c);
    return columns;
}

} // namespace

class TestImageColumns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneEntryPerColumnInOrder();
    void jsonKeysAreTheApiFieldNames();
    void kindsAndDefaults();
    void tableModelReadsTheTable();
    void exporterReadsTheTable();
    void outOfRangeColumnsHaveNothing();
    void sizeOfImagesWithoutOneIsADash();
};

void TestImageColumns::oneEntryPerColumnInOrder()
{
    QCOMPARE(ImageColumns::count(), int(ImageTableModel::ColumnCount));
    QSet<QString> titles;
    for (int c = 0; c < ImageColumns::count(); ++c) {
        QCOMPARE(ImageColumns::column(c).id, c);
        const QString title = ImageColumns::title(c);
        QVERIFY2(!title.isEmpty(), QMetaEnum::fromType<ImageTableModel::Column>().valueToKey(c));
        titles.insert(title);
        QVERIFY(!ImageColumns::sampleText(c).isEmpty());
        QVERIFY(ImageColumns::column(c).numeric ? ImageColumns::column(c).number != nullptr
                                                : ImageColumns::column(c).text != nullptr);
    }
    QCOMPARE(titles.size(), ImageColumns::count());
}

void TestImageColumns::jsonKeysAreTheApiFieldNames()
{
    // What scripts reading an export rely on: the names the ModelArts API gives these fields.
    const QStringList expected{u"name"_s,
                               u"tag"_s,
                               u"status"_s,
                               u"size"_s,
                               u"create_at"_s,
                               u"update_at"_s,
                               u"type"_s,
                               u"visibility"_s,
                               u"arch"_s,
                               u"service_type"_s,
                               u"resource_categories"_s,
                               u"namespace"_s,
                               u"swr_path"_s,
                               u"id"_s,
                               u"workspace_id"_s,
                               u"description"_s,
                               u"used_by"_s};
    QStringList keys;
    for (int c = 0; c < ImageColumns::count(); ++c)
        keys.append(ImageColumns::jsonKey(c));
    QCOMPARE(keys, expected);
}

void TestImageColumns::kindsAndDefaults()
{
    QList<int> numeric;
    QList<int> shown;
    QList<int> rightAligned;
    for (int c = 0; c < ImageColumns::count(); ++c) {
        if (ImageColumns::isNumeric(c))
            numeric.append(c);
        if (ImageColumns::isShownByDefault(c))
            shown.append(c);
        if (ImageColumns::alignment(c).isValid())
            rightAligned.append(c);
    }
    QCOMPARE(numeric,
             (QList<int>{ImageTableModel::Size, ImageTableModel::Created, ImageTableModel::Updated}));
    QCOMPARE(shown, (QList<int>{ImageTableModel::Name, ImageTableModel::Tag, ImageTableModel::Status,
                                ImageTableModel::Size, ImageTableModel::Created, ImageTableModel::Updated,
                                ImageTableModel::Visibility, ImageTableModel::Architecture,
                                ImageTableModel::Namespace, ImageTableModel::UsedBy}));
    QCOMPARE(rightAligned, QList<int>{ImageTableModel::Size});
}

void TestImageColumns::tableModelReadsTheTable()
{
    const Image image = sampleImage();
    ImageTableModel model;
    model.setImages({image});
    for (int c = 0; c < ImageColumns::count(); ++c) {
        const char *name = QMetaEnum::fromType<ImageTableModel::Column>().valueToKey(c);
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), ImageColumns::title(c));
        QCOMPARE(ImageTableModel::columnTitle(ImageTableModel::Column(c)), ImageColumns::title(c));
        QCOMPARE(model.headerData(c, Qt::Horizontal, Qt::TextAlignmentRole), ImageColumns::alignment(c));
        const QModelIndex cell = model.index(0, c);
        QVERIFY2(cell.data(Qt::TextAlignmentRole) == ImageColumns::alignment(c), name);
        if (ImageColumns::isFromUsage(c))
            continue; // the model's own usage answers it (test_image_table_model)
        // Workspace ids are shown by their names, which only the model knows.
        const QString text = c == ImageTableModel::Workspace
                                 ? model.workspaceText(image.workspaceId)
                                 : ImageColumns::cellText(image, c, SizeUnit::Inference{});
        QVERIFY2(cell.data().toString() == text, name);
        QVERIFY2(cell.data(Qt::TextAlignmentRole) == ImageColumns::alignment(c), name);
        QVERIFY2(cell.data(ImageTableModel::SortRole) == ImageColumns::sortValue(image, c), name);
        QCOMPARE(ImageTableModel::isNumericColumn(c), ImageColumns::isNumeric(c));
        QCOMPARE(ImageTableModel::numericValue(image, c), ImageColumns::numericValue(image, c));
        QCOMPARE(ImageTableModel::rawText(image, c), ImageColumns::rawText(image, c));
    }
    // The cells' text as users see it.
    QCOMPARE(model.index(0, ImageTableModel::Resources).data().toString(), u"CPU, GPU"_s);
    QCOMPARE(model.index(0, ImageTableModel::Architecture).data().toString(), u"x86-64"_s);
    QCOMPARE(model.index(0, ImageTableModel::Architecture).data(Qt::ToolTipRole).toString(),
             u"x86-64 (X86_64)"_s);
    QCOMPARE(model.index(0, ImageTableModel::ServiceType).data().toString(), u"General"_s);
    QCOMPARE(model.index(0, ImageTableModel::Status).data(Qt::ToolTipRole).toString(), u"image saved"_s);
    QVERIFY(model.index(0, ImageTableModel::Size).data(Qt::ToolTipRole).toString().startsWith(u"123456 "_s));
}

void TestImageColumns::exporterReadsTheTable()
{
    const Image image = sampleImage();
    const QList<int> columns = allColumns();
    const QJsonArray array = QJsonDocument::fromJson(ImageExporter::toJson({image}, columns)).array();
    QCOMPARE(array.size(), 1);
    const QJsonObject object = array.first().toObject();
    // Who uses the image is no field of it: an empty "used_by" would read as "not in use".
    QCOMPARE(object.size(), ImageColumns::count() - 1);
    QVERIFY(!object.contains(u"used_by"_s));
    QVERIFY(!QString::fromUtf8(ImageExporter::toCsv({image}, columns))
                 .contains(ImageColumns::title(ImageTableModel::UsedBy)));
    for (int c = 0; c < ImageColumns::count(); ++c) {
        QCOMPARE(ImageExporter::jsonKey(c), ImageColumns::jsonKey(c));
        QCOMPARE(object.contains(ImageColumns::jsonKey(c)), !ImageColumns::isFromUsage(c));
        if (ImageColumns::isNumeric(c))
            QCOMPARE(object.value(ImageColumns::jsonKey(c)).toInteger(),
                     ImageColumns::numericValue(image, c));
        // The CSV header is the column's title; the size names its unit.
        QVERIFY(ImageExporter::csvTitle(c).startsWith(ImageColumns::title(c)));
        QCOMPARE(ImageExporter::csvTitle(c) == ImageColumns::title(c), c != ImageTableModel::Size);
    }
    QCOMPARE(object.value(u"arch"_s).toString(), u"X86_64"_s);
    QCOMPARE(object.value(u"resource_categories"_s).toArray(), (QJsonArray{u"CPU"_s, u"GPU"_s}));
}

void TestImageColumns::outOfRangeColumnsHaveNothing()
{
    for (const int c : {-1, int(ImageTableModel::ColumnCount), 1000}) {
        QVERIFY(!ImageColumns::isValid(c));
        QVERIFY(ImageColumns::title(c).isEmpty());
        QVERIFY(ImageColumns::jsonKey(c).isEmpty());
        QVERIFY(!ImageColumns::isNumeric(c));
        QVERIFY(ImageColumns::rawText(sampleImage(), c).isEmpty());
        QCOMPARE(ImageColumns::numericValue(sampleImage(), c), 0);
        QVERIFY(!ImageColumns::sortValue(sampleImage(), c).isValid());
    }
}

void TestImageColumns::sizeOfImagesWithoutOneIsADash()
{
    // An image still being created (or whose creation failed) has no size yet: "0 KB" would be a claim.
    for (const QString &status : {u"INIT"_s, u"CREATING"_s, u"CREATE_FAILED"_s, u"ERROR"_s}) {
        Image image = sampleImage();
        image.status = status;
        image.sizeKb = 0;
        QCOMPARE(ImageColumns::cellText(image, ImageTableModel::Size, SizeUnit::Inference{}), u"\u2014"_s);
        QCOMPARE(ImageColumns::numericValue(image, ImageTableModel::Size), 0);
    }
    // The tooltip gives the number the server sent, undecorated, for comparison with the API's answer.
    QVERIFY(ImageColumns::toolTip(sampleImage(), ImageTableModel::Size).startsWith(u"123456 "_s));
}

QTEST_GUILESS_MAIN(TestImageColumns)
#include "test_image_columns.moc"
