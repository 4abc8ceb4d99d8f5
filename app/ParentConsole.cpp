#include "ParentConsole.h"

#include <QtGlobal>

#if defined(Q_OS_WIN)
#include <cstdio>
#include <windows.h>
#endif

namespace mim::app {

#if defined(Q_OS_WIN)

namespace {

// A handle the C runtime can already write to: a file or a pipe the caller redirected the stream to.
bool isRedirected(DWORD stream)
{
    const HANDLE handle = GetStdHandle(stream);
    return handle != nullptr && handle != INVALID_HANDLE_VALUE && GetFileType(handle) != FILE_TYPE_UNKNOWN;
}

} // namespace

void attachToParentConsole()
{
    const bool outRedirected = isRedirected(STD_OUTPUT_HANDLE);
    const bool errRedirected = isRedirected(STD_ERROR_HANDLE);
    if (outRedirected && errRedirected)
        return;
    // Fails when started from Explorer (no parent console): then there is nobody to read the text anyway.
    if (!AttachConsole(ATTACH_PARENT_PROCESS))
        return;
    FILE *reopened = nullptr;
    if (!outRedirected && freopen_s(&reopened, "CONOUT$", "w", stdout) == 0)
        setvbuf(stdout, nullptr, _IONBF, 0);
    if (!errRedirected && freopen_s(&reopened, "CONOUT$", "w", stderr) == 0)
        setvbuf(stderr, nullptr, _IONBF, 0);
}

#else

void attachToParentConsole() {}

#endif

} // namespace mim::app
