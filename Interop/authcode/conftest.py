"""Starts `qseek sandbox serve` (with short-lived codes for the expiry test) for the auth-code tests."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from sandbox_fixtures import session_sandbox  # noqa: E402

sandbox = session_sandbox("sandbox")
quick_codes_sandbox = session_sandbox("quick_codes_sandbox", "--auth-code-lifetime", "1",
                                      doc="Identity Center codes that expire after one second.")
