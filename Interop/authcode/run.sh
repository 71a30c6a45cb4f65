#!/usr/bin/env bash
# Interop: boto3/botocore against `qseek sandbox serve`: the auth-code data accessor (authorize →
# code → CreateTokenWithIAM → AssumeRole with context → SearchRelevantContent, refresh, refusals).
# Usage: Interop/authcode/run.sh BIN_DIR   (BIN_DIR holds a built `qseek`)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../lib.sh"
interop_init authcode
interop_qseek "${1:?usage: run.sh BIN_DIR}"
interop_pip_peers boto3 botocore requests pytest
interop_isolate
export QSEEK_BIN="$qseek"
interop_pytest "$here/test_authcode_flow.py"
