"""The chosen photo's details: its description (alt text), caption, and who is in it.

Why "who is in it" matters: consent is per child and per medium. A family may allow
their child's name on the blog but not their photo, and can withdraw it later; the
teacher ticks who appears in each photo (kept on this PC only, never sent), so the
check can block a photo of a child without photo consent, and a withdrawal can find
the posts to take down. "I have checked" records that the teacher looked, even when
nobody can be recognised in it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QListWidgetItem

from kaizen_exchange.gui.forms.ui_share import Ui_SharePage
from kaizen_exchange.gui.look import set_role
from kaizen_exchange.sharing.drafts import DraftFile
from kaizen_exchange.sharing.roster import Pupil

NO_ROSTER = (
    "No class list for this class on this PC yet, so the check cannot tell who may be "
    "shown. Import it with Class list… at the top of the page (a CSV file with first "
    "names, surnames and consent from the school office)."
)


class PhotoPanel(QObject):
    """Shows one file's details in the form and writes the teacher's changes into it."""

    edited = Signal()  # the file's alt, caption or pupils changed

    def __init__(self, ui: Ui_SharePage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.file: DraftFile | None = None
        self._filling = False
        set_role(ui.altHint, "muted")
        set_role(ui.whoNote, "muted")
        ui.altEdit.textEdited.connect(self._alt_edited)
        ui.captionEdit.textEdited.connect(self._caption_edited)
        ui.whoList.itemChanged.connect(self._who_edited)
        ui.checkedCheck.toggled.connect(self._checked_toggled)
        self.show_file(None, ())

    def show_file(
        self, file: DraftFile | None, pupils: Sequence[Pupil], editable: bool = True
    ) -> None:
        """Fill the form with ``file`` (None: nothing chosen); ``pupils`` is the class."""
        self.file = file
        self._filling = True
        ui = self.ui
        ui.fileGroup.setEnabled(file is not None and editable)
        is_photo = file is not None and file.kind == "image"
        for widget in (ui.altLabel, ui.altEdit, ui.altHint, ui.whoLabel, ui.whoList):
            widget.setVisible(is_photo or file is None)
        ui.checkedCheck.setVisible(is_photo or file is None)
        ui.fileGroup.setTitle(self._title(file))
        ui.altEdit.setText(file.alt if file else "")
        ui.captionEdit.setText(file.caption if file else "")
        ui.checkedCheck.setChecked(bool(file and file.pupils_confirmed))
        self._fill_pupils(file, pupils)
        self._filling = False

    @staticmethod
    def _title(file: DraftFile | None) -> str:
        if file is None:
            return "Choose a photo above to describe it"
        if file.kind == "image":
            return f"The chosen photo: {file.path.name}"
        return f"The chosen {'video' if file.kind == 'video' else 'file'}: {file.path.name}"

    def _fill_pupils(self, file: DraftFile | None, pupils: Sequence[Pupil]) -> None:
        who = self.ui.whoList
        who.clear()
        marked = {name.casefold() for name in (file.pupils if file else [])}
        for pupil in pupils:
            label = pupil.first_name
            if not pupil.photo_consent:
                label += " (no photo consent)"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, pupil.first_name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = pupil.first_name.casefold() in marked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            who.addItem(item)
        self.ui.whoNote.setText("" if pupils else NO_ROSTER)
        self.ui.whoNote.setVisible(not pupils and file is not None and file.kind == "image")

    def marked(self) -> list[str]:
        who = self.ui.whoList
        return [
            who.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(who.count())
            if who.item(row).checkState() == Qt.CheckState.Checked
        ]

    # -- the teacher's changes ------------------------------------------------------
    def _alt_edited(self, text: str) -> None:
        if self.file is not None and not self._filling:
            self.file.alt = text
            self.edited.emit()

    def _caption_edited(self, text: str) -> None:
        if self.file is not None and not self._filling:
            self.file.caption = text
            self.edited.emit()

    def _who_edited(self, _item: QListWidgetItem) -> None:
        if self.file is None or self._filling:
            return
        self.file.pupils = self.marked()
        if self.file.pupils and not self.file.pupils_confirmed:
            self.ui.checkedCheck.setChecked(True)  # ticking a child is checking the photo
        self.edited.emit()

    def _checked_toggled(self, checked: bool) -> None:
        if self.file is not None and not self._filling:
            self.file.pupils_confirmed = checked
            self.edited.emit()


__all__ = ["NO_ROSTER", "PhotoPanel"]
