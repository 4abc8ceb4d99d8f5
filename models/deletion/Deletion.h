#pragma once

// The value types of a deletion: what the user confirmed, what became of it, and for which account.

#include "models/api/ApiError.h"
#include "models/api/Image.h"

#include <optional>
#include <QList>
#include <QString>

namespace mim {

// An image group deleted by one DeleteImageGroup: the server deletes every version of it or none.
struct DeletionGroup
{
    QString id;
    QString name;
    QString nameSpace;

    bool operator==(const DeletionGroup &other) const = default;
};

struct DeletionRequest
{
    DeletionRequest() = default;
    DeletionRequest(Image image, bool force)
        : image(std::move(image))
        , force(force)
    {}
    // A whole group with its versions as the user confirmed them; `force` also deletes the SWR content of the
    // private ones.
    static DeletionRequest forGroup(DeletionGroup group, QList<Image> versions, bool force);

    Image image; // full metadata as shown to the user when they confirmed; unused for a group
    bool force = false;
    std::optional<DeletionGroup> group; // set: the request deletes this group (DeleteImageGroup)
    QList<Image> versions;              // of the group, as confirmed

    bool isGroup() const { return group.has_value(); }
    // What the request deletes: the image, or the group's versions.
    QList<Image> images() const;
    // Whether the SWR content of this image of the request goes too: only private images have any.
    bool forceFor(const Image &image) const;
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
    // Set when the image went (or did not go) with its group: every version of a group request gets a result.
    std::optional<DeletionGroup> group;
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
    // For "Retry failed": the failed images, and each group whose deletion failed as one request again.
    QList<DeletionRequest> failedRequests() const;
};

} // namespace mim
