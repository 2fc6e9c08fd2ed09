"""Writing a reply as the class: who signs it, the safeguarding checks, and the queue.

A reply is a class talking to a partner class, so it is signed as the class and the
school ("Willow Class, Greenfield Primary") with the school's e-mail address from
the network file (WordPress asks a visitor for a name and an e-mail; the address is
never shown on the blog). Before anything is stored to send, its text goes through
the same checks as a shared post (surnames of our pupils, first names without
consent, e-mail addresses, phone numbers, street addresses): a blocking finding
stops it unless the teacher names it in the overrides.

The reply is then written twice in one transaction: a ``reply`` row (the outbox
entry, state ``queued``) and a ``comment`` row marked ``ours``, so the thread shows
it at once, with its state, whether or not the blog can be reached.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import text as sql
from sqlmodel import select

from kaizen_exchange.conversations.models import Comment, Reply
from kaizen_exchange.errors import BadInput, NotFound
from kaizen_exchange.sharing.findings import Finding, ordered
from kaizen_exchange.sharing.roster import load_roster
from kaizen_exchange.sharing.text_checks import check_text
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Post, School
from kaizen_exchange.store.sqlite import utcnow

#: WordPress refuses a comment longer than 65,525 characters; a class's reply is short.
MAX_REPLY = 5000
FIELD = "reply"


class Blocked(BadInput):
    """A blocking finding that was neither fixed nor overridden: nothing was stored."""

    def __init__(self, findings: list[Finding]) -> None:
        kinds = sorted({f.kind for f in findings})
        super().__init__(
            "The reply was not sent: "
            + " ".join(f.detail for f in findings)
            + " Change the text, or send it as it is by naming the finding: --override "
            + " --override ".join(kinds)
            + "."
        )
        self.findings = findings


@dataclass(frozen=True)
class Signature:
    """Who a reply is from: the class and school, and the school's e-mail address."""

    author: str
    email: str


def signature(store: Store, class_name: str | None) -> Signature:
    """The class's signature; BadInput says what to set when something is missing."""
    with store.session() as session:
        home = session.exec(select(School).where(School.home == True)).first()  # noqa: E712
    if home is None:
        raise BadInput(
            "Replies are signed with your school's name, but the network file does not say "
            "which school is yours. Mark it with home = true in the network file and import "
            "it again."
        )
    if not home.email:
        raise BadInput(
            f"Replies need {home.name}'s e-mail address (blogs ask for one; it is not shown). "
            'Add email = "office@yourschool.example" to your school in the network file and '
            "import it again."
        )
    name = (class_name or "").strip() or _only_class(store)
    if not name or len(name) > 80 or any(not c.isprintable() for c in name):
        raise BadInput('Say which class the reply is from, e.g. --as "Willow Class".')
    return Signature(f"{name}, {home.name}", home.email)


def _only_class(store: Store) -> str:
    classes = load_roster(store).classes()
    if len(classes) == 1:
        return classes[0]
    raise BadInput(
        'Say which class the reply is from, e.g. --as "Willow Class"'
        + (f" (your classes: {', '.join(classes)})." if classes else ".")
    )


def check_reply(store: Store, text: str) -> list[Finding]:
    """The safeguarding findings of a reply's text, blocking ones first (every class's
    roster: a reply may name any pupil of the school)."""
    return ordered(check_text(text, field=FIELD, roster=load_roster(store)))


def reply_text(text: str) -> str:
    """The reply as typed, checked for what a blog would refuse."""
    cleaned = text.replace("\r\n", "\n").strip()
    if not cleaned:
        raise BadInput("The reply is empty: write what the class wants to say.")
    if len(cleaned) > MAX_REPLY:
        raise BadInput(f"The reply is too long ({len(cleaned)} characters; at most {MAX_REPLY}).")
    return cleaned


def write_reply(
    store: Store,
    post_id: int,
    text: str,
    *,
    parent_id: int | None = None,
    class_name: str | None = None,
    overrides: Iterable[str] = (),
) -> Reply:
    """The reply checked and queued (with its ``ours`` comment); Blocked or BadInput else."""
    body = reply_text(text)
    allowed = set(overrides)
    blocking = [f for f in check_reply(store, body) if f.severity == "block"]
    if [f for f in blocking if f.kind not in allowed]:
        raise Blocked([f for f in blocking if f.kind not in allowed])
    who = signature(store, class_name)
    now = utcnow()
    with store.session() as session:
        if session.get(Post, post_id) is None:
            raise NotFound(
                f"There is no post {post_id}. List posts with 'kaizen-exchange posts list'."
            )
        parent = session.get(Comment, parent_id) if parent_id is not None else None
        if parent_id is not None and (parent is None or parent.post_id != post_id):
            raise NotFound(
                f"Post {post_id} has no comment {parent_id}. See its comments with "
                f"'kaizen-exchange posts show {post_id} --comments --json'."
            )
        reply = Reply(
            post_id=post_id,
            parent_comment_id=parent_id,
            author=who.author,
            email=who.email,
            text=body,
            overrides=json.dumps(sorted(allowed)),
            created_at=now,
            updated_at=now,
        )
        session.add(reply)
        session.flush()
        comment = Comment(
            post_id=post_id,
            identity=f"kx-reply-{reply.id}",  # until WordPress gives it its own id
            parent_ref=parent.identity if parent else None,
            author=who.author,
            published=now,
            html=as_html(body),
            text=body,
            content_hash="",  # never a feed's: the sync's copy replaces it when seen
            ours=True,
            read=True,
            fetched_at=now,
        )
        session.add(comment)
        session.flush()
        session.execute(
            sql("INSERT INTO comment_fts (rowid, author, text) VALUES (:id, :author, :text)"),
            {"id": comment.id, "author": comment.author, "text": comment.text},
        )
        reply.comment_id = comment.id
        session.add(reply)
        session.flush()
        session.refresh(reply)
        session.expunge(reply)
    return reply


def as_html(text: str) -> str:
    """Plain text as WordPress shows a comment: paragraphs, line breaks, nothing else."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )


__all__ = [
    "FIELD",
    "MAX_REPLY",
    "Blocked",
    "Signature",
    "as_html",
    "check_reply",
    "reply_text",
    "signature",
    "write_reply",
]
