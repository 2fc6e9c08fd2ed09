"""Publishing from the Share page: the button, its progress and Cancel, and what happened.

Publishing (photos re-encoded without their location, videos remuxed, uploads, the
post) is the core's ``publish_draft``, run by ``operations.drafts.publish`` off the
GUI thread. It reports each step from its thread through a signal (Qt queues it to
the GUI thread) and looks at a flag between files, so Cancel stops it at the next
file with nothing half-sent. The outcome is said in plain words: published (with its
link), waiting for approval, or kept in the outbox to be sent at the next sync.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.forms.ui_share import Ui_SharePage
from kaizen_exchange.gui.look import set_role
from kaizen_exchange.gui.pages.base import plain_message
from kaizen_exchange.gui.workers import run_op
from kaizen_exchange.operations import drafts as ops
from kaizen_exchange.publishing.account import NoAccount
from kaizen_exchange.sharing.drafts import Draft

if TYPE_CHECKING:  # publishing loads Pillow and PyAV: not when the page is first shown
    from kaizen_exchange.publishing.deliver import Outcome

SENDABLE = frozenset({"draft", "failed", "queued"})  # queued: send now, not at the sync
QUEUED = "Saved in the outbox; it will be sent at the next sync."
PHASES = {
    "prepare": "Taking location and camera details out of the files",
    "upload": "Sending the files",
    "post": "Sending the post",
}


NO_ACCOUNT = (
    "No school blog account is set up on this PC yet: press School blog account… at the "
    "top of the Share page to set it up."
)


def blog_problem(error: BaseException) -> str:
    """Why the blog could not be asked, in the window's words (not the command line's)."""
    return NO_ACCOUNT if isinstance(error, NoAccount) else plain_message(error)


def ask_blog_password(parent: QWidget, purpose: str) -> str | None:
    """The application password, hidden, for this once (this PC's keyring keeps none)."""
    password, ok = QInputDialog.getText(
        parent,
        "Application password",
        "This computer keeps no password for the school blog.\n"
        f"Paste the blog's application password {purpose}:",
        QLineEdit.EchoMode.Password,
    )
    return password.strip() if ok and password.strip() else None


def outcome_text(outcome: Outcome) -> str:
    """What became of the post, for a teacher (the core's message speaks to the command line)."""
    notes = " ".join(outcome.notes)
    if outcome.state == "published":
        return f"Published on the school blog. {notes}".strip()
    if outcome.state == "pending":
        return (
            "Sent for approval: it waits on the school blog until a teacher who may "
            f"publish approves it. {notes}"
        ).strip()
    if outcome.state == "queued":
        return f"{QUEUED} The blog could not be reached just now."
    if outcome.error_code == "cancelled":
        return "Stopped: nothing was published. The post is back with your drafts."
    return (
        f"Not sent: {outcome.message.split(' Run ')[0]} "
        "Check the blog account (School blog account…) and press Publish again."
    )


class Relay(QObject):
    """Carries the worker's progress to the GUI thread (a signal emitted from any thread)."""

    step = Signal(str, int, int)


class PublishPanel(QObject):
    """The Publish button and what goes with it, for the draft being edited."""

    sent = Signal(int)  # the draft's number, once publishing ended (its state changed)

    def __init__(self, ui: Ui_SharePage, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ui = ui
        self.context = context
        self.window = parent
        self.draft: Draft | None = None
        self.ok = False
        self.overrides: frozenset[str] = frozenset()
        self.running = False
        self._stop = threading.Event()
        self.relay = Relay(self)
        self.relay.step.connect(self._step)
        set_role(ui.publishNote, "muted")
        ui.publishNote.setWordWrap(True)
        ui.progressBar.hide()
        ui.cancelButton.hide()
        ui.cancelButton.clicked.connect(self.cancel)

    def set_draft(self, draft: Draft) -> None:
        if draft is not self.draft:
            self.ui.publishNote.setText("")
        self.draft = draft
        self._update()

    def set_report(self, ok: bool, overrides: frozenset[str] = frozenset()) -> None:
        self.ok, self.overrides = ok, overrides
        self._update()

    def account_changed(self) -> None:
        """The account dialog closed: the account may be there now (or gone)."""
        self._update()

    def _update(self) -> None:
        draft = self.draft
        titled = draft is not None and bool(draft.title.strip())
        sendable = draft is not None and draft.state in SENDABLE
        self.ui.publishButton.setEnabled(titled and sendable and self.ok and not self.running)
        queued = draft is not None and draft.state == "queued"
        self.ui.publishButton.setText("Send &now" if queued else "&Publish")
        if self.running or draft is None or not sendable:
            return
        if not titled:
            self.ui.publishNote.setText("Give the post a title first.")
        elif not self.ok:
            self.ui.publishNote.setText("Change what the check marks in red first.")
        elif self.ui.publishNote.text() in (
            "Give the post a title first.",
            "Change what the check marks in red first.",
        ):
            self.ui.publishNote.setText("")

    # -- publishing -----------------------------------------------------------------
    def publish(self, password: str | None = None) -> None:
        """Send the draft (saved first); ``password`` when this PC keeps none."""
        draft = self.draft
        if draft is None or not draft.id or self.running:
            return
        self.running = True
        self._stop.clear()
        self._busy(True)
        self.ui.publishNote.setText("Getting ready…")
        store, draft_id, overrides, relay = self.context.store, draft.id, self.overrides, self.relay
        ask = (lambda _prompt: password) if password else None
        run_op(
            self.context,
            lambda: ops.publish(
                store,
                draft_id,
                overrides=sorted(overrides),
                ask=ask,
                progress=relay.step.emit,
                cancel=self._stop.is_set,
            ),
            self._done,
            self._failed,
            owner=self,
        )

    def cancel(self) -> None:
        self._stop.set()
        self.ui.cancelButton.setEnabled(False)
        self.ui.publishNote.setText("Stopping after the file being sent…")

    def _step(self, phase: str, done: int, total: int) -> None:
        bar = self.ui.progressBar
        bar.setMaximum(max(total, 1))
        bar.setValue(done)
        words = PHASES.get(phase, "Sending")
        bar.setFormat(f"{words}: {done} of {total}" if total > 1 else words)
        self.ui.publishNote.setText(words + "…")

    def _done(self, outcome: Outcome) -> None:
        self._finish()
        self.ui.publishNote.setText(outcome_text(outcome))
        self.sent.emit(outcome.draft_id)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if type(error).__name__ == "Blocked":
            self.ui.publishNote.setText(
                "Not published: the check found something to change. Nothing was sent."
            )
        elif type(error).__name__ == "NoPassword":
            self._ask_password()
            return
        elif isinstance(error, NoAccount):
            self.ui.publishNote.setText(NO_ACCOUNT.removesuffix(".") + ", then Publish.")
        else:
            self.ui.publishNote.setText("Not sent: " + plain_message(error))
        if self.draft is not None:
            self.sent.emit(self.draft.id)

    def _ask_password(self) -> None:
        password = ask_blog_password(self.window, "to publish this once")
        if password:
            self.publish(password)
        else:
            self.ui.publishNote.setText("Not sent: no password was given.")

    def _busy(self, busy: bool) -> None:
        ui = self.ui
        ui.progressBar.setVisible(busy)
        ui.cancelButton.setVisible(busy)
        ui.cancelButton.setEnabled(busy)
        ui.progressBar.setValue(0)
        ui.progressBar.setMaximum(0 if busy else 1)  # moving until the first step is told
        self._update()

    def _finish(self) -> None:
        self.running = False
        self._busy(False)


__all__ = [
    "NO_ACCOUNT",
    "QUEUED",
    "PublishPanel",
    "ask_blog_password",
    "blog_problem",
    "outcome_text",
]
