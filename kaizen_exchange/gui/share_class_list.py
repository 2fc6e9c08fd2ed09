"""The class list in the window: who may be shown and named, and a family's change of mind.

Consent is per child and per medium, and a family can withdraw it at any time. When a
box is unticked the app records it at once (the checks of every draft use it), then
lists the posts already on the school blog that show the child in a marked photo or
name them, and offers to take them down: the photo off the post and out of the blog's
media, or the post back to draft when its words name the child. The same steps as
``roster set`` and ``share takedown`` (``operations.roster``). The list never leaves
this PC: nothing here is logged or sent except the takedown's own requests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kaizen_exchange.changes import Changes, Kind
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.look import set_role
from kaizen_exchange.gui.pages.base import plain_message
from kaizen_exchange.gui.share_publish import ask_blog_password, blog_problem
from kaizen_exchange.gui.workers import run_op, run_task
from kaizen_exchange.operations import roster as ops
from kaizen_exchange.sharing.roster import ConsentChange, Pupil, Roster, load_roster
from kaizen_exchange.wording import plural

if TYPE_CHECKING:  # the publishing client is loaded when a takedown is looked for
    from kaizen_exchange.publishing.takedown import Takedown

PHOTO, NAME = 2, 3  # the columns with a box to tick
INTRO = (
    "Kept on this PC only: never sent to the blog, never in an export. When a family "
    "changes its mind, change the box here: the check of every post uses it at once, and "
    "posts already on the school blog that show or name the child can be taken down."
)


def takedown_question(first_name: str, plan: list[Takedown], withdrawn: str = "") -> str:
    """What is on the blog showing or naming the child, and what taking it down would do."""
    lines = [withdrawn, ""] if withdrawn else []
    lines.append(
        f"{plural(len(plan), 'post')} on the school blog "
        f"{'shows or names' if len(plan) == 1 else 'show or name'} {first_name}:"
    )
    for entry in plan:
        why = []
        if entry.photos:
            why.append(plural(len(entry.photos), "marked photo"))
        if entry.to_draft:
            why.append("named in the text")
        lines.append(f"• {entry.title} ({', '.join(why)})")
    lines += [
        "",
        "Take them down now? The marked photos are removed from the posts and deleted "
        "from the blog's media; a post whose words name the child goes back to draft. "
        "Nothing else on the blog changes.",
    ]
    return "\n".join(lines)


def withdrawal_words(change: ConsentChange) -> str:
    media = " or ".join("photos" if w == "photo" else "the name" for w in change.withdrawn)
    return f"{change.pupil.first_name}'s family no longer agrees to {media}."


def takedown_report(plan: list[Takedown]) -> str:
    if not plan:
        return "Nothing on the school blog shows or names that child now: nothing to take down."
    done = [p for p in plan if p.done]
    photos = sum(len(p.photos) for p in done)
    drafted = sum(1 for p in done if p.to_draft)
    parts = []
    if photos:
        parts.append(f"{plural(photos, 'photo')} removed from the blog")
    if drafted:
        parts.append(f"{plural(drafted, 'post')} switched back to draft")
    return "Taken down: " + " and ".join(parts) + "." if parts else "Nothing needed changing."


class ClassListDialog(QDialog):
    """One class's children with their two consents, changed with a tick."""

    def __init__(
        self,
        context: AppContext,
        class_name: str,
        import_list: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.import_list = import_list
        self.roster = Roster()
        self._wanted_class = class_name
        self._filling = False
        self.setWindowTitle("Class list")
        self.resize(620, 520)
        self._build()
        context.changed.connect(self._changed)
        self.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.class_combo = QComboBox()
        self.class_combo.setAccessibleName("Class")
        self.class_combo.currentTextChanged.connect(lambda _name: self._fill_table())
        layout.addWidget(self.class_combo)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            ["First name", "Surname", "Photos allowed", "Name allowed"]
        )
        self.table.setAccessibleName("Children and their families' consent")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (PHOTO, NAME):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._ticked)
        layout.addWidget(self.table, 1)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        set_role(self.status, "muted")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = buttons.addButton(
            "&Import a class list…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.clicked.connect(lambda: self.import_list(self.class_combo.currentText()))
        self.takedown_button = buttons.addButton(
            "&Take down posts…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.takedown_button.setToolTip(
            "Look for posts on the school blog that show or name the chosen child"
        )
        self.takedown_button.clicked.connect(self._takedown_chosen)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # -- showing --------------------------------------------------------------------
    def reload(self) -> None:
        store = self.context.store
        run_task(lambda: load_roster(store), self._loaded, self._failed, owner=self)

    def _changed(self, changes: Changes, _initiator: object | None) -> None:
        if changes.touches(Kind.DRAFTS):
            self.reload()

    def _loaded(self, roster: Roster) -> None:
        self.roster = roster
        current = self.class_combo.currentText() or self._wanted_class
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        self.class_combo.addItems(roster.classes())
        found = self.class_combo.findText(current, Qt.MatchFlag.MatchFixedString)
        self.class_combo.setCurrentIndex(max(found, 0))
        self.class_combo.blockSignals(False)
        self._fill_table()
        if not roster:
            self.status.setText(
                "No class list on this PC yet. Import one: a CSV file with the columns "
                "first_name, last_name, photo_consent, name_consent (from the school office)."
            )

    def _fill_table(self) -> None:
        name = self.class_combo.currentText().casefold()
        pupils = [p for p in self.roster.pupils if p.class_name.casefold() == name]
        self._filling = True
        current = (self.table.currentRow(), self.table.currentColumn())
        self.table.setRowCount(len(pupils))
        for row, pupil in enumerate(pupils):
            self.table.setItem(row, 0, QTableWidgetItem(pupil.first_name))
            self.table.setItem(row, 1, QTableWidgetItem(pupil.last_name))
            self.table.setItem(row, PHOTO, self._box(pupil, pupil.photo_consent, "photos"))
            self.table.setItem(row, NAME, self._box(pupil, pupil.name_consent, "name"))
        if 0 <= current[0] < len(pupils):  # the keyboard stays on the box it changed
            self.table.setCurrentCell(current[0], max(current[1], 0))
        self._filling = False

    @staticmethod
    def _box(pupil: Pupil, allowed: bool, what: str) -> QTableWidgetItem:
        item = QTableWidgetItem("yes" if allowed else "no")
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Checked if allowed else Qt.CheckState.Unchecked)
        item.setData(Qt.ItemDataRole.UserRole, (pupil.first_name, pupil.last_name))
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            f"{pupil.first_name}: {what} {'may' if allowed else 'may not'} be shared",
        )
        return item

    # -- the teacher's changes ------------------------------------------------------
    def _ticked(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in (PHOTO, NAME):
            return
        first, last = item.data(Qt.ItemDataRole.UserRole)
        allowed = item.checkState() == Qt.CheckState.Checked
        consent = {"photo": allowed} if item.column() == PHOTO else {"name": allowed}
        store, class_name = self.context.store, self.class_combo.currentText()
        self.status.setText("Saving…")
        run_op(
            self.context,
            lambda: ops.set_consent(store, first, class_name, last_name=last, **consent),
            self._consent_saved,
            self._failed,
            owner=self,
        )

    def _consent_saved(self, change: ConsentChange) -> None:
        pupil = change.pupil
        self.status.setText(
            f"{pupil.first_name}: photos {'allowed' if pupil.photo_consent else 'not allowed'}, "
            f"name {'allowed' if pupil.name_consent else 'not allowed'}. Saved on this PC."
        )
        if change.withdrawn:
            self.look_for_posts(pupil.first_name, pupil.class_name, withdrawal_words(change))

    def _takedown_chosen(self) -> None:
        chosen = self.table.item(self.table.currentRow(), 0)
        if chosen is None:
            self.status.setText("Choose a child in the list first.")
            return
        self.look_for_posts(chosen.text(), self.class_combo.currentText())

    def look_for_posts(self, first_name: str, class_name: str, withdrawn: str = "") -> None:
        """The posts on the blog showing or naming the child (from this PC's records)."""
        from kaizen_exchange.publishing.takedown import affected

        store = self.context.store
        run_task(
            lambda: affected(store, first_name, class_name),
            lambda plan: self._offer_takedown(first_name, class_name, plan, withdrawn),
            self._failed,
            owner=self,
        )

    def _offer_takedown(
        self, first_name: str, class_name: str, plan: list[Takedown], withdrawn: str
    ) -> None:
        if not plan:
            self.status.setText(
                (self.status.text() + " " if withdrawn else "")
                + f"No post on the school blog shows or names {first_name}."
            )
            return
        answer = QMessageBox.question(
            self,
            "Take posts down?",
            takedown_question(first_name, plan, withdrawn),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.take_down(first_name, class_name)
        else:
            self.status.setText(
                "The posts stay on the blog for now: choose the child and press "
                "Take down posts… when you are ready."
            )

    def take_down(self, first_name: str, class_name: str, password: str | None = None) -> None:
        """Through the school blog's account, off the GUI thread."""
        self.status.setText(f"Taking down what shows or names {first_name}…")
        self.takedown_button.setEnabled(False)
        store = self.context.store
        ask = (lambda _prompt: password) if password else None
        run_op(
            self.context,
            lambda: ops.take_down(store, first_name, class_name, ask),
            self._taken_down,
            lambda exc: self._takedown_failed(exc, first_name, class_name),
            owner=self,
        )

    def _taken_down(self, plan: list[Takedown]) -> None:
        self.takedown_button.setEnabled(True)
        self.status.setText(takedown_report(plan))

    def _takedown_failed(self, error: BaseException, first_name: str, class_name: str) -> None:
        self.takedown_button.setEnabled(True)
        if type(error).__name__ == "NoPassword":
            password = ask_blog_password(self, "to take the posts down")
            if password:
                self.take_down(first_name, class_name, password)
                return
        self.status.setText(
            "Nothing was taken down: "
            + blog_problem(error)
            + " Choose the child and press Take down posts… to try again."
        )

    def _failed(self, error: BaseException) -> None:
        self.status.setText(plain_message(error))
        self.reload()  # the boxes show what is really recorded


__all__ = ["ClassListDialog", "takedown_question", "takedown_report", "withdrawal_words"]
