#!/usr/bin/env bash
# Interop: boto3/botocore against `qseek sandbox serve` (the whole TTI flow and its refusals).
# Usage: Interop/sandbox/run.sh BIN_DIR   (BIN_DIR holds a built `qseek`)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../lib.sh"
interop_init sandbox
interop_qseek "${1:?usage: run.sh BIN_DIR}"
interop_pip_peers boto3 botocore requests pytest
interop_isolate
export QSEEK_BIN="$qseek"
interop_pytest "$here/test_tti_flow.py" "$here/test_model_errors.py" "$here/test_corpus_generator.py"
