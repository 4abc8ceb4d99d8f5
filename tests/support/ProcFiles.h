#pragma once

#include <QByteArray>

namespace mim::test {

// A file of /proc, whole (they report a size of 0); empty where there is none.
QByteArray readProcFile(const char *path);
// The value of "Key:   value unit" in /proc/meminfo or /proc/self/status, as a number; -1 when absent.
double procField(const QByteArray &text, const QByteArray &key);
// The resident set of this process in MB (VmRSS); -1 where /proc does not say.
double residentSetMb();

} // namespace mim::test
