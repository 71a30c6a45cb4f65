"""The auth-code data accessor (AWS_IAM_IDC_AUTH_CODE) with boto3 against the sandbox: what an
ISV backend in Python would write. Identity Center's /authorize is a browser page; requests
plays the browser (it does not follow the redirect to the loopback redirect URI, it reads it)."""
import base64
import hashlib
import os
import secrets
import sys
import time
import urllib.parse

import pytest
import requests
from botocore.exceptions import ClientError

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sandbox"))
import tti  # noqa: E402  (session, assume_role, as_session, qbusiness, jwt_claims)


def auth_code_tenant(config):
    tenants = [t for t in config["tenants"] if t.get("auth") == "idc-auth-code"]
    assert len(tenants) == 1, "--write-config writes the auth-code tenant with auth and redirect_uri"
    return tenants[0]


def pkce():
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def authorize(config, tenant, email=None, challenge=None, redirect=None, member=None):
    """GET /authorize (login_hint approves at once); with `member`, the sign-in page's form is posted."""
    state = secrets.token_urlsafe(12)
    params = {"response_type": "code", "client_id": tenant["idc_application_arn"],
              "redirect_uri": redirect or tenant["redirect_uri"], "state": state}
    if challenge:
        params.update(code_challenge=challenge, code_challenge_method="S256")
    url = config["endpoints"]["sso_oidc"] + "/authorize"
    if member:
        page = requests.get(url, params=params, allow_redirects=False, timeout=10)
        assert page.status_code == 200 and member in page.text, page.text
        answer = requests.post(url, data={**params, "member": member}, allow_redirects=False, timeout=10)
    else:
        answer = requests.get(url, params={**params, "login_hint": email}, allow_redirects=False, timeout=10)
    if answer.status_code != 302:
        return answer, None
    location = answer.headers["Location"]
    assert location.startswith(tenant["redirect_uri"] + "?")
    query = urllib.parse.parse_qs(urllib.parse.urlparse(location).query)
    assert query["state"] == [state]
    return answer, query["code"][0]


def sso_oidc(config, tenant, credentials_a):
    return tti.as_session(credentials_a, tenant["idc_region"]).client(
        "sso-oidc", endpoint_url=config["endpoints"]["sso_oidc"], config=tti.NO_RETRIES)


def redeem(config, tenant, code, verifier=None, redirect=None, client_id=None):
    arguments = {"clientId": client_id or tenant["idc_application_arn"], "grantType": "authorization_code",
                 "code": code, "redirectUri": redirect or tenant["redirect_uri"]}
    if verifier:
        arguments["codeVerifier"] = verifier
    credentials_a = tti.assume_role(config, tenant["id"])
    return sso_oidc(config, tenant, credentials_a).create_token_with_iam(**arguments)


def refresh(config, tenant, refresh_token):
    credentials_a = tti.assume_role(config, tenant["id"])
    return sso_oidc(config, tenant, credentials_a).create_token_with_iam(
        clientId=tenant["idc_application_arn"], grantType="refresh_token", refreshToken=refresh_token)


def search(config, tenant, context, text):
    credentials_b = tti.assume_role(config, tenant["id"], context=context)
    client = tti.qbusiness(config, credentials_b, tenant)
    answer = client.search_relevant_content(applicationId=tenant["application_id"], queryText=text, maxResults=10,
                                            contentSource={"retriever": {"retrieverId": tenant["retriever_id"]}})
    return [item["documentId"] for item in answer["relevantContent"]]


def refused(call, error_type, code=None):
    with pytest.raises(ClientError) as caught:
        call()
    error = caught.value.response["Error"]
    assert error["Code"] == error_type, caught.value.response
    if code:
        assert caught.value.response.get("error") == code or code in str(caught.value.response), caught.value.response


def test_authorize_code_token_role_search(sandbox):
    config = sandbox["config"]
    tenant = auth_code_tenant(config)
    verifier, challenge = pkce()
    _, code = authorize(config, tenant, email="ivan@globex.example", challenge=challenge)
    token = redeem(config, tenant, code, verifier)
    assert token["refreshToken"] and token["accessToken"]
    context = token["awsAdditionalDetails"]["identityContext"]
    assert tti.jwt_claims(token["idToken"])["sts:identity_context"] == context
    assert tti.jwt_claims(token["idToken"])["email"] == "ivan@globex.example"
    ids = search(config, tenant, context, "failover runbook")
    assert "globex-runbook-0002" in ids
    assert "globex-guide-0003" not in ids  # the clinical group's document


def test_the_sign_in_page_signs_a_non_demo_choice_in(sandbox):
    config = sandbox["config"]
    tenant = auth_code_tenant(config)
    _, code = authorize(config, tenant, member="hana@globex.example")
    token = redeem(config, tenant, code)  # no PKCE sent, none needed (as AWS accepts IAM clients)
    assert "globex-guide-0003" in search(config, tenant, token["awsAdditionalDetails"]["identityContext"], "ward handover checklist")


def test_refresh_rotates_and_a_used_refresh_token_is_refused(sandbox):
    config = sandbox["config"]
    tenant = auth_code_tenant(config)
    verifier, challenge = pkce()
    _, code = authorize(config, tenant, email="hana@globex.example", challenge=challenge)
    first = redeem(config, tenant, code, verifier)
    renewed = refresh(config, tenant, first["refreshToken"])
    assert renewed["refreshToken"] != first["refreshToken"]
    assert search(config, tenant, renewed["awsAdditionalDetails"]["identityContext"], "ward handover checklist")
    refused(lambda: refresh(config, tenant, first["refreshToken"]), "InvalidGrantException", "invalid_grant")
    assert refresh(config, tenant, renewed["refreshToken"])["refreshToken"]


def test_a_reused_code_is_invalid_grant(sandbox):
    config = sandbox["config"]
    tenant = auth_code_tenant(config)
    verifier, challenge = pkce()
    _, code = authorize(config, tenant, email="ivan@globex.example", challenge=challenge)
    redeem(config, tenant, code, verifier)
    refused(lambda: redeem(config, tenant, code, verifier), "InvalidGrantException", "invalid_grant")


def test_a_wrong_redirect_uri_is_refused_at_authorize_and_at_the_token(sandbox):
    config = sandbox["config"]
    tenant = auth_code_tenant(config)
    answer, code = authorize(config, tenant, email="ivan@globex.example", redirect="http://127.0.0.1:1/elsewhere")
    assert answer.status_code == 400 and code is None and "Location" not in answer.headers
    verifier, challenge = pkce()
    _, code = authorize(config, tenant, email="ivan@globex.example", challenge=challenge)
    refused(lambda: redeem(config, tenant, code, verifier, redirect=tenant["redirect_uri"] + "/x"), "InvalidGrantException", "invalid_grant")


def test_a_wrong_verifier_is_invalid_grant(sandbox):
    config = sandbox["config"]
    tenant = auth_code_tenant(config)
    _, challenge = pkce()
    other, _ = pkce()
    _, code = authorize(config, tenant, email="ivan@globex.example", challenge=challenge)
    refused(lambda: redeem(config, tenant, code, other), "InvalidGrantException", "invalid_grant")


def test_a_wrong_client_is_refused(sandbox):
    config = sandbox["config"]
    tenant = auth_code_tenant(config)
    verifier, challenge = pkce()
    _, code = authorize(config, tenant, email="ivan@globex.example", challenge=challenge)
    # An unknown application ARN, and a TTI tenant's application (which takes no codes).
    unknown = "arn:aws:sso::111122223333:application/ssoins-0000000000000000/apl-0000000000000000"
    refused(lambda: redeem(config, tenant, code, verifier, client_id=unknown), "InvalidClientException", "invalid_client")
    tti_tenant = next(t for t in config["tenants"] if t.get("auth", "tti") == "tti")
    credentials_a = tti.assume_role(config, tti_tenant["id"])
    client = sso_oidc(config, tti_tenant, credentials_a)
    refused(lambda: client.create_token_with_iam(clientId=tti_tenant["idc_application_arn"], grantType="authorization_code",
                                                 code=code, redirectUri=tenant["redirect_uri"], codeVerifier=verifier),
            "UnauthorizedClientException", "unauthorized_client")


def test_an_expired_code_is_expired_token(quick_codes_sandbox):
    config = quick_codes_sandbox["config"]
    tenant = auth_code_tenant(config)
    verifier, challenge = pkce()
    _, code = authorize(config, tenant, email="ivan@globex.example", challenge=challenge)
    time.sleep(1.5)
    refused(lambda: redeem(config, tenant, code, verifier), "ExpiredTokenException", "expired_token")
