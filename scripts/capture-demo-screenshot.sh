#!/usr/bin/env bash
# Makes docs/qseek-demo.png from a real run: `qseek demo` in tmux (120x36), signed in as the
# first demo user, first tenant, one question; the pane with its colours is captured and
# rendered (scripts/lib/tmux-screenshot.sh says how, and what it needs).
# Usage: scripts/capture-demo-screenshot.sh PATH/TO/qseek [OUT.png]
set -euo pipefail
QSEEK=$(realpath "${1:?usage: capture-demo-screenshot.sh PATH/TO/qseek [OUT.png]}")
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$here/../docs/qseek-demo.png}
source "$here/lib/tmux-screenshot.sh"

screenshot_start 120 36 "$QSEEK" demo
demo_sign_in
wait_for "credentials"
tmux_ send-keys -t s -l "What is our incident response process?"
tmux_ send-keys -t s Enter
wait_for " retrieved"
sleep 2   # let the answer finish streaming
screenshot_render "$out"
