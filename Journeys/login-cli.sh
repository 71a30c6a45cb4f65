#!/usr/bin/env bash
# Journey: `qseek login --user DEMO_USER --no-browser` on a sandbox config completes with
# nobody at a browser (the demo user is approved at once, as in the TUI), while a user who is
# not a demo user still gets the URL to open and times out in words when nobody does.
# Usage: Journeys/login-cli.sh PATH/TO/qseek
QSEEK=$(realpath "${1:?usage: login-cli.sh PATH/TO/qseek}")
source "$(dirname "$0")/sandbox-lib.sh"
start_sandbox
echo "journey: login with no browser against $(head -1 "$work/serve.out")"
unset DISPLAY WAYLAND_DISPLAY BROWSER

status=0
timeout 60 "$QSEEK" login "${config[@]}" --user priya@consult.example --no-browser > "$work/login.out" 2> "$work/login.err" || status=$?
check "login --user for a demo user finishes by itself (exit $status)" test "$status" -eq 0
check "it says who is signed in" grep -q "as priya@consult.example" "$work/login.err"
check "the URL was still printed, for the record" grep -q "/idp/authorize?" "$work/login.err"
"$QSEEK" whoami "${config[@]}" > "$work/whoami.out" 2>&1
check "whoami names the demo user" grep -q "priya@consult.example" "$work/whoami.out"

status=0
timeout 60 "$QSEEK" login "${config[@]}" --user someone@elsewhere.example --no-browser --timeout 2 > /dev/null 2> "$work/other.err" || status=$?
check "a user who is not a demo user waits for a browser, then times out with exit 65 (got $status)" test "$status" -eq 65
check "the timeout is said in words" grep -q "Nobody finished signing in within 2 seconds" "$work/other.err"

echo "login journey: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
