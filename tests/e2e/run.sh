#!/bin/sh
# End-to-end browser tests of tifa serve: builds a corpus (examples/ as ids
# 1-5, then tests/readouts/, then the sources and copies of
# tests/e2e/corpus/sources.jsonl), starts the server (the ASan build by default),
# runs tests/e2e/run.mjs in headless Chromium and saves screenshots under
# build/screenshots/. Installs playwright-core (npm ci, from the committed
# package-lock.json) when tests/e2e/node_modules is missing; the browser is
# Debian's /usr/bin/chromium (CHROMIUM overrides), never a download.
#   sh tests/e2e/run.sh [build/tifa-asan]
set -u
TIFA=${1:-build/tifa-asan}
case $TIFA in /*) ;; *) TIFA=$(pwd)/$TIFA ;; esac
ROOT=$(pwd)
. "$ROOT/tests/serve-port.sh"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM
command -v node > /dev/null || { echo "tests/e2e: node is needed (node 18 or later)"; exit 1; }
[ -x "$CHROMIUM" ] || { echo "tests/e2e: $CHROMIUM not found (Debian package chromium; make setup installs it)"; exit 1; }
if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ]; then
  echo "tests/e2e: installing playwright-core (npm ci)"
  npm ci --prefix "$ROOT/tests/e2e" --no-audit --no-fund > /dev/null || { echo "tests/e2e: npm ci failed"; exit 1; }
fi
tmp=$(mktemp -d)
pid=""
tpid=""
trap '[ -n "$pid" ] && kill "$pid" 2> /dev/null; [ -n "$tpid" ] && kill "$tpid" 2> /dev/null; rm -rf "$tmp"' EXIT
DB=$tmp/e2e.db
"$TIFA" add --db "$DB" "$ROOT/examples" 2> /dev/null
"$TIFA" add --db "$DB" "$ROOT/tests/readouts" 2> /dev/null
# Sources for the first two examples, two copies of the first (an exact one
# from another outlet, a near one) and a page of two articles.
"$TIFA" add --db "$DB" --manifest "$ROOT/tests/e2e/corpus/sources.jsonl" 2> /dev/null
"$TIFA" serve --db "$DB" --port 0 > "$tmp/out" 2> "$tmp/err" &
pid=$!
port=$(serve_port "$tmp/out")
[ -n "$port" ] || { echo "tests/e2e: the server did not start"; cat "$tmp/err"; exit 1; }
# A second server on the same corpus that asks for a token (the login page).
head -c 24 /dev/urandom | base64 | tr -d '\n' > "$tmp/token"
"$TIFA" serve --db "$DB" --port 0 --token-file "$tmp/token" > "$tmp/tout" 2> "$tmp/terr" &
tpid=$!
tport=$(serve_port "$tmp/tout")
[ -n "$tport" ] || { echo "tests/e2e: the token server did not start"; cat "$tmp/terr"; exit 1; }
export TIFA_TOKEN_BASE="http://127.0.0.1:$tport" TIFA_TOKEN="$(cat "$tmp/token")"
mkdir -p "$ROOT/build/screenshots"
node "$ROOT/tests/e2e/run.mjs" "http://127.0.0.1:$port" "$ROOT" "$ROOT/build/screenshots"
st=$?
kill -TERM "$pid"; wait "$pid"; sst=$?
pid=""
kill -TERM "$tpid"; wait "$tpid"; tst=$?
tpid=""
[ $tst -eq 0 ] && ! grep -Eq "AddressSanitizer|LeakSanitizer|runtime error" "$tmp/terr" || { echo "not ok - the token server did not stop cleanly"; head -20 "$tmp/terr"; st=1; }
if [ $sst -ne 0 ] || grep -Eq "AddressSanitizer|LeakSanitizer|runtime error" "$tmp/err"; then
  echo "not ok - the server did not stop cleanly (status $sst)"
  head -40 "$tmp/err"
  st=1
fi
exit $st
