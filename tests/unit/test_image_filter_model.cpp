#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "models/catalog/NaturalSortKey.h"

#include <array>
#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using mim::Facet;
using mim::FilterState;
using mim::Image;
using mim::ImageFilterModel;
using mim::ImageTableModel;

namespace {

Image makeImage(const QString &id, const QString &name)
{
    Image image;
    image.id = id;
    image.name = name;
    image.tag = u"latest"_s;
    image.nameSpace = u"team-a"_s;
    image.swrPath = u"swr.cn-north-4.myhuaweicloud.com/team-a/%1:latest"_s.arg(name);
    image.type = u"DEDICATED"_s;
    image.status = u"ACTIVE"_s;
    image.visibility = u"PRIVATE"_s;
    image.arch = u"X86_64"_s;
    image.sizeKb = 1024;
    image.createAtMs = 1'700'000'000'000;
    image.updateAtMs = 1'700'000'000'000;
    image.resourceCategories = {u"CPU"_s};
    image.serviceType = u"COMMON"_s;
    image.workspaceId = u"0"_s;
    return image;
}

} // namespace

class TestImageFilterModel : public QObject
{
    Q_OBJECT

private:
    // Ids of the proxy's rows, top to bottom.
    static QStringList visibleIds(const ImageFilterModel &proxy)
    {
        QStringList ids;
        for (int row = 0; row < proxy.rowCount(); ++row)
            ids.append(proxy.index(row, 0).data(ImageTableModel::ImageIdRole).toString());
        return ids;
    }

    // What the text filter must find: the text in any of the six fields it searches, case-insensitively.
    static bool plainSearchFinds(const Image &image, const QString &text)
    {
        const std::array<const QString *, 6> fields{&image.name,    &image.tag,       &image.id,
                                                    &image.swrPath, &image.nameSpace, &image.description};
        return text.isEmpty() || std::any_of(fields.cbegin(), fields.cend(), [&](const QString *field) {
                   return field->contains(text, Qt::CaseInsensitive);
               });
    }

    // A small account with one image per interesting value.
    static QList<Image> sampleImages()
    {
        QList<Image> images;
        Image a = makeImage(u"a"_s, u"pytorch-gpu"_s);
        a.description = u"Training image with CUDA"_s;
        a.resourceCategories = {u"CPU"_s, u"GPU"_s};
        a.serviceType = u"TRAIN"_s;
        images.append(a);

        Image b = makeImage(u"b"_s, u"tensorflow"_s);
        b.status = u"CREATING"_s;
        b.visibility = u"PUBLIC"_s;
        b.arch = u"aarch64"_s;
        b.resourceCategories = {u"ASCEND"_s};
        b.nameSpace = u"team-b"_s;
        b.workspaceId = u"ws0123456789abcdef0123456789abcd"_s;
        images.append(b);

        Image c = makeImage(u"c"_s, u"mindspore"_s);
        c.type = u"BUILD_IN"_s;
        c.visibility = u"PUBLIC"_s;
        c.tag = u"2.1.0-cann"_s;
        images.append(c);

        Image d = makeImage(u"d"_s, u"notebook-base"_s);
        d.status = u"CREATE_FAILED"_s;
        d.tag = u"v7"_s;
        d.swrPath = u"swr.cn-north-4.myhuaweicloud.com/team-a/special-path:v7"_s;
        images.append(d);
        return images;
    }

private Q_SLOTS:
    void defaultsSortByRawRole()
    {
        ImageFilterModel proxy;
        QCOMPARE(proxy.sortRole(), int(ImageTableModel::SortRole));
        QVERIFY(proxy.dynamicSortFilter());
        QVERIFY(!proxy.filterState().showBuiltIn);
        QVERIFY(!proxy.filterState().isActive());
    }

    void sortsSizeNumerically()
    {
        ImageTableModel model;
        ImageFilterModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        Image big = makeImage(u"big"_s, u"big"_s);
        big.sizeKb = qint64(1.2 * 1024 * 1024); // "1.2 GB"
        Image medium = makeImage(u"medium"_s, u"medium"_s);
        medium.sizeKb = 900 * 1024; // "900 MB": sorts after "1.2 GB" as text
        Image small = makeImage(u"small"_s, u"small"_s);
        small.sizeKb = 5 * 1024; // "5.0 MB"
        model.setImages({big, medium, small});
        QCOMPARE(model.index(0, ImageTableModel::Size).data().toString(), u"1.2 GB"_s);
        QCOMPARE(model.index(1, ImageTableModel::Size).data().toString(), u"900 MB"_s);

        proxy.sort(ImageTableModel::Size, Qt::AscendingOrder);
        QCOMPARE(visibleIds(proxy), (QStringList{u"small"_s, u"medium"_s, u"big"_s}));
        proxy.sort(ImageTableModel::Size, Qt::DescendingOrder);
        QCOMPARE(visibleIds(proxy), (QStringList{u"big"_s, u"medium"_s, u"small"_s}));
    }

    void sortsDatesChronologically()
    {
        ImageTableModel model;
        ImageFilterModel proxy;
        proxy.setSourceModel(&model);
        Image older = makeImage(u"older"_s, u"x"_s);
        older.createAtMs = 999'999'999'999; // 2001: fewer digits than the others
        older.updateAtMs = 1'800'000'000'000;
        Image newer = makeImage(u"newer"_s, u"y"_s);
        newer.createAtMs = 1'700'000'000'000;
        newer.updateAtMs = 1'600'000'000'000;
        Image newest = makeImage(u"newest"_s, u"z"_s);
        newest.createAtMs = 1'710'000'000'000;
        newest.updateAtMs = 1'700'000'000'000;
        model.setImages({newer, older, newest});

        proxy.sort(ImageTableModel::Created, Qt::DescendingOrder); // the app's default: newest first
        QCOMPARE(visibleIds(proxy), (QStringList{u"newest"_s, u"newer"_s, u"older"_s}));
        proxy.sort(ImageTableModel::Updated, Qt::AscendingOrder);
        QCOMPARE(visibleIds(proxy), (QStringList{u"newer"_s, u"newest"_s, u"older"_s}));
    }

    void sortsNamesNaturally()
    {
        ImageTableModel model;
        ImageFilterModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        const QStringList names{u"img10"_s, u"IMG2"_s, u"img1"_s,  u"Alpha"_s,
                                u"img2b"_s, u"beta"_s, u"img02x"_s};
        QList<Image> images;
        for (const QString &name : names)
            images.append(makeImage(name, name));
        model.setImages(images);
        proxy.sort(ImageTableModel::Name, Qt::AscendingOrder);
        QCOMPARE(visibleIds(proxy), (QStringList{u"Alpha"_s, u"beta"_s, u"img1"_s, u"IMG2"_s, u"img2b"_s,
                                                 u"img02x"_s, u"img10"_s}));

        // Dynamic sorting keeps the order when a row changes.
        Image renamed = makeImage(u"beta"_s, u"img3"_s);
        model.upsertImage(renamed);
        QCOMPARE(visibleIds(proxy), (QStringList{u"Alpha"_s, u"img1"_s, u"IMG2"_s, u"img2b"_s, u"img02x"_s,
                                                 u"beta"_s, u"img10"_s}));
    }

    void naturalKeys_data()
    {
        QTest::addColumn<QString>("smaller");
        QTest::addColumn<QString>("larger");
        QTest::newRow("digits by value") << u"v2"_s << u"v10"_s;
        QTest::newRow("case-insensitive") << u"Apple"_s << u"banana"_s;
        QTest::newRow("case-insensitive 2") << u"apple"_s << u"Banana"_s;
        QTest::newRow("prefix") << u"img"_s << u"img2"_s;
        QTest::newRow("long numbers") << u"build-99999999999999999998"_s << u"build-99999999999999999999"_s;
        QTest::newRow("numbers then letters") << u"1.9.0"_s << u"1.10.0"_s;
        QTest::newRow("digits before letters") << u"a1"_s << u"ab"_s;
        QTest::newRow("punctuation before digits") << u"a-"_s << u"a1"_s;
        QTest::newRow("non-ascii") << u"zeta"_s << u"Ωmega"_s;
        QTest::newRow("empty first") << QString() << u"a"_s;
    }

    void naturalKeys()
    {
        QFETCH(QString, smaller);
        QFETCH(QString, larger);
        QVERIFY(QString::compare(mim::naturalSortKey(smaller), mim::naturalSortKey(larger)) < 0);
        QVERIFY(QString::compare(mim::naturalSortKey(larger), mim::naturalSortKey(smaller)) > 0);
    }

    void naturalKeyEqualities()
    {
        QCOMPARE(mim::naturalSortKey(u"IMG2"_s), mim::naturalSortKey(u"img2"_s));
        QCOMPARE(mim::naturalSortKey(u"img002"_s), mim::naturalSortKey(u"img2"_s));
        QCOMPARE(mim::naturalSortKey(u"plain-name"_s), u"plain-name"_s);
    }

    void textFilter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("name") << u"TENSOR"_s << QStringList{u"b"_s};
        QTest::newRow("tag") << u"V7"_s << QStringList{u"d"_s};
        QTest::newRow("swr path") << u"special-path"_s << QStringList{u"d"_s};
        QTest::newRow("namespace") << u"team-b"_s << QStringList{u"b"_s};
        QTest::newRow("description") << u"cuda"_s << QStringList{u"a"_s};
        QTest::newRow("name and tag") << u"notebook-base:v7"_s << QStringList{u"d"_s};
        QTest::newRow("nothing") << u"no such image"_s << QStringList{};
        QTest::newRow("empty") << QString() << QStringList{u"a"_s, u"b"_s, u"d"_s};
    }

    void textFilter()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        ImageTableModel model;
        ImageFilterModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setImages(sampleImages());
        proxy.sort(ImageTableModel::Id);
        proxy.setText(text);
        QCOMPARE(visibleIds(proxy), ids);
    }

    // 50,000 rows: the filter evaluates them on two threads; every keystroke must show exactly the rows a
    // plain search finds, in the table's order.
    void largeModelFiltersLikeAPlainSearch()
    {
        QList<Image> images;
        const QStringList words{u"pytorch"_s, u"tensorflow"_s, u"mindspore"_s, u"notebook"_s, u"llama"_s};
        for (int i = 0; i < 50'000; ++i) {
            Image image = makeImage(u"img-%1"_s.arg(i), u"%1-%2"_s.arg(words.at(i % words.size())).arg(i));
            image.description = (i % 7 == 0) ? u"PyTorch 2.1 with CUDA"_s : QString();
            image.tag = u"v%1"_s.arg(i % 97);
            images.append(image);
        }
        ImageTableModel model;
        ImageFilterModel proxy;
        proxy.setSourceModel(&model);
        model.setImages(images);
        proxy.sort(ImageTableModel::Name);
        for (const QString &text :
             {u"p"_s, u"py"_s, u"pyt"_s, u"pytorch-1"_s, u"pyt"_s, u"v9"_s, QString()}) {
            proxy.setText(text);
            QStringList expected;
            for (int row = 0; row < model.rowCount(); ++row) {
                const Image &image = model.imageAt(row);
                if (plainSearchFinds(image, text))
                    expected.append(image.id);
            }
            QCOMPARE(visibleIds(proxy), expected);
        }
    }

    // Most rows are decided from the characters their fields hold, without a search of their strings: the
    // result must still be what a plain case-insensitive search finds, for every kind of character (letters
    // that other characters fold to, like KELVIN SIGN to k; Chinese; surrogates; ':' of "name:tag"), with
    // built-in images shown or hidden and with a facet set, in a model refiltered row by row and in one
    // refiltered all at once.
    void textMatchesLikeAPlainSearchForAnyCharacter_data()
    {
        QTest::addColumn<int>("rows");
        QTest::newRow("refiltered row by row") << 600;
        QTest::newRow("refiltered at once") << 6'000;
    }

    void textMatchesLikeAPlainSearchForAnyCharacter()
    {
        QFETCH(int, rows);
        const QStringList pieces{u"Kelvin"_s, u"\u212A"_s,     u"\u017Ftrasse"_s, u"STRASSE"_s,
                                 u"镜像"_s,   u"\U0001F680"_s, u"py3"_s,          u"0x9"_s,
                                 u"É"_s,      u"q"_s,          u"z\u0663"_s,      u"snake_case"_s,
                                 u"-"_s,      u"数据"_s,       u"Z9"_s,           u"ß"_s};
        QRandomGenerator random(20261205);
        const auto text = [&] {
            QString result;
            for (int i = int(random.bounded(3)); i >= 0; --i)
                result += pieces.at(random.bounded(int(pieces.size())));
            return result;
        };
        QList<Image> images;
        for (int i = 0; i < rows; ++i) {
            Image image = makeImage(u"%1"_s.arg(i, 8, 16, QChar(u'0')), text());
            image.tag = text();
            image.nameSpace = text();
            image.swrPath = u"swr/"_s + image.nameSpace + u'/' + image.name + u':' + image.tag;
            image.description = text();
            image.type = i % 5 == 0 ? u"BUILD_IN"_s : u"DEDICATED"_s;
            image.status = i % 3 == 0 ? u"ERROR"_s : u"ACTIVE"_s;
            images.append(image);
        }
        ImageTableModel model;
        ImageFilterModel proxy;
        proxy.setSourceModel(&model);
        model.setImages(images);
        proxy.sort(ImageTableModel::Id);

        const QStringList texts{u"k"_s,      u"K"_s,  u"\u212A"_s,     u"s"_s,   u"\u017F"_s, u"e"_s,
                                u"é"_s,      u"9"_s,  u"\u0663"_s,     u"x"_s,   u"q"_s,      u"镜"_s,
                                u":"_s,      u"-"_s,  u"\U0001F680"_s, u"ss"_s,  u"z9"_s,     u"n:"_s,
                                u"kelvin"_s, u"y3"_s, u"ß"_s,          QString()};
        for (const bool showBuiltIn : {false, true}) {
            for (const bool facet : {false, true}) {
                proxy.setShowBuiltIn(showBuiltIn);
                proxy.setFacet(Facet::Status, facet ? QSet<QString>{u"ACTIVE"_s} : QSet<QString>{});
                for (const QString &filterText : texts) {
                    proxy.setText(filterText);
                    QStringList expected;
                    for (int row = 0; row < model.rowCount(); ++row) {
                        const Image &image = model.imageAt(row);
                        if ((!showBuiltIn && image.isBuiltIn()) || (facet && image.status != u"ACTIVE"_s))
                            continue;
                        if (plainSearchFinds(image, filterText))
                            expected.append(image.id);
                    }
                    QVERIFY2(visibleIds(proxy) == expected,
                             qPrintable(u"\"%1\": %2 rows shown, %3 expected"_s.arg(filterText)
                                            .arg(proxy.rowCount())
                                            .arg(expected.size())));
                }
            }
        }
    }

    // Typing a letter that hides no row, in a model large enough to be refiltered all at once, must not make
    // the view lay out 10,000 rows again.
    void keystrokeThatHidesNothingMovesNothing()
    {
        QList<Image> images;
        for (int i = 0; i < 10'000; ++i)
            images.append(makeImage(u"img-%1"_s.arg(i), u"pytorch-%1"_s.arg(i)));
        ImageTableModel model;
        ImageFilterModel proxy;
        proxy.setSourceModel(&model);
        model.setImages(images);
        proxy.setText(u"pyt"_s);
        QCOMPARE(proxy.rowCount(), 10'000);
        QSignalSpy layoutChanged(&proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
        proxy.setText(u"pyto"_s);
        QCOMPARE(proxy.rowCount(), 10'000);
        QCOMPARE(layoutChanged.size() + removed.size() + inserted.size() + reset.size(), 0);
        // And one that hides all but one row still ends right.
        proxy.setText(u"pytorch-9999"_s);
        QCOMPARE(visibleIds(proxy), QStringList{u"img-9999"_s});
    }

    void textFilterMatchesId()
    {
        ImageTableModel model;
        ImageFilterModel proxy;
        proxy.setSourceModel(&model);
        QList<Image> images = sampleImages();
        images.append(makeImage(u"0f9e8d7c-1234"_s, u"other"_s));
        model.setImages(images);
        proxy.setText(u"9E8D7C"_s);
        QCOMPARE(visibleIds(proxy), QStringList{u"0f9e8d7c-1234"_s});
    }

    void builtInHiddenByDefault()
    {
        ImageTableModel model;
        ImageFilterModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setImages(sampleImages());
        proxy.sort(ImageTableModel::Id);
        QCOMPARE(visibleIds(proxy), (QStringList{u"a"_s, u"b"_s, u"d"_s}));
        proxy.setShowBuiltIn(true);
        QCOMPARE(visibleIds(proxy), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
        QVERIFY(proxy.filterState().isActive());
        proxy.clearFilters();
        QCOMPARE(visibleIds(proxy), (QStringList{u"a"_s, u"b"_s, u"d"_s}));
    }

    void facets_data()
    {
        QTest::addColumn<int>("facet");
        QTest::addColumn<QStringList>("accepted");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("status") << int(Facet::Status) << QStringList{u"CREATING"_s, u"CREATE_FAILED"_s}
                                << QStringList{u"b"_s, u"d"_s};
        QTest::newRow("type") << int(Facet::Type) << QStringList{u"BUILD_IN"_s} << QStringList{u"c"_s};
        QTest::newRow("visibility") << int(Facet::Visibility) << QStringList{u"PUBLIC"_s}
                                    << QStringList{u"b"_s, u"c"_s};
        QTest::newRow("architecture, any case")
            << int(Facet::Architecture) << QStringList{u"AARCH64"_s} << QStringList{u"b"_s};
        QTest::newRow("service type")
            << int(Facet::ServiceType) << QStringList{u"TRAIN"_s} << QStringList{u"a"_s};
        QTest::newRow("resources: any match")
            << int(Facet::ResourceCategory) << QStringList{u"GPU"_s, u"ASCEND"_s}
            << QStringList{u"a"_s, u"b"_s};
        QTest::newRow("resources: CPU")
            << int(Facet::ResourceCategory) << QStringList{u"CPU"_s} << QStringList{u"a"_s, u"c"_s, u"d"_s};
        QTest::newRow("namespace") << int(Facet::Namespace) << QStringList{u"team-b"_s}
                                   << QStringList{u"b"_s};
        QTest::newRow("workspace") << int(Facet::Workspace) << QStringList{u"0"_s}
                                   << QStringList{u"a"_s, u"c"_s, u"d"_s};
        QTest::newRow("empty accepts all")
            << int(Facet::Status) << QStringList{} << QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s};
    }

    void facets()
    {
        QFETCH(int, facet);
        QFETCH(QStringList, accepted);
        QFETCH(QStringList, ids);
        ImageTableModel model;
        ImageFilterModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setImages(sampleImages());
        proxy.sort(ImageTableModel::Id);
        proxy.setShowBuiltIn(true);
        proxy.setFacet(Facet(facet), QSet<QString>(accepted.cbegin(), accepted.cend()));
        QCOMPARE(visibleIds(proxy), ids);
    }

    void facetsAndTextCombine()
    {
        ImageTableModel model;
        ImageFilterModel proxy;
        proxy.setSourceModel(&model);
        model.setImages(sampleImages());
        proxy.sort(ImageTableModel::Id);
        proxy.setFacet(Facet::Visibility, {u"PRIVATE"_s});
        proxy.setText(u"a"_s);
        QCOMPARE(visibleIds(proxy), (QStringList{u"a"_s, u"d"_s}));
        proxy.setFacet(Facet::Status, {u"ACTIVE"_s});
        QCOMPARE(visibleIds(proxy), (QStringList{u"a"_s}));
    }

    void usageFacetFollowsTheUsage()
    {
        ImageTableModel model;
        ImageFilterModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setImages(sampleImages());
        proxy.sort(ImageTableModel::Id);
        proxy.setShowBuiltIn(true);
        proxy.setFacet(Facet::Usage, {u"NOT_IN_USE"_s});
        QCOMPARE(visibleIds(proxy), QStringList{}); // nothing read yet: nothing is known unused
        proxy.setFacet(Facet::Usage, {u"UNKNOWN"_s});
        QCOMPARE(visibleIds(proxy), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s}));

        mim::ImageUsage usage;
        usage.addUsers(
            {mim::ImageUser{mim::UsageKind::Notebook, u"n1"_s, u"dev"_s, u"RUNNING"_s, {{u"b"_s, {}}}},
             mim::ImageUser{mim::UsageKind::TrainingJob,
                            u"j1"_s,
                            u"train"_s,
                            u"Running"_s,
                            {{{}, u"team-a/special-path:v7"_s}}}});
        model.setUsage(mim::UsageSummary(usage, false));
        QCOMPARE(visibleIds(proxy), QStringList{});
        proxy.setFacet(Facet::Usage, {u"IN_USE"_s});
        QCOMPARE(visibleIds(proxy), (QStringList{u"b"_s, u"d"_s}));
        proxy.setFacet(Facet::Usage, {u"NOT_IN_USE"_s});
        QCOMPARE(visibleIds(proxy), (QStringList{u"a"_s, u"c"_s}));
        QCOMPARE(proxy.facetValues(Facet::Usage), (QStringList{u"IN_USE"_s, u"NOT_IN_USE"_s}));

        // Usage read again: the facet follows without a new filter call.
        model.setUsage(mim::UsageSummary::loadingAfter(mim::UsageSummary(usage, false)));
        QCOMPARE(visibleIds(proxy), QStringList{});
        proxy.setFacet(Facet::Usage, {u"IN_USE"_s, u"UNKNOWN"_s});
        QCOMPARE(visibleIds(proxy), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s}));

        // The facet is saved with the filter.
        QCOMPARE(FilterState::fromVariant(proxy.filterState().toVariant()), proxy.filterState());
        QVERIFY(proxy.filterState().toVariant().value(u"facets"_s).toMap().contains(u"usage"_s));
    }

    void filterFollowsSourceChanges()
    {
        ImageTableModel model;
        ImageFilterModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setImages(sampleImages());
        proxy.sort(ImageTableModel::Id);
        proxy.setFacet(Facet::Status, {u"ACTIVE"_s});
        QCOMPARE(visibleIds(proxy), (QStringList{u"a"_s}));
        // A settling image becomes active: it appears without a new filter call.
        QList<Image> images = sampleImages();
        images[1].status = u"ACTIVE"_s;
        model.setImages(images);
        QCOMPARE(visibleIds(proxy), (QStringList{u"a"_s, u"b"_s}));
        model.removeImage(u"a"_s);
        QCOMPARE(visibleIds(proxy), (QStringList{u"b"_s}));
    }

    void stateChangesOnlyWhenDifferent()
    {
        ImageTableModel model;
        ImageFilterModel proxy;
        proxy.setSourceModel(&model);
        model.setImages(sampleImages());
        QSignalSpy stateChanged(&proxy, &ImageFilterModel::filterStateChanged);
        QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
        proxy.setText(u"tensor"_s);
        QCOMPARE(stateChanged.count(), 1);
        const int removedAfterFirst = int(removed.count());
        QVERIFY(removedAfterFirst > 0);
        proxy.setText(u"tensor"_s);
        proxy.setText(u" tensor "_s); // trimmed: the same filter
        proxy.setShowBuiltIn(false);
        proxy.setFacet(Facet::Status, {});
        QCOMPARE(stateChanged.count(), 1);
        QCOMPARE(removed.count(), removedAfterFirst);
        proxy.setFilterState(proxy.filterState());
        QCOMPARE(stateChanged.count(), 1);
        proxy.clearFilters();
        QCOMPARE(stateChanged.count(), 2);
    }

    void facetValuesAreDistinctAndSorted()
    {
        ImageTableModel model;
        ImageFilterModel proxy;
        proxy.setSourceModel(&model);
        model.setImages(sampleImages());
        QCOMPARE(proxy.facetValues(Facet::Status),
                 (QStringList{u"ACTIVE"_s, u"CREATE_FAILED"_s, u"CREATING"_s}));
        QCOMPARE(proxy.facetValues(Facet::Architecture), (QStringList{u"AARCH64"_s, u"X86_64"_s}));
        QCOMPARE(proxy.facetValues(Facet::ResourceCategory), (QStringList{u"ASCEND"_s, u"CPU"_s, u"GPU"_s}));
        QCOMPARE(proxy.facetValues(Facet::Type), (QStringList{u"BUILD_IN"_s, u"DEDICATED"_s}));
        QCOMPARE(proxy.facetValues(Facet::Namespace), (QStringList{u"team-a"_s, u"team-b"_s}));
        QCOMPARE(proxy.facetValues(Facet::Workspace),
                 (QStringList{u"0"_s, u"ws0123456789abcdef0123456789abcd"_s}));
        // From the source: values of rows the current filter hides are offered too.
        proxy.setText(u"tensor"_s);
        QCOMPARE(proxy.facetValues(Facet::Visibility), (QStringList{u"PRIVATE"_s, u"PUBLIC"_s}));
        ImageFilterModel detached;
        QVERIFY(detached.facetValues(Facet::Status).isEmpty());
    }

    void filterStateRoundTrip()
    {
        FilterState state;
        state.text = u"pytorch"_s;
        state.showBuiltIn = true;
        state.facets.insert(Facet::Status, {u"ACTIVE"_s, u"ERROR"_s});
        state.facets.insert(Facet::ResourceCategory, {u"GPU"_s});
        state.facets.insert(Facet::Workspace, {u"0"_s});
        QVERIFY(state.isActive());

        QCOMPARE(FilterState::fromVariant(state.toVariant()), state);

        // Through real settings, as the window persists it.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"filters.ini"_s);
        {
            QSettings settings(path, QSettings::IniFormat);
            settings.setValue(u"filters"_s, state.toVariant());
        }
        QSettings settings(path, QSettings::IniFormat);
        QCOMPARE(FilterState::fromVariant(settings.value(u"filters"_s).toMap()), state);

        // Defaults, and garbage, read back as defaults.
        QCOMPARE(FilterState::fromVariant(FilterState{}.toVariant()), FilterState{});
        QCOMPARE(FilterState::fromVariant({}), FilterState{});
        QCOMPARE(FilterState::fromVariant({{u"facets"_s, u"nonsense"_s}}), FilterState{});
        QVERIFY(!FilterState{}.isActive());
    }

    void restoredStateFilters()
    {
        ImageTableModel model;
        ImageFilterModel proxy;
        proxy.setSourceModel(&model);
        model.setImages(sampleImages());
        proxy.sort(ImageTableModel::Id);
        FilterState state;
        state.facets.insert(Facet::Status, {u"ACTIVE"_s});
        state.showBuiltIn = true;
        proxy.setFilterState(FilterState::fromVariant(state.toVariant()));
        QCOMPARE(visibleIds(proxy), (QStringList{u"a"_s, u"c"_s}));
    }
};

QTEST_MAIN(TestImageFilterModel)
#include "test_image_filter_model.moc"
