#!/usr/bin/env bash
# Makes docs/images/flow-view.png from a real run: `qseek demo --presenter` in tmux (120x40),
# signed in as the first demo user, first tenant, Space pressed twice so CreateTokenWithIAM
# waits with the ID token decoded; the pane with its colours is captured and rendered
# (scripts/lib/tmux-screenshot.sh says how, and what it needs).
# Usage: scripts/capture-flow-screenshot.sh PATH/TO/qseek [OUT.png]
set -euo pipefail
QSEEK=$(realpath "${1:?usage: capture-flow-screenshot.sh PATH/TO/qseek [OUT.png]}")
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$here/../docs/images/flow-view.png}
source "$here/lib/tmux-screenshot.sh"

screenshot_start 120 40 "$QSEEK" demo --presenter
demo_sign_in
wait_for "Not sent yet"
tmux_ send-keys -t s Space
wait_for "grant-type:jwt-bearer"
sleep 0.5
screenshot_render "$out"
