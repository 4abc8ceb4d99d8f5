#include "DeletionBenchmark.h"

#include "BenchSupport.h"
#include "models/api/ApiClient.h"
#include "models/deletion/DeletionJournal.h"
#include "models/deletion/DeletionQueue.h"
#include "SandboxProcess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace mim::bench {

namespace {

constexpr int DeleteTimeoutMs = 10 * 60 * 1000;

} // namespace

DeletionBenchmark::DeletionBenchmark(SandboxProcess *sandbox, const DeletionOptions &options)
    : m_sandbox(sandbox)
    , m_options(options)
{}

double DeletionBenchmark::runOnce(int maxConcurrent, QString *error)
{
    // The same images every run: a fresh data set, then the first deletable ones.
    if (!m_sandbox->reset(m_options.images, m_options.seed, error))
        return -1;
    const QJsonObject state = m_sandbox->state(error);
    if (state.isEmpty())
        return -1;
    QList<DeletionRequest> requests;
    for (const QJsonValue value : state.value(u"images"_s).toArray()) {
        const QJsonObject object = value.toObject();
        if (object.value(u"deleted"_s).toBool() || object.value(u"in_use"_s).toBool())
            continue;
        std::optional<Image> image = Image::fromJson(object);
        if (!image || image->isBuiltIn())
            continue;
        requests.append(DeletionRequest{*image, false});
        if (requests.size() == m_options.count)
            break;
    }
    if (requests.size() < m_options.count) {
        *error = u"only %1 deletable images in a set of %2"_s.arg(requests.size()).arg(m_options.images);
        return -1;
    }
    if (!m_sandbox->setLatencyMs(m_options.latencyMs, error))
        return -1;

    QTemporaryDir journalDir;
    DeletionJournal journal(journalDir.filePath(u"deletions.jsonl"_s));
    QNetworkAccessManager network;
    ApiClient client(&network, defaultAccountSettings(m_sandbox->baseUrl()));
    DeletionQueue queue(&journal);
    queue.setClient(&client);
    queue.setAccountContext(u"bench"_s, client.settings().regionId, client.projectId());
    if (maxConcurrent > 0)
        queue.setMaxConcurrent(maxConcurrent);

    bool finished = false;
    DeletionSummary summary;
    QObject::connect(&queue, &DeletionQueue::finished, &queue, [&](const DeletionSummary &s) {
        summary = s;
        finished = true;
    });
    QElapsedTimer timer;
    timer.start();
    queue.enqueue(requests);
    const bool done = waitUntil([&] { return finished; }, DeleteTimeoutMs);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    QString latencyError;
    m_sandbox->setLatencyMs(0, &latencyError);
    if (!done) {
        *error = u"the deletions did not finish"_s;
        return -1;
    }
    const int deleted = summary.count(DeletionResult::Outcome::Deleted);
    if (deleted != m_options.count) {
        *error = u"%1 of %2 images deleted"_s.arg(deleted).arg(m_options.count);
        return -1;
    }
    return ms;
}

bool DeletionBenchmark::run(QString *error)
{
    QList<double> queued;
    QList<double> sequential;
    int defaultConcurrency = 0;
    {
        DeletionQueue probe(nullptr);
        defaultConcurrency = probe.maxConcurrent();
    }
    for (int round = 0; round < m_options.repeat; ++round) {
        const double queuedMs = runOnce(0, error);
        if (queuedMs < 0)
            return false;
        const double sequentialMs = runOnce(1, error);
        if (sequentialMs < 0)
            return false;
        queued.append(queuedMs);
        sequential.append(sequentialMs);
        qInfo("deletion round %d: queue %.0f ms, one at a time %.0f ms", round + 1, queuedMs, sequentialMs);
    }
    QJsonArray queuedArray;
    QJsonArray sequentialArray;
    for (double ms : std::as_const(queued))
        queuedArray.append(ms);
    for (double ms : std::as_const(sequential))
        sequentialArray.append(ms);
    m_result = QJsonObject{
        {u"delete_1000_ms"_s, median(queued)},         {u"delete_seq_ms"_s, median(sequential)},
        {u"delete_count"_s, m_options.count},          {u"delete_latency_ms"_s, m_options.latencyMs},
        {u"delete_concurrency"_s, defaultConcurrency}, {u"delete_1000_samples_ms"_s, queuedArray},
        {u"delete_seq_samples_ms"_s, sequentialArray},
    };
    return true;
}

} // namespace mim::bench
