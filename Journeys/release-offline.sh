#!/usr/bin/env bash
# Journey: the release tarball is self-contained and works offline.
# Unpacks it, checks SHA256SUMS, lists the binary's shared libraries (system ones only,
# nothing of Swift's), then runs the `qseek demo` journey (sign-in → tenant → question →
# passages → answer, in tmux) inside a mount namespace where the Swift toolchain is hidden
# under an empty tmpfs and a network namespace where only loopback is up.
# Usage: Journeys/release-offline.sh PATH/TO/qseek-VERSION-linux-ARCH.tar.gz   (needs root)
set -uo pipefail
tarball=$(realpath "${1:?usage: release-offline.sh PATH/TO/qseek-VERSION-linux-ARCH.tar.gz}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() {  # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then echo "  ✓ $name"; passed=$((passed + 1)); else echo "  ✗ $name"; failed=$((failed + 1)); fi
}

echo "journey: the release, offline"
tar -C "$work" -xzf "$tarball"
package=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'qseek-*')
binary=$package/qseek
echo "  tarball: $(basename "$tarball"), $(du -h "$tarball" | cut -f1); binary $(du -h "$binary" | cut -f1)"
(cd "$package" && find . -type f | sort | sed 's/^/    /')
check "the checksum in SHA256SUMS matches" bash -c "cd '$(dirname "$tarball")' && sha256sum -c --quiet SHA256SUMS"
for file in qseek README.md LICENSE completions/qseek.bash completions/_qseek completions/qseek.fish man/qseek.1; do
  check "the tarball holds $file" test -s "$package/$file"
done
check "--version names the version and the commit" bash -c "'$binary' --version | grep -qE '^[0-9]+\.[0-9]+\.[0-9]+ \(commit [0-9a-f]{40}\)$'"

echo "  shared libraries:"
ldd "$binary" | sed 's/^\s*/    /'
check "no Swift library is loaded from outside the binary" bash -c "! ldd '$binary' | grep -qi swift"
# Allowed, as the binary's own dependencies (what it names as NEEDED; their own dependencies
# are the distribution's business): the C library and its loader, the C++/gcc runtime,
# ncurses, and what Foundation links from the system (zlib, sqlite, libxml2, and libcurl for
# FoundationNetworking, which the MCP SDK imports; ICU is inside the binary).
unexpected=$(readelf -d "$binary" | awk '/NEEDED/ {gsub(/[][]/, "", $5); print $5}' | grep -vE '^(linux-vdso|ld-linux)|^lib(c|m|dl|rt|pthread|util|gcc_s|stdc\+\+|ncursesw|tinfo|z|sqlite3|xml2|lzma|curl|icu[a-z]*)\.so' || true)
check "only system libraries are needed${unexpected:+ (unexpected: $unexpected)}" test -z "$unexpected"

toolchain=$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")")
echo "  hiding the Swift toolchain at $toolchain; network: loopback only"
unshare --mount --net bash -c "
  set -e
  ip link set lo up
  mount -t tmpfs -o size=1m empty '$toolchain'
  test ! -e '$toolchain/usr/bin/swift'
  ! ip route get 1.1.1.1 >/dev/null 2>&1
  bash '$here/demo.sh' '$binary'
" > "$work/offline.log" 2>&1
status=$?
sed 's/^/    /' "$work/offline.log" | tail -n 40
check "the demo journey passes offline with no toolchain (status $status)" test "$status" -eq 0
check "it ran: the answer streamed in" grep -q "✓ .*answer" "$work/offline.log"

echo "release offline journey: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
