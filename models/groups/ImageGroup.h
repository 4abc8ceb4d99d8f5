#pragma once

#include "models/api/Image.h"

#include <optional>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mim {

// One image group of ListImageGroup: every version (tag) of one namespace/name.
struct ImageGroup
{
    QString id;
    QString name;
    QString nameSpace;
    qint64 createAtMs = 0;
    qint64 updateAtMs = 0;
    int versionCount = 0;
    QString description;
    QString readMe;
    QString swrInstanceId;
    QList<ImageTag> tags;

    // "namespace/name": what ties a group to its versions in the image list.
    QString key() const { return nameSpace + u'/' + name; }
    static QString keyOf(const Image &image) { return image.nameSpace + u'/' + image.name; }

    // DeleteImageGroup and UpdateImageGroup address a group by its id. Some copies of the API (OTC) list
    // groups without one: those are shown, but cannot be deleted or changed.
    bool hasId() const { return !id.isEmpty(); }
    // Why the group cannot be deleted or changed; empty when it can.
    QString whyNotChangeable() const;

    // Lenient like Image::fromJson: unknown fields ignored, missing ones (the id included) defaulted; a
    // record with a field of the wrong type is refused (and *whyNot says why).
    static std::optional<ImageGroup> fromJson(const QJsonObject &object, QString *whyNot = nullptr);

    friend bool operator==(const ImageGroup &, const ImageGroup &) = default;

    Q_DECLARE_TR_FUNCTIONS(mim::ImageGroup)
};

// One page of ListImageGroup.
struct ImageGroupPage
{
    Q_DECLARE_TR_FUNCTIONS(mim::ImageGroupPage)
public:
    qint64 total = -1; // -1: the server did not say
    QList<ImageGroup> groups;
    QStringList skippedRecords;

    static std::optional<ImageGroupPage> fromJson(const QByteArray &body, QString *error = nullptr);
};

} // namespace mim
