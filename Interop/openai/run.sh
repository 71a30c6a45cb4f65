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
source "$here/../lib.sh"
interop_init openai
interop_venv openai "${OPENAI_VERSION:-3.57.0}"
if [[ $# -ge 1 ]]; then interop_qseek "$1"; else interop_build_qseek; fi

status=0
echo "== the committed expectations are the SDK's"
"$venv/bin/python" "$here/sdk_expectations.py" check || status=1

echo "== the SDK and qseek ask read the same served streams"
# A private environment and a sandbox to search, signed in as a demo user (Journeys/sandbox-lib.sh).
interop_private_env
interop_isolate QSEEK_CONFIG
interop_start_sandbox sandbox

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
