#!/usr/bin/env python3
"""Property tests for `tifa extract` (SPEC section 3) on every real readout.

    python3 tests/extract-props.py PATH-TO-TIFA

Inputs: tests/readouts/*.txt, ../shared/seeds/*.txt (when present) and
examples/*.txt. For each file:

  json      exactly one line on stdout, exit 0, valid UTF-8, valid JSON,
            every string (keys too) valid UTF-8 (no lone surrogates)
  spans     each article's spans: 0 <= start <= end <= len(text) in code
            points, and the spanned text shows the field's value:
              meeting.name/org/attendees/place  the value (place 北京 may
                                                  be read from 在京)
              meeting.date                       the day number
              meeting.chair, meeting.speakers[i] the name, and the title
                                                  when not null
              meeting.present[i]                 exactly the name
  boiler    no article text holds page boilerplate markers
  pretty    `extract --pretty` parses to the same object
  repeat    extracting the file again gives the same bytes

Each file is extracted alone once; --pretty and the repeat run in one
invocation over all the files (a sanitizer build spends most of a short
run starting up), which also checks that one invocation writes one record
per file, in order, each the bytes of extracting it alone. Then a directory
or a missing file among the arguments makes tifa exit 1 with a `tifa: NAME`
message while the other files are still processed.

Prints `ok - ...` / `not ok - ...` lines and `N passed, M failed`; exits 1
on any failure.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 120

BOILERPLATE = ["特别声明", "相关推荐", "若需转载", "分享至", "Notice: The content above"]
SIMPLE_KEYS = {"meeting.name": "name", "meeting.org": "org", "meeting.attendees": "attendees",
               "meeting.place": "place"}
LIST_KEY = re.compile(r"^meeting\.(speakers|present)\[(\d+)\]$")
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

passed = 0
failed = 0


def report(ok, what, detail=None):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok - {what}")
    else:
        failed += 1
        print(f"not ok - {what}")
        if detail:
            for line in str(detail).splitlines():
                print(f"#   {line}")


def run(tifa, args):
    """Runs tifa; returns (exit code, stdout bytes, stderr text)."""
    try:
        p = subprocess.run([tifa] + args, cwd=ROOT, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, b"", f"timed out after {TIMEOUT} s"
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def inputs():
    files = sorted((ROOT / "tests" / "readouts").glob("*.txt"))
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        files += sorted(seeds.glob("*.txt"))
    files += sorted((ROOT / "examples").glob("*.txt"))
    return [os.path.relpath(f, ROOT) for f in files]


def strings_utf8(v, path="$"):
    """The first string (key or value) that is not valid UTF-8, or None."""
    if isinstance(v, str):
        try:
            v.encode("utf-8")
        except UnicodeEncodeError as e:
            return f"{path}: {e}"
        return None
    if isinstance(v, list):
        for i, x in enumerate(v):
            bad = strings_utf8(x, f"{path}[{i}]")
            if bad:
                return bad
    if isinstance(v, dict):
        for k, x in v.items():
            bad = strings_utf8(k, f"{path} key") or strings_utf8(x, f"{path}.{k}")
            if bad:
                return bad
    return None


def parse_record(out):
    """(record, None) or (None, why) for the stdout of one extract."""
    newlines = out.count(b"\n")
    if not out.endswith(b"\n") or newlines != 1:
        return None, f"expected exactly one line, got {newlines} newline(s), ends with {out[-20:]!r}"
    try:
        text = out.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, f"output is not UTF-8: {e}"
    try:
        rec = json.loads(text, object_pairs_hook=no_duplicate_keys)
    except ValueError as e:
        return None, f"not valid JSON: {e}"
    if not isinstance(rec, dict):
        return None, "record is not an object"
    bad = strings_utf8(rec)
    if bad:
        return None, f"string not valid UTF-8: {bad}"
    return rec, None


CN_DIGITS = "〇一二三四五六七八九"


def cn_number(n):
    """十九, 二十一, 三十: a day or month in Chinese numerals."""
    tens, unit = divmod(n, 10)
    s = ("" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十"))
    return s + (CN_DIGITS[unit] if unit else "")


def day_forms(date):
    """How the day of a yyyy-mm-dd date (or an mm-dd month_day) may be
    written in the text: digits, full-width digits, Chinese numerals, or a
    relative day (昨日, 今天) read against the page's date."""
    m = re.fullmatch(r"(?:\d{4}-)?\d{2}-(\d{2})", date or "")
    if not m:
        return None
    day = str(int(m.group(1)))
    forms = {day, m.group(1), cn_number(int(day)) + "日", "昨", "今"}
    return forms | {f.translate(FULLWIDTH) for f in forms}


def is_subsequence(value, seg):
    it = iter(seg)
    return all(c in it for c in value)


def span_problem(key, seg, meeting):
    """Why the spanned text seg does not show field key, or None."""
    if meeting is None:
        return "span for a meeting field, but the article has no meeting"
    if key in SIMPLE_KEYS:
        value = meeting.get(SIMPLE_KEYS[key])
        if not isinstance(value, str):
            return f"field is {value!r}"
        if value in seg:
            return None
        # A name put together from the subject and the object of 召开
        # ("市政协" + "主席会议"): its characters, in order, in the span.
        if key == "meeting.name" and is_subsequence(value, seg):
            return None
        if key == "meeting.place" and value == "北京" and "在京" in seg:
            return None
        return f"value {value!r} not in spanned text"
    if key in ("meeting.date", "meeting.month_day"):
        field = key.split(".")[1]
        forms = day_forms(meeting.get(field))
        if forms is None:
            return f"{field} is {meeting.get(field)!r}"
        return None if any(f in seg for f in forms) else f"day of {meeting[field]} not in spanned text"
    if key == "meeting.chair":
        return person_problem(meeting.get("chair"), seg)
    m = LIST_KEY.match(key)
    if m:
        items = meeting.get(m.group(1))
        i = int(m.group(2))
        if not isinstance(items, list) or i >= len(items):
            return f"no {m.group(1)}[{i}] in the record"
        if m.group(1) == "present":
            return None if seg == items[i] else f"spanned text is not the name {items[i]!r}"
        return person_problem(items[i], seg)
    return "unknown span key"


def person_problem(p, seg):
    if not isinstance(p, dict) or not isinstance(p.get("name"), str):
        return f"person is {p!r}"
    if p["name"] not in seg:
        return f"name {p['name']!r} not in spanned text"
    if p.get("title") is not None and p["title"] not in seg:
        return f"title {p['title']!r} not in spanned text"
    return None


def no_duplicate_keys(pairs):
    """A JSON object whose keys are unique (a reader would keep only one)."""
    keys = [k for k, _ in pairs]
    dup = sorted({k for k in keys if keys.count(k) > 1})
    if dup:
        raise ValueError(f"duplicate keys {dup}")
    return dict(pairs)


def check_spans(rec):
    problems = []
    for ai, art in enumerate(rec.get("articles", [])):
        text = art.get("text")
        spans = art.get("spans", {})
        if not isinstance(text, str) or not isinstance(spans, dict):
            problems.append(f"articles[{ai}]: text or spans missing")
            continue
        meeting = art.get("meeting")
        for key, val in spans.items():
            where = f"articles[{ai}].spans[{key!r}] = {val!r}"
            if not (isinstance(val, list) and len(val) == 2 and all(type(x) is int for x in val)):
                problems.append(f"{where}: not [start, end]")
                continue
            s, e = val
            if not 0 <= s <= e <= len(text):
                problems.append(f"{where}: outside text of {len(text)} characters")
                continue
            why = span_problem(key, text[s:e], meeting)
            if why:
                shown = {k: meeting.get(k) for k in ("name", "org", "date", "place", "chair", "attendees")} \
                    if meeting else None
                problems.append(f"{where}: {why}; spanned text {text[s:e]!r}; meeting {shown}")
    return problems


def check_boilerplate(rec):
    problems = []
    for ai, art in enumerate(rec.get("articles", [])):
        text = art.get("text") or ""
        for marker in BOILERPLATE:
            i = text.find(marker)
            if i >= 0:
                problems.append(f"articles[{ai}].text holds {marker!r} at {i}: ...{text[max(0, i - 30):i + 40]!r}...")
    return problems


def check_file(tifa, f):
    rc, out, err = run(tifa, ["extract", f])
    rec, why = (None, f"exit {rc}: {err.strip()}") if rc != 0 else parse_record(out)
    report(rec is not None, f"{f}: one valid JSON line", why)
    if rec is None:
        return out
    report(rec.get("file") == f, f"{f}: record names the file as given", f"file is {rec.get('file')!r}")
    problems = check_spans(rec)
    report(not problems, f"{f}: spans in range and show their fields", "\n".join(problems))
    problems = check_boilerplate(rec)
    report(not problems, f"{f}: no boilerplate in article text", "\n".join(problems))
    return out


def pretty_records(tifa, files):
    """The records of `extract --pretty` over all files, in order, or why not."""
    rc, out, err = run(tifa, ["extract", "--pretty"] + files)
    if rc != 0:
        return None, f"exit {rc}: {err.strip()[:300]}"
    try:
        text = out.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, f"output is not UTF-8: {e}"
    dec, recs, pos = json.JSONDecoder(), [], 0
    while pos < len(text):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos == len(text):
            break
        try:
            rec, pos = dec.raw_decode(text, pos)
        except ValueError as e:
            return None, f"--pretty output is not a run of JSON objects: {e}"
        recs.append(rec)
    if len(recs) != len(files):
        return None, f"{len(recs)} records for {len(files)} files"
    return recs, None


def check_pretty(tifa, files, singles):
    recs, why = pretty_records(tifa, files)
    for i, f in enumerate(files):
        single, w = parse_record(singles[f]) if singles.get(f) is not None else (None, "no record")
        if recs is None:
            w = why
        elif single is None:
            w = f"the record alone: {w}"
        elif recs[i] != single:
            w = "parsed --pretty record differs from the one-line record"
        else:
            w = None
        report(w is None, f"{f}: --pretty parses to the same record", w)


def check_batch(tifa, files, singles):
    """The repeat: each file extracted again, in one invocation over all."""
    rc, out, err = run(tifa, ["extract"] + files)
    lines = out.split(b"\n")
    ok = rc == 0 and out.endswith(b"\n") and len(lines) == len(files) + 1
    why = None if ok else f"exit {rc}, {len(lines) - 1} lines for {len(files)} files; {err.strip()[:300]}"
    report(ok, f"one invocation over all {len(files)} files: one record per file, in order", why)
    for i, f in enumerate(files):
        again = lines[i] + b"\n" if ok else b""
        out = singles.get(f) or b""
        report(ok and again == out, f"{f}: second extract is byte-identical",
               None if again == out else f"{len(out)} bytes alone, {len(again)} in one invocation over all")


def check_bad_args(tifa, files):
    a, b = files[0], files[-1]
    with tempfile.TemporaryDirectory() as tmp:
        missing = os.path.join(tmp, "no-such-file.txt")
        for label, bad in (("a directory", "tests/readouts"), ("a missing file", missing)):
            rc, out, err = run(tifa, ["extract", a, bad, b])
            names = []
            for line in out.decode("utf-8", "replace").splitlines():
                try:
                    names.append(json.loads(line).get("file"))
                except ValueError:
                    names.append(None)
            problems = []
            if rc != 1:
                problems.append(f"exit {rc}, expected 1")
            if not re.search(r"(^|\n)tifa: " + re.escape(bad) + r"(:|\b)", err):
                problems.append(f"stderr does not name it with 'tifa: {bad}': {err.strip()!r}")
            if names != [a, b]:
                problems.append(f"records for {names}, expected [{a!r}, {b!r}]")
            report(not problems, f"extract on {label} exits 1, names it, processes the others",
                   "\n".join(problems))
        rc, out, err = run(tifa, ["extract", "tests/readouts", missing])
        report(rc == 1 and out == b"" and "tifa: tests/readouts" in err and f"tifa: {missing}" in err,
               "extract on only a directory and a missing file exits 1 with two messages",
               f"exit {rc}, {len(out)} bytes out, stderr {err.strip()!r}")


def main():
    if len(sys.argv) != 2:
        print("usage: python3 tests/extract-props.py PATH-TO-TIFA", file=sys.stderr)
        return 2
    tifa = os.path.abspath(sys.argv[1])
    if not os.access(tifa, os.X_OK):
        print(f"extract-props: {sys.argv[1]}: not an executable", file=sys.stderr)
        return 2
    files = inputs()
    if not files:
        print("extract-props: no input files found", file=sys.stderr)
        return 2
    singles = {}
    for f in files:
        singles[f] = check_file(tifa, f)
    check_pretty(tifa, files, singles)
    check_batch(tifa, files, singles)
    check_bad_args(tifa, files)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
