#!/usr/bin/env bash
# CI step (called by .ci/run): build the Linux bundle and .deb exactly as a release does, unpack
# the .deb into a scratch root with dpkg -x, and check the installed app works: the GUI's
# --smoke-test offscreen, the kpm command line, the package metadata. Then measure bundle size
# and frozen vs. source start-up (bench/bench_frozen_startup.py). Ends with one
# "packaging: N passed, N failed" line; exits non-zero if any check failed.
set -uo pipefail
cd "$(dirname "$0")/.."
T0=$(date +%s)
passed=0
failed=0
check() {  # check NAME COMMAND...: run a command, count it, show its output on failure
    local name=$1
    shift
    local out
    if out=$("$@" 2>&1); then
        passed=$((passed + 1))
        printf 'packaging: ok   %s\n' "$name"
        [[ -n ${VERBOSE_CHECK:-} ]] && printf '%s\n' "$out"
    else
        failed=$((failed + 1))
        printf 'packaging: FAIL %s\n%s\n' "$name" "$out"
    fi
    return 0
}
finish() {
    echo "packaging: took $(($(date +%s) - T0)) s"
    echo "packaging: $passed passed, $failed failed"
    ((failed == 0))
    exit $?
}

# binutils (objdump, strip) and dpkg-deb come with the machine; the freedesktop tools check
# the double-click chain (.kpm -> MIME type -> .desktop entry) the way a desktop resolves it.
need=()
command -v objdump >/dev/null || need+=(binutils)
command -v dpkg-deb >/dev/null || need+=(dpkg)
command -v update-mime-database >/dev/null || need+=(shared-mime-info)
command -v update-desktop-database >/dev/null || need+=(desktop-file-utils)
command -v appstreamcli >/dev/null || need+=(appstream)
if ((${#need[@]})); then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if ! bash packaging/build_linux.sh --no-appimage 2>&1 | grep -v "required via ctypes not found\|libgtk-3\|libgdk-3"; then
    failed=$((failed + 1))
    echo "packaging: FAIL build (packaging/build_linux.sh)"
    finish
fi
passed=$((passed + 1))
echo "packaging: ok   build"
VERSION=$(build/venv/bin/python -c 'import kpm_desktop; print(kpm_desktop.__version__)')
DEB=$(ls dist/kpm-desktop_"$VERSION"_*.deb)

# -- install into a scratch root --------------------------------------------------------------
SCRATCH=$(mktemp -d /tmp/kpm-deb-root.XXXXXX)
trap 'rm -rf "$SCRATCH"' EXIT
check "dpkg -x $(basename "$DEB")" dpkg -x "$DEB" "$SCRATCH"
APP=$SCRATCH/opt/kpm-desktop
check "package metadata" bash -c '
    test "$(dpkg-deb -f "$1" Package)" = kpm-desktop &&
    test "$(dpkg-deb -f "$1" Version)" = "$2" &&
    dpkg-deb -f "$1" Depends | grep -q "libc6 (>= 2."'  _ "$DEB" "$VERSION"
check "installed files" bash -c '
    r=$1
    for f in usr/bin/kpm-desktop usr/bin/kpm opt/kpm-desktop/kpm-desktop opt/kpm-desktop/kpm \
             usr/share/applications/kpm-desktop.desktop usr/share/mime/packages/kpm-desktop.xml \
             usr/share/icons/hicolor/256x256/apps/kpm-desktop.png \
             usr/share/icons/hicolor/scalable/apps/kpm-desktop.svg; do
        test -e "$r/$f" || { echo "missing /$f"; exit 1; }
    done
    grep -q "^exec /opt/kpm-desktop/kpm-desktop " "$r/usr/bin/kpm-desktop"' _ "$SCRATCH"
VERBOSE_CHECK=1 check "installed app --smoke-test (offscreen)" \
    env QT_QPA_PLATFORM=offscreen KPM_SMOKE_SCREENSHOT=dist/smoke-test.png "$APP/kpm-desktop" --smoke-test
check "installed kpm CLI: demo + check" bash -c '
    "$1/kpm" demo "$2/cli-demo.kpm" && "$1/kpm" check "$2/cli-demo.kpm"' _ "$APP" "$SCRATCH"
# Team sync inside the bundle: psycopg with its own libpq loads, and `kpm team init` works
# against a throw-away PostgreSQL cluster (tests/team/pgcluster.py; CI installs postgresql).
VERBOSE_CHECK=1 check "bundle: psycopg + libpq (kpm --version --verbose)" bash -c '
    out=$("$1/kpm" --version --verbose) && echo "$out" &&
    grep -Eq "^psycopg .* \(binary\), libpq [0-9]+\.[0-9]+$" <<<"$out"' _ "$APP"
VERBOSE_CHECK=1 check "bundle: kpm team init against a throw-away PostgreSQL" \
    build/venv/bin/python packaging/team_smoke.py "$APP/kpm"

# The README promises Debian 12+ and Ubuntu 22.04+: the bundle may ask for no newer glibc than
# Ubuntu 22.04's 2.35 (build_linux.sh writes the newest GLIBC_ symbol version into Depends).
MAX_GLIBC=2.35
check "glibc floor <= $MAX_GLIBC (Ubuntu 22.04, README)" bash -c '
    need=$(dpkg-deb -f "$1" Depends | sed -n "s/.*libc6 (>= \([0-9.]*\)).*/\1/p")
    echo "bundle needs glibc >= $need"
    test "$(printf "%s\n%s\n" "$need" "$2" | sort -V | tail -1)" = "$2"' _ "$DEB" "$MAX_GLIBC"
check "AppStream metainfo valid (appstreamcli)" \
    appstreamcli validate --no-net "$SCRATCH/usr/share/metainfo/de.kpm_desktop.KPMDesktop.metainfo.xml"
check "man page kpm(1) and Debian changelog installed" bash -c '
    set -e
    zcat "$1/usr/share/man/man1/kpm.1.gz" | grep -q "^\.TH KPM 1"
    for cmd in demo check import export; do zcat "$1/usr/share/man/man1/kpm.1.gz" | grep -q "^\.SS $cmd\$"; done
    zcat "$1/usr/share/doc/kpm-desktop/changelog.gz" | head -1 | grep -q "^kpm-desktop ($2) "' _ "$SCRATCH" "$VERSION"

check "AppDir AppRun --smoke-test (AppImage contents)" \
    env QT_QPA_PLATFORM=offscreen dist/AppDir/AppRun --smoke-test
check "desktop entry valid" desktop-file-validate "$SCRATCH/usr/share/applications/kpm-desktop.desktop"
# A desktop resolves a double-click through the shared MIME database (glob beats SQLite's
# magic) and the mimeinfo.cache of .desktop entries: rebuild both from the installed files.
check "double-click: *.kpm -> application/x-kpm-matrix -> kpm-desktop.desktop" bash -c '
    set -e
    x=$1/xdg; mkdir -p "$x/mime/packages" "$x/applications"
    cp /usr/share/mime/packages/freedesktop.org.xml "$1/usr/share/mime/packages/kpm-desktop.xml" "$x/mime/packages/"
    cp "$1/usr/share/applications/kpm-desktop.desktop" "$x/applications/"
    update-mime-database "$x/mime"
    update-desktop-database "$x/applications"
    grep -q "^application/x-kpm-matrix=kpm-desktop.desktop;" "$x/applications/mimeinfo.cache"
    type=$(XDG_DATA_HOME=$x XDG_DATA_DIRS=$x QT_QPA_PLATFORM=offscreen build/venv/bin/python -c "
import sys
from PySide6.QtCore import QMimeDatabase
print(QMimeDatabase().mimeTypeForFile(sys.argv[1]).name())" "$1/cli-demo.kpm")
    echo "$type"; test "$type" = application/x-kpm-matrix' _ "$SCRATCH"

# -- figures ----------------------------------------------------------------------------------
echo "packaging: bundle $(du -sm dist/kpm-desktop | cut -f1) MB unpacked, $(basename "$DEB") $(du -m "$DEB" | cut -f1) MB"
VERBOSE_CHECK=1 check "start-up: frozen vs source" \
    build/venv/bin/python bench/bench_frozen_startup.py --frozen "$APP/kpm-desktop" --rounds 3
finish
