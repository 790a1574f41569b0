#!/usr/bin/env bash
# Configures and builds into build/ (or $VC_BUILD_DIR). VC_SANITIZE=1 builds with ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${VC_BUILD_DIR:-build}
args=(-G Ninja "-DCMAKE_BUILD_TYPE=${VC_BUILD_TYPE:-RelWithDebInfo}")
if [ "${VC_SANITIZE:-0}" = 1 ]; then
  dir=${VC_BUILD_DIR:-build-asan}
  args+=(-DVC_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
fi
cmake -S . -B "$dir" "${args[@]}" >/dev/null
cmake --build "$dir" --parallel "$(nproc)"
echo "$dir"
