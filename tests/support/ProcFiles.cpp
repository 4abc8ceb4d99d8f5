#include "ProcFiles.h"

#include <QFile>
#include <QString>

namespace mim::test {

QByteArray readProcFile(const char *path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // /proc files report a size of 0: read until the end.
    return file.readAll();
}

double procField(const QByteArray &text, const QByteArray &key)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(QByteArray(key + ':')))
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toDouble();
    }
    return -1;
}

double residentSetMb()
{
    const double kb = procField(readProcFile("/proc/self/status"), "VmRSS");
    return kb < 0 ? -1 : kb / 1024.0;
}

} // namespace mim::test
