#!/usr/bin/env python3
"""`tifa serve --token-file` (issue 16), with Python's http.client against
a running server: argv[1] its port, argv[2] the token. Every /api/
request needs the token (Bearer or the login cookie); pages and assets do
not (they hold no data and ask for it); /api/login sets an HttpOnly,
SameSite=Strict cookie only for the right token, and only from the
server's own page. Prints "ok - NAME" / "not ok - NAME"."""
import http.client
import json
import sys

PORT, TOKEN = int(sys.argv[1]), sys.argv[2]
SELF = f"http://127.0.0.1:{PORT}"
results = []


def check(name, cond):
    print(("ok - " if cond else "not ok - ") + name)
    results.append(bool(cond))


def request(method, path, headers=None, body=None):
    c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r, data


for path in ("/api/stats", "/api/search?q=%E4%BC%9A", "/api/doc/1", "/api/doc/1/raw"):
    r, d = request("GET", path)
    check(f"{path} without the token: 401 (got {r.status})", r.status == 401 and b"token" in d)
    check(f"{path} 401 says how (WWW-Authenticate)", (r.getheader("WWW-Authenticate") or "").startswith("Bearer"))
    r, d = request("GET", path, {"Authorization": "Bearer " + TOKEN})
    check(f"{path} with Authorization: Bearer: 200 (got {r.status})", r.status == 200)
for name, value in [("wrong", "x" * len(TOKEN)), ("a prefix", TOKEN[:-1]), ("longer", TOKEN + "x"), ("empty", "")]:
    r, d = request("GET", "/api/stats", {"Authorization": "Bearer " + value})
    check(f"a {name} token: 401 (got {r.status})", r.status == 401)
    r, d = request("GET", "/api/stats", {"Cookie": "tifa_token=" + value})
    check(f"a {name} token as the cookie: 401 (got {r.status})", r.status == 401)
r, d = request("GET", "/api/stats", {"Cookie": "other=1; tifa_token=" + TOKEN + "; more=2"})
check(f"the token as a cookie among others: 200 (got {r.status})", r.status == 200)
for path in ("/", "/static/app.js", "/add"):
    r, d = request("GET", path)
    check(f"{path} (no data in it) without the token: 200 (got {r.status})", r.status == 200)
doc = "会议指出，令牌测验要坚持。".encode()
r, d = request("POST", "/api/add?name=t.txt", {"Origin": SELF, "Content-Type": "application/octet-stream"}, doc)
check(f"an add without the token: 401, nothing stored (got {r.status})", r.status == 401)

LOGIN = {"Origin": SELF, "Content-Type": "application/json"}
r, d = request("POST", "/api/login", LOGIN, json.dumps({"token": "not-the-token-at-all"}).encode())
check(f"login with a wrong token: 401, no cookie (got {r.status})", r.status == 401 and not r.getheader("Set-Cookie"))
r, d = request("POST", "/api/login", {"Origin": "http://evil.example", "Content-Type": "application/json"},
               json.dumps({"token": TOKEN}).encode())
check(f"login from another site: 403, no cookie (got {r.status})", r.status == 403 and not r.getheader("Set-Cookie"))
r, d = request("POST", "/api/login", LOGIN, json.dumps({"token": TOKEN}).encode())
cookie = r.getheader("Set-Cookie") or ""
check(f"login with the token: 200 (got {r.status})", r.status == 200)
check(f"the cookie is HttpOnly, SameSite=Strict ({cookie[:11]}…)",
      cookie.startswith("tifa_token=" + TOKEN + ";") and "HttpOnly" in cookie and "SameSite=Strict" in cookie)
r, d = request("POST", "/api/add?name=t.txt", {"Origin": SELF, "Content-Type": "application/octet-stream",
                                               "Cookie": cookie.split(";")[0]}, doc)
check(f"an add with the cookie: stored (got {r.status})", r.status == 200 and json.loads(d)["result"] == "added")
sys.exit(0 if all(results) else 1)
