#pragma once

#include "models/api/Image.h"
#include "models/api/SizeUnitInference.h"

#include <optional>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantMap>

namespace mim {

class UsageSummary;

// A rule of CleanupRules that selected an image (the scope "only own images" is not one: it never explains
// why an image is proposed).
enum class CleanupRule
{
    Failed = 0x1,
    NotUpdated = 0x2,
    KeepNewest = 0x4,
    SizeAbove = 0x8,
    NamespacePattern = 0x10,
    NamePattern = 0x20,
};
Q_DECLARE_FLAGS(CleanupRuleSet, CleanupRule)
Q_DECLARE_OPERATORS_FOR_FLAGS(CleanupRuleSet)

// Why one image was proposed for clean-up, for the preview's "Why" column.
struct CleanupMatch
{
    Image image;
    // The rules that are set; the image matched every one of them (they combine with AND), and the reason
    // names exactly these.
    CleanupRuleSet rules = {};
    // The size threshold of the SizeAbove rule (KiB, see CleanupRules::sizeAboveKb), the image's size in
    // bytes in the unit evaluate() was given (-1: unknown), and the alternatives of the pattern rules that
    // matched.
    qint64 sizeAboveKb = 0;
    qint64 imageBytes = -1;
    QString namespacePattern = {};
    QString namePattern = {};
    // Position among the usable versions of its namespace/name, 1 = newest; 0 when the image is not usable
    // (failed), so it never takes one of the kept places.
    int rankInName = 0;
    int usableVersionsOfName = 0;
    // Whole days since the last update (or creation when the update time is unknown); -1 when both are
    // unknown.
    int idleDays = -1;
};

struct CleanupEvaluation
{
    QList<CleanupMatch> matches; // ordered by namespace, name, then newest first
    // What deleting every match frees in SWR: the size of the private matches when the SWR content is deleted
    // (force), 0 otherwise: without force only the ModelArts registration goes and SWR keeps every byte.
    qint64 reclaimableKb = 0;
    // Images the rules select that are not proposed because they are in use (a notebook, training job or
    // service runs them), or because whether they are in use could not be checked: an unchecked image may be
    // running, and a clean-up proposes only what it can vouch for.
    int sparedInUse = 0;
    int sparedUnknownUsage = 0;

    int count() const { return int(matches.size()); }
    QList<Image> images() const;
    qint64 totalSizeKb() const;
};

// The rules of the clean-up assistant. Every rule that is set must hold (they combine with AND); rules that
// are not set do not filter. Whatever the rules say, some images are never proposed: built-in images (they
// cannot be deleted), images still being saved (INIT, CREATING: deleting them would race the save) and
// images already DELETED.
struct CleanupRules
{
    // Status is CREATE_FAILED or ERROR.
    bool failedOnly = false;
    // Not updated (or, when the update time is unknown, not created) for at least this many days.
    std::optional<int> notUpdatedForDays;
    // Keep the K newest usable versions (tags) of each namespace/name; the others match. Ranked by create_at,
    // newest first, ties by id (the smaller id ranks first). Failed images never take one of the kept places:
    // a newest tag that failed to save must not push out the last one that works.
    std::optional<int> keepNewestPerName;
    // Strictly larger than this many KiB (1,024 bytes), whatever unit ModelArts' `size` turns out to be in:
    // the threshold is what the user typed, so it is kept in bytes and the image's `size` is converted.
    std::optional<qint64> sizeAboveKb;
    // Wildcard patterns (* and ?), case-insensitive, matched against the whole namespace or name. Several
    // alternatives may be separated by commas ("tmp-*, scratch"). Empty: any.
    QString namespacePattern;
    QString namePattern;
    // Only the account's own images (type DEDICATED). Built-in images never match anyway; this also leaves
    // out images whose type the server did not report.
    bool onlyOwn = true;

    // At least one rule narrows the selection. Without one, nothing matches: "delete everything" is never the
    // result of an empty form.
    bool hasCriteria() const;

    // Matches `images` against the rules as of `now` (UTC). `force` says whether the SWR content will be
    // deleted too, which decides the reclaimable space. With `usage`, images in use or of unknown usage are
    // spared (counted, not proposed); they still count among the newest versions of their name. `sizeUnit`
    // is the account's unit of `size` (ReportedSizeUnit), for the size rule; the documented KB by default.
    CleanupEvaluation evaluate(const QList<Image> &images, const QDateTime &now, bool force,
                               const UsageSummary *usage = nullptr,
                               const SizeUnit::Inference &sizeUnit = {}) const;

    // SWR space freed by deleting these images with or without their SWR content (see reclaimableKb above).
    static qint64 reclaimableKb(const QList<Image> &images, bool force);
    // True when `value` matches the pattern (see namespacePattern); an empty pattern matches anything.
    static bool patternMatches(const QString &pattern, const QString &value);
    // Failed to save: CREATE_FAILED or ERROR.
    static bool isFailed(const Image &image);
    // Never proposed, whatever the rules (see above).
    static bool isProtected(const Image &image);

    QVariantMap toVariant() const;
    // Lenient: missing or malformed values fall back to the defaults, negative numbers are clamped to 0.
    static CleanupRules fromVariant(const QVariantMap &map);

    friend bool operator==(const CleanupRules &, const CleanupRules &) = default;
};

} // namespace mim
