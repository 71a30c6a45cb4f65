# Sourced by scripts/capture-*-screenshot.sh: runs qseek in a private tmux server, waits for
# text on its screen, captures the pane with its colours (`tmux capture-pane -e -p`) and renders
# it with scripts/render-ansi-screenshot.py, using Pillow from PyPI in a venv under
# ${XDG_CACHE_HOME:-~/.cache}/qseek-screenshot (installed on first use).
# Needs tmux, python3 with venv, and a monospace font (Debian: fonts-dejavu-core).
#
#   screenshot_start COLUMNS ROWS QSEEK [ARGS...]   start `QSEEK ARGS...` in a COLUMNS x ROWS pane
#   wait_for TEXT [SECONDS]                        until the pane shows TEXT (default 30 s)
#   tmux_ send-keys -t s ...                       type into it
#   demo_sign_in                                   `qseek demo`: the first demo user, first tenant
#   screenshot_render OUT.png                      capture, render to OUT.png (and $KEEP_CAPTURE)
# The tmux server and the scratch directory are removed on exit.

screenshot_lib="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
screenshot_work=$(mktemp -d)
screenshot_socket="qseek-screenshot-$$"
tmux_() { tmux -L "$screenshot_socket" "$@"; }
trap 'tmux_ kill-server >/dev/null 2>&1 || true; rm -rf "$screenshot_work"' EXIT

screenshot_venv=${XDG_CACHE_HOME:-$HOME/.cache}/qseek-screenshot/venv
screenshot_python=$screenshot_venv/bin/python
screenshot_columns=""

screenshot_start() {  # screenshot_start COLUMNS ROWS QSEEK [ARGS...]
  local rows=$2; screenshot_columns=$1; shift 2
  # Pillow first, so that nothing waits between the screen being ready and its capture.
  if [ ! -x "$screenshot_python" ] || ! "$screenshot_python" -c "import PIL" 2>/dev/null; then
    python3 -m venv "$screenshot_venv"
    "$screenshot_venv/bin/pip" install --quiet --disable-pip-version-check "pillow>=10,<12"
  fi
  # A clean environment: a fresh HOME, state and cache, so no sign-in or history of the user's shows.
  tmux_ -f /dev/null new-session -d -s s -x "$screenshot_columns" -y "$rows" \
    "env -i HOME=$screenshot_work PATH=$PATH TERM=xterm-256color COLORTERM=truecolor LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_STATE_HOME=$screenshot_work/state XDG_CACHE_HOME=$screenshot_work/cache $*"
  tmux_ set-option -g status off >/dev/null
}

wait_for() {  # wait_for TEXT [SECONDS]
  local deadline=$((SECONDS + ${2:-30}))
  until tmux_ capture-pane -p -t s | grep -qF -- "$1"; do
    if [ "$SECONDS" -ge "$deadline" ]; then echo "timed out waiting for: $1" >&2; tmux_ capture-pane -p -t s >&2; exit 1; fi
    sleep 0.2
  done
}

demo_sign_in() {  # qseek demo's first screens: Enter on the first user, Enter on the first tenant
  wait_for "Sign in as alice@acme.example"
  tmux_ send-keys -t s Enter
  wait_for "Choose a tenant"
  tmux_ send-keys -t s Enter
}

screenshot_render() {  # screenshot_render OUT.png
  local out=$1
  tmux_ capture-pane -e -p -t s > "$screenshot_work/screen.ans"
  if [ -n "${KEEP_CAPTURE:-}" ]; then cp "$screenshot_work/screen.ans" "$KEEP_CAPTURE"; fi
  mkdir -p "$(dirname "$out")"
  "$screenshot_python" "$screenshot_lib/../render-ansi-screenshot.py" "$screenshot_work/screen.ans" "$out" --columns "$screenshot_columns"
  echo "wrote $out"
}
