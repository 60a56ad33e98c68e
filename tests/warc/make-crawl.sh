#!/bin/sh
# Writes crawl.warc.gz (one gzip member per record, as crawlers write
# them) and crawl.warc (plain) by crawling the test site with wget, a WARC
# writer independent of tifa: python3's http.server serves site/ on
# 127.0.0.1 (a free port), wget follows the index's links one level deep.
# The archives hold warcinfo, request, response (pages, a text file, an
# image, a 404) and metadata records. Nothing leaves this machine.
#   sh tests/warc/make-site.sh && sh tests/warc/make-crawl.sh
set -eu
cd "$(dirname "$0")"
T=$(mktemp -d /tmp/tifa-crawl.XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT INT TERM
python3 -u -m http.server 0 --bind 127.0.0.1 --directory site > "$T/server.log" 2>&1 &
pid=$!
port=
for _ in $(seq 50); do
  port=$(sed -n 's/.* port \([0-9][0-9]*\) .*/\1/p' "$T/server.log" | head -n 1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "make-crawl: http.server did not start" >&2; cat "$T/server.log" >&2; exit 1; }
crawl() { # WARC-NAME [wget options]
  name=$1
  shift
  # wget exits 8 when a link is a 404, as missing.html is on purpose.
  (cd "$T" && wget --quiet --recursive --level=1 --no-parent --no-host-directories --directory-prefix=pages \
     --warc-file="$name" "$@" "http://127.0.0.1:$port/index.html") || [ $? -eq 8 ]
}
crawl crawl
crawl crawl-plain --no-warc-compression
mv "$T/crawl.warc.gz" crawl.warc.gz
mv "$T/crawl-plain.warc" crawl.warc
echo "make-crawl: crawl.warc.gz and crawl.warc from http://127.0.0.1:$port/ ($(wget --version | head -n 1))"
