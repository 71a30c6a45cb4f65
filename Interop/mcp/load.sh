#!/usr/bin/env bash
# Load run of `qseek mcp --http` (not part of CI's interop: run it for the numbers):
# 50 concurrent users x 20 searches over Streamable HTTP against `qseek sandbox serve` with a
# corpus of 50 users, each with private documents and all sharing some. Reports errors,
# cross-user passages (must both be 0), p50/p99 tool-call latency and the server's RSS.
#
# Usage: Interop/mcp/load.sh BIN_DIR [USERS] [CALLS]   (a release build gives the real numbers)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
QSEEK="$(cd "${1:?usage: load.sh BIN_DIR [USERS] [CALLS]}" && pwd)/qseek"
users=${2:-50} calls=${3:-20}
version="${MCP_SDK_VERSION:-1.30.0}"
export PYTHONDONTWRITEBYTECODE=1 LANG=C.UTF-8 LC_ALL=C.UTF-8
work="$(mktemp -d "${TMPDIR:-/tmp}/qseek-mcp-load.XXXXXX")"
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_ENDPOINT_URL QSEEK_CONFIG || true
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

venv="$repo/.build-interop-mcp/venv"
if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(0 if m.version('mcp') == '$version' else 1)" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "mcp==$version"
fi

python3 "$here/load_corpus.py" "$work/corpus" "$users"
"$QSEEK" sandbox serve --port 0 --data "$work/corpus" --write-config "$work/sandbox.toml" > "$work/sandbox.out" 2> "$work/sandbox.err" &
pids+=($!)
for _ in $(seq 1 600); do grep -q '^sandbox: ' "$work/sandbox.out" 2>/dev/null && break; sleep 0.1; done
base=$(sed -n 's/^sandbox: //p' "$work/sandbox.out")
[ -n "$base" ] || { cat "$work/sandbox.err" >&2; exit 1; }
"$QSEEK" mcp --http 127.0.0.1:0 --config "$work/sandbox.toml" > "$work/mcp.out" 2> "$work/mcp.err" &
server=$!
pids+=($server)
for _ in $(seq 1 600); do grep -q '^mcp: ' "$work/mcp.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^mcp: //p' "$work/mcp.out")
[ -n "$url" ] || { cat "$work/mcp.err" >&2; exit 1; }
"$venv/bin/python" "$here/load.py" "$url" "$base/idp" "$server" "$work/corpus" "$users" "$calls"
