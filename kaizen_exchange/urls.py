"""Web addresses where they enter the app: checked and normalised once, by one function.

A feed or blog address reaches the app from a network file, an OPML file, the *Add a
partner blog* dialog and feed discovery. Whatever is stored must later be fetchable
without surprises, so every entry point calls :func:`web_address`, which refuses
what a sync could not use (a tab inside the address, a port of ``99999``, a broken
IPv6 host) with a sentence a teacher can act on, instead of storing it and failing
at every sync. Addresses that carry a password or an access key are refused too:
the network file and OPML export are sent to other schools, and a secret written
into an address would travel with them (see :func:`secret_in`).

The module is Qt-free and has no I/O: the sync may call it on addresses found in
feed content (``web_address(url)`` with ``typed=False``, catching :class:`BadInput`).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from kaizen_exchange.errors import BadInput

#: The longest address accepted. Browsers and servers commonly stop near 2,000-8,000
#: characters; a feed address is short, so anything longer is a mistake or an attack.
MAX_URL_LENGTH = 2048

#: Query parameters that carry a secret (lower case). WordPress feeds never need them;
#: private feeds of other services do, and their keys must not be shared in exports.
SECRET_PARAMETERS = frozenset(
    {
        "key",
        "apikey",
        "api_key",
        "token",
        "access_token",
        "auth",
        "auth_token",
        "authorization",
        "sig",
        "signature",
        "password",
        "passwd",
        "pwd",
        "secret",
        "x-amz-signature",
        "x-goog-signature",
    }
)

_USERINFO = re.compile(r"//[^/?#@]*@")
_SECRET_PAIR = re.compile(
    r"(?<=[?&;])(" + "|".join(re.escape(p) for p in sorted(SECRET_PARAMETERS)) + r")=[^&#]*",
    re.IGNORECASE,
)
_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(?!\d)", re.IGNORECASE)  # mailto:, javascript:
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.IGNORECASE)
_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")

PUBLIC_FEED_HINT = (
    "Ask the partner school to publish a public feed (WordPress's /feed/ needs no "
    "password) and use that address."
)


def _unsafe_character(text: str) -> str | None:
    """A plain name for the first space, control or invisible character in ``text``."""
    if text.isprintable() and " " not in text:  # the usual case, checked in C
        return None
    for char in text:
        if char == "\t":
            return "a tab"
        if char in "\r\n":
            return "a line break"
        if char.isspace():
            return "a space"
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return f"an invisible character (U+{ord(char):04X})"
    return None


def _host(hostname: str, shown: object) -> str:
    """The host in lower-case ASCII (IDNA for non-Latin names), or BadInput."""
    if hostname.startswith("[") or ":" in hostname:
        try:
            return f"[{ipaddress.IPv6Address(hostname.strip('[]')).compressed}]"
        except ValueError:
            raise BadInput(f"{shown} has a broken IPv6 address in it.") from None
    try:
        ascii_host = (
            hostname if hostname.isascii() else hostname.encode("idna").decode("ascii")
        ).lower()
    except UnicodeError:
        raise BadInput(f"{shown} has a server name that is not valid.") from None
    labels = ascii_host.rstrip(".").split(".")
    if not all(_LABEL.match(label) for label in labels) or len(ascii_host) > 253:
        raise BadInput(f"{shown} has a server name that is not valid.")
    return ascii_host


def _scheme_of(url: str) -> str:
    """The scheme of ``url`` in lower case ("" when it has none), without parsing the rest."""
    found = _SCHEME.match(url)
    return found.group(1).lower() if found else ""


def secret_in(url: str) -> str | None:
    """What secret ``url`` carries ("a user name and password", "an access key"), or None."""
    try:
        parts = urlsplit(url)
    except ValueError:  # unparsable: look for the shapes of a secret in the text
        if _USERINFO.search(url):
            return "a user name or password"
        return "an access key" if _SECRET_PAIR.search(url) else None
    if parts.username is not None or parts.password is not None:
        return "a user name or password"
    names = {name.lower() for name, _ in parse_qsl(parts.query, keep_blank_values=True)}
    if names & SECRET_PARAMETERS:
        return "an access key"
    return None


def strip_secrets(url: str) -> str:
    """``url`` without user name, password and secret query parameters (for exports)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return _SECRET_PAIR.sub(r"\1=", _USERINFO.sub("//", url))
    host = parts.netloc.rpartition("@")[2]
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if k.lower() not in SECRET_PARAMETERS]
    query = parts.query if len(kept) == len(pairs) else urlencode(kept)
    return urlunsplit((parts.scheme, host, parts.path, query, parts.fragment))


class _Shown:
    """The address as a message shows it, worked out only if a message is written."""

    def __init__(self, url: str) -> None:
        self.url = url

    def __format__(self, spec: str) -> str:
        return shown_url(self.url)


def shown_url(url: str, width: int = 80) -> str:
    """An address as it may appear in a message: secrets removed, shortened, quoted.

    Works on any text, even one :func:`urlsplit` cannot parse, because it is used to
    say what is wrong with exactly such addresses.
    """
    clean = _SECRET_PAIR.sub(r"\1=…", _USERINFO.sub("//", url))
    clean = "".join(c if c.isprintable() else "?" for c in clean)
    return f"'{clean if len(clean) <= width else clean[: width - 1] + '…'}'"


@lru_cache(maxsize=65_536)
def web_address(text: str, *, typed: bool = False) -> str:
    """``text`` as a checked, normalised http(s) address; BadInput says what is wrong.

    ``typed`` is for what a person typed into a box: surrounding spaces are dropped
    and an address without a scheme gets ``https://``. From a file, an address must
    be written whole. Normalising lower-cases the scheme and host, writes a non-Latin
    host in IDNA and drops the port a scheme implies, so the same feed is recognised
    however it was written (the path is kept as written: servers may tell case apart).
    Secrets in the address are refused (:func:`secret_in`).
    """
    url = text.strip() if typed else text
    if not url:
        raise BadInput("that is not a web address: it is empty.")
    shown = _Shown(url)
    if len(url) > MAX_URL_LENGTH:
        raise BadInput(
            f"{shown} is too long to be a web address ({len(url):,} characters; "
            f"the most is {MAX_URL_LENGTH:,})."
        )
    problem = _unsafe_character(url)
    if problem:
        raise BadInput(f"{shown} is not a web address: it has {problem} in it.")
    if typed and "://" not in url and not _OTHER_SCHEME.match(url):
        url = "https://" + url
    if _scheme_of(url) not in ("http", "https"):
        raise BadInput(
            f"{shown}: that is not a web address; it should start with https:// "
            "(copy it from the browser's address bar)."
        )
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        if "[" in url or "]" in url:
            raise BadInput(f"{shown} has a broken IPv6 address in it.") from None
        raise BadInput(
            f"{shown} is not a web address: the number after ':' (the port) must be "
            "between 1 and 65535."
        ) from None
    scheme = parts.scheme.lower()
    if not parts.hostname:
        raise BadInput(
            f"{shown}: that is not a web address; it should start with https:// "
            "(copy it from the browser's address bar)."
        )
    if port == 0:
        raise BadInput(f"{shown} is not a web address: the port must be between 1 and 65535.")
    secret = secret_in(url)
    if secret:
        raise BadInput(
            f"{shown} contains {secret}; feed addresses are shared with other schools, so "
            f"the app does not keep secrets in them. {PUBLIC_FEED_HINT}"
        )
    host = _host(parts.hostname, shown)
    default = {"http": 80, "https": 443}[scheme]
    netloc = host if port in (None, default) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path, parts.query, parts.fragment))


__all__ = [
    "MAX_URL_LENGTH",
    "PUBLIC_FEED_HINT",
    "SECRET_PARAMETERS",
    "secret_in",
    "shown_url",
    "strip_secrets",
    "web_address",
]
