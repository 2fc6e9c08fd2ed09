""" "Waiting for approval": a teacher's account lists the blog's pending posts, approves
one (it goes live) or sends it back with a note.

The note: WordPress has no field for it that a Contributor sees and readers never do
(a comment on the post would become public with it). So the post goes back to
*draft* with the note as the first paragraph of its content, marked with the class
``kx-return-note``; the pupil sees it at the top of the post in WordPress's editor.
Approving removes any such note first, so it can never go live with the post.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from kaizen_exchange.errors import BadInput
from kaizen_exchange.publishing.client import WordPress

NOTE_CLASS = "kx-return-note"
_NOTE_BLOCK = re.compile(
    r"<!-- wp:paragraph \{\"className\":\"" + NOTE_CLASS + r"\"\} -->.*?<!-- /wp:paragraph -->\s*",
    re.DOTALL,
)


@dataclass(frozen=True)
class PendingPost:
    id: int
    title: str
    author: str
    date: str  # as WordPress gives it, UTC
    link: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "author": self.author,
            "date_gmt": self.date,
            "link": self.link,
        }


def pending_posts(site: WordPress) -> list[PendingPost]:
    found = site.get(
        "wp/v2/posts",
        {"status": "pending", "context": "edit", "per_page": 100, "_embed": "author"},
    )
    return [_pending(p) for p in found if isinstance(p, dict)] if isinstance(found, list) else []


def approve(site: WordPress, post_id: int) -> str:
    """Publishes a pending post (without any return note); returns its address."""
    post = _pending_post(site, post_id)
    content = _NOTE_BLOCK.sub("", str(post.get("content", {}).get("raw", "")))
    done = site.post(f"wp/v2/posts/{post_id}", {"status": "publish", "content": content})
    return str(done.get("link", ""))


def send_back(site: WordPress, post_id: int, note: str) -> None:
    """Back to draft, with the teacher's note at the top of the post for the pupil."""
    if not note.strip():
        raise BadInput("Write a note that says what to change (--note TEXT).")
    post = _pending_post(site, post_id)
    content = _NOTE_BLOCK.sub("", str(post.get("content", {}).get("raw", "")))
    block = (
        f'<!-- wp:paragraph {{"className":"{NOTE_CLASS}"}} -->\n'
        f'<p class="{NOTE_CLASS}"><strong>Sent back by your teacher:</strong> '
        f"{html.escape(note.strip())}</p>\n<!-- /wp:paragraph -->\n\n"
    )
    site.post(f"wp/v2/posts/{post_id}", {"status": "draft", "content": block + content})


def _pending_post(site: WordPress, post_id: int) -> dict[str, Any]:
    post = site.get(f"wp/v2/posts/{post_id}", {"context": "edit"})
    if post.get("status") != "pending":
        raise BadInput(
            f"Post {post_id} is not waiting for approval on the blog (it is "
            f"'{post.get('status')}'). See the list with: kaizen-exchange share pending"
        )
    return dict(post)


def _pending(post: dict[str, Any]) -> PendingPost:
    title = post.get("title", {})
    raw = title.get("raw") or title.get("rendered") or "" if isinstance(title, dict) else ""
    authors = post.get("_embedded", {}).get("author", [])
    author = authors[0].get("name", "") if authors and isinstance(authors[0], dict) else ""
    return PendingPost(
        id=int(post["id"]),
        title=html.unescape(str(raw)),
        author=str(author),
        date=str(post.get("date_gmt", "")),
        link=str(post.get("link", "")),
    )


__all__ = ["NOTE_CLASS", "PendingPost", "approve", "pending_posts", "send_back"]
