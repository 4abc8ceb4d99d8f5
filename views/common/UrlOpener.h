#pragma once

#include <functional>
#include <QUrl>

class QWidget;

namespace mim {

// Opens an address outside the app (a web page in the browser, a folder in the file manager); false when
// nothing could. Tests inject one, so that no browser starts; empty, QDesktopServices opens it.
using UrlOpener = std::function<bool(const QUrl &url)>;

// Opens `url` through `opener`. When that fails (no browser, no file manager, a remote session), the
// address is shown instead, in a message box named "openUrlFailedNotice" with a Copy button, so it can
// still be pasted elsewhere. Returns whether it opened.
bool openUrlOrShowIt(const UrlOpener &opener, const QUrl &url, QWidget *parent);

// The project's addresses, all from CMake's project(HOMEPAGE_URL), as the AppStream metainfo has them.
namespace ProjectLinks {
QUrl homepage();
// The documentation is the README the homepage shows.
QUrl documentation();
QUrl bugTracker();
} // namespace ProjectLinks

} // namespace mim
