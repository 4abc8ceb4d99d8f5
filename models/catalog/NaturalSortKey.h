#pragma once

#include <QString>

namespace mim {

// A string that sorts "naturally" under plain QString::compare: case-insensitive, and runs of digits
// ordered by their numeric value ("v2" < "v10", "IMG7" < "img08"). Computing the key once per value lets a
// sort compare thousands of rows without a collator.
//
// Digit runs become '0', a length marker from the Private Use Area and the digits without leading zeros;
// '0' keeps numbers ordered against letters and punctuation as before, the marker orders shorter numbers
// first. Keys are meant for comparison only, never for display.
QString naturalSortKey(const QString &text);

} // namespace mim
