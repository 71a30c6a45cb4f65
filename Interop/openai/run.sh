#!/usr/bin/env bash
# openai interop: the official `openai` Python SDK (from PyPI) against qseek's reading of
# OpenAI-compatible streams.
#  1. The expectations committed beside Tests/AssistantTests/Fixtures/sse/*.sse are regenerated
#     with the SDK (sdk_expectations.py) and must be identical: they are the SDK's, not ours.
#  2. Each fixture is served as a model (replay_server.py); the SDK's client and `qseek ask
#     --json` (signed in to `qseek sandbox serve`) read it; their answers must agree
#     (differential.py). Only 127.0.0.1 is contacted, apart from PyPI for the install.
#
# Usage: Interop/openai/run.sh [BIN_DIR]   (BIN_DIR holds a built qseek, as CI passes it;
#                                           without it, builds with SCRATCH, default .build)
# Env:   OPENAI_VERSION  the SDK release (default 3.57.0)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version="${OPENAI_VERSION:-3.57.0}"
work="$(mktemp -d "${TMPDIR:-/tmp}/qseek-openai-interop.XXXXXX")"
export PYTHONDONTWRITEBYTECODE=1 LANG=C.UTF-8 LC_ALL=C.UTF-8
sandbox=""

cleanup() {
    if [[ -n "$sandbox" ]]; then kill "$sandbox" 2>/dev/null || true; wait "$sandbox" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
log() { echo "openai interop: $*" >&2; }

venv="$repo/.build-interop-openai/venv"
if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(0 if m.version('openai') == '$version' else 1)" 2>/dev/null; then
    log "installing openai==$version into $venv"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "openai==$version"
fi

if [[ $# -ge 1 ]]; then
    qseek="$(cd "$1" && pwd)/qseek"
else
    scratch="${SCRATCH:-.build}"
    log "building qseek"
    (cd "$repo" && swift build --scratch-path "$scratch" --product qseek >"$work/build.log" 2>&1) || { cat "$work/build.log" >&2; exit 1; }
    qseek="$(cd "$repo" && swift build --scratch-path "$scratch" --show-bin-path)/qseek"
fi
[[ -x "$qseek" ]] || { log "no qseek at $qseek"; exit 1; }

status=0
echo "== the committed expectations are the SDK's"
"$venv/bin/python" "$here/sdk_expectations.py" check || status=1

echo "== the SDK and qseek ask read the same served streams"
# A private environment and a sandbox to search, signed in as a demo user (Journeys/sandbox-lib.sh).
export XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
unset QSEEK_CONFIG || true
"$qseek" sandbox serve --port 0 --write-config "$work/sandbox.toml" >"$work/serve.out" 2>"$work/serve.err" &
sandbox=$!
for _ in $(seq 1 600); do grep -q '^sandbox: ' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
grep -q '^sandbox: ' "$work/serve.out" || { log "the sandbox did not start"; cat "$work/serve.err" >&2; exit 1; }

"$qseek" login --config "$work/sandbox.toml" --no-browser --user alice@acme.example 2>"$work/login.err" &
login=$!
url=""
for _ in $(seq 1 600); do
    url="$(grep -o 'http://127.0.0.1[^ ]*/authorize[^ ]*' "$work/login.err" 2>/dev/null | head -1)" || true
    [[ -n "$url" ]] && break
    sleep 0.1
done
[[ -n "$url" ]] && curl -s -L --max-time 60 -o /dev/null "$url" || true
if ! wait "$login"; then
    log "sign-in at the sandbox failed"; cat "$work/login.err" >&2; exit 1
fi

(cd "$here" && "$venv/bin/python" differential.py "$qseek" "$work/sandbox.toml" T0100ACME) || status=1
exit $status
