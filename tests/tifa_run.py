"""Shared by the scorers: run `tifa extract` once over many files."""
import json, subprocess, sys


def extract_all(tifa, paths, who):
    """The record of each path, from one invocation over all of them (a
    sanitizer build spends most of a short run starting up). A crash or an
    error is a failure of the run (who names the scorer), not a low score."""
    p = subprocess.run([tifa, "extract"] + paths, capture_output=True, timeout=600)
    if p.returncode != 0:
        sys.exit(f"{who}: {tifa} extract exited {p.returncode}: "
                 f"{p.stderr.decode('utf-8', 'replace').strip()[:500]}")
    lines = p.stdout.decode("utf-8").splitlines()
    if len(lines) != len(paths):
        sys.exit(f"{who}: {len(lines)} records for {len(paths)} files")
    return dict(zip(paths, (json.loads(line) for line in lines)))
