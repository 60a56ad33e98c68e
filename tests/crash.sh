#!/bin/sh
# kill -9 at random moments (issue 16): during `tifa add` (files and a
# rolled-back batch's retry alike) and during a stream of POST /api/add to
# `tifa serve`. After each kill: SQLite's integrity_check and `tifa check`
# (every first copy indexed, near copies linked to stored first copies,
# originals with their hash) find nothing, and adding everything again
# gives the corpus one clean add gives. KILLS (default 20) kills of each.
#   sh tests/crash.sh build/tifa [KILLS]
set -u
TIFA=${1:-build/tifa}
KILLS=${2:-20}
case $TIFA in /*) ;; *) TIFA=$(pwd)/$TIFA ;; esac
ROOT=$(pwd)
. "$ROOT/tests/serve-port.sh"
tmp=$(mktemp -d)
spid=""
trap '[ -n "$spid" ] && kill -9 "$spid" 2> /dev/null; rm -rf "$tmp"' EXIT
pass=0; fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "not ok - $1"; fi; }
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
shape() {
  sqlite3 "$1" "SELECT d.clean_sha256, (SELECT e.clean_sha256 FROM doc e WHERE e.id = d.duplicate_of), d.file
                FROM doc d ORDER BY 1, 3"
}
sound() { [ "$(sqlite3 "$1" 'PRAGMA integrity_check')" = ok ] && "$TIFA" check --db "$1" > /dev/null 2>&1; }

all=$tmp/all
mkdir -p "$all"
for k in 1 2 3; do
  for f in "$ROOT"/tests/readouts/*.txt "$ROOT"/tests/set4/readouts/*; do
    { echo "第${k}轮"; cat "$f"; } > "$all/$k-$(basename "$f")"
  done
done
"$TIFA" add --db "$tmp/clean.db" "$all" 2> /dev/null
shape "$tmp/clean.db" > "$tmp/want"

# A pseudo-random delay in seconds from 0.05 up to about 1.5.
delay() { $PY -c "import random; random.seed($1 * 7919); print(round(random.uniform(0.05, 1.5), 3))"; }

# ------------------------------------------------------------ add
for i in $(seq 1 "$KILLS"); do
  db=$tmp/add$i.db
  "$TIFA" add --db "$db" --batch 50 "$all" > /dev/null 2>&1 &
  p=$!
  sleep "$(delay "$i")"
  kill -9 $p 2> /dev/null
  wait $p 2> /dev/null
  [ -e "$db" ] || continue # killed before it made the file
  check "add, kill $i: integrity and tifa check" 'sound "$db"'
  "$TIFA" add --db "$db" "$all" > /dev/null 2>&1
  shape "$db" > "$tmp/got"
  check "add, kill $i: adding again gives the clean corpus" 'cmp -s "$tmp/got" "$tmp/want"'
done

# ------------------------------------------------------------ POST /api/add
cat > "$tmp/post.py" << 'EOF2'
import http.client, os, sys
port, folder = int(sys.argv[1]), sys.argv[2]
h = {"Origin": f"http://127.0.0.1:{port}", "Content-Type": "application/octet-stream"}
for name in sorted(os.listdir(folder)):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request("POST", "/api/add?name=" + name, body=open(os.path.join(folder, name), "rb").read(), headers=h)
        c.getresponse().read()
    except OSError:
        sys.exit(0)  # the server is gone
EOF2
for i in $(seq 1 "$KILLS"); do
  db=$tmp/srv$i.db
  "$TIFA" serve --db "$db" --port 0 > "$tmp/s.out" 2> /dev/null &
  spid=$!
  port=$(serve_port "$tmp/s.out")
  [ -n "$port" ] || { echo "not ok - the server did not start"; fail=$((fail + 1)); break; }
  $PY "$tmp/post.py" "$port" "$all" &
  cp=$!
  sleep "$(delay "$((i + 100))")"
  kill -9 $spid; wait $spid 2> /dev/null
  spid=""
  wait $cp
  check "POST /api/add, kill $i: integrity and tifa check ($(sqlite3 "$db" 'SELECT count(*) FROM doc') stored)" 'sound "$db"'
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
