#include "models/storage/StorageFacts.h"

#include "models/api/Usage.h"

#include <algorithm>
#include <limits>
#include <QSet>

namespace mim {

namespace {

QString tagKey(const QString &nameSpace, const QString &repository, const QString &tag)
{
    return nameSpace + QLatin1Char('/') + repository + QLatin1Char(':') + tag;
}

qint64 addSaturated(qint64 a, qint64 b)
{
    return a > std::numeric_limits<qint64>::max() - b ? std::numeric_limits<qint64>::max() : a + b;
}

} // namespace

QString StoredTag::displayName() const
{
    return tagKey(nameSpace, repository, tag);
}

qint64 StorageFacts::registeredBytes() const
{
    qint64 sum = 0;
    for (const OrganizationStorage &organization : organizations)
        sum = addSaturated(sum, organization.registeredBytes);
    return sum;
}

qint64 StorageFacts::unregisteredBytes() const
{
    qint64 sum = 0;
    for (const OrganizationStorage &organization : organizations)
        sum = addSaturated(sum, organization.unregisteredBytes);
    return sum;
}

QHash<QString, qint64> StorageFacts::bytesByPath() const
{
    QHash<QString, qint64> bytes;
    bytes.reserve(tags.size());
    for (const StoredTag &tag : tags) {
        if (tag.sizeBytes >= 0)
            bytes.insert(tag.displayName(), tag.sizeBytes);
    }
    return bytes;
}

QString StorageFacts::normalisedPath(const QString &swrPath)
{
    // The one rule for "which image is this", shared with usage matching, so a tag and the image that names
    // it meet however the host was written.
    return SwrReference::normalise(swrPath);
}

StorageFacts StorageFacts::build(const QList<SwrNamespace> &namespaces,
                                 const QList<SwrRepository> &repositories, const QList<SwrTag> &tags,
                                 const QList<Image> &images, const UsageSummary &usage)
{
    StorageFacts facts;
    facts.repositories = repositories;

    // Which ModelArts images name which tag. An image of an SWR Enterprise instance lives in another API: it
    // is matched against nothing here, and listed so the view can say it is not covered.
    QHash<QString, QList<const Image *>> imagesByPath;
    for (const Image &image : images) {
        if (!image.swrInstanceId.isEmpty()) {
            facts.skippedEnterpriseImages.append(image.id);
            continue;
        }
        const QString path = normalisedPath(image.swrPath);
        if (!path.isEmpty())
            imagesByPath[path].append(&image);
    }

    QHash<QString, int> organizationIndex;
    auto organizationOf = [&](const QString &name) -> OrganizationStorage & {
        auto it = organizationIndex.constFind(name);
        if (it == organizationIndex.constEnd()) {
            it = organizationIndex.insert(name, int(facts.organizations.size()));
            OrganizationStorage organization;
            organization.name = name;
            facts.organizations.append(organization);
        }
        return facts.organizations[*it];
    };
    // An organization without a repository still takes a line: the view shows every organization there is.
    for (const SwrNamespace &nameSpace : namespaces)
        organizationOf(nameSpace.name);

    QSet<QString> seenRepositories;
    for (const SwrRepository &repository : repositories) {
        if (!seenRepositories.contains(repository.nameSpace + QLatin1Char('/') + repository.name)) {
            seenRepositories.insert(repository.nameSpace + QLatin1Char('/') + repository.name);
            ++organizationOf(repository.nameSpace).repositoryCount;
        }
    }

    QSet<QString> seenTags;
    seenTags.reserve(tags.size());
    facts.tags.reserve(tags.size());
    for (const SwrTag &swrTag : tags) {
        const QString key = tagKey(swrTag.nameSpace, swrTag.repository, swrTag.tag);
        // A tag listed twice (it moved between pages) is stored once, and counted once.
        if (seenTags.contains(key))
            continue;
        seenTags.insert(key);

        StoredTag tag;
        tag.nameSpace = swrTag.nameSpace;
        tag.repository = swrTag.repository;
        tag.tag = swrTag.tag;
        tag.sizeBytes = swrTag.sizeBytes >= 0 ? swrTag.sizeBytes : -1;
        tag.updated = swrTag.updated;
        tag.path = swrTag.path;
        // The key is already host-free; normalising it again could take an organization with a "." for a
        // host.
        for (const Image *image : imagesByPath.value(key)) {
            tag.imageIds.append(image->id);
            switch (usage.stateOf(*image)) {
            case UsageState::InUse:
                for (const ImageUser &user : usage.usersOf(*image)) {
                    const QString text = UsageSummary::userText(user);
                    if (!tag.usedBy.contains(text))
                        tag.usedBy.append(text);
                }
                break;
            case UsageState::Unknown:
                tag.usageUnknown = true;
                break;
            case UsageState::NotInUse:
                break;
            }
        }

        OrganizationStorage &organization = organizationOf(tag.nameSpace);
        if (!seenRepositories.contains(tag.nameSpace + QLatin1Char('/') + tag.repository)) {
            // A tag of a repository the repository listing did not show (it appeared in between).
            seenRepositories.insert(tag.nameSpace + QLatin1Char('/') + tag.repository);
            ++organization.repositoryCount;
        }
        ++organization.tagCount;
        if (!tag.isRegistered())
            ++organization.unregisteredTagCount;
        if (tag.sizeBytes < 0)
            ++organization.unknownSizeTags;
        else if (tag.isRegistered())
            organization.registeredBytes = addSaturated(organization.registeredBytes, tag.sizeBytes);
        else
            organization.unregisteredBytes = addSaturated(organization.unregisteredBytes, tag.sizeBytes);
        facts.tags.append(std::move(tag));
    }

    std::stable_sort(facts.organizations.begin(), facts.organizations.end(),
                     [](const OrganizationStorage &a, const OrganizationStorage &b) {
                         if (a.totalBytes() != b.totalBytes())
                             return a.totalBytes() > b.totalBytes();
                         return a.name < b.name;
                     });
    return facts;
}

} // namespace mim
