# Sourced by the scripts that start `tifa serve --port 0` in the background
# (tests/serve.sh, tests/e2e/run.sh, bench/serve.sh).
#
# serve_port OUTFILE: the port the server announced on its standard output
# ("tifa serve: http://127.0.0.1:PORT/ ..."), waiting up to 10 seconds;
# prints nothing when it did not start.
serve_port() {
  _sp_port=""
  _sp_i=0
  while [ $_sp_i -lt 100 ] && [ -z "$_sp_port" ]; do
    _sp_port=$(sed -n 's|^tifa serve: http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$1")
    [ -n "$_sp_port" ] || sleep 0.1
    _sp_i=$((_sp_i + 1))
  done
  echo "$_sp_port"
}
