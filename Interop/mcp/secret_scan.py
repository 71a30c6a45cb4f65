"""Secret hygiene of `qseek mcp`: every file the MCP run produced (tool results over stdio and
HTTP, the servers' stdout/stderr, their debug logs, the HTTP refusals) is searched for every
secret the sandbox issued (`sandbox serve --record-secrets`), the tokens in the stdio users'
caches, and the ISV's secret key. Zero hits allowed.

Usage: secret_scan.py ISSUED.tsv CONFIG OUT_DIR [CACHE_DIR...]"""
import glob
import json
import os
import re
import sys

issued, config, outputs, caches = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
secrets, kinds = {}, set()
for number, line in enumerate(open(issued, encoding="utf-8")):
    kind, value = line.rstrip("\n").split("\t", 1)
    kinds.add(kind)
    secrets[f"{kind} #{number}"] = value
    if value.count(".") == 2:  # a JWT: its signature alone is secret enough to count
        secrets[f"{kind} #{number} signature"] = value.rsplit(".", 1)[1]
for cache in caches:
    for path in glob.glob(os.path.join(cache, "*.json")):
        tokens = json.load(open(path))
        for name in ("idToken", "accessToken", "refreshToken"):
            if tokens.get(name):
                secrets[f"cached {name} ({path})"] = tokens[name]
secrets["ISV secret access key"] = re.search(r'secret_access_key = "([^"]+)"', open(config).read()).group(1)
expected = {"IdP ID token", "Identity Center ID token", "identity context", "STS secret access key", "STS session token"}
if not expected <= kinds:
    print(f"  ✗ the run did not use every kind of secret; missing: {sorted(expected - kinds)}")
    print("mcp secret scan: 0 passed, 1 failed")
    sys.exit(1)
files = [p for p in glob.glob(os.path.join(outputs, "*")) if os.path.isfile(p)]
transports = {"stdio": any("stdio-" in p for p in files), "http": any("http-" in p for p in files)}


def hits_in(paths):
    return [(name, path) for path in paths for name, value in secrets.items()
            if value and value in open(path, errors="replace").read()]


canary = os.path.join(outputs, "..", "canary.txt")
open(canary, "w").write("x " + next(v for k, v in secrets.items() if k.startswith("STS session token")) + " y")
failed = 0
if not hits_in([canary]):
    print("  ✗ the scan missed a planted session token")
    failed += 1
if not all(transports.values()):
    print(f"  ✗ outputs of both transports must be scanned: {transports}")
    failed += 1
hits = hits_in(files)
size = sum(os.path.getsize(p) for p in files)
print(f"  scanned {len(files)} files ({size} bytes, stdio and HTTP) for {len(secrets)} secrets of {len(kinds)} kinds")
for name, path in hits:
    print(f"  ✗ {name} found in {os.path.basename(path)}")
if not hits and not failed:
    print("  ✓ no secret in any MCP result, output stream or debug log")
failed += 1 if hits else 0
print(f"mcp secret scan: {0 if failed else 1} passed, {failed} failed")
sys.exit(1 if failed else 0)
