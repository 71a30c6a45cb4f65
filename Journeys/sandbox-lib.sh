# Shared by the command-line journeys: a private environment, a `qseek sandbox serve` on a free
# loopback port, signing in as a demo user, and pass/fail counting. Source it after setting
# QSEEK (the binary); it sets `work`, `config` and `server`, and cleans up on exit.

set -euo pipefail
work=$(mktemp -d)
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state LANG=C.UTF-8
# Nothing from the machine's own AWS setup may leak into a run.
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
# private_env: the same private environment as an export line, for a shell inside tmux.
private_env() {
  echo "export XDG_CACHE_HOME=$XDG_CACHE_HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_STATE_HOME=$XDG_STATE_HOME" \
    "AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true"
}
passes=0 failures=0
server=""

check() {  # check NAME COMMAND...: runs COMMAND and counts it as a pass or a failure
  local name=$1; shift
  if "$@"; then echo "  ✓ $name"; passes=$((passes + 1)); else echo "  ✗ $name"; failures=$((failures + 1)); fi
}

stop_sandbox() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop_sandbox EXIT

# start_sandbox [SERVE OPTIONS...]: serves and writes $work/sandbox.toml; `config` holds --config.
start_sandbox() {
  "$QSEEK" sandbox serve --port 0 --write-config "$work/sandbox.toml" "$@" > "$work/serve.out" 2> "$work/serve.err" &
  server=$!
  # Up to 60 s: on a loaded machine the sandbox's RSA keys take a while.
  for _ in $(seq 1 600); do grep -q '^sandbox: ' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
  config=(--config "$work/sandbox.toml")
}

# sign_in EMAIL [MORE LOGIN OPTIONS...]: `qseek login --no-browser`, playing the browser: the
# sandbox approves a demo user's login_hint at once, so fetching the printed URL (following the
# redirect to qseek's loopback receiver) completes authorization code + PKCE.
sign_in() {
  local email=$1; shift
  local err=$work/login-$email.err
  "$QSEEK" login "${config[@]}" "$@" --no-browser --user "$email" 2> "$err" &
  local login=$!
  for _ in $(seq 1 600); do grep -qo 'http://127.0.0.1[^ ]*/authorize[^ ]*' "$err" 2>/dev/null && break; sleep 0.1; done
  # qseek approves a demo user's sign-in itself (login --user DEMO_USER needs no browser), so
  # this fetch may find the receiver already closed: either way the login must succeed.
  curl -s -L -o /dev/null "$(grep -o 'http://127.0.0.1[^ ]*/authorize[^ ]*' "$err" | head -1)" || true
  wait $login
}

# finish NAME: the closing summary line; exits non-zero on any failure.
finish() {
  echo "$1: $passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}
