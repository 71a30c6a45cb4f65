#!/usr/bin/env bash
# A release: qseek built in release mode with the Swift runtime linked in
# (--static-swift-stdlib), stripped, and packed with its shell completions, man page,
# README and LICENSE as qseek-VERSION-linux-ARCH.tar.gz, with a SHA256SUMS beside it.
# Usage: scripts/release.sh [OUTDIR]   (default: dist/; prints the tarball's path last)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$root/dist}" && cd "${1:-$root/dist}" && pwd)
scratch=$root/.build-release
cd "$root"

echo "release build (static Swift runtime)…" >&2
swift build -c release --static-swift-stdlib --product qseek --scratch-path "$scratch" >&2
swift build -c release --product generate-manual --scratch-path "$scratch" >&2
bin=$scratch/release/qseek

version=$("$bin" --version | cut -d' ' -f1)
arch=$(uname -m)
name=qseek-$version-linux-$arch
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
dir=$stage/$name
mkdir -p "$dir/completions" "$dir/man"
cp "$bin" "$dir/qseek"
strip "$dir/qseek"
"$dir/qseek" --generate-completion-script bash > "$dir/completions/qseek.bash"
"$dir/qseek" --generate-completion-script zsh > "$dir/completions/_qseek"
"$dir/qseek" --generate-completion-script fish > "$dir/completions/qseek.fish"
"$scratch/release/generate-manual" "$dir/qseek" --output-directory "$dir/man" \
  --date "$(git -C "$root" log -1 --format=%cs 2>/dev/null || date -u +%F)" >&2
cp README.md LICENSE "$dir/"
mkdir -p "$dir/docs" && cp docs/*.md "$dir/docs/" 2>/dev/null || true

# Reproducible ordering and ownership, so the same build packs the same bytes.
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner -czf "$out/$name.tar.gz" "$name"
(cd "$out" && sha256sum "$name.tar.gz" > SHA256SUMS)
echo "$out/$name.tar.gz"
