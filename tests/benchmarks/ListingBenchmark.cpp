#include "ListingBenchmark.h"

#include "BenchSupport.h"
#include "models/api/ApiClient.h"
#include "models/api/BackgroundPool.h"
#include "models/catalog/ImageCatalog.h"
#include "models/catalog/ImageFilterModel.h"
#include "models/catalog/ImageTableModel.h"
#include "models/catalog/ListingCache.h"
#include "models/session/AccountSession.h"
#include "ProcFiles.h"
#include "RawApiClient.h"
#include "SandboxProcess.h"
#include "StallMonitor.h"
#include "views/main/ImageTableView.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace mim::bench {

namespace {

constexpr int LoadTimeoutMs = 10 * 60 * 1000;
// After the last row arrives the view still lays out and paints: watched as part of loading.
constexpr int SettleAfterLoadMs = 300;
constexpr int SettleMs = 150;
const QString FilterText = u"pytorc"_s;

// Sandbox fault script entries that answer every usage listing (notebooks, training jobs, services) with 404.
QJsonArray usageRoutesRefused()
{
    QJsonArray script;
    for (const QString &route : {u"/notebooks"_s, u"/training-job-searches"_s, u"/services"_s})
        script.append(
            QJsonObject{{u"path_contains"_s, route}, {u"fault"_s, u"404"_s}, {u"count"_s, 1000000}});
    return script;
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Sample
{
    double listMs = -1;
    double pagesMs = -1; // every page received and parsed; the rest of list_ms is merging into the model
    double stallLoadMs = -1;
    double rssMb = -1;
    double sortCreatedMs = -1;
    double sortNameMs = -1;
    double sortSizeMs = -1;
    double stallSortMs = -1;
    QList<double> keystrokeMs;
    QList<double> keystrokeModelMs; // of keystrokeMs, the part before the view lays out and paints
    double filterClearMs = -1;
    double stallFilterMs = -1;
    int filterRows = -1;

    double filterMs() const { return maximum(keystrokeMs); }
    double maxStallMs() const { return qMax(stallLoadMs, qMax(stallSortMs, stallFilterMs)); }

    QJsonObject toJson() const
    {
        QJsonArray keystrokes;
        for (double ms : keystrokeMs)
            keystrokes.append(ms);
        QJsonArray keystrokesModel;
        for (double ms : keystrokeModelMs)
            keystrokesModel.append(ms);
        return QJsonObject{
            {u"list_ms"_s, listMs},
            {u"list_pages_ms"_s, pagesMs},
            {u"stall_load_ms"_s, stallLoadMs},
            {u"rss_mb"_s, rssMb},
            {u"sort_created_ms"_s, sortCreatedMs},
            {u"sort_name_ms"_s, sortNameMs},
            {u"sort_size_ms"_s, sortSizeMs},
            {u"stall_sort_ms"_s, stallSortMs},
            {u"filter_keystrokes_ms"_s, keystrokes},
            {u"filter_keystrokes_model_ms"_s, keystrokesModel},
            {u"filter_clear_ms"_s, filterClearMs},
            {u"stall_filter_ms"_s, stallFilterMs},
            {u"max_stall_ms"_s, maxStallMs()},
        };
    }
};

// The account's workspaces (ListWorkspace), "0" among them: ListImage shows one workspace at a time.
QStringList workspaceIds(ApiClient *client, QString *error)
{
    QStringList ids{u"0"_s};
    bool done = false;
    ApiCall *call = client->listWorkspacesPage(0, 1000);
    QObject::connect(call, &ApiCall::finished, call, [&] {
        done = true;
        if (!call->succeeded()) {
            *error = call->error().summary();
            return;
        }
        for (const QJsonValue &value : call->json().value(u"workspaces"_s).toArray()) {
            const QString id = value.toObject().value(u"id"_s).toString();
            if (!ids.contains(id))
                ids.append(id);
        }
    });
    if (!waitUntil([&] { return done; }, 60000))
        *error = u"no answer to the workspace list"_s;
    return error->isEmpty() ? ids : QStringList();
}

// total of ListImage for the query the catalog uses, summed over the workspaces, each asked with one small
// page.
qint64 probeTotal(ApiClient *client, const QStringList &workspaces, QString *error)
{
    qint64 sum = 0;
    for (const QString &workspace : workspaces) {
        qint64 total = -1;
        bool done = false;
        ListQuery query;
        query.workspaceId = workspace;
        ApiCall *call = client->listImagesPage(query, 0, 1);
        QObject::connect(call, &ApiCall::finished, call, [&] {
            done = true;
            if (call->succeeded())
                total = call->json().value(u"total"_s).toInteger(-1);
            else
                *error = call->error().summary();
        });
        if (!waitUntil([&] { return done; }, 60000))
            *error = u"no answer to the first page"_s;
        if (total < 0)
            return -1;
        sum += total;
    }
    return sum;
}

} // namespace

ListingBenchmark::ListingBenchmark(const ListingOptions &options)
    : m_options(options)
{}

bool ListingBenchmark::run(QString *error)
{
    return runWithoutLatency(error) && (m_options.latencyMs <= 0 || runAtLatency(error));
}

bool ListingBenchmark::runWithoutLatency(QString *error)
{
    QNetworkAccessManager network;
    ApiClient client(&network, defaultAccountSettings(m_options.endpoint));
    if (m_options.pageSize > 0)
        client.setPageSize(m_options.pageSize);

    ImageTableModel model;
    ImageFilterModel filter;
    filter.setSourceModel(&model);
    ImageCatalog catalog(&model);
    ImageTableView view;
    view.setModel(&filter);
    view.resize(1400, 900);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view, 10000)) {
        *error = u"the table view was never shown"_s;
        return false;
    }
    StallMonitor stall;

    const QStringList workspaces = workspaceIds(&client, error);
    if (workspaces.isEmpty())
        return false;
    const qint64 total = probeTotal(&client, workspaces, error);
    if (total < 0)
        return false;

    QList<Sample> samples;
    for (int round = 0; round < m_options.repeat; ++round) {
        Sample sample;
        // Detach and attach again: the model empties, so every round is a first load.
        catalog.setClient(nullptr);
        catalog.setClient(&client);
        runEventLoopFor(SettleMs);

        // Loading.
        QElapsedTimer timer;
        double rowsAtMs = -1;
        double loadedAtMs = -1;
        QString failure;
        const QMetaObject::Connection rowsConnection =
            QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model, [&] {
                if (rowsAtMs < 0 && model.rowCount() >= total)
                    rowsAtMs = msSince(timer);
            });
        const QMetaObject::Connection loadedConnection =
            QObject::connect(&catalog, &ImageCatalog::loaded, &catalog, [&] { loadedAtMs = msSince(timer); });
        const QMetaObject::Connection progressConnection = QObject::connect(
            &catalog, &ImageCatalog::progress, &catalog, [&](qint64 received, qint64 expected) {
                if (sample.pagesMs < 0 && expected > 0 && received >= expected)
                    sample.pagesMs = msSince(timer);
            });
        const QMetaObject::Connection failedConnection = QObject::connect(
            &catalog, &ImageCatalog::failed, &catalog, [&](const ApiError &e) { failure = e.summary(); });
        stall.start();
        timer.start();
        catalog.refresh();
        const bool loaded = waitUntil(
            [&] { return !failure.isEmpty() || (rowsAtMs >= 0 && loadedAtMs >= 0); }, LoadTimeoutMs);
        runEventLoopFor(SettleAfterLoadMs);
        stall.stop();
        QObject::disconnect(rowsConnection);
        QObject::disconnect(loadedConnection);
        QObject::disconnect(failedConnection);
        QObject::disconnect(progressConnection);
        if (!loaded || !failure.isEmpty()) {
            *error = failure.isEmpty()
                         ? u"loading timed out (%1 of %2 rows)"_s.arg(model.rowCount()).arg(total)
                         : u"loading failed: "_s + failure;
            return false;
        }
        if (model.rowCount() != total || filter.rowCount() != total) {
            *error = u"expected %1 rows, the model has %2 and the view %3"_s.arg(total)
                         .arg(model.rowCount())
                         .arg(filter.rowCount());
            return false;
        }
        sample.listMs = qMax(rowsAtMs, loadedAtMs);
        sample.stallLoadMs = stall.maxStallMs();
        sample.rssMb = test::residentSetMb();

        // Sorting: each column from another one, so every call really sorts.
        const auto timeSort = [&](int column, Qt::SortOrder order) {
            QElapsedTimer sortTimer;
            sortTimer.start();
            view.sortByColumn(column, order);
            drainEvents();
            return msSince(sortTimer);
        };
        stall.start();
        sample.sortCreatedMs = timeSort(ImageTableModel::Created, Qt::AscendingOrder);
        sample.sortNameMs = timeSort(ImageTableModel::Name, Qt::AscendingOrder);
        sample.sortSizeMs = timeSort(ImageTableModel::Size, Qt::DescendingOrder);
        runEventLoopFor(SettleMs);
        stall.stop();
        sample.stallSortMs = stall.maxStallMs();

        // Filtering: typed one character at a time, then cleared at once.
        stall.start();
        for (qsizetype length = 1; length <= FilterText.size(); ++length) {
            QElapsedTimer keyTimer;
            keyTimer.start();
            filter.setText(FilterText.left(length));
            sample.keystrokeModelMs.append(msSince(keyTimer));
            drainEvents();
            sample.keystrokeMs.append(msSince(keyTimer));
        }
        sample.filterRows = filter.rowCount();
        QElapsedTimer clearTimer;
        clearTimer.start();
        filter.setText({});
        drainEvents();
        sample.filterClearMs = msSince(clearTimer);
        runEventLoopFor(SettleMs);
        stall.stop();
        sample.stallFilterMs = stall.maxStallMs();

        if (sample.filterRows <= 0 || filter.rowCount() != total) {
            *error = u"the filter \"%1\" matched %2 rows"_s.arg(FilterText).arg(sample.filterRows);
            return false;
        }
        view.sortByColumn(ImageTableModel::Created, Qt::DescendingOrder);
        drainEvents();
        samples.append(sample);
        qInfo("round %d: list %.0f ms (pages %.0f ms), stall %.1f ms", round + 1, sample.listMs,
              sample.pagesMs, sample.maxStallMs());
    }

    // The floors: the same pages, read as plainly as possible, then parsed.
    test::RawApiClient raw(m_options.endpoint);
    const int pageSize = client.pageSize();
    QList<double> transferMs;
    QList<double> parseMs;
    qint64 bytes = 0;
    for (int round = 0; round < m_options.repeat; ++round) {
        QList<QByteArray> bodies;
        QElapsedTimer timer;
        timer.start();
        for (const QString &workspace : workspaces) {
            qint64 step = pageSize;
            qint64 workspaceTotal = 1;
            for (qint64 offset = 0; offset < workspaceTotal; offset += step) {
                const test::RawReply reply = raw.api(
                    "GET", u"images?type=DEDICATED&workspace_id=%1&limit=%2&offset=%3"_s.arg(workspace)
                               .arg(pageSize)
                               .arg(offset));
                if (reply.status != 200) {
                    *error = u"page at offset %1: HTTP %2"_s.arg(offset).arg(reply.status);
                    return false;
                }
                bodies.append(reply.body);
                if (offset == 0) {
                    workspaceTotal = reply.json().value(u"total"_s).toInteger();
                    // A server that caps the page size: step by what it sends, like the client does.
                    const qint64 records = reply.json().value(u"data"_s).toArray().size();
                    if (records > 0 && records < step)
                        step = records;
                }
            }
        }
        transferMs.append(msSince(timer));

        timer.start();
        qint64 records = 0;
        for (const QByteArray &body : std::as_const(bodies))
            records += QJsonDocument::fromJson(body).object().value(u"data"_s).toArray().size();
        parseMs.append(msSince(timer));
        if (records != total) {
            *error = u"the floor pages held %1 records, not %2"_s.arg(records).arg(total);
            return false;
        }
        bytes = 0;
        for (const QByteArray &body : std::as_const(bodies))
            bytes += body.size();
    }

    const auto medianOf = [&samples](double Sample::*field) {
        QList<double> values;
        for (const Sample &sample : std::as_const(samples))
            values.append(sample.*field);
        return median(values);
    };
    const auto medianOfCall = [&samples](auto call) {
        QList<double> values;
        for (const Sample &sample : std::as_const(samples))
            values.append(call(sample));
        return median(values);
    };
    QJsonArray keystrokes;
    QJsonArray keystrokesModel;
    for (qsizetype k = 0; k < FilterText.size(); ++k) {
        keystrokes.append(medianOfCall([k](const Sample &s) { return s.keystrokeMs.at(k); }));
        keystrokesModel.append(medianOfCall([k](const Sample &s) { return s.keystrokeModelMs.at(k); }));
    }
    QJsonArray sampleArray;
    QList<double> rss;
    QList<double> stalls;
    for (const Sample &sample : std::as_const(samples)) {
        sampleArray.append(sample.toJson());
        rss.append(sample.rssMb);
        stalls.append(sample.maxStallMs());
    }
    const double sortName = medianOf(&Sample::sortNameMs);
    const double sortSize = medianOf(&Sample::sortSizeMs);
    const double sortCreated = medianOf(&Sample::sortCreatedMs);
    const double transfer = median(transferMs);
    const double parse = median(parseMs);
    m_result = QJsonObject{
        {u"rows"_s, total},
        {u"page_size"_s, pageSize},
        {u"list_bytes"_s, bytes},
        {u"list_ms"_s, medianOf(&Sample::listMs)},
        {u"list_pages_ms"_s, medianOf(&Sample::pagesMs)},
        {u"transfer_floor_ms"_s, transfer},
        {u"parse_floor_ms"_s, parse},
        {u"list_target_ms"_s, 1.5 * qMax(transfer, parse) + 200},
        {u"max_stall_ms"_s, median(stalls)},
        {u"max_stall_worst_ms"_s, maximum(stalls)},
        {u"stall_load_ms"_s, medianOf(&Sample::stallLoadMs)},
        {u"stall_sort_ms"_s, medianOf(&Sample::stallSortMs)},
        {u"stall_filter_ms"_s, medianOf(&Sample::stallFilterMs)},
        {u"sort_ms"_s, qMax(sortName, qMax(sortSize, sortCreated))},
        {u"sort_name_ms"_s, sortName},
        {u"sort_size_ms"_s, sortSize},
        {u"sort_created_ms"_s, sortCreated},
        {u"filter_ms"_s, medianOfCall([](const Sample &s) { return s.filterMs(); })},
        {u"filter_keystrokes_ms"_s, keystrokes},
        {u"filter_keystrokes_model_ms"_s, keystrokesModel},
        {u"filter_clear_ms"_s, medianOf(&Sample::filterClearMs)},
        {u"filter_text"_s, FilterText},
        {u"filter_rows"_s, samples.constLast().filterRows},
        // A median like every other figure (the targets are medians of three); the worst sample beside it.
        {u"rss_mb"_s, median(rss)},
        {u"rss_worst_mb"_s, maximum(rss)},
        {u"samples"_s, sampleArray},
    };
    return true;
}

bool ListingBenchmark::runAtLatency(QString *error)
{
    test::RawApiClient raw(m_options.endpoint);
    const auto setFaults = [&](const QJsonObject &faults) {
        const test::RawReply reply =
            raw.plainCall("POST", u"/sandbox/faults"_s, QJsonDocument(faults).toJson(),
                          {{"Content-Type", "application/json"}});
        return reply.status == 200;
    };
    const auto setLatency = [&](int ms) { return setFaults(QJsonObject{{u"latency_ms"_s, ms}}); };
    if (!setLatency(m_options.latencyMs)) {
        *error = u"the sandbox refused the latency"_s;
        return false;
    }

    QTemporaryDir dir;
    QNetworkAccessManager network;
    const ConnectionSettings settings = defaultAccountSettings(m_options.endpoint);
    ImageTableModel model;
    ImageFilterModel filter;
    filter.setSourceModel(&model);
    ImageTableView view;
    view.setModel(&filter);
    view.resize(1400, 900);
    view.show();
    view.sortByColumn(ImageTableModel::Created, Qt::DescendingOrder);
    if (!QTest::qWaitForWindowExposed(&view, 10000)) {
        *error = u"the table view was never shown"_s;
        return false;
    }
    StallMonitor stall;
    QList<double> firstRows;
    QList<double> listed;
    QList<double> cachedShown;
    QList<double> stalls;
    QList<double> cachedStalls;
    QList<double> cachedRss;
    qint64 total = 0;
    const QString cacheDir = dir.filePath(u"cache"_s);
    // The account opened into an empty table, as at start without a cache: rows as pages arrive. Returns the
    // time to every row in the model, or -1.
    const auto openEmpty = [&](int round, bool keepCache, double *firstAt, double *maxStall) -> double {
        AccountSession session(&network, &model, dir.filePath(u"journal.jsonl"_s));
        session.setListingCacheDirectory(keepCache ? cacheDir : QString());
        QElapsedTimer timer;
        double first = -1;
        const QMetaObject::Connection firstConnection =
            QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model, [&] {
                if (first < 0) {
                    drainEvents(); // painted
                    first = msSince(timer);
                }
            });
        stall.start();
        timer.start();
        session.open(u"bench"_s, settings);
        const bool loaded = waitUntil(
            [&] { return session.catalog()->state() != ImageCatalog::State::Loading; }, LoadTimeoutMs);
        const double listedAt = msSince(timer);
        runEventLoopFor(SettleAfterLoadMs);
        stall.stop();
        QObject::disconnect(firstConnection);
        if (!loaded || session.catalog()->state() != ImageCatalog::State::Loaded)
            return -1;
        total = model.rowCount();
        *firstAt = first;
        *maxStall = stall.maxStallMs();
        qInfo("latency round %d: first rows %.0f ms, every row %.0f ms, stall %.1f ms", round + 1, first,
              listedAt, stall.maxStallMs());
        return listedAt;
    };
    for (int round = 0; round < m_options.repeat; ++round) {
        double firstAt = -1;
        double maxStall = -1;
        const double listedAt = openEmpty(round, round == 0, &firstAt, &maxStall);
        if (listedAt < 0) {
            *error = u"loading at %1 ms latency failed"_s.arg(m_options.latencyMs);
            return false;
        }
        firstRows.append(firstAt);
        listed.append(listedAt);
        stalls.append(maxStall);
    }
    // The same without the usage listings (notebooks, training jobs, services) competing for the connections:
    // their routes answer 404 at once, so the account's usage is Unknown. The difference is what reading
    // usage alongside costs the image listing.
    QList<double> listedWithoutUsage;
    if (!setFaults(
            QJsonObject{{u"latency_ms"_s, m_options.latencyMs}, {u"script"_s, usageRoutesRefused()}})) {
        *error = u"the sandbox refused the fault script"_s;
        return false;
    }
    for (int round = 0; round < m_options.repeat; ++round) {
        double firstAt = -1;
        double maxStall = -1;
        const double listedAt = openEmpty(round, false, &firstAt, &maxStall);
        if (listedAt < 0) {
            *error = u"loading at %1 ms latency without usage failed"_s.arg(m_options.latencyMs);
            return false;
        }
        listedWithoutUsage.append(listedAt);
    }
    if (!setLatency(m_options.latencyMs)) {
        *error = u"the sandbox refused the latency"_s;
        return false;
    }
    // The first round left the listing cache behind (written off the GUI thread).
    if (!waitUntil([&] { return QFile::exists(listingcache::fileFor(cacheDir, u"bench"_s)); }, 60000)) {
        *error = u"no listing cache was written"_s;
        return false;
    }
    for (int round = 0; round < m_options.repeat; ++round) {
        // The account opened again with its cache: read on a worker thread, shown, painted.
        AccountSession session(&network, &model, dir.filePath(u"journal.jsonl"_s));
        session.setListingCacheDirectory(cacheDir);
        QElapsedTimer timer;
        double shownAt = -1;
        const QMetaObject::Connection shown =
            QObject::connect(session.catalog(), &ImageCatalog::cachedShown, &model, [&] {
                drainEvents(); // painted
                shownAt = msSince(timer);
            });
        stall.start();
        timer.start();
        session.open(u"bench"_s, settings);
        const bool ok = waitUntil([&] { return shownAt >= 0; }, 60000);
        runEventLoopFor(SettleMs);
        stall.stop();
        QObject::disconnect(shown);
        if (!ok || model.rowCount() != total) {
            *error = u"the cached list was not shown (%1 of %2 rows)"_s.arg(model.rowCount()).arg(total);
            return false;
        }
        cachedShown.append(shownAt);
        cachedStalls.append(stall.maxStallMs());
        // The memory of a start from the cache once the list is current: the live listing merged into the
        // cached rows, and the cache written again (on the background pool, which gives back what it freed).
        if (!waitUntil([&] { return session.catalog()->state() != ImageCatalog::State::Loading; },
                       LoadTimeoutMs) ||
            session.catalog()->state() != ImageCatalog::State::Loaded || model.rowCount() != total) {
            *error = u"the live listing after the cached list failed (%1 of %2 rows)"_s.arg(model.rowCount())
                         .arg(total);
            return false;
        }
        runEventLoopFor(SettleAfterLoadMs);
        backgroundPool()->waitForDone(LoadTimeoutMs);
        cachedRss.append(test::residentSetMb());
        qInfo("cached round %d: shown %.0f ms, stall %.1f ms, %.0f MB once current", round + 1, shownAt,
              stall.maxStallMs(), cachedRss.constLast());
        session.close();
    }
    setLatency(0);
    m_result.insert(u"latency_ms"_s, m_options.latencyMs);
    m_result.insert(u"first_rows_ms"_s, median(firstRows));
    m_result.insert(u"list_rtt80_ms"_s, median(listed));
    m_result.insert(u"list_rtt80_no_usage_ms"_s, median(listedWithoutUsage));
    m_result.insert(u"stall_progressive_ms"_s, median(stalls));
    m_result.insert(u"cached_show_ms"_s, median(cachedShown));
    m_result.insert(u"stall_cached_ms"_s, median(cachedStalls));
    m_result.insert(u"rss_cached_mb"_s, median(cachedRss));
    m_result.insert(u"rss_cached_worst_mb"_s, maximum(cachedRss));
    m_result.insert(u"max_stall_ms"_s, qMax(m_result.value(u"max_stall_ms"_s).toDouble(),
                                            qMax(median(stalls), median(cachedStalls))));
    return true;
}

} // namespace mim::bench
