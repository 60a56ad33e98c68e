# The counters and checks every shell suite shares; sourced from the
# repository's root (". tests/harness.sh") after the suite made its $tmp.
# A suite ends with its own closing line from $pass, $fail and $skipped.
pass=0; fail=0; skipped=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "not ok - $1"; }
skip() { skipped=$((skipped + 1)); echo "ok - $1 # SKIP $2"; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }
# Debian's python3, not one a virtualenv put first on PATH
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
