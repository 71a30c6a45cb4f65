#!/usr/bin/env bash
# Fault soak: `qseek search` in a loop against `qseek sandbox serve --faults ...` (throttling,
# server errors, latency, credential expiry, dropped connections). Every query must end in
# passages or an error in words (never a crash or a Swift dump), retries must show in the
# debug log, and the server's open files and memory must not grow.
# Usage: Soak/fault-soak.sh PATH/TO/qseek [QUERIES]   (CI runs a short version; issue 10 asks ≥ 500)
QSEEK=$(realpath "${1:?usage: fault-soak.sh PATH/TO/qseek [QUERIES]}")
queries=${2:-500}
faults=${FAULTS:-throttle=0.2,error=0.05,latency=20ms..300ms,expire-credentials-after=30s,drop=0.02}
source "$(dirname "$0")/../Journeys/sandbox-lib.sh"
start_sandbox --faults "$faults" --seed 7
sign_in alice@acme.example

fds() { ls /proc/$server/fd | wc -l; }
rss() { awk '/VmRSS/ {print $2}' /proc/$server/status; }
fds_before=$(fds); rss_before=$(rss)
questions=("quarterly planning process" "incident review" "pricing guide" "remote work policy" "idempotency keys")
ok=0 typed=0 crashes=0
declare -A kinds=()
started=$SECONDS
for n in $(seq 1 "$queries"); do
  q=${questions[$((n % ${#questions[@]}))]}
  set +e
  "$QSEEK" search "$q" --tenant T0100ACME --config "$work/sandbox.toml" --json --max 5 --pages 2 \
    --debug "$work/debug.log" > "$work/out.json" 2> "$work/err.txt"
  status=$?
  set -e
  if [ $status -eq 0 ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/out.json" 2>/dev/null; then
    ok=$((ok + 1))
  elif [ $status -ge 64 ] && [ $status -le 70 ] && grep -q '^qseek: ' "$work/err.txt" && ! grep -qE 'Fatal error|Swift runtime|Stack dump|\(Swift\.|Optional\(|[a-z][A-Za-z]+\([a-zA-Z]+: ' "$work/err.txt"; then
    typed=$((typed + 1))
    kind=$(sed -E 's/^qseek: //; s/[(:].*//' "$work/err.txt" | head -1 | cut -c1-60)
    kinds["exit $status: $kind"]=$(( ${kinds["exit $status: $kind"]:-0} + 1 ))
  else
    crashes=$((crashes + 1))
    echo "query $n: status $status" >&2; head -5 "$work/err.txt" >&2
  fi
done
fds_after=$(fds); rss_after=$(rss)
retries=$(grep -c 'AWS call failed' "$work/debug.log" || true)

echo "fault soak: $queries queries in $((SECONDS - started)) s against --faults $faults"
echo "  passages: $ok   errors in words: $typed   crashes: $crashes"
for kind in "${!kinds[@]}"; do echo "    $kind × ${kinds[$kind]}"; done
echo "  retried AWS calls in the debug log: $retries"
echo "  sandbox open files: $fds_before → $fds_after   resident memory: ${rss_before} kB → ${rss_after} kB"
failed=0
[ "$crashes" -eq 0 ] || failed=1
[ "$retries" -gt 0 ] || { echo "  no retry appeared in the debug log" >&2; failed=1; }
[ "$ok" -gt 0 ] || failed=1
[ "$fds_after" -le $((fds_before + 8)) ] || { echo "  the server's open files grew" >&2; failed=1; }
echo "fault soak: $((ok + typed)) passed, $crashes failed"
exit $failed
