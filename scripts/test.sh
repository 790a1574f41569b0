#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a tested build: installs what is missing, builds once,
# runs the whole suite in parallel.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
root=$(pwd)
dir=$(./scripts/build.sh | tail -n 1)
cd "$dir"
# Tests never see the user's desktop: no display, no session keyring. The team-store tests run against a
# throwaway PostgreSQL cluster of their own, stopped and removed afterwards (skipped, with the reason,
# where PostgreSQL cannot run).
env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
  "$root/scripts/with-postgres.sh" ctest --output-on-failure --parallel "$(nproc)" --timeout 600
