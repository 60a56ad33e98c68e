#!/usr/bin/env python3
"""File names are data (issue 16): a name that is not UTF-8, or that holds
newlines and terminal escape sequences, must come out of every JSON form
(list/search --json, export, the API) as valid UTF-8 JSON with the exact
bytes recoverable from file_raw, out of the CSV as valid UTF-8, and never
reach a terminal raw. Usage: python3 tests/names.py build/tifa-asan"""
import csv
import http.client
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

TIFA = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/tifa-asan")
ROOT = os.getcwd()
results = []


def check(name, cond):
    print(("ok - " if cond else "not ok - ") + name)
    results.append(bool(cond))


def run(*args, input=None):
    return subprocess.run([TIFA, *args], input=input, capture_output=True, timeout=120)


tmp = tempfile.mkdtemp()
try:
    docs = os.path.join(tmp, "docs").encode()
    os.mkdir(docs)
    texts = sorted(f for f in os.listdir(os.path.join(ROOT, "examples")) if f.endswith(".txt"))
    names = {
        b"\xff\xfe-latin1-\xe9.txt": "bytes that are never UTF-8",
        "会议纪要".encode("gbk") + b".txt": "a GBK name",
        b"evil\n\x1b[31mred\x1b]0;title\x07\x9b2J.txt": "a newline, ESC and BEL sequences, a C1 CSI",
        "合法的名字 100%.txt".encode(): "a UTF-8 name with % (left as it is)",
    }
    for i, name in enumerate(names):
        # Different readouts: each a first copy of its own.
        open(os.path.join(docs, name), "wb").write(open(os.path.join(ROOT, "examples", texts[i]), "rb").read())
    db = os.path.join(tmp, "n.db")
    r = run("add", "--db", db, docs)
    check(f"add: stored all four ({r.stderr[-80:]!r})", r.returncode == 0 and b"added 4," in r.stderr)

    def parses(out, what):
        try:
            lines = [json.loads(l) for l in out.decode("utf-8").splitlines()]
        except (UnicodeDecodeError, ValueError) as e:
            check(f"{what}: valid UTF-8 JSON ({e})", False)
            return []
        check(f"{what}: valid UTF-8 JSON", True)
        return lines

    def exact(d, what):
        """The file field and file_raw against the name on disk."""
        raw = d["file"].encode() if "file_raw" not in d else urllib.parse.unquote_to_bytes(d["file_raw"])
        base = os.path.basename(raw)
        check(f"{what}: file_raw gives the exact bytes of {names.get(base, base)!r}", base in names)
        if "file_raw" in d:
            check(f"{what}: a name not UTF-8 shows U+FFFD in file", "\ufffd" in d["file"])
        else:
            check(f"{what}: a UTF-8 name is left as it is, no file_raw", raw.decode() == d["file"])

    for cmd in (["list", "--json"], ["search", "--json", "会议"]):
        r = run(*cmd, "--db", db)
        hits = parses(r.stdout, " ".join(cmd))
        check(f"{' '.join(cmd)}: four hits", len(hits) == 4)
        for h in hits:
            exact(h, " ".join(cmd))
    r = run("export", "--db", db, "--format", "csv")
    try:
        rows = list(csv.reader(io.StringIO(r.stdout.decode("utf-8"), newline="")))
        check("export csv: valid UTF-8, a header and the four documents' rows (one a meeting)",
              rows[0][0] == "id" and len({row[0] for row in rows[1:]}) == 4)
        check("export csv: U+FFFD where a name is not UTF-8", sum("\ufffd" in row[rows[0].index("file")] for row in rows) == 3)
    except UnicodeDecodeError as e:
        check(f"export csv: valid UTF-8 ({e})", False)
    r = run("export", "--db", db, "--format", "jsonl")
    rows = parses(r.stdout, "export jsonl")
    check("export jsonl: U+FFFD where a name is not UTF-8", sum("\ufffd" in row["file"] for row in rows) == 3)
    r = run("export", "--db", db, "--format", "records")
    parses(r.stdout, "export records")

    # Terminals: no control byte of a name reaches them.
    r = run("list", "--db", db)
    out = r.stdout
    # (0x9b alone is a continuation byte of many Han characters: only the
    # UTF-8 C1 CSI, C2 9B, and a 0x9b after ASCII are control characters.)
    check("list on a terminal: no ESC, BEL or C1 CSI from a name",
          not re.search(rb"[\x1b\x07]|\xc2\x9b|[\x00-\x7f]\x9b", out))
    check("list on a terminal: the escapes shown as \\x1b, the newline as \\x0a", b"\\x1b[31mred" in out and b"evil\\x0a" in out)
    check("list on a terminal: bytes that are not UTF-8 shown as \\xff", b"\\xff\\xfe-latin1-\\xe9.txt" in out)
    os.symlink(b"nowhere", os.path.join(docs, b"gone\x1b[2J.txt"))
    r = run("add", "--db", db, docs)
    check("an error message naming a file: no ESC", b"\x1b" not in r.stderr and b"gone\\x1b[2J.txt" in r.stderr)

    # The API.
    srv = subprocess.Popen([TIFA, "serve", "--db", db, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = srv.stdout.readline().decode()
        port = int(re.search(r":(\d+)/", line).group(1))

        def get(path):
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", path)
            resp = c.getresponse()
            body = resp.read()
            c.close()
            return body

        body = get("/api/search?q=" + urllib.parse.quote("会议") + "&limit=10")
        d = parses(body, "API search")
        for h in (d[0]["results"] if d else []):
            exact(h, "API search")
            doc = parses(get(f"/api/doc/{h['id']}"), "API doc")
            if doc:
                exact(doc[0], "API doc")
    finally:
        srv.terminate()
        srv.wait(timeout=30)
    err = srv.stderr.read()
    check("server: no sanitizer report", b"Sanitizer" not in err and b"runtime error" not in err)
finally:
    shutil.rmtree(tmp)
sys.exit(0 if all(results) else 1)
