# Shared helpers for journey tests: the real qseek binary driven through tmux.
# Source it; it expects QSEEK (the binary) and sets up a private tmux server.

set -euo pipefail
export LANG=C.UTF-8 LC_ALL=C.UTF-8
TMUX_SOCKET="qseek-journey-$$"
JOURNEY_FAILURES=0
JOURNEY_PASSES=0

tmux_() { tmux -L "$TMUX_SOCKET" "$@"; }

cleanup_tmux() { tmux_ kill-server >/dev/null 2>&1 || true; }
trap cleanup_tmux EXIT

# start_shell WIDTH HEIGHT: a plain shell in a fresh session called "j".
start_shell() {
  cleanup_tmux
  # A fresh server per shell: reusing a socket right after kill-server races its exit.
  SHELL_COUNT=$(( ${SHELL_COUNT:-0} + 1 ))
  TMUX_SOCKET="qseek-journey-$$-$SHELL_COUNT"
  tmux_ -f /dev/null new-session -d -s j -x "$1" -y "$2" "env -i HOME=\"$HOME\" PATH=\"$PATH\" TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 PS1='$ ' bash --norc --noprofile"
  tmux_ set-option -g status off >/dev/null
  sleep 0.3
}

type_line() { tmux_ send-keys -t j -l "$1"; tmux_ send-keys -t j Enter; }
screen() { tmux_ capture-pane -p -t j; }
screen_with_escapes() { tmux_ capture-pane -p -e -t j; }
screen_shows() { screen | grep -qF -- "$1"; }

# wait_for TEXT [SECONDS]: until the screen shows TEXT.
wait_for() {
  local deadline=$((SECONDS + ${2:-10}))
  while ! screen | grep -qF -- "$1"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "timed out waiting for: $1" >&2
      screen >&2
      return 1
    fi
    sleep 0.1
  done
}

check() {  # check NAME COMMAND...: runs COMMAND, counts it as a pass or a failure
  local name=$1; shift
  if "$@"; then
    echo "  ✓ $name"; JOURNEY_PASSES=$((JOURNEY_PASSES + 1))
  else
    echo "  ✗ $name"; JOURNEY_FAILURES=$((JOURNEY_FAILURES + 1))
  fi
}
