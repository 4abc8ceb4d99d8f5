#pragma once

#include "models/api/ApiError.h"
#include "models/api/Image.h"

#include <array>
#include <optional>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace mim {

// What can run an image. No ModelArts API says "this image is in use": the app asks the three services that
// start containers from images and matches what they report against the image list.
enum class UsageKind
{
    Notebook,
    TrainingJob,
    Service,
};
inline constexpr std::array AllUsageKinds{UsageKind::Notebook, UsageKind::TrainingJob, UsageKind::Service};

// A stable English name for logs: "notebook", "training-job", "service".
QString usageKindName(UsageKind kind);

// The image one notebook, job or service names: an image id where the API sends one, an SWR path otherwise
// (or both). Either may be empty.
struct ImageReference
{
    QString imageId;
    QString swrPath;

    friend bool operator==(const ImageReference &, const ImageReference &) = default;
};

// One notebook, training job or inference service, with the images it runs. Server text is kept verbatim:
// names may hold anything, they are shown as plain text.
struct ImageUser
{
    UsageKind kind = UsageKind::Notebook;
    QString id;
    QString name;
    QString status;
    QList<ImageReference> images;

    friend bool operator==(const ImageUser &, const ImageUser &) = default;
};

// SWR image references, reduced to what identifies an image whichever way it was written.
namespace SwrReference {

// "org/name:tag" for "swr.cn-north-4.myhuaweicloud.com/org/name:tag", "org/name:tag" and "org/name" (with
// tag "latest"); "org/name@sha256:<hex>" for a digest reference. The first component is a registry host, and
// dropped, when it holds a "." or a ":" or is "localhost" (the rule Docker uses), and only when a repository
// of at least two components remains. Empty when the text is no image reference (empty, spaces or control
// characters, an empty component, an empty tag or digest).
QString normalise(QStringView reference);

// The normalised key of an image of the list: its swr_path, or namespace/name:tag when that is empty.
QString keyOf(const Image &image);

} // namespace SwrReference

// One page of ListNotebooks (GET /v1/{project_id}/notebooks). Facts from the SDK's ListNotebooksResponse and
// NotebookResp (huaweicloud-sdk-python-v3, huaweicloudsdkmodelarts/v1/model): {total, current, pages, size,
// data[]}, each item {id, name, status, user_id, image {id, name, swr_path, type}}.
struct NotebookPage
{
    qint64 total = 0;
    QList<ImageUser> users;
    // One line per record that could not be read: the notebooks it stands for are not known.
    QStringList skippedRecords;

    // nullopt (and why) when the body is not an object with a "data" array and a numeric "total".
    static std::optional<NotebookPage> fromJson(const QByteArray &body, QString *why = nullptr);
};

// One page of ListTrainingJobs (POST /v2/{project_id}/training-job-searches). Facts from the SDK's
// ListTrainingJobsResponse and JobResponse (huaweicloudsdkmodelarts/v1/model): {total, count, limit, offset,
// items[]}, each item {metadata {id, name, create_time}, status {phase}, algorithm {engine {image_url}}};
// image_url is an SWR path, possibly without the registry host. `offset` is a page index, not a record
// offset. `total` counts every job of the user, `count` the jobs matching the search: the pages hold `count`
// jobs.
struct TrainingJobPage
{
    qint64 total = 0;
    qint64 count = -1; // -1 when the server did not send it
    // The number of jobs the pages hold: count, or total without one.
    qint64 matching() const { return count >= 0 ? count : total; }
    QList<ImageUser> users;
    QStringList skippedRecords;

    static std::optional<TrainingJobPage> fromJson(const QByteArray &body, QString *why = nullptr);
};

// One page of ListServices (GET /v2/{project_id}/services): the services without their images. The envelope
// is read as {total, current, size, data[]} like the other v2 listings ("services" is read too when there is
// no "data": the published v1 listing uses that name); each item {id or service_id, name or service_name,
// status}.
struct ServicePage
{
    qint64 total = 0;
    QList<ImageUser> services; // images() empty: ShowService names them
    QStringList skippedRecords;

    static std::optional<ServicePage> fromJson(const QByteArray &body, QString *why = nullptr);
};

// ShowService (GET /v2/{project_id}/services/{service_id}): {id, name, status, version {instance_groups[]
// {unit_configs[] {image {id, source, swr_path}}}}}. nullopt (and why) when the body is not an object or an
// image entry cannot be read.
std::optional<ImageUser> serviceFromJson(const QByteArray &body, QString *why = nullptr);

// Whether an image is used, as far as the listings could tell.
enum class UsageState
{
    NotInUse, // every listing answered and none names the image
    InUse,    // at least one answered listing names it (whatever the others said)
    Unknown,  // no answered listing names it, and at least one listing failed: it may still be in use
};

// Who uses which image: built from the three listings. A listing that failed leaves its kind Unknown with
// the reason: never "not in use".
class ImageUsage
{
public:
    // What a listing returned. Users already read stay in the index when the listing then fails.
    void addUsers(const QList<ImageUser> &users);
    // The listing of `kind` could not be read whole: images it does not name are Unknown for it.
    void setUnknown(UsageKind kind, const ApiError &reason);

    bool isKnown(UsageKind kind) const { return !m_unknown[index(kind)].isError(); }
    // Why a kind is Unknown; no error when it is known.
    const ApiError &unknownReason(UsageKind kind) const { return m_unknown[index(kind)]; }
    bool isComplete() const;

    // Every notebook, job or service naming the image: by id where the reference has one, else by the
    // normalised SWR path (a digest reference only when `digest`, "sha256:…", is the image's digest).
    QList<ImageUser> usersOf(const Image &image, const QString &digest = QString()) const;
    UsageState stateOf(const Image &image, const QString &digest = QString()) const;

    const QList<ImageUser> &users() const { return m_users; }

private:
    static qsizetype index(UsageKind kind) { return qsizetype(kind); }

    QList<ImageUser> m_users;
    QMultiHash<QString, qsizetype> m_byId;   // image id -> index into m_users
    QMultiHash<QString, qsizetype> m_byPath; // normalised path of a reference without id -> index
    std::array<ApiError, 3> m_unknown;
};

} // namespace mim
