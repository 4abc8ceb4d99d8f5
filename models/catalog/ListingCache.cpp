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

void write(QDataStream &out, const QString &value)
{
    out << value;
}
void write(QDataStream &out, qint64 value)
{
    out << value;
}
void write(QDataStream &out, const QStringList &value)
{
    out << value;
}
void write(QDataStream &out, const QList<ImageTag> &tags)
{
    out << qint32(tags.size());
    for (const ImageTag &tag : tags)
        out << tag.key << tag.value;
}

void read(QDataStream &in, QString &value)
{
    in >> value;
}
void read(QDataStream &in, qint64 &value)
{
    in >> value;
}
void read(QDataStream &in, QStringList &value)
{
    in >> value;
}
void read(QDataStream &in, QList<ImageTag> &tags)
{
    qint32 count = 0;
    in >> count;
    if (count < 0 || count > 10'000) {
        in.setStatus(QDataStream::ReadCorruptData);
        return;
    }
    tags.resize(count);
    for (ImageTag &tag : tags)
        in >> tag.key >> tag.value;
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
    for (const Image &image : snapshot.images)
        Image::forEachField([&](QLatin1StringView, auto member) { write(out, image.*member); });
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
    QDataStream in(&file);
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
    snapshot.images.resize(count);
    for (Image &image : snapshot.images) {
        Image::forEachField([&](QLatin1StringView, auto member) { read(in, image.*member); });
        if (in.status() != QDataStream::Ok)
            return ignore("truncated or damaged");
    }
    if (!in.atEnd())
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
