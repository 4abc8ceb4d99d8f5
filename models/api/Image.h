#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <QHashFunctions>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <type_traits>
#include <utility>

namespace mim {

struct ImageTag
{
    QString key;
    QString value;
    friend bool operator==(const ImageTag &, const ImageTag &) = default;
    friend size_t qHash(const ImageTag &tag, size_t seed = 0) noexcept
    {
        return qHashMulti(seed, tag.key, tag.value);
    }
};

// One ModelArts image (the API's ImageResponse). Field names follow the API, in camelCase.
struct Image
{
    QString id;
    QString name;
    QString tag;
    QString nameSpace; // the API's "namespace": the SWR organization
    QString swrPath;
    QString type;   // BUILD_IN | DEDICATED
    QString origin; // CUSTOMIZE | IMAGE_SAVE
    QString status; // INIT | CREATING | CREATE_FAILED | ERROR | DELETED | ACTIVE
    QString statusMessage;
    QString visibility; // PRIVATE | PUBLIC
    QString arch;       // X86_64 | AARCH64 (the API also sends lower case)
    // The API's "size" exactly as sent: KB per the docs, bytes per the examples. The name is historical; the
    // unit is the account's ReportedSizeUnit (models/storage), the only place that turns it into bytes.
    qint64 sizeKb = 0;
    qint64 createAtMs = 0;
    qint64 updateAtMs = 0;
    QString description;
    QStringList devServices;
    QStringList resourceCategories;
    QStringList supportResCategories;
    QString serviceType;
    QString workspaceId;
    QString flavorType;
    QString swrInstanceId;
    QString showName;
    QString showTag;
    QList<ImageTag> tags;

    // Every member above, once, in their order (the API's), with its key in the API's JSON: calls
    // visit(QLatin1StringView key, Member Image::*member) for each. The one list of the fields: the content
    // digest that tells a refreshed row changed (ImageTableModel), toJson() and the sandbox's
    // writeImageJson() are written with it. The readers stay written by hand, for speed and for what each
    // does per field (which strings are shared, the id read first): readImage() in Image.cpp and
    // readRecord() in ImagePageReader.cpp. test_image_fields changes each listed member in turn and fails
    // until every reader and writer carries it; a member left out of this list fails to compile (below).
    template<typename Visitor> static constexpr void forEachField(Visitor &&visit)
    {
        visit(QLatin1StringView("id"), &Image::id);
        visit(QLatin1StringView("name"), &Image::name);
        visit(QLatin1StringView("tag"), &Image::tag);
        visit(QLatin1StringView("namespace"), &Image::nameSpace);
        visit(QLatin1StringView("swr_path"), &Image::swrPath);
        visit(QLatin1StringView("type"), &Image::type);
        visit(QLatin1StringView("origin"), &Image::origin);
        visit(QLatin1StringView("status"), &Image::status);
        visit(QLatin1StringView("status_message"), &Image::statusMessage);
        visit(QLatin1StringView("visibility"), &Image::visibility);
        visit(QLatin1StringView("arch"), &Image::arch);
        visit(QLatin1StringView("size"), &Image::sizeKb);
        visit(QLatin1StringView("create_at"), &Image::createAtMs);
        visit(QLatin1StringView("update_at"), &Image::updateAtMs);
        visit(QLatin1StringView("description"), &Image::description);
        visit(QLatin1StringView("dev_services"), &Image::devServices);
        visit(QLatin1StringView("resource_categories"), &Image::resourceCategories);
        visit(QLatin1StringView("support_res_categories"), &Image::supportResCategories);
        visit(QLatin1StringView("service_type"), &Image::serviceType);
        visit(QLatin1StringView("workspace_id"), &Image::workspaceId);
        visit(QLatin1StringView("flavor_type"), &Image::flavorType);
        visit(QLatin1StringView("swr_instance_id"), &Image::swrInstanceId);
        visit(QLatin1StringView("show_name"), &Image::showName);
        visit(QLatin1StringView("show_tag"), &Image::showTag);
        visit(QLatin1StringView("tags"), &Image::tags);
    }
    static constexpr int fieldCount()
    {
        int count = 0;
        forEachField([&count](QLatin1StringView, auto) { ++count; });
        return count;
    }

    bool isBuiltIn() const;
    bool isPrivate() const;
    // True while the image is still being saved and its status will change by itself.
    bool isSettling() const;
    // Settling, with an id a request may carry (PathSegments::isPlausibleId): what can be watched with
    // ShowImage until it settles. A server may send any id; one with a "/" or ".." is never asked about.
    bool canBeWatched() const;
    // Architecture in canonical upper case, whatever case the server sent.
    QString normalizedArch() const;
    // "name:tag", the way users refer to an image.
    QString nameAndTag() const;

    QJsonObject toJson() const;
    // Lenient: unknown fields are ignored and missing ones defaulted. A field of the wrong JSON type makes
    // the whole record invalid; the reason is written to *whyNot.
    static std::optional<Image> fromJson(const QJsonObject &object, QString *whyNot = nullptr);

    friend bool operator==(const Image &, const Image &) = default;
};

namespace detail {

// The size of a struct holding exactly the members Image::forEachField() lists, in its order.
constexpr std::size_t sizeOfListedImageFields()
{
    std::size_t size = 0;
    std::size_t alignment = 1;
    Image::forEachField([&](QLatin1StringView, auto member) {
        using Member = std::remove_cvref_t<decltype(std::declval<Image &>().*member)>;
        size = (size + alignof(Member) - 1) / alignof(Member) * alignof(Member) + sizeof(Member);
        alignment = std::max(alignment, alignof(Member));
    });
    return (size + alignment - 1) / alignment * alignment;
}

} // namespace detail

// A member added to Image but not to forEachField() would be missed by the digest, toJson() and the tests.
static_assert(sizeof(Image) == detail::sizeOfListedImageFields(),
              "every member of mim::Image must be listed, in order, in Image::forEachField() (Image.h)");

} // namespace mim

// Only Qt containers and integers: a list may move images with memcpy when it grows.
Q_DECLARE_TYPEINFO(mim::ImageTag, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(mim::Image, Q_RELOCATABLE_TYPE);

namespace mim {

// One page of ListImage: the paged envelope.
struct ImagePage
{
    qint64 total = 0;
    int current = 0;
    int pages = 0;
    int size = 0;
    QList<Image> images;
    // One line per record that could not be read, with its position and the reason.
    QStringList skippedRecords;

    // Returns nullopt (and the reason) when the body is not a JSON object with a "data" array.
    static std::optional<ImagePage> fromJson(const QByteArray &body, QString *error = nullptr);
    // The same through QJsonDocument: the reference. fromJson() reads well-formed pages several times
    // faster with a reader of its own and hands everything else to this one.
    static std::optional<ImagePage> fromJsonDocument(const QByteArray &body, QString *error = nullptr);
};

} // namespace mim
