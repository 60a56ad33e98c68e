#!/bin/sh
# bench/extract-long.sh — `tifa extract` on one file holding many readouts
# (a day's newspaper dump, a concatenated export) must run at the speed of
# single readouts: time per MB of a 64 MB file within 1.5x of a 1 MB file's.
#
#   sh bench/extract-long.sh          (build/tifa must exist)
#
# Inputs: build/bench/extract-long/N.txt for N = 1, 8, 64 (MB = 10^6 bytes),
# each the fixtures tests/readouts/*.txt (UTF-8 ones) concatenated, repeated
# until the size is reached, a blank line between readouts. Each is run
# REPS times (default 3; best wall time, largest peak RSS) under GNU time.
# Prints s/MB, MB/s, peak RSS and the 64/1 ratio of s/MB. A missed goal is
# reported, not failed; a failing command fails the script.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root" || exit 1
tifa=${TIFA:-build/tifa}
reps=${REPS:-3}
dir=build/bench/extract-long
[ -x "$tifa" ] || { echo "bench/extract-long: $tifa not found" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/extract-long: GNU time not found (Debian package: time)" >&2; exit 1; }
mkdir -p "$dir"
python3 - "$dir" tests/readouts/*.txt <<'PY' || exit 1
import os, sys
out, srcs = sys.argv[1], sys.argv[2:]
docs = []
for s in srcs:
    b = open(s, "rb").read()
    try:
        b.decode("utf-8")
    except UnicodeDecodeError:
        continue
    docs.append(b.rstrip(b"\n") + b"\n\n")
for mb in (1, 8, 64):
    name = f"{out}/{mb}.txt"
    if os.path.exists(name) and os.path.getsize(name) >= mb * 10**6:
        continue
    with open(name, "wb") as f:
        n, i = 0, 0
        while n < mb * 10**6:
            f.write(docs[i % len(docs)])
            n += len(docs[i % len(docs)])
            i += 1
PY
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tifa-bench-long.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
printf '%-8s %10s %8s %8s %8s %10s\n' size bytes "wall s" "s/MB" "MB/s" "peak RSS"
for mb in 1 8 64; do
    f=$dir/$mb.txt
    bytes=$(wc -c <"$f")
    best=""; peak=0; i=0
    while [ "$i" -lt "$reps" ]; do
        i=$((i + 1))
        if ! /usr/bin/time -f '%e %M' -o "$tmp/t" "$tifa" extract "$f" >"$tmp/out" 2>"$tmp/err"; then
            echo "bench/extract-long: $tifa extract $f failed: $(head -n 3 "$tmp/err")" >&2; exit 1
        fi
        read -r w r <<EOT
$(tail -n 1 "$tmp/t")
EOT
        if [ -z "$best" ] || awk -v a="$w" -v b="$best" 'BEGIN { exit !(a + 0 < b + 0) }'; then best=$w; fi
        [ "$r" -gt "$peak" ] && peak=$r
    done
    spm=$(awk -v w="$best" -v b="$bytes" 'BEGIN { printf "%.4f", w / (b / 1e6) }')
    eval "spm_$mb=\$spm"
    printf '%-8s %10s %8s %8s %8s %8.1f MB\n' "${mb} MB" "$bytes" "$best" "$spm" \
        "$(awk -v w="$best" -v b="$bytes" 'BEGIN { if (w + 0 > 0) printf "%.1f", b / 1e6 / w; else print "-" }')" \
        "$(awk -v r="$peak" 'BEGIN { print r / 1024 }')"
done
ratio=$(awk -v a="$spm_64" -v b="$spm_1" 'BEGIN { if (b + 0 > 0) printf "%.2f", a / b; else print "-" }')
status=$(awk -v r="$ratio" 'BEGIN { print (r != "-" && r + 0 <= 1.5) ? "met" : "missed" }')
echo "time per MB, 64 MB / 1 MB: ${ratio}x (goal <= 1.5x): $status"
