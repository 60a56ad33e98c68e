#!/bin/sh
# Writes what tifa prints — clean, convert, extract (tools/extract-snapshot.sh),
# web archives, the corpus commands and the server's answers — into files
# under OUT, so that a refactoring can be checked to leave every output
# byte-identical:
#   tools/output-snapshot.sh OLD-TIFA old; tools/output-snapshot.sh NEW-TIFA new; diff -r old new
# The corpus lane queries a corpus made once by the first binary run
# (OUT/../snapshot.db, kept): stored rows carry the time they were added,
# so each binary's own corpus is compared only through what holds no time.
set -u
tifa=$1 out=$2
case $tifa in /*) ;; *) tifa=$(pwd)/$tifa ;; esac
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/tests/serve-port.sh"
mkdir -p "$out"
out=$(cd "$out" && pwd)
shared=$(dirname "$out")/snapshot.db
tmp=$(mktemp -d)
trap 'kill $spid 2> /dev/null; rm -rf "$tmp"' EXIT
spid=

texts() {
    for f in "$here"/tests/readouts/*.txt "$here"/tests/extract-cases/*.txt "$here"/examples/*.txt \
             "$here"/tests/cases/*.in "$here"/../shared/seeds/*.txt "$here"/tests/set*/readouts/*.txt; do
        [ -f "$f" ] && echo "$f"
    done
}
pages() {
    for f in "$here"/tests/html/*.html "$here"/../shared/peers/magic-html-zh/html/*.html; do
        [ -f "$f" ] && echo "$f"
    done
}
# run FILE CMD...: the command's standard output and error, and its status.
run() {
    dest=$1; shift
    { echo "== $*" | sed "s|$tifa|tifa|; s|$tmp|TMP|g; s|$here|.|g"; "$@" 2>&1; echo "-- exit $?"; } >> "$dest"
}

# ------------------------------------------------------------ clean, convert
: > "$out/clean"
texts | while read -r f; do run "$out/clean" "$tifa" clean "$f"; done
pages | while read -r f; do run "$out/clean" "$tifa" clean --html "$f"; done
for f in "$here"/tests/readouts/*.txt; do
    run "$out/clean" "$tifa" clean --keep-script "$f"
    run "$out/clean" "$tifa" clean --to traditional "$f"
done
: > "$out/convert"
for f in "$here"/tests/readouts/*.txt; do
    for c in t2s s2t tw2sp hk2s; do run "$out/convert" "$tifa" convert -c $c "$f"; done
done

# ------------------------------------------------------------ extract
sh "$here/tools/extract-snapshot.sh" "$tifa" "$out/extract"
: > "$out/extract-forms"
for f in "$here"/tests/readouts/*.txt "$here"/examples/*.txt; do
    run "$out/extract-forms" "$tifa" extract --pretty "$f"
    run "$out/extract-forms" "$tifa" extract --with-raw "$f"
done
for f in "$here"/tests/warc/*.warc* "$here"/tests/warc/edge/*.warc*; do
    run "$out/extract-forms" "$tifa" extract --warc "$f"
    run "$out/extract-forms" "$tifa" extract --warc --with-clean "$f"
done

# ------------------------------------------------------------ the corpus
# Its own corpus: what adding says, and the rows without their times.
: > "$out/add"
db=$tmp/own.db
run "$out/add" "$tifa" add --db "$db" "$here/examples" "$here/tests/html" "$here/tests/readouts"
run "$out/add" "$tifa" add --db "$db" --warc "$here/tests/warc/crawl.warc.gz"
"$tifa" extract --with-raw "$here"/tests/set4/readouts/*.txt > "$tmp/records.jsonl" 2> /dev/null
run "$out/add" "$tifa" add --db "$db" --records "$tmp/records.jsonl"
run "$out/add" "$tifa" export --db "$db" --format csv
run "$out/add" "$tifa" export --db "$db" --format jsonl
run "$out/add" "$tifa" export --db "$db" --format records
run "$out/add" "$tifa" check --db "$db"

# The shared corpus: every reading command.
[ -f "$shared" ] || cp "$db" "$shared"
db=$tmp/shared.db
cp "$shared" "$db"
q=$out/corpus
: > "$q"
for w in 会议 发展 習近平 '"高质量发展"' '会议 AND 经济' 主持 zzzzqqq; do
    run "$q" "$tifa" search --db "$db" --json "$w"
    run "$q" "$tifa" search --db "$db" --color=never --all-copies "$w"
    run "$q" "$tifa" search --db "$db" --json --newest --limit 3 "$w"
done
run "$q" "$tifa" list --db "$db" --json
run "$q" "$tifa" list --db "$db" --color=never
run "$q" "$tifa" stats --db "$db"
for id in 1 2 3 7 40; do
    run "$q" "$tifa" show --db "$db" "$id"
    run "$q" "$tifa" show --db "$db" --json "$id"
    run "$q" "$tifa" show --db "$db" --raw "$id"
    for fmt in text bibtex csl-json; do run "$q" "$tifa" cite --db "$db" --format $fmt "$id"; done
done
run "$q" "$tifa" cite --db "$db" --format csl-json 1 2 3
run "$q" "$tifa" diff --db "$db" --color=never 1 2
run "$q" "$tifa" diff --db "$db" --color=always 3 7
run "$q" "$tifa" diff --db "$db" --json 1 2
run "$q" "$tifa" diff --color=never "$here/tests/readouts/001_state-council-plenary-2023-pinyin-emoji-meidafaner.txt" \
    "$here/tests/readouts/002_state-council-plenary-2023-pinyin-emoji-4debris.txt"
run "$q" "$tifa" trend --db "$db" --csv 会议 发展 改革
run "$q" "$tifa" trend --db "$db" --by month --csv 会议
run "$q" "$tifa" trend --db "$db" 会议 发展
run "$q" "$tifa" trend --db "$db" --svg "$tmp/t.svg" 会议 发展
cat "$tmp/t.svg" >> "$q"
run "$q" "$tifa" set --db "$db" --note 'a "quote" and a \ backslash' 2 'name=测试"会议"' place=
run "$q" "$tifa" log --db "$db" 2
run "$q" "$tifa" log --db "$db" --json 2
run "$q" "$tifa" list --db "$db" --json --limit 3
run "$q" "$tifa" export --db "$db" --format csv --bom
run "$q" "$tifa" export --db "$db" --format jsonl --all-copies

# ------------------------------------------------------------ the server
s=$out/serve
: > "$s"
"$tifa" serve --db "$db" --port 0 > "$tmp/serve.out" 2> "$tmp/serve.err" &
spid=$!
port=$(serve_port "$tmp/serve.out")
B=http://127.0.0.1:$port
for p in '/api/search?q=%E4%BC%9A%E8%AE%AE' '/api/search?q=%E5%8F%91%E5%B1%95&order=newest&limit=2' \
         '/api/search?q=zzzzqqq' '/api/search?q=' '/api/search?q=a&limit=x' \
         '/api/browse' '/api/browse?sort=oldest&limit=5' '/api/browse?q=%E4%BC%9A%E8%AE%AE&sort=relevance' \
         '/api/browse?year=undated' '/api/browse?year=20x' '/api/browse.csv' '/api/series' \
         '/api/trend?term=%E4%BC%9A%E8%AE%AE&term=%E5%8F%91%E5%B1%95' '/api/trend?term=%E4%BC%9A%E8%AE%AE&by=month' \
         '/api/trend.csv?term=%E4%BC%9A%E8%AE%AE' '/api/diff?a=1&b=2' '/api/diff?a=1&b=999' '/api/stats' \
         '/api/doc/1' '/api/doc/2' '/api/doc/3/raw' '/api/doc/2/record' '/api/doc/2/corrections' \
         '/api/doc/1/cite' '/api/doc/1/cite?format=bibtex' '/api/doc/1/cite?format=csl-json' '/api/doc/999' \
         '/api/nothing' '/'; do
    echo "== GET $p" >> "$s"
    curl -s -g -D - "$B$p" | tr -d '\r' | grep -iv '^date:\|^set-cookie:\|^etag:\|^last-modified:' >> "$s"
    echo >> "$s"
done
echo "== POST /api/add" >> "$s"
curl -s -H "Origin: $B" -H 'Content-Type: application/octet-stream' --data-binary @"$here/tests/readouts/001_state-council-plenary-2023-pinyin-emoji-meidafaner.txt" \
    "$B/api/add?name=x.txt" | sed 's/"id":[0-9]*/"id":N/g' >> "$s"
echo >> "$s"
echo "== POST /api/doc/2/correct" >> "$s"
curl -s -H "Origin: $B" -H 'Content-Type: application/json' --data-binary '{"place":"北京	x"}' \
    "$B/api/doc/2/correct" | sed 's/"at":"[^"]*"/"at":T/g' >> "$s"
echo >> "$s"
kill $spid
wait $spid 2> /dev/null
spid=
sed "s|http://127.0.0.1:[0-9]*|URL|; s|$tmp|TMP|" "$tmp/serve.out" >> "$s"
# Corrections carry the time they were made.
sed -i 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z/TIME/g' "$q" "$s"
echo "snapshot: $(cat "$out"/* | wc -c) bytes in $out"
