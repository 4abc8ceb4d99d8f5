// The listing cache file: what is written is read back field for field; a file that is damaged, cut short, of
// another format version or of another account is ignored, never trusted; the file is private.

#include "models/catalog/ListingCache.h"

#include <QDataStream>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <type_traits>

using namespace Qt::StringLiterals;
using namespace mim;

namespace {

const listingcache::Identity Account{u"Work"_s, u"https://modelarts.cn-north-4.myhuaweicloud.com"_s,
                                     u"cn-north-4"_s, u"0123456789abcdef0123456789abcdef"_s};

QList<Image> sampleImages(int count)
{
    QList<Image> images;
    for (int i = 0; i < count; ++i) {
        Image image;
        image.id = u"%1-0000-4000-8000-000000000000"_s.arg(i, 8, 16, QChar(u'0'));
        image.name = u"model-%1"_s.arg(i);
        image.tag = u"v%1"_s.arg(i);
        image.nameSpace = u"team"_s;
        image.swrPath = u"swr.cn-north-4.myhuaweicloud.com/team/model-%1:v%1"_s.arg(i);
        image.type = u"DEDICATED"_s;
        image.status = i % 2 ? u"ACTIVE"_s : u"CREATING"_s;
        image.visibility = u"PRIVATE"_s;
        image.arch = u"X86_64"_s;
        image.sizeKb = 1024LL * 1024 * i;
        image.createAtMs = 1'700'000'000'000LL + i;
        image.updateAtMs = 1'700'000'500'000LL + i;
        image.description = u"描述 %1"_s.arg(i);
        image.resourceCategories = {u"CPU"_s, u"GPU"_s};
        image.tags = {ImageTag{u"k"_s, u"v%1"_s.arg(i)}};
        images.append(image);
    }
    return images;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

class TestListingCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        QTemporaryDir dir;
        const QString path = listingcache::fileFor(dir.filePath(u"listings"_s), Account.account);
        const QDateTime asOf = QDateTime::fromMSecsSinceEpoch(1'733'300'000'000LL);
        const QList<Image> images = sampleImages(500);
        QVERIFY(listingcache::save(path, Account, {asOf, images}));
        const std::optional<listingcache::Snapshot> loaded = listingcache::load(path, Account);
        QVERIFY(loaded);
        QCOMPARE(loaded->asOf, asOf);
        QCOMPARE(loaded->images, images);
        // Names an account, endpoints and images: only its owner may read it.
        QCOMPARE(QFile::permissions(path) & ~(QFile::ReadUser | QFile::WriteUser),
                 QFile::ReadOwner | QFile::WriteOwner);
        // The account's name is not written into the file's name.
        QVERIFY(!path.contains(Account.account));
    }

    // Texts of every kind read back as they were written: null and empty apart, SWR paths that follow the
    // image's namespace, name and tag and ones that do not, lists shared by many images and lists of one.
    void textsReadBackExactly()
    {
        QTemporaryDir dir;
        const QString path = listingcache::fileFor(dir.path(), Account.account);
        QList<Image> images = sampleImages(6);
        images[0].statusMessage = QString();
        images[1].statusMessage = u""_s;
        images[2].swrPath = u"swr.cn-north-4.myhuaweicloud.com/other/model-2:v2"_s; // another namespace
        images[3].swrPath = u"/team/model-3:v3"_s; // nothing before the suffix
        images[4].swrPath = QString();
        images[5].devServices = {u"NOTEBOOK"_s, QString(), u""_s, u"SSH"_s};
        images[5].tags = {ImageTag{QString(), u""_s}, ImageTag{u"名"_s, u"值 \U0001F600"_s}};
        QVERIFY(listingcache::save(path, Account, {QDateTime::currentDateTimeUtc(), images}));
        const std::optional<listingcache::Snapshot> loaded = listingcache::load(path, Account);
        QVERIFY(loaded);
        QCOMPARE(loaded->images, images);
        QVERIFY(loaded->images.at(0).statusMessage.isNull());
        QVERIFY(!loaded->images.at(1).statusMessage.isNull());
        QVERIFY(loaded->images.at(4).swrPath.isNull());
        QVERIFY(loaded->images.at(5).devServices.at(1).isNull());
        QVERIFY(!loaded->images.at(5).devServices.at(2).isNull());
        QVERIFY(loaded->images.at(5).tags.at(0).key.isNull());
    }

    // A text that many images share is stored once: 2,000 images with the same 2,000-character description
    // take far less than the 8 MB that description alone would take written with each of them.
    void sharedTextsAreStoredOnce()
    {
        QTemporaryDir dir;
        const QString path = listingcache::fileFor(dir.path(), Account.account);
        QList<Image> images = sampleImages(2000);
        const QString description(2000, u'd');
        for (Image &image : images)
            image.description = description;
        QVERIFY(listingcache::save(path, Account, {QDateTime::currentDateTimeUtc(), images}));
        QVERIFY2(QFileInfo(path).size() < 1'000'000, qPrintable(QString::number(QFileInfo(path).size())));
        const std::optional<listingcache::Snapshot> loaded = listingcache::load(path, Account);
        QVERIFY(loaded);
        QCOMPARE(loaded->images, images);
    }

    // A file of the first format (each field of each image as a QDataStream) is ignored, not misread.
    void firstFormatIsIgnored()
    {
        QTemporaryDir dir;
        const QString path = listingcache::fileFor(dir.path(), Account.account);
        QByteArray bytes;
        {
            QDataStream out(&bytes, QIODevice::WriteOnly);
            out.setVersion(QDataStream::Qt_6_4);
            QStringList names;
            Image::forEachField([&names](QLatin1StringView name, auto) { names.append(name); });
            out << quint32(0x4d494d4c) << quint32(1) << names.join(u',') << Account.account
                << Account.endpoint << Account.region << Account.projectId << qint64(1'733'300'000'000LL)
                << qint32(1);
            const Image image = sampleImages(1).constFirst();
            Image::forEachField([&](QLatin1StringView, auto member) {
                using Member = std::remove_cvref_t<decltype(image.*member)>;
                if constexpr (std::is_same_v<Member, QList<ImageTag>>) {
                    out << qint32((image.*member).size());
                    for (const ImageTag &tag : image.*member)
                        out << tag.key << tag.value;
                } else {
                    out << image.*member;
                }
            });
        }
        writeAll(path, bytes);
        QVERIFY(!listingcache::load(path, Account));
    }

    void untrustedFilesAreIgnored_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("truncated") << u"truncate"_s;
        QTest::newRow("cut in the header") << u"header"_s;
        QTest::newRow("garbage") << u"garbage"_s;
        QTest::newRow("flipped byte in a count") << u"count"_s;
        QTest::newRow("another format version") << u"version"_s;
        QTest::newRow("trailing bytes") << u"trailing"_s;
        QTest::newRow("empty") << u"empty"_s;
    }

    void untrustedFilesAreIgnored()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        const QString path = listingcache::fileFor(dir.path(), Account.account);
        QVERIFY(listingcache::save(path, Account, {QDateTime::currentDateTimeUtc(), sampleImages(50)}));
        QByteArray bytes = readAll(path);
        QVERIFY(bytes.size() > 1000);
        if (damage == u"truncate")
            bytes.chop(bytes.size() / 3);
        else if (damage == u"header")
            bytes.truncate(10);
        else if (damage == u"garbage")
            bytes.fill('\xa5');
        else if (damage == u"count")
            bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x7f);
        else if (damage == u"version")
            bytes[7] = char(bytes.at(7) + 1); // the format version follows the 4-byte magic, big-endian
        else if (damage == u"trailing")
            bytes.append("more");
        else if (damage == u"empty")
            bytes.clear();
        writeAll(path, bytes);
        const std::optional<listingcache::Snapshot> loaded = listingcache::load(path, Account);
        if (damage == u"count" && loaded) {
            // A flipped byte inside a text may still read: then it must read as the same number of images
            // of this account, never more.
            QCOMPARE(loaded->images.size(), 50);
            return;
        }
        QVERIFY(!loaded);
    }

    // Damage anywhere, in the tables or in the images, is read as nothing or as the same number of images:
    // never a read beyond the file, never more images.
    void damageAnywhereIsContained()
    {
        QTemporaryDir dir;
        const QString path = listingcache::fileFor(dir.path(), Account.account);
        QVERIFY(listingcache::save(path, Account, {QDateTime::currentDateTimeUtc(), sampleImages(20)}));
        const QByteArray intact = readAll(path);
        for (qsizetype at = 0; at < intact.size(); at += 7) {
            for (const char flip : {'\x01', '\x80', '\xff'}) {
                QByteArray bytes = intact;
                bytes[at] = char(bytes.at(at) ^ flip);
                writeAll(path, bytes);
                const std::optional<listingcache::Snapshot> loaded = listingcache::load(path, Account);
                if (loaded)
                    QCOMPARE(loaded->images.size(), 20);
            }
        }
    }

    void anotherAccountsFileIsIgnored_data()
    {
        QTest::addColumn<int>("field");
        QTest::newRow("name") << 0;
        QTest::newRow("endpoint") << 1;
        QTest::newRow("region") << 2;
        QTest::newRow("project") << 3;
    }

    void anotherAccountsFileIsIgnored()
    {
        QFETCH(int, field);
        QTemporaryDir dir;
        const QString path = listingcache::fileFor(dir.path(), Account.account);
        QVERIFY(listingcache::save(path, Account, {QDateTime::currentDateTimeUtc(), sampleImages(5)}));
        listingcache::Identity other = Account;
        QString *fields[] = {&other.account, &other.endpoint, &other.region, &other.projectId};
        fields[field]->append(u'x');
        QVERIFY(!listingcache::load(path, other));
        QVERIFY(listingcache::load(path, Account));
    }

    void noFileIsNothing()
    {
        QTemporaryDir dir;
        QVERIFY(!listingcache::load(listingcache::fileFor(dir.path(), Account.account), Account));
    }

    void removeAndClear()
    {
        QTemporaryDir dir;
        const QString work = listingcache::fileFor(dir.path(), u"Work"_s);
        const QString home = listingcache::fileFor(dir.path(), u"Home"_s);
        QVERIFY(work != home);
        QVERIFY(listingcache::save(work, Account, {QDateTime::currentDateTimeUtc(), sampleImages(3)}));
        QVERIFY(listingcache::save(home, Account, {QDateTime::currentDateTimeUtc(), sampleImages(3)}));
        writeAll(dir.filePath(u"unrelated.txt"_s), "keep");
        QVERIFY(listingcache::remove(dir.path(), u"Work"_s));
        QVERIFY(!QFile::exists(work));
        QVERIFY(QFile::exists(home));
        QVERIFY(listingcache::clear(dir.path()));
        QVERIFY(!QFile::exists(home));
        QVERIFY(QFile::exists(dir.filePath(u"unrelated.txt"_s)));
    }
};

QTEST_GUILESS_MAIN(TestListingCache)
#include "test_listing_cache.moc"
