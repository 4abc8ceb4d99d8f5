#pragma once

#include "HttpExchange.h"
#include "ImageStore.h"
#include "SandboxOptions.h"

#include <functional>
#include <QJsonObject>
#include <QStringList>

namespace mim::sandbox {

// What the sandbox counts; reported by GET /sandbox/state.
struct SandboxCounters
{
    qint64 requests = 0; // every API request (ModelArts and IAM), admin requests excluded
    qint64 list = 0;
    qint64 show = 0;
    qint64 deletes = 0;
    qint64 sync = 0;
    qint64 registers = 0;
    qint64 groups = 0;       // ListImageGroup, DeleteImageGroup, UpdateImageGroup
    qint64 notebooks = 0;    // ListNotebooks
    qint64 trainingJobs = 0; // ListTrainingJobs (training-job-searches)
    qint64 services = 0;     // ListServices, ShowService
    qint64 workspaces = 0;   // ListWorkspace
    qint64 swr = 0;          // every /v2/manage request that reached its handler
    qint64 token = 0;
    qint64 projects = 0;
    qint64 authFailures = 0;
    qint64 faultsInjected = 0;

    QJsonObject toJson() const;
};

// The ModelArts image API, /v1/{project_id}/images..., behind authentication.
class ImageApi
{
public:
    // `faults` is read for its listing lies at every ListImage.
    ImageApi(ImageStore *store, SandboxCounters *counters, const SandboxOptions *options,
             const FaultConfig *faults, std::function<QString()> newImageId);

    // `route` is the path after /v1/{project_id}/, split on '/'.
    SandboxResponse handle(const SandboxRequest &request, const QStringList &route);

    // What a request would return without changing anything, for faults that mangle a body.
    SandboxResponse readOnlyView(const SandboxRequest &request, const QStringList &route) const;

    // Marks an image deleted the way DeleteImage does. Returns false when it is unknown or already deleted.
    static bool markDeleted(ImageStore &store, int index, bool swrContentDeleted, qint64 nowMs);

private:
    SandboxResponse listImages(const SandboxRequest &request);
    SandboxResponse showImage(const QString &id);
    SandboxResponse deleteImage(const SandboxRequest &request, const QString &id);
    SandboxResponse syncImage(const QString &id);
    SandboxResponse registerImage(const SandboxRequest &request);
    SandboxResponse listGroups(const SandboxRequest &request);
    SandboxResponse deleteGroup(const SandboxRequest &request, const QString &groupId);
    SandboxResponse updateGroup(const SandboxRequest &request, const QString &groupId);

    qint64 nowMs() const;

    ImageStore *m_store;
    SandboxCounters *m_counters;
    const SandboxOptions *m_options;
    const FaultConfig *m_faults;
    std::function<QString()> m_newImageId;
};

SandboxResponse notFoundRoute();
SandboxResponse imageNotFound(const QString &id);

} // namespace mim::sandbox
