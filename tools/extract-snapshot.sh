#!/bin/sh
# Writes `tifa extract` of every readout, case, seed, HTML test page and
# peer page into one file, so that a refactoring can be checked to leave the
# output byte-identical:  tools/extract-snapshot.sh TIFA OUT; cmp OUT OLD
set -u
tifa=$1 out=$2
here=$(dirname "$0")/..
: > "$out"
for f in "$here"/tests/readouts/*.txt "$here"/tests/extract-cases/*.txt "$here"/examples/*.txt \
         "$here"/../shared/seeds/*.txt "$here"/tests/set*/readouts/*.txt; do
    [ -f "$f" ] || continue
    echo "== $f" >> "$out"
    "$tifa" extract "$f" >> "$out" 2>&1
done
for f in "$here"/tests/html/*.html "$here"/../shared/peers/magic-html-zh/html/*.html; do
    [ -f "$f" ] || continue
    echo "== $f" >> "$out"
    "$tifa" extract --html "$f" >> "$out" 2>&1
done
