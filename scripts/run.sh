#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running Voice Console: installs what is missing,
# builds, and starts the desktop app. With no account configured it works in the built-in sandbox
# (a simulator of the Exolve API on this computer: no real calls, nothing costs money).
# Extra arguments go to voice-console, e.g. --lang ru, --sandbox, --api-url URL (with VOICE_API_KEY).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
dir=$(./scripts/build.sh | tail -n 1)
app="$dir/app/voice-console/voice-console"
echo "Command line: $dir/app/voicectl/voicectl --help   Simulator: $dir/app/voice-sandbox/voice-sandbox --help"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting Voice Console on a virtual one (Xvfb). Ctrl+C stops it."
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$app" "$@"
fi
exec "$app" "$@"
