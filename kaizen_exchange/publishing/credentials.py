"""The password for one publishing run: from the keyring, else asked for.

Why a function of its own: the command line asks on the terminal (hidden) or reads
stdin, the window asks in a dialog, the sync's outbox retry cannot ask at all. Each
passes its own ``ask``; all of them get the same message when nothing is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from kaizen_exchange.publishing import password as keyring_store
from kaizen_exchange.publishing.account import Account
from kaizen_exchange.publishing.errors import NO_PASSWORD, SiteError

Ask = Callable[[str], str | None]


class NoPassword(SiteError):
    code = NO_PASSWORD


def password_for(account: Account, ask: Ask | None = None) -> str:
    """The account's application password; NoPassword when none is kept and none given."""
    ring = keyring_store.find_keyring()
    kept = keyring_store.load(ring, account.site, account.user)
    if kept:
        return kept
    prompt = f"Application password for {account.user} at {account.site}: "
    given = ask(prompt) if ask is not None else None
    if given and given.strip():
        return given.strip()
    if ring.usable:
        raise NoPassword(
            "No application password is kept for this account. Run 'account set' again to give it."
        )
    raise NoPassword(keyring_store.NO_KEYRING + " No password was given this time.")


__all__ = ["Ask", "NoPassword", "password_for"]
