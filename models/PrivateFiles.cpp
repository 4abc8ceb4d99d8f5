#include "PrivateFiles.h"

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
    // QFileDevice's string is right when Qt saw the failure itself; it is "Unknown error" otherwise.
    if (device.error() != QFileDevice::NoError && device.error() != QFileDevice::UnspecifiedError)
        return device.errorString();
    if (savedErrno != 0)
        return qt_error_string(savedErrno);
    return device.errorString();
}

} // namespace mim::privatefiles
