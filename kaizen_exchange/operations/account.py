"""Writes about the school blog's account: set it (the password into the keyring) or forget it.

The window's account dialog and ``account set|forget`` do the same steps, so they are
here once: the address and user name checked and stored, the application password
handed to the keyring only (and the replaced account's password forgotten there).
"""

from __future__ import annotations

from dataclasses import dataclass

from kaizen_exchange.changes import Changes, Done
from kaizen_exchange.errors import BadInput
from kaizen_exchange.publishing import password as keyring_store
from kaizen_exchange.publishing.account import (
    Account,
    delete_account,
    save_account,
    site_address,
    user_name,
)
from kaizen_exchange.store.db import Store

NO_PASSWORD_GIVEN = (
    "No application password was given. Make one in WordPress (Users → Profile → "
    "Application Passwords) and paste it here."
)


@dataclass(frozen=True)
class AccountSet:
    account: Account
    kept: bool  # the password is in the keyring (False: asked again next time)


def set_account(store: Store, site: str, user: str, password: str) -> Done[AccountSet]:
    """Store the account and keep its password in the keyring; BadInput for a bad address."""
    account = Account(site_address(site), user_name(user))
    if not password.strip():
        raise BadInput(NO_PASSWORD_GIVEN)
    ring = keyring_store.find_keyring()
    old = save_account(store, account)
    if old is not None and old != account:
        keyring_store.forget(ring, old.site, old.user)
    keyring_store.save(ring, account.site, account.user, password.strip())
    return Done(AccountSet(account, ring.usable), Changes())


def forget_account(store: Store) -> Done[Account | None]:
    """Forget the account and its password on this PC (WordPress keeps it until revoked)."""
    account = delete_account(store)
    if account is not None:
        keyring_store.forget(keyring_store.find_keyring(), account.site, account.user)
    return Done(account, Changes())


__all__ = ["NO_PASSWORD_GIVEN", "AccountSet", "forget_account", "set_account"]
