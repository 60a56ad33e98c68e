#!/bin/sh
# bench/extract.sh — throughput of `tifa extract` over many readouts.
#
#   sh bench/extract.sh            (build/tifa must exist: make build/tifa)
#
# The corpus: build/bench/extract/docs/NNNNN.txt, EXTRACT_DOCS documents
# (default 20,000), made once (kept while its .done stamp matches the count;
# FORCE=1 rebuilds) and deterministically from the fixtures
# tests/readouts/*.txt and ../shared/seeds/*.txt. Document i is a copy of
# fixture i mod F with small variations drawn from a generator seeded with
# i: years, months and days shifted (consistently within the document),
# about a third of the other numbers rewritten with the same number of
# digits, and one to three pairs of body paragraphs (after the first three
# lines) swapped. Fixtures that are not UTF-8 only get the paragraph swaps.
#
# What is measured, each REPS times (default 3; best wall time, largest
# peak RSS), pinned to one core (taskset, the last CPU) when possible:
#   batched  xargs -n PER_CALL (default 2000) build/tifa extract, so that
#            process start-up does not dominate;
#   single   one build/tifa extract over all documents, when the argument
#            list fits (ARG_MAX); skipped with a note when it does not.
# For each: documents/s, MB/s (input bytes / 10^6 / wall s), user+sys CPU
# seconds, peak RSS (GNU time %M: the largest of the tifa processes), and the
# number of records written (must equal the number of documents).
#
# Goal: >= 5,000 documents/s on one core. Benchmarks report, tests assert:
# a missed goal does not fail the script; a failing command or a missing
# record does (exit 1).
#
# Environment: TIFA (default build/tifa), EXTRACT_DOCS, PER_CALL, REPS,
# FORCE=1.
# shellcheck disable=SC2034,SC2154 # NAME_wall/cpu/rss are set through eval in measure
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root" || exit 1

tifa=${TIFA:-build/tifa}
ndocs=${EXTRACT_DOCS:-20000}
per=${PER_CALL:-2000}
reps=${REPS:-3}
dir=build/bench/extract
goal=5000

[ -x "$tifa" ] || { echo "bench/extract: $tifa not found; run 'make build/tifa'" >&2; exit 1; }
command -v python3 >/dev/null 2>&1 || { echo "bench/extract: python3 not found" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/extract: GNU time not found (Debian package: time)" >&2; exit 1; }

# ------------------------------------------------------------------ corpus
if [ "${FORCE:-0}" = 1 ] || [ "$(cat "$dir/.done" 2>/dev/null)" != "$ndocs" ]; then
    rm -rf "$dir"
    mkdir -p "$dir/docs" || exit 1
    srcs=$(LC_ALL=C ls tests/readouts/*.txt ../shared/seeds/*.txt 2>/dev/null)
    [ -n "$srcs" ] || { echo "bench/extract: no fixtures found" >&2; exit 1; }
    # shellcheck disable=SC2086 # fixture names have no spaces
    PYTHONPATH="$here" python3 - "$dir" "$ndocs" $srcs <<'EOF' || { echo "bench/extract: could not build the corpus" >&2; exit 1; }
import random
import re
import sys

from variants import load_fixtures, vary_numbers

out, n, srcs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
fixtures = load_fixtures(srcs)


def swap_paragraphs(lines, rng):
    body = [i for i in range(3, len(lines)) if lines[i].strip()]
    if len(body) < 2:
        return lines
    for _ in range(rng.randint(1, 3)):
        a, b = rng.sample(body, 2)
        lines[a], lines[b] = lines[b], lines[a]
    return lines


names = []
for i in range(n):
    rng = random.Random(i)
    src = fixtures[i % len(fixtures)]
    if isinstance(src, str):
        text = vary_numbers(src, rng)
        data = "\n".join(swap_paragraphs(text.split("\n"), rng)).encode("utf-8")
    else:
        data = b"\n".join(swap_paragraphs(src.split(b"\n"), rng))
    name = f"{out}/docs/{i:05d}.txt"
    with open(name, "wb") as f:
        f.write(data)
    names.append(name)
with open(f"{out}/list", "w") as f:
    f.write("\n".join(names) + "\n")
EOF
    echo "$ndocs" >"$dir/.done"
    echo "bench/extract: built $ndocs documents in $dir/docs from $(echo "$srcs" | wc -w) fixtures"
else
    echo "bench/extract: using the existing corpus in $dir (FORCE=1 rebuilds it)"
fi
bytes=$(cat "$dir"/docs/*.txt | wc -c)
cat "$dir"/docs/*.txt >/dev/null # warm the page cache

# ------------------------------------------------------------------ timing
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tifa-bench-extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

pin=""
ncpu=$(nproc 2>/dev/null || echo 1)
if command -v taskset >/dev/null 2>&1 && taskset -c "$((ncpu - 1))" true 2>/dev/null; then
    pin="taskset -c $((ncpu - 1))"
fi

failed=0

# run1 CMD... : one timed run, stdout counted. Sets w u s r (wall, user,
# sys seconds, peak RSS KB) and lines; returns non-zero when CMD failed.
run1() {
    { $pin /usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$@" 2>"$tmp/err"; } | wc -l >"$tmp/lines"
    lines=$(cat "$tmp/lines")
    read -r w u s r <<EOT
$(tail -n 1 "$tmp/t")
EOT
    if grep -q 'exited with non-zero status\|terminated by signal' "$tmp/t"; then
        echo "bench/extract: command failed: $(head -n 1 "$tmp/t")" >&2
        sed 's/^/  /' "$tmp/err" | head -n 20 >&2
        return 1
    fi
    [ -s "$tmp/err" ] && echo "bench/extract: note: $(wc -l <"$tmp/err") line(s) on stderr, first: $(head -n 1 "$tmp/err")" >&2
    return 0
}

# measure NAME CMD... : REPS runs; sets NAME_wall (best), NAME_cpu (user+sys
# of that run), NAME_rss (largest).
measure() {
    name=$1; shift
    best=""; cpu=""; peak=0
    i=0
    while [ "$i" -lt "$reps" ]; do
        i=$((i + 1))
        if ! run1 "$@"; then failed=1; eval "${name}_wall=-; ${name}_cpu=-; ${name}_rss=-"; return 1; fi
        if [ "$lines" -ne "$ndocs" ]; then
            echo "bench/extract: $name: $lines records for $ndocs documents" >&2
            failed=1
        fi
        if [ -z "$best" ] || awk -v a="$w" -v b="$best" 'BEGIN { exit !(a + 0 < b + 0) }'; then
            best=$w
            cpu=$(awk -v a="$u" -v b="$s" 'BEGIN { printf "%.2f", a + b }')
        fi
        [ "$r" -gt "$peak" ] && peak=$r
    done
    eval "${name}_wall=\$best; ${name}_cpu=\$cpu; ${name}_rss=\$peak"
}

echo "bench/extract: $ndocs documents, $bytes bytes; $reps run(s) each${pin:+, under '$pin'}"

measure batched xargs -a "$dir/list" -n "$per" "$tifa" extract
batched_calls=$(( (ndocs + per - 1) / per ))

# One invocation: the whole list as arguments, if the kernel accepts it.
arglen=$(awk '{ n += length($0) + 1 + 8 } END { print n + 0 }' "$dir/list")
argmax=$(getconf ARG_MAX 2>/dev/null || echo 0)
single_note=""
if [ "$argmax" -gt 0 ] && [ "$arglen" -lt $((argmax - 65536)) ]; then
    # shellcheck disable=SC2046 # the names have no spaces
    set -- $(cat "$dir/list")
    measure single "$tifa" extract "$@"
    set --
else
    single_wall=-; single_cpu=-; single_rss=-
    single_note="skipped: the argument list ($arglen bytes) does not fit ARG_MAX ($argmax)"
fi

# ------------------------------------------------------------------ report
rate() { awk -v n="$1" -v w="$2" 'BEGIN { if (w == "-" || w + 0 <= 0) print "-"; else printf "%.0f", n / w }'; }
mbs() { awk -v b="$bytes" -v w="$1" 'BEGIN { if (w == "-" || w + 0 <= 0) print "-"; else printf "%.1f", b / 1e6 / w }'; }
rssmb() { awk -v r="$1" 'BEGIN { if (r == "-") print "-"; else printf "%.1f MB", r / 1024 }'; }
status() { awk -v x="$1" -v g="$goal" 'BEGIN { if (x == "-") print "-"; else print (x + 0 >= g ? "met" : "missed") }'; }

echo
echo "machine: $ncpu CPU(s), $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1), load$(uptime | sed 's/.*load average//')"
echo "input:   $ndocs readouts, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') (MB = 10^6 bytes), $(awk -v b="$bytes" -v n="$ndocs" 'BEGIN { printf "%.0f", b / n }') bytes per document"
echo
printf '%-34s %8s %8s %9s %8s %10s   %-18s %s\n' "run" "wall s" "cpu s" "docs/s" "MB/s" "peak RSS" "goal" "status"
d=$(rate "$ndocs" "$batched_wall")
printf '%-34s %8s %8s %9s %8s %10s   %-18s %s\n' "batched (xargs -n $per, $batched_calls calls)" "$batched_wall" "$batched_cpu" "$d" \
    "$(mbs "$batched_wall")" "$(rssmb "$batched_rss")" ">= $goal docs/s" "$(status "$d")"
d=$(rate "$ndocs" "$single_wall")
printf '%-34s %8s %8s %9s %8s %10s   %-18s %s\n' "single (1 call, $ndocs files)" "$single_wall" "$single_cpu" "$d" \
    "$(mbs "$single_wall")" "$(rssmb "$single_rss")" ">= $goal docs/s" "$(status "$d")"
[ -n "$single_note" ] && echo "single: $single_note"

if [ "$failed" -ne 0 ]; then
    echo
    echo "bench/extract: FAILED (a command failed or records are missing)"
    exit 1
fi
exit 0
