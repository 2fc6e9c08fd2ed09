"""One HTTP client for the whole sync, set up for school networks.

- TLS is verified against the operating system's trust store (``truststore``), so a
  school's TLS-inspecting proxy, whose root certificate IT installed in Windows, works.
- Proxies come from the environment and, on Windows and macOS, from the system
  settings (httpx reads them through :func:`urllib.request.getproxies`).
- At most ``per_host`` requests run at once against one host, and ``total`` overall,
  so we are polite to small school servers and one slow host cannot hog the sync.
"""

from __future__ import annotations

import asyncio
import ssl
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
import truststore

from kaizen_exchange import USER_AGENT


@dataclass(frozen=True)
class HttpSettings:
    """Limits of one sync's HTTP traffic (defaults suit a school's shared connection)."""

    per_host: int = 2
    total: int = 48
    connect_timeout: float = 10.0
    read_timeout: float = 15.0
    request_deadline: float = 30.0  # a whole request, body included, must finish by then
    max_redirects: int = 5


def ssl_context() -> ssl.SSLContext:
    """The OS trust store; falls back to Python's defaults where truststore cannot work."""
    try:
        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except Exception:  # pragma: no cover - exotic platforms only
        return ssl.create_default_context()


class HostClients:
    """One small connection pool per host, sharing one TLS context.

    A single pool shared by fifty school servers keeps closing one host's idle
    connection to open another's (and httpcore's pool bookkeeping grows with the
    square of its size), so no connection was ever reused. Per-host pools of
    ``per_host`` connections keep every connection alive for its next request.
    """

    def __init__(self, settings: HttpSettings) -> None:
        self._settings = settings
        self._ssl = ssl_context()
        self._clients: dict[tuple[str, str, int | None], httpx.AsyncClient] = {}

    def _client(self, url: str) -> httpx.AsyncClient:
        parts = urlsplit(url)
        key = (parts.scheme, (parts.hostname or "").lower(), parts.port)
        client = self._clients.get(key)
        if client is None:
            settings = self._settings
            client = httpx.AsyncClient(
                verify=self._ssl,
                trust_env=True,
                follow_redirects=False,  # followed by hand, to notice permanent moves and loops
                timeout=httpx.Timeout(
                    settings.read_timeout,
                    connect=settings.connect_timeout,
                    pool=settings.request_deadline,
                ),
                limits=httpx.Limits(
                    max_connections=settings.per_host, max_keepalive_connections=settings.per_host
                ),
                headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            )
            self._clients[key] = client
        return client

    def stream(
        self, method: str, url: str, *, headers: dict[str, str]
    ) -> AbstractAsyncContextManager[httpx.Response]:
        return self._client(url).stream(method, url, headers=headers)

    async def aclose(self) -> None:
        # a task still winding down may open a client while we wait on another: take turns
        while self._clients:
            _, client = self._clients.popitem()
            await client.aclose()

    async def __aenter__(self) -> HostClients:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.aclose()


def make_client(settings: HttpSettings) -> HostClients:
    return HostClients(settings)


class HostLimiter:
    """Caps concurrent requests per host and overall."""

    def __init__(self, per_host: int, total: int) -> None:
        self._per_host = per_host
        self._hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(self._per_host)
        )
        self._total = asyncio.Semaphore(total)

    @asynccontextmanager
    async def slot(self, url: str) -> AsyncIterator[None]:
        host = (urlsplit(url).hostname or "").lower()
        async with self._hosts[host], self._total:
            yield


__all__ = ["HostClients", "HostLimiter", "HttpSettings", "make_client", "ssl_context"]
