#include "UsageApi.h"

#include "DataSetGenerator.h"
#include "DeterministicRandom.h"
#include "ImageApi.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace mim::sandbox {

namespace {

// Guessed: the documentation names no error code for a bad query parameter of these APIs; the image API's
// code for an invalid parameter is used.
SandboxResponse invalidParameter(const QString &name, const QString &rule)
{
    return SandboxResponse::error(400, u"ModelArts.0104"_s, u"Invalid parameter %1: %2"_s.arg(name, rule));
}

std::optional<qint64> nonNegative(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

DeterministicRandom randomFor(const QString &imageId)
{
    const QByteArray digest = QCryptographicHash::hash(imageId.toUtf8(), QCryptographicHash::Md5);
    return DeterministicRandom(qFromLittleEndian<quint64>(digest.constData()));
}

// The registry host is left out of some references, as training jobs and hand-written configs do.
QString pathWithoutHost(const QString &swrPath)
{
    const qsizetype slash = swrPath.indexOf(u'/');
    return slash > 0 && swrPath.left(slash).contains(u'.') ? swrPath.mid(slash + 1) : swrPath;
}

} // namespace

QList<Workload> workloadsOf(const ImageStore &store, const QString &regionId)
{
    static const QStringList NotebookStates{u"RUNNING"_s, u"RUNNING"_s, u"STOPPED"_s, u"STARTING"_s};
    static const QStringList JobStates{u"Running"_s, u"Completed"_s, u"Completed"_s, u"Failed"_s};
    static const QStringList ServiceStates{u"running"_s, u"deploying"_s, u"stopped"_s, u"failed"_s,
                                           u"concerning"_s};
    QList<Workload> workloads;
    for (int index = 0; index < store.size(); ++index) {
        const StoredImage &image = store.at(index);
        if (image.deleted || !image.isInUse())
            continue;
        DeterministicRandom random = randomFor(image.id);
        const QString swrPath = DataSetGenerator::swrPath(regionId, image.nameSpace, image.name, image.tag);

        // The notebook the delete refusal names.
        Workload notebook;
        notebook.kind = Workload::Notebook;
        notebook.id = random.uuid().toString(QUuid::WithoutBraces);
        notebook.name = image.inUseBy;
        notebook.status = random.pick(NotebookStates);
        notebook.feature = random.chance(0.15) ? u"DEFAULT"_s : u"NOTEBOOK"_s;
        // About a quarter name their image by SWR path only, so that clients match paths too.
        if (!random.chance(0.25))
            notebook.imageId = image.id;
        notebook.swrPath = swrPath;
        notebook.imageName = image.nameAndTag();
        notebook.createAtMs = image.createAtMs + 3'600'000;
        workloads.append(notebook);

        if (random.chance(0.4)) {
            Workload job;
            job.kind = Workload::TrainingJob;
            job.id = random.uuid().toString(QUuid::WithoutBraces);
            job.name = u"job-"_s + image.name + u'-' + random.hex(6);
            job.status = random.pick(JobStates);
            job.swrPath = random.chance(0.5) ? pathWithoutHost(swrPath) : swrPath;
            job.createAtMs = image.createAtMs + 7'200'000;
            workloads.append(job);
        }
        if (random.chance(0.3)) {
            Workload service;
            service.kind = Workload::Service;
            service.id = random.uuid().toString(QUuid::WithoutBraces);
            service.name = u"service-"_s + image.name + u'-' + random.hex(4);
            service.status = random.pick(ServiceStates);
            if (random.chance(0.5))
                service.imageId = image.id;
            service.swrPath = swrPath;
            service.createAtMs = image.createAtMs + 10'800'000;
            workloads.append(service);
        }
    }
    return workloads;
}

const QList<Workload> &UsageApi::workloads()
{
    if (m_workloadsVersion != m_store->version()) {
        m_workloads = workloadsOf(*m_store, m_options->regionId);
        m_workloadsVersion = m_store->version();
    }
    return m_workloads;
}

UsageApi::UsageApi(const ImageStore *store, SandboxCounters *counters, const SandboxOptions *options,
                   const FaultConfig *faults)
    : m_store(store)
    , m_counters(counters)
    , m_options(options)
    , m_faults(faults)
{}

bool UsageApi::handles(const QString &version, const QStringList &route)
{
    if (version == u"v1")
        return route == QStringList{u"notebooks"_s};
    if (version == u"v2")
        return route == QStringList{u"training-job-searches"_s} ||
               (!route.isEmpty() && route.size() <= 2 && route.first() == u"services");
    return false;
}

bool UsageApi::isReadOnly(const SandboxRequest &request)
{
    const QStringList segments = request.segments();
    return request.method == "GET" || (request.method == "POST" && segments.size() == 3 &&
                                       segments.at(0) == u"v2" && segments.at(2) == u"training-job-searches");
}

SandboxResponse UsageApi::handle(const SandboxRequest &request, const QString &version,
                                 const QStringList &route)
{
    if (version == u"v1" && route == QStringList{u"notebooks"_s} && request.method == "GET")
        return listNotebooks(request);
    if (version == u"v2" && route == QStringList{u"training-job-searches"_s} && request.method == "POST")
        return searchTrainingJobs(request);
    if (version == u"v2" && route.size() == 1 && route.first() == u"services" && request.method == "GET")
        return listServices(request);
    if (version == u"v2" && route.size() == 2 && route.first() == u"services" && request.method == "GET")
        return showService(route.at(1));
    return notFoundRoute();
}

SandboxResponse UsageApi::listNotebooks(const SandboxRequest &request)
{
    ++m_counters->notebooks;
    qint64 limit = 10;
    qint64 offset = 0;
    if (request.hasQueryItem(u"limit"_s)) {
        const std::optional<qint64> value = nonNegative(request.queryValue(u"limit"_s));
        if (!value || (*value != 10 && *value != 20 && *value != 50))
            return invalidParameter(u"limit"_s, u"it must be 10, 20 or 50."_s);
        limit = *value;
    }
    if (request.hasQueryItem(u"offset"_s)) {
        const std::optional<qint64> value = nonNegative(request.queryValue(u"offset"_s));
        if (!value)
            return invalidParameter(u"offset"_s, u"it must be a non-negative integer."_s);
        offset = *value;
    }
    const QString feature =
        request.hasQueryItem(u"feature"_s) ? request.queryValue(u"feature"_s) : u"NOTEBOOK"_s;
    if (feature != u"NOTEBOOK" && feature != u"DEFAULT")
        return invalidParameter(u"feature"_s, u"it must be NOTEBOOK or DEFAULT."_s);
    const QString imageId = request.queryValue(u"image_id"_s);
    const QString status = request.queryValue(u"status"_s);

    QList<Workload> matching;
    for (const Workload &workload : workloads()) {
        if (workload.kind != Workload::Notebook || workload.feature != feature)
            continue;
        if (!imageId.isEmpty() && workload.imageId != imageId)
            continue;
        if (!status.isEmpty() && workload.status != status)
            continue;
        matching.append(workload);
    }
    const ListingLies &lies = m_faults->listing;
    const qint64 first = lies.ignoreOffset ? 0 : offset;
    const qint64 count = lies.maxRecords > 0 ? qMin<qint64>(limit, lies.maxRecords) : limit;
    QJsonArray data;
    for (qint64 i = first; i < matching.size() && i < first + count; ++i) {
        const Workload &notebook = matching.at(i);
        QJsonObject image{
            {u"name"_s, notebook.imageName}, {u"swr_path"_s, notebook.swrPath}, {u"type"_s, u"DEDICATED"_s}};
        if (!notebook.imageId.isEmpty())
            image.insert(u"id"_s, notebook.imageId);
        data.append(QJsonObject{{u"id"_s, notebook.id},
                                {u"name"_s, notebook.name},
                                {u"status"_s, notebook.status},
                                {u"feature"_s, notebook.feature},
                                {u"user_id"_s, u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s},
                                {u"workspace"_s, QJsonObject{{u"id"_s, u"0"_s}}},
                                {u"create_at"_s, notebook.createAtMs},
                                {u"image"_s, image}});
    }
    const qint64 total = lies.total >= 0 ? lies.total : matching.size();
    return SandboxResponse::json(200, QJsonObject{{u"total"_s, total},
                                                  {u"current"_s, offset / limit},
                                                  {u"pages"_s, (total + limit - 1) / limit},
                                                  {u"size"_s, limit},
                                                  {u"data"_s, data}});
}

SandboxResponse UsageApi::searchTrainingJobs(const SandboxRequest &request)
{
    ++m_counters->trainingJobs;
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return SandboxResponse::error(400, u"ModelArts.6400"_s,
                                          u"Invalid request payload: the body is not a JSON object."_s);
        body = document.object();
    }
    const QJsonValue limitValue = body.value(u"limit"_s);
    const QJsonValue offsetValue = body.value(u"offset"_s);
    if (!(limitValue.isUndefined() || limitValue.isDouble()) ||
        (limitValue.isDouble() && (limitValue.toDouble() < 1 || limitValue.toDouble() > 50 ||
                                   limitValue.toDouble() != qint64(limitValue.toDouble()))))
        return invalidParameter(u"limit"_s, u"it must be an integer from 1 to 50."_s);
    if (!(offsetValue.isUndefined() || offsetValue.isDouble()) ||
        (offsetValue.isDouble() &&
         (offsetValue.toDouble() < 0 || offsetValue.toDouble() != qint64(offsetValue.toDouble()))))
        return invalidParameter(u"offset"_s, u"it must be a non-negative page index."_s);
    const QJsonValue order = body.value(u"order"_s);
    if (!order.isUndefined() && order.toString() != u"asc" && order.toString() != u"desc")
        return invalidParameter(u"order"_s, u"it must be asc or desc."_s);
    const qint64 limit = limitValue.isDouble() ? qint64(limitValue.toDouble()) : 10;
    const qint64 pageIndex = offsetValue.isDouble() ? qint64(offsetValue.toDouble()) : 0;

    QList<Workload> jobs;
    for (const Workload &workload : workloads()) {
        if (workload.kind == Workload::TrainingJob)
            jobs.append(workload);
    }
    // Newest first unless asked otherwise; ties (none in practice) by id, so pages never overlap.
    const bool ascending = order.toString() == u"asc";
    std::stable_sort(jobs.begin(), jobs.end(), [ascending](const Workload &a, const Workload &b) {
        if (a.createAtMs != b.createAtMs)
            return ascending ? a.createAtMs < b.createAtMs : a.createAtMs > b.createAtMs;
        return a.id < b.id;
    });
    const ListingLies &lies = m_faults->listing;
    const qint64 first = lies.ignoreOffset ? 0 : pageIndex * limit;
    const qint64 count = lies.maxRecords > 0 ? qMin<qint64>(limit, lies.maxRecords) : limit;
    QJsonArray items;
    for (qint64 i = first; i < jobs.size() && i < first + count; ++i) {
        const Workload &job = jobs.at(i);
        items.append(QJsonObject{
            {u"kind"_s, u"job"_s},
            {u"metadata"_s,
             QJsonObject{{u"id"_s, job.id}, {u"name"_s, job.name}, {u"create_time"_s, job.createAtMs}}},
            {u"status"_s, QJsonObject{{u"phase"_s, job.status}, {u"duration"_s, 3'600'000}}},
            {u"algorithm"_s, QJsonObject{{u"engine"_s, QJsonObject{{u"image_url"_s, job.swrPath}}}}}});
    }
    return SandboxResponse::json(200,
                                 QJsonObject{{u"total"_s, lies.total >= 0 ? lies.total : qint64(jobs.size())},
                                             {u"count"_s, lies.total >= 0 ? lies.total : qint64(jobs.size())},
                                             {u"limit"_s, limit},
                                             {u"offset"_s, pageIndex},
                                             {u"sort_by"_s, u"create_time"_s},
                                             {u"order"_s, ascending ? u"asc"_s : u"desc"_s},
                                             {u"items"_s, items}});
}

SandboxResponse UsageApi::listServices(const SandboxRequest &request)
{
    ++m_counters->services;
    qint64 limit = 10;
    qint64 offset = 0;
    if (request.hasQueryItem(u"limit"_s)) {
        const std::optional<qint64> value = nonNegative(request.queryValue(u"limit"_s));
        if (!value || *value < 1 || *value > 500)
            return invalidParameter(u"limit"_s, u"it must be an integer from 1 to 500."_s);
        limit = *value;
    }
    if (request.hasQueryItem(u"offset"_s)) {
        const std::optional<qint64> value = nonNegative(request.queryValue(u"offset"_s));
        if (!value || *value % limit != 0)
            return invalidParameter(u"offset"_s, u"it must be a non-negative multiple of limit."_s);
        offset = *value;
    }
    QList<Workload> services;
    for (const Workload &workload : workloads()) {
        if (workload.kind == Workload::Service)
            services.append(workload);
    }
    const ListingLies &lies = m_faults->listing;
    const qint64 first = lies.ignoreOffset ? 0 : offset;
    const qint64 count = lies.maxRecords > 0 ? qMin<qint64>(limit, lies.maxRecords) : limit;
    QJsonArray data;
    for (qint64 i = first; i < services.size() && i < first + count; ++i) {
        const Workload &service = services.at(i);
        data.append(QJsonObject{{u"id"_s, service.id},
                                {u"name"_s, service.name},
                                {u"status"_s, service.status},
                                {u"create_time"_s, service.createAtMs}});
    }
    const qint64 total = lies.total >= 0 ? lies.total : services.size();
    return SandboxResponse::json(
        200, QJsonObject{
                 {u"total"_s, total}, {u"current"_s, offset / limit}, {u"size"_s, limit}, {u"data"_s, data}});
}

SandboxResponse UsageApi::showService(const QString &id)
{
    ++m_counters->services;
    for (const Workload &service : workloads()) {
        if (service.kind != Workload::Service || service.id != id)
            continue;
        QJsonObject image{{u"source"_s, service.imageId.isEmpty() ? u"SWR"_s : u"MODELARTS"_s},
                          {u"swr_path"_s, service.swrPath}};
        if (!service.imageId.isEmpty())
            image.insert(u"id"_s, service.imageId);
        const QJsonObject unit{{u"id"_s, QString(service.id.left(8) + u"-unit"_s)}, {u"image"_s, image}};
        const QJsonObject group{{u"id"_s, QString(service.id.left(8) + u"-group"_s)},
                                {u"unit_configs"_s, QJsonArray{unit}}};
        return SandboxResponse::json(
            200, QJsonObject{{u"id"_s, service.id},
                             {u"name"_s, service.name},
                             {u"status"_s, service.status},
                             {u"version"_s, QJsonObject{{u"instance_groups"_s, QJsonArray{group}}}}});
    }
    // Guessed: the code a missing service answers with is not documented; a 404 with a ModelArts code that
    // says the resource does not exist, like the image API's.
    return SandboxResponse::error(404, u"ModelArts.6404"_s, u"Service %1 does not exist."_s.arg(id));
}

} // namespace mim::sandbox
