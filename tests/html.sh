#!/bin/sh
# Web pages as input: the cases in tests/html (NAME.html must clean to
# NAME.clean, and that text cleans to itself), no markup, entity or script
# in any output (the cases, the peer pages in ../shared when present, and
# damaged pages), detection on standard input and by name, --html and
# --text, charsets declared wrongly, truncated pages, 100,000 levels of
# nesting, the size limit, the page object of extract, tifa add of pages.
#
#   sh tests/html.sh PATH-TO-TIFA
#
# Prints `ok - NAME` / `not ok - NAME` per check, then `N passed, M failed,
# K skipped`.
set -u
if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: sh tests/html.sh PATH-TO-TIFA" >&2
  exit 2
fi
case $1 in
  /*) TIFA=$1 ;;
  *) TIFA=$(pwd)/$1 ;;
esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
H=$ROOT/tests/html
T=$(mktemp -d /tmp/tifa-html.XXXXXX) || exit 2
trap 'rm -rf "$T"' EXIT

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
skipped=0
skip() { skipped=$((skipped + 1)); echo "ok - $1 # SKIP $2"; }
notok() {
  fail=$((fail + 1))
  echo "not ok - $1"
  shift
  for why in "$@"; do printf '%s\n' "$why" | head -n 8 | sed 's/^/#   /'; done
}
run() { "$TIFA" "$@" > "$T/out" 2> "$T/err"; rc=$?; }
# leaks FILE: markup, entities or script text in a clean text.
leaks() {
  grep -nE '<[A-Za-z/!?][^>]*>|&(nbsp|amp|lt|gt|quot|#[0-9]+|#x[0-9a-fA-F]+);|function *\(|document\.|window\.|\bvar [a-z_]+ *=' "$1" | head -3
}
no_leak() { # NAME FILE
  l=$(leaks "$2")
  if [ -z "$l" ]; then ok "$1: no markup in the text"; else notok "$1: markup in the text" "$l"; fi
}

# --- the cases
for page in "$H"/*.html; do
  name=$(basename "$page" .html)
  run clean "$page"
  if [ $rc -eq 0 ] && cmp -s "$T/out" "$H/$name.clean"; then
    ok "case $name"
  else
    notok "case $name" "$(diff "$H/$name.clean" "$T/out" | head -8)" "$(cat "$T/err")"
  fi
  no_leak "case $name" "$T/out"
  run clean "$H/$name.clean"
  if cmp -s "$T/out" "$H/$name.clean"; then ok "case $name: clean text is a fixed point"; else notok "case $name: idempotence"; fi
done

# --- detection
run clean < "$H/xinhua.html"
if cmp -s "$T/out" "$H/xinhua.clean"; then ok "HTML on standard input is detected"; else notok "stdin detection" "$(head -3 "$T/out")"; fi
cp "$H/gov.html" "$T/page.htm"
run clean "$T/page.htm"
if cmp -s "$T/out" "$H/gov.clean"; then ok ".htm is a web page"; else notok ".htm by name"; fi
# A fragment without <html>: by name it is a page, as text it is kept as text.
printf '<div class="content"><p>会议指出，要做好今年的各项工作。</p><p>会议强调，要抓好落实。</p></div>\n' > "$T/frag.txt"
run clean --html "$T/frag.txt"
if [ $rc -eq 0 ] && grep -q '会议指出' "$T/out" && [ -z "$(leaks "$T/out")" ]; then ok "--html reads a fragment as a page"; else notok "--html" "$(cat "$T/out" "$T/err")"; fi
run clean --text "$H/xinhua.html"
if grep -q '<title>\|<p>' "$T/out"; then ok "--text keeps markup as text"; else notok "--text" "$(head -3 "$T/out")"; fi
# All files in one invocation each way (a sanitizer build spends most of a
# short run starting up); when the two differ, file by file to name them.
set --
for f in "$ROOT"/tests/readouts/*.txt "$ROOT"/tests/cases/*.in "$SHARED"/seeds/*; do
  [ -f "$f" ] && set -- "$@" "$f"
done
"$TIFA" clean "$@" > "$T/a" 2>/dev/null
"$TIFA" clean --text "$@" > "$T/b" 2>/dev/null
if cmp -s "$T/a" "$T/b"; then
  ok "no text readout is taken for a web page ($# files)"
else
  before=$fail
  for f in "$@"; do
    "$TIFA" clean "$f" > "$T/a" 2>/dev/null
    "$TIFA" clean --text "$f" > "$T/b" 2>/dev/null
    cmp -s "$T/a" "$T/b" || notok "text file taken for a page: $f"
  done
  [ $fail -gt $before ] || notok "text files: as pages and as text, one invocation each, differ"
fi

# --- charsets
printf '<html><head><meta charset="gb2312"></head><body><p>国务院常务会议研究部署稳就业工作，会议指出就业是民生。</p></body></html>' > "$T/says-gb.html"
run clean "$T/says-gb.html"
if grep -q '国务院常务会议研究部署' "$T/out"; then ok "UTF-8 page declaring gb2312"; else notok "UTF-8 page declaring gb2312" "$(cat "$T/out" "$T/err")"; fi
{ printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><p>'
  printf '国务院常务会议研究部署稳就业工作，会议指出就业是民生。</p></body></html>' | iconv -f utf-8 -t gbk; } > "$T/says-utf8.html"
run clean "$T/says-utf8.html"
if grep -q '国务院常务会议研究部署' "$T/out"; then ok "GBK page declaring utf-8"; else notok "GBK page declaring utf-8" "$(cat "$T/out" "$T/err")"; fi
{ printf '<html><head><meta charset="x-unknown-8"></head><body><p>'
  printf '國務院常務會議研究部署穩就業工作，會議指出就業是民生。</p></body></html>' | iconv -f utf-8 -t big5; } > "$T/big5.html"
run clean "$T/big5.html"
if grep -q '国务院常务会议研究部署' "$T/out"; then ok "unknown charset: detected (Big5)"; else notok "unknown charset" "$(cat "$T/out" "$T/err")"; fi
run extract "$H/people.html"
if grep -q '"encoding":"gb18030"' "$T/out"; then ok "declared gb2312 is decoded as GB18030"; else notok "gb2312 page" "$(head -c 300 "$T/out")"; fi

# --- damaged and pathological pages
size=$(wc -c < "$H/xinhua.html")
for cut in 40 300 900 1500 $((size - 30)); do
  head -c "$cut" "$H/xinhua.html" > "$T/trunc.html"
  run clean "$T/trunc.html"
  if [ $rc -eq 0 ] && [ -z "$(leaks "$T/out")" ]; then ok "page truncated at $cut bytes"; else notok "truncated at $cut" "$(cat "$T/out" "$T/err")"; fi
done
python3 - "$T" <<'EOF'
import sys
t = sys.argv[1]
n = 100000
open(t + "/deep-div.html", "w").write("<html><body>" + "<div>" * n + "深处的正文，仍然在。" + "</div>" * n + "</body></html>")
open(t + "/deep-b.html", "w").write("<html><body>" + "".join("<b id=%d>" % i for i in range(n)) + "深处的正文，仍然在。</body></html>")
open(t + "/deep-mixed.html", "w").write("<html><body>" + "<div></span><table><tr><td><ul><li>" * (n // 5) + "深处的正文，仍然在。</body></html>")
open(t + "/open-tags.html", "w").write("<html><body>" + "<p><span class=x>" * n + "深处的正文，仍然在。")
open(t + "/open-links.html", "w").write("<html><body>" + "<p><a href=x>" * n + "深处的正文，在链接里。")
EOF
for f in deep-div deep-b deep-mixed open-tags; do
  start=$(date +%s)
  "$TIFA" clean "$T/$f.html" > "$T/out" 2> "$T/err"; rc=$?
  secs=$(( $(date +%s) - start ))
  if [ $rc -eq 0 ] && grep -q '深处的正文' "$T/out" && [ $secs -lt 30 ]; then
    ok "100,000 levels ($f): text kept, ${secs}s"
  else
    notok "100,000 levels ($f)" "rc=$rc ${secs}s" "$(head -c 200 "$T/out")" "$(cat "$T/err")"
  fi
done
python3 -c "
import sys
p = '<p>会议指出，就业是最基本的民生。</p>\n' * (17 * 1024 * 1024 // 40)
open(sys.argv[1], 'w').write('<html><body>' + p + '</body></html>')" "$T/huge.html"
run clean "$T/huge.html"
if [ $rc -eq 1 ] && grep -q "huge.html: .*16 MB limit" "$T/err"; then ok "a page over 16 MB is refused, naming the file"; else notok "size limit" "rc=$rc" "$(cat "$T/err")"; fi
run clean --text "$T/huge.html"
if [ $rc -eq 0 ]; then ok "the same bytes as text are cleaned"; else notok "huge as text"; fi

start=$(date +%s)
run clean "$T/open-links.html"
secs=$(( $(date +%s) - start ))
if [ $rc -eq 0 ] && [ $secs -lt 30 ]; then ok "100,000 unclosed links: ${secs}s"; else notok "unclosed links" "rc=$rc ${secs}s"; fi

# --- the peer's real pages
if [ -d "$SHARED/peers/magic-html-zh/html" ]; then
  # One invocation over all pages; file by file only to name a failure.
  if "$TIFA" clean "$SHARED"/peers/magic-html-zh/html/*.html > "$T/out" 2> "$T/err" && [ -z "$(leaks "$T/out")" ]; then
    ok "$(ls "$SHARED"/peers/magic-html-zh/html/*.html | wc -l) real pages: cleaned, no markup in the text"
  else
    before=$fail
    for page in "$SHARED"/peers/magic-html-zh/html/*.html; do
      "$TIFA" clean "$page" > "$T/out" 2> "$T/err" || notok "peer page $(basename "$page")" "$(cat "$T/err")"
      l=$(leaks "$T/out")
      [ -z "$l" ] || notok "markup in $(basename "$page")" "$l"
    done
    [ $fail -gt $before ] || notok "real pages: one invocation over all failed" "$(cat "$T/err")"
  fi
else
  skip "real pages" "$SHARED/peers/magic-html-zh not found"
fi

# --- extract and add
run extract "$H/xinhua.html"
if python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))
p = r['page']
assert p['title'] == '李强主持召开国务院常务会议', p
assert p['published'] == '2024-05-10' and p['source'] == '新华社', p
assert p['url'] == 'http://www.news.cn/politics/leaders/20240510/abc/c.html', p
a = r['articles'][0]
assert a['title'] == p['title'] and a['meeting']['date'] == '2024-05-10', a
" "$T/out"; then ok "extract: page object and the meeting"; else notok "extract page object" "$(head -c 400 "$T/out")"; fi
printf '<html><head><title>測試</title></head><body><div class="nav"><a href="/">首頁</a></div><div class="content"><p>會議指出，要認真學習和深入貫徹會議精神，談?wù)J識，並抓好落實工作。</p></div></body></html>' > "$T/anomaly.html"
run extract "$T/anomaly.html"
if python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))
page = open(sys.argv[2], encoding='utf-8').read()
a = r['anomalies']
assert len(a) == 1 and page[a[0]['offset']:a[0]['offset'] + len(a[0]['text'])] == a[0]['text'], a
" "$T/out" "$T/anomaly.html"; then ok "extract: anomaly offsets count characters of the decoded page"; else notok "anomaly offset" "$(head -c 300 "$T/out")"; fi
run extract "$ROOT/tests/readouts/$(ls "$ROOT/tests/readouts" | head -1)"
if grep -q '"page"' "$T/out"; then notok "a text record has no page object"; else ok "a text record has no page object"; fi
mkdir -p "$T/pages"
cp "$H/xinhua.html" "$H/gov.html" "$T/pages/"
run add --db "$T/c.db" "$T/pages"
run list --db "$T/c.db"
n=$(grep -c . "$T/out")
run show --db "$T/c.db" --raw 1
if [ "$n" -ge 2 ] && grep -q '<!DOCTYPE html>\|<html>' "$T/out"; then ok "add: a directory of pages, raw HTML stored"; else notok "add pages" "n=$n" "$(head -3 "$T/out")"; fi

echo "$pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
