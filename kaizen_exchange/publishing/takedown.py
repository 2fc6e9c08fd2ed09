"""``share takedown``: a family withdrew consent, so the child comes off the school's blog.

For each of our posts on the site (published or waiting for approval): every photo
marked with the child is cut out of the post's content (its ``<figure>``, or the
``<img>``/``<video>`` alone) and deleted from the site's media for good (``force``);
a post whose words name the child is switched to draft. Nothing else changes: other
photos, other posts and the post's other words stay as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kaizen_exchange.publishing import outbox, remote
from kaizen_exchange.publishing.client import WordPress
from kaizen_exchange.publishing.errors import GONE, SiteError
from kaizen_exchange.sharing.drafts import ON_SITE, Draft, list_drafts, set_state
from kaizen_exchange.sharing.names import fold, names_in
from kaizen_exchange.store.db import Store


@dataclass
class Takedown:
    draft_id: int
    title: str
    link: str | None
    photos: list[int] = field(default_factory=list)  # the draft's file ids taken off
    to_draft: bool = False
    done: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "draft": self.draft_id,
            "title": self.title,
            "link": self.link,
            "photos_removed": list(self.photos),
            "switched_to_draft": self.to_draft,
            "done": self.done,
        }


def affected(store: Store, first_name: str, class_name: str) -> list[Takedown]:
    """Our posts on the site that show the child in a marked photo or name them."""
    key = fold(first_name.strip())
    found: list[Takedown] = []
    for draft in list_drafts(store):
        if draft.state not in ON_SITE or draft.remote_id is None:
            continue
        if draft.class_name and fold(draft.class_name) != fold(class_name):
            continue
        sent = outbox.for_draft(store, draft.id)
        photos = [
            f.id
            for f in draft.files
            if key in {fold(p) for p in f.pupils}
            and sent is not None
            and f.id in sent.files
            and not sent.files[f.id].removed
        ]
        named = bool(names_in(_words(draft), [first_name.strip()]))
        if photos or named:
            found.append(Takedown(draft.id, draft.title, draft.link, photos, named))
    return found


def take_down(store: Store, site: WordPress, plan: list[Takedown]) -> list[Takedown]:
    for entry in plan:
        sent = outbox.for_draft(store, entry.draft_id)
        assert sent is not None and sent.post_id is not None
        post = site.get(f"wp/v2/posts/{sent.post_id}", {"context": "edit"})
        content = str(post.get("content", {}).get("raw", ""))
        changes: dict[str, Any] = {}
        for file_id in entry.photos:
            record = sent.files[file_id]
            content = cut_media(content, record.url or "", record.media_id or 0)
            if post.get("featured_media") == record.media_id:
                changes["featured_media"] = 0
        if entry.photos:
            changes["content"] = content
        if entry.to_draft:
            changes["status"] = "draft"
        if changes:
            site.post(f"wp/v2/posts/{sent.post_id}", changes)
        for file_id in entry.photos:
            record = sent.files[file_id]
            try:
                remote.delete_media(site, record.media_id or 0)
            except SiteError as exc:
                if exc.code != GONE:  # deleted on the site already: that is what we want
                    raise
            outbox.mark_removed(store, sent.id, file_id)
        if entry.to_draft:
            set_state(store, entry.draft_id, "taken_down")
        entry.done = True
    return plan


def cut_media(content: str, url: str, media_id: int) -> str:
    """``content`` without the figure (or image, or video) showing that upload."""
    marks = [re.escape(url)] if url else []
    if media_id:
        marks.append(rf"wp-image-{media_id}\b")
    if not marks:
        return content
    mark = "(?:" + "|".join(marks) + ")"
    patterns = (
        rf"<!-- wp:(?:image|video)[^>]*-->\s*<figure(?:(?!</figure>).)*?{mark}.*?</figure>\s*"
        r"<!-- /wp:(?:image|video) -->\s*",
        rf"<figure(?:(?!</figure>).)*?{mark}.*?</figure>\s*",
        rf"<video(?:(?!</video>).)*?{mark}.*?</video>\s*",
        rf"<img[^>]*{mark}[^>]*>\s*",
    )
    for pattern in patterns:
        content, count = re.subn(pattern, "", content, flags=re.DOTALL)
        if count:
            return content
    return content


def _words(draft: Draft) -> str:
    return "\n".join([draft.title, draft.text, *(f"{f.alt}\n{f.caption}" for f in draft.files)])


__all__ = ["Takedown", "affected", "cut_media", "take_down"]
