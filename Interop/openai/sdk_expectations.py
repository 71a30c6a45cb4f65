"""What the official `openai` Python SDK makes of each recorded stream in
Tests/AssistantTests/Fixtures/sse/NAME.sse:

  NAME.events.json  the events `openai._streaming.SSEDecoder` yields (event, data, id, retry);
  NAME.chat.json    what `chat.completions.create(stream=True)` gives a caller: the content
                    deltas joined, the finish reasons, the usage, or the error it raised.

Usage: sdk_expectations.py write | check      (check exits 1 when a committed file differs)
"""
import json
import pathlib
import sys

import httpx2
import openai
from openai._streaming import SSEDecoder

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "Tests/AssistantTests/Fixtures/sse"


def sse_events(body: bytes, chunk_size: int = 0) -> list:
    chunks = [body] if chunk_size == 0 else [body[i:i + chunk_size] for i in range(0, len(body), chunk_size)]
    return [{"event": e.event, "data": e.data, "id": e.id, "retry": e.retry} for e in SSEDecoder().iter_bytes(iter(chunks))]


def chat(body: bytes) -> dict:
    """The SDK's own client over an in-memory transport that answers with the fixture."""
    def answer(request):
        return httpx2.Response(200, headers={"content-type": "text/event-stream"}, content=body)

    client = openai.OpenAI(base_url="http://fixture.invalid/v1", api_key="x", max_retries=0,
                           http_client=httpx2.Client(transport=httpx2.MockTransport(answer)))
    text, reasons, usage, error = [], [], None, None
    try:
        stream = client.chat.completions.create(model="m", messages=[{"role": "user", "content": "q"}],
                                                stream=True, stream_options={"include_usage": True})
        for chunk in stream:
            for choice in chunk.choices or []:
                if choice.delta is not None and choice.delta.content:
                    text.append(choice.delta.content)
                if choice.finish_reason:
                    reasons.append(choice.finish_reason)
            if chunk.usage is not None:
                usage = {"prompt_tokens": chunk.usage.prompt_tokens, "completion_tokens": chunk.usage.completion_tokens}
    except Exception as failure:  # noqa: BLE001 - which error the SDK raises is the finding
        message = failure.message if isinstance(failure, openai.APIError) else str(failure)
        error = {"type": type(failure).__name__, "message": message}
    return {"text": "".join(text), "finishReasons": reasons, "usage": usage, "error": error}


def render(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else "check"
    fixtures = sorted(FIXTURES.glob("*.sse"))
    if not fixtures:
        print(f"FAIL - no fixtures in {FIXTURES}")
        return 1
    failures = 0
    for fixture in fixtures:
        body = fixture.read_bytes()
        events = sse_events(body)
        if sse_events(body, 1) != events:
            # Not ours to fix, but the expectations would then depend on how bytes arrive.
            print(f"FAIL - {fixture.name}: the SDK's decoder yields other events when fed byte by byte")
            failures += 1
        for suffix, value in ((".events.json", events), (".chat.json", chat(body))):
            target = fixture.with_name(fixture.stem + suffix)
            if mode == "write":
                target.write_text(render(value), encoding="utf-8")
            elif not target.exists() or target.read_text(encoding="utf-8") != render(value):
                print(f"FAIL - {target.name} is not what openai {openai.__version__} yields; rerun with 'write' and review")
                failures += 1
            else:
                print(f"ok   - {target.name} matches openai {openai.__version__}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
