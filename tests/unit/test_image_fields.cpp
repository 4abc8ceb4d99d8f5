// Each member of mim::Image, taken from the one list of them (Image::forEachField()), changed in turn: the
// table's change detection, toJson()/fromJson(), the fast page reader, the QJsonDocument reader and the
// sandbox's writer must all carry the change. A field added to the list but not to a reader written by hand
// fails here; a member left out of the list does not compile.
#include "ImageJsonWriter.h"
#include "models/api/Image.h"
#include "models/api/ImagePageReader.h"
#include "models/catalog/ImageTableModel.h"

#include <algorithm>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

// A value for each member that differs from member to member and from the default.
void setSample(QString &text, int field)
{
    text = u"value-%1"_s.arg(field);
}

void setSample(qint64 &number, int field)
{
    number = 1'763'795'820'000LL + field;
}

void setSample(QStringList &list, int field)
{
    list = {u"A%1"_s.arg(field), u"B%1"_s.arg(field)};
}

void setSample(QList<ImageTag> &tags, int field)
{
    tags = {{u"key%1"_s.arg(field), u"value"_s}, {u"owner"_s, u"team"_s}};
}

// The ways each kind of value can change, by name; change() makes the change of that index.
QStringList changesOf(const QString &)
{
    return {u"other text"_s, u"empty"_s, u"escapes and non-ASCII"_s};
}

void change(QString &text, int which)
{
    switch (which) {
    case 0:
        text += u"-2"_s;
        break;
    case 1:
        text.clear();
        break;
    default:
        text = u"训练 \"quoted\"\n\\ \u0001 ü/"_s;
    }
}

QStringList changesOf(qint64)
{
    return {u"plus one"_s, u"zero"_s, u"negative"_s};
}

void change(qint64 &number, int which)
{
    switch (which) {
    case 0:
        ++number;
        break;
    case 1:
        number = 0;
        break;
    default:
        number = -number;
    }
}

QStringList changesOf(const QStringList &)
{
    return {u"item added"_s, u"item changed"_s, u"order"_s, u"empty"_s};
}

void change(QStringList &list, int which)
{
    switch (which) {
    case 0:
        list.append(u"C"_s);
        break;
    case 1:
        list.first() += u"-2"_s;
        break;
    case 2:
        std::reverse(list.begin(), list.end());
        break;
    default:
        list.clear();
    }
}

QStringList changesOf(const QList<ImageTag> &)
{
    return {u"tag added"_s, u"key changed"_s, u"value changed"_s, u"order"_s, u"empty"_s};
}

void change(QList<ImageTag> &tags, int which)
{
    switch (which) {
    case 0:
        tags.append({u"extra"_s, u""_s});
        break;
    case 1:
        tags.first().key += u"-2"_s;
        break;
    case 2:
        tags.first().value += u"-2"_s;
        break;
    case 3:
        std::reverse(tags.begin(), tags.end());
        break;
    default:
        tags.clear();
    }
}

Image sampleImage()
{
    Image image;
    int field = 0;
    Image::forEachField([&](QLatin1StringView, auto member) { setSample(image.*member, field++); });
    return image;
}

QString keyOf(int field)
{
    QString key;
    int index = 0;
    Image::forEachField([&](QLatin1StringView name, auto) {
        if (index++ == field)
            key = name;
    });
    return key;
}

Image changedImage(Image image, int field, int which)
{
    int index = 0;
    Image::forEachField([&](QLatin1StringView, auto member) {
        if (index++ == field)
            change(image.*member, which);
    });
    return image;
}

QByteArray pageOf(const QByteArray &record)
{
    return "{\"total\":1,\"current\":1,\"pages\":1,\"size\":1,\"data\":[" + record + "]}";
}

// What differs between two images, by key, for failure messages.
QString difference(const Image &actual, const Image &expected)
{
    QStringList keys;
    Image::forEachField([&](QLatin1StringView key, auto member) {
        if (!(actual.*member == expected.*member))
            keys.append(key);
    });
    return keys.isEmpty() ? u"nothing"_s : keys.join(u", "_s);
}

} // namespace

class TestImageFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listNamesEachMemberOnce();
    void tableModelSeesChange_data() { addChanges(); }
    void tableModelSeesChange();
    void toJsonRoundTrips_data() { addChanges(); }
    void toJsonRoundTrips();
    void pageReadersAgree_data() { addChanges(); }
    void pageReadersAgree();
    void sandboxWriterWrites_data() { addChanges(); }
    void sandboxWriterWrites();

private:
    static void addChanges();
};

// One row per member and way of changing it.
void TestImageFields::addChanges()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<int>("which");
    const Image sample = sampleImage();
    int field = 0;
    Image::forEachField([&](QLatin1StringView key, auto member) {
        const QStringList changes = changesOf(sample.*member);
        for (int which = 0; which < changes.size(); ++which) {
            // An image without an id is no image: every reader skips it.
            if (key == "id"_L1 && changes.at(which) == "empty"_L1)
                continue;
            QTest::addRow("%s: %s", qPrintable(QString(key)), qPrintable(changes.at(which)))
                << field << which;
        }
        ++field;
    });
}

void TestImageFields::listNamesEachMemberOnce()
{
    const Image sample = sampleImage();
    QSet<QString> keys;
    QList<Image> changed;
    for (int field = 0; field < Image::fieldCount(); ++field) {
        keys.insert(keyOf(field));
        changed.append(changedImage(sample, field, 0));
    }
    QCOMPARE(keys.size(), Image::fieldCount());
    // Each entry changes a member of its own: no two entries point at the same one.
    for (qsizetype i = 0; i < changed.size(); ++i) {
        QVERIFY2(!(changed.at(i) == sample), qPrintable(keyOf(int(i))));
        for (qsizetype j = i + 1; j < changed.size(); ++j)
            QVERIFY2(!(changed.at(i) == changed.at(j)),
                     qPrintable(keyOf(int(i)) + u" and "_s + keyOf(int(j))));
    }
}

// The digest a refresh compares must see every field, or the row keeps the old image without a word.
void TestImageFields::tableModelSeesChange()
{
    QFETCH(int, field);
    QFETCH(int, which);
    const Image before = sampleImage();
    const Image after = changedImage(before, field, which);
    QVERIFY(!(after == before));

    ImageTableModel model;
    model.setImages({before});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setImages({after});
    QCOMPARE(model.rowCount(), 1);
    QVERIFY2(model.imageAt(0) == after,
             qPrintable(u"the row kept its old "_s + difference(model.imageAt(0), after)));
    if (keyOf(field) == "id"_L1)
        QCOMPARE(removed.count(), 1); // another image: the old row leaves
    else
        QCOMPARE(changed.count(), 1);

    // And back: the digest of the first image is still told apart.
    changed.clear();
    model.setImages({before});
    QVERIFY(model.imageAt(0) == before);
    if (keyOf(field) != "id"_L1)
        QCOMPARE(changed.count(), 1);

    // The same image again is no change.
    changed.clear();
    model.setImages({before});
    QCOMPARE(changed.count(), 0);
}

void TestImageFields::toJsonRoundTrips()
{
    QFETCH(int, field);
    QFETCH(int, which);
    const Image image = changedImage(sampleImage(), field, which);
    const QJsonObject object = image.toJson();
    QVERIFY(object.contains(keyOf(field)));
    QCOMPARE(object.size(), Image::fieldCount());
    QString whyNot;
    const std::optional<Image> read = Image::fromJson(object, &whyNot);
    QVERIFY2(read, qPrintable(whyNot));
    QVERIFY2(*read == image, qPrintable(u"differs in "_s + difference(*read, image)));
}

// The fast reader reads each field as the QJsonDocument one does, and reads it at all: a page it declined
// would hide a field it does not know behind the slower path.
void TestImageFields::pageReadersAgree()
{
    QFETCH(int, field);
    QFETCH(int, which);
    const Image image = changedImage(sampleImage(), field, which);
    const QByteArray body = pageOf(QJsonDocument(image.toJson()).toJson(QJsonDocument::Compact));

    const std::optional<ImagePage> fast = detail::readImagePage(body);
    QVERIFY2(fast, "the fast reader declined the page");
    QCOMPARE(fast->images.size(), 1);
    QVERIFY2(fast->images.at(0) == image, qPrintable(u"fast: "_s + difference(fast->images.at(0), image)));

    QString error;
    const std::optional<ImagePage> reference = ImagePage::fromJsonDocument(body, &error);
    QVERIFY2(reference, qPrintable(error));
    QCOMPARE(reference->images.size(), 1);
    QVERIFY2(reference->images.at(0) == image,
             qPrintable(u"QJsonDocument: "_s + difference(reference->images.at(0), image)));
}

void TestImageFields::sandboxWriterWrites()
{
    QFETCH(int, field);
    QFETCH(int, which);
    const Image image = changedImage(sampleImage(), field, which);
    const QByteArray json = sandbox::writeImageJson(image);

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.object().contains(keyOf(field)));
    QCOMPARE(document.object(), image.toJson());

    const std::optional<ImagePage> fast = detail::readImagePage(pageOf(json));
    QVERIFY2(fast, "the fast reader declined the sandbox's page");
    QCOMPARE(fast->images.size(), 1);
    QVERIFY2(fast->images.at(0) == image, qPrintable(difference(fast->images.at(0), image)));
}

QTEST_GUILESS_MAIN(TestImageFields)
#include "test_image_fields.moc"
