#!/usr/bin/env python3
"""Checks on a tmux capture, measured the way a terminal does (wcwidth), not by len().

  check_screen.py widths FILE COLUMNS   every row fits COLUMNS cells; rows that start with a
                                        box border and hold wide text end with one, at COLUMNS
  check_screen.py no-color FILE         no SGR color parameter (30-38, 40-48, 90-97, 100-107)
"""
import re
import sys
import unicodedata

try:
    from wcwidth import wcswidth
except ImportError:  # a fallback good enough for CJK and emoji
    def wcswidth(text):
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in text)


def widths(path, columns):
    ok = True
    for number, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
        width = wcswidth(line)
        if width > columns:
            print(f"row {number} is {width} cells: {line!r}")
            ok = False
        wide = any(unicodedata.east_asian_width(c) in "WF" for c in line)
        if line.startswith(("│", "╭", "╰")) and wide:
            if width != columns or not line.rstrip().endswith(("│", "╮", "╯")):
                print(f"row {number} has a crooked right border ({width} cells): {line!r}")
                ok = False
    return ok


def no_color(path):
    text = open(path, encoding="utf-8").read()
    bad = []
    for match in re.finditer(r"\x1b\[([0-9;:]*)m", text):
        for parameter in filter(None, re.split(r"[;:]", match.group(1))):
            value = int(parameter)
            if 30 <= value <= 38 or 40 <= value <= 48 or 90 <= value <= 97 or 100 <= value <= 107:
                bad.append(match.group(0))
                break
    if bad:
        print(f"{len(bad)} color sequences, e.g. {bad[0]!r}")
    return not bad


if __name__ == "__main__":
    mode = sys.argv[1]
    result = widths(sys.argv[2], int(sys.argv[3])) if mode == "widths" else no_color(sys.argv[2])
    sys.exit(0 if result else 1)
