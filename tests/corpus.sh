#!/bin/sh
# Corpus tests: add (duplicates, near copies, failures, summary line), search
# (1-, 2-, 4-character and traditional queries, FTS syntax, hostile text),
# list, show (--raw gives back the original bytes), trend, export, diff, and
# crash safety: kill -9 during add leaves a database that passes
# integrity_check and holds whole documents only; rerunning completes it.
# The folder walk: symbolic link loops, FIFOs, sockets and devices. The
# size limit of one document. Bad corpus files: another program's, damaged,
# in a read-only folder.
set -u
TIFA=${1:-build/tifa}
case $TIFA in /*) ;; *) TIFA=$(pwd)/$TIFA ;; esac
ROOT=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tests/harness.sh
DB=$tmp/t.db

"$TIFA" add --db "$DB" "$ROOT/examples" > "$tmp/out" 2> "$tmp/err"
check "add examples: summary line" 'grep -qx "added 5, duplicates 0, near-duplicates 0, identical 0, failed 0" "$tmp/err"'
"$TIFA" add --db "$DB" "$ROOT/examples" 2> "$tmp/err"
check "re-add: the same bytes are not stored again (identical)" 'grep -qx "added 0, duplicates 0, near-duplicates 0, identical 5, failed 0" "$tmp/err"'
# A repost with only furniture around it has the same clean text: an exact
# copy, stored (its bytes and name are its own) and linked to the first.
{ echo "首页 > 新闻 > 正文"; echo; cat "$ROOT/examples/002_6ff96e32e61068e8.txt"; echo; echo "责任编辑：某某"; } > "$tmp/same.txt"
"$TIFA" add --db "$DB" "$tmp/same.txt" 2> "$tmp/err"
check "repost with furniture: an exact copy, stored" 'grep -qx "added 0, duplicates 1, near-duplicates 0, identical 0, failed 0" "$tmp/err"'
# A repost with its own headline and a note: a near copy.
{ echo "工业和信息化部召开务虚会"; echo; cat "$ROOT/examples/002_6ff96e32e61068e8.txt"; echo; echo "（本文转自工信微报）"; } > "$tmp/repost.txt"
"$TIFA" add --db "$DB" "$tmp/repost.txt" 2> "$tmp/err"
check "repost: near duplicate" 'grep -q "near-duplicates 1" "$tmp/err"'
"$TIFA" add --db "$DB" "$tmp/missing.txt" 2> "$tmp/err"; st=$?
check "missing file: failed 1, exit 1, named" '[ $st -eq 1 ] && grep -q "failed 1" "$tmp/err" && grep -q "missing.txt" "$tmp/err"'

"$TIFA" search --db "$DB" --json 会 > "$tmp/s1"
check "1-character query" '[ $(wc -l < "$tmp/s1") -ge 4 ]'
"$TIFA" search --db "$DB" --json 务虚 > "$tmp/s2"
check "2-character query" '[ $(wc -l < "$tmp/s2") -eq 2 ]'
"$TIFA" search --db "$DB" --json 務虛會 > "$tmp/s3"
check "traditional query finds simplified text" '[ $(wc -l < "$tmp/s3") -eq 2 ]'
"$TIFA" search --db "$DB" --json 三管三必须 > "$tmp/s4"
check "5-character query: one document" '[ $(wc -l < "$tmp/s4") -eq 1 ] && grep -q "001_" "$tmp/s4"'
check "hit fields" 'python3 -c "import json,sys; h=json.loads(open(sys.argv[1]).readline()); assert all(k in h for k in (\"id\",\"file\",\"date\",\"meeting\",\"title\",\"snippet\"))" "$tmp/s4"'
"$TIFA" search --db "$DB" --json "务虚会 NOT 李乐成" > "$tmp/s5"
check "NOT" '[ $(wc -l < "$tmp/s5") -eq 1 ] && grep -q "002_" "$tmp/s5"'
"$TIFA" search --db "$DB" --json "国防 AND 2026" > "$tmp/s6"
check "AND with a number" '[ $(wc -l < "$tmp/s6") -eq 1 ]'
"$TIFA" search --db "$DB" --json --from 2025-06 --to 2025-12 会议 > "$tmp/s7"
check "date filter" '[ $(wc -l < "$tmp/s7") -eq 1 ] && grep -q "2025-12-07" "$tmp/s7"'
# --newest (issue 14): the same readouts as the search by rank, newest
# (highest id) first, the total the same, the same filters, the same
# fallback to one phrase for text that is not FTS5 syntax.
for q in 会 务虚 務虛會 "务虚会 NOT 李乐成" a-b; do
  "$TIFA" search --db "$DB" --json --limit 100 "$q" | python3 -c 'import json,sys; print(sorted(json.loads(l)["id"] for l in sys.stdin))' > "$tmp/nr"
  "$TIFA" search --db "$DB" --json --limit 100 --newest "$q" | python3 -c 'import json,sys; print([json.loads(l)["id"] for l in sys.stdin][::-1])' > "$tmp/nn"
  check "--newest [$q]: the readouts of the search by rank, newest first" 'cmp -s "$tmp/nr" "$tmp/nn"'
done
"$TIFA" search --db "$DB" --newest --limit 1 会 > /dev/null 2> "$tmp/nt"
"$TIFA" search --db "$DB" --limit 1 会 > /dev/null 2> "$tmp/rt"
check "--newest: the exact total under 10,000, as by rank" 'grep -Eq "^1 of [0-9]+ matching readouts$" "$tmp/nt" && cmp -s "$tmp/nt" "$tmp/rt"'
"$TIFA" search --db "$DB" --json --newest --from 2025-06 --to 2025-12 会议 > "$tmp/s7n"
check "--newest: date filter" '[ $(wc -l < "$tmp/s7n") -eq 1 ] && grep -q "2025-12-07" "$tmp/s7n"'
"$TIFA" search --db "$DB" --json --newest --limit 2 --offset 1 会 > "$tmp/s8n"
"$TIFA" search --db "$DB" --json --newest --limit 3 会 | tail -n 2 > "$tmp/s8r"
check "--newest: offset" '[ $(wc -l < "$tmp/s8n") -eq 2 ] && cmp -s "$tmp/s8n" "$tmp/s8r"'
# Over 10,000 matches the total of --newest is an estimate ("about"): 12,000
# short readouts, 会议 in every other one.
mkdir "$tmp/many"
$PY -c '
import sys
for i in range(12000):
    open("%s/%05d.txt" % (sys.argv[1], i), "w").write("编号%d的工作通报%s。\n" % (i, "，会议研究" if i % 2 else ""))
' "$tmp/many"
"$TIFA" add --db "$tmp/many.db" "$tmp/many" 2> "$tmp/err"
check "12,000 short readouts added" 'grep -q "^added 12000," "$tmp/err"'
"$TIFA" search --db "$tmp/many.db" --newest --limit 2 工作 > "$tmp/out" 2> "$tmp/nt"
check "--newest over 10,000 matches: the newest first, the total estimated" \
  'grep -qx "2 of about 12000 matching readouts" "$tmp/nt" && head -n 3 "$tmp/out" | grep -q "#12000 "'
"$TIFA" search --db "$tmp/many.db" --newest --limit 2 会议 > /dev/null 2> "$tmp/nt"
check "--newest under 10,000 matches: the total exact" 'grep -qx "2 of 6000 matching readouts" "$tmp/nt"'
"$TIFA" search --db "$tmp/many.db" --newest --json --limit 20000 工作 > "$tmp/out"
check "--newest without a page limit: every match" '[ "$(wc -l < "$tmp/out")" = 12000 ]'
for q in '"' "'" '(' '会议 AND' '*' 'a-b' 'NEAR(' '"会议' '会议)' ':' '^'; do
  "$TIFA" search --db "$DB" --json "$q" > "$tmp/qout" 2> "$tmp/qerr"; st=$?
  check "hostile query [$q]: hits, no match (exit 1, nothing printed) or a clear error" \
    '{ [ $st -eq 0 ] && [ -s "$tmp/qout" ]; } || { [ $st -eq 1 ] && [ ! -s "$tmp/qout" ]; } && ! grep -Eq "Sanitizer|runtime error" "$tmp/qerr"'
done

"$TIFA" list --db "$DB" --json > "$tmp/l"
check "list: every document incl. copies" '[ $(wc -l < "$tmp/l") -eq 7 ] && [ $(grep -c "\"duplicate_of\":3" "$tmp/l") -eq 2 ]'
check "list: by date" 'python3 -c "import json,sys; d=[json.loads(l)[\"date\"] for l in open(sys.argv[1])]; k=[x for x in d if x]; assert k==sorted(k)" "$tmp/l"'
"$TIFA" show --db "$DB" --raw 3 > "$tmp/raw"
check "show --raw: the original bytes" 'cmp -s "$tmp/raw" "$ROOT/examples/002_6ff96e32e61068e8.txt"'
"$TIFA" show --db "$DB" 3 > "$tmp/show"
check "show: record and text" 'grep -q "\"务虚会\"" "$tmp/show" && grep -q "金壮龙主持召开务虚会" "$tmp/show"'
"$TIFA" show --db "$DB" 999 2> "$tmp/err"; st=$?
check "show: no such id" '[ $st -eq 1 ] && grep -q "no document 999" "$tmp/err"'
"$TIFA" trend --db "$DB" --csv 两个确立 十五五 > "$tmp/trend"
check "trend csv" 'head -1 "$tmp/trend" | grep -qx "period,term,documents,occurrences,dated,undated" && grep -q "^2026,十五五,1,[0-9]" "$tmp/trend"'
"$TIFA" trend --db "$DB" --svg "$tmp/t.svg" 两个确立 > /dev/null
check "trend svg" 'grep -q "<svg" "$tmp/t.svg" && grep -q "</svg>" "$tmp/t.svg"'
"$TIFA" export --db "$DB" --format records > "$tmp/x"
check "export records: one a document" '[ $(wc -l < "$tmp/x") -eq 7 ] && python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" "$tmp/x"'
"$TIFA" diff --db "$DB" --json 1 2 > "$tmp/d"
check "diff 2025 vs 2026 (ids)" 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert \"十五五\" in d[\"terms\"][\"only_b\"] and \"两个确立\" in d[\"terms\"][\"both\"]" "$tmp/d"'
"$TIFA" diff --json "$ROOT/examples/000_31aeb457b1c6f6a0.txt" "$ROOT/examples/001_37d6fa01b070871c.txt" > "$tmp/d2"
check "diff files = diff ids" 'cmp -s "$tmp/d" "$tmp/d2"'
# The diff's JSON carries where each sentence stands and a changed pair's
# character operations, so a reader (the compare page) derives neither:
# the spans slice the stored clean texts (show --json) to the sentences,
# and the operations rebuild both sides of every pair.
"$TIFA" show --db "$DB" --json 1 > "$tmp/s1.json"
"$TIFA" show --db "$DB" --json 2 > "$tmp/s2.json"
check "diff JSON: spans are the sentences' places in the clean texts, ops rebuild each changed pair" '$PY - "$tmp/d" "$tmp/s1.json" "$tmp/s2.json" <<PY
import json, sys
d = json.load(open(sys.argv[1]))
ca, cb = (json.load(open(f))["clean"] for f in sys.argv[2:4])
s, p = d["sentences"], d["spans"]
assert len(s["added"]) == len(p["added"]) > 0 and len(s["removed"]) == len(p["removed"]) and len(s["changed"]) == len(p["changed"]) > 0
assert all(cb[x:y] == t for t, (x, y) in zip(s["added"], p["added"]))
assert all(ca[x:y] == t for t, (x, y) in zip(s["removed"], p["removed"]))
for c, sp in zip(s["changed"], p["changed"]):
    assert ca[slice(*sp["a"])] == c["a"] and cb[slice(*sp["b"])] == c["b"], (c, sp)
    i = j = 0
    for op, n in c["ops"]:
        assert op in "=-+" and n > 0
        if op == "=": assert c["a"][i:i + n] == c["b"][j:j + n]
        i += n if op in "=-" else 0
        j += n if op in "=+" else 0
    assert (i, j) == (len(c["a"]), len(c["b"])), (c, i, j)
PY'
# The corpus compares what it holds: the clean text and the record's terms
# as stored, not the raw bytes cleaned and extracted again. A text and
# terms stored otherwise (as an older tifa may have made them) are what
# the comparison reports.
"$TIFA" add --db "$tmp/dd.db" "$ROOT/examples/000_31aeb457b1c6f6a0.txt" "$ROOT/examples/001_37d6fa01b070871c.txt" 2> /dev/null
sqlite3 "$tmp/dd.db" "UPDATE doc SET clean = clean || '会议还听取了存储文本的专门汇报。' || char(10),
  record = json_set(record, '\$.articles[0].terms.quoted', json_array('存储的提法', '两个确立')) WHERE id = 2"
"$TIFA" diff --db "$tmp/dd.db" --json 1 2 > "$tmp/dd" 2> "$tmp/err"; st=$?
check "diff ids: the stored text and terms, nothing cleaned again ($st)" '[ $st -eq 0 ] && $PY - "$tmp/dd" "$tmp/d" <<PY
import json, sys
d, fresh = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert d["sentences"]["added"] == fresh["sentences"]["added"] + ["会议还听取了存储文本的专门汇报。"], d["sentences"]["added"][-2:]
assert "存储的提法" in d["terms"]["only_b"] and "存储的提法" not in fresh["terms"]["only_b"], d["terms"]
PY'
"$TIFA" diff --db "$tmp/dd.db" --json 2 "$ROOT/examples/001_37d6fa01b070871c.txt" > "$tmp/dd2" 2> "$tmp/err"
check "diff an id with a file: the id as stored, the file as read now" 'grep -q "会议还听取了存储文本的专门汇报。" "$tmp/dd2"'
sqlite3 "$tmp/dd.db" "UPDATE doc SET record = '{\"articles\":' WHERE id = 1"
"$TIFA" diff --db "$tmp/dd.db" 1 2 > /dev/null 2> "$tmp/err"; st=$?
check "diff ids: a damaged stored record is an error, named" '[ $st -eq 1 ] && grep -q "^tifa: diff: reading the terms: malformed JSON" "$tmp/err"'

# Records are stored with article texts as references into the clean text
# and read back exactly as tifa extract writes them.
check "records stored compact" '[ "$(sqlite3 "$DB" "SELECT count(*) FROM doc WHERE instr(record, '"'"'\"text\":{\"clean\":['"'"') > 0")" -ge 5 ]'
"$TIFA" export --db "$DB" --format records > "$tmp/exp"
check "records read back as extract writes them" 'python3 - "$TIFA" "$tmp/exp" <<PY
import json, subprocess, sys
bad = 0
for line in open(sys.argv[2]):
    rec = json.loads(line)["record"]
    ref = json.loads(subprocess.run([sys.argv[1], "extract", rec["file"]], capture_output=True).stdout)
    bad += ref != rec
sys.exit(1 if bad else 0)
PY'

# Reposts among the real readouts (other script, pinyin, excerpts of other
# lengths) are linked to their first copy; readouts of one meeting series
# (the 2025 and 2026 conferences in examples/) are not (checked above).
R=$ROOT/tests/readouts
"$TIFA" add --db "$tmp/n.db" "$R"/001_state-council-plenary-2023-*.txt "$R"/002_state-council-plenary-2023-*.txt \
  "$R"/003_state-council-plenary-2023-*.txt "$R"/072_sichuan-*.txt "$R"/073_sichuan-*.txt \
  "$R"/004_state-council-exec-2018-*.txt "$R"/087_state-council-exec-2018-*.txt "$R"/050_*.txt "$R"/071_*.txt 2> "$tmp/err"
check "reposts: four near copies, five first copies" 'grep -qx "added 5, duplicates 0, near-duplicates 4, identical 0, failed 0" "$tmp/err"'
"$TIFA" list --db "$tmp/n.db" --json > "$tmp/nl"
check "reposts: linked to the right first copy" '[ "$(python3 -c "
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
key = {r[\"id\"]: r[\"file\"].split(\"/\")[-1][:3] for r in rows}
print(\" \".join(sorted(key[r[\"id\"]] + \">\" + key[r[\"duplicate_of\"]] for r in rows if r.get(\"duplicate_of\"))))
" "$tmp/nl")" = "002>001 003>001 073>072 087>004" ]'
# Migration from corpora of older tifas (tests/fixtures/corpus-v3.db, made
# by the tifa of schema 3: a text, a near copy of it, a web page). Opened
# to be read, it is brought to schema 5 under the write lock: tifa's
# application_id, near copies marked, the page's URL, time and source as
# the document's, the views; its documents read as before.
cp "$ROOT/tests/fixtures/corpus-v3.db" "$tmp/v3.db"
"$TIFA" list --db "$tmp/v3.db" --json > "$tmp/v3l" 2> "$tmp/err"; st=$?
check "migration 3 -> 5: a read-only command upgrades it ($st)" '[ $st -eq 0 ] && [ "$(sqlite3 "$tmp/v3.db" "PRAGMA user_version; PRAGMA application_id; PRAGMA integrity_check" | tr "\n" " ")" = "5 1953064545 ok " ]'
check "migration 3 -> 5: the near copy is marked, the page has its source" '$PY - "$tmp/v3l" <<PY
import json, sys
d = {r["file"]: r for r in map(json.loads, open(sys.argv[1]))}
assert d["b-repost.txt"]["duplicate_of"] == 1 and d["b-repost.txt"]["copy"] == "near", d["b-repost.txt"]
assert [k["id"] for k in d["a-002.txt"]["copies"]] == [2], d["a-002.txt"]["copies"]
x = d["c-xinhua.html"]
assert x["url"] == "http://www.news.cn/politics/leaders/20240510/abc/c.html" and x["published"] == "2024-05-10" and x["outlet"] == "新华社", x
PY'
check "migration 3 -> 5: the views read it" '[ "$(sqlite3 "$tmp/v3.db" "SELECT count(*) FROM meetings; SELECT group_concat(kind) FROM copies WHERE readout = 1" | tr "\n" " ")" = "2 first,near " ]'
"$TIFA" search --db "$tmp/v3.db" --json 务虚 > "$tmp/v3s"
check "migration 3 -> 5: search as before" '[ "$(wc -l < "$tmp/v3s")" = 1 ] && grep -q "\"copies\":\[{\"id\":2," "$tmp/v3s"'
"$TIFA" add --db "$tmp/v3.db" "$ROOT/examples/002_6ff96e32e61068e8.txt" "$ROOT/examples/000_31aeb457b1c6f6a0.txt" 2> "$tmp/err"
check "migration 3 -> 5: adding goes on (identical bytes skipped)" 'grep -qx "added 1, duplicates 0, near-duplicates 0, identical 1, failed 0" "$tmp/err" && "$TIFA" check --db "$tmp/v3.db" > /dev/null'
# Migration 4 -> 5 (tests/fixtures/corpus-v4.db, made by the tifa of
# schema 4: the v3 file migrated, then three readouts added, one a near
# copy): the near-copy index is built for the stored first copies, so a
# repost of a stored readout added after the migration is linked to it.
cp "$ROOT/tests/fixtures/corpus-v4.db" "$tmp/v4.db"
"$TIFA" list --db "$tmp/v4.db" --json > "$tmp/v4l" 2> "$tmp/err"; st=$?
check "migration 4 -> 5: a read-only command upgrades it ($st)" '[ $st -eq 0 ] && [ "$(sqlite3 "$tmp/v4.db" "PRAGMA user_version; PRAGMA integrity_check" | tr "\n" " ")" = "5 ok " ] && [ "$(wc -l < "$tmp/v4l")" = 6 ]'
check "migration 4 -> 5: the index holds the four first copies, fingerprints as stored" '[ "$(sqlite3 "$tmp/v4.db" "SELECT group_concat(n.id) FROM near_index n JOIN doc d USING (id) WHERE d.sketch = n.sketch AND d.simhash = n.simhash AND d.duplicate_of IS NULL")" = "1,3,4,6" ] && "$TIFA" check --db "$tmp/v4.db" > /dev/null'
"$TIFA" add --db "$tmp/v4.db" "$R"/002_state-council-plenary-2023-*.txt "$R"/073_sichuan-*.txt 2> "$tmp/err"
check "migration 4 -> 5: reposts of stored readouts are linked to them" 'grep -qx "added 0, duplicates 0, near-duplicates 2, identical 0, failed 0" "$tmp/err" && [ "$(sqlite3 "$tmp/v4.db" "SELECT group_concat(duplicate_of) FROM doc WHERE id > 6 ORDER BY id")" = "4,6" ] && "$TIFA" check --db "$tmp/v4.db" > /dev/null'
sqlite3 "$tmp/v4.db" "DELETE FROM near_index WHERE id = 6"
"$TIFA" check --db "$tmp/v4.db" > "$tmp/chk" 2>&1; st=$?
check "check: a first copy missing from the near-copy index is named" '[ $st -ne 0 ] && grep -q "document 6: a first copy missing from the near-copy index" "$tmp/chk"'
# A version 1 file (before sketches: the v3 file without them) goes
# through every step.
cp "$ROOT/tests/fixtures/corpus-v3.db" "$tmp/v1.db"
sqlite3 "$tmp/v1.db" "ALTER TABLE doc DROP COLUMN sketch; PRAGMA user_version=1;"
"$TIFA" add --db "$tmp/v1.db" "$R"/002_state-council-plenary-2023-*.txt "$R"/001_state-council-plenary-2023-*.txt 2> "$tmp/err"
check "migration 1 -> 5: version, sketches, index settings, a near copy found" '[ "$(sqlite3 "$tmp/v1.db" "PRAGMA user_version; SELECT count(sketch) FROM doc; SELECT v FROM doc_fts_config WHERE k = '"'hashsize'"'; PRAGMA integrity_check" | tr "\n" " ")" = "5 5 4194304 ok " ] && grep -q "near-duplicates 1" "$tmp/err"'
sqlite3 "$tmp/v1.db" "PRAGMA user_version=99;"
"$TIFA" search --db "$tmp/v1.db" 会议 > /dev/null 2> "$tmp/err"; st=$?
check "a newer schema is refused with the version named" '[ $st -eq 1 ] && grep -q "made by a newer tifa (schema 99, this one knows 5)" "$tmp/err"'
"$TIFA" add --db "$tmp/v1.db" "$R"/003_*.txt 2> "$tmp/err"; st=$?
check "a newer schema: add refuses too, changing nothing" '[ $st -eq 1 ] && grep -q "schema 99" "$tmp/err" && [ "$(sqlite3 "$tmp/v1.db" "SELECT count(*) FROM doc")" = 5 ]'

# Records stored by an earlier tifa (tests/fixtures/corpus-v5.db, made by
# the tifa of commit f3bc6ac, whose store searched the clean text for every
# long "text" value, a date_basis's too): they read back exactly as that
# tifa exported them, and the file checks clean.
cp "$ROOT/tests/fixtures/corpus-v5.db" "$tmp/v5.db"
forms=$(sqlite3 "$tmp/v5.db" "SELECT count(*) FROM doc WHERE instr(record, '\"date_basis\":{\"text\":{\"clean\"');
  SELECT count(*) FROM doc WHERE instr(record, '\"text\":{\"clean\"') = 0" | tr "\n" " ")
check "stored by an earlier tifa: its forms are there (a date_basis and article texts by reference, short texts whole)" '[ "$forms" = "1 1 " ]'
"$TIFA" export --db "$tmp/v5.db" --format records --all-copies > "$tmp/v5r" 2> "$tmp/err"
check "stored by an earlier tifa: every record reads back as it wrote it" 'cmp -s "$tmp/v5r" "$ROOT/tests/fixtures/corpus-v5.records.jsonl" && [ "$(wc -l < "$tmp/v5r")" = 10 ]'
"$TIFA" export --db "$tmp/v5.db" --format jsonl --all-copies > "$tmp/v5m" 2> "$tmp/err"
check "stored by an earlier tifa: the views give the same rows and article texts" 'cmp -s "$tmp/v5m" "$ROOT/tests/fixtures/corpus-v5.meetings.jsonl"'
check "stored by an earlier tifa: tifa check finds nothing" '"$TIFA" check --db "$tmp/v5.db" > /dev/null'
"$TIFA" diff --db "$tmp/v5.db" --json 1 6 > "$tmp/v5d"
check "stored by an earlier tifa: compared as that tifa compared them (tests/fixtures/corpus-v5.diff-1-6.json)" '$PY - "$tmp/v5d" "$ROOT/tests/fixtures/corpus-v5.diff-1-6.json" <<PY
import json, sys
now, then = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert now["terms"] == then["terms"], now["terms"]
for k in ("added", "removed"):
    assert now["sentences"][k] == then["sentences"][k], k
assert [(c["a"], c["b"]) for c in now["sentences"]["changed"]] == [(c["a"], c["b"]) for c in then["sentences"]["changed"]]
PY'

# Crash safety: kill -9 in the middle of adding many documents.
mkdir -p "$tmp/many"
i=0
for f in "$ROOT"/tests/readouts/*.txt; do
  for k in 1 2 3 4 5 6; do i=$((i + 1)); { echo "第$k批"; cat "$f"; } > "$tmp/many/$i.txt"; done
done
"$TIFA" add --db "$tmp/k.db" --batch 64 "$tmp/many" 2> /dev/null &
pid=$!
# Killed once a batch is committed and while the next is being written, so
# that both kinds of document are at stake.
waited=0
while [ $waited -lt 300 ] && kill -0 $pid 2> /dev/null &&
  [ "$(sqlite3 "$tmp/k.db" "SELECT count(*) FROM doc" 2> /dev/null || echo 0)" = 0 ]; do
  sleep 0.05; waited=$((waited + 1))
done
kill -9 $pid 2> /dev/null
wait $pid 2> /dev/null
check "after kill -9: integrity_check ok" '[ "$(sqlite3 "$tmp/k.db" "PRAGMA integrity_check" 2>&1)" = ok ]'
killed_at=$(sqlite3 "$tmp/k.db" "SELECT count(*) FROM doc")
check "after kill -9: some documents were committed, not all ($killed_at of $(ls "$tmp/many" | wc -l))" '[ "$killed_at" -gt 0 ] && [ "$killed_at" -lt "$(ls "$tmp/many" | wc -l)" ]'
check "after kill -9: rows and index agree" '[ "$(sqlite3 "$tmp/k.db" "SELECT count(*) FROM doc WHERE duplicate_of IS NULL")" = "$(sqlite3 "$tmp/k.db" "SELECT count(*) FROM doc_fts_docsize")" ]'
"$TIFA" check --db "$tmp/k.db" > /dev/null 2>&1; st=$?
check "after kill -9: tifa check finds no problem" '[ $st -eq 0 ]'
"$TIFA" add --db "$tmp/k.db" "$tmp/many" 2> "$tmp/err"
total=$(ls "$tmp/many" | wc -l)
check "rerun completes without duplicates" '[ "$(sqlite3 "$tmp/k.db" "SELECT count(*) FROM doc")" -le "$total" ] && [ "$(sqlite3 "$tmp/k.db" "SELECT count(*) - count(DISTINCT clean_sha256) FROM doc")" = 0 ]'
# A reader while a writer adds.
"$TIFA" add --db "$tmp/r.db" "$tmp/many" 2> /dev/null &
pid=$!
# Searches begin once the corpus exists (a fixed 0.2 s was too short for a
# sanitizer build on a loaded machine: search said "no corpus here").
k=0
while [ ! -s "$tmp/r.db" ] && kill -0 $pid 2> /dev/null && [ $k -lt 200 ]; do sleep 0.05; k=$((k + 1)); done
n=0; okr=1
while kill -0 $pid 2> /dev/null && [ $n -lt 20 ]; do
  "$TIFA" search --db "$tmp/r.db" --json 会议 > /dev/null 2>&1; [ $? -le 1 ] || okr=0
  n=$((n + 1))
done
wait $pid
check "search works while add writes" '[ $okr -eq 1 ]'

# ------------------------------------------------------------ the folder walk
# Two links to the folder itself and one to its parent made the walk run
# forever; a FIFO named *.txt made it wait forever for a writer. The walk
# must finish (the timeout is generous), store each document once, and
# say what it skipped.
w=$tmp/walk
mkdir -p "$w/top/sub"
cp "$ROOT/examples/000_31aeb457b1c6f6a0.txt" "$w/top/"
cp "$ROOT"/examples/001_*.txt "$w/top/sub/"
ln -s . "$w/top/again"
ln -s . "$w/top/again2"
ln -s .. "$w/top/sub/up"
ln -s "$w/top" "$w/top/sub/absolute"
mkfifo "$w/top/x.txt" "$w/top/sub/y.html"
ln -s /dev/zero "$w/top/zero.txt"
$PY -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$w/top/sock.txt" 2> /dev/null
timeout 60 "$TIFA" add --db "$w/w.db" "$w/top" > /dev/null 2> "$tmp/err"; st=$?
check "walk: symbolic link loops and a FIFO: finishes, exit 0 ($st)" '[ $st -eq 0 ]'
check "walk: each document once" 'grep -qx "added 2, duplicates 0, near-duplicates 0, identical 0, failed 0" "$tmp/err"'
check "walk: the loops named as skipped" '[ "$(grep -c "already walked.*skipped" "$tmp/err")" -eq 4 ]'
check "walk: the FIFOs named as skipped" 'grep -q "x.txt: warning: a FIFO, not a file: skipped" "$tmp/err" && grep -q "y.html: warning: a FIFO" "$tmp/err"'
check "walk: a device named as skipped" 'grep -q "zero.txt: warning: a device, not a file: skipped" "$tmp/err"'
if [ -S "$w/top/sock.txt" ]; then
  check "walk: a socket named as skipped" 'grep -q "sock.txt: warning: a socket, not a file: skipped" "$tmp/err"'
fi
timeout 20 "$TIFA" add --db "$w/w.db" /dev/zero > /dev/null 2> "$tmp/err"; st=$?
check "a device named on the command line: refused, not read forever ($st)" '[ $st -eq 1 ] && grep -q "/dev/zero: a device, not a file" "$tmp/err"'
cat "$ROOT/examples/002_6ff96e32e61068e8.txt" | timeout 20 "$TIFA" add --db "$w/w.db" /dev/stdin > /dev/null 2> "$tmp/err"; st=$?
check "a pipe named on the command line is read ($st)" '[ $st -eq 0 ] && grep -q "^added 1," "$tmp/err"'

# ------------------------------------------------------------ size limit
# add had no limit: 200 MB of NULs took 12.7 GB. Over the limit, a
# document is refused by name, before it is read when its size is known.
sz=$tmp/size
mkdir -p "$sz"
cp "$ROOT/examples/000_31aeb457b1c6f6a0.txt" "$sz/small.txt"
truncate -s 17M "$sz/huge.txt"
timeout 60 "$TIFA" add --db "$sz/s.db" "$sz" > /dev/null 2> "$tmp/err"; st=$?
check "17 MB document: refused by name under the default 16 MB limit, the other stored" \
  '[ $st -eq 1 ] && grep -q "huge.txt: larger than the limit of 16777216 bytes" "$tmp/err" && grep -q "^added 1, duplicates 0, near-duplicates 0, identical 0, failed 1" "$tmp/err"'
"$TIFA" add --db "$sz/s2.db" --max-size 1K "$sz/small.txt" > /dev/null 2> "$tmp/err"; st=$?
check "--max-size 1K: a readout of 5 KB refused" '[ $st -eq 1 ] && grep -q "small.txt: larger than the limit of 1024 bytes" "$tmp/err"'
head -c 5000 /dev/zero | "$TIFA" add --db "$sz/s2.db" --max-size 1K /dev/stdin > /dev/null 2> "$tmp/err"; st=$?
check "--max-size 1K: a pipe passing the limit refused" '[ $st -eq 1 ] && grep -q "/dev/stdin: larger than the limit" "$tmp/err"'
"$TIFA" add --db "$sz/s2.db" --max-size 1X "$sz/small.txt" > /dev/null 2>&1; st=$?
check "--max-size 1X: usage error" '[ $st -eq 2 ]'

# ------------------------------------------------------------ bad corpus files
# Another program's SQLite file is left alone (it used to get tifa's tables
# and WAL mode); a damaged file is an error (exit 1) for every command,
# never a count of 0; a corpus in a read-only folder can be read, and add
# says why it cannot write.
bf=$tmp/badfiles
mkdir -p "$bf"
sqlite3 "$bf/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES(1);"
sum_before=$(md5sum < "$bf/other.db")
"$TIFA" add --db "$bf/other.db" "$ROOT/examples" > /dev/null 2> "$tmp/err"; st=$?
check "another program's database: exit 1, said so" '[ $st -eq 1 ] && grep -q "a SQLite database of another program" "$tmp/err"'
check "another program's database: not touched" '[ "$(md5sum < "$bf/other.db")" = "$sum_before" ] && [ ! -e "$bf/other.db-wal" ]'
"$TIFA" add --db "$bf/good.db" "$ROOT/examples" 2> /dev/null
sqlite3 "$bf/good.db" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null # everything into the file itself
cp "$bf/good.db" "$bf/flipped.db"
# Pages 2 and 3 (the tables' roots) overwritten.
head -c 8192 /dev/zero | tr '\0' x | dd of="$bf/flipped.db" bs=4096 seek=1 conv=notrunc 2> /dev/null
head -c 3000 "$bf/good.db" > "$bf/truncated.db"
head -c 8192 /dev/urandom > "$bf/noise.db"
for f in flipped truncated noise; do
  for cmd in stats list export "search 会议"; do
    "$TIFA" $cmd --db "$bf/$f.db" > "$tmp/out" 2> "$tmp/err"; st=$?
    check "$f database: $cmd exits 1 with a message ($st)" '[ $st -eq 1 ] && grep -q "^tifa: " "$tmp/err" && ! grep -Eq "Sanitizer|runtime error" "$tmp/err"'
  done
  check "$f database: stats never says 0 documents" '! grep -q "^documents *0" "$tmp/out"'
done
"$TIFA" check --db "$bf/good.db" > "$tmp/out" 2>&1; st=$?
check "check: a sound corpus is ok, exit 0" '[ $st -eq 0 ] && grep -qx ok "$tmp/out"'
cp "$bf/good.db" "$bf/tampered.db"
sqlite3 "$bf/tampered.db" "UPDATE doc SET raw = X'00' WHERE id = 3; DELETE FROM doc WHERE id = 4; UPDATE doc SET duplicate_of = 99 WHERE id = 5;"
"$TIFA" check --db "$bf/tampered.db" > "$tmp/out" 2> "$tmp/err"; st=$?
check "check: a changed raw text, a stray index entry, a dangling near-copy link: each named, exit 1" \
  '[ $st -eq 1 ] && grep -q "document 3: its raw bytes" "$tmp/out" && grep -q "index entry 4:" "$tmp/out" && grep -q "document 5: a copy of a document that is not" "$tmp/out"'
for f in flipped truncated noise; do
  "$TIFA" check --db "$bf/$f.db" > "$tmp/out" 2> "$tmp/err"; st=$?
  check "check: $f database: exit 1" '[ $st -eq 1 ] && ! grep -Eq "Sanitizer|runtime error" "$tmp/err"'
done
ro=$tmp/rofolder
mkdir -p "$ro"
cp "$bf/good.db" "$ro/c.db"
chmod 755 "$tmp"; chmod 555 "$ro"; chmod 644 "$ro/c.db"
as=""
if [ "$(id -u)" = 0 ]; then
  command -v setpriv > /dev/null && as="setpriv --reuid=65534 --regid=65534 --clear-groups --"
fi
if [ "$(id -u)" != 0 ] || [ -n "$as" ]; then
  $as "$TIFA" stats --db "$ro/c.db" > "$tmp/out" 2> "$tmp/err"; st=$?
  check "read-only folder: stats reads the corpus ($st)" '[ $st -eq 0 ] && grep -q "^documents *5" "$tmp/out"'
  $as "$TIFA" search --db "$ro/c.db" --json 会议 > "$tmp/out" 2> "$tmp/err"; st=$?
  check "read-only folder: search works" '[ $st -eq 0 ] && [ -s "$tmp/out" ]'
  $as "$TIFA" add --db "$ro/c.db" "$ROOT/examples" > /dev/null 2> "$tmp/err"; st=$?
  check "read-only folder: add says it cannot write the journal, not 'not a tifa corpus'" \
    '[ $st -eq 1 ] && grep -q "cannot write the journal next to it" "$tmp/err" && ! grep -q "not a tifa corpus" "$tmp/err"'
else
  skip "read-only folder checks" "they need a user other than root (setpriv)"
fi
chmod 755 "$ro"

echo "$pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
