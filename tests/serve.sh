#!/bin/sh
# tifa serve: the HTTP API against the CLI's JSON forms (same hits, same
# diff, same trend rows), the pages and assets, status codes (400, 403,
# 404, 405, 413), path traversal, a hostile document added and fetched
# back, readers while `tifa add` writes, malformed requests sent raw
# (tests/serve-raw.py), Host and Origin checks against DNS rebinding and
# cross-site writes (tests/serve-guard.py), and a clean exit on SIGTERM and SIGINT with no
# sanitizer report. Run with the ASan build: sh tests/serve.sh build/tifa-asan
set -u
TIFA=${1:-build/tifa-asan}
case $TIFA in /*) ;; *) TIFA=$(pwd)/$TIFA ;; esac
ROOT=$(pwd)
. "$ROOT/tests/serve-port.sh"
tmp=$(mktemp -d)
pids=""
cleanup() {
  for p in $pids; do kill "$p" 2> /dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
. tests/harness.sh
command -v curl > /dev/null || { echo "tests/serve.sh: curl is needed"; exit 1; }
# Python for the JSON checks: Debian's starts in a tenth of the time a
# pyenv shim takes, and this script starts it a hundred times.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
DB=$tmp/t.db
"$TIFA" add --db "$DB" "$ROOT/examples" 2> /dev/null

# Starts a server; sets PORT, PID. Arguments go to tifa serve.
start() {
  name=$1; shift
  "$TIFA" serve --db "$DB" --port 0 "$@" > "$tmp/$name.out" 2> "$tmp/$name.err" &
  PID=$!
  pids="$pids $PID"
  PORT=$(serve_port "$tmp/$name.out")
  [ -n "$PORT" ] || { echo "tests/serve.sh: the server did not start:"; cat "$tmp/$name.err"; exit 1; }
}

start main --allow-host tifa.test
B=http://127.0.0.1:$PORT
MAIN_PID=$PID
# get PATH: body to $tmp/body, headers to $tmp/head, status printed.
get() { curl -s -g -o "$tmp/body" -D "$tmp/head" -w '%{http_code}' "$@"; }
# post ...: a write as the server's own page makes it (its Origin, a type a
# form cannot send); the server refuses any other (tests/serve-guard.py).
post() {
  for last; do :; done
  get -H "Origin: $(echo "$last" | sed 's|^\(http://[^/]*\).*|\1|')" -H "Content-Type: application/octet-stream" "$@"
}
json() { $PY -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($1) else 1)" "$tmp/body"; }
header() { tr -d '\r' < "$tmp/head" | grep -qi "^$1"; }
enc() { $PY -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

# ------------------------------------------------------------ pages, assets
check "listening on 127.0.0.1 by default" 'grep -q "http://127.0.0.1:" "$tmp/main.out"'
for p in / /compare /trend /add /doc/1 "/compare?a=1&b=2" "/trend?term=x"; do
  st=$(get "$B$p")
  check "page $p: 200 html" '[ "$st" = 200 ] && header "Content-Type: text/html" && grep -q "/static/app.js" "$tmp/body"'
done
check "CSP, nosniff and no framing on pages" 'header "Content-Security-Policy: default-src .self." && header "X-Content-Type-Options: nosniff" && header "X-Frame-Options: DENY"'
st=$(get "$B/static/app.js")
check "app.js: javascript, from the binary" '[ "$st" = 200 ] && header "Content-Type: text/javascript" && cmp -s "$tmp/body" "$ROOT/web/app.js"'
st=$(get "$B/static/style.css")
check "style.css" '[ "$st" = 200 ] && header "Content-Type: text/css"'
check "no script inline in the page (CSP allows none)" '! grep -q "<script>" "$ROOT/web/index.html"'

# ------------------------------------------------------------ search = CLI
Q=两个确立
st=$(get "$B/api/search?q=$(enc $Q)")
"$TIFA" search --db "$DB" --json "$Q" > "$tmp/cli"
check "search: 200, results and total" '[ "$st" = 200 ] && json "set(d)=={\"results\",\"total\"} and d[\"total\"]==len(d[\"results\"])==4"'
check "search: hits exactly as tifa search --json" '$PY -c "
import json,sys
d=json.load(open(sys.argv[1])); cli=[json.loads(l) for l in open(sys.argv[2])]
assert d[\"results\"]==cli, (d[\"results\"], cli)
assert [list(h) for h in d[\"results\"]]==[list(h) for h in cli]  # same field order
" "$tmp/body" "$tmp/cli"'
check "search: snippets mark matches with « »" 'json "all(\"«两个确立»\" in h[\"snippet\"] for h in d[\"results\"])"'
st=$(get "$B/api/search?q=$(enc 会议)&from=2025-06&to=2025-12")
"$TIFA" search --db "$DB" --json --from 2025-06 --to 2025-12 会议 > "$tmp/cli"
check "search from/to = CLI" '[ "$st" = 200 ] && $PY -c "import json,sys; assert json.load(open(sys.argv[1]))[\"results\"]==[json.loads(l) for l in open(sys.argv[2])]" "$tmp/body" "$tmp/cli"'
st=$(get "$B/api/search?q=$(enc 会)&limit=2&offset=1")
"$TIFA" search --db "$DB" --json --limit 2 --offset 1 会 > "$tmp/cli"
check "search limit/offset = CLI, total counts all" '[ "$st" = 200 ] && $PY -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"results\"]==[json.loads(l) for l in open(sys.argv[2])] and len(d[\"results\"])==2 and d[\"total\"]>=4" "$tmp/body" "$tmp/cli"'
st=$(get "$B/api/search?q=$(enc 会)&limit=2&offset=1&order=newest")
"$TIFA" search --db "$DB" --json --newest --limit 2 --offset 1 会 > "$tmp/cli"
check "search order=newest = CLI --newest, the total exact (estimated false)" '[ "$st" = 200 ] && $PY -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"results\"]==[json.loads(l) for l in open(sys.argv[2])] and d[\"total\"]>=4 and d[\"estimated\"] is False" "$tmp/body" "$tmp/cli"'
st=$(get "$B/api/search?q=$(enc 会)&order=rank")
check "search order=rank: 400 (best or newest)" '[ "$st" = 400 ] && json "\"order\" in d[\"error\"]"'
st=$(get "$B/api/search?q=$(enc 务虚会)&org=$(enc 工业和信息化部)")
check "search org filter" '[ "$st" = 200 ] && json "d[\"total\"]==2 and all(h[\"org\"]==\"工业和信息化部\" for h in d[\"results\"])"'
st=$(get "$B/api/search?q=$(enc 会议)&meeting=$(enc 国防科技工业)")
check "search meeting filter" '[ "$st" = 200 ] && json "d[\"total\"]==2"'
st=$(get "$B/api/search?q=zzzzqqq")
check "search: no match is 200 with an empty list" '[ "$st" = 200 ] && json "d=={\"results\":[],\"total\":0}"'
for q in '"' '(' '会议 AND' 'NEAR(' ':' '^' '*'; do
  st=$(get "$B/api/search?q=$(enc "$q")")
  check "hostile query [$q]: 200 or 400 with a message" '{ [ "$st" = 200 ] && json "\"results\" in d"; } || { [ "$st" = 400 ] && json "d[\"error\"]"; }'
done

# ------------------------------------------------------------ doc, raw, record
st=$(get "$B/api/doc/1")
"$TIFA" export --db "$DB" --format records > "$tmp/export"
check "doc: id, file, sources, copies, corrections, record, clean" '[ "$st" = 200 ] && header "Content-Type: application/json" && json "set(d)>={\"id\",\"file\",\"outlet\",\"url\",\"published\",\"duplicate_of\",\"copies\",\"corrected\",\"record\",\"clean\"} and d[\"id\"]==1 and \"000_\" in d[\"file\"]"'
check "doc: the record as tifa export has it" '$PY -c "import json,sys; d=json.load(open(sys.argv[1])); x=[json.loads(l) for l in open(sys.argv[2])]; assert d[\"record\"]==[r for r in x if r[\"id\"]==1][0][\"record\"]" "$tmp/body" "$tmp/export"'
"$TIFA" show --db "$DB" --json 1 > "$tmp/shown"
check "doc: the clean text, sources and copies as tifa show --json has them" '$PY -c "
import json,sys
d, s = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert all(d[k] == s[k] for k in (\"clean\", \"record\", \"outlet\", \"url\", \"copies\", \"duplicate_of\", \"corrected\"))" "$tmp/body" "$tmp/shown"'
check "doc: spans are character offsets into the article text" 'json "d[\"record\"][\"articles\"][0][\"text\"][slice(*d[\"record\"][\"articles\"][0][\"spans\"][\"meeting.name\"])]==d[\"record\"][\"articles\"][0][\"meeting\"][\"name\"]"'
st=$(get "$B/api/doc/3/raw")
check "raw: the original bytes, sandboxed" '[ "$st" = 200 ] && cmp -s "$tmp/body" "$ROOT/examples/002_6ff96e32e61068e8.txt" && header "Content-Type: text/plain; charset=utf-8" && header "Content-Security-Policy: sandbox"'
st=$(get "$B/api/doc/2/record")
check "record download: attachment, JSON" '[ "$st" = 200 ] && header "Content-Disposition: attachment" && json "d[\"articles\"]"'

# ------------------------------------------------------------ diff, trend
st=$(get "$B/api/diff?a=1&b=2")
"$TIFA" diff --db "$DB" --json 1 2 > "$tmp/cli"
check "diff: tifa diff --json, byte for byte" '[ "$st" = 200 ] && cmp -s "$tmp/body" "$tmp/cli"'
check "diff: 十五五 new in 2026" 'json "\"十五五\" in d[\"terms\"][\"only_b\"] and set(d[\"sentences\"])=={\"added\",\"removed\",\"changed\"}"'
st=$(get "$B/api/trend?term=$(enc 两个确立)&term=$(enc 十五五)")
"$TIFA" trend --db "$DB" --csv 两个确立 十五五 > "$tmp/cli"
check "trend: rows = tifa trend --csv (same field names), and per_100 of each" '[ "$st" = 200 ] && $PY -c "
import csv,json,sys
d=json.load(open(sys.argv[1])); rows=list(csv.DictReader(open(sys.argv[2])))
assert d[\"by\"]==\"year\" and d[\"terms\"]==[\"两个确立\",\"十五五\"]
assert [{k:str(v) for k,v in r.items() if k!=\"per_100\"} for r in d[\"rows\"]]==rows, (d, rows)
assert all(r[\"per_100\"]==(round(100*r[\"documents\"]/r[\"dated\"],1) if r[\"dated\"] else None) for r in d[\"rows\"]), d
" "$tmp/body" "$tmp/cli"'
st=$(get "$B/api/trend?term=$(enc 会议)&by=month")
check "trend by month" '[ "$st" = 200 ] && json "d[\"by\"]==\"month\" and all(len(r[\"period\"])==7 for r in d[\"rows\"]) and d[\"rows\"]"'
st=$(get "$B/api/stats")
check "stats" '[ "$st" = 200 ] && json "d[\"documents\"]==5 and d[\"read_only\"] is False and d[\"max_body\"]==10485760"'

# ------------------------------------------------------------ 400, 404, 405
for p in /api/doc/abc /api/doc/0 /api/doc/-1 /api/doc/1x /api/doc/ /api/doc/1.5/raw /api/search "/api/search?q=" \
  "/api/search?q=a&limit=0" "/api/search?q=a&limit=abc" "/api/search?q=a&limit=101" "/api/search?q=a&offset=-1" \
  "/api/search?q=a&from=2024-13" "/api/search?q=a&to=yesterday" "/api/search?q=a%01" "/api/search?q=%ff" \
  /api/trend "/api/trend?term=" "/api/trend?term=a&by=week" \
  "/api/trend?term=1&term=2&term=3&term=4&term=5&term=6&term=7&term=8&term=9" \
  "/api/diff" "/api/diff?a=1" "/api/diff?a=x&b=1" "/api/diff?a=1&b=0"; do
  st=$(get "$B$p")
  check "400 with a JSON message: $p" '[ "$st" = 400 ] && json "isinstance(d[\"error\"], str) and d[\"error\"]"'
done
for p in /nope /api /api/nope /doc/abc /doc/ /api/doc/1/nope /static/nope.js /static/ /index.html /api/doc/999 \
  "/api/diff?a=1&b=999" /api/doc/999/raw; do
  st=$(get "$B$p")
  check "404: $p" '[ "$st" = 404 ] && json "d[\"error\"]"'
done
st=$(post -X DELETE "$B/api/search?q=a"); check "DELETE: 405" '[ "$st" = 405 ] && header "Allow:"'
st=$(get "$B/api/add"); check "GET /api/add: 405" '[ "$st" = 405 ]'
st=$(post --data-binary x "$B/api/search?q=a"); check "POST /api/search: 405" '[ "$st" = 405 ]'

# ------------------------------------------------------------ traversal
for p in "/../../etc/passwd" "/static/../../../etc/passwd" "/%2e%2e/%2e%2e/etc/passwd" "/static/%2e%2e/%2e%2e/etc/passwd" \
  "/static/..%2f..%2f..%2fetc%2fpasswd" "/static/..%2fapp.js" "/static/.%2fapp.js" "/static//etc/passwd" \
  "//etc/passwd" "/static/%2fetc%2fpasswd" "/static/..\\..\\etc\\passwd" "/doc/1/../../../etc/passwd" \
  "/static/app.js/../../../../etc/passwd" "/api/doc/1/../../../../etc/passwd"; do
  st=$(get --path-as-is "$B$p")
  check "traversal $p: not served" '[ "$st" = 404 ] || [ "$st" = 400 ]; ! grep -q "root:" "$tmp/body"'
done

# ------------------------------------------------------------ add
printf '<script>alert("x")</script>\n<img src=x onerror="alert(1)">\n\x27"quotes"\x27 & </textarea><b>bold</b>\n会议强调，<script>document.title="pwned"</script>要坚持“两个确立”。\n' > "$tmp/xss.txt"
st=$(post --data-binary @"$tmp/xss.txt" "$B/api/add?name=$(enc '<script>x</script>.txt')")
check "add: hostile document added" '[ "$st" = 200 ] && json "d[\"result\"]==\"added\" and d[\"id\"]==6"'
st=$(get "$B/api/doc/6")
check "add: fetched back, its text intact in the JSON" 'json "\"<script>alert(\\\"x\\\")</script>\" in d[\"clean\"] and d[\"file\"]==\"<script>x</script>.txt\""'
st=$(get "$B/api/doc/6/raw")
check "add: raw bytes stored as sent" 'cmp -s "$tmp/body" "$tmp/xss.txt"'
st=$(post --data-binary @"$tmp/xss.txt" "$B/api/add")
check "add the same bytes again: identical, the same id" '[ "$st" = 200 ] && json "d=={\"id\":6,\"result\":\"identical\"}"'
{ echo "工业和信息化部召开务虚会"; echo; cat "$ROOT/examples/002_6ff96e32e61068e8.txt"; echo; echo "（本文转自工信微报）"; } > "$tmp/repost.txt"
st=$(post --data-binary @"$tmp/repost.txt" "$B/api/add?name=repost.txt")
check "add a repost: near-duplicate" '[ "$st" = 200 ] && json "d[\"result\"]==\"near-duplicate\" and d[\"id\"]==7"'
st=$(get "$B/api/doc/7")
first=$($PY -c "import json,sys; print(json.load(open(sys.argv[1]))[\"duplicate_of\"])" "$tmp/body")
check "/api/doc of a copy: duplicate_of and the copy's kind" 'json "d[\"duplicate_of\"]>0 and d[\"copy\"]==\"near\" and d[\"copies\"]==[]"'
st=$(get "$B/api/doc/$first")
check "/api/doc of its first copy: its copies, with file, source and url" 'json "[(k[\"id\"], k[\"file\"], k[\"copy\"]) for k in d[\"copies\"]]==[(7, \"repost.txt\", \"near\")] and set(d[\"copies\"][0])>={\"id\",\"file\",\"source\",\"url\"}"'
st=$(get "$B/api/search?q=$(enc 务虚)")
check "/api/search: a hit carries its copies" 'json "any(h[\"id\"]==$first and [k[\"id\"] for k in h[\"copies\"]]==[7] for h in d[\"results\"])"'
st=$(get "$B/api/search?q=$(enc 两个确立)")
check "search sees what was added" 'json "any(h[\"id\"]==6 for h in d[\"results\"])"'
st=$(post --data-binary @/dev/null "$B/api/add")
check "add: empty body is 400" '[ "$st" = 400 ] && json "d[\"error\"]"'
st=$(post --data-binary x "$B/api/add?name=a%0Ab")
check "add: control character in the name is 400" '[ "$st" = 400 ]'
head -c 11000000 /dev/zero | tr '\0' a > "$tmp/big"
st=$(post --data-binary @"$tmp/big" "$B/api/add")
check "11 MB body: 413 with a message" '[ "$st" = 413 ] && json "\"limit\" in d[\"error\"]"'
st=$(post -H "Transfer-Encoding: chunked" --data-binary @"$tmp/big" "$B/api/add")
check "11 MB chunked (no length): 413" '[ "$st" = 413 ]'
st=$(get -X GET --data-binary @"$tmp/big" "$B/api/stats")
check "11 MB body on a GET: 413" '[ "$st" = 413 ]'

# ------------------------------------------------------------ read while add writes
mkdir -p "$tmp/many"
i=0
for f in "$ROOT"/tests/readouts/*.txt; do
  i=$((i + 1)); { echo "第${i}批"; cat "$f"; } > "$tmp/many/$i.txt"
done
before=$(curl -s "$B/api/stats" | $PY -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
# The same search twice: the second answer (from the cache) is the same.
curl -s "$B/api/search?q=$(enc 会议)&limit=3" > "$tmp/s-before1"
curl -s "$B/api/search?q=$(enc 会议)&limit=3" > "$tmp/s-before2"
check "a repeated search answers the same" 'cmp -s "$tmp/s-before1" "$tmp/s-before2"'
tb=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$tmp/s-before1")
curl -s "$B/api/trend?term=$(enc 会议)" > "$tmp/t-before"
"$TIFA" add --db "$DB" "$tmp/many" > /dev/null 2>&1 &
addpid=$!
seq 1 120 | sed "s|.*|$B/api/search?q=$(enc 会议)\&limit=5|" > "$tmp/urls"
xargs -P 8 -I{} curl -s -o /dev/null -w '%{http_code}\n' {} < "$tmp/urls" > "$tmp/codes"
wait $addpid; addst=$?
check "120 searches while tifa add writes: all 200" '[ $addst -eq 0 ] && [ "$(grep -c ^200 "$tmp/codes")" = 120 ]'
after=$(curl -s "$B/api/stats" | $PY -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
check "the server sees what tifa add stored ($before -> $after)" '[ "$after" -gt "$before" ]'
curl -s "$B/api/search?q=$(enc 会议)&limit=3" > "$tmp/s-after"
ta=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$tmp/s-after")
check "no stale cached search after tifa add wrote ($tb -> $ta)" '[ "$ta" -gt "$tb" ]'
curl -s "$B/api/trend?term=$(enc 会议)" > "$tmp/t-after"
check "no stale cached trend after tifa add wrote" '! cmp -s "$tmp/t-before" "$tmp/t-after"'

# The cache keeps answers up to 60 s: a change by another process within
# that time must still be seen at once (the corpus files changed).
st=$(get "$B/api/search?q=$(enc 缓存失效测验)")
check "cache: a search with no match (now cached)" '[ "$st" = 200 ] && json "d[\"total\"]==0"'
t0=$(date +%s)
printf '会议指出，要做好缓存失效测验工作。\n' > "$tmp/fresh.txt"
"$TIFA" add --db "$DB" "$tmp/fresh.txt" 2> /dev/null
st=$(get "$B/api/search?q=$(enc 缓存失效测验)")
t1=$(date +%s)
check "cache: tifa add by another process is seen at once ($((t1 - t0)) s)" '[ "$st" = 200 ] && json "d[\"total\"]==1"'

# ------------------------------------------------------------ raw, malformed
$PY "$ROOT/tests/serve-raw.py" "$PORT" > "$tmp/raw.out" 2>&1
check "malformed requests (tests/serve-raw.py)" '! grep -q "^not ok" "$tmp/raw.out" && grep -q "^ok" "$tmp/raw.out"'
grep "^not ok" "$tmp/raw.out"
nraw=$(grep -c "^ok" "$tmp/raw.out")
$PY "$ROOT/tests/serve-guard.py" "$PORT" tifa.test > "$tmp/guard.out" 2>&1
check "Host and Origin checks (tests/serve-guard.py)" '! grep -q "^not ok" "$tmp/guard.out" && grep -q "^ok" "$tmp/guard.out"'
grep "^not ok" "$tmp/guard.out"
nraw=$((nraw + $(grep -c "^ok" "$tmp/guard.out")))
st=$(get "$B/api/stats")
check "still alive after all of it" '[ "$st" = 200 ]'

# ------------------------------------------------------------ read-only, small limit, bind
start ro --read-only --max-body 1K --no-cache --timeout 2
R=http://127.0.0.1:$PORT
RO_PID=$PID
$PY "$ROOT/tests/serve-limits.py" "${B##*:}" "$PORT" > "$tmp/limits.out" 2>&1
check "limits seen by Python's http.client (tests/serve-limits.py)" '! grep -q "^not ok" "$tmp/limits.out" && grep -q "^ok" "$tmp/limits.out"'
grep "^not ok" "$tmp/limits.out"
check "read-only noted at start" 'grep -q "read-only" "$tmp/ro.out"'
st=$(post --data-binary @"$tmp/xss.txt" "$R/api/add")
check "read-only: add is 403 with a message" '[ "$st" = 403 ] && json "\"read-only\" in d[\"error\"]"'
st=$(get "$R/api/stats")
check "read-only: stats says so" 'json "d[\"read_only\"] is True and d[\"max_body\"]==1024"'
head -c 2000 /dev/zero > "$tmp/2k"
st=$(post --data-binary @"$tmp/2k" "$R/api/add")
check "--max-body 1K: 2,000 bytes is 413" '[ "$st" = 413 ]'
st=$(get "$R/api/search?q=$(enc 会议)")
check "read-only, --no-cache: search works" '[ "$st" = 200 ] && json "d[\"total\"] > 5"'
"$TIFA" serve --db "$tmp/none.db" --read-only --port 0 > /dev/null 2> "$tmp/none.err"; st=$?
check "read-only on a missing corpus: exit 1, says why" '[ $st -eq 1 ] && grep -q "no corpus here" "$tmp/none.err"'
# --token-file: every /api/ request carries the token (tests/serve-token.py).
TOKEN=$(head -c 24 /dev/urandom | base64 | tr -d '\n')
echo "$TOKEN" > "$tmp/token"
start tok --token-file "$tmp/token"
TOK_PID=$PID
$PY "$ROOT/tests/serve-token.py" "$PORT" "$TOKEN" > "$tmp/tok.out" 2>&1
check "--token-file (tests/serve-token.py)" '! grep -q "^not ok" "$tmp/tok.out" && grep -q "^ok" "$tmp/tok.out"'
grep "^not ok" "$tmp/tok.out"
kill -TERM $TOK_PID; wait $TOK_PID
check "--token-file: clean stop, no sanitizer report" '! grep -Eq "AddressSanitizer|LeakSanitizer|runtime error" "$tmp/tok.err"'
# /api/diff compares the documents as the corpus holds them
# (tifa_corpus_diff_side): a stored text other than what the raw bytes
# would clean to today is what it reports.
DD=$tmp/dd.db
"$TIFA" add --db "$DD" "$ROOT/examples" 2> /dev/null
sqlite3 "$DD" "UPDATE doc SET clean = clean || '会议还听取了存储文本的专门汇报。' || char(10) WHERE id = 2"
"$TIFA" serve --db "$DD" --port 0 > "$tmp/dd.out" 2> "$tmp/dd.err" &
DD_PID=$!
pids="$pids $DD_PID"
st=$(get "http://127.0.0.1:$(serve_port "$tmp/dd.out")/api/diff?a=1&b=2")
check "diff: the texts as stored, not the raw bytes cleaned again" '[ "$st" = 200 ] && json "d[\"sentences\"][\"added\"][-1] == \"会议还听取了存储文本的专门汇报。\""'
kill -TERM $DD_PID; wait $DD_PID
check "diff from the stored texts: clean stop, no sanitizer report" '! grep -Eq "AddressSanitizer|LeakSanitizer|runtime error" "$tmp/dd.err"'
echo short > "$tmp/short"
"$TIFA" serve --db "$DB" --port 0 --token-file "$tmp/short" > /dev/null 2> "$tmp/err"; st=$?
check "--token-file with a short token: usage error, says how to make one" '[ $st -eq 2 ] && grep -q "16 to 256" "$tmp/err"'
"$TIFA" serve --db "$DB" --bind 0.0.0.0 --port 0 > /dev/null 2> "$tmp/err"; st=$?
check "--bind 0.0.0.0 without a token or --read-only: refused with the reason" '[ $st -eq 2 ] && grep -q "token-file" "$tmp/err"'
for opts in "--read-only" "--token-file $tmp/token"; do
  "$TIFA" serve --db "$DB" --bind 0.0.0.0 --port 0 $opts > "$tmp/open.out" 2> "$tmp/open.err" &
  p=$!
  sleep 1
  check "--bind 0.0.0.0 $opts: serves" 'kill -0 $p 2> /dev/null && grep -q "http://0.0.0.0:" "$tmp/open.out"'
  kill -TERM $p 2> /dev/null; wait $p
done
"$TIFA" serve --db "$DB" --bind nowhere --port 0 > /dev/null 2> "$tmp/bind.err"; st=$?
check "--bind with a name: usage error" '[ $st -eq 2 ] && grep -q "numeric" "$tmp/bind.err"'
"$TIFA" serve --db "$DB" --port 99999 > /dev/null 2>&1; st=$?
check "--port out of range: usage error" '[ $st -eq 2 ]'
"$TIFA" serve --help > "$tmp/help"
check "serve --help" 'grep -q "usage: tifa serve" "$tmp/help"'

# ------------------------------------------------------------ clean stop
kill -TERM $MAIN_PID; wait $MAIN_PID; st=$?
check "SIGTERM: exit 0" '[ $st -eq 0 ] && grep -q "stopped (SIGTERM)" "$tmp/main.err"'
kill -INT $RO_PID; wait $RO_PID; st2=$?
check "SIGINT: exit 0" '[ $st2 -eq 0 ] && grep -q "stopped (SIGINT)" "$tmp/ro.err"'
pids=""
check "no sanitizer report" '! grep -Eq "AddressSanitizer|LeakSanitizer|runtime error" "$tmp/main.err" "$tmp/ro.err"'
grep -E -A20 "AddressSanitizer|LeakSanitizer|runtime error" "$tmp/main.err" "$tmp/ro.err" | head -40

echo "$pass passed, $fail failed ($nraw raw-request checks inside)"
[ "$fail" -eq 0 ]
