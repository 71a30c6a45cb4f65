"""Runs qseek and its peers in the same run and prints every figure beside its QUALITY.md target.

Called by run.sh after the release builds: compare.py QSEEK PROBE WORKDIR [RUNS]
Every number printed is measured by this run; nothing is read from earlier runs.
"""
import json
import os
import statistics
import subprocess
import sys
import time

from sandbox_session import SandboxSession

qseek, probe, work = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 9
here = os.path.dirname(os.path.abspath(__file__))
python = sys.executable
rows = []


def row(what, qseek_value, peer_value, ratio, target, ok):
    status = "-" if target.startswith("(") else ("met" if ok else "MISSED")
    rows.append((what, qseek_value, peer_value, ratio, target, status))


def run_json(*command, env=None):
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout)


# 1. CPU per operation: qseek's signer and SearchRelevantContent round against botocore's.
inputs = os.path.join(work, "inputs.json")
subprocess.run([python, os.path.join(here, "make_inputs.py"), inputs], check=True)
ours = run_json(probe, "aws", inputs)
with open(os.path.join(work, "probe-aws.json"), "w") as file:
    json.dump(ours, file)
theirs = run_json(python, os.path.join(here, "botocore_cpu.py"), inputs, os.path.join(work, "probe-aws.json"))
same_signature = ours["signature"] == theirs["signature"]
print(f"signing check: qseek and botocore signatures of the same request {'match' if same_signature else 'DIFFER'}")
print(f"passages parsed: qseek {ours['passages']}, botocore {theirs['passages']}")
for key, label in [("sign_cpu_us", "SigV4 sign, CPU µs/op"), ("round_cpu_us", "SearchRelevantContent round (serialise+sign+parse 100), CPU µs/op")]:
    ratio = theirs[key] / ours[key]
    row(label, f"{ours[key]:.1f}", f"botocore {theirs[key]:.1f}", f"{ratio:.1f}x cheaper", "≥ 20x cheaper than botocore", ratio >= 20)
for key, label in [("serialise_sign_cpu_us", "  of which serialise+sign, CPU µs/op"), ("parse_cpu_us", "  of which parse 100 passages, CPU µs/op")]:
    ratio = theirs[key] / ours[key]
    row(label, f"{ours[key]:.1f}", f"botocore {theirs[key]:.1f}", f"{ratio:.1f}x cheaper", "(detail)", True)
reference = ours["parse_jsondecoder_cpu_us"]
row("  parse 100 passages through JSONDecoder (the path before QBusiness.decodePage), CPU µs/op", f"{reference:.1f}",
    f"botocore {theirs['parse_cpu_us']:.1f}", f"{theirs['parse_cpu_us'] / reference:.1f}x cheaper", "(reference)", True)

# 2. Cold `qseek search` against the boto3 flow, both against the same release sandbox.
session = SandboxSession(qseek, work)
env, config = session.env, session.config
try:
    qseek_command, boto3_command = session.qseek_search(qseek), session.boto3_search()
    qseek_passages = len(json.loads(subprocess.run(qseek_command, check=True, capture_output=True, env=env).stdout)["passages"])
    boto3_passages = int(subprocess.run(boto3_command, check=True, capture_output=True, env=env).stdout)
    print(f"search check: qseek search returned {qseek_passages} passages, boto3 {boto3_passages}")
    walls = {"qseek": [], "boto3": []}
    for _ in range(runs):  # interleaved, so both see the same machine load
        for name, command in (("qseek", qseek_command), ("boto3", boto3_command)):
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            walls[name].append((time.perf_counter() - start) * 1000)
    q, b = statistics.median(walls["qseek"]), statistics.median(walls["boto3"])
    row(f"cold search + full TTI exchange, {qseek_passages} passages, wall ms (median of {runs})", f"{q:.0f}", f"boto3 {b:.0f}", f"{b / q:.1f}x faster",
        "≥ 10x faster than boto3", b / q >= 10)

    # 2b. Launch to first frame on a 200x60 pty: qseek on this sandbox (signed in), and qseek demo.
    frame = run_json(python, os.path.join(here, "first_frame.py"), str(runs), "200", "60", "Sign in to qseek",
                     qseek, "--config", config, env=env)
    row(f"launch to first frame, qseek --config (signed in), ms (median of {runs}; max {frame['max_ms']:.0f})",
        f"{frame['median_ms']:.0f}", "", "", "< 100 ms", frame["median_ms"] < 100)
    demo = run_json(python, os.path.join(here, "first_frame.py"), str(runs), "200", "60", "Sign in to qseek", qseek, "demo")
    row(f"launch to first frame, qseek demo (starts its sandbox too), ms (median of {runs}; max {demo['max_ms']:.0f})",
        f"{demo['median_ms']:.0f}", "", "", "< 100 ms", demo["median_ms"] < 100)
finally:
    session.close()

# 3. Bytes per scroll step through a pty, the real `qseek demo`.
for cols, lines in ((200, 60), (120, 40)):
    scroll = run_json(python, os.path.join(here, "scroll_bytes.py"), qseek, str(cols), str(lines), "15")
    # Zero bytes after Down means the key did not scroll (only status-bar ticks showed up):
    # then nothing was measured, and the row says so instead of claiming the target.
    scrolled = scroll["median_bytes"] > 0
    rows.append((f"bytes to the terminal per scroll step, {cols}x{lines} (median; steps {scroll['steps']})",
                 f"{scroll['median_bytes']:.0f}", "", "", "< 2048 bytes",
                 ("met" if scroll["median_bytes"] < 2048 else "MISSED") if scrolled else "NOT MEASURED: Down did not scroll"))

# 4. Frame time and resident memory with 10,000 passages; sandbox search over 10,000 documents.
tui = run_json(probe, "tui", "10000")
row("frame render 200x60, 10,000 passages, wall µs (median)", f"{tui['frame_wall_us']:.0f}", "", "", "< 2000 µs", tui["frame_wall_us"] < 2000)
row("  frame render CPU µs (median)", f"{tui['frame_cpu_us']:.0f}", "", "", "(detail)", True)
row("  cells changed per scroll step (MemoryBackend diff, 200x60)", f"{tui['cells_changed_per_step']:.0f}", "", "", "(detail)", True)
row("  scroll step: update + render + diff, wall µs", f"{tui['scroll_step_wall_us']:.0f}", "", "", "(detail)", True)
row("max RSS with 10,000 passages loaded and drawn, MB", f"{tui['max_rss_kb'] / 1024:.1f}", f"(process start {tui['baseline_rss_kb'] / 1024:.1f})",
    "", "< 80 MB", tui["max_rss_kb"] / 1024 < 80)
search = run_json(probe, "search", "10000")
row(f"sandbox search, 10,000 docs ({search['passages']} passages), top 100, median µs", f"{search['search_median_us']:.0f}",
    f"(index built in {search['index_build_ms']:.0f} ms)", "", "< 5000 µs", search["search_median_us"] < 5000)

widths = [max(len(str(r[i])) for r in rows + [("what", "qseek", "peer", "ratio", "target", "status")]) for i in range(6)]
header = ("what", "qseek", "peer", "ratio", "target", "status")
print()
for r in [header] + rows:
    print(" | ".join(str(cell).ljust(width) for cell, width in zip(r, widths)))
