#!/usr/bin/env bash
# Fuzzes qseek's parsers with libFuzzer (coverage-guided, AddressSanitizer on).
# Usage: Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 s, every target)
# Env:   SCRATCH  swift build scratch path (default .build-fuzz)
# Seeds: Fuzz/corpus/TARGET (committed). New interesting inputs go to a scratch corpus;
# crashes go to Fuzz/crashes/TARGET/, which `qseek-fuzz TARGET Fuzz/crashes/TARGET` (and CI)
# replays in a plain build: every crash found becomes a regression input.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
scratch=${SCRATCH:-.build-fuzz}
if [ ${#targets[@]} -eq 0 ]; then  # every target with a seed corpus
  for corpus in Fuzz/corpus/*/; do targets+=("$(basename "$corpus")"); done
fi

# Leak detection is off: the Swift runtime and Foundation's XML and JSON parsers keep
# process-wide caches that LeakSanitizer reports on the first input, which would stop the run.
# Swift's -sanitize=fuzzer links libFuzzer's own main, which clashes with an executable
# target's; so instrument for libFuzzer (8-bit counters + PC table, compare tracing) and link
# libFuzzer without its main: qseek-fuzz calls LLVMFuzzerRunDriver itself.
no_main=$(ls "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | head -1)
swift build -c release --scratch-path "$scratch" --product qseek-fuzz \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
  -Xswiftc -DFUZZING -Xlinker "$no_main" -Xlinker -lstdc++ >/tmp/qseek-fuzz-build.log 2>&1 \
  || { tail -20 /tmp/qseek-fuzz-build.log; exit 1; }
fuzzer="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/qseek-fuzz"

logs=$(mktemp -d "${TMPDIR:-/tmp}/qseek-fuzz-logs.XXXXXX")
printf '%-14s %12s %8s %12s\n' target executions seconds "new crashes"
new_crashes=0
for target in "${targets[@]}"; do
  found=$(mktemp -d)  # new interesting inputs of this run; the committed corpus stays as it is
  mkdir -p "Fuzz/crashes/$target"
  before=$(find "Fuzz/crashes/$target" -type f | wc -l)
  set +e
  ASAN_OPTIONS=detect_leaks=0 "$fuzzer" "$target" "$found" "Fuzz/corpus/$target" -max_total_time="$seconds" -print_final_stats=1 \
    -max_len=65536 -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 -artifact_prefix="Fuzz/crashes/$target/" > "$logs/$target.log" 2>&1
  set -e
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logs/$target.log" | tail -1 | grep -o '[0-9]*$' || echo 0)
  crashes=$(( $(find "Fuzz/crashes/$target" -type f | wc -l) - before ))
  new_crashes=$((new_crashes + crashes))
  printf '%-14s %12s %8s %12s\n' "$target" "${executions:-0}" "$seconds" "$crashes"
  rm -rf "$found"
done
echo "fuzz: ${#targets[@]} targets, $new_crashes new crashes (inputs in Fuzz/crashes; logs in $logs)"
[ "$new_crashes" -eq 0 ]
