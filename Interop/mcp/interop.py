"""The Python `mcp` SDK as the client of `qseek mcp`, over stdio and Streamable HTTP, against
`qseek sandbox serve`. Every tool result is written to $OUT for the secret scan.

Environment (set by run.sh): QSEEK, CONFIG, WORK, OUT, ISSUER, CLIENT_ID, MCP_URL (alice's and
bob's server), MCP_URL_AUDIENCE (a server expecting another audience), MCP_URL_SHORT and
ISSUER_SHORT (a server whose issuer's tokens live 2 s, no clock skew allowed)."""
import asyncio
import json
import os
import sys
import time

import httpx
from mcp import ClientSession, StdioServerParameters, types
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamablehttp_client

from common import Checks, forged, id_token, readable

E = os.environ
checks = Checks("mcp interop")
ACME, NORTHWIND = "T0100ACME", "T0200NWND"


def save(name, result):
    with open(os.path.join(E["OUT"], name + ".json"), "w", encoding="utf-8") as file:
        file.write(result.model_dump_json(by_alias=True) if hasattr(result, "model_dump_json") else json.dumps(result))


def passage_ids(result):
    return [p["documentId"] for p in (result.structuredContent or {}).get("passages", [])]


def stdio_parameters(user):
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")}
    env.update(XDG_CACHE_HOME=os.path.join(E["WORK"], "cache-" + user), XDG_CONFIG_HOME=os.path.join(E["WORK"], "config"),
               XDG_STATE_HOME=os.path.join(E["WORK"], "state"), AWS_CONFIG_FILE="/dev/null",
               AWS_SHARED_CREDENTIALS_FILE="/dev/null", AWS_EC2_METADATA_DISABLED="true")
    return StdioServerParameters(command=E["QSEEK"], env=env,
                                 args=["mcp", "--config", E["CONFIG"], "--debug", os.path.join(E["OUT"], f"stdio-{user}.debug.log")])


async def with_stdio(user, body):
    with open(os.path.join(E["OUT"], f"stdio-{user}.stderr"), "w") as errlog:
        async with stdio_client(stdio_parameters(user), errlog=errlog) as (read, write):
            async with ClientSession(read, write) as session:
                initialized = await session.initialize()
                return await body(session, initialized)


async def stdio_checks():
    print("stdio")
    results = {}

    async def first_look(session, initialized):
        checks.check("initialize names the server qseek", initialized.serverInfo.name == "qseek", initialized.serverInfo)
        checks.check("the server offers tools and prompts", initialized.capabilities.tools is not None
                     and initialized.capabilities.prompts is not None)
        tools = {tool.name: tool for tool in (await session.list_tools()).tools}
        checks.check("tools are search, list_tenants, whoami", set(tools) == {"search", "list_tenants", "whoami"}, set(tools))
        checks.check("search declares an output schema", bool(tools["search"].outputSchema))
        # The SDK validates structuredContent against the output schema on every call.
        result = await session.call_tool("search", {"query": "runbook pricing", "max_results": 10, "pages": 1})
        save("stdio-alice-search", result)
        results["alice"] = result
        whoami = await session.call_tool("whoami", {})
        save("stdio-alice-whoami", whoami)
        checks.check("whoami is alice", (whoami.structuredContent or {}).get("email") == "alice@acme.example", whoami)
        filtered = await session.call_tool("search", {"query": "failover", "filters": "@category=runbook", "max_results": 10})
        save("stdio-alice-filtered", filtered)
        ids = passage_ids(filtered)
        checks.check("a filter returns only runbooks", ids and all("-runbook-" in i for i in ids), ids)
        prompt = await session.get_prompt("answer_with_citations", {"question": "how do we fail over the database"})
        save("stdio-alice-prompt", prompt)
        text = prompt.messages[0].content.text
        checks.check("the prompt numbers the passages for citation", "[1]" in text and "fail over the database" in text)
        await cancellation(session)

    async def bob(session, _):
        result = await session.call_tool("search", {"query": "runbook pricing", "max_results": 10, "pages": 1})
        save("stdio-bob-search", result)
        results["bob"] = result

    async def nobody(session, _):
        result = await session.call_tool("search", {"query": "vacation policy"})
        save("stdio-nobody-search", result)
        text = " ".join(c.text for c in result.content if c.type == "text")
        checks.check("without a sign-in the result says to run `qseek login`", result.isError and "qseek login" in text, text)

    await with_stdio("alice", first_look)
    await with_stdio("bob", bob)
    await with_stdio("nobody", nobody)
    two_users(results, "stdio")


def two_users(results, transport):
    alice, bob = passage_ids(results["alice"]), passage_ids(results["bob"])
    checks.check(f"{transport}: alice's passages are numbered 1..n",
                 [p["number"] for p in results["alice"].structuredContent["passages"]] == list(range(1, len(alice) + 1)))
    checks.check(f"{transport}: alice gets only what alice may read", alice and set(alice) <= readable("alice@acme.example", ACME), alice)
    checks.check(f"{transport}: bob gets only what bob may read", set(bob) <= readable("bob@acme.example", ACME), bob)
    checks.check(f"{transport}: the two users get different results", set(alice) != set(bob), (alice, bob))


async def cancellation(session):
    """Cancel a slow five-page search at its first progress report: no result, no more pages."""
    reports = []
    request_id = session._request_id  # the id the next request gets
    cancelled = asyncio.Event()

    async def progress(done, total, message):
        reports.append(done)
        if not cancelled.is_set():
            cancelled.set()
            await session.send_notification(types.ClientNotification(types.CancelledNotification(
                method="notifications/cancelled", params=types.CancelledNotificationParams(requestId=request_id, reason="interop"))))

    call = asyncio.create_task(session.call_tool("search", {"query": "policy", "max_results": 2, "pages": 5},
                                                 progress_callback=progress))
    done, _ = await asyncio.wait([call], timeout=6)
    finished = call in done
    call.cancel()
    checks.check("cancellation: no result arrives for the cancelled call", not finished and cancelled.is_set(),
                 f"finished={finished} reports={reports}")
    checks.check("cancellation: no page after the cancel", len(reports) == 1, reports)
    after = await session.call_tool("list_tenants", {})
    checks.check("cancellation: the server goes on answering", not after.isError)


async def http_checks():
    print("streamable HTTP")
    url, issuer, client_id = E["MCP_URL"], E["ISSUER"], E["CLIENT_ID"]
    results = {}
    for user in ("alice", "bob"):
        token = id_token(issuer, client_id, f"{user}@acme.example")
        reports = []

        async def progress(done, total, message):
            reports.append(done)

        async with streamablehttp_client(url, headers={"Authorization": "Bearer " + token}) as (read, write, _):
            async with ClientSession(read, write) as session:
                initialized = await session.initialize()
                tools = [tool.name for tool in (await session.list_tools()).tools]
                result = await session.call_tool("search", {"query": "runbook pricing", "max_results": 10, "pages": 1},
                                                 progress_callback=progress)
                save(f"http-{user}-search", result)
                results[user] = result
                whoami = await session.call_tool("whoami", {})
                save(f"http-{user}-whoami", whoami)
        checks.check(f"http: {user} initializes and lists the tools", initialized.serverInfo.name == "qseek" and "search" in tools)
        checks.check(f"http: whoami is {user}", (whoami.structuredContent or {}).get("email") == f"{user}@acme.example")
        checks.check(f"http: {user} hears progress per page (SSE)", reports == [1], reports)
    two_users(results, "http")

    alice = id_token(issuer, client_id, "alice@acme.example")
    call = {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "whoami", "arguments": {}}}
    accept = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}

    def post(target, token):
        headers = dict(accept)
        if token is not None:
            headers["Authorization"] = "Bearer " + token
        answer = httpx.post(target, json=call, headers=headers, timeout=30)
        with open(os.path.join(E["OUT"], "http-refusals.out"), "a") as file:
            file.write(f"{answer.status_code} {answer.headers.get('www-authenticate')} {answer.text}\n")
        return answer

    def refused(label, answer):
        challenge = answer.headers.get("www-authenticate", "")
        checks.check(f"http: {label} → 401 with the resource metadata URL",
                     answer.status_code == 401 and challenge.startswith("Bearer ") and "resource_metadata=" in challenge,
                     f"{answer.status_code} {challenge}")

    refused("no token", post(url, None))
    refused("forged signature", post(url, forged(alice)))
    refused("wrong audience", post(E["MCP_URL_AUDIENCE"], alice))
    short = id_token(E["ISSUER_SHORT"], client_id, "alice@acme.example")
    fresh = post(E["MCP_URL_SHORT"], short)
    checks.check("http: the short-lived token works while it is valid", fresh.status_code == 200, fresh.status_code)
    time.sleep(3)
    refused("expired token", post(E["MCP_URL_SHORT"], short))

    challenge = post(url, None).headers["www-authenticate"]
    metadata_url = challenge.split('resource_metadata="', 1)[1].split('"', 1)[0]
    document = httpx.get(metadata_url, timeout=30).json()
    checks.check("http: the RFC 9728 document names the resource and the issuer",
                 document.get("resource") == url and document.get("authorization_servers") == [issuer], document)


async def main():
    await stdio_checks()
    await http_checks()


asyncio.run(main())
sys.exit(checks.finish())
