"""Loopback stand-ins that answer with hostile text: a Q Business endpoint whose
ValidationException carries controls in `message`, `reason` and `fields`, and an
OpenAI-compatible model server whose streamed answer (under /answer) or error body (under
/broken) does the same. Writes its port to the file named by the first argument.
Usage: hostile_servers.py PORT_FILE
"""
import http.server
import json
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from hostile_corpus import HOSTILE  # noqa: E402

TEXT = "Zanzibar " + HOSTILE


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json", headers=()):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.startswith("/qbusiness"):
            error = {"__type": "ValidationException", "message": TEXT, "reason": TEXT,
                     "fields": [{"name": "queryText" + HOSTILE, "message": TEXT}]}
            self.send(400, json.dumps(error), headers=[("x-amzn-errortype", "ValidationException"), ("x-amzn-requestid", "hostile-1")])
        elif self.path.startswith("/answer"):
            events = [{"choices": [{"index": 0, "delta": {"role": "assistant", "content": part}}]} for part in (TEXT[:40], TEXT[40:], " [1]")]
            events.append({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
            body = "".join(f"data: {json.dumps(event)}\n\n" for event in events) + "data: [DONE]\n\n"
            self.send(200, body, content_type="text/event-stream")
        elif self.path.startswith("/broken"):
            self.send(400, json.dumps({"error": {"message": TEXT, "type": "invalid_request_error" + HOSTILE}}))
        else:
            self.send(404, "{}")


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1] + ".tmp", "w") as file:
    file.write(str(server.server_address[1]))
import os  # noqa: E402
os.replace(sys.argv[1] + ".tmp", sys.argv[1])
server.serve_forever()
