"""The "Reply" dialog of the reader: the class answers a partner's post or comment.

The text is checked as it is typed (``check_text`` is pure and fast, as on the Share
page) against every class's list, loaded once off the GUI thread when the dialog
opens. A blocking finding (a pupil's surname, a first name without consent) keeps
Send greyed out until the words are changed, or until the teacher ticks the box that
names it: "Send it with the name ‘Hartley’ in it: I have checked it is not a pupil's
surname". Sending (which talks to the partner's blog) runs off the GUI thread; the
dialog then says what became of the reply in plain words ("Sent, waiting for Wattle
Creek's approval", or queued for the next sync).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kaizen_exchange.conversations.replies import FIELD, MAX_REPLY
from kaizen_exchange.conversations.sending import Outcome
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.pages.base import plain_message
from kaizen_exchange.gui.workers import run_op, run_task
from kaizen_exchange.operations.conversations import send_reply
from kaizen_exchange.sharing.findings import Finding, ordered
from kaizen_exchange.sharing.roster import Roster, load_roster
from kaizen_exchange.sharing.text_checks import check_text

TYPING_MS = 150
#: What ticking the box for a blocking finding confirms, by kind.
CONFIRM = {
    "surname": "Send it with {word} in it: I have checked it is not a pupil's surname.",
    "no_name_consent": "Send it with {word} in it: I have checked it is not that pupil.",
}


class ReplyDialog(QDialog):
    """Writes one reply to ``post_id`` (or to the comment ``parent_id`` under it)."""

    def __init__(
        self,
        context: AppContext,
        post_id: int,
        answering: str,
        parent_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.post_id, self.parent_id = context, post_id, parent_id
        self.setWindowTitle("Reply")
        self.roster = Roster(())
        self.findings: list[Finding] = []
        self.outcome: Outcome | None = None
        self.overrides: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(f"Reply to {html.escape(answering)}")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.class_box = QComboBox()
        self.class_box.setEditable(True)
        self.class_box.setToolTip("The reply is signed with the class and the school's name.")
        form.addRow("From the class", self.class_box)
        layout.addLayout(form)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText("What does the class want to say?")
        layout.addWidget(self.editor)
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        layout.addWidget(self.findings_label)
        self.confirm_box = QVBoxLayout()
        layout.addLayout(self.confirm_box)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = QPushButton("Send")
        self.send_button.setDefault(True)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.clicked.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_MS)
        self._timer.timeout.connect(self.check)
        self.editor.textChanged.connect(self._timer.start)
        self.class_box.currentTextChanged.connect(lambda _text: self._update_send())
        self.resize(520, 420)
        self._update_send()
        store = context.store
        run_task(lambda: load_roster(store), self._roster_loaded, owner=self)

    def _roster_loaded(self, roster: Roster) -> None:
        self.roster = roster
        classes = roster.classes()
        self.class_box.addItems(classes)
        self.check()

    # -- checking as the teacher types ------------------------------------------------------
    def check(self) -> None:
        text = self.editor.toPlainText()
        self.findings = ordered(check_text(text, field=FIELD, roster=self.roster))
        lines = [
            f"<b>{'Must change' if f.severity == 'block' else 'Check'}:</b> {html.escape(f.detail)}"
            for f in self.findings
        ]
        self.findings_label.setText("<br>".join(lines))
        self._confirmations(text)
        self._update_send()

    def _confirmations(self, text: str) -> None:
        """One box per blocking kind found; a box already ticked stays ticked."""
        wanted: dict[str, str] = {}
        for finding in self.findings:
            if finding.severity == "block" and finding.kind not in wanted:
                start, end = finding.where.get("start"), finding.where.get("end")
                word = f"‘{text[start:end]}’" if isinstance(start, int) else "this name"
                wanted[finding.kind] = CONFIRM.get(
                    finding.kind, "Send it as it is: I have checked {word}."
                ).format(word=word)
        for kind in list(self.overrides):
            if kind not in wanted:
                self.overrides.pop(kind).deleteLater()
        for kind, label in wanted.items():
            box = self.overrides.get(kind)
            if box is None:
                box = QCheckBox()
                box.toggled.connect(lambda _on: self._update_send())
                self.overrides[kind] = box
                self.confirm_box.addWidget(box)
            box.setText(label)

    @property
    def blocked(self) -> bool:
        """A blocking finding whose box is not ticked."""
        return any(not box.isChecked() for box in self.overrides.values())

    def _update_send(self) -> None:
        text = self.editor.toPlainText().strip()
        ready = bool(text) and len(text) <= MAX_REPLY and bool(self.class_box.currentText())
        self.send_button.setEnabled(ready and not self.blocked and self.outcome is None)

    # -- sending ----------------------------------------------------------------------------
    def send(self) -> None:
        self.check()
        if self.blocked or not self.send_button.isEnabled():
            return
        self.send_button.setEnabled(False)
        self.editor.setReadOnly(True)
        self.state_label.setText("Sending…")
        store, post_id, parent_id = self.context.store, self.post_id, self.parent_id
        text, class_name = self.editor.toPlainText(), self.class_box.currentText()
        overrides = [kind for kind, box in self.overrides.items() if box.isChecked()]
        run_op(
            self.context,
            lambda: send_reply(
                store,
                post_id,
                text,
                parent_id=parent_id,
                class_name=class_name,
                overrides=overrides,
            ),
            self._sent,
            self._failed,
            owner=self,
        )

    def _sent(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.state_label.setText(outcome.message)
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        self.context.say(outcome.message)

    def _failed(self, error: BaseException) -> None:
        self.editor.setReadOnly(False)
        self.state_label.setText(plain_message(error))
        self._update_send()


__all__ = ["ReplyDialog"]
