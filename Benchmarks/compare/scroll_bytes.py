"""Bytes `qseek demo` writes to its terminal for one scroll step in the passages pane.

Runs the real binary on a pseudo-terminal of COLSxROWS (TERM=xterm-256color), signs in as the
first demo user, picks the first tenant, asks QUESTION, waits for the passages, presses Tab
twice (focus: input, chat, passages), lets the screen settle, then presses Down STEPS times,
counting what the app writes after each key until it has been quiet for 300 ms.
Prints one JSON object: per-step byte counts, their median and maximum.

Usage: scroll_bytes.py QSEEK COLS ROWS [STEPS]
"""
import json
import statistics
import sys

from pty_app import PtyApp

qseek, cols, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
steps = int(sys.argv[4]) if len(sys.argv) > 4 else 20
QUESTION = "quarterly planning process"
app = PtyApp([qseek, "demo"], cols, rows)
read_for, wait_for, send = app.read_for, app.wait_for, app.send

try:
    wait_for("alice@acme.example")
    read_for(0.5)
    send(b"\r")  # sign in as the first demo user
    wait_for("Acme")
    read_for(0.5)
    send(b"\r")  # the first tenant
    wait_for("credentials")
    read_for(0.5)
    send(QUESTION.encode())
    read_for(0.3)
    send(b"\r")
    wait_for("retrieved")
    read_for(1.0)
    send(b"\t")  # focus: input -> chat
    read_for(0.5)
    send(b"\t")  # chat -> passages
    read_for(0.5)
    counts = []
    for _ in range(steps):
        send(b"\x1bOB")  # Down, as xterm sends it in keypad (application cursor) mode
        counts.append(len(read_for(0.3)))
    print(json.dumps({"cols": cols, "rows": rows, "steps": counts, "median_bytes": statistics.median(counts),
                      "max_bytes": max(counts)}))
finally:
    app.stop()
