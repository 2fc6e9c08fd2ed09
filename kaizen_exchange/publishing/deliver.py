"""``share publish`` and ``outbox retry``: a checked draft to the school's blog, exactly once.

The order of the steps and why a crash between any two of them is safe is in
:mod:`kaizen_exchange.publishing.outbox`. Here: refuse a draft with a blocking
finding (nothing queued, nothing sent); queue it; then deliver: prepare the files
(metadata stripped, on this PC), upload each, make the post with the pictures in it,
and set the draft's state and link. A failure time may cure leaves it queued for the
next sync or ``outbox retry``; one that needs a person leaves it failed, with the reason.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kaizen_exchange.errors import BadInput
from kaizen_exchange.publishing import outbox, remote
from kaizen_exchange.publishing.account import Account, require_account
from kaizen_exchange.publishing.client import WordPress
from kaizen_exchange.publishing.credentials import Ask, password_for
from kaizen_exchange.publishing.errors import CANNOT_UPLOAD, SiteError
from kaizen_exchange.sharing.checks import check_draft
from kaizen_exchange.sharing.drafts import Draft, DraftState, load_draft, set_state
from kaizen_exchange.sharing.findings import CheckReport
from kaizen_exchange.sharing.prepare import Cancelled, prepare_draft
from kaizen_exchange.store.db import Store

#: progress(phase, done, total): phase is "prepare", "upload" or "post".
Progress = Callable[[str, int, int], None]
STATUSES = ("publish", "pending", "draft")


class Blocked(BadInput):
    """The draft has a blocking finding that was neither fixed nor overridden."""

    def __init__(self, report: CheckReport) -> None:
        kinds = ", ".join(dict.fromkeys(f.kind for f in report.blocking))
        details = " ".join(f.detail for f in report.blocking[:3])
        super().__init__(
            f"Not published: {details} Fix it in the draft, or if you are sure, publish "
            f"with --override for: {kinds}. Nothing was sent."
        )
        self.report = report


def recheck_message(draft_id: int) -> str:
    """Kept as the outbox's last error and printed by every sync, so it names no finding:
    a finding quotes the word it found, which may be a pupil's surname."""
    return (
        f"Not sent: the check now finds something to change in post {draft_id}. "
        f"Look at it (kaizen-exchange share check {draft_id}, or the Share page) and "
        "publish it again."
    )


@dataclass
class Outcome:
    """What happened to one draft: its new state, its link once on the site, and why."""

    draft_id: int
    state: str  # published | pending | queued | failed | draft
    message: str
    link: str | None = None
    post_id: int | None = None
    error_code: str | None = None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "draft": self.draft_id,
            "state": self.state,
            "message": self.message,
            "link": self.link,
            "post_id": self.post_id,
            "error": self.error_code,
            "notes": list(self.notes),
        }


def publish_draft(
    store: Store,
    draft_id: int,
    *,
    status: str = "publish",
    overrides: Sequence[str] = (),
    ask: Ask | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Outcome:
    """Checks, queues and delivers one draft; Blocked (nothing sent) while a finding blocks."""
    if status not in STATUSES:
        raise BadInput(f"The status must be one of {', '.join(STATUSES)}.")
    draft = load_draft(store, draft_id)
    sent = outbox.for_draft(store, draft.id)
    if sent is not None and sent.state == "sent":
        if draft.state in ("queued", "sending"):  # the run that sent it stopped just after
            on_site: DraftState = "published" if sent.status_wanted == "publish" else "pending"
            set_state(store, draft.id, on_site, link=sent.link, remote_id=sent.post_id)
        return Outcome(draft.id, draft.state, "Already on the blog.", sent.link, sent.post_id)
    report = check_draft(store, draft, overrides)
    if not report.ok:
        raise Blocked(report)
    account = require_account(store)
    password = password_for(account, ask)  # before queueing: no password, nothing changes
    item = outbox.enqueue(store, draft.id, [f.id for f in draft.files], status, overrides)
    set_state(store, draft.id, "queued")
    return deliver(store, item.id, account, password, progress, cancel)


def deliver(
    store: Store,
    item_id: int,
    account: Account,
    password: str,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Outcome:
    """One attempt at one outbox item (under the outbox lock)."""
    with outbox.delivering(store.folder):
        item = outbox.load(store, item_id)
        draft = load_draft(store, item.draft_id)
        report = check_draft(store, draft, item.overrides)
        if not report.ok:  # changed since it was queued: a person must look again
            return _failed(store, item, SiteError(recheck_message(draft.id)), retry=False)
        outbox.mark_sending(store, item.id)
        set_state(store, draft.id, "sending")
        try:
            with WordPress(account, password) as site:
                return _send(store, site, item, draft, progress, cancel)
        except SiteError as exc:
            return _failed(store, item, exc, retry=exc.retry_later)
        except Cancelled as exc:  # the teacher pressed Cancel: not sent again by itself
            failed = outbox.record_failure(store, item.id, str(exc), retry_later=False)
            set_state(store, draft.id, "draft")
            return Outcome(draft.id, "draft", failed.last_error or "", error_code="cancelled")


def _send(
    store: Store,
    site: WordPress,
    item: outbox.Item,
    draft: Draft,
    progress: Progress | None,
    cancel: Callable[[], bool] | None,
) -> Outcome:
    from kaizen_exchange.sharing.render import render_html

    me = site.get("wp/v2/users/me", {"context": "edit"})
    caps = me.get("capabilities") if isinstance(me.get("capabilities"), dict) else {}
    notes: list[str] = []
    status = item.status_wanted
    if status == "publish" and not caps.get("publish_posts"):
        status = "pending"
        notes.append("This account may not publish, so the post waits for a teacher's approval.")
    media = _upload(store, site, item, draft, bool(caps.get("upload_files")), progress, cancel)
    _tell(progress, "post", 0, 1)
    post: dict[str, Any] | None = None
    if item.post_id is not None:
        post = {"id": item.post_id, "link": item.link or ""}
    slug = remote.post_slug(draft.title, item.token)
    if post is None:
        post = remote.find_post(site, slug)
    if post is None:
        categories, missing = remote.term_ids(site, "categories", [draft.class_name])
        tags, missing_tags = remote.term_ids(site, "tags", draft.tags)
        if missing or missing_tags:
            notes.append(
                "This account may not add new categories or tags, so the post goes without: "
                + ", ".join([*missing, *missing_tags])
                + "."
            )
        images = [f.id for f in draft.files if f.kind == "image"]
        fields: dict[str, Any] = {
            "title": draft.title,
            "content": render_html(draft, {i: url for i, (_, url) in media.items()}),
            "status": status,
            "slug": slug,
            "categories": categories,
            "tags": tags,
        }
        if images:
            fields["featured_media"] = media[images[0]][0]
        post = remote.make_post(site, fields)
    post_id, link = int(post["id"]), str(post.get("link") or "")
    outbox.record_post(store, item.id, post_id, link)
    _tell(progress, "post", 1, 1)
    shutil.rmtree(_work_dir(store, item), ignore_errors=True)
    on_site = str(post.get("status") or status)
    state: DraftState = "published" if on_site == "publish" else "pending"
    set_state(store, draft.id, state, link=link, remote_id=post_id)
    said = {
        "publish": "Published",
        "draft": "Sent as a draft on the blog (not public: publish it there when ready)",
    }.get(on_site, "Sent; it waits for approval on the blog")
    return Outcome(draft.id, state, f"{said}: {link}", link, post_id, notes=notes)


def _upload(
    store: Store,
    site: WordPress,
    item: outbox.Item,
    draft: Draft,
    may_upload: bool,
    progress: Progress | None,
    cancel: Callable[[], bool] | None,
) -> dict[int, tuple[int, str]]:
    """Every file on the site, uploaded or found there: (media id, address) by file id."""
    done = {
        fid: (f.media_id, f.url or "") for fid, f in item.files.items() if f.media_id is not None
    }
    todo = [f for f in draft.files if f.id not in done]
    if not todo:
        return done
    if not may_upload:
        raise SiteError(
            "This account may not upload pictures or videos to the blog, so this post cannot "
            "be sent. Ask whoever runs the blog for the Author role, or send it without them.",
            code=CANNOT_UPLOAD,
        )
    prepare_progress = None if progress is None else (lambda d, t: progress("prepare", d, t))
    work = _work_dir(store, item)
    work.mkdir(parents=True, exist_ok=True)
    ready_files = prepare_draft(draft, work, progress=prepare_progress, cancel=cancel)
    prepared = {p.file_id: p for p in ready_files}
    on_site = remote.find_media(site, [item.files[f.id].token for f in todo])
    for n, file in enumerate(todo, start=1):
        if cancel is not None and cancel():
            raise Cancelled("Stopped before everything was sent.")
        token = item.files[file.id].token
        found = on_site.get(token)
        if found is None:
            ready = prepared[file.id]
            found = remote.upload_media(
                site,
                ready.path,
                slug=token,
                name=ready.upload_name,
                mime=ready.mime,
                alt=ready.alt,
                caption=ready.caption,
            )
        outbox.record_media(store, item.id, file.id, found.id, found.url)
        done[file.id] = (found.id, found.url)
        _tell(progress, "upload", n, len(todo))
    return done


def _failed(store: Store, item: outbox.Item, exc: SiteError, *, retry: bool) -> Outcome:
    failed = outbox.record_failure(store, item.id, str(exc), retry_later=retry)
    state: DraftState = "queued" if retry else "failed"
    set_state(store, item.draft_id, state)
    message = str(exc)
    if retry:
        message += " The post is queued: it is sent at the next sync, or with 'outbox retry'."
    return Outcome(item.draft_id, state, message, failed.link, failed.post_id, exc.code)


def _work_dir(store: Store, item: outbox.Item) -> Path:
    return store.folder / "outbox" / item.token


def _tell(progress: Progress | None, phase: str, done: int, total: int) -> None:
    if progress is not None:
        progress(phase, done, total)


__all__ = ["STATUSES", "Blocked", "Outcome", "Progress", "deliver", "publish_draft"]
