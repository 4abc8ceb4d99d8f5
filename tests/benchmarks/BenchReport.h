#pragma once

#include <QJsonArray>
#include <QString>

namespace mim::bench {

// The targets of the issue, as the report judges them (they are stated for N = 100,000).
struct Targets
{
    static constexpr double MaxStallMs = 50;
    static constexpr double SortMs = 150;
    static constexpr double FilterMs = 30;
    static constexpr double RssMb = 170;
    static constexpr double DeleteSpeedup = 4;
    static constexpr double StartupMs = 400;
    static constexpr double FirstRowsMs = 300;
    static constexpr double ListRtt80Ms = 3500;
    static constexpr double CachedStartMs = 800;
    static double listMs(double transferFloorMs, double parseFloorMs);
};

// Adds a "targets" object (each target: met or not) to every result.
QJsonArray judged(const QJsonArray &results);
// A plain-text table: one column per N, one row per figure, with the target beside it.
QString formatTable(const QJsonArray &results);
// Every key the issue asks for, present and numeric in each object; the first problem in *error.
bool validate(const QJsonArray &results, QString *error);

} // namespace mim::bench
