#!/usr/bin/env bash
# Journey: hostile text never reaches the terminal. A corpus of our own, served by
# `qseek sandbox serve --data`, puts escape sequences (CSI, OSC 0/8/52, DCS), C1 controls, bidi
# overrides, zero-width and tag characters into titles, bodies, URIs, attributes, a tenant's
# name and a user's `name` claim; a hostile IdP answers a sign-in with such an `error`, a hostile
# Q Business endpoint and model server answer with such error texts and such an answer. Every
# output path (search text/json/ndjson, ask with and without a model, history, doctor, login,
# whoami, tenants, error messages, and the TUI's raw bytes with its window title and clipboard)
# is checked byte for byte by hostile_bytes.py. Prints the number of paths checked.
# Usage: Journeys/hostile-content.sh PATH/TO/qseek
QSEEK=$(realpath "${1:?usage: hostile-content.sh PATH/TO/qseek}")
here=$(cd "$(dirname "$0")" && pwd)
source "$here/sandbox-lib.sh"
corpus=$work/corpus out=$work/out
mkdir -p "$corpus" "$out"
python3 "$here/hostile_corpus.py" "$corpus"
start_sandbox --data "$corpus"
echo "journey: hostile content through every output path, against $(head -1 "$work/serve.out")"

paths=0
# scan MODE NAME FILE [MARKER]: one output path, checked byte for byte.
scan() { paths=$((paths + 1)); check "$2 holds no terminal control or invisible character" python3 "$here/hostile_bytes.py" "$@"; }
# run OUT ERR COMMAND...: stdout to OUT, stderr to ERR; the exit status is not the point here.
run() {
  local stdout=$1 stderr=$2; shift 2
  if [ "$stdout" = "$stderr" ]; then "$@" > "$stdout" 2>&1 || true; else "$@" > "$stdout" 2> "$stderr" || true; fi
}

tenant=T0900HOST
config_none=$work/none.toml
sed 's/^provider = "bedrock"/provider = "none"/' "$work/sandbox.toml" > "$config_none"

sign_in mallory@hostile.example
scan text "login" "$work/login-mallory@hostile.example.err"
run "$out/whoami.txt" "$out/whoami.txt" "$QSEEK" whoami "${config[@]}"
scan text "whoami" "$out/whoami.txt" Zanzibar
run "$out/whoami.json" "$out/whoami-json.err" "$QSEEK" whoami "${config[@]}" --json
scan json "whoami --json" "$out/whoami.json" Zanzibar
run "$out/tenants.txt" "$out/tenants.txt" "$QSEEK" tenants "${config[@]}"
scan text "tenants" "$out/tenants.txt" Zanzibar
run "$out/tenants.json" "$out/tenants-json.err" "$QSEEK" tenants "${config[@]}" --json
scan json "tenants --json" "$out/tenants.json" Zanzibar

run "$out/search.txt" "$out/search.txt" "$QSEEK" search "Zanzibar policy" --tenant $tenant "${config[@]}"
scan text "search (text, titles, URIs, bodies)" "$out/search.txt" Zanzibar
run "$out/search.json" "$out/search-json.err" "$QSEEK" search "Zanzibar policy" --tenant $tenant "${config[@]}" --json
scan json "search --json (attributes included)" "$out/search.json" Zanzibar
scan text "search --json progress on stderr" "$out/search-json.err"
run "$out/search.ndjson" /dev/null "$QSEEK" search "Zanzibar policy" --tenant $tenant "${config[@]}" --ndjson
scan ndjson "search --ndjson" "$out/search.ndjson" Zanzibar

run "$out/ask-none.txt" "$out/ask-none.txt" "$QSEEK" ask "Zanzibar policy" --tenant $tenant --config "$config_none"
scan text "ask without a model (the assembled prompt)" "$out/ask-none.txt" Zanzibar
run "$out/ask-none.json" /dev/null "$QSEEK" ask "Zanzibar policy" --tenant $tenant --config "$config_none" --json
scan json "ask --json without a model" "$out/ask-none.json" Zanzibar
run "$out/ask.txt" "$out/ask.txt" "$QSEEK" ask "Zanzibar policy" --tenant $tenant "${config[@]}"
scan text "ask with the sandbox model (answer and sources)" "$out/ask.txt" Zanzibar
run "$out/ask.json" /dev/null "$QSEEK" ask "Zanzibar policy" --tenant $tenant "${config[@]}" --json
scan json "ask --json with the sandbox model" "$out/ask.json" Zanzibar

run "$out/history-list.txt" "$out/history-list.txt" "$QSEEK" history list "${config[@]}" --tenant $tenant
scan text "history list" "$out/history-list.txt" Zanzibar
conversation=$("$QSEEK" history list "${config[@]}" --tenant $tenant --json | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])" || echo none)
run "$out/history-show.txt" "$out/history-show.txt" "$QSEEK" history show "$conversation" "${config[@]}" --tenant $tenant
scan text "history show" "$out/history-show.txt" Zanzibar
run "$out/history-export.md" "$out/history-export.md" "$QSEEK" history export "$conversation" "${config[@]}" --tenant $tenant --format md
scan text "history export --format md" "$out/history-export.md" Zanzibar
run "$out/history-export.json" /dev/null "$QSEEK" history export "$conversation" "${config[@]}" --tenant $tenant --format json
scan json "history export --format json" "$out/history-export.json" Zanzibar

run "$out/doctor.txt" "$out/doctor.txt" "$QSEEK" doctor "${config[@]}" --tenant $tenant
scan text "doctor" "$out/doctor.txt"
run "$out/doctor.json" /dev/null "$QSEEK" doctor "${config[@]}" --tenant $tenant --json
scan text "doctor --json" "$out/doctor.json"

# A hostile IdP: the callback carries an `error` and `error_description` full of controls.
# Not a demo user: qseek would approve a demo user itself before the hostile answer arrives.
"$QSEEK" login "${config[@]}" --no-browser --user outsider@hostile.example 2> "$out/login-refused.txt" &
login=$!
for _ in $(seq 1 600); do grep -qo 'http://127.0.0.1[^ ]*/authorize[^ ]*' "$out/login-refused.txt" 2>/dev/null && break; sleep 0.1; done
python3 - "$(grep -o 'http://127.0.0.1[^ ]*/authorize[^ ]*' "$out/login-refused.txt" | head -1)" <<'PY'
import sys, urllib.parse, urllib.request
query = urllib.parse.parse_qs(urllib.parse.urlparse(sys.argv[1]).query)
hostile = "Zanzibar\x1b]0;pwned\x07\x1b[2J\u202eevil\u200b\x9b31m\U000E0041"
callback = query["redirect_uri"][0] + "?" + urllib.parse.urlencode(
    {"error": "access_denied" + hostile, "error_description": "refused " + hostile, "state": query["state"][0]})
try:
    urllib.request.urlopen(callback, timeout=10).read()
except Exception:
    pass  # the receiver answers 400 for an error page; the CLI's words are what is checked
PY
wait $login || true
scan text "login refused by a hostile IdP (OAuth error fields)" "$out/login-refused.txt" Zanzibar

# A hostile Q Business and a hostile model server: loopback stand-ins that answer with
# controls in their error texts (AWS message/reason/fields; a model server's error body) and a
# model answer that tries the same.
python3 "$here/hostile_servers.py" "$work/hostile-port" > "$work/hostile-servers.log" 2>&1 &
hostile_server=$!
trap 'kill $hostile_server 2>/dev/null || true; stop_sandbox' EXIT
for _ in $(seq 1 100); do [ -s "$work/hostile-port" ] && break; sleep 0.1; done
hostile_base="http://127.0.0.1:$(cat "$work/hostile-port")"
sed "s|^qbusiness = .*|qbusiness = \"$hostile_base/qbusiness\"|" "$work/sandbox.toml" > "$work/hostile-aws.toml"
run "$out/aws-error.txt" "$out/aws-error.txt" "$QSEEK" search "Zanzibar policy" --tenant $tenant --config "$work/hostile-aws.toml"
scan text "search refused by a hostile AWS endpoint (message, reason, fields)" "$out/aws-error.txt" Zanzibar
run "$out/doctor-aws-error.txt" "$out/doctor-aws-error.txt" "$QSEEK" doctor --config "$work/hostile-aws.toml" --tenant $tenant
scan text "doctor with a hostile AWS endpoint" "$out/doctor-aws-error.txt" Zanzibar
python3 - "$work/sandbox.toml" "$hostile_base" "$work" <<'PY'
import re, sys
text, base, work = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3]
model = text[:text.index("[model]")]
for name, path in (("answer", "/answer/v1"), ("broken", "/broken/v1")):
    open(f"{work}/model-{name}.toml", "w").write(model + f'[model]\nprovider = "openai"\nmodel_id = "hostile"\nbase_url = "{base}{path}"\n')
PY
run "$out/model-answer.txt" "$out/model-answer.txt" "$QSEEK" ask "Zanzibar policy" --tenant $tenant --config "$work/model-answer.toml"
scan text "ask with a model whose answer holds controls" "$out/model-answer.txt" Zanzibar
run "$out/model-error.txt" "$out/model-error.txt" "$QSEEK" ask "Zanzibar policy" --tenant $tenant --config "$work/model-broken.toml"
scan text "ask with a model server's hostile error body" "$out/model-error.txt" Zanzibar

# The TUI: every byte it writes to the terminal, recorded with tmux pipe-pane, including what
# it sets as the window title and what `y` copies over OSC 52.
source "$here/lib.sh"
trap 'cleanup_tmux; kill $hostile_server 2>/dev/null || true; stop_sandbox' EXIT
start_shell 120 40
tmux_ pipe-pane -t j -o "cat >> '$out/tui.raw'"
type_line "$(private_env)"
type_line "$QSEEK ${config[*]} 2> '$out/tui.err'; echo EXIT=\$?"
wait_for "Choose a tenant" 30 || true
tmux_ send-keys -t j Enter
wait_for "Tab panes" 30 || true
tmux_ send-keys -t j -l "Zanzibar policy"
tmux_ send-keys -t j Enter
wait_for "answered by" 60 || true
for _ in 1 2 3; do tmux_ send-keys -t j Tab; sleep 0.3; tmux_ send-keys -t j y; sleep 0.5; done
screen > "$out/tui-screen.txt"
tmux_ send-keys -t j C-c
wait_for "Press Ctrl+C again to quit." 10 || true
tmux_ send-keys -t j C-c
wait_for "EXIT=" 30 || true
sleep 0.3
scan tui "the TUI's terminal output (window title and clipboard included)" "$out/tui.raw" Zanzibar
scan text "the TUI's stderr" "$out/tui.err"
check "the TUI showed the hostile documents" grep -q Zanzibar "$out/tui-screen.txt"
check "the TUI copied something over OSC 52 (so the clipboard was checked)" grep -q $'\e]52;' "$out/tui.raw"

# lib.sh's check counts in its own variables.
passes=$((passes + JOURNEY_PASSES)) failures=$((failures + JOURNEY_FAILURES))
echo "hostile-content: $paths output paths checked"
finish "hostile-content journey"
