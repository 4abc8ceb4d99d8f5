#include "models/catalog/ListingCache.h"

#include "models/common/ModelsLogging.h"
#include "models/common/PrivateFiles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtEndian>
#include <type_traits>
#include <vector>

using namespace Qt::StringLiterals;

namespace mim::listingcache {

namespace {

constexpr quint32 Magic = 0x4d494d4c; // "MIML"
const QString Suffix = u".listing"_s;
// Far beyond ImageListing::MaxImages: a count above it is damage, not an account.
constexpr qint32 MaxCachedImages = 2'000'000;

// The names of Image's fields in order: a file written by a build with other fields is not read.
QString fieldSignature()
{
    QStringList names;
    Image::forEachField([&names](QLatin1StringView name, auto) { names.append(name); });
    return names.join(u',');
}

void writeIdentity(QDataStream &out, const Identity &identity)
{
    out << identity.account << identity.endpoint << identity.region << identity.projectId;
}

Identity readIdentity(QDataStream &in)
{
    Identity identity;
    in >> identity.account >> identity.endpoint >> identity.region >> identity.projectId;
    return identity;
}

// The images follow the header as little-endian words, not as a QDataStream: most fields take a few values
// over a whole account (statuses, namespaces, names of an image's versions, resource lists), so each text and
// each list of texts is stored once, in a table, and the images name them by index. Reading 100,000 images
// then makes a string per distinct text rather than twenty per image, from a file read in one go.
//
//   u32 text count, then each text: u32 length in UTF-8 bytes (NullText for a null string), the bytes
//   u32 list count, then each list: u32 length, then the index of each of its texts
//   each image, each field in Image::forEachField()'s order: a text as its index, an integer as i64, a list
//   as its index, tags as a u32 count and then the indexes of each key and value. An SWR path that ends in
//   "/<namespace>/<name>:<tag>" of its image (nearly every one) is stored as the index of what precedes that,
//   with DerivedSwrPath set, as it is the largest text of an image and differs in every one.
constexpr quint32 NullText = 0xffffffff;
constexpr quint32 DerivedSwrPath = 0x80000000;

// Where a field comes in Image::forEachField().
template<typename Member> constexpr int fieldPosition(Member Image::*field)
{
    int position = 0;
    int found = -1;
    Image::forEachField([&](QLatin1StringView, auto member) {
        if constexpr (std::is_same_v<decltype(member), Member Image::*>) {
            if (member == field)
                found = position;
        }
        ++position;
    });
    return found;
}
// The reader builds a derived SWR path from fields it has read before.
static_assert(fieldPosition(&Image::swrPath) > fieldPosition(&Image::nameSpace) &&
              fieldPosition(&Image::swrPath) > fieldPosition(&Image::name) &&
              fieldPosition(&Image::swrPath) > fieldPosition(&Image::tag));

QString swrPathSuffix(const Image &image)
{
    return u'/' + image.nameSpace + u'/' + image.name + u':' + image.tag;
}

class BodyWriter
{
public:
    void write(const Image &image)
    {
        Image::forEachField([&](QLatin1StringView, auto member) {
            if constexpr (std::is_same_v<decltype(member), QString Image::*>) {
                if (member == &Image::swrPath) {
                    const QString suffix = swrPathSuffix(image);
                    if (image.swrPath.size() > suffix.size() && image.swrPath.endsWith(suffix)) {
                        const QString head = image.swrPath.first(image.swrPath.size() - suffix.size());
                        appendWord(m_images, indexOf(head) | DerivedSwrPath);
                        return;
                    }
                }
            }
            write(image.*member);
        });
    }

private:
    void write(const QString &value) { appendWord(m_images, indexOf(value)); }
    void write(qint64 value)
    {
        const quint64 bits = qToLittleEndian(quint64(value));
        m_images.append(reinterpret_cast<const char *>(&bits), sizeof bits);
    }
    void write(const QStringList &value)
    {
        auto it = m_listIndex.constFind(value);
        if (it == m_listIndex.cend()) {
            it = m_listIndex.insert(value, m_listCount++);
            appendWord(m_lists, quint32(value.size()));
            for (const QString &text : value)
                appendWord(m_lists, indexOf(text));
        }
        appendWord(m_images, it.value());
    }
    void write(const QList<ImageTag> &tags)
    {
        appendWord(m_images, quint32(tags.size()));
        for (const ImageTag &tag : tags) {
            appendWord(m_images, indexOf(tag.key));
            appendWord(m_images, indexOf(tag.value));
        }
    }

public:
    // The tables, then the images.
    QByteArray finish() const
    {
        QByteArray body;
        appendWord(body, quint32(m_texts.size()));
        for (const QString &text : m_texts) {
            const QByteArray utf8 = text.toUtf8();
            appendWord(body, text.isNull() ? NullText : quint32(utf8.size()));
            body.append(utf8);
        }
        body.reserve(body.size() + 4 + m_lists.size() + m_images.size());
        appendWord(body, m_listCount);
        body.append(m_lists);
        body.append(m_images);
        return body;
    }

private:
    static void appendWord(QByteArray &to, quint32 value)
    {
        const quint32 bits = qToLittleEndian(value);
        to.append(reinterpret_cast<const char *>(&bits), sizeof bits);
    }
    quint32 indexOf(const QString &text)
    {
        // A null and an empty text compare equal, but each reads back as it was.
        QHash<QString, quint32> &index = text.isNull() ? m_nullIndex : m_textIndex;
        auto it = index.constFind(text);
        if (it == index.cend()) {
            it = index.insert(text, quint32(m_texts.size()));
            m_texts.push_back(text);
        }
        return it.value();
    }

    QHash<QString, quint32> m_textIndex;
    QHash<QString, quint32> m_nullIndex;
    std::vector<QString> m_texts;
    QHash<QStringList, quint32> m_listIndex;
    quint32 m_listCount = 0;
    QByteArray m_lists;
    QByteArray m_images;
};

// The fewest bytes an image takes: four per text, list and tag count, eight per integer.
constexpr qsizetype minimumImageBytes()
{
    qsizetype bytes = 0;
    Image::forEachField([&bytes](QLatin1StringView, auto member) {
        using Member = std::remove_cvref_t<decltype(std::declval<Image &>().*member)>;
        bytes += std::is_same_v<Member, qint64> ? 8 : 4;
    });
    return bytes;
}

// Reads what BodyWriter wrote, checking every count and index against what is left of the file: damage
// makes ok() false, never a read beyond its end.
class BodyReader
{
public:
    BodyReader(const char *begin, const char *end)
        : m_at(begin)
        , m_end(end)
    {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_at == m_end; }
    // What is left can hold `count` images.
    bool holdsImages(qint32 count) { return fits(quint64(count), minimumImageBytes()); }

    bool readTables()
    {
        const quint32 textCount = word();
        if (!fits(textCount, 4))
            return false;
        m_texts.reserve(textCount);
        for (quint32 i = 0; i < textCount && m_ok; ++i) {
            const quint32 length = word();
            if (length == NullText) {
                m_texts.append(QString());
                continue;
            }
            if (!fits(length, 1))
                return false;
            m_texts.append(QString::fromUtf8(m_at, qsizetype(length)));
            m_at += qsizetype(length);
        }
        const quint32 listCount = word();
        if (!fits(listCount, 4))
            return false;
        m_lists.reserve(listCount);
        for (quint32 i = 0; i < listCount && m_ok; ++i) {
            const quint32 length = word();
            if (!fits(length, 4))
                return false;
            QStringList list;
            list.reserve(length);
            for (quint32 j = 0; j < length; ++j)
                list.append(text());
            m_lists.append(std::move(list));
        }
        return m_ok;
    }

    void read(Image &image)
    {
        Image::forEachField([&](QLatin1StringView, auto member) {
            if constexpr (std::is_same_v<decltype(member), QString Image::*>) {
                if (member == &Image::swrPath)
                    return readSwrPath(image);
            }
            read(image.*member);
        });
    }

private:
    void readSwrPath(Image &image)
    {
        const quint32 index = word();
        if ((index & ~DerivedSwrPath) >= quint32(m_texts.size()))
            return fail();
        const QString &head = m_texts.at(index & ~DerivedSwrPath);
        // One allocation: the path is the only text each image has its own, besides its id.
        if (index & DerivedSwrPath)
            image.swrPath = head + u'/' + image.nameSpace + u'/' + image.name + u':' + image.tag;
        else
            image.swrPath = head;
    }
    void read(QString &value) { value = text(); }
    void read(qint64 &value)
    {
        if (!fits(1, sizeof value))
            return;
        value = qint64(qFromLittleEndian<quint64>(m_at));
        m_at += sizeof value;
    }
    void read(QStringList &value)
    {
        const quint32 index = word();
        if (index >= quint32(m_lists.size()))
            return fail();
        value = m_lists.at(index);
    }
    void read(QList<ImageTag> &tags)
    {
        const quint32 count = word();
        if (!fits(count, 8))
            return;
        tags.resize(count);
        for (ImageTag &tag : tags) {
            tag.key = text();
            tag.value = text();
        }
    }

    void fail()
    {
        m_ok = false;
        m_at = m_end;
    }
    // `count` items of `size` bytes each are left.
    bool fits(quint64 count, quint64 size)
    {
        if (m_ok && count <= quint64(m_end - m_at) / size)
            return true;
        fail();
        return false;
    }
    quint32 word()
    {
        if (!fits(1, 4))
            return 0;
        const quint32 value = qFromLittleEndian<quint32>(m_at);
        m_at += 4;
        return value;
    }
    QString text()
    {
        const quint32 index = word();
        if (index >= quint32(m_texts.size())) {
            fail();
            return {};
        }
        return m_texts.at(index);
    }

    const char *m_at;
    const char *m_end;
    bool m_ok = true;
    QStringList m_texts;
    QList<QStringList> m_lists;
};

} // namespace

QString defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + u'/' +
           QCoreApplication::applicationName() + u"/listings"_s;
}

QString fileFor(const QString &directory, const QString &account)
{
    const QByteArray hash = QCryptographicHash::hash(account.toUtf8(), QCryptographicHash::Sha256).toHex();
    return directory + u'/' + QString::fromLatin1(hash.left(32)) + Suffix;
}

bool save(const QString &path, const Identity &identity, const Snapshot &snapshot, QString *error)
{
    const auto fail = [&](const QString &why) {
        qCWarning(lcModels) << "listing cache: cannot write" << path << why;
        if (error)
            *error = why;
        return false;
    };
    if (!privatefiles::makeDirectory(QFileInfo(path).absolutePath()))
        return fail(u"cannot create its folder"_s);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    // Private before the first byte of metadata is in it.
    file.setPermissions(privatefiles::FilePermissions);
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << Magic << FormatVersion << fieldSignature();
    writeIdentity(out, identity);
    out << snapshot.asOf.toMSecsSinceEpoch() << qint32(snapshot.images.size());
    BodyWriter body;
    for (const Image &image : snapshot.images)
        body.write(image);
    const QByteArray bytes = body.finish();
    out.writeRawData(bytes.constData(), int(bytes.size()));
    if (out.status() != QDataStream::Ok)
        return fail(u"write error"_s);
    if (!file.commit())
        return fail(file.errorString());
    privatefiles::makeFile(path);
    return true;
}

std::optional<Snapshot> load(const QString &path, const Identity &identity)
{
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    const auto ignore = [&](const char *why) {
        qCWarning(lcModels) << "listing cache: ignoring" << path << "-" << why;
        return std::nullopt;
    };
    if (!file.open(QIODevice::ReadOnly))
        return ignore("cannot be opened");
    // In one read: the images are parsed from memory.
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return ignore("cannot be read");
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 version = 0;
    in >> magic >> version;
    if (in.status() != QDataStream::Ok || magic != Magic)
        return ignore("not a listing cache");
    if (version != FormatVersion)
        return ignore("another format version");
    QString fields;
    in >> fields;
    if (fields != fieldSignature())
        return ignore("written with other image fields");
    if (readIdentity(in) != identity || in.status() != QDataStream::Ok)
        return ignore("of another account");
    qint64 asOfMs = 0;
    qint32 count = 0;
    in >> asOfMs >> count;
    if (in.status() != QDataStream::Ok || count < 0 || count > MaxCachedImages)
        return ignore("damaged header");
    Snapshot snapshot;
    snapshot.asOf = QDateTime::fromMSecsSinceEpoch(asOfMs);
    const qsizetype headerSize = in.device()->pos();
    BodyReader body(bytes.constData() + headerSize, bytes.constData() + bytes.size());
    if (!body.readTables())
        return ignore("truncated or damaged");
    if (!body.holdsImages(count))
        return ignore("truncated or damaged");
    snapshot.images.reserve(count);
    for (qint32 i = 0; i < count; ++i) {
        // Built in place: each image's memory is written once, while it is in the cache.
        body.read(snapshot.images.emplaceBack());
        if (!body.ok())
            return ignore("truncated or damaged");
    }
    if (!body.atEnd())
        return ignore("trailing data");
    return snapshot;
}

bool remove(const QString &directory, const QString &account)
{
    const QString path = fileFor(directory, account);
    return !QFile::exists(path) || QFile::remove(path);
}

bool clear(const QString &directory)
{
    bool ok = true;
    QDir dir(directory);
    const QStringList files = dir.entryList({u"*"_s + Suffix}, QDir::Files);
    for (const QString &name : files)
        ok = dir.remove(name) && ok;
    return ok;
}

} // namespace mim::listingcache
