#!/usr/bin/env bash
# Start-up before/after in one run: builds the release binary (static Swift runtime, stripped,
# as scripts/release.sh does) at BASE (a commit) and of the working tree, then runs startup.py.
# Usage: Benchmarks/compare/startup.sh BASE [RUNS]      Needs: Python 3.11 with boto3, curl.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
base=${1:?usage: startup.sh BASE [RUNS]}
# BASE is checked out in a worktree under an ignored build folder, kept between runs so that a
# second run rebuilds only what changed.
source="$root/.build-startup-base/source"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() {  # build SOURCE_DIR SCRATCH OUT
  swift build -c release --static-swift-stdlib --product qseek --package-path "$1" --scratch-path "$2" >&2
  cp "$2/release/qseek" "$3" && strip "$3"
}
if [ -d "$source" ]; then
  git -C "$source" checkout -q --detach "$base"
else
  git -C "$root" worktree add -q --detach "$source" "$base"
fi
echo "building qseek at $base and at the working tree (release, static Swift runtime)…" >&2
build "$source" "$root/.build-startup-base/build" "$work/qseek-before"
build "$root" "$root/.build-release" "$work/qseek-after"  # scripts/release.sh's build: the binary it ships
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(date -u +%FT%TZ)"
echo "before: $base ($("$work/qseek-before" --version)); after: $("$work/qseek-after" --version)"
mkdir "$work/run"
python3 "$here/startup.py" "$work/qseek-before" "$work/qseek-after" "$work/run" "${2:-9}"
