#!/usr/bin/env python3
"""Strict field accuracy of `tifa extract` on a held-out labelled set.

usage: score-heldout.py TIFA LABEL_DIR TEXT_DIR [--verbose] [--floor F] [--per-file]

Scores the nine fields an analyst reads -- meeting name, date, place,
chair, speakers, present, source, numbered and quoted terms -- the way an
outside reviewer does: a field counts whenever the label OR tifa has a
value, so an invented value is a miss, not a free pass. A label's null
says "the text does not decide this". Labels are LABEL_DIR/NAME.expect.json
for TEXT_DIR/NAME.txt (conventions: tests/extract/README.md, set 4).

Comparison: chair by name; speakers and present as sets of names;
{"must", "may"} lists accept every must item and nothing outside must and
may; {"any": [...]} scalars accept any listed value (null included).
Labelled articles are paired in order with the tifa article that agrees on
most fields; a tifa meeting article left unpaired counts its valued fields
as misses (an invented meeting). Exit 1 when overall accuracy < --floor.
"""
import json, os, re, sys
from tifa_run import extract_all

FIELDS = ["meeting.name", "meeting.date", "meeting.place", "meeting.chair", "meeting.speakers",
          "meeting.present", "source", "terms.numbered", "terms.quoted"]


def get(article, field):
    if article is None:
        return None
    if "." in field:
        a, b = field.split(".")
        return (article.get(a) or {}).get(b)
    return article.get(field)


TITLES = False  # --titles: people compare as name and title, as check-seeds does


def person(x):
    if not isinstance(x, dict):
        return x
    return [x.get("name"), x.get("title")] if TITLES else x.get("name")


ASCII_PUNCT = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"})
HAN_SPACES = re.compile(r"(?<=[\u4e00-\u9fff0-9])[ \u3000]+(?=[\u4e00-\u9fff0-9])")


def fold(v):
    """ASCII punctuation read as its full-width form, and spaces between Han
    characters (and digits) as none, in labels and answers alike: the
    labelling conventions write "，" and "（）" inside Chinese text, and the
    cleaning contract removes such spaces ("补短板 促提升" is "补短板促提升"),
    which labellers copying the page did not always do."""
    if isinstance(v, str):
        return HAN_SPACES.sub("", v.translate(ASCII_PUNCT))
    if isinstance(v, list):
        return [fold(x) for x in v]
    if isinstance(v, dict):
        return {k: fold(x) for k, x in v.items()}
    return v


def norm(v, field):
    """Reduce a tifa value to what is compared: names for people (with
    their titles under --titles), punctuation folded."""
    return fold(norm_people(v, field))


def norm_people(v, field):
    if TITLES and field in ("meeting.chair", "meeting.speakers"):
        return [person(x) for x in v] if isinstance(v, list) else person(v)
    if field == "meeting.chair":
        return v.get("name") if isinstance(v, dict) else v
    if field == "meeting.speakers" and isinstance(v, list):
        return [x.get("name") if isinstance(x, dict) else x for x in v]
    return v


def norm_label(v, field):
    if isinstance(v, dict) and "must" in v:
        return {"must": norm(v["must"], field), "may": norm(v.get("may", []), field)}
    if isinstance(v, dict) and "any" in v:
        return {"any": [norm(x, field) for x in v["any"]]}
    return norm(v, field)


def has_value(v):
    if v is None or v == "" or v == []:
        return False
    if isinstance(v, dict) and "must" in v:
        return bool(v["must"])
    if isinstance(v, dict) and "any" in v:
        return all(has_value(x) for x in v["any"])
    return True


def agrees(exp, act):
    if isinstance(exp, dict) and "any" in exp:
        return any(agrees(x, act) for x in exp["any"])
    if isinstance(exp, dict) and "must" in exp:
        act = act or []
        allowed = exp["must"] + exp["may"]
        return all(x in act for x in exp["must"]) and all(x in allowed for x in act)
    if isinstance(exp, list):
        return set(map(json.dumps, exp)) == set(map(json.dumps, act or []))
    if exp is None:
        return not has_value(act)
    return exp == act


def error_kind(exp, act):
    """0 missed (tifa gave nothing), 1 invented (the text decides nothing),
    2 wrong (both have a value and they differ). 1 and 2 are the confident
    wrong values an analyst cannot see are wrong."""
    if not has_value(act):
        return 0
    if not has_value(exp) or (isinstance(exp, dict) and "any" in exp and None in exp["any"]):
        return 1
    return 2


def score_pair(exp_art, act_art, stats, name, verbose):
    """A label of kind "other" scores only the meeting fields: any value tifa
    gives there is an invented meeting."""
    exp_meeting = exp_art.get("kind") == "meeting"
    act_meeting = act_art is not None and act_art.get("kind") == "meeting"
    for f in FIELDS:
        in_meeting = f.startswith("meeting.")
        if not exp_meeting and not in_meeting:
            continue
        exp = norm_label(get(exp_art, f), f) if exp_meeting else None
        act = norm(get(act_art, f), f) if act_meeting or (act_art is not None and not in_meeting) else None
        if not has_value(exp) and not has_value(act):
            continue
        ok = agrees(exp, act)
        s = stats.setdefault(f, [0, 0, 0, 0, 0])
        s[1] += 1
        s[0] += ok
        if not ok:
            s[2 + error_kind(exp, act)] += 1
        if verbose and not ok:
            print(f"  {name[:44]:44} {f:17} want {json.dumps(exp, ensure_ascii=False)[:60]} got {json.dumps(act, ensure_ascii=False)[:60]}")


def score_file(record, label_dir, name, stats, verbose):
    exp = json.load(open(os.path.join(label_dir, name + ".expect.json"), encoding="utf-8"))
    arts = record.get("articles", [])
    used = set()
    start = 0
    for ea in exp.get("articles", []):
        best, best_hits = None, -1
        if ea.get("kind") != "meeting":
            # a page's furniture or a brief that is no meeting pairs with an
            # article tifa also calls other, never takes a meeting article a
            # later label needs (an invented meeting still counts, unpaired)
            others = [j for j in range(start, len(arts)) if arts[j].get("kind") != "meeting"]
            if others:
                used.add(others[0])
                start = others[0] + 1
            score_pair(ea, arts[others[0]] if others else None, stats, name, verbose)
            continue
        for j in range(start, len(arts)):
            hits = sum(agrees(norm_label(get(ea, f), f), norm(get(arts[j], f), f)) and has_value(get(arts[j], f))
                       for f in FIELDS) + (arts[j].get("kind") == ea.get("kind"))
            if hits > best_hits:
                best, best_hits = j, hits
        if best is not None:
            used.add(best)
            start = best + 1
        score_pair(ea, arts[best] if best is not None else None, stats, name, verbose)
    for j, a in enumerate(arts):
        if j not in used and a.get("kind") == "meeting":
            score_pair({"kind": "other"}, a, stats, name + " (unlabelled article)", verbose)


def main():
    args = sys.argv[1:]
    tifa, label_dir, text_dir = args[:3]
    floor = float(args[args.index("--floor") + 1]) if "--floor" in args else 0.0
    verbose = "--verbose" in args
    global TITLES
    TITLES = "--titles" in args
    names = sorted(f[:-len(".expect.json")] for f in os.listdir(label_dir) if f.endswith(".expect.json"))
    stats = {}
    per_file = []
    records = extract_all(tifa, [os.path.join(text_dir, n + ".txt") for n in names], "score-heldout")
    for name in names:
        s = {}
        score_file(records[os.path.join(text_dir, name + ".txt")], label_dir, name, s, verbose)
        for f, counts in s.items():
            st = stats.setdefault(f, [0, 0, 0, 0, 0])
            for i, c in enumerate(counts):
                st[i] += c
        per_file.append((name, sum(v[0] for v in s.values()), sum(v[1] for v in s.values())))
    if "--per-file" in args:
        for name, r, t in per_file:
            print(f"  {name[:60]:60} {r:3}/{t:<3}")
    right = sum(v[0] for v in stats.values())
    total = sum(v[1] for v in stats.values())
    print(f"strict accuracy on {len(names)} held-out readouts (a field counts when label or tifa has a value):")
    for f in FIELDS:
        r, t, missed, invented, wrong = stats.get(f, [0, 0, 0, 0, 0])
        print(f"  {f:18} {r:4}/{t:<4} {100.0 * r / t if t else 0:5.1f}%"
              f"   missed {missed:3}  invented {invented:3}  wrong {wrong:3}")
    acc = right / total if total else 0.0
    sums = [sum(v[i] for v in stats.values()) for i in range(2, 5)]
    print(f"  {'overall':18} {right:4}/{total:<4} {100.0 * acc:5.1f}%"
          f"   missed {sums[0]:3}  invented {sums[1]:3}  wrong {sums[2]:3}")
    print(f"  confident wrong values (invented + wrong): {sums[1] + sums[2]} of {total} fields"
          f" ({100.0 * (sums[1] + sums[2]) / total if total else 0:.1f}%)")
    ok = acc >= floor
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
