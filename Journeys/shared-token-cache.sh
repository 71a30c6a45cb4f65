#!/usr/bin/env bash
# Journey: ten `qseek search` processes at once share one token cache. The IdP's ID tokens
# live 240 s, inside the 5-minute refresh margin, so every process refreshes on start: no
# process may fail, the cache must stay valid JSON, and file modes must stay 0700/0600.
# Usage: Journeys/shared-token-cache.sh PATH/TO/qseek
set -euo pipefail
QSEEK=$(realpath "${1:?usage: shared-token-cache.sh PATH/TO/qseek}")
work=$(mktemp -d)
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state LANG=C.UTF-8
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
passes=0 failures=0
check() { local name=$1; shift; if "$@"; then echo "  ✓ $name"; passes=$((passes + 1)); else echo "  ✗ $name"; failures=$((failures + 1)); fi; }

"$QSEEK" sandbox serve --port 0 --id-token-lifetime 240 --write-config "$work/sandbox.toml" > "$work/serve.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; cat "$work"/err-*.txt 2>/dev/null | sort | uniq -c | head -5; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do grep -q '^sandbox: ' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
echo "journey: 10 concurrent searches sharing one token cache"

"$QSEEK" login --config "$work/sandbox.toml" --no-browser --user alice@acme.example 2> "$work/login.err" &
login=$!
for _ in $(seq 1 100); do grep -qo 'http://127.0.0.1[^ ]*/authorize[^ ]*' "$work/login.err" 2>/dev/null && break; sleep 0.1; done
curl -s -L -o /dev/null "$(grep -o 'http://127.0.0.1[^ ]*/authorize[^ ]*' "$work/login.err" | head -1)"
wait $login

pids=()
for n in $(seq 1 10); do
  "$QSEEK" search "quarterly planning process" --tenant T0100ACME --config "$work/sandbox.toml" --json --max 3 --pages 1 \
    > "$work/out-$n.json" 2> "$work/err-$n.txt" &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
check "all 10 concurrent searches succeed (no lost refresh)" test "$failed" -eq 0
check "every one printed its passages" bash -c "for f in '$work'/out-*.json; do python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))[\"passages\"]) == 3' \"\$f\" || exit 1; done"
check "the token cache is still valid JSON" bash -c "for f in '$XDG_CACHE_HOME'/qseek/*.json; do python3 -m json.tool \"\$f\" > /dev/null || exit 1; done"
check "the cache directory is 0700" test "$(stat -c %a "$XDG_CACHE_HOME/qseek")" = 700
check "every cache file is 0600" bash -c "for f in '$XDG_CACHE_HOME'/qseek/*; do [ \"\$(stat -c %a \"\$f\")\" = 600 ] || exit 1; done"
check "no temporary files are left behind (only the sign-in and its refresh lock)" bash -c "[ \$(ls -A '$XDG_CACHE_HOME/qseek' | grep -vcE '\\.(json|lock)\$') -eq 0 ]"
check "whoami still works afterwards" "$QSEEK" whoami --config "$work/sandbox.toml" > /dev/null

echo "shared token cache journey: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
