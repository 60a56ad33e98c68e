#!/bin/sh
# bench/pathological.sh — no input makes a command superlinear (issue 14).
#
#   sh bench/pathological.sh              (build/tifa must exist)
#   CASES="line100 punct" sh bench/pathological.sh
#
# Inputs built to trip a careless pass, each at a small and a large size
# (SMALL and LARGE MB, default 8 and 32; MB = 10^6 bytes), beside ordinary
# readout text of the same sizes (build/bench/trad.txt, bench/make-corpus.sh):
#   nested      lines of 2,000 brackets ( （ 【 opened around Han text, closed
#   unbalanced  lines of 2,000 brackets opened, none closed, Han between
#   line100     readout text with its line ends taken out: one line of
#               25 MB and one of 100 MB (its own sizes)
#   short       one-character lines: 250,000 and 1,000,000 of them (its
#               own sizes, 1 and 4 MB)
#   punct       punctuation only, full and half width, spaces, in lines of
#               100 characters
#   articles    readouts (tests/readouts) concatenated, many articles per file
# For `tifa clean`, `tifa convert` and `tifa extract` (extract refuses over
# 64 MB: the 100 MB line is extracted at 25 MB only), CPU seconds (user +
# system, median of REPS, default 3) per MB, and two ratios:
#   x ordinary  this case's s/MB over ordinary text's at the large size;
#               goal <= 3 (more is a bug: some pass is slower on this shape)
#   large/small s/MB at the large size over the small one; goal <= 1.5
#               (more means time grows faster than the input)
# Benchmarks report, tests assert: a missed goal is printed, not failed on
# (tests/pathological.sh checks that each shape finishes). The script exits
# non-zero when a command fails.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root" || exit 1
tifa=${TIFA:-build/tifa}
reps=${REPS:-3}
small=${SMALL:-8}
large=${LARGE:-32}
cases=${CASES:-nested unbalanced line100 short punct articles}
dir=build/bench/pathological
[ -x "$tifa" ] || { echo "bench/pathological: $tifa not found" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/pathological: GNU time not found (Debian package: time)" >&2; exit 1; }
sh bench/make-corpus.sh >/dev/null || exit 1
mkdir -p "$dir"

python3 - "$dir" "$small" "$large" build/bench/trad.txt tests/readouts/*.txt <<'PY' || exit 1
import os, random, sys
out, small, large, trad, srcs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5:]
MB = 10**6
r = random.Random(14)
text = open(trad, encoding="utf-8").read()
han = [c for c in text[:200000] if "\u4e00" <= c <= "\u9fff"]

def fill(name, size, piece):
    """Writes pieces (a function of i) until size bytes: the same bytes each run."""
    path = f"{out}/{name}.txt"
    if os.path.exists(path) and os.path.getsize(path) >= size:
        return
    with open(path + ".tmp", "wb") as f:
        n = i = 0
        while n < size:
            b = piece(i).encode("utf-8")
            f.write(b)
            n += len(b)
            i += 1
    os.replace(path + ".tmp", path)

def hans(i, k):
    return "".join(han[(i * 7919 + j * 104729) % len(han)] for j in range(k))

def nested(i):
    o, c = [("(", ")"), ("（", "）"), ("【", "】")][i % 3]
    d = 2000
    return "会议" + "".join(o + hans(i + j, 1) for j in range(d)) + c * d + "\n"

def unbalanced(i):
    o = "(（【"[i % 3]
    return "会议" + "".join(o + hans(i + j, 2) for j in range(2000)) + "\n"

def punct(i):
    marks = "，。！？；：、…—“”‘’（）《》,.;:!?()[] 　"
    return "".join(marks[(i * 31 + j * 17) % len(marks)] for j in range(100)) + "\n"

docs = []
for s in srcs:
    b = open(s, "rb").read()
    try:
        docs.append(b.decode("utf-8").rstrip("\n") + "\n\n")
    except UnicodeDecodeError:
        pass

flat = text.replace("\n", "")
for mb in (small, large):
    fill(f"ordinary-{mb}", mb * MB, lambda i: text[(i * 4096) % len(text):(i * 4096) % len(text) + 4096])
    fill(f"nested-{mb}", mb * MB, nested)
    fill(f"unbalanced-{mb}", mb * MB, unbalanced)
    fill(f"punct-{mb}", mb * MB, punct)
    fill(f"articles-{mb}", mb * MB, lambda i: docs[i % len(docs)])
# Their own sizes: one line of 25 and of 100 MB; 250,000 and 1,000,000 lines.
def flat_piece(i):
    a = (i * 65536) % len(flat)
    return flat[a:a + 65536]
fill("line100-25", 25 * MB, flat_piece)
fill("line100-100", 100 * MB, flat_piece)
for n in (250000, 1000000):
    path = f"{out}/short-{n}.txt"
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(han[i % len(han)] + "\n" for i in range(n)))
PY

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tifa-bench-path.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# cpu CMD FILE : median CPU seconds of REPS runs of `tifa CMD FILE`. A
# run under half a second is repeated within one measurement until it
# is (GNU time counts in hundredths), and divided.
cpu() {
    /usr/bin/time -f '%U %S' -o "$tmp/t" "$tifa" "$1" "$2" >/dev/null 2>"$tmp/err" || {
        echo "bench/pathological: $tifa $1 $2 failed: $(head -n 3 "$tmp/err")" >&2; exit 1; }
    k=$(tail -n 1 "$tmp/t" | awk '{ t = $1 + $2; print (t < 0.5 ? int(0.5 / (t > 0.005 ? t : 0.005)) + 1 : 1) }')
    i=0; all=""
    while [ "$i" -lt "$reps" ]; do
        i=$((i + 1))
        if ! /usr/bin/time -f '%U %S' -o "$tmp/t" sh -c 'k=$1; shift; while [ "$k" -gt 0 ]; do "$@" >/dev/null || exit 1; k=$((k - 1)); done' \
             batch "$k" "$tifa" "$1" "$2" 2>"$tmp/err"; then
            echo "bench/pathological: $tifa $1 $2 failed: $(head -n 3 "$tmp/err")" >&2; exit 1
        fi
        all="$all $(tail -n 1 "$tmp/t" | awk -v k="$k" '{ printf "%.4f", ($1 + $2) / k }')"
    done
    echo "$all" | tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
spm() { awk -v t="$1" -v b="$(wc -c <"$2")" 'BEGIN { printf "%.4f", t / (b / 1e6) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

echo "machine: $(nproc) CPU(s), $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1), load $(uptime | sed 's/.*load average: //')"
echo "CPU s per MB (user + system, median of $reps); x ordinary: over ordinary text's s/MB at the large size"
printf '%-9s %-11s %10s %10s %10s %11s %12s  %s\n' command case "small MB" "large MB" "s/MB" "x ordinary" "large/small" status
bad=0
for cmd in clean convert extract; do
    ol=$dir/ordinary-$large.txt; os=$dir/ordinary-$small.txt
    [ "$cmd" = extract ] && [ "$large" -gt 64 ] && { echo "extract: LARGE over 64 MB" >&2; exit 1; }
    o_l=$(spm "$(cpu "$cmd" "$ol")" "$ol"); o_s=$(spm "$(cpu "$cmd" "$os")" "$os")
    printf '%-9s %-11s %10s %10s %10s %11s %12s\n' "$cmd" ordinary "$small" "$large" "$o_l" "1.00" "$(ratio "$o_l" "$o_s")"
    for c in $cases; do
        case $c in
        line100) fs=$dir/line100-25.txt; fl=$dir/line100-100.txt
                 [ "$cmd" = extract ] && fl=$fs ;;
        short) fs=$dir/short-250000.txt; fl=$dir/short-1000000.txt ;;
        *) fs=$dir/$c-$small.txt; fl=$dir/$c-$large.txt ;;
        esac
        sl=$(spm "$(cpu "$cmd" "$fl")" "$fl"); ss=$(spm "$(cpu "$cmd" "$fs")" "$fs")
        x=$(ratio "$sl" "$o_l"); g=$(ratio "$sl" "$ss")
        st=$(awk -v x="$x" -v g="$g" 'BEGIN { print (x <= 3 && g <= 1.5) ? "ok" : "SLOW" }')
        [ "$st" = ok ] || bad=$((bad + 1))
        printf '%-9s %-11s %10s %10s %10s %11s %12s  %s\n' "$cmd" "$c" \
            "$(awk -v b="$(wc -c <"$fs")" 'BEGIN { printf "%.1f", b / 1e6 }')" \
            "$(awk -v b="$(wc -c <"$fl")" 'BEGIN { printf "%.1f", b / 1e6 }')" "$sl" "$x" "$g" "$st"
    done
done
echo "pathological: $bad case(s) over 3x ordinary per MB or 1.5x from small to large"
exit 0
