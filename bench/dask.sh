#!/bin/sh
# bench/dask.sh — python3 -m tifa.dask on the 100k bench corpus
# (bench/corpus.sh's documents, made when missing), against serial
# `tifa extract` of the same files:
#   - documents/s and CPU seconds per document (the workers', from the
#     manifest's cpu_seconds, and the whole run's, client and scheduler
#     included) for a cluster of 1 and of 2 workers (dask-scheduler and
#     dask-worker --nthreads 1 on 127.0.0.1), the load average printed;
#   - a replay of the 2-worker manifest's shard times on a LocalCluster of
#     100 workers (in-process, sleeping tasks): how much of 100 workers'
#     time Dask keeps busy. REPLAY_TASKS (default 1000) tasks, the shard
#     times taken in turn and scaled by REPLAY_SCALE (default 1).
#
#   make bench-dask            (builds first)
#   CORPUS_DOCS=20000 sh bench/dask.sh
#
# SHARD_SIZE (default 10000). The parts are checked against serial
# extraction, byte for byte.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root" || exit 1
tifa=${TIFA:-build/tifa}
ndocs=${CORPUS_DOCS:-100000}
shard=${SHARD_SIZE:-10000}
PY=${DASK_PYTHON:-/usr/bin/python3}
[ -x "$tifa" ] || { echo "bench/dask: $tifa not found; run 'make'" >&2; exit 1; }
[ -x /usr/bin/dask-scheduler ] || { echo "bench/dask: dask-scheduler not found (Debian package python3-distributed)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/dask: GNU time not found (Debian package: time)" >&2; exit 1; }
CORPUS_DOCS=$ndocs CORPUS_ONLY=1 sh bench/corpus.sh || exit 1
docs=build/bench/corpus/docs
T=$(mktemp -d "${TMPDIR:-/tmp}/tifa-bench-dask.XXXXXX")
pgids=""
stop_all() {
    for g in $pgids; do kill -TERM "-$g" 2>/dev/null; done
    sleep 1
    for g in $pgids; do kill -KILL "-$g" 2>/dev/null; done
    wait 2>/dev/null
    pgids=""
}
trap 'stop_all; rm -rf "$T"' EXIT
trap 'exit 130' INT TERM
export PYTHONPATH=$root/python
load() { cut -d' ' -f1-3 /proc/loadavg; }
cpu_of_groups() { # the CPU seconds (user + sys) so far of the processes in $pgids
    for g in $pgids; do pgrep -g "$g"; done | while read -r p; do cat "/proc/$p/stat" 2>/dev/null; done |
        awk -v hz="$(getconf CLK_TCK)" '{ s += $14 + $15 + $16 + $17 } END { printf "%.2f", s / hz }'
}

find "$docs" -name '*.txt' | LC_ALL=C sort > "$T/docs.list"
echo "bench/dask: $(wc -l < "$T/docs.list") documents, $(nproc) CPUs, load average $(load)"
/usr/bin/time -f '%e %U %S' -o "$T/serial.time" "$tifa" extract --files-from "$T/docs.list" > "$T/serial.jsonl" ||
    { echo "bench/dask: serial tifa extract failed" >&2; exit 1; }
read -r sw su ss < "$T/serial.time"
calc() { awk "BEGIN { print $1 }"; }
printf '%-34s %8.1f s  %7.0f docs/s  %6.3f ms CPU/doc  (load %s)\n' "serial tifa extract, 1 process" "$sw" \
    "$(calc "$ndocs / $sw")" "$(calc "($su + $ss) * 1000 / $ndocs")" "$(load)"

for n in 1 2; do
    setsid /usr/bin/dask-scheduler --host 127.0.0.1 --port 0 --scheduler-file "$T/s$n.json" --no-dashboard --idle-timeout 900 \
        > "$T/s$n.log" 2>&1 &
    pgids="$pgids $!"
    for _ in $(seq 300); do [ -s "$T/s$n.json" ] && break; sleep 0.1; done
    setsid /usr/bin/dask-worker --scheduler-file "$T/s$n.json" --nworkers "$n" --nthreads 1 --host 127.0.0.1 \
        --no-dashboard --local-directory "$T/w$n" > "$T/w$n.log" 2>&1 &
    pgids="$pgids $!"
    "$PY" -c "
from distributed import Client
c = Client(scheduler_file='$T/s$n.json', timeout=60); c.wait_for_workers($n, timeout=120); c.close()" ||
        { echo "bench/dask: the cluster did not start" >&2; exit 1; }
    cpu0=$(cpu_of_groups)
    /usr/bin/time -f '%e %U %S' -o "$T/d$n.time" "$PY" -m tifa.dask --scheduler-file "$T/s$n.json" \
        --shard-size "$shard" --out "$T/out$n" --files-from "$T/docs.list" 2> "$T/d$n.err" ||
        { echo "bench/dask: tifa.dask failed:" >&2; tail -5 "$T/d$n.err" >&2; exit 1; }
    cpu1=$(cpu_of_groups)
    read -r dw du ds < "$T/d$n.time"
    for p in "$T/out$n"/part-*.jsonl.gz; do gzip -dc "$p"; done | cmp -s - "$T/serial.jsonl" ||
        { echo "bench/dask: the parts of $n worker(s) differ from serial tifa extract" >&2; exit 1; }
    wcpu=$("$PY" -c "import json,sys; print(sum(json.loads(l)['cpu_seconds'] for l in open(sys.argv[1])))" \
        "$T/out$n/manifest.jsonl")
    total=$(calc "$cpu1 - $cpu0 + $du + $ds")
    printf '%-34s %8.1f s  %7.0f docs/s  %6.3f ms CPU/doc in tasks, %6.3f all told  (load %s)\n' \
        "tifa.dask, $n worker(s) x 1 thread" "$dw" "$(calc "$ndocs / $dw")" \
        "$(calc "$wcpu * 1000 / $ndocs")" "$(calc "$total * 1000 / $ndocs")" "$(load)"
    stop_all
done

# Replay the shard times on 100 workers (sleeping tasks).
"$PY" - "$T/out2/manifest.jsonl" "${REPLAY_TASKS:-1000}" "${REPLAY_SCALE:-1}" <<'EOF'
import json, sys, time, logging
from distributed import Client, LocalCluster, wait
logging.getLogger("distributed").setLevel(logging.ERROR)
times = [json.loads(l)["seconds"] for l in open(sys.argv[1])]
ntasks, scale = int(sys.argv[2]), float(sys.argv[3])
durations = [times[i % len(times)] * scale for i in range(ntasks)]


def task(i, seconds):
    time.sleep(seconds)
    return i


cluster = LocalCluster(n_workers=100, threads_per_worker=1, processes=False, dashboard_address=None)
client = Client(cluster)
start = time.time()
futures = [client.submit(task, i, d, pure=False) for i, d in enumerate(durations)]
wait(futures)
wall = time.time() - start
client.close()
cluster.close()
busy = sum(durations)
ideal = max(busy / 100, max(durations))
print(f"replay on a LocalCluster of 100 workers: {ntasks} tasks of the manifest's shard times "
      f"({min(durations):.2f}-{max(durations):.2f} s, {busy:.0f} s in all): {wall:.1f} s against {ideal:.1f} s "
      f"at best, efficiency {busy / (100 * wall) * 100:.1f}%")
EOF
