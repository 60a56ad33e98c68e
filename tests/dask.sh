#!/bin/sh
# Dask shards (issue 12, part 3): python3 -m tifa.dask on a real cluster,
# dask-scheduler and dask-worker --nworkers 2 --nthreads 1 on 127.0.0.1
# (port 0, --scheduler-file), each in a process group of its own. Checks:
#   - the parts concatenated in shard order equal serial tifa extract (and
#     extract --warc) byte for byte; the manifest, _SUCCESS;
#   - a rerun skips every shard in the manifest;
#   - a worker killed with SIGKILL mid-run: the output is still identical;
#   - a poison document (TIFA_TEST_ABORT_ON: libtifa aborts on that name)
#     ends as one line of failed.jsonl, every other document written,
#     exit status 1; a poison page in a web archive likewise;
#   - --with-raw parts stored by tifa add --records: the corpus tifa add
#     of the same documents makes;
#   - --local 2 gives the same parts;
#   - no process is left behind.
#   sh tests/dask.sh build/tifa
set -u
if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: sh tests/dask.sh PATH-TO-TIFA" >&2
  exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case $1 in /*) TIFA=$1 ;; *) TIFA=$ROOT/$1 ;; esac
# Debian's python3, where python3-distributed is (another python3 may come first on PATH).
PY=${DASK_PYTHON:-/usr/bin/python3}
T=$(mktemp -d /tmp/tifa-dask.XXXXXX) || exit 2
pgids=""
stop_all() {
  # (dash's kill takes -PGID with no "--")
  for g in $pgids; do kill -TERM "-$g" 2>/dev/null; done
  for _ in $(seq 50); do
    alive=0
    for g in $pgids; do [ -n "$(pgrep -g "$g" 2>/dev/null)" ] && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.1
  done
  for g in $pgids; do kill -KILL "-$g" 2>/dev/null; done
  wait 2>/dev/null # reaped: not left as zombies
}
trap 'stop_all; rm -rf "$T"' EXIT
trap 'exit 130' INT TERM
ulimit -c 0 # the poison aborts: no core files

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() {
  fail=$((fail + 1))
  echo "not ok - $1"
  shift
  for why in "$@"; do printf '%s\n' "$why" | tail -n 8 | sed 's/^/#   /'; done
}
finish() {
  echo "$pass passed, $fail failed"
  [ $fail = 0 ]
  exit $?
}

for cmd in "$PY" /usr/bin/dask-scheduler /usr/bin/dask-worker; do
  [ -x "$cmd" ] || { notok "$cmd is installed (Debian package python3-distributed: make setup-test)"; finish; }
done
export PYTHONPATH=$ROOT/python
export DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=2 # a poison shard gives up after 3 workers killed
# The poison: a copy of a readout under a name of its own, added only to the poison runs.
mkdir -p "$T/poison"
POISON=$T/poison/victim.txt
cp "$ROOT/tests/readouts/$(ls "$ROOT/tests/readouts" | sed -n 7p)" "$POISON"

# The inputs: three flat folders of readouts and pages, and two archives.
DIRS="$ROOT/tests/readouts $ROOT/tests/set5/readouts $ROOT/tests/html"
mkdir -p "$T/warc"
cp "$ROOT/tests/warc/crawl.warc.gz" "$ROOT/tests/warc/edge/v10-folded.warc" "$T/warc/"
WARCS="$T/warc/crawl.warc.gz $T/warc/v10-folded.warc"
# A poison page in an archive of its own: v11's gb-lying.html.
cp "$ROOT/tests/warc/edge/v11.warc.gz" "$T/warc/"
uri=http://127.0.0.1:8000/gb-lying.html
# libtifa aborts on these names (one a line), in the workers and in the
# client's isolating child alike; neither is among the inputs but where
# a check puts it.
TIFA_TEST_ABORT_ON=$(printf '%s\n%s' "$POISON" "$uri")
export TIFA_TEST_ABORT_ON

# A daemon in a process group of its own: `setsid` makes it the group's
# leader, and the traps end the groups. Should this script itself be
# killed (SIGKILL, a CI time-out), the scheduler stops after 10 idle
# minutes (--idle-timeout) and the workers 2 minutes after it
# (--death-timeout): nothing runs on for long.
daemon() { # LOG COMMAND...
  log=$1
  shift
  setsid "$@" > "$log" 2>&1 &
  pgids="$pgids $!"
}
cd "$T" || exit 2
daemon "$T/scheduler.log" /usr/bin/dask-scheduler --host 127.0.0.1 --port 0 --scheduler-file "$T/sched.json" --idle-timeout 600 \
  --no-dashboard
for _ in $(seq 300); do [ -s "$T/sched.json" ] && break; sleep 0.1; done
daemon "$T/workers.log" /usr/bin/dask-worker --scheduler-file "$T/sched.json" --nworkers 2 --nthreads 1 \
  --host 127.0.0.1 --no-dashboard --local-directory "$T/dw" --death-timeout 120
if [ -s "$T/sched.json" ] && timeout 60 "$PY" -c "
from distributed import Client
c = Client(scheduler_file='$T/sched.json', timeout=30); c.wait_for_workers(2, timeout=50); c.close()" 2> "$T/wait.err"; then
  ok "dask-scheduler and two dask-workers (--nthreads 1) up on 127.0.0.1, port 0, scheduler file"
else
  notok "the cluster starts" "$(cat "$T/scheduler.log" "$T/workers.log" "$T/wait.err")"
  finish
fi

# Serial extraction of the inputs, in the same order, is the reference.
for d in $DIRS; do find "$d" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.html' -o -name '*.htm' \) | LC_ALL=C sort; done \
  > "$T/docs.list"
ndocs=$(wc -l < "$T/docs.list")
"$TIFA" extract --files-from "$T/docs.list" > "$T/serial.jsonl"
for w in $WARCS; do TIFA_TEST_ABORT_ON= "$TIFA" extract --warc "$w" 2> /dev/null; done >> "$T/serial.jsonl"
nrec=$(wc -l < "$T/serial.jsonl")

shards() { # DASK-ARGS... : runs the driver (timeout 300), status in $rc
  timeout 300 "$PY" -m tifa.dask "$@" > "$T/driver.out" 2> "$T/driver.err"
  rc=$?
}
joined() { for p in "$1"/part-*.jsonl.gz; do gzip -dc "$p"; done; }

# ------------------------------------------------------------ a whole run
shards --scheduler-file "$T/sched.json" --shard-size 40 --out "$T/out1" $DIRS $WARCS
nparts=$(ls "$T/out1" | grep -c '^part-')
expect=$(( (ndocs + 39) / 40 + 2 ))
joined "$T/out1" > "$T/out1.jsonl"
if [ $rc = 0 ] && [ "$nparts" = "$expect" ] && cmp -s "$T/out1.jsonl" "$T/serial.jsonl"; then
  ok "$ndocs documents and 2 archives in $nparts shards: the parts joined equal serial tifa extract ($nrec records)"
else
  notok "the parts joined equal serial tifa extract (exit $rc, $nparts parts, expected $expect)" "$(cat "$T/driver.err")"
fi
if [ -f "$T/out1/_SUCCESS" ] && [ "$(wc -l < "$T/out1/manifest.jsonl")" = "$expect" ] && "$PY" - "$T/out1" << 'EOF'
import hashlib, json, os, sys
d = sys.argv[1]
lines = [json.loads(l) for l in open(os.path.join(d, "manifest.jsonl"))]
assert sorted(m["shard"] for m in lines) == list(range(len(lines)))
for m in lines:
    assert hashlib.sha256(open(os.path.join(d, m["part"]), "rb").read()).hexdigest() == m["output_sha256"], m
    assert m["tifa"] and m["seconds"] >= 0 and len(m["inputs_sha256"]) == 64 and m["failed"] == 0, m
assert not [f for f in os.listdir(d) if f.startswith(".")], os.listdir(d)  # no temporary file left
EOF
then
  ok "manifest: a line per shard with its part's sha256, counts, version, seconds; _SUCCESS; no temporary file"
else
  notok "manifest and _SUCCESS" "$(ls -a "$T/out1")"
fi
grep -q "tifa.dask: shard .* done: .* records/s" "$T/driver.err" && ok "progress on standard error, a line per shard" ||
  notok "progress on standard error" "$(cat "$T/driver.err")"

# ------------------------------------------------------------ a rerun
before=$(ls -l --time-style=+%s.%N "$T/out1" | md5sum)
shards --scheduler-file "$T/sched.json" --shard-size 40 --out "$T/out1" $DIRS $WARCS
if [ $rc = 0 ] && grep -q "; $expect already in the manifest" "$T/driver.err" &&
   [ "$(wc -l < "$T/out1/manifest.jsonl")" = "$expect" ] && [ -f "$T/out1/_SUCCESS" ]; then
  ok "a rerun skips the $expect shards in the manifest"
else
  notok "a rerun skips the shards in the manifest" "$(cat "$T/driver.err")"
fi
touch -t 200101010000 "$T/warc/v10-folded.warc"
shards --scheduler-file "$T/sched.json" --shard-size 40 --out "$T/out1" $DIRS $WARCS
joined "$T/out1" > "$T/out1b.jsonl"
if [ $rc = 0 ] && grep -q "; $((expect - 1)) already in the manifest" "$T/driver.err" && cmp -s "$T/out1b.jsonl" "$T/serial.jsonl"; then
  ok "an input changed (its time): its shard alone runs again, the output the same"
else
  notok "a changed input reruns its shard" "$(cat "$T/driver.err")"
fi

# ------------------------------------------------------------ a worker killed
shards_bg() {
  timeout 300 "$PY" -m tifa.dask "$@" > "$T/driver.out" 2> "$T/driver.err" &
  driver=$!
}
shards_bg --scheduler-file "$T/sched.json" --shard-size 40 --test-delay 0.4 --out "$T/out2" $DIRS $WARCS
killed=""
for _ in $(seq 600); do
  n=$(cat "$T/out2/manifest.jsonl" 2> /dev/null | wc -l)
  if [ "$n" -ge 2 ]; then
    # A worker process: a child of dask-worker, spawned by multiprocessing (not its resource tracker).
    for g in $pgids; do
      for p in $(pgrep -g "$g" -f 'spawn_main' 2> /dev/null); do killed=$p; done
    done
    [ -n "$killed" ] && kill -KILL "$killed" && n_at_kill=$n && break
  fi
  sleep 0.05
done
wait $driver
rc=$?
joined "$T/out2" > "$T/out2.jsonl"
if [ -n "$killed" ] && [ "${n_at_kill:-0}" -lt "$expect" ] && [ $rc = 0 ] && cmp -s "$T/out2.jsonl" "$T/serial.jsonl"; then
  ok "a worker killed with SIGKILL after $n_at_kill of $expect shards: the output is still identical"
else
  notok "a worker killed mid-run (pid ${killed:-none}, exit $rc)" "$(cat "$T/driver.err")"
fi

# ------------------------------------------------------------ poison
sed "1a $POISON" "$T/docs.list" > "$T/poison.list"
shards --scheduler-file "$T/sched.json" --shard-size 40 --out "$T/out3" --files-from "$T/poison.list"
joined "$T/out3" > "$T/out3.jsonl"
head -n "$ndocs" "$T/serial.jsonl" > "$T/serial-docs.jsonl"
if [ $rc = 1 ] && [ "$(wc -l < "$T/out3/failed.jsonl")" = 1 ] &&
   grep -q "\"input\": \"$POISON\", \"reason\": \"the process died extracting it (signal 6)\"" "$T/out3/failed.jsonl" &&
   cmp -s "$T/out3.jsonl" "$T/serial-docs.jsonl" && grep -q "running it document by document" "$T/driver.err"; then
  ok "a poison document (abort in libtifa): one line in failed.jsonl, every other document written, exit 1"
else
  notok "a poison document (exit $rc)" "$(cat "$T/out3/failed.jsonl" 2> /dev/null)" "$(cat "$T/driver.err")"
fi
# The poison page, in v11 (with two pages that fail the ordinary way).
shards --scheduler-file "$T/sched.json" --out "$T/out4" "$T/warc/v11.warc.gz"
joined "$T/out4" > "$T/out4.jsonl"
TIFA_TEST_ABORT_ON= "$TIFA" extract --warc "$T/warc/v11.warc.gz" 2> /dev/null | grep -v "\"file\":\"$uri\"" > "$T/serial-warc.jsonl"
if [ $rc = 1 ] && [ "$(wc -l < "$T/out4/failed.jsonl")" = 3 ] &&
   grep -q '"offset": [0-9]*, "reason": "the process died extracting it (signal 6)"' "$T/out4/failed.jsonl" &&
   [ "$(grep -c 'brotli.html\|badchunk.html' "$T/out4/failed.jsonl")" = 2 ] &&
   cmp -s "$T/out4.jsonl" "$T/serial-warc.jsonl" && [ "$(wc -l < "$T/out4.jsonl")" = 4 ]; then
  ok "a poison page in an archive: in failed.jsonl (its offset) with the 2 pages that fail, the 4 others written, exit 1"
else
  notok "a poison page in an archive (exit $rc)" "$(cat "$T/out4/failed.jsonl" 2> /dev/null)" "$(cat "$T/driver.err")"
fi

# ------------------------------------------------------------ records for a corpus
# --with-raw: the parts are records tifa add --records stores as they are;
# the corpus equals tifa add's of the same documents (every column but the
# time added).
shards --scheduler-file "$T/sched.json" --shard-size 40 --with-raw --out "$T/out7" $DIRS
"$TIFA" add --db "$T/records.db" --records "$T/out7" 2> "$T/records.err"; rrc=$?
"$TIFA" add --db "$T/added.db" --files-from "$T/docs.list" 2> "$T/added.err"
rows() { sqlite3 "$1" "SELECT id, file, sha256, hex(raw), clean, simhash, hex(sketch), duplicate_of, copy, record, date,
                       meeting, org, title, outlet, url, published, article FROM doc ORDER BY id;
                       SELECT * FROM near_index ORDER BY id"; }
if [ $rc = 0 ] && [ $rrc = 0 ] && [ "$(rows "$T/records.db" | sha256sum)" = "$(rows "$T/added.db" | sha256sum)" ] &&
   [ "$(tail -n 1 "$T/records.err")" = "$(tail -n 1 "$T/added.err")" ] && [ "$(rows "$T/added.db" | wc -l)" -gt "$ndocs" ]; then
  ok "--with-raw: tifa add --records of the output folder makes the corpus tifa add of the documents makes"
else
  notok "--with-raw parts stored with add --records (exit $rc, $rrc)" "$(tail -n 3 "$T/records.err" "$T/added.err" "$T/driver.err")"
fi

# ------------------------------------------------------------ --local
shards --local 2 --shard-size 100 --out "$T/out5" $DIRS $WARCS
joined "$T/out5" > "$T/out5.jsonl"
if [ $rc = 0 ] && cmp -s "$T/out5.jsonl" "$T/serial.jsonl"; then
  ok "--local 2 (a LocalCluster of two one-thread processes): the same output"
else
  notok "--local 2 (exit $rc)" "$(cat "$T/driver.err")"
fi
shards --local 1 --out "$T/out6"
[ $rc = 2 ] && grep -q "no INPUT" "$T/driver.err" && ok "no input: usage error, exit 2" || notok "no input: usage error" "$(cat "$T/driver.err")"

# ------------------------------------------------------------ nothing left
stop_all
sleep 0.5
left=""
for g in $pgids; do left="$left$(pgrep -g "$g" 2> /dev/null | tr '\n' ' ')"; done
# Only this run's processes: their command lines name its folder (another
# run of this test, e.g. in a second worktree, may be going at the same time).
left="$left$(pgrep -f "$T" 2> /dev/null | tr '\n' ' ')"
if [ -z "$(echo "$left" | tr -d ' ')" ]; then
  ok "no process left behind (scheduler, workers, their children, drivers)"
else
  notok "no process left behind" "$(ps -o pid,pgid,cmd -p $(echo $left | tr ' ' ',') 2> /dev/null)"
fi
pgids=""
finish
