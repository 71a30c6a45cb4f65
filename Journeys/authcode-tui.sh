#!/usr/bin/env bash
# Journey: the TUI switching between a TTI tenant (Acme Cloud) and an auth-code tenant (Globex
# Health) against `qseek sandbox serve`. Priya, a consultant in all three tenants, signs in at
# the ISV's IdP; the picker marks Globex as signing in at its own Identity Center; choosing it
# runs that sign-in (a demo user of the tenant: nobody at a browser) and the header names the
# Identity Center user; back to Acme, the header names the IdP user. Started again, Globex
# needs no sign-in: the refresh token renews it with no browser.
# Usage: Journeys/authcode-tui.sh PATH/TO/qseek
QSEEK=$(realpath "${1:?usage: authcode-tui.sh PATH/TO/qseek}")
source "$(dirname "$0")/sandbox-lib.sh"
source "$(dirname "$0")/lib.sh"
# lib.sh brings its own check; count as sandbox-lib's does, which `finish` reports.
check() {
  local name=$1; shift
  if "$@"; then echo "  ✓ $name"; passes=$((passes + 1)); else echo "  ✗ $name"; failures=$((failures + 1)); fi
}
trap 'cleanup_tmux; stop_sandbox' EXIT
start_sandbox
echo "journey: the TUI across a TTI and an auth-code tenant, against $(head -1 "$work/serve.out")"

ask() {  # ask QUESTION: type it and wait until its passages have arrived
  tmux_ send-keys -t j -l "$1"
  tmux_ send-keys -t j Enter
  local deadline=$((SECONDS + 30))
  until screen | grep -qE '[0-9]+ passages? retrieved'; do
    if [ "$SECONDS" -ge "$deadline" ]; then echo "timed out waiting for the passages" >&2; screen >&2; return 1; fi
    sleep 0.1
  done
}

choose_tenant() {  # choose_tenant FILTER: type the filter in the picker, Enter, wait for the main screen
  tmux_ send-keys -t j -l "$1"
  tmux_ send-keys -t j Enter
  wait_for "credentials" 60
}

quit_tui() {  # Ctrl+C stops an answer still streaming; twice more when idle quits
  for _ in 1 2 3; do
    screen_shows "EXIT=" && break
    tmux_ send-keys -t j C-c
    sleep 0.5
  done
  wait_for "EXIT=" 10 || true
}

start_tui() {
  start_shell 140 40
  type_line "$(private_env); echo SHELL-READY"
  wait_for SHELL-READY
  type_line "$QSEEK ${config[*]}; echo EXIT=\$?"
}

start_tui
wait_for "Sign in as priya@consult.example" 30
for _ in $(seq 1 7); do tmux_ send-keys -t j Down; done
tmux_ send-keys -t j Enter
wait_for "Choose a tenant" 30
check "the picker marks the auth-code tenant as signing in at its Identity Center" screen_shows "T0300GLBX · us-east-1  · signs in at its Identity Center"
check "and not the TTI tenants" bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -t j | grep 'T0100ACME' | grep -q 'Identity Center'"

choose_tenant "Acme"
check "on the TTI tenant, the header names the IdP user" screen_shows "priya@consult.example · Acme Cloud (T0100ACME)"
ask "quarterly planning process"
check "Acme's passages arrive" bash -c "tmux -L $TMUX_SOCKET capture-pane -p -t j | grep -qE '[0-9]+ passages? retrieved'"

tmux_ send-keys -t j C-t
wait_for "Choose a tenant" 10
choose_tenant "Globex"
check "on the auth-code tenant, the header names the Identity Center user" screen_shows "priya@consult.example (Identity Center) · Globex Health (T0300GLBX)"
check "the Identity Center sign-in is cached 0600" bash -c "f=\$(grep -l '\"tenantID\":\"T0300GLBX\"' $XDG_CACHE_HOME/qseek/*.json) && [ \"\$(stat -c %a \$f)\" = 600 ]"
ask "contractor access policy"
screen > "$work/globex.txt"
check "Globex's passages arrive (its contractor policy)" grep -q "Contractor access to clinical systems" "$work/globex.txt"

tmux_ send-keys -t j C-t
wait_for "Choose a tenant" 10
check "the picker now names Globex's Identity Center user" screen_shows "IdC: priya@consult.example"
choose_tenant "Acme"
check "back on Acme, the header names the IdP user again" screen_shows "priya@consult.example · Acme Cloud (T0100ACME)"

quit_tui
before=$(python3 -c "import json,glob; print([json.load(open(f))['refreshToken'] for f in glob.glob('$XDG_CACHE_HOME/qseek/*.json') if 'tenantID' in json.load(open(f))][0])")
start_tui
wait_for "Choose a tenant" 30
check "started again, Globex needs no sign-in" bash -c "! tmux -L $TMUX_SOCKET capture-pane -p -t j | grep -q 'signs in at its Identity Center'"
choose_tenant "Globex"
check "choosing it renews with the refresh token (no browser), and names the user" screen_shows "priya@consult.example (Identity Center) · Globex Health"
after=$(python3 -c "import json,glob; print([json.load(open(f))['refreshToken'] for f in glob.glob('$XDG_CACHE_HOME/qseek/*.json') if 'tenantID' in json.load(open(f))][0])")
check "the renewal rotated the refresh token" test "$before" != "$after"
quit_tui

finish "auth-code TUI journey"
