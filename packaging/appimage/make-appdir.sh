#!/usr/bin/env bash
# Builds an AppDir in build/AppDir here, with the tools Debian has: the install tree, the Qt libraries
# and plugins it loads, qt.conf, Qt's Russian translations, AppRun, the .desktop file and the icon.
# packaging/test-clean-debian.sh runs it in a root without Qt. The release workflow makes the same
# layout with linuxdeploy and its Qt plugin and packs it with appimagetool (make-appimage.sh): neither
# Debian nor the npm registry ships those tools.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=$(./scripts/build.sh | tail -n 1)
appdir="$dir/AppDir"
rm -rf "$appdir"
DESTDIR="$appdir" cmake --install "$dir" --prefix /usr >/dev/null

qtpaths=$(command -v qtpaths6 || echo /usr/lib/qt6/bin/qtpaths)
plugins=$("$qtpaths" --query QT_INSTALL_PLUGINS)
translations=$("$qtpaths" --query QT_INSTALL_TRANSLATIONS)
for p in platforms/libqxcb.so platforms/libqoffscreen.so platforms/libqwayland-generic.so imageformats/libqsvg.so \
         iconengines/libqsvgicon.so sqldrivers/libqsqlite.so tls/libqopensslbackend.so tls/libqcertonlybackend.so \
         xcbglintegrations/libqxcb-glx-integration.so; do
  [ -f "$plugins/$p" ] || continue
  mkdir -p "$appdir/usr/plugins/$(dirname "$p")"
  cp "$plugins/$p" "$appdir/usr/plugins/$p"
done
mkdir -p "$appdir/usr/translations" "$appdir/usr/lib"
cp "$translations"/qtbase_ru.qm "$appdir/usr/translations/" 2>/dev/null || true

# Every library the binaries and plugins need, except those every desktop Linux has (the usual
# AppImage exclude list: glibc, the X and GL stack, fontconfig/freetype). Matched by exact name
# (libm.so, not libmd4c.so).
exclude='^((libc|libm|libdl|librt|libpthread|libresolv|libutil|libasound|libgcc_s|libstdc\+\+|libfontconfig|libfreetype|libdrm|libgbm|libGL|libEGL|libGLX|libGLdispatch|libOpenGL|libxcb)\.so|ld-linux|libX|libwayland)'
find "$appdir/usr/bin" "$appdir/usr/plugins" -type f | while read -r f; do
  ldd "$f" 2>/dev/null | awk '/=> \// {print $3}'
done | sort -u | while read -r lib; do
  base=$(basename "$lib")
  [[ "$base" =~ $exclude ]] && continue
  cp -L "$lib" "$appdir/usr/lib/$base"
done

# Qt's OpenSSL backend opens libssl at run time (ldd cannot see it); without it there is no HTTPS.
for lib in libssl.so.3 libcrypto.so.3; do
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ && !p {p = $NF} END {print p}')
  [ -n "$path" ] && cp -L "$path" "$appdir/usr/lib/$lib"
done

cat > "$appdir/usr/bin/qt.conf" <<'CONF'
[Paths]
Prefix = ..
Plugins = plugins
Translations = translations
CONF
cp packaging/appimage/AppRun "$appdir/AppRun"
chmod +x "$appdir/AppRun"
cp "$appdir/usr/share/applications/voice-console.desktop" "$appdir/"
cp "$appdir/usr/share/icons/hicolor/scalable/apps/voice-console.svg" "$appdir/"
echo "$appdir ($(du -sh "$appdir" | cut -f1), $(find "$appdir/usr/lib" -type f | wc -l) libraries)"
