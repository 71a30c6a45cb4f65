"""Start-up before and after, in the same run: two qseek release binaries side by side.

Usage: startup.py BEFORE AFTER WORKDIR [RUNS]
For each binary, interleaved run by run so both see the same machine load: the cold
`qseek search` (TTI exchange + 100 passages) against the boto3 script on the same sandbox,
and launch to first frame on a 200x60 pty for `qseek` (configured, signed in) and `qseek demo`.
The sandbox and the sign-in come from AFTER; both binaries read the same config and cache.
Prints medians (and maxima) in ms with the QUALITY.md targets.
"""
import json
import os
import statistics
import subprocess
import sys
import time

from sandbox_session import SandboxSession

before, after, work = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 9
here = os.path.dirname(os.path.abspath(__file__))
binaries = {"before": before, "after": after}


def wall_ms(command, env):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return (time.perf_counter() - start) * 1000


def first_frame_ms(command, env):
    output = subprocess.run([sys.executable, os.path.join(here, "first_frame.py"), "1", "200", "60", "Sign in to qseek", *command],
                            check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(output)["median_ms"]


session = SandboxSession(after, work)
env = session.env
samples = {}
try:
    for _ in range(runs):
        for label, qseek in binaries.items():
            samples.setdefault(("cold search", label), []).append(wall_ms(session.qseek_search(qseek), env))
            samples.setdefault(("first frame, signed in", label), []).append(first_frame_ms([qseek, "--config", session.config], env))
            samples.setdefault(("first frame, demo", label), []).append(first_frame_ms([qseek, "demo"], env))
        samples.setdefault(("cold search", "boto3"), []).append(wall_ms(session.boto3_search(), env))
finally:
    session.close()

median = {key: statistics.median(values) for key, values in samples.items()}
print(f"start-up, median of {runs} interleaved runs (max in brackets), ms")
print(f"{'what':<24} {'before':>14} {'after':>14}  target")
for what, target in (("cold search", "≥ 10x faster than boto3"), ("first frame, signed in", "< 100 ms"), ("first frame, demo", "< 100 ms")):
    cells = [f"{median[(what, label)]:.0f} ({max(samples[(what, label)]):.0f})" for label in binaries]
    print(f"{what:<24} {cells[0]:>14} {cells[1]:>14}  {target}")
boto3 = median[("cold search", "boto3")]
print(f"{'cold search, boto3':<24} {boto3:>14.0f}")
for label in binaries:
    print(f"boto3 / qseek ({label}): {boto3 / median[('cold search', label)]:.1f}x")
