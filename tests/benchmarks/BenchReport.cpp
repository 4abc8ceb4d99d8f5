#include "BenchReport.h"

#include "BenchSupport.h"

#include <QJsonObject>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace mim::bench {

namespace {

const QStringList &requiredKeys()
{
    static const QStringList keys{
        u"n"_s,
        u"list_ms"_s,
        u"transfer_floor_ms"_s,
        u"parse_floor_ms"_s,
        u"max_stall_ms"_s,
        u"sort_name_ms"_s,
        u"sort_size_ms"_s,
        u"sort_created_ms"_s,
        u"filter_ms"_s,
        u"rss_mb"_s,
        u"delete_1000_ms"_s,
        u"delete_seq_ms"_s,
        u"startup_ms"_s,
        u"first_rows_ms"_s,
        u"list_rtt80_ms"_s,
        u"cached_start_ms"_s,
    };
    return keys;
}

QString pad(const QString &text, int width, bool right = false)
{
    return right ? text.rightJustified(width) : text.leftJustified(width);
}

} // namespace

double Targets::listMs(double transferFloorMs, double parseFloorMs)
{
    return 1.5 * qMax(transferFloorMs, parseFloorMs) + 200;
}

QJsonArray judged(const QJsonArray &results)
{
    QJsonArray out;
    for (const QJsonValue value : results) {
        QJsonObject result = value.toObject();
        const auto number = [&result](const char *key) {
            return result.value(QLatin1String(key)).toDouble();
        };
        const double sortWorst =
            qMax(number("sort_name_ms"), qMax(number("sort_size_ms"), number("sort_created_ms")));
        result.insert(u"targets"_s,
                      QJsonObject{
                          {u"max_stall_ms"_s, number("max_stall_ms") <= Targets::MaxStallMs},
                          {u"list_ms"_s, number("list_ms") <= Targets::listMs(number("transfer_floor_ms"),
                                                                              number("parse_floor_ms"))},
                          {u"sort_ms"_s, sortWorst <= Targets::SortMs},
                          {u"filter_ms"_s, number("filter_ms") <= Targets::FilterMs},
                          {u"rss_mb"_s, number("rss_mb") <= Targets::RssMb},
                          {u"rss_cached_mb"_s, number("rss_cached_mb") <= Targets::RssMb},
                          {u"delete_1000_ms"_s,
                           number("delete_1000_ms") <= number("delete_seq_ms") / Targets::DeleteSpeedup},
                          {u"startup_ms"_s, number("startup_ms") <= Targets::StartupMs},
                          {u"first_rows_ms"_s, number("first_rows_ms") <= Targets::FirstRowsMs},
                          {u"list_rtt80_ms"_s, number("list_rtt80_ms") <= Targets::ListRtt80Ms},
                          {u"cached_start_ms"_s, number("cached_start_ms") <= Targets::CachedStartMs},
                      });
        out.append(result);
    }
    return out;
}

QString formatTable(const QJsonArray &results)
{
    struct Row
    {
        QString label;
        QString key;
        QString target;
        QString targetKey; // the entry of "targets" that judges this row
        int decimals = 0;
    };
    const QList<Row> rows{
        {u"list_ms"_s, u"list_ms"_s, u"<= 1.5 x max(floors) + 200"_s, u"list_ms"_s},
        {u"  transfer_floor_ms"_s, u"transfer_floor_ms"_s, {}, {}},
        {u"  parse_floor_ms"_s, u"parse_floor_ms"_s, {}, {}},
        {u"  list target"_s, u"list_target_ms"_s, {}, {}},
        {u"max_stall_ms"_s, u"max_stall_ms"_s, u"<= 50"_s, u"max_stall_ms"_s, 1},
        {u"  worst sample"_s, u"max_stall_worst_ms"_s, {}, {}, 1},
        {u"  while loading"_s, u"stall_load_ms"_s, {}, {}, 1},
        {u"  while sorting"_s, u"stall_sort_ms"_s, {}, {}, 1},
        {u"  while filtering"_s, u"stall_filter_ms"_s, {}, {}, 1},
        {u"sort_ms name"_s, u"sort_name_ms"_s, u"<= 150"_s, u"sort_ms"_s, 1},
        {u"sort_ms size"_s, u"sort_size_ms"_s, u"<= 150"_s, u"sort_ms"_s, 1},
        {u"sort_ms created"_s, u"sort_created_ms"_s, u"<= 150"_s, u"sort_ms"_s, 1},
        {u"filter_ms (worst key)"_s, u"filter_ms"_s, u"<= 30"_s, u"filter_ms"_s, 1},
        {u"  clearing the filter"_s, u"filter_clear_ms"_s, {}, {}, 1},
        {u"rss_mb"_s, u"rss_mb"_s, u"<= 170"_s, u"rss_mb"_s},
        {u"  worst sample"_s, u"rss_worst_mb"_s, {}, {}},
        {u"delete_1000_ms"_s, u"delete_1000_ms"_s, u"<= delete_seq_ms / 4"_s, u"delete_1000_ms"_s},
        {u"delete_seq_ms"_s, u"delete_seq_ms"_s, {}, {}},
        {u"startup_ms"_s, u"startup_ms"_s, u"<= 400"_s, u"startup_ms"_s},
        {u"first_rows_ms (80 ms RTT)"_s, u"first_rows_ms"_s, u"<= 300"_s, u"first_rows_ms"_s},
        {u"list_rtt80_ms"_s, u"list_rtt80_ms"_s, u"<= 3,500"_s, u"list_rtt80_ms"_s},
        {u"  stall while arriving"_s, u"stall_progressive_ms"_s, u"<= 50"_s, {}, 1},
        {u"  without usage"_s, u"list_rtt80_no_usage_ms"_s, {}, {}},
        {u"cached_start_ms"_s, u"cached_start_ms"_s, u"<= 800"_s, u"cached_start_ms"_s},
        {u"  cached_show_ms"_s, u"cached_show_ms"_s, {}, {}},
        {u"  stall while showing"_s, u"stall_cached_ms"_s, u"<= 50"_s, {}, 1},
        {u"rss_cached_mb (current)"_s, u"rss_cached_mb"_s, u"<= 170"_s, u"rss_cached_mb"_s},
        {u"  worst sample"_s, u"rss_cached_worst_mb"_s, {}, {}},
    };
    constexpr int LabelWidth = 24;
    constexpr int ValueWidth = 16;
    QString table = pad(u"figure"_s, LabelWidth);
    for (const QJsonValue value : results)
        table += pad(u"N=%1"_s.arg(value.toObject().value(u"n"_s).toInteger()), ValueWidth, true);
    table += u"   target at N=100,000\n"_s;
    table += QString(LabelWidth + ValueWidth * int(results.size()) + 24, u'-') + u'\n';
    for (const Row &row : rows) {
        table += pad(row.label, LabelWidth);
        for (const QJsonValue value : results) {
            const QJsonObject result = value.toObject();
            const QJsonValue figure = result.value(row.key);
            QString text = figure.isDouble() ? formatMs(figure.toDouble(), row.decimals) : u"-"_s;
            if (!row.targetKey.isEmpty()) {
                const QJsonValue met = result.value(u"targets"_s).toObject().value(row.targetKey);
                if (met.isBool())
                    text += met.toBool() ? u"  ok"_s : u" MISS"_s;
            }
            table += pad(text, ValueWidth, true);
        }
        table += u"   "_s + row.target + u'\n';
    }
    return table;
}

bool validate(const QJsonArray &results, QString *error)
{
    if (results.isEmpty()) {
        *error = u"no results"_s;
        return false;
    }
    for (const QJsonValue value : results) {
        if (!value.isObject()) {
            *error = u"a result is not an object"_s;
            return false;
        }
        const QJsonObject result = value.toObject();
        for (const QString &key : requiredKeys()) {
            const QJsonValue figure = result.value(key);
            if (!figure.isDouble() || figure.toDouble() < 0) {
                *error =
                    u"N=%1: \"%2\" is missing or not a measurement"_s.arg(result.value(u"n"_s).toInteger())
                        .arg(key);
                return false;
            }
        }
    }
    return true;
}

} // namespace mim::bench
