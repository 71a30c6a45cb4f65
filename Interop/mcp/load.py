"""Load run of `qseek mcp --http`: USERS concurrent users, each with their own ID token, each
calling `search` CALLS times in a row over Streamable HTTP (JSON responses). Counts errors and
passages of documents the caller may not read (cross-user), and prints p50/p99 tool-call
latency as the client measures it, and the server's resident memory before and after.

Usage: load.py MCP_URL ISSUER SERVER_PID CORPUS_DIR [USERS] [CALLS]"""
import asyncio
import json
import os
import statistics
import sys
import time

import httpx

sys.path.insert(0, os.path.dirname(__file__))
from common import id_token, readable  # noqa: E402

url, issuer, pid, corpus = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
users = int(sys.argv[5]) if len(sys.argv) > 5 else 50
calls = int(sys.argv[6]) if len(sys.argv) > 6 else 20
TENANT = "T0300LOAD"


def rss_mib():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def user_run(client, number, token, allowed, latencies, problems):
    headers = {"Authorization": "Bearer " + token, "Accept": "application/json", "Content-Type": "application/json"}
    for call in range(calls):
        body = {"jsonrpc": "2.0", "id": call + 1, "method": "tools/call",
                "params": {"name": "search", "arguments": {"query": "quarterly planning report", "max_results": 10, "pages": 1}}}
        started = time.perf_counter()
        answer = await client.post(url, json=body, headers=headers)
        latencies.append((time.perf_counter() - started) * 1000)
        if answer.status_code != 200:
            problems["errors"] += 1
            problems["samples"].append(f"user{number:02d} HTTP {answer.status_code}: {answer.text[:200]}")
            continue
        result = answer.json().get("result")
        if not result or result.get("isError"):
            problems["errors"] += 1
            problems["samples"].append(f"user{number:02d}: {json.dumps(answer.json())[:200]}")
            continue
        ids = [p["documentId"] for p in result["structuredContent"]["passages"]]
        if not ids:
            problems["empty"] += 1
        foreign = [i for i in ids if i not in allowed]
        problems["cross"] += len(foreign)
        problems["passages"] += len(ids)


async def main():
    emails = [f"user{n:02d}@load.example" for n in range(1, users + 1)]
    tokens = [id_token(issuer, "qseek-demo", email) for email in emails]
    allowed = [readable(email, TENANT, corpus) for email in emails]
    before = rss_mib()
    latencies, problems = [], {"errors": 0, "cross": 0, "passages": 0, "empty": 0, "samples": []}
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(user_run(client, n + 1, tokens[n], allowed[n], latencies, problems) for n in range(users)))
        wall = time.perf_counter() - started
    after = rss_mib()
    latencies.sort()
    p50 = statistics.median(latencies)
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
    print(f"load: {users} users x {calls} searches = {len(latencies)} calls in {wall:.1f} s "
          f"({len(latencies) / wall:.0f} calls/s)")
    print(f"load: errors {problems['errors']}, cross-user passages {problems['cross']} "
          f"of {problems['passages']} passages, empty results {problems['empty']}")
    print(f"load: tool-call latency p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {latencies[-1]:.1f} ms")
    print(f"load: server RSS before {before:.1f} MiB, after {after:.1f} MiB")
    for sample in problems["samples"][:5]:
        print("  " + sample)
    ok = problems["errors"] == 0 and problems["cross"] == 0 and problems["passages"] > 0
    print(f"mcp load: {1 if ok else 0} passed, {0 if ok else 1} failed")
    return 0 if ok else 1


sys.exit(asyncio.run(main()))
