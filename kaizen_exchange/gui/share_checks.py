"""The check report beside the editor, kept up to date as the teacher types.

Two checks meet here. The title and the text are checked on the GUI thread a moment
after each keystroke (``check_text`` is pure and fast), on the words as the editor
shows them, so each finding's offsets are the editor's own positions and the word
highlighted is the word found. The whole draft (its files: consent, who is in each
photo, names beside photos, location in the files, sizes) is checked by
``check_draft`` on a worker after each save. Its findings about the text that the
live check also makes are dropped (the live ones point into the editor); the others
(a name in the text of a child marked in a photo) are moved from the Markdown's
offsets to the editor's by the word they found. Every finding is shown at its place:
a word in the text or title, a photo's description, or a picture outlined.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from kaizen_exchange.gui.forms.ui_share import Ui_SharePage
from kaizen_exchange.gui.share_findings import file_marks, summary, text_spans
from kaizen_exchange.gui.workers import run_task
from kaizen_exchange.sharing.checks import check_draft, checking_roster
from kaizen_exchange.sharing.drafts import Draft
from kaizen_exchange.sharing.findings import CheckReport, Finding
from kaizen_exchange.sharing.roster import Roster
from kaizen_exchange.sharing.text_checks import check_text
from kaizen_exchange.store.db import Store

TYPING_MS = 150  # after a keystroke: fast enough to feel live, slow enough to skip a burst
LIVE_FIELDS = ("title", "text")
WRITE, FILES = 0, 1


def moved(finding: Finding, markdown: str, shown: str) -> Finding:
    """``finding`` (offsets in the draft's Markdown) pointing at the same word in ``shown``.

    Markdown adds marks around words ("**", "- ", a link's address) but keeps the words
    in order, so the n-th occurrence of the word found is the n-th one shown.
    """
    start, end = int(finding.where["start"]), int(finding.where["end"])
    word = markdown[start:end]
    seen = markdown[:start].count(word) if word else 0
    at = -1
    for _ in range(seen + 1):
        at = shown.find(word, at + 1)
        if at < 0:
            break
    if not word or at < 0:
        at, word = 0, ""  # not shown as such (inside a link's address): listed, unmarked
    return replace(finding, where={**finding.where, "start": at, "end": at + len(word)})


def merged(live: list[Finding], full: list[Finding], markdown: str, shown: str) -> list[Finding]:
    """The live findings of the title and text, then the whole check's others, in place."""
    same = {(f.kind, f.where.get("field"), f.detail) for f in live}
    result = list(live)
    for finding in full:
        field = finding.where.get("field")
        if "file" not in finding.where and field in LIVE_FIELDS:
            if (finding.kind, field, finding.detail) in same:
                continue
            if field == "text" and "start" in finding.where:
                finding = moved(finding, markdown, shown)
        result.append(finding)
    return result


class LiveCheck(QObject):
    """Runs the checks for the draft being edited and shows their findings in place."""

    report_changed = Signal(bool)  # may the draft be published (no blocking finding left)?

    def __init__(self, ui: Ui_SharePage, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.store = store
        self.roster = Roster()
        self.class_roster = Roster()
        self.draft = Draft(0, "", "")
        self.live: list[Finding] = []
        self.full: list[Finding] = []
        self.overrides: dict[int, set[str]] = {}  # per draft: kinds let through by the teacher
        self._asked = 0  # the newest full check asked for, so an older answer is dropped
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_MS)
        self._timer.timeout.connect(self.check_now)

    # -- what to check --------------------------------------------------------------
    def set_roster(self, roster: Roster, class_name: str) -> None:
        """Every class's children (for surnames) with the post's class's consent."""
        self.roster = roster
        self.class_roster = checking_roster(roster, class_name)
        self.check_now()

    def show_draft(self, draft: Draft) -> None:
        """Another draft is shown: its own report (the full check once it is stored)."""
        self.draft = draft
        self.full = []
        self.check_now()
        if draft.id:
            self.draft_saved(draft)

    def text_changed(self, draft: Draft) -> None:
        self.draft = draft
        self._timer.start()

    def draft_saved(self, draft: Draft) -> None:
        """Check the whole draft as stored, off the GUI thread."""
        self._asked += 1
        asked, store = self._asked, self.store
        snapshot = copy.deepcopy(draft)
        overrides = frozenset(self.overrides.get(draft.id, ()))
        run_task(
            lambda: check_draft(store, snapshot, overrides),
            lambda report: self._checked(asked, report),
            owner=self,
        )

    def _checked(self, asked: int, report: CheckReport) -> None:
        if asked != self._asked or report.draft != self.draft.id:
            return
        self.full = list(report.findings)
        self.show()

    def check_now(self) -> None:
        self._timer.stop()
        text = self.ui.textEdit.plain_text()
        roster = self.class_roster
        self.live = check_text(self.draft.title, field="title", roster=roster) + check_text(
            text, field="text", roster=roster
        )
        self.show()

    def let_through(self, kind: str) -> None:
        """The teacher confirmed a blocking finding of ``kind`` is not a problem here."""
        self.overrides.setdefault(self.draft.id, set()).add(kind)
        self.show()

    @property
    def let_through_kinds(self) -> frozenset[str]:
        return frozenset(self.overrides.get(self.draft.id, ()))

    # -- showing --------------------------------------------------------------------
    def findings(self) -> list[Finding]:
        shown = self.ui.textEdit.plain_text()
        return merged(self.live, self.full, self.draft.text, shown)

    def show(self) -> None:
        findings, overrides = self.findings(), self.let_through_kinds
        names = {f.id: f.path.name for f in self.draft.files}
        self.ui.findingsList.show_findings(findings, overrides, names)
        self.ui.textEdit.highlight(text_spans(findings))
        self.ui.filesList.outline(file_marks(findings, [f.id for f in self.draft.files]))
        empty = not (
            self.ui.titleEdit.text().strip()
            or self.ui.textEdit.plain_text().strip()
            or self.draft.files
        )
        self.ui.checkSummary.setText(summary(findings, overrides, empty=empty))
        blocked = any(f.severity == "block" and f.kind not in overrides for f in findings)
        self.ui.overrideButton.setEnabled(any(f.severity == "block" for f in findings))
        self.report_changed.emit(not blocked)

    def go_to(self, finding: Finding) -> None:
        """Take the teacher to the finding's place: the word, the title, or the picture."""
        where, ui = finding.where, self.ui
        field = where.get("field")
        span = (int(where.get("start", 0)), int(where.get("end", 0)))
        if "file" in where:
            ids = [f.id for f in self.draft.files]
            if where["file"] in ids:
                ui.tabs.setCurrentIndex(FILES)
                ui.filesList.setCurrentRow(ids.index(where["file"]))
                target = {"alt": ui.altEdit, "caption": ui.captionEdit}.get(str(field))
                if target is None:
                    ui.filesList.setFocus()
                else:
                    target.setFocus()
                    target.setSelection(span[0], span[1] - span[0])
            return
        ui.tabs.setCurrentIndex(WRITE)
        if field == "title":
            ui.titleEdit.setFocus()
            ui.titleEdit.setSelection(span[0], span[1] - span[0])
        elif field == "text":
            ui.textEdit.go_to(*span)
        elif field == "class_name":
            ui.classCombo.setFocus()


def blocking(findings: Sequence[Finding], overrides: frozenset[str]) -> list[Finding]:
    return [f for f in findings if f.severity == "block" and f.kind not in overrides]


__all__ = ["LiveCheck", "blocking", "merged", "moved"]
