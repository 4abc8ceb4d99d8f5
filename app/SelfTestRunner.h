#pragma once

#include "CommandLine.h"

namespace mim::app {

class Logger;

// Runs --self-test for the connection the command line names (demo, environment, or a saved profile whose
// secrets come from the keychain) and returns the process exit code: 0 success, 1 failure, 2 bad usage.
int runSelfTest(const LaunchOptions &options, Logger *logger);

} // namespace mim::app
