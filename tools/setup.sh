#!/bin/sh
# Installs the Debian packages tifa needs.
#   sh tools/setup.sh          to build and run tifa (make demo)
#   sh tools/setup.sh --test   also to test and benchmark it (make check)
# Runs apt-get directly as root, through sudo otherwise; when neither is
# possible it prints the exact command and stops.
set -eu

# Building: a C compiler, python3 for the table generators, the OpenCC
# dictionaries (opencc_dict reads them) and Unihan (pinyin) the tables are
# generated from, SQLite (the corpus), gumbo (web pages), zlib (web
# archives), libmicrohttpd (tifa serve).
PACKAGES="build-essential python3 opencc libopencc1.1 unicode-data libsqlite3-dev libgumbo-dev zlib1g-dev libmicrohttpd-dev"
case ${1:-} in
  --test)
    # The fuzz targets: clang and its runtime. Tests: GNU time (peak
    # memory), the sqlite3 shell, curl (tifa serve), chromium with a CJK
    # font (the browser tests' screenshots); the benchmark: wrk. node and
    # npm run the browser tests: Debian's only when none is installed (a
    # nodesource node brings its own npm, which Debian's npm package would
    # conflict with). Web archives: wget (tests/warc/make-crawl.sh); Dask
    # shards: python3-distributed (tests/dask.sh, make bench-dask).
    PACKAGES="$PACKAGES clang libclang-rt-dev time sqlite3 curl chromium fonts-wqy-microhei wrk wget python3-distributed"
    command -v node > /dev/null 2>&1 || PACKAGES="$PACKAGES nodejs"
    command -v npm > /dev/null 2>&1 || PACKAGES="$PACKAGES npm"
    ;;
  "") ;;
  *) echo "usage: sh tools/setup.sh [--test]" >&2; exit 2 ;;
esac

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
