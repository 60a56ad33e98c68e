#!/bin/sh
# bench/warc.sh — the WARC reader's overhead: `tifa extract --warc` on a
# web archive of WARC_MB MB (default 200, gzip, one member per record, as
# crawlers write them) against what a user would otherwise run on the same
# pages: `gzip -dc` of the archive plus `tifa extract --html` of the pages
# as files. Issue 12 asks the reader's overhead to be at most 10%.
#
#   sh bench/warc.sh            (build/tifa must exist: make build/tifa)
#   WARC_MB=50 sh bench/warc.sh (quicker)
#
# The pages: ../shared/peers/magic-html-zh/html/*.html (44 Chinese news
# and government pages) when present, else tests/html and tests/warc/site,
# copied round-robin, each copy ending with a comment that numbers it (its
# record is the same). The archive and the pages are made once into
# build/bench/warc/ (FORCE=1 remakes them), by Python's gzip: a writer
# that is not tifa's. REPS (default 2): runs of each command, the best
# wall time is kept.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root" || exit 1
tifa=${TIFA:-build/tifa}
mb=${WARC_MB:-200}
reps=${REPS:-2}
dir=build/bench/warc
[ -x "$tifa" ] || { echo "bench/warc: $tifa not found; run 'make build/tifa'" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/warc: GNU time not found (Debian package: time)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tifa-bench-warc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
cp "$tifa" "$tmp/tifa" # a rebuild meanwhile does not change what is measured

src=$root/../shared/peers/magic-html-zh/html
[ -d "$src" ] || src="$root/tests/html $root/tests/warc/site"
stamp="$mb $(cat "$here/warc.sh" | cksum)"
if [ "${FORCE:-0}" = 1 ] || [ "$(cat "$dir/.done" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$dir"
    mkdir -p "$dir/pages"
    echo "bench/warc: writing a $mb MB archive and its pages into $dir ..."
    python3 - "$dir" "$mb" $src <<'EOF' || { echo "bench/warc: could not make the archive" >&2; exit 1; }
import glob, gzip, os, sys
out, mb, srcs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
pages = sorted(p for s in srcs for p in glob.glob(os.path.join(s, "*.html")))
data = [open(p, "rb").read() for p in pages]
warc = open(os.path.join(out, "bench.warc.gz"), "wb")
lst = open(os.path.join(out, "pages.list"), "w")
n = 0
while warc.tell() < mb << 20:
    body = data[n % len(data)] + b"\n<!-- copy %d -->\n" % n
    name = f"pages/{n:06d}.html"
    with open(os.path.join(out, name), "wb") as f:
        f.write(body)
    lst.write(os.path.join(out, name) + "\n")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://bench.example/{name}\r\n"
            f"WARC-Date: 2026-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012d}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    warc.write(gzip.compress(head + http + b"\r\n\r\n", compresslevel=6, mtime=0))
    n += 1
print(f"bench/warc: {n} pages from {len(pages)} sources, archive {warc.tell() / 1e6:.1f} MB")
EOF
    echo "$stamp" > "$dir/.done"
fi
warc=$dir/bench.warc.gz
npages=$(wc -l < "$dir/pages.list")
gz_mb=$(( $(wc -c < "$warc") / 1000000 ))
# Pages' bytes: also brings them into the page cache, as gzip -dc brings the archive.
html_mb=$(cat "$dir/pages/"* | wc -c | awk '{printf "%.0f", $1 / 1e6}')
cat "$warc" > /dev/null

best() { # LABEL COMMAND... : the best of $reps runs; "wall user sys maxrss_kb" in $tmp/LABEL
    label=$1
    shift
    : > "$tmp/$label.all"
    for _ in $(seq "$reps"); do
        /usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$@" > "$tmp/$label.out" 2> "$tmp/$label.err" ||
            { echo "bench/warc: failed: $*" >&2; tail -3 "$tmp/$label.err" >&2; exit 1; }
        cat "$tmp/t" >> "$tmp/$label.all"
    done
    sort -n "$tmp/$label.all" | head -n 1 > "$tmp/$label"
}
echo "bench/warc: $npages pages, $html_mb MB of HTML, archive $gz_mb MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
best gzip gzip -dc "$warc"
best files "$tmp/tifa" extract --html --files-from "$dir/pages.list"
best warc "$tmp/tifa" extract --warc "$warc"
echo "bench/warc: load average after $(cut -d' ' -f1-3 /proc/loadavg)"

# The same records, apart from file and source.
python3 - "$tmp/files.out" "$tmp/warc.out" <<'EOF' || exit 1
import json, sys
a, b = open(sys.argv[1]), open(sys.argv[2])
n = 0
for la, lb in zip(a, b):
    ra, rb = json.loads(la), json.loads(lb)
    ra.pop("file"); rb.pop("file"); rb.pop("source")
    if ra != rb:
        sys.exit(f"bench/warc: record {n} differs between the pages and the archive")
    n += 1
if a.read() or b.read():
    sys.exit("bench/warc: not as many records from the archive as from the pages")
print(f"bench/warc: {n} records, the same from the archive as from the pages (apart from file and source)")
EOF
grep -q "^records [0-9]*, responses $npages, extracted $npages, failed 0$" "$tmp/warc.err" ||
    { echo "bench/warc: unexpected counts: $(tail -1 "$tmp/warc.err")" >&2; exit 1; }

read -r gw gu gs gm < "$tmp/gzip"
read -r fw fu fs fm < "$tmp/files"
read -r ww wu ws wm < "$tmp/warc"
awk -v gw="$gw" -v gu="$gu" -v gs="$gs" -v fw="$fw" -v fu="$fu" -v fs="$fs" -v ww="$ww" -v wu="$wu" -v ws="$ws" \
    -v fm="$fm" -v wm="$wm" -v n="$npages" -v mb="$html_mb" -v gm="$gm" 'BEGIN {
    printf "%-44s %8s %8s %9s %9s\n", "", "wall s", "CPU s", "pages/s", "peak MB"
    printf "%-44s %8.2f %8.2f %9s %9.1f\n", "gzip -dc ARCHIVE > /dev/null", gw, gu + gs, "", gm / 1024
    printf "%-44s %8.2f %8.2f %9.0f %9.1f\n", "tifa extract --html PAGES...", fw, fu + fs, n / fw, fm / 1024
    printf "%-44s %8.2f %8.2f %9.0f %9.1f\n", "gzip -dc + tifa extract (sum)", gw + fw, gu + gs + fu + fs, n / (gw + fw), fm / 1024
    printf "%-44s %8.2f %8.2f %9.0f %9.1f\n", "tifa extract --warc ARCHIVE", ww, wu + ws, n / ww, wm / 1024
    printf "overhead of the reader: %+.1f%% wall, %+.1f%% CPU (issue 12 asks <= 10%%); %.1f MB/s of HTML\n",
        (ww / (gw + fw) - 1) * 100, ((wu + ws) / (gu + gs + fu + fs) - 1) * 100, mb / ww
}'
