"""The other direction: requests signed by botocore (`SigV4Auth.add_auth`, real clock) must be
accepted by qseek's SigV4Verifier with the right secret and refused with a wrong one — the
check a local stand-in for AWS performs on every request an SDK sends it."""
import base64
import random

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

import sigv4_differential as generated
from common import Tally, probe

COUNT = 120


def main():
    rng = random.Random(99)
    cases, wrong = [], []
    for index in range(COUNT):
        host = rng.choice(["127.0.0.1:4566", "sts.us-east-1.amazonaws.com", "localhost:8080"])
        path, query = generated.wire_path(), generated.wire_query()
        body = generated.body()
        url = f"http://{host}{path}" + (f"?{query}" if query else "")
        request = AWSRequest(method=rng.choice(["GET", "POST", "PUT"]), url=url, data=body)
        for name, value in generated.headers()[1:]:
            request.headers[name] = value
        secret = f"secret-{index}"
        token = f"token-{index}" if index % 3 == 0 else None
        SigV4Auth(Credentials(f"AKID{index}", secret, token), rng.choice(["sts", "qbusiness", "bedrock"]), "us-east-1").add_auth(request)
        headers = [["Host", host]] + [[name, value] for name, value in request.headers.items()]
        case = {"method": request.method, "path": path, "query": query, "headers": headers,
                "body_b64": base64.b64encode(body).decode(), "secret_key": secret}
        cases.append(case)
        wrong.append({**case, "secret_key": secret + "x"})
    tally = Tally("botocore-signed requests verified by qseek")
    for case, answer in zip(cases, probe({"command": "verify", "cases": cases})):
        tally.check(answer["ok"], f"{case['method']} {case['path']}?{case['query']}", answer["failure"] or "")
    for case, answer in zip(wrong, probe({"command": "verify", "cases": wrong})):
        tally.check(not answer["ok"] and "signatureDoesNotMatch" in answer["failure"], "wrong secret refused " + case["path"])
    tally.finish()


main()
