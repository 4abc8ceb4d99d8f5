#!/usr/bin/env bash
# The Windows installer's NSIS script compiles: cpack -G NSIS from this build tree with Debian's makensis.
# The installer holds this machine's files, so it is not one to ship; the point is that CPack's settings
# (packaging/CMakeLists.txt) give a script makensis accepts. Exit 77 (skipped) without makensis.
set -euo pipefail

[ "$#" -eq 4 ] && [ "$1" = "--build-dir" ] && [ "$3" = "--cpack" ] || { echo "usage: $0 --build-dir DIR --cpack CPACK" >&2; exit 2; }
BUILD_DIR="$2"
CPACK="$4"

if ! command -v makensis >/dev/null; then
    echo "SKIP: makensis is not installed (./dev.sh deps installs nsis)"
    exit 77
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
if ! "$CPACK" --config "$BUILD_DIR/CPackConfig.cmake" -G NSIS -B "$WORK/out" >"$WORK/cpack.log" 2>&1; then
    cat "$WORK/cpack.log" >&2
    cat "$WORK"/out/_CPack_Packages/*/NSIS/NSISOutput.log >&2 2>/dev/null || true
    echo "FAIL: makensis rejected the NSIS script" >&2
    exit 1
fi
shopt -s nullglob
installers=("$WORK"/out/*.exe)
[ "${#installers[@]}" -eq 1 ] || { cat "$WORK/cpack.log" >&2; echo "FAIL: expected one installer" >&2; exit 1; }
[ "$(head -c 2 "${installers[0]}")" = "MZ" ] || { echo "FAIL: $(basename "${installers[0]}") is not a Windows executable" >&2; exit 1; }
echo "nsis: $(basename "${installers[0]}") built"
