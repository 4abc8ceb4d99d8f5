#include "models/api/Regions.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mim::Regions {

namespace {

struct RegionRow
{
    const char *id;
    const char *displayName;
};

// Huawei's SDK region table for ModelArts (modelarts-api.md §3.1), with the console's English names.
constexpr RegionRow Rows[] = {
    {"cn-north-1", QT_TRANSLATE_NOOP("mim::Regions", "CN North-Beijing1")},
    {"cn-north-2", QT_TRANSLATE_NOOP("mim::Regions", "CN North-Beijing2")},
    {"cn-north-4", QT_TRANSLATE_NOOP("mim::Regions", "CN North-Beijing4")},
    {"cn-north-9", QT_TRANSLATE_NOOP("mim::Regions", "CN North-Ulanqab1")},
    {"cn-north-11", QT_TRANSLATE_NOOP("mim::Regions", "CN North-Ulanqab-Auto1")},
    {"cn-north-12", QT_TRANSLATE_NOOP("mim::Regions", "CN North3")},
    {"cn-east-3", QT_TRANSLATE_NOOP("mim::Regions", "CN East-Shanghai1")},
    {"cn-east-4", QT_TRANSLATE_NOOP("mim::Regions", "CN East2")},
    {"cn-south-1", QT_TRANSLATE_NOOP("mim::Regions", "CN South-Guangzhou")},
    {"cn-southwest-2", QT_TRANSLATE_NOOP("mim::Regions", "CN Southwest-Guiyang1")},
    {"cn-southwest-3", QT_TRANSLATE_NOOP("mim::Regions", "CN Southwest-Guiyang-Auto2")},
    {"ap-southeast-1", QT_TRANSLATE_NOOP("mim::Regions", "CN-Hong Kong")},
    {"ap-southeast-2", QT_TRANSLATE_NOOP("mim::Regions", "AP-Bangkok")},
    {"ap-southeast-3", QT_TRANSLATE_NOOP("mim::Regions", "AP-Singapore")},
    {"ap-southeast-4", QT_TRANSLATE_NOOP("mim::Regions", "AP-Jakarta")},
    {"af-south-1", QT_TRANSLATE_NOOP("mim::Regions", "AF-Johannesburg")},
    {"af-north-1", QT_TRANSLATE_NOOP("mim::Regions", "AF-Cairo")},
    {"la-south-2", QT_TRANSLATE_NOOP("mim::Regions", "LA-Santiago")},
    {"la-north-2", QT_TRANSLATE_NOOP("mim::Regions", "LA-Mexico City2")},
    {"sa-brazil-1", QT_TRANSLATE_NOOP("mim::Regions", "LA-Sao Paulo1")},
    {"tr-west-1", QT_TRANSLATE_NOOP("mim::Regions", "TR-Istanbul")},
    {"me-east-1", QT_TRANSLATE_NOOP("mim::Regions", "ME-Riyadh")},
};

QUrl modelArtsEndpointFor(const QString &id)
{
    // Hong Kong is the one region whose ModelArts endpoint lives under .myhuaweicloud.cn.
    if (id == "ap-southeast-1"_L1)
        return QUrl(u"https://modelarts.ap-southeast-1.myhuaweicloud.cn"_s);
    return QUrl(u"https://modelarts."_s + id + u".myhuaweicloud.com"_s);
}

// Huawei's SDK has a regional IAM endpoint for most ModelArts regions; for these it has none, and it falls
// back to the global endpoint (modelarts-api.md, "Corrections from a later audit"). Tokens and project lists
// from the global endpoint are valid in every region.
constexpr const char *RegionsWithoutRegionalIam[] = {"cn-north-11", "cn-southwest-3", "af-north-1"};

QUrl iamEndpointFor(const QString &id)
{
    for (const char *without : RegionsWithoutRegionalIam) {
        if (id == QLatin1StringView(without))
            return QUrl(u"https://iam.myhuaweicloud.com"_s);
    }
    return QUrl(u"https://iam."_s + id + u".myhuaweicloud.com"_s);
}

// Huawei's SDK region table for SWR (huaweicloudsdkswr/v2/region/swr_region.py). Unlike ModelArts, Hong Kong
// (ap-southeast-1) is under .com; eu-west-101 is the one region under .myhuaweicloud.eu.
constexpr const char *SwrRegions[] = {
    "af-south-1",  "ap-southeast-1", "ap-southeast-2",   "ap-southeast-3", "ap-southeast-5", "cn-east-2",
    "cn-east-3",   "cn-north-1",     "cn-north-2",       "cn-north-4",     "cn-north-9",     "cn-north-11",
    "cn-south-1",  "cn-south-2",     "cn-southwest-2",   "ru-northwest-2", "ru-moscow-1",    "la-south-2",
    "la-north-2",  "sa-brazil-1",    "na-mexico-1",      "tr-west-1",      "ae-ad-1",        "eu-west-0",
    "eu-west-101", "me-east-1",      "my-kualalumpur-1",
};

QList<Region> buildTable()
{
    QList<Region> regions;
    regions.reserve(std::size(Rows));
    for (const RegionRow &row : Rows) {
        const QString id = QString::fromLatin1(row.id);
        regions.append(Region{id, QString::fromLatin1(row.displayName), modelArtsEndpointFor(id),
                              iamEndpointFor(id), swrEndpointFor(id)});
    }
    return regions;
}

} // namespace

QUrl swrEndpointFor(const QString &id)
{
    for (const char *known : SwrRegions) {
        if (id == QLatin1StringView(known))
            return QUrl(u"https://swr-api."_s + id +
                        (id == "eu-west-101"_L1 ? u".myhuaweicloud.eu"_s : u".myhuaweicloud.com"_s));
    }
    return {};
}

const QList<Region> &all()
{
    static const QList<Region> table = buildTable();
    return table;
}

std::optional<Region> find(const QString &id)
{
    for (const Region &region : all()) {
        if (region.id == id)
            return region;
    }
    return std::nullopt;
}

bool isWellFormedId(const QString &id)
{
    static const QRegularExpression pattern(u"^[a-z]+(-[a-z]+)*-[0-9]{1,4}$"_s);
    return id.size() <= 64 && pattern.match(id).hasMatch();
}

QString localizedName(const Region &region)
{
    return QCoreApplication::translate("mim::Regions", region.displayName.toLatin1().constData());
}

} // namespace mim::Regions
