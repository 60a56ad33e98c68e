#!/usr/bin/env python3
"""How often two labellers agree on the same readouts.

usage: label-agreement.py LABEL_DIR_A LABEL_DIR_B [--verbose] [--as-answer]

Both directories hold NAME.expect.json labels (tests/setN/LABELLING.md) of
the same readouts, made independently. A field counts whenever either label
gives a value, as score-heldout.py counts tifa's fields, and two labels
agree when some answer satisfies both: scalars when their accepted values
({"any": [...]} or the one value) meet; lists when each label's "must"
items lie within the other's "must" and "may". People compare by name.
Articles pair in order.

--as-answer is stricter: B's label is read as a program's answer (its
"must" items, the first of its "any" values) and scored against A as
score-heldout.py scores tifa, so a "may" that B left out of its answer
while A requires it counts as a disagreement. That figure is the ceiling
a program reaches against one labeller when it answers as the other would.
"""
import json, os, sys

FIELDS = ["meeting.name", "meeting.date", "meeting.place", "meeting.chair", "meeting.speakers",
          "meeting.present", "source", "terms.numbered", "terms.quoted"]


def get(article, field):
    if article is None or article.get("kind") != "meeting" and field.startswith("meeting."):
        return None
    if "." in field:
        a, b = field.split(".")
        return (article.get(a) or {}).get(b)
    return article.get(field)


def name_of(x):
    return x.get("name") if isinstance(x, dict) else x


def accepted(v):
    """Scalars: the set of accepted values (None included when null is)."""
    vals = v["any"] if isinstance(v, dict) and "any" in v else [v]
    return {json.dumps(name_of(x), ensure_ascii=False) if x not in ("", []) else "null" for x in vals}


def must_may(v):
    if isinstance(v, dict) and "must" in v:
        return [name_of(x) for x in v["must"]], [name_of(x) for x in v.get("may", [])]
    return [name_of(x) for x in (v or [])], []


def has_value(v):
    if isinstance(v, dict) and "any" in v:
        return any(has_value(x) for x in v["any"])
    if isinstance(v, dict) and "must" in v:
        return bool(v["must"]) or bool(v.get("may"))
    return v not in (None, "", [])


def as_answer(v, is_list):
    """A label read as a program's answer: its must items, its first any."""
    if is_list:
        return {"must": must_may(v)[0], "may": []}
    if isinstance(v, dict) and "any" in v:
        return v["any"][0] if v["any"] else None
    return v


def agree(a, b, is_list):
    if is_list:
        (ma, ya), (mb, yb) = must_may(a), must_may(b)
        return set(ma) <= set(mb) | set(yb) and set(mb) <= set(ma) | set(ya)
    return bool(accepted(a) & accepted(b))


def main():
    args = sys.argv[1:]
    dir_a, dir_b = args[:2]
    verbose = "--verbose" in args
    answer = "--as-answer" in args
    names = sorted(set(os.listdir(dir_a)) & set(os.listdir(dir_b)))
    stats = {f: [0, 0] for f in FIELDS}
    for n in names:
        la = json.load(open(os.path.join(dir_a, n), encoding="utf-8")).get("articles", [])
        lb = json.load(open(os.path.join(dir_b, n), encoding="utf-8")).get("articles", [])
        for i in range(max(len(la), len(lb))):
            aa = la[i] if i < len(la) else None
            ab = lb[i] if i < len(lb) else None
            for f in FIELDS:
                va, vb = get(aa, f), get(ab, f)
                is_list = f in ("meeting.speakers", "meeting.present", "terms.numbered", "terms.quoted")
                if answer:
                    vb = as_answer(vb, is_list)
                if not has_value(va) and not has_value(vb):
                    continue
                ok = agree(va, vb, is_list)
                stats[f][0] += ok
                stats[f][1] += 1
                if verbose and not ok:
                    print(f"  {n[:40]:40} {f:17} A {json.dumps(va, ensure_ascii=False)[:70]}")
                    print(f"  {'':40} {'':17} B {json.dumps(vb, ensure_ascii=False)[:70]}")
    print(f"agreement of two labellers on {len(names)} readouts (a field counts when either gives a value):")
    for f in FIELDS:
        r, t = stats[f]
        print(f"  {f:18} {r:4}/{t:<4} {100.0 * r / t if t else 0:5.1f}%")
    r, t = sum(v[0] for v in stats.values()), sum(v[1] for v in stats.values())
    print(f"  {'overall':18} {r:4}/{t:<4} {100.0 * r / t if t else 0:5.1f}%")


if __name__ == "__main__":
    main()
