"""Writes about the class list kept on this PC: importing it, a family's consent changed,
and the posts a withdrawal affects taken down.

The Share page's class list and ``roster import|set`` / ``share takedown`` do the same
steps, so they are here once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kaizen_exchange.changes import Changes, Done, Kind
from kaizen_exchange.sharing.roster import ConsentChange, import_roster
from kaizen_exchange.sharing.roster import set_consent as record_consent
from kaizen_exchange.store.db import Store

if TYPE_CHECKING:  # the publishing client is loaded when a takedown is asked for
    from kaizen_exchange.publishing.credentials import Ask
    from kaizen_exchange.publishing.takedown import Takedown


def import_class_list(store: Store, path: Path, class_name: str) -> Done[int]:
    """The Share page's "Class list…": the checks read it, so the drafts' reports change."""
    return Done(import_roster(store, path, class_name), Changes.of(Kind.DRAFTS))


def set_consent(
    store: Store,
    first_name: str,
    class_name: str,
    *,
    photo: bool | None = None,
    name: bool | None = None,
    last_name: str | None = None,
) -> Done[ConsentChange]:
    """A family's answer recorded; a withdrawal comes back with the posts it affects."""
    change = record_consent(
        store, first_name, class_name, photo=photo, name=name, last_name=last_name
    )
    return Done(change, Changes.of(Kind.DRAFTS))


def take_down(
    store: Store, first_name: str, class_name: str, ask: Ask | None = None
) -> Done[list[Takedown]]:
    """Take the child's marked photos off the school blog (and out of its media), and
    switch to draft a post whose words name the child, through the school's account.

    ``ask`` gives the application password when this PC's keyring keeps none.
    """
    from kaizen_exchange.operations.approval import school_blog
    from kaizen_exchange.publishing.takedown import affected
    from kaizen_exchange.publishing.takedown import take_down as remove

    plan = affected(store, first_name, class_name)
    if plan:
        with school_blog(store, ask) as site:
            plan = remove(store, site, plan)
    return Done(plan, Changes.of(Kind.DRAFTS))


__all__ = ["import_class_list", "set_consent", "take_down"]
