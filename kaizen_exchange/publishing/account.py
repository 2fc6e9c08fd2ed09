"""Which WordPress account this data folder publishes with: the site and the user name.

Neither is secret, so both are in the store; the application password is in the
keyring (:mod:`kaizen_exchange.publishing.password`). The site address is checked
once, here: HTTP Basic authentication sends the password with every request, so a
plain ``http://`` site is refused unless it is this computer (a local test site).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from sqlmodel import select

from kaizen_exchange.errors import BadInput
from kaizen_exchange.publishing.models import PublishAccount
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.sqlite import utcnow
from kaizen_exchange.urls import shown_url, web_address

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})


class NoAccount(BadInput):
    """No account has been set up yet."""

    def __init__(self) -> None:
        super().__init__(
            "No WordPress account is set up yet. Set it up with: kaizen-exchange account set "
            "--site ADDRESS --user NAME (you will be asked for the application password)."
        )


@dataclass(frozen=True)
class Account:
    site: str  # normalised, no trailing slash: "https://blog.example.sch.uk"
    user: str

    @property
    def local(self) -> bool:
        return (urlsplit(self.site).hostname or "") in LOCAL_HOSTS


def site_address(text: str) -> str:
    """The blog's address as typed, checked and normalised; BadInput says what is wrong."""
    url = web_address(text, typed=True)
    parts = urlsplit(url)
    if parts.query or parts.fragment:
        raise BadInput(
            f"{shown_url(url)} is not the address of a blog's home page: leave out "
            "everything from '?' or '#' on."
        )
    path = parts.path.rstrip("/")
    for tail in ("/wp-admin", "/wp-login.php", "/wp-json", "/feed"):
        if path.endswith(tail):  # pasted from the dashboard or the feed: the blog is above
            path = path[: -len(tail)]
    site = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    if parts.scheme == "http" and (parts.hostname or "") not in LOCAL_HOSTS:
        raise BadInput(
            f"{shown_url(site)} starts with http://, so the password would travel unprotected. "
            "Use the https:// address of the blog (WordPress accepts application passwords "
            "only over https)."
        )
    return site


def user_name(text: str) -> str:
    name = text.strip()
    if not name or any(not c.isprintable() for c in name):
        raise BadInput("The user name is empty or has invisible characters in it.")
    return name


def load_account(store: Store) -> Account | None:
    with store.session() as session:
        row = session.exec(select(PublishAccount)).first()
    return Account(row.site, row.user) if row else None


def require_account(store: Store) -> Account:
    account = load_account(store)
    if account is None:
        raise NoAccount()
    return account


def save_account(store: Store, account: Account) -> Account | None:
    """Stores ``account``; returns the one it replaced (its password is then forgotten)."""
    with store.session() as session:
        row = session.get(PublishAccount, 1)
        old = Account(row.site, row.user) if row else None
        if row is None:
            row = PublishAccount(id=1, site=account.site, user=account.user)
        row.site, row.user, row.updated_at = account.site, account.user, utcnow()
        session.add(row)
    return old


def delete_account(store: Store) -> Account | None:
    with store.session() as session:
        row = session.get(PublishAccount, 1)
        if row is None:
            return None
        session.delete(row)
        return Account(row.site, row.user)


__all__ = [
    "Account",
    "NoAccount",
    "delete_account",
    "load_account",
    "require_account",
    "save_account",
    "site_address",
    "user_name",
]
