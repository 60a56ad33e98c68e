#!/bin/sh
# The corpus with the tools users already have (issue 13, part 5):
# build/tifa_sqlite.so registers the "tifa" tokenizer, so that the sqlite3
# shell (.load) and Python's sqlite3 (load_extension) run MATCH on a
# corpus and find exactly what `tifa search` finds; a table of one's own
# can use the tokenizer too. Without it, MATCH says which tokenizer is
# missing, and the rest of the file (doc, the views) reads as it is.
#   sh tests/sqlite-ext.sh build/tifa-asan build/tifa_sqlite.so
set -u
TIFA=${1:-build/tifa-asan}
EXT=${2:-build/tifa_sqlite.so}
case $TIFA in /*) ;; *) TIFA=$(pwd)/$TIFA ;; esac
case $EXT in /*) ;; *) EXT=$(pwd)/$EXT ;; esac
ROOT=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tests/harness.sh
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
command -v sqlite3 > /dev/null || { echo "tests/sqlite-ext.sh: sqlite3 is needed"; exit 1; }
DB=$tmp/c.db
"$TIFA" add --db "$DB" "$ROOT/examples" "$ROOT/tests/readouts" 2> /dev/null
sed 's/$/\r/' "$ROOT/examples/002_6ff96e32e61068e8.txt" > "$tmp/copy.txt"
"$TIFA" add --db "$DB" "$tmp/copy.txt" 2> /dev/null
LOAD=${EXT%.so}

check "exports its two entry points and nothing else" '[ "$(nm -D --defined-only "$EXT" | awk "{print \$3}" | sort | tr "\n" " ")" = "sqlite3_extension_init sqlite3_tifasqlite_init " ]'

# The same documents as tifa search, for queries of every shape.
ids_tifa() { "$TIFA" search --db "$DB" --json --limit 0 "$1" 2> /dev/null | sed 's/^{"id":\([0-9]*\),.*/\1/' | sort -n | tr "\n" " "; }
for q in 会 务虚 国务院常务会议 務虛會 '"两个 确立"' '会议 AND 强调 NOT 座谈' '十四*'; do
  want=$(ids_tifa "$q")
  got=$(sqlite3 "$DB" ".load $LOAD" "SELECT rowid FROM doc_fts WHERE doc_fts MATCH '$(printf %s "$q" | sed "s/'/''/g")' ORDER BY rowid" | tr "\n" " ")
  check "sqlite3 shell, .load: MATCH $q finds what tifa search finds ($(echo "$want" | wc -w) documents)" '[ -n "$want" ] && [ "$got" = "$want" ]'
done
got=$(sqlite3 "$DB" ".load $LOAD" "SELECT highlight(doc_fts, 0, '[', ']') FROM doc_fts WHERE doc_fts MATCH '务虚' AND rowid = 3" | grep -o "\[务虚\]" | head -1)
check "sqlite3 shell: highlight() marks the whole phrase" '[ "$got" = "[务虚]" ]'
got=$(sqlite3 ":memory:" ".load $LOAD" "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='tifa');
  INSERT INTO t VALUES('國務院召開常務會議'), ('unrelated text'), ('部署经济工作');
  SELECT rowid FROM t WHERE t MATCH '国务院' UNION ALL SELECT rowid FROM t WHERE t MATCH '济';" | tr "\n" " ")
check "sqlite3 shell: a table of one's own with tokenize='tifa' (traditional text, one character)" '[ "$got" = "1 3 " ]'
sqlite3 "$DB" "SELECT rowid FROM doc_fts WHERE doc_fts MATCH '务虚'" > /dev/null 2> "$tmp/err"; st=$?
check "without the extension: MATCH names the tokenizer it lacks" '[ $st -ne 0 ] && grep -q "no such tokenizer: tifa" "$tmp/err"'
check "without the extension: the views read" '[ "$(sqlite3 "$DB" "SELECT count(*) FROM meetings")" = "$("$TIFA" export --db "$DB" | tail -n +2 | wc -l)" ] && [ "$(sqlite3 "$DB" "SELECT count(*) FROM copies WHERE readout = 3")" = 2 ]'

# Python's sqlite3, as a notebook would use it. Debian's python3 allows
# extensions; a Python built without them cannot run this check.
if $PY -c "import sqlite3, sys; sys.exit(not hasattr(sqlite3.connect(':memory:'), 'enable_load_extension'))"; then
  want=$(ids_tifa 务虚会)
  got=$($PY - "$DB" "$LOAD" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.enable_load_extension(True)
db.load_extension(sys.argv[2])
ids = [r[0] for r in db.execute("SELECT rowid FROM doc_fts WHERE doc_fts MATCH ? ORDER BY rowid", ("務虛會",))]
print(" ".join(map(str, ids)) + " ")
PY
)
  check "Python sqlite3, load_extension: MATCH finds what tifa search finds" '[ -n "$want" ] && [ "$got" = "$want" ]'
  got=$($PY - "$DB" "$LOAD" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.enable_load_extension(True)
db.load_extension(sys.argv[2])
row = db.execute("SELECT m.id, m.name, m.copies FROM doc_fts JOIN meetings m ON m.id = doc_fts.rowid"
                 " WHERE doc_fts MATCH '务虚' AND m.id = 3").fetchone()
print(row)
PY
)
  check "Python: MATCH joined with the meetings view" '[ "$got" = "(3, '"'务虚会'"', 1)" ]'
else
  skip "Python sqlite3 with the extension" "$PY was built without loadable extensions"
fi

echo "$pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
