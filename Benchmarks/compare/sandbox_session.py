"""A release sandbox with one signed-in demo user, for the cold-process benchmarks.

`SandboxSession(qseek, work)` starts `qseek sandbox serve` on a free port, writes its config,
signs alice in with `qseek login --no-browser --user` and saves her cached ID token to a file
(boto3_flow.py reads it, as qseek reads its cache). `search_commands(...)` gives the two cold
commands compared: qseek's and the boto3 script's, the same TTI exchange and 100 passages.
"""
import json
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
TENANT, QUERY = "T0100ACME", "policy process team project review plan incident customer"  # broad: fills a 100-passage page


class SandboxSession:
    def __init__(self, qseek, work):
        self.env = dict(os.environ, XDG_CACHE_HOME=work + "/cache", XDG_CONFIG_HOME=work + "/config",
                        XDG_STATE_HOME=work + "/state", LANG="C.UTF-8", AWS_CONFIG_FILE="/dev/null",
                        AWS_SHARED_CREDENTIALS_FILE="/dev/null", AWS_EC2_METADATA_DISABLED="true")
        self.config = os.path.join(work, "sandbox.toml")
        self.server = subprocess.Popen([qseek, "sandbox", "serve", "--port", "0", "--write-config", self.config],
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=self.env)
        first = self.server.stdout.readline().strip()
        if not first.startswith("sandbox: http://127.0.0.1:"):
            self.close()
            raise SystemExit(f"benchmark: the sandbox did not start: {first!r}")
        self.token_file = os.path.join(work, "id-token")
        self._sign_in(qseek, work)

    def _sign_in(self, qseek, work):
        login = subprocess.Popen([qseek, "login", "--config", self.config, "--no-browser", "--user", "alice@acme.example"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=self.env)
        for line in login.stderr:
            match = re.search(r"http://127\.0\.0\.1\S*/authorize\S*", line)
            if match:
                # qseek approves a demo user itself; the fetch only plays the browser if still needed.
                subprocess.run(["curl", "-s", "-L", "-o", "/dev/null", match.group(0)], check=False)
                break
        if login.wait(timeout=30) != 0:
            self.close()
            raise SystemExit("benchmark: qseek login failed")
        cache = os.path.join(work, "cache", "qseek")
        token = json.load(open(os.path.join(cache, next(f for f in os.listdir(cache) if f.endswith(".json")))))["idToken"]
        with open(self.token_file, "w") as file:
            file.write(token)

    def qseek_search(self, qseek):
        return [qseek, "search", QUERY, "--tenant", TENANT, "--config", self.config, "--json", "--max", "100", "--pages", "1"]

    def boto3_search(self):
        return [sys.executable, os.path.join(here, "boto3_flow.py"), self.config, self.token_file, TENANT, QUERY]

    def close(self):
        self.server.terminate()
        self.server.wait(timeout=10)
