#include "models/deletion/Deletion.h"

#include <algorithm>
#include <QHash>

namespace mim {

DeletionRequest DeletionRequest::forGroup(DeletionGroup group, QList<Image> versions, bool force)
{
    DeletionRequest request;
    request.force = force;
    request.group = std::move(group);
    request.versions = std::move(versions);
    return request;
}

QList<Image> DeletionRequest::images() const
{
    return isGroup() ? versions : QList<Image>{image};
}

bool DeletionRequest::forceFor(const Image &of) const
{
    // An image's request carries the force as confirmed; a group's applies to its private versions only.
    return force && (!isGroup() || of.isPrivate());
}

int DeletionSummary::count(DeletionResult::Outcome outcome) const
{
    return int(std::count_if(results.cbegin(), results.cend(),
                             [outcome](const DeletionResult &result) { return result.outcome == outcome; }));
}

QList<DeletionRequest> DeletionSummary::failedRequests() const
{
    QList<DeletionRequest> requests;
    QHash<QString, qsizetype> groupRequest; // group id → index in requests
    for (const DeletionResult &result : results) {
        if (result.outcome != DeletionResult::Outcome::Failed)
            continue;
        if (!result.group) {
            requests.append(DeletionRequest{result.image, result.force});
            continue;
        }
        // A group is deleted whole or not at all: its failed versions go back as the one request they were.
        const auto known = groupRequest.constFind(result.group->id);
        if (known == groupRequest.cend()) {
            groupRequest.insert(result.group->id, requests.size());
            requests.append(DeletionRequest::forGroup(*result.group, {result.image}, result.force));
        } else {
            DeletionRequest &request = requests[*known];
            request.versions.append(result.image);
            request.force = request.force || result.force;
        }
    }
    return requests;
}

} // namespace mim
