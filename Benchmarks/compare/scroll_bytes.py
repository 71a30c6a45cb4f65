"""Bytes `qseek demo` writes to its terminal for one scroll step in the passages pane.

Runs the real binary on a pseudo-terminal of COLSxROWS (TERM=xterm-256color), signs in as the
first demo user, picks the first tenant, asks QUESTION, waits for the passages, presses Tab
twice (focus: input, chat, passages), lets the screen settle, then presses Down STEPS times,
counting what the app writes after each key until it has been quiet for 300 ms.
Prints one JSON object: per-step byte counts, their median and maximum.

Usage: scroll_bytes.py QSEEK COLS ROWS [STEPS]
"""
import fcntl
import json
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

qseek, cols, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
steps = int(sys.argv[4]) if len(sys.argv) > 4 else 20
QUESTION = "quarterly planning process"
work = tempfile.mkdtemp()

pid, fd = pty.fork()
if pid == 0:
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", XDG_STATE_HOME=work + "/state",
               XDG_CACHE_HOME=work + "/cache", XDG_CONFIG_HOME=work + "/config")
    env.pop("NO_COLOR", None)
    os.execve(qseek, [qseek, "demo"], env)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
os.kill(pid, signal.SIGWINCH)


def read_for(quiet, limit=30.0):
    """Everything written until `quiet` seconds pass without output (or `limit` in all)."""
    data, start = b"", time.monotonic()
    while time.monotonic() - start < limit:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    return data


def wait_for(text, limit=30.0):
    seen, start = b"", time.monotonic()
    while time.monotonic() - start < limit:
        seen += read_for(0.2, 1.0)
        if text.encode() in seen:
            return seen
    raise SystemExit(f"scroll_bytes: timed out waiting for {text!r}; last output: {seen[-400:]!r}")


def send(keys):
    os.write(fd, keys)


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
    os.kill(pid, signal.SIGTERM)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
