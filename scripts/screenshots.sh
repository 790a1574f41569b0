#!/usr/bin/env bash
# Screenshots of every page and dialog, in English and Russian (and the main window on a dark palette),
# into docs/screenshots/. Runs the real window under Xvfb against the built-in sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(./scripts/build.sh | tail -n 1)
out=${1:-docs/screenshots}
mkdir -p "$out"
run() {
  local lang=$1; shift
  local locale=C.UTF-8
  [ "$lang" = ru ] && locale=ru_RU.UTF-8
  # Beside a throwaway PostgreSQL: the team store's screens too.
  ./scripts/with-postgres.sh xvfb-run -a -s "-screen 0 1180x720x24" env LC_ALL="$locale" LANGUAGE="$lang" QT_QPA_PLATFORM=xcb \
    "$dir/tests/screenshots/vc_screenshots" "$out" "$lang" "$@"
}
run en
run ru
run en dark
run ru dark
ls "$out"
