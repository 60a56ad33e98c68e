#!/bin/sh
# The shared library exports exactly the functions include/tifa.h declares:
# none missing (a program linked against the header would not load), none
# more (an internal function would become part of the ABI).
#   sh tests/exports.sh [build/libtifa.so]
set -u
SO=${1:-build/libtifa.so}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A declaration: a return type, then tifa_NAME( at the start of a line.
sed -n 's/^[a-z_ ][a-z_ *]*[ *]\(tifa_[a-z0-9_]*\)(.*/\1/p' include/tifa.h | sort -u > "$tmp/declared"
nm -D --defined-only "$SO" | awk '$2 == "T" {print $3}' | sort -u > "$tmp/exported"
if cmp -s "$tmp/declared" "$tmp/exported"; then
  echo "ok - $SO exports the $(wc -l < "$tmp/declared") functions of include/tifa.h, no more"
  echo "1 passed, 0 failed"
else
  echo "not ok - $SO exports differ from include/tifa.h"
  diff "$tmp/declared" "$tmp/exported" | sed 's/^</#   declared only:/; s/^>/#   exported only:/' | grep '^#'
  echo "0 passed, 1 failed"
  exit 1
fi
