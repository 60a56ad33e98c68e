#!/usr/bin/env python3
"""Limits of `tifa serve` seen from clients (issue 16), with Python's own
http.client and raw sockets: argv[1] the port of a server with the default
limits (10 MB bodies, 64 connections a client address), argv[2] the port
of one started with --timeout 2. Prints "ok - NAME" / "not ok - NAME"."""
import http.client
import socket
import sys
import time

PORT, QUICK = int(sys.argv[1]), int(sys.argv[2])
results = []


def check(name, cond):
    print(("ok - " if cond else "not ok - ") + name)
    results.append(bool(cond))


WRITE = {"Origin": f"http://127.0.0.1:{PORT}", "Content-Type": "application/octet-stream"}


def post(body, **kw):
    """Python's client sends the whole body before it reads the answer: an
    answer sent early and the connection closed reach it as a reset."""
    c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    try:
        c.request("POST", "/api/add?name=big.txt", body=body, headers=WRITE, **kw)
        r = c.getresponse()
        return r.status, r.getheader("Connection"), r.read()
    except OSError as e:
        return repr(e), None, b""
    finally:
        c.close()


st, conn, body = post(b"a" * (11 << 20))
check(f"11 MB body with a length: http.client reads 413 (got {st})", st == 413 and b"limit" in body)
check(f"413 closes the connection (Connection: {conn})", conn == "close")
st, conn, body = post(iter([b"a" * (1 << 20)] * 11), encode_chunked=True)
check(f"11 MB chunked: http.client reads 413 (got {st})", st == 413 and b"limit" in body)


def get_stats(source="127.0.0.1"):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=5, source_address=(source, 0))
    s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close\r\n\r\n" % PORT)
    out = b""
    while True:
        b = s.recv(65536)
        if not b:
            break
        out += b
    s.close()
    return out


# 600 slow clients from one address (127.0.0.2: all of 127/8 is this
# machine), each sending half a request, then a byte now and then. Past
# 512 connections the server once refused everyone; 64 a client address
# leaves room for the others.
slow = []
for i in range(600):
    try:
        s = socket.create_connection(("127.0.0.1", PORT), timeout=5, source_address=("127.0.0.2", 0))
        s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n" % PORT)
        slow.append(s)
    except OSError:
        pass
time.sleep(0.5)
answered = 0
t0 = time.time()
for _ in range(8):
    try:
        answered += get_stats().startswith(b"HTTP/1.1 200")
    except OSError:
        pass
check(f"8 normal requests during 600 slow connections: {answered} answered", answered == 8 and time.time() - t0 < 10)
held = 0
for s in slow:
    s.setblocking(False)
    try:
        held += s.recv(1) != b""  # closed by the server: b""
    except BlockingIOError:
        held += 1  # still open, waiting
    except OSError:
        pass
check(f"the slow client address holds at most 64 connections ({held})", held <= 64)
for s in slow:
    s.close()

# An idle connection is closed after --timeout.
s = socket.create_connection(("127.0.0.1", QUICK), timeout=15)
t0 = time.time()
try:
    closed = s.recv(1) == b""
except OSError:
    closed = True
took = time.time() - t0
s.close()
check(f"--timeout 2: an idle connection closed after {took:.1f} s", closed and 1.5 <= took < 8)

sys.exit(0 if all(results) else 1)
