#!/usr/bin/env python3
"""Field accuracy of `tifa extract` on the hand-labelled development set.

usage: score-extract.py TIFA [--floor F] [--verbose] [--from N] [--to N]
       score-extract.py TIFA --cases DIR


For every tests/extract/NAME.expect.json, runs `TIFA extract` on
tests/readouts/NAME.txt and compares field by field: each expected
article is paired with the actual article that agrees with it on most
fields, then every labelled field counts as right or wrong. Lists compare
as sets, except the ordered ones (cues, present, speakers, editors);
{"any": [A, B]} accepts a value equal to any of them;
{"must": [...], "may": [...]} accepts any list holding every must item and
nothing outside must and may. Prints accuracy per field and overall; exits
1 when overall accuracy is below --floor, and stops with an error when tifa
exits non-zero or prints what is not JSON. --from/--to score only the
readouts numbered N and up / up to N (089 and later were collected after
the rules were written: a held-out set; so were 126 and later, in
session 3).

--cases DIR: regression cases, DIR/NAME.txt with DIR/NAME.expect.json
(same label format). Every labelled field of every case must match;
prints each failing field and `N passed, M failed` (cases).
"""
import json, os, sys
from tifa_run import extract_all

HERE = os.path.dirname(os.path.abspath(__file__))
ORDERED = {"cues", "present", "speakers", "editors"}


def same(exp, act, key):
    if isinstance(exp, dict) and "must" in exp and set(exp) <= {"must", "may"}:
        if not isinstance(act, list):
            return False
        allowed = exp["must"] + exp.get("may", [])
        return all(x in act for x in exp["must"]) and all(x in allowed for x in act)
    if isinstance(exp, dict) and set(exp) == {"any"}:
        return any(same(x, act, key) for x in exp["any"])
    if isinstance(exp, dict):
        return isinstance(act, dict) and all(k in act and same(v, act[k], k) for k, v in exp.items())
    if isinstance(exp, list):
        if not isinstance(act, list):
            return False
        if key in ORDERED or any(isinstance(x, dict) for x in exp):
            return len(exp) == len(act) and all(same(e, a, key) for e, a in zip(exp, act))
        return set(map(json.dumps, exp)) == set(map(json.dumps, act))
    return exp == act


def leaves(exp_article):
    """(field name, expected, getter) for every labelled field of an article."""
    out = []
    for k, v in exp_article.items():
        if k in ("meeting", "terms") and isinstance(v, dict):
            for k2, v2 in v.items():
                out.append((f"{k}.{k2}", v2, (lambda a, k=k, k2=k2: (a.get(k) or {}).get(k2, "<absent>"))))
        elif k not in ("must_contain", "must_not_contain"):
            out.append((k, v, (lambda a, k=k: a.get(k, "<absent>"))))
    return out


def text_path(name, text_dir=None):
    return os.path.join(text_dir or os.path.join(HERE, "readouts"), name + ".txt")


def score_file(act, name, stats, verbose, label_dir=None):
    exp = json.load(open(os.path.join(label_dir or os.path.join(HERE, "extract"), name + ".expect.json"), encoding="utf-8"))
    for k in ("script", "encoding"):
        if k in exp:
            stats.setdefault(k, [0, 0])
            stats[k][1] += 1
            stats[k][0] += exp[k] == act.get(k)
    arts = act.get("articles", [])
    start = 0
    for ea in exp.get("articles", []):
        fields = leaves(ea)
        best, best_hits = None, -1
        for j in range(start, len(arts)):
            hits = sum(same(v, get(arts[j]), f.split(".")[-1]) for f, v, get in fields)
            if hits > best_hits:
                best, best_hits = j, hits
        if best is not None:
            start = best + 1
        for f, v, get in fields:
            ok = best is not None and same(v, get(arts[best]), f.split(".")[-1])
            stats.setdefault(f, [0, 0])
            stats[f][1] += 1
            stats[f][0] += ok
            if verbose and not ok:
                got = get(arts[best]) if best is not None else "<no article>"
                print(f"  {name[:40]:40} {f:20} want {json.dumps(v, ensure_ascii=False)[:70]} got {json.dumps(got, ensure_ascii=False)[:70]}")


def run_cases(tifa, folder):
    names = sorted(f[:-len(".expect.json")] for f in os.listdir(folder) if f.endswith(".expect.json"))
    failed = 0
    records = extract_all(tifa, [text_path(n, folder) for n in names], "score-extract")
    for name in names:
        stats = {}
        score_file(records[text_path(name, folder)], name, stats, True, folder)
        if any(r != t for r, t in stats.values()):
            failed += 1
            print(f"not ok - {name}")
    print(f"{len(names) - failed} passed, {failed} failed")
    sys.exit(1 if failed or not names else 0)


def main():
    args = sys.argv[1:]
    tifa = args[0]
    if "--cases" in args:
        run_cases(tifa, args[args.index("--cases") + 1])
    floor = float(args[args.index("--floor") + 1]) if "--floor" in args else 0.0
    verbose = "--verbose" in args
    lo = int(args[args.index("--from") + 1]) if "--from" in args else 0
    hi = int(args[args.index("--to") + 1]) if "--to" in args else 10**9
    names = sorted(f[:-len(".expect.json")] for f in os.listdir(os.path.join(HERE, "extract"))
                   if f.endswith(".expect.json") and lo <= int(f[:3]) <= hi)
    stats = {}
    records = extract_all(tifa, [text_path(n) for n in names], "score-extract")
    for name in names:
        score_file(records[text_path(name)], name, stats, verbose)
    right = sum(v[0] for v in stats.values())
    total = sum(v[1] for v in stats.values())
    print(f"extract accuracy on {len(names)} hand-labelled readouts:")
    for f in sorted(stats):
        r, t = stats[f]
        print(f"  {f:22} {r:4}/{t:<4} {100.0 * r / t:5.1f}%")
    acc = right / total if total else 0.0
    print(f"  {'overall':22} {right:4}/{total:<4} {100.0 * acc:5.1f}%")
    ok = acc >= floor
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
