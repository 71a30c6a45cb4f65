#!/usr/bin/env bash
# Makes docs/images/flow-view.png from a real run: `qseek demo --presenter` in tmux (120x40),
# signed in as the first demo user, first tenant, Space pressed twice so CreateTokenWithIAM
# waits with the ID token decoded; the pane with its colours is captured (`tmux capture-pane
# -e -p`) and rendered by scripts/render-ansi-screenshot.py with Pillow, which this script
# installs from PyPI into a venv under its own cache directory.
# Usage: scripts/capture-flow-screenshot.sh PATH/TO/qseek [OUT.png]
# Needs tmux, python3 with venv, and a monospace font (Debian: fonts-dejavu-core).
set -euo pipefail
QSEEK=$(realpath "${1:?usage: capture-flow-screenshot.sh PATH/TO/qseek [OUT.png]}")
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$here/../docs/images/flow-view.png}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/qseek-screenshot
work=$(mktemp -d)
socket="qseek-flow-shot-$$"
tmux_() { tmux -L "$socket" "$@"; }
trap 'tmux_ kill-server >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

if [ ! -x "$cache/venv/bin/python" ] || ! "$cache/venv/bin/python" -c "import PIL" 2>/dev/null; then
  python3 -m venv "$cache/venv"
  "$cache/venv/bin/pip" install --quiet --disable-pip-version-check "pillow>=10,<12"
fi

wait_for() {  # wait_for TEXT [SECONDS]
  local deadline=$((SECONDS + ${2:-30}))
  until tmux_ capture-pane -p -t s | grep -qF -- "$1"; do
    if [ "$SECONDS" -ge "$deadline" ]; then echo "timed out waiting for: $1" >&2; tmux_ capture-pane -p -t s >&2; exit 1; fi
    sleep 0.2
  done
}

tmux_ -f /dev/null new-session -d -s s -x 120 -y 40 \
  "env -i HOME=$work PATH=$PATH TERM=xterm-256color COLORTERM=truecolor LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache $QSEEK demo --presenter"
tmux_ set-option -g status off >/dev/null
wait_for "Sign in as alice@acme.example"
tmux_ send-keys -t s Enter
wait_for "Choose a tenant"
tmux_ send-keys -t s Enter
wait_for "Not sent yet"
tmux_ send-keys -t s Space
wait_for "grant-type:jwt-bearer"
sleep 0.5
tmux_ capture-pane -e -p -t s > "$work/screen.ans"
[ -n "${KEEP_CAPTURE:-}" ] && cp "$work/screen.ans" "$KEEP_CAPTURE"
mkdir -p "$(dirname "$out")"
"$cache/venv/bin/python" "$here/render-ansi-screenshot.py" "$work/screen.ans" "$out" --columns 120
echo "wrote $out"
