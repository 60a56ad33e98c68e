#!/usr/bin/env python3
"""One line of figures from a `wrk --latency` output (bench/serve.sh):
requests/s, latency p50/p90/p99/max, socket errors, non-2xx answers, and the
server's RSS after the run. Exits 1 when there were errors.
Usage: wrk-report.py WRK_OUTPUT LABEL RSS_MB [CPU_SECONDS]
CPU_SECONDS: the server's user+system CPU time during the run; with it, the
CPU milliseconds per request (what a request costs, whatever else the
machine is doing) and the share of the cores the server got."""
import re
import sys

text = open(sys.argv[1]).read()
label, rss = sys.argv[2], float(sys.argv[3])
cpu = float(sys.argv[4]) if len(sys.argv) > 4 else None


def grab(pat, default="?"):
    m = re.search(pat, text, re.M)
    return m.group(1) if m else default


rps = grab(r"Requests/sec:\s+([\d.]+)")
total = grab(r"(\d+) requests in")
lat = {p: grab(r"^\s+%s%%\s+(\S+)" % p) for p in ("50", "90", "99")}
lat_max = grab(r"Latency\s+\S+\s+\S+\s+(\S+)")
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
errors = sum(int(x) for x in sock.groups()) if sock else 0
non2xx = int(grab(r"Non-2xx or 3xx responses: (\d+)", "0"))
dur = grab(r"requests in ([\d.]+)s")
extra = ""
if cpu is not None and total != "?" and int(total) > 0 and dur != "?":
    ms = 1000 * cpu / int(total)
    extra = f"; server CPU {ms:.{0 if ms >= 10 else 2}f} ms/request, {cpu / float(dur):.2f} cores busy"
print(f"   {label}: {rps} requests/s ({total} requests), latency p50 {lat['50']}, p90 {lat['90']}, "
      f"p99 {lat['99']}, max {lat_max}; socket errors {errors}, non-2xx {non2xx}; RSS after {rss:.1f} MB{extra}")
if errors or non2xx or rps == "?":
    print("FAIL: errors under load (or wrk did not report)")
    print(text)
    sys.exit(1)
