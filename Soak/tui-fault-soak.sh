#!/usr/bin/env bash
# TUI fault soak: the full-screen qseek, in tmux, against `qseek sandbox serve --faults ...`
# (throttling, server errors, latency, credentials that expire every 30 s, dropped connections).
# Ask QUESTIONS questions, one conversation each: every turn must end in passages or an error in
# words, and its answer in an answer or an error in words — never a crash or a Swift dump. Retries
# must show in the --debug log. qseek's own open files, threads, memory and the effect runner's
# tasks in flight are read after a warm-up and at the end (from /proc and the log's vitals lines):
# no growth.
# Usage: Soak/tui-fault-soak.sh PATH/TO/qseek [QUESTIONS]   (CI runs a short version)
QSEEK=$(realpath "${1:?usage: tui-fault-soak.sh PATH/TO/qseek [QUESTIONS]}")
questions_to_ask=${2:-40}
faults=${FAULTS:-throttle=0.2,error=0.05,latency=20ms..300ms,expire-credentials-after=30s,drop=0.02}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../Journeys/sandbox-lib.sh"
source "$here/../Journeys/lib.sh"   # tmux helpers; its check() counts JOURNEY_PASSES/FAILURES
trap 'cleanup_tmux; stop_sandbox' EXIT

start_sandbox --faults "$faults" --seed 11
sign_in alice@acme.example
echo "TUI fault soak: $questions_to_ask questions against --faults $faults"

start_shell 120 40
type_line "$(private_env); echo SHELL-READY"
wait_for SHELL-READY
type_line "$QSEEK --config $work/sandbox.toml --debug $work/tui.log; echo EXIT=\$?"
wait_for "Choose a tenant" 30
pid=$(pgrep -n -f -- "--debug $work/tui.log")

# The exchange meets the faults too: a failed step is shown in words; Enter tries again.
for attempt in 1 2 3 4 5 6; do
  tmux_ send-keys -t j Enter
  deadline=$((SECONDS + 30))
  until screen | grep -qE 'credentials [0-9]+m|✗' || [ "$SECONDS" -ge "$deadline" ]; do sleep 0.2; done
  screen | grep -qE 'credentials [0-9]+m' && break
done
check "the tenant's credentials arrive despite the faults" bash -c "tmux -L '$TMUX_SOCKET' capture-pane -p -t j | grep -qE 'credentials [0-9]+m'"

# settled: no search or answer in flight, and the last question's turn shows how it ended.
settled() {
  local s; s=$(screen)
  ! grep -qE 'searching…|answering…' <<<"$s" || return 1
  grep -qE '[0-9]+ passages? retrieved|✗ |cancelled' <<<"$s"
}
vitals() {  # fds threads rssKB of the qseek process
  echo "$(ls /proc/$pid/fd | wc -l) $(awk '/^Threads/ {print $2}' /proc/$pid/status) $(awk '/^VmRSS/ {print $2}' /proc/$pid/status)"
}
topics=("quarterly planning process" "incident review" "pricing guide" "remote work policy" "idempotency keys"
        "security training" "tenant isolation" "vacation policy")
passages=0 no_match=0 search_errors=0 answers=0 answer_errors=0 unanswered=0 dumps=0 stuck=0
declare -A kinds=()
started=$SECONDS
for n in $(seq 1 "$questions_to_ask"); do
  tmux_ send-keys -t j C-n
  tmux_ send-keys -t j -l "${topics[$((n % ${#topics[@]}))]} $n"
  tmux_ send-keys -t j Enter
  sleep 0.3
  deadline=$((SECONDS + 60))
  until settled; do
    if [ "$SECONDS" -ge "$deadline" ]; then stuck=$((stuck + 1)); echo "question $n did not settle:" >&2; screen >&2; break; fi
    sleep 0.2
  done
  s=$(screen)
  error=$(grep -oE '^│✗ [^│]*' <<<"$s" | head -1 | sed -E 's/^│✗ //; s/ +$//' | cut -c1-50 || true)
  if grep -qE '^│0 passages retrieved' <<<"$s"; then
    no_match=$((no_match + 1))  # nothing this user may read matched: no prompt, so no answer
  elif grep -qE '[0-9]+ passages? retrieved' <<<"$s"; then
    passages=$((passages + 1))
    if grep -q 'answered by' <<<"$s"; then answers=$((answers + 1))
    elif [ -n "$error" ]; then answer_errors=$((answer_errors + 1)); kinds["answer: $error"]=$(( ${kinds["answer: $error"]:-0} + 1 ))
    else unanswered=$((unanswered + 1)); echo "question $n: passages but no answer state:" >&2; screen | head -14 >&2; fi
  else
    search_errors=$((search_errors + 1)); kinds["search: ${error:-?}"]=$(( ${kinds["search: ${error:-?}"]:-0} + 1 ))
  fi
  if grep -qE 'Optional\(|Swift\.|Error\(|Fatal error|[a-z][A-Za-z]+\([a-zA-Z]+: ' <<<"$s"; then dumps=$((dumps + 1)); echo "question $n: a Swift dump on screen" >&2; fi
  [ -d "/proc/$pid" ] || { echo "qseek is gone after question $n" >&2; break; }
  if [ "$n" -eq 3 ]; then read -r fds_warm threads_warm rss_warm <<<"$(vitals)"; fi
done
elapsed=$((SECONDS - started))
alive=0; [ -d "/proc/$pid" ] && alive=1
# Idle for two vitals periods (5 s each), so the log's last line shows the runner at rest.
sleep 11
read -r fds_end threads_end rss_end <<<"$( [ "$alive" -eq 1 ] && vitals || echo '0 0 0')"
tasks_line=$(grep ' vitals ' "$work/tui.log" | tail -1)
tasks_end=$(sed -nE 's/.*tasks=([0-9]+).*/\1/p' <<<"$tasks_line")
tasks_max=$(grep ' vitals ' "$work/tui.log" | sed -nE 's/.*tasks=([0-9]+).*/\1/p' | sort -n | tail -1)
retries=$(grep -c 'AWS call failed' "$work/tui.log" || true)

echo "  $questions_to_ask questions in $elapsed s: passages $passages, no match $no_match, search errors in words $search_errors;" \
     "answers $answers, answer errors in words $answer_errors, not answered $unanswered; Swift dumps $dumps; stuck $stuck"
for kind in "${!kinds[@]}"; do echo "    ${kinds[$kind]} × $kind"; done
echo "  retried AWS calls in the debug log: $retries"
echo "  qseek after 3 questions → at the end: open files $fds_warm → $fds_end, threads $threads_warm → $threads_end," \
     "resident memory $rss_warm kB → $rss_end kB; effect tasks in flight at rest: ${tasks_end:-?} (most seen: ${tasks_max:-?})"
check "qseek is still running after every question (no crash)" test "$alive" -eq 1
check "every question settled: passages or an error in words" test "$stuck" -eq 0
check "no Swift dump on screen" test "$dumps" -eq 0
check "some questions got passages despite the faults" test "$passages" -gt 0
check "every question with passages got an answer or an error in words" test "$unanswered" -eq 0
check "retries show in the --debug log" test "$retries" -gt 0
check "no growth in open files (≤ 2 more than after the warm-up)" test "$fds_end" -le $((fds_warm + 2))
check "no growth in threads (≤ 2 more; thread pools size themselves)" test "$threads_end" -le $((threads_warm + 2))
check "memory grows less than 16 MB" test "$rss_end" -le $((rss_warm + 16384))
check "no effect task left running at rest" test "${tasks_end:-1}" -eq 0
check "the flow's transitions are in the --debug log by name" grep -qE ' flow action=exchangeSucceeded' "$work/tui.log"

tmux_ send-keys -t j C-c
wait_for "Press Ctrl+C again to quit." 10 || true
tmux_ send-keys -t j C-c
wait_for "EXIT=0" 30 || true
check "it quits with status 0" screen_shows "EXIT=0"
echo "TUI fault soak: $JOURNEY_PASSES passed, $JOURNEY_FAILURES failed"
[ "$JOURNEY_FAILURES" -eq 0 ]
