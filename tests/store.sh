#!/bin/sh
# The corpus's promises under contention and faults (issue 16):
#  - two `tifa add` at once, on overlapping sets, into a corpus neither has
#    made yet: both succeed, the corpus is their union (as one add of both
#    would store it), and the counts they print add up to what is stored;
#  - a full disk (a small tmpfs, when this user may mount one): exit 1, the
#    files not stored named, the counts printed equal to what is stored,
#    the database intact; after space is freed, the same add again gives
#    the corpus one clean add gives (same documents, same near-copy links:
#    a rolled-back batch leaves no id behind in memory).
#   sh tests/store.sh build/tifa-asan
set -u
TIFA=${1:-build/tifa-asan}
case $TIFA in /*) ;; *) TIFA=$(pwd)/$TIFA ;; esac
ROOT=$(pwd)
tmp=$(mktemp -d)
mounted=""
cleanup() {
  [ -n "$mounted" ] && umount "$mounted"
  rm -rf "$tmp"
}
trap cleanup EXIT
. tests/harness.sh
command -v sqlite3 > /dev/null || { echo "tests/store.sh: sqlite3 is needed"; exit 1; }
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

# Every document as the corpus holds it: clean text hash, the hash of the
# first copy it is linked to, file name. Ids left out: they depend on order.
shape() {
  sqlite3 "$1" "SELECT d.clean_sha256, (SELECT e.clean_sha256 FROM doc e WHERE e.id = d.duplicate_of), d.file
                FROM doc d ORDER BY 1, 3"
}
stored() { sqlite3 "$1" "SELECT count(*) FROM doc"; }
# Search hits without what depends on the order of adding (ids, times).
hits_by_content() {
  python3 -c 'import json, sys
for h in map(json.loads, sys.stdin):
    print(h["file"], h["snippet"], sorted(k["file"] for k in h["copies"]))' | sort
}
intact() { [ "$(sqlite3 "$1" 'PRAGMA integrity_check')" = ok ]; }
# What an add's closing line says it stored: added, duplicates (exact
# copies) and near-duplicates.
counted() { sed -n 's/^added \([0-9]*\), duplicates \([0-9]*\), near-duplicates \([0-9]*\), identical.*/\1 \2 \3/p' "$1" | tail -1 | awk '{print $1 + $2 + $3}'; }
failed() { sed -n 's/.*, failed \([0-9]*\)$/\1/p' "$1" | tail -1; }

all=$tmp/all
mkdir -p "$all" "$tmp/a" "$tmp/b"
i=0
for f in "$ROOT"/tests/readouts/*.txt "$ROOT"/tests/set4/readouts/* "$ROOT"/tests/set5/readouts/* "$ROOT"/tests/set6/readouts/*; do
  i=$((i + 1))
  cp "$f" "$all/"
  # a third in A only, a third in B only, a third in both
  case $((i % 3)) in 0) cp "$f" "$tmp/a/" ;; 1) cp "$f" "$tmp/b/" ;; 2) cp "$f" "$tmp/a/"; cp "$f" "$tmp/b/" ;; esac
done
"$TIFA" add --db "$tmp/union.db" "$tmp/a" "$tmp/b" 2> /dev/null
"$TIFA" add --db "$tmp/clean.db" "$all" 2> /dev/null

# ------------------------------------------------------------ two adds at once
for round in 1 2; do
  db=$tmp/both$round.db
  # Small batches: the two take turns many times.
  "$TIFA" add --db "$db" --batch 7 "$tmp/a" > /dev/null 2> "$tmp/ea" &
  p1=$!
  "$TIFA" add --db "$db" --batch 7 "$tmp/b" > /dev/null 2> "$tmp/eb" &
  p2=$!
  wait $p1; s1=$?
  wait $p2; s2=$?
  check "round $round: both adds succeed on a corpus they create together ($s1, $s2)" '[ $s1 -eq 0 ] && [ $s2 -eq 0 ]'
  grep -h "^tifa:" "$tmp/ea" "$tmp/eb" | head -3
  sqlite3 "$db" "SELECT clean_sha256 FROM doc ORDER BY 1" > "$tmp/got"
  sqlite3 "$tmp/union.db" "SELECT clean_sha256 FROM doc ORDER BY 1" > "$tmp/want"
  check "round $round: the corpus is the union ($(stored "$db") documents, one add of both: $(stored "$tmp/union.db"))" \
    'cmp -s "$tmp/got" "$tmp/want"'
  n1=$(counted "$tmp/ea"); n2=$(counted "$tmp/eb")
  check "round $round: the counts printed add up to what is stored ($n1 + $n2)" '[ $((n1 + n2)) -eq "$(stored "$db")" ]'
  check "round $round: integrity" 'intact "$db"'
done

# ------------------------------------------------------------ a full disk
full=$tmp/full
mkdir -p "$full"
if mount -t tmpfs -o size=2500k tmpfs "$full" 2> /dev/null; then
  mounted=$full
  db=$full/c.db
  "$TIFA" add --db "$db" --batch 40 "$all" > /dev/null 2> "$tmp/full.err"; st=$?
  n=$(counted "$tmp/full.err"); f=$(failed "$tmp/full.err")
  check "disk full: exit 1" '[ $st -eq 1 ]'
  check "disk full: some stored, some not (stored $(stored "$db"), failed $f)" '[ "$(stored "$db")" -gt 0 ] && [ "$f" -gt 0 ]'
  check "disk full: the counts printed are what is stored ($n)" '[ "$n" -eq "$(stored "$db")" ]'
  check "disk full: every file not stored is named ($f)" '[ "$(grep -c ": not stored (.*disk is full" "$tmp/full.err")" -eq "$f" ]'
  check "disk full: the database is named with the reason" 'grep -q "^tifa: $db: .*disk is full" "$tmp/full.err"'
  d=$(sed -n 's/^added .*, identical \([0-9]*\),.*/\1/p' "$tmp/full.err" | tail -1)
  check "disk full: every file accounted for: stored $n + identical $d + failed $f = files" '[ $((n + d + f)) -eq "$(ls "$all" | wc -l)" ]'
  check "disk full: integrity" 'intact "$db"'
  mount -o remount,size=64m "$full"
  "$TIFA" add --db "$db" --batch 40 "$all" > /dev/null 2> "$tmp/again.err"; st=$?
  check "space freed, the same add again: exit 0" '[ $st -eq 0 ]'
  shape "$db" > "$tmp/got"
  shape "$tmp/clean.db" > "$tmp/want"
  check "space freed: the corpus one clean add makes (documents and near-copy links)" 'cmp -s "$tmp/got" "$tmp/want"'
  for q in 会议 两个确立 工业; do
    a=$("$TIFA" search --db "$db" --json --limit 100 "$q" | hits_by_content)
    b=$("$TIFA" search --db "$tmp/clean.db" --json --limit 100 "$q" | hits_by_content)
    check "space freed: search $q finds what it finds in the clean corpus" '[ -n "$a" ] && [ "$a" = "$b" ]'
  done
  check "space freed: integrity" 'intact "$db"'
else
  skip "disk-full checks" "they need to mount a tmpfs (root)"
fi
check "no sanitizer report" '! grep -Eq "AddressSanitizer|LeakSanitizer|runtime error" "$tmp"/*.err "$tmp/ea" "$tmp/eb"'

echo "$pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
