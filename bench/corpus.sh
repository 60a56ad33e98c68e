#!/bin/sh
# bench/corpus.sh — the corpus: tifa add throughput, index size, search
# latency and recall against SQLite's own trigram tokenizer.
#
#   sh bench/corpus.sh                   (build/tifa must exist: make build/tifa)
#   CORPUS_DOCS=20000 sh bench/corpus.sh (a quicker run)
#
# The corpus: build/bench/corpus/docs/NNNNNN.txt, CORPUS_DOCS documents
# (default 100,000), made deterministically from the fixtures
# tests/readouts/*.txt and ../shared/seeds/*.txt as in bench/extract.sh, but
# varied more: tifa add would link most of extract.sh's copies to their
# fixture as near copies, and tifa search leaves near copies out (the share
# linked is printed). Document i depends on i and the fixtures only (a
# generator seeded with i); the first three lines of
# fixture i mod F (title, dateline) are kept, then:
#   - each body paragraph of the fixture is kept with probability 0.4, 0.6
#     or 0.8, and each sentence (up to 。！？；) of a kept paragraph is
#     dropped with probability 0.2, 0.3 or 0.4;
#   - 3 to 7 body paragraphs of other fixtures (sentences dropped likewise)
#     are inserted at random places, and 1 to 3 pairs of paragraphs swapped;
#   - dates shifted consistently (years -6..+2, months, days), about a third
#     of the other numbers rewritten with as many digits (extract.sh's rule);
#   - names swapped: a surname and one or two characters standing in a list
#     (、，) or before 同志/主持/讲话/出席 becomes another generated name,
#     consistently within the document.
# The corpus is made once and kept: .done holds a stamp of the fixtures and
# the generator, and the count. A larger CORPUS_DOCS adds the missing
# documents, a smaller one deletes the extra ones (document i is the same
# either way); a changed stamp or FORCE=1 rebuilds it.
#
# What is measured:
#   1. tifa add --jobs JOBS (default 2) into a fresh build/bench/corpus/
#      tifa.db, ADD_REPS times (default 3; the fastest run counts, all are
#      printed): wall and CPU seconds, documents/s, MB/s (input bytes / 10^6
#      / wall s), peak RSS (GNU time), the summary line. Goal: >= 2,000
#      documents/s with --jobs 2. PROFILE=1 then runs it once more under
#      `perf record --call-graph dwarf` (build/bench/corpus/perf.data),
#      prints where the main (storing) thread and the workers spend their
#      time, and times the FTS5 index alone (tifa's tokenizer, one thread,
#      the first 20,000 clean texts) with a savepoint per document and a
#      commit per 64 (as tifa add does), a commit per 64, per 1024, one
#      transaction, and a commit per document.
#   2. Index size: the database file against the input bytes; per part
#      (documents: raw bytes, clean text, records; the FTS5 index) from the
#      dbstat table.
#   3. The same clean texts (SELECT id, clean FROM doc, near copies
#      included, rowid = id) in an FTS5 table with SQLite's trigram tokenizer
#      (build/bench/corpus/trigram.db), its build time and size.
#   4. Search latency per query, grouped by query length (1, 2, 3, 4, 5+
#      characters): p50 and p99 (nearest rank) over up to LAT_REPS runs
#      (default 30; fewer, at least 10, once a query has used LAT_BUDGET
#      seconds, default 10) after one warm-up run, for
#        tifa CLI         build/tifa search --db tifa.db --json --limit 20 Q
#                         (a process per query: start-up, opening the
#                         corpus, the search and the count of all matches);
#        tifa in-process  the same tifa_corpus_search call (limit 20, with
#                         the total) from a small C program linked with
#                         build/libtifa.a, the corpus opened once (skipped
#                         with a note when it cannot be compiled);
#        tifa in-proc no total  the same without the total (tifa's count of
#                         all matches is a second query; this shows its cost);
#        trigram in-proc  python3's sqlite3, connection opened once: the 20
#                         best rows by rank with a snippet, then count(*) —
#                         the same work as tifa's search;
#        trigram CLI      the same two statements through a sqlite3 process.
#      Process start alone: build/tifa --version and sqlite3 -version.
#   5. Recall. Reference: the stored first copies (duplicate_of IS NULL, as
#      tifa search leaves near copies out) whose clean text contains the
#      query (instr). For 3+ characters every such document the trigram
#      index finds (t MATCH '"Q"') must be among tifa's hits (build/tifa
#      search --limit larger than the corpus); for every query the whole
#      reference must be. For 1-2 characters the trigram index finds nothing
#      (it cannot) while tifa finds the reference. tifa hits without the
#      exact string (a phrase matched across a space or a Latin word) are
#      counted as extra, not as errors.
#
# build/tifa and build/libtifa.a are copied when the script starts, so a
# rebuild while it runs does not change what is measured; the binary's
# build time is printed.
#
# Benchmarks report, tests assert: a missed speed goal does not fail the
# script; a failing command, a wrong add count or recall below 100% does
# (a FAIL line, exit 1).
#
# Environment: TIFA (default build/tifa), CORPUS_DOCS, CORPUS_DIR (default
# build/bench/corpus: where the documents and databases go), JOBS, ADD_REPS,
# LAT_REPS, LAT_BUDGET, PROFILE=1, FORCE=1; SCALE=1 (SCALE_SIZES, REF_TIFA,
# RECORDS=1) measures time per added document against the corpus's size
# instead (see "scale" below); SEARCH=1 (SEARCH_SIZES, FORCE_SEARCH=1)
# search at 100,000 and a million documents, the first page newest first
# (see "search" below; make bench-search).
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root" || exit 1

tifa=${TIFA:-build/tifa}
ndocs=${CORPUS_DOCS:-100000}
jobs=${JOBS:-2}
lat_reps=${LAT_REPS:-30}
lat_budget=${LAT_BUDGET:-10}
dir=${CORPUS_DIR:-build/bench/corpus}
db=$dir/tifa.db
tri=$dir/trigram.db
goal=2000

[ -x "$tifa" ] || { echo "bench/corpus: $tifa not found; run 'make build/tifa'" >&2; exit 1; }
command -v python3 >/dev/null 2>&1 || { echo "bench/corpus: python3 not found" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/corpus: GNU time not found (Debian package: time)" >&2; exit 1; }
python3 -c 'import sqlite3, sys; c = sqlite3.connect(":memory:"); c.execute("CREATE VIRTUAL TABLE t USING fts5(b, tokenize=\"trigram\")"); c.execute("SELECT count(*) FROM dbstat")' 2>/dev/null ||
    { echo "bench/corpus: python3's sqlite3 lacks FTS5 trigram or dbstat (SQLite >= 3.34 needed)" >&2; exit 1; }
case $ndocs in '' | *[!0-9]*) echo "bench/corpus: CORPUS_DOCS must be a number" >&2; exit 2 ;; esac

failed=0
fail() { echo "FAIL: $*"; failed=1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tifa-bench-corpus.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- snapshot
# The binary and library under test are copied first, so that a rebuild
# while the benchmark runs (a teammate's make) does not change or break it.
cp "$tifa" "$tmp/tifa" || exit 1
cp build/libtifa.a include/tifa.h "$tmp/" 2>/dev/null
tifa_label="$tifa ($("$tmp/tifa" --version 2>/dev/null), built $(date -u -r "$tifa" '+%Y-%m-%d %H:%M:%S UTC'))"
tifa_run=$tmp/tifa

# ----------------------------------------------------- in-process helper
helper=""
if [ -f "$tmp/libtifa.a" ] && command -v "${CC:-cc}" >/dev/null 2>&1; then
    cat >"$tmp/lat.c" <<'EOF'
/* tifa_corpus_search latency, the corpus opened once:
 * db reps budget with-total(1|0) Q... */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tifa.h>

static int on_hit(void *user, const tifa_hit *h) {
    size_t *n = user;
    *n += (h->snippet ? strlen(h->snippet) : 0) + (h->file ? strlen(h->file) : 0);
    return 0;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 5) return 2;
    tifa_corpus *c;
    tifa_error err = {0};
    if (tifa_corpus_open(argv[1], 1, &c, &err) != TIFA_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], err.message);
        return 1;
    }
    int reps = atoi(argv[2]);
    double budget = atof(argv[3]);
    int with_total = atoi(argv[4]);
    for (int q = 5; q < argc; q++) {
        tifa_filter f = {0};
        f.limit = 20;
        size_t sink = 0;
        int64_t total = 0;
        if (tifa_corpus_search(c, argv[q], &f, on_hit, &sink, &total, &err) != TIFA_OK) {
            fprintf(stderr, "%s: %s\n", argv[q], err.message);
            return 1;
        }
        printf("%lld", (long long)total);
        double spent = 0;
        for (int r = 0; r < reps && (spent < budget || r < 10); r++) {
            double t0 = now();
            tifa_corpus_search(c, argv[q], &f, on_hit, &sink, with_total ? &total : NULL, &err);
            double t = now() - t0;
            spent += t;
            printf(" %.6f", t);
        }
        printf("\n");
    }
    tifa_corpus_close(c);
    return 0;
}
EOF
    if "${CC:-cc}" -O2 -std=c11 -I"$tmp" "$tmp/lat.c" "$tmp/libtifa.a" -lsqlite3 -lgumbo -lpthread -o "$tmp/tifa-latency" 2>"$tmp/cc.err"; then
        helper=$tmp/tifa-latency
    else
        echo "note: the in-process helper did not compile against build/libtifa.a (skipped): $(head -n 1 "$tmp/cc.err")"
    fi
else
    echo "note: no build/libtifa.a or C compiler: tifa in-process latency skipped"
fi


# ------------------------------------------------------------------ corpus
srcs=$(LC_ALL=C ls tests/readouts/*.txt ../shared/seeds/*.txt 2>/dev/null)
[ -n "$srcs" ] || { echo "bench/corpus: no fixtures found" >&2; exit 1; }
# shellcheck disable=SC2086 # fixture names have no spaces
stamp=$( { sed -n '/^# -- generator/,/^# -- end of generator/p' "$here/corpus.sh"; cat "$here/variants.py" $srcs; } | cksum | cut -d' ' -f1)
have=0
if [ "${FORCE:-0}" != 1 ] && [ "$(sed -n 1p "$dir/.done" 2>/dev/null)" = "$stamp" ]; then
    have=$(sed -n 2p "$dir/.done")
else
    rm -rf "$dir/docs" "$dir/.done"
fi
mkdir -p "$dir/docs" || exit 1
if [ "$have" != "$ndocs" ]; then
    start=$have
    [ "$start" -gt "$ndocs" ] && start=$ndocs
    rm -f "$dir/.done"
    # shellcheck disable=SC2086
    PYTHONPATH="$here" python3 - "$dir/docs" "$start" "$ndocs" $srcs <<'EOF' || { echo "bench/corpus: could not build the corpus" >&2; exit 1; }
# -- generator (its text is part of the corpus stamp)
import os
import random
import re
import sys

from variants import load_fixtures, vary_numbers

out, start, n, srcs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
fixtures = load_fixtures(srcs)

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤"
            "陳劉張楊黃趙吳鄭許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒龔錢嚴湯")
GIVEN = "建国华明伟军平志强红文杰玉兰英民永春海忠勇庆东辉宁涛鹏飞斌波静丽敏秀芳娟新峰晓瑞林云成德光荣胜利宏刚金祥"
NAME = re.compile("(?<=[、，,：:　 ])([%s][\u4e00-\u9fff]{1,2})(?=[、，,。　 ]|同志|主持|讲话|講話|出席)" % SURNAMES)
SENT = re.compile(r"[^。！？；]*[。！？；]?")


def swap_names(text, rng):
    mapping = {}

    def repl(m):
        s = m.group(1)
        if s not in mapping:
            mapping[s] = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(len(s) - 1))
        return mapping[s]

    return NAME.sub(repl, text)


def drop_sentences(line, rng, p):
    sents = [s for s in SENT.findall(line) if s]
    if len(sents) < 2:
        return line
    kept = [s for s in sents if rng.random() >= p]
    return "".join(kept) if kept else sents[0]


def body_paragraphs(text):
    return [line for line in text.split("\n")[3:] if len(line.strip()) >= 20]


POOL = [p for f in fixtures if isinstance(f, str) for p in body_paragraphs(f)]


def vary(i):
    rng = random.Random(i)
    src = fixtures[i % len(fixtures)]
    if not isinstance(src, str):
        lines = src.split(b"\n")
        body = [k for k in range(3, len(lines)) if lines[k].strip()]
        if len(body) >= 2:
            for _ in range(rng.randint(1, 3)):
                a, b = rng.sample(body, 2)
                lines[a], lines[b] = lines[b], lines[a]
        return b"\n".join(lines)
    lines = src.split("\n")
    head, body = lines[:3], lines[3:]
    p = rng.choice((0.2, 0.3, 0.4))
    keep = rng.choice((0.4, 0.6, 0.8))
    body = [drop_sentences(l, rng, p) for l in body if not l.strip() or len(l) < 20 or rng.random() < keep]
    for _ in range(rng.randint(3, 7)):
        body.insert(rng.randint(0, len(body)), drop_sentences(rng.choice(POOL), rng, p))
    idx = [k for k in range(len(body)) if body[k].strip()]
    if len(idx) >= 2:
        for _ in range(rng.randint(1, 3)):
            a, b = rng.sample(idx, 2)
            body[a], body[b] = body[b], body[a]
    text = "\n".join(head + body)
    return swap_names(vary_numbers(text, rng), rng).encode("utf-8")


for name in os.listdir(out):
    if name.endswith(".txt") and name[:-4].isdigit() and int(name[:-4]) >= n:
        os.unlink(os.path.join(out, name))
for i in range(start, n):
    with open(os.path.join(out, f"{i:06d}.txt"), "wb") as f:
        f.write(vary(i))
# -- end of generator
EOF
    printf '%s\n%s\n' "$stamp" "$ndocs" >"$dir/.done"
    if [ "$start" -lt "$ndocs" ]; then
        echo "bench/corpus: built documents $start..$((ndocs - 1)) in $dir/docs from $(echo "$srcs" | wc -w) fixtures"
    else
        echo "bench/corpus: kept documents 0..$((ndocs - 1)) in $dir/docs, removed the others"
    fi
else
    echo "bench/corpus: using the existing corpus in $dir/docs (FORCE=1 rebuilds it)"
fi
nfiles=$(find "$dir/docs" -name '*.txt' | wc -l)
[ "$nfiles" -eq "$ndocs" ] || { echo "bench/corpus: $nfiles files in $dir/docs, expected $ndocs (FORCE=1 rebuilds)" >&2; exit 1; }
bytes=$(find "$dir/docs" -name '*.txt' -exec cat {} + | wc -c) # also warms the page cache
# CORPUS_ONLY=1: the documents made, nothing measured (bench/dask.sh).
[ "${CORPUS_ONLY:-0}" = 1 ] && { echo "bench/corpus: $ndocs documents, $bytes bytes in $dir/docs"; exit 0; }

ncpu=$(nproc 2>/dev/null || echo 1)
echo "bench/corpus: $ndocs documents, $bytes bytes"
echo "tifa: $tifa_label"
echo "machine: $ncpu CPU(s), $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1), load$(uptime | sed 's/.*load average//')"

# ------------------------------------------------------------------ scale
# SCALE=1 (issue 12): time per added document against the corpus's size,
# instead of the measures below. For each n of SCALE_SIZES (default
# "100000 CORPUS_DOCS"), documents 0..n-1 are added to a fresh
# $dir/scale.db in two runs of tifa add --jobs JOBS: the first 90%, then
# the last 10% into the corpus holding them (a process of its own: opening
# the corpus, which reads the near-copy index, is counted). The figure is
# the last run's wall and CPU time per document: what adding costs at
# that size. Then, at the first size:
#   - REF_TIFA=path (another tifa, e.g. main's): the same documents added
#     by it in one run; the links (each document's first copy and kind,
#     by file name) must be identical (a FAIL otherwise);
#   - RECORDS=1: tifa extract --with-raw of the same documents (one
#     process: r, documents a second per worker), then tifa add --records
#     of them (R, the writer alone), and the corpus compared with the
#     scale run's (rows and links identical, the time added aside).
if [ "${SCALE:-0}" = 1 ]; then
    sizes=${SCALE_SIZES:-"100000 $ndocs"}
    find "$dir/docs" -name '*.txt' | LC_ALL=C sort > "$tmp/all"
    links() { sqlite3 "$1" "SELECT d.file, coalesce(f.file, '-'), coalesce(d.copy, 'first') FROM doc d
                            LEFT JOIN doc f ON f.id = d.duplicate_of ORDER BY d.file"; }
    timed() { # label list db: runs tifa add, prints the line
        /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$tifa_run" add --db "$3" --jobs "$jobs" --files-from "$2" 2> "$tmp/e"
        grep -q "^added " "$tmp/e" || fail "tifa add failed ($1): $(tail -n 3 "$tmp/e")"
        # (shell functions share the caller's variables: names of their own)
        # GNU time puts "Command exited with non-zero status N" first when a document failed.
        read -r t_w t_u t_s t_m <<EOT
$(tail -n 1 "$tmp/t")
EOT
        t_k=$(wc -l < "$2")
        awk -v l="$1" -v k="$t_k" -v w="$t_w" -v u="$t_u" -v s="$t_s" -v m="$t_m" -v sum="$(grep '^added ' "$tmp/e")" 'BEGIN {
            printf "  %-40s %8d %8.1f %8.0f %8.0f %8.0f %7.0f MB   %s\n", l, k, w, k / w, 1e6 * w / k, 1e6 * (u + s) / k, m / 1024, sum }'
        grep -v '^added ' "$tmp/e" | head -n 3 | sed 's/^/      /'
        echo "$t_w $t_u $t_s $t_k" > "$tmp/last"
    }
    echo "scale: time per added document (tifa add --jobs $jobs; wall us/doc and CPU us/doc, user + system)"
    printf "  %-40s %8s %8s %8s %8s %8s %10s   %s\n" "run" "docs" "wall s" "docs/s" "wall us" "CPU us" "peak RSS" "summary"
    first=""
    for n in $sizes; do
        [ "$n" -le "$ndocs" ] || { fail "SCALE_SIZES: $n is more than the $ndocs documents made"; continue; }
        head -n "$n" "$tmp/all" > "$tmp/list"
        m=$((n * 9 / 10))
        head -n "$m" "$tmp/list" > "$tmp/head"
        tail -n +"$((m + 1))" "$tmp/list" > "$tmp/tail"
        rm -f "$dir/scale.db" "$dir/scale.db-wal" "$dir/scale.db-shm"
        timed "n=$n: documents 0..$((m - 1)), fresh" "$tmp/head" "$dir/scale.db"
        timed "n=$n: documents $m..$((n - 1)), into $m" "$tmp/tail" "$dir/scale.db"
        read -r w u s k < "$tmp/last"
        echo "$n $w $u $s $k" >> "$tmp/marginal"
        echo "    corpus file: $(du -m "$dir/scale.db" | cut -f1) MB; near_index: $(sqlite3 "$dir/scale.db" "SELECT count(*) FROM near_index") first copies"
        if [ -z "$first" ]; then
            first=$n
            links "$dir/scale.db" > "$tmp/links-new"
            cp "$tmp/list" "$tmp/list-first"
            sqlite3 "$dir/scale.db" "SELECT file, sha256, clean_sha256, simhash, hex(sketch), coalesce(duplicate_of, 0), copy, record,
                                     date, meeting, org, title FROM doc ORDER BY id" | sha256sum > "$tmp/rows-add"
        fi
    done
    awk 'NR == 1 { w0 = $2 / $5; c0 = ($3 + $4) / $5; n0 = $1 } END {
        if (NR > 1) printf "  the last 10%% at n=%d against n=%d: wall per document x%.2f, CPU per document x%.2f (goal: <= 1.5)\n",
            $1, n0, ($2 / $5) / w0, (($3 + $4) / $5) / c0 }' "$tmp/marginal"
    if [ -n "${REF_TIFA:-}" ] && [ -n "$first" ]; then
        rm -f "$dir/ref.db" "$dir/ref.db-wal" "$dir/ref.db-shm"
        /usr/bin/time -f "%e" -o "$tmp/t" "$REF_TIFA" add --db "$dir/ref.db" --jobs "$jobs" --files-from "$tmp/list-first" 2> "$tmp/e"
        links "$dir/ref.db" > "$tmp/links-ref"
        nl=$(grep -c -v -- '|-|first$' "$tmp/links-ref")
        if cmp -s "$tmp/links-ref" "$tmp/links-new"; then
            echo "  links at n=$first: identical to $REF_TIFA's ($nl documents linked to a first copy; it took $(tail -n 1 "$tmp/t") s in one run)"
        else
            fail "links at n=$first differ from $REF_TIFA's: $(diff "$tmp/links-ref" "$tmp/links-new" | grep -c '^[<>]') lines (diff $dir/ref.db $dir/scale.db)"
        fi
    fi
    if [ "${RECORDS:-0}" = 1 ] && [ -n "$first" ]; then
        rm -f "$dir/records.db" "$dir/records.db-wal" "$dir/records.db-shm"
        /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$tifa_run" extract --with-raw --files-from "$tmp/list-first" > "$dir/records.jsonl"
        read -r w u s m <<EOT
$(tail -n 1 "$tmp/t")
EOT
        echo "  records: tifa extract --with-raw, one process, $first documents: $w s wall, $(awk -v n="$first" -v w="$w" 'BEGIN { printf "%.0f", n / w }') docs/s (r); $(du -m "$dir/records.jsonl" | cut -f1) MB of records"
        /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$tifa_run" add --db "$dir/records.db" --records "$dir/records.jsonl" 2> "$tmp/e"
        read -r w u s m <<EOT
$(tail -n 1 "$tmp/t")
EOT
        echo "  records: tifa add --records, $first records: $w s wall ($u s user, $s s system), $(awk -v n="$first" -v w="$w" 'BEGIN { printf "%.0f", n / w }') docs/s (R), peak RSS $((m / 1024)) MB; $(grep '^added ' "$tmp/e")"
        sqlite3 "$dir/records.db" "SELECT file, sha256, clean_sha256, simhash, hex(sketch), coalesce(duplicate_of, 0), copy, record,
                                   date, meeting, org, title FROM doc ORDER BY id" | sha256sum > "$tmp/rows-records"
        if cmp -s "$tmp/rows-add" "$tmp/rows-records" && links "$dir/records.db" | cmp -s - "$tmp/links-new"; then
            echo "  records: the corpus equals tifa add's (documents, records, fingerprints, links)"
        else
            fail "records: the corpus of tifa add --records differs from tifa add's ($dir/records.db, $dir/scale.db of n=$first: rerun SCALE_SIZES=$first)"
        fi
        rm -f "$dir/records.jsonl"
    fi
    [ "$failed" -eq 0 ] || { echo "bench/corpus: FAILED (see the FAIL lines above)"; exit 1; }
    exit 0
fi
# ----------------------------------------------------------------- search
# SEARCH=1 (issue 14): search at SEARCH_SIZES documents (default
# "100000 CORPUS_DOCS"), the first page newest first against the page by
# rank, beside SQLite's trigram tokenizer, instead of the measures below.
# For each n, documents 0..n-1 are added (tifa add --jobs JOBS) to
# $dir/search-n.db and their clean texts put in an FTS5 trigram table
# ($dir/search-n-tri.db), both kept for the next run (FORCE_SEARCH=1
# makes them again; the trigram table is remade when its row count is not
# the corpus's). Then, per query of the bench's list, CPU time per query
# (CLOCK_PROCESS_CPUTIME_ID in-process, the corpus opened once, one
# warm-up run, up to LAT_REPS runs, at least 10), p50 and p99 per query
# kind (1, 2, 3, 4 characters, phrases of 5+):
#   tifa newest    tifa_corpus_search_newest, limit 20, with the total
#                  (exact up to 10,000, estimated above)
#   tifa rank      tifa_corpus_search, limit 20, with the exact total
#                  (what search did before: BM25 over every match)
#   trigram newest python3's sqlite3: the 20 newest rows (ORDER BY rowid
#                  DESC) with a snippet, then count(*) of at most 10,001
#   trigram rank   the 20 best rows by rank with a snippet, then count(*)
# (trigram cannot answer 1-2 characters: it finds nothing, in no time).
# Goal: tifa newest p99 <= 50 ms for every kind at 1,000,000 documents.
# Recall: every query, tifa_corpus_search_newest without a limit must
# return exactly the first copies whose clean text contains the query
# (one pass over the texts), plus those trigram finds (a FAIL otherwise);
# the estimate is printed beside the true count.
if [ "${SEARCH:-0}" = 1 ]; then
    sizes=${SEARCH_SIZES:-"100000 $ndocs"}
    find "$dir/docs" -name '*.txt' | LC_ALL=C sort > "$tmp/all"
    cat >"$tmp/srch.c" <<'EOF'
/* db mode reps budget Q...: mode 0 newest with total, 1 rank with total,
 * 2 every hit newest (ids, for recall). Prints per query: total estimated
 * cpu-s... (up to reps runs, at least 5 once budget CPU seconds are spent) */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tifa.h>

static int on_hit(void *user, const tifa_hit *h) {
    size_t *n = user;
    *n += (h->snippet ? strlen(h->snippet) : 0) + (h->file ? strlen(h->file) : 0);
    return 0;
}

static int print_id(void *user, const tifa_hit *h) {
    fprintf(user, " %lld", (long long)h->id);
    return 0;
}

static double cpu(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static tifa_status run(tifa_corpus *c, int mode, const char *q, tifa_filter *f, size_t *sink, int64_t *total,
                       int *est, tifa_error *err) {
    if (mode == 1) return tifa_corpus_search(c, q, f, on_hit, sink, total, err);
    return tifa_corpus_search_newest(c, q, f, on_hit, sink, total, est, err);
}

int main(int argc, char **argv) {
    if (argc < 5) return 2;
    tifa_corpus *c;
    tifa_error err = {0};
    if (tifa_corpus_open(argv[1], 1, &c, &err) != TIFA_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], err.message);
        return 1;
    }
    int mode = atoi(argv[2]), reps = atoi(argv[3]);
    double budget = atof(argv[4]);
    for (int q = 5; q < argc; q++) {
        tifa_filter f = {.limit = mode == 2 ? 0 : 20};
        size_t sink = 0;
        int64_t total = 0;
        int est = 0;
        if (mode == 2) {
            printf("%s", argv[q]);
            if (tifa_corpus_search_newest(c, argv[q], &f, print_id, stdout, NULL, NULL, &err) != TIFA_OK) return 1;
            printf("\n");
            continue;
        }
        if (run(c, mode, argv[q], &f, &sink, &total, &est, &err) != TIFA_OK) {
            fprintf(stderr, "%s: %s\n", argv[q], err.message);
            return 1;
        }
        printf("%lld %d", (long long)total, est);
        double spent = 0;
        for (int r = 0; r < reps && (spent < budget || r < 5); r++) {
            double t0 = cpu();
            run(c, mode, argv[q], &f, &sink, &total, &est, &err);
            double t = cpu() - t0;
            spent += t;
            printf(" %.6f", t);
        }
        printf("\n");
        fflush(stdout);
    }
    tifa_corpus_close(c);
    return 0;
}
EOF
    "${CC:-cc}" -O2 -std=c11 -I"$tmp" "$tmp/srch.c" "$tmp/libtifa.a" -lsqlite3 -lgumbo -lz -lpthread -o "$tmp/srch" 2>"$tmp/cc.err" ||
        { echo "bench/corpus: the search helper does not compile: $(head -n 3 "$tmp/cc.err")" >&2; exit 1; }
    for n in $sizes; do
        [ "$n" -le "$ndocs" ] || { fail "SEARCH_SIZES: $n is more than the $ndocs documents made"; continue; }
        sdb=$dir/search-$n.db
        stri=$dir/search-$n-tri.db
        if [ "${FORCE_SEARCH:-0}" = 1 ] || [ ! -s "$sdb" ] || [ "$(sqlite3 "$sdb" 'SELECT count(*) FROM doc' 2>/dev/null)" -lt "$((n * 99 / 100))" ]; then
            rm -f "$sdb" "$sdb-wal" "$sdb-shm" "$stri" "$stri-wal" "$stri-shm"
            head -n "$n" "$tmp/all" > "$tmp/list"
            /usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$tifa_run" add --db "$sdb" --jobs "$jobs" --files-from "$tmp/list" 2>"$tmp/e"
            grep -q '^added ' "$tmp/e" || { fail "tifa add of $n documents: $(tail -n 3 "$tmp/e")"; continue; }
            echo "search n=$n: tifa add --jobs $jobs: $(awk '{ printf "%.0f s wall, %.0f s CPU, peak RSS %.0f MB", $1, $2 + $3, $4 / 1024 }' "$tmp/t"); $(grep '^added ' "$tmp/e")"
        else
            echo "search n=$n: using $sdb ($(sqlite3 "$sdb" 'SELECT count(*) FROM doc') documents; FORCE_SEARCH=1 makes it again)"
        fi
        python3 - "$sdb" "$stri" <<'EOF' || { fail "the trigram table of n=$n"; continue; }
import os, sqlite3, sys, time
db, tri = sys.argv[1:3]
s = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
want = s.execute("SELECT count(*) FROM doc").fetchone()[0]
s.close()
if os.path.exists(tri):
    try:
        if sqlite3.connect(f"file:{tri}?mode=ro", uri=True).execute("SELECT count(*) FROM t").fetchone()[0] == want:
            print(f"  trigram: using {tri}")
            sys.exit(0)
    except sqlite3.Error:
        pass
    os.unlink(tri)
t0 = time.perf_counter()
t = sqlite3.connect(tri)
t.execute("PRAGMA journal_mode=WAL")
t.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='trigram')")
t.execute(f"ATTACH 'file:{db}?mode=ro' AS s")
t.execute("INSERT INTO t(rowid, body) SELECT id, clean FROM s.doc")
t.commit()
t.execute("DETACH s")
t.execute("PRAGMA wal_checkpoint(TRUNCATE)")
t.close()
print(f"  trigram: built {tri} in {time.perf_counter() - t0:.0f} s")
EOF
        echo "  machine: load$(uptime | sed 's/.*load average//')"
        python3 - "$tmp/srch" "$sdb" "$stri" "$n" "$lat_reps" "$lat_budget" <<'EOF' || failed=1
import math, sqlite3, subprocess, sys, time
helper, db, tri, n, reps, budget = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
QUERIES = ["会", "党", "国", "两个", "统筹", "发展", "党中央", "总书记", "十四五",
           "会议指出", "两个确立", "高质量发", "新质生产",
           "高质量发展", "新质生产力", "以习近平同志为核心的党中央", "习近平新时代中国特色社会主义思想"]
KINDS = [("1 char", 1), ("2 chars", 2), ("3 chars", 3), ("4 chars", 4), ("phrase 5+", 5)]
kind = lambda q: min(len(q), 5)
EXACT = 10000
failed = False


def fail(msg):
    global failed
    failed = True
    print(f"FAIL: {msg}", flush=True)


def pct(xs, p):
    xs = sorted(xs)
    return xs[max(0, math.ceil(p * len(xs)) - 1)] if xs else float("nan")


def helper_run(mode):
    p = subprocess.run([helper, db, str(mode), str(reps), str(budget)] + QUERIES, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode:
        fail(f"search helper mode {mode}: {p.stderr.decode(errors='replace')[:300]}")
        sys.exit(1)
    out = {}
    for q, line in zip(QUERIES, p.stdout.decode().splitlines()):
        v = line.split()
        out[q] = (int(v[0]), int(v[1]), [float(x) for x in v[2:]])
    return out


tconn = sqlite3.connect(f"file:{tri}?mode=ro", uri=True)
TRI = {"trigram newest": ("SELECT rowid, snippet(t, 0, '«', '»', '…', 24) FROM t WHERE t MATCH ?1 ORDER BY rowid DESC LIMIT 20",
                          f"SELECT count(*) FROM (SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid DESC LIMIT {EXACT + 1})"),
       "trigram rank": ("SELECT rowid, snippet(t, 0, '«', '»', '…', 24) FROM t WHERE t MATCH ?1 ORDER BY rank LIMIT 20",
                        "SELECT count(*) FROM t WHERE t MATCH ?1")}


def tri_times(sqls, q):
    ph = '"' + q.replace('"', '""') + '"'
    def once():
        list(tconn.execute(sqls[0], (ph,)))
        tconn.execute(sqls[1], (ph,)).fetchone()
    once()
    out = []
    while len(out) < reps and (sum(out) < budget or len(out) < 5):
        t0 = time.process_time()
        once()
        out.append(time.process_time() - t0)
    return out


res = {"tifa newest": helper_run(0), "tifa rank": helper_run(1)}
lat = {m: {q: res[m][q][2] for q in QUERIES} for m in res}
for m, sqls in TRI.items():
    lat[m] = {q: tri_times(sqls, q) for q in QUERIES}
modes = list(lat)
print(f"  search at {n} documents: CPU ms per query, p50 / p99 (in-process, limit 20 with the total;"
      f" up to {reps} runs a query, at least 5 once {budget:.0f} s are spent)")
print(f"    {'kind':10} {'queries':>7}" + "".join(f" {m:>19}" for m in modes) + "   goal (tifa newest p99 <= 50 ms at 1M)")
for name, k in KINDS:
    qs = [q for q in QUERIES if kind(q) == k]
    cells = []
    for m in modes:
        xs = [x for q in qs for x in lat[m][q]]
        cells.append(f"{pct(xs, .5) * 1e3:8.1f} /{pct(xs, .99) * 1e3:8.1f}")
    p99 = pct([x for q in qs for x in lat["tifa newest"][q]], .99) * 1e3
    goal = ("met" if p99 <= 50 else "MISSED") if n >= 1000000 else "-"
    print(f"    {name:10} {len(qs):7}" + "".join(f" {c:>19}" for c in cells) + f"   {goal}")
print("  per query: tifa newest total (estimate marked ~) against the exact count, and CPU ms p50 / p99 per mode")
exact = {q: res["tifa rank"][q][0] for q in QUERIES}
for q in QUERIES:
    tot, est, _ = res["tifa newest"][q]
    shown = f"~{tot}" if est else f"{tot}"
    err = f"{100 * (tot - exact[q]) / exact[q]:+.0f}%" if est and exact[q] else ""
    if not est and tot != exact[q]:
        fail(f"[{q}] newest total {tot} given as exact, but {exact[q]} match")
    if est != (exact[q] > EXACT):
        fail(f"[{q}] newest total estimated={est} with {exact[q]} matches")
    cells = "".join(f" {pct(lat[m][q], .5) * 1e3:7.1f} /{pct(lat[m][q], .99) * 1e3:7.1f}" for m in modes)
    pad = " " * max(1, 34 - 2 * len(q))
    print(f"    {q}{pad}{shown:>9} {exact[q]:>8} {err:>5} {cells}")

# Recall: every hit asked for.
s = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
ref = {q: set() for q in QUERIES}
for i, clean in s.execute("SELECT id, clean FROM doc WHERE duplicate_of IS NULL"):
    for q in QUERIES:
        if q in clean:
            ref[q].add(i)
near = {r[0] for r in s.execute("SELECT id FROM doc WHERE duplicate_of IS NOT NULL")}
p = subprocess.run([helper, db, "2", "0", "0"] + QUERIES, stdout=subprocess.PIPE)
got = {}
for line in p.stdout.decode().splitlines():
    v = line.split()
    got[v[0]] = [int(x) for x in v[1:]]
tot_ref = tot_found = 0
for q in QUERIES:
    ids = got.get(q, [])
    if ids != sorted(ids, reverse=True):
        fail(f"[{q}] newest hits not in descending id order")
    trig = {r[0] for r in tconn.execute("SELECT rowid FROM t WHERE t MATCH ?", ('"' + q + '"',))} - near
    want = ref[q] | trig
    missed = want - set(ids)
    tot_ref += len(want)
    tot_found += len(want) - len(missed)
    if missed:
        fail(f"recall [{q}] at {n}: newest misses {len(missed)} of {len(want)}, e.g. {sorted(missed)[:5]}")
    if len(ids) != exact[q]:
        fail(f"[{q}] newest without a limit gave {len(ids)} hits, rank's total is {exact[q]}")
print(f"  recall, every hit asked for (reference: first copies containing the query, and trigram's):"
      f" {tot_found}/{tot_ref} = {100.0 * tot_found / max(tot_ref, 1):.2f}%")
sys.exit(1 if failed else 0)
EOF
        echo "  machine: load$(uptime | sed 's/.*load average//')"
    done
    [ "$failed" -eq 0 ] || { echo "bench/corpus: FAILED (see the FAIL lines above)"; exit 1; }
    exit 0
fi
echo

# --------------------------------------------------------------------- add
# ADD_REPS runs (default 3) into a fresh database each; the fastest is the
# figure (this VM is shared, and the same binary has measured 42-64 s for
# one add of 100,000 documents within an hour), every run is printed.
add_reps=${ADD_REPS:-3}
best_wall=""
runs=""
r=0
while [ "$r" -lt "$add_reps" ]; do
    r=$((r + 1))
    rm -f "$db" "$db-wal" "$db-shm"
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$tifa_run" add --db "$db" --jobs "$jobs" "$dir/docs" >"$tmp/add.out" 2>"$tmp/add.err"
    add_status=$?
    read -r w u s m <<EOT
$(tail -n 1 "$tmp/time")
EOT
    runs="$runs ${w}s"
    if [ -z "$best_wall" ] || awk -v a="$w" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
        best_wall=$w add_wall=$w add_user=$u add_sys=$s
    fi
    add_rss=$(awk -v a="${add_rss:-0}" -v b="$m" 'BEGIN { print (b > a) ? b : a }')
    summary=$(grep '^added ' "$tmp/add.err" | tail -n 1)
    if [ "$add_status" -ne 0 ] || [ -z "$summary" ]; then
        fail "tifa add exited with status $add_status: $tifa add --db $db --jobs $jobs $dir/docs"
        grep -v '^added ' "$tmp/add.err" | head -n 10 | sed 's/^/  /'
    fi
done
counted=$(echo "$summary" | tr -c '0-9\n' ' ' | awk '{ print $1 + $2 + $3 + $4 }')
[ -n "$summary" ] && [ "$counted" != "$ndocs" ] && fail "tifa add accounted for $counted of $ndocs documents ($summary)"
[ -s "$db" ] || { echo "bench/corpus: no database written; stopping" >&2; exit 1; }

awk -v n="$ndocs" -v b="$bytes" -v w="$add_wall" -v u="$add_user" -v s="$add_sys" -v r="$add_rss" -v g="$goal" -v j="$jobs" -v k="$add_reps" 'BEGIN {
    d = 0; m = 0
    if (w + 0 > 0) { d = n / w; m = b / 1e6 / w }
    st = "n/a (not --jobs 2)"
    if (j == 2) st = (d >= g) ? "met" : "missed"
    printf "add (--jobs %d, best of %d runs)\n", j, k
    printf "  %-10s %-10s %-10s %-10s %-12s   %-28s %s\n", "wall s", "cpu s", "docs/s", "MB/s", "peak RSS", "goal", "status"
    printf "  %-10.2f %-10.2f %-10.0f %-10.1f %-12s   %-28s %s\n", w, u + s, d, m, sprintf("%.1f MB", r / 1024), ">= " g " docs/s, --jobs 2", st
}'
echo "  every run:$runs (load average now:$(uptime | sed 's/.*load average://'))"
echo "  summary: $summary"

if [ "${PROFILE:-0}" = 1 ]; then
    if command -v perf >/dev/null 2>&1; then
        rm -f "$dir/prof.db" "$dir/prof.db-wal" "$dir/prof.db-shm"
        # DWARF call graphs: the system libsqlite3 has no frame pointers.
        perf record -q --call-graph dwarf,8192 -F 200 -o "$dir/perf.data" "$tifa_run" add --db "$dir/prof.db" --jobs "$jobs" "$dir/docs" >/dev/null 2>&1
        main_pid=$(perf report -i "$dir/perf.data" -s pid --stdio -g none 2>/dev/null | grep -m 1 -oE '[0-9]+:tifa' | cut -d: -f1)
        echo "  profile ($dir/perf.data): samples per thread (the first is the main, storing thread), then the"
        echo "  main thread's time by function, callees included (% of the main thread's samples)"
        perf report -i "$dir/perf.data" --no-children -s pid --stdio -g none 2>/dev/null | grep '%' | grep -v '^#' | head -n 4 | sed 's/^/   /'
        perf report -i "$dir/perf.data" --children --tid "$main_pid" --percentage relative -s symbol --stdio -g none 2>/dev/null |
            grep '%' | grep -v '^#' | grep -v -E ' 0x[0-9a-f]+ |_start|libc_start|cmd_add|do_syscall_64|entry_SYSCALL|\(inlined\)' |
            head -n 24 | awk '{ printf "    %7s  %s\n", $1, $4 }'
        rm -f "$dir/prof.db" "$dir/prof.db-wal" "$dir/prof.db-shm"
    else
        echo "  PROFILE=1: perf not found"
    fi
    # The FTS5 index alone: the stored clean texts (the first 20,000) into an
    # FTS5 table with tifa's tokenizer (tokenize_register, internal to
    # libtifa.a), one thread, under several transaction patterns.
    cat >"$tmp/fts.c" <<'EOF'
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
int tokenize_register(sqlite3 *db);
static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}
/* src.db out.db savepoint(0|1) batch(0: one transaction) */
int main(int argc, char **argv) {
    if (argc < 5) return 2;
    sqlite3 *src, *db;
    sqlite3_stmt *rd, *ins;
    int sp = atoi(argv[3]), batch = atoi(argv[4]), k = 0;
    if (sqlite3_open_v2(argv[1], &src, SQLITE_OPEN_READONLY, NULL) || sqlite3_open(argv[2], &db) || tokenize_register(db) ||
        sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                         "CREATE VIRTUAL TABLE t USING fts5(b, tokenize='tifa')", 0, 0, 0) ||
        sqlite3_prepare_v2(src, "SELECT id, clean FROM doc ORDER BY id LIMIT 20000", -1, &rd, NULL) ||
        sqlite3_prepare_v2(db, "INSERT INTO t(rowid, b) VALUES(?, ?)", -1, &ins, NULL))
        return 1;
    double t0 = now();
    if (!batch) sqlite3_exec(db, "BEGIN", 0, 0, 0);
    for (; sqlite3_step(rd) == SQLITE_ROW; k++) {
        if (batch && k % batch == 0) sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0);
        if (sp) sqlite3_exec(db, "SAVEPOINT d", 0, 0, 0);
        sqlite3_bind_int64(ins, 1, sqlite3_column_int64(rd, 0));
        sqlite3_bind_text(ins, 2, (const char *)sqlite3_column_text(rd, 1), -1, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) return 1;
        sqlite3_reset(ins);
        if (sp) sqlite3_exec(db, "RELEASE d", 0, 0, 0);
        if (batch && k % batch == batch - 1) sqlite3_exec(db, "COMMIT", 0, 0, 0);
    }
    if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "COMMIT", 0, 0, 0);
    double t = now() - t0;
    printf("%d %.2f\n", k, t);
    sqlite3_finalize(ins);
    sqlite3_finalize(rd);
    sqlite3_close(db);
    sqlite3_close(src);
    return 0;
}
EOF
    if "${CC:-cc}" -O2 -std=c11 "$tmp/fts.c" "$tmp/libtifa.a" -lsqlite3 -lgumbo -lpthread -o "$tmp/fts" 2>/dev/null; then
        echo "  the FTS5 index alone (tokenizer tifa, one thread, the first 20,000 clean texts), by transaction pattern:"
        for pattern in "1 64 a savepoint per document, a commit per 64 (as tifa add)" "0 64 a commit per 64 documents" \
            "0 1024 a commit per 1024 documents" "0 0 one transaction" "0 1 a commit per document"; do
            # shellcheck disable=SC2086 # split on purpose
            set -- $pattern
            rm -f "$tmp/fts.db" "$tmp/fts.db-wal" "$tmp/fts.db-shm"
            if r=$("$tmp/fts" "$db" "$tmp/fts.db" "$1" "$2"); then
                shift 2
                echo "$r" | awk -v what="$*" '{ printf "    %-58s %7.2f s  %6.0f docs/s\n", what, $2, $1 / $2 }'
            else
                shift 2
                echo "    $*: failed"
            fi
        done
        rm -f "$tmp/fts.db" "$tmp/fts.db-wal" "$tmp/fts.db-shm"
        set --
    else
        echo "  (the FTS5-alone timing needs build/libtifa.a and a C compiler; skipped)"
    fi
fi
echo

# ------------------------------------------------- sizes, trigram index
rm -f "$tri" "$tri-wal" "$tri-shm"
python3 - "$db" "$tri" "$bytes" "$(echo "$srcs" | wc -w)" >"$tmp/sizes" <<'EOF' || fail "building or measuring the trigram index"
import os
import re
import sqlite3
import sys
import time

db, tri, inbytes, nfix = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])


def parts(path, prefix):
    c = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = dict(c.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))
    c.close()
    index = sum(v for k, v in rows.items() if k.startswith(prefix) and not k.endswith("_content"))
    return index, sum(rows.values())


def mb(b):
    return f"{b / 1e6:.1f} MB"


s = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
ndoc, nfirst, raw, clean, record = s.execute(
    "SELECT count(*), count(*) - count(duplicate_of), sum(length(raw)), sum(length(CAST(clean AS BLOB))),"
    " sum(length(CAST(record AS BLOB))) FROM doc").fetchone()
s.close()
dbsize = os.path.getsize(db) + (os.path.getsize(db + "-wal") if os.path.exists(db + "-wal") else 0)
fts, total = parts(db, "doc_fts")

t0 = time.perf_counter()
t = sqlite3.connect(tri)
t.execute("PRAGMA journal_mode=WAL")
t.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='trigram')")
t.execute(f"ATTACH 'file:{db}?mode=ro' AS s")
t.execute("INSERT INTO t(rowid, body) SELECT id, clean FROM s.doc")
t.commit()
t.execute("DETACH s")
t.execute("PRAGMA wal_checkpoint(TRUNCATE)")
t.close()
build = time.perf_counter() - t0
trisize = os.path.getsize(tri) + (os.path.getsize(tri + "-wal") if os.path.exists(tri + "-wal") else 0)
tindex, ttotal = parts(tri, "t_")

print(f"index size (MB = 10^6 bytes; input {mb(inbytes)}: {ndoc} documents stored, {nfirst} first copies)")
print(f"  {'':34} {'size':>10} {'/ input':>8} {'/ clean':>8}")
row = lambda name, b: print(f"  {name:34} {mb(b):>10} {b / inbytes:>8.2f} {b / clean:>8.2f}")
row("clean text (stored documents)", clean)
row("tifa.db file", dbsize)
row("  raw bytes column", raw)
row("  clean text column", clean)
row("  record (JSON) column", record)
row("  FTS5 index, tokenizer tifa", fts)
row("trigram.db file", trisize)
row("  FTS5 index, tokenizer trigram", tindex)
row("  its copy of the text (t_content)", ttotal - tindex)
# Near copies: stored, linked to a first copy, left out of search. How much
# of its first copy's text does a near copy share (sentences of 8+ chars)?
s = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
sents = lambda t: {x for x in re.split(r"[。！？；\n]", t) if len(x) >= 8}
shares, within, same = [], [], 0
fixture = lambda f: int(os.path.basename(f)[:-4]) % nfix
for a, b, fa, fb in s.execute("SELECT d.clean, f.clean, d.file, f.file FROM doc d JOIN doc f ON f.id = d.duplicate_of"):
    a, b = sents(a), sents(b)
    shares.append(len(a & b) / max(1, len(a | b)))
    within.append(len(a & b) / max(1, min(len(a), len(b))))
    same += fixture(fa) == fixture(fb)
s.close()
shares.sort()
within.sort()
print(f"  trigram index built in {build:.1f} s (python3 sqlite3 {sqlite3.sqlite_version});"
      f" tifa index / trigram index = {fts / tindex:.2f}")
if shares:
    q = lambda v, p: v[min(len(v) - 1, int(p * len(v)))]
    print(f"  near copies: {len(shares)} of {ndoc} stored documents ({100 * len(shares) / ndoc:.1f}%) are linked to a first copy"
          f" (src/nearcopy.c)\n    and left out of search; {100 * same / len(shares):.0f}% come from the same fixture"
          f" as their first copy.\n    Sentences shared with the first copy, Jaccard: median {q(shares, .5):.2f},"
          f" p10 {q(shares, .1):.2f}, p90 {q(shares, .9):.2f};\n    share of the shorter one's sentences in the other:"
          f" median {q(within, .5):.2f}, p10 {q(within, .1):.2f}, p90 {q(within, .9):.2f}")
EOF
cat "$tmp/sizes"
echo

# --------------------------------------------------- latency and recall
python3 - "$tifa_run" "$db" "$tri" "$ndocs" "$lat_reps" "$lat_budget" "$helper" "$tifa" <<'EOF' || failed=1
import json
import math
import shutil
import sqlite3
import subprocess
import sys
import time

tifa, db, tri, ndocs, reps, budget, helper, shown = sys.argv[1:9]
ndocs, reps, budget = int(ndocs), int(reps), float(budget)
QUERIES = ["会", "党", "国",
           "两个", "统筹", "发展",
           "党中央", "总书记", "十四五",
           "会议指出", "两个确立", "高质量发", "新质生产",
           "高质量发展", "新质生产力", "以习近平同志为核心的党中央", "习近平新时代中国特色社会主义思想"]
GROUPS = ["1", "2", "3", "4", "5+"]
group = lambda q: str(len(q)) if len(q) < 5 else "5+"


def pad(q, width):
    """q left-aligned in width terminal columns (Han characters take two)."""
    import unicodedata
    w = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in q)
    return q + " " * max(1, width - w)
failed = False


def fail(msg):
    global failed
    failed = True
    print(f"FAIL: {msg}", flush=True)


def pct(xs, p):
    xs = sorted(xs)
    return xs[max(0, math.ceil(p * len(xs)) - 1)] if xs else float("nan")


def timed(fn):
    """Warm-up, then up to reps runs (at least 10 once over budget)."""
    fn()
    out, spent = [], 0.0
    while len(out) < reps and (spent < budget or len(out) < 10):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
        spent += out[-1]
    return out


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        fail(f"exit {p.returncode}: {' '.join(cmd).replace(tifa, shown)}: {p.stderr.decode(errors='replace').strip()[:300]}")
        raise SystemExit(1)
    return p.stdout


def phrase(q):
    return '"' + q.replace('"', '""') + '"'


TRI_SQL = ("SELECT rowid, snippet(t, 0, '«', '»', '…', 24) FROM t WHERE t MATCH ?1 ORDER BY rank LIMIT 20",
           "SELECT count(*) FROM t WHERE t MATCH ?1")
sqlite_cli = shutil.which("sqlite3")
tconn = sqlite3.connect(f"file:{tri}?mode=ro", uri=True)


def tri_inproc(q):
    list(tconn.execute(TRI_SQL[0], (phrase(q),)))
    return tconn.execute(TRI_SQL[1], (phrase(q),)).fetchone()[0]


def tri_cli_cmd(q):
    lit = "'" + phrase(q).replace("'", "''") + "'"
    sql = ";".join(s.replace("?1", lit) for s in TRI_SQL) + ";"
    return [sqlite_cli, "-readonly", tri, sql]


# Process start alone.
starts = {"build/tifa --version": timed(lambda: run([tifa, "--version"]))}
if sqlite_cli:
    starts["sqlite3 -version"] = timed(lambda: run([sqlite_cli, "-version"]))

lat = {m: {} for m in ("tifa CLI", "tifa in-process", "tifa in-proc no total", "trigram in-proc", "trigram CLI")}
hits = {}
for q in QUERIES:
    lat["tifa CLI"][q] = timed(lambda: run([tifa, "search", "--db", db, "--json", "--limit", "20", q]))
    lat["trigram in-proc"][q] = timed(lambda: tri_inproc(q))
    if sqlite_cli:
        lat["trigram CLI"][q] = timed(lambda: run(tri_cli_cmd(q)))
if helper:
    for mode, flag in (("tifa in-process", "1"), ("tifa in-proc no total", "0")):
        out = run([helper, db, str(reps), str(budget), flag] + QUERIES).decode().splitlines()
        for q, line in zip(QUERIES, out):
            v = line.split()
            hits[q] = int(v[0])
            lat[mode][q] = [float(x) for x in v[1:]]
modes = [m for m in lat if lat[m]]

print("process start alone (ms):  " + ",  ".join(
    f"{k}: p50 {pct(v, .5) * 1e3:.1f}, p99 {pct(v, .99) * 1e3:.1f}" for k, v in starts.items()))
print()
print(f"search latency (ms), p50 / p99 per query length (all runs of its queries; up to {reps} runs per query)")
print(f"  {'length':8} {'queries':7}" + "".join(f" {m:>22}" for m in modes))
for g in GROUPS:
    qs = [q for q in QUERIES if group(q) == g]
    cells = []
    for m in modes:
        xs = [x for q in qs for x in lat[m].get(q, [])]
        cells.append(f"{pct(xs, .5) * 1e3:9.1f} /{pct(xs, .99) * 1e3:8.1f}")
    print(f"  {g:8} {len(qs):7}" + "".join(f" {c:>22}" for c in cells))
print()
print("per query (ms, p50 / p99; runs)")
print(f"  {pad('query', 34)}" + "".join(f" {m:>24}" for m in modes))
for q in QUERIES:
    cells = [f"{pct(lat[m][q], .5) * 1e3:8.1f} /{pct(lat[m][q], .99) * 1e3:8.1f} ({len(lat[m][q])})" for m in modes]
    print(f"  {pad(q, 34)}" + "".join(f" {c:>24}" for c in cells))
print()

# Recall.
s = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
near = {r[0] for r in s.execute("SELECT id FROM doc WHERE duplicate_of IS NOT NULL")}
limit = str(ndocs + 1000)
print("recall (first copies only, as tifa search leaves near copies out; reference: clean text contains the query)")
print(f"  {pad('query', 34)}{'reference':>9} {'trigram':>8} {'tifa':>8} {'missed':>7} {'extra':>6}  result")
total_ref = total_found = 0
for q in QUERIES:
    ref = {r[0] for r in s.execute("SELECT id FROM doc WHERE duplicate_of IS NULL AND instr(clean, ?) > 0", (q,))}
    trig = {r[0] for r in tconn.execute("SELECT rowid FROM t WHERE t MATCH ?", (phrase(q),))} - near
    out = run([tifa, "search", "--db", db, "--json", "--limit", limit, q]).decode().splitlines()
    got = {json.loads(line)["id"] for line in out if line.strip()}
    if q in hits and hits[q] != len(got):
        fail(f"[{q}]: tifa_corpus_search total {hits[q]} but the CLI printed {len(got)} hits")
    missed = (ref | trig) - got
    total_ref += len(ref | trig)
    total_found += len((ref | trig) & got)
    if len(q) < 3:
        result = "trigram cannot (finds 0)" if not trig else f"trigram found {len(trig)}?"
    else:
        result = "trigram == reference" if trig == ref else f"trigram {len(trig - ref)} not in ref, {len(ref - trig)} ref not in trigram"
    print(f"  {pad(q, 34)}{len(ref):9} {len(trig):8} {len(got):8} {len(missed):7} {len(got - ref):6}  "
          f"{'ok' if not missed else 'MISSED'}; {result}")
    if missed:
        ex = sorted(missed)[:5]
        fail(f"recall [{q}]: tifa misses {len(missed)} of {len(ref | trig)} documents that contain it, e.g. ids {ex}; "
             f"reproduce: {shown} search --db {db} --json --limit {limit} '{q}' | grep -c '\"id\":{ex[0]},'"
             f" (0) while: {shown} show --db {db} {ex[0]} | grep -c '{q}' (> 0)")
summary = f"recall: {total_found}/{total_ref} = {100.0 * total_found / max(total_ref, 1):.2f}%"
if total_found == total_ref:
    print(f"  {summary}")
else:
    fail(f"{summary} (must be 100%)")
sys.exit(1 if failed else 0)
EOF

if [ "$failed" -ne 0 ]; then
    echo
    echo "bench/corpus: FAILED (see the FAIL lines above)"
    exit 1
fi
exit 0
