#!/usr/bin/env python3
"""The held-out scorer's comparisons, checked on made-up values, so that a
change to score-heldout.py cannot quietly make every field agree (or none).

usage: scorer-selftest.py   (prints TAP-like lines; exit 1 on a failure)
"""
import importlib.util, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
spec = importlib.util.spec_from_file_location("score_heldout", os.path.join(HERE, "score-heldout.py"))
sh = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sh)

CASES = [
    # (field, label, tifa value, agrees?)
    ("meeting.name", "市政协主席会议", "市政协主席会议", True),
    ("meeting.name", "市政协主席会议", "主席会议", False),
    ("meeting.name", {"any": ["三中全会", "十九届三中全会"]}, "十九届三中全会", True),
    ("meeting.name", {"any": [None, "会议"]}, None, True),
    ("meeting.name", None, "会议", False),
    ("meeting.chair", "王明", {"name": "王明", "title": "书记"}, True),
    ("meeting.speakers", ["王明", "李红"], [{"name": "李红"}, {"name": "王明"}], True),
    ("meeting.speakers", ["王明", "李红"], [{"name": "王明"}], False),
    ("meeting.speakers", {"must": ["王明"], "may": ["李红"]}, [{"name": "王明"}, {"name": "李红"}], True),
    ("meeting.speakers", {"must": ["王明"], "may": ["李红"]}, [{"name": "王明"}, {"name": "张伟"}], False),
    ("meeting.present", [], None, True),
    # ASCII punctuation in a label reads as its full-width form, and only that
    ("terms.quoted", ["发展为了人民,发展依靠人民"], ["发展为了人民，发展依靠人民"], True),
    ("terms.quoted", ["党组(扩大)会议"], ["党组（扩大）会议"], True),
    ("terms.quoted", ["发展为了人民,发展依靠人民"], ["发展为了人民、发展依靠人民"], False),
    # spaces between Han characters are layout, as the cleaning contract says; not between Latin words
    ("terms.quoted", ["补短板 促提升"], ["补短板促提升"], True),
    ("terms.quoted", ["Now 新闻"], ["Now新闻"], False),
]


def pairing_case():
    """A page of briefs: labels other, A, other, B against tifa's other, A, B.
    A label of kind other must not take B from the label that needs it."""
    import tempfile
    label = {"articles": [{"kind": "other"}, {"kind": "meeting", "meeting": {"name": "甲会议"}},
                          {"kind": "other"}, {"kind": "meeting", "meeting": {"name": "乙会议"}}]}
    record = {"articles": [{"kind": "other"}, {"kind": "meeting", "meeting": {"name": "甲会议"}},
                           {"kind": "meeting", "meeting": {"name": "乙会议"}}]}
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "x.expect.json"), "w", encoding="utf-8") as f:
            json.dump(label, f, ensure_ascii=False)
        stats = {}
        sh.score_file(record, d, "x", stats, False)
    right, total = stats["meeting.name"][:2]
    return right == 2 and total == 2


def main():
    failed = 0
    for i, (field, label, got, want) in enumerate(CASES, 1):
        ok = sh.agrees(sh.norm_label(label, field), sh.norm(got, field)) == want
        failed += not ok
        print(f"{'ok' if ok else 'not ok'} {i} - {field} {label!r} vs {got!r}")
    ok = pairing_case()
    failed += not ok
    print(f"{'ok' if ok else 'not ok'} {len(CASES) + 1} - an article labelled other does not take a later label's meeting")
    print(f"{len(CASES) + 1 - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
