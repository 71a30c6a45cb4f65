"""Starts `qseek sandbox serve` once per session and hands its config to the tests."""
import os
import subprocess
import tomllib

import pytest


def start_sandbox(tmp_dir, *extra):
    """Starts the sandbox binary; returns (process, base URL, parsed config)."""
    binary = os.environ["QSEEK_BIN"]
    config_path = os.path.join(tmp_dir, "sandbox-config.toml")
    process = subprocess.Popen(
        [binary, "sandbox", "serve", "--port", "0", "--write-config", config_path, *extra],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline().strip()
    if not line.startswith("sandbox: http://127.0.0.1:"):
        process.kill()
        raise RuntimeError(f"unexpected first line from the sandbox: {line!r}")
    with open(config_path, "rb") as file:
        config = tomllib.load(file)
    return process, line.split(" ", 1)[1], config


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory):
    process, url, config = start_sandbox(str(tmp_path_factory.mktemp("sandbox")))
    yield {"url": url, "config": config}
    stop(process)


@pytest.fixture(scope="session")
def short_lived_sandbox(tmp_path_factory):
    """A sandbox whose ID tokens expire after one second."""
    process, url, config = start_sandbox(str(tmp_path_factory.mktemp("short")), "--id-token-lifetime", "1")
    yield {"url": url, "config": config}
    stop(process)


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
