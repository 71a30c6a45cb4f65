#!/usr/bin/env bash
# One command: release-build qseek and the benchmark probe, then run qseek and its peers
# (botocore, boto3) in the same run and print every figure and ratio with its QUALITY.md target.
# Usage: Benchmarks/compare/run.sh [RUNS]   (RUNS: cold-process runs per side, default 9)
# Needs: Python 3.11 with boto3/botocore, curl. Network: 127.0.0.1 only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

# One release build serves everything: Benchmarks/ depends on the root package by path, so it
# builds the root's `qseek` product with the same sources and flags as a root release build.
echo "building qseek and qseek-bench-probe (release, Benchmarks/.build)…" >&2
swift build -c release --package-path "$root/Benchmarks" --product qseek >&2
swift build -c release --package-path "$root/Benchmarks" --product qseek-bench-probe >&2
qseek=$root/Benchmarks/.build/release/qseek
probe=$root/Benchmarks/.build/release/qseek-bench-probe

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/Mem:/ {print $2}') MB RAM; $(date -u +%FT%TZ)"
echo "peers: Python $(python3 -c 'import sys; print(sys.version.split()[0])'), botocore $(python3 -c 'import botocore; print(botocore.__version__)'), boto3 $(python3 -c 'import boto3; print(boto3.__version__)')"
python3 "$here/compare.py" "$qseek" "$probe" "$work" "${1:-9}"
