"""Milliseconds from launching qseek to its first full frame on a pseudo-terminal.

Launches QSEEK ARGS... on a COLSxROWS pty (TERM=xterm-256color) RUNS times and times, from just
before exec to the moment the output holds MARKER (a text the first screen always shows, e.g.
the sign-in screen's title), then ends the process. Prints one JSON object: every run, the
median and the maximum, in milliseconds.

Usage: first_frame.py RUNS COLS ROWS MARKER QSEEK [ARGS...]
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

runs, cols, rows, marker = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].encode()
command = sys.argv[5:]


def first_frame():
    work = tempfile.mkdtemp()
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", XDG_STATE_HOME=work + "/state",
               XDG_CACHE_HOME=os.environ.get("XDG_CACHE_HOME", work + "/cache"), XDG_CONFIG_HOME=work + "/config")
    env.pop("NO_COLOR", None)
    started = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.execve(command[0], command, env)
    seen, elapsed = b"", None
    while time.monotonic() - started < 20:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if marker in seen:
            elapsed = (time.monotonic() - started) * 1000
            break
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    os.close(fd)
    if elapsed is None:
        raise SystemExit(f"first_frame: {marker.decode()!r} never appeared; last output: {seen[-300:]!r}")
    return elapsed


times = [first_frame() for _ in range(runs)]
print(json.dumps({"runs_ms": [round(t, 1) for t in times], "median_ms": round(statistics.median(times), 1),
                  "max_ms": round(max(times), 1)}))
