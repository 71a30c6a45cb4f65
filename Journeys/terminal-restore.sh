#!/usr/bin/env bash
# Journey: the terminal is restored whatever way qseek ends — SIGTERM, SIGINT and SIGHUP
# from outside while the full-screen UI runs, and a fatal error: a Swift runtime trap
# (SIGILL on x86-64, SIGTRAP on arm64), abort() (SIGABRT) and a bad memory access (SIGSEGV),
# delivered as the kernel would: same `stty -a` before and after, the shell's screen back
# (alternate screen left), cursor and modes reset, and the signal's own exit status.
# Usage: Journeys/terminal-restore.sh PATH/TO/qseek
QSEEK=$(realpath "${1:?usage: terminal-restore.sh PATH/TO/qseek}")
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'cleanup_tmux; rm -rf "$work"' EXIT

same_settings() {  # same_settings BEFORE AFTER: equal, or show what changed
  cmp -s "$1" "$2" && return 0
  diff "$1" "$2" | head -10 >&2
  return 1
}

for signal in TERM INT HUP ILL TRAP ABRT SEGV; do
  echo "journey: SIG$signal while the UI runs"
  start_shell 80 24
  type_line "stty -a > $work/before-$signal; echo READY-$signal"
  wait_for "READY-$signal"
  # Run it in the foreground (fg), as a user would; the status is read on the next line,
  # since bash drops the rest of a command list whose job died of SIGINT.
  type_line "ulimit -c 0; $QSEEK themes preview & echo \$! > $work/pid-$signal; fg"
  wait_for "q quit"
  kill -s "$signal" "$(cat "$work/pid-$signal")"
  sleep 0.5
  type_line "echo EXIT=\$?"
  wait_for "EXIT=1" 10 || true  # every signal status is 129..143; "EXIT=" alone matches the typed line
  check "SIG$signal ends qseek with the signal's status" screen_shows "EXIT=$((128 + $(kill -l "$signal")))"
  check "SIG$signal: the shell's screen is back" screen_shows "READY-$signal"
  type_line "stty -a > $work/after-$signal; echo SAVED-$signal"
  wait_for "SAVED-$signal"
  check "SIG$signal: terminal settings are restored" same_settings "$work/before-$signal" "$work/after-$signal"
done

echo "terminal restore journey: $JOURNEY_PASSES passed, $JOURNEY_FAILURES failed"
[ "$JOURNEY_FAILURES" -eq 0 ]
