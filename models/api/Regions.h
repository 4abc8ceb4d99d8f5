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
    // Empty where Huawei's SDK has no SWR endpoint for the region: the profile must name one.
    QUrl swrEndpoint;
};

// The regions that have a ModelArts endpoint in Huawei's SDK region tables.
namespace Regions {
const QList<Region> &all();
std::optional<Region> find(const QString &id);
// The SWR endpoint of any region in Huawei's SDK SWR region table (which has regions without ModelArts, e.g.
// eu-west-101); empty for the others.
QUrl swrEndpointFor(const QString &id);
// True for ids shaped like a region (lower-case words and a number, e.g. cn-north-4).
bool isWellFormedId(const QString &id);
// The display name in the user's language (the table holds English).
QString localizedName(const Region &region);
} // namespace Regions

} // namespace mim
