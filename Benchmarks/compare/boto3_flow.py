"""The TTI flow and one search in boto3, as the AWS samples write it, as one cold process:
AssumeRole with the tenant tag, CreateTokenWithIAM (JWT bearer), AssumeRole with
ProvidedContexts, SearchRelevantContent (100 passages). The ID token comes from a file, as
qseek's comes from its cache.

Usage: boto3_flow.py SANDBOX_CONFIG.toml ID_TOKEN_FILE TENANT_ID QUERY
"""
import base64
import json
import sys
import tomllib

import boto3
from botocore.config import Config

config = tomllib.load(open(sys.argv[1], "rb"))
id_token = open(sys.argv[2]).read().strip()
tenant = next(t for t in config["tenants"] if t["id"] == sys.argv[3])
query = sys.argv[4]
aws, endpoints = config["aws"], config["endpoints"]
retries = Config(retries={"max_attempts": 3, "mode": "standard"})


def session(access_key, secret_key, token=None, region="us-east-1"):
    return boto3.session.Session(aws_access_key_id=access_key, aws_secret_access_key=secret_key,
                                 aws_session_token=token, region_name=region)


def claims(token):
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


base = session(aws["access_key_id"], aws["secret_access_key"])
sts = base.client("sts", endpoint_url=endpoints["sts"], config=retries)
role = {"RoleArn": aws["data_accessor_role_arn"], "RoleSessionName": "boto3-bench", "DurationSeconds": 900,
        "Tags": [{"Key": "qbusiness-dataaccessor:ExternalId", "Value": tenant["id"]}]}
a = sts.assume_role(**role)["Credentials"]
oidc = session(a["AccessKeyId"], a["SecretAccessKey"], a["SessionToken"], tenant["idc_region"]).client(
    "sso-oidc", endpoint_url=endpoints["sso_oidc"], config=retries)
answer = oidc.create_token_with_iam(clientId=tenant["idc_application_arn"],
                                    grantType="urn:ietf:params:oauth:grant-type:jwt-bearer", assertion=id_token)
context = claims(answer["idToken"])["sts:identity_context"]
b = sts.assume_role(**role, ProvidedContexts=[{"ProviderArn": "arn:aws:iam::aws:contextProvider/IdentityCenter",
                                                "ContextAssertion": context}])["Credentials"]
qbusiness = session(b["AccessKeyId"], b["SecretAccessKey"], b["SessionToken"], tenant["region"]).client(
    "qbusiness", endpoint_url=endpoints["qbusiness"], config=retries)
page = qbusiness.search_relevant_content(applicationId=tenant["application_id"], queryText=query,
                                         contentSource={"retriever": {"retrieverId": tenant["retriever_id"]}},
                                         maxResults=100)
print(len(page["relevantContent"]))
