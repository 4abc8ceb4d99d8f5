#pragma once

#include <QFile>
#include <QString>

class QFileDevice;
class QSettings;

namespace mim {

// The app's own files (journal, log, settings, exports) name accounts, endpoints and images: only their
// owner may read them. On Unix, files are 0600 and the app's folders 0700; elsewhere these do nothing more
// than create what is asked for.
namespace privatefiles {

inline constexpr QFile::Permissions FilePermissions = QFile::ReadOwner | QFile::WriteOwner;
inline constexpr QFile::Permissions FolderPermissions =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

// Creates the folder (and any missing parent) and makes the folder itself private; parents that existed
// already are left as they are.
bool makeDirectory(const QString &path);
// Makes an existing file private.
bool makeFile(const QString &path);
// Makes the settings' file private, and its folder, creating an empty file first when there is none yet so
// that QSettings, which keeps the mode of the file it replaces, never writes it readable by others.
void makeSettings(QSettings &settings);

// Why an operation on the device failed, with the operating system's reason ("No space left on device"),
// also when Qt's own error string knows nothing (an fsync failure, for example). Set errno to 0 before the
// operation and pass it right after the failure.
QString errorString(const QFileDevice &device, int savedErrno);

} // namespace privatefiles
} // namespace mim
