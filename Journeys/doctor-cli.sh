#!/usr/bin/env bash
# Journey: setting up and checking a deployment from the command line, against
# `qseek sandbox serve --write-config`: config init/check, doctor before and after signing in,
# doctor --json, one wrong value at a time (IdC region, tenant id, issuer, client id, base
# secret key) each named by doctor with its fix, and the shell completion scripts.
# Usage: Journeys/doctor-cli.sh PATH/TO/qseek
QSEEK=$(realpath "${1:?usage: doctor-cli.sh PATH/TO/qseek}")
source "$(dirname "$0")/sandbox-lib.sh"
start_sandbox
echo "journey: config and doctor against $(head -1 "$work/serve.out")"

set +e
"$QSEEK" config init > /dev/null 2>&1; init=$?
"$QSEEK" config init > /dev/null 2> "$work/init-again.err"; again=$?
"$QSEEK" config check > /dev/null 2> "$work/check-template.err"; template=$?
"$QSEEK" config check "${config[@]}" > "$work/check.out" 2>&1; sandbox=$?
"$QSEEK" doctor "${config[@]}" --tenant T0100ACME > "$work/doctor-signed-out.txt" 2>&1; signedout=$?
set -e
file=$XDG_CONFIG_HOME/qseek/config.toml
check "config init writes the XDG config, 0600 in a 0700 directory" \
  bash -c "[ $init -eq 0 ] && [ \"\$(stat -c %a '$file')\" = 600 ] && [ \"\$(stat -c %a '$(dirname "$file")')\" = 700 ]"
check "config init refuses to overwrite without --force (exit 64)" test "$again" -eq 64
check "config check on the fresh template lists what to fill in, with file:line (exit 64)" \
  bash -c "[ $template -eq 64 ] && grep -q '$file:[0-9]*: identity.issuer:' '$work/check-template.err'"
check "config check passes the sandbox's config" test "$sandbox" -eq 0
check "doctor before signing in stops at the sign-in step and says qseek login (exit 65)" \
  bash -c "[ $signedout -eq 65 ] && grep -q '✗ Signed in' '$work/doctor-signed-out.txt' && grep -q 'qseek login' '$work/doctor-signed-out.txt'"

check "login succeeds" sign_in priya@consult.example

set +e
"$QSEEK" doctor "${config[@]}" > "$work/doctor.txt" 2>&1; healthy=$?
"$QSEEK" doctor "${config[@]}" --json > "$work/doctor.json" 2>/dev/null; json=$?
sed 's/idc_region = "eu-west-1"/idc_region = "us-east-1"/' "$work/sandbox.toml" > "$work/wrong-region.toml"
"$QSEEK" doctor --config "$work/wrong-region.toml" --tenant T0200NWND > "$work/doctor-region.txt" 2>&1; region=$?
set -e
check "doctor passes every step for both tenants (exit 0)" bash -c "[ $healthy -eq 0 ] && ! grep -q '✗' '$work/doctor.txt' && [ \$(grep -c '✓' '$work/doctor.txt') -eq 14 ]"
check "doctor --json is one document with ok and the steps" python3 - "$work/doctor.json" "$json" <<'PY'
import json, sys
document = json.load(open(sys.argv[1]))
ids = [step["id"] for step in document["steps"]]
sys.exit(0 if sys.argv[2] == "0" and document["ok"] is True and ids[:5] == ["config", "discovery", "jwks", "sign-in", "aws-identity"] else 1)
PY
check "a wrong IdC region fails CreateTokenWithIAM and names the right region (exit 66)" \
  bash -c "[ $region -eq 66 ] && grep -q 'idc_region (tenant T0200NWND) = \"eu-west-1\"' '$work/doctor-region.txt'"

# doctor_case NAME EXIT STEP-TITLE FIX-PHRASE PASSED-BEFORE DOCTOR-ARGS...: doctor exits EXIT, its
# first ✗ line is STEP-TITLE, a fix: line holds FIX-PHRASE, and exactly PASSED-BEFORE ✓ lines
# (and nothing else) come before the ✗.
doctor_case() {
  local name=$1 code=$2 title=$3 fix=$4 before=$5; shift 5
  local out=$work/case-${name// /-}.txt
  set +e; "$QSEEK" doctor "$@" > "$out" 2>&1; local rc=$?; set -e
  local failed_before=$failures
  check "$name: exit $code, fails at \"$title\" with the fix, $before steps ✓ before it" \
      python3 - "$out" "$rc" "$code" "$title" "$fix" "$before" <<'PY'
import sys
path, rc, code, title, fix, before = sys.argv[1:]
lines = open(path, encoding="utf-8").read().splitlines()
marks = [i for i, line in enumerate(lines) if line.startswith(("✓ ", "✗ ", "– "))]
failed = next((i for i in marks if lines[i].startswith("✗ ")), None)
ok = (rc == code and failed is not None and lines[failed].startswith("✗ " + title)
      and any(line.strip().startswith("fix:") and fix in line for line in lines[failed:])
      and [lines[i][0] for i in marks if i < failed] == ["✓"] * int(before))
sys.exit(0 if ok else 1)
PY
  if [ "$failures" -gt "$failed_before" ]; then sed 's/^/      | /' "$out"; fi
}

# One wrong value at a time, each against the signed-in sandbox setup.
toml=$work/sandbox.toml
origin=$(sed -n 's/^issuer = "\(http:[^"]*\)\/idp"$/\1/p' "$toml")
doctor_case "tenant not configured" 64 "Tenant T0999NONE is configured" "Add a [[tenants]] entry" 5 \
  --config "$toml" --tenant T0999NONE
sed 's/^id = "T0100ACME"/id = "T0100ACMX"/' "$toml" > "$work/wrong-tenant.toml"
doctor_case "tenant id the customer did not give" 66 "SearchRelevantContent with a probe query" \
  "not in this user's \`tenants\` claim (T0100ACME, T0200NWND) either: check tenants[0].id (tenant T0100ACMX) for a typo" 8 --config "$work/wrong-tenant.toml" --tenant T0100ACMX
sed "s#^issuer = \"http://127.0.0.1:#issuer = \"http://localhost:#" "$toml" > "$work/issuer-mismatch.toml"
doctor_case "issuer spelt another way" 64 "IdP discovery reachable and issuer matches" \
  "set [identity].issuer = \"$origin/idp\"" 1 --config "$work/issuer-mismatch.toml" --tenant T0100ACME
sed 's#^issuer = ".*"#issuer = "http://127.0.0.1:9/idp"#' "$toml" > "$work/issuer-unreachable.toml"
doctor_case "issuer unreachable" 69 "IdP discovery reachable and issuer matches" "Check [identity].issuer" 1 \
  --config "$work/issuer-unreachable.toml" --tenant T0100ACME
sed 's/^client_id = "qseek-demo"/client_id = "qseek-demX"/' "$toml" > "$work/wrong-client.toml"
doctor_case "client id the IdP does not know" 64 "Signed in (or the sign-in can be renewed)" \
  "Set [identity].client_id to the client id registered for qseek at your IdP" 3 --config "$work/wrong-client.toml" --tenant T0100ACME
sed 's#NotASecret0000000001#NotASecret0000000002#' "$toml" > "$work/wrong-secret.toml"
doctor_case "wrong base secret key" 66 "ISV base AWS credentials (sts:GetCallerIdentity)" \
  "Fix [aws].secret_access_key in $work/wrong-secret.toml" 4 --config "$work/wrong-secret.toml" --tenant T0100ACME
check "the wrong secret is named by its setting, never printed" \
  bash -c "grep -q 'secret access key is wrong' '$work/case-wrong-base-secret-key.txt' && ! grep -q NotASecret0000000002 '$work/case-wrong-base-secret-key.txt'"

for shell in bash zsh fish; do
  "$QSEEK" --generate-completion-script "$shell" > "$work/completion.$shell"
  check "the $shell completion script generates and knows doctor" grep -q doctor "$work/completion.$shell"
done
bash -n "$work/completion.bash" && check "the bash completion script is valid bash" true

finish "doctor journey"
