#!/usr/bin/env bash
# Installs the Debian 12 packages Voice Console needs to build, test and run; does nothing when all are
# present.
set -euo pipefail

packages=(
  g++ cmake ninja-build git pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n qt6-svg-dev
  libqt6sql6-sqlite libqt6sql6-psql postgresql-15 postgresql-client-15 libqt6svg6 qt6-qpa-plugins qtkeychain-qt6-dev
  libphonenumber-dev libprotobuf-dev libsimdjson-dev
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools imagemagick x11-apps
  fonts-dejavu-core locales curl iproute2 openssl
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Russian locale, so that the Russian user interface and its tests see real Russian settings.
if ! locale -a 2>/dev/null | grep -qi '^ru_RU\.utf8$'; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO sed -i 's/^# *ru_RU.UTF-8 UTF-8/ru_RU.UTF-8 UTF-8/' /etc/locale.gen
  $SUDO locale-gen >/dev/null
fi
