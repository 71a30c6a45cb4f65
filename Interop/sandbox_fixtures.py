"""Starting and stopping `qseek sandbox serve` for the pytest interop runs (Interop/sandbox,
Interop/authcode), and the session fixture each of them declares: one sandbox per session,
handed to the tests as {"url": base URL, "config": the parsed --write-config file}. The binary
is $QSEEK_BIN (set by run.sh). Imported by each run's conftest.py, which puts Interop/ on
sys.path.
"""
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


def session_sandbox(name, *options, doc=None):
    """A session fixture called `name`: a sandbox started with `options` (in a temporary
    directory of that name), stopped when the session ends."""
    def fixture(tmp_path_factory):
        process, url, config = start_sandbox(str(tmp_path_factory.mktemp(name)), *options)
        yield {"url": url, "config": config}
        stop(process)
    fixture.__name__ = name
    fixture.__doc__ = doc
    return pytest.fixture(scope="session", name=name)(fixture)
