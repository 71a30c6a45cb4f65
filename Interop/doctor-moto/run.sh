#!/usr/bin/env bash
# Interop: `qseek doctor` with moto_server playing STS, signature checking on. boto3 makes an IAM
# user, its access key and a data-accessor role that trusts it; then moto verifies every
# request's SigV4 against the keys it issued. qseek reaches moto only through
# AWS_ENDPOINT_URL_STS (or AWS_ENDPOINT_URL), the base key only through AWS_ACCESS_KEY_ID /
# AWS_SECRET_ACCESS_KEY; the IdP, Identity Center and Q Business are `qseek sandbox serve`.
# Asserts: with the right key, GetCallerIdentity and AssumeRole pass at moto (and the next
# step fails at the sandbox, which does not know moto's role keys); with a wrong secret, doctor
# stops at GetCallerIdentity and names AWS_SECRET_ACCESS_KEY, never printing a secret.
# Usage: Interop/doctor-moto/run.sh BIN_DIR   (BIN_DIR holds a built `qseek`)
bin="${1:?usage: run.sh BIN_DIR}"
QSEEK=$(realpath "$bin/qseek")
[ -x "$QSEEK" ] || { echo "no qseek in $bin" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../../Journeys/sandbox-lib.sh"
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_ENDPOINT_URL_STS || true
export PYTHONDONTWRITEBYTECODE=1

python3 -c "import boto3, botocore" 2>/dev/null || python3 -m pip install -q boto3 botocore
if ! command -v moto_server >/dev/null 2>&1 || ! python3 -c "import flask, flask_cors" 2>/dev/null; then
  python3 -m pip install -q 'moto[server]'
fi

moto=""
cleanup() {
  if [ -n "$moto" ]; then kill "$moto" 2>/dev/null || true; wait "$moto" 2>/dev/null || true; fi
  stop_sandbox
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_url=http://127.0.0.1:$port
moto_server -H 127.0.0.1 -p "$port" > "$work/moto.log" 2>&1 &
moto=$!

# Wait for moto (up to 120 s on a loaded machine), then set up IAM and switch auth on. The
# key goes to a 0600 file, never to stdout.
umask 077
if ! python3 - "$moto_url" "$work/moto.json" <<'PY'
import json, sys, time, urllib.request
import boto3
url, out = sys.argv[1:]
deadline = time.time() + 120
while True:
    try:
        urllib.request.urlopen(url + "/moto-api/", timeout=2)
        break
    except Exception:
        if time.time() > deadline:
            sys.exit("moto_server did not start within 120 s")
        time.sleep(0.3)
admin = dict(endpoint_url=url, region_name="us-east-1", aws_access_key_id="admin", aws_secret_access_key="admin")
iam = boto3.client("iam", **admin)
iam.create_user(UserName="isv")
key = iam.create_access_key(UserName="isv")["AccessKey"]
policy = iam.create_policy(PolicyName="assume", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetContext", "sts:GetCallerIdentity"], "Resource": "*"}]}))
iam.attach_user_policy(UserName="isv", PolicyArn=policy["Policy"]["Arn"])
account = boto3.client("sts", **admin).get_caller_identity()["Account"]
role = iam.create_role(RoleName="QseekDataAccessor", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:user/isv"},
     "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetContext"]}]}))["Role"]
# Body "0": no more unauthenticated actions; a form content type would hide the body from moto.
urllib.request.urlopen(urllib.request.Request(url + "/moto-api/reset-auth", data=b"0", method="POST",
                                              headers={"Content-Type": "text/plain"}), timeout=10)
json.dump({"key": key["AccessKeyId"], "secret": key["SecretAccessKey"], "role": role["Arn"], "account": account}, open(out, "w"))
PY
then
  echo "FAIL could not set up moto_server"; sed 's/^/    | /' "$work/moto.log" | tail -20
  echo "doctor-moto: 0 passed, 1 failed"
  exit 1
fi
umask 022
field() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$work/moto.json" "$1"; }
key=$(field key) secret=$(field secret) role=$(field role) account=$(field account)

start_sandbox
grep -q '^sandbox: ' "$work/serve.out" || { echo "FAIL the sandbox did not start"; exit 1; }
check "login at the sandbox IdP succeeds" sign_in alice@acme.example

# The sandbox's config, minus its demo key and its STS endpoint, with moto's role.
sed -e '/^access_key_id = /d' -e '/^secret_access_key = /d' -e '/^sts = /d' \
    -e "s#^data_accessor_role_arn = .*#data_accessor_role_arn = \"$role\"#" "$work/sandbox.toml" > "$work/moto.toml"

# assert_json FILE EXIT PYTHON-EXPRESSION: doctor exited EXIT and the expression over `steps`
# (id -> step of the tenant or global) and `doc` holds.
assert_json() {
  python3 - "$@" <<'PY'
import json, sys
path, rc, expected, expression = sys.argv[1:5]
doc = json.load(open(path))
steps = {step["id"]: step for step in doc["steps"]}
ok = rc == expected and eval(expression, {"steps": steps, "doc": doc})
if not ok:
    print(f"      | exit {rc} (wanted {expected})")
    for step in doc["steps"]:
        print(f"      | {step['status']:7} {step['id']}: {step.get('detail') or ''}{step.get('cause') or ''} {step.get('fix') or ''}")
sys.exit(0 if ok else 1)
PY
}

run_doctor() {  # run_doctor OUT ENV... -- DOCTOR ARGS...
  local out=$1; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
  set +e; env "${envs[@]}" "$QSEEK" doctor --config "$work/moto.toml" --tenant T0100ACME "$@" > "$out" 2> "$out.err"; local rc=$?; set -e
  echo "$rc"
}

good=(AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" AWS_ENDPOINT_URL_STS="$moto_url")
rc=$(run_doctor "$work/good.json" "${good[@]}" -- --all --json)
check "right key: GetCallerIdentity at moto names the IAM user" assert_json "$work/good.json" "$rc" 66 \
  "steps['aws-identity']['status'] == 'ok' and steps['aws-identity']['detail'].startswith('arn:aws:iam::$account:user/isv')"
check "right key: AssumeRole with the tenant tag at moto passes" assert_json "$work/good.json" "$rc" 66 \
  "steps['assume-role']['status'] == 'ok' and steps['assume-role']['detail'] == '$role'"
check "right key: every step before them passed, and the first failure is after them (moto's role keys are unknown to the sandbox)" \
  assert_json "$work/good.json" "$rc" 66 \
  "[s['status'] for s in doc['steps'][:6]] == ['ok'] * 6 and next(s['id'] for s in doc['steps'] if s['status'] == 'failed') == 'create-token'"

rc=$(run_doctor "$work/generic.json" AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" AWS_ENDPOINT_URL="$moto_url" -- --all --json)
check "AWS_ENDPOINT_URL (no _STS) reaches moto too" assert_json "$work/generic.json" "$rc" 66 \
  "steps['aws-identity']['status'] == 'ok' and ':user/isv' in steps['aws-identity']['detail']"

wrong=(AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="${secret%?}x" AWS_ENDPOINT_URL_STS="$moto_url")
rc=$(run_doctor "$work/wrong.json" "${wrong[@]}" -- --json)
check "wrong secret: doctor stops at GetCallerIdentity after 4 ✓ (exit 66)" assert_json "$work/wrong.json" "$rc" 66 \
  "[s['id'] for s in doc['steps']] == ['config', 'discovery', 'jwks', 'sign-in', 'aws-identity'] and [s['status'] for s in doc['steps']] == ['ok'] * 4 + ['failed']"
check "wrong secret: the cause is moto's SignatureDoesNotMatch, in words" assert_json "$work/wrong.json" "$rc" 66 \
  "'secret access key is wrong' in steps['aws-identity']['cause'] and 'SignatureDoesNotMatch' in steps['aws-identity']['cause'] and '$key' in steps['aws-identity']['cause']"
check "wrong secret: the fix names AWS_SECRET_ACCESS_KEY in the environment" assert_json "$work/wrong.json" "$rc" 66 \
  "steps['aws-identity']['fix'].startswith('Fix AWS_SECRET_ACCESS_KEY in the environment')"
rc=$(run_doctor "$work/wrong.txt" "${wrong[@]}" --)
check "wrong secret, text output: ✗ on the GetCallerIdentity line, exit 66" \
  bash -c "[ $rc -eq 66 ] && grep -q '^✗ ISV base AWS credentials (sts:GetCallerIdentity)' '$work/wrong.txt'"
check "no secret in any output" bash -c "! grep -qF -e '$secret' -e '${secret%?}x' '$work/good.json' '$work/generic.json' '$work/wrong.json' '$work/wrong.txt' '$work/wrong.txt.err'"

finish "doctor-moto"
