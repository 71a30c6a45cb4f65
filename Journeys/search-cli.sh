#!/usr/bin/env bash
# Journey: the non-interactive commands against `qseek sandbox serve --write-config`, as a
# script or backend uses them: login (the script plays the browser), tenants, search in
# text, --ndjson and --json, a backend's own ID token, and the documented exit codes.
# Usage: Journeys/search-cli.sh PATH/TO/qseek
QSEEK=$(realpath "${1:?usage: search-cli.sh PATH/TO/qseek}")
source "$(dirname "$0")/sandbox-lib.sh"
start_sandbox
echo "journey: search from the command line against $(head -1 "$work/serve.out")"

sign_in alice@acme.example
check "login with PKCE through the loopback receiver succeeds" test -s "$XDG_CACHE_HOME/qseek/"*.json

"$QSEEK" tenants "${config[@]}" --json > "$work/tenants.json"
check "tenants --json lists the user's tenant (by the tenant claim) and the auth-code tenant (its Identity Center decides)" \
  python3 -c "import json,sys; t=json.load(open(sys.argv[1])); sys.exit(0 if [(x['id'], x['auth']) for x in t]==[('T0100ACME', 'tti'), ('T0300GLBX', 'idc-auth-code')] else 1)" "$work/tenants.json"

"$QSEEK" search "quarterly planning process" --tenant T0100ACME "${config[@]}" --ndjson --max 5 --pages 2 > "$work/passages.ndjson" 2> "$work/search.err"
check "search --ndjson prints one JSON object per passage with the documented keys" python3 - "$work/passages.ndjson" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
keys = {"documentId", "title", "uri", "confidence", "content", "attributes"}
objects = [json.loads(line) for line in lines]
sys.exit(0 if len(objects) >= 5 and all(keys <= set(o) for o in objects) else 1)
PY

"$QSEEK" search "quarterly planning process @category=nonexistent-category" --tenant T0100ACME "${config[@]}" --json > "$work/empty.json" 2>/dev/null
check "an attribute filter narrows the search (no passage in a category that does not exist)" \
  python3 -c "import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))['passages']==[] else 1)" "$work/empty.json"

"$QSEEK" search "Escape handling test" --tenant T0100ACME "${config[@]}" --max 3 --pages 1 > "$work/hostile.txt" 2>/dev/null
check "text output shows the hostile document" grep -q "Escape handling test" "$work/hostile.txt"
check "text output carries none of its controls (ESC, BEL, C1, U+202E)" \
  python3 -c "import sys; t=open(sys.argv[1],encoding='utf-8').read(); sys.exit(1 if any(c in t for c in '\x1b\x07\x9b\u202e') else 0)" "$work/hostile.txt"
"$QSEEK" search "Escape handling test" --tenant T0100ACME "${config[@]}" --json --max 3 --pages 1 > "$work/hostile.json" 2>/dev/null
check "JSON output escapes them as JSON does (\\u001b), and they survive a round trip" python3 - "$work/hostile.json" <<'PY'
import json, sys
raw = open(sys.argv[1], encoding="utf-8").read()
titles = [p["title"] for p in json.loads(raw)["passages"]]
sys.exit(0 if "\x1b" not in raw and "\\u001b" in raw and any("\x1b[2J" in t for t in titles) else 1)
PY

token=$(python3 -c "import json,glob; print(json.load(open(glob.glob('$XDG_CACHE_HOME/qseek/*.json')[0]))['idToken'])")
QSEEK_ID_TOKEN=$token XDG_CACHE_HOME=$work/empty-cache "$QSEEK" search "quarterly planning process" --tenant T0100ACME "${config[@]}" --json --max 2 --pages 1 > "$work/backend.json" 2>/dev/null
check "a backend's own ID token (QSEEK_ID_TOKEN) works without a cached sign-in" \
  python3 -c "import json,sys; sys.exit(0 if len(json.load(open(sys.argv[1]))['passages'])==2 else 1)" "$work/backend.json"

set +e
# A reader that has gone away (`| head`): the command ends quietly with 141 (128 + SIGPIPE), as
# any Unix tool does, instead of a Foundation trap with a stack trace. The pipe's read end is
# closed before qseek starts, and SIGPIPE stays ignored, so every write meets EPIPE.
piped=$(python3 - "$work/pipe.err" "$QSEEK" search "quarterly planning process" --tenant T0100ACME "${config[@]}" --json --max 100 --pages 1 <<'PY'
import os, subprocess, sys
reader, writer = os.pipe()
os.close(reader)
with open(sys.argv[1], "wb") as errors:
    print(subprocess.run(sys.argv[2:], stdout=writer, stderr=errors, restore_signals=False).returncode)
PY
)
"$QSEEK" search "x" --tenant NOPE "${config[@]}" > /dev/null 2>&1; unknown=$?
"$QSEEK" search "x @after=2024-13-01" --tenant T0100ACME "${config[@]}" > /dev/null 2> "$work/filter.err"; badfilter=$?
"$QSEEK" logout "${config[@]}" > /dev/null 2>&1
"$QSEEK" search "x" --tenant T0100ACME "${config[@]}" > /dev/null 2>&1; signedout=$?
set -e
check "a closed stdout ends search with 141 and nothing on stderr" bash -c "[ $piped -eq 141 ] && [ ! -s '$work/pipe.err' ]"
check "an unknown tenant exits 64 (usage)" test "$unknown" -eq 64
check "a bad filter exits 64 and names the term" bash -c "[ $badfilter -eq 64 ] && grep -q '@after=2024-13-01' '$work/filter.err'"
check "after logout, search exits 65 (sign-in needed)" test "$signedout" -eq 65

finish "search journey"
