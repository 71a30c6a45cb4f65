#!/usr/bin/env bash
# Journey: setting up and checking a deployment from the command line, against
# `qseek sandbox serve --write-config`: config init/check, doctor before and after signing in,
# doctor --json, a wrong IdC region named by doctor, and the shell completion scripts.
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

for shell in bash zsh fish; do
  "$QSEEK" --generate-completion-script "$shell" > "$work/completion.$shell"
  check "the $shell completion script generates and knows doctor" grep -q doctor "$work/completion.$shell"
done
bash -n "$work/completion.bash" && check "the bash completion script is valid bash" true

finish "doctor journey"
