#!/bin/sh
# bench/make-corpus.sh [OUT] — build the benchmark input for bench/run.sh.
#
# Writes at least 50 MB (TIFA_BENCH_MB, default 50 MiB) of TRADITIONAL-script
# text with readout-like noise to OUT (default build/bench/trad.txt):
#   - sources: ../shared/seeds/*.txt and tests/readouts/*.txt (whatever
#     exists; files that are not valid UTF-8 are skipped, since opencc only
#     reads UTF-8). A source is taken as simplified when `opencc -c s2t`
#     changes more of it than `opencc -c t2s` does, and is then converted
#     with s2t so that the whole corpus is traditional;
#   - each source is cut where its page tail begins ("相關推薦", the portal
#     disclaimer "特別聲明", ...): tifa clean drops everything after such a
#     line, which in one 50 MB document would be nearly all of it;
#   - the copies vary: every copy starts with a counter/metadata line (as
#     portals print), its paragraphs are rotated, and one copy in three gets
#     extra inline pinyin annotations (會(huì), 國(guo), ...) taken from the
#     readings the sources themselves carry, and one in five gets stray
#     spaces between Han characters and digits (會議 13 日), so the corpus is
#     never one text repeated verbatim.
# Deterministic: the same sources give the same bytes. The file is not
# rebuilt when it exists and is newer than this script (FORCE=1 rebuilds).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out=${1:-build/bench/trad.txt}
mb=${TIFA_BENCH_MB:-50}
seeds=${TIFA_SEEDS:-$root/../shared/seeds}
readouts=${TIFA_READOUTS:-$root/tests/readouts}

if [ "${FORCE:-0}" != 1 ] && [ -s "$out" ] && [ "$out" -nt "$here/make-corpus.sh" ]; then
    echo "make-corpus: $out is up to date ($(wc -c <"$out") bytes)"
    exit 0
fi

command -v opencc >/dev/null 2>&1 || {
    echo "make-corpus: opencc not found (Debian package: opencc)" >&2; exit 1; }
command -v python3 >/dev/null 2>&1 || {
    echo "make-corpus: python3 not found" >&2; exit 1; }

mkdir -p "$(dirname "$out")"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tifa-corpus.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/src"

# Number of bytes CONFIG changes in FILE (a rough measure of how much of the
# text is in the other script).
changed() {
    opencc -c "$1.json" -i "$2" -o "$tmp/probe"
    { cmp -l "$2" "$tmp/probe" 2>/dev/null || true; } | wc -l
}

n=0; nsimp=0
for f in $(LC_ALL=C ls "$seeds"/*.txt "$readouts"/*.txt 2>/dev/null); do
    [ -s "$f" ] || continue
    if ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then
        echo "make-corpus: skipping $f (not UTF-8)" >&2
        continue
    fi
    n=$((n + 1))
    dst=$tmp/src/$(printf '%04d' "$n").txt
    t=$(changed t2s "$f")
    s=$(changed s2t "$f")
    if [ "$s" -gt "$t" ]; then
        opencc -c s2t.json -i "$f" -o "$dst"
        nsimp=$((nsimp + 1))
    else
        cp "$f" "$dst"
    fi
done
[ "$n" -gt 0 ] || { echo "make-corpus: no sources in $seeds or $readouts" >&2; exit 1; }
echo "make-corpus: $n sources ($nsimp converted from simplified with s2t)"

python3 - "$tmp/src" "$tmp/out" "$mb" <<'EOF'
import os, random, re, sys

src, dst, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
target = mb * 1024 * 1024

# A page ends where its "related articles" lists or the portal disclaimer
# begin: everything after is other content, and tifa clean drops the rest of
# the document from there on. Cut each source at that point, or the first such
# marker would turn the rest of the 50 MB into a tail nobody cleans.
tail = ("相關推薦", "熱點推薦", "相關閱讀", "相關新聞", "延伸閱讀", "往期回顧",
        "推薦閱讀", "熱門推薦", "猜你喜歡", "熱門文章", "精彩推薦", "更多精彩",
        "特別聲明", "Notice: The content above", "相關文章", "熱點新聞",
        "爲您推薦", "為您推薦", "今日推薦", "更多中國要聞", "更多新聞", "更多要聞",
        "相关推荐", "热点推荐", "相关阅读", "相关新闻", "延伸阅读", "往期回顾",
        "推荐阅读", "热门推荐", "猜你喜欢", "热门文章", "精彩推荐", "特别声明",
        "相关文章", "热点新闻", "为您推荐", "今日推荐", "更多中国要闻",
        "更多新闻", "更多要闻")

def cut_tail(lines):
    for i, l in enumerate(lines):
        s = l.strip(" \t\u3000")
        for m in tail:
            if s.startswith(m) and (len(s) <= len(m) + 4 or m[0] in "N特"):
                return lines[:i]
    return lines

docs = []
for name in sorted(os.listdir(src)):
    with open(os.path.join(src, name), encoding="utf-8") as f:
        text = f.read().lstrip("\ufeff")
    lines = cut_tail([l.rstrip("\r") for l in text.split("\n")])
    while lines and not lines[-1].strip():
        lines.pop()
    if lines:
        docs.append(lines)

# Readings the sources carry: 會(huì), 國(guo), 業(yè), ...
han = "\u3400-\u4dbf\u4e00-\u9fff"
tone = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü:"
ann = re.compile("([%s])[(（]\\s*([%s]{1,6}[1-5]?)\\s*[)）]" % (han, tone))
readings = {}
for lines in docs:
    for l in lines:
        for ch, py in ann.findall(l):
            readings.setdefault(ch, [])
            if py not in readings[ch]:
                readings[ch].append(py)
if not readings:  # no annotated source: a few common ones
    readings = {"會": ["huì"], "國": ["guó"], "業": ["yè"], "發": ["fā"],
                "議": ["yì"], "經": ["jīng"], "務": ["wù"], "進": ["jìn"]}
has_ann = re.compile("[(（]\\s*[%s]{1,6}[1-5]?\\s*[)）]" % tone)
digit_space = re.compile("([%s]) ?([0-9]+) ?(?=[%s])" % (han, han))

def annotate(line, rng, rate):
    out = []
    for i, ch in enumerate(line):
        out.append(ch)
        if ch in readings and rng.random() < rate:
            nxt = line[i + 1:i + 2]
            if nxt in ("(", "（"):
                continue
            r = readings[ch]
            py = r[rng.randrange(len(r))]
            out.append("(%s)" % py if rng.random() < 0.8 else "（%s ）" % py)
            if rng.random() < 0.1:  # doubled group, as in seed 000
                out.append("(%s)" % py)
    return "".join(out)

sources = ["新華社", "人民網", "央視新聞", "工信微報", "國資小新", "中國政府網"]
def header(k, rng):
    kind = k % 4
    if kind == 0:
        return "稿件編號:%07d" % k
    if kind == 1:
        return "發佈時間:%04d-%02d-%02d %02d:%02d 來源:%s" % (
            2003 + k % 23, 1 + k % 12, 1 + k % 28, k % 24, k % 60,
            sources[k % len(sources)])
    if kind == 2:
        return "閱讀 %d  分享至" % rng.randrange(100, 99999)
    return "http://www.gov.cn/xinwen/%04d-%02d/%02d/content_%07d.htm" % (
        2003 + k % 23, 1 + k % 12, 1 + k % 28, k)

size = 0
k = 0
with open(dst, "w", encoding="utf-8", newline="\n") as out:
    while size < target:
        lines = docs[k % len(docs)]
        rng = random.Random(k)
        r = (k // len(docs)) % len(lines)
        body = lines[r:] + lines[:r]
        if k % 3 == 1:
            rate = 0.05 + 0.05 * (k % 4)
            body = [annotate(l, rng, rate) if not has_ann.search(l) else l
                    for l in body]
        if k % 5 == 2:
            body = [digit_space.sub(r"\1 \2 ", l) for l in body]
        chunk = "\n".join([header(k, rng)] + body) + "\n\n"
        out.write(chunk)
        size += len(chunk.encode("utf-8"))
        k += 1
print("make-corpus: %d copies of %d documents, %d readings" %
      (k, len(docs), len(readings)))
EOF

mv "$tmp/out" "$out"
echo "make-corpus: wrote $out ($(wc -c <"$out") bytes)"
