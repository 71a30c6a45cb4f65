"""Recorded ConverseStream answers (Tests/AssistantTests/Fixtures/bedrock): each NAME.json is
encoded as event-stream frames into NAME.eventstream, and botocore's own parser, given
bedrock-runtime's ConverseStreamOutput shape, must read every event back unchanged.
Usage: python3 bedrock_fixtures.py [write]"""
import glob
import json
import os
import struct
import sys
import zlib

import botocore.session
from botocore.eventstream import EventStream
from botocore.parsers import EventStreamJSONParser


def encode_message(headers, payload):
    """One frame with string headers (type 7), from the event-stream specification."""
    header_bytes = b""
    for name, kind, value in headers:
        raw, data = name.encode(), value.encode()
        header_bytes += struct.pack("!B", len(raw)) + raw + struct.pack("!BH", kind, len(data)) + data
    prelude = struct.pack("!II", 12 + len(header_bytes) + len(payload) + 4, len(header_bytes))
    prelude += struct.pack("!I", zlib.crc32(prelude) & 0xFFFFFFFF)
    body = prelude + header_bytes + payload
    return body + struct.pack("!I", zlib.crc32(body) & 0xFFFFFFFF)

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "Tests", "AssistantTests", "Fixtures", "bedrock")


def encode(events):
    return b"".join(encode_message([(":event-type", 7, kind), (":content-type", 7, "application/json"),
                                    (":message-type", 7, "event")], json.dumps(payload).encode())
                    for kind, payload in events)


class Body:
    def __init__(self, data):
        self.data = data

    def stream(self):
        yield self.data


def parsed(data):
    model = botocore.session.get_session().get_service_model("bedrock-runtime")
    shape = model.operation_model("ConverseStream").output_shape.members["stream"]
    return list(EventStream(Body(data), shape, EventStreamJSONParser(), "ConverseStream"))


def main():
    write = sys.argv[1:] == ["write"]
    passed = failed = 0
    for path in sorted(glob.glob(os.path.join(FIXTURES, "*.json"))):
        name = os.path.basename(path)[:-len(".json")]
        with open(path) as file:
            events = json.load(file)
        data = encode(events)
        target = os.path.join(FIXTURES, name + ".eventstream")
        if write:
            with open(target, "wb") as file:
                file.write(data)
        problems = []
        with open(target, "rb") as file:
            if file.read() != data:
                problems.append("the committed bytes differ from the encoding of the JSON (run `write`)")
        read = parsed(data)
        expected = [{kind: payload} for kind, payload in events]
        # botocore decodes the blob `redactedContent`; none is recorded, so the rest must match exactly.
        if read != expected:
            problems.append(f"botocore read {read!r}")
        if problems:
            failed += 1
            print(f"  FAIL {name}: {'; '.join(problems)}")
        else:
            passed += 1
            print(f"  ok   {name}: {len(events)} events read by botocore as bedrock-runtime's shapes")
    print(f"RESULT passed={passed} failed={failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
