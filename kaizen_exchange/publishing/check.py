"""``account check``: can this account publish, and what does its role mean?

Asked of the site itself: the REST index says whether application passwords are
available at all, ``/wp/v2/users/me?context=edit`` gives the user's roles and
capabilities (any logged-in user may read their own). A failure is a :class:`Report`
too, with the code of :mod:`kaizen_exchange.publishing.errors`, so the command line
and the window show the same sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kaizen_exchange.publishing.account import Account
from kaizen_exchange.publishing.client import WordPress, app_passwords_off
from kaizen_exchange.publishing.errors import (
    CANNOT_UPLOAD,
    NOT_ALLOWED,
    SiteError,
)

#: What each of WordPress's own roles means for a class sharing its work.
ROLE_MEANINGS: dict[str, str] = {
    "administrator": "Administrator: posts go live at once, and this account can approve "
    "posts that are waiting for approval.",
    "editor": "Editor: posts go live at once, and this account can approve posts that are "
    "waiting for approval.",
    "author": "Author: posts go live at once; it cannot approve other people's posts.",
    "contributor": "Contributor: posts go to a teacher for approval (they wait as 'pending' "
    "until an Editor or Administrator publishes them).",
    "subscriber": "Subscriber: this account cannot write posts.",
}


#: WordPress 6.1 exposes neither ``comment_moderation`` nor ``comment_previously_approved``
#: (Settings → Discussion) to apps: not in ``/wp/v2/settings``, not in XML-RPC's
#: ``wp.getOptions``. So the check says how to make sure, rather than guess.
COMMENTS_HELD = (
    "This account can moderate comments ('comments pending' lists those waiting). WordPress "
    "does not let apps read whether the blog holds every comment for approval: to be sure "
    "it does, tick “Comment must be manually approved” in Settings → Discussion."
)


@dataclass(frozen=True)
class Report:
    """The answer of ``account check`` (``to_json`` is the ``--json`` contract)."""

    site: str
    user: str
    code: str  # "ok", or a code of publishing.errors
    message: str
    role: str | None = None
    name: str | None = None
    can_post: bool = False
    can_publish: bool = False
    can_upload: bool = False
    can_moderate: bool = False

    @property
    def ok(self) -> bool:
        return self.code == "ok"

    @property
    def meaning(self) -> str | None:
        return ROLE_MEANINGS.get(self.role or "") if self.role else None

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "code": self.code,
            "message": self.message,
            "site": self.site,
            "user": self.user,
            "name": self.name,
            "role": self.role,
            "role_meaning": self.meaning,
            "can_post": self.can_post,
            "can_publish": self.can_publish,
            "can_upload": self.can_upload,
            "can_moderate": self.can_moderate,
            "holds_every_comment": None,  # WordPress does not say (see COMMENTS_HELD)
            "comments_note": self.comments_note,
        }

    @property
    def comments_note(self) -> str | None:
        return COMMENTS_HELD if self.can_moderate else None


def check_account(account: Account, password: str) -> Report:
    with WordPress(account, password) as site:
        try:
            return _check(site)
        except SiteError as exc:
            return Report(account.site, account.user, exc.code, str(exc))


def _check(site: WordPress) -> Report:
    account = site.account
    if not site.app_passwords_offered():
        raise app_passwords_off(account.site)
    me = site.get("wp/v2/users/me", {"context": "edit"})
    caps = me.get("capabilities") if isinstance(me.get("capabilities"), dict) else {}
    roles = [r for r in me.get("roles", []) if isinstance(r, str)]
    role = next((r for r in ROLE_MEANINGS if r in roles), roles[0] if roles else None)
    name = me.get("name") if isinstance(me.get("name"), str) else None
    can_post, can_upload = bool(caps.get("edit_posts")), bool(caps.get("upload_files"))
    said = ROLE_MEANINGS.get(role or "", f"Role: {role or 'none'}.")
    if not can_post:
        code, message = NOT_ALLOWED, f"{said} Ask whoever runs the blog for the Author role."
    elif not can_upload:
        code, message = (
            CANNOT_UPLOAD,
            (
                f"{said} This account cannot upload pictures or videos, so only posts without "
                "them can be sent. Ask whoever runs the blog for the Author role, or to let "
                "Contributors upload files."
            ),
        )
    else:
        code, message = "ok", f"The account works. {said}"
    return Report(
        account.site,
        account.user,
        code,
        message,
        role=role,
        name=name,
        can_post=can_post,
        can_publish=bool(caps.get("publish_posts")),
        can_upload=can_upload,
        can_moderate=bool(caps.get("moderate_comments")),
    )


__all__ = ["COMMENTS_HELD", "ROLE_MEANINGS", "Report", "check_account"]
