"""The generated partner network served by Python's threaded http.server, one per loopback host.

``bench/_feeds.py`` lays the blogs out per host (``<root>/127.0.0.N/…``); here each
address gets its own ``ThreadingHTTPServer`` on the same port, so the sync sees 50
school servers as it would on the internet (and its per-host limit applies), with no
nginx needed. Keep-alive, Content-Length and plain static files: nothing else.
"""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

TYPES = {".xml": "application/rss+xml; charset=UTF-8", ".png": "image/png"}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        server = self.server
        assert isinstance(server, _Server)
        path = unquote(urlsplit(self.path).path).lstrip("/")
        target = (server.docroot / path).resolve()
        if target.is_dir():
            target = target / "index.xml"
        if server.docroot not in target.parents or not target.is_file():
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = target.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(target.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: str, port: int, docroot: Path) -> None:
        self.docroot = docroot.resolve()
        super().__init__((address, port), _Handler)


def free_port(addresses: list[str]) -> int:
    """A port free on every one of ``addresses``."""
    for _ in range(50):
        probe = socket.socket()
        probe.bind((addresses[0], 0))
        port = int(probe.getsockname()[1])
        probe.close()
        try:
            for address in addresses:
                with socket.socket() as test:
                    test.bind((address, port))
            return port
        except OSError:
            continue
    raise RuntimeError("no port is free on every loopback address")


class LoopbackHosts:
    """Serve ``root/<address>/`` on ``http://<address>:<port>/`` for each address."""

    def __init__(self, root: Path, addresses: list[str], port: int) -> None:
        self.servers = [_Server(a, port, root / a) for a in addresses]
        self.threads = [
            threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
            for s in self.servers
        ]

    def __enter__(self) -> LoopbackHosts:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()


__all__ = ["LoopbackHosts", "free_port"]
