#!/bin/sh
# Writes one line per input and option set — the SHA-256 of what `tifa
# clean` wrote (standard output and error) and its exit status — for every
# readout, case, seed, test page, peer page and set under tests/, the
# generated differential inputs and the benchmark corpus when they exist,
# and a few inputs built here (pathological shapes, chunk-boundary cases).
# A speed change must leave it byte-identical:
#   tools/clean-snapshot.sh TIFA OUT; cmp OUT OLD
# (On a difference, run both binaries on the named input and diff.)
set -u
tifa=$1 out=$2
here=$(cd "$(dirname "$0")/.." && pwd)
# GEN=DIR keeps the inputs built here in DIR (to rerun a differing one).
if [ -n "${GEN:-}" ]; then tmp=$GEN; mkdir -p "$tmp"; else tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT; fi
: > "$out"

PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
$PY - "$tmp" << 'EOF'
import random, sys
d = sys.argv[1]
r = random.Random(14)
han = "会议国务院總書記發展强調指出要堅持和加強党的全面领导习近平主持"
def rnd(n, alphabet):
    return "".join(r.choice(alphabet) for _ in range(n))
cases = {
    "nested-ascii": "会议" + "(" * 3000 + "a" + ")" * 3000,
    "nested-mixed": "会议" + "(会" * 2000 + ")" * 2000,
    "unbalanced": "会议(" * 2000 + "）" * 1000 + ")" * 500,
    "question-run": "x" + "?" * 5000 + "会",
    "comma-run-spaced": "会" + ", " * 3000 + "x",
    "only-punct": "，。！？；：,.;:!?()（）“”" * 3000,
    "short-lines": "会议\n" * 20000 + "國\n" * 10000,
    "long-line": rnd(300000, han + "，。 ,:;()（）1234abc"),
    "pinyin-dense": "".join(r.choice(["會(huì)", "國(guó)", "國（guo2）", "会 (hui) ", "中(zhōng)", "(a)", "（）", "☆", "⭐️"]) + rnd(3, han) for _ in range(20000)),
    "mixed-noise": "".join(r.choice([rnd(5, han), " ", "\t", "\u3000", "\u00a0", "\u200b", "\ufeff", "\r", "\r\n", "\n", "\n\n", "?", ",", "1", "2024年", "\xad", "😀", "\ud7ff", "(", ")", "（", "）"]) for _ in range(200000)),
    "crlf": "会议指出，\r\n要坚持。\r\n\r\n國務院\r總理\r\n" * 3000,
    "window-edge": ("會" * 700000) + "\n" + ("發展" * 400000) + "\n\n" + "臺灣" * 10,
}
for name, text in cases.items():
    with open(f"{d}/{name}.txt", "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(text + "\n")
# Invalid UTF-8, NUL bytes, cut sequences.
with open(f"{d}/invalid.txt", "wb") as f:
    b = bytearray()
    for _ in range(50000):
        b += r.choice([b"\xe4\xbc\x9a", b"\xe4\xbc", b"\xff", b"\x00", b"a", b"\xc3\xa9", b"\xf0\x9f\x98\x80", b"\xed\xa0\x80", b"\n", b" ", b"(hui)"])
    f.write(bytes(b))
EOF

list() {
    for f in "$here"/tests/readouts/*.txt "$here"/tests/cases/*.in "$here"/tests/extract-cases/*.txt \
             "$here"/examples/*.txt "$here"/../shared/seeds/*.txt "$here"/tests/set*/readouts/*.txt \
             "$here"/build/differential/in/*.txt "$tmp"/*.txt "$here"/build/bench/trad.txt; do
        [ -f "$f" ] && echo "$f"
    done
}
pages() {
    for f in "$here"/tests/html/*.html "$here"/../shared/peers/magic-html-zh/html/*.html; do
        [ -f "$f" ] && echo "$f"
    done
}
one() { # label args...
    label=$1; shift
    "$tifa" clean "$@" > "$tmp/o" 2> "$tmp/e"; st=$?
    # Messages name the input: the folder of the inputs built here varies.
    printf '%s %s %s %s\n' "$( (cat "$tmp/o"; sed "s|$tmp/|gen/|g" "$tmp/e") | sha256sum | cut -c1-16)" "$st" "$label" \
        "$(echo "$*" | sed "s|$here/||g; s|$tmp/|gen/|g")" >> "$out"
}
list | while read -r f; do
    one default "$f"
    one keep "--keep-script" "$f"
    one s2t "--to" "s2t" "$f"
    one boiler "--keep-boilerplate" "$f"
    one tw "--to" "s2twp" "$f"
done
pages | while read -r f; do
    one default "$f"
    one keep "--keep-script" "$f"
    one s2t "--to" "s2t" "$f"
    one text "--text" "$f"
done
# Standard input, several files in one call.
cat "$here"/tests/readouts/*.txt | "$tifa" clean - 2>&1 | sha256sum | sed 's/^/stdin-concat /' >> "$out"
"$tifa" clean "$here"/tests/readouts/*.txt 2>&1 | sha256sum | sed 's/^/many-files /' >> "$out"
