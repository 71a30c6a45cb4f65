"""Shared helpers for the AWS interop proofs: running the Swift probe, reporting results."""
import json
import os
import subprocess
import sys


def probe(command):
    """Sends one JSON command to qseek-aws-probe and returns its JSON answer."""
    binary = os.environ["QSEEK_AWS_PROBE"]
    completed = subprocess.run([binary], input=json.dumps(command).encode(), capture_output=True, timeout=120)
    if completed.returncode != 0:
        raise RuntimeError(f"probe failed ({completed.returncode}): {completed.stderr.decode(errors='replace')}")
    return json.loads(completed.stdout)


class Tally:
    """Counts checks and prints the summary line run.sh sums up: `RESULT <name> passed=N failed=M`."""

    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def check(self, ok, label, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"  FAIL {self.name}: {label} {detail}", file=sys.stderr)

    def finish(self):
        print(f"{self.name}: {self.passed} passed, {self.failed} failed")
        print(f"RESULT {self.name} passed={self.passed} failed={self.failed}")
        sys.exit(1 if self.failed else 0)
