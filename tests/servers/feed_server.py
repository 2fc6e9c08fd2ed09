"""A real HTTP server on loopback that plays a partner school's blog, good or bad.

Each test tells it what to serve at each path (a feed with validators, a redirect,
410 Gone, 429 with Retry-After, a hang, a trickle, a gzip bomb, an endless body…)
and afterwards reads what the app really asked for: every request is recorded with
its method, path and headers, so a test can say "no HEAD requests", "If-None-Match
was sent" or "the image was fetched once". The server runs in a background thread
(one thread per connection) and answers in microseconds, so it is never the
bottleneck; slow behaviours wait on an event that ``stop()`` sets, so tearing a
test down never waits for a 60-second hang to finish.
"""

from __future__ import annotations

import hashlib
import shutil
import socket
import ssl
import struct
import subprocess
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

RSS = "application/rss+xml; charset=UTF-8"
ATOM = "application/atom+xml; charset=UTF-8"
HTML = "text/html; charset=UTF-8"
DEFAULT_LAST_MODIFIED = "Wed, 01 Apr 2026 08:00:00 GMT"
AUTO = "auto"


@dataclass(frozen=True)
class Request:
    """One request as the server saw it."""

    method: str
    path: str  # as sent, query included
    headers: dict[str, str]  # names lower-cased
    at: float  # time.monotonic() when the request line arrived
    server: str  # host:port of the server that received it
    client: str = ""  # host:port of the client's end: one value per TCP connection

    @property
    def route(self) -> str:
        """The path without its query string."""
        return urlsplit(self.path).path

    @property
    def query(self) -> str:
        return urlsplit(self.path).query

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class Route:
    """What the server does at one path."""

    def serve(self, handler: _Handler, request: Request) -> None:
        raise NotImplementedError


@dataclass
class Resource(Route):
    """A fixed body with validators; conditional GETs get 304 when nothing changed."""

    body: bytes
    content_type: str = RSS
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    cache_control: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0

    def not_modified(self, request: Request) -> bool:
        if self.status != 200:
            return False
        if_none_match = request.header("if-none-match")
        if if_none_match is not None:
            if not self.etag:
                return False
            tags = [_strip_weak(t) for t in if_none_match.split(",")]
            return "*" in tags or _strip_weak(self.etag) in tags
        if_modified_since = request.header("if-modified-since")
        if if_modified_since and self.last_modified:
            try:
                since = parsedate_to_datetime(if_modified_since)
                modified = parsedate_to_datetime(self.last_modified)
            except (TypeError, ValueError):
                return False
            return modified <= since
        return False

    def serve(self, handler: _Handler, request: Request) -> None:
        if self.delay and handler.pause(self.delay):
            return
        headers = dict(self.headers)
        if self.etag:
            headers["ETag"] = self.etag
        if self.last_modified:
            headers["Last-Modified"] = self.last_modified
        if self.cache_control:
            headers["Cache-Control"] = self.cache_control
        if self.not_modified(request):
            headers.pop("Content-Encoding", None)
            handler.reply(304, headers, b"")
            return
        headers["Content-Type"] = self.content_type
        handler.reply(self.status, headers, self.body)


@dataclass
class Redirect(Route):
    location: str
    status: int = 301

    def serve(self, handler: _Handler, request: Request) -> None:
        body = f'<html><body><a href="{self.location}">moved</a></body></html>'.encode()
        headers = {"Location": self.location, "Content-Type": HTML}
        handler.reply(self.status, headers, body)


@dataclass
class Hang(Route):
    """Accept the request and say nothing (no status line) for ``seconds``."""

    seconds: float = 60.0

    def serve(self, handler: _Handler, request: Request) -> None:
        if handler.pause(self.seconds):
            return
        handler.reply(200, {"Content-Type": RSS}, b"<rss version='2.0'><channel/></rss>")


@dataclass
class Trickle(Route):
    """Send the headers at once, then the body one byte every ``interval`` seconds."""

    body: bytes
    interval: float = 0.5
    content_type: str = RSS

    def serve(self, handler: _Handler, request: Request) -> None:
        handler.start_reply(200, {"Content-Type": self.content_type}, length=len(self.body))
        for index in range(len(self.body)):
            if handler.pause(self.interval):
                return
            handler.wfile.write(self.body[index : index + 1])
            handler.wfile.flush()


@dataclass
class Endless(Route):
    """A chunked body that never ends (until the client hangs up or the test ends)."""

    content_type: str = RSS
    head: bytes = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>'
    filler: bytes = b"<item><title>again</title><description>and again</description></item>\n"

    def serve(self, handler: _Handler, request: Request) -> None:
        handler.start_reply(200, {"Content-Type": self.content_type}, chunked=True)
        chunk = self.filler * (65536 // len(self.filler))
        handler.write_chunk(self.head)
        while not handler.stopping.is_set():
            handler.write_chunk(chunk)


@dataclass
class Custom(Route):
    """Anything else: ``fn(handler, request)`` answers."""

    fn: Callable[[_Handler, Request], None]

    def serve(self, handler: _Handler, request: Request) -> None:
        self.fn(handler, request)


def _strip_weak(tag: str) -> str:
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def auto_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:20] + '"'


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    # -- the helpers routes use ------------------------------------------------------------
    @property
    def stopping(self) -> threading.Event:
        return self.server.owner.stopping

    def pause(self, seconds: float) -> bool:
        """Sleep; True when the server is stopping (the route should give up)."""
        return self.stopping.wait(seconds)

    def start_reply(
        self,
        status: int,
        headers: Mapping[str, str],
        *,
        length: int | None = None,
        chunked: bool = False,
    ) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        elif length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def reply(self, status: int, headers: Mapping[str, str], body: bytes) -> None:
        no_body = status == 304 or 100 <= status < 200 or status == 204
        self.start_reply(status, headers, length=None if no_body else len(body))
        if body and not no_body and self.command != "HEAD":
            self.wfile.write(body)

    def write_chunk(self, data: bytes) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))

    # -- plumbing -------------------------------------------------------------------------
    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the requests are recorded, not printed."""

    def _dispatch(self) -> None:
        owner = self.server.owner
        request = Request(
            method=self.command,
            path=self.path,
            headers={k.lower(): v for k, v in self.headers.items()},
            at=time.monotonic(),
            server=owner.netloc,
            client=f"{self.client_address[0]}:{self.client_address[1]}",
        )
        owner.record(request)
        try:
            route = owner.lookup(self.path)
            if route is None:
                self.reply(404, {"Content-Type": HTML}, b"<html><body>Not found</body></html>")
            else:
                route.serve(self, request)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True
        finally:
            owner.done()

    do_GET = _dispatch
    do_HEAD = _dispatch
    do_POST = _dispatch
    do_PUT = _dispatch
    do_DELETE = _dispatch
    do_OPTIONS = _dispatch


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a hanging route must not hold up the test's teardown
    owner: FeedServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client hanging up mid-body is normal here (the app gave up, as it should)."""


class FeedServer:
    """Serve configured routes on ``host`` (a loopback address) and a free port.

    With ``tls`` (a server-side SSL context) it speaks HTTPS, for example with a
    self-signed certificate the app must refuse.
    """

    def __init__(self, host: str = "127.0.0.1", tls: ssl.SSLContext | None = None) -> None:
        self.host = host
        self.tls = tls
        self.stopping = threading.Event()
        self._routes: dict[str, Route] = {}
        self._requests: list[Request] = []
        self._lock = threading.Lock()
        self._in_flight = 0
        self.max_in_flight = 0
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> FeedServer:
        httpd = _Server((self.host, 0), _Handler)
        httpd.owner = self
        if self.tls is not None:
            httpd.socket = self.tls.wrap_socket(httpd.socket, server_side=True)
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "the server is not running"
        return int(self._httpd.server_address[1])

    @property
    def netloc(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{'https' if self.tls else 'http'}://{self.netloc}"

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    # -- routes ---------------------------------------------------------------------------
    def add(self, path: str, route: Route) -> str:
        """Serve ``route`` at ``path`` (a query string makes it match only that query)."""
        with self._lock:
            self._routes[path] = route
        return self.url(path)

    def remove(self, path: str) -> None:
        with self._lock:
            self._routes.pop(path, None)

    def lookup(self, path: str) -> Route | None:
        """Exact path and query first, then the path alone (as a static file server does)."""
        with self._lock:
            route = self._routes.get(path)
            if route is None and "?" in path:
                route = self._routes.get(urlsplit(path).path)
            return route

    def resource(
        self,
        path: str,
        body: bytes | str,
        content_type: str = RSS,
        *,
        etag: str | None = AUTO,
        last_modified: str | None = DEFAULT_LAST_MODIFIED,
        cache_control: str | None = None,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        status: int = 200,
    ) -> str:
        """A file with validators (a feed, an image, a PDF, a page); returns its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        return self.add(
            path,
            Resource(
                body=data,
                content_type=content_type,
                status=status,
                etag=auto_etag(data) if etag == AUTO else etag,
                last_modified=last_modified,
                cache_control=cache_control,
                headers=dict(headers or {}),
                delay=delay,
            ),
        )

    feed = resource

    def page(self, path: str, html: str, **kwargs: Any) -> str:
        return self.resource(path, html, HTML, **kwargs)

    def status(
        self,
        path: str,
        code: int,
        body: bytes | str = b"",
        headers: dict[str, str] | None = None,
        content_type: str = "text/plain; charset=UTF-8",
    ) -> str:
        """A bare status (410, 429, 503, 500…) with optional headers such as Retry-After."""
        return self.resource(
            path,
            body or f"{code}\n",
            content_type,
            status=code,
            etag=None,
            last_modified=None,
            headers=headers,
        )

    def redirect(self, path: str, to: str, status: int = 301) -> str:
        return self.add(path, Redirect(to, status))

    def hang(self, path: str, seconds: float = 60.0) -> str:
        return self.add(path, Hang(seconds))

    def trickle(self, path: str, body: bytes | str, interval: float = 0.5) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        return self.add(path, Trickle(data, interval))

    def endless(self, path: str, content_type: str = RSS) -> str:
        return self.add(path, Endless(content_type))

    def gzip_bomb(self, path: str, content_type: str = RSS, gigabytes: int = 2) -> str:
        """A ~2 MB gzip body that inflates to ``gigabytes`` GiB of zeros."""
        return self.resource(
            path,
            gzip_bomb(gigabytes),
            content_type,
            etag=None,
            last_modified=None,
            headers={"Content-Encoding": "gzip"},
        )

    # -- what was asked -------------------------------------------------------------------
    def record(self, request: Request) -> None:
        with self._lock:
            self._requests.append(request)
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)

    def done(self) -> None:
        with self._lock:
            self._in_flight -= 1

    @property
    def requests(self) -> list[Request]:
        with self._lock:
            return list(self._requests)

    def checkpoint(self) -> int:
        """A mark to pass as ``since`` to see only the requests made after this point."""
        with self._lock:
            return len(self._requests)

    def requests_to(
        self, path: str, since: int = 0, until: int | None = None, method: str | None = None
    ) -> list[Request]:
        """Requests for ``path`` between two checkpoints.

        With a query, that exact query; without, the path with any query.
        """
        found = []
        for request in self.requests[since:until]:
            matches = request.path == path if "?" in path else request.route == path
            if matches and (method is None or request.method == method):
                found.append(request)
        return found

    def methods(self) -> set[str]:
        return {r.method for r in self.requests}

    def reset_counters(self) -> None:
        with self._lock:
            self.max_in_flight = self._in_flight


# -- content helpers ----------------------------------------------------------------------

#: An 8x8 orange baseline JPEG (made once with Pillow; kept as bytes so the tests need none).
_JPEG_HEX = (
    "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a1816"
    "16183123251d283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c6567"
    "63ffdb0043011112121815182f1a1a2f63423842636363636363636363636363636363636363636363636363"
    "6363636363636363636363636363636363636363636363636363ffc000110800080008030122000211010311"
    "01ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303"
    "020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f024"
    "33627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a63646566"
    "6768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7"
    "b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffc400"
    "1f0100030101010101010101010000000000000102030405060708090a0bffc400b511000201020404030407"
    "05040400010277000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a"
    "162434e125f11718191a262728292a35363738393a434445464748494a535455565758595a63646566676869"
    "6a737475767778797a82838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9"
    "bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4e5e6e7e8e9eaf2f3f4f5f6f7f8f9faffda000c030100"
    "02110311003f00928a28af18f58fffd9"
)


def jpeg_bytes(tag: str = "") -> bytes:
    """A valid JPEG; a different ``tag`` (kept in a COM segment) gives different bytes."""
    base = bytes.fromhex(_JPEG_HEX)
    if not tag:
        return base
    comment = tag.encode("utf-8")
    segment = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    return base[:2] + segment + base[2:]


def png_bytes(width: int = 4, height: int = 4, rgb: tuple[int, int, int] = (30, 120, 200)) -> bytes:
    """A valid solid-colour PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def pdf_bytes(text: str = "Our class newsletter") -> bytes:
    """A small valid one-page PDF (correct cross-reference offsets)."""
    stream = f"BT /F1 18 Tf 40 100 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@lru_cache(maxsize=4)
def gzip_bomb(gigabytes: int = 2) -> bytes:
    """A valid gzip stream of ``gigabytes`` GiB of zeros, built without compressing them all.

    After a full flush the deflate state restarts, so every further MiB of zeros
    compresses to the very same bytes: we compress three and repeat the middle one.
    """
    mebibyte = bytes(1 << 20)
    count = gigabytes * 1024
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = compressor.compress(mebibyte) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeat = compressor.compress(mebibyte) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(mebibyte) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert repeat == again, "zlib did not reach a steady state"
    end = compressor.flush()[:-8]  # the empty final block; the trailer is computed below
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(mebibyte, crc)
    trailer = struct.pack("<II", crc & 0xFFFFFFFF, (count << 20) & 0xFFFFFFFF)
    return first + repeat * (count - 1) + end + trailer


def self_signed_tls(folder: Path, host: str = "127.0.0.1") -> ssl.SSLContext | None:
    """A server context with a fresh self-signed certificate (None without ``openssl``)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={host}",
         "-addext", f"subjectAltName=IP:{host}"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def closed_port_url(host: str = "127.0.0.1", path: str = "/feed.xml") -> str:
    """An address where nothing listens (connection refused): a dead server."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        port = probe.getsockname()[1]
    return f"http://{host}:{port}{path}"


def http_date(seconds_from_now: float = 0.0) -> str:
    return formatdate(time.time() + seconds_from_now, usegmt=True)


__all__ = [
    "ATOM",
    "DEFAULT_LAST_MODIFIED",
    "HTML",
    "RSS",
    "Custom",
    "Endless",
    "FeedServer",
    "Hang",
    "Redirect",
    "Request",
    "Resource",
    "Route",
    "Trickle",
    "auto_etag",
    "closed_port_url",
    "gzip_bomb",
    "http_date",
    "jpeg_bytes",
    "pdf_bytes",
    "png_bytes",
    "self_signed_tls",
]
