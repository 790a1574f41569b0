#!/usr/bin/env bash
# Checks out vcpkg at the commit vcpkg.json names as its builtin-baseline (so every port has the
# version that commit pins) and bootstraps it into DIR. CMake then installs the manifest's ports
# (libphonenumber with its protobuf, abseil, ICU) through the vcpkg toolchain file.
# Usage: setup-vcpkg.sh DIR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
dir=$1
cd "$(dirname "$0")/../.."
baseline=$(sed -n 's/.*"builtin-baseline": *"\([0-9a-f]\{40\}\)".*/\1/p' vcpkg.json)
[ -n "$baseline" ] || { echo "vcpkg.json has no builtin-baseline" >&2; exit 1; }
if [ ! -d "$dir/.git" ]; then
  git clone --quiet https://github.com/microsoft/vcpkg.git "$dir"
fi
git -C "$dir" fetch --quiet origin "$baseline"
git -C "$dir" checkout --quiet "$baseline"
case "$(uname -s)" in
  MINGW* | MSYS* | CYGWIN*) "$dir/bootstrap-vcpkg.bat" -disableMetrics ;;
  *) "$dir/bootstrap-vcpkg.sh" -disableMetrics ;;
esac
echo "vcpkg at $baseline in $dir"
