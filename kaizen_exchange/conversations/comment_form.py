"""Commenting on a partner's blog as a visitor's browser does: WordPress's comment form.

The REST API refuses anonymous comments unless a site opts in (the
``rest_allow_anonymous_comments`` filter, off by default), so a class without an
account on a partner's blog posts the form WordPress prints under every post to
``wp-comments-post.php``: ``comment_post_ID``, ``author``, ``email``, ``url``,
``comment``, ``comment_parent``. WordPress answers with a redirect back to the post:

- ``…#comment-N``: the comment is published;
- ``…?unapproved=N&moderation-hash=H#comment-N``: it is held for the blog's approval
  (the link shows the held comment to whoever has it, so it is kept);
- or an error page (``wp_die``) with a status: 409 duplicate, 429 too quickly,
  403 comments closed or login required, 200 with "Error:" for a refused field.

Each answer becomes a :class:`Sent` or a :class:`ReplyError` with a code and a plain
sentence that names the partner school. The redirect is not followed: its address is
the answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import unescape
from urllib.parse import parse_qs, urlsplit

import httpx

from kaizen_exchange import USER_AGENT
from kaizen_exchange.errors import KaizenError
from kaizen_exchange.feeds.http import ssl_context

CLOSED = "comments_closed"
LOGIN_REQUIRED = "login_required"
SPAM = "spam"
TOO_FAST = "too_fast"
DUPLICATE = "duplicate"
NO_NETWORK = "no_network"
SERVER_ERROR = "server_error"
REFUSED = "refused"
NO_POST = "no_post"

#: What time may cure: the reply stays queued and is tried again at the next sync.
RETRY_LATER = frozenset({TOO_FAST, NO_NETWORK, SERVER_ERROR})

_COMMENT_ID = re.compile(r"#comment-(\d+)$")
_TAGS = re.compile(r"<[^>]+>")
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)


class ReplyError(KaizenError):
    """The partner's blog did not take the reply; ``str()`` is the sentence for a teacher."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code

    @property
    def retry_later(self) -> bool:
        return self.code in RETRY_LATER


@dataclass(frozen=True)
class Sent:
    """WordPress took the comment: its id, and whether it waits for the blog's approval."""

    remote_id: int | None
    held: bool
    moderation_url: str | None = None
    shown_at: str | None = None  # the post's page WordPress sent us back to, when published


def form_fields(
    wp_post_id: int, author: str, email: str, text: str, parent_remote_id: int | None
) -> dict[str, str]:
    """The fields of WordPress's comment form, as a browser sends them."""
    return {
        "comment_post_ID": str(wp_post_id),
        "author": author,
        "email": email,
        "url": "",
        "comment": text,
        "comment_parent": str(parent_remote_id or 0),
        "submit": "Post Comment",
    }


def client(timeout: float = 30.0) -> httpx.Client:
    """The sync's HTTP set-up (OS trust store, system proxy), redirects not followed."""
    return httpx.Client(
        verify=ssl_context(),
        trust_env=True,
        follow_redirects=False,
        timeout=httpx.Timeout(timeout, connect=10.0),
        headers={"User-Agent": USER_AGENT},
    )


def post_comment(http: httpx.Client, home: str, fields: Mapping[str, str], school: str) -> Sent:
    """Posts the form to ``home``'s ``wp-comments-post.php``; ReplyError when not taken."""
    try:
        response = http.post(f"{home}/wp-comments-post.php", data=dict(fields))
    except httpx.TransportError as exc:
        raise ReplyError(
            NO_NETWORK,
            f"{school}'s blog cannot be reached (no network, or the site is down). The reply "
            "is queued and will be sent at the next sync.",
        ) from exc
    return read_answer(response, school)


def read_answer(response: httpx.Response, school: str) -> Sent:
    """WordPress's answer to the comment form, as :class:`Sent` or :class:`ReplyError`."""
    status = response.status_code
    if status in (301, 302, 303, 307) and response.headers.get("location"):
        return _redirected(response.headers["location"], school)
    said = _said(response.text)
    lowered = said.lower()
    if status == 409 or "duplicate comment" in lowered:
        raise ReplyError(DUPLICATE, f"{school}'s blog already has this reply.")
    if status == 429 or "too quickly" in lowered:
        raise ReplyError(
            TOO_FAST,
            f"{school}'s blog says replies are coming too quickly from here. The reply is "
            "queued and will be sent at the next sync.",
        )
    if "logged in" in lowered:
        raise _login_required(school)
    if "closed" in lowered or "not allowed for this item" in lowered:
        raise comments_closed(school)
    if "spam" in lowered:
        raise _spam(school)
    if status >= 500:
        raise ReplyError(
            SERVER_ERROR,
            f"{school}'s blog is in trouble (HTTP {status}). The reply is queued and will be "
            "sent at the next sync.",
        )
    if status == 200 and not said:
        raise ReplyError(
            NO_POST, f"{school}'s blog no longer has this post, so the reply cannot be sent."
        )
    why = f' It said: "{said[:200]}"' if said else ""
    raise ReplyError(REFUSED, f"{school}'s blog did not take the reply (HTTP {status}).{why}")


def _redirected(location: str, school: str) -> Sent:
    parts = urlsplit(location)
    if "wp-login.php" in parts.path:
        raise _login_required(school)
    query = parse_qs(parts.query)
    held = query.get("unapproved", [""])[0]
    if held.isdigit():
        return Sent(int(held), True, location)
    match = _COMMENT_ID.search(location)
    if match:
        return Sent(int(match.group(1)), False, shown_at=location.split("#", 1)[0])
    if "spam" in location.lower():
        raise _spam(school)
    # a redirect back to the post without an id: some anti-spam plugins drop a comment
    # silently this way; it cannot be told from a held one, so it is treated as held
    return Sent(None, True)


def shown_on_page(http: httpx.Client, sent: Sent) -> bool:
    """Whether the post's page shows the comment WordPress says it published.

    WordPress answers a comment it put in the spam or the bin (Akismet, the
    "disallowed words" of Settings → Discussion) exactly as one it published; only
    the page tells them apart. A page that cannot be read is taken at its word.
    """
    if not sent.shown_at or sent.remote_id is None:
        return True
    try:
        page = http.get(sent.shown_at, follow_redirects=True)
    except httpx.HTTPError:
        return True
    if page.status_code != 200:
        return True
    return (
        f'id="comment-{sent.remote_id}"' in page.text
        or f"id='comment-{sent.remote_id}'" in page.text
    )


def comments_closed(school: str) -> ReplyError:
    return ReplyError(
        CLOSED,
        f"Comments are closed on this post on {school}'s blog, so the reply cannot be "
        "sent. Reply under a newer post, or ask the class's teacher to open comments.",
    )


def _login_required(school: str) -> ReplyError:
    return ReplyError(
        LOGIN_REQUIRED,
        f"{school}'s blog takes comments only from people logged in to it, so the reply "
        f"cannot be sent from here. Ask {school} to let visitors comment (Settings → "
        "Discussion: untick “Users must be registered and logged in to comment”).",
    )


def _spam(school: str) -> ReplyError:
    return ReplyError(
        SPAM,
        f"{school}'s blog rejected the reply as spam. Ask {school} to find it in their "
        "comments' Spam list and mark it “Not spam”; the next replies will then go through.",
    )


def _said(page: str) -> str:
    """The words of WordPress's error page, tags dropped, on one line."""
    match = _BODY.search(page)
    words = _TAGS.sub(" ", match.group(1) if match else page)
    text = " ".join(unescape(words).split())
    return text.removeprefix("Error: ").removesuffix("« Back").strip()


__all__ = [
    "CLOSED",
    "DUPLICATE",
    "LOGIN_REQUIRED",
    "NO_NETWORK",
    "NO_POST",
    "REFUSED",
    "RETRY_LATER",
    "SERVER_ERROR",
    "SPAM",
    "TOO_FAST",
    "ReplyError",
    "Sent",
    "client",
    "comments_closed",
    "form_fields",
    "post_comment",
    "read_answer",
    "shown_on_page",
]
