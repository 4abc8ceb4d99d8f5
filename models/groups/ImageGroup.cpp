#include "models/groups/ImageGroup.h"

#include "models/api/JsonEnvelope.h"

#include <cmath>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mim {

namespace {

std::optional<qint64> integerOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::trunc(number) != number || std::abs(number) > 9.0e15)
        return std::nullopt;
    return qint64(number);
}

} // namespace

std::optional<ImageGroup> ImageGroup::fromJson(const QJsonObject &object, QString *whyNot)
{
    const auto refuse = [whyNot](const QString &reason) -> std::optional<ImageGroup> {
        if (whyNot)
            *whyNot = reason;
        return std::nullopt;
    };
    const auto readString = [&object](const QString &key, QString *out) {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return true;
        if (!value.isString())
            return false;
        *out = value.toString();
        return true;
    };
    const auto readInteger = [&object](const QString &key, auto *out) {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return true;
        const std::optional<qint64> number = integerOf(value);
        if (!number)
            return false;
        *out = static_cast<std::remove_pointer_t<decltype(out)>>(*number);
        return true;
    };

    ImageGroup group;
    for (const auto &[key, out] :
         {std::pair{u"id"_s, &group.id}, std::pair{u"name"_s, &group.name},
          std::pair{u"namespace"_s, &group.nameSpace}, std::pair{u"description"_s, &group.description},
          std::pair{u"read_me"_s, &group.readMe}, std::pair{u"swr_instance_id"_s, &group.swrInstanceId}}) {
        if (!readString(key, out))
            return refuse(ImageGroupPage::tr("field \"%1\" is not a string").arg(key));
    }
    if (!readInteger(u"create_at"_s, &group.createAtMs))
        return refuse(ImageGroupPage::tr("field \"%1\" is not an integer").arg(u"create_at"_s));
    if (!readInteger(u"update_at"_s, &group.updateAtMs))
        return refuse(ImageGroupPage::tr("field \"%1\" is not an integer").arg(u"update_at"_s));
    if (!readInteger(u"version_count"_s, &group.versionCount) || group.versionCount < 0)
        return refuse(ImageGroupPage::tr("field \"%1\" is not an integer").arg(u"version_count"_s));
    const QJsonValue tags = object.value(u"tags"_s);
    if (tags.isArray()) {
        for (const QJsonValue &tag : tags.toArray()) {
            const QJsonObject pair = tag.toObject();
            group.tags.append({pair.value(u"key"_s).toString(), pair.value(u"value"_s).toString()});
        }
    } else if (!tags.isUndefined() && !tags.isNull()) {
        return refuse(ImageGroupPage::tr("field \"%1\" is not an array").arg(u"tags"_s));
    }
    return group;
}

QString ImageGroup::whyNotChangeable() const
{
    if (hasId())
        return {};
    return tr(
        "The server listed this image group without an ID, so it cannot be deleted or changed here. Delete "
        "its versions one by one in the image list instead.");
}

std::optional<ImageGroupPage> ImageGroupPage::fromJson(const QByteArray &body, QString *error)
{
    const auto fail = [error](const QString &reason) -> std::optional<ImageGroupPage> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    const JsonEnvelope envelope(body);
    if (!envelope.isObject())
        return fail(envelope.sentence());
    const QJsonValue data = envelope.object().value(u"data"_s);
    if (!data.isArray())
        return fail(tr("The response has no \"data\" array."));

    ImageGroupPage page;
    const JsonEnvelope::Count total = envelope.count("total"_L1, JsonEnvelope::MaxListingCount);
    if (!total.valid)
        return fail(tr("The response's \"total\" is not an integer."));
    page.total = total.present ? total.value : -1;
    const QJsonArray records = data.toArray();
    for (qsizetype i = 0; i < records.size(); ++i) {
        QString why = tr("not a JSON object");
        const std::optional<ImageGroup> group =
            records.at(i).isObject() ? ImageGroup::fromJson(records.at(i).toObject(), &why) : std::nullopt;
        if (group)
            page.groups.append(*group);
        else
            page.skippedRecords.append(tr("group %1: %2").arg(i).arg(why));
    }
    return page;
}

} // namespace mim
