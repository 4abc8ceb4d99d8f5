#pragma once

// The value types of a deletion: what the user confirmed, what became of it, and for which account.

#include "models/api/ApiError.h"
#include "models/api/Image.h"

#include <QList>
#include <QString>

namespace mim {

struct DeletionRequest
{
    Image image; // full metadata as shown to the user when they confirmed
    bool force = false;
};

struct DeletionResult
{
    enum class Outcome
    {
        Deleted,
        AlreadyGone, // the server said not found: someone else deleted it
        Failed,
        Cancelled, // never sent because the user cancelled
        // The request may have reached the server but its answer never came (the account was closed while it
        // ran): it may or may not have been deleted. The journal keeps it open for JournalReconciler to
        // check.
        Unknown,
    };
    Image image;
    bool force = false;
    Outcome outcome = Outcome::Failed;
    ApiError error; // for Failed
    QString requestId;
};

// The account a deletion was confirmed for: its requests go to this account and no other.
struct DeletionAccount
{
    QString profileName;
    QString regionId;
    QString projectId;

    bool operator==(const DeletionAccount &other) const = default;
};

struct DeletionSummary
{
    DeletionAccount account; // of the whole run: the context when it started
    QList<DeletionResult> results;
    int count(DeletionResult::Outcome outcome) const;
    QList<DeletionRequest> failedRequests() const; // for "Retry failed"
};

} // namespace mim
