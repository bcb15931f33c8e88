#!/usr/bin/env bash
# Build the Linux installers of KPM Desktop from a clean checkout:
#   dist/kpm-desktop/                          PyInstaller onedir bundle (kpm-desktop + kpm)
#   dist/kpm-desktop_<version>_<arch>.deb      Debian/Ubuntu package (/opt/kpm-desktop, /usr/bin launchers,
#                                              .desktop entry, icons, MIME type for .kpm files)
#   dist/KPM_Desktop-<version>-<arch>.AppImage if appimagetool is available (see below)
#
# Usage: packaging/build_linux.sh [--no-appimage]
# Environment:
#   PYTHON          interpreter for the build venv (default: python3.12, else python3)
#   KPM_BUILD_VENV  use this existing venv instead of creating build/venv-pyX.Y (must have the
#                   project's dependencies and PyInstaller installed)
#   APPIMAGETOOL    path to appimagetool (default: found on PATH). It is not in PyPI or Debian, so
#                   without it only the AppDir (dist/AppDir) is prepared.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
APPIMAGE=1
for arg in "$@"; do
    case $arg in
        --no-appimage) APPIMAGE=0 ;;
        *) echo "usage: $0 [--no-appimage]" >&2; exit 2 ;;
    esac
done

# A working Python 3.12: on PATH, else pyenv's newest 3.12 (its shim may not be enabled), else python3.
find_python312() {
    if python3.12 -c '' 2>/dev/null; then echo python3.12; return; fi
    local p
    for p in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3.12; do
        if [[ -x $p ]] && "$p" -c '' 2>/dev/null; then echo "$p"; return; fi
    done
    echo python3
}
log() { printf '[build_linux %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
T0=$(date +%s)

# -- 1. build environment --------------------------------------------------------------------
if [[ -n ${KPM_BUILD_VENV:-} ]]; then
    VENV=$KPM_BUILD_VENV
else
    PYTHON=${PYTHON:-$(find_python312)}
    PYVER=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    [[ $PYVER == 3.12 ]] || log "warning: building with Python $PYVER; releases are built with 3.12"
    VENV=$ROOT/build/venv-py$PYVER
    STAMP=$VENV/.kpm-build-stamp
    WANT=$(cat pyproject.toml packaging/constraints-build.txt | sha256sum | cut -c1-16)
    if [[ ! -f $STAMP || $(cat "$STAMP") != "$WANT" ]]; then
        log "creating build venv $VENV with $PYTHON"
        rm -rf "$VENV"
        "$PYTHON" -m venv "$VENV"
        "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
            -c packaging/constraints-build.txt -e '.[build]'
        echo "$WANT" >"$STAMP"
    fi
fi
PY=$VENV/bin/python
mkdir -p build && ln -sfn "$VENV" build/venv  # for later steps: build/venv/bin/python
VERSION=$("$PY" -c 'import kpm_desktop; print(kpm_desktop.__version__)')
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
log "KPM Desktop $VERSION, $("$PY" -c 'import sys, PySide6; print("Python", sys.version.split()[0], "PySide6", PySide6.__version__)')"

# -- 2. PyInstaller onedir bundle -------------------------------------------------------------
log "PyInstaller"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/kpm_desktop.spec
BUNDLE=dist/kpm-desktop
[[ -x $BUNDLE/kpm-desktop && -x $BUNDLE/kpm ]] || { log "bundle incomplete"; exit 1; }

# Every shared library the bundle loads must resolve: inside the bundle or from the Depends below.
missing=$(cd "$BUNDLE" && find . -type f \( -name '*.so*' -o -name kpm-desktop -o -name kpm \) \
    -exec sh -c 'LD_LIBRARY_PATH=_internal:_internal/PySide6/Qt/lib ldd "$1" 2>/dev/null | grep "not found" | sed "s|^|$1: |"' _ {} \; | sort -u)
if [[ -n $missing ]]; then
    log "unresolved libraries in the bundle:"; echo "$missing" >&2; exit 1
fi
# The oldest glibc the bundle runs on: the newest GLIBC_x.y symbol version any file asks for.
GLIBC=$(find "$BUNDLE" -type f \( -name '*.so*' -o -name kpm-desktop -o -name kpm \) -print0 |
    xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
# KPM_MAX_GLIBC (release workflow, .ci/run): refuse a bundle that needs a newer glibc than the
# oldest distribution the README promises (Ubuntu 22.04: glibc 2.35).
if [[ -n ${KPM_MAX_GLIBC:-} ]] && [[ $(printf '%s\n%s\n' "$GLIBC" "$KPM_MAX_GLIBC" | sort -V | tail -1) != "$KPM_MAX_GLIBC" ]]; then
    log "the bundle needs glibc $GLIBC, newer than $KPM_MAX_GLIBC (KPM_MAX_GLIBC):"
    find "$BUNDLE" -type f \( -name '*.so*' -o -name kpm-desktop -o -name kpm \) -print0 |
        xargs -0 -I{} sh -c 'objdump -T "$1" 2>/dev/null | grep -q "GLIBC_$2[^0-9.]" && echo "  $1"' _ {} "$GLIBC" >&2
    exit 1
fi

# -- 3. .deb ----------------------------------------------------------------------------------
log "deb"
STAGE=build/deb/kpm-desktop
rm -rf build/deb && mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" \
    "$STAGE/usr/share/applications" "$STAGE/usr/share/mime/packages" \
    "$STAGE/usr/share/doc/kpm-desktop" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
    "$STAGE/usr/share/metainfo" "$STAGE/usr/share/man/man1"
cp -a "$BUNDLE" "$STAGE/opt/kpm-desktop"
for name in kpm-desktop kpm; do
    sed "s/@NAME@/$name/g" packaging/linux/launcher.sh.in >"$STAGE/usr/bin/$name"
    chmod 0755 "$STAGE/usr/bin/$name"
done
install -m 0644 packaging/linux/kpm-desktop.desktop "$STAGE/usr/share/applications/"
install -m 0644 packaging/linux/kpm-desktop.xml "$STAGE/usr/share/mime/packages/"
install -m 0644 packaging/linux/copyright "$STAGE/usr/share/doc/kpm-desktop/"
# Debian-syntax changelog (a native package: changelog.gz); the project's own list beside it.
gzip -9n <packaging/linux/changelog >"$STAGE/usr/share/doc/kpm-desktop/changelog.gz"
gzip -9n <CHANGELOG.md >"$STAGE/usr/share/doc/kpm-desktop/CHANGELOG.md.gz"
install -m 0644 packaging/linux/de.kpm_desktop.KPMDesktop.metainfo.xml "$STAGE/usr/share/metainfo/"
# kpm(1), written from the CLI's own parser so it lists every command of this version.
"$PY" packaging/make_manpage.py | gzip -9n >"$STAGE/usr/share/man/man1/kpm.1.gz"
gzip -9n <packaging/linux/kpm-desktop.1 >"$STAGE/usr/share/man/man1/kpm-desktop.1.gz"
install -m 0644 kpm_desktop/data/icons/kpm-desktop.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/"
for size in 16 24 32 48 64 128 256 512; do
    dir=$STAGE/usr/share/icons/hicolor/${size}x${size}/apps
    mkdir -p "$dir"
    install -m 0644 "kpm_desktop/data/icons/png/kpm-desktop-$size.png" "$dir/kpm-desktop.png"
done
INSTALLED_SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@INSTALLED_SIZE@/$INSTALLED_SIZE/" \
    -e "s/@GLIBC@/$GLIBC/" packaging/linux/control.in >"$STAGE/DEBIAN/control"
find "$STAGE" -type d -exec chmod 0755 {} +
# Shared libraries need no execute bit (lintian: shared-library-is-executable).
find "$STAGE/opt" -type f -name '*.so*' -exec chmod 0644 {} +
DEB=dist/kpm-desktop_${VERSION}_${ARCH}.deb
# xz -3: 42 MB in ~35 s of CPU; -6 saves 3 MB for twice the CPU (measured, bench/README.md).
dpkg-deb --root-owner-group -Zxz -z3 --build "$STAGE" "$DEB" >/dev/null
log "$DEB: $(du -h "$DEB" | cut -f1), installed $((INSTALLED_SIZE / 1024)) MB, needs glibc >= $GLIBC"

# -- 4. AppImage ------------------------------------------------------------------------------
APPDIR=dist/AppDir
rm -rf "$APPDIR" && mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/share"
cp -a "$BUNDLE" "$APPDIR/usr/lib/kpm-desktop"
install -m 0755 packaging/linux/AppRun "$APPDIR/AppRun"
install -m 0644 packaging/linux/kpm-desktop.desktop "$APPDIR/kpm-desktop.desktop"
install -m 0644 kpm_desktop/data/icons/png/kpm-desktop-256.png "$APPDIR/kpm-desktop.png"
cp -a "$STAGE/usr/share/icons" "$STAGE/usr/share/mime" "$APPDIR/usr/share/"
TOOL=${APPIMAGETOOL:-$(command -v appimagetool || true)}
if ((APPIMAGE)) && [[ -n $TOOL ]]; then
    log "AppImage"
    APPIMAGE_FILE=dist/KPM_Desktop-${VERSION}-$(uname -m).AppImage
    ARCH=$(uname -m) "$TOOL" --no-appstream "$APPDIR" "$APPIMAGE_FILE" >/dev/null
    log "$APPIMAGE_FILE: $(du -h "$APPIMAGE_FILE" | cut -f1)"
elif ((APPIMAGE)); then
    log "AppImage skipped: appimagetool not found (not in PyPI or Debian; set APPIMAGETOOL). AppDir: $APPDIR"
fi

log "bundle $(du -sh "$BUNDLE" | cut -f1) unpacked; done in $(($(date +%s) - T0)) s"
