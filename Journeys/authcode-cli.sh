#!/usr/bin/env bash
# Journey: an auth-code tenant (Globex Health, T0300GLBX) from the command line against
# `qseek sandbox serve --write-config`: `login --tenant` with the script playing the browser for
# a non-demo user at the tenant's own Identity Center (its sign-in page, not a login hint),
# `search` with no ISV sign-in at all, a second search in a new process that renews with the
# refresh token and no browser (the token rotates), `doctor`'s auth-code steps, a refused
# renewal that asks for a sign-in again in words, and `logout --tenant`.
# Usage: Journeys/authcode-cli.sh PATH/TO/qseek
QSEEK=$(realpath "${1:?usage: authcode-cli.sh PATH/TO/qseek}")
source "$(dirname "$0")/sandbox-lib.sh"
start_sandbox
echo "journey: an auth-code tenant from the command line against $(head -1 "$work/serve.out")"
tenant=T0300GLBX

# The stored Identity Center sign-in: the one cache file that names the tenant.
session_file() { grep -l "\"tenantID\":\"$tenant\"" "$XDG_CACHE_HOME"/qseek/*.json 2>/dev/null | head -1; }
refresh_token() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['refreshToken'])" "$(session_file)"; }

"$QSEEK" login "${config[@]}" --tenant "$tenant" --no-browser 2> "$work/login.err" &
login=$!
for _ in $(seq 1 600); do grep -qo 'http://127.0.0.1[^ ]*/sso-oidc/authorize[^ ]*' "$work/login.err" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1[^ ]*/sso-oidc/authorize[^ ]*' "$work/login.err" | head -1)
check "login --tenant prints the tenant's Identity Center authorize URL with state and PKCE S256" \
  python3 - "$url" <<'PY'
import sys, urllib.parse
query = urllib.parse.parse_qs(urllib.parse.urlparse(sys.argv[1]).query)
ok = query.get("response_type") == ["code"] and query.get("redirect_uri") == ["http://127.0.0.1:47311/callback"] \
    and query.get("code_challenge_method") == ["S256"] and "state" in query and query["client_id"][0].startswith("arn:aws:sso::")
sys.exit(0 if ok else 1)
PY
# The browser: the sign-in page lists the members; choose Ivan (not a demo login hint), follow
# Identity Center's redirect to qseek's loopback receiver.
python3 - "$url" > "$work/browser.out" 2>&1 <<'PY'
import sys, urllib.parse, urllib.request
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args): return None
opener = urllib.request.build_opener(NoRedirect)
url = sys.argv[1]
page = urllib.request.urlopen(url, timeout=10).read().decode()
assert "Ivan Petrov" in page, page
form = dict(urllib.parse.parse_qsl(urllib.parse.urlparse(url).query))
form["member"] = "ivan@globex.example"
action = url.split("?")[0]
try:
    opener.open(action, data=urllib.parse.urlencode(form).encode(), timeout=10)
    raise SystemExit("Identity Center did not redirect")
except urllib.error.HTTPError as answer:
    location = answer.headers["Location"]
assert location.startswith("http://127.0.0.1:47311/callback?"), location
print(urllib.request.urlopen(location, timeout=10).read().decode()[:80])
PY
wait $login; login_status=$?
check "the script, playing the browser for a non-demo user, completes login --tenant" test "$login_status" -eq 0
check "login names the Identity Center user" grep -q "Signed in to the Identity Center of Globex Health as ivan@globex.example" "$work/login.err"
check "the refresh token is cached 0600, per tenant" bash -c "f=\$(grep -l '\"tenantID\":\"$tenant\"' $XDG_CACHE_HOME/qseek/*.json) && [ \"\$(stat -c %a \$f)\" = 600 ]"
before=$(refresh_token)

"$QSEEK" search "failover runbook" --tenant "$tenant" "${config[@]}" --json > "$work/search1.json" 2> "$work/search1.err"
check "search on the auth-code tenant finds what Ivan (IT) may read, with no ISV sign-in" python3 - "$work/search1.json" <<'PY'
import json, sys
ids = [p["documentId"] for p in json.load(open(sys.argv[1]))["passages"]]
sys.exit(0 if "globex-runbook-0002" in ids and "globex-guide-0003" not in ids else 1)
PY
check "nobody signed in at the ISV's IdP on the way" bash -c "! \"$QSEEK\" whoami ${config[*]} > /dev/null 2>&1"
after_first=$(refresh_token)
check "the renewal rotated the refresh token (no browser)" test "$before" != "$after_first"

"$QSEEK" search "memo telemetry vendor" --tenant "$tenant" "${config[@]}" --json > "$work/search2.json" 2>/dev/null
check "a second process searches again with the refresh token alone" python3 -c "import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))['passages'] else 1)" "$work/search2.json"
check "and the token rotated again" test "$after_first" != "$(refresh_token)"

set +e
"$QSEEK" doctor "${config[@]}" --tenant "$tenant" --all --json > "$work/doctor.json" 2>/dev/null
set -e
check "doctor runs the auth-code steps: assume-role, refresh-token, identity-aware-role, search" python3 - "$work/doctor.json" <<'PY'
import json, sys
steps = {s["id"]: s["status"] for s in json.load(open(sys.argv[1]))["steps"] if s.get("tenant") == "T0300GLBX"}
sys.exit(0 if all(steps.get(k) == "ok" for k in ["assume-role", "refresh-token", "identity-aware-role", "search"]) else 1)
PY

# A refresh token Identity Center no longer honours: the next search asks for a sign-in, in words.
python3 - "$(session_file)" <<'PY'
import json, sys
session = json.load(open(sys.argv[1]))
session["refreshToken"] = "aorAAAA-revoked"
json.dump(session, open(sys.argv[1], "w"))
PY
set +e
"$QSEEK" search "failover" --tenant "$tenant" "${config[@]}" > /dev/null 2> "$work/refused.err"; refused=$?
set -e
check "a refused renewal exits 65 and says to sign in at the tenant's Identity Center" \
  bash -c "[ $refused -eq 65 ] && grep -q 'refused to renew' '$work/refused.err' && grep -q 'qseek login --tenant $tenant' '$work/refused.err'"
check "the refused sign-in is forgotten" test -z "$(session_file)"

"$QSEEK" login "${config[@]}" --tenant "$tenant" --user hana@globex.example --no-browser 2> "$work/login2.err"
check "a demo user of the tenant signs in with nobody at a browser" grep -q "as hana@globex.example" "$work/login2.err"
"$QSEEK" logout "${config[@]}" --tenant "$tenant" 2> "$work/logout.err"
set +e
"$QSEEK" search "failover" --tenant "$tenant" "${config[@]}" > /dev/null 2> "$work/after-logout.err"; afterlogout=$?
set -e
check "logout --tenant forgets it: search exits 65, naming login --tenant" \
  bash -c "[ $afterlogout -eq 65 ] && grep -q 'qseek login --tenant $tenant' '$work/after-logout.err'"

finish "auth-code journey"
