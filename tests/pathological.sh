#!/bin/sh
# Inputs built to make a careless pass quadratic (issue 16), cleaned and
# extracted under a generous time limit: a time-out, not a speed claim
# (each finishes in well under a second; the quadratic passes took 15 s
# for 100,000 nested parentheses and minutes for 200,000 question marks).
#   sh tests/pathological.sh build/tifa-asan
set -u
TIFA=${1:-build/tifa-asan}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "not ok - $1"; fi; }
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
$PY - "$tmp" << 'EOF2'
import sys
d = sys.argv[1]
cases = {
    "nested-ascii": "会议" + "(" * 100000 + "a" + ")" * 100000,
    "nested-mixed": "会议" + "(会" * 60000 + ")" * 60000,
    "question-run": "x" + "?" * 200000 + "会",
    "comma-run-spaced": "会" + ", " * 100000 + "x",
    "only-punct": "，。！？；：" * 50000,
    "combining-marks": "a" + "\u0301" * 200000,
    "short-lines": "会议\n" * 300000,
    # one paragraph of speakers: every name was looked for in the whole text (26 s for 360 KB)
    "speakers-one-paragraph": "3月1日，市委召开常委会议。" + "".join(
        "市委书记王%s强调，要抓好落实，" % "明红刚强伟芳"[i % 6] for i in range(4000)),
    "distinct-speakers": "3月1日，市委召开常委会议。" + "".join(
        "市委书记%s%s%s强调，要抓好落实，" % ("王李张刘陈杨黄赵吴周"[i % 10], "明红刚强伟芳军平华建"[i // 10 % 10],
                                       "国英文斌丽静敏杰涛超"[i // 100 % 10]) for i in range(4000)),
}
for name, text in cases.items():
    open(f"{d}/{name}.txt", "w").write(text + "\n")
# Readouts with their line ends taken out, 4 MB on one line: extract looked
# for each speaker's other mentions over the whole text at every cue, and
# this took 7.7 s without sanitizers (25 MB: over 6 minutes).
import glob
t = ""
for f in sorted(glob.glob("tests/readouts/*.txt")):
    try:
        t += open(f, encoding="utf-8").read().replace("\n", "")
    except UnicodeDecodeError:
        pass
line = (t * (4000000 // len(t.encode()) + 1)).encode()[:4000000].decode("utf-8", "ignore")
open(f"{d}/one-long-line.txt", "w").write(line + "\n")
EOF2
for f in "$tmp"/*.txt; do
  name=$(basename "$f" .txt)
  timeout 10 "$TIFA" clean "$f" > "$tmp/out" 2> "$tmp/err"; st=$?
  check "clean $name: finishes in time ($st)" '[ $st -eq 0 ]'
  timeout 10 "$TIFA" extract "$f" > "$tmp/out" 2> "$tmp/err"; st=$?
  check "extract $name: finishes in time ($st)" '[ $st -eq 0 ]'
done
# Idempotence holds on them too: cleaning the clean text changes nothing.
for name in nested-ascii question-run comma-run-spaced; do
  "$TIFA" clean "$tmp/$name.txt" > "$tmp/once"
  "$TIFA" clean "$tmp/once" > "$tmp/twice"
  check "clean $name twice: unchanged" 'cmp -s "$tmp/once" "$tmp/twice"'
done
"$TIFA" clean "$tmp/question-run.txt" > "$tmp/out"
check "the run of ? before a Han character became full-width, all of it" '! grep -q "?" "$tmp/out" && grep -q "？？？会" "$tmp/out"'
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
