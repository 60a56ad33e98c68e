#!/usr/bin/env python3
"""bench/html_score.py — main text of saved web pages, scored against a peer's gold.

    python3 bench/html_score.py [--tifa build/tifa] [--peer DIR] [--floor F] [--recall-floor R] [--quiet]

The data: ../shared/peers/magic-html-zh/ (44 real Chinese pages from the
magic-html benchmark, html/ID.html, with the hand-made gold main text of
each in gold.jsonl). For each page `tifa clean FILE` gives the main text.

Scoring: ROUGE-L (longest common subsequence) precision, recall and F1, over
characters (non-space characters only, so whitespace and line breaks do not
count) and over jieba words (python3-jieba, whitespace tokens dropped).
Normalisation: tifa clean converts to simplified script and normalises
punctuation and spacing, so the gold goes through the same text pipeline
first: `tifa clean --text --keep-boilerplate` (nothing dropped, only
normalised). The LCS is bit-parallel (Hyyro's formula over Python big ints,
one bit per token of the gold), fast enough for the 40,000-character pages.

Speed: one `tifa clean` over all the pages, its user+sys CPU time (one
process, one core; the best of REPS=5 runs): pages per second and MB/s.

Exit status: 1 when --floor (mean character F1) or --recall-floor (mean
character recall) is given and not reached, or when tifa fails on a page.
"""
import argparse
import json
import os
import resource
import subprocess
import sys

try:
    import jieba
except ImportError:  # Debian's python3-jieba, when python3 is another build
    sys.path.append("/usr/lib/python3/dist-packages")
    try:
        import jieba
    except Exception:  # scored over characters only
        jieba = None
if jieba:
    jieba.setLogLevel(60)


def lcs_len(a, b):
    """Length of the LCS of token-id lists a and b, bit-parallel over a."""
    if not a or not b:
        return 0
    masks = {}
    for i, t in enumerate(a):
        masks[t] = masks.get(t, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for t in b:
        m = masks.get(t)
        if m is None:
            continue
        u = v & m
        v = ((v + u) | (v - u)) & full
    return len(a) - bin(v).count("1")


def rouge(cand, ref):
    ids = {}
    a = [ids.setdefault(t, len(ids)) for t in ref]
    b = [ids.setdefault(t, len(ids)) for t in cand]
    lcs = lcs_len(a, b)
    p = lcs / len(b) if b else 0.0
    r = lcs / len(a) if a else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f, p, r


def chars(text):
    return [c for c in text if not c.isspace()]


def words(text):
    if jieba is None:
        return chars(text)
    return [w for w in jieba.lcut(text) if w.strip()]


def run(cmd, data=None):
    r = subprocess.run(cmd, input=data, capture_output=True)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--tifa", default="build/tifa")
    ap.add_argument("--peer", default=os.path.join(here, "..", "..", "shared", "peers", "magic-html-zh"))
    ap.add_argument("--floor", type=float)
    ap.add_argument("--recall-floor", type=float)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    gold_path = os.path.join(args.peer, "gold.jsonl")
    if not os.path.exists(gold_path):
        print("ok - main text of the peer's pages # SKIP %s not found" % gold_path)
        print("0 passed, 0 failed, 1 skipped")
        return 0
    gold = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
    rows, failed = [], 0
    files = []
    for g in gold:
        path = os.path.join(args.peer, "html", g["id"] + ".html")
        files.append(path)
        rc, out, err = run([args.tifa, "clean", path])
        if rc != 0:
            failed += 1
            print("tifa failed on %s: %s" % (g["id"], err.strip()), file=sys.stderr)
        _, ref, _ = run([args.tifa, "clean", "--text", "--keep-boilerplate"], g["content"].encode("utf-8"))
        cf, cp, cr = rouge(chars(out), chars(ref))
        wf, wp, wr = rouge(words(out), words(ref))
        rows.append((g["id"][:8], cf, cp, cr, wf, wp, wr, g.get("url", "")))
    if not args.quiet:
        print("%-8s  %6s %6s %6s   %6s %6s %6s  %s" % ("page", "charF1", "P", "R", "wordF1", "P", "R", "url"))
        for r in rows:
            print("%-8s  %6.3f %6.3f %6.3f   %6.3f %6.3f %6.3f  %s" % (r[:7] + (r[7][:60],)))
    n = len(rows)
    mean = [sum(r[k] for r in rows) / n for k in range(1, 7)]
    print("mean      char F1 %.3f  P %.3f  R %.3f   word F1 %.3f  P %.3f  R %.3f   (%d pages%s)"
          % tuple(mean + [n, ", words by jieba" if jieba else ", no jieba: words are characters"]))
    # Speed: one process over every page, CPU time of that process.
    # The machine may be shared: the best of REPS runs (default 5).
    cpu = None
    for _ in range(int(os.environ.get("REPS", "5"))):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([args.tifa, "clean"] + files, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        cpu = t if cpu is None or t < cpu else cpu
    size = sum(os.path.getsize(f) for f in files)
    print("speed     %.0f pages/s, %.1f MB/s (%d pages, %.1f MB, %.3f s CPU, one process)"
          % (n / cpu if cpu else float("inf"), size / 1e6 / cpu if cpu else float("inf"), n, size / 1e6, cpu))
    status = 1 if failed else 0
    if args.floor is not None and mean[0] < args.floor:
        print("bench-html: mean character F1 %.3f is under the floor %.3f" % (mean[0], args.floor))
        status = 1
    if args.recall_floor is not None and mean[2] < args.recall_floor:
        print("bench-html: mean character recall %.3f is under the floor %.3f" % (mean[2], args.recall_floor))
        status = 1
    if args.floor is not None or args.recall_floor is not None:
        print("%d passed, %d failed" % (1 - status, status))
    return status


if __name__ == "__main__":
    sys.exit(main())
