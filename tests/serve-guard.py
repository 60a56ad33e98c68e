#!/usr/bin/env python3
"""The Host and Origin checks of `tifa serve` (src/serve/guard.c), with
Python's http.client against a running server: argv[1] its port, argv[2]
a name it was started with (--allow-host). Prints "ok - NAME" or
"not ok - NAME" a line; exit 1 on any failure.

What a browser sends in each attack is written out by hand: a cross-site
form (text/plain or urlencoded, Origin of the other site), a no-cors fetch
(the same), a form from a page with no-referrer (no Origin at all, or
"null"), a DNS-rebinding page (Host: its own name). Each must be refused
and store nothing; the same request from the server's own page must work."""
import http.client
import json
import sys

PORT = int(sys.argv[1])
ALLOWED = sys.argv[2]
SELF = f"http://127.0.0.1:{PORT}"
results = []


def check(name, cond):
    print(("ok - " if cond else "not ok - ") + name)
    results.append(bool(cond))


def request(method, path, headers, body=None, host=None):
    """headers: a list of pairs (repeats allowed); Host is set only when
    given (skip_host), so that a missing or doubled Host can be sent."""
    c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    c.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    if host is not None:
        c.putheader("Host", host)
    for k, v in headers:
        c.putheader(k, v)
    if body is not None:
        c.putheader("Content-Length", str(len(body)))
    c.endheaders(body)
    r = c.getresponse()
    data = r.read()
    c.close()
    return r, data


def documents():
    r, d = request("GET", "/api/stats", [], host=f"127.0.0.1:{PORT}")
    return json.loads(d)["documents"]


def error_message(data):
    try:
        return json.loads(data)["error"]
    except (ValueError, KeyError):
        return ""


HOST = f"127.0.0.1:{PORT}"
doc = "会议指出，守卫测验要坚持同源写入。".encode()
n0 = documents()

# --------------------------------------------------------------- writes refused
cases = [
    ("cross-site text/plain form", [("Origin", "http://evil.example"), ("Content-Type", "text/plain")]),
    ("cross-site no-cors fetch, octet-stream would need a preflight: text/plain",
     [("Origin", "http://evil.example"), ("Content-Type", "text/plain;charset=UTF-8")]),
    ("cross-site with our content type", [("Origin", "http://evil.example"), ("Content-Type", "application/octet-stream")]),
    ("cross-site from another port of localhost", [("Origin", "http://127.0.0.1:1"), ("Content-Type", "application/json")]),
    ("cross-site https origin", [("Origin", "https://127.0.0.1:%d" % PORT), ("Content-Type", "application/json")]),
    ("no Origin, no Referer, form type", [("Content-Type", "application/x-www-form-urlencoded")]),
    ("no Origin, no Referer, our type", [("Content-Type", "application/octet-stream")]),
    ("Origin null (no-referrer page, sandboxed frame)", [("Origin", "null"), ("Content-Type", "application/octet-stream")]),
    ("foreign Referer, no Origin", [("Referer", "http://evil.example/page"), ("Content-Type", "application/octet-stream")]),
    ("Referer that only starts like ours", [("Referer", SELF + ".evil.example/"), ("Content-Type", "application/octet-stream")]),
    ("same origin but a form's text/plain", [("Origin", SELF), ("Content-Type", "text/plain")]),
    ("same origin, multipart form", [("Origin", SELF), ("Content-Type", "multipart/form-data; boundary=x")]),
    ("same origin, no Content-Type", [("Origin", SELF)]),
    ("two Origins, the first ours", [("Origin", SELF), ("Origin", "http://evil.example"),
                                     ("Content-Type", "application/octet-stream")]),
]
for name, headers in cases:
    r, d = request("POST", "/api/add?name=guard.txt", headers, doc, host=HOST)
    check(f"{name}: 403 with a message (got {r.status})", r.status == 403 and "refused" in error_message(d))
    check(f"{name}: security headers kept", r.getheader("X-Content-Type-Options") == "nosniff"
          and "default-src" in (r.getheader("Content-Security-Policy") or ""))
r, d = request("DELETE", "/api/search?q=a", [("Content-Type", "application/json")], host=HOST)
check(f"DELETE without Origin: 403 (got {r.status})", r.status == 403)
r, d = request("PUT", "/api/add", [("Origin", "http://evil.example"), ("Content-Type", "application/json")], b"x",
               host=HOST)
check(f"cross-site PUT: 403 (got {r.status})", r.status == 403)
check("nothing stored by any refused write", documents() == n0)

# --------------------------------------------------------------- hosts refused
for name, host in [("DNS rebinding name", f"evil.example:{PORT}"), ("a name without port", "evil.example"),
                   ("localhost on another port", "localhost:1"), ("127.0.0.1 without port (80)", "127.0.0.1"),
                   ("a subdomain of localhost", f"a.localhost.evil.example:{PORT}"),
                   ("a bad port", f"127.0.0.1:{PORT}x"), ("empty", ""),
                   ("the port with a leading zero (found by fuzz_route)", f"127.0.0.1:0{PORT}"),
                   ("the allowed name with junk", f"{ALLOWED}.evil.example:{PORT}")]:
    for path in ("/api/stats", "/", "/api/doc/1/raw"):
        r, d = request("GET", path, [], host=host)
        check(f"Host {name!r} GET {path}: 421 (got {r.status})", r.status == 421 and "host" in error_message(d))
r, d = request("POST", "/api/add?name=guard.txt", [("Origin", "http://evil.example:%d" % PORT),
                                                   ("Content-Type", "application/octet-stream")], doc,
               host=f"evil.example:{PORT}")
check(f"rebinding page posting to itself: 421 (got {r.status})", r.status == 421)
r, d = request("GET", "/api/stats", [])
check(f"no Host at all: refused (got {r.status})", r.status in (400, 421))
r, d = request("GET", "/api/stats", [("Host", f"evil.example:{PORT}")], host=HOST)
check(f"two Hosts: refused (got {r.status})", r.status in (400, 421))
check("nothing stored by a foreign host", documents() == n0)

# --------------------------------------------------------------- answered
for host in (HOST, f"localhost:{PORT}", f"LOCALHOST:{PORT}", ALLOWED, f"{ALLOWED}:8443"):
    r, d = request("GET", "/api/stats", [], host=host)
    check(f"Host {host}: 200 (got {r.status})", r.status == 200)
r, d = request("POST", "/api/add?name=guard-json.txt", [("Origin", SELF), ("Content-Type", "application/json")], doc,
               host=HOST)
check(f"same-origin JSON POST: stored (got {r.status} {d[:80]!r})", r.status == 200 and json.loads(d)["result"] == "added")
doc2 = doc + "第二份。".encode()
r, d = request("POST", "/api/add?name=guard-ref.txt", [("Referer", SELF + "/add"), ("X-Tifa-Request", "1"),
                                                       ("Content-Type", "text/plain")], doc2, host=HOST)
check(f"same-origin Referer and the custom header: stored (got {r.status})", r.status == 200)
doc3 = doc + "第三份。".encode()
r, d = request("POST", "/api/add?name=guard-local.txt", [("Origin", f"http://localhost:{PORT}"),
                                                         ("Content-Type", "application/octet-stream")], doc3,
               host=f"localhost:{PORT}")
check(f"from http://localhost:PORT, octet-stream (the web page's add): stored (got {r.status})", r.status == 200)
doc4 = doc + "第四份。".encode()
r, d = request("POST", "/api/add?name=guard-allowed.txt", [("Origin", f"http://{ALLOWED}"),
                                                           ("Content-Type", "application/octet-stream")], doc4,
               host=ALLOWED)
check(f"from the --allow-host name: stored (got {r.status})", r.status == 200)
check("the four accepted writes stored", documents() == n0 + 4)

sys.exit(0 if all(results) else 1)
