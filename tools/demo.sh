#!/bin/sh
# `make demo`: the main job on the bundled examples.
set -eu
T=./tifa
echo "== tifa $($T --version | cut -d' ' -f2): cleaning the bundled readouts (examples/)"
for f in examples/*.txt; do
  echo
  echo "-- $f ($(wc -c < "$f") bytes in)"
  $T clean "$f" > build/demo.out
  head -c 600 build/demo.out
  echo " …"
  echo "   ($(wc -l < build/demo.out) paragraphs, $(wc -c < build/demo.out) bytes out)"
done
echo
echo "== tifa extract: the record of a traditional-script repost with pinyin noise"
echo "   (examples/002_6ff96e32e61068e8.txt; article text left out here)"
$T extract --pretty examples/002_6ff96e32e61068e8.txt | grep -v '"text":' | head -70
echo
echo "== tifa convert (byte-identical to opencc), s2twp on a sentence:"
echo "鼠标和软件的质量决定了网络的速度" | $T convert -c s2twp
echo
echo "== The corpus: build/demo.db from examples/"
rm -f build/demo.db build/demo.db-wal build/demo.db-shm
$T add --db build/demo.db examples/
echo
echo "-- tifa search --db build/demo.db 两个确立"
$T search --db build/demo.db 两个确立
echo
echo "-- tifa diff: the 2025 and 2026 defence-industry conferences (examples 000 and 001)"
$T diff examples/000_31aeb457b1c6f6a0.txt examples/001_37d6fa01b070871c.txt | head -40
echo "   …"
echo
echo "-- tifa trend --db build/demo.db 两个确立 十五五 十四五"
$T trend --db build/demo.db 两个确立 十五五 十四五
echo
echo "Next: tifa clean FILE..., tifa extract FILE..., tifa add/search/diff/trend --db FILE, tifa --help"
echo
# Last, the reading room: in the foreground until Ctrl-C. Not when the demo
# runs without a terminal (CI, tests) or with TIFA_DEMO_NO_SERVE set.
if [ -n "${TIFA_DEMO_NO_SERVE:-}" ] || [ ! -t 0 ] || [ ! -t 1 ]; then
  echo "== tifa serve --db build/demo.db: skipped (no terminal, or TIFA_DEMO_NO_SERVE is set)"
else
  echo "== tifa serve: the demo corpus in the browser; open the address below (Ctrl-C stops)"
  port=${TIFA_DEMO_PORT:-8080}
  # 8080 taken: any free port (the address is printed either way).
  $T serve --db build/demo.db --port "$port" || $T serve --db build/demo.db --port 0
fi
