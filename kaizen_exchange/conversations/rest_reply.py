"""Replying on a blog where the school has an account (its own): WordPress's REST API.

On the school's own blog the class answers partners under its own posts. Through
the comment form its reply would wait in the blog's own moderation queue for the
teacher who wrote it; with the school's account (an Editor or Administrator may
moderate) it is sent to ``/wp/v2/comments`` with ``status: approved``, signed as
the class like every reply (``author_name``, ``author_email``), and is live at once.
An account that may not moderate sends it as held, as the form would.

Exactly once, as on the form route (see :mod:`kaizen_exchange.conversations.sending`):
before sending again, the blog's comments on that post by the school's e-mail are
asked for (the account may read them, held ones too) and one with our class and our
words is recorded instead of sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import unescape
from typing import Any

import httpx

from kaizen_exchange.conversations import comment_form
from kaizen_exchange.conversations.comment_form import ReplyError, Sent
from kaizen_exchange.conversations.models import Reply
from kaizen_exchange.conversations.reply_outbox import words
from kaizen_exchange.publishing.account import Account, load_account
from kaizen_exchange.publishing.client import WordPress
from kaizen_exchange.publishing.errors import SiteError
from kaizen_exchange.store.db import Store


@dataclass(frozen=True)
class Route:
    """The school's account on the blog a reply goes to, and its kept password."""

    account: Account
    password: str


def _place(address: str) -> str:
    url = httpx.URL(address)
    host = url.host.lower().removeprefix("www.")
    return f"{host}:{url.port or ''}{url.path.rstrip('/')}"


def route_for(store: Store, home: str) -> Route | None:
    """The account route when ``home`` is the school's own blog and its password is kept
    (a sync has nobody to ask); None: the comment form, as any visitor."""
    account = load_account(store)
    if account is None or _place(account.site) != _place(home):
        return None
    from kaizen_exchange.publishing.credentials import password_for

    try:
        return Route(account, password_for(account, None))
    except SiteError:
        return None


def _body(fields: Mapping[str, str]) -> dict[str, Any]:
    """The comment form's fields (what ``sending`` records) as the REST API's."""
    return {
        "post": int(fields["comment_post_ID"]),
        "parent": int(fields.get("comment_parent") or 0),
        "content": fields["comment"],
        "author_name": fields["author"],
        "author_email": fields["email"],
    }


def send(route: Route, fields: Mapping[str, str], school: str) -> Sent:
    with WordPress(route.account, route.password) as site:
        try:
            can_moderate = _can_moderate(site)
            body = _body(fields) | ({"status": "approved"} if can_moderate else {})
            made = site.post("wp/v2/comments", body)
        except SiteError as exc:
            raise _refusal(exc, school) from exc
    return Sent(int(made["id"]), made.get("status") != "approved")


def find(route: Route, wp_post_id: int, reply: Reply) -> Sent | None:
    """Our reply if the blog already has it (any status the account may see)."""
    with WordPress(route.account, route.password) as site:
        try:
            query: dict[str, str | int] = {"post": wp_post_id, "per_page": 100}
            if _can_moderate(site):  # held ones too, and only ours
                query |= {"author_email": reply.email, "status": "all", "context": "edit"}
            found = site.get("wp/v2/comments", query)
        except SiteError as exc:
            raise _refusal(exc, "The school") from exc
    for comment in found if isinstance(found, list) else []:
        content = comment.get("content") or {}
        said = str(content.get("raw") or unescape(str(content.get("rendered") or "")))
        if comment.get("author_name") == reply.author and words(said) == words(reply.text):
            return Sent(int(comment["id"]), comment.get("status") != "approved")
    return None


def _can_moderate(site: WordPress) -> bool:
    me = site.get("wp/v2/users/me", {"context": "edit", "_fields": "capabilities"})
    caps = me.get("capabilities") if isinstance(me, dict) else None
    return isinstance(caps, dict) and bool(caps.get("moderate_comments"))


def _refusal(exc: SiteError, school: str) -> ReplyError:
    said = str(exc)
    if exc.retry_later:
        return ReplyError(
            comment_form.NO_NETWORK,
            said.replace("It will be tried again later.", "").strip()
            + " The reply is queued and will be sent at the next sync.",
        )
    if exc.wp_code == "comment_duplicate":
        return ReplyError(comment_form.DUPLICATE, f"{school}'s blog already has this reply.")
    if "closed" in said.lower():
        return comment_form.comments_closed(school)
    return ReplyError(comment_form.REFUSED, said)


__all__ = ["Route", "find", "route_for", "send"]
