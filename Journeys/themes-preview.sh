#!/usr/bin/env bash
# Journey: `qseek themes preview high-contrast` in a real terminal (tmux, 80×24, UTF-8).
# Usage: Journeys/themes-preview.sh PATH/TO/qseek
QSEEK=$(realpath "${1:?usage: themes-preview.sh PATH/TO/qseek}")
source "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)

echo "journey: themes preview"
start_shell 80 24
type_line "stty -a > /tmp/qseek-stty-before-$$; echo SHELL-READY"
wait_for SHELL-READY
type_line "$QSEEK themes preview high-contrast; echo EXIT=\$?"
wait_for "q quit"
screen > /tmp/qseek-preview-$$.txt

check "every row is 80 cells and boxed rows with CJK/emoji end in a straight border" \
  python3 "$here/check_screen.py" widths /tmp/qseek-preview-$$.txt 80
check "the screen shows CJK and emoji inside boxes" \
  grep -qE '│.*(出張規程|漢字).*│' /tmp/qseek-preview-$$.txt

tmux_ send-keys -t j q
wait_for "EXIT=0" 10 || true  # "EXIT=" alone also matches the typed command line
check "q exits with status 0" screen_shows "EXIT=0"
check "the shell screen is back (alternate screen left)" screen_shows "SHELL-READY"
type_line "stty -a > /tmp/qseek-stty-after-$$; echo STTY-SAVED"
wait_for STTY-SAVED
check "terminal settings (stty -a) are the same before and after" \
  cmp -s /tmp/qseek-stty-before-$$ /tmp/qseek-stty-after-$$

echo "journey: themes preview with NO_COLOR=1"
start_shell 80 24
type_line "NO_COLOR=1 $QSEEK themes preview high-contrast; echo EXIT=\$?"
wait_for "q quit"
screen_with_escapes > /tmp/qseek-preview-escapes-$$.txt
check "capture-pane -e shows no color escape sequences" \
  python3 "$here/check_screen.py" no-color /tmp/qseek-preview-escapes-$$.txt
check "but the selection is still visible (reverse video)" grep -q $'\e\\[[0-9;]*7[0-9;]*m' /tmp/qseek-preview-escapes-$$.txt
tmux_ send-keys -t j q
wait_for "EXIT=0" 5

rm -f /tmp/qseek-*-$$ /tmp/qseek-*-$$.txt
echo "themes preview journey: $JOURNEY_PASSES passed, $JOURNEY_FAILURES failed"
[ "$JOURNEY_FAILURES" -eq 0 ]
