// ImageTableModel keeps its rows sorted itself (ImageFilterModel forwards its sort() to it): the order must
// hold through loads, merges, single updates and removals, row numbers and ids must stay in step, and
// persistent indexes (a view's selection) must follow their rows.
#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using mim::Image;
using mim::ImageFilterModel;
using mim::ImageTableModel;

namespace {

Image makeImage(int i, QRandomGenerator &random)
{
    Image image;
    image.id = u"%1-%2"_s.arg(i, 6, 16, QLatin1Char('0')).arg(random.generate(), 8, 16, QLatin1Char('0'));
    image.name = u"image%1"_s.arg(random.bounded(40));
    image.tag = u"v%1"_s.arg(random.bounded(12));
    image.nameSpace = u"team%1"_s.arg(random.bounded(3));
    image.swrPath =
        u"swr.cn-north-4.myhuaweicloud.com/%1/%2:%3"_s.arg(image.nameSpace, image.name, image.tag);
    image.type = u"DEDICATED"_s;
    image.status = random.bounded(10) == 0 ? u"CREATING"_s : u"ACTIVE"_s;
    image.visibility = u"PRIVATE"_s;
    image.arch = u"x86_64"_s;
    image.sizeKb = random.bounded(5000);
    image.createAtMs = 1'700'000'000'000 + qint64(random.bounded(100000)) * 1000;
    image.updateAtMs = image.createAtMs;
    image.description = u"image %1"_s.arg(i);
    return image;
}

QList<Image> makeImages(int from, int count, QRandomGenerator &random)
{
    QList<Image> images;
    for (int i = from; i < from + count; ++i)
        images.append(makeImage(i, random));
    return images;
}

// Rows in order by the column, and every id at the row rowOfId() says.
void verifySorted(const ImageTableModel &model, int column, Qt::SortOrder order)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.rowOfId(model.imageAt(row).id), row);
        if (row > 0) {
            const int comparison = model.compareRows(row - 1, row, column);
            QVERIFY2(order == Qt::AscendingOrder ? comparison <= 0 : comparison >= 0,
                     qPrintable(u"rows %1 and %2 out of order"_s.arg(row - 1).arg(row)));
        }
    }
}

} // namespace

class TestImageTableSorting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortsAndKeepsSorting()
    {
        QRandomGenerator random(7);
        ImageTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.sort(ImageTableModel::Size, Qt::DescendingOrder);
        QCOMPARE(model.sortColumn(), int(ImageTableModel::Size));

        // First load: in order at once.
        QList<Image> images = makeImages(0, 300, random);
        model.setImages(images);
        QCOMPARE(model.rowCount(), 300);
        verifySorted(model, ImageTableModel::Size, Qt::DescendingOrder);

        // A new image goes to its place.
        Image added = makeImage(1000, random);
        added.sizeKb = 2500;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.upsertImage(added);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.imageAt(inserted.at(0).at(1).toInt()).id, added.id);
        verifySorted(model, ImageTableModel::Size, Qt::DescendingOrder);

        // A changed image moves, and a persistent index follows it.
        const QPersistentModelIndex followed = model.index(model.rowOfId(added.id), ImageTableModel::Name);
        added.sizeKb = 4999;
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        model.upsertImage(added);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(followed.row(), model.rowOfId(added.id));
        QCOMPARE(followed.row(), 0);
        verifySorted(model, ImageTableModel::Size, Qt::DescendingOrder);

        // A merge: some gone, some changed, a few and then many new ones.
        images.append(added);
        images.remove(10, 40);
        for (int i = 0; i < 30; ++i)
            images[i * 5].sizeKb = random.bounded(5000);
        images.append(makeImages(2000, 5, random));
        model.setImages(images);
        QCOMPARE(model.rowCount(), images.size());
        verifySorted(model, ImageTableModel::Size, Qt::DescendingOrder);
        images.append(makeImages(3000, 200, random));
        model.setImages(images);
        QCOMPARE(model.rowCount(), images.size());
        verifySorted(model, ImageTableModel::Size, Qt::DescendingOrder);

        // Removals keep the order; the freed places are used again.
        for (int i = 0; i < 50; ++i)
            model.removeImage(images.at(i * 3).id);
        verifySorted(model, ImageTableModel::Size, Qt::DescendingOrder);
        model.upsertImage(makeImage(5000, random));
        verifySorted(model, ImageTableModel::Size, Qt::DescendingOrder);

        // Another column, natural order of names, then no sorting at all: the rows stay as they are.
        QCOMPARE(followed.data(ImageTableModel::ImageIdRole).toString(), added.id);
        model.sort(ImageTableModel::Name, Qt::AscendingOrder);
        verifySorted(model, ImageTableModel::Name, Qt::AscendingOrder);
        QCOMPARE(followed.data(ImageTableModel::ImageIdRole).toString(), added.id);
        const QList<Image> before = model.images();
        model.sort(-1);
        QCOMPARE(model.images(), before);
        const Image last = makeImage(6000, random);
        model.upsertImage(last);
        QCOMPARE(model.imageAt(model.rowCount() - 1).id, last.id); // unsorted: appended
    }

    void equalValuesKeepTheirOrder()
    {
        QRandomGenerator random(3);
        ImageTableModel model;
        QList<Image> images = makeImages(0, 50, random);
        for (Image &image : images)
            image.sizeKb = 7;
        model.setImages(images);
        model.sort(ImageTableModel::Size);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.imageAt(row).id, images.at(row).id); // a stable sort
    }

    void proxyFollowsTheTable()
    {
        QRandomGenerator random(11);
        ImageTableModel model;
        ImageFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Large enough for the filter's one-pass refiltering.
        QList<Image> images = makeImages(0, 6000, random);
        model.setImages(images);
        proxy.sort(ImageTableModel::Created, Qt::DescendingOrder);
        QCOMPARE(proxy.sortColumn(), -1); // the table sorts
        QCOMPARE(model.sortColumn(), int(ImageTableModel::Created));

        const auto verifyProxy = [&] {
            qint64 previous = std::numeric_limits<qint64>::max();
            for (int row = 0; row < proxy.rowCount(); ++row) {
                const int source = proxy.mapToSource(proxy.index(row, 0)).row();
                const Image &image = model.imageAt(source);
                QVERIFY(image.createAtMs <= previous);
                previous = image.createAtMs;
                QVERIFY(image.name.contains(proxy.filterState().text, Qt::CaseInsensitive) ||
                        image.tag.contains(proxy.filterState().text, Qt::CaseInsensitive) ||
                        image.swrPath.contains(proxy.filterState().text, Qt::CaseInsensitive) ||
                        image.id.contains(proxy.filterState().text, Qt::CaseInsensitive) ||
                        image.nameSpace.contains(proxy.filterState().text, Qt::CaseInsensitive) ||
                        image.description.contains(proxy.filterState().text, Qt::CaseInsensitive));
            }
        };
        const auto expectedRows = [&](const QString &text) {
            int count = 0;
            for (const Image &image : model.images()) {
                for (const QString *field : {&image.name, &image.tag, &image.id, &image.swrPath,
                                             &image.nameSpace, &image.description}) {
                    if (field->contains(text, Qt::CaseInsensitive)) {
                        ++count;
                        break;
                    }
                }
            }
            return count;
        };

        // Typing, then deleting, then another text: each time exactly the matching rows, in order.
        for (const QString &text : {u"i"_s, u"im"_s, u"image1"_s, u"image12"_s, u"image1"_s, u"v1"_s,
                                    u"TEAM2"_s, u"a"_s, QString()}) {
            proxy.setText(text);
            QCOMPARE(proxy.rowCount(), expectedRows(text));
            verifyProxy();
        }

        // The table re-sorts and changes under a filter: the proxy keeps up.
        proxy.setText(u"team1"_s);
        proxy.sort(ImageTableModel::Size, Qt::AscendingOrder);
        QCOMPARE(proxy.rowCount(), expectedRows(u"team1"_s));
        images = model.images();
        for (int i = 0; i < 100; ++i)
            images[i * 7].nameSpace = u"team%1"_s.arg(random.bounded(3));
        images.append(makeImages(9000, 40, random));
        model.setImages(images);
        QCOMPARE(proxy.rowCount(), expectedRows(u"team1"_s));
        proxy.sort(ImageTableModel::Created, Qt::DescendingOrder);
        verifyProxy();
    }
};

QTEST_GUILESS_MAIN(TestImageTableSorting)
#include "test_image_table_sorting.moc"
