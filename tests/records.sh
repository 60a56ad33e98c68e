#!/bin/sh
# tifa add --records (issue 12, part 4): records made elsewhere stored
# without cleaning again.
#  - The same inputs added both ways (tifa add FILES; tifa extract
#    --with-raw FILES | tifa add --records) give the same corpus: the same
#    documents, links, sources, records, fingerprints and near-copy index
#    (SQL), the same list, search and show output (JSON, "added" left
#    out: it is the time of the add), the same closing line. The inputs
#    hold reposts, exact copies (CRLF), the same bytes under two names, web
#    pages and an empty file.
#  - Records in gzip parts in a folder (as python3 -m tifa.dask writes
#    them, its manifest.jsonl beside them) give the same corpus again.
#  - Web archives: records made with --warc --with-clean are stored with
#    the bytes read from the archive at the record's offset (the page's
#    bytes that --with-raw would carry), the archive's URL and date as url
#    and retrieved.
#  - Bad records are named FILE:LINE with what is wrong, the exit status is
#    1, the good records around them are stored, and tifa check finds
#    nothing half-written.
#  - Records prepared on three threads (--jobs 3) give the same corpus as
#    on one, and the same messages in the same order.
#   sh tests/records.sh build/tifa-asan
set -u
TIFA=${1:-build/tifa-asan}
case $TIFA in /*) ;; *) TIFA=$(pwd)/$TIFA ;; esac
ROOT=$(pwd)
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
. tests/harness.sh
command -v sqlite3 > /dev/null || { echo "tests/records.sh: sqlite3 is needed"; exit 1; }

# ------------------------------------------------------------ the inputs
mkdir -p "$tmp/in"
cp "$ROOT"/tests/readouts/*.txt "$ROOT"/tests/html/*.html "$tmp/in/"
# An exact copy (the same clean text, other bytes), the same bytes under
# another name, and an empty file (refused both ways).
sed 's/$/\r/' "$ROOT"/tests/readouts/010_*.txt > "$tmp/in/zz-010-crlf.txt"
cp "$ROOT"/tests/readouts/020_*.txt "$tmp/in/zz-020-again.txt"
: > "$tmp/in/zz-empty.txt"
(cd "$tmp" && ls in/* | LC_ALL=C sort) > "$tmp/list"

# What a corpus holds, for comparison: its rows (every column but the
# time added) and its near-copy index, then list, search and show as JSON
# without "added".
dump() { # db out
  sqlite3 "$1" "SELECT id, file, sha256, hex(raw), clean, clean_sha256, simhash, hex(sketch), duplicate_of, copy,
                record, date, meeting, org, title, outlet, url, published, retrieved, meta, article FROM doc ORDER BY id;
                SELECT id, simhash, hex(sketch) FROM near_index ORDER BY id;" > "$2.sql"
  {
    "$TIFA" list --db "$1" --json
    for q in 会议 国务院 习近平 发展 '"十四五"'; do "$TIFA" search --db "$1" --json --limit 1000 "$q"; done
    for id in $(sqlite3 "$1" "SELECT id FROM doc ORDER BY id"); do "$TIFA" show --db "$1" --json "$id"; done
  } | $PY -c '
import json, sys
def drop(v):
    if isinstance(v, dict):
        return {k: drop(x) for k, x in v.items() if k != "added"}
    if isinstance(v, list):
        return [drop(x) for x in v]
    return v
for line in sys.stdin:
    print(json.dumps(drop(json.loads(line)), ensure_ascii=False, sort_keys=True))' > "$2.json"
}
same() { cmp -s "$1.sql" "$2.sql" && cmp -s "$1.json" "$2.json" && [ -s "$1.json" ]; }

cd "$tmp" || exit 1
"$TIFA" add --db a.db --files-from list 2> a.err; st_a=$?
"$TIFA" extract --with-raw --files-from list > recs.jsonl 2> x.err
"$TIFA" add --db b.db --records recs.jsonl 2> b.err; st_b=$?
dump a.db a
dump b.db b
check "both ways: the same closing line (a repost, an exact copy, an identical file, an empty one refused)" \
  '[ "$(tail -n 1 a.err)" = "$(tail -n 1 b.err)" ] && grep -q "near-duplicates [1-9][0-9]*, identical 1, failed 1" a.err && grep -q "duplicates 1," a.err'
check "both ways: exit 1 for the empty file, named (a record by file and line too)" '[ $st_a -eq 1 ] && [ $st_b -eq 1 ] && grep -q "^tifa: recs.jsonl:[0-9]*: in/zz-empty.txt: an empty file: not stored" b.err'
check "both ways: the same rows, fingerprints and near-copy index" 'cmp -s a.sql b.sql && [ "$(wc -l < a.sql)" -gt 180 ]'
check "both ways: the same list, search and show (JSON, the time added aside)" 'cmp -s a.json b.json && [ "$(wc -l < a.json)" -gt 360 ]'
check "both ways: tifa check finds nothing" '"$TIFA" check --db a.db > /dev/null && "$TIFA" check --db b.db > /dev/null'
check "show: the record as extract wrote it, fingerprints included" '"$TIFA" show --db b.db --json 1 | $PY -c "
import json, sys
r = json.loads(sys.stdin.read())[\"record\"]
line = [json.loads(l) for l in open(\"recs.jsonl\") if json.loads(l)[\"file\"] == r[\"file\"]][0]
del line[\"clean\"], line[\"raw\"], line[\"filed\"]
sys.exit(r != line or len(r[\"nearcopy\"][\"minhash\"]) != 64)"'

# Gzip parts in a folder, with the Dask runner's manifest beside them.
mkdir parts
head -n 100 recs.jsonl | gzip > parts/part-00000.jsonl.gz
tail -n +101 recs.jsonl | gzip > parts/part-00001.jsonl.gz
echo '{"shard": 0, "not": "a record"}' > parts/manifest.jsonl
"$TIFA" add --db c.db --records parts 2> c.err
dump c.db c
check "gzip parts in a folder (manifest.jsonl skipped): the same corpus" 'same a c && [ "$(tail -n 1 c.err)" = "$(tail -n 1 a.err)" ] && grep -q "^tifa: parts/part-00001.jsonl.gz:[0-9]*: in/zz-empty.txt: an empty file: not stored" c.err'

# Adding the records again changes nothing: every one is identical.
"$TIFA" add --db b.db --records recs.jsonl 2> b2.err
check "the same records again: all identical, nothing added (the empty one refused again)" 'grep -qx "added 0, duplicates 0, near-duplicates 0, identical $(($(wc -l < recs.jsonl) - 1)), failed 1" b2.err'

# ------------------------------------------------------------ web archives
W=$ROOT/tests/warc/crawl.warc.gz
cp "$W" crawl.warc.gz
"$TIFA" extract --warc --with-clean crawl.warc.gz > w.jsonl 2> /dev/null
"$TIFA" extract --warc --with-raw crawl.warc.gz > wr.jsonl 2> /dev/null
"$TIFA" add --db w.db --records w.jsonl 2> w.err; st=$?
check "web archive, --with-clean: every page stored ($st)" '[ $st -eq 0 ] && [ "$(sqlite3 w.db "SELECT count(*) FROM doc")" -eq "$(wc -l < w.jsonl)" ] && [ "$(wc -l < w.jsonl)" -ge 3 ]'
check "web archive: the bytes read at the record's offset are the page's (the sha256 --with-raw gives)" '[ "$($PY -c "
import json
print(\"\n\".join(sorted(json.loads(l)[\"raw\"][\"sha256\"] for l in open(\"wr.jsonl\"))))")" = "$(sqlite3 w.db "SELECT sha256 FROM doc ORDER BY sha256")" ]'
check "web archive: the archive's URL and date as the document's url and retrieved" '[ "$($PY -c "
import json
print(\"\n\".join(sorted(json.loads(l)[\"source\"][\"target_uri\"] for l in open(\"w.jsonl\"))))")" = "$(sqlite3 w.db "SELECT url FROM doc ORDER BY url")" ] && [ "$(sqlite3 w.db "SELECT count(*) FROM doc WHERE retrieved LIKE \"20__-__-__T%\"")" -eq "$(wc -l < w.jsonl)" ]'
"$TIFA" add --db wr.db --records wr.jsonl 2> /dev/null
check "web archive: bytes inline or from the archive, the same documents" '[ "$(sqlite3 w.db "SELECT group_concat(sha256 || clean_sha256 || hex(sketch), \",\") FROM (SELECT * FROM doc ORDER BY id)")" = "$(sqlite3 wr.db "SELECT group_concat(sha256 || clean_sha256 || hex(sketch), \",\") FROM (SELECT * FROM doc ORDER BY id)")" ]'
# The archive's record at another offset: refused, named.
$PY - w.jsonl > wbad.jsonl <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).readline())
r["source"]["offset"] += 1
print(json.dumps(r, ensure_ascii=False))
r["source"]["offset"] -= 1
r["source"]["warc"] = "missing.warc.gz"
print(json.dumps(r, ensure_ascii=False))
PY
"$TIFA" add --db wbad.db --records wbad.jsonl 2> wbad.err; st=$?
check "web archive: a wrong offset or a missing archive is named by line, nothing stored" '[ $st -eq 1 ] && grep -q "^tifa: wbad.jsonl:1: http[^ ]*: \"source\": crawl.warc.gz: " wbad.err && grep -q "^tifa: wbad.jsonl:2: http[^ ]*: \"source\": missing.warc.gz: No such file" wbad.err && [ "$(sqlite3 wbad.db "SELECT count(*) FROM doc")" = 0 ]'

# ------------------------------------------------------------ bad records
$PY - recs.jsonl > bad.jsonl <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
good = [json.loads(l) for l in lines[:4]]
print(lines[0])                                   # 1 good
print(lines[1][: len(lines[1]) // 2])             # 2 cut in the middle
r = dict(good[2]); del r["clean"]; print(json.dumps(r, ensure_ascii=False))           # 3 no clean text
r = json.loads(lines[2]); r["raw"]["base64"] = "***"; print(json.dumps(r, ensure_ascii=False))  # 4 bad base64
r = json.loads(lines[2]); r["raw"]["sha256"] = "0" * 64; print(json.dumps(r, ensure_ascii=False))  # 5 hash
r = json.loads(lines[2]); r["nearcopy"]["minhash"].pop(); print(json.dumps(r, ensure_ascii=False))  # 6 63 values
print("[1, 2]")                                   # 7 no object
r = json.loads(lines[2]); r["nearcopy"]["simhash"] = 5; print(json.dumps(r, ensure_ascii=False))  # 8 simhash
r = json.loads(lines[2]); del r["raw"]; print(json.dumps(r, ensure_ascii=False))      # 9 no bytes
print(lines[3])                                   # 10 good
PY
"$TIFA" add --db bad.db --records bad.jsonl 2> bad.err; st=$?
check "bad records: exit 1, the two good ones stored" '[ $st -eq 1 ] && grep -qx "added 2, duplicates 0, near-duplicates 0, identical 0, failed 8" bad.err'
check "bad records: each named by file and line, with what is wrong" '
  grep -q "^tifa: bad.jsonl:2: not JSON (at byte [0-9]*)" bad.err &&
  grep -q "^tifa: bad.jsonl:3: in/[^:]*: no \"clean\" text: records to store are made with tifa extract --with-raw" bad.err &&
  grep -q "^tifa: bad.jsonl:4: in/[^:]*: \"raw\": \"base64\" is not base64" bad.err &&
  grep -q "^tifa: bad.jsonl:5: in/[^:]*: \"raw\": the bytes have SHA-256 [0-9a-f]*, not the 0000" bad.err &&
  grep -q "^tifa: bad.jsonl:6: in/[^:]*: \"nearcopy\": \"minhash\" must hold 64 whole numbers" bad.err &&
  grep -q "^tifa: bad.jsonl:7: not a JSON object" bad.err &&
  grep -q "^tifa: bad.jsonl:8: in/[^:]*: \"nearcopy\": \"simhash\" is not 16 hex digits" bad.err &&
  grep -q "^tifa: bad.jsonl:9: in/[^:]*: no bytes: neither \"raw\"" bad.err'
check "bad records: nothing half-written (tifa check; two documents, both indexed)" '"$TIFA" check --db bad.db > /dev/null && [ "$(sqlite3 bad.db "SELECT count(*) FROM doc; SELECT count(*) FROM near_index; SELECT count(*) FROM doc_fts_docsize" | tr "\n" " ")" = "2 2 2 " ]'
# ------------------------------------------------------------ article texts
# "filed": "texts" says where each article's text is in "clean", so the
# store writes its references there without searching (the rows above are
# those of tifa add). A record without it (an earlier tifa's) or whose
# ranges do not hold is stored with its texts whole; every one reads back
# as written. A malformed "texts" is refused.
$PY - recs.jsonl > texts.jsonl <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]).read().splitlines()[:4]]
out = lambda r: print(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
out(lines[0])                                                      # 1 as it was
r = lines[1]; del r["filed"]["texts"]; out(r)                       # 2 an earlier tifa's
r = lines[2]; r["filed"]["texts"] = [[a + 3, n] for a, n in r["filed"]["texts"]]; out(r)  # 3 ranges elsewhere
r = lines[3]; r["filed"]["texts"] = [[0, "5"]]; out(r)              # 4 malformed
PY
"$TIFA" add --db texts.db --records texts.jsonl 2> texts.err; st=$?
refs=$(sqlite3 texts.db "SELECT group_concat(instr(record, '\"text\":{\"clean\":[') > 0) FROM (SELECT record FROM doc ORDER BY id)")
check "texts: by reference where the ranges hold, whole without them or where they do not ($refs)" '[ "$refs" = "1,0,0" ]'
check "texts: a malformed \"texts\" is refused, named" '[ $st -eq 1 ] && grep -q "^tifa: texts.jsonl:4: in/[^:]*: \"filed\": \"texts\" holds other than \[offset, length\] pairs" texts.err'
check "texts: every record stored reads back as written" 'for id in 1 2 3; do "$TIFA" show --db texts.db --json $id; done | $PY -c "
import json, sys
lines = {json.loads(l)[\"file\"]: json.loads(l) for l in open(\"texts.jsonl\")}
n = 0
for l in sys.stdin:
    r = json.loads(l)[\"record\"]; line = lines[r[\"file\"]]
    del line[\"clean\"], line[\"raw\"], line[\"filed\"]
    n += r == line
sys.exit(n != 3)"'
# Prepared on three threads: the same corpus, the same messages in the
# same order (records in order, a missing file in its place).
"$TIFA" add --db e1.db --records parts missing.jsonl bad.jsonl 2> e1.err; st1=$?
"$TIFA" add --db e3.db --records --jobs 3 --batch 7 parts missing.jsonl bad.jsonl 2> e3.err; st3=$?
"$TIFA" add --db e4.db --records --batch 7 parts missing.jsonl bad.jsonl 2> /dev/null
dump e1.db e1
dump e3.db e3
dump e4.db e4
check "--jobs 3: the same corpus as one thread (commits every 7 too), the same messages in the same order, exit 1" \
  'same e1 e3 && same e1 e4 && cmp -s e1.err e3.err && [ $st1 -eq 1 ] && [ $st3 -eq 1 ] && grep -q "^tifa: missing.jsonl: No such file" e3.err && [ "$(wc -l < e1.err)" -ge 10 ]'
"$TIFA" add --db none.db --records missing.jsonl 2> none.err; st=$?
check "a missing record file: named, exit 1" '[ $st -eq 1 ] && grep -q "^tifa: missing.jsonl: No such file" none.err'
"$TIFA" add --db none.db --records --url http://x.cn/ recs.jsonl 2> none.err; st=$?
check "--records with a source option: usage error" '[ $st -eq 2 ] && grep -q "records carry their sources" none.err'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
