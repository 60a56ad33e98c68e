#!/bin/sh
# Command-line behaviour of tifa, checked on real files (SPEC sections 1, 2
# and 4): help and usage errors, exit statuses, unreadable inputs among good
# ones, every input encoding, damaged input, pathological input (deep
# nesting, a 100 MB line), idempotence and the OpenCC drop-in.
#
#   sh tests/cli.sh PATH-TO-TIFA
#
# Prints `ok - NAME` or `not ok - NAME` (with `#` lines saying why) per
# check, then `N passed, M failed, K skipped`; exits 1 when a check failed.
# Set TIFA_CLI_QUICK=1 to skip the 100 MB case.
set -u

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: sh tests/cli.sh PATH-TO-TIFA" >&2
  exit 2
fi
case $1 in
  /*) TIFA=$1 ;;
  *) TIFA=$(pwd)/$1 ;;
esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
T=$(mktemp -d /tmp/tifa-cli.XXXXXX) || exit 2
trap 'rm -rf "$T"' EXIT
trap 'exit 2' INT TERM HUP

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
skipped=0
# A check that could not run: printed and counted apart, never as a pass.
skip() { skipped=$((skipped + 1)); echo "ok - $1 # SKIP $2"; }
notok() {
  fail=$((fail + 1))
  echo "not ok - $1"
  shift
  for why in "$@"; do printf '%s\n' "$why" | head -n 8 | sed 's/^/#   /'; done
}
# run ARGS...: runs tifa, leaving $T/out, $T/err and $rc.
run() { "$TIFA" "$@" > "$T/out" 2> "$T/err"; rc=$?; }
# run_in FILE ARGS...: same, with FILE on standard input.
run_in() { _in=$1; shift; "$TIFA" "$@" < "$_in" > "$T/out" 2> "$T/err"; rc=$?; }
why() { echo "exit status $rc; stderr: $(head -c 600 "$T/err")"; }
# same_file NAME WANT GOT
same_file() {
  if cmp -s "$2" "$3"; then ok "$1"; else notok "$1" "$(why)" "$(diff "$2" "$3" 2>&1 | head -n 6)"; fi
}
has() { grep -q -e "$2" "$1"; }
lines() { wc -l < "$1" | tr -d ' '; }
bytes() { wc -c < "$1" | tr -d ' '; }

# ------------------------------------------------------------ inputs
# A traditional sentence, the same with pinyin annotations, and
# what `tifa clean` must make of it.
trad='國務院常務會議在北京召開，會議強調要加強黨的領導，推動經濟高質量發展。'
simp='国务院常务会议在北京召开，会议强调要加强党的领导，推动经济高质量发展。'
printf '%s\n' "$trad" > "$T/trad.txt"
printf '%s\n' "$simp" > "$T/want.txt"
printf '國(guó)務(wù)院常務會(huì)議(yì)在北京召開，會議強調要加強黨(dǎng)的領導，推動經濟高質量發展。\n' > "$T/pinyin.txt"
REPL=$(printf '\357\277\275') # U+FFFD

# ------------------------------------------------------------ usage
run --help
if [ $rc -eq 0 ] && has "$T/out" 'usage' && has "$T/out" 'clean' && has "$T/out" 'convert'; then
  ok "--help prints usage, exit 0"
else notok "--help prints usage, exit 0" "$(why)"; fi

run --version
if [ $rc -eq 0 ] && has "$T/out" '^tifa [0-9][0-9.]*'; then ok "--version"; else notok "--version" "$(why)"; fi

run frobnicate
if [ $rc -eq 2 ] && has "$T/err" '^tifa: ' && has "$T/err" 'frobnicate'; then
  ok "unknown command: exit 2, named on stderr"
else notok "unknown command: exit 2, named on stderr" "$(why)"; fi

run
if [ $rc -eq 2 ] && [ -s "$T/err" ]; then ok "no command: exit 2 with usage"; else notok "no command: exit 2 with usage" "$(why)"; fi

run clean --help
if [ $rc -eq 0 ] && has "$T/out" 'usage: tifa clean' && [ ! -s "$T/err" ]; then
  ok "clean --help"
else notok "clean --help" "$(why)"; fi

run convert --help
if [ $rc -eq 0 ] && has "$T/out" 'usage: tifa convert' && has "$T/out" 't2s'; then
  ok "convert --help lists configurations"
else notok "convert --help lists configurations" "$(why)"; fi

run clean --no-such-option "$T/trad.txt"
if [ $rc -eq 2 ] && has "$T/err" 'no-such-option' && [ ! -s "$T/out" ]; then
  ok "clean with an unknown option: exit 2, nothing processed"
else notok "clean with an unknown option: exit 2, nothing processed" "$(why)"; fi

run clean --encoding klingon "$T/trad.txt"
if [ $rc -eq 2 ] && has "$T/err" 'klingon'; then ok "clean --encoding unknown: exit 2"; else notok "clean --encoding unknown: exit 2" "$(why)"; fi

# ------------------------------------------------------------ basic cleaning
run clean "$T/trad.txt"
same_file "clean: traditional to simplified" "$T/want.txt" "$T/out"

run clean "$T/pinyin.txt"
same_file "clean: pinyin annotations removed" "$T/want.txt" "$T/out"

# ------------------------------------------------------------ unreadable inputs
run clean "$T/missing.txt" "$T/trad.txt"
if [ $rc -eq 1 ] && has "$T/err" "^tifa: $T/missing.txt: " && has "$T/out" "$simp"; then
  ok "missing file: exit 1, named on stderr, the other file still cleaned"
else notok "missing file: exit 1, named on stderr, the other file still cleaned" "$(why)" "stdout: $(head -c 300 "$T/out")"; fi

run clean "$T/trad.txt" "$T/missing.txt"
if [ $rc -eq 1 ] && has "$T/err" "missing.txt" && has "$T/out" "$simp"; then
  ok "missing file after a good one: exit 1, good output kept"
else notok "missing file after a good one: exit 1, good output kept" "$(why)"; fi

mkdir "$T/adir"
run clean "$T/adir" "$T/trad.txt"
if [ $rc -eq 1 ] && has "$T/err" "^tifa: $T/adir: " && has "$T/out" "$simp"; then
  ok "directory as a file: exit 1, named, the other file still cleaned"
else notok "directory as a file: exit 1, named, the other file still cleaned" "$(why)"; fi

run convert "$T/adir"
if [ $rc -eq 1 ] && has "$T/err" "^tifa: $T/adir: "; then ok "convert of a directory: exit 1, named"; else notok "convert of a directory: exit 1, named" "$(why)"; fi

# A file that is gone by the time tifa opens it: a link to a deleted file.
printf '%s\n' "$trad" > "$T/gone.txt"
ln -s "$T/gone.txt" "$T/vanished.txt"
rm "$T/gone.txt"
run clean "$T/vanished.txt" "$T/trad.txt"
if [ $rc -eq 1 ] && has "$T/err" "^tifa: $T/vanished.txt: " && has "$T/out" "$simp"; then
  ok "file deleted before reading: exit 1, named, others processed"
else notok "file deleted before reading: exit 1, named, others processed" "$(why)"; fi

# A fifo: not a regular file, read like a stream.
if mkfifo "$T/fifo" 2> /dev/null; then
  (cat "$T/trad.txt" > "$T/fifo") &
  writer=$!
  run clean "$T/fifo"
  wait $writer 2> /dev/null
  same_file "fifo read as a stream" "$T/want.txt" "$T/out"
else
  skip "fifo read as a stream" "mkfifo not available"
fi

if [ "$(id -u)" -ne 0 ]; then
  cp "$T/trad.txt" "$T/locked.txt"
  chmod 000 "$T/locked.txt"
  run clean "$T/locked.txt" "$T/trad.txt"
  if [ $rc -eq 1 ] && has "$T/err" "^tifa: $T/locked.txt: " && has "$T/out" "$simp"; then
    ok "unreadable file: exit 1, named, others processed"
  else notok "unreadable file: exit 1, named, others processed" "$(why)"; fi
  chmod 644 "$T/locked.txt"
else
  skip "unreadable file: exit 1, named, others processed" "running as root"
fi

if [ -w /dev/full ]; then
  "$TIFA" clean "$T/trad.txt" > /dev/full 2> "$T/err"
  rc=$?
  if [ $rc -ne 0 ] && has "$T/err" '^tifa: .*write'; then ok "write error on standard output reported"; else notok "write error on standard output reported" "$(why)"; fi
else
  skip "write error on standard output reported" "no /dev/full"
fi

# ------------------------------------------------------------ empty, stdin, several files
: > "$T/empty.txt"
run clean "$T/empty.txt"
if [ $rc -eq 0 ] && [ ! -s "$T/out" ] && [ ! -s "$T/err" ]; then ok "empty file: empty output, exit 0"; else notok "empty file: empty output, exit 0" "$(why)" "stdout bytes: $(bytes "$T/out")"; fi

run convert "$T/empty.txt"
if [ $rc -eq 0 ] && [ ! -s "$T/out" ]; then ok "convert of an empty file"; else notok "convert of an empty file" "$(why)"; fi

run_in "$T/trad.txt" clean
same_file "clean reads standard input with no file" "$T/want.txt" "$T/out"

run_in "$T/trad.txt" clean -
same_file "clean reads standard input for -" "$T/want.txt" "$T/out"

run_in "$T/trad.txt" convert
same_file "convert reads standard input with no file" "$T/want.txt" "$T/out"

run_in "$T/trad.txt" convert -c t2s -
same_file "convert reads standard input for -" "$T/want.txt" "$T/out"

run convert -c t2s -i "$T/trad.txt" -o "$T/conv-out.txt"
if [ $rc -eq 0 ] && cmp -s "$T/want.txt" "$T/conv-out.txt"; then ok "convert -i FILE -o FILE"; else notok "convert -i FILE -o FILE" "$(why)"; fi

printf '%s\n' "$simp" > "$T/two-want.txt"
printf '\n' >> "$T/two-want.txt"
printf '%s\n' "$simp" >> "$T/two-want.txt"
run clean "$T/trad.txt" "$T/pinyin.txt"
same_file "two files: cleaned in order, one empty line between" "$T/two-want.txt" "$T/out"

# ------------------------------------------------------------ encodings
printf '\357\273\277' > "$T/bom8.txt"
cat "$T/trad.txt" >> "$T/bom8.txt"
run clean "$T/bom8.txt"
same_file "UTF-8 with BOM (BOM removed)" "$T/want.txt" "$T/out"

if command -v iconv > /dev/null 2>&1; then
  { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$T/pinyin.txt"; } > "$T/u16le.txt"
  { printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$T/pinyin.txt"; } > "$T/u16be.txt"
  run clean "$T/u16le.txt"
  same_file "UTF-16LE with BOM: same as the UTF-8 original" "$T/want.txt" "$T/out"
  run clean "$T/u16be.txt"
  same_file "UTF-16BE with BOM: same as the UTF-8 original" "$T/want.txt" "$T/out"
  run clean --encoding utf-16be "$T/u16be.txt"
  same_file "UTF-16BE with --encoding utf-16be" "$T/want.txt" "$T/out"

  iconv -f UTF-8 -t GB18030 "$T/trad.txt" > "$T/gb.txt"
  run clean "$T/gb.txt"
  if [ ! -s "$T/err" ]; then same_file "GB18030 (traditional text) detected" "$T/want.txt" "$T/out"; else notok "GB18030 (traditional text) detected" "$(why)"; fi
  run clean --encoding gb18030 "$T/gb.txt"
  same_file "GB18030 with --encoding gb18030" "$T/want.txt" "$T/out"
  run clean --encoding GBK "$T/gb.txt"
  same_file "GB18030 with --encoding GBK" "$T/want.txt" "$T/out"
  iconv -f UTF-8 -t GB18030 "$T/want.txt" > "$T/gb-simp.txt"
  run clean "$T/gb-simp.txt"
  same_file "GBK (simplified text) detected" "$T/want.txt" "$T/out"

  iconv -f UTF-8 -t BIG5 "$T/trad.txt" > "$T/big5.txt"
  run clean "$T/big5.txt"
  if [ ! -s "$T/err" ]; then same_file "Big5 detected" "$T/want.txt" "$T/out"; else notok "Big5 detected" "$(why)"; fi
  run clean --encoding big5 "$T/big5.txt"
  same_file "Big5 with --encoding big5" "$T/want.txt" "$T/out"
  run clean --keep-script --encoding big5 "$T/big5.txt"
  same_file "Big5 with --keep-script keeps traditional" "$T/trad.txt" "$T/out"
else
  for n in "UTF-16LE with BOM" "UTF-16BE with BOM" "GB18030" "Big5"; do skip "$n" "iconv not installed"; done
fi

# ------------------------------------------------------------ damaged input
# Invalid bytes in otherwise good UTF-8: U+FFFD, one warning with the count.
{ printf '%s' "$trad"; printf '\377'; printf '%s' "$trad"; printf '\376'; printf '%s\n' "$trad"; } > "$T/invalid.txt"
run clean "$T/invalid.txt"
n_repl=$(grep -o "$REPL" "$T/out" | wc -l | tr -d ' ')
if [ $rc -eq 0 ] && [ "$n_repl" -eq 2 ] && [ "$(lines "$T/err")" -eq 1 ] && has "$T/err" "^tifa: $T/invalid.txt: .*2" &&
  has "$T/out" "发展。$REPL国务院"; then
  ok "invalid bytes: U+FFFD in the text, one warning with the count, exit 0"
else notok "invalid bytes: U+FFFD in the text, one warning with the count, exit 0" "$(why)" "U+FFFD in output: $n_repl" "$(head -c 400 "$T/out")"; fi

# A multibyte sequence cut by the end of the file (first two bytes of 國).
{ printf '%s\n' "$trad"; printf '%s' "$trad"; printf '\345\234'; } > "$T/truncated.txt"
run clean "$T/truncated.txt"
if [ $rc -eq 0 ] && has "$T/out" "发展。$REPL" && has "$T/err" 'warning' && [ "$(lines "$T/err")" -eq 1 ]; then
  ok "truncated sequence at end of file: U+FFFD, warning, exit 0"
else notok "truncated sequence at end of file: U+FFFD, warning, exit 0" "$(why)" "$(tail -c 200 "$T/out" | od -c | tail -n 4)"; fi

# NUL bytes are not text.
{ printf '%s' "$trad"; printf '\000\000'; printf '%s\n' "$trad"; printf '\000'; } > "$T/nul.txt"
run clean "$T/nul.txt"
if [ $rc -eq 0 ] && [ "$(tr -d '\000' < "$T/out" | bytes /dev/stdin)" -eq "$(bytes "$T/out")" ] && has "$T/out" "发展" &&
  has "$T/out" "国务院常务会议"; then
  ok "NUL bytes: none in the output, text around kept, exit 0"
else notok "NUL bytes: none in the output, text around kept, exit 0" "$(why)" "$(od -c "$T/out" | head -n 4)"; fi

# UTF-16LE with lone surrogates: 國 <D800> A <DC00> 議 \n
printf '\377\376\013\127\000\330\101\000\000\334\160\213\012\000' > "$T/surrogate.txt"
run clean "$T/surrogate.txt"
if [ $rc -eq 0 ] && has "$T/out" "国${REPL}A${REPL}议" && has "$T/err" 'warning'; then
  ok "UTF-16 lone surrogates: U+FFFD each, warning, exit 0"
else notok "UTF-16 lone surrogates: U+FFFD each, warning, exit 0" "$(why)" "$(od -c "$T/out" | head -n 3)"; fi

# A UTF-16 file with an odd number of bytes.
printf '\377\376\013\127\160' > "$T/odd16.txt"
run clean "$T/odd16.txt"
if [ $rc -eq 0 ] && has "$T/out" "国$REPL"; then ok "UTF-16 with an odd trailing byte"; else notok "UTF-16 with an odd trailing byte" "$(why)" "$(od -c "$T/out" | head -n 3)"; fi

# Binary noise must not crash or hang.
if [ -r /dev/urandom ]; then
  head -c 200000 /dev/urandom > "$T/random.bin"
  timeout 20 "$TIFA" clean "$T/random.bin" > "$T/out" 2> "$T/err"
  rc=$?
  if [ $rc -eq 0 ] && iconv -f UTF-8 -t UTF-8 "$T/out" > /dev/null 2>&1; then
    ok "random bytes: valid UTF-8 out, exit 0"
  else
    cp "$T/random.bin" /tmp/tifa-cli-random.bin 2> /dev/null
    notok "random bytes: valid UTF-8 out, exit 0" "$(why)" "input kept in /tmp/tifa-cli-random.bin"
  fi
fi

# ------------------------------------------------------------ pathological nesting
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "("; printf "會議"; for (i = 0; i < 10000; i++) printf ")"; printf "\n" }' > "$T/nest.txt"
timeout 20 "$TIFA" clean "$T/nest.txt" > "$T/out" 2> "$T/err"
rc=$?
if [ $rc -eq 0 ] && has "$T/out" '会议' && [ "$(lines "$T/out")" -eq 1 ]; then
  ok "10,000 nested parentheses: no crash, done within 20 s"
else notok "10,000 nested parentheses: no crash, done within 20 s" "$(why)"; fi

awk 'BEGIN { printf "國"; for (i = 0; i < 10000; i++) printf "(guó)"; for (i = 0; i < 10000; i++) printf "(（"; printf "guó"; for (i = 0; i < 10000; i++) printf "）)"; printf "\n" }' > "$T/nest2.txt"
timeout 20 "$TIFA" clean "$T/nest2.txt" > "$T/out" 2> "$T/err"
rc=$?
if [ $rc -eq 0 ] && has "$T/out" '^国(（(（' && ! has "$T/out" 'guó)(guó'; then
  ok "10,000 nested mixed-width groups and 10,000 annotations in a row"
else notok "10,000 nested mixed-width groups and 10,000 annotations in a row" "$(why)"; fi

timeout 20 "$TIFA" convert "$T/nest.txt" > "$T/out" 2> "$T/err"
rc=$?
if [ $rc -eq 0 ] && [ "$(bytes "$T/out")" -eq "$(bytes "$T/nest.txt")" ]; then ok "convert of 10,000 nested parentheses"; else notok "convert of 10,000 nested parentheses" "$(why)"; fi

# ------------------------------------------------------------ 100 MB on one line
if [ "${TIFA_CLI_QUICK:-0}" = 1 ]; then
  skip "100 MB single line" "TIFA_CLI_QUICK=1"
else
  big=$T/big.txt
  n=$(printf '%s' "$trad" | wc -c | tr -d ' ')
  count=$((104857600 / n))
  yes "$trad" | tr -d '\n' | head -c $((count * n)) > "$big"
  in_bytes=$(bytes "$big")
  timer=
  if [ -x /usr/bin/time ] && /usr/bin/time -f %M true > /dev/null 2>&1; then timer=/usr/bin/time; fi
  # Sanitizer builds carry shadow memory and quarantine: RSS means nothing there.
  sanitized=0
  if grep -q __asan_init "$TIFA" 2> /dev/null; then sanitized=1; fi
  for cmd in clean convert; do
    if [ -n "$timer" ]; then
      $timer -f 'maxrss %M' -o "$T/rss" "$TIFA" $cmd "$big" > "$T/big.out" 2> "$T/err"
    else
      "$TIFA" $cmd "$big" > "$T/big.out" 2> "$T/err"
    fi
    rc=$?
    out_bytes=$(bytes "$T/big.out")
    # Simplified text of the same characters: the same size, give or take
    # the final newline.
    if [ $rc -eq 0 ] && [ "$out_bytes" -ge "$in_bytes" ] && [ "$out_bytes" -le $((in_bytes + in_bytes / 1000)) ] &&
      [ "$(head -c $((n * 3)) "$T/big.out")" = "$simp$simp$simp" ]; then
      ok "100 MB single line: $cmd, output complete"
    else notok "100 MB single line: $cmd, output complete" "$(why)" "input $in_bytes bytes, output $out_bytes bytes"; fi
    # Every sentence converted: apart from line breaks (checked below), the
    # output is the simplified sentence repeated.
    tr -d '\n' < "$T/big.out" > "$T/big.flat"
    if yes "$simp" | tr -d '\n' | head -c $((count * n)) | cmp -s - "$T/big.flat"; then
      ok "100 MB single line: $cmd output text exact"
    else notok "100 MB single line: $cmd output text exact" "$(yes "$simp" | tr -d '\n' | head -c $((count * n)) | cmp - "$T/big.flat" 2>&1 | head -n 1)"; fi
    rm -f "$T/big.flat"
    if [ -z "$timer" ]; then
      skip "100 MB single line: $cmd peak RSS under 200 MB" "no GNU time"
    elif [ $sanitized = 1 ]; then
      skip "100 MB single line: $cmd peak RSS under 200 MB" "sanitizer build ($(sed -n 's/^maxrss //p' "$T/rss") KB)"
    else
      kb=$(sed -n 's/^maxrss //p' "$T/rss")
      if [ -n "$kb" ] && [ "$kb" -lt 204800 ]; then ok "100 MB single line: $cmd peak RSS under 200 MB ($((kb / 1024)) MB)"
      else notok "100 MB single line: $cmd peak RSS under 200 MB" "peak RSS ${kb:-?} KB"; fi
    fi
    if [ $cmd = clean ]; then
      # One paragraph in, one line out: no break where the input had none.
      nl=$(lines "$T/big.out")
      if [ "$nl" -eq 1 ]; then ok "100 MB single line: clean keeps it one line"
      else notok "100 MB single line: clean keeps it one line" "$nl lines in the output"; fi
    fi
  done
  rm -f "$big" "$T/big.out"
fi

# A 3 MB line of one character that dictionaries contain: no point in it
# where conversion could safely be cut, yet every character converts.
yes '國' | tr -d '\n' | head -c 3000000 > "$T/nosafe.txt"
run convert "$T/nosafe.txt"
if [ $rc -eq 0 ] && yes '国' | tr -d '\n' | head -c 3000000 | cmp -s - "$T/out"; then
  ok "convert: 3 MB line without a safe cut point converted exactly"
else notok "convert: 3 MB line without a safe cut point converted exactly" "$(why)" "$(yes '国' | tr -d '\n' | head -c 3000000 | cmp - "$T/out" 2>&1)"; fi
run clean "$T/nosafe.txt"
if [ $rc -eq 0 ] && yes '国' | tr -d '\n' | head -c 3000000 | cmp -s -n 3000000 - "$T/out" && [ "$(bytes "$T/out")" -eq 3000001 ]; then
  ok "clean: 3 MB line without a safe cut point converted exactly"
else notok "clean: 3 MB line without a safe cut point converted exactly" "$(why)" "$(yes '国' | tr -d '\n' | head -c 3000000 | cmp - "$T/out" 2>&1)"; fi
rm -f "$T/nosafe.txt"

# ------------------------------------------------------------ idempotence
# SPEC 2: `tifa clean` of a clean simplified text is that same text, so
# cleaning tifa's own output again changes nothing.
found=0
for f in "$SHARED"/golden/*.clean.txt; do
  [ -f "$f" ] || continue
  found=1
  name=golden/$(basename "$f")
  run clean "$f"
  same_file "clean of $name is itself" "$f" "$T/out"
done
for f in "$ROOT"/tests/readouts/*.txt; do
  [ -f "$f" ] || continue
  found=1
  name=readouts/$(basename "$f")
  # Both passes at once: the second reads the first as it is written.
  "$TIFA" clean "$f" 2> /dev/null | tee "$T/once" | "$TIFA" clean > "$T/out" 2> "$T/err"
  rc=$?
  if [ $rc -eq 0 ] && cmp -s "$T/once" "$T/out"; then ok "idempotent on $name"
  else notok "idempotent on $name" "$(why)" "$(diff "$T/once" "$T/out" | head -n 6)"; fi
done
[ $found = 1 ] || skip "idempotence" "no golden files or readouts found"

# ------------------------------------------------------------ convert
run convert -c klingon "$T/trad.txt"
if [ $rc -eq 2 ] && has "$T/err" 'klingon' && has "$T/err" 't2s' && has "$T/err" 's2t' && [ ! -s "$T/out" ]; then
  ok "convert with an unknown configuration: exit 2, known ones listed"
else notok "convert with an unknown configuration: exit 2, known ones listed" "$(why)"; fi

run clean --to klingon "$T/trad.txt"
if [ $rc -eq 2 ] && has "$T/err" 'klingon'; then ok "clean --to unknown configuration: exit 2"; else notok "clean --to unknown configuration: exit 2" "$(why)"; fi

run convert -c /usr/share/opencc/t2s.json "$T/trad.txt"
same_file "convert accepts OpenCC's configuration path" "$T/want.txt" "$T/out"

if command -v opencc > /dev/null 2>&1; then
  for f in "$SHARED"/seeds/*.txt "$T/trad.txt" "$T/pinyin.txt"; do
    [ -f "$f" ] || continue
    opencc -c t2s.json < "$f" > "$T/want-cc" 2> /dev/null || continue
    run convert -c t2s "$f"
    same_file "convert -c t2s equals opencc -c t2s.json on $(basename "$f")" "$T/want-cc" "$T/out"
  done
else
  skip "convert equals opencc" "opencc not installed"
fi

echo "$pass passed, $fail failed, $skipped skipped"
[ $fail -eq 0 ]
