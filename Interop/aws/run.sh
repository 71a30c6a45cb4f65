#!/usr/bin/env bash
# AWS interop proofs against software nobody here wrote: botocore (signatures, serialisation,
# event-stream frames) and moto_server (STS with signature checking on). Only 127.0.0.1 is used.
# Usage: Interop/aws/run.sh [BIN_DIR]   (BIN_DIR holding qseek-aws-probe, as .ci/run passes it;
#        without it the probe is built in SCRATCH, default .build)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
scratch="${SCRATCH:-.build}"
export PYTHONDONTWRITEBYTECODE=1

python3 -c "import botocore, boto3" 2>/dev/null || python3 -m pip install --quiet botocore boto3
if ! command -v moto_server >/dev/null 2>&1 || ! python3 -c "import flask, flask_cors" 2>/dev/null; then
    python3 -m pip install --quiet 'moto[server]'
fi

if [ -n "${1:-}" ] && [ -x "$1/qseek-aws-probe" ]; then
    export QSEEK_AWS_PROBE="$(cd "$1" && pwd)/qseek-aws-probe"
else
    build_log="$(mktemp)"
    if ! swift build --scratch-path "$scratch" --product qseek-aws-probe >"$build_log" 2>&1; then
        cat "$build_log"
        echo "aws interop: 0 passed, 1 failed"
        exit 1
    fi
    rm -f "$build_log"
    export QSEEK_AWS_PROBE="$(swift build --scratch-path "$scratch" --show-bin-path)/qseek-aws-probe"
fi

passed=0
failed=0
status=0
for proof in sigv4_differential.py sigv4_verifier.py serialization.py eventstream_interop.py bedrock_fixtures.py moto_sts.py; do
    echo "== $proof"
    log="$(mktemp)"
    if ! (cd Interop/aws && python3 "$proof") | tee "$log"; then
        status=1
    fi
    line="$(grep '^RESULT ' "$log" | tail -1 || true)"
    if [[ -z "$line" ]]; then
        echo "  $proof printed no result"
        failed=$((failed + 1))
        status=1
    else
        passed=$((passed + $(sed -E 's/.*passed=([0-9]+).*/\1/' <<<"$line")))
        failed=$((failed + $(sed -E 's/.*failed=([0-9]+).*/\1/' <<<"$line")))
    fi
    rm -f "$log"
done

echo "aws interop: $passed passed, $failed failed"
if [[ $failed -ne 0 ]]; then status=1; fi
exit $status
