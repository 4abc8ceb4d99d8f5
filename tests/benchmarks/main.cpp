// mim-bench: loads, sorts, filters and deletes 10,000 and 100,000 images through the real code against
// modelarts-sandbox, and says how long each took, how long the window could not react, and how that compares
// with the targets. See the Performance section of README.md.

#include "BenchReport.h"
#include "BenchSupport.h"
#include "DeletionBenchmark.h"
#include "ListingBenchmark.h"
#include "models/common/Heap.h"
#include "SandboxProcess.h"
#include "StartupBenchmark.h"

#include <cstdio>
#include <memory>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QSaveFile>

using namespace Qt::StringLiterals;
using namespace mim::bench;

namespace {

// The worker prints its result on a line of its own that starts with this.
constexpr char ResultPrefix[] = "mim-bench-result: ";

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int fail(const QString &message)
{
    print(stderr, u"mim-bench: "_s + message + u'\n');
    return 1;
}

struct Options
{
    QString sandbox;
    QString app;
    QList<int> sizes{10000, 100000};
    QString jsonFile;
    int pageSize = 0;
    int repeat = 3;
    int deleteCount = 1000;
    int latencyMs = 80;
    quint32 seed = 1;
    bool skipStartup = false;
    bool skipDelete = false;
    // Worker mode: one listing run against a sandbox somebody else started.
    bool worker = false;
    QUrl endpoint;
    QString checkFile;
};

bool parseOptions(const QStringList &arguments, Options *options, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures ModelArts Image Manager with N images: loading, sorting, "
                                     "filtering, memory, bulk deletion and start-up, against the targets "
                                     "in the Performance section of README.md."_s);
    parser.addHelpOption();
    const QString binDir = QCoreApplication::applicationDirPath();
    const QCommandLineOption sandbox(u"sandbox"_s, u"The modelarts-sandbox program."_s, u"PATH"_s,
                                     QDir::cleanPath(binDir + u"/../../sandbox/modelarts-sandbox"_s));
    const QCommandLineOption app(u"app"_s, u"The modelarts-image-manager program (for startup_ms)."_s,
                                 u"PATH"_s,
                                 QDir::cleanPath(binDir + u"/../../app/modelarts-image-manager"_s));
    const QCommandLineOption sizes(u"sizes"_s, u"Numbers of images, comma-separated."_s, u"N,N"_s,
                                   u"10000,100000"_s);
    const QCommandLineOption json(u"json"_s,
                                  u"Also write the results to this file (a JSON array, one "
                                  "object per N)."_s,
                                  u"FILE"_s);
    const QCommandLineOption pageSize(u"page-size"_s,
                                      u"Records per ListImage page (default: the client's)."_s, u"N"_s);
    const QCommandLineOption repeat(u"repeat"_s, u"Runs per figure; the median is reported."_s, u"N"_s,
                                    u"3"_s);
    const QCommandLineOption deleteCount(u"delete-count"_s, u"Images deleted in the deletion runs."_s, u"N"_s,
                                         u"1000"_s);
    const QCommandLineOption latency(u"latency-ms"_s,
                                     u"Round trip of the sandbox for first_rows_ms, list_rtt80_ms and "
                                     "cached_start_ms (0: skip them)."_s,
                                     u"MS"_s, u"80"_s);
    const QCommandLineOption seed(u"seed"_s, u"Seed of the generated data sets."_s, u"S"_s, u"1"_s);
    const QCommandLineOption skipStartup(u"skip-startup"_s, u"Do not measure startup_ms."_s);
    const QCommandLineOption skipDelete(u"skip-delete"_s, u"Do not measure the deletions."_s);
    const QCommandLineOption check(u"check"_s, u"Only check that FILE holds every figure, then exit."_s,
                                   u"FILE"_s);
    QCommandLineOption worker(u"worker"_s, u"Internal: one listing run against --endpoint."_s);
    worker.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption endpoint(u"endpoint"_s, u"Internal: the sandbox of a worker."_s, u"URL"_s);
    endpoint.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({sandbox, app, sizes, json, pageSize, repeat, deleteCount, latency, seed, skipStartup,
                       skipDelete, check, worker, endpoint});
    parser.process(arguments);

    const auto positive = [&](const QCommandLineOption &option, int *target) {
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < 1) {
            *error = u"--%1 needs a positive integer"_s.arg(option.names().constFirst());
            return false;
        }
        *target = value;
        return true;
    };
    options->sandbox = parser.value(sandbox);
    options->app = parser.value(app);
    options->jsonFile = parser.value(json);
    options->skipStartup = parser.isSet(skipStartup);
    options->skipDelete = parser.isSet(skipDelete);
    options->worker = parser.isSet(worker);
    options->endpoint = QUrl(parser.value(endpoint));
    options->checkFile = parser.value(check);
    if (!positive(repeat, &options->repeat) || !positive(deleteCount, &options->deleteCount))
        return false;
    if (parser.isSet(pageSize) && !positive(pageSize, &options->pageSize))
        return false;
    options->latencyMs = qMax(0, parser.value(latency).toInt());
    int seedValue = 0;
    if (!positive(seed, &seedValue))
        return false;
    options->seed = quint32(seedValue);
    options->sizes.clear();
    for (const QString &item : parser.value(sizes).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = item.trimmed().toInt(&ok);
        if (!ok || n < 1) {
            *error = u"--sizes needs positive integers, e.g. 10000,100000"_s;
            return false;
        }
        options->sizes.append(n);
    }
    if (options->sizes.isEmpty()) {
        *error = u"--sizes is empty"_s;
        return false;
    }
    if (options->worker && !options->endpoint.isValid()) {
        *error = u"--worker needs --endpoint"_s;
        return false;
    }
    return true;
}

int runWorker(const Options &options)
{
    ListingBenchmark benchmark({options.endpoint, options.pageSize, options.repeat, options.latencyMs});
    QString error;
    if (!benchmark.run(&error))
        return fail(error);
    print(stdout, QString::fromLatin1(ResultPrefix) +
                      QString::fromUtf8(QJsonDocument(benchmark.result()).toJson(QJsonDocument::Compact)) +
                      u'\n');
    return 0;
}

// Runs the listing part in a fresh process, so that its memory is the loaded window's alone.
bool runListingWorker(const Options &options, const QUrl &endpoint, QJsonObject *result, QString *error)
{
    QStringList arguments{u"--worker"_s,
                          u"--endpoint"_s,
                          endpoint.toString(),
                          u"--repeat"_s,
                          QString::number(options.repeat),
                          u"--latency-ms"_s,
                          QString::number(options.latencyMs)};
    if (options.pageSize > 0)
        arguments << u"--page-size"_s << QString::number(options.pageSize);
    QProcess worker;
    worker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    worker.start(QCoreApplication::applicationFilePath(), arguments);
    if (!worker.waitForFinished(-1) || worker.exitStatus() != QProcess::NormalExit ||
        worker.exitCode() != 0) {
        *error = u"the listing run failed (exit code %1)"_s.arg(worker.exitCode());
        return false;
    }
    const QByteArray prefix(ResultPrefix);
    for (const QByteArray &line : worker.readAllStandardOutput().split('\n')) {
        if (line.startsWith(prefix)) {
            *result = QJsonDocument::fromJson(line.mid(prefix.size())).object();
            return !result->isEmpty();
        }
    }
    *error = u"the listing run printed no result"_s;
    return false;
}

bool writeJson(const QString &path, const QJsonArray &results, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(results).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

int checkFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"cannot read %1"_s.arg(path));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray())
        return fail(u"%1 is not a JSON array: %2"_s.arg(path, parseError.errorString()));
    QString error;
    if (!validate(document.array(), &error))
        return fail(u"%1: %2"_s.arg(path, error));
    print(stdout, u"%1: %2 result(s), every figure present\n"_s.arg(path).arg(document.array().size()));
    return 0;
}

int runAll(const Options &options)
{
    if (!QFileInfo(options.sandbox).isExecutable())
        return fail(u"no sandbox at %1 (use --sandbox)"_s.arg(options.sandbox));
    if (!options.skipStartup && !QFileInfo(options.app).isExecutable())
        return fail(u"no app at %1 (use --app, or --skip-startup)"_s.arg(options.app));

    const QJsonObject machine = machineDescription();
    print(stdout, u"mim-bench: %1 CPU(s) %2, %3 GB RAM, %4, Qt %5; load average %6\n"_s
                      .arg(machine.value(u"cpus"_s).toInt())
                      .arg(machine.value(u"cpu_model"_s).toString())
                      .arg(machine.value(u"ram_gb"_s).toDouble())
                      .arg(machine.value(u"os"_s).toString(), machine.value(u"qt"_s).toString())
                      .arg(loadAverage1()));

    QString error;
    QJsonObject startup;
    if (!options.skipStartup) {
        print(stdout, u"measuring start-up (%1 runs)\n"_s.arg(options.repeat));
        StartupBenchmark benchmark(options.app, options.repeat);
        if (!benchmark.run(&error))
            return fail(error);
        startup = benchmark.result();
    }

    SandboxProcess sandbox;
    if (!sandbox.start(options.sandbox, 0, options.seed, &error))
        return fail(error);

    QJsonArray results;
    for (const int n : options.sizes) {
        QJsonObject result{{u"n"_s, n},
                           {u"repeat"_s, options.repeat},
                           {u"machine"_s, machine},
                           {u"load_average_before"_s, loadAverage1()}};
        print(stdout, u"N=%1: generating the data set\n"_s.arg(n));
        const int images = sandbox.resetWithDedicated(n, options.seed, &error);
        if (images < 0)
            return fail(error);
        result.insert(u"sandbox_images"_s, images);

        print(stdout, u"N=%1: loading, sorting, filtering (%2 runs)\n"_s.arg(n).arg(options.repeat));
        QJsonObject listing;
        if (!runListingWorker(options, sandbox.baseUrl(), &listing, &error))
            return fail(error);
        for (auto it = listing.constBegin(); it != listing.constEnd(); ++it)
            result.insert(it.key(), it.value());

        if (!options.skipDelete) {
            print(stdout, u"N=%1: deleting %2 images, queued and one at a time (%3 runs)\n"_s.arg(n)
                              .arg(options.deleteCount)
                              .arg(options.repeat));
            DeletionBenchmark deletion(&sandbox,
                                       {images, options.seed, options.deleteCount, 20, options.repeat});
            if (!deletion.run(&error))
                return fail(error);
            const QJsonObject figures = deletion.result();
            for (auto it = figures.constBegin(); it != figures.constEnd(); ++it)
                result.insert(it.key(), it.value());
        }
        for (auto it = startup.constBegin(); it != startup.constEnd(); ++it)
            result.insert(it.key(), it.value());
        // Process start to the first painted window, plus opening the account to its cached rows painted.
        if (result.contains(u"cached_show_ms"_s) && result.contains(u"startup_ms"_s))
            result.insert(u"cached_start_ms"_s, result.value(u"startup_ms"_s).toDouble() +
                                                    result.value(u"cached_show_ms"_s).toDouble());
        result.insert(u"load_average_after"_s, loadAverage1());
        results.append(result);
    }

    results = judged(results);
    print(stdout, u"\n"_s + formatTable(results));
    if (!options.jsonFile.isEmpty()) {
        if (!writeJson(options.jsonFile, results, &error))
            return fail(error);
        print(stdout, u"results written to %1\n"_s.arg(options.jsonFile));
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // As the application does, so that what is measured is how it allocates.
    mim::shareOneHeapArena();
    // Only the worker shows a window; the rest runs without a display.
    bool worker = false;
    for (int i = 1; i < argc; ++i)
        worker = worker || qstrcmp(argv[i], "--worker") == 0;
    std::unique_ptr<QCoreApplication> app =
        worker ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(u"mim-bench"_s);
    // A line per request or deletion would cost more than some of what is measured.
    QLoggingCategory::setFilterRules(u"mim.*.debug=false\nmim.*.info=false"_s);

    Options options;
    QString error;
    if (!parseOptions(QCoreApplication::arguments(), &options, &error))
        return fail(error);
    if (!options.checkFile.isEmpty())
        return checkFile(options.checkFile);
    if (options.worker)
        return runWorker(options);
    return runAll(options);
}
