#!/bin/sh
# Spec tests as data: for every tests/cases/NAME.in, `tifa clean` must print
# exactly tests/cases/NAME.clean, and cleaning that output again must change
# nothing (idempotence). With ../shared present, the seeds' golden files are
# checked the same way.
set -u
TIFA=${1:-build/tifa}
SHARED=${SHARED:-../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0; skipped=0
check() { # name input expected
  if "$TIFA" clean "$2" > "$tmp/got" 2> "$tmp/err" && cmp -s "$tmp/got" "$3"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "not ok - $1"
    diff "$3" "$tmp/got" | head -10
  fi
  if "$TIFA" clean "$3" > "$tmp/again" && cmp -s "$tmp/again" "$3"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "not ok - $1 (idempotence)"
    diff "$3" "$tmp/again" | head -10
  fi
}
for input in tests/cases/*.in; do
  name=$(basename "$input" .in)
  check "$name" "$input" "tests/cases/$name.clean"
done
if [ -d "$SHARED/golden" ]; then
  for golden in "$SHARED"/golden/*.clean.txt; do
    name=$(basename "$golden" .clean.txt)
    check "seed $name" "$SHARED/seeds/$name.txt" "$golden"
  done
else
  skipped=1
  echo "ok - the seeds' golden files # SKIP $SHARED/golden not found"
fi
echo "$pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
