"""The sandbox seen by boto3/botocore: every step of the TTI flow, and what it must refuse."""
import time

import pytest
import requests
from botocore.exceptions import ClientError
from botocore.eventstream import EventStream

import tti

ACME, NORTHWIND = 0, 1


def tenant(sandbox, index):
    return sandbox["config"]["tenants"][index]


def error_code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def test_the_whole_flow_yields_passages_for_the_signed_in_user(sandbox):
    config, acme = sandbox["config"], tenant(sandbox, ACME)
    token = tti.id_token(config["identity"]["issuer"], config["identity"]["client_id"], "alice@acme.example")
    claims = tti.jwt_claims(token)
    assert claims["email"] == "alice@acme.example" and claims["aud"] == "qseek-demo"
    credentials_a = tti.assume_role(config, acme["id"])
    assert credentials_a["AccessKeyId"].startswith("ASIA")
    answer = tti.create_token_with_iam(config, acme, credentials_a, token)
    assert answer["tokenType"] == "Bearer" and answer["expiresIn"] > 0
    context = tti.jwt_claims(answer["idToken"])["sts:identity_context"]
    assert context == answer["awsAdditionalDetails"]["identityContext"]
    credentials_b = tti.assume_role(config, acme["id"], context=context)
    result = tti.search(sandbox, credentials_b, acme, "database failover runbook", maxResults=5)
    items = result["relevantContent"]
    assert 0 < len(items) <= 5
    assert all(item["scoreAttributes"]["scoreConfidence"] in {"VERY_HIGH", "HIGH", "MEDIUM", "LOW"} for item in items)
    names = {attribute["name"] for attribute in items[0]["documentAttributes"]}
    assert {"_source_uri", "_data_source_id", "_category", "_created_at"} <= names


def test_pagination_follows_next_token_without_repeating_a_passage(sandbox):
    acme = tenant(sandbox, ACME)
    credentials = tti.credentials_b(sandbox, "alice@acme.example", acme)
    client = tti.qbusiness(sandbox["config"], credentials, acme)
    seen, token, pages = [], None, 0
    while pages < 5:
        extra = {"nextToken": token} if token else {}
        page = client.search_relevant_content(applicationId=acme["application_id"], queryText="incident on-call latency",
                                              contentSource={"retriever": {"retrieverId": acme["retriever_id"]}},
                                              maxResults=7, **extra)
        seen += [(item["documentId"], item["content"][:40]) for item in page["relevantContent"]]
        pages += 1
        token = page.get("nextToken")
        if not token:
            break
    assert pages >= 2
    assert len(seen) == len(set(seen))


def test_a_tampered_next_token_is_a_validation_error(sandbox):
    acme = tenant(sandbox, ACME)
    credentials = tti.credentials_b(sandbox, "alice@acme.example", acme)
    first = tti.search(sandbox, credentials, acme, "incident", maxResults=2)
    token = first["nextToken"]
    forged = ("9" if token[0] != "9" else "8") + token[1:]
    with pytest.raises(ClientError) as excinfo:
        tti.search(sandbox, credentials, acme, "incident", maxResults=2, nextToken=forged)
    assert error_code(excinfo) == "ValidationException"


def test_attribute_filters_narrow_the_results(sandbox):
    acme = tenant(sandbox, ACME)
    credentials = tti.credentials_b(sandbox, "dmitri@acme.example", acme)
    import datetime
    cutoff = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
    result = tti.search(sandbox, credentials, acme, "postmortem root cause", maxResults=50, attributeFilter={
        "andAllFilters": [
            {"equalsTo": {"name": "_category", "value": {"stringValue": "postmortem"}}},
            {"greaterThanOrEquals": {"name": "_created_at", "value": {"dateValue": cutoff}}},
        ]})
    items = result["relevantContent"]
    assert items
    for item in items:
        attributes = {a["name"]: a["value"] for a in item["documentAttributes"]}
        assert attributes["_category"]["stringValue"] == "postmortem"
        assert attributes["_created_at"]["dateValue"] >= cutoff


def test_two_users_of_one_tenant_get_different_results_for_the_same_query(sandbox):
    acme = tenant(sandbox, ACME)
    engineer = tti.search(sandbox, tti.credentials_b(sandbox, "alice@acme.example", acme), acme, "parental leave", maxResults=20)
    hr = tti.search(sandbox, tti.credentials_b(sandbox, "carol@acme.example", acme), acme, "parental leave", maxResults=20)
    engineer_ids = {item["documentId"] for item in engineer["relevantContent"]}
    hr_ids = {item["documentId"] for item in hr["relevantContent"]}
    assert engineer_ids != hr_ids
    assert any("hr-internal" in doc for doc in hr_ids)
    assert not any("hr-internal" in doc for doc in engineer_ids)


def test_converse_stream_is_read_by_botocores_event_stream_parser(sandbox):
    config, acme = sandbox["config"], tenant(sandbox, ACME)
    credentials = tti.credentials_b(sandbox, "alice@acme.example", acme)
    passages = tti.search(sandbox, credentials, acme, "database failover", maxResults=3)["relevantContent"]
    prompt = "\n\n".join(f"[{n}] {p['content']}" for n, p in enumerate(passages, 1)) + "\n\nQuestion: how do I handle database failover?"
    bedrock = tti.base_session(config).client("bedrock-runtime", endpoint_url=config["endpoints"]["bedrock_runtime"],
                                              region_name="us-east-1", config=tti.NO_RETRIES)
    response = bedrock.converse_stream(modelId=config["model"]["model_id"],
                                       messages=[{"role": "user", "content": [{"text": prompt}]}])
    assert isinstance(response["stream"], EventStream)
    kinds, text, usage = [], "", None
    for event in response["stream"]:
        kind = next(iter(event))
        kinds.append(kind)
        if kind == "contentBlockDelta":
            text += event[kind]["delta"]["text"]
        if kind == "metadata":
            usage = event[kind]["usage"]
    assert kinds[0] == "messageStart" and kinds[-2:] == ["messageStop", "metadata"]
    assert "contentBlockStop" in kinds
    assert "extractive demo model" in text
    assert "[1]" in text or "[2]" in text or "[3]" in text
    assert usage["totalTokens"] == usage["inputTokens"] + usage["outputTokens"]


def test_an_unknown_model_is_a_validation_error(sandbox):
    config = sandbox["config"]
    bedrock = tti.base_session(config).client("bedrock-runtime", endpoint_url=config["endpoints"]["bedrock_runtime"],
                                              region_name="us-east-1", config=tti.NO_RETRIES)
    with pytest.raises(ClientError) as excinfo:
        bedrock.converse_stream(modelId="anthropic.claude-v2", messages=[{"role": "user", "content": [{"text": "hi"}]}])
    assert error_code(excinfo) == "ValidationException"


def test_a_wrong_secret_is_signature_does_not_match(sandbox):
    config = sandbox["config"]
    with pytest.raises(ClientError) as excinfo:
        tti.assume_role(config, tenant(sandbox, ACME)["id"], secret="not-the-demo-secret")
    assert error_code(excinfo) == "SignatureDoesNotMatch"
    assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_get_caller_identity_names_the_isv_backend(sandbox):
    config = sandbox["config"]
    identity = tti.sts(tti.base_session(config), config).get_caller_identity()
    assert identity["Account"] == "111122223333" and identity["Arn"].endswith(":user/qseek-isv-backend")


def test_credentials_for_another_tenant_tag_are_access_denied(sandbox):
    acme, northwind = tenant(sandbox, ACME), tenant(sandbox, NORTHWIND)
    credentials = tti.credentials_b(sandbox, "priya@consult.example", northwind)
    with pytest.raises(ClientError) as excinfo:
        tti.search(sandbox, credentials, acme, "parental leave")
    assert error_code(excinfo) == "AccessDeniedException"
    # Same region, wrong tag: Priya's Acme context under a Northwind tag. STS, like the real one,
    # knows nothing of external ids and issues the session; Q Business refuses it.
    config = sandbox["config"]
    token = tti.id_token(config["identity"]["issuer"], "qseek-demo", "priya@consult.example")
    answer = tti.create_token_with_iam(config, acme, tti.assume_role(config, acme["id"]), token)
    mixed = tti.assume_role(config, northwind["id"], context=answer["awsAdditionalDetails"]["identityContext"])
    with pytest.raises(ClientError) as excinfo:
        tti.search(sandbox, mixed, acme, "parental leave")
    assert error_code(excinfo) == "AccessDeniedException"


def test_a_tenant_tag_that_is_not_the_applications_external_id_is_access_denied(sandbox):
    config, acme = sandbox["config"], tenant(sandbox, ACME)
    token = tti.id_token(config["identity"]["issuer"], "qseek-demo", "priya@consult.example")
    answer = tti.create_token_with_iam(config, acme, tti.assume_role(config, acme["id"]), token)
    good = tti.assume_role(config, acme["id"], context=answer["awsAdditionalDetails"]["identityContext"])
    assert tti.search(sandbox, good, acme, "parental leave")["relevantContent"]
    wrong_tag = tti.assume_role(config, "T0999OTHER")
    with pytest.raises(ClientError) as excinfo:
        tti.search(sandbox, wrong_tag, acme, "parental leave")
    assert error_code(excinfo) == "AccessDeniedException"


def test_credentials_without_identity_context_are_access_denied(sandbox):
    config, acme = sandbox["config"], tenant(sandbox, ACME)
    credentials_a = tti.assume_role(config, acme["id"])
    with pytest.raises(ClientError) as excinfo:
        tti.search(sandbox, credentials_a, acme, "vacation policy")
    assert error_code(excinfo) == "AccessDeniedException"
    assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_an_unknown_retriever_is_resource_not_found(sandbox):
    acme = tenant(sandbox, ACME)
    credentials = tti.credentials_b(sandbox, "alice@acme.example", acme)
    client = tti.qbusiness(sandbox["config"], credentials, acme)
    with pytest.raises(ClientError) as excinfo:
        client.search_relevant_content(applicationId=acme["application_id"], queryText="x",
                                       contentSource={"retriever": {"retrieverId": "0" * 36}})
    assert error_code(excinfo) == "ResourceNotFoundException"
    assert excinfo.value.response["resourceType"] == "Retriever"


def test_the_wrong_identity_center_region_names_the_right_one(sandbox):
    config, northwind = sandbox["config"], tenant(sandbox, NORTHWIND)
    token = tti.id_token(config["identity"]["issuer"], "qseek-demo", "erin@northwind.example")
    credentials_a = tti.assume_role(config, northwind["id"])
    with pytest.raises(ClientError) as excinfo:
        tti.create_token_with_iam(config, northwind, credentials_a, token, region="us-east-1")
    assert error_code(excinfo) == "InvalidRequestRegionException"
    assert excinfo.value.response["region"] == northwind["idc_region"]


def test_a_user_of_another_tenant_is_not_assigned(sandbox):
    config, acme = sandbox["config"], tenant(sandbox, ACME)
    token = tti.id_token(config["identity"]["issuer"], "qseek-demo", "erin@northwind.example")
    with pytest.raises(ClientError) as excinfo:
        tti.create_token_with_iam(config, acme, tti.assume_role(config, acme["id"]), token)
    assert error_code(excinfo) == "AccessDeniedException"


def test_an_expired_id_token_is_invalid_grant(short_lived_sandbox):
    config, acme = short_lived_sandbox["config"], tenant(short_lived_sandbox, ACME)
    token = tti.id_token(config["identity"]["issuer"], "qseek-demo", "alice@acme.example")
    credentials_a = tti.assume_role(config, acme["id"])
    time.sleep(7)  # past exp plus the 5 s clock-skew leeway
    with pytest.raises(ClientError) as excinfo:
        tti.create_token_with_iam(config, acme, credentials_a, token)
    assert error_code(excinfo) == "InvalidGrantException"
    assert excinfo.value.response["Error"].get("Message") or excinfo.value.response.get("error_description")


def test_missing_authorization_is_refused_and_the_server_keeps_serving(sandbox):
    url = sandbox["url"]
    bare = requests.post(url + "/sts", data={"Action": "GetCallerIdentity", "Version": "2011-06-15"}, timeout=10)
    assert bare.status_code == 403 and "<Code>MissingAuthenticationToken</Code>" in bare.text
    huge = requests.post(url + "/qbusiness/applications/x/relevant-content", data=b"x" * (10 * 1024 * 1024 + 1), timeout=30)
    assert huge.status_code == 413
    assert requests.get(url + "/idp/.well-known/openid-configuration", timeout=10).status_code == 200


def test_the_escape_sequence_document_reaches_the_client_unaltered(sandbox):
    acme = tenant(sandbox, ACME)
    credentials = tti.credentials_b(sandbox, "bob@acme.example", acme)
    items = tti.search(sandbox, credentials, acme, "terminal escape handling test", maxResults=3)["relevantContent"]
    hostile = next(item for item in items if item["documentId"].endswith("escape-test-0001"))
    assert "\x1b[2J" in hostile["documentTitle"] and "\u202e" in hostile["documentTitle"]
    assert "\x1b]52;c;" in hostile["content"] and "\x9b" in hostile["content"]


def test_an_external_trusted_issuer_is_honoured_and_the_own_idp_is_not(federated_sandboxes):
    federated, external = federated_sandboxes
    config, acme = federated["config"], tenant(federated, ACME)
    credentials_a = tti.assume_role(config, acme["id"])
    foreign = tti.id_token(external["config"]["identity"]["issuer"], "qseek-demo", "alice@acme.example")
    answer = tti.create_token_with_iam(config, acme, credentials_a, foreign)
    assert answer["awsAdditionalDetails"]["identityContext"]
    own = tti.id_token(config["identity"]["issuer"], "qseek-demo", "alice@acme.example")
    with pytest.raises(ClientError) as excinfo:
        tti.create_token_with_iam(config, acme, credentials_a, own)
    assert error_code(excinfo) == "InvalidGrantException"


def test_one_endpoint_url_without_prefixes_serves_every_service(sandbox, monkeypatch):
    """AWS_ENDPOINT_URL alone (no per-service prefixes) reaches STS, Identity Center and Q Business."""
    monkeypatch.setenv("AWS_ENDPOINT_URL", sandbox["url"])
    config, acme = sandbox["config"], tenant(sandbox, ACME)
    token = tti.id_token(config["identity"]["issuer"], "qseek-demo", "alice@acme.example")
    base = tti.base_session(config)
    credentials_a = base.client("sts", config=tti.NO_RETRIES).assume_role(
        RoleArn=config["aws"]["data_accessor_role_arn"], RoleSessionName="one-endpoint", DurationSeconds=900,
        Tags=[{"Key": tti.TAG, "Value": acme["id"]}])["Credentials"]
    answer = tti.as_session(credentials_a, acme["idc_region"]).client("sso-oidc", config=tti.NO_RETRIES).create_token_with_iam(
        clientId=acme["idc_application_arn"], grantType="urn:ietf:params:oauth:grant-type:jwt-bearer", assertion=token)
    credentials_b = tti.assume_role(config, acme["id"], context=answer["awsAdditionalDetails"]["identityContext"])
    result = tti.as_session(credentials_b, acme["region"]).client("qbusiness", config=tti.NO_RETRIES).search_relevant_content(
        applicationId=acme["application_id"], queryText="vacation", contentSource={"retriever": {"retrieverId": acme["retriever_id"]}})
    assert result["relevantContent"]
