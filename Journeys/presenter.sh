#!/usr/bin/env bash
# Journey: `qseek demo --presenter` as a solutions engineer runs it in a workshop. The sign-in
# screen lists each demo user's suggested question; choosing a tenant opens the flow view with
# the first exchange step waiting; Space sends each step in turn. The screen names every party
# and step, decodes the ID token's and Identity Center token's header and claims, and shows no
# secret the embedded sandbox issued (its --record-secrets ledger), in any frame the terminal
# received. Then F4 closes the view, a question is asked, and F4 shows its search page and model call.
# Usage: Journeys/presenter.sh PATH/TO/qseek
QSEEK=$(realpath "${1:?usage: presenter.sh PATH/TO/qseek}")
source "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'cleanup_tmux; rm -rf "$work"' EXIT

echo "journey: qseek demo --presenter"
start_shell 120 40
tmux_ pipe-pane -t j -o "cat >> '$work/terminal.out'"
type_line "cd $work; export XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache; echo SHELL-READY"
wait_for SHELL-READY
type_line "$QSEEK demo --presenter --record-secrets $work/secrets.tsv; echo EXIT=\$?"
wait_for "Sign in as alice@acme.example" 30
check "the sign-in screen lists each demo user's suggested question" \
  bash -c "tmux -L '$TMUX_SOCKET' capture-pane -p -t j | grep -F 'alice@acme.example' | grep -qF 'What is our incident response process?'"
tmux_ send-keys -t j Enter
wait_for "Choose a tenant" 30
tmux_ send-keys -t j Enter
wait_for "Not sent yet" 30
screen > "$work/step1.txt"
for party in "qseek" "ISV identity provider" "STS" "IAM Identity Center" "Amazon Q Business" "Model"; do
  check "the diagram names the party: $party" grep -qF "$party" "$work/step1.txt"
done
check "the sign-in step is on the diagram" grep -qF "Sign in at the ISV identity provider" "$work/step1.txt"
check "step 1 waits: AssumeRole with the tenant tag, not yet sent" grep -qF "AssumeRole with the tenant tag" "$work/step1.txt"
check "its fields: role ARN and the tenant's session tag" \
  bash -c "grep -qF 'role/QseekDataAccessor' '$work/step1.txt' && grep -qF 'qbusiness-dataaccessor:ExternalId = T0100ACME' '$work/step1.txt'"
check "the status says Space sends it" grep -qF "Space sends it" "$work/step1.txt"
check "every row fits 120 cells" python3 "$here/check_screen.py" widths "$work/step1.txt" 120

tmux_ send-keys -t j Space
wait_for "grant-type:jwt-bearer" 30
screen > "$work/step2.txt"
check "step 2 waits: CreateTokenWithIAM at IAM Identity Center" grep -qF "CreateTokenWithIAM" "$work/step2.txt"
check "step 1 answered with an assumed-role ARN" bash -c "grep -qF '✓' '$work/step2.txt'"
check "the ID token is decoded like jwt.io: header" grep -qE "header +alg: RS256" "$work/step2.txt"
check "… and claims (iss, aud, sub, email, exp)" \
  bash -c "for c in 'iss: http://127.0.0.1' 'aud: qseek-demo' 'sub: u-alice' 'email: alice@acme.example' 'exp: '; do grep -qF \"\$c\" '$work/step2.txt' || exit 1; done"
check "… its signature only as a length" grep -qE "signature \(redacted, [0-9]+ chars\)" "$work/step2.txt"

tmux_ send-keys -t j Space
wait_for "AssumeRole with the identity context" 30
wait_for "Not sent yet" 30
screen > "$work/step3.txt"
check "Identity Center's ID token: the identity-context claim's presence and size, redacted" \
  grep -qE "identity context claim present: [0-9]+ chars, redacted" "$work/step3.txt"
check "step 3 waits: AssumeRole with the identity context and the provider ARN" grep -qF "Provider ARN" "$work/step3.txt"

tmux_ send-keys -t j Space
wait_for "Assumed-role ARN" 30
screen > "$work/step4.txt"
check "all three exchange steps answered (✓ with their latency)" test "$(grep -cE '✓ [0-9]+ ms' "$work/step4.txt")" -ge 3
check "step 3's answer: the assumed-role ARN and its expiry" \
  bash -c "grep -qF 'Assumed-role ARN' '$work/step4.txt' && grep -qF 'Expires' '$work/step4.txt'"

tmux_ send-keys -t j F4
wait_for "credentials" 30
tmux_ send-keys -t j -l "What is our incident response process?"
tmux_ send-keys -t j Enter
wait_for "answered by" 30 || true
tmux_ send-keys -t j F4
wait_for "Model call" 30 || true
screen > "$work/after-question.txt"
check "F4 after a question shows its SearchRelevantContent page and the model call" \
  bash -c "grep -qF 'SearchRelevantContent, page 1' '$work/after-question.txt' && grep -qF 'Model call' '$work/after-question.txt'"
tmux_ send-keys -t j Up
sleep 0.5
screen > "$work/page.txt"
check "the page's fields: query and page, its host and region" \
  bash -c "grep -qF 'What is our incident response process?' '$work/page.txt' && grep -qE 'SearchRelevantContent at 127.0.0.1:[0-9]+ · region us-east-1' '$work/page.txt'"
tmux_ send-keys -t j F4
sleep 0.3
tmux_ send-keys -t j C-c
wait_for "Press Ctrl+C again to quit." 10 || true
tmux_ send-keys -t j C-c
wait_for "EXIT=0" 30 || true
check "the demo quits with status 0" screen_shows "EXIT=0"
cleanup_tmux

check "no secret the sandbox issued reached the terminal, in any frame" python3 - "$work/secrets.tsv" "$work" <<'PY'
import glob, os, sys
ledger, work = sys.argv[1:3]
secrets = {}
for number, line in enumerate(open(ledger, encoding="utf-8")):
    kind, value = line.rstrip("\n").split("\t", 1)
    secrets[f"{kind} #{number}"] = value
    if value.count(".") == 2:
        secrets[f"{kind} #{number} signature"] = value.rsplit(".", 1)[1]
kinds = {k.split(" #")[0] for k in secrets}
needed = {"IdP ID token", "Identity Center ID token", "identity context", "STS session token", "STS secret access key"}
if not needed <= kinds:
    print(f"    the ledger lacks {sorted(needed - kinds)}")
    sys.exit(1)
files = [os.path.join(work, "terminal.out")] + glob.glob(os.path.join(work, "*.txt"))
hits = [(name, os.path.basename(path)) for path in files for name, value in secrets.items()
        if value and value in open(path, encoding="utf-8", errors="replace").read()]
for name, path in hits:
    print(f"    {name} found in {path}")
print(f"    scanned {len(files)} captures for {len(secrets)} secrets")
sys.exit(1 if hits else 0)
PY

echo "presenter journey: $JOURNEY_PASSES passed, $JOURNEY_FAILURES failed"
[ "$JOURNEY_FAILURES" -eq 0 ]
