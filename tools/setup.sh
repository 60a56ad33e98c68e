#!/bin/sh
# Installs the Debian packages tifa needs to build, test and benchmark.
# Runs apt-get directly as root, through sudo otherwise; when neither is
# possible it prints the exact command and stops.
set -eu

PACKAGES="build-essential clang libclang-rt-dev python3 opencc libopencc1.1 unicode-data time libsqlite3-dev sqlite3
  libgumbo-dev libmicrohttpd-dev chromium fonts-wqy-microhei wrk curl"
# tifa serve: libmicrohttpd; its tests: chromium (with a CJK font, for the
# screenshots), curl; its benchmark: wrk. node and npm run the browser
# tests: Debian's only when none is installed (a nodesource node brings its
# own npm, which Debian's npm package would conflict with).
command -v node > /dev/null 2>&1 || PACKAGES="$PACKAGES nodejs"
command -v npm > /dev/null 2>&1 || PACKAGES="$PACKAGES npm"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

echo "tifa setup: installing$missing"
if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo"
else
  echo "tifa setup: cannot install packages (not root, no sudo). Run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $missing
