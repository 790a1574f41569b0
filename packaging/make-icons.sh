#!/usr/bin/env bash
# Renders the application icon (resources/voice-console.svg) into the PNG sizes of the hicolor theme and
# a Windows .ico. The results are committed; run this again after changing the SVG.
# Needs rsvg-convert (Debian: librsvg2-bin) and ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/.."
svg=resources/voice-console.svg
out=resources/hicolor
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$out/${size}x${size}"
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$out/${size}x${size}/voice-console.png"
done
im=$(command -v convert-im6.q16 || command -v magick || command -v convert)
"$im" "$out/16x16/voice-console.png" "$out/24x24/voice-console.png" "$out/32x32/voice-console.png" \
  "$out/48x48/voice-console.png" "$out/64x64/voice-console.png" "$out/256x256/voice-console.png" \
  resources/voice-console.ico
echo "icons in $out and resources/voice-console.ico"
