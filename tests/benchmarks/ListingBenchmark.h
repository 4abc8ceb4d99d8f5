#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace mim::bench {

struct ListingOptions
{
    QUrl endpoint;    // the sandbox, already holding the data set
    int pageSize = 0; // 0: the client's default
    int repeat = 3;
    // Round trip the sandbox adds for the real-world figures (first_rows_ms, list_rtt80_ms,
    // cached_show_ms); 0 skips them.
    int latencyMs = 80;
};

// Loading, sorting and filtering through the real pipeline (ApiClient → ImageCatalog → ImageTableModel →
// ImageFilterModel → ImageTableView, shown) while a StallMonitor watches the GUI thread; then the floors
// (a plain sequential download of the same pages, and QJsonDocument parsing of those bytes). Runs in a
// process of its own so that rss_mb is the memory of the loaded window and nothing else.
class ListingBenchmark
{
public:
    explicit ListingBenchmark(const ListingOptions &options);

    bool run(QString *error);
    // Medians over the repeats, plus the samples.
    QJsonObject result() const { return m_result; }

private:
    // At no latency: loading, sorting, filtering, the memory of the loaded table, the floors.
    bool runWithoutLatency(QString *error);
    // With the sandbox's latency: the first rows and the whole listing into an empty table (progressive),
    // then an account opened with its listing cache, to the cached rows painted, and the memory once the live
    // listing has been merged into them. Runs after runWithoutLatency() has let go of its table.
    bool runAtLatency(QString *error);

    ListingOptions m_options;
    QJsonObject m_result;
};

} // namespace mim::bench
