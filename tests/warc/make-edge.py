#!/usr/bin/env python3
"""Writes the hand-made archives of tests/warc/edge/, with Python's own
gzip and zlib (a writer independent of tifa's reader), from the pages of
tests/warc/site/. Deterministic: fixed dates and ids, gzip mtime 0.

    python3 tests/warc/make-edge.py

Each archive tests one thing tests/warc.sh checks:
  v11.warc.gz        WARC/1.1, one member per record: chunked + gzip body,
                     a charset in Content-Type (right, and wrong), a 301,
                     revisit/resource/request/metadata records, an image,
                     Content-Encoding br (fails), a bad chunk size (fails),
                     WARC-Truncated: length, raw deflate on text/plain
  v10-folded.warc    plain WARC/1.0: a folded header line, <URI>, blank
                     lines between records, HTTP headers ending in LF only
  one-member.warc.gz the whole file one gzip member
  cut-member.warc.gz the last member cut in the middle of its page
  cut-plain.warc     plain, cut inside the last record's block
  damaged.warc.gz    the second member's deflate data overwritten
  not-warc.warc      text that is not an archive
  bad-length.warc    Content-Length: abc
  empty.warc         no bytes: no records
  utf8.warc.gz       v11.warc.gz's paths with UTF-8 pages only (tests/oom.c:
                     legacy encoding detection cannot report running out of
                     memory, so the out-of-memory test leaves it out)
"""
import gzip
import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.join(HERE, "site")
OUT = os.path.join(HERE, "edge")
BASE = "http://127.0.0.1:8000/"


def page(name):
    with open(os.path.join(SITE, name), "rb") as f:
        return f.read()


def record(version, rtype, n, uri, block, ctype="application/http; msgtype=response", extra=()):
    head = [f"WARC/{version}", f"WARC-Type: {rtype}", f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012d}>",
            f"WARC-Date: 2026-01-02T03:04:{n % 60:02d}Z"]
    if uri:
        head.append(f"WARC-Target-URI: {uri}")
    head += list(extra)
    head += [f"Content-Type: {ctype}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http(body, headers, status="200 OK", eol=b"\r\n"):
    lines = [f"HTTP/1.1 {status}".encode()] + [h.encode() for h in headers]
    return eol.join(lines) + eol + eol + body


def chunked(data, size=700):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += b"%x;ext=1\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\nX-Trailer: yes\r\n\r\n"


def gz(data):
    return gzip.compress(data, mtime=0)


def members(records):
    return b"".join(gz(r) for r in records)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def v11():
    info = record("1.1", "warcinfo", 1, None, b"software: make-edge.py\r\n", "application/warc-fields")
    xinhua = page("xinhua.html")
    gb = page("gb-detect.html")
    text = page("readout.txt")
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = deflater.compress(text) + deflater.flush()
    recs = [
        info,
        record("1.1", "request", 2, BASE + "xinhua.html", b"GET /xinhua.html HTTP/1.1\r\n\r\n",
               "application/http; msgtype=request"),
        record("1.1", "response", 3, BASE + "xinhua.html",
               http(chunked(gz(xinhua)), ["Content-Type: text/html; charset=UTF-8", "Content-Encoding: gzip",
                                          "Transfer-Encoding: chunked"]),
               extra=["WARC-Payload-Digest: sha1:AAAA"]),
        record("1.1", "response", 4, BASE + "gb-detect.html",
               http(gb, ['Content-Type: text/html; charset="gbk"'])),
        record("1.1", "response", 5, BASE + "gb-lying.html",
               http(gb, ["Content-Type: text/html; charset=utf-8"])),
        record("1.1", "response", 6, BASE + "moved.html",
               http(b"<html><body>moved</body></html>", ["Content-Type: text/html", "Location: /xinhua.html"],
                    "301 Moved Permanently")),
        record("1.1", "revisit", 7, BASE + "xinhua.html", http(b"", ["Content-Type: text/html"]),
               extra=["WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"]),
        record("1.1", "resource", 8, BASE + "resource.html", xinhua, "text/html"),
        record("1.1", "response", 9, BASE + "logo.png", http(page("logo.png"), ["Content-Type: image/png"])),
        record("1.1", "response", 10, BASE + "brotli.html",
               http(b"\x1b\x00\x00", ["Content-Type: text/html", "Content-Encoding: br"])),
        record("1.1", "response", 11, BASE + "badchunk.html",
               http(b"zz\r\nhello\r\n0\r\n\r\n", ["Content-Type: text/html", "Transfer-Encoding: chunked"])),
        record("1.1", "response", 12, BASE + "cut.html",
               http(xinhua[:len(xinhua) // 2], ["Content-Type: text/html"]), extra=["WARC-Truncated: length"]),
        record("1.1", "response", 13, BASE + "readout.txt",
               http(raw, ["Content-Type: text/plain", "Content-Encoding: deflate"])),
        record("1.1", "metadata", 14, BASE + "readout.txt", b"via: test\r\n", "application/warc-fields"),
    ]
    write("v11.warc.gz", members(recs))


def v10_folded():
    people = page("people.html")
    r1 = record("1.0", "response", 21, "<" + BASE + "people.html>", http(people, ["Content-Type: text/html"], eol=b"\n"))
    # Fold the WARC-Date line: WARC/1.0 allows a continuation line.
    r1 = r1.replace(b"WARC-Date: ", b"WARC-Date:\r\n  ", 1)
    r2 = record("1.0", "response", 22, "<" + BASE + "gov.html>", http(page("gov.html"), ["Content-Type: text/html"]))
    write("v10-folded.warc", r1 + b"\r\n\r\n" + r2)


def one_member():
    recs = [record("1.1", "response", 30 + i, BASE + p, http(page(p), ["Content-Type: text/html"]))
            for i, p in enumerate(["gov.html", "wechat.html", "markup.html"])]
    write("one-member.warc.gz", gz(b"".join(recs)))


def cut():
    recs = [record("1.1", "response", 40 + i, BASE + p, http(page(p), ["Content-Type: text/html"]))
            for i, p in enumerate(["gov.html", "wechat.html", "xinhua.html"])]
    data = members(recs)
    last = gz(recs[-1])
    write("cut-member.warc.gz", data[:len(data) - len(last) // 2])
    plain = b"".join(recs)
    write("cut-plain.warc", plain[:len(plain) - 700])
    damaged = bytearray(data)
    second = len(gz(recs[0]))
    for i in range(second + 20, second + 60):
        damaged[i] = 0xFF
    write("damaged.warc.gz", bytes(damaged))


def utf8():
    xinhua = page("xinhua.html")
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = deflater.compress(page("readout.txt")) + deflater.flush()
    recs = [
        record("1.1", "warcinfo", 51, None, b"software: make-edge.py\r\n", "application/warc-fields"),
        record("1.1", "response", 52, BASE + "xinhua.html",
               http(chunked(gz(xinhua)), ["Content-Type: text/html; charset=UTF-8", "Content-Encoding: gzip",
                                          "Transfer-Encoding: chunked"])),
        record("1.1", "response", 53, BASE + "moved.html",
               http(b"<html><body>moved</body></html>", ["Content-Type: text/html"], "301 Moved Permanently")),
        record("1.1", "response", 54, BASE + "brotli.html",
               http(b"\x1b\x00\x00", ["Content-Type: text/html", "Content-Encoding: br"])),
        record("1.1", "response", 55, BASE + "wechat.html", http(page("wechat.html"), ["Content-Type: text/html"])),
        record("1.1", "response", 56, BASE + "readout.txt",
               http(raw, ["Content-Type: text/plain; charset=utf-8", "Content-Encoding: deflate"])),
    ]
    write("utf8.warc.gz", members(recs))


def bad():
    write("not-warc.warc", "这不是网页存档，只是一段文字。\n".encode())
    write("bad-length.warc", b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\n")
    write("empty.warc", b"")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    v11()
    v10_folded()
    one_member()
    cut()
    utf8()
    bad()
