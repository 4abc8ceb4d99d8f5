#!/usr/bin/env bash
# The RPM as far as a Debian machine allows: build it with CPack from this build tree, check its metadata
# (rpm -qip), its exact file list, ownership and modes (rpm -qlp), its changelog and requirements, run
# rpmlint with packaging/linux/rpm/rpmlint.toml (every accepted report is documented there), then install it
# into a scratch root with rpm --nodeps (the Qt libraries come from Debian here, not from RPMs), run the
# installed executables, verify and erase it. Exit 77 (skipped) without rpmbuild or rpmlint.
set -euo pipefail

usage() {
    echo "usage: $0 --build-dir DIR --cpack CPACK --package NAME --version V --app-id ID --executable NAME" \
        "--sandbox-executable NAME --icon-sizes 'N...' --rpmlint-config FILE --zsh-completion-dir DIR" \
        "--maintainer 'NAME <ADDRESS>'" >&2
    exit 2
}

while [ "$#" -gt 0 ]; do
    case "$1" in
        --build-dir) BUILD_DIR="$2"; shift 2 ;;
        --cpack) CPACK="$2"; shift 2 ;;
        --package) PACKAGE="$2"; shift 2 ;;
        --version) VERSION="$2"; shift 2 ;;
        --app-id) APP_ID="$2"; shift 2 ;;
        --executable) EXECUTABLE="$2"; shift 2 ;;
        --sandbox-executable) SANDBOX="$2"; shift 2 ;;
        --icon-sizes) ICON_SIZES="$2"; shift 2 ;;
        --rpmlint-config) RPMLINT_CONFIG="$2"; shift 2 ;;
        --zsh-completion-dir) ZSH_COMPLETION_DIR="$2"; shift 2 ;;
        --maintainer) MAINTAINER="$2"; shift 2 ;;
        *) usage ;;
    esac
done
for v in BUILD_DIR CPACK PACKAGE VERSION APP_ID EXECUTABLE SANDBOX ICON_SIZES RPMLINT_CONFIG \
    ZSH_COMPLETION_DIR MAINTAINER; do
    [ -n "${!v:-}" ] || usage
done
ICON_SIZES="${ICON_SIZES//;/ }"

say() { printf '==> %s\n' "$*"; }
die() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

for tool in rpmbuild rpm rpmlint; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (./dev.sh deps installs it)"
        exit 77
    fi
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

say "building the package with CPack"
"$CPACK" --config "$BUILD_DIR/CPackConfig.cmake" -G RPM -B "$WORK/out" >"$WORK/cpack.log" 2>&1 \
    || { cat "$WORK/cpack.log" >&2; die "cpack -G RPM failed"; }
shopt -s nullglob
rpms=("$WORK"/out/"${PACKAGE}"-*.rpm)
shopt -u nullglob
[ "${#rpms[@]}" -eq 1 ] || { cat "$WORK/cpack.log" >&2; die "expected one ${PACKAGE}-*.rpm, found ${#rpms[@]}"; }
RPM="${rpms[0]}"
arch="$(rpm -qp --qf '%{ARCH}' "$RPM")"
[ "$(basename "$RPM")" = "$PACKAGE-$VERSION-1.$arch.rpm" ] \
    || die "file name $(basename "$RPM") is not $PACKAGE-$VERSION-1.$arch.rpm (rpm's own naming)"
say "built $(basename "$RPM")"

say "rpm -qip"
rpm -qip "$RPM" | tee "$WORK/info"
field() { rpm -qp --qf "%{$1}" "$RPM"; }
[ "$(field NAME)" = "$PACKAGE" ] || die "Name is $(field NAME)"
[ "$(field VERSION)" = "$VERSION" ] || die "Version is $(field VERSION)"
[ "$(field RELEASE)" = "1" ] || die "Release is $(field RELEASE)"
[ "$(field LICENSE)" = "MIT" ] || die "License is '$(field LICENSE)'"
[[ "$(field URL)" == https://* ]] || die "URL is '$(field URL)'"
[ "$(field PACKAGER)" = "$MAINTAINER" ] || die "Packager is '$(field PACKAGER)', not $MAINTAINER"
[ -n "$(field VENDOR)" ] && [ "$(field VENDOR)" != "(none)" ] || die "no Vendor"
summary="$(field SUMMARY)"
[ -n "$summary" ] && [[ "$summary" != *. ]] || die "Summary '$summary' is empty or ends with a full stop"
[ "$(field DESCRIPTION | wc -l)" -ge 2 ] || die "Description has no long description"
[ "$(field DESCRIPTION | awk 'length > 79' | wc -l)" -eq 0 ] || die "Description has lines over 79 characters"
[ "$(field PREFIXES)" = "(none)" ] || die "the package is relocatable ($(field PREFIXES))"

say "rpm -qp --changelog"
rpm -qp --changelog "$RPM" | tee "$WORK/changelog" | head -n 3
head -n1 "$WORK/changelog" | grep -q -- " - $VERSION-1$" || die "the newest %changelog entry is not $VERSION-1"

say "rpm -qp --requires"
rpm -qp --requires "$RPM" >"$WORK/requires"
for lib in libQt6Core.so.6 libQt6Gui.so.6 libQt6Widgets.so.6 libQt6Network.so.6 libQt6Svg.so.6 \
    libqt6keychain.so.1; do
    grep -q "^$lib()" "$WORK/requires" || die "Requires lacks $lib (AutoReq)"
done

say "rpm -qlp"
rpm -qp --qf '[%{FILEMODES:perms} %{FILEUSERNAME}:%{FILEGROUPNAME} %{FILENAMES}\n]' "$RPM" | tee "$WORK/files"
expected=(
    "/usr/bin/$EXECUTABLE"
    "/usr/bin/$SANDBOX"
    "/usr/share/applications/$APP_ID.desktop"
    "/usr/share/metainfo/$APP_ID.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
    "/usr/share/doc/$PACKAGE"
    "/usr/share/doc/$PACKAGE/copyright"
    "/usr/share/doc/$PACKAGE/THIRD-PARTY-NOTICES.md"
    "/usr/share/man/man1/$EXECUTABLE.1.gz"
    "/usr/share/man/man1/$SANDBOX.1.gz"
    "/usr/share/bash-completion/completions/$EXECUTABLE"
    "/usr/$ZSH_COMPLETION_DIR/_$EXECUTABLE"
)
for size in $ICON_SIZES; do expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"); done
# rpmbuild adds build-id links to the executables (Fedora does the same); everything else is ours.
actual="$(awk '{print $3}' "$WORK/files" | grep -v '^/usr/lib/\.build-id\(/\|$\)' | sort)"
wanted="$(printf '%s\n' "${expected[@]}" | sort)"
if [ "$actual" != "$wanted" ]; then
    diff <(printf '%s\n' "$wanted") <(printf '%s\n' "$actual") >&2 || true
    die "the file list is not the expected one (< missing, > unexpected)"
fi
awk '$2 != "root:root" { print; bad = 1 } END { exit bad }' "$WORK/files" || die "files not owned by root:root"
for exe in "$EXECUTABLE" "$SANDBOX"; do
    grep -q "^-rwxr-xr-x root:root /usr/bin/$exe$" "$WORK/files" || die "/usr/bin/$exe is not -rwxr-xr-x"
done
awk '$1 ~ /^-/ && $3 !~ /^\/usr\/bin\// && $1 != "-rw-r--r--" { print; bad = 1 } END { exit bad }' \
    "$WORK/files" || die "data files that are not -rw-r--r--"

say "rpmlint"
status=0
rpmlint -c "$RPMLINT_CONFIG" "$RPM" >"$WORK/rpmlint.log" 2>&1 || status=$?
cat "$WORK/rpmlint.log"
[ "$status" -eq 0 ] || die "rpmlint failed (exit $status)"
grep -q " 0 errors, 0 warnings" "$WORK/rpmlint.log" || die "rpmlint reports errors or warnings"

# A scratch root: rpm keeps its database there, nothing of the system changes. --nodeps because this
# machine's Qt comes from Debian packages that rpm does not know; the executables still find it.
say "installing into a scratch root"
ROOT="$WORK/root"
mkdir -p "$ROOT"
rpm --root "$ROOT" --initdb
rpm --root "$ROOT" -i --nodeps --noscripts "$RPM" 2>&1 | grep -v -e 'use Alien' -e 'know what you are doing' || true
rpm --root "$ROOT" -q "$PACKAGE" >/dev/null || die "rpm does not list $PACKAGE as installed"
rpm --root "$ROOT" -V --nodeps "$PACKAGE" || die "rpm -V finds installed files changed"
for f in "${expected[@]}"; do
    [ -e "$ROOT$f" ] || die "$f is not installed"
done
version_output="$(HOME="$WORK" XDG_CONFIG_HOME="$WORK/config" timeout 60 "$ROOT/usr/bin/$EXECUTABLE" --version 2>&1)" \
    || die "the installed $EXECUTABLE --version failed: $version_output"
[[ "$version_output" == *"$VERSION"* ]] || die "--version does not print $VERSION: $version_output"
timeout 30 "$ROOT/usr/bin/$SANDBOX" --help >/dev/null 2>&1 || die "the installed $SANDBOX --help failed"

say "erasing"
rpm --root "$ROOT" -e --nodeps --noscripts "$PACKAGE" 2>&1 | grep -v -e 'use Alien' -e 'know what you are doing' || true
rpm --root "$ROOT" -q "$PACKAGE" >/dev/null 2>&1 && die "$PACKAGE is still installed"
for f in "${expected[@]}"; do
    [ -e "$ROOT$f" ] && die "$f is left behind after erasing"
done

echo "rpm package: all checks passed"
