#!/usr/bin/env bash
# Secret hygiene: a full session with --debug (login, whoami, tenants, search in every format,
# a failing search, ask, and the full-screen UI asking a question), then every output stream
# (the TUI's as the terminal received it), the debug log and the state directory (history
# included) are scanned for each secret the session used: every token, key, session token and
# identity context the sandbox issued (`sandbox serve --record-secrets`), the tokens in qseek's
# cache (the one place they may live) and the ISV's secret key. Zero hits allowed.
# Usage: Journeys/secret-scan.sh PATH/TO/qseek
QSEEK=$(realpath "${1:?usage: secret-scan.sh PATH/TO/qseek}")
source "$(dirname "$0")/sandbox-lib.sh"
out=$work/outputs
mkdir -p "$out"
start_sandbox --record-secrets "$work/issued-secrets.tsv"
config+=(--debug "$work/debug.log")
echo "journey: secret hygiene of a full session with --debug"
sign_in alice@acme.example
cp "$work"/login-*.err "$out/"  # what login printed (the authorization URL, progress) is scanned too
"$QSEEK" whoami "${config[@]}" --json > "$out/whoami.out" 2> "$out/whoami.err"
"$QSEEK" tenants "${config[@]}" --json > "$out/tenants.out" 2> "$out/tenants.err"
for format in "" --json --ndjson; do
  "$QSEEK" search "quarterly planning process" --tenant T0100ACME "${config[@]}" $format --max 5 --pages 2 \
    > "$out/search$format.out" 2> "$out/search$format.err"
done
"$QSEEK" search "x" --tenant NOPE "${config[@]}" > "$out/fail.out" 2> "$out/fail.err" || true
"$QSEEK" ask "vacation policy" --tenant T0100ACME "${config[@]}" > "$out/ask.out" 2> "$out/ask.err"
"$QSEEK" ask "vacation policy" --tenant T0100ACME "${config[@]}" --json > "$out/ask-json.out" 2> "$out/ask-json.err"

# The full-screen UI, its terminal output recorded byte for byte (tmux pipe-pane).
source "$(dirname "$0")/lib.sh"
trap 'cleanup_tmux; stop_sandbox' EXIT
start_shell 120 40
tmux_ pipe-pane -t j -o "cat >> '$out/tui-terminal.out'"
type_line "$(private_env)"
type_line "$QSEEK ${config[*]} 2> '$out/tui.err'; echo EXIT=\$?"
wait_for "Choose a tenant" 30
tmux_ send-keys -t j Enter
wait_for "credentials" 30
tmux_ send-keys -t j -l "quarterly planning process"
tmux_ send-keys -t j Enter
wait_for "answered by" 30 || true
tmux_ send-keys -t j F3
wait_for "turn" 10 || true
tmux_ send-keys -t j Escape
sleep 0.5
tmux_ send-keys -t j C-c
wait_for "Press Ctrl+C again to quit." 10 || true
tmux_ send-keys -t j C-c
wait_for "EXIT=0" 30 || true
tui_ok=0; screen_shows "EXIT=0" && tui_ok=1
cleanup_tmux
[ "$tui_ok" -eq 1 ] || { echo "  ✗ the TUI session did not end cleanly" >&2; exit 1; }

python3 - "$XDG_CACHE_HOME/qseek" "$work/sandbox.toml" "$out" "$work/debug.log" "$XDG_STATE_HOME" "$work/issued-secrets.tsv" <<'PY'
import glob, json, os, re, sys
cache, config, outputs, log, state, issued = sys.argv[1:7]
secrets = {}
kinds = set()
for number, line in enumerate(open(issued, encoding="utf-8")):
    kind, value = line.rstrip("\n").split("\t", 1)
    kinds.add(kind)
    secrets[f"{kind} #{number}"] = value
    if value.count(".") == 2:  # a JWT: its signature alone is secret enough to count
        secrets[f"{kind} #{number} signature"] = value.rsplit(".", 1)[1]
expected = {"IdP ID token", "IdP access token", "IdP refresh token", "Identity Center ID token",
            "Identity Center access token", "identity context", "STS secret access key", "STS session token",
            "ISV base secret access key"}
if not expected <= kinds:
    print(f"  ✗ the session did not use every kind of secret; missing: {sorted(expected - kinds)}")
    sys.exit(1)
for path in glob.glob(os.path.join(cache, "*.json")):
    tokens = json.load(open(path))
    for name in ("idToken", "accessToken", "refreshToken"):
        if tokens.get(name):
            secrets[name] = tokens[name]
            # A JWT's signature alone is secret enough to count.
            if tokens[name].count(".") == 2:
                secrets[name + " signature"] = tokens[name].rsplit(".", 1)[1]
secrets["secret access key"] = re.search(r'secret_access_key = "([^"]+)"', open(config).read()).group(1)
files = glob.glob(os.path.join(outputs, "*")) + [log] + [p for p in glob.glob(os.path.join(state, "**"), recursive=True) if os.path.isfile(p)]
def hits_in(paths):
    return [(name, path) for path in paths for name, value in secrets.items() if value and value in open(path, errors="replace").read()]
# The scan must be able to fail: a planted session token is found.
canary = os.path.join(outputs, "..", "canary.txt")
open(canary, "w").write("x " + next(v for k, v in secrets.items() if k.startswith("STS session token")) + " y")
if not hits_in([canary]):
    print("  ✗ the scan missed a planted session token")
    sys.exit(1)
hits = hits_in(files)
print(f"  scanned {len(files)} files ({os.path.getsize(log)} bytes of debug log) for {len(secrets)} secrets of {len(kinds)} kinds")
for name, path in hits:
    print(f"  ✗ {name} found in {os.path.basename(path)}")
if not hits:
    print("  ✓ no secret in any output stream, the debug log or the state directory")
print(f"secret scan: {0 if hits else 1} passed, {1 if hits else 0} failed")
sys.exit(1 if hits else 0)
PY
