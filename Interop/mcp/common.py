"""Shared by the MCP interop checks: sandbox sign-in for bearer tokens, the corpus's ACLs,
and a tiny pass/fail counter."""
import base64
import hashlib
import json
import os
import secrets
import tomllib
import urllib.parse

import httpx

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.path.join(REPO, "Sources", "Sandbox", "Resources", "corpus")


def id_token(issuer, client_id, email):
    """Authorization code + PKCE at the sandbox IdP, approved at once through login_hint."""
    discovery = httpx.get(issuer + "/.well-known/openid-configuration", timeout=30).json()
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    redirect = "http://127.0.0.1:9/callback"
    answer = httpx.get(discovery["authorization_endpoint"], follow_redirects=False, timeout=30, params={
        "response_type": "code", "client_id": client_id, "redirect_uri": redirect, "scope": "openid email profile",
        "code_challenge": challenge, "code_challenge_method": "S256", "state": "s", "nonce": "n", "login_hint": email})
    assert answer.status_code == 302, answer.text
    code = urllib.parse.parse_qs(urllib.parse.urlparse(answer.headers["location"]).query)["code"][0]
    tokens = httpx.post(discovery["token_endpoint"], timeout=30, data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": redirect, "client_id": client_id,
        "code_verifier": verifier})
    assert tokens.status_code == 200, tokens.text
    return tokens.json()["id_token"]


def readable(email, tenant_id, corpus_dir=CORPUS):
    """The document ids `email` may read in `tenant_id`, by the corpus's ACLs."""
    with open(os.path.join(corpus_dir, "tenants.toml"), "rb") as file:
        tenants = tomllib.load(file)["tenants"]
    tenant = next(t for t in tenants if t["id"] == tenant_id)
    member = next((m for m in tenant.get("members", []) if m["email"] == email), None)
    if member is None:
        return set()
    groups = set(member["groups"])
    ids = set()
    for line in open(os.path.join(corpus_dir, tenant["documents"]), encoding="utf-8"):
        document = json.loads(line)
        acl = document.get("acl", {})
        if email in acl.get("users", []) or groups & set(acl.get("groups", [])):
            ids.add(document["id"])
    return ids


def forged(token):
    """The token with another subject in its payload and the original signature."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = "u-someone-else"
    payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return ".".join([header, payload, signature])


class Checks:
    def __init__(self, name):
        self.name, self.passed, self.failed = name, 0, 0

    def check(self, label, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"  ✓ {label}")
        else:
            self.failed += 1
            print(f"  ✗ {label} {detail}")

    def finish(self):
        print(f"{self.name}: {self.passed} passed, {self.failed} failed")
        return 1 if self.failed or not self.passed else 0
