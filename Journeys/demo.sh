#!/usr/bin/env bash
# Journey: `qseek demo` in a real terminal (tmux), as a solutions engineer runs it.
# Sign in as a demo user, choose a tenant, ask; passages stream in and the prompt cites [1];
# the sandbox's extractive model streams its answer into the chat with [1] citations; the
# conversation is exported as Markdown and listed in the history (F3).
# Sign out, sign in as another user of the same tenant, ask the same: a different set.
# Resize to 60x20 and back; a hostile document stays inert; quitting restores the terminal.
# Start again with a slow model: the conversation is in the history and resumes; Ctrl+C stops
# a follow-up's answer mid-stream, the passages stay, and the stopped turn joins the conversation.
# Usage: Journeys/demo.sh PATH/TO/qseek
QSEEK=$(realpath "${1:?usage: demo.sh PATH/TO/qseek}")
source "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'cleanup_tmux; rm -rf "$work"' EXIT

# passage_titles FILE: the passage rows of a captured screen, titles only, sorted.
passage_titles() { { grep -oE '[+−]\[[0-9]+\] [A-Z ]{9} [^│]*' "$1" || true; } | sed -E 's/^[+−]\[[0-9]+\] [A-Z ]{9} //; s/ — [^ ]*$//; s/ +$//' | sort; }

ask() {  # ask QUESTION: in a new conversation, type it and wait until its passages have arrived
  tmux_ send-keys -t j C-n
  wait_for "New conversation." 10
  tmux_ send-keys -t j -l "$1"
  tmux_ send-keys -t j Enter
  # "N passage(s) retrieved" in the chat; the prompt pane's "(none were retrieved)" must not match.
  local deadline=$((SECONDS + 30))
  until screen | grep -qE '[0-9]+ passages? retrieved'; do
    if [ "$SECONDS" -ge "$deadline" ]; then echo "timed out waiting for the passages" >&2; screen >&2; return 1; fi
    sleep 0.1
  done
}

not_on_screen() { ! screen_shows "$1"; }
# chat_rows: the chat pane (the left column of the live screen, each row up to its first inner border).
chat_rows() { screen | sed -nE 's/^│([^│]*)│.*/\1/p'; }

sign_in_as() {  # sign_in_as N: the Nth demo user (0-based), then the first tenant
  wait_for "Sign in as alice@acme.example" 30
  for _ in $(seq 1 "$1"); do tmux_ send-keys -t j Down; done
  tmux_ send-keys -t j Enter
  wait_for "Choose a tenant" 30
  tmux_ send-keys -t j Enter
  wait_for "credentials" 30
}

echo "journey: qseek demo"
start_shell 120 40
type_line "cd $work; stty -a > $work/stty-before; export XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache; echo SHELL-READY"
wait_for SHELL-READY
type_line "$QSEEK demo; echo EXIT=\$?"

sign_in_as 0
check "signed in as alice, the status bar names her and the tenant" screen_shows "alice@acme.example · Acme Cloud"
ask "quarterly planning process"
screen > "$work/alice.txt"
check "passage titles from the sandbox corpus stream into the passages pane" grep -qE '\+\[1\] ' "$work/alice.txt"
check "the prompt pane shows the numbered passages ([1])" grep -qE '│\[1\] ' "$work/alice.txt"
check "every row fits 120 cells with straight borders" python3 "$here/check_screen.py" widths "$work/alice.txt" 120

wait_for "answered by sandbox.extractive-v1" 30
screen > "$work/answer.txt"
# chat_has PATTERN: the chat pane (the left column: each row up to its first inner border) matches.
chat_has() { sed -E 's/^│([^│]*)│.*/\1/' "$work/answer.txt" | grep -v '^ *›' | grep -qE -- "$1"; }
check "the extractive model's answer streams into the chat" chat_has 'extractive demo model'
check "the answer cites the passages as [n]" chat_has '\[[0-9]+\]'
check "the status bar shows the answer's token usage" grep -qE '[0-9]+\+[0-9]+ tok' "$work/answer.txt"
tmux_ send-keys -t j Tab
tmux_ send-keys -t j x
wait_for "Exported the conversation to" 10
check "x in the chat exports the conversation as Markdown with its sources" \
  bash -c "grep -q '^## quarterly planning process' $work/qseek-conversation-*.md && grep -q '^\*\*Sources\*\*' $work/qseek-conversation-*.md"
tmux_ send-keys -t j F3
wait_for "1 turn" 10 || true
check "F3 lists the conversation in the history" screen_shows "› quarterly planning process"
tmux_ send-keys -t j Escape
sleep 0.5
check "the history database is 0600" bash -c "[ \"\$(stat -c %a '$work/state/qseek/history.sqlite')\" = 600 ]"

tmux_ send-keys -t j C-o
sign_in_as 1
check "signed in as bob after signing out" screen_shows "bob@acme.example · Acme Cloud"
ask "quarterly planning process"
screen > "$work/bob.txt"
passage_titles "$work/alice.txt" > "$work/alice-titles"
passage_titles "$work/bob.txt" > "$work/bob-titles"
check "alice saw passages" test -s "$work/alice-titles"
check "bob saw passages" test -s "$work/bob-titles"
check "bob (sales) gets a different set than alice (engineering)" bash -c "! cmp -s '$work/alice-titles' '$work/bob-titles'"

tmux_ resize-window -t j -x 60 -y 20
sleep 1
screen > "$work/small.txt"
check "at 60x20 every row fits and borders stay straight (tabs)" python3 "$here/check_screen.py" widths "$work/small.txt" 60
check "at 60x20 the panes became tabs" grep -q "Chat   Passages   Prompt" "$work/small.txt"
tmux_ resize-window -t j -x 120 -y 40
sleep 1
screen > "$work/big-again.txt"
check "back at 120x40 the side-by-side layout returns, no garbage" python3 "$here/check_screen.py" widths "$work/big-again.txt" 120
check "back at 120x40 the passages are still there" grep -qE '\+\[1\] ' "$work/big-again.txt"

ask "Escape handling test"
tmux_ send-keys -t j Tab
tmux_ send-keys -t j Enter
sleep 1
screen_with_escapes > "$work/hostile.txt"
check "the hostile document is on screen" grep -q "Escape handling test" "$work/hostile.txt"
check "its escape sequences never reach the terminal (no ESC[2J, OSC, C1, U+202E)" \
  python3 -c "import sys; t=open(sys.argv[1],encoding='utf-8').read(); bad=['\x1b[2J','\x1b]','\x9b','\u202e']; sys.exit(1 if any(b in t for b in bad) else 0)" "$work/hostile.txt"

# Ctrl+C first stops an answer still being written; quitting is for an idle screen.
deadline=$((SECONDS + 30))
while screen | grep -qF "answering…" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
tmux_ send-keys -t j C-c
wait_for "Press Ctrl+C again to quit." 10
tmux_ send-keys -t j C-c
wait_for "EXIT=0" 30 || true  # "EXIT=" alone also matches the typed command line
check "Ctrl+C twice quits with status 0" screen_shows "EXIT=0"
check "the shell screen is back" screen_shows "SHELL-READY"
type_line "stty -a > $work/stty-after; echo STTY-SAVED"
wait_for STTY-SAVED
check "terminal settings (stty -a) are restored" cmp -s "$work/stty-before" "$work/stty-after"

echo "journey: qseek demo again, with a slow model (--faults model-pace=400ms)"
type_line "clear; $QSEEK demo --faults model-pace=400ms; echo SECOND-EXIT=\$?"
sign_in_as 0
tmux_ send-keys -t j F3
wait_for "History · Acme Cloud" 10
wait_for "1 turn" 10 || true
check "after a restart, F3 still lists alice's conversation" screen_shows "› quarterly planning process"
tmux_ send-keys -t j Enter
wait_for "Resumed a conversation of 1 turn" 10
screen > "$work/resumed.txt"
check "Enter resumes it: the question and its answer are back in the chat" \
  bash -c "grep -q '› quarterly planning process' '$work/resumed.txt' && grep -q 'extractive demo model' '$work/resumed.txt'"
check "the passages pane says the resumed turn's passages are not kept" grep -q "Resumed from the history" "$work/resumed.txt"

tmux_ send-keys -t j -l "and who responded to the outage?"
tmux_ send-keys -t j Enter
wait_for "answering…" 30
screen > "$work/followup.txt"; check "the follow-up is searched with the earlier question's words, and the chat says so" \
  grep -q "searched: and who responded to the outage?" "$work/followup.txt" || { grep -i "searched" "$work/followup.txt" >&2; false; }
sleep 2  # a few deltas arrive, one every 400 ms; the whole answer takes about ten seconds
check "the follow-up's answer is still being written" screen_shows "answering…"
tmux_ send-keys -t j C-c
wait_for "Answer stopped." 10
check "Ctrl+C stops the answer mid-stream, in words" screen_shows "answer stopped"
chat_rows > "$work/stopped-1.txt"
sleep 2
chat_rows > "$work/stopped-2.txt"
check "no more of the answer arrives after the stop" cmp -s "$work/stopped-1.txt" "$work/stopped-2.txt"
check "the follow-up's passages stay on screen" screen_shows "+[1] "
check "the status bar no longer says answering" not_on_screen "answering…"
tmux_ send-keys -t j C-c
wait_for "Press Ctrl+C again to quit." 10
tmux_ send-keys -t j C-c
wait_for "SECOND-EXIT=0" 30 || true
check "the second run quits with status 0" screen_shows "SECOND-EXIT=0"
check "the history holds both turns in one conversation, the second marked stopped" python3 - "$work/state/qseek/history.sqlite" <<'PY'
import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute(
    "SELECT question, stopped FROM turn WHERE conversation_id = "
    "(SELECT conversation_id FROM turn WHERE question = 'and who responded to the outage?') ORDER BY position").fetchall()
sys.exit(0 if rows == [("quarterly planning process", 0), ("and who responded to the outage?", 1)] else f"turns: {rows}")
PY

echo "demo journey: $JOURNEY_PASSES passed, $JOURNEY_FAILURES failed"
[ "$JOURNEY_FAILURES" -eq 0 ]
