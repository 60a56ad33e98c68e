#!/usr/bin/env python3
"""The Python binding (issue 12, part 2), python/tifa over build/libtifa.so:
- tifa.clean and tifa.extract give byte for byte what `tifa clean` and
  `tifa extract` print, on every readout and page in tests/;
- extract_files and extract_warc write exactly what the CLI prints;
- two threads extracting at once give the same records as one;
- 100,000 calls grow the process's memory by less than 5 MB;
- errors raise tifa.Error with the library's message;
- Corpus search/list/get give what `tifa search/list --json` and `show` do;
- Corpus.reextract gives what `tifa reextract` does (--dry-run's lines);
- `import tifa` works with PYTHONPATH=python, and after make install from
  where Debian's python3 looks.
Usage: python3 tests/python.py build/tifa"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIFA = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/tifa")
sys.path.insert(0, os.path.join(ROOT, "python"))
os.environ.pop("TIFA_LIBRARY", None)
import tifa  # noqa: E402

results = []


def check(name, cond, why=""):
    print(("ok - " if cond else "not ok - ") + name)
    if not cond and why:
        for line in str(why).splitlines()[:8]:
            print("#   " + line)
    results.append(bool(cond))


def cli(*args, input=None):
    return subprocess.run([TIFA, *args], capture_output=True, input=input, timeout=600, cwd=ROOT)


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


os.chdir(ROOT)
check(f"the library is this tree's build ({tifa.library_path})",
      os.path.samefile(tifa.library_path, os.path.join(ROOT, "build", "libtifa.so")))
check("tifa.version() is the CLI's", "tifa " + tifa.version() == cli("--version").stdout.decode().strip())

docs = sorted(p for ext in ("txt", "html", "htm", "in") for p in glob.glob(f"tests/**/*.{ext}", recursive=True))
# One CLI run gives every record, a line each, in order.
want = cli("extract", *docs).stdout.decode().splitlines()
bad = [d for d, line in zip(docs, want) if tifa.extract_json(open(d, "rb").read(), name=d) != line]
check(f"extract: byte-identical to tifa extract on every readout and page in tests/ ({len(docs)})",
      len(want) == len(docs) and not bad, bad[:5])
check("extract: a dict, the record", tifa.extract(open(docs[0], "rb").read(), name=docs[0]) == json.loads(want[0]))
bad = []
for d in docs:
    r = cli("clean", d)
    if r.returncode == 0 and tifa.clean(open(d, "rb").read()) != r.stdout.decode():
        bad.append(d)
check(f"clean: byte-identical to tifa clean on the same {len(docs)}", not bad, bad[:5])
d = "tests/html/xinhua.html"
check("clean options: target, input, keep_boilerplate, encoding as the CLI's",
      tifa.clean(open(d, "rb").read(), target="s2t", input="text", keep_boilerplate=True, encoding="utf-8") ==
      cli("clean", "--to", "s2t", "--text", "--keep-boilerplate", "--encoding", "utf-8", d).stdout.decode() and
      tifa.clean(open(d, "rb").read(), target=None) == cli("clean", "--keep-script", d).stdout.decode())

tmp = tempfile.mkdtemp()
try:
    out = os.path.join(tmp, "files.jsonl")
    n = tifa.extract_files(docs + ["tests/none.txt"], out)
    check("extract_files: the file tifa extract prints, failures listed, counts",
          open(out).read().splitlines() == want and n.extracted == len(docs) and n.failed == 1 and
          n.failures == [("tests/none.txt", "No such file or directory")], n[:5])
    with open(out, "wb") as f:
        tifa.extract_files(docs[:3], f, pretty=True)
    check("extract_files: to an open file, pretty", open(out).read() == cli("extract", "--pretty",
                                                                             *docs[:3]).stdout.decode())
    for w in ("tests/warc/crawl.warc.gz", "tests/warc/edge/v11.warc.gz"):
        n = tifa.extract_warc(w, out)
        r = cli("extract", "--warc", w)
        check(f"extract_warc {os.path.basename(w)}: what tifa extract --warc prints, and its counts",
              open(out, "rb").read() == r.stdout and
              f"records {n.records}, responses {n.responses}, extracted {n.extracted}, failed {n.failed}" ==
              r.stderr.decode().splitlines()[-1], r.stderr)
    n1 = tifa.extract_warc("tests/warc/crawl.warc.gz", out, limit=4)
    first = open(out, "rb").read()
    n2 = tifa.extract_warc("tests/warc/crawl.warc.gz", out, start=n1.next)
    check("extract_warc: limit, then start at next: the same records as in one go",
          n1.extracted == 4 and first + open(out, "rb").read() == cli("extract", "--warc",
                                                                       "tests/warc/crawl.warc.gz").stdout)
    try:
        tifa.extract_warc("tests/warc/edge/cut-plain.warc", out)
        check("extract_warc: a damaged archive raises tifa.Error", False)
    except tifa.Error as e:
        check("extract_warc: a damaged archive raises tifa.Error naming the offset, after the records before it",
              "offset 4326: the file ends inside this record" in e.message and e.counts.extracted == 3 and
              len(open(out).read().splitlines()) == 3, e.message)

    # Two threads at once: each the same as one.
    outs = [os.path.join(tmp, f"t{i}.jsonl") for i in range(2)]
    threads = [threading.Thread(target=tifa.extract_files, args=(docs, o)) for o in outs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check("two threads extracting at once give the same records",
          all(open(o).read().splitlines() == want for o in outs))

    # Errors.
    for what, call, text in (
            ("an unknown configuration", lambda: tifa.clean(b"x", target="nope"), "nope"),
            ("an unknown encoding", lambda: tifa.clean(b"x", encoding="latin9"), "latin9"),
            ("a page over the HTML limit", lambda: tifa.extract(b"<html>" + b" " * (17 << 20), input="html"),
             "over the 16 MB limit"),
            ("a missing corpus", lambda: tifa.Corpus(os.path.join(tmp, "none.db")), "none.db")):
        try:
            call()
            check(f"tifa.Error for {what}", False)
        except tifa.Error as e:
            check(f"tifa.Error for {what}: {e}", text in str(e) and e.code in (tifa.EINPUT, tifa.EIO, tifa.EUSAGE))

    # Memory: 100,000 calls, after a warm-up.
    small = "國務院常務會議在京召開，會議指出，要做好穩就業工作。".encode()
    for _ in range(2000):
        tifa.clean(small)
        tifa.extract(small)
    before = rss_kb()
    for i in range(50000):
        tifa.clean(small)
        tifa.extract_json(small, name="x")
        if i % 1000 == 0:
            try:
                tifa.clean(small, target="nope")
            except tifa.Error:
                pass
    grown = rss_kb() - before
    check(f"100,000 calls grow memory by {grown} KB (< 5 MB)", grown < 5 * 1024)

    # The corpus.
    db = os.path.join(tmp, "c.db")
    cli("add", "--db", db, "examples", "tests/html")
    with tifa.Corpus(db) as c:
        hits = c.search("十五五", limit=5)
        r = cli("search", "--db", db, "--json", "--limit", "5", "十五五")
        check("Corpus.search: the hits of tifa search --json",
              hits and hits == [json.loads(l) for l in r.stdout.decode().splitlines()])
        r = cli("search", "--db", db, "--json", "--newest", "会议")
        check("Corpus.search(newest=True): the hits of tifa search --json --newest, newest first",
              c.search("会议", newest=True, limit=20) == [json.loads(l) for l in r.stdout.decode().splitlines()] and
              [h["id"] for h in c.search("会议", newest=True)] == sorted((h["id"] for h in c.search("会议")),
                                                                        reverse=True))
        r = cli("list", "--db", db, "--json", "--from", "2024")
        check("Corpus.list: the documents of tifa list --json (a filter too)",
              c.list(**{"from": "2024"}) == [json.loads(l) for l in r.stdout.decode().splitlines()] and
              len(c.list()) > len(c.list(**{"from": "2024"})))
        d = c.get(1)
        check("Corpus.get: record, clean text and raw bytes of the stored document",
              d["raw"] == open(d["file"], "rb").read() and d["record"] == json.loads(
                  tifa.extract_json(d["raw"], name=d["file"])) and d["clean"] == tifa.clean(d["raw"]))
        try:
            c.get(10 ** 6)
            check("Corpus.get: no such document raises tifa.Error", False)
        except tifa.Error as e:
            check("Corpus.get: no such document raises tifa.Error", "no document" in str(e))

    # Re-extraction: an older version's records (a name, terms) made today's again.
    import sqlite3
    fresh = {i: c for i, c in sqlite3.connect(db).execute("SELECT id, record FROM doc")}
    cli("set", "--db", db, "3", "date=2023-01-03")
    con = sqlite3.connect(db)
    con.execute("UPDATE doc SET record = json_set(record, '$.articles[0].meeting.name', '旧名称'), meeting = '旧名称'"
                " WHERE id = 3")
    con.execute("UPDATE doc SET record = json_set(record, '$.articles[0].terms', json('{}')) WHERE id = 4")
    con.commit()
    con.close()
    with tifa.Corpus(db) as c:
        dry = c.reextract(dry_run=True)
        r = cli("reextract", "--db", db, "--dry-run")
        lines = [f'#{x["id"]} {x["field"]}: {x["before"]} -> {x["after"]}' +
                 (f'  (corrected to {x["corrected"]}, which stays)' if x["corrected"] else "") for x in dry["changes"]]
        check("Corpus.reextract(dry_run=True): the changes tifa reextract --dry-run prints, nothing written",
              dry["changed"] == 2 and lines == r.stdout.decode().splitlines() and
              {x["id"] for x in dry["changes"]} == {3, 4}, r.stdout.decode() + repr(dry))
        try:
            c.reextract()
            check("Corpus.reextract on a read-only corpus raises tifa.Error", False)
        except tifa.Error as e:
            check("Corpus.reextract on a read-only corpus raises tifa.Error", e.code == tifa.EUSAGE, e)
    with tifa.Corpus(db, readonly=False) as c:
        n = c.reextract(ids=[4, 3, 10 ** 6], jobs=2)
        check("Corpus.reextract(ids): those documents, an unknown id failed by name",
              (n["documents"], n["changed"], n["failed"]) == (3, 2, 1) and
              n["failures"] == [{"id": 10 ** 6, "message": f"no document {10 ** 6} in the corpus"}], n)
        check("Corpus.reextract: today's records back, the correction kept",
              {i: r for i, r in sqlite3.connect(db).execute("SELECT id, record FROM doc")} == fresh and
              [h for h in c.list() if h["id"] == 3][0]["date"] == "2023-01-03")
        n = c.reextract(ids=[])
        check("Corpus.reextract(ids=[]): no document", n["documents"] == 0, n)

    # Installed: make install PREFIX=tmp, then Debian's python3 imports it
    # from the installed folder, with the installed library.
    prefix = os.path.join(tmp, "prefix")
    r = subprocess.run(["make", "-s", "install", f"PREFIX={prefix}"], capture_output=True, cwd=ROOT, timeout=600)
    site = glob.glob(os.path.join(prefix, "lib", "python3*", "dist-packages"))
    code = "import tifa, sys; print(tifa.library_path); sys.stdout.write(tifa.clean('國務院'.encode()))"
    env = dict(os.environ, PYTHONPATH=site[0] if site else "")
    env.pop("TIFA_LIBRARY", None)
    p = subprocess.run(["/usr/bin/python3", "-c", code], capture_output=True, env=env, cwd=tmp, timeout=60)
    check("after make install: python3 imports tifa from lib/python3.X/dist-packages with the installed library",
          r.returncode == 0 and p.returncode == 0 and
          p.stdout.decode().splitlines() == [os.path.join(prefix, "lib", "libtifa.so.0"), "国务院"],
          (r.stderr + p.stderr + p.stdout).decode())
    p = subprocess.run(["/usr/bin/python3", "-c", "import tifa; print(tifa.version())"], capture_output=True,
                       env=dict(os.environ, PYTHONPATH="python"), cwd=ROOT, timeout=60)
    check("python3 -c 'import tifa' with PYTHONPATH=python", p.returncode == 0 and p.stdout.strip() ==
          tifa.version().encode(), p.stderr)
finally:
    shutil.rmtree(tmp)

passed = sum(results)
print(f"{passed} passed, {len(results) - passed} failed")
sys.exit(0 if passed == len(results) else 1)
