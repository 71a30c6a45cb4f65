#!/usr/bin/env bash
# MCP interop: the official Python `mcp` SDK (PyPI) as the client of `qseek mcp`, over stdio and
# Streamable HTTP, against `qseek sandbox serve` (interop.py says what is checked). Then the
# secret scan: every tool result, stderr and debug log of both transports is searched for each
# token, key, session token and identity context the sandbox issued. Only 127.0.0.1 is
# contacted, apart from PyPI for the install.
#
# Usage: Interop/mcp/run.sh BIN_DIR   (BIN_DIR holds a built qseek)
# Env:   MCP_SDK_VERSION  the SDK release (default 1.30.0)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../lib.sh"
interop_init mcp
interop_qseek "${1:?usage: run.sh BIN_DIR}"
interop_private_env
interop_isolate QSEEK_CONFIG QSEEK_ID_TOKEN
interop_venv mcp "${MCP_SDK_VERSION:-1.30.0}"

# start_mcp NAME CONFIG: `qseek mcp --http 127.0.0.1:0`; sets $url to its /mcp URL.
start_mcp() {
  local name=$1 config=$2
  "$qseek" mcp --http 127.0.0.1:0 --config "$config" --debug "$work/out/$name.debug.log" \
    > "$work/out/$name.stdout" 2> "$work/out/$name.stderr" &
  pids+=($!)
  url=$(interop_await 'mcp: ' "$work/out/$name.stdout")
  [ -n "$url" ] || { log "mcp server $name did not start: $(cat "$work/out/$name.stderr")"; exit 1; }
}

mkdir -p "$work/out"
# Every AWS call of the main sandbox takes 150 ms, so a five-page search is slow enough to cancel.
interop_start_sandbox main --record-secrets "$work/issued-secrets.tsv" --faults latency=150ms..150ms
issuer="$url/idp"
config=$work/main.toml
interop_start_sandbox short --id-token-lifetime 2
issuer_short="$url/idp"
{ cat "$work/short.toml"; printf '\n[mcp]\nclock_skew_seconds = 0\n'; } > "$work/short-mcp.toml"
{ cat "$config"; printf '\n[mcp]\naudience = "another-application"\n'; } > "$work/audience.toml"

# stdio users sign in with `qseek login` into caches of their own (a demo user needs no browser).
for user in alice bob; do
  XDG_CACHE_HOME=$work/cache-$user "$qseek" login --config "$config" --no-browser --user "$user@acme.example" \
    > "$work/out/login-$user.stdout" 2> "$work/out/login-$user.stderr"
done
mkdir -p "$work/cache-nobody"

start_mcp http "$config"; mcp_url=$url
start_mcp http-audience "$work/audience.toml"; mcp_url_audience=$url
start_mcp http-short "$work/short-mcp.toml"; mcp_url_short=$url

status=0
QSEEK="$qseek" CONFIG="$config" WORK="$work" OUT="$work/out" ISSUER="$issuer" CLIENT_ID=qseek-demo \
  MCP_URL="$mcp_url" MCP_URL_AUDIENCE="$mcp_url_audience" MCP_URL_SHORT="$mcp_url_short" ISSUER_SHORT="$issuer_short" \
  "$venv/bin/python" "$here/interop.py" || status=1

# The secret scan over both transports: tool results, stdout/stderr and debug logs.
"$venv/bin/python" "$here/secret_scan.py" "$work/issued-secrets.tsv" "$config" "$work/out" "$work"/cache-*/qseek || status=1
exit $status
