#!/bin/sh
# The command line as users expect it (issue 13, part 6): dates that are
# not dates are usage errors; add, show and diff read standard input;
# search exits 1 when nothing matched, as grep; NO_COLOR and --color;
# show --json prints one JSON value; convert hands each line on in a
# pipeline (and takes opencc's --noflush); empty and binary input to add is
# refused by name.
#   sh tests/usage.sh build/tifa-asan
set -u
TIFA=${1:-build/tifa-asan}
case $TIFA in /*) ;; *) TIFA=$(pwd)/$TIFA ;; esac
ROOT=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tests/harness.sh
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
unset NO_COLOR
DB=$tmp/c.db
E=$ROOT/examples
"$TIFA" add --db "$DB" "$E" 2> /dev/null

# ------------------------------------------------------------ dates
for cmd in "search 会议" list export "trend 会议"; do
  for d in 2024-13 garbage 2024-02-30 20240101 2024-1; do
    # shellcheck disable=SC2086
    "$TIFA" $cmd --db "$DB" --from "$d" > "$tmp/out" 2> "$tmp/err"; st=$?
    check "$cmd --from $d: a usage error (exit 2) naming the option" '[ $st -eq 2 ] && grep -q "^tifa: --from: not a date (yyyy, yyyy-mm or yyyy-mm-dd): .$d.$" "$tmp/err" && [ ! -s "$tmp/out" ]'
  done
done
"$TIFA" list --db "$DB" --to 2024-12-31 --from 2024 > /dev/null 2>&1; st=$?
check "list --from 2024 --to 2024-12-31: fine" '[ $st -eq 0 ]'
"$TIFA" list --db "$DB" --limit many > /dev/null 2> "$tmp/err"; st=$?
check "list --limit many: a usage error" '[ $st -eq 2 ] && grep -q "a whole number" "$tmp/err"'

# ------------------------------------------------------------ standard input
"$TIFA" show - < "$E/002_6ff96e32e61068e8.txt" > "$tmp/out" 2> "$tmp/err"; st=$?
check "show -: the record and text of standard input" '[ $st -eq 0 ] && grep -q "金壮龙主持召开务虚会" "$tmp/out" && grep -q "\"file\": \"-\"" "$tmp/out"'
"$TIFA" show < "$E/002_6ff96e32e61068e8.txt" > "$tmp/out2" 2> /dev/null
check "show with no argument: standard input too" 'cmp -s "$tmp/out" "$tmp/out2"'
"$TIFA" diff --json - "$E/001_37d6fa01b070871c.txt" < "$E/000_31aeb457b1c6f6a0.txt" > "$tmp/d1" 2> "$tmp/err"; st=$?
"$TIFA" diff --json "$E/000_31aeb457b1c6f6a0.txt" "$E/001_37d6fa01b070871c.txt" > "$tmp/d2"
check "diff - FILE: standard input as one side, the same comparison" '[ $st -eq 0 ] && cmp -s "$tmp/d1" "$tmp/d2"'
"$TIFA" diff - - < /dev/null > /dev/null 2> "$tmp/err"; st=$?
check "diff - -: a usage error" '[ $st -eq 2 ] && grep -q "one side only" "$tmp/err"'
: | "$TIFA" add --db "$DB" - 2> "$tmp/err"; st=$?
check "add - of nothing: refused by name (an empty file)" '[ $st -eq 1 ] && grep -q "^tifa: -: an empty file: not stored" "$tmp/err"'
head -c 4000 /dev/urandom | "$TIFA" add --db "$DB" - 2> "$tmp/err"; st=$?
check "add - of random bytes: refused as binary" '[ $st -eq 1 ] && grep -q "^tifa: -: a binary file, not a text document" "$tmp/err"'

# ------------------------------------------------------------ search's exit status
"$TIFA" search --db "$DB" 务虚 > /dev/null 2>&1; st=$?
check "search with hits: exit 0" '[ $st -eq 0 ]'
"$TIFA" search --db "$DB" 没有这个词语 > "$tmp/out" 2> "$tmp/err"; st=$?
check "search without hits: exit 1, nothing on standard output" '[ $st -eq 1 ] && [ ! -s "$tmp/out" ] && grep -q "^0 of 0 matching readouts" "$tmp/err"'
"$TIFA" search --db "$DB" --json 没有这个词语 > "$tmp/out" 2> "$tmp/err"; st=$?
check "search --json without hits: exit 1, nothing printed at all" '[ $st -eq 1 ] && [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ]'
"$TIFA" search --db "$tmp/none.db" 务虚 > /dev/null 2> "$tmp/err"; st=$?
check "search on no corpus: exit 1 with a message" '[ $st -eq 1 ] && grep -q "no corpus here" "$tmp/err"'

# ------------------------------------------------------------ colour
"$TIFA" search --db "$DB" --color=always 务虚 > "$tmp/out" 2> /dev/null
check "search --color=always: colour into a pipe" 'grep -q "$(printf "\033")\[1;31m" "$tmp/out"'
"$TIFA" search --db "$DB" 务虚 > "$tmp/out" 2> /dev/null
check "search into a pipe: no colour" '! grep -q "$(printf "\033")" "$tmp/out"'
"$TIFA" search --db "$DB" --color=sometimes 务虚 > /dev/null 2> "$tmp/err"; st=$?
check "search --color=sometimes: a usage error" '[ $st -eq 2 ]'
# On a terminal: colour by default, none with NO_COLOR, always with --color=always.
check "on a terminal: colour; NO_COLOR=1: none; NO_COLOR with --color=always: colour; list and diff alike" '$PY - "$TIFA" "$DB" "$E" <<PY
import os, pty, subprocess, sys
tifa, db, e = sys.argv[1:4]
def on_tty(args, env_extra):
    master, slave = pty.openpty()
    env = dict(os.environ, **env_extra)
    env.pop("NO_COLOR", None) if "NO_COLOR" not in env_extra else None
    p = subprocess.Popen([tifa] + args, stdout=slave, stderr=subprocess.DEVNULL, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    p.wait()
    os.close(master)
    return out
for args in (["search", "--db", db, "务虚"], ["list", "--db", db], ["diff", e + "/000_31aeb457b1c6f6a0.txt", e + "/001_37d6fa01b070871c.txt"]):
    assert b"\x1b[" in on_tty(args, {}), args
    assert b"\x1b[" not in on_tty(args, {"NO_COLOR": "1"}), args
    assert b"\x1b[" in on_tty(args + ["--color=always"], {"NO_COLOR": "1"}), args
    assert b"\x1b[" not in on_tty(args + ["--color=never"], {}), args
PY'

# ------------------------------------------------------------ show --json
"$TIFA" show --db "$DB" --json 3 > "$tmp/j" 2> /dev/null
check "show ID --json: one JSON value" '$PY -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"id\"]==3 and d[\"record\"][\"articles\"] and \"务虚\" in d[\"clean\"]" "$tmp/j"'
"$TIFA" show --json "$E/002_6ff96e32e61068e8.txt" > "$tmp/j" 2> /dev/null
check "show FILE --json: one JSON value" '$PY -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"file\"].endswith(\"002_6ff96e32e61068e8.txt\") and d[\"record\"][\"articles\"] and d[\"clean\"]" "$tmp/j"'
"$TIFA" show --json --raw 3 > /dev/null 2>&1; st=$?
check "show --json --raw: a usage error" '[ $st -eq 2 ]'

# ------------------------------------------------------------ convert in a pipeline
check "convert into a pipe: each line comes back before the next is written" '$PY - "$TIFA" <<PY
import select, subprocess, sys
p = subprocess.Popen([sys.argv[1], "convert"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
for line, want in (("國務院召開常務會議\n", "国务院召开常务会议\n"), ("鼠標和軟件\n", "鼠标和软件\n")):
    p.stdin.write(line.encode())
    p.stdin.flush()
    ready, _, _ = select.select([p.stdout], [], [], 10)
    assert ready, "no output while the input stays open"
    assert p.stdout.readline().decode() == want
p.stdin.close()
assert p.wait() == 0
PY'
printf '國務院\n' | "$TIFA" convert --noflush > "$tmp/out" 2> "$tmp/err"; st=$?
check "convert --noflush: accepted, the same output" '[ $st -eq 0 ] && [ "$(cat "$tmp/out")" = 国务院 ]'
check "no sanitizer report" '! grep -Eq "AddressSanitizer|LeakSanitizer|runtime error" "$tmp/err"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
