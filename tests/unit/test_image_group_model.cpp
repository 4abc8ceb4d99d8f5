// Image groups: the ListImageGroup JSON, and the tree model whose children are the table's versions.

#include "models/catalog/ImageTableModel.h"
#include "models/groups/ImageGroup.h"
#include "models/groups/ImageGroupModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

Image version(const QString &id, const QString &nameSpace, const QString &name, const QString &tag,
              qint64 createAtMs, qint64 sizeKb = 1024, const QString &status = u"ACTIVE"_s)
{
    Image image;
    image.id = id;
    image.nameSpace = nameSpace;
    image.name = name;
    image.tag = tag;
    image.createAtMs = createAtMs;
    image.updateAtMs = createAtMs;
    image.sizeKb = sizeKb;
    image.status = status;
    image.type = u"DEDICATED"_s;
    image.visibility = u"PRIVATE"_s;
    return image;
}

ImageGroup group(const QString &id, const QString &nameSpace, const QString &name, int versions,
                 qint64 updateAtMs)
{
    ImageGroup g;
    g.id = id;
    g.nameSpace = nameSpace;
    g.name = name;
    g.versionCount = versions;
    g.updateAtMs = updateAtMs;
    return g;
}

QStringList childTags(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList tags;
    for (int row = 0; row < model.rowCount(parent); ++row)
        tags.append(model.index(row, ImageGroupModel::Name, parent).data().toString());
    return tags;
}

} // namespace

class TestImageGroupModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesGroup();
    void refusesMalformedGroups();
    void groupWithoutIdIsShownButNotChangeable();
    void parsesPage();
    void treeHasGroupsAndVersions();
    void versionsFollowTheTable();
    void removingAGroupKeepsOtherChildrenValid();
    void serverTextIsShownVisibleAndLiteral();
    void versionColumnsReadLikeTheImageTable();
};

void TestImageGroupModel::parsesGroup()
{
    const QJsonObject json{{u"id"_s, u"g1"_s},
                           {u"name"_s, u"bert"_s},
                           {u"namespace"_s, u"team"_s},
                           {u"create_at"_s, qint64(1700000000000)},
                           {u"update_at"_s, qint64(1710000000000)},
                           {u"version_count"_s, 3},
                           {u"description"_s, u"说明"_s},
                           {u"read_me"_s, u"# Bert"_s},
                           {u"icon_name"_s, QString()},
                           {u"swr_instance_id"_s, QJsonValue()},
                           {u"tags"_s, QJsonArray{QJsonObject{{u"key"_s, u"k"_s}, {u"value"_s, u"v"_s}}}}};
    const std::optional<ImageGroup> parsed = ImageGroup::fromJson(json);
    QVERIFY(parsed);
    QCOMPARE(parsed->id, u"g1"_s);
    QCOMPARE(parsed->key(), u"team/bert"_s);
    QCOMPARE(parsed->createAtMs, 1700000000000);
    QCOMPARE(parsed->updateAtMs, 1710000000000);
    QCOMPARE(parsed->versionCount, 3);
    QCOMPARE(parsed->description, u"说明"_s);
    QCOMPARE(parsed->readMe, u"# Bert"_s);
    QCOMPARE(parsed->tags, (QList<ImageTag>{{u"k"_s, u"v"_s}}));
}

void TestImageGroupModel::refusesMalformedGroups()
{
    QString why;
    QVERIFY(!ImageGroup::fromJson({{u"id"_s, u"g"_s}, {u"version_count"_s, u"3"_s}}, &why));
    QVERIFY(why.contains(u"version_count"_s));
    QVERIFY(!ImageGroup::fromJson({{u"id"_s, u"g"_s}, {u"name"_s, 5}}, &why));
    QVERIFY(!ImageGroup::fromJson({{u"id"_s, u"g"_s}, {u"update_at"_s, 1.5}}, &why));
}

// The OTC copy of ListImageGroup shows records without "id": kept for display, marked as not changeable.
void TestImageGroupModel::groupWithoutIdIsShownButNotChangeable()
{
    QString why;
    const std::optional<ImageGroup> parsed =
        ImageGroup::fromJson({{u"name"_s, u"bert"_s},
                              {u"namespace"_s, u"team"_s},
                              {u"version_count"_s, 2},
                              {u"description"_s, u"BERT for the team"_s}},
                             &why);
    QVERIFY2(parsed, qPrintable(why));
    QVERIFY(parsed->id.isEmpty());
    QVERIFY(!parsed->hasId());
    QCOMPARE(parsed->key(), u"team/bert"_s);
    QVERIFY(parsed->whyNotChangeable().contains(u"without an ID"_s));
    QVERIFY(group(u"g1"_s, u"team"_s, u"x"_s, 1, 0).hasId());
    QVERIFY(group(u"g1"_s, u"team"_s, u"x"_s, 1, 0).whyNotChangeable().isEmpty());

    ImageTableModel images;
    images.setImages({version(u"i1"_s, u"team"_s, u"bert"_s, u"v1"_s, 1000),
                      version(u"i2"_s, u"team"_s, u"bert"_s, u"v2"_s, 2000),
                      version(u"i3"_s, u"team"_s, u"gpt"_s, u"v1"_s, 3000)});
    ImageGroupModel model(&images);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ImageGroup gpt = group({}, u"team"_s, u"gpt"_s, 1, 3000);
    model.setGroups({*parsed, gpt, group(u"g3"_s, u"team"_s, u"other"_s, 0, 0)});
    QCOMPARE(model.groupCount(), 3);
    // Both id-less groups are there, each with its own versions.
    QCOMPARE(childTags(model, model.index(0, 0)), (QStringList{u"v2"_s, u"v1"_s}));
    QCOMPARE(childTags(model, model.index(1, 0)), QStringList{u"v1"_s});
    QCOMPARE(model.index(0, ImageGroupModel::Name).data().toString(), u"bert"_s);
    QCOMPARE(model.index(0, ImageGroupModel::Name).data(ImageGroupModel::GroupIdRole).toString(), QString());
    const QString tip = model.index(0, ImageGroupModel::Name).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"without an ID"_s), qPrintable(tip));
    QVERIFY(tip.contains(u"BERT for the team"_s));
    QVERIFY(
        model.index(1, ImageGroupModel::Name).data(Qt::ToolTipRole).toString().contains(u"without an ID"_s));
    // No id finds none of them, and removing by an empty id removes nothing.
    QCOMPARE(model.rowOfGroup(QString()), -1);
    QVERIFY(!model.indexOfGroup(QString()).isValid());
    model.removeGroup(QString());
    QCOMPARE(model.groupCount(), 3);
    QCOMPARE(model.rowOfGroup(u"g3"_s), 2);
}

void TestImageGroupModel::parsesPage()
{
    const QByteArray body = R"({"total": 3, "current": 0, "pages": 1, "size": 3, "is_swr_enterprise": false,
        "data": [{"id": "a", "name": "x", "namespace": "n", "version_count": 2},
                 {"name": "missing id"},
                 {"id": "b", "name": "y", "namespace": "n", "version_count": 1},
                 {"id": "c", "name": 5}]})";
    const std::optional<ImageGroupPage> page = ImageGroupPage::fromJson(body);
    QVERIFY(page);
    QCOMPARE(page->total, 3);
    QCOMPARE(page->groups.size(), 3);
    QCOMPARE(page->groups.at(1).name, u"missing id"_s);
    QCOMPARE(page->skippedRecords.size(), 1);
    QString error;
    QVERIFY(!ImageGroupPage::fromJson("{\"total\": 1}", &error));
    QVERIFY(error.contains(u"data"_s));
    QVERIFY(!ImageGroupPage::fromJson("[]", &error));
    QVERIFY(!ImageGroupPage::fromJson("{\"data\": [", &error));
    const std::optional<ImageGroupPage> noTotal = ImageGroupPage::fromJson("{\"data\": []}");
    QVERIFY(noTotal);
    QCOMPARE(noTotal->total, -1);
}

void TestImageGroupModel::treeHasGroupsAndVersions()
{
    ImageTableModel table;
    table.setImages({version(u"1"_s, u"team"_s, u"bert"_s, u"v1"_s, 1000, 100),
                     version(u"2"_s, u"team"_s, u"bert"_s, u"v2"_s, 3000, 200, u"ERROR"_s),
                     version(u"3"_s, u"team"_s, u"bert"_s, u"v3"_s, 2000, 300),
                     version(u"4"_s, u"other"_s, u"bert"_s, u"v1"_s, 500),
                     version(u"5"_s, u"team"_s, u"gpt"_s, u"latest"_s, 800)});
    ImageGroupModel model(&table);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGroups({group(u"g-bert"_s, u"team"_s, u"bert"_s, 3, 3000),
                     group(u"g-other"_s, u"other"_s, u"bert"_s, 1, 500),
                     group(u"g-empty"_s, u"team"_s, u"gone"_s, 2, 100)});

    QCOMPARE(model.rowCount(), 3);
    const QModelIndex bert = model.indexOfGroup(u"g-bert"_s);
    QCOMPARE(bert.data().toString(), u"bert"_s);
    QCOMPARE(model.index(bert.row(), ImageGroupModel::Namespace).data().toString(), u"team"_s);
    QCOMPARE(model.index(bert.row(), ImageGroupModel::Versions).data(ImageGroupModel::SortRole).toLongLong(),
             3);
    QCOMPARE(model.index(bert.row(), ImageGroupModel::Size).data(ImageGroupModel::SortRole).toLongLong(),
             600);
    // Words first: beside the Versions column a bare "1 failed" read as part of its number.
    QCOMPARE(model.index(bert.row(), ImageGroupModel::Status).data().toString(), u"Failed: 1"_s);
    QVERIFY(model.index(bert.row(), ImageGroupModel::Status)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(u"1 of "_s));
    QVERIFY(model.index(bert.row(), 0).data(ImageGroupModel::IsGroupRole).toBool());

    // Versions newest first, matched by namespace and name (not by name alone).
    QCOMPARE(childTags(model, bert), (QStringList{u"v2"_s, u"v3"_s, u"v1"_s}));
    const QModelIndex child = model.index(0, 0, bert);
    QCOMPARE(model.parent(child), bert);
    QCOMPARE(child.data(ImageGroupModel::ImageIdRole).toString(), u"2"_s);
    QCOMPARE(child.data(ImageGroupModel::GroupIdRole).toString(), u"g-bert"_s);
    QVERIFY(!child.data(ImageGroupModel::IsGroupRole).toBool());
    QCOMPARE(model.groupOf(child)->id, u"g-bert"_s);
    QCOMPARE(model.rowCount(child), 0);
    QCOMPARE(childTags(model, model.indexOfGroup(u"g-other"_s)), QStringList{u"v1"_s});
    QCOMPARE(model.rowCount(model.indexOfGroup(u"g-empty"_s)), 0);
    QCOMPARE(model.versionsOf(u"g-bert"_s).size(), 3);
}

void TestImageGroupModel::versionsFollowTheTable()
{
    ImageTableModel table;
    table.setImages({version(u"1"_s, u"team"_s, u"bert"_s, u"v1"_s, 1000),
                     version(u"2"_s, u"team"_s, u"bert"_s, u"v2"_s, 2000)});
    ImageGroupModel model(&table);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGroups({group(u"g"_s, u"team"_s, u"bert"_s, 2, 2000)});
    const QPersistentModelIndex bert = model.indexOfGroup(u"g"_s);

    table.removeImage(u"1"_s);
    QTRY_COMPARE(childTags(model, bert), QStringList{u"v2"_s});
    table.upsertImage(version(u"3"_s, u"team"_s, u"bert"_s, u"v3"_s, 3000));
    QTRY_COMPARE(childTags(model, bert), (QStringList{u"v3"_s, u"v2"_s}));

    // A status change updates the child in place.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    table.upsertImage(version(u"2"_s, u"team"_s, u"bert"_s, u"v2"_s, 2000, 1024, u"ERROR"_s));
    QTRY_VERIFY(!changed.isEmpty());
    QCOMPARE(removed.count(), 0);
    QCOMPARE(model.index(1, ImageGroupModel::Status, bert).data().toString(), u"Error"_s);
    QVERIFY(bert.isValid());
}

void TestImageGroupModel::removingAGroupKeepsOtherChildrenValid()
{
    ImageTableModel table;
    table.setImages({version(u"1"_s, u"a"_s, u"x"_s, u"v1"_s, 1000),
                     version(u"2"_s, u"b"_s, u"y"_s, u"v1"_s, 1000),
                     version(u"3"_s, u"b"_s, u"y"_s, u"v2"_s, 2000)});
    ImageGroupModel model(&table);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGroups({group(u"ga"_s, u"a"_s, u"x"_s, 1, 1000), group(u"gb"_s, u"b"_s, u"y"_s, 2, 2000)});
    const QPersistentModelIndex child = model.index(0, 0, model.indexOfGroup(u"gb"_s));
    QCOMPARE(child.data(ImageGroupModel::ImageIdRole).toString(), u"3"_s);

    model.removeGroup(u"ga"_s);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(child.isValid());
    QCOMPARE(child.parent().row(), 0);
    QCOMPARE(child.data(ImageGroupModel::ImageIdRole).toString(), u"3"_s);
    QCOMPARE(model.groupOf(child)->id, u"gb"_s);
    model.removeGroup(u"unknown"_s);
    QCOMPARE(model.rowCount(), 1);
}

void TestImageGroupModel::serverTextIsShownVisibleAndLiteral()
{
    // Names, tags and descriptions come from the server: line breaks and bidi controls are shown as escapes,
    // and tooltips show markup as typed.
    const QString name = u"<a href=\"x\">bert</a>\u202E"_s;
    ImageTableModel table;
    table.setImages({version(u"1"_s, u"team\n2"_s, name, u"v1\n(dry run)"_s, 1000)});
    ImageGroupModel model(&table);
    ImageGroup g = group(u"g"_s, u"team\n2"_s, name, 1, 1000);
    g.description = u"<b>bold</b>\u2066"_s;
    model.setGroups({g});

    const QModelIndex groupIndex = model.indexOfGroup(u"g"_s);
    QCOMPARE(groupIndex.data().toString(), u"<a href=\"x\">bert</a>\\u{202E}"_s);
    QCOMPARE(model.index(groupIndex.row(), ImageGroupModel::Namespace).data().toString(), u"team\\n2"_s);
    QCOMPARE(groupIndex.data(Qt::ToolTipRole).toString(),
             u"<p style='white-space:pre'>&lt;b&gt;bold&lt;/b&gt;\\u{2066}</p>"_s);
    QCOMPARE(childTags(model, groupIndex), QStringList{u"v1\\n(dry run)"_s});
}

void TestImageGroupModel::versionColumnsReadLikeTheImageTable()
{
    // A version shows, explains and sorts its namespace, status, size and update time as the image table
    // does: the size's tooltip gives the exact KB, text sorts by the table's keys.
    Image first = version(u"1"_s, u"ns-10"_s, u"bert"_s, u"v1"_s, 1'700'000'000'000, 123'456);
    first.statusMessage = u"saved"_s;
    Image second = version(u"2"_s, u"ns-10"_s, u"bert"_s, u"v2"_s, 1'700'000'100'000, 2048, u"ERROR"_s);
    second.updateAtMs = 0;
    ImageTableModel table;
    table.setImages({first, second});
    ImageGroupModel model(&table);
    model.setGroups({group(u"g"_s, u"ns-10"_s, u"bert"_s, 2, 1'700'000'100'000)});
    const QModelIndex parent = model.indexOfGroup(u"g"_s);
    QCOMPARE(model.rowCount(parent), 2);

    const QList<std::pair<int, int>> shared{{ImageGroupModel::Namespace, ImageTableModel::Namespace},
                                            {ImageGroupModel::Status, ImageTableModel::Status},
                                            {ImageGroupModel::Size, ImageTableModel::Size},
                                            {ImageGroupModel::Updated, ImageTableModel::Updated}};
    for (const auto &[groupColumn, tableColumn] : shared) {
        QCOMPARE(model.headerData(groupColumn, Qt::Horizontal).toString(),
                 table.headerData(tableColumn, Qt::Horizontal).toString());
        for (int row = 0; row < 2; ++row) {
            const QModelIndex mine = model.index(row, groupColumn, parent);
            const QModelIndex reference =
                table.index(table.rowOfId(mine.data(ImageGroupModel::ImageIdRole).toString()), tableColumn);
            for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::TextAlignmentRole)})
                QCOMPARE(mine.data(role), reference.data(role));
            QCOMPARE(mine.data(ImageGroupModel::SortRole), reference.data(ImageTableModel::SortRole));
        }
    }
}

QTEST_GUILESS_MAIN(TestImageGroupModel)
#include "test_image_group_model.moc"
