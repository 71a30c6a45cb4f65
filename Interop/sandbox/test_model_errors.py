"""Every error the current botocore models define for the operations qseek calls, produced by
the sandbox (`--faults`) and received by boto3 with the shape its model expects (issue #20)."""
import contextlib
import json

import botocore.session
import pytest
import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.eventstream import EventStreamBuffer
from botocore.exceptions import ClientError, EventStreamError
from botocore.parsers import EventStreamJSONParser

import tti
from conftest import start_sandbox, stop

ACME = 0


@contextlib.contextmanager
def faulty_sandbox(tmp_path_factory, faults):
    process, url, config = start_sandbox(str(tmp_path_factory.mktemp("faults")), "--faults", faults)
    try:
        yield {"url": url, "config": config}
    finally:
        stop(process)


def token_error(sandbox, email="alice@acme.example"):
    """CreateTokenWithIAM's refusal as boto3 raises it."""
    config = sandbox["config"]
    acme = config["tenants"][ACME]
    token = tti.id_token(config["identity"]["issuer"], config["identity"]["client_id"], email)
    credentials_a = tti.assume_role(config, acme["id"])
    with pytest.raises(ClientError) as excinfo:
        tti.create_token_with_iam(config, acme, credentials_a, token)
    return excinfo.value


def bedrock(sandbox):
    config = sandbox["config"]
    return tti.base_session(config).client("bedrock-runtime", endpoint_url=config["endpoints"]["bedrock_runtime"],
                                           region_name="us-east-1", config=tti.NO_RETRIES)


def passages_prompt():
    return ("[1] Failover runbook <https://wiki.example/failover>\nDatabase failover starts with promoting the replica. "
            "Then the writer endpoint moves.\n\nQuestion: how does database failover start?")


def exception_members(sandbox, messages):
    """The exception frame's members as botocore's parser reads them with the model's shape
    (botocore's EventStreamError keeps only Code and Message): the raw stream, SigV4-signed."""
    config = sandbox["config"]
    url = f"{config['endpoints']['bedrock_runtime']}/model/{config['model']['model_id']}/converse-stream"
    request = AWSRequest(method="POST", url=url, data=json.dumps({"messages": messages}),
                         headers={"Content-Type": "application/json"})
    credentials = tti.base_session(config).get_credentials()
    SigV4Auth(credentials, "bedrock", "us-east-1").add_auth(request)
    answer = requests.post(url, data=request.body, headers=dict(request.headers), timeout=30)
    buffer = EventStreamBuffer()
    buffer.add_data(answer.content)
    model = botocore.session.get_session().get_service_model("bedrock-runtime")
    stream_shape = model.operation_model("ConverseStream").output_shape.members["stream"]
    for message in buffer:
        headers = message.headers
        if headers.get(":message-type") == "exception":
            shape = stream_shape.members[headers[":exception-type"]]
            return headers[":exception-type"], EventStreamJSONParser()._parse_shape(shape, json.loads(message.payload))
    return None, {}


def stream_events(sandbox, **extra):
    response = bedrock(sandbox).converse_stream(modelId=sandbox["config"]["model"]["model_id"], **extra)
    return response["stream"]


@pytest.mark.parametrize("fault,exception,reason", [
    ("kms-access-denied", "AccessDeniedException", "KMS_AccessDeniedException"),
    ("kms-not-found", "InvalidRequestException", "KMS_NotFoundException"),
    ("kms-invalid-key-usage", "InvalidRequestException", "KMS_InvalidKeyUsageException"),
    ("kms-invalid-state", "InvalidRequestException", "KMS_InvalidStateException"),
    ("kms-disabled", "InvalidRequestException", "KMS_DisabledException"),
    ("expired-token", "ExpiredTokenException", None),
    ("invalid-scope", "InvalidScopeException", None),
    ("unauthorized-client", "UnauthorizedClientException", None),
    ("authorization-pending", "AuthorizationPendingException", None),
])
def test_create_token_with_iam_errors_have_their_model_shapes(tmp_path_factory, fault, exception, reason):
    with faulty_sandbox(tmp_path_factory, f"idc-error={fault}") as sandbox:
        error = token_error(sandbox)
        oidc = tti.base_session(sandbox["config"]).client("sso-oidc", endpoint_url=sandbox["config"]["endpoints"]["sso_oidc"])
        # boto3 maps the code to the modelled exception class, and the members come through.
        # (each client has its own exception classes, so compare by the modelled code)
        assert type(error).__name__ == exception and exception in oidc.exceptions._code_to_exception
        assert error.response["Error"]["Code"] == exception
        assert error.response["error"] and error.response["error_description"]
        assert error.response.get("reason") == reason
        assert error.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_the_throttle_fault_on_create_token_with_iam_is_slow_down(tmp_path_factory):
    # throttle=1 also throttles STS, so the credentials come from a sandbox without it: the
    # token endpoint is reached directly with a session the faulty sandbox would refuse anyway.
    with faulty_sandbox(tmp_path_factory, "throttle=1") as sandbox:
        config = sandbox["config"]
        acme = config["tenants"][ACME]
        client = tti.base_session(config).client("sso-oidc", endpoint_url=config["endpoints"]["sso_oidc"],
                                                 region_name=acme["idc_region"], config=tti.NO_RETRIES)
        with pytest.raises(client.exceptions.SlowDownException) as excinfo:
            client.create_token_with_iam(clientId=acme["idc_application_arn"],
                                         grantType="urn:ietf:params:oauth:grant-type:jwt-bearer", assertion="x")
        assert excinfo.value.response["error"] == "slow_down"
        assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_a_user_without_a_subscription_is_license_not_found(tmp_path_factory):
    with faulty_sandbox(tmp_path_factory, "qbusiness-error=license-not-found") as sandbox:
        acme = sandbox["config"]["tenants"][ACME]
        credentials = tti.credentials_b(sandbox, "alice@acme.example", acme)
        client = tti.qbusiness(sandbox["config"], credentials, acme)
        with pytest.raises(ClientError) as excinfo:
            tti.search(sandbox, credentials, acme, "anything")
        assert type(excinfo.value).__name__ == "LicenseNotFoundException"
        assert "LicenseNotFoundException" in client.exceptions._code_to_exception
        assert excinfo.value.response["Error"]["Message"]
        assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_an_unknown_application_names_its_resource_type(sandbox):
    acme = sandbox["config"]["tenants"][ACME]
    credentials = tti.credentials_b(sandbox, "alice@acme.example", acme)
    client = tti.qbusiness(sandbox["config"], credentials, acme)
    with pytest.raises(client.exceptions.ResourceNotFoundException) as excinfo:
        client.search_relevant_content(applicationId="a" * 36, queryText="x",
                                       contentSource={"retriever": {"retrieverId": acme["retriever_id"]}})
    assert excinfo.value.response["resourceType"] == "Application"
    assert excinfo.value.response["resourceId"] == "a" * 36


def test_an_expired_identity_context_is_expired_token_exception(tmp_path_factory):
    with faulty_sandbox(tmp_path_factory, "identity-context-lifetime=0s") as sandbox:
        config = sandbox["config"]
        acme = config["tenants"][ACME]
        token = tti.id_token(config["identity"]["issuer"], config["identity"]["client_id"], "alice@acme.example")
        answer = tti.create_token_with_iam(config, acme, tti.assume_role(config, acme["id"]), token)
        context = tti.jwt_claims(answer["idToken"])["sts:identity_context"]
        sts = tti.sts(tti.base_session(config), config)
        with pytest.raises(ClientError) as excinfo:
            tti.assume_role(config, acme["id"], context=context)
        # AssumeRole's model: ExpiredTokenException, code "ExpiredTokenException" (not ExpiredToken).
        assert type(excinfo.value).__name__ == "ExpiredTokenException"
        assert "ExpiredTokenException" in sts.exceptions._code_to_exception
        assert excinfo.value.response["Error"]["Code"] == "ExpiredTokenException"


@pytest.mark.parametrize("fault,event,extra", [
    ("model-stream-error", "modelStreamErrorException", {"originalStatusCode": 529, "originalMessage": "Overloaded"}),
    ("throttling", "throttlingException", {}),
    ("service-unavailable", "serviceUnavailableException", {}),
    ("validation", "validationException", {}),
    ("internal-server", "internalServerException", {}),
])
def test_in_stream_exceptions_reach_botocore_after_part_of_the_answer(tmp_path_factory, fault, event, extra):
    with faulty_sandbox(tmp_path_factory, f"model-stream-error={fault}") as sandbox:
        text = ""
        with pytest.raises(EventStreamError) as excinfo:
            for item in stream_events(sandbox, messages=[{"role": "user", "content": [{"text": passages_prompt()}]}]):
                if "contentBlockDelta" in item:
                    text += item["contentBlockDelta"]["delta"]["text"]
        assert text, "the stream broke off before any of the answer"
        assert excinfo.value.response["Error"]["Code"] == event
        assert excinfo.value.response["Error"]["Message"]
        kind, members = exception_members(sandbox, [{"role": "user", "content": [{"text": passages_prompt()}]}])
        assert kind == event and members["message"]
        for name, value in extra.items():
            assert members[name] == value


@pytest.mark.parametrize("reason", ["model_context_window_exceeded", "guardrail_intervened", "content_filtered",
                                    "malformed_model_output"])
def test_stop_reasons_arrive_as_the_model_enum(tmp_path_factory, reason):
    with faulty_sandbox(tmp_path_factory, f"model-stop={reason}") as sandbox:
        stops = [item["messageStop"]["stopReason"] for item in stream_events(
            sandbox, messages=[{"role": "user", "content": [{"text": passages_prompt()}]}],
            guardrailConfig={"guardrailIdentifier": "abc123", "guardrailVersion": "1"},
            serviceTier={"type": "flex"}) if "messageStop" in item]
        assert stops == [reason]


def test_reasoning_deltas_come_in_their_own_block(tmp_path_factory):
    with faulty_sandbox(tmp_path_factory, "model-reasoning=on") as sandbox:
        blocks = {}
        for item in stream_events(sandbox, messages=[{"role": "user", "content": [{"text": passages_prompt()}]}]):
            if "contentBlockDelta" in item:
                delta = item["contentBlockDelta"]
                kind = "reasoning" if "reasoningContent" in delta["delta"] else "text"
                blocks.setdefault(kind, set()).add(delta["contentBlockIndex"])
        assert blocks == {"reasoning": {0}, "text": {1}}


def test_native_citations_are_citation_deltas_on_search_results(sandbox):
    results = [{"searchResult": {"source": "https://wiki.example/failover", "title": "Failover runbook",
                                 "content": [{"text": "Database failover starts with promoting the replica. Then the writer endpoint moves."}],
                                 "citations": {"enabled": True}}},
               {"searchResult": {"source": "https://wiki.example/lunch", "title": "Canteen",
                                 "content": [{"text": "Lunch is served at noon."}], "citations": {"enabled": True}}}]
    question = {"text": "Answer from the search results.\n\nQuestion: how does database failover start?"}
    text, citations = "", []
    for item in stream_events(sandbox, messages=[{"role": "user", "content": results + [question]}]):
        if "contentBlockDelta" in item:
            delta = item["contentBlockDelta"]["delta"]
            text += delta.get("text", "")
            if "citation" in delta:
                citations.append(delta["citation"])
    assert "[1]" not in text and "promoting the replica" in text
    assert citations, "no citation delta"
    location = citations[0]["location"]["searchResultLocation"]
    assert location["searchResultIndex"] == 0
    assert citations[0]["source"] == "https://wiki.example/failover"
    assert citations[0]["sourceContent"][0]["text"].startswith("Database failover")


def test_a_malformed_guardrail_or_service_tier_is_a_validation_error(sandbox):
    for extra in ({"guardrailConfig": {"guardrailIdentifier": "Not Valid", "guardrailVersion": "1"}},):
        with pytest.raises(ClientError) as excinfo:
            stream_events(sandbox, messages=[{"role": "user", "content": [{"text": "hi"}]}], **extra)
        assert excinfo.value.response["Error"]["Code"] == "ValidationException"
