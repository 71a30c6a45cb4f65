#!/usr/bin/env bash
# OIDC interop: drives the real `qseek login/whoami/logout` against a third-party OpenID
# Connect provider from PyPI (oidc-provider-mock), through authorization code + PKCE with the
# loopback receiver. This script plays the browser (browser.py). Only 127.0.0.1/localhost is
# ever contacted, apart from PyPI for the install.
#
# Usage: Interop/oidc/run.sh [BIN_DIR]  (from anywhere; BIN_DIR holds qseek, as .ci/run passes
#        it; without it qseek is built in SCRATCH)
# Env:   SCRATCH  swift build scratch path (default .build)
#        OIDC_MOCK_VERSION  provider version (default 0.4.8)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../lib.sh"
interop_init oidc
passed=0
failed=0

check() { # check NAME COMMAND...
    local name="$1"; shift
    if "$@"; then
        passed=$((passed + 1)); echo "ok   - $name"
    else
        failed=$((failed + 1)); echo "FAIL - $name"
    fi
}

# --- Python 3.12+ for the provider (it requires it) --------------------------------------
find_python() {
    local candidate
    for candidate in python3.13 python3.12 \
        "$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"/versions/3.13*/bin/python3 \
        "$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"/versions/3.12*/bin/python3 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
            echo "$candidate"; return 0
        fi
    done
    return 1
}
python="$(find_python)" || { log "needs Python >= 3.12 (pyenv versions, or python3.12 on PATH)"; exit 1; }

interop_venv oidc-provider-mock "${OIDC_MOCK_VERSION:-0.4.8}" "$python"

# --- qseek --------------------------------------------------------------------------------
if [ -n "${1:-}" ] && [ -x "$1/qseek" ]; then interop_qseek "$1"; else interop_build_qseek; fi

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

start_provider() { # start_provider PORT EXTRA_ARGS... ; sets provider_pid
    local port="$1"; shift
    "$venv/bin/python" -m oidc_provider_mock --host 127.0.0.1 --port "$port" --require-nonce true "$@" \
        >"$work/provider-$port.log" 2>&1 &
    pids+=("$!")
    local i
    for i in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$port/.well-known/openid-configuration" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    log "provider on port $port did not start"; cat "$work/provider-$port.log" >&2; return 1
}

interop_private_env
interop_isolate QSEEK_CONFIG BROWSER
mkdir -p "$XDG_CONFIG_HOME/qseek"

port="$(free_port)"
start_provider "$port"
issuer="http://127.0.0.1:$port"
cat >"$XDG_CONFIG_HOME/qseek/config.toml" <<TOML
[identity]
issuer = "$issuer"
client_id = "qseek-interop"
TOML

# login_attempt NAME CONFIG_ARGS -- BROWSER_ARGS : runs `qseek login --no-browser`, plays the
# browser with browser.py, and leaves qseek's exit code in $login_rc, its stderr in $work/NAME.err.
login_attempt() {
    local name="$1"; shift
    local qseek_args=()
    while [[ $# -gt 0 && "$1" != "--" ]]; do qseek_args+=("$1"); shift; done
    shift
    "$qseek" login --no-browser --timeout 60 "${qseek_args[@]}" 2>"$work/$name.err" &
    local login_pid=$!
    local i url=""
    for i in $(seq 1 100); do
        url="$(grep -m1 '^  http' "$work/$name.err" 2>/dev/null | sed 's/^  //')" || true
        [[ -n "$url" ]] && break
        sleep 0.1
    done
    echo "$url" >"$work/$name.url"
    if [[ -n "$url" ]]; then
        "$venv/bin/python" "$here/browser.py" "$url" "$@" >"$work/$name.browser" 2>&1 || true
    fi
    login_rc=0
    wait "$login_pid" || login_rc=$?
}

url_has() { grep -q -- "$1" "$work/$2.url"; }
cache_dir="$XDG_CACHE_HOME/qseek"

# 1. Authorization code + PKCE against the provider, with a foreign callback thrown in.
login_attempt alice --user alice -- --sub alice
check "login --no-browser --user alice exits 0" test "$login_rc" -eq 0
check "the authorization URL uses PKCE S256" url_has "code_challenge_method=S256" alice
check "the authorization URL carries state, nonce and the login hint" \
    bash -c "grep -q 'state=' '$work/alice.url' && grep -q 'nonce=' '$work/alice.url' && grep -q 'login_hint=alice' '$work/alice.url'"
check "the redirect URI is on 127.0.0.1" url_has "redirect_uri=http%3A%2F%2F127.0.0.1%3A" alice
check "the browser saw the success page" grep -q "receiver answered 200: Sign-in received" "$work/alice.browser"

whoami_json="$("$qseek" whoami --json 2>"$work/whoami.err")" || true
check "whoami --json shows the subject" \
    "$python" -c 'import json,sys; d=json.loads(sys.argv[1]); sys.exit(0 if d["subject"]=="alice" and d["issuer"]==sys.argv[2] else 1)' "$whoami_json" "$issuer"

mode() { stat -c '%a' "$1" 2>/dev/null || stat -f '%Lp' "$1"; }
check "the token cache directory is 0700" test "$(mode "$cache_dir")" = 700
files_ok() {
    local f n=0
    for f in "$cache_dir"/* "$cache_dir"/.[!.]*; do
        [[ -e "$f" ]] || continue
        n=$((n + 1))
        [[ "$(mode "$f")" == 600 ]] || return 1
    done
    [[ $n -ge 1 ]]
}
check "every token cache file is 0600" files_ok

id_token="$("$python" -c 'import json,glob,sys; print(json.load(open(glob.glob(sys.argv[1]+"/*.json")[0]))["idToken"])' "$cache_dir")"
whoami_text="$("$qseek" whoami 2>&1)" || true
check "whoami never prints the ID token" bash -c '[[ "$1" != *"$2"* && "$1" != *"${2##*.}"* && "$1" == *alice* ]]' _ "$whoami_text$whoami_json" "$id_token"

# 2. A callback with the wrong state is refused while the real one still signs in.
"$qseek" login --no-browser --timeout 60 --user carol 2>"$work/carol.err" &
carol_pid=$!
for i in $(seq 1 100); do grep -q '^  http' "$work/carol.err" 2>/dev/null && break; sleep 0.1; done
carol_url="$(grep -m1 '^  http' "$work/carol.err" | sed 's/^  //')"
redirect="$("$python" -c 'import sys,urllib.parse as u; print(u.parse_qs(u.urlsplit(sys.argv[1]).query)["redirect_uri"][0])' "$carol_url")"
forged_status="$(curl -s -o /dev/null -w '%{http_code}' "$redirect?code=forged&state=not-the-state")"
check "a callback with a foreign state is answered 400" test "$forged_status" = 400
"$venv/bin/python" "$here/browser.py" "$carol_url" --sub carol >"$work/carol.browser" 2>&1 || true
carol_rc=0; wait "$carol_pid" || carol_rc=$?
check "the matching callback still signs in after the foreign one" test "$carol_rc" -eq 0
check "the receiver closes after the sign-in" bash -c '! curl -s -o /dev/null --max-time 2 "$1?code=x&state=y"' _ "$redirect"

# 3. Denied at the provider: exit 65, the reason in words.
login_attempt denied --user dave -- --deny
check "a denied sign-in exits 65" test "$login_rc" -eq 65
check "a denied sign-in says why" grep -q "access_denied" "$work/denied.err"

# 4. localhost in the redirect URI, fixed port and path, refresh within 5 minutes of expiry.
short_port="$(free_port)"
start_provider "$short_port" --token-max-age 120
fixed_port="$(free_port)"
cat >"$work/short.toml" <<TOML
[identity]
issuer = "http://127.0.0.1:$short_port"
client_id = "qseek-interop"
redirect_host = "localhost"
redirect_port = $fixed_port
redirect_path = "/oauth/done"
TOML
login_attempt short --config "$work/short.toml" --user erin -- --sub erin
check "sign-in with redirect_host localhost and a fixed port/path exits 0" test "$login_rc" -eq 0
check "the redirect URI is http://localhost:PORT/oauth/done" url_has "redirect_uri=http%3A%2F%2Flocalhost%3A$fixed_port%2Foauth%2Fdone" short
token_posts() { grep -c "POST /oauth2/token" "$work/provider-$short_port.log" || true; }
posts_before="$(token_posts)"
erin="$("$qseek" whoami --config "$work/short.toml" --json 2>&1)" || true
posts_after="$(token_posts)"
check "an ID token expiring within 5 minutes is refreshed silently (one refresh grant)" \
    bash -c '[[ "$1" == *"\"subject\":\"erin\""* && $3 -eq $(($2 + 1)) ]]' _ "$erin" "$posts_before" "$posts_after"

# 5. Configuration errors: the issuer must match exactly (exit 64).
# login_with NAME ISSUER CLIENT_LINE: `qseek login --no-browser` with $work/NAME.toml, an
# [identity] of that issuer and client line; its exit code in $login_rc, stderr in $work/NAME.err.
login_with() {
    printf '[identity]\nissuer = "%s"\n%s\n' "$2" "$3" >"$work/$1.toml"
    login_rc=0; "$qseek" login --no-browser --config "$work/$1.toml" 2>"$work/$1.err" || login_rc=$?
}
login_with slash "$issuer/" 'client_id = "qseek-interop"'
check "an issuer differing by a trailing slash is refused with exit 64" test "$login_rc" -eq 64
check "the issuer error says what to fix" grep -q "fix \[identity\].issuer" "$work/slash.err"

login_with dead "http://127.0.0.1:$(free_port)" 'client_id = "qseek-interop"'
check "an unreachable IdP is a network error (exit 69)" test "$login_rc" -eq 69

login_with typo "$issuer" 'clientid = "qseek-interop"'
check "an unknown config key is a usage error (exit 64) naming file:line and key" \
    bash -c '[[ $1 -eq 64 ]] && grep -q "typo.toml:3: identity.clientid: unknown key" "$2"' _ "$login_rc" "$work/typo.err"

# 6. Logout forgets the sign-in; whoami then asks for a new one (exit 65).
logout_rc=0; "$qseek" logout 2>"$work/logout.err" || logout_rc=$?
check "logout exits 0" test "$logout_rc" -eq 0
after_rc=0; "$qseek" whoami >/dev/null 2>"$work/after.err" || after_rc=$?
check "whoami after logout exits 65 and suggests qseek login" bash -c '[[ $1 -eq 65 ]] && grep -q "qseek login" "$2"' _ "$after_rc" "$work/after.err"

# 7. The sandbox's Identity Center trusting this provider (--trust-issuer): the whole TTI flow
#    with this third-party provider's ID tokens, as a customer's IdC trusting the ISV's IdP.
interop_start_sandbox sandbox --trust-issuer "$issuer" --trust-audience qseek-interop --trust-claim email
# The sandbox's config for the AWS side, this provider for the identity side.
"$python" - "$work/sandbox.toml" "$work/trusted.toml" "$issuer" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
identity = f'[identity]\nissuer = "{sys.argv[3]}"\nclient_id = "qseek-interop"\n\n'
open(sys.argv[2], "w").write(re.sub(r"\[identity\].*?(?=\n\[aws\])", identity.rstrip("\n") + "\n", text, flags=re.S))
PY
login_attempt trusted --config "$work/trusted.toml" --user alice@acme.example -- --sub alice@acme.example
check "login at the third-party provider for the trusted-issuer sandbox" test "$login_rc" -eq 0
trusted_rc=0
"$qseek" search "quarterly planning process" --tenant T0100ACME --config "$work/trusted.toml" \
    --json --max 3 --pages 1 >"$work/trusted.json" 2>"$work/trusted.err" || trusted_rc=$?
check "the sandbox's Identity Center accepts the provider's ID token and Q returns passages" \
    "$python" -c 'import json,sys; sys.exit(0 if len(json.load(open(sys.argv[1]))["passages"]) == 3 else 1)' "$work/trusted.json"
[[ $trusted_rc -eq 0 ]] || cat "$work/trusted.err" >&2

echo "oidc interop: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
