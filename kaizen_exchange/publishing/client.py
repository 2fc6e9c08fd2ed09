"""A small client for WordPress's REST API, authenticated with an application password.

It finds the API the way WordPress documents it (``/wp-json/``, else the
``?rest_route=`` form that works with any permalink setting, e.g. on hosts that do not
rewrite addresses) and turns every failure into a :class:`SiteError` with a code and a
sentence. The HTTP set-up is the sync's (OS trust store, system proxy; see
:mod:`kaizen_exchange.feeds.http`). The password goes only into the Basic
``Authorization`` header: never into an address, a message or a log line.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

import httpx

from kaizen_exchange import USER_AGENT
from kaizen_exchange.feeds.http import ssl_context
from kaizen_exchange.publishing.account import Account
from kaizen_exchange.publishing.errors import (
    APP_PASSWORDS_OFF,
    GONE,
    NO_REST_API,
    NOT_ALLOWED,
    WRONG_PASSWORD,
    ServerTrouble,
    SiteError,
    SiteUnreachable,
)
from kaizen_exchange.urls import shown_url

log = logging.getLogger(__name__)

Params = Mapping[str, str | int | list[str]]
WRONG_LOGIN = frozenset({"incorrect_password", "invalid_username", "invalid_email"})
APP_PASSWORDS_REFUSED = frozenset(
    {"application_passwords_disabled", "application_passwords_disabled_for_user"}
)
NOT_LOGGED_IN = frozenset({"rest_not_logged_in", "rest_forbidden", "rest_cannot_view"})
BLOCKED = frozenset({"rest_login_required", "rest_cannot_access", "rest_disabled", "rest_no_route"})


def _timeout() -> httpx.Timeout:
    """Generous for uploads (a 100 MB video over a school's line), quick to notice no server."""
    return httpx.Timeout(60.0, connect=10.0, write=300.0)


class WordPress:
    """One site's REST API as one user; ``close()`` (or ``with``) when done."""

    def __init__(self, account: Account, password: str, *, timeout: httpx.Timeout | None = None):
        self.account = account
        self._auth = httpx.BasicAuth(account.user, password)
        self._http = httpx.Client(
            verify=ssl_context(),
            trust_env=True,
            follow_redirects=True,  # httpx drops the password on a redirect to another site
            timeout=timeout or _timeout(),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        )
        self._root: str | None = None  # "https://site/wp-json/" or "" for ?rest_route=
        self.index: dict[str, Any] = {}

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> WordPress:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- finding the API -------------------------------------------------------------------

    def discover(self) -> dict[str, Any]:
        """The API's index (its routes and authentication methods), found once."""
        if self._root is not None:
            return self.index
        site = self.account.site
        blocked: SiteError | None = None
        fields = {"_fields": "namespaces,authentication"}  # the whole index is ~0.5 MB
        for root, url, params in (
            (f"{site}/wp-json/", f"{site}/wp-json/", fields),
            ("", f"{site}/", {"rest_route": "/", **fields}),
        ):
            response = self._send("GET", url, params=params, auth=False)
            body = _json(response)
            if response.status_code == 200 and isinstance(body, dict):
                if "wp/v2" in body.get("namespaces", []):
                    self._root, self.index = root, body
                    return body
            elif isinstance(body, dict) and body.get("code") in BLOCKED | NOT_LOGGED_IN:
                blocked = SiteError(
                    f"The blog at {shown_url(site)} blocks its REST API (a security plugin, "
                    "perhaps), which Kaizen Exchange needs to publish. Ask whoever runs the "
                    "blog to allow the REST API for logged-in users.",
                    code=NO_REST_API,
                )
            elif response.status_code >= 500:
                raise _server_trouble(response, site)
        raise blocked or SiteError(
            f"No WordPress REST API answers at {shown_url(site)}. Check the address (the "
            "blog's home page, e.g. https://blog.ourschool.sch.uk) and that the blog is "
            "WordPress 5.6 or later.",
            code=NO_REST_API,
        )

    def app_passwords_offered(self) -> bool:
        """Whether the site's REST index lists application passwords (WordPress 5.6+ lists
        them only where they work: over https, or on a site marked local)."""
        methods = self.discover().get("authentication")
        return isinstance(methods, dict | list) and "application-passwords" in methods

    def _address(self, route: str, params: Params) -> tuple[str, dict[str, Any]]:
        self.discover()
        query: dict[str, Any] = dict(params)
        if self._root:
            return self._root + route.lstrip("/"), query
        query["rest_route"] = "/" + route.lstrip("/")
        return f"{self.account.site}/", query

    # --- requests --------------------------------------------------------------------------

    def get(self, route: str, params: Params | None = None) -> Any:
        return self.call("GET", route, params=params)

    def post(self, route: str, body: Mapping[str, Any], params: Params | None = None) -> Any:
        return self.call("POST", route, params=params, json=dict(body))

    def delete(self, route: str, params: Params | None = None) -> Any:
        return self.call("DELETE", route, params=params)

    def upload(self, route: str, path: Path, *, name: str, mime: str, params: Params) -> Any:
        """Sends a file as the request body (streamed, not read into memory)."""
        headers = {"Content-Type": mime, "Content-Disposition": f'attachment; filename="{name}"'}
        with path.open("rb") as body:
            return self.call("POST", route, params=params, content=body, headers=headers)

    def call(
        self,
        method: str,
        route: str,
        *,
        params: Params | None = None,
        json: dict[str, Any] | None = None,
        content: BinaryIO | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        url, query = self._address(route, params or {})
        response = self._send(
            method, url, params=query, json=json, content=content, headers=headers
        )
        body = _json(response)
        if response.is_success and body is not None:
            return body
        raise self._refusal(response, body)

    def _send(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any],
        auth: bool = True,
        **kwargs: Any,
    ) -> httpx.Response:
        try:
            return self._http.request(
                method, url, params=params, auth=self._auth if auth else None, **kwargs
            )
        except httpx.TimeoutException as exc:
            raise SiteUnreachable(
                f"The blog at {shown_url(self.account.site)} did not answer in time. "
                "It will be tried again later."
            ) from _plain(exc)
        except httpx.TransportError as exc:
            raise SiteUnreachable(
                f"The blog at {shown_url(self.account.site)} cannot be reached (no network, "
                "or the site is down). It will be tried again later."
            ) from _plain(exc)

    def _refusal(self, response: httpx.Response, body: Any) -> SiteError:
        code = body.get("code") if isinstance(body, dict) else None
        site = shown_url(self.account.site)
        if response.status_code >= 500 or (response.is_success and body is None):
            return _server_trouble(response, self.account.site)
        # WordPress answers a wrong application password as if none had been sent (401
        # rest_not_logged_in), exactly as when it ignores them; its index tells the two apart.
        not_logged_in = response.status_code == 401 and code in NOT_LOGGED_IN
        if code in WRONG_LOGIN or (not_logged_in and self.app_passwords_offered()):
            return SiteError(
                f"The blog at {site} did not accept the user name or the application password. "
                "Check the user name, make a new application password (Users → Profile → "
                "Application Passwords) and run 'account set' again.",
                code=WRONG_PASSWORD,
            )
        if code in APP_PASSWORDS_REFUSED or not_logged_in:
            return app_passwords_off(self.account.site)
        if response.status_code == 404 or code in ("rest_post_invalid_id", "rest_no_route"):
            return SiteError(
                f"The blog at {site} no longer has what was asked for (it was deleted there).",
                code=GONE,
            )
        if response.status_code in (401, 403):
            message = body.get("message") if isinstance(body, dict) else None
            why = f' WordPress said: "{_clean(message)}"' if isinstance(message, str) else ""
            return SiteError(
                f"The blog at {site} does not allow this account to do that.{why}",
                code=NOT_ALLOWED,
            )
        message = body.get("message") if isinstance(body, dict) else None
        said = f': "{_clean(message)}"' if isinstance(message, str) else ""
        return SiteError(
            f"The blog at {site} refused the request (HTTP {response.status_code}){said}.",
            wp_code=code if isinstance(code, str) else None,
            data=body.get("data") if isinstance(body, dict) else None,
        )


def app_passwords_off(site: str) -> SiteError:
    return SiteError(
        f"The blog at {shown_url(site)} has application passwords switched off (by a security "
        "plugin, perhaps) or not available over this connection (WordPress offers them only "
        "over https). Ask whoever runs the blog to allow them.",
        code=APP_PASSWORDS_OFF,
    )


def _json(response: httpx.Response) -> Any:
    if "json" not in response.headers.get("content-type", ""):
        return None
    try:
        return response.json()
    except ValueError:
        return None


def _server_trouble(response: httpx.Response, site: str) -> ServerTrouble:
    return ServerTrouble(
        f"The blog at {shown_url(site)} is in trouble (HTTP {response.status_code}). "
        "It will be tried again later."
    )


def _clean(text: str) -> str:
    """WordPress's message as text: tags dropped, one line, short."""
    import re

    plain = " ".join(re.sub(r"<[^>]+>", "", text).split())
    return plain[:200]


def _plain(exc: Exception) -> SiteError:
    """The cause kept for the log by its type only (httpx's text names the address only)."""
    return SiteError(type(exc).__name__)


__all__ = ["WordPress", "app_passwords_off"]
