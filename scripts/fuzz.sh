#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ and runs each one for
# ${1:-60} seconds from the seed corpus in fuzz/corpus (or, with FUZZ_RUNS=N, for N executions each:
# FUZZ_RUNS=10000000 ./scripts/fuzz.sh; FUZZ_ONLY=tolerant_json runs one target). Prints libFuzzer's
# figures; fails on a crash. Then voicectl's campaign preview reads 100 MB of random bytes, made on the
# fly and never kept (FUZZ_ONLY=random_preview runs only that), and its peak memory is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v clang++-14 >/dev/null || { ./scripts/install-deps.sh; apt-get install -y -qq clang-14 libclang-rt-14-dev >/dev/null; }
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVC_SANITIZE=ON \
  -DVC_FUZZ=ON -DVC_BUILD_TESTS=OFF -DVC_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz --target fuzz_exolve_decoders fuzz_tolerant_json fuzz_http_response fuzz_campaign_csv voicectl
for target in http_response:http tolerant_json:tolerant exolve_decoders:exolve campaign_csv:csv; do
  name=${target%%:*}; corpus=${target##*:}
  if [ -n "${FUZZ_ONLY:-}" ] && [ "$name" != "$FUZZ_ONLY" ]; then continue; fi
  work=$(mktemp -d)
  cp fuzz/corpus/"$corpus"/* "$work"/
  if [ -n "${FUZZ_RUNS:-}" ]; then limit=(-runs="$FUZZ_RUNS"); echo "== fuzz_$name, $FUZZ_RUNS runs"
  else limit=(-max_total_time="$seconds"); echo "== fuzz_$name, $seconds s"; fi
  start=$(date +%s)
  # Over millions of runs libFuzzer's process grows past its default 2 GB RSS limit although the code
  # under test does not (a plain and an ASan build of the same inputs stay flat): a higher RSS limit,
  # while any single allocation over 1 GB still counts as a finding.
  ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16:malloc_context_size=8} build-fuzz/fuzz/fuzz_"$name" "${limit[@]}" \
    -rss_limit_mb=8192 -malloc_limit_mb=1024 -max_len=4096 -print_final_stats=1 "$work" 2>&1 | \
    grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|cov:|ERROR|SUMMARY' | tail -4
  echo "   $(( $(date +%s) - start )) s"
  rm -rf "$work"
done

if [ -z "${FUZZ_ONLY:-}" ] || [ "$FUZZ_ONLY" = random_preview ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  head -c 100M /dev/urandom > "$work/random.csv"
  echo "== voicectl campaign run --dry-run on 100 MB of random bytes (ASan + UBSan)"
  start=$(date +%s)
  # The same small quarantine as above: ASan's default 256 MB would be counted as the preview's memory.
  if ! ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16:malloc_context_size=8} VOICE_CONSOLE_DATA_DIR="$work/data" /usr/bin/time -f 'peak RSS %M KB' -o "$work/time.txt" \
       build-fuzz/app/voicectl/voicectl campaign run "$work/random.csv" --dry-run -o json >"$work/out.json" 2>"$work/err.txt"; then
    tail -20 "$work/err.txt"; exit 1
  fi
  echo "   $(grep -o '"total":[0-9]*' "$work/out.json"), $(grep -o '"invalid":[0-9]*' "$work/out.json"); $(cat "$work/time.txt"); $(( $(date +%s) - start )) s"
fi
