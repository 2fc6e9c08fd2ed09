"""The WordPress side of publishing: media, terms and posts, each found before it is made.

Every ``find_*`` looks for what an earlier, interrupted run may already have made,
by the mark the outbox gave it (a media item's or a post's slug); every ``make_*``
sends it. :mod:`kaizen_exchange.publishing.deliver` calls them in the outbox's order.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kaizen_exchange.publishing.client import WordPress
from kaizen_exchange.publishing.errors import NOT_ALLOWED, SiteError

#: Every status a post of ours can have on the site (trash excluded: deleted there is gone).
ANY_STATUS = "publish,future,draft,pending,private"


@dataclass(frozen=True)
class Remote:
    """Something on the site: its id and its address."""

    id: int
    url: str


def post_slug(title: str, token: str) -> str:
    """The post's address on the blog: its title's words, then the outbox's mark.

    ASCII letters, digits and hyphens only, so WordPress keeps it exactly as sent and
    a retry finds the post by it (``?slug=``).
    """
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].rstrip("-")
    return f"{words}-{token}" if words else token


def find_media(site: WordPress, slugs: Sequence[str]) -> dict[str, Remote]:
    """The media items already on the site among ``slugs``, by slug: one request for all
    (each request costs the site a whole WordPress start)."""
    if not slugs:
        return {}
    found = site.get(
        "wp/v2/media",
        {
            "slug": ",".join(slugs),
            "per_page": 100,
            "context": "edit",
            "_fields": "id,slug,source_url",
        },
    )
    items = found if isinstance(found, list) else []
    return {str(m["slug"]): Remote(int(m["id"]), str(m["source_url"])) for m in items}


def upload_media(
    site: WordPress, path: Path, *, slug: str, name: str, mime: str, alt: str, caption: str
) -> Remote:
    params: dict[str, str] = {"slug": slug, "title": Path(name).stem}
    if alt:
        params["alt_text"] = alt
    if caption:
        params["caption"] = caption
    made = site.upload("wp/v2/media", path, name=name, mime=mime, params=params)
    return Remote(int(made["id"]), str(made["source_url"]))


def delete_media(site: WordPress, media_id: int) -> None:
    """Deletes a media item and its files for good (media cannot go to the trash)."""
    site.delete(f"wp/v2/media/{media_id}", {"force": "true"})


def find_post(site: WordPress, slug: str) -> dict[str, Any] | None:
    found = site.get("wp/v2/posts", {"slug": slug, "status": ANY_STATUS, "context": "edit"})
    return found[0] if isinstance(found, list) and found else None


def make_post(site: WordPress, fields: dict[str, Any]) -> dict[str, Any]:
    made = site.post("wp/v2/posts", fields)
    return dict(made)


def term_ids(site: WordPress, taxonomy: str, names: Iterable[str]) -> tuple[list[int], list[str]]:
    """The ids of ``names`` in ``taxonomy`` ("categories" or "tags"), made where missing.

    A Contributor may use the blog's terms but not add new ones: those are returned as
    the second list, and the post goes without them.
    """
    ids: list[int] = []
    missing: list[str] = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        found = _find_term(site, taxonomy, name)
        if found is None:
            try:
                found = int(site.post(f"wp/v2/{taxonomy}", {"name": name})["id"])
            except SiteError as exc:
                found = _existing_term(exc)
                if found is None and exc.code == NOT_ALLOWED:
                    missing.append(name)
                    continue
                if found is None:
                    raise
        ids.append(found)
    return ids, missing


def _find_term(site: WordPress, taxonomy: str, name: str) -> int | None:
    found = site.get(f"wp/v2/{taxonomy}", {"search": name, "per_page": 100, "_fields": "id,name"})
    for term in found if isinstance(found, list) else []:
        if html.unescape(str(term.get("name", ""))).casefold() == name.casefold():
            return int(term["id"])
    return None


def _existing_term(exc: SiteError) -> int | None:
    """WordPress answers a term made meanwhile with ``term_exists`` and its id."""
    if exc.wp_code == "term_exists" and isinstance(exc.data, dict):
        term = exc.data.get("term_id")
        return int(term) if isinstance(term, int | str) and str(term).isdigit() else None
    return None


__all__ = [
    "ANY_STATUS",
    "Remote",
    "delete_media",
    "find_media",
    "find_post",
    "make_post",
    "post_slug",
    "term_ids",
    "upload_media",
]
