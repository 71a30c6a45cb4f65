"""Starts `qseek sandbox serve` (with short-lived codes for the expiry test) for the auth-code tests."""
import importlib.util
import os

import pytest

# The TTI interop's launcher, loaded under its own name (both files are called conftest.py).
_spec = importlib.util.spec_from_file_location(
    "sandbox_interop_conftest", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sandbox", "conftest.py"))
_launcher = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_launcher)
start_sandbox, stop = _launcher.start_sandbox, _launcher.stop


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory):
    process, url, config = start_sandbox(str(tmp_path_factory.mktemp("authcode")))
    yield {"url": url, "config": config}
    stop(process)


@pytest.fixture(scope="session")
def quick_codes_sandbox(tmp_path_factory):
    """Identity Center codes that expire after one second."""
    process, url, config = start_sandbox(str(tmp_path_factory.mktemp("quick")), "--auth-code-lifetime", "1")
    yield {"url": url, "config": config}
    stop(process)
