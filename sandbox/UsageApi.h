#pragma once

#include "HttpExchange.h"
#include "ImageStore.h"
#include "SandboxOptions.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace mim::sandbox {

struct SandboxCounters;

// One notebook, training job or inference service of the sandbox, with the image it runs.
struct Workload
{
    enum Kind
    {
        Notebook,
        TrainingJob,
        Service,
    };
    Kind kind = Notebook;
    QString id;
    QString name;
    QString status;
    QString feature; // notebooks: NOTEBOOK or DEFAULT
    QString imageId; // empty when the workload names its image by SWR path only
    QString swrPath; // with or without the registry host
    QString imageName;
    qint64 createAtMs = 0;
};

// The workloads are derived from the images, whenever the images change, so that they always agree with the
// delete rule: every live image in use (StoredImage::inUseBy) is run by a notebook of that name, and some of
// them by a training job and a service as well; no other image is named by any workload. Which workloads an
// image gets, their states and ids follow from a hash of the image id: the same images always give the same
// workloads.
QList<Workload> workloadsOf(const ImageStore &store, const QString &regionId);

// GET /v1/{project_id}/notebooks, POST /v2/{project_id}/training-job-searches, GET /v2/{project_id}/services
// and GET /v2/{project_id}/services/{id}, behind authentication.
class UsageApi
{
public:
    // `faults` is read for its listing lies at every listing, as for ListImage.
    UsageApi(const ImageStore *store, SandboxCounters *counters, const SandboxOptions *options,
             const FaultConfig *faults);

    // True for the routes this class answers; `version` is "v1" or "v2", `route` the path after the project
    // id.
    static bool handles(const QString &version, const QStringList &route);
    // True when the request only reads (the training job search is a POST that changes nothing).
    static bool isReadOnly(const SandboxRequest &request);

    SandboxResponse handle(const SandboxRequest &request, const QString &version, const QStringList &route);

private:
    SandboxResponse listNotebooks(const SandboxRequest &request);
    SandboxResponse searchTrainingJobs(const SandboxRequest &request);
    SandboxResponse listServices(const SandboxRequest &request);
    SandboxResponse showService(const QString &id);
    // workloadsOf() the store as it is now: derived again only after the store changed, so that a listing
    // of usage does not hold up every other request behind a walk through 100,000 images.
    const QList<Workload> &workloads();

    const ImageStore *m_store;
    SandboxCounters *m_counters;
    const SandboxOptions *m_options;
    const FaultConfig *m_faults;
    QList<Workload> m_workloads;
    quint64 m_workloadsVersion = ~quint64(0);
};

} // namespace mim::sandbox
