# What the interop runs (Interop/*/run.sh) share. Sourced, never run: .ci/run runs every
# Interop/*/run.sh, a glob this file is outside of. A run says what is its own (its peers, its
# checks, its summary); this file how each of them starts, isolates and stops.
#
#   interop_init NAME               log() says "NAME interop: ..." on stderr; $work is a scratch
#                                   directory; at exit every pid in $pids is stopped, $work removed;
#                                   UTF-8, and no .pyc files in the tree
#   interop_qseek BIN_DIR           $qseek: BIN_DIR's qseek as an absolute path (exit 2 if none)
#   interop_build_qseek             $qseek: built by swift build in SCRATCH (default .build)
#   interop_isolate [VAR...]        nothing of the machine's AWS set-up (nor the VARs) reaches the run
#   interop_private_env             XDG cache/config/state under $work (after any swift build)
#   interop_pip_peers MODULE...     the MODULEs importable by python3 (pip-installed if not)
#   interop_venv PACKAGE VERSION [PYTHON]
#                                   $venv: .build-interop-NAME/venv holding PACKAGE==VERSION
#   interop_await PREFIX FILE       waits up to 60 s for a line "PREFIX..." in FILE; prints the rest
#   interop_start_sandbox NAME [OPTION...]
#                                   `qseek sandbox serve` in the background, its config in
#                                   $work/NAME.toml; $url is its base URL (returns 1, said
#                                   why, if it did not start: under set -e, the run ends)
#   interop_pytest TEST...          pytest on the TESTs, then "NAME-interop: N passed, M failed,
#                                   K skipped"; returns pytest's status (1 if no test ran)

interop_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
interop_id=""
work=""
pids=()

log() { echo "$interop_id interop: $*" >&2; }

interop_cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$work" ]; then rm -rf "$work"; fi
}

interop_init() {  # interop_init NAME
  interop_id=$1
  export PYTHONDONTWRITEBYTECODE=1 LANG=C.UTF-8 LC_ALL=C.UTF-8
  work="$(mktemp -d "${TMPDIR:-/tmp}/qseek-$interop_id-interop.XXXXXX")"
  trap interop_cleanup EXIT
}

interop_qseek() {  # interop_qseek BIN_DIR
  [ -x "$1/qseek" ] || { echo "no qseek in $1" >&2; exit 2; }
  qseek="$(cd "$1" && pwd)/qseek"
}

interop_build_qseek() {
  local scratch="${SCRATCH:-.build}"
  log "building qseek"
  (cd "$interop_repo" && swift build --scratch-path "$scratch" --product qseek >"$work/build.log" 2>&1) \
    || { cat "$work/build.log" >&2; exit 1; }
  qseek="$(cd "$interop_repo" && swift build --scratch-path "$scratch" --show-bin-path)/qseek"
}

interop_isolate() {  # interop_isolate [VAR...]
  export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
  unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_ENDPOINT_URL "$@" || true
}

interop_private_env() {
  export XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
}

interop_pip_peers() {  # interop_pip_peers MODULE...
  python3 -c "import $(IFS=,; echo "$*")" 2>/dev/null || python3 -m pip install -q "$@"
}

interop_venv() {  # interop_venv PACKAGE VERSION [PYTHON]
  local package=$1 version=$2 python=${3:-python3}
  venv="$interop_repo/.build-interop-$interop_id/venv"
  if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(0 if m.version('$package') == '$version' else 1)" 2>/dev/null; then
    log "installing $package==$version into $venv"
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$package==$version"
  fi
}

interop_await() {  # interop_await PREFIX FILE
  local _
  for _ in $(seq 1 600); do grep -q "^$1" "$2" 2>/dev/null && break; sleep 0.1; done
  sed -n "s|^$1||p" "$2" 2>/dev/null || true
}

interop_start_sandbox() {  # interop_start_sandbox NAME [OPTION...]
  local name=$1; shift
  "$qseek" sandbox serve --port 0 --write-config "$work/$name.toml" "$@" > "$work/$name.out" 2> "$work/$name.err" &
  pids+=($!)
  url=$(interop_await 'sandbox: ' "$work/$name.out")
  [ -n "$url" ] || { log "sandbox $name did not start: $(cat "$work/$name.err")"; return 1; }
}

interop_pytest() {  # interop_pytest TEST...
  local report="$work/junit.xml" status=0
  python3 -m pytest -q -p no:cacheprovider "$@" --junitxml="$report" || status=$?
  python3 - "$report" "$interop_id-interop" <<'PY'
import os, sys, xml.etree.ElementTree as ET
report, name = sys.argv[1:]
if not os.path.exists(report):
    print(f"{name}: 0 passed, 1 failed (pytest wrote no report)")
    sys.exit(0)
suite = ET.parse(report).getroot()
suite = suite if suite.tag == "testsuite" else suite[0]
total, failed = int(suite.get("tests")), int(suite.get("failures")) + int(suite.get("errors"))
skipped = int(suite.get("skipped", 0))
print(f"{name}: {total - failed - skipped} passed, {failed} failed, {skipped} skipped")
PY
  if [ "$status" -eq 5 ]; then log "no test ran"; return 1; fi
  return "$status"
}
