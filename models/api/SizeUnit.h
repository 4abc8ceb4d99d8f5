#pragma once

#include <limits>
#include <QtGlobal>

// The one place that decides what unit ModelArts' image `size` field is in. Everything that turns that number
// into bytes (display, totals, the clean-up size rule) goes through here, so a live account that settles the
// question changes one constant.
//
// The doubt: the ListImage/ShowImage reference pages document `size` in KB, but every published example reads
// as bytes (387,840,321 for a small Python image would be 370 GB in KB; 3,376,133,259 for a PyTorch image 3.1
// TB). Until a real answer is compared with the SWR tag size of the same image (SWR reports bytes), the
// documented unit stands, and the details pane shows the number as the server sent it next to the
// interpretation.
namespace mim::SizeUnit {

// Bytes in one unit of the API's `size` (KB, per the API documentation).
inline constexpr qint64 BytesPerReportedUnit = 1024;

// A `size` as sent by the server in bytes; saturates instead of overflowing. Negative (unknown) stays -1.
constexpr qint64 toBytes(qint64 reported)
{
    if (reported < 0)
        return -1;
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    return reported > max / BytesPerReportedUnit ? max : reported * BytesPerReportedUnit;
}

// A number of bytes in the API's unit, rounded down: for thresholds compared with `size`.
constexpr qint64 fromBytes(qint64 bytes)
{
    return bytes < 0 ? -1 : bytes / BytesPerReportedUnit;
}

} // namespace mim::SizeUnit
