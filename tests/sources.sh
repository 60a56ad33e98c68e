#!/bin/sh
# Sources and citations (issue 13, part 2): a document knows its outlet,
# URL, publication and retrieval dates, from the page itself, from
# `add --outlet/--url/--published/--retrieved`, or from a manifest beside
# the files (JSON Lines or CSV; other fields kept as meta); list, show,
# search and export show them; `tifa cite` in text, BibTeX and CSL-JSON.
# Bad values and manifests are refused with the line and the reason.
#   sh tests/sources.sh build/tifa-asan
set -u
TIFA=${1:-build/tifa-asan}
case $TIFA in /*) ;; *) TIFA=$(pwd)/$TIFA ;; esac
ROOT=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tests/harness.sh
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
E=$ROOT/examples
DB=$tmp/c.db
field() { sqlite3 "$DB" "SELECT $1 FROM doc WHERE id = $2"; }

# ------------------------------------------------------------ the command line
"$TIFA" add --db "$DB" --url https://www.sastind.gov.cn/n1/c1.html --published "2025-01-06 09:30" \
  --outlet 国防科工局网站 --retrieved 2025-02-01 "$E/000_31aeb457b1c6f6a0.txt" 2> "$tmp/err"; st=$?
check "add --url --published --outlet --retrieved: stored ($st)" \
  '[ $st -eq 0 ] && [ "$(field "outlet || \"|\" || url || \"|\" || published || \"|\" || retrieved" 1)" = "国防科工局网站|https://www.sastind.gov.cn/n1/c1.html|2025-01-06 09:30|2025-02-01" ]'
"$TIFA" add --db "$DB" --url https://a.example/1 "$E/001_37d6fa01b070871c.txt" "$E/002_6ff96e32e61068e8.txt" 2> "$tmp/err"; st=$?
check "--url with two files: a usage error, nothing stored" '[ $st -eq 2 ] && grep -q "names the source of one document" "$tmp/err" && [ "$(sqlite3 "$DB" "SELECT count(*) FROM doc")" = 1 ]'
for bad in "--published 2025-13-01" "--published yesterday" "--retrieved 2025-02-30" "--url www.example.com/x" "--url mailto:x@y.cn"; do
  # shellcheck disable=SC2086
  "$TIFA" add --db "$DB" $bad "$E/001_37d6fa01b070871c.txt" > /dev/null 2> "$tmp/err"; st=$?
  check "add $bad: a usage error naming the field" '[ $st -eq 2 ] && grep -Eq "^tifa: add: (published|retrieved|url):" "$tmp/err"'
done
"$TIFA" add --db "$DB" --url "http://a.example/x y" "$E/001_37d6fa01b070871c.txt" > /dev/null 2> "$tmp/err"; st=$?
check "add --url with a space: a usage error" '[ $st -eq 2 ] && grep -q "^tifa: add: url: not an absolute URL" "$tmp/err"'
"$TIFA" add --db "$DB" --outlet 工信部网站 --published 2022-12-30T10:00:00+08:00 "$E/002_6ff96e32e61068e8.txt" \
  "$E/003_5bf22158df2817fe.txt" 2> /dev/null
check "--outlet and --published for several files: each takes them" '[ "$(sqlite3 "$DB" "SELECT count(*) FROM doc WHERE outlet = '"'工信部网站'"' AND published = '"'2022-12-30T10:00:00+08:00'"'")" = 2 ]'

# A web page gives its own; the command line wins field by field.
"$TIFA" add --db "$DB" "$ROOT/tests/html/xinhua.html" 2> /dev/null
id=$(sqlite3 "$DB" "SELECT id FROM doc WHERE file LIKE '%xinhua.html'")
check "a web page: its URL, time and source" '[ "$(field "outlet || \"|\" || url || \"|\" || published" $id)" = "新华社|http://www.news.cn/politics/leaders/20240510/abc/c.html|2024-05-10" ]'
cp "$ROOT/tests/html/people.html" "$tmp/people.html"
"$TIFA" add --db "$DB" --outlet 人民网 "$tmp/people.html" 2> /dev/null
id=$(sqlite3 "$DB" "SELECT id FROM doc WHERE file LIKE '%people.html'")
check "a web page with --outlet: the given outlet, the page's time" '[ "$(field "outlet || \"|\" || published" $id)" = "人民网|2024-05-10 08:29" ]'

# ------------------------------------------------------------ manifests
m=$tmp/m
mkdir -p "$m/sub"
cp "$E/001_37d6fa01b070871c.txt" "$m/a.txt"
cp "$E/004_6a6f8b54394b4c93.txt" "$m/sub/b.txt"
cat > "$m/sources.jsonl" <<'J'
{"file": "a.txt", "url": "https://www.sastind.gov.cn/n2/c2.html", "published": "2026-01-07", "outlet": "国防科工局", "section": "要闻", "rank": 3}

{"file": "sub/b.txt", "url": "https://www.miit.gov.cn/b.html", "source": "工信部", "retrieved": "2026-01-02T08:00:00Z"}
J
"$TIFA" add --db "$tmp/m.db" --manifest "$m/sources.jsonl" 2> "$tmp/err"; st=$?
check "--manifest JSON Lines without FILE: every file it lists ($st)" '[ $st -eq 0 ] && grep -qx "added 2, duplicates 0, near-duplicates 0, identical 0, failed 0" "$tmp/err"'
"$TIFA" list --db "$tmp/m.db" --json > "$tmp/l"
check "manifest: sources by file, source as outlet" '$PY - "$tmp/l" <<PY
import json, sys
d = {r["file"].split("/m/")[1]: r for r in map(json.loads, open(sys.argv[1]))}
a, b = d["a.txt"], d["sub/b.txt"]
assert (a["url"], a["published"], a["outlet"], a["retrieved"]) == ("https://www.sastind.gov.cn/n2/c2.html", "2026-01-07", "国防科工局", None), a
assert (b["url"], b["outlet"], b["retrieved"]) == ("https://www.miit.gov.cn/b.html", "工信部", "2026-01-02T08:00:00Z"), b
PY'
check "manifest: the other fields kept as meta" '[ "$(sqlite3 "$tmp/m.db" "SELECT meta FROM doc WHERE file LIKE '"'%a.txt'"'")" = "{\"section\":\"要闻\",\"rank\":3}" ] && [ -z "$(sqlite3 "$tmp/m.db" "SELECT meta FROM doc WHERE file LIKE '"'%b.txt'"'")" ]'
cp "$E/002_6ff96e32e61068e8.txt" "$m/c.txt"
printf '\357\273\277file,url,published,outlet,note\r\n"c.txt",https://x.example/c,2022-12-29 18:00,"工信部, 官网","说 ""务虚"""\r\nmissing.txt,,,,\r\n' > "$m/s.csv"
"$TIFA" add --db "$tmp/m.db" --manifest "$m/s.csv" --retrieved 2023-01-01 "$m/c.txt" "$E/003_5bf22158df2817fe.txt" 2> "$tmp/err"; st=$?
check "--manifest CSV with files: each takes its entry, the command line fills the rest" \
  '[ $st -eq 0 ] && [ "$(sqlite3 "$tmp/m.db" "SELECT outlet || \"|\" || url || \"|\" || published || \"|\" || retrieved || \"|\" || meta FROM doc WHERE file LIKE '"'%c.txt'"'")" = "工信部, 官网|https://x.example/c|2022-12-29 18:00|2023-01-01|{\"note\":\"说 \\\"务虚\\\"\"}" ]'
check "--manifest with files: a file it does not list is said, and takes the command line's" \
  'grep -q "s.csv: warning: 1 of the files added are not listed in it" "$tmp/err" && [ "$(sqlite3 "$tmp/m.db" "SELECT retrieved || coalesce(url, \"-\") FROM doc WHERE file LIKE '"'%003_%'"'")" = "2023-01-01-" ]'
"$TIFA" add --db "$tmp/m2.db" --manifest "$m/s.csv" 2> "$tmp/err"; st=$?
check "--manifest: a file listed but missing fails by name, the rest is added" '[ $st -eq 1 ] && grep -q "missing.txt: No such file" "$tmp/err" && grep -q "^added 1, .* failed 1$" "$tmp/err"'
while IFS='|' read -r name content want; do
  printf "$content" > "$m/$name"
  "$TIFA" add --db "$tmp/m3.db" --manifest "$m/$name" > /dev/null 2> "$tmp/err"; st=$?
  check "malformed manifest $name: refused with the line and the reason, nothing added ($st)" \
    '[ $st -eq 1 ] && grep -Fq "$want" "$tmp/err" && [ ! -s "$tmp/m3.db" ] || [ "$(sqlite3 "$tmp/m3.db" "SELECT count(*) FROM doc" 2> /dev/null || echo 0)" = 0 ]'
done <<'T'
bad1.jsonl|{"file": "a.txt"}\n{"file": "a.txt", "published": "2024-02-30"}\n|line 2: published: not a date
bad2.jsonl|{"file": "a.txt"}\n["a.txt"]\n|line 2: not a JSON object
bad3.jsonl|{"url": "https://x.example/"}\n|line 1: no "file"
bad4.jsonl|{"file": "a.txt", "url": 7}\n|line 1: url: a string is needed, not integer
bad5.csv|url,published\nhttps://x.example/,2024-01-01\n|line 1: no column "file"
bad6.csv|file,url\na.txt,"https://x.example/\n|line 2: a quoted field is never closed
bad7.csv|file,url\na.txt,https://x.example/,extra\n|line 2: 3 fields, the header has 2
bad8.csv|file,url\na.txt,ftp:/x\n|line 2: url: not an absolute URL
bad9.jsonl|{"file": "a.txt", "outlet": "\377"}\n|line 1: not UTF-8
bad10.csv|file,file\na.txt,b.txt\n|line 1: column "file" twice
T
printf 'file\na.txt\n./a.txt\n' > "$m/twice.csv"
"$TIFA" add --db "$tmp/m3.db" --manifest "$m/twice.csv" > /dev/null 2> "$tmp/err"; st=$?
check "a manifest naming one file twice: refused" '[ $st -eq 1 ] && grep -q "is listed twice" "$tmp/err"'

# ------------------------------------------------------------ shown everywhere
"$TIFA" list --db "$DB" > "$tmp/list"
check "list: the outlet, URL and publication date after the file" 'grep -q "000_31aeb457b1c6f6a0.txt  国防科工局网站  https://www.sastind.gov.cn/n1/c1.html  2025-01-06 09:30" "$tmp/list"'
"$TIFA" search --db "$DB" --json 国防科技工业 > "$tmp/s"
check "search --json: outlet, url, published, retrieved" '$PY -c "
import json, sys
h = [json.loads(l) for l in open(sys.argv[1]) if json.loads(l)[\"id\"] == 1][0]
assert (h[\"outlet\"], h[\"url\"], h[\"published\"], h[\"retrieved\"]) == (\"国防科工局网站\", \"https://www.sastind.gov.cn/n1/c1.html\", \"2025-01-06 09:30\", \"2025-02-01\"), h
" "$tmp/s"'
"$TIFA" export --db "$DB" > "$tmp/csv"
check "export csv: the sources as columns" '$PY -c "
import csv, sys
r = [x for x in csv.DictReader(open(sys.argv[1], newline=\"\")) if x[\"id\"] == \"1\"][0]
assert (r[\"outlet\"], r[\"url\"], r[\"published\"], r[\"retrieved\"]) == (\"国防科工局网站\", \"https://www.sastind.gov.cn/n1/c1.html\", \"2025-01-06 09:30\", \"2025-02-01\"), r
" "$tmp/csv"'
"$TIFA" show --db "$DB" 1 > "$tmp/show"
check "show: the source above the record" 'sed -n 2p "$tmp/show" | grep -q "国防科工局网站  https://www.sastind.gov.cn/n1/c1.html  2025-01-06 09:30" && grep -q "retrieved 2025-02-01" "$tmp/show"'

# ------------------------------------------------------------ cite
"$TIFA" cite --db "$DB" 1 > "$tmp/cite"
check "cite: outlet, title or meeting, date, URL, retrieved" 'grep -qx "国防科工局网站. “2025年国防科技工业工作会议.” 2025-01-06. https://www.sastind.gov.cn/n1/c1.html (retrieved 2025-02-01). Meeting of 2025-01-05. \[tifa #1\]" "$tmp/cite"'
"$TIFA" cite --db "$tmp/m.db" 1 > "$tmp/cite"
check "cite without a retrieval date: the day it was added, said so" 'grep -q "(added to the corpus [0-9-]*)" "$tmp/cite"'
"$TIFA" set --db "$DB" 1 name='会议 & 100% {重要} #1_a~b^c\d' > /dev/null
"$TIFA" cite --db "$DB" --format bibtex 1 3 > "$tmp/bib"
check "cite --format bibtex: @online entries with the fields, special characters escaped" '$PY - "$tmp/bib" <<PY
import re, sys
t = open(sys.argv[1]).read()
entries = re.findall(r"@online\{(tifa\d+),\n((?:  \w+ = \{.*\},?\n)+)\}", t)
assert [e[0] for e in entries] == ["tifa1", "tifa3"], t
f = dict(re.findall(r"  (\w+) = \{(.*)\},?\n", entries[0][1]))
assert f["title"] == r"会议 \& 100\% \{重要\} \#1\_a\textasciitilde{}b\textasciicircum{}c\textbackslash{}d", f["title"]
assert (f["organization"], f["date"], f["url"], f["urldate"]) == ("{国防科工局网站}", "2025-01-06", "https://www.sastind.gov.cn/n1/c1.html", "2025-02-01"), f
for body in (e[1] for e in entries):  # braces balance in every field
    for v in re.findall(r"= \{(.*)\},?\n", body):
        depth = 0
        for i, ch in enumerate(v):
            if ch in "{}" and (i == 0 or v[i - 1] != "\\\\"):
                depth += 1 if ch == "{" else -1
                assert depth >= 0, v
        assert depth == 0, v
PY'
"$TIFA" cite --db "$DB" --format csl-json 1 3 > "$tmp/csl"
check "cite --format csl-json: a JSON array of CSL items" '$PY - "$tmp/csl" <<PY
import json, sys
items = json.load(open(sys.argv[1]))
assert [i["id"] for i in items] == ["tifa-1", "tifa-3"], items
a = items[0]
assert a["type"] == "article-newspaper" and a["container-title"] == "国防科工局网站" and a["URL"] == "https://www.sastind.gov.cn/n1/c1.html"
assert a["issued"] == {"date-parts": [[2025, 1, 6]]} and a["accessed"] == {"date-parts": [[2025, 2, 1]]}, a
assert a["title"].startswith("会议 & 100%")
PY'
"$TIFA" cite --db "$DB" 99 > /dev/null 2> "$tmp/err"; st=$?
check "cite: no such document, exit 1" '[ $st -eq 1 ] && grep -q "no document 99" "$tmp/err"'
"$TIFA" cite --db "$DB" --format mla 1 > /dev/null 2>&1; st=$?
check "cite: an unknown format is a usage error" '[ $st -eq 2 ]'
check "no sanitizer report" '! grep -Eq "AddressSanitizer|LeakSanitizer|runtime error" "$tmp/err"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
