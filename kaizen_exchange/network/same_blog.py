"""Is this blog already in the network? One blog under two names shows every post twice.

A teacher adding "greenfield.example" may not know a colleague added
"https://www.greenfield.example/feed/" as "Greenfield Primary" last term. Both are
the same site, so the second is refused with the name of the school that has it.
Addresses are compared by *site*: scheme, "www.", a trailing slash and WordPress's
own feed paths (``/feed/``, ``/feed/atom/``, ``?feed=rss2``) make no difference,
while two blogs on one host under different paths (``/greenfield/``, ``/millbrook/``,
as on a blog farm) stay two blogs. A feed the sync followed to a new address (301/308)
is stored under its new address, and a synced feed knows its site's own link, so
both count too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlsplit

from sqlmodel import Session, select

from kaizen_exchange.errors import BadInput
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Feed, School

#: WordPress's feed paths at the end of an address: the site is what comes before.
_FEED_PATH = re.compile(r"/(?:comments/)?feed(?:/(?:rss2?|atom|rdf|rss-http))?/?$", re.I)
_FEED_QUERY = frozenset({"feed"})


class AlreadyFollowed(BadInput):
    """The blog is already a school's in the network (``school`` is that school's name)."""

    def __init__(self, school: str, url: str) -> None:
        self.school = school
        super().__init__(
            f"{school} already has this blog ({display(url)}), so its posts are already "
            f"here. Edit {school} instead of adding it again."
        )


def site_key(url: str) -> str:
    """The site an address belongs to: ``greenfield.example/blog`` for every way of writing it."""
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = _FEED_PATH.sub("", parts.path).rstrip("/")
    query = [(k, v) for k, v in parse_qsl(parts.query) if k.lower() not in _FEED_QUERY]
    rest = "?" + "&".join(f"{k}={v}" for k, v in sorted(query)) if query else ""
    return f"{host}{path.lower()}{rest}"


def display(url: str) -> str:
    """An address as a teacher would say it: ``greenfield.example/blog``."""
    return site_key(url) or url


class SiteIndex:
    """Every site the network follows, and whose it is; read once, so an import stays linear."""

    def __init__(self) -> None:
        self._owners: dict[str, list[str]] = {}  # site key -> the schools that follow it
        self._names: dict[str, str] = {}  # school id -> name

    @classmethod
    def of(cls, session: Session) -> SiteIndex:
        index = cls()
        for school in session.exec(select(School)).all():
            index.add(school.id, school.name, [school.blog])
        for feed in session.exec(select(Feed)).all():
            index.add(feed.school_id, None, [feed.url, feed.site_url])
        return index

    def add(self, school_id: str, name: str | None, urls: Iterable[str | None]) -> None:
        if name:
            self._names[school_id] = name
        for url in urls:
            if url:
                owners = self._owners.setdefault(site_key(url), [])
                if school_id not in owners:
                    owners.append(school_id)

    def owner(self, urls: Iterable[str | None]) -> str | None:
        """The id of the school that follows the first of ``urls`` the network has, if any."""
        for url in urls:
            owners = self._owners.get(site_key(url)) if url else None
            if owners:
                return owners[0]
        return None

    def refuse_if_followed(self, school_id: str, urls: Iterable[str | None]) -> None:
        """Raise :class:`AlreadyFollowed` when another school already has one of ``urls``.

        A school that already follows the site itself may keep it (a store from before
        this check may hold one blog twice; importing its network file again must work).
        """
        for url in urls:
            owners = self._owners.get(site_key(url), []) if url else []
            if url and owners and school_id not in owners:
                raise AlreadyFollowed(self._names.get(owners[0], owners[0]), url)


def check_not_followed(store: Store, urls: Iterable[str | None], school_id: str | None) -> None:
    """The same refusal in its own read: the window asks as soon as a feed is found."""
    with store.session() as session:
        SiteIndex.of(session).refuse_if_followed(school_id or "", urls)


__all__ = ["AlreadyFollowed", "SiteIndex", "check_not_followed", "display", "site_key"]
