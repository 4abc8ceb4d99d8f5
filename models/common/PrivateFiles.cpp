#include "models/common/PrivateFiles.h"

#include <QDir>
#include <QFileDevice>
#include <QFileInfo>
#include <QSettings>

namespace mim::privatefiles {

bool makeDirectory(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
#if defined(Q_OS_UNIX)
    return QFile::setPermissions(path, FolderPermissions);
#else
    return true;
#endif
}

bool makeFile(const QString &path)
{
#if defined(Q_OS_UNIX)
    return QFile::setPermissions(path, FilePermissions);
#else
    Q_UNUSED(path)
    return true;
#endif
}

void makeSettings(QSettings &settings)
{
    const QString path = settings.fileName();
    if (path.isEmpty() || !QFileInfo(path).isAbsolute())
        return; // not a file (the Windows registry, for one)
    makeDirectory(QFileInfo(path).absolutePath());
    if (!QFileInfo::exists(path)) {
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly, FilePermissions))
            file.close();
    }
    makeFile(path);
}

QString errorString(const QFileDevice &device, int savedErrno)
{
    // Qt's string is "Unknown error" when the failure happened below it (a short write during a flush, an
    // fsync): the system's own reason, kept by the caller, is the one the user needs.
    if (savedErrno != 0)
        return qt_error_string(savedErrno);
    return device.errorString();
}

} // namespace mim::privatefiles
