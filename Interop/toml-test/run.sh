#!/usr/bin/env bash
# The official TOML test suite (toml-lang/toml-test, MIT; ../shared/testdata/toml-test) against
# qseek's TOML parser and the three places qseek reads TOML:
# - decoder: every valid TOML 1.0 case decoded to exactly the values of the suite's JSON, every
#   invalid case refused;
# - config, theme, sandbox-tenants: each case as a config file (`--config FILE`), a user theme,
#   and a sandbox corpus's tenants.toml; every invalid case refused as TOML, every valid one
#   accepted as TOML (the schema may still refuse it), and no case crashes (a signal exit).
# Usage: Interop/toml-test/run.sh [BIN_DIR]   (BIN_DIR holding qseek-toml-probe, as .ci/run
#        passes it; without it the probe is built in SCRATCH, default .build)
# Env:   TOML_TEST_DIR  the suite (default ../shared/testdata/toml-test beside the repository)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
suite="${TOML_TEST_DIR:-$root/../shared/testdata/toml-test}/tests"
list="$suite/files-toml-1.0.0"
[ -f "$list" ] || { echo "toml-test: no suite at $suite (set TOML_TEST_DIR)"; exit 1; }

if [ -n "${1:-}" ] && [ -x "$1/qseek-toml-probe" ]; then
    probe="$(cd "$1" && pwd)/qseek-toml-probe"
else
    scratch="${SCRATCH:-.build}"
    swift build --scratch-path "$scratch" --product qseek-toml-probe >/tmp/qseek-toml-probe-build.log 2>&1 \
        || { tail -20 /tmp/qseek-toml-probe-build.log; echo "toml-test: the probe does not build"; exit 1; }
    probe="$(swift build --scratch-path "$scratch" --show-bin-path)/qseek-toml-probe"
fi

mapfile -t valid < <(grep '^valid/.*\.toml$' "$list" | sed "s#^#$suite/#")
mapfile -t invalid < <(grep '^invalid/.*\.toml$' "$list" | sed "s#^#$suite/#")
work=$(mktemp -d "${TMPDIR:-/tmp}/qseek-toml-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

# run OUT ARGS... -- FILES...: the probe over all files in one process; if that process dies,
# each file again in its own, so a crash is pinned on its file and reported as "crashed".
run() {
    local out=$1; shift
    local args=()
    while [ "$1" != "--" ]; do args+=("$1"); shift; done
    shift
    set +e
    "$probe" "${args[@]}" "$@" > "$out" 2>"$work/stderr"
    local status=$?
    set -e
    if [ $status -ne 0 ] || [ "$(wc -l < "$out")" -ne $# ]; then
        : > "$out"
        for file in "$@"; do
            set +e
            "$probe" "${args[@]}" "$file" >> "$out" 2>"$work/stderr"
            status=$?
            set -e
            [ $status -lt 128 ] || printf '%s\tcrashed\tsignal %d\n' "$file" $((status - 128)) >> "$out"
        done
    fi
}

count() { awk -F'\t' -v want="$2" '$2 ~ want { n++ } END { print n + 0 }' "$1"; }

failed=0
echo "toml-test, TOML 1.0: ${#valid[@]} valid and ${#invalid[@]} invalid cases"

run "$work/decode-valid" decode -- "${valid[@]}"
run "$work/decode-invalid" decode -- "${invalid[@]}"
refused=$(count "$work/decode-invalid" '^error$')
read_=$(count "$work/decode-invalid" '^ok$')
crashed=$(( $(count "$work/decode-invalid" '^crashed$') + $(count "$work/decode-valid" '^crashed$') ))
comparison=$(python3 Interop/toml-test/compare.py "$suite" < "$work/decode-valid") || failed=1
printf '%-16s invalid: %3d refused / %d read / crashed = %d    %s\n' decoder "$refused" "$read_" "$crashed" "${comparison##*$'\n'}"
[ "$refused" -eq ${#invalid[@]} ] && [ "$crashed" -eq 0 ] || failed=1
[ "${comparison%$'\n'*}" = "$comparison" ] || echo "$comparison" | sed '$d' | head -20
awk -F'\t' '$2 == "ok" { print "  accepted: " $1 }' "$work/decode-invalid" | head -20

for point in config theme sandbox-tenants; do
    run "$work/$point-invalid" entry "$point" -- "${invalid[@]}"
    run "$work/$point-valid" entry "$point" -- "${valid[@]}"
    refused=$(count "$work/$point-invalid" '^refused-syntax$')
    read_=$(count "$work/$point-invalid" '^(read|refused-schema|error)$')
    crashed=$(( $(count "$work/$point-invalid" '^crashed$') + $(count "$work/$point-valid" '^crashed$') ))
    accepted=$(count "$work/$point-valid" '^(read|refused-schema)$')
    schema=$(count "$work/$point-valid" '^refused-schema$')
    syntax=$(count "$work/$point-valid" '^(refused-syntax|error)$')
    printf '%-16s invalid: %3d refused / %d read / crashed = %d    valid: %d accepted as TOML (%d read, %d refused by the schema), %d refused as TOML\n' \
        "$point" "$refused" "$read_" "$crashed" "$accepted" $((accepted - schema)) "$schema" "$syntax"
    [ "$refused" -eq ${#invalid[@]} ] && [ "$crashed" -eq 0 ] && [ "$syntax" -eq 0 ] || failed=1
    awk -F'\t' '$2 !~ /^refused-syntax$/' "$work/$point-invalid" | sed "s#^$suite/#  not refused: #" | head -10
    awk -F'\t' '$2 ~ /^(refused-syntax|error|crashed)$/' "$work/$point-valid" | sed "s#^$suite/#  not accepted: #" | head -10
done

if [ $failed -eq 0 ]; then echo "toml-test: passed"; else echo "toml-test: FAILED"; fi
exit $failed
