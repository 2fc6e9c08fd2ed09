"""The bundled demo network, served from this computer so the real sync code can read it.

``resources/demo/site/`` holds five fictional school blogs shaped like WordPress
sites (feeds, pages, pictures, PDFs); ``resources/demo/network.toml`` is their
network file. Every address in them starts with the placeholder ``http://DEMO_BASE``.
:func:`serve_demo` serves the folder over HTTP on 127.0.0.1, swapping the
placeholder for its own address, so the demo goes through exactly the same fetch,
parse, sanitize and media code as a real partner's blog, with no network at all.

The server tries the same port every time (:data:`PREFERRED_PORT`): the feed and
media addresses stored by a demo sync then stay valid when the demo is synced again
into the same data folder. If that port is taken it uses any free one.

It behaves like a well-configured blog host where the sync depends on it: ETag and
Last-Modified with 304 answers to conditional GETs, the right Content-Type and
charset (one demo feed is ISO-8859-1), ``/feed`` redirected to ``/feed/``, and
WordPress's ``?paged=N`` feed history, with 404 past the last page.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, cast
from urllib.parse import parse_qs, unquote, urlsplit

from kaizen_exchange.errors import KaizenError
from kaizen_exchange.resources import resource_path

log = logging.getLogger(__name__)

#: Written at the start of every address in the bundled demo files.
PLACEHOLDER = "http://DEMO_BASE"
#: Tried first so that re-syncing the same data folder keeps the same URLs.
PREFERRED_PORT = 47800
HOST = "127.0.0.1"

_TYPES = {
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".xml": "application/xml",
    ".html": "text/html",
    ".css": "text/css",
    ".txt": "text/plain",
    ".json": "application/json",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
}
_TEXT = frozenset({".rss", ".atom", ".xml", ".html", ".css", ".txt", ".json"})
_INDEXES = ("index.html", "index.rss", "index.atom", "index.xml")
_CHARSET = re.compile(rb"""(?:encoding|charset)\s*=\s*["']?([A-Za-z0-9._-]+)""")


@dataclass(frozen=True)
class DemoFile:
    """One response body, ready to send, with its HTTP validators."""

    body: bytes
    content_type: str
    etag: str
    last_modified: int  # whole seconds since the epoch, as HTTP dates carry no more


class DemoSite:
    """Maps request paths onto the demo folder, the way the blog hosts would answer them."""

    def __init__(self, root: Path, base_url: str) -> None:
        self.root = root.resolve()
        self.base_url = base_url.rstrip("/")
        self._cache: dict[Path, tuple[float, DemoFile]] = {}
        self._lock = threading.Lock()

    def resolve(self, raw_path: str) -> Path | None:
        """The file or folder a URL path names, or None when it is outside the site."""
        path = unquote(raw_path)
        if "\x00" in path or "\\" in path:
            return None
        parts = [p for p in path.split("/") if p]
        if any(p in (".", "..") for p in parts):
            return None
        target = self.root.joinpath(*parts).resolve() if parts else self.root
        if target != self.root and self.root not in target.parents:
            return None
        return target if target.exists() else None

    def index_of(self, folder: Path) -> Path | None:
        return next((folder / n for n in _INDEXES if (folder / n).is_file()), None)

    def page(self, file: Path, paged: int) -> Path | None:
        """WordPress's ``?paged=N``: page N of a feed is stored as ``index.paged-N.rss``."""
        if paged <= 1:
            return file
        candidate = file.with_name(f"{file.stem}.paged-{paged}{file.suffix}")
        return candidate if candidate.is_file() else None

    def load(self, file: Path) -> DemoFile:
        """The file as served: placeholder replaced, validators computed (cached by mtime)."""
        mtime = file.stat().st_mtime
        with self._lock:
            cached = self._cache.get(file)
            if cached and cached[0] == mtime:
                return cached[1]
        data = file.read_bytes()
        suffix = file.suffix.lower()
        content_type = _TYPES.get(suffix, "application/octet-stream")
        if suffix in _TEXT:
            # The placeholder is ASCII, so replacing bytes is right for UTF-8 and ISO-8859-1.
            data = data.replace(PLACEHOLDER.encode(), self.base_url.encode())
            found = _CHARSET.search(data[:1024])
            charset = found.group(1).decode("ascii") if found else "UTF-8"
            content_type += f"; charset={charset}"
        served = DemoFile(
            body=data,
            content_type=content_type,
            etag='"' + hashlib.sha256(data).hexdigest()[:20] + '"',
            last_modified=int(mtime),
        )
        with self._lock:
            self._cache[file] = (mtime, served)
        return served


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real blog hosts do
    server_version = "KaizenDemo/1.0"
    sys_version = ""
    timeout = 30  # an idle keep-alive connection is dropped after this many seconds
    disable_nagle_algorithm = True  # headers and body go out in two writes: don't wait 40 ms

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        site = cast("_Server", self.server).site
        if site is None:  # not yet set up by DemoServer.start
            self._plain(HTTPStatus.SERVICE_UNAVAILABLE, "Starting.", send_body)
            return
        url = urlsplit(self.path)
        target = site.resolve(url.path)
        if target is not None and target.is_dir():
            if not url.path.endswith("/"):
                query = f"?{url.query}" if url.query else ""
                location = f"{site.base_url}{url.path}/{query}"
                self._plain(HTTPStatus.MOVED_PERMANENTLY, "Moved.", send_body, location)
                return
            target = site.index_of(target)
        if target is not None:
            target = site.page(target, _paged(url.query))
        if target is None or not target.is_file():
            self._plain(HTTPStatus.NOT_FOUND, "Not found.", send_body)
            return
        served = site.load(target)
        if _not_modified(
            self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since"), served
        ):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self._validators(served)
            self.end_headers()
            return
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", served.content_type)
        self.send_header("Content-Length", str(len(served.body)))
        self._validators(served)
        self.end_headers()
        if send_body:
            self.wfile.write(served.body)

    def _validators(self, served: DemoFile) -> None:
        self.send_header("ETag", served.etag)
        self.send_header("Last-Modified", formatdate(served.last_modified, usegmt=True))

    def _plain(
        self, status: HTTPStatus, message: str, send_body: bool, location: str | None = None
    ) -> None:
        body = f"<!DOCTYPE html><title>{status.phrase}</title><p>{message}</p>\n".encode()
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/html; charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("demo server: " + format, *args)


def _paged(query: str) -> int:
    value = parse_qs(query).get("paged", ["1"])[0]
    return int(value) if value.isdigit() else 1


def _not_modified(
    if_none_match: str | None, if_modified_since: str | None, served: DemoFile
) -> bool:
    """RFC 9110: If-None-Match decides when present; otherwise If-Modified-Since."""
    if if_none_match is not None:
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return "*" in tags or served.etag in tags
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            return False
        return served.last_modified <= since.timestamp()
    return False


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # On Windows SO_REUSEADDR lets a second server take a port that is in use;
    # there, ask for the port exclusively instead.
    allow_reuse_address = os.name != "nt"

    def __init__(self, address: tuple[str, int]) -> None:
        self.site: DemoSite | None = None
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        exclusive = getattr(socket, "SO_EXCLUSIVEADDRUSE", None)
        if exclusive is not None:
            self.socket.setsockopt(socket.SOL_SOCKET, exclusive, 1)
        super().server_bind()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client hanging up mid-request is normal (a cancelled sync): log, don't print."""
        log.debug("demo server: connection from %s ended abruptly", client_address, exc_info=True)

    def close_connections(self) -> None:
        """End keep-alive connections so their threads finish now, not at their timeout."""
        with self._open_lock:
            open_now = list(self._open)
        for conn in open_now:
            with suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


class DemoServer:
    """The demo blogs on ``http://127.0.0.1:PORT``, in a background thread.

    Use :func:`serve_demo` for a sync; the desktop app keeps one of these running
    while the demo is open (``start()`` … ``stop()``), so "open in browser" works.
    """

    def __init__(self, port: int | None = PREFERRED_PORT, root: Path | None = None) -> None:
        self._port = port
        self._root = root or resource_path("demo/site")
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise KaizenError("The demo server is not running.")
        return f"http://{HOST}:{self._server.server_address[1]}"

    def start(self) -> str:
        """Start serving and return the base URL (no trailing slash)."""
        if self._server is not None:
            return self.base_url
        if not self._root.is_dir():
            raise KaizenError(
                f"The demo network's files are missing ({self._root}). Reinstall Kaizen Exchange."
            )
        server = _bind(self._port)
        self._server = server
        server.site = DemoSite(self._root, self.base_url)
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"kaizen-demo-server-{server.server_address[1]}",
            daemon=True,
        )
        self._thread.start()
        log.info("demo network served at %s", self.base_url)
        return self.base_url

    def stop(self) -> None:
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is None:
            return
        server.shutdown()
        server.close_connections()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> str:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _bind(port: int | None) -> _Server:
    """Bind the preferred port if it is free, else any free port on the loopback."""
    if port:
        try:
            return _Server((HOST, port))
        except OSError as exc:  # in use, or reserved (Windows excludes port ranges)
            log.info("demo port %s unavailable (%s); using a free port", port, exc)
    try:
        return _Server((HOST, 0))
    except OSError as exc:
        raise KaizenError(
            f"Cannot start the demo server on {HOST}: {exc.strerror or exc}. "
            "Check that this computer's loopback network is not blocked."
        ) from exc


@contextmanager
def serve_demo(port: int | None = PREFERRED_PORT) -> Iterator[str]:
    """Serve the demo blogs while the block runs; yields the base URL, e.g. for
    :func:`demo_network_text`. Pass ``port=None`` (or 0) for any free port."""
    with DemoServer(port) as base_url:
        yield base_url


def demo_network_text(base_url: str) -> str:
    """The demo network file with its addresses pointing at ``base_url``."""
    try:
        text = resource_path("demo/network.toml").read_text(encoding="utf-8")
    except OSError as exc:
        raise KaizenError(
            f"The demo network file is missing ({exc.filename}). Reinstall Kaizen Exchange."
        ) from exc
    return text.replace(PLACEHOLDER, base_url.rstrip("/"))


__all__ = [
    "PLACEHOLDER",
    "PREFERRED_PORT",
    "DemoServer",
    "DemoSite",
    "demo_network_text",
    "serve_demo",
]
