"""The shop API: `python3 -m app.main` serves on :8000; `--check` answers once and exits."""

import json
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

from app.orders import total

VERSION = os.environ.get("APP_VERSION", "dev")


def health():
    return {"service": "api", "version": VERSION, "sample_total": total({"mug": 2, "teapot": 1})}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps(health()).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    if "--check" in sys.argv:
        print(json.dumps(health()))
    else:
        HTTPServer(("", 8000), Handler).serve_forever()
