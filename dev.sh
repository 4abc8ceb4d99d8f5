#!/usr/bin/env bash
# Developer entry point: ./dev.sh <command> [args]. Run ./dev.sh help for the list.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

DEBIAN_PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n qt6-qpa-plugins
    qtkeychain-qt6-dev libgl-dev
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
    desktop-file-utils appstream fonts-noto-cjk
    help2man lintian rpm rpmlint nsis zsh
    clang libclang-rt-14-dev
)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

cmd_deps() {
    if command -v apt-get >/dev/null 2>&1; then
        local missing=()
        for p in "${DEBIAN_PACKAGES[@]}"; do
            dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
        done
        if [ "${#missing[@]}" -eq 0 ]; then
            say "dependencies already installed"
            return 0
        fi
        say "installing: ${missing[*]}"
        as_root apt-get update
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    else
        cat <<'TXT'
This system has no apt-get. Install these yourself, then run ./dev.sh build:
  CMake >= 3.22, Ninja, a C++20 compiler (GCC >= 12 or Clang >= 14)
  Qt >= 6.4: Core Gui Widgets Network HttpServer Concurrent Svg Test LinguistTools
  QtKeychain for Qt 6
  For the headless tests: Xvfb (xvfb-run), dbus (dbus-run-session), gnome-keyring
  For the man pages: help2man. For the packaging tests: lintian, rpmbuild and rpmlint, makensis (NSIS), zsh
Fedora:  dnf install cmake ninja-build gcc-c++ qt6-qtbase-devel qt6-qthttpserver-devel qt6-qtsvg-devel \
           qt6-qttools-devel qt6-linguist qtkeychain-qt6-devel xorg-x11-server-Xvfb gnome-keyring
macOS:   brew install cmake ninja qt qtkeychain
TXT
        return 1
    fi
}

configure() { # configure <preset>
    local preset="$1"
    if [ ! -f "build/$preset/build.ninja" ]; then
        cmake --preset "$preset" >/dev/null
    fi
}

build() { # build <preset> [targets...]
    local preset="$1"; shift
    configure "$preset"
    if [ "$#" -gt 0 ]; then
        cmake --build "build/$preset" -j "$JOBS" --target "$@"
    else
        cmake --build "build/$preset" -j "$JOBS"
    fi
}

# Runs "$@" with a display (Xvfb), a private D-Bus session and an unlocked gnome-keyring, so GUI and
# keychain tests behave as on a desktop.
headless() {
    local inner
    inner=$(cat <<'INNER'
set -e
export XDG_RUNTIME_DIR="$(mktemp -d)"
export HOME_FOR_KEYRING="$(mktemp -d)"
export XDG_DATA_HOME="$HOME_FOR_KEYRING/data"
mkdir -p "$XDG_DATA_HOME/keyrings"
eval "$(printf 'throwaway-test-password' | gnome-keyring-daemon --unlock --components=secrets,pkcs11 --daemonize 2>/dev/null)"
export GNOME_KEYRING_CONTROL
export MIM_KEYCHAIN_AVAILABLE=1
"$@"
status=$?
# Never "kill 0": that would signal this whole process group, the caller included.
if [ -n "${GNOME_KEYRING_PID:-}" ]; then kill "$GNOME_KEYRING_PID" 2>/dev/null || true; fi
exit $status
INNER
)
    xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- bash -c "$inner" headless "$@"
}

cmd_build() { cmd_deps; build "${PRESET:-debug}" "$@"; }

cmd_test() {
    cmd_deps
    local preset="${PRESET:-debug}"
    [ -n "${CI:-}" ] && preset="${PRESET:-ci}"
    say "building ($preset)"
    build "$preset"
    say "running tests"
    headless ctest --test-dir "build/$preset" --output-on-failure -j "$JOBS" "$@"
}

cmd_sandbox() {
    cmd_deps
    build "${PRESET:-debug}" modelarts-sandbox
    exec "build/${PRESET:-debug}/sandbox/modelarts-sandbox" "$@"
}

cmd_demo() {
    cmd_deps
    build release modelarts-image-manager
    exec build/release/app/modelarts-image-manager --demo "$@"
}

cmd_bench() {
    cmd_deps
    build release mim-bench modelarts-sandbox modelarts-image-manager
    headless build/release/tests/benchmarks/mim-bench --sandbox build/release/sandbox/modelarts-sandbox \
        --app build/release/app/modelarts-image-manager "$@"
}

cmd_package() {
    cmd_deps
    build release
    (cd build/release && cpack -G DEB && cpack -G RPM)
    ls -1 build/release/*.deb build/release/*.rpm
}

cmd_fuzz() {
    cmd_deps
    local seconds="${FUZZ_SECONDS:-60}"
    cmake --preset fuzz >/dev/null
    cmake --build build/fuzz -j "$JOBS" --target fuzzers
    for f in build/fuzz/tests/fuzz/fuzz-*; do
        [ -x "$f" ] || continue
        say "fuzzing $(basename "$f") for ${seconds}s"
        local corpus="build/fuzz/corpus/$(basename "$f")"
        mkdir -p "$corpus" build/fuzz/artifacts
        # A crash stops here with the input saved under build/fuzz/artifacts/: fix it, then add the input
        # to tests/fuzz/corpus/<target>/ so every later run replays it first.
        "$f" -max_total_time="$seconds" -rss_limit_mb=2048 -artifact_prefix=build/fuzz/artifacts/ \
            "$corpus" "tests/fuzz/corpus/$(basename "$f")"
    done
}

cmd_format() {
    git ls-files '*.cpp' '*.h' | xargs clang-format -i
}

cmd_help() {
    cat <<'TXT'
Usage: ./dev.sh <command> [args]
  deps            install build and test dependencies (Debian/Ubuntu; prints a list elsewhere)
  build [TARGET]  build (PRESET=debug|release|asan, default debug)
  test [ARGS]     build and run every test headless (Xvfb, private D-Bus, unlocked gnome-keyring);
                  ARGS go to ctest, e.g. ./dev.sh test -R signer
  sandbox [ARGS]  run the local ModelArts sandbox server in the foreground (./dev.sh sandbox --help)
  demo [ARGS]     build Release and start the app on the built-in sandbox data
  bench [ARGS]    build Release and run the performance benchmark (mim-bench --help)
  package         build the .deb and .rpm installers into build/release
  fuzz            run each libFuzzer target for FUZZ_SECONDS (default 60)
  format          clang-format every C++ file
TXT
}

main() {
    local cmd="${1:-help}"
    shift || true
    case "$cmd" in
        deps|build|test|sandbox|demo|bench|package|fuzz|format|help) "cmd_$cmd" "$@" ;;
        *) echo "unknown command: $cmd" >&2; cmd_help >&2; exit 2 ;;
    esac
}

main "$@"
