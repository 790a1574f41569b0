#!/usr/bin/env bash
# Proves the packages in a clean Debian 12: builds the .deb and the AppDir, makes a minimal Debian 12
# root with debootstrap (cached after the first run), and inside it
#   1. with no Qt installed at all, starts the AppDir's voice-console --sandbox under Xvfb, takes a
#      screenshot and runs its voicectl and voice-sandbox (the AppDir carries its own Qt);
#   2. installs the .deb with apt (which pulls in exactly the declared dependencies), runs
#      voicectl --version, starts voice-sandbox and lists its services with voicectl, starts
#      voice-console --sandbox under Xvfb and takes a screenshot.
# Screenshots: docs/screenshots/clean-debian-deb.png and clean-debian-appdir.png.
#
# Needs root (chroot, bind mounts) and the Debian mirror (~300 MB the first time). Not part of the test
# suite. Usage: packaging/test-clean-debian.sh   (VC_DEBIAN_MIRROR, VC_ROOT_CACHE override defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
mirror=${VC_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${VC_ROOT_CACHE:-/var/cache/voice-console-test}
base="$cache/bookworm-minbase.tar.gz"

say() { printf '\n== %s\n' "$*"; }
[ "$(id -u)" -eq 0 ] || { echo "run as root (chroot and bind mounts)" >&2; exit 2; }
for tool in debootstrap convert-im6.q16; do
  command -v "$tool" >/dev/null || apt-get install -y -qq debootstrap imagemagick >/dev/null
done

say "Building the .deb and the AppDir"
dir=$(./scripts/build.sh | tail -n 1)
(cd "$dir" && cpack -G DEB >/dev/null)
deb=$(find "$dir" -maxdepth 1 -name 'voice-console_*_amd64.deb' -newer "$dir/CMakeCache.txt" | head -n 1)
[ -n "$deb" ] || { echo "cpack made no .deb" >&2; exit 1; }
./packaging/appimage/make-appdir.sh >/dev/null
appdir="$dir/AppDir"
echo "package: $deb"

if [ ! -f "$base" ]; then
  say "Making a minimal Debian 12 root with debootstrap (once; cached in $cache)"
  mkdir -p "$cache"
  tmpbase=$(mktemp -d "$cache/debootstrap.XXXX")
  debootstrap --variant=minbase bookworm "$tmpbase" "$mirror" >/dev/null
  tar -C "$tmpbase" -czf "$base.part" . && mv "$base.part" "$base"
  rm -rf "$tmpbase"
fi

root=$(mktemp -d /var/tmp/vc-clean-root.XXXX)
cleanup() {
  for m in dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
  rm -rf "$root"
}
trap cleanup EXIT
tar -C "$root" -xzf "$base"
mount --bind /proc "$root/proc"
mount --bind /sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

say "A desktop's basics, without Qt: X server, fonts, the X libraries every desktop has"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  xvfb xauth x11-apps x11-utils dbus fonts-dejavu-core libgl1 libegl1 libopengl0 libfontconfig1 libxkbcommon-x11-0 \
  libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1 \
  libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-shm0 libxcb-sync1 libxcb-render0 >/dev/null
# shellcheck disable=SC2016 # ${Package} is dpkg-query's format, not the shell's
if in_root dpkg-query -W -f='${Package}\n' | grep -q '^libqt'; then
  echo "FAIL: a Qt package is installed before the AppDir test" >&2; exit 1
fi
echo "no Qt package in the root: $(in_root dpkg-query -W | wc -l) packages"

# Starts voice-console under Xvfb in the root, waits for its window, dumps that window to $2.
cat > "$root/tmp/shot.sh" <<'SHOT'
#!/bin/sh
# Inside the root, on the Xvfb display: start the command, wait for the main window, dump it.
dbus-run-session -- "$@" >/tmp/app.log 2>&1 &
app=$!
largest() { # the id of the biggest window titled Voice Console
  xwininfo -root -tree | awk '/"Voice Console/ { split($0, g, /\)  +/); split(g[2], d, /[x+]/);
    if (d[1] * d[2] > best) { best = d[1] * d[2]; id = $1 } } END { print id }'
}
for _ in $(seq 1 60); do
  sleep 0.5
  [ -n "$(largest)" ] && break
done
sleep 3
win=$(largest)
[ -n "$win" ] && xwd -id "$win" -silent > /tmp/shot.xwd
kill "$app"
wait "$app" 2>/dev/null
true
SHOT
chmod +x "$root/tmp/shot.sh"
screenshot() {
  local out=$1
  shift
  rm -f "$root/tmp/shot.xwd"
  in_root sh -c 'mkdir -p /tmp/run && chmod 700 /tmp/run && \
    XDG_RUNTIME_DIR=/tmp/run xvfb-run -a -s "-screen 0 1280x800x24" /tmp/shot.sh "$@"' sh "$@"
  if [ ! -s "$root/tmp/shot.xwd" ]; then
    cat "$root/tmp/app.log" >&2; echo "FAIL: no screenshot for $*" >&2; exit 1
  fi
  convert-im6.q16 "xwd:$root/tmp/shot.xwd" "$out"
  echo "screenshot: $out"
  grep -v '^$' "$root/tmp/app.log" | head -n 5 || true
}

say "AppDir in the root without Qt"
cp -a "$appdir" "$root/opt/VoiceConsole.AppDir"
in_root /opt/VoiceConsole.AppDir/AppRun --version
in_root env ARGV0=voicectl /opt/VoiceConsole.AppDir/AppRun --version
in_root /opt/VoiceConsole.AppDir/AppRun voice-sandbox --version
# Every library resolves inside the AppDir (AppRun sets this path), Qt from the AppDir itself.
if in_root env LD_LIBRARY_PATH=/opt/VoiceConsole.AppDir/usr/lib ldd /opt/VoiceConsole.AppDir/usr/bin/voice-console | grep 'not found'; then
  echo "FAIL: the AppDir misses libraries" >&2; exit 1
fi
in_root env LD_LIBRARY_PATH=/opt/VoiceConsole.AppDir/usr/lib ldd /opt/VoiceConsole.AppDir/usr/bin/voice-console | grep libQt6Core
screenshot "$repo/docs/screenshots/clean-debian-appdir.png" /opt/VoiceConsole.AppDir/AppRun --sandbox
rm -rf "$root/opt/VoiceConsole.AppDir"

say "Installing the .deb with apt"
cp "$deb" "$root/tmp/voice-console.deb"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/voice-console.deb >/dev/null
in_root dpkg -s voice-console | grep -E '^(Status|Version|Depends)'
in_root voicectl --version
in_root voice-console --version
in_root voice-sandbox --version

say "voicectl against voice-sandbox"
# shellcheck disable=SC2016 # expanded by the shell inside the root
in_root sh -c 'voice-sandbox --port 18765 --key clean-root-key >/tmp/sandbox.log 2>&1 & s=$!; sleep 2; \
  VOICE_API_KEY=clean-root-key voicectl --api-url http://127.0.0.1:18765 services list; rc=$?; kill $s; exit $rc'

say "voice-console --sandbox from the package"
screenshot "$repo/docs/screenshots/clean-debian-deb.png" voice-console --sandbox
say "PASS: the .deb and the AppDir work in a clean Debian 12"
