"""Checks bytes qseek wrote for anything that could act on a terminal or hide in it.

Usage: hostile_bytes.py MODE NAME FILE [MARKER]
  text  every byte is printable text, line feed or tab: no ESC or other C0, no DEL, no C1
        (U+0080-009F), no format character (bidi controls, zero-width, tags, soft hyphen),
        no U+2028/2029.
  json  the same over the raw bytes, and the file is one JSON document whose strings still hold
        the hostile characters (so they were escaped, not dropped).
  ndjson  the same, one JSON document per line.
  tui   the raw bytes of a full-screen session: the TUI's own sequences (CSI, charset and keypad
        modes) are allowed; an OSC 0/1/2 title or an OSC 52 clipboard payload must itself be
        clean text; OSC 8 links, DCS/APC/PM/SOS strings, C1 controls and format characters
        outside them are findings.
MARKER, when given, must appear in the output (proof the hostile content went this way).
Prints one line per finding; exits 1 when there is any.
"""
import base64
import json
import re
import sys
import unicodedata


def bad_character(c, allowed="\n\t"):
    o = ord(c)
    if c in allowed:
        return None
    if o < 0x20 or 0x7F <= o <= 0x9F:
        return f"control U+{o:04X}"
    if o in (0x2028, 0x2029):
        return f"line separator U+{o:04X}"
    if unicodedata.category(c) == "Cf":
        return f"format character U+{o:04X} ({unicodedata.name(c, '?')})"
    return None


def text_findings(text, allowed="\n\t"):
    found = []
    for index, c in enumerate(text):
        why = bad_character(c, allowed)
        if why:
            found.append(f"{why} at {index}: {text[max(0, index - 20):index + 20]!r}")
    return found


def walk_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from walk_strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from walk_strings(item)


def json_findings(text, documents):
    found = text_findings(text)
    strings = []
    for document in documents:
        try:
            strings.extend(walk_strings(json.loads(document)))
        except ValueError as error:
            found.append(f"not valid JSON: {error}: {document[:80]!r}")
    if not found and not any(bad_character(c) for s in strings for c in s):
        found.append("the JSON values hold no hostile character any more: escaped output must keep them")
    return found


OSC = re.compile(r"\x1b\](\d*);?(.*?)(?:\x07|\x1b\\)", re.S)
STRING_SEQUENCE = re.compile(r"\x1b[P_^X]")  # DCS, APC, PM, SOS
CSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
OTHER_ESCAPE = re.compile(r"\x1b[()][0-9A-Za-z]|\x1b[=>78MDEHc]")


def tui_findings(text):
    found = []
    for match in OSC.finditer(text):
        number, payload = match.group(1), match.group(2)
        if number in ("0", "1", "2"):
            found += [f"window title: {f}" for f in text_findings(payload, allowed="")]
        elif number == "52":
            data = payload.split(";", 1)[-1]
            try:
                copied = base64.b64decode(data).decode("utf-8", errors="replace") if data not in ("", "?") else ""
            except ValueError:
                found.append(f"clipboard payload is not base64: {data[:40]!r}")
                continue
            found += [f"clipboard: {f}" for f in text_findings(copied)]
        else:
            found.append(f"OSC {number} sequence: {match.group(0)[:60]!r}")
    rest = OSC.sub("", text)
    for match in STRING_SEQUENCE.finditer(rest):
        found.append(f"DCS/APC/PM/SOS string at {match.start()}: {rest[match.start():match.start() + 40]!r}")
    rest = OTHER_ESCAPE.sub("", CSI.sub("", rest))
    for index, c in enumerate(rest):
        o = ord(c)
        if c == "\x1b":
            found.append(f"unknown escape sequence at {index}: {rest[index:index + 20]!r}")
        elif 0x7F <= o <= 0x9F or o in (0x2028, 0x2029) or unicodedata.category(c) == "Cf":
            found.append(f"{bad_character(c)} at {index}: {rest[max(0, index - 20):index + 20]!r}")
    return found


def main():
    mode, name, path = sys.argv[1], sys.argv[2], sys.argv[3]
    marker = sys.argv[4] if len(sys.argv) > 4 else None
    text = open(path, "rb").read().decode("utf-8", errors="replace")
    if mode == "text":
        found = text_findings(text)
    elif mode == "json":
        found = json_findings(text, [text])
    elif mode == "ndjson":
        found = json_findings(text, [line for line in text.splitlines() if line.strip()])
    elif mode == "tui":
        found = tui_findings(text)
    else:
        sys.exit(f"unknown mode {mode}")
    if marker and marker not in text:
        found.append(f"the output does not show {marker!r}, so the hostile content did not reach this path")
    for finding in found[:10]:
        print(f"    {name}: {finding}")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
