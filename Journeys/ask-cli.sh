#!/usr/bin/env bash
# Journey: `qseek ask` and `qseek history` against `qseek sandbox serve --write-config`, as a
# script uses them: the extractive model's answer streamed to stdout with its sources, --json,
# then the conversation listed, shown, exported (Markdown and JSON) and removed; with
# `[history] mode = "off"` nothing is kept; in the default metadata mode no passage text is.
# Usage: Journeys/ask-cli.sh PATH/TO/qseek
QSEEK=$(realpath "${1:?usage: ask-cli.sh PATH/TO/qseek}")
source "$(dirname "$0")/sandbox-lib.sh"
start_sandbox
echo "journey: ask and history from the command line against $(head -1 "$work/serve.out")"

check "login succeeds" sign_in alice@acme.example

"$QSEEK" ask "vacation policy" --tenant T0100ACME "${config[@]}" > "$work/answer.txt" 2> "$work/ask.err"
check "ask streams the extractive model's answer to stdout" grep -q "extractive demo model" "$work/answer.txt"
check "the answer cites passages as [n] and ends with a sources list naming them" python3 - "$work/answer.txt" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
answer, _, sources = text.partition("\nSources:\n")
cited = set(re.findall(r"\[(\d+)\]", answer))
listed = set(re.findall(r"^\[(\d+)\] ", sources, re.M))
sys.exit(0 if cited and listed and listed <= cited else 1)
PY
check "token usage goes to stderr, not stdout" bash -c "grep -q 'output tokens' '$work/ask.err' && ! grep -q 'output tokens' '$work/answer.txt'"

"$QSEEK" ask "quarterly planning process" --tenant T0100ACME "${config[@]}" --json > "$work/answer.json" 2>/dev/null
check "ask --json prints one document: question, answer, citations, sources, model, stop reason, usage" python3 - "$work/answer.json" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
ok = d["question"] == "quarterly planning process" and d["model"] == "sandbox.extractive-v1"
ok = ok and d["stopReason"] == "end_turn" and d["usage"]["outputTokens"] > 0
ok = ok and d["answer"] and d["sources"] and all({"number", "documentId", "title", "uri"} <= set(s) for s in d["sources"])
used = list(dict.fromkeys(int(n) for n in re.findall(r"\[(\d+)\]", d["answer"])))
ok = ok and d["citations"] == used and set(used) <= {s["number"] for s in d["sources"]}
sys.exit(0 if ok else f"not as documented: {sorted(d)}")
PY

"$QSEEK" search "quarterly planning process" --tenant T0100ACME "${config[@]}" --json > "$work/passages.json" 2>/dev/null
# passage_text_in_db FILE: exit 0 when some retrieved passage's text is in the database: in its
# bytes, or in any column once read (citations are JSON, where newlines and quotes are escaped).
passage_text_in_db() { python3 - "$work/passages.json" "$1" <<'PY'
import json, sqlite3, sys

def strings(value):
    """Every string inside a column, JSON columns opened up."""
    try:
        value = json.loads(value)
    except ValueError:
        return [value]
    found, stack = [], [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str): found.append(item)
        elif isinstance(item, list): stack.extend(item)
        elif isinstance(item, dict): stack.extend(item.values())
    return found

passages = [p["content"] for p in json.load(open(sys.argv[1], encoding="utf-8"))["passages"]]
raw = open(sys.argv[2], "rb").read()
database = sqlite3.connect(sys.argv[2])
texts = []
for (table,) in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
    for row in database.execute(f'SELECT * FROM "{table}"'):
        texts += [text for cell in row if isinstance(cell, str) for text in [cell, *strings(cell)]]
found = [p for p in passages if p.encode() in raw or any(p in text for text in texts)]
sys.exit(0 if passages and found else 1)
PY
}
no_passage_text_in_db() { ! passage_text_in_db "$1"; }
check "metadata mode (the default) leaves none of the passages' text in the database (every table read)" \
  no_passage_text_in_db "$work/state/qseek/history.sqlite"
cp "$work/sandbox.toml" "$work/full.toml"
printf '\n[history]\nmode = "full"\n' >> "$work/full.toml"
XDG_STATE_HOME="$work/full-state" "$QSEEK" ask "quarterly planning process" --tenant T0100ACME --config "$work/full.toml" > /dev/null 2>&1
check "while full mode keeps it (so the check above can fail)" passage_text_in_db "$work/full-state/qseek/history.sqlite"

"$QSEEK" history list --tenant T0100ACME "${config[@]}" --json > "$work/list.json"
check "history list has both questions, newest first" \
  python3 -c "import json,sys; t=[c['title'] for c in json.load(open(sys.argv[1]))]; sys.exit(0 if t==['quarterly planning process','vacation policy'] else 1)" "$work/list.json"
id=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[1]['id'])" "$work/list.json")
"$QSEEK" history export "$id" --tenant T0100ACME "${config[@]}" --format md > "$work/export.md"
check "history export --format md has the question, the answer and a sources list with links" \
  bash -c "grep -q '^## vacation policy' '$work/export.md' && grep -q '^\*\*Sources\*\*' '$work/export.md' && grep -qE '^- \[[0-9]+\] \[.*\]\(https?://' '$work/export.md'"
"$QSEEK" history export "$id" --tenant T0100ACME "${config[@]}" --format json > "$work/export.json"
check "history export --format json keeps citation metadata but no passage text (metadata mode)" python3 - "$work/export.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
citations = d["turns"][0]["citations"]
sys.exit(0 if citations and all("documentId" in c and "text" not in c for c in citations) else 1)
PY
check "the history database is 0600 in a 0700 directory" \
  bash -c "[ \"\$(stat -c %a '$work/state/qseek/history.sqlite')\" = 600 ] && [ \"\$(stat -c %a '$work/state/qseek')\" = 700 ]"
check "no token reaches the history database" \
  python3 -c "import json,glob,sys; t=json.load(open(glob.glob('$XDG_CACHE_HOME/qseek/*.json')[0]))['idToken']; sys.exit(1 if t.encode() in open('$work/state/qseek/history.sqlite','rb').read() else 0)"

"$QSEEK" history rm "$id" --tenant T0100ACME "${config[@]}" 2>/dev/null
check "history rm deletes it" bash -c "! '$QSEEK' history show '$id' --tenant T0100ACME --config '$work/sandbox.toml' > /dev/null 2>&1"

cp "$work/sandbox.toml" "$work/off.toml"
printf '\n[history]\nmode = "off"\n' >> "$work/off.toml"
"$QSEEK" ask "expense policy" --tenant T0100ACME --config "$work/off.toml" > /dev/null 2>&1
"$QSEEK" history list --tenant T0100ACME "${config[@]}" --json > "$work/after-off.json"
check "with [history] mode = \"off\" nothing is stored" \
  python3 -c "import json,sys; t=[c['title'] for c in json.load(open(sys.argv[1]))]; sys.exit(0 if t==['quarterly planning process'] else 1)" "$work/after-off.json"

finish "ask journey"
