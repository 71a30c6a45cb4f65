#!/usr/bin/env bash
# MCP interop: the official Python `mcp` SDK (PyPI) as the client of `qseek mcp`, over stdio and
# Streamable HTTP, against `qseek sandbox serve` (interop.py says what is checked). Then the
# secret scan: every tool result, stderr and debug log of both transports is searched for each
# token, key, session token and identity context the sandbox issued. Only 127.0.0.1 is
# contacted, apart from PyPI for the install.
#
# Usage: Interop/mcp/run.sh BIN_DIR   (BIN_DIR holds a built qseek)
# Env:   MCP_SDK_VERSION  the SDK release (default 1.23.1)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bin="${1:?usage: run.sh BIN_DIR}"
QSEEK="$(cd "$bin" && pwd)/qseek"
[ -x "$QSEEK" ] || { echo "no qseek in $bin" >&2; exit 2; }
version="${MCP_SDK_VERSION:-1.30.0}"
export PYTHONDONTWRITEBYTECODE=1 LANG=C.UTF-8 LC_ALL=C.UTF-8
work="$(mktemp -d "${TMPDIR:-/tmp}/qseek-mcp-interop.XXXXXX")"
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_ENDPOINT_URL QSEEK_CONFIG QSEEK_ID_TOKEN || true
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
log() { echo "mcp interop: $*" >&2; }

venv="$repo/.build-interop-mcp/venv"
if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(0 if m.version('mcp') == '$version' else 1)" 2>/dev/null; then
  log "installing mcp==$version into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "mcp==$version"
fi

# start_sandbox NAME [OPTIONS...]: serves, writes $work/NAME.toml, sets $url to its base URL.
start_sandbox() {
  local name=$1; shift
  "$QSEEK" sandbox serve --port 0 --write-config "$work/$name.toml" "$@" > "$work/$name.out" 2> "$work/$name.err" &
  pids+=($!)
  for _ in $(seq 1 600); do grep -q '^sandbox: ' "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  url=$(sed -n 's/^sandbox: //p' "$work/$name.out")
  [ -n "$url" ] || { log "sandbox $name did not start: $(cat "$work/$name.err")"; exit 1; }
}
# start_mcp NAME CONFIG: `qseek mcp --http 127.0.0.1:0`; sets $url to its /mcp URL.
start_mcp() {
  local name=$1 config=$2
  "$QSEEK" mcp --http 127.0.0.1:0 --config "$config" --debug "$work/out/$name.debug.log" \
    > "$work/out/$name.stdout" 2> "$work/out/$name.stderr" &
  pids+=($!)
  for _ in $(seq 1 600); do grep -q '^mcp: ' "$work/out/$name.stdout" 2>/dev/null && break; sleep 0.1; done
  url=$(sed -n 's/^mcp: //p' "$work/out/$name.stdout")
  [ -n "$url" ] || { log "mcp server $name did not start: $(cat "$work/out/$name.stderr")"; exit 1; }
}

mkdir -p "$work/out"
# Every AWS call of the main sandbox takes 150 ms, so a five-page search is slow enough to cancel.
start_sandbox main --record-secrets "$work/issued-secrets.tsv" --faults latency=150ms..150ms
issuer="$url/idp"
config=$work/main.toml
start_sandbox short --id-token-lifetime 2
issuer_short="$url/idp"
{ cat "$work/short.toml"; printf '\n[mcp]\nclock_skew_seconds = 0\n'; } > "$work/short-mcp.toml"
{ cat "$config"; printf '\n[mcp]\naudience = "another-application"\n'; } > "$work/audience.toml"

# stdio users sign in with `qseek login` into caches of their own (a demo user needs no browser).
for user in alice bob; do
  XDG_CACHE_HOME=$work/cache-$user "$QSEEK" login --config "$config" --no-browser --user "$user@acme.example" \
    > "$work/out/login-$user.stdout" 2> "$work/out/login-$user.stderr"
done
mkdir -p "$work/cache-nobody"

start_mcp http "$config"; mcp_url=$url
start_mcp http-audience "$work/audience.toml"; mcp_url_audience=$url
start_mcp http-short "$work/short-mcp.toml"; mcp_url_short=$url

status=0
QSEEK="$QSEEK" CONFIG="$config" WORK="$work" OUT="$work/out" ISSUER="$issuer" CLIENT_ID=qseek-demo \
  MCP_URL="$mcp_url" MCP_URL_AUDIENCE="$mcp_url_audience" MCP_URL_SHORT="$mcp_url_short" ISSUER_SHORT="$issuer_short" \
  "$venv/bin/python" "$here/interop.py" || status=1

# The secret scan over both transports: tool results, stdout/stderr and debug logs.
"$venv/bin/python" "$here/secret_scan.py" "$work/issued-secrets.tsv" "$config" "$work/out" "$work"/cache-*/qseek || status=1
exit $status
