"""Share: write a post about the class's work, check it, and publish it to the school's blog.

The layout is ``ui/share.ui``: the teacher's posts on the left (each with its state
in plain words), the post in the middle (Write, Pictures and files, Preview), and
the safeguarding check beside it with Publish. The draft is saved after every pause
in typing (:class:`~kaizen_exchange.gui.share_autosave.Autosaver`), so a crash
loses nothing. The check of the title and text is pure and fast, so it runs on the
GUI thread as the teacher types and marks the very words it found; the whole check
(files, consent, metadata) runs on a worker after each save.
"""

from __future__ import annotations

import copy
import html as htmllib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QWidget,
)

from kaizen_exchange.changes import Changes, Kind
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.forms.ui_share import Ui_SharePage
from kaizen_exchange.gui.look import scaled_font, set_role
from kaizen_exchange.gui.pages.base import EVERYTHING, Page, plain_message, show_error
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.gui.share_autosave import Autosaver
from kaizen_exchange.gui.share_checks import LiveCheck
from kaizen_exchange.gui.share_files import files_only, kind_of
from kaizen_exchange.gui.share_findings import override_question
from kaizen_exchange.gui.share_photo import PhotoPanel
from kaizen_exchange.gui.share_preview import preview_post
from kaizen_exchange.gui.share_publish import PublishPanel
from kaizen_exchange.gui.share_tags import tag_choices
from kaizen_exchange.gui.workers import run_op, run_task
from kaizen_exchange.operations import roster as roster_ops
from kaizen_exchange.sharing.drafts import Draft, describe_state, list_drafts, new_file
from kaizen_exchange.sharing.names import fold
from kaizen_exchange.sharing.roster import Pupil, Roster, load_roster
from kaizen_exchange.wording import plural

if TYPE_CHECKING:
    from kaizen_exchange.gui.share_account import AccountDialog
    from kaizen_exchange.gui.share_approval import ApprovalDialog
    from kaizen_exchange.gui.share_class_list import ClassListDialog

DRAFT_ROLE = Qt.ItemDataRole.UserRole + 1
EDITABLE = frozenset({"draft", "failed"})  # a queued or sent post is not changed under the outbox
WRITE, FILES, PREVIEW = 0, 1, 2


def blank_draft() -> Draft:
    return Draft(0, "", "")


def draft_label(draft: Draft) -> str:
    title = draft.title.strip() or "Untitled post"
    return f"{title}\n{describe_state(draft)}"


class SharePage(Page):
    title = "Share"
    icon_name = "share"
    shows = frozenset({Kind.DRAFTS, Kind.POSTS})  # our posts' states; our blog's tags

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.ui = Ui_SharePage()
        self.ui.setupUi(self)
        self.setObjectName("page")
        self.ui.titleLabel.setFont(scaled_font(self.font(), 1.6, bold=True))
        set_role(self.ui.titleLabel, "heading")
        for label in (self.ui.savedLabel, self.ui.checkSummary, self.ui.linkLabel):
            set_role(label, "muted")
        self.draft = blank_draft()
        self.drafts: list[Draft] = []
        self.roster = Roster()
        self._filling = False
        self.autosaver = Autosaver(context, context.store, self._draft_to_save, self)
        self.autosaver.saved.connect(self._saved)
        self.autosaver.failed.connect(self._save_failed)
        self.photo = PhotoPanel(self.ui, self)
        self.photo.edited.connect(self._files_edited)
        self.checks = LiveCheck(self.ui, context.store, self)
        self.publisher = PublishPanel(self.ui, context, self)
        self.publisher.sent.connect(lambda _draft_id: self.reload(Changes.of(Kind.DRAFTS)))
        self.checks.report_changed.connect(
            lambda ok: self.publisher.set_report(ok, self.checks.let_through_kinds)
        )
        self._publish_after_save = False
        self._wire()
        self.show_draft(self.draft)
        self.reload()

    # -- setup ----------------------------------------------------------------------
    def _wire(self) -> None:
        ui = self.ui
        ui.newButton.clicked.connect(self.new_post)
        ui.accountButton.clicked.connect(self.open_account)
        self.approval_button = QPushButton("Waitin&g for approval…", self)
        self.approval_button.setToolTip(
            "Posts the pupil forum sent to the school blog, for a teacher to publish or send back"
        )
        ui.titleRow.insertWidget(ui.titleRow.indexOf(ui.accountButton), self.approval_button)
        self.approval_button.clicked.connect(self.open_approval)
        QWidget.setTabOrder(ui.classListButton, self.approval_button)
        QWidget.setTabOrder(self.approval_button, ui.accountButton)
        ui.classListButton.clicked.connect(self.open_class_list)
        ui.draftList.currentItemChanged.connect(self._draft_chosen)
        ui.titleEdit.textEdited.connect(self._title_edited)
        ui.classCombo.currentTextChanged.connect(self._class_edited)
        ui.tagsList.itemChanged.connect(self._tags_edited)
        ui.textEdit.text_edited.connect(self._text_edited)
        ui.boldButton.clicked.connect(ui.textEdit.toggle_bold)
        ui.italicButton.clicked.connect(ui.textEdit.toggle_italic)
        ui.listButton.clicked.connect(ui.textEdit.toggle_list)
        ui.linkButton.clicked.connect(self.add_link)
        ui.addFilesButton.clicked.connect(self.pick_files)
        ui.removeFileButton.clicked.connect(self.remove_file)
        ui.filesList.dropped.connect(self.add_files)
        ui.filesList.currentRowChanged.connect(self._file_chosen)
        ui.findingsList.chosen.connect(self.checks.go_to)
        ui.overrideButton.clicked.connect(self.override_chosen)
        ui.publishButton.clicked.connect(self.publish)
        ui.textEdit.setMinimumHeight(160)
        ui.tabs.currentChanged.connect(self._tab_changed)
        for keys, slot in (
            ("Ctrl+N", self.new_post),
            ("Ctrl+B", ui.textEdit.toggle_bold),
            ("Ctrl+I", ui.textEdit.toggle_italic),
            ("Ctrl+Shift+L", ui.textEdit.toggle_list),
            ("Ctrl+K", self.add_link),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

    # -- the list of posts ----------------------------------------------------------
    def reload(self, changes: Changes = EVERYTHING) -> None:
        super().reload(changes)
        store, chosen = self.context.store, list(self.draft.tags)
        run_task(
            lambda: (list_drafts(store), load_roster(store), tag_choices(store, chosen)),
            self._loaded,
            lambda exc: show_error(self, "Your posts could not be read", exc),
            owner=self,
        )

    def _loaded(self, answer: tuple[list[Draft], Roster, list[str]]) -> None:
        self.drafts, self.roster, tags = answer
        self._fill_draft_list()
        self._fill_classes()
        self._fill_tags(tags)
        self.checks.set_roster(self.roster, self.draft.class_name)
        self._show_pupils()
        mine = next((d for d in self.drafts if d.id == self.draft.id), None)
        if mine is not None and mine.state != self.draft.state:
            self.draft.state, self.draft.link = mine.state, mine.link  # the outbox moved it
            self._show_state()

    def _fill_draft_list(self) -> None:
        drafts = self.ui.draftList
        drafts.blockSignals(True)
        drafts.clear()
        for draft in self.drafts:
            item = QListWidgetItem(draft_label(draft))
            item.setData(DRAFT_ROLE, draft.id)
            drafts.addItem(item)
            if draft.id == self.draft.id:
                drafts.setCurrentItem(item)
        drafts.blockSignals(False)

    def _draft_chosen(self, item: QListWidgetItem | None, _old: QListWidgetItem | None) -> None:
        if item is None:
            return
        chosen = next((d for d in self.drafts if d.id == item.data(DRAFT_ROLE)), None)
        if chosen is not None and chosen.id != self.draft.id:
            self.autosaver.save_now()
            self.show_draft(chosen)

    def new_post(self) -> None:
        """An empty post; it is stored with the first thing typed into it."""
        self.autosaver.save_now()
        self.show_draft(blank_draft())
        self.ui.draftList.clearSelection()
        self.ui.tabs.setCurrentIndex(WRITE)
        self.ui.titleEdit.setFocus()

    # -- showing a draft ------------------------------------------------------------
    def show_draft(self, draft: Draft) -> None:
        self.draft = draft
        self._filling = True
        ui = self.ui
        ui.titleEdit.setText(draft.title)
        ui.classCombo.setEditText(draft.class_name)
        ui.textEdit.set_markdown(draft.text)
        self._tick_tags()
        ui.filesList.show_files(draft.files)
        self._filling = False
        self._file_chosen(ui.filesList.currentRow())
        self._show_state()
        self.checks.set_roster(self.roster, draft.class_name)
        self.checks.show_draft(draft)

    def _show_state(self) -> None:
        draft, ui = self.draft, self.ui
        editable = draft.state in EDITABLE
        for widget in (ui.titleEdit, ui.classCombo, ui.tagsList, ui.addFilesButton):
            widget.setEnabled(editable)
        ui.removeFileButton.setEnabled(editable and ui.filesList.count() > 0)
        ui.textEdit.setReadOnly(not editable)
        for button in (ui.boldButton, ui.italicButton, ui.listButton, ui.linkButton):
            button.setEnabled(editable)
        if draft.link:
            link = htmllib.escape(draft.link, quote=True)
            ui.linkLabel.setText(
                f'{describe_state(draft)}: <a href="{link}">open it on the blog</a>'
            )
        elif draft.id:
            ui.linkLabel.setText(describe_state(draft))
        else:
            ui.linkLabel.setText("A new post: it is saved as you type.")
        self.publisher.set_draft(draft)

    def _fill_classes(self) -> None:
        combo, current = self.ui.classCombo, self.draft.class_name
        names = self.roster.classes() + [d.class_name for d in self.drafts]
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(sorted({n for n in names if n}, key=str.casefold))
        combo.setEditText(current)
        combo.blockSignals(False)

    def _fill_tags(self, tags: list[str]) -> None:
        tags_list = self.ui.tagsList
        tags_list.blockSignals(True)
        tags_list.clear()
        for tag in tags:
            item = QListWidgetItem(tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            tags_list.addItem(item)
        tags_list.blockSignals(False)
        self._tick_tags()

    def _tick_tags(self) -> None:
        chosen = {t.casefold() for t in self.draft.tags}
        tags_list = self.ui.tagsList
        tags_list.blockSignals(True)
        for row in range(tags_list.count()):
            item = tags_list.item(row)
            ticked = item.text().casefold() in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        tags_list.blockSignals(False)

    # -- the teacher's edits --------------------------------------------------------
    def _draft_to_save(self) -> Draft | None:
        """The draft to store now; a new one only once something is in it."""
        draft = self.draft
        if draft.id == 0 and not (draft.title.strip() or draft.text.strip() or draft.files):
            return None
        return draft if draft.state in EDITABLE else None

    def _edited(self) -> None:
        if self._filling:
            return
        self.ui.savedLabel.setText("Saving…")
        self.autosaver.changed()
        self.checks.text_changed(self.draft)

    def _title_edited(self, text: str) -> None:
        self.draft.title = text
        self._edited()

    def _text_edited(self) -> None:
        if not self._filling:
            self.draft.text = self.ui.textEdit.markdown()
            self._edited()

    def _class_edited(self, text: str) -> None:
        if self._filling or text.strip() == self.draft.class_name:
            return
        self.draft.class_name = text.strip()
        self.checks.set_roster(self.roster, self.draft.class_name)
        self._show_pupils()
        self._edited()

    def _tags_edited(self, _item: QListWidgetItem) -> None:
        tags_list = self.ui.tagsList
        self.draft.tags = [
            tags_list.item(row).text()
            for row in range(tags_list.count())
            if tags_list.item(row).checkState() == Qt.CheckState.Checked
        ]
        self._edited()

    def _files_edited(self) -> None:
        row = self.ui.filesList.currentRow()
        self.ui.filesList.show_files(self.draft.files)
        self.ui.filesList.setCurrentRow(row)
        self._edited()

    def add_link(self) -> None:
        if self.ui.textEdit.isReadOnly():
            return
        url, ok = QInputDialog.getText(self, "Add a link", "Web address (https://…):")
        if ok and url.strip() and not self.ui.textEdit.insert_link(url):
            QMessageBox.information(
                self,
                "Not a web address",
                "A link must be a web address starting with https:// (for example "
                "https://www.example.org/page). Copy it from the browser's address bar.",
            )

    # -- files ----------------------------------------------------------------------
    def pick_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            "Add photos, videos or files",
            str(Path.home()),
            "Photos and videos (*.jpg *.jpeg *.png *.heic *.heif *.mp4 *.mov);;All files (*)",
        )
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        if self.draft.state not in EDITABLE:
            return
        good, bad = files_only(paths)
        known = {f.path for f in self.draft.files}
        added = [p for p in good if p not in known]
        for path in added:
            self.draft.files.append(new_file(kind_of(path), path))  # type: ignore[arg-type]
        if bad:
            names = ", ".join(p.name or str(p) for p in bad)
            self.context.say(f"Only files can be added, not folders: {names}")
        if not added:
            return
        self.ui.tabs.setCurrentIndex(FILES)
        self.ui.filesList.show_files(self.draft.files)
        self.ui.filesList.setCurrentRow(len(self.draft.files) - len(added))
        self._show_state()
        self._edited()

    def remove_file(self) -> None:
        row = self.ui.filesList.currentRow()
        if 0 <= row < len(self.draft.files) and self.draft.state in EDITABLE:
            del self.draft.files[row]
            self.ui.filesList.show_files(self.draft.files)
            self._file_chosen(self.ui.filesList.currentRow())
            self._show_state()
            self._edited()

    def _file_chosen(self, row: int) -> None:
        if self._filling:
            return
        file = self.draft.files[row] if 0 <= row < len(self.draft.files) else None
        self.photo.show_file(file, self._pupils(), self.draft.state in EDITABLE)

    def _show_pupils(self) -> None:
        self._file_chosen(self.ui.filesList.currentRow())

    def _pupils(self) -> list[Pupil]:
        """The children of the post's class, to tick in a photo (none until a class is chosen)."""
        key = fold(self.draft.class_name.strip())
        return [p for p in self.roster.pupils if key and fold(p.class_name) == key]

    # -- saving, the check and the preview ------------------------------------------
    def _saved(self, stored: Draft) -> None:
        self.ui.savedLabel.setText("Saved")
        if stored.id == self.draft.id:
            self._show_state()
            self.checks.draft_saved(self.draft)
            if self.ui.tabs.currentIndex() == PREVIEW:
                self._show_preview()
            if self._publish_after_save and not self.autosaver.pending:
                self._publish_after_save = False
                self.publisher.publish()
        known = next((d for d in self.drafts if d.id == stored.id), None)
        if known is None:
            self.drafts.insert(0, stored)
        else:
            self.drafts[self.drafts.index(known)] = stored
        self._fill_draft_list()

    def publish(self) -> None:
        """Publish what is on screen: what was typed last is saved first."""
        if self.autosaver.pending:
            self._publish_after_save = True
            self.autosaver.save_now()
            return
        self.publisher.publish()

    def _save_failed(self, error: BaseException) -> None:
        self._publish_after_save = False
        self.ui.savedLabel.setText("Not saved: " + plain_message(error))
        QTimer.singleShot(5000, self.autosaver.changed)  # try again; the text stays here

    def _tab_changed(self, index: int) -> None:
        if index == PREVIEW:
            self._show_preview()

    def _show_preview(self) -> None:
        """The post as partners' readers will show it, drawn from the files on this PC."""
        draft = copy.deepcopy(self.draft)
        names = [s.name for s in self.context.our_schools]
        school = names[0] if names else "Our school"
        run_task(
            lambda: preview_post(draft, school),
            self.ui.preview.show_post,
            lambda exc: self.ui.preview.show_message(plain_message(exc)),
            owner=self,
        )

    def override_chosen(self) -> None:
        finding = self.ui.findingsList.current_finding()
        if finding is None or finding.severity != "block":
            self.context.say("Choose a line marked 'Must change' first.")
            return
        answer = QMessageBox.warning(
            self,
            "Publish anyway?",
            override_question(finding),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.checks.let_through(finding.kind)

    def import_class_list(self, path: Path | None = None, class_name: str = "") -> None:
        """The class list (first names, surnames, consent) from a CSV file, kept on this PC."""
        name = class_name or self.draft.class_name
        if not name:
            name, ok = QInputDialog.getText(
                self, "Class list", "Which class is the list for (for example Willow Class)?"
            )
            if not ok or not name.strip():
                return
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self,
                f"The class list of {name}",
                str(Path.home()),
                "Class lists (*.csv);;All files (*)",
            )
            if not chosen:
                return
            path = Path(chosen)
        store, file, class_ = self.context.store, path, name.strip()
        run_op(
            self.context,
            lambda: roster_ops.import_class_list(store, file, class_),
            lambda count: self.context.say(
                f"Class list of {class_}: {plural(count, 'child', 'children')}, "
                "kept on this PC only."
            ),
            lambda exc: show_error(self, "The class list could not be imported", exc),
            owner=self,
        )

    def open_class_list(self) -> ClassListDialog:
        """The class list with each family's consent; a withdrawal can take posts down."""
        from kaizen_exchange.gui.share_class_list import ClassListDialog

        dialog = ClassListDialog(
            self.context,
            self.draft.class_name,
            lambda name: self.import_class_list(class_name=name),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_approval(self) -> ApprovalDialog:
        """The school blog's posts waiting for a teacher: approve, or send back."""
        from kaizen_exchange.gui.share_approval import ApprovalDialog

        dialog = ApprovalDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_account(self) -> AccountDialog:
        """The school blog's account (address, user, application password), in a dialog."""
        from kaizen_exchange.gui.share_account import AccountDialog

        dialog = AccountDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.publisher.account_changed())
        dialog.open()
        return dialog

    # -- state ----------------------------------------------------------------------
    def save_state(self, settings: AppSettings) -> None:
        self.autosaver.save_now()
        settings.set_geometry("share_splitter", self.ui.splitter.saveState())

    def restore_state(self, settings: AppSettings) -> None:
        splitter = settings.geometry("share_splitter")
        if splitter is not None:
            self.ui.splitter.restoreState(splitter)
        else:
            self.ui.splitter.setSizes([200, 640, 280])


__all__ = ["SharePage"]
