#!/usr/bin/env bash
# Builds QtKeychain at a fixed release tag against the Qt the workflow installed ($QT_ROOT_DIR) and
# installs it into PREFIX. Debian has it as a package (qtkeychain-qt6-dev); Windows, macOS and the
# AppImage's Ubuntu build it from source. The commit the tag named is printed for the record.
# Usage: build-qtkeychain.sh PREFIX
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 PREFIX" >&2; exit 2; }
prefix=$1
qt=${QT_ROOT_DIR:?QT_ROOT_DIR names the Qt to build against}
if command -v cygpath >/dev/null; then # Git Bash on Windows: CMake wants C:/x, not C:\x
  qt=$(cygpath -m "$qt")
  prefix=$(cygpath -m "$prefix")
fi
version=0.15.0
src="${RUNNER_TEMP:-/tmp}/qtkeychain-$version"
rm -rf "$src"
git clone --quiet --depth 1 --branch "$version" https://github.com/frankosterfeld/qtkeychain.git "$src"
echo "QtKeychain $version at commit $(git -C "$src" rev-parse HEAD)"
cmake -S "$src" -B "$src/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DBUILD_WITH_QT6=ON -DBUILD_TRANSLATIONS=OFF -DBUILD_TEST_APPLICATION=OFF \
  -DCMAKE_PREFIX_PATH="$qt" -DCMAKE_INSTALL_PREFIX="$prefix"
cmake --build "$src/build"
cmake --install "$src/build"
