"""The school blog's account, from the Share page: address, user and application password.

The password is typed (pasted) into a hidden field, handed to the keyring by
``operations.account.set_account`` and then dropped: it is never shown again, never
written in the app's files, and the field is emptied after saving. "Check" asks the
site what the account may do, in WordPress's own words for roles (a Contributor's
posts wait for a teacher's approval).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.look import set_role
from kaizen_exchange.gui.pages.base import plain_message
from kaizen_exchange.gui.workers import run_op, run_task
from kaizen_exchange.operations import account as ops
from kaizen_exchange.publishing import password as keyring_store
from kaizen_exchange.publishing.account import Account, load_account
from kaizen_exchange.publishing.check import Report, check_account
from kaizen_exchange.publishing.credentials import NoPassword, password_for

INTRO = (
    "Posts are published with a WordPress application password, not your own password. "
    "In WordPress open Users → Profile → Application Passwords, type “Kaizen Exchange”, "
    "press Add, and paste the password it shows here. It is kept in this computer's "
    "password store, never in Kaizen Exchange's files. A pupil forum's PC can use an "
    "account with the Contributor role: its posts then wait for a teacher's approval."
)
WIDTH = 600
NOTHING_KEPT = (
    "No application password is kept on this computer for this account: paste it above "
    "and press Save and check."
)


def report_text(report: Report) -> str:
    """What the site said, in the check's own sentence and the role's meaning."""
    lines = [report.message]
    if report.meaning and report.meaning not in report.message:
        lines.append(report.meaning)
    if report.comments_note:  # whether the blog holds every comment (issue 14)
        lines.append(report.comments_note)
    return "\n".join(lines)


class AccountDialog(QDialog):
    """Set, check or forget the account the class's posts are published with."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("School blog account")
        self.setAccessibleName("School blog account")
        self.account: Account | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        set_role(intro, "muted")
        layout.addWidget(intro)
        form = QFormLayout()
        self.site_edit = self._field(form, "Blog &address", "https://blog.yourschool.sch.uk")
        self.user_edit = self._field(form, "WordPress &user name", "the name you log in with")
        self.password_edit = self._field(form, "Application &password", "xxxx xxxx xxxx xxxx")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addLayout(form)
        self.answer = QLabel("", self)
        self.answer.setWordWrap(True)
        self.answer.setAccessibleName("What the blog said")
        layout.addWidget(self.answer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = self._button(buttons, "&Save and check", self.save)
        self.check_button = self._button(buttons, "&Check again", self.check)
        self.forget_button = self._button(buttons, "&Forget this account…", self.forget)
        self.save_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(WIDTH)
        # Wrapped text gets its height for the dialog's width: a size hint alone clips it.
        room = QRect(0, 0, WIDTH - 40, 10_000)
        wrap = Qt.TextFlag.TextWordWrap
        intro.setMinimumHeight(intro.fontMetrics().boundingRect(room, wrap, INTRO).height())
        self.answer.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self._busy(True)
        run_task(lambda: load_account(context.store), self._loaded, self._failed, owner=self)

    def _field(self, form: QFormLayout, label: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(label.replace("&", ""))
        title = QLabel(label, self)
        title.setBuddy(edit)
        form.addRow(title, edit)
        return edit

    def _button(self, box: QDialogButtonBox, text: str, slot: object) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    def _busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.check_button.setEnabled(not busy and self.account is not None)
        self.forget_button.setEnabled(not busy and self.account is not None)

    def _loaded(self, account: Account | None) -> None:
        self.account = account
        if account is not None:
            self.site_edit.setText(account.site)
            self.user_edit.setText(account.user)
            self.password_edit.setPlaceholderText("kept in this computer's password store")
            self.answer.setText("Press Check again to ask the blog what this account may do.")
        else:
            self.answer.setText("No blog account is set up on this computer yet.")
        self._busy(False)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.answer.setText(plain_message(error))

    def save(self) -> None:
        site, user = self.site_edit.text(), self.user_edit.text()
        password = self.password_edit.text()
        self._busy(True)
        self.answer.setText("Saving and asking the blog…")
        run_op(
            self.context,
            lambda: ops.set_account(self.context.store, site, user, password),
            lambda done: self._saved(done, password),
            self._failed,
            owner=self,
        )

    def _saved(self, done: ops.AccountSet, password: str) -> None:
        self.account = done.account
        self.site_edit.setText(done.account.site)
        self.password_edit.clear()  # the field never keeps it: the keyring does
        self.password_edit.setPlaceholderText("kept in this computer's password store")
        if not done.kept:
            self.context.say(keyring_store.NO_KEYRING)
        account = done.account
        run_task(lambda: check_account(account, password), self._checked, self._failed, owner=self)

    def check(self) -> None:
        account, typed = self.account, self.password_edit.text().strip()
        if account is None:
            return
        self._busy(True)
        self.answer.setText("Asking the blog…")

        def ask() -> Report:
            return check_account(account, typed or password_for(account))

        run_task(ask, self._checked, self._check_failed, owner=self)

    def _check_failed(self, error: BaseException) -> None:
        self._failed(error)
        if isinstance(error, NoPassword):
            self.answer.setText(NOTHING_KEPT)

    def _checked(self, report: Report) -> None:
        self._busy(False)
        self.answer.setText(report_text(report))

    def forget(self) -> None:
        answer = QMessageBox.question(
            self,
            "Forget this account?",
            "This computer will forget the blog account and its application password. "
            "To stop the password working everywhere, revoke it in WordPress too "
            "(Users → Profile → Application Passwords).",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._busy(True)
        run_op(
            self.context,
            lambda: ops.forget_account(self.context.store),
            self._forgot,
            self._failed,
            owner=self,
        )

    def _forgot(self, _account: Account | None) -> None:
        self.account = None
        for edit in (self.site_edit, self.user_edit, self.password_edit):
            edit.clear()
        self.answer.setText("Forgotten. No blog account is set up on this computer now.")
        self._busy(False)


__all__ = ["AccountDialog", "report_text"]
