#pragma once

namespace mim::app {

// A Windows GUI (WIN32 subsystem) program has no console: started from cmd or PowerShell, what --help,
// --version and --self-test print goes nowhere. This attaches to the console of the program that started
// it, when there is one, and points stdout and stderr at it, leaving alone a stream already redirected to a
// file or a pipe. Elsewhere the streams are the terminal's already, and this does nothing.
// Note: cmd does not wait for a GUI program, so its prompt can appear before the text does.
void attachToParentConsole();

} // namespace mim::app
