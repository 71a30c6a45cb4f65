#!/usr/bin/env bash
# Journey: the README tour as a story. Alice (engineering), Bob (sales) and Priya (a
# contractor) ask the tour's question of the same tenant; each gets a different top document
# and a different answer from the extractive model, no answer quotes a sentence twice, and
# nobody reads the board-only memo.
# Usage: Journeys/story.sh PATH/TO/qseek
QSEEK=$(realpath "${1:?usage: story.sh PATH/TO/qseek}")
source "$(dirname "$0")/sandbox-lib.sh"
start_sandbox
question="What is our incident response process?"
echo "journey: the tour's question, asked by three readers"
for email in alice@acme.example bob@acme.example priya@consult.example; do
  timeout 60 "$QSEEK" login "${config[@]}" --user "$email" --no-browser > /dev/null 2> "$work/login-$email.err"
  "$QSEEK" search "$question" --tenant T0100ACME "${config[@]}" --json --max 10 --pages 1 > "$work/$email-search.json" 2> "$work/$email-search.err" || true
  "$QSEEK" ask "$question" --tenant T0100ACME "${config[@]}" --json > "$work/$email.json" 2> "$work/$email.err" || true
done
check "the sandbox lists every demo user's suggested question" grep -q 'question = "What is our incident response process?"' \
  <(cat "$(dirname "$0")/../Sources/Sandbox/Resources/corpus/tenants.toml")
python3 - "$work" <<'PY' && story=0 || story=$?
import json, re, sys
work = sys.argv[1]
readers = {"alice@acme.example": "Incident response process (engineering)", "bob@acme.example": "(sales)", "priya@consult.example": "Contractor guide"}
ok = True
def fail(message):
    global ok
    ok = False
    print("  ✗ " + message)
tops, answers = {}, {}
for email, expected in readers.items():
    result = json.load(open(f"{work}/{email}.json"))
    passages = json.load(open(f"{work}/{email}-search.json"))["passages"]
    titles = [p["title"] for p in passages]
    top = titles[0] if titles else ""
    tops[email] = top
    answer = result.get("answer", "")
    body = answer.split("\n\n", 1)[1] if "\n\n" in answer else answer
    answers[email] = body
    print(f"  {email}: top document “{top}”")
    if expected not in top:
        fail(f"{email}'s top document is “{top}”, expected one with “{expected}”")
    if any("Board memo" in t for t in titles):
        fail(f"{email} reads the board-only memo")
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+(?:\[\d+\]\s*)?", re.sub(r"\s*\[\d+\]", "", body)) if s.strip()]
    if len(sentences) != len(set(sentences)):
        fail(f"{email}'s answer repeats a sentence: {body!r}")
    if "do not answer" in body or not sentences:
        fail(f"{email}'s answer says nothing: {body!r}")
if len(set(tops.values())) != len(tops):
    fail(f"the top documents are not all different: {tops}")
if len(set(answers.values())) != len(answers):
    fail("the answers are not all different")
shared = set.intersection(*[set(re.split(r"(?<=[.!?])\s+", re.sub(r"\s*\[\d+\]", "", a))) for a in answers.values()])
if shared - {""}:
    fail(f"a sentence appears in every answer: {shared}")
sys.exit(0 if ok else 1)
PY
check "Alice, Bob and Priya get different top documents and answers, none repeating a sentence, none the board memo" test "$story" -eq 0
finish "story journey"
