#pragma once

#include <optional>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mim {

struct ImageTag
{
    QString key;
    QString value;
    friend bool operator==(const ImageTag &, const ImageTag &) = default;
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
    qint64 sizeKb = 0;  // the API's "size", in KB
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

    bool isBuiltIn() const;
    bool isPrivate() const;
    // True while the image is still being saved and its status will change by itself.
    bool isSettling() const;
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
