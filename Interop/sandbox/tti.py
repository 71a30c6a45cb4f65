"""The TTI flow with boto3 against the sandbox: what an ISV backend in Python would write."""
import base64
import hashlib
import json
import secrets
import urllib.parse

import boto3
import requests
from botocore.config import Config

TAG = "qbusiness-dataaccessor:ExternalId"
NO_RETRIES = Config(retries={"max_attempts": 1, "mode": "standard"})


def id_token(issuer, client_id, email):
    """Authorization code + PKCE (S256) over plain HTTP, approved at once through login_hint."""
    discovery = requests.get(issuer + "/.well-known/openid-configuration", timeout=10).json()
    assert discovery["issuer"] == issuer
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    redirect = "http://127.0.0.1:8765/callback"
    state, nonce = secrets.token_urlsafe(12), secrets.token_urlsafe(12)
    answer = requests.get(discovery["authorization_endpoint"], allow_redirects=False, timeout=10, params={
        "response_type": "code", "client_id": client_id, "redirect_uri": redirect, "scope": "openid email profile",
        "code_challenge": challenge, "code_challenge_method": "S256", "state": state, "nonce": nonce,
        "login_hint": email})
    assert answer.status_code == 302, answer.text
    query = urllib.parse.parse_qs(urllib.parse.urlparse(answer.headers["Location"]).query)
    assert query["state"] == [state]
    tokens = requests.post(discovery["token_endpoint"], timeout=10, data={
        "grant_type": "authorization_code", "code": query["code"][0], "redirect_uri": redirect,
        "client_id": client_id, "code_verifier": verifier})
    assert tokens.status_code == 200, tokens.text
    token = tokens.json()["id_token"]
    assert jwt_claims(token)["nonce"] == nonce
    return token


def jwt_claims(token):
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def session(access_key, secret_key, token=None, region="us-east-1"):
    return boto3.session.Session(aws_access_key_id=access_key, aws_secret_access_key=secret_key,
                                 aws_session_token=token, region_name=region)


def base_session(config, secret=None):
    return session(config["aws"]["access_key_id"], secret or config["aws"]["secret_access_key"])


def sts(boto_session, config):
    return boto_session.client("sts", endpoint_url=config["endpoints"]["sts"], config=NO_RETRIES)


def assume_role(config, tenant_id, context=None, secret=None):
    arguments = {"RoleArn": config["aws"]["data_accessor_role_arn"], "RoleSessionName": "qseek-interop",
                 "DurationSeconds": 900, "Tags": [{"Key": TAG, "Value": tenant_id}]}
    if context:
        arguments["ProvidedContexts"] = [{"ProviderArn": "arn:aws:iam::aws:contextProvider/IdentityCenter",
                                          "ContextAssertion": context}]
    return sts(base_session(config, secret), config).assume_role(**arguments)["Credentials"]


def as_session(credentials, region):
    return session(credentials["AccessKeyId"], credentials["SecretAccessKey"], credentials["SessionToken"], region)


def create_token_with_iam(config, tenant, credentials_a, assertion, region=None):
    client = as_session(credentials_a, region or tenant["idc_region"]).client(
        "sso-oidc", endpoint_url=config["endpoints"]["sso_oidc"], config=NO_RETRIES)
    return client.create_token_with_iam(clientId=tenant["idc_application_arn"],
                                        grantType="urn:ietf:params:oauth:grant-type:jwt-bearer", assertion=assertion)


def qbusiness(config, credentials, tenant):
    return as_session(credentials, tenant["region"]).client(
        "qbusiness", endpoint_url=config["endpoints"]["qbusiness"], config=NO_RETRIES)


def credentials_b(sandbox, email, tenant):
    config = sandbox["config"]
    token = id_token(config["identity"]["issuer"], config["identity"]["client_id"], email)
    credentials_a = assume_role(config, tenant["id"])
    answer = create_token_with_iam(config, tenant, credentials_a, token)
    context = jwt_claims(answer["idToken"])["sts:identity_context"]
    return assume_role(config, tenant["id"], context=context)


def search(sandbox, credentials, tenant, query, **extra):
    client = qbusiness(sandbox["config"], credentials, tenant)
    return client.search_relevant_content(applicationId=tenant["application_id"], queryText=query,
                                          contentSource={"retriever": {"retrieverId": tenant["retriever_id"]}}, **extra)
