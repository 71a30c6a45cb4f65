"""Event-stream interop: frames from an encoder written here from the specification, checked
by botocore's EventStreamBuffer, must decode identically in qseek, whatever the chunking;
corrupted frames must give qseek's typed errors (and botocore must reject them too)."""
import base64
import random
import struct
import uuid
import zlib

from botocore.eventstream import EventStreamBuffer

from common import Tally, probe

rng = random.Random(7)


def crc(data):
    return zlib.crc32(data) & 0xFFFFFFFF


def encode_header(name, kind, value):
    raw = name.encode()
    out = struct.pack("!B", len(raw)) + raw + struct.pack("!B", kind)
    if kind in (0, 1):
        return out
    if kind == 2:
        return out + struct.pack("!b", value)
    if kind == 3:
        return out + struct.pack("!h", value)
    if kind == 4:
        return out + struct.pack("!i", value)
    if kind in (5, 8):
        return out + struct.pack("!q", value)
    if kind == 6:
        return out + struct.pack("!H", len(value)) + value
    if kind == 7:
        data = value.encode()
        return out + struct.pack("!H", len(data)) + data
    if kind == 9:
        return out + value
    raise ValueError(kind)


def encode_message(headers, payload):
    header_bytes = b"".join(encode_header(*header) for header in headers)
    total = 12 + len(header_bytes) + len(payload) + 4
    prelude = struct.pack("!II", total, len(header_bytes))
    prelude += struct.pack("!I", crc(prelude))
    body = prelude + header_bytes + payload
    return body + struct.pack("!I", crc(body))


def random_header(index):
    kind = rng.randrange(10)
    name = f"h{index}-" + rng.choice(["a", ":event-type", "x-ünï", "content-type"])
    value = {
        0: True, 1: False, 2: rng.randint(-128, 127), 3: rng.randint(-32768, 32767),
        4: rng.randint(-2**31, 2**31 - 1), 5: rng.randint(-2**63, 2**63 - 1),
        6: bytes(rng.randrange(256) for _ in range(rng.randint(0, 40))),
        7: rng.choice(["", "messageStart", "ünïcödé 😀", "x" * 300]),
        8: rng.randint(0, 2**41), 9: uuid.UUID(int=rng.getrandbits(128)).bytes,
    }[kind]
    return (name, kind, value)


def expected_json(headers, payload):
    rendered = []
    for name, kind, value in headers:
        if kind in (0, 1):
            rendered.append([name, kind, value])
        elif kind == 6:
            rendered.append([name, kind, base64.b64encode(value).decode()])
        elif kind == 9:
            rendered.append([name, kind, value.hex()])
        else:
            rendered.append([name, kind, value])
    return {"headers": rendered, "payload_b64": base64.b64encode(payload).decode()}


def chunked(data):
    chunks, index = [], 0
    while index < len(data):
        size = rng.choice([1, 2, 3, 7, 12, 13, 64, 1000])
        chunks.append(base64.b64encode(data[index:index + size]).decode())
        index += size
    return chunks


def botocore_accepts(data):
    buffer = EventStreamBuffer()
    buffer.add_data(data)
    try:
        return list(buffer)
    except Exception:
        return None


def main():
    tally = Tally("event stream interop")
    for round_ in range(40):
        messages = []
        for _ in range(rng.randint(1, 4)):
            headers = [random_header(i) for i in range(rng.randint(0, 10))]
            payload = bytes(rng.randrange(256) for _ in range(rng.randint(0, 2000)))
            messages.append((headers, payload))
        stream = b"".join(encode_message(h, p) for h, p in messages)
        parsed = botocore_accepts(stream)
        tally.check(parsed is not None and len(parsed) == len(messages), f"round {round_}: botocore accepts the frames")
        if parsed is not None:
            tally.check(all(m.payload == p for m, (_, p) in zip(parsed, messages)), f"round {round_}: botocore payloads")
        answer = probe({"command": "eventstream", "chunks_b64": chunked(stream)})
        tally.check(answer["error"] is None, f"round {round_}: qseek decodes without error", str(answer["error"]))
        tally.check(answer["messages"] == [expected_json(h, p) for h, p in messages], f"round {round_}: qseek decodes identically")

    good = encode_message([(":message-type", 7, "event"), (":event-type", 7, "contentBlockDelta")], b'{"delta":{"text":"hi"}}')
    corruptions = {
        "prelude_crc": good[:8] + bytes([good[8] ^ 0xFF]) + good[9:],
        "message_crc": good[:-6] + bytes([good[-6] ^ 0x01]) + good[-5:],
        "truncated": good[:-3],
    }
    for absurd_total, absurd_headers in [(8, 0), (0xFFFFFFFF, 0), (100, 200), (300000, 200000)]:
        prelude = struct.pack("!II", absurd_total, absurd_headers)
        corruptions[f"invalid_length {absurd_total}/{absurd_headers}"] = prelude + struct.pack("!I", crc(prelude))
    for label, data in corruptions.items():
        expected_kind = label.split(" ")[0]
        answer = probe({"command": "eventstream", "chunks_b64": chunked(data)})
        tally.check(answer["error"] == expected_kind, f"{label}: qseek reports {expected_kind}", f"got {answer['error']}")
        # botocore only rejects a bare prelude when a length exceeds its limits; for lengths that
        # are merely inconsistent (8/0, 100/200) it waits for bytes that never make a valid frame.
        if expected_kind in ("prelude_crc", "message_crc") or label.endswith(("4294967295/0", "300000/200000")):
            tally.check(botocore_accepts(data) is None, f"{label}: botocore rejects it too")
    tally.finish()


main()
