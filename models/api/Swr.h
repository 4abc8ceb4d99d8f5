#pragma once

#include "models/api/ApiError.h"

#include <optional>
#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// SWR (SoftWare Repository for Container), where the content of every ModelArts image is stored: the answers
// of its "manage" API as value types, and how they are read. Field names follow Huawei's SDK
// (huaweicloudsdkswr/v2/model, see models/api/README.md). Every number is bounded and every odd type refused:
// a page with a record the client cannot read is refused whole, with a BadResponse saying which record and
// field, because a storage figure summed from part of a page would be wrong without anyone noticing.
namespace mim {

// ListNamespaces: {"namespaces": [ShowNamespace]}.
struct SwrNamespace
{
    qint64 id = -1;
    QString name;
    QString creatorName;
    // 7 manage, 3 edit, 1 read (ShowNamespace.auth); -1 when not sent.
    int auth = -1;

    friend bool operator==(const SwrNamespace &, const SwrNamespace &) = default;
};

// One repository of ListReposDetails (ShowReposResp).
struct SwrRepository
{
    QString name; // may contain "/" (sent as "$" in paths)
    QString nameSpace;
    qint64 sizeBytes = -1; // `size`; the SDK names no unit, SWR's console shows it as bytes; -1 unknown
    qint64 tagCount = -1;  // `num_images`
    QStringList tags;      // `tags`: the tag names, when the server lists them
    QString path;          // pull address, e.g. swr.cn-north-4.myhuaweicloud.com/ns/repo
    QString internalPath;
    bool isPublic = false;
    QString category;
    QDateTime created; // `created_at`, UTC
    QDateTime updated; // `updated_at`, UTC

    friend bool operator==(const SwrRepository &, const SwrRepository &) = default;
};

// One tag of ListRepositoryTags (ShowReposTagResp; its name is the JSON key "Tag", capital T).
struct SwrTag
{
    qint64 id = -1;
    qint64 repositoryId = -1; // `repo_id`
    QString tag;
    QString repository; // not in the record: the repository that was listed
    QString nameSpace;  // likewise
    QString imageId;    // `image_id`
    QString digest;
    qint64 sizeBytes = -1; // `size`, bytes; -1 unknown
    QString path;          // pull address with the tag, swr.…/ns/repo:tag
    QString internalPath;
    QDateTime created;
    QDateTime updated;

    friend bool operator==(const SwrTag &, const SwrTag &) = default;
};

// ShowDomainOverview. `namspace_num` is spelled so by SWR. The unit of `store_space` and `downflow_size`
// (floats) is not documented anywhere: show them labelled as reported by SWR, never converted.
struct SwrOverview
{
    QString domainId;
    QString domainName;
    qint64 namespaceCount = -1;
    qint64 repositoryCount = -1;
    qint64 imageCount = -1;
    std::optional<double> storeSpace;
    std::optional<double> downflowSize;
};

// The `Content-Range: START-END/TOTAL` header of SWR's list answers (records START to END inclusive, of
// TOTAL).
struct SwrContentRange
{
    qint64 start = 0;
    qint64 end = 0;
    qint64 total = 0;
    // "*/TOTAL", HTTP's form for a range with nothing in it (an empty repository, an offset past the end):
    // start and end are 0 and mean nothing.
    bool unsatisfied = false;

    // Strict: three decimal numbers of at most 15 digits, nothing else but surrounding blanks; START <= END <
    // TOTAL, or "0-0/0" for nothing at all; or "*/TOTAL" for a page with nothing. Nullopt with `why`
    // otherwise.
    static std::optional<SwrContentRange> parse(QByteArrayView header, QString *why = nullptr);
    // The range agrees with a page of `count` records asked for at `offset`; `why` says how it does not.
    bool matchesPage(qint64 offset, qint64 count, QString *why = nullptr) const;

    friend bool operator==(const SwrContentRange &, const SwrContentRange &) = default;
};

namespace Swr {

// Bounds on what one record may hold; beyond them the page is refused.
inline constexpr qint64 MaxBytes = qint64(1) << 50; // 1 PiB: no single tag or repository is larger
inline constexpr qint64 MaxCount = 10'000'000;
inline constexpr qint64 MaxId = (qint64(1) << 53) - 1; // integers a JSON number holds exactly
inline constexpr qsizetype MaxTextLength = 4096;

// The answers, read. Nullopt with `why` (naming the record and field) when anything is off.
std::optional<QList<SwrNamespace>> parseNamespaces(const QByteArray &body, QString *why);
std::optional<QList<SwrRepository>> parseRepositories(const QByteArray &body, QString *why);
// `nameSpace` and `repository` are copied into every tag: the records do not carry them.
std::optional<QList<SwrTag>> parseTags(const QByteArray &body, const QString &nameSpace,
                                       const QString &repository, QString *why);
std::optional<SwrOverview> parseOverview(const QByteArray &body, QString *why);

// A repository name as one path segment: SWR wants "/" written as "$". A name that already contains "$"
// could not be told apart from one with "/" there, so it is refused (nullopt with `why`); so is an empty one.
std::optional<QString> repositorySegment(const QString &repository, QString *why = nullptr);

// What a finished DeleteRepoTag came to. 204 (or any 2xx) deleted it; a 404 from SWR itself (its own error
// code, or no body at all) means the tag is not there — already deleted by someone, or never there — which
// is reported apart from a deletion; a 404 from a gateway (APIGW.…) is a wrong address and a failure. A call
// that failed after an attempt may have reached the server is Unknown: list the tags again to know.
enum class DeleteOutcome
{
    Deleted,
    AlreadyGone,
    Failed,
    Unknown,
};
DeleteOutcome deleteOutcome(const ApiError &error, int httpStatus, bool mayHaveTakenEffect);

// What an SWR call needs, for the sentence shown when SWR refuses one with 403.
enum class Access
{
    Read,   // namespaces, repositories, tags, overview
    Delete, // deleting a tag
};
// Which permission is missing, in the user's language. SWR's system-defined IAM role is "SWR Admin" (all of
// SWR; "Tenant Guest" reads every service); the policies "SWR FullAccess/ReadOnlyAccess" exist only for SWR
// Enterprise Edition. Within SWR, an organization grants read, write or manage (ShowNamespace.auth 1/3/7);
// deleting a tag needs manage.
QString missingPermission(Access access);

} // namespace Swr

} // namespace mim
