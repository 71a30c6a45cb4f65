#!/usr/bin/env bash
# Secret hygiene: a full session with --debug (login, whoami, tenants, search in every format,
# a failing search), then every output stream, the debug log and the state directory are
# scanned for each secret the session used: the ID, access and refresh tokens (read from the
# token cache, the one place they may live) and the ISV's secret key. Zero hits allowed.
# Usage: Journeys/secret-scan.sh PATH/TO/qseek
QSEEK=$(realpath "${1:?usage: secret-scan.sh PATH/TO/qseek}")
source "$(dirname "$0")/sandbox-lib.sh"
out=$work/outputs
mkdir -p "$out"
start_sandbox
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

python3 - "$XDG_CACHE_HOME/qseek" "$work/sandbox.toml" "$out" "$work/debug.log" "$XDG_STATE_HOME" <<'PY'
import glob, json, os, re, sys
cache, config, outputs, log, state = sys.argv[1:6]
secrets = {}
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
hits = [(name, path) for path in files for name, value in secrets.items() if value and value in open(path, errors="replace").read()]
print(f"  scanned {len(files)} files ({os.path.getsize(log)} bytes of debug log) for {len(secrets)} secrets")
for name, path in hits:
    print(f"  ✗ {name} found in {os.path.basename(path)}")
if not hits:
    print("  ✓ no secret in any output stream, the debug log or the state directory")
print(f"secret scan: {0 if hits else 1} passed, {1 if hits else 0} failed")
sys.exit(1 if hits else 0)
PY
