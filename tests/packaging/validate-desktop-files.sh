#!/usr/bin/env bash
# Validates the configured desktop entry and AppStream metainfo with the freedesktop tools, then installs
# the desktop component into a scratch tree and validates that tree as a whole (launchable, icons).
# Fails when a tool is missing: the checks are the point of the test.
set -euo pipefail

usage() { echo "usage: $0 --app-id ID --version V --desktop FILE --metainfo FILE --build-dir DIR --icon-sizes 'N...'" >&2; exit 2; }

while [ "$#" -gt 0 ]; do
    case "$1" in
        --app-id) APP_ID="$2"; shift 2 ;;
        --version) VERSION="$2"; shift 2 ;;
        --desktop) DESKTOP="$2"; shift 2 ;;
        --metainfo) METAINFO="$2"; shift 2 ;;
        --build-dir) BUILD_DIR="$2"; shift 2 ;;
        --icon-sizes) ICON_SIZES="$2"; shift 2 ;;
        *) usage ;;
    esac
done
for v in APP_ID VERSION DESKTOP METAINFO BUILD_DIR ICON_SIZES; do
    [ -n "${!v:-}" ] || usage
done
ICON_SIZES="${ICON_SIZES//;/ }"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

for tool in desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (./dev.sh deps)" >&2; exit 1; }
done

# desktop-file-validate checks against the spec version it knows. SingleMainWindow (and with it
# Version=1.5) arrived in Desktop Entry 1.5; an older validator (Debian 12 ships 0.26, spec 1.4) reports
# exactly those two as errors. Only those two are forgiven, and only by such a validator.
validate_desktop_file() { # validate_desktop_file FILE LABEL
    local file="$1" label="$2" output spec errors unexpected
    output="$(desktop-file-validate "$file" 2>&1)" || true
    [ -n "$output" ] && printf '%s\n' "$output"
    spec="$(desktop-file-validate --help 2>&1 | sed -n 's/.*Desktop Entry specification \([0-9][0-9.]*[0-9]\).*/\1/p')"
    errors="$(printf '%s\n' "$output" | grep -E ': error: ' || true)"
    if [ -n "$spec" ] && [ "$(printf '%s\n1.5\n' "$spec" | sort -V | head -n1)" != "1.5" ]; then
        unexpected="$(printf '%s\n' "$errors" \
            | grep -v -E 'value "1\.5" for key "Version" in group "Desktop Entry" is not a known version' \
            | grep -v -E 'file contains key "SingleMainWindow" in group "Desktop Entry", but keys extending' \
            | grep -v '^$' || true)"
        [ -n "$errors" ] && echo "note: this desktop-file-validate knows spec $spec only; Desktop Entry 1.5 keys forgiven"
    else
        unexpected="$errors"
    fi
    if [ -n "$unexpected" ]; then fail "$label: desktop-file-validate errors"; else pass "$label: desktop-file-validate"; fi
    if grep -q -E ': warning: ' <<<"$output"; then fail "$label: desktop-file-validate warnings"; fi
}

validate_metainfo() { # validate_metainfo FILE LABEL
    local file="$1" label="$2" output status=0
    output="$(appstreamcli validate --no-net --pedantic --no-color "$file" 2>&1)" || status=$?
    printf '%s\n' "$output"
    # Errors and warnings fail; pedantic hints and infos are shown but accepted.
    if [ "$status" -ne 0 ] || grep -q -E '^[EW]: ' <<<"$output"; then
        fail "$label: appstreamcli validate"
    else
        pass "$label: appstreamcli validate"
    fi
}

# Width and height of a PNG from its IHDR chunk, or nothing when the file is not a PNG.
png_size() {
    local -a b
    read -r -a b < <(od -An -v -tu1 -N24 "$1" | tr -s ' \n' '  ')
    [ "${#b[@]}" -eq 24 ] && [ "${b[1]}${b[2]}${b[3]}" = "807871" ] || return 0
    echo "$(((b[16] << 24) | (b[17] << 16) | (b[18] << 8) | b[19])) $(((b[20] << 24) | (b[21] << 16) | (b[22] << 8) | b[23]))"
}

[ -f "$DESKTOP" ] || { echo "FAIL: $DESKTOP was not configured" >&2; exit 1; }
[ -f "$METAINFO" ] || { echo "FAIL: $METAINFO was not configured" >&2; exit 1; }

validate_desktop_file "$DESKTOP" "configured desktop file"
validate_metainfo "$METAINFO" "configured metainfo"

# The values the rest of the system keys on.
grep -qx "Icon=$APP_ID" "$DESKTOP" || fail "desktop file: Icon is not $APP_ID"
grep -qx "Exec=modelarts-image-manager" "$DESKTOP" || fail "desktop file: Exec is not the executable"
grep -qx "StartupWMClass=modelarts-image-manager" "$DESKTOP" || fail "desktop file: StartupWMClass"
grep -q "^Name\[zh_CN\]=" "$DESKTOP" || fail "desktop file: no Chinese Name"
grep -q "<id>$APP_ID</id>" "$METAINFO" || fail "metainfo: id is not $APP_ID"
grep -q "<launchable type=\"desktop-id\">$APP_ID.desktop</launchable>" "$METAINFO" || fail "metainfo: launchable"
# A version bump must come with its release notes.
grep -q "<release version=\"$VERSION\"" "$METAINFO" || fail "metainfo: no <release> for version $VERSION"
if grep -q '@[A-Z_]*@' "$DESKTOP" "$METAINFO"; then fail "an @VARIABLE@ was left unconfigured"; fi

# Install only the desktop component (no build needed) and validate the installed tree.
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
if DESTDIR="$STAGE" cmake --install "$BUILD_DIR" --component desktop --prefix /usr >"$STAGE.log" 2>&1; then
    rm -f "$STAGE.log"
    share="$STAGE/usr/share"
    for size in $ICON_SIZES; do
        png="$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
        if [ ! -f "$png" ]; then
            fail "not installed: ${png#"$STAGE"}"
        elif [ "$(png_size "$png")" != "$size $size" ]; then
            fail "${png#"$STAGE"} is not a $size x $size PNG (found: $(png_size "$png"))"
        fi
    done
    [ -f "$share/icons/hicolor/scalable/apps/$APP_ID.svg" ] || fail "scalable icon not installed"
    [ -f "$share/applications/$APP_ID.desktop" ] || fail "desktop file not installed"
    [ -f "$share/metainfo/$APP_ID.metainfo.xml" ] || fail "metainfo not installed"
    validate_desktop_file "$share/applications/$APP_ID.desktop" "installed desktop file"
    output="$(appstreamcli validate-tree --no-net --no-color "$STAGE/usr" 2>&1)" && status=0 || status=$?
    printf '%s\n' "$output"
    if [ "$status" -ne 0 ] || grep -q -E '^[EW]: ' <<<"$output"; then
        fail "appstreamcli validate-tree"
    else
        pass "appstreamcli validate-tree"
    fi
else
    cat "$STAGE.log" >&2
    rm -f "$STAGE.log"
    fail "cmake --install --component desktop"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "desktop files: all checks passed"
