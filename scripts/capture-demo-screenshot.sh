#!/usr/bin/env bash
# Makes docs/qseek-demo.png from a real run: `qseek demo` in tmux (120x36), signed in as the
# first demo user, first tenant, one question; the pane with its colours is captured
# (`tmux capture-pane -e -p`) and rendered by scripts/render-ansi-screenshot.py.
# Usage: scripts/capture-demo-screenshot.sh PATH/TO/qseek [OUT.png]
# Needs tmux, Python 3 with Pillow (pip install pillow) and fonts-dejavu-core.
set -euo pipefail
QSEEK=$(realpath "${1:?usage: capture-demo-screenshot.sh PATH/TO/qseek [OUT.png]}")
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$here/../docs/qseek-demo.png}
work=$(mktemp -d)
socket="qseek-screenshot-$$"
tmux_() { tmux -L "$socket" "$@"; }
trap 'tmux_ kill-server >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

wait_for() {  # wait_for TEXT [SECONDS]
  local deadline=$((SECONDS + ${2:-30}))
  until tmux_ capture-pane -p -t s | grep -qF -- "$1"; do
    if [ "$SECONDS" -ge "$deadline" ]; then echo "timed out waiting for: $1" >&2; tmux_ capture-pane -p -t s >&2; exit 1; fi
    sleep 0.2
  done
}

tmux_ -f /dev/null new-session -d -s s -x 120 -y 36 \
  "env -i HOME=$work PATH=$PATH TERM=xterm-256color COLORTERM=truecolor LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache $QSEEK demo"
tmux_ set-option -g status off >/dev/null
wait_for "Sign in as alice@acme.example"
tmux_ send-keys -t s Enter
wait_for "Choose a tenant"
tmux_ send-keys -t s Enter
wait_for "credentials"
tmux_ send-keys -t s -l "What is our incident response process?"
tmux_ send-keys -t s Enter
wait_for " retrieved"
sleep 2   # let the answer finish streaming
tmux_ capture-pane -e -p -t s > "$work/screen.ans"
[ -n "${KEEP_CAPTURE:-}" ] && cp "$work/screen.ans" "$KEEP_CAPTURE"
mkdir -p "$(dirname "$out")"
python3 "$here/render-ansi-screenshot.py" "$work/screen.ans" "$out" --columns 120
echo "wrote $out"
