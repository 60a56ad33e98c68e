#!/bin/sh
# bench/serve.sh — tifa serve under load: wrk on GET /api/search over a
# large corpus, queries varied by a Lua script.
#
#   sh bench/serve.sh                    (make bench-serve; build/tifa must exist)
#   CORPUS_DOCS=20000 sh bench/serve.sh  (a quicker run)
#   SERVE_DB=path/to/tifa.db sh bench/serve.sh   (an existing corpus)
#
# The corpus: CORPUS_DOCS documents (default 100,000) made by the generator
# of bench/corpus.sh (the same documents, document i the same whatever the
# count; its text is taken from that script, not copied) into
# build/bench/serve/N/docs, added with tifa add --jobs 2 into
# build/bench/serve/N/tifa.db (N the count). Both are kept and reused while
# the generator and fixtures are unchanged (FORCE=1 rebuilds). A directory of its own, so
# that bench/corpus.sh running at the same time is not disturbed.
#
# What is measured: the server (build/tifa, copied first) on 127.0.0.1 with
# the default 8 reader handles; a 5 s warm-up, then RUNS runs (default 2) of
#   wrk -t2 -c64 -d30s --timeout 30s --latency -s search.lua
# where search.lua cycles through QUERIES: one- to five-character terms
# common and rare in the corpus, phrases, AND/NOT, and some with a date
# filter, each request asking for 20 hits and the total (what the search page
# does). Per run: requests/s, latency p50/p90/p99 and max, socket errors and
# non-2xx answers (must be 0: the script fails otherwise), and the server's
# resident memory (VmRSS) before and after — stable memory means the second
# run ends about where the first did.
#
# wrk's own timeout is 2 s: a request still queued then counts as a socket
# error although the server answers it. On 2 cores, with 64 connections and
# a search costing 40-300 ms in process at 100,000 documents (bench/README.md),
# a request waits for the ones ahead of it for seconds, so the timeout is
# TIMEOUT (30 s) and the waiting shows in the latency figures instead.
#
# Then one run (RARE_DURATION, default DURATION) on the formulations of
# four or more characters alone, then DOC_DURATION (10 s) of the same wrk on GET /api/doc/ID over varied ids
# (opening a document: one row read, no full-text query), which shows what
# the HTTP side itself costs. The figures: bench/wrk-report.py.
#
# The server runs with --no-cache for all of that: every request runs its
# query. Last, CACHED_DURATION (default DURATION) of the 40 search requests
# against a server with its answer cache (the default), where the repeated
# requests are answered from memory: what the cache does, not what a search
# costs.
#
# Environment: TIFA (default build/tifa), CORPUS_DOCS, SERVE_DB, JOBS,
# DURATION (default 30s), CONNECTIONS (64), THREADS (2), RUNS (2), TIMEOUT
# (30s), RARE_DURATION, DOC_DURATION (10s), CACHED_DURATION (0 skips
# them), FORCE=1.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$root/tests/serve-port.sh"
cd "$root" || exit 1

tifa=${TIFA:-build/tifa}
ndocs=${CORPUS_DOCS:-100000}
jobs=${JOBS:-2}
duration=${DURATION:-30s}
conns=${CONNECTIONS:-64}
threads=${THREADS:-2}
runs=${RUNS:-2}
timeout=${TIMEOUT:-30s}
dir=build/bench/serve/$ndocs

[ -x "$tifa" ] || { echo "bench/serve: $tifa not found; run 'make build/tifa'" >&2; exit 1; }
command -v wrk > /dev/null || { echo "bench/serve: wrk not found (Debian package wrk; make setup)" >&2; exit 1; }
command -v curl > /dev/null || { echo "bench/serve: curl not found" >&2; exit 1; }
case $ndocs in '' | *[!0-9]*) echo "bench/serve: CORPUS_DOCS must be a number" >&2; exit 2 ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tifa-bench-serve.XXXXXX")
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2> /dev/null; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
cp "$tifa" "$tmp/tifa" || exit 1
tifa_label="$tifa ($("$tmp/tifa" --version), built $(date -u -r "$tifa" '+%Y-%m-%d %H:%M:%S UTC'))"

# ------------------------------------------------------------------ corpus
if [ -n "${SERVE_DB:-}" ]; then
    db=$SERVE_DB
    [ -f "$db" ] || { echo "bench/serve: $db not found" >&2; exit 1; }
else
    db=$dir/tifa.db
    srcs=$(LC_ALL=C ls tests/readouts/*.txt ../shared/seeds/*.txt 2>/dev/null)
    [ -n "$srcs" ] || { echo "bench/serve: no fixtures found" >&2; exit 1; }
    sed -n '/^# -- generator/,/^# -- end of generator/p' bench/corpus.sh > "$tmp/gen.py"
    [ -s "$tmp/gen.py" ] || { echo "bench/serve: the generator was not found in bench/corpus.sh" >&2; exit 1; }
    # shellcheck disable=SC2086
    stamp="$( { cat "$tmp/gen.py"; cat $srcs; } | cksum | cut -d' ' -f1) $ndocs"
    if [ "${FORCE:-0}" = 1 ] || [ "$(cat "$dir/.done" 2>/dev/null)" != "$stamp" ] || [ ! -f "$db" ]; then
        rm -rf "$dir"
        mkdir -p "$dir/docs" || exit 1
        echo "bench/serve: making $ndocs documents in $dir/docs (bench/corpus.sh's generator)"
        # shellcheck disable=SC2086
        python3 "$tmp/gen.py" "$dir/docs" 0 "$ndocs" $srcs || { echo "bench/serve: the generator failed" >&2; exit 1; }
        echo "bench/serve: tifa add --jobs $jobs into $db"
        start=$(date +%s)
        "$tmp/tifa" add --db "$db" --jobs "$jobs" "$dir/docs" 2> "$tmp/add.err" || { tail -3 "$tmp/add.err"; exit 1; }
        echo "bench/serve: $(tail -1 "$tmp/add.err") in $(( $(date +%s) - start )) s"
        printf '%s\n' "$stamp" > "$dir/.done"
    fi
fi

# ----------------------------------------------------------------- queries
# Terms of the genre, common to rare; phrases and operators; some filtered.
cat > "$tmp/queries.txt" << 'EOF'
会议
发展
经济
改革
安全
两个确立
十五五
十四五
新质生产力
高质量发展
国务院常务会议
"中央经济工作会议"
全面从严治党
乡村振兴
人工智能
务虚会
民营经济
国防 AND 科技
会议 NOT 国务院
政治局
稳增长
就业
生态环境
党的二十大
粮食安全
疫情防控
对外开放
营商环境
科技创新
新型工业化
EOF
# search.lua: all of them; rare.lua: the formulations of four characters
# or more alone (no operator), each used by a minority of the documents —
# what an analyst mostly looks for.
python3 - "$tmp/queries.txt" "$tmp/search.lua" << 'EOF'
import sys, urllib.parse
qs = [l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
paths = []
for i, q in enumerate(qs):
    p = "/api/search?q=" + urllib.parse.quote(q) + "&limit=20"
    paths.append(p)
    if i % 3 == 0:  # the same query within a date range
        paths.append(p + "&from=2020&to=2024-06")
with open(sys.argv[2], "w") as f:
    f.write("-- generated by bench/serve.sh: cycles through %d search requests\n" % len(paths))
    f.write("local paths = {\n" + "".join('  "%s",\n' % p for p in paths) + "}\n")
    f.write("local n = 0\n")
    f.write("request = function()\n  n = n + 1\n  return wrk.format('GET', paths[(n % #paths) + 1])\nend\n")
EOF
python3 - "$tmp/queries.txt" "$tmp/rare.lua" << 'EOF'
import sys, urllib.parse
qs = [l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
qs = [q for q in qs if len(q) >= 4 and not any(c in q for c in ' "')]
paths = ["/api/search?q=" + urllib.parse.quote(q) + "&limit=20" for q in qs]
with open(sys.argv[2], "w") as f:
    f.write("-- generated by bench/serve.sh: cycles through %d search requests\n" % len(paths))
    f.write("local paths = {\n" + "".join('  "%s",\n' % p for p in paths) + "}\n")
    f.write("local n = 0\n")
    f.write("request = function()\n  n = n + 1\n  return wrk.format('GET', paths[(n % #paths) + 1])\nend\n")
EOF
nq=$(grep -c '"/api' "$tmp/search.lua")
nrare=$(grep -c '"/api' "$tmp/rare.lua")

# ------------------------------------------------------------------ server
# Without the answer cache: every request runs its query (the cost of a
# search); the cache gets a run of its own at the end.
"$tmp/tifa" serve --db "$db" --port 0 --read-only --no-cache > "$tmp/out" 2> "$tmp/err" &
pid=$!
port=$(serve_port "$tmp/out")
[ -n "$port" ] || { echo "bench/serve: the server did not start"; cat "$tmp/err"; exit 1; }
base=http://127.0.0.1:$port
rss() { awk '/^VmRSS/ {print $2 / 1024}' "/proc/$pid/status"; }
# The server's user + system CPU seconds so far (fields 14, 15 of stat; the
# command name holds no space here).
cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$pid/stat"; }
# wrk_run LUA DURATION OUT LABEL: one measured run, reported.
wrk_run() {
    c0=$(cpu)
    wrk -t"$threads" -c"$conns" -d"$2" --timeout "$timeout" --latency -s "$1" "$base" > "$3" 2>&1
    python3 bench/wrk-report.py "$3" "$4" "$(rss)" "$(echo "$(cpu) $c0" | awk '{print $1 - $2}')"
}
ndb=$(curl -s "$base/api/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "== tifa serve under wrk: $ndb documents ($db), $nq search requests cycled"
echo "   $tifa_label; $(nproc) cores ($cpu); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   tifa serve --read-only --no-cache; wrk -t$threads -c$conns -d$duration --timeout $timeout --latency -s search.lua $base"
rss0=$(rss)
wrk -t"$threads" -c"$conns" -d5s --timeout "$timeout" -s "$tmp/search.lua" "$base" > "$tmp/warm" 2>&1
rss1=$(rss)
printf '   server RSS: %.1f MB at start, %.1f MB after a 5 s warm-up\n' "$rss0" "$rss1"

failed=0
r=1
while [ $r -le "$runs" ]; do
    wrk_run "$tmp/search.lua" "$duration" "$tmp/run$r" "search, run $r" || failed=1
    r=$((r + 1))
done

# Formulations only (4+ characters, each in a minority of the documents).
if [ "${RARE_DURATION:-$duration}" != 0 ]; then
    wrk_run "$tmp/rare.lua" "${RARE_DURATION:-$duration}" "$tmp/rare" "search, $nrare formulations of 4+ characters only" || failed=1
fi

# Opening documents: one row each, no full-text query.
doc_duration=${DOC_DURATION:-10s}
if [ "$doc_duration" != 0 ]; then
    maxid=$(python3 -c "import sqlite3,sys; print(sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True).execute('SELECT max(id) FROM doc').fetchone()[0])" "$db")
    cat > "$tmp/doc.lua" << EOF
-- generated by bench/serve.sh: GET /api/doc/ID, ids spread over the corpus
local n = 0
request = function()
  n = n + 1
  return wrk.format('GET', '/api/doc/' .. ((n * 7919) % $maxid + 1))
end
EOF
    wrk_run "$tmp/doc.lua" "$doc_duration" "$tmp/doc" "GET /api/doc/ID, $doc_duration" || failed=1
fi

st=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/stats")
[ "$st" = 200 ] || { echo "FAIL: the server does not answer after the runs ($st)"; failed=1; }
kill -TERM "$pid"; wait "$pid"; sst=$?
pid=""
[ "$sst" = 0 ] || { echo "FAIL: the server exited with status $sst"; failed=1; }

# With the cache (the default): the same 40 requests, which repeat, so
# after the first round most answers come from memory while the corpus
# does not change. CACHED_DURATION (default DURATION; 0 skips).
if [ "${CACHED_DURATION:-$duration}" != 0 ]; then
    : > "$tmp/out"
    "$tmp/tifa" serve --db "$db" --port 0 --read-only > "$tmp/out" 2> "$tmp/err" &
    pid=$!
    port=$(serve_port "$tmp/out")
    base=http://127.0.0.1:$port
    wrk_run "$tmp/search.lua" "${CACHED_DURATION:-$duration}" "$tmp/cached" "search with the cache (default), same 40 requests" || failed=1
    kill -TERM "$pid"; wait "$pid"; sst=$?
    pid=""
    [ "$sst" = 0 ] || { echo "FAIL: the server exited with status $sst"; failed=1; }
fi
exit $failed
