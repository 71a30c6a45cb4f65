"""botocore's side of the CPU comparison: the same signing and SearchRelevantContent round as
qseek-bench-probe, on the same inputs, timed the same way (process CPU per op, median of batches).

Usage: botocore_cpu.py INPUTS.json PROBE_ANSWER.json
The probe's answer supplies the exact request qseek signs, so the signing benchmark signs
identical bytes; the round uses botocore's own serialiser and parser, as a boto3 call would.
"""
import datetime
import json
import statistics
import sys
import time

import botocore.auth
import botocore.session
from botocore.awsrequest import AWSRequest, create_request_object, prepare_request_dict
from botocore.credentials import Credentials
from botocore.parsers import create_parser
from botocore.serialize import create_serializer

inputs = json.load(open(sys.argv[1]))
probe = json.load(open(sys.argv[2]))
fixed = datetime.datetime.fromtimestamp(inputs["timestamp"], datetime.timezone.utc)
botocore.auth.get_current_datetime = lambda: fixed  # sign at the probe's fixed time

session = botocore.session.get_session()
model = session.get_service_model("qbusiness")
operation = model.operation_model("SearchRelevantContent")
serializer = create_serializer("rest-json", include_validation=True)
parser = create_parser("rest-json")
credentials = Credentials(inputs["access_key"], inputs["secret_key"], inputs["session_token"])
endpoint = "https://" + inputs["host"]
response_body = inputs["response_body"].encode()
params = {"applicationId": inputs["application_id"], "queryText": inputs["query_text"],
          "contentSource": {"retriever": {"retrieverId": inputs["retriever_id"]}}, "maxResults": inputs["max_results"]}


def sign_only():
    request = AWSRequest(method=probe["method"], url=endpoint + probe["path"], data=probe["body"].encode())
    for name, value in probe["headers"]:
        if name.lower() != "host":
            request.headers[name] = value
    botocore.auth.SigV4Auth(credentials, "qbusiness", inputs["region"]).add_auth(request)
    return request


def build_and_sign():
    request_dict = serializer.serialize_to_request(params, operation)
    prepare_request_dict(request_dict, endpoint_url=endpoint)
    request = create_request_object(request_dict)
    botocore.auth.SigV4Auth(credentials, "qbusiness", inputs["region"]).add_auth(request)
    return request


def parse():
    response = {"status_code": 200, "headers": {"content-type": "application/json"}, "body": response_body}
    return parser.parse(response, operation.output_shape)


def round_trip():
    build_and_sign()
    return parse()


def cpu_us_per_op(body, batches=25):
    for _ in range(3):
        body()
    per_batch = 1
    while True:
        start = time.process_time_ns()
        for _ in range(per_batch):
            body()
        if time.process_time_ns() - start > 20_000_000:
            break
        per_batch *= 2
    results = []
    for _ in range(batches):
        start = time.process_time_ns()
        for _ in range(per_batch):
            body()
        results.append((time.process_time_ns() - start) / 1000 / per_batch)
    return statistics.median(results)


signed = sign_only()
signature = signed.headers["Authorization"].rsplit("Signature=", 1)[1]
assert len(parse()["relevantContent"]) == len(json.loads(inputs["response_body"])["relevantContent"])
print(json.dumps({
    "sign_cpu_us": cpu_us_per_op(sign_only),
    "round_cpu_us": cpu_us_per_op(round_trip),
    "parse_cpu_us": cpu_us_per_op(parse),
    "serialise_sign_cpu_us": cpu_us_per_op(build_and_sign),
    "signature": signature,
    "body": build_and_sign().body.decode(),
    "passages": len(parse()["relevantContent"]),
}, sort_keys=True))
