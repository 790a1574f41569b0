#!/usr/bin/env bash
# Makes Voice_Console-VERSION-x86_64.AppImage from a build folder, on a release runner:
#   linuxdeploy + linuxdeploy-plugin-qt collect the Qt libraries, plugins and translations the three
#   programs load into an AppDir (with packaging/appimage/AppRun, which dispatches to voicectl and
#   voice-sandbox), and appimagetool packs it with a fixed type-2 runtime.
# The tools are pinned: the workflow passes each one's URL and SHA-256 in the environment
# (LINUXDEPLOY_URL/_SHA256, LINUXDEPLOY_QT_URL/_SHA256, APPIMAGETOOL_URL/_SHA256,
# APPIMAGE_RUNTIME_URL/_SHA256); a download whose checksum differs stops the release.
# Usage: make-appimage.sh BUILD_DIR OUTPUT_DIR    (QMAKE must name the Qt to bundle)
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 BUILD_DIR OUTPUT_DIR" >&2; exit 2; }
build=$(realpath "$1")
out=$(realpath -m "$2")
cd "$(dirname "$0")/../.."
repo=$PWD
tools="$build/appimage-tools"
appdir="$build/AppImage.AppDir"
mkdir -p "$tools" "$out"

fetch() { # NAME URL SHA256
  local name=$1 url=$2 sum=$3
  curl -fsSL --retry 3 -o "$tools/$name" "$url"
  echo "$sum  $tools/$name" | sha256sum --check --strict --quiet - || {
    echo "$name: checksum differs from the pinned one ($url)" >&2; exit 1; }
  chmod +x "$tools/$name"
}
fetch linuxdeploy "$LINUXDEPLOY_URL" "$LINUXDEPLOY_SHA256"
fetch linuxdeploy-plugin-qt "$LINUXDEPLOY_QT_URL" "$LINUXDEPLOY_QT_SHA256"
fetch appimagetool "$APPIMAGETOOL_URL" "$APPIMAGETOOL_SHA256"
fetch runtime "$APPIMAGE_RUNTIME_URL" "$APPIMAGE_RUNTIME_SHA256"

rm -rf "$appdir"
DESTDIR="$appdir" cmake --install "$build" --prefix /usr >/dev/null
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")

# Hosted runners have no FUSE: the tools run extracted.
export APPIMAGE_EXTRACT_AND_RUN=1 PATH="$tools:$PATH"
: "${QMAKE:?QMAKE must point at the qmake of the Qt to bundle}"
export QMAKE
export EXTRA_QT_PLUGINS="svg;tls"
"$tools/linuxdeploy" --appdir "$appdir" \
  --executable "$appdir/usr/bin/voice-console" \
  --executable "$appdir/usr/bin/voicectl" \
  --executable "$appdir/usr/bin/voice-sandbox" \
  --desktop-file "$appdir/usr/share/applications/voice-console.desktop" \
  --icon-file "$repo/resources/hicolor/256x256/voice-console.png" \
  --custom-apprun "$repo/packaging/appimage/AppRun" \
  --plugin qt

target="$out/Voice_Console-$version-x86_64.AppImage"
ARCH=x86_64 "$tools/appimagetool" --runtime-file "$tools/runtime" "$appdir" "$target"
"$target" --version
"$target" voicectl --version
echo "$target"
