"""Serialisation equality: qseek's requests against botocore's serializer for the same input.

Eight hand-written requests (every filter operator and value type, both token grants, tags and
provided contexts) plus 100 random ones (AssumeRole with random tags, session names and
assertions; SearchRelevantContent with random filter trees). For each, the same parameters go to botocore (`create_serializer(protocol)` with the
shipped service model) and to qseek's probe; method, request target (path and query) and content type must be
equal, awsQuery bodies byte for byte, JSON bodies as parsed JSON.
"""
import datetime
import json
import random
from urllib.parse import urlencode

import botocore.session
from botocore.serialize import create_serializer

from common import Tally, probe

session = botocore.session.get_session()

APP = "a1b2c3d4-e5f6-4a7b-8c9d-0123456789ab"
RETRIEVER = "r1b2c3d4-e5f6-4a7b-8c9d-0123456789ab"
DATE = 1764236160

FILTER = {
    "andAllFilters": [
        {"equalsTo": {"name": "_category", "value": {"stringValue": "HR policy & benefits"}}},
        {"containsAll": {"name": "tags", "value": {"stringListValue": ["vacation", "ünïcode", "a/b"]}}},
        {"containsAny": {"name": "departments", "value": {"stringListValue": ["eng", "sales"]}}},
        {"orAllFilters": [
            {"greaterThan": {"name": "_version", "value": {"longValue": 3}}},
            {"greaterThanOrEquals": {"name": "_created_at", "value": {"dateValue": DATE}}},
            {"lessThan": {"name": "pages", "value": {"longValue": 100}}},
            {"lessThanOrEquals": {"name": "_last_updated_at", "value": {"dateValue": DATE + 86400}}},
        ]},
        {"notFilter": {"equalsTo": {"name": "_source_uri", "value": {"stringValue": "https://intranet/secret?x=1"}}}},
    ]
}

CASES = [
    ("sts", "AssumeRole", {
        "RoleArn": "arn:aws:iam::111122223333:role/qbusiness-data-accessor",
        "RoleSessionName": "alice@example.com",
        "DurationSeconds": 900,
        "Tags": [{"Key": "qbusiness-dataaccessor:ExternalId", "Value": "T0123ACME"},
                 {"Key": "team name", "Value": "a+b=c/d:é"}],
        "ProvidedContexts": [{"ProviderArn": "arn:aws:iam::aws:contextProvider/IdentityCenter",
                              "ContextAssertion": "AQoDYXdzEPT//////////wEXAMPLE+/=="}],
    }),
    ("sts", "AssumeRole", {"RoleArn": "arn:aws:iam::111122223333:role/r", "RoleSessionName": "qseek-1"}),
    ("sso-oidc", "CreateTokenWithIAM", {
        "clientId": "arn:aws:sso::111122223333:application/ssoins-1234/apl-5678",
        "grantType": "urn:ietf:params:oauth:grant-type:jwt-bearer",
        "assertion": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln",
    }),
    ("sso-oidc", "CreateTokenWithIAM", {
        "clientId": "arn:aws:sso::111122223333:application/ssoins-1234/apl-5678",
        "grantType": "authorization_code", "code": "code-123", "redirectUri": "http://127.0.0.1:5555/callback",
        "codeVerifier": "verifier-abc", "scope": ["openid", "sts:identity_context"],
    }),
    ("qbusiness", "SearchRelevantContent", {
        "applicationId": APP, "queryText": "what is the vacation policy?",
        "contentSource": {"retriever": {"retrieverId": RETRIEVER}},
        "attributeFilter": FILTER, "maxResults": 25, "nextToken": "token/+=",
    }),
    ("qbusiness", "SearchRelevantContent", {
        "applicationId": APP, "queryText": "plain", "contentSource": {"retriever": {"retrieverId": RETRIEVER}},
    }),
    ("bedrock-runtime", "ConverseStream", {
        "modelId": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
        "messages": [{"role": "user", "content": [{"text": "Question?"}]},
                     {"role": "assistant", "content": [{"text": "Answer."}]},
                     {"role": "user", "content": [{"text": "Follow-up with ünïcode"}]}],
        "system": [{"text": "Answer from the sources only."}],
        "inferenceConfig": {"maxTokens": 512, "temperature": 0.2, "topP": 0.9, "stopSequences": ["\n\nHuman:"]},
    }),
    ("bedrock-runtime", "ConverseStream", {
        "modelId": "anthropic.claude-3-haiku-20240307-v1:0", "messages": [{"role": "user", "content": [{"text": "hi"}]}],
    }),
]


rng = random.Random(4242)
TAG_ALPHABET = "abcXYZ019 _.:/=+-@éü日本"
SESSION_ALPHABET = "abcXYZ019_+=,.@-"
TEXT_ALPHABET = "abc XYZ 019 ~!*'()&=+/?#%\"<>{}|^`[]:;,é😀\n\t"


def random_text(alphabet, low, high):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def random_attribute():
    kind = rng.randrange(4)
    value = [{"stringValue": random_text(TEXT_ALPHABET, 0, 20)},
             {"stringListValue": [random_text(TEXT_ALPHABET, 1, 8) for _ in range(rng.randint(1, 4))]},
             {"longValue": rng.randint(-2**40, 2**40)},
             {"dateValue": rng.randint(0, 2_000_000_000)}][kind]
    return {"name": rng.choice(["_category", "tags", "x_1", "Dept-2"]), "value": value}


def random_filter(depth=0):
    leaves = ["equalsTo", "containsAll", "containsAny", "greaterThan", "greaterThanOrEquals", "lessThan", "lessThanOrEquals"]
    choice = rng.random()
    if depth < 3 and choice < 0.2:
        return {rng.choice(["andAllFilters", "orAllFilters"]): [random_filter(depth + 1) for _ in range(rng.randint(1, 3))]}
    if depth < 3 and choice < 0.3:
        return {"notFilter": random_filter(depth + 1)}
    return {rng.choice(leaves): random_attribute()}


def random_cases(count):
    cases = []
    for _ in range(count):
        params = {"RoleArn": "arn:aws:iam::111122223333:role/" + random_text("abc-_+=,.@", 1, 20),
                  "RoleSessionName": random_text(SESSION_ALPHABET, 2, 64)}
        if rng.random() < 0.7:
            params["DurationSeconds"] = rng.randint(900, 43200)
        if rng.random() < 0.8:
            params["Tags"] = [{"Key": random_text(TAG_ALPHABET, 1, 30), "Value": random_text(TAG_ALPHABET, 0, 40)}
                              for _ in range(rng.randint(1, 5))]
        if rng.random() < 0.6:
            params["ProvidedContexts"] = [{"ProviderArn": "arn:aws:iam::aws:contextProvider/IdentityCenter",
                                           "ContextAssertion": random_text(TEXT_ALPHABET, 4, 200)}]
        cases.append(("sts", "AssumeRole", params))
        search = {"applicationId": APP, "queryText": random_text(TEXT_ALPHABET, 1, 60),
                  "contentSource": {"retriever": {"retrieverId": RETRIEVER}}, "attributeFilter": random_filter()}
        if rng.random() < 0.5:
            search["maxResults"] = rng.randint(1, 100)
        cases.append(("qbusiness", "SearchRelevantContent", search))
    return cases


def to_botocore_params(value):
    """Turns epoch-second dateValues into datetimes, as a boto3 caller would pass them."""
    if isinstance(value, dict):
        return {key: (datetime.datetime.fromtimestamp(item, datetime.timezone.utc) if key == "dateValue" else to_botocore_params(item))
                for key, item in value.items()}
    if isinstance(value, list):
        return [to_botocore_params(item) for item in value]
    return value


def botocore_request(service, operation, params):
    model = session.get_service_model(service)
    operation_model = model.operation_model(operation)
    serializer = create_serializer(model.metadata["protocol"])
    request = serializer.serialize_to_request(to_botocore_params(params), operation_model)
    body = request["body"]
    if isinstance(body, dict):
        body = urlencode([(key, value) for key, value in body.items()], doseq=True)
    elif isinstance(body, bytes):
        body = body.decode()
    query = urlencode(request["query_string"]) if request["query_string"] else ""
    return {"method": request["method"], "path": request["url_path"], "query": query,
            "content_type": request["headers"].get("Content-Type", ""), "body": body}


def main():
    tally = Tally("botocore serialisation")
    for service, operation, params in CASES + random_cases(50):
        expected = botocore_request(service, operation, params)
        ours = probe({"command": "serialize", "operation": operation, "params": params})
        label = f"{operation}"
        tally.check(ours["method"] == expected["method"], label + " method", f"{ours['method']} != {expected['method']}")
        # botocore keeps a model's fixed query (`/token?aws_iam=t`) inside url_path; compare request targets.
        target = lambda request: request["path"] + ("?" + request["query"] if request["query"] else "")
        tally.check(target(ours) == target(expected), label + " request target", f"{target(ours)} != {target(expected)}")
        tally.check(ours["content_type"] == expected["content_type"], label + " content type",
                    f"{ours['content_type']!r} != {expected['content_type']!r}")
        if service == "sts":
            tally.check(ours["body"] == expected["body"], label + " form bytes", f"\n{ours['body']}\n{expected['body']}")
        else:
            tally.check(json.loads(ours["body"]) == json.loads(expected["body"]), label + " JSON body",
                        f"\n{ours['body']}\n{expected['body']}")
    tally.finish()


main()
