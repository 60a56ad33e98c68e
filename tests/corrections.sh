#!/bin/sh
# Corrections that stay corrections (issue 13, part 3): `tifa set`,
# `unset` and `log`. A correction lives apart from the record (which stays
# as extraction wrote it), is used by list, search's hits and filters,
# trend, export, cite and the SQL views, and marked there; unset restores
# what extraction (or the source) said; log keeps every step with its time
# and note. Bad fields and values are usage errors; several fields are set
# together or not at all; adding the same bytes again with a source does
# not undo a correction.
#   sh tests/corrections.sh build/tifa-asan
set -u
TIFA=${1:-build/tifa-asan}
case $TIFA in /*) ;; *) TIFA=$(pwd)/$TIFA ;; esac
ROOT=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tests/harness.sh
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
DB=$tmp/c.db
"$TIFA" add --db "$DB" "$ROOT/examples" 2> /dev/null
# 1: 2025-01-05 国防科技工业工作会议 (no org); 3: 2022-12-29 务虚会, 工业和信息化部.
record_before=$(sqlite3 "$DB" "SELECT record FROM doc WHERE id = 3" | md5sum)

"$TIFA" set --db "$DB" 3 date=2023-01-03 place=北京 chair= --note "per the ministry's page" 2> "$tmp/err"; st=$?
check "set three fields: exit 0 ($st)" '[ $st -eq 0 ]'
check "the record is left as extraction wrote it" '[ "$(sqlite3 "$DB" "SELECT record FROM doc WHERE id = 3" | md5sum)" = "$record_before" ]'
"$TIFA" list --db "$DB" > "$tmp/list"
check "list: the corrected date, marked" 'grep -q "^#3  2023-01-03\*  务虚会$" "$tmp/list"'
"$TIFA" list --db "$DB" --json > "$tmp/l"
check "list --json: corrected names the fields" '$PY -c "
import json, sys
d = {r[\"id\"]: r for r in map(json.loads, open(sys.argv[1]))}
assert d[3][\"date\"] == \"2023-01-03\" and d[3][\"corrected\"] == [\"date\", \"place\", \"chair\"], d[3]
assert d[1][\"corrected\"] == []
" "$tmp/l"'
"$TIFA" list --db "$DB" --json --from 2023 --to 2023 > "$tmp/l"
check "list --from/--to: the corrected date decides" '[ "$(wc -l < "$tmp/l")" = 1 ] && grep -q "\"id\":3," "$tmp/l"'
"$TIFA" search --db "$DB" --json --from 2022 --to 2022 务虚 > "$tmp/s"; st=$?
check "search --from/--to: not found under the old date (exit 1)" '[ $st -eq 1 ] && [ ! -s "$tmp/s" ]'
"$TIFA" search --db "$DB" --json --from 2023-01 --to 2023-01 务虚 > "$tmp/s"
check "search --from/--to: found under the new one" 'grep -q "\"id\":3,.*\"date\":\"2023-01-03\"" "$tmp/s"'
"$TIFA" trend --db "$DB" --csv 务虚 > "$tmp/trend"
check "trend: counted in the corrected year" 'grep -q "^2023,务虚,1," "$tmp/trend" && ! grep -q "^2022,务虚,[1-9]" "$tmp/trend"'
"$TIFA" export --db "$DB" > "$tmp/csv"
check "export: corrected values, the corrected column, date_inferred false" '$PY -c "
import csv, sys
r = [x for x in csv.DictReader(open(sys.argv[1], newline=\"\")) if x[\"id\"] == \"3\"][0]
assert (r[\"date\"], r[\"place\"], r[\"chair\"], r[\"chair_title\"], r[\"corrected\"], r[\"date_inferred\"]) == (\"2023-01-03\", \"北京\", \"\", \"工业和信息化部党组书记、部长\", \"chair,date,place\", \"false\"), r
" "$tmp/csv"'
check "the meetings view: the same" '[ "$(sqlite3 "$DB" "SELECT date, place, chair IS NULL, corrected FROM meetings WHERE id = 3")" = "2023-01-03|北京|1|[\"chair\",\"date\",\"place\"]" ]'
"$TIFA" show --db "$DB" 3 > "$tmp/show"
check "show: each correction with what it was, when and why" 'grep -q "corrected date: 2023-01-03 (was 2022-12-29; [0-9T:Z-]*: per the ministry.s page)" "$tmp/show" && grep -q "corrected chair: (none) (was 金壮龙;" "$tmp/show"'

"$TIFA" set --db "$DB" 3 org=工信部 > /dev/null
"$TIFA" search --db "$DB" --json --org 工信部 务虚 > "$tmp/s"
check "search --org: the corrected body" 'grep -q "\"id\":3," "$tmp/s" && ! grep -q "\"id\":5," "$tmp/s"'
"$TIFA" unset --db "$DB" 3 date chair --note "the page was wrong" 2> "$tmp/err"; st=$?
check "unset: exit 0 ($st)" '[ $st -eq 0 ]'
check "unset: the date is extraction's again, unmarked" '"$TIFA" list --db "$DB" | grep -q "^#3  2022-12-29  务虚会$"'
check "unset: the chair is extraction's again" '[ "$(sqlite3 "$DB" "SELECT chair FROM meetings WHERE id = 3")" = 金壮龙 ]'
"$TIFA" log --db "$DB" 3 > "$tmp/log"
check "log: every set and unset, in order, with notes" '[ "$(sed "s/^[0-9T:Z-]*  //" "$tmp/log")" = "$(printf "%s\n" \
  "set   date: 2022-12-29 -> 2023-01-03  (per the ministry'"'"'s page)" \
  "set   place: (none) -> 北京  (per the ministry'"'"'s page)" \
  "set   chair: 金壮龙 -> (none)  (per the ministry'"'"'s page)" \
  "set   org: 工业和信息化部 -> 工信部" \
  "unset date: 2023-01-03 -> 2022-12-29  (the page was wrong)" \
  "unset chair: (none) -> 金壮龙  (the page was wrong)")" ]'
"$TIFA" log --db "$DB" --json 3 > "$tmp/logj"
check "log --json: one object a line" '$PY -c "
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [(r[\"field\"], r[\"action\"]) for r in rows] == [(\"date\", \"set\"), (\"place\", \"set\"), (\"chair\", \"set\"), (\"org\", \"set\"), (\"date\", \"unset\"), (\"chair\", \"unset\")]
assert rows[2][\"value\"] is None and rows[2][\"before\"] == \"金壮龙\" and rows[0][\"at\"].endswith(\"Z\")
" "$tmp/logj"'
check "the correction table holds what is in force" '[ "$(sqlite3 "$DB" "SELECT field || \"=\" || value || \"<\" || coalesce(auto, \"\") FROM correction WHERE doc = 3 ORDER BY field" | tr "\n" " ")" = "org=工信部<工业和信息化部 place=北京< " ]'

# Refusals.
for args in "3 colour=red" "3 date=2023-02-30" "3 date=2023" "3 published=soon" "3 url=example.com" "3 date" "x date=2023-01-01"; do
  # shellcheck disable=SC2086
  "$TIFA" set --db "$DB" $args > /dev/null 2> "$tmp/err"; st=$?
  check "set $args: a usage error (exit 2), said" '[ $st -eq 2 ] && grep -q "^tifa: set: " "$tmp/err"'
done
"$TIFA" set --db "$DB" 3 place=上海 url=example.com > /dev/null 2>&1
check "set with one bad value: nothing set" '[ "$(sqlite3 "$DB" "SELECT value FROM correction WHERE doc = 3 AND field = '"'place'"'")" = 北京 ]'
"$TIFA" set --db "$DB" 99 date=2023-01-01 > /dev/null 2> "$tmp/err"; st=$?
check "set on no such document: exit 1, said" '[ $st -eq 1 ] && grep -q "no document 99" "$tmp/err"'
"$TIFA" unset --db "$DB" 3 date > /dev/null 2> "$tmp/err"; st=$?
check "unset of a field without a correction: exit 1, said" '[ $st -eq 1 ] && grep -q "date holds no correction to take back" "$tmp/err"'
"$TIFA" log --db "$DB" 99 > /dev/null 2> "$tmp/err"; st=$?
check "log of no such document: exit 1" '[ $st -eq 1 ] && grep -q "no document 99" "$tmp/err"'

# Sources: a correction is not undone by adding the same bytes with a source.
"$TIFA" set --db "$DB" 1 url= outlet=国防科工局 published=2025-01-06 > /dev/null
"$TIFA" add --db "$DB" --url https://other.example/1 --outlet 别处 "$ROOT/examples/000_31aeb457b1c6f6a0.txt" 2> "$tmp/err"
check "the same bytes with a source the corrected document lacks: a copy of their own, the correction kept" \
  '[ "$(sqlite3 "$DB" "SELECT coalesce(url, \"-\") || outlet FROM doc WHERE id = 1")" = "-国防科工局" ] && grep -q "duplicates 1," "$tmp/err"'
"$TIFA" cite --db "$DB" 1 > "$tmp/cite"
check "cite uses the corrected outlet and date" 'grep -q "^国防科工局. “2025年国防科技工业工作会议.” 2025-01-06\." "$tmp/cite"'
"$TIFA" unset --db "$DB" 1 url outlet published > /dev/null
check "unset of sources: what add stored (none) again" '[ "$(sqlite3 "$DB" "SELECT coalesce(url, \"-\") || coalesce(outlet, \"-\") || coalesce(published, \"-\") FROM doc WHERE id = 1")" = "---" ]'
"$TIFA" check --db "$DB" > "$tmp/out" 2>&1
check "tifa check: ok after corrections" 'grep -qx ok "$tmp/out"'
check "no sanitizer report" '! grep -Eq "AddressSanitizer|LeakSanitizer|runtime error" "$tmp/err"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
