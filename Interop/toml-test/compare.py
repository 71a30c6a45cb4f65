"""Compares qseek-toml-probe's decoding of toml-test's valid cases with the suite's JSON.

Values are compared as toml-test itself compares them: integers and floats by value (any
NaN equals any NaN), date-times as instants when they carry an offset, everything else as
written. Usage: compare.py SUITE_DIR < probe-output (lines: FILE<tab>ok|error<tab>payload).
Prints one line per mismatch and a final count line; exits 1 on any mismatch."""
import datetime
import json
import math
import os
import sys


def normalize_datetime(text):
    text = text.replace(" ", "T").replace("t", "T").replace("z", "Z")
    date, _, time = text.partition("T")
    offset = ""
    for marker in ("Z", "+", "-"):
        if marker in time:
            index = time.index(marker)
            time, offset = time[:index], time[index:]
            break
    if "." in time:
        whole, fraction = time.split(".")
        fraction = fraction.rstrip("0")
        time = whole + ("." + fraction if fraction else "")
    if offset in ("Z", "-00:00", "+00:00"):
        offset = "+00:00"
    if offset:
        whole = datetime.datetime.fromisoformat(date + "T" + time.split(".")[0] + offset)
        fraction = time.split(".")[1] if "." in time else ""
        return whole.astimezone(datetime.timezone.utc).isoformat() + "." + fraction
    return date + ("T" + time if time else "")


def same(expected, actual):
    if isinstance(expected, dict) and set(expected) == {"type", "value"} and isinstance(expected.get("type"), str):
        if not (isinstance(actual, dict) and actual.get("type") == expected["type"]):
            return False
        kind, want, got = expected["type"], expected["value"], actual.get("value")
        if kind == "integer":
            return int(want) == int(got)
        if kind == "float":
            want_f, got_f = float(want), float(got)
            return (math.isnan(want_f) and math.isnan(got_f)) or want_f == got_f
        if kind in ("datetime", "datetime-local", "date-local", "time-local"):
            if kind == "time-local":
                return normalize_datetime("0001-01-01T" + want) == normalize_datetime("0001-01-01T" + got)
            return normalize_datetime(want) == normalize_datetime(got)
        return want == got
    if isinstance(expected, dict):
        return isinstance(actual, dict) and set(expected) == set(actual) and all(same(expected[k], actual[k]) for k in expected)
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(map(same, expected, actual))
    return expected == actual


def main():
    suite = sys.argv[1]
    matched, failed = 0, []
    for line in sys.stdin:
        path, outcome, payload = line.rstrip("\n").split("\t", 2)
        name = os.path.relpath(path, suite)
        if outcome != "ok":
            failed.append(f"{name}: refused: {payload}")
            continue
        with open(path[: -len(".toml")] + ".json", encoding="utf-8") as handle:
            expected = json.load(handle)
        if same(expected, json.loads(payload)):
            matched += 1
        else:
            failed.append(f"{name}: decoded {payload}")
    for failure in failed:
        print("  mismatch:", failure)
    print(f"valid cases decoded to the suite's JSON: {matched} matched, {len(failed)} mismatched")
    sys.exit(1 if failed else 0)


main()
