#pragma once

#include <QJsonObject>
#include <QString>

namespace mim::bench {

class SandboxProcess;

struct DeletionOptions
{
    int images = 0; // size of the data set the deletions pick from
    quint32 seed = 1;
    int count = 1000;   // images deleted per run
    int latencyMs = 20; // added by the sandbox to every API response
    int repeat = 3;
};

// Bulk deletion through DeletionQueue (its default concurrency, with a journal on disk like the app's)
// against the same deletions one request at a time.
class DeletionBenchmark
{
public:
    DeletionBenchmark(SandboxProcess *sandbox, const DeletionOptions &options);

    bool run(QString *error);
    QJsonObject result() const { return m_result; }

private:
    // maxConcurrent 0: the queue's default. Returns the milliseconds, or -1 with *error set.
    double runOnce(int maxConcurrent, QString *error);

    SandboxProcess *m_sandbox;
    DeletionOptions m_options;
    QJsonObject m_result;
};

} // namespace mim::bench
