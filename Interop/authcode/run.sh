#!/usr/bin/env bash
# Interop: boto3/botocore against `qseek sandbox serve`: the auth-code data accessor (authorize →
# code → CreateTokenWithIAM → AssumeRole with context → SearchRelevantContent, refresh, refusals).
# Usage: Interop/authcode/run.sh BIN_DIR   (BIN_DIR holds a built `qseek`)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:?usage: run.sh BIN_DIR}"
[ -x "$bin/qseek" ] || { echo "no qseek in $bin" >&2; exit 2; }
python3 -c 'import boto3, botocore, requests, pytest' 2>/dev/null \
  || python3 -m pip install -q boto3 botocore requests pytest

# Nothing from the machine's own AWS setup may leak into the run.
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_ENDPOINT_URL || true
export QSEEK_BIN="$bin/qseek"

report="$(mktemp -d)/junit.xml"
status=0
python3 -m pytest -q -p no:cacheprovider "$here/test_authcode_flow.py" --junitxml="$report" || status=$?
python3 - "$report" <<'PY'
import os, sys, xml.etree.ElementTree as ET
if not os.path.exists(sys.argv[1]):
    print("authcode-interop: 0 passed, 1 failed (pytest wrote no report)")
    sys.exit(0)
suite = ET.parse(sys.argv[1]).getroot()
suite = suite if suite.tag == "testsuite" else suite[0]
total, failed = int(suite.get("tests")), int(suite.get("failures")) + int(suite.get("errors"))
skipped = int(suite.get("skipped", 0))
print(f"authcode-interop: {total - failed - skipped} passed, {failed} failed, {skipped} skipped")
PY
if [ "$status" -eq 5 ]; then echo "authcode interop: no test ran" >&2; exit 1; fi
exit "$status"
