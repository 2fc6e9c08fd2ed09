"""Publishing from the Share page: the button, its progress and Cancel, and what happened.

Publishing itself (photos cleaned, uploads, the outbox) is the core's ``publishing``
package; until its sending part is in this version, the button says so plainly and
the post stays a draft here, nothing lost.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.forms.ui_share import Ui_SharePage
from kaizen_exchange.gui.look import set_role
from kaizen_exchange.sharing.drafts import Draft

SENDABLE = frozenset({"draft", "failed", "queued"})  # queued: send now, not at the sync
NOT_YET = "Publishing is not in this version yet: the post is kept here as a draft."


class PublishPanel(QObject):
    """The Publish button and what goes with it, for the draft being edited."""

    sent = Signal(int)  # the draft's number, once publishing ended (its state changed)

    def __init__(self, ui: Ui_SharePage, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ui = ui
        self.context = context
        self.draft: Draft | None = None
        self.ok = False
        self.overrides: frozenset[str] = frozenset()
        self.running = False
        set_role(ui.publishNote, "muted")
        ui.progressBar.hide()
        ui.cancelButton.hide()

    def set_draft(self, draft: Draft) -> None:
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
        self.ui.publishButton.setEnabled(False)
        if draft is None or not sendable:
            self.ui.publishNote.setText("")
        elif not titled:
            self.ui.publishNote.setText("Give the post a title first.")
        elif not self.ok:
            self.ui.publishNote.setText("Change what the check marks in red first.")
        else:
            self.ui.publishNote.setText(NOT_YET)

    def publish(self) -> None:
        self.ui.publishNote.setText(NOT_YET)


__all__ = ["NOT_YET", "PublishPanel"]
