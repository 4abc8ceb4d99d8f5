#!/usr/bin/env bash
# The DEB end to end: build it with CPack from this build tree, check it with lintian (any error or warning
# fails; packaging/linux/debian/lintian-overrides lists what is accepted, and why), install it with
# apt-get, run the installed application (--version, then --demo --self-test offscreen), complete with the
# installed bash completion, remove it and check that nothing is left.
# Exit 77 (skipped) without root or passwordless sudo, or without lintian. Leaves the system as it found it.
set -euo pipefail

usage() {
    echo "usage: $0 --build-dir DIR --cpack CPACK --package NAME --version V --app-id ID" \
        "--executable NAME --sandbox-executable NAME --icon-sizes 'N...'" \
        "--changelog FILE --zsh-completion-dir DIR" >&2
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
        --changelog) CHANGELOG="$2"; shift 2 ;;
        --zsh-completion-dir) ZSH_COMPLETION_DIR="$2"; shift 2 ;;
        *) usage ;;
    esac
done
for v in BUILD_DIR CPACK PACKAGE VERSION APP_ID EXECUTABLE SANDBOX ICON_SIZES CHANGELOG ZSH_COMPLETION_DIR; do
    [ -n "${!v:-}" ] || usage
done
ICON_SIZES="${ICON_SIZES//;/ }"

say() { printf '==> %s\n' "$*"; }
die() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

if ! command -v apt-get >/dev/null || ! command -v dpkg >/dev/null; then
    echo "SKIP: not a dpkg/apt system"
    exit 77
fi
if [ "$(id -u)" -eq 0 ]; then
    AS_ROOT=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    AS_ROOT=(sudo -n)
else
    echo "SKIP: installing a package needs root or passwordless sudo"
    exit 77
fi
if ! command -v lintian >/dev/null; then
    echo "SKIP: lintian is not installed (./dev.sh deps installs it)"
    exit 77
fi
as_root() { "${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive "$@"; }
# Wait for dpkg's lock instead of failing when something else is installing at the same moment.
apt_get() { as_root apt-get -o DPkg::Lock::Timeout=300 "$@"; }

is_installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$PACKAGE" 2>/dev/null || true)" = "installed" ]
}

# Several build trees on one machine share the one system: one test run at a time installs the package.
if command -v flock >/dev/null; then
    exec 9>>"${TMPDIR:-/tmp}/modelarts-image-manager-deb-test.lock"
    flock --wait 300 9 || die "another test_deb_install run holds the lock"
fi

WORK="$(mktemp -d)"
chmod 755 "$WORK" # apt's download user (_apt) reads the .deb from here
installed_by_us=0
cleanup() {
    if [ "$installed_by_us" -eq 1 ] && is_installed; then
        apt_get remove -y "$PACKAGE" >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# A previous run that died half-way may have left the package behind: start from a clean system.
if is_installed; then
    say "removing $PACKAGE left installed by an earlier run"
    apt_get remove -y "$PACKAGE"
fi
# Never overwrite a file that some other installation put there.
for f in "/usr/bin/$EXECUTABLE" "/usr/bin/$SANDBOX" "/usr/share/applications/$APP_ID.desktop"; do
    if [ -e "$f" ]; then
        owner="$(dpkg -S "$f" 2>/dev/null || true)"
        die "$f already exists (${owner:-not from a package}); refusing to overwrite it"
    fi
done

say "building the package with CPack"
"$CPACK" --config "$BUILD_DIR/CPackConfig.cmake" -G DEB -B "$WORK/out" >"$WORK/cpack.log" 2>&1 \
    || { cat "$WORK/cpack.log" >&2; die "cpack -G DEB failed"; }
shopt -s nullglob
debs=("$WORK"/out/"${PACKAGE}"_*.deb)
shopt -u nullglob
[ "${#debs[@]}" -eq 1 ] || { cat "$WORK/cpack.log" >&2; die "expected one ${PACKAGE}_*.deb, found ${#debs[@]}"; }
DEB="${debs[0]}"
say "built $(basename "$DEB")"

# The control data a Debian user sees.
control() { dpkg-deb --field "$DEB" "$1"; }
[ "$(control Package)" = "$PACKAGE" ] || die "Package is $(control Package)"
[[ "$(control Version)" == "$VERSION"-* ]] || die "Version $(control Version) is not $VERSION-<release>"
[ "$(control Section)" = "utils" ] || die "Section is '$(control Section)'"
maintainer="$(control Maintainer)"
[[ "$maintainer" =~ ^.+\ \<[^@]+@[^@]+\>$ ]] || die "Maintainer '$maintainer' is not 'Name <email>'"
# Debian policy 3.3: the maintainer address must receive mail.
[[ "$maintainer" == *noreply* || "$maintainer" == *no-reply* ]] && die "Maintainer '$maintainer' cannot receive mail"
description="$(control Description)"
[ "$(printf '%s\n' "$description" | wc -l)" -ge 2 ] || die "Description has no long description"
depends="$(control Depends)"
echo "Depends: $depends"
for lib in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6keychain1 libqt6svg6; do
    re="(^|[ ,])$lib([ ,(]|$)"
    [[ "$depends" =~ $re ]] || die "Depends lacks $lib"
done
# Each package once: alternatives ("a | b") aside, a name listed twice is a packaging mistake.
twice="$(printf '%s\n' "$depends" | tr ',' '\n' | grep -v '|' | sed -E 's/^ *([^ (]+).*/\1/' | sort | uniq -d)"
[ -z "$twice" ] || die "Depends lists more than once: $twice"
dpkg-deb --contents "$DEB" >"$WORK/contents"
grep -q " ./usr/bin/$EXECUTABLE$" "$WORK/contents" || die "the package has no /usr/bin/$EXECUTABLE"

# The Debian changelog: shipped compressed, its newest entry is this package's version, by its maintainer.
dpkg-deb -x "$DEB" "$WORK/tree"
shipped="$WORK/tree/usr/share/doc/$PACKAGE/changelog.Debian.gz"
[ -f "$shipped" ] || die "the package has no /usr/share/doc/$PACKAGE/changelog.Debian.gz"
cmp -s <(gzip -dc "$shipped") "$CHANGELOG" || die "changelog.Debian.gz is not $CHANGELOG"
top="$(head -n1 "$CHANGELOG")"
[[ "$top" == "$PACKAGE ($(control Version))"* ]] \
    || die "the newest changelog entry '$top' is not $PACKAGE ($(control Version)): add an entry for it"
trailer="$(grep -m1 '^ -- ' "$CHANGELOG")"
[[ "$trailer" == " -- $maintainer  "* ]] || die "the newest changelog entry is not signed by $maintainer"

# lintian: errors and warnings fail, overrides must say why. Info tags are shown too, so that hardening
# is checked: every hardening-* tag fails except hardening-no-fortify-functions, which lintian reports for
# a binary without one fortified call. A Debug tree (the ci preset's) has no _FORTIFY_SOURCE at all (it
# needs optimisation), and an optimised build can have nothing to fortify: the Release sandbox's
# memcpy/memset calls all have sizes known only at run time.
overrides="$WORK/tree/usr/share/lintian/overrides/$PACKAGE"
[ -f "$overrides" ] || die "the package has no /usr/share/lintian/overrides/$PACKAGE"
awk 'BEGIN { reason = 0 }
     /^#/ { if ($0 ~ /^# *[^ ]/) reason = 1; next }
     /^[ \t]*$/ { next }
     { if (!reason) { print "lintian override without a reason above it: " $0; bad = 1 } reason = 0 }
     END { exit bad }' "$overrides" || die "every lintian override needs a comment saying why"
say "lintian $(basename "$DEB"), with these overrides:"
grep -v -E '^#|^[[:space:]]*$' "$overrides" || true
status=0
# (--show-overrides would make lintian exit 2 whenever an override applies.)
lintian --display-info --fail-on error,warning "$DEB" >"$WORK/lintian.log" 2>&1 || status=$?
cat "$WORK/lintian.log"
[ "$status" -eq 0 ] || die "lintian reports errors or warnings (exit $status)"
grep -E '^[EW]: ' "$WORK/lintian.log" && die "lintian reports errors or warnings"
hardening="$(grep -E '^[EWIP]: [^ ]+: hardening-' "$WORK/lintian.log" | grep -v 'hardening-no-fortify-functions' || true)"
[ -z "$hardening" ] || die "not hardened: $hardening"

say "installing with apt-get"
installed_by_us=1
apt_get install -y --no-install-recommends "$DEB" >"$WORK/apt.log" 2>&1 \
    || { cat "$WORK/apt.log" >&2; die "apt-get install failed"; }
is_installed || die "dpkg does not list $PACKAGE as installed"
dpkg -L "$PACKAGE" >"$WORK/files"

expected=(
    "/usr/bin/$EXECUTABLE"
    "/usr/bin/$SANDBOX"
    "/usr/share/applications/$APP_ID.desktop"
    "/usr/share/metainfo/$APP_ID.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
    "/usr/share/doc/$PACKAGE/copyright"
    "/usr/share/doc/$PACKAGE/THIRD-PARTY-NOTICES.md"
    "/usr/share/doc/$PACKAGE/changelog.Debian.gz"
    "/usr/share/man/man1/$EXECUTABLE.1.gz"
    "/usr/share/man/man1/$SANDBOX.1.gz"
    "/usr/share/bash-completion/completions/$EXECUTABLE"
    "/usr/$ZSH_COMPLETION_DIR/_$EXECUTABLE"
    "/usr/share/lintian/overrides/$PACKAGE"
)
for size in $ICON_SIZES; do expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"); done
for f in "${expected[@]}"; do
    grep -qx "$f" "$WORK/files" || die "dpkg -L $PACKAGE does not list $f"
    [ -f "$f" ] || die "$f is listed but not on disk"
done
[ -x "/usr/bin/$EXECUTABLE" ] || die "/usr/bin/$EXECUTABLE is not executable"

# Run the installed copy with a throwaway home, so nothing of this test lands in the real one.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" \
    XDG_CACHE_HOME="$WORK/home/.cache" XDG_RUNTIME_DIR="$WORK/runtime" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

say "/usr/bin/$EXECUTABLE --version"
version_output="$(timeout 60 "/usr/bin/$EXECUTABLE" --version 2>&1)" || die "--version failed: $version_output"
echo "$version_output"
[[ "$version_output" == *"$VERSION"* ]] || die "--version does not print $VERSION"

say "/usr/bin/$EXECUTABLE --demo --self-test"
status=0
timeout 180 "/usr/bin/$EXECUTABLE" --demo --self-test >"$WORK/selftest.log" 2>&1 || status=$?
cat "$WORK/selftest.log"
[ "$status" -eq 0 ] || die "--demo --self-test exited with $status"
grep -qE 'self-test: loaded [0-9]+ images in [0-9]+ ms' "$WORK/selftest.log" \
    || die "--demo --self-test did not report 'self-test: loaded N images in T ms'"
grep -qE 'self-test: loaded 0 images' "$WORK/selftest.log" && die "the demo loaded no images"

say "/usr/bin/$SANDBOX --help"
timeout 30 "/usr/bin/$SANDBOX" --help >"$WORK/sandbox.log" 2>&1 || { cat "$WORK/sandbox.log"; die "$SANDBOX --help failed"; }

say "man pages"
for program in "$EXECUTABLE" "$SANDBOX"; do
    page="$(gzip -dc "/usr/share/man/man1/$program.1.gz")"
    grep -q '^\.SH NAME' <<<"$page" || die "$program.1 has no NAME section"
    grep -q -F -e '\-\-help' <<<"$page" || die "$program.1 does not list --help"
    grep -q "$WORK\|/build/" <<<"$page" && die "$program.1 names the build tree"
done
gzip -dc "/usr/share/man/man1/$EXECUTABLE.1.gz" | grep -q 'self\\-test' || die "$EXECUTABLE.1 lacks --self-test"

say "bash completion"
completion="$(bash -c 'source "$1"; COMP_WORDS=("$2" --log-level ""); COMP_CWORD=2; _modelarts_image_manager
    printf "%s\n" "${COMPREPLY[@]}"' bash "/usr/share/bash-completion/completions/$EXECUTABLE" "$EXECUTABLE")"
[ "$(printf '%s\n' "$completion" | sort | tr '\n' ' ')" = "debug info warning " ] \
    || die "the installed bash completion completes --log-level with: $completion"

say "removing with apt-get"
apt_get remove -y "$PACKAGE" >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log" >&2; die "apt-get remove failed"; }
installed_by_us=0
is_installed && die "$PACKAGE is still installed"
left=()
while IFS= read -r f; do
    # Directories such as /usr/bin are shared with other packages; files must all be gone.
    if [ -e "$f" ] && [ ! -d "$f" ]; then left+=("$f"); fi
done <"$WORK/files"
[ "${#left[@]}" -eq 0 ] || die "left behind after removal: ${left[*]}"
[ -d "/usr/share/doc/$PACKAGE" ] && die "/usr/share/doc/$PACKAGE is left behind"

echo "deb install: all checks passed"
