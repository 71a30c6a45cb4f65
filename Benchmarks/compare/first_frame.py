"""Milliseconds from launching qseek to its first full frame on a pseudo-terminal.

Launches QSEEK ARGS... on a COLSxROWS pty RUNS times and times, from just before the fork to
the moment the output holds MARKER (a text the first screen always shows, e.g. the sign-in
box's title), then stops the process. Prints one JSON object: every run, the median and the
maximum, in milliseconds. XDG_CACHE_HOME, when set, is kept (a saved sign-in).

Usage: first_frame.py RUNS COLS ROWS MARKER QSEEK [ARGS...]
"""
import json
import os
import statistics
import sys
import time

from pty_app import PtyApp

runs, cols, rows, marker = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
command = sys.argv[5:]


def first_frame():
    keep = {"XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]} if "XDG_CACHE_HOME" in os.environ else {}
    app = PtyApp(command, cols, rows, env=keep)
    try:
        app.wait_for(marker, limit=20)
        return (app.seen_at - app.started) * 1000
    finally:
        app.stop()


times = [first_frame() for _ in range(runs)]
print(json.dumps({"runs_ms": [round(t, 1) for t in times], "median_ms": round(statistics.median(times), 1),
                  "max_ms": round(max(times), 1)}))
