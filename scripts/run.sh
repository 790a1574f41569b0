#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running product: installs what is missing, builds,
# then starts the local sandbox and uses voicectl against it. No account and no real calls are needed.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
dir=$(./scripts/build.sh | tail -n 1)

port=${VC_SANDBOX_PORT:-18089}
"$dir/app/voice-sandbox/voice-sandbox" --port "$port" &
sandbox=$!
trap 'kill $sandbox 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
  sleep 0.1
done
export VOICE_API_URL="http://127.0.0.1:$port" VOICE_API_KEY=sandbox-key
ctl="$dir/app/voicectl/voicectl"
echo
echo "\$ voicectl services list"
"$ctl" services list
echo
echo "\$ voicectl call send --source 74959999999 --destination 79261234567 --service 14b8d7b3-5468-418f-8592-b1d2127ad36b --wait"
"$ctl" call send --source 74959999999 --destination 79261234567 --service 14b8d7b3-5468-418f-8592-b1d2127ad36b --wait || true
echo
echo "The sandbox keeps running at $VOICE_API_URL (key: sandbox-key). In another shell:"
echo "  export VOICE_API_URL=$VOICE_API_URL VOICE_API_KEY=sandbox-key"
echo "  $ctl --help"
echo "Press Ctrl+C to stop."
wait $sandbox
