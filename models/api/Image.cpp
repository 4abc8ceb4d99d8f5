#include "models/api/Image.h"

#include "models/api/ImagePageReader.h"
#include "models/api/JsonEnvelope.h"
#include "models/api/PathSegments.h"

#include <cmath>
#include <limits>
#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

// The API's field names for the hand-written reader below; test_image_fields checks they match
// Image::forEachField().
namespace Key {
constexpr QLatin1StringView Id("id");
constexpr QLatin1StringView Name("name");
constexpr QLatin1StringView Tag("tag");
constexpr QLatin1StringView Namespace("namespace");
constexpr QLatin1StringView SwrPath("swr_path");
constexpr QLatin1StringView Type("type");
constexpr QLatin1StringView Origin("origin");
constexpr QLatin1StringView Status("status");
constexpr QLatin1StringView StatusMessage("status_message");
constexpr QLatin1StringView Visibility("visibility");
constexpr QLatin1StringView Arch("arch");
constexpr QLatin1StringView Size("size");
constexpr QLatin1StringView CreateAt("create_at");
constexpr QLatin1StringView UpdateAt("update_at");
constexpr QLatin1StringView Description("description");
constexpr QLatin1StringView DevServices("dev_services");
constexpr QLatin1StringView ResourceCategories("resource_categories");
constexpr QLatin1StringView SupportResCategories("support_res_categories");
constexpr QLatin1StringView ServiceType("service_type");
constexpr QLatin1StringView WorkspaceId("workspace_id");
constexpr QLatin1StringView FlavorType("flavor_type");
constexpr QLatin1StringView SwrInstanceId("swr_instance_id");
constexpr QLatin1StringView ShowName("show_name");
constexpr QLatin1StringView ShowTag("show_tag");
constexpr QLatin1StringView Tags("tags");
constexpr QLatin1StringView TagKey("key");
constexpr QLatin1StringView TagValue("value");
constexpr QLatin1StringView Total("total");
constexpr QLatin1StringView Current("current");
constexpr QLatin1StringView Pages("pages");
constexpr QLatin1StringView PageSize("size");
constexpr QLatin1StringView Data("data");
} // namespace Key

QString translated(const char *text)
{
    return QCoreApplication::translate("mim::Image", text);
}

QString wrongType(QLatin1StringView field, const char *expected)
{
    return QCoreApplication::translate("mim::Image", "field \"%1\" is not %2")
        .arg(field, translated(expected));
}

// Makes equal strings of one page share their data. Most fields of a listing take a handful of values
// (status, type, architecture, namespace, the names of an image's versions, ...); stored once per value
// instead of once per image, 100,000 images need tens of megabytes less. Not for values that are unique
// per image (id, tag, SWR path): hashing them would cost time and save nothing.
class StringPool
{
public:
    QString intern(QString text)
    {
        if (text.isEmpty())
            return {};
        const auto it = m_strings.constFind(text);
        if (it != m_strings.cend())
            return *it;
        m_strings.insert(text);
        return text;
    }

    QStringList intern(QStringList list)
    {
        if (list.isEmpty())
            return {};
        const auto it = m_lists.constFind(list);
        if (it != m_lists.cend())
            return *it;
        for (QString &item : list)
            item = intern(std::move(item));
        m_lists.insert(list);
        return list;
    }

private:
    QSet<QString> m_strings;
    QSet<QStringList> m_lists;
};

// Reads the fields of one record. The first problem stops reading; the reason is kept for the caller.
class RecordReader
{
public:
    RecordReader(const QJsonObject &object, StringPool *pool)
        : m_object(object)
        , m_pool(pool)
    {}

    // A field whose value repeats across images: shared through the pool when there is one.
    void sharedString(QLatin1StringView key, QString &out)
    {
        string(key, out);
        if (m_pool && ok())
            out = m_pool->intern(std::move(out));
    }

    void sharedStringList(QLatin1StringView key, QStringList &out)
    {
        stringList(key, out);
        if (m_pool && ok())
            out = m_pool->intern(std::move(out));
    }

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    void string(QLatin1StringView key, QString &out)
    {
        if (!ok())
            return;
        const QJsonValue value = m_object.value(key);
        if (value.isString())
            out = value.toString();
        else if (!isAbsent(value))
            fail(wrongType(key, QT_TRANSLATE_NOOP("mim::Image", "a string")));
    }

    void stringList(QLatin1StringView key, QStringList &out)
    {
        if (!ok())
            return;
        const QJsonValue value = m_object.value(key);
        if (isAbsent(value))
            return;
        if (!value.isArray()) {
            fail(wrongType(key, QT_TRANSLATE_NOOP("mim::Image", "an array of strings")));
            return;
        }
        const QJsonArray array = value.toArray();
        out.reserve(array.size());
        for (const QJsonValue item : array) {
            if (item.isString())
                out.append(item.toString());
            else if (!item.isNull()) {
                fail(wrongType(key, QT_TRANSLATE_NOOP("mim::Image", "an array of strings")));
                return;
            }
        }
    }

    // Longs may arrive as JSON numbers (integral) or, through some gateways, as numeric strings.
    void integer(QLatin1StringView key, qint64 &out)
    {
        if (!ok())
            return;
        const QJsonValue value = m_object.value(key);
        if (isAbsent(value))
            return;
        if (const std::optional<qint64> number = toInteger(value))
            out = *number;
        else
            fail(wrongType(key, QT_TRANSLATE_NOOP("mim::Image", "an integer")));
    }

    void tags(QLatin1StringView key, QList<ImageTag> &out)
    {
        if (!ok())
            return;
        const QJsonValue value = m_object.value(key);
        if (isAbsent(value))
            return;
        if (!value.isArray()) {
            fail(wrongType(key, QT_TRANSLATE_NOOP("mim::Image", "an array of tags")));
            return;
        }
        const QJsonArray array = value.toArray();
        out.reserve(array.size());
        for (const QJsonValue item : array) {
            if (item.isNull())
                continue;
            if (!item.isObject()) {
                fail(wrongType(key, QT_TRANSLATE_NOOP("mim::Image", "an array of tags")));
                return;
            }
            const QJsonObject tag = item.toObject();
            const QJsonValue tagKey = tag.value(Key::TagKey);
            const QJsonValue tagValue = tag.value(Key::TagValue);
            if ((!tagKey.isString() && !isAbsent(tagKey)) || (!tagValue.isString() && !isAbsent(tagValue))) {
                fail(wrongType(key, QT_TRANSLATE_NOOP("mim::Image", "an array of tags")));
                return;
            }
            out.append(ImageTag{internOrKeep(tagKey.toString()), internOrKeep(tagValue.toString())});
        }
    }

    static std::optional<qint64> toInteger(const QJsonValue &value)
    {
        if (value.isDouble()) {
            const double number = value.toDouble();
            // 2^63 is exactly representable; anything at or above it does not fit.
            constexpr double limit = 9223372036854775808.0;
            if (!std::isfinite(number) || number != std::trunc(number) || number >= limit || number < -limit)
                return std::nullopt;
            // Integers the parser kept exactly are read as such, so large longs lose no precision.
            return value.toInteger(static_cast<qint64>(number));
        }
        if (value.isString()) {
            bool ok = false;
            const qint64 number = value.toString().trimmed().toLongLong(&ok);
            if (ok)
                return number;
        }
        return std::nullopt;
    }

private:
    static bool isAbsent(const QJsonValue &value) { return value.isUndefined() || value.isNull(); }
    void fail(QString reason) { m_error = std::move(reason); }
    QString internOrKeep(QString text) { return m_pool ? m_pool->intern(std::move(text)) : text; }

    const QJsonObject &m_object;
    StringPool *m_pool;
    QString m_error;
};

// Case-insensitive equality with a code, the length compared first: these run for every row of a filter
// or watch pass over 100,000 images, and most values differ in length.
bool isCode(const QString &value, QLatin1StringView code)
{
    return value.size() == code.size() && value.compare(code, Qt::CaseInsensitive) == 0;
}

} // namespace

bool Image::isBuiltIn() const
{
    return isCode(type, "BUILD_IN"_L1);
}

bool Image::isPrivate() const
{
    return !isBuiltIn() && isCode(visibility, "PRIVATE"_L1);
}

bool Image::isSettling() const
{
    return isCode(status, "INIT"_L1) || isCode(status, "CREATING"_L1);
}

bool Image::canBeWatched() const
{
    return isSettling() && PathSegments::isPlausibleId(id);
}

QString Image::normalizedArch() const
{
    return arch.toUpper();
}

QString Image::nameAndTag() const
{
    if (tag.isEmpty())
        return name;
    return name + u':' + tag;
}

namespace {

QJsonValue jsonValueOf(const QString &text)
{
    return text;
}

QJsonValue jsonValueOf(qint64 number)
{
    return number;
}

QJsonValue jsonValueOf(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonValue jsonValueOf(const QList<ImageTag> &tags)
{
    QJsonArray array;
    for (const ImageTag &t : tags)
        array.append(QJsonObject{{Key::TagKey, t.key}, {Key::TagValue, t.value}});
    return array;
}

} // namespace

QJsonObject Image::toJson() const
{
    QJsonObject object;
    forEachField([&](QLatin1StringView key, auto member) { object.insert(key, jsonValueOf(this->*member)); });
    return object;
}

namespace {

std::optional<Image> readImage(const QJsonObject &object, QString *whyNot, StringPool *pool)
{
    Image image;
    RecordReader reader(object, pool);
    reader.string(Key::Id, image.id);
    if (reader.ok() && image.id.isEmpty()) {
        if (whyNot)
            *whyNot = QCoreApplication::translate("mim::Image", "no \"id\"");
        return std::nullopt;
    }
    reader.sharedString(Key::Name, image.name);
    reader.string(Key::Tag, image.tag);
    reader.sharedString(Key::Namespace, image.nameSpace);
    reader.string(Key::SwrPath, image.swrPath);
    reader.sharedString(Key::Type, image.type);
    reader.sharedString(Key::Origin, image.origin);
    reader.sharedString(Key::Status, image.status);
    reader.sharedString(Key::StatusMessage, image.statusMessage);
    reader.sharedString(Key::Visibility, image.visibility);
    reader.sharedString(Key::Arch, image.arch);
    reader.integer(Key::Size, image.sizeKb);
    reader.integer(Key::CreateAt, image.createAtMs);
    reader.integer(Key::UpdateAt, image.updateAtMs);
    reader.sharedString(Key::Description, image.description);
    reader.sharedStringList(Key::DevServices, image.devServices);
    reader.sharedStringList(Key::ResourceCategories, image.resourceCategories);
    reader.sharedStringList(Key::SupportResCategories, image.supportResCategories);
    reader.sharedString(Key::ServiceType, image.serviceType);
    reader.sharedString(Key::WorkspaceId, image.workspaceId);
    reader.sharedString(Key::FlavorType, image.flavorType);
    reader.sharedString(Key::SwrInstanceId, image.swrInstanceId);
    reader.sharedString(Key::ShowName, image.showName);
    reader.sharedString(Key::ShowTag, image.showTag);
    reader.tags(Key::Tags, image.tags);
    if (!reader.ok()) {
        if (whyNot)
            *whyNot = reader.error();
        return std::nullopt;
    }
    return image;
}

} // namespace

std::optional<Image> Image::fromJson(const QJsonObject &object, QString *whyNot)
{
    return readImage(object, whyNot, nullptr);
}

std::optional<ImagePage> ImagePage::fromJson(const QByteArray &body, QString *error)
{
    if (std::optional<ImagePage> page = detail::readImagePage(body))
        return page;
    return fromJsonDocument(body, error);
}

std::optional<ImagePage> ImagePage::fromJsonDocument(const QByteArray &body, QString *error)
{
    const auto failWith = [error](QString reason) -> std::optional<ImagePage> {
        if (error)
            *error = std::move(reason);
        return std::nullopt;
    };

    const JsonEnvelope parsed(body);
    if (!parsed.isObject())
        return failWith(parsed.sentence());

    const QJsonObject &envelope = parsed.object();
    const QJsonValue data = envelope.value(Key::Data);
    if (!data.isArray())
        return failWith(QCoreApplication::translate("mim::Image", "The response has no \"data\" array."));

    ImagePage page;
    const auto readNumber = [&envelope](QLatin1StringView key, auto &out) {
        const QJsonValue value = envelope.value(key);
        if (value.isUndefined() || value.isNull())
            return true;
        const std::optional<qint64> number = RecordReader::toInteger(value);
        using Out = std::remove_reference_t<decltype(out)>;
        if (!number || *number < std::numeric_limits<Out>::min() || *number > std::numeric_limits<Out>::max())
            return false;
        out = static_cast<Out>(*number);
        return true;
    };
    for (const auto &[key, ok] : {std::pair{Key::Total, readNumber(Key::Total, page.total)},
                                  std::pair{Key::Current, readNumber(Key::Current, page.current)},
                                  std::pair{Key::Pages, readNumber(Key::Pages, page.pages)},
                                  std::pair{Key::PageSize, readNumber(Key::PageSize, page.size)}}) {
        if (!ok)
            return failWith(
                QCoreApplication::translate("mim::Image", "The response's \"%1\" is not an integer.")
                    .arg(key));
    }

    const QJsonArray records = data.toArray();
    page.images.reserve(records.size());
    StringPool pool;
    qsizetype index = 0;
    for (const QJsonValue record : records) {
        QString whyNot;
        std::optional<Image> image;
        if (record.isObject())
            image = readImage(record.toObject(), &whyNot, &pool);
        else
            whyNot = QCoreApplication::translate("mim::Image", "not a JSON object");
        if (image)
            page.images.append(std::move(*image));
        else
            page.skippedRecords.append(QCoreApplication::translate("mim::Image", "record %1: %2")
                                           .arg(QString::number(index), whyNot));
        ++index;
    }
    return page;
}

} // namespace mim
