#!/usr/bin/env python3
"""Malformed and hostile HTTP sent raw to a running `tifa serve` (port in
argv[1]). Prints "ok - NAME" or "not ok - NAME" a line. What counts: the
server answers with an error status or closes the connection — never hangs
past the timeout with the socket open, never answers 200 to garbage, never
serves a file from the disk. tests/serve.sh checks afterwards that it is
still alive and exits cleanly."""
import socket
import sys
import threading
import time

PORT = int(sys.argv[1])
results = []
# The server answers only its own names (421 otherwise), and a write only
# from its own origin with a type a form cannot send (403 otherwise): the
# malformed requests below pass those checks, so that what they test is
# the malformation (tests/serve-guard.py tests the checks).
HOST = b"Host: 127.0.0.1:%d\r\n" % PORT
WRITE = HOST + b"Origin: http://127.0.0.1:%d\r\nContent-Type: application/octet-stream\r\n" % PORT


def raw(data, timeout=5.0, shut=True):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=timeout)
    out = b""
    try:
        s.sendall(data)
        if shut:
            s.shutdown(socket.SHUT_WR)
        while True:
            b = s.recv(65536)
            if not b:
                break
            out += b
    except (socket.timeout, ConnectionResetError, BrokenPipeError):
        pass
    finally:
        s.close()
    return out


def status(resp):
    line = resp.split(b"\r\n", 1)[0]
    parts = line.split()
    return int(parts[1]) if len(parts) >= 2 and parts[1].isdigit() else None


def check(name, cond):
    print(("ok - " if cond else "not ok - ") + name)
    results.append(cond)


def error_or_closed(name, data, **kw):
    r = raw(data, **kw)
    st = status(r)
    check(f"{name}: error status or closed (got {st})", st is None or st >= 400)
    check(f"{name}: nothing from the disk", b"root:" not in r)


error_or_closed("garbage request line", b"GARBAGE\r\n\r\n")
error_or_closed("binary noise", bytes(range(256)) * 4)
error_or_closed("empty line only", b"\r\n\r\n")
error_or_closed("unknown HTTP version", b"GET / HTTP/9.9\r\n" + HOST + b"\r\n")
error_or_closed("huge header", b"GET / HTTP/1.1\r\n" + HOST + b"X-Big: " + b"a" * 200000 + b"\r\n\r\n")
error_or_closed("many headers", b"GET / HTTP/1.1\r\n" + HOST + b"X-H: 1\r\n" * 20000 + b"\r\n")
error_or_closed("huge URL", b"GET /api/search?q=" + b"a" * 100000 + b" HTTP/1.1\r\n" + HOST + b"\r\n")


def no_disk(name, data):
    """Answered in some way (a NUL ends the path where libmicrohttpd reads
    it: what is before it may be served), never with a file from disk."""
    r = raw(data)
    check(f"{name}: nothing from the disk (got {status(r)})", b"root:" not in r)


no_disk("NUL in the path", b"GET /api/doc/1\x00/../../etc/passwd HTTP/1.1\r\n" + HOST + b"\r\n")
no_disk("%00 in the path", b"GET /static/app.js%00/../../etc/passwd HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
no_disk("bad percent escapes (searched as they are)", b"GET /api/search?q=%zz%f HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
error_or_closed("dot-dot raw", b"GET /../../../../etc/passwd HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
error_or_closed("dot-dot in static", b"GET /static/../../../etc/passwd HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
error_or_closed("encoded dot-dot", b"GET /static/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
error_or_closed("encoded slash", b"GET /static/..%2f..%2fetc%2fpasswd HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
error_or_closed("backslashes", b"GET /static/..\\..\\etc\\passwd HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
error_or_closed("absolute URI to a file", b"GET file:///etc/passwd HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
error_or_closed("negative Content-Length", b"POST /api/add HTTP/1.1\r\n" + WRITE + b"Content-Length: -1\r\n\r\nabc")
error_or_closed("overflowing Content-Length",
                b"POST /api/add HTTP/1.1\r\n" + WRITE + b"Content-Length: 99999999999999999999999\r\n\r\nabc")
error_or_closed("two Content-Lengths",
                b"POST /api/add HTTP/1.1\r\n" + WRITE + b"Content-Length: 3\r\nContent-Length: 5\r\n\r\nabcde")
error_or_closed("bad chunk size", b"POST /api/add HTTP/1.1\r\n" + WRITE + b"Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n")
error_or_closed("invalid UTF-8 query", b"GET /api/search?q=%ff%fe%80 HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
error_or_closed("control byte in a parameter", b"GET /api/search?q=a%01b HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
error_or_closed("id overflow", b"GET /api/doc/99999999999999999999999 HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
error_or_closed("CONNECT", b"CONNECT 127.0.0.1:22 HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
error_or_closed("TRACE", b"TRACE / HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")

# A truncated body: the client promises 1000 bytes and leaves.
error_or_closed("truncated body", b"POST /api/add HTTP/1.1\r\n" + WRITE + b"Content-Length: 1000\r\n\r\nshort")

# Keep-alive: several requests on one connection, all answered.
r = raw(b"".join(b"GET /api/stats HTTP/1.1\r\n" + HOST + b"\r\n" for _ in range(5)))
check("five requests on one connection: five answers", r.count(b"HTTP/1.1 200") == 5)
# HTTP/1.0: answered with a Host, refused without (which name it was
# meant for is unknown).
r = raw(b"GET /api/stats HTTP/1.0\r\n" + HOST + b"\r\n")
check("HTTP/1.0 request answered", status(r) == 200)
r = raw(b"GET /api/stats HTTP/1.0\r\n\r\n")
check("HTTP/1.0 without Host: 421", status(r) == 421)

# Slow clients that never finish their request do not block others.
slow = []
for _ in range(20):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=5)
    s.sendall(b"GET /api/stats HTTP/1.1\r\n" + HOST)
    slow.append(s)
t0 = time.time()
r = raw(b"GET /api/stats HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
check("answers while 20 requests hang half-sent", status(r) == 200 and time.time() - t0 < 3)
for s in slow:
    s.close()

# Many clients at once, each closing early.
def hit():
    try:
        s = socket.create_connection(("127.0.0.1", PORT), timeout=5)
        s.sendall(b"GET /api/search?q=%E4%BC%9A HTTP/1.1\r\n" + HOST + b"\r\n")
        s.close()
    except OSError:
        pass


threads = [threading.Thread(target=hit) for _ in range(50)]
for t in threads:
    t.start()
for t in threads:
    t.join()
r = raw(b"GET /api/stats HTTP/1.1\r\n" + HOST + b"Connection: close\r\n\r\n")
check("answers after 50 clients hung up mid-request", status(r) == 200)

sys.exit(0 if all(results) else 1)
