"""Fetching one URL safely: conditional GET, hand-followed redirects, bounded bytes and time.

Every way a server can misbehave (a loop of redirects, a body that never ends, a gzip
bomb, a trickle of bytes, a TLS error) ends here as a :class:`FetchError` with a
sentence a teacher can act on, in bounded time and memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from kaizen_exchange.disk_full import is_disk_full
from kaizen_exchange.feeds.http import HostClients, HostLimiter, HttpSettings

#: What we ask a feed URL for: feeds first, anything else last.
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)
PERMANENT = {301, 308}
DRAIN_LIMIT = 64 * 1024  # error and redirect bodies read to keep their connection
TEMPORARY = {302, 303, 307}
#: Real addresses are far shorter; browsers and servers refuse longer ones anyway.
MAX_URL = 8192


class FetchError(Exception):
    """A request that did not give us a usable answer; ``str()`` is the plain message."""

    def __init__(
        self,
        message: str,
        http_status: int | None = None,
        retry_after: datetime | None = None,
        *,
        permanent: bool = False,
    ) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.retry_after = retry_after
        #: asking again can never work (the address itself is broken)
        self.permanent = permanent


def check_url(url: str) -> None:
    """Refuse an address that can never be fetched, with a sentence saying why.

    Addresses come from partners' feeds and from stores written before import
    checked them; a broken one must fail its own feed or picture, never the sync.
    """
    if len(url) > MAX_URL:
        raise FetchError(
            f"The address is {len(url):,} characters long, far longer than any real web "
            "address, so it was not fetched.",
            permanent=True,
        )
    if any(ord(c) < 33 or ord(c) == 127 for c in url):
        raise FetchError(
            "The address contains a space, tab or other invisible character; "
            "correct it in the network file.",
            permanent=True,
        )
    try:
        parts = urlsplit(url)
        port = parts.port
        httpx.URL(url)
    except (ValueError, httpx.InvalidURL) as exc:
        reason = (
            "its port is not a number from 1 to 65535" if "ort" in str(exc) else "it is malformed"
        )
        raise FetchError(
            f"The address is not a valid web address ({reason}).", permanent=True
        ) from exc
    if parts.scheme not in ("http", "https") or not parts.hostname or port == 0:
        raise FetchError(
            "The address is not a valid web address (it must start with https:// or "
            "http:// and name a server).",
            permanent=True,
        )


@dataclass
class Fetched:
    """A response we can use: 200 with its (decoded) body, or 304 with none."""

    url: str  # the URL that finally answered
    status: int
    body: bytes
    headers: httpx.Headers
    moved_to: str | None = None  # set when every redirect on the way was permanent
    gone: bool = False  # 410: the feed was removed for good


class CappedDecoder:
    """gzip/deflate decoding with a cap on the *decoded* size: bombs stop at the cap."""

    def __init__(self, encoding: str, cap: int) -> None:
        self.cap = cap
        self.size = 0
        encoding = encoding.strip().lower()
        if encoding in ("gzip", "x-gzip"):
            self._z: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj()
        elif encoding in ("", "identity"):
            self._z = None
        else:
            raise FetchError(
                f"The server sent the file in an encoding we cannot read ({encoding})."
            )

    def feed(self, chunk: bytes) -> bytes:
        if self._z is None:
            out = chunk
        else:
            try:
                out = self._z.decompress(chunk, self.cap - self.size + 1)
            except zlib.error as exc:
                raise FetchError("The server sent a damaged compressed file.") from exc
        self.size += len(out)
        if self.size > self.cap:
            raise FetchError(
                f"The file is larger than the {self.cap // 1_000_000} MB limit, so it was not kept."
            )
        return out


def retry_after(value: str | None, now: datetime) -> datetime | None:
    """Parse a Retry-After header (seconds or an HTTP date) into an instant."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return now + timedelta(seconds=min(int(value), 7 * 86400))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


async def _read_body(
    response: httpx.Response, cap: int, sink: Callable[[bytes], None] | None = None
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and "content-encoding" not in response.headers and int(declared) > cap:
        raise FetchError(
            f"The file is larger than the {cap // 1_000_000} MB limit ({int(declared):,} bytes)."
        )
    decoder = CappedDecoder(response.headers.get("content-encoding", ""), cap)
    parts: list[bytes] = []
    async for chunk in response.aiter_raw():
        data = decoder.feed(chunk)
        if sink is None:
            parts.append(data)
        else:
            sink(data)
    return b"".join(parts)


async def _drain(response: httpx.Response) -> None:
    """Read a small error or redirect body to its end, so that its connection can carry
    the next request (closing a response early closes the connection); a big or
    broken one is left, and its connection closed."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > DRAIN_LIMIT:
        return
    read = 0
    with contextlib.suppress(httpx.HTTPError):
        async for chunk in response.aiter_raw():
            read += len(chunk)
            if read > DRAIN_LIMIT:
                return


def describe_transport_error(exc: Exception, url: str) -> str:
    host = urlsplit(url).hostname or url
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return f"{host} did not answer in time; it may be down or very slow. We will try again."
    if isinstance(exc, httpx.ConnectError):
        text = str(exc)
        if "CERTIFICATE" in text.upper() or "SSL" in text.upper():
            return (
                f"The secure connection to {host} could not be checked (certificate problem). "
                "If your school inspects web traffic, ask IT to install its certificate in Windows."
            )
        return (
            f"Could not connect to {host}. Check the internet connection or the school "
            "proxy, or the blog may be down."
        )
    if isinstance(exc, httpx.ProxyError):
        return f"The proxy refused the request for {host}; ask IT whether the site is allowed."
    return f"The request to {host} failed ({type(exc).__name__})."


async def fetch(
    client: HostClients,
    limiter: HostLimiter,
    settings: HttpSettings,
    url: str,
    *,
    cap: int,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: str = "*/*",
    sink: Callable[[bytes], None] | None = None,
    deadline: float | None = None,
) -> Fetched:
    """GET ``url`` (conditionally, when validators are given), following redirects by hand.

    With ``sink`` the body is streamed to it (large media) instead of returned.
    """
    headers = {"Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        return await _follow(
            client,
            limiter,
            settings,
            url,
            headers,
            cap,
            sink,
            deadline or settings.request_deadline,
        )
    except FetchError:
        raise
    except (httpx.HTTPError, TimeoutError, OSError) as exc:
        if is_disk_full(exc):  # the sink could not write: not this address's fault
            raise
        raise FetchError(describe_transport_error(exc, url)) from exc


async def _follow(
    client: HostClients,
    limiter: HostLimiter,
    settings: HttpSettings,
    url: str,
    headers: dict[str, str],
    cap: int,
    sink: Callable[[bytes], None] | None,
    deadline: float,
) -> Fetched:
    """Each hop's deadline starts once its turn comes: waiting behind the per-host limit
    (a school hosting many feeds) is not the server being slow."""
    seen = [url]
    all_permanent = True
    current = url
    while True:
        check_url(current)
        async with (
            limiter.slot(current),
            asyncio.timeout(deadline),
            client.stream("GET", current, headers=headers) as resp,
        ):
            status = resp.status_code
            if status in PERMANENT | TEMPORARY and "location" in resp.headers:
                target = urljoin(current, resp.headers["location"])
                all_permanent &= status in PERMANENT
                await _drain(resp)
            else:
                return await _answer(resp, current, seen, all_permanent, cap, sink)
        if target in seen:
            raise FetchError("The address redirects in a loop, so it can never be read.", status)
        if len(seen) > settings.max_redirects:
            raise FetchError("The address redirects too many times to follow.", status)
        seen.append(target)
        current = target


async def _answer(
    resp: httpx.Response,
    current: str,
    seen: list[str],
    all_permanent: bool,
    cap: int,
    sink: Callable[[bytes], None] | None,
) -> Fetched:
    status = resp.status_code
    moved = current if len(seen) > 1 and all_permanent else None
    if status >= 300:  # 304s too: h11 only reuses a connection once it saw the end
        await _drain(resp)
    if status == 304:
        return Fetched(current, status, b"", resp.headers, moved)
    if status == 410:
        return Fetched(current, status, b"", resp.headers, moved, gone=True)
    if status in (429, 503):
        when = retry_after(resp.headers.get("retry-after"), datetime.now(UTC))
        hint = f" until {when:%d %b %H:%M} UTC" if when else ""
        raise FetchError(
            f"The server is busy and asked us to wait{hint} (HTTP {status}).", status, when
        )
    if status == 404:
        raise FetchError("The address was not found (HTTP 404); check it on the blog.", status)
    if status in (401, 403):
        raise FetchError(
            f"The server refused access (HTTP {status}); the blog may be private or "
            "blocked by the school's web filter.",
            status,
        )
    if status >= 400:
        raise FetchError(f"The server answered with an error (HTTP {status}).", status)
    if status >= 300:
        raise FetchError(f"The server sent an unusable redirect (HTTP {status}).", status)
    body = await _read_body(resp, cap, sink)
    return Fetched(current, status, body, resp.headers, moved)


__all__ = [
    "CappedDecoder",
    "FetchError",
    "Fetched",
    "check_url",
    "describe_transport_error",
    "fetch",
    "retry_after",
]
