"""The application password, kept in the OS keyring and nowhere else.

Why a layer of its own: the password must never reach the database, a log line, an
exception or an export, and a computer without a keyring (a bare Linux box, a locked
down profile) must still work by asking each time. Only this module talks to
``keyring``; everything else gets the password as a value it passes straight to
the HTTP client.

A backend that keeps passwords in a plain file (keyrings.alt's, priority below 1) is
not used unless IT chose it on purpose (``PYTHON_KEYRING_BACKEND`` or a keyringrc
file): silently writing a password into a plain file is what the keyring is for
avoiding.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any

from kaizen_exchange.errors import KaizenError

log = logging.getLogger(__name__)

SERVICE_PREFIX = "Kaizen Exchange WordPress "

NO_KEYRING = (
    "This computer has no password store (keyring) that Kaizen Exchange can use, so the "
    "application password is not kept: you will be asked for it each time you publish."
)


class KeyringFailed(KaizenError):
    """The keyring exists but refused to store or read (locked, or access denied)."""


@dataclass(frozen=True)
class Keyring:
    """The keyring in use, or none; ``name`` tells IT which store holds the password."""

    backend: Any | None
    name: str

    @property
    def usable(self) -> bool:
        return self.backend is not None


def _explicitly_chosen() -> bool:
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return True
    try:
        from keyring.core import load_config

        return load_config() is not None
    except Exception:  # a broken keyringrc: keyring itself will say so
        return False


def find_keyring() -> Keyring:
    """The usable keyring, or ``Keyring(None, reason)``; never raises."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception as exc:  # keyring cannot even start (a broken D-Bus, say)
        log.warning("no keyring: %s", type(exc).__name__)
        return Keyring(None, "none")
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring):
        return Keyring(None, "none")
    priority = float(getattr(backend, "priority", 0) or 0)
    if priority < 1 and not _explicitly_chosen():
        return Keyring(None, f"none (only {name}, which keeps passwords in a plain file)")
    return Keyring(backend, name)


def service_name(site: str) -> str:
    """The keyring entry's service: one per site, so two sites' passwords never mix."""
    return SERVICE_PREFIX + site


def load(ring: Keyring, site: str, user: str) -> str | None:
    if ring.backend is None:
        return None
    try:
        value = ring.backend.get_password(service_name(site), user)
    except Exception as exc:
        raise KeyringFailed(
            "The password store (keyring) could not be read: unlock it (log in again) "
            "and try once more."
        ) from _without_cause(exc)
    return value if isinstance(value, str) and value else None


def save(ring: Keyring, site: str, user: str, password: str) -> None:
    if ring.backend is None:
        return
    try:
        ring.backend.set_password(service_name(site), user, password)
    except Exception as exc:
        raise KeyringFailed(
            "The password store (keyring) refused to keep the application password: "
            "unlock it (log in again) and run 'account set' once more."
        ) from _without_cause(exc)


def forget(ring: Keyring, site: str, user: str) -> bool:
    """Removes the password; False when there was none."""
    if ring.backend is None:
        return False
    try:
        ring.backend.delete_password(service_name(site), user)
    except Exception:  # PasswordDeleteError: nothing kept
        return False
    return True


def _without_cause(exc: Exception) -> KaizenError:
    """The backend's error by its type only: its message might quote what it was given."""
    return KaizenError(type(exc).__name__)


__all__ = [
    "NO_KEYRING",
    "Keyring",
    "KeyringFailed",
    "find_keyring",
    "forget",
    "load",
    "save",
    "service_name",
]
