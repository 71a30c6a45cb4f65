"""A stand-in model server: `POST /v1/chat/completions` answers with the recorded stream the
request's `model` names (Tests/AssistantTests/Fixtures/sse/MODEL.sse), as text/event-stream in
small chunked-encoding pieces, so multi-byte characters and line ends fall across reads."""
import json
import pathlib
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "Tests/AssistantTests/Fixtures/sse"
PIECE = 7


class ReplayHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    requests: list = []

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        request = json.loads(body or b"{}")
        ReplayHandler.requests.append({"path": self.path, "authorization": self.headers.get("Authorization"), "body": request})
        fixture = FIXTURES / f"{request.get('model', '')}.sse"
        if self.path != "/v1/chat/completions" or not fixture.is_file():
            self.send_response(404)
            message = json.dumps({"error": {"message": f"no recorded stream for {request.get('model')!r} at {self.path}"}}).encode()
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(message)))
            self.end_headers()
            self.wfile.write(message)
            return
        stream = fixture.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, len(stream), PIECE):
            piece = stream[start:start + PIECE]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def log_message(self, format, *args):  # noqa: A002 - quiet
        pass


class ReplayServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that stops reading at an error (as the SDK does) resets the connection.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def start() -> ThreadingHTTPServer:
    server = ReplayServer(("127.0.0.1", 0), ReplayHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
