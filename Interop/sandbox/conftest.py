"""Starts `qseek sandbox serve` once per session and hands its config to the tests."""
import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
# start_sandbox and stop are also imported from here by test_model_errors.py.
from sandbox_fixtures import session_sandbox, start_sandbox, stop  # noqa: E402

sandbox = session_sandbox("sandbox")
short_lived_sandbox = session_sandbox("short_lived_sandbox", "--id-token-lifetime", "1",
                                      doc="A sandbox whose ID tokens expire after one second.")


@pytest.fixture(scope="session")
def federated_sandboxes(tmp_path_factory):
    """Sandbox B's IdP is the trusted token issuer of sandbox A's Identity Center
    (--trust-issuer/--trust-audience/--trust-claim): A must find B's keys by discovery."""
    idp_process, idp_url, idp_config = start_sandbox(str(tmp_path_factory.mktemp("issuer")))
    issuer = idp_config["identity"]["issuer"]
    process, url, config = start_sandbox(str(tmp_path_factory.mktemp("federated")), "--trust-issuer", issuer,
                                         "--trust-audience", "qseek-demo", "--trust-claim", "email")
    yield {"url": url, "config": config}, {"url": idp_url, "config": idp_config}
    stop(process)
    stop(idp_process)
