#!/bin/sh
# Runs a test inside a private D-Bus session with an unlocked gnome-keyring, and no display: the recipe
# from the platform notes. The keyring lives in a throwaway HOME, removed afterwards.
set -e
test_binary=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/run" && chmod 700 "$work/run"
status=0
# shellcheck disable=SC2016 # $0 is expanded by the inner shell: the test binary
env -u DISPLAY -u WAYLAND_DISPLAY HOME="$work" XDG_RUNTIME_DIR="$work/run" XDG_DATA_HOME="$work/data" \
  dbus-run-session -- sh -c 'echo -n pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$0"' "$test_binary" \
  || status=$?
exit "$status"
