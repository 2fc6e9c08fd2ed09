"""Moderating what partners write on our own blog: the comments WordPress holds, checked.

WordPress holds a first comment from a new name and e-mail, but lets later ones from
the same pair straight through, and never looks for children's personal data. So the
teacher sees one list of the comments waiting on the school's blog, each with the
same safeguarding findings as a shared post (surnames from our roster, e-mail
addresses, phone numbers, addresses), and approves, marks as spam or bins each one.

Through the REST API with the school's account (``/wp/v2/comments``): listing held
comments and changing their status needs the ``moderate_comments`` capability, which
WordPress gives Editors and Administrators. The roster is only used here, on this PC:
nothing about it is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kaizen_exchange.errors import BadInput
from kaizen_exchange.publishing.account import Account
from kaizen_exchange.publishing.client import WordPress
from kaizen_exchange.publishing.errors import NO_PASSWORD, NOT_ALLOWED, SiteError
from kaizen_exchange.sharing.findings import Finding, ordered
from kaizen_exchange.sharing.roster import Roster
from kaizen_exchange.sharing.text_checks import check_text
from kaizen_exchange.store.db import Store

ACTIONS = ("approve", "spam", "trash")
#: What each action leaves the comment as, in WordPress's words and in ours.
DONE = {
    "approve": ("approved", "Approved: it is on the blog now."),
    "spam": ("spam", "Marked as spam: it is off the blog, and WordPress learns from it."),
    "trash": (
        "trash",
        "Moved to the bin: it is off the blog (WordPress empties the bin after 30 days).",
    ),
}
PAGE = 100


@dataclass(frozen=True)
class PendingComment:
    """A comment held on our blog, with what the safeguarding checks found in it."""

    id: int
    post: int
    post_title: str
    post_link: str | None
    author: str
    author_email: str
    published: datetime | None
    text: str
    findings: list[Finding]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "post": self.post,
            "post_title": self.post_title,
            "post_link": self.post_link,
            "author": self.author,
            "author_email": self.author_email,
            "published": self.published.isoformat() if self.published else None,
            "text": self.text,
            "findings": [f.to_json() for f in self.findings],
        }


def cannot_moderate(account: Account) -> SiteError:
    return SiteError(
        f"The account {account.user} may not moderate comments on the blog. Only an Editor "
        "or Administrator can: ask whoever runs the blog, or moderate in WordPress "
        "(Comments in the dashboard).",
        code=NOT_ALLOWED,
    )


def pending_comments(account: Account, password: str, roster: Roster) -> list[PendingComment]:
    """Every comment the blog holds for approval, oldest first, with its findings."""
    with WordPress(account, password) as site:
        try:
            held = site.get(
                "wp/v2/comments",
                {"status": "hold", "context": "edit", "per_page": PAGE, "order": "asc"},
            )
            posts = _posts(site, sorted({int(c.get("post") or 0) for c in held}))
        except SiteError as exc:
            if exc.code == NOT_ALLOWED or exc.wp_code == "rest_forbidden_param":
                raise cannot_moderate(account) from exc
            raise
    return [_pending(c, posts, roster) for c in held if isinstance(c, dict)]


def _posts(site: WordPress, ids: list[int]) -> dict[int, dict[str, Any]]:
    ids = [i for i in ids if i]
    if not ids:
        return {}
    found = site.get(
        "wp/v2/posts",
        {
            "include": ",".join(map(str, ids)),
            "per_page": PAGE,
            "status": "publish,future,draft,pending,private",
            "_fields": "id,title,link",
            "context": "edit",
        },
    )
    return {int(p["id"]): p for p in found if isinstance(p, dict)}


def _pending(
    comment: dict[str, Any], posts: dict[int, dict[str, Any]], roster: Roster
) -> PendingComment:
    content = comment.get("content") or {}
    text = str(content.get("raw") or content.get("rendered") or "")
    author = str(comment.get("author_name") or "")
    post_id = int(comment.get("post") or 0)
    post = posts.get(post_id, {})
    title = post.get("title") or {}
    findings = check_text(author, field="author", roster=roster)
    findings += check_text(text, field="text", roster=roster)
    return PendingComment(
        id=int(comment["id"]),
        post=post_id,
        post_title=str(title.get("raw") or title.get("rendered") or ""),
        post_link=post.get("link"),
        author=author,
        author_email=str(comment.get("author_email") or ""),
        published=_date(comment.get("date_gmt")),
        text=text,
        findings=ordered(findings),
    )


def _date(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)).replace(tzinfo=UTC) if value else None
    except ValueError:
        return None


def moderate(account: Account, password: str, comment_id: int, action: str) -> str:
    """Approves, spams or bins one comment on our blog; the sentence that says so."""
    if action not in ACTIONS:
        raise BadInput(f"Say approve, spam or trash, not {action!r}.")
    status, said = DONE[action]
    with WordPress(account, password) as site:
        try:
            if action == "trash":
                answer = site.delete(f"wp/v2/comments/{comment_id}")
            else:
                answer = site.post(f"wp/v2/comments/{comment_id}", {"status": status})
        except SiteError as exc:
            if exc.code == NOT_ALLOWED:
                raise cannot_moderate(account) from exc
            if exc.wp_code == "rest_comment_invalid_id" or exc.code == "gone":
                raise BadInput(
                    f"The blog has no comment {comment_id}. See the waiting ones with "
                    "'kaizen-exchange comments pending'."
                ) from exc
            raise
    if isinstance(answer, dict) and answer.get("status") not in (status, None):
        raise SiteError(f"The blog kept comment {comment_id} as {answer.get('status')!r}.")
    return said


def waiting_on_our_blog(store: Store) -> list[PendingComment] | None:
    """The window's "To approve": None when there is nothing to ask (no account, no kept
    password: the window never prompts for it here, or an account that may not moderate)."""
    from kaizen_exchange.publishing.account import load_account
    from kaizen_exchange.publishing.credentials import password_for
    from kaizen_exchange.sharing.roster import load_roster

    account = load_account(store)
    if account is None:
        return None
    try:
        password = password_for(account, None)
        return pending_comments(account, password, load_roster(store))
    except SiteError as exc:
        if exc.code in (NOT_ALLOWED, NO_PASSWORD):
            return None
        raise


def moderate_with_kept_password(store: Store, comment_id: int, action: str) -> str:
    from kaizen_exchange.publishing.account import require_account
    from kaizen_exchange.publishing.credentials import password_for

    account = require_account(store)
    return moderate(account, password_for(account, None), comment_id, action)


__all__ = [
    "ACTIONS",
    "DONE",
    "PendingComment",
    "moderate",
    "moderate_with_kept_password",
    "pending_comments",
    "waiting_on_our_blog",
]
