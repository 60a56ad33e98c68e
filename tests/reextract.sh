#!/bin/sh
# tifa reextract (issue 13, part 3: "re-running extraction (a new tifa
# version) keeps [corrections]"). A corpus is made with this tifa, then
# made to look as an older version left it: records with another meeting
# name, date, speakers, no terms; clean texts (with their search index
# entries, hashes and fingerprints) that differ; corrections whose
# automatic value was another. Then:
#  - a fresh corpus (files, web pages, exact and near copies, web archive
#    pages whose HTTP headers decided how they were read, records added
#    with add --records) is left exactly as it is: nothing changed;
#  - --dry-run names each changed field, a line each, and changes nothing
#    (the SQLite dump is the same);
#  - ids restrict the work; an unknown id fails by name;
#  - the run restores today's corpus column for column (records, clean
#    texts, search index, fingerprints, near-copy index, the columns list
#    and trend read), on one thread or three; raw bytes, names, sources,
#    ids, copy links, corrections and their log are untouched, and list,
#    show, export and trend still show the corrections;
#  - an exact copy whose clean text no longer matches becomes a near copy
#    of the same first copy, and exact again once it matches;
#  - kill -9 during a run leaves the corpus sound (tifa check, SQLite's
#    integrity_check, the search index against the clean texts), and a
#    second run finishes the job;
#  - a missing, empty, damaged or foreign file is an error (exit 1), and
#    is left as it was.
#   sh tests/reextract.sh build/tifa-asan build/tifa_sqlite.so
set -u
TIFA=${1:-build/tifa-asan}
EXT=${2:-build/tifa_sqlite.so}
case $TIFA in /*) ;; *) TIFA=$(pwd)/$TIFA ;; esac
case $EXT in /*) ;; *) EXT=$(pwd)/$EXT ;; esac
EXT=${EXT%.so}
ROOT=$(pwd)
tmp=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "# keeping $tmp"
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2> /dev/null; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
. tests/harness.sh
command -v sqlite3 > /dev/null || { echo "tests/reextract.sh: sqlite3 is needed"; exit 1; }
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

# Everything a corpus holds but the search index's own tables.
dump() {
  sqlite3 "$1" "SELECT id, file, sha256, hex(raw), clean, clean_sha256, simhash, hex(sketch), duplicate_of, copy,
                       record, date, meeting, org, title, outlet, url, published, retrieved, meta, article, added
                FROM doc ORDER BY id;
                SELECT id, simhash, hex(sketch) FROM near_index ORDER BY id;
                SELECT * FROM correction ORDER BY doc, field;
                SELECT * FROM correction_log ORDER BY id;"
}
# What reextract must never change.
kept() {
  sqlite3 "$1" "SELECT id, file, sha256, hex(raw), duplicate_of, copy, outlet, url, published, retrieved, meta, added
                FROM doc ORDER BY id;
                SELECT doc, field, value, note, at FROM correction ORDER BY doc, field;
                SELECT * FROM correction_log ORDER BY id;"
}
# The search index against the clean texts of the first copies: the same
# (term, document, position) entries as an index made from them now.
index_sound() {
  cp "$1" "$tmp/idx.db"
  rm -f "$tmp/idx.db-wal" "$tmp/idx.db-shm"
  [ -e "$1-wal" ] && cp "$1-wal" "$tmp/idx.db-wal"
  sqlite3 "$tmp/idx.db" ".load $EXT" "
    CREATE VIRTUAL TABLE temp.fresh USING fts5(clean, tokenize='tifa');
    INSERT INTO temp.fresh(rowid, clean) SELECT id, clean FROM doc WHERE duplicate_of IS NULL;
    CREATE VIRTUAL TABLE temp.a USING fts5vocab(main, doc_fts, 'instance');
    CREATE VIRTUAL TABLE temp.b USING fts5vocab(temp, fresh, 'instance');
    SELECT (SELECT count(*) FROM (SELECT term, doc, offset FROM temp.a EXCEPT SELECT term, doc, offset FROM temp.b))
         + (SELECT count(*) FROM (SELECT term, doc, offset FROM temp.b EXCEPT SELECT term, doc, offset FROM temp.a))
;" 2>&1 | grep -qx 0
}
sound() {
  [ "$(sqlite3 "$1" 'PRAGMA integrity_check')" = ok ] && "$TIFA" check --db "$1" > /dev/null 2>&1 && index_sound "$1"
}
closing() { tail -1 "$1"; }

# A web archive whose HTTP headers decide how its pages are read: a page
# served as text/html under a name without .html and without markup at its
# start, and markup served as text/plain under a .html name. Read as a
# plain file is read, both would give other records.
cat > "$tmp/kind.py" << 'EOF'
import sys
def rec(uri, body, ctype):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\nContent-Length: " + str(len(body)).encode()
            + b"\r\n\r\n" + body)
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri
            + b"\r\nWARC-Date: 2024-05-10T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + uri[-1:] * 8
            + b">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: "
            + str(len(http)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")
t1 = "国务院常务会议研究部署稳就业工作。<b>会议</b>指出要坚持稳中求进，李强主持召开国务院常务会议。".encode()
t2 = ("<p>中共中央政治局3月1日召开会议，习近平主持会议。</p>"
      "<p>会议指出，要坚持稳中求进工作总基调。</p>").encode()
open(sys.argv[1], "wb").write(rec(b"http://example.org/news/1", t1, b"text/html; charset=utf-8")
                              + rec(b"http://example.org/news/2.html", t2, b"text/plain; charset=utf-8"))
EOF
$PY "$tmp/kind.py" "$tmp/kind.warc"

# ------------------------------------------------------------ the corpus
# Examples, readouts (with reposts), web pages, an exact copy (CRLF line
# ends) and the same bytes under another name, then web archive pages.
mkdir -p "$tmp/in"
cp "$ROOT"/examples/*.txt "$ROOT"/tests/readouts/*.txt "$ROOT"/tests/html/*.html "$tmp/in/"
sed 's/$/\r/' "$ROOT"/tests/readouts/010_*.txt > "$tmp/in/zz-010-crlf.txt"
cp "$ROOT"/tests/readouts/020_*.txt "$tmp/in/zz-020-again.txt"
DB=$tmp/c.db
(cd "$tmp" && "$TIFA" add --db "$DB" --jobs 2 in 2> /dev/null)
"$TIFA" add --db "$DB" --warc "$tmp/kind.warc" "$ROOT/tests/warc/crawl.warc.gz" 2> /dev/null
N=$(sqlite3 "$DB" "SELECT count(*) FROM doc")
dump "$DB" > "$tmp/fresh"
"$TIFA" reextract --db "$DB" > "$tmp/out" 2> "$tmp/err"; st=$?
check "a fresh corpus: every document unchanged, exit 0 ($st: $(closing "$tmp/err"))" \
  '[ $st -eq 0 ] && [ "$(closing "$tmp/err")" = "documents $N, re-extracted $N, changed 0, unchanged $N, failed 0" ] && [ ! -s "$tmp/out" ]'
dump "$DB" > "$tmp/got"
check "a fresh corpus: not a byte of it rewritten" 'cmp -s "$tmp/got" "$tmp/fresh"'
check "the corpus has what the test needs: exact and near copies, web pages, archive pages" '[ "$(sqlite3 "$DB" "
  SELECT count(*) FILTER (WHERE copy = '"'exact'"') > 0, count(*) FILTER (WHERE copy = '"'near'"') > 0,
         count(*) FILTER (WHERE json_type(record, '"'\$.page'"') = '"'object'"') > 0,
         count(*) FILTER (WHERE json_extract(record, '"'\$.source.warc'"') IS NOT NULL) > 2 FROM doc")" = "1|1|1|1" ]'

# Records made elsewhere (extract --with-raw, add --records): the same.
(cd "$tmp" && ls in/* | LC_ALL=C sort > list && "$TIFA" extract --with-raw --files-from list > recs.jsonl 2> /dev/null)
"$TIFA" add --db "$tmp/r.db" --records "$tmp/recs.jsonl" 2> /dev/null
RN=$(sqlite3 "$tmp/r.db" "SELECT count(*) FROM doc")
"$TIFA" reextract --db "$tmp/r.db" > /dev/null 2> "$tmp/err"; st=$?
check "records added with add --records: unchanged ($(closing "$tmp/err"))" \
  '[ $st -eq 0 ] && [ "$(closing "$tmp/err")" = "documents $RN, re-extracted $RN, changed 0, unchanged $RN, failed 0" ]'

# ------------------------------------------------------------ corrections, then an older version's corpus
ID3=$(sqlite3 "$DB" "SELECT id FROM doc WHERE file = 'in/002_6ff96e32e61068e8.txt'")
ID1=$(sqlite3 "$DB" "SELECT id FROM doc WHERE file = 'in/000_31aeb457b1c6f6a0.txt'")
ID4=$(sqlite3 "$DB" "SELECT id FROM doc WHERE file = 'in/003_5bf22158df2817fe.txt'")
ID5=$(sqlite3 "$DB" "SELECT id FROM doc WHERE file = 'in/004_6a6f8b54394b4c93.txt'")
ID2=$(sqlite3 "$DB" "SELECT id FROM doc WHERE file = 'in/001_37d6fa01b070871c.txt'")
FIRST=$(sqlite3 "$DB" "SELECT duplicate_of FROM doc WHERE file = 'in/zz-010-crlf.txt'")
COPY=$(sqlite3 "$DB" "SELECT id FROM doc WHERE file = 'in/zz-010-crlf.txt'")
PAGE=$(sqlite3 "$DB" "SELECT id FROM doc WHERE file = 'http://example.org/news/1'")
"$TIFA" set --db "$DB" "$ID3" date=2023-01-03 place=北京 chair= --note "per the ministry's page" 2> /dev/null
"$TIFA" set --db "$DB" "$ID1" name=国防科技工业工作会议 2> /dev/null
dump "$DB" > "$tmp/want"
kept "$DB" > "$tmp/kept"
# As an older tifa would have left it.
old() {
  sqlite3 "$1" ".load $EXT" "
    UPDATE doc SET record = json_set(record, '\$.articles[0].meeting.name', '旧名称', '\$.articles[0].meeting.place', '上海'),
                   meeting = '旧名称' WHERE id = $ID3;
    UPDATE correction SET auto = '2022-12-01' WHERE doc = $ID3 AND field = 'date';
    UPDATE correction SET auto = '上海' WHERE doc = $ID3 AND field = 'place';
    UPDATE doc SET record = json_set(record, '\$.articles[0].meeting.date', '2020-01-01'), date = '2020-01-01' WHERE id = $ID1;
    UPDATE correction SET auto = '旧会议' WHERE doc = $ID1 AND field = 'name';
    UPDATE doc SET record = json_set(record, '\$.articles[0].meeting.speakers', json('[]')) WHERE id = $ID5;
    UPDATE doc SET record = json_set(record, '\$.articles[0].terms', json('{}')), title = '旧标题' WHERE id = $ID4;
    UPDATE doc SET record = json_set(record, '\$.articles[0].meeting.name', '旧页面'), meeting = '旧页面' WHERE id = $PAGE;
    INSERT INTO doc_fts(doc_fts, rowid, clean) SELECT 'delete', id, clean FROM doc WHERE id IN ($ID2, $FIRST);
    UPDATE doc SET clean = clean || '旧版本留下的尾巴', clean_sha256 = 'old', simhash = 1 WHERE id = $ID2;
    UPDATE doc SET clean = clean || '旧版本的转载尾巴', clean_sha256 = 'older' WHERE id IN ($FIRST, $COPY);
    INSERT INTO doc_fts(rowid, clean) SELECT id, clean FROM doc WHERE id IN ($ID2, $FIRST);
    UPDATE near_index SET simhash = 1 WHERE id = $ID2;"
}
old "$DB"
cp "$DB" "$tmp/old.db"
check "the older corpus is sound before reextract (tifa check, the index)" 'sound "$DB"'

# ------------------------------------------------------------ --dry-run
sqlite3 "$DB" .dump > "$tmp/dump-before"
"$TIFA" reextract --db "$DB" --dry-run > "$tmp/dry" 2> "$tmp/err"; st=$?
sqlite3 "$DB" .dump > "$tmp/dump-after"
check "--dry-run: the SQLite dump is the same" 'cmp -s "$tmp/dump-before" "$tmp/dump-after"'
check "--dry-run: exit 0, the closing line counts what would change ($(closing "$tmp/err"))" \
  '[ $st -eq 0 ] && [ "$(closing "$tmp/err")" = "documents $N, re-extracted $N, changed 8, unchanged $((N - 8)), failed 0" ]'
check "--dry-run: the ids that would change, and no other" \
  '[ "$(sed "s/ .*//" "$tmp/dry" | sort -u | tr "\n" " ")" = "$(printf "#%s\n" $ID3 $ID1 $ID5 $ID4 $PAGE $ID2 $FIRST $COPY | sort -u | tr "\n" " ")" ]'
check "--dry-run: a name" 'grep -qx "#$ID3 name: \"旧名称\" -> \"务虚会\"" "$tmp/dry"'
check "--dry-run: a corrected date, and the correction that stays" \
  'grep -qx "#$ID3 date: \"2022-12-01\" -> \"2022-12-29\"  (corrected to \"2023-01-03\", which stays)" "$tmp/dry"'
check "--dry-run: a corrected place" 'grep -qx "#$ID3 place: \"上海\" -> null  (corrected to \"北京\", which stays)" "$tmp/dry"'
check "--dry-run: a date" 'grep -qx "#$ID1 date: \"2020-01-01\" -> \"2025-01-05\"" "$tmp/dry"'
check "--dry-run: a corrected name" 'grep -q "^#$ID1 name: \"旧会议\" -> \".*\"  (corrected to \"国防科技工业工作会议\", which stays)$" "$tmp/dry"'
check "--dry-run: speakers" 'grep -q "^#$ID5 speakers: \[\] -> \[{\"name\":\"李乐成\"" "$tmp/dry"'
check "--dry-run: terms and a title" 'grep -q "^#$ID4 terms: {} -> {\"numbered\":\[\"两个确立\"" "$tmp/dry" && grep -q "^#$ID4 title: \"旧标题\" -> " "$tmp/dry"'
check "--dry-run: a clean text" 'grep -q "^#$ID2 text: the clean text, [0-9]* -> [0-9]* bytes$" "$tmp/dry" && grep -q "^#$COPY text:" "$tmp/dry"'
check "--dry-run: one line a field" '[ "$(grep -c "^#$ID3 " "$tmp/dry")" = 3 ]'

# ------------------------------------------------------------ ids
"$TIFA" reextract --db "$DB" "$ID4" "#$ID3" "$ID4" > "$tmp/out" 2> "$tmp/err"; st=$?
check "ids: only those, each once ($(closing "$tmp/err"))" \
  '[ $st -eq 0 ] && [ "$(closing "$tmp/err")" = "documents 2, re-extracted 2, changed 2, unchanged 0, failed 0" ] && [ ! -s "$tmp/out" ]'
"$TIFA" reextract --db "$DB" --dry-run > "$tmp/dry" 2> "$tmp/err"
check "ids: the others still differ, those do not" \
  '! grep -q "^#$ID3 \|^#$ID4 " "$tmp/dry" && grep -q "^#$ID1 " "$tmp/dry" && grep -q "^#$ID2 " "$tmp/dry"'
check "ids: the corrected date of $ID3 stays, over today's automatic one" \
  '[ "$(sqlite3 "$DB" "SELECT d.date, c.auto FROM doc d JOIN correction c ON c.doc = d.id AND c.field = '"'date'"' WHERE d.id = $ID3")" = "2023-01-03|2022-12-29" ]'
"$TIFA" reextract --db "$DB" 99999 "$ID1" > /dev/null 2> "$tmp/err"; st=$?
check "an id not in the corpus: failed by name, exit 1, the other done ($st)" \
  '[ $st -eq 1 ] && grep -q "^tifa: .*c.db: document 99999: no document 99999 in the corpus$" "$tmp/err" && [ "$(closing "$tmp/err")" = "documents 2, re-extracted 1, changed 1, unchanged 0, failed 1" ]'
"$TIFA" reextract --db "$DB" 3x > /dev/null 2> "$tmp/err"; st=$?
check "a bad id: a usage error (exit 2)" '[ $st -eq 2 ] && grep -q "not a document id" "$tmp/err"'

# ------------------------------------------------------------ the run
"$TIFA" reextract --db "$DB" --jobs 3 > "$tmp/out" 2> "$tmp/err"; st=$?
check "the run: exit 0, the rest changed ($(closing "$tmp/err"))" \
  '[ $st -eq 0 ] && [ "$(closing "$tmp/err")" = "documents $N, re-extracted $N, changed 5, unchanged $((N - 5)), failed 0" ] && [ ! -s "$tmp/out" ]'
dump "$DB" > "$tmp/got"
check "the run: today's corpus, column for column (records, texts, fingerprints, corrections' automatic values)" 'cmp -s "$tmp/got" "$tmp/want"'
check "the run: the corpus is sound, the search index that of the clean texts" 'sound "$DB"'
kept "$DB" > "$tmp/got"
check "the run: raw bytes, names, sources, ids, copy links, corrections and their log untouched" 'cmp -s "$tmp/got" "$tmp/kept"'
"$TIFA" search --db "$DB" --json 留下的尾巴 > "$tmp/out" 2> /dev/null; st=$?
check "search: the old clean text is gone from the index" '[ $st -eq 1 ] && [ ! -s "$tmp/out" ]'
"$TIFA" reextract --db "$DB" > /dev/null 2> "$tmp/err"
check "a second run: nothing left to change" '[ "$(closing "$tmp/err")" = "documents $N, re-extracted $N, changed 0, unchanged $N, failed 0" ]'
"$TIFA" list --db "$DB" > "$tmp/list"
check "list: the corrected date, marked" 'grep -q "^#$ID3  2023-01-03\*  务虚会$" "$tmp/list" && grep -q "^#$ID1  2025-01-05  国防科技工业工作会议\*$" "$tmp/list"'
"$TIFA" show --db "$DB" "$ID3" > "$tmp/show"
check "show: the corrections, with the automatic values they override" \
  'grep -q "corrected date: 2023-01-03 (was 2022-12-29; .*: per the ministry.s page)" "$tmp/show" && grep -q "corrected place: 北京 (was (none);" "$tmp/show"'
"$TIFA" export --db "$DB" > "$tmp/csv"
check "export: the corrected values" '$PY -c "
import csv, sys
r = [x for x in csv.DictReader(open(sys.argv[1], newline=\"\")) if x[\"id\"] == sys.argv[2]][0]
assert (r[\"date\"], r[\"name\"], r[\"place\"], r[\"chair\"], r[\"corrected\"]) == (\"2023-01-03\", \"务虚会\", \"北京\", \"\", \"chair,date,place\"), r
" "$tmp/csv" "$ID3"'
"$TIFA" trend --db "$DB" --csv 务虚 > "$tmp/trend"
check "trend: counted in the corrected year" 'grep -q "^2023,务虚,[1-9]" "$tmp/trend"'
"$TIFA" unset --db "$DB" "$ID3" date 2> /dev/null
check "unset after reextract: today's automatic date comes back" '"$TIFA" list --db "$DB" | grep -q "^#$ID3  2022-12-29  务虚会$"'
check "the archive page keeps its source object, read as a web page" \
  '[ "$(sqlite3 "$DB" "SELECT json_extract(record, '"'\$.source.warc'"') IS NOT NULL, json_type(record, '"'\$.page'"') FROM doc WHERE id = $PAGE")" = "1|object" ]'

# On one thread, the same corpus.
cp "$tmp/old.db" "$tmp/one.db"
"$TIFA" reextract --db "$tmp/one.db" --batch 7 > /dev/null 2> "$tmp/err"
dump "$tmp/one.db" > "$tmp/got"
check "one thread, batches of 7: the same corpus" 'cmp -s "$tmp/got" "$tmp/want"'

# ------------------------------------------------------------ copies
# Only the first copy re-extracted: its exact copy's old text is now no
# document's of the readout, so it is a near copy of the same first copy;
# re-extracted too, it is exact again.
cp "$tmp/old.db" "$tmp/cp.db"
"$TIFA" reextract --db "$tmp/cp.db" "$FIRST" > /dev/null 2>&1
check "an exact copy whose text no longer matches: a near copy, the link kept" \
  '[ "$(sqlite3 "$tmp/cp.db" "SELECT duplicate_of, copy FROM doc WHERE id = $COPY")" = "$FIRST|near" ] && sound "$tmp/cp.db"'
"$TIFA" reextract --db "$tmp/cp.db" "$COPY" > /dev/null 2>&1
check "... and exact again once it matches" '[ "$(sqlite3 "$tmp/cp.db" "SELECT duplicate_of, copy FROM doc WHERE id = $COPY")" = "$FIRST|exact" ] && sound "$tmp/cp.db"'

# ------------------------------------------------------------ kill -9
# Three times the readouts (each with a line of its own, so no two are
# one text), every record emptied of its terms and titles, some clean
# texts changed: a run takes a few seconds in batches of 10.
mkdir -p "$tmp/big"
for k in 1 2 3; do
  for f in "$ROOT"/tests/readouts/*.txt; do { echo "第${k}轮"; cat "$f"; } > "$tmp/big/$k-$(basename "$f")"; done
done
"$TIFA" add --db "$tmp/big.db" "$tmp/big" 2> /dev/null
"$TIFA" set --db "$tmp/big.db" 7 date=2020-02-02 --note kill 2> /dev/null
BN=$(sqlite3 "$tmp/big.db" "SELECT count(*) FROM doc")
dump "$tmp/big.db" > "$tmp/big-want"
sqlite3 "$tmp/big.db" ".load $EXT" "
  UPDATE doc SET record = json_set(record, '\$.articles[0].terms', json('{}')), title = NULL;
  INSERT INTO doc_fts(doc_fts, rowid, clean) SELECT 'delete', id, clean FROM doc WHERE id % 5 = 0 AND duplicate_of IS NULL;
  UPDATE doc SET clean = clean || '旧', clean_sha256 = 'old' WHERE id % 5 = 0;
  INSERT INTO doc_fts(rowid, clean) SELECT id, clean FROM doc WHERE id % 5 = 0 AND duplicate_of IS NULL;"
cp "$tmp/big.db" "$tmp/big-old.db"
delay() { $PY -c "import random; random.seed($1 * 7919); print(round(random.uniform(0.1, 2.5), 3))"; }
cut_short=0
for i in 1 2 3 4; do
  db=$tmp/kill$i.db
  cp "$tmp/big-old.db" "$db"
  "$TIFA" reextract --db "$db" --batch 10 --jobs 2 > /dev/null 2>&1 &
  pid=$!
  sleep "$(delay "$i")"
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  pid=""
  check "kill $i: the corpus is sound" 'sound "$db"'
  "$TIFA" reextract --db "$db" > /dev/null 2> "$tmp/err"; st=$?
  left=$(closing "$tmp/err" | sed -n 's/.*changed \([0-9]*\),.*/\1/p')
  [ "${left:-0}" -gt 0 ] && [ "${left:-0}" -lt "$BN" ] && cut_short=$((cut_short + 1))
  check "kill $i: a second run finishes the job ($(closing "$tmp/err"))" \
    '[ $st -eq 0 ] && closing "$tmp/err" | grep -q "failed 0$" && "$TIFA" reextract --db "$db" 2>&1 | grep -q "changed 0, unchanged $BN, failed 0"'
  dump "$db" > "$tmp/got"
  check "kill $i: today's corpus" 'cmp -s "$tmp/got" "$tmp/big-want" && sound "$db"'
done
check "some kill came in the middle of a run ($cut_short of 4)" '[ $cut_short -gt 0 ]'

# ------------------------------------------------------------ files that are no corpus
bf=$tmp/bad
mkdir -p "$bf"
sqlite3 "$bf/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES(1);"
sum_before=$(md5sum < "$bf/other.db")
"$TIFA" reextract --db "$bf/other.db" > /dev/null 2> "$tmp/err"; st=$?
check "another program's database: exit 1, said so, not touched" \
  '[ $st -eq 1 ] && grep -q "a SQLite database of another program" "$tmp/err" && [ "$(md5sum < "$bf/other.db")" = "$sum_before" ] && [ ! -e "$bf/other.db-wal" ]'
head -c 8192 /dev/urandom > "$bf/noise.db"
"$TIFA" reextract --db "$bf/noise.db" > /dev/null 2> "$tmp/err"; st=$?
check "a file that is no database: exit 1 with a message" '[ $st -eq 1 ] && grep -q "^tifa: " "$tmp/err" && ! grep -Eq "Sanitizer|runtime error" "$tmp/err"'
cp "$tmp/old.db" "$bf/cut.db"
sqlite3 "$bf/cut.db" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
head -c 40000 "$bf/cut.db" > "$bf/cut2.db"
"$TIFA" reextract --db "$bf/cut2.db" > /dev/null 2> "$tmp/err"; st=$?
check "a damaged corpus: exit 1 with a message" '[ $st -eq 1 ] && grep -q "^tifa: " "$tmp/err" && ! grep -Eq "Sanitizer|runtime error" "$tmp/err"'
"$TIFA" reextract --db "$bf/none.db" > /dev/null 2> "$tmp/err"; st=$?
check "no corpus: exit 1, none made" '[ $st -eq 1 ] && grep -q "no corpus here" "$tmp/err" && [ ! -e "$bf/none.db" ]'
: > "$bf/empty.db"
"$TIFA" reextract --db "$bf/empty.db" > /dev/null 2> "$tmp/err"; st=$?
check "an empty file: exit 1, left empty" '[ $st -eq 1 ] && grep -q "not a tifa corpus yet" "$tmp/err" && [ ! -s "$bf/empty.db" ]'

# ------------------------------------------------------------ usage
"$TIFA" reextract --help > "$tmp/out"; st=$?
check "reextract --help: the usage, exit 0" '[ $st -eq 0 ] && grep -q "^usage: tifa reextract \[--db PATH\] \[--jobs N\] \[--batch N\] \[--dry-run\] \[ID...\]" "$tmp/out"'
"$TIFA" --help > "$tmp/out"
check "tifa --help names reextract" 'grep -q "^  reextract " "$tmp/out"'
"$TIFA" reextract --db "$DB" --from 2024 > /dev/null 2>&1; st=$?
check "an option it does not take: a usage error" '[ $st -eq 2 ]'
"$TIFA" reextract --db "$DB" --jobs 0 > /dev/null 2>&1; st=$?
check "--jobs 0: a usage error" '[ $st -eq 2 ]'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
