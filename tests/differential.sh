#!/bin/sh
# Differential test: `tifa convert -c NAME` must be byte-identical to
# `opencc -c NAME.json` for every configuration OpenCC ships, on the seeds,
# mixed-script text, text dense in phrase-dictionary entries and random Han
# sequences (about 3.5 MB per configuration). opencc reads standard input
# line by line, which is the exact, chunk-free semantics tifa implements.
set -u
TIFA=${1:-build/tifa}
OUT=build/differential
SHARED=${SHARED:-../shared}
if ! command -v opencc >/dev/null 2>&1; then
  echo "differential: opencc is not installed (apt-get install opencc)" >&2
  exit 1
fi
python3 tests/gen-differential.py build/octext "$SHARED/seeds" "$OUT/in" || exit 1
pass=0; fail=0
for conf in /usr/share/opencc/*.json; do
  name=$(basename "$conf" .json)
  for f in "$OUT"/in/*.txt; do
    opencc -c "$conf" < "$f" > "$OUT/want" 2>/dev/null
    "$TIFA" convert -c "$name" < "$f" > "$OUT/got"
    if cmp -s "$OUT/want" "$OUT/got"; then
      pass=$((pass + 1))
    else
      fail=$((fail + 1))
      echo "not ok - $name $(basename "$f"): $(cmp "$OUT/want" "$OUT/got" 2>&1 | head -1)"
    fi
  done
done
echo "differential: $(cat "$OUT"/in/*.txt | wc -c) bytes per configuration"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
