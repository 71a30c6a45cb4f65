"""qseek on a pseudo-terminal, for the comparison scripts: spawn it at a size, read what it
writes, wait for a text, stop it."""
import fcntl
import os
import pty
import select
import signal
import struct
import tempfile
import termios
import time


class PtyApp:
    """QSEEK ARGS... on a COLSxROWS pty (TERM=xterm-256color, private XDG folders)."""

    def __init__(self, command, cols, rows, env=None):
        work = tempfile.mkdtemp()
        environment = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", XDG_STATE_HOME=work + "/state",
                           XDG_CACHE_HOME=work + "/cache", XDG_CONFIG_HOME=work + "/config")
        environment.pop("NO_COLOR", None)
        environment.update(env or {})
        self.started = time.monotonic()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execve(command[0], command, environment)

    def _chunk(self, timeout):
        """The next output within `timeout` seconds: bytes, b"" if none came, None once closed."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self.fd, 65536) or None
        except OSError:
            return None

    def read_for(self, quiet, limit=30.0):
        """Everything written until `quiet` seconds pass without output (or `limit` in all)."""
        data, start = b"", time.monotonic()
        while time.monotonic() - start < limit:
            chunk = self._chunk(quiet)
            if not chunk:
                break
            data += chunk
        return data

    def wait_for(self, text, limit=30.0):
        """Reads until `text` has been written and returns everything read; `seen_at` is the
        moment the chunk that completed it arrived. It checks after every chunk: waiting for
        a quiet spell first (as `read_for` does) would add that spell to every timing."""
        seen, start = b"", time.monotonic()
        while time.monotonic() - start < limit:
            chunk = self._chunk(0.05)
            if chunk is None:
                break
            seen += chunk
            if text.encode() in seen:
                self.seen_at = time.monotonic()
                return seen
        raise SystemExit(f"timed out waiting for {text!r}; last output: {seen[-400:]!r}")

    def send(self, keys):
        os.write(self.fd, keys)

    def stop(self):
        os.kill(self.pid, signal.SIGTERM)
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)
