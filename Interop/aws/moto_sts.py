"""moto interop: qseek's STS client against moto_server with signature checking switched on.

boto3 creates an IAM user with an access key, a policy and a role that trusts the user; then
`POST /moto-api/reset-auth` with body `0` makes moto verify every request's SigV4 signature
and IAM permissions. qseek's AssumeRole (with session tags and provided contexts) and
GetCallerIdentity must succeed; a wrong secret must come back as a typed SignatureDoesNotMatch.
"""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import boto3

from common import Tally, probe


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, server):
    deadline = time.time() + 30
    while time.time() < deadline:
        if server.poll() is not None:
            raise RuntimeError("moto_server exited early")
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1)
            return
        except Exception:
            time.sleep(0.2)
    raise RuntimeError("moto_server did not start")


def main():
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tally = Tally("moto sts")
    try:
        wait_until_up(endpoint, server)
        admin = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="admin", aws_secret_access_key="admin")
        iam = boto3.client("iam", **admin)
        iam.create_user(UserName="isv")
        key = iam.create_access_key(UserName="isv")["AccessKey"]
        policy = iam.create_policy(PolicyName="assume", PolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetContext",
                                                         "sts:GetCallerIdentity"], "Resource": "*"}]}))
        iam.attach_user_policy(UserName="isv", PolicyArn=policy["Policy"]["Arn"])
        account = boto3.client("sts", **admin).get_caller_identity()["Account"]
        role = iam.create_role(RoleName="data-accessor", AssumeRolePolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:user/isv"},
                           "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetContext"]}]}))["Role"]
        reset = urllib.request.Request(endpoint + "/moto-api/reset-auth", data=b"0", method="POST",
                                       headers={"Content-Type": "text/plain"})  # a form type would hide the body from moto
        urllib.request.urlopen(reset, timeout=5)

        base = {"command": "sts", "endpoint": endpoint, "region": "us-east-1",
                "access_key": key["AccessKeyId"], "secret_key": key["SecretAccessKey"]}
        identity = probe({**base, "action": "GetCallerIdentity"})
        tally.check(identity.get("ok") is True, "GetCallerIdentity succeeds with signature checking on", json.dumps(identity))
        tally.check(identity.get("arn", "").endswith(":user/isv"), "GetCallerIdentity names the IAM user", identity.get("arn", ""))

        assumed = probe({**base, "action": "AssumeRole", "params": {
            "RoleArn": role["Arn"], "RoleSessionName": "alice@example.com", "DurationSeconds": 900,
            "Tags": [{"Key": "qbusiness-dataaccessor:ExternalId", "Value": "T0123ACME"}],
            "ProvidedContexts": [{"ProviderArn": "arn:aws:iam::aws:contextProvider/IdentityCenter",
                                  "ContextAssertion": "AQoDYXdzEPT//////////wEXAMPLE+/=="}]}})
        tally.check(assumed.get("ok") is True, "AssumeRole with tags and provided contexts succeeds", json.dumps(assumed))
        tally.check(assumed.get("has_secret") and assumed.get("has_token"), "AssumeRole returns temporary credentials")
        tally.check("data-accessor/alice@example.com" in assumed.get("assumed_role_arn", ""), "the assumed role ARN names the session",
                    assumed.get("assumed_role_arn", ""))
        tally.check(assumed.get("expiration", 0) > time.time(), "the credentials expire in the future")

        wrong = probe({**base, "secret_key": key["SecretAccessKey"][:-1] + ("A" if key["SecretAccessKey"][-1] != "A" else "B"),
                       "action": "GetCallerIdentity"})
        error = wrong.get("error", {})
        tally.check(wrong.get("ok") is False and error.get("type") == "AWSError" and error.get("code") == "SignatureDoesNotMatch",
                    "a wrong secret is a typed SignatureDoesNotMatch", json.dumps(wrong))
        tally.check(key["SecretAccessKey"] not in json.dumps(wrong), "the error does not contain the secret")
        tally.check("credentials are expired or wrong" in error.get("user_message", ""), "the error has words for the user",
                    error.get("user_message", ""))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    tally.finish()


main()
