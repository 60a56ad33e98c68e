#!/bin/sh
# Writes the test site tests/warc/site/ that make-crawl.sh crawls: web
# pages in UTF-8 (the cases of tests/html) and GB18030 (readouts of
# tests/readouts wrapped in a page, with and without a declared charset,
# made with iconv), a plain text readout, an image, and an index that
# links to all of them and to a page that is not there (a 404).
#   sh tests/warc/make-site.sh
set -eu
cd "$(dirname "$0")"
ROOT=../..
rm -rf site
mkdir site
for p in gov markup people wechat xinhua; do cp "$ROOT/tests/html/$p.html" "site/$p.html"; done
# A readout as a GB18030 page: the text's lines as paragraphs.
page() { # SOURCE TITLE META
  printf '<!DOCTYPE html>\n<html><head>%s<title>%s</title></head>\n<body><div class="content">\n' "$3" "$2"
  sed 's/&/\&amp;/g; s/</\&lt;/g; s/^/<p>/; s/$/<\/p>/' "$1"
  printf '</div></body></html>\n'
}
page "$ROOT/tests/readouts/101_yunnan-cppcc-standing-committee-2026-yndaily.txt" "省政协常委会议" \
  '<meta charset="gb18030">' | iconv -f UTF-8 -t GB18030 > site/gb-meta.html
page "$ROOT/tests/readouts/061_shangluo-city-party-standing-2019-epaper-benbaoxun-slrb.txt" "市委常委会" \
  '' | iconv -f UTF-8 -t GB18030 > site/gb-detect.html
cp "$ROOT/tests/readouts/021_shangrila-city-party-standing-2020-govcn.txt" site/readout.txt
# A 1x1 PNG: a response that is not a page.
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\10\6\0\0\0\37\25\304\211\0\0\0\rIDATx\234c\370\377\377?\0\5\376\2\376\247\65\201\204\0\0\0\0IEND\256B`\202' > site/logo.png
{
  printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>测试站</title></head><body><ul>\n'
  for f in gov markup people wechat xinhua gb-meta gb-detect; do printf '<li><a href="%s.html">%s</a></li>\n' "$f" "$f"; done
  printf '<li><a href="readout.txt">readout</a></li>\n<li><a href="missing.html">missing</a></li>\n'
  printf '</ul><img src="logo.png"></body></html>\n'
} > site/index.html
