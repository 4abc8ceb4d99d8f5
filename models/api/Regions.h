#pragma once

#include <optional>
#include <QList>
#include <QString>
#include <QUrl>

namespace mim {

struct Region
{
    QString id;          // e.g. cn-north-4
    QString displayName; // English name, e.g. "CN North-Beijing4"
    QUrl modelArtsEndpoint;
    QUrl iamEndpoint;
};

// The regions that have a ModelArts endpoint in Huawei's SDK region tables.
namespace Regions {
const QList<Region> &all();
std::optional<Region> find(const QString &id);
// True for ids shaped like a region (lower-case words and a number, e.g. cn-north-4).
bool isWellFormedId(const QString &id);
// The display name in the user's language (the table holds English).
QString localizedName(const Region &region);
} // namespace Regions

} // namespace mim
