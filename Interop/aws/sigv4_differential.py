"""Differential test: qseek's SigV4 signer against botocore's SigV4Auth on generated requests.

Requests vary method, path (unicode, spaces, reserved characters, dot segments, double
slashes), query (repeated keys, empty keys and values, encoded characters), headers (inner
whitespace, tabs, repeated names, mixed case), bodies (empty, text, binary), and session
tokens. Both sides sign at the same fixed time; the canonical request, string to sign and
signature must be identical.
"""
import base64
import datetime
import random
import sys
from urllib.parse import quote

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from common import Tally, probe

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 240
rng = random.Random(20261127)
TIMESTAMP = 1764236160  # 2025-11-27T09:36:00Z, fixed so both sides sign the same instant
AMZ_DATE = datetime.datetime.fromtimestamp(TIMESTAMP, datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")

SEGMENTS = ["docs", "a b", "ሴ", "ünïcödé", "x+y", "semi;colon", "(paren)", "star*", "tilde~", "dash-_.", "%41", "..",
            ".", "", "applications", "model", "anthropic.claude-3:0", "emoji😀", "q=1", "comma,sep", "at@", "dollar$"]
QUERY_KEYS = ["a", "A", "b", "key", "Key", "aws_iam", "x-id", "é", "sp ace", "z", "empty", "list", "", "~t", "plus+"]
QUERY_VALUES = ["", "1", "t", "value with space", "ü", "a/b", "x=y", "10", "-_.~", "&", "*", "😀", "1", "1"]
HEADER_NAMES = ["Content-Type", "X-Amz-Target", "My-Header", "x-custom", "X-Multi", "Accept", "X-Amz-Meta-Thing"]
HEADER_VALUES = ["application/json", "  leading", "trailing  ", "inner   spaces", "tab\tinside", "UPPER lower",
                 "a,b", "\"quoted   value\"", "x", "value  with   many    spaces", "1"]
METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH"]
SERVICES = [("sts", "us-east-1"), ("qbusiness", "eu-west-1"), ("sso-oauth", "ap-southeast-2"), ("bedrock", "us-west-2"), ("service", "us-east-1")]


def wire_path():
    segments = [rng.choice(SEGMENTS) for _ in range(rng.randint(0, 5))]
    logical = "/" + "/".join(segments)
    if rng.random() < 0.2:
        logical += "/"
    # The wire path: what a serialiser puts in the request line. Mostly encoded once (so the
    # signer's second encoding shows); sometimes with sub-delimiters left raw, as URLs allow.
    safe = "/~" if rng.random() < 0.7 else "/~+;()*,=@$"
    return quote(logical, safe=safe)


def canonical_component(text):
    return quote(text, safe="-_.~")


def wire_query():
    pairs = []
    for _ in range(rng.randint(0, 6)):
        key = rng.choice(QUERY_KEYS)
        value = rng.choice(QUERY_VALUES)
        pairs.append((canonical_component(key), canonical_component(value)))
    if rng.random() < 0.3 and pairs:
        pairs.append(pairs[0])  # a repeated key=value
    parts = []
    for key, value in pairs:
        if value == "" and rng.random() < 0.5:
            parts.append(key + "=")
        else:
            parts.append(f"{key}={value}")
    return "&".join(part for part in parts if part != "=")


def headers():
    result = [("Host", rng.choice(["example.amazonaws.com", "127.0.0.1:4566", "qbusiness.us-east-1.api.aws", "localhost:8080"]))]
    for _ in range(rng.randint(0, 5)):
        name = rng.choice(HEADER_NAMES)
        if rng.random() < 0.3:
            name = name.upper() if rng.random() < 0.5 else name.lower()
        result.append((name, rng.choice(HEADER_VALUES)))
    return result


def body():
    choice = rng.random()
    if choice < 0.35:
        return b""
    if choice < 0.7:
        return ("Action=AssumeRole&Version=2011-06-15&n=" + str(rng.randint(0, 10**6))).encode()
    return bytes(rng.randrange(256) for _ in range(rng.randint(1, 300)))


def botocore_sign(case):
    host = case["headers"][0][1]
    url = f"https://{host}{case['path']}" + (f"?{case['query']}" if case["query"] else "")
    request = AWSRequest(method=case["method"], url=url, data=base64.b64decode(case["body_b64"]))
    for name, value in case["headers"]:
        request.headers[name] = value  # HTTPHeaders appends: repeated names stay repeated
    credentials = Credentials(case["access_key"], case["secret_key"], case.get("token"))
    auth = SigV4Auth(credentials, case["service"], case["region"])
    request.context["timestamp"] = AMZ_DATE
    auth._modify_request_before_signing(request)
    canonical = auth.canonical_request(request)
    string_to_sign = auth.string_to_sign(request, canonical)
    return canonical, string_to_sign, auth.signature(string_to_sign, request)


def main():
    cases = []
    for index in range(COUNT):
        service, region = rng.choice(SERVICES)
        case = {
            "method": rng.choice(METHODS), "path": wire_path(), "query": wire_query(), "headers": headers(),
            "body_b64": base64.b64encode(body()).decode(), "access_key": "AKIDEXAMPLE" + str(index),
            "secret_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" + str(index % 7),
            "region": region, "service": service, "timestamp": TIMESTAMP,
        }
        if rng.random() < 0.4:
            case["token"] = "FQoGZXIvYXdzEJr//////////wEaDK" + str(index) + "+/="
        cases.append(case)
    results = probe({"command": "sign", "cases": cases})
    if "--show" in sys.argv:
        for case, ours in list(zip(cases, results))[:3]:
            print(ours["canonical_request"], "\n")
    # One check per request: it passes only when canonical request, string to sign and
    # signature all equal botocore's.
    tally = Tally("botocore sigv4 differential")
    for case, ours in zip(cases, results):
        canonical, string_to_sign, signature = botocore_sign(case)
        same = (ours["canonical_request"], ours["string_to_sign"], ours["signature"]) == (canonical, string_to_sign, signature)
        tally.check(same, f"{case['method']} {case['path']}?{case['query']}",
                    f"\n--- botocore\n{canonical}\n--- qseek\n{ours['canonical_request']}")
    tally.finish()


if __name__ == "__main__":
    main()
