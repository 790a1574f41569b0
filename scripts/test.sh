#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a tested build: installs what is missing, builds once,
# runs the whole suite in parallel.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
dir=$(./scripts/build.sh | tail -n 1)
cd "$dir"
# Tests never see the user's desktop: no display, no session keyring.
env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
  ctest --output-on-failure --parallel "$(nproc)" --timeout 600
