#include "models/deletion/Deletion.h"

#include <algorithm>

namespace mim {

int DeletionSummary::count(DeletionResult::Outcome outcome) const
{
    return int(std::count_if(results.cbegin(), results.cend(),
                             [outcome](const DeletionResult &result) { return result.outcome == outcome; }));
}

QList<DeletionRequest> DeletionSummary::failedRequests() const
{
    QList<DeletionRequest> requests;
    for (const DeletionResult &result : results) {
        if (result.outcome == DeletionResult::Outcome::Failed)
            requests.append(DeletionRequest{result.image, result.force});
    }
    return requests;
}

} // namespace mim
