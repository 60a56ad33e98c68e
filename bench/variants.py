"""What bench/extract.sh and bench/corpus.sh share when they make documents
from the fixtures: reading them, and rewriting dates and numbers so copies
of one fixture are not identical. Deterministic for a given generator."""
import re

FULL = str.maketrans("０１２３４５６７８９", "0123456789")
HALF = str.maketrans("0123456789", "０１２３４５６７８９")
NUM = re.compile(r"[0-9]+|[０-９]+")


def load_fixtures(paths):
    """Each fixture as text, or as bytes when it is not UTF-8 (such copies
    get only paragraph swaps)."""
    fixtures = []
    for path in paths:
        raw = open(path, "rb").read()
        try:
            fixtures.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            fixtures.append(raw)
    return fixtures


def vary_numbers(text, rng):
    """Dates shifted consistently (years -6..+2, months, days); about a third
    of the other numbers rewritten with as many digits."""
    dy, dm, dd = rng.randint(-6, 2), rng.randint(0, 11), rng.randint(0, 27)

    def repl(m):
        s = m.group(0)
        full = s[0] >= "０"
        digits = s.translate(FULL)
        after = text[m.end():m.end() + 1]
        v = int(digits)
        if after == "年" and len(digits) == 4 and 1900 <= v <= 2100:
            new = str(v + dy)
        elif after == "月" and 1 <= v <= 12:
            new = str((v - 1 + dm) % 12 + 1)
        elif after == "日" and 1 <= v <= 31:
            new = str((v - 1 + dd) % 28 + 1)
        elif rng.random() < 0.33:
            new = "".join(str(rng.randint(1 if i == 0 and len(digits) > 1 else 0, 9)) for i in range(len(digits)))
        else:
            return s
        return new.translate(HALF) if full else new

    return NUM.sub(repl, text)
