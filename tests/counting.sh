#!/bin/sh
# Counting that can be trusted (issue 13, part 4):
#  - trend --csv keeps every period from the first dated readout to the
#    last (0 where unused), gives the readouts dated in each period as the
#    denominator and the undated readouts using the term, all checked
#    against counts made here with SQL on the file; copies do not count
#    twice;
#  - export --format csv: one row per meeting (a document without one: one
#    row), the facts as columns, --bom for Excel; JSON Lines the same plus
#    the text; --all-copies; filters;
#  - trend --svg: y ticks at whole numbers where they are labelled, the top
#    one at or above the highest count; a mark for every period.
#   sh tests/counting.sh build/tifa-asan
set -u
TIFA=${1:-build/tifa-asan}
case $TIFA in /*) ;; *) TIFA=$(pwd)/$TIFA ;; esac
ROOT=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tests/harness.sh
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
DB=$tmp/c.db
# The examples (2022-12, 2025-01 twice, 2025-12, 2026-01: no readout in
# 2023 and 2024), the real readouts, and an exact copy of one example.
"$TIFA" add --db "$DB" "$ROOT/examples" "$ROOT/tests/readouts" 2> /dev/null
"$TIFA" trend --db "$DB" --csv 十五五 两个确立 > "$tmp/before.csv" 2> /dev/null
sed 's/$/\r/' "$ROOT/examples/001_37d6fa01b070871c.txt" > "$tmp/crlf.txt"
"$TIFA" add --db "$DB" "$tmp/crlf.txt" 2> "$tmp/err"
check "setup: an exact copy stored" 'grep -q "^added 0, duplicates 1," "$tmp/err"'
"$TIFA" trend --db "$DB" --csv 十五五 两个确立 > "$tmp/after.csv" 2> /dev/null
check "trend: an exact copy does not count again" 'cmp -s "$tmp/before.csv" "$tmp/after.csv"'
# One readout using 两个确立 loses its date: it must be counted as undated.
"$TIFA" set --db "$DB" 1 date= > /dev/null

# The reference, straight from the file: first copies, corrected dates.
reference() { # TERM PLEN
  sqlite3 "$DB" "SELECT substr(date, 1, $2), count(*), sum(instr(clean, '$1') > 0),
    sum((length(clean) - length(replace(clean, '$1', ''))) / length('$1'))
    FROM doc WHERE duplicate_of IS NULL AND date IS NOT NULL GROUP BY 1 ORDER BY 1;
    SELECT 'undated', count(*) FROM doc WHERE duplicate_of IS NULL AND date IS NULL AND instr(clean, '$1') > 0"
}
for by in year month; do
  plen=4; [ $by = month ] && plen=7
  "$TIFA" trend --db "$DB" --by $by --csv 两个确立 十四五 > "$tmp/t.csv" 2> "$tmp/t.err"
  reference 两个确立 $plen > "$tmp/r1"
  reference 十四五 $plen > "$tmp/r2"
  check "trend --by $by --csv: every period, the counts, the denominators and the undated agree with SQL" '$PY - "$tmp/t.csv" "$tmp/r1" "$tmp/r2" $by <<PY
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert list(rows[0]) == ["period", "term", "documents", "occurrences", "dated", "undated"], list(rows[0])
by = sys.argv[4]
def step(p):
    if by == "year":
        return str(int(p) + 1)
    y, m = map(int, p.split("-"))
    return "%04d-%02d" % (y + m // 12, m % 12 + 1)
for term, ref in (("两个确立", sys.argv[2]), ("十四五", sys.argv[3])):
    lines = [l.split("|") for l in open(ref).read().split("\n") if l]
    undated = int(lines[-1][1])
    want = {p: (int(n), int(d), int(o)) for p, n, d, o in lines[:-1]}
    got = [r for r in rows if r["term"] == term]
    periods = [r["period"] for r in got]
    p = min(want)
    expect = [p]
    while p < max(want):
        p = step(p)
        expect.append(p)
    assert periods == expect, (term, periods[:5], expect[:5])
    for r in got:
        n, d, o = want.get(r["period"], (0, 0, 0))
        assert (int(r["dated"]), int(r["documents"]), int(r["occurrences"]), int(r["undated"])) == (n, d, o, undated), (term, r, n, d, o, undated)
    assert any(int(r["documents"]) == 0 for r in got) and undated > 0
PY'
  check "trend --by $by: the undated readouts said on standard error" 'grep -q "^tifa: trend: 两个确立: [1-9][0-9]* readout(s) using it have no date" "$tmp/t.err"'
done
"$TIFA" trend --db "$DB" --csv 十五五 > "$tmp/t.csv" 2> /dev/null
check "trend: 2023 and 2024 are rows with their zeros" 'grep -qx "2023,十五五,0,0,[0-9]*,[0-9]*" "$tmp/t.csv" && grep -qx "2024,十五五,0,0,[0-9]*,[0-9]*" "$tmp/t.csv"'
"$TIFA" trend --db "$DB" 十五五 > "$tmp/bars" 2> /dev/null
check "trend bars: each period with its denominator" 'grep -Eq "^2026 +十五五 +█+ [1-9][0-9]* of [1-9][0-9]* readouts, [0-9]+ uses$" "$tmp/bars" && grep -Eq "^2023 +十五五 +0 of [0-9]+ readouts, 0 uses$" "$tmp/bars"'

# ------------------------------------------------------------ the SVG axes
"$TIFA" trend --db "$DB" --svg "$tmp/t.svg" 两个确立 十四五 2> /dev/null
"$TIFA" trend --db "$DB" --csv 两个确立 十四五 > "$tmp/t.csv" 2> /dev/null
check "trend --svg: y ticks at whole numbers, where their numbers say; the top at or above the highest count; a mark per period" '$PY - "$tmp/t.svg" "$tmp/t.csv" <<PY
import csv, re, sys
svg = open(sys.argv[1]).read()
rows = list(csv.DictReader(open(sys.argv[2], newline="")))
top = max(int(r["documents"]) for r in rows)
ticks = [(float(y) - 4, int(v)) for y, v in re.findall(r"<text x=\"[0-9.]+\" y=\"([0-9.]+)\" text-anchor=\"end\" fill=\"#555\">(-?[0-9]+)</text>", svg)]
assert len(ticks) >= 2 and ticks[0][1] == 0, ticks
# y is linear in the value: the label (4 below its line) sits at the height of its count
(y0, v0), (y1, v1) = ticks[0], ticks[1]
scale = (y0 - y1) / (v1 - v0)
assert all(abs((y0 - y) - scale * (v - v0)) < 0.2 for y, v in ticks), ticks
steps = {b[1] - a[1] for a, b in zip(ticks, ticks[1:])}
assert len(steps) == 1 and steps.pop() in (1, 2, 5, 10, 20, 50, 100), ticks
assert ticks[-1][1] >= top and ticks[-1][1] - top < ticks[1][1], (ticks, top)
# each point at the height of its count
pts = [(float(y), int(n)) for y, n in re.findall(r"<circle cx=\"[0-9.]+\" cy=\"([0-9.]+)\"[^>]*><title>[^<]*: ([0-9]+) of", svg)]
assert pts and all(abs((y0 - y) - scale * n) < 0.2 for y, n in pts), pts[:5]
periods = sorted({r["period"] for r in rows})
marks = re.findall(r"<line x1=\"([0-9.]+)\" y1=\"[0-9.]+\" x2=\"\\1\" y2=\"[0-9.]+\" stroke=\"#888\"/>", svg)
assert len(marks) == len(periods), (len(marks), len(periods))
PY'

# ------------------------------------------------------------ export
"$TIFA" export --db "$DB" --format csv > "$tmp/x.csv"
"$TIFA" export --db "$DB" --format jsonl > "$tmp/x.jsonl"
check "export csv: the columns, one row per meeting, every readout at least once" '$PY - "$tmp/x.csv" "$DB" <<PY
import csv, sqlite3, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
want = ["id", "article", "kind", "file", "outlet", "url", "published", "retrieved", "date", "date_inferred", "name",
        "org", "place", "chair", "chair_title", "speakers", "present", "attendees", "source", "numbered", "quoted",
        "documents", "periods", "copies", "duplicate_of", "corrected", "meta"]
assert list(rows[0]) == want, list(rows[0])
db = sqlite3.connect(sys.argv[2])
firsts = {i for (i,) in db.execute("SELECT id FROM doc WHERE duplicate_of IS NULL")}
assert {int(r["id"]) for r in rows} == firsts
import json
meetings = 0
for (rec, in_) in db.execute("SELECT record, duplicate_of IS NULL FROM doc"):
    if in_:
        arts = json.loads(rec)["articles"]
        meetings += max(1, sum(a["kind"] == "meeting" for a in arts))
assert len(rows) == meetings, (len(rows), meetings)
two = [r for r in rows if r["id"] == "4"]
assert [(r["article"], r["kind"]) for r in two] == [("0", "meeting"), ("1", "meeting")], two
r = [r for r in rows if r["id"] == "3"][0]
assert (r["date"], r["name"], r["org"], r["chair"], r["chair_title"], r["date_inferred"]) == ("2022-12-29", "务虚会", "工业和信息化部", "金壮龙", "工业和信息化部党组书记、部长", "false"), r
assert r["present"].startswith("张克俭; 王江平; ") and "两个确立" in r["numbered"].split("; "), r
c = [r for r in rows if r["id"] == "1"][0]
assert c["date"] == "" and c["corrected"] == "date", c
assert [r for r in rows if r["id"] == "2"][0]["copies"] == "1"
PY'
check "export jsonl: the same rows, lists as arrays, copies as objects, and the article text" '$PY - "$tmp/x.csv" "$tmp/x.jsonl" "$TIFA" "$DB" <<PY
import csv, json, subprocess, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
objs = [json.loads(l) for l in open(sys.argv[2])]
assert len(rows) == len(objs)
for r, o in zip(rows, objs):
    assert str(o["id"]) == r["id"] and (o["name"] or "") == r["name"] and "; ".join(o["present"]) == r["present"], (r, o)
    assert len(o["copies"]) == int(r["copies"])
o = [o for o in objs if o["id"] == 2][0]
assert o["copies"][0]["copy"] == "exact" and o["copies"][0]["file"].endswith("crlf.txt"), o["copies"]
shown = json.loads(subprocess.run([sys.argv[3], "show", "--db", sys.argv[4], "--json", "4"], capture_output=True).stdout)
texts = [a["text"] for a in shown["record"]["articles"]]
assert [o["text"] for o in objs if o["id"] == 4] == [texts[o["article"]] for o in objs if o["id"] == 4]
PY'
"$TIFA" export --db "$DB" --bom > "$tmp/bom.csv"
check "export --bom: a UTF-8 byte-order mark, then the same" '[ "$(head -c 3 "$tmp/bom.csv" | od -An -tx1 | tr -d " ")" = efbbbf ] && tail -c +4 "$tmp/bom.csv" | cmp -s - "$tmp/x.csv"'
check "export csv: CRLF line ends, as RFC 4180" '[ "$(head -1 "$tmp/x.csv" | od -An -c | tr -d " \n" | tail -c 4)" = "\r\n" ]'
"$TIFA" export --db "$DB" --all-copies > "$tmp/all.csv"
check "export --all-copies: the copy has its row, saying whose copy it is" '$PY -c "
import csv, sys
r = [r for r in csv.DictReader(open(sys.argv[1], newline=\"\")) if r[\"file\"].endswith(\"crlf.txt\")]
assert len(r) == 1 and r[0][\"duplicate_of\"] == \"2\", r
" "$tmp/all.csv"'
"$TIFA" export --db "$DB" --from 2025 --to 2025 > "$tmp/f.csv"
check "export --from/--to: only meetings of 2025" '$PY -c "
import csv, sys
d = [r[\"date\"] for r in csv.DictReader(open(sys.argv[1], newline=\"\"))]
assert d and all(x.startswith(\"2025\") for x in d), d
" "$tmp/f.csv"'
"$TIFA" export --db "$DB" --from 2025-13 > /dev/null 2> "$tmp/err"; st=$?
check "export --from 2025-13: a usage error" '[ $st -eq 2 ] && grep -q "not a date" "$tmp/err"'
"$TIFA" export --db "$DB" --format xml > /dev/null 2>&1; st=$?
check "export --format xml: a usage error" '[ $st -eq 2 ]'
"$TIFA" export --db "$DB" > /dev/full 2> "$tmp/err"; st=$?
check "export to a full device: exit 1, said" '[ $st -eq 1 ] && grep -q "writing the export failed\|write error" "$tmp/err"'
check "no sanitizer report" '! grep -Eq "AddressSanitizer|LeakSanitizer|runtime error" "$tmp/err" "$tmp/t.err"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
