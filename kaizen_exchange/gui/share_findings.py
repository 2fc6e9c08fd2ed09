"""The check report beside the editor: what must change before publishing, and what to look at.

Each line is one finding in the checks' own plain words, blocking ones first. Choosing
a line takes the teacher to its place (:attr:`FindingsList.chosen`): the word in the
title or text, or the picture. A blocking finding the teacher knows to be wrong ("Ash"
is a tree here, not a pupil's surname) can be let through by name, after a
confirmation that says what it means (:func:`override_question`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from kaizen_exchange.gui.share_editor import Span
from kaizen_exchange.wording import plural

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class ShownFinding(Protocol):
    """What the report shows of a finding (sharing.checks.Finding has it)."""

    @property
    def kind(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def where(self) -> Mapping[str, Any]: ...
    @property
    def detail(self) -> str: ...


#: What a finding of each kind is about, for the confirmation of an override.
KIND_WORDS: dict[str, str] = {
    "surname": "a pupil's surname",
    "no_photo_consent": "a photo of a child whose family has not agreed to photos",
    "no_name_consent": "the name of a child whose family has not agreed to names",
    "name_with_photo": "a child's name beside a photo",
    "missing_alt": "a picture without a description",
    "location_metadata": "a file that would give away where it was taken",
    "too_large": "a file larger than the blog accepts",
    "email": "an e-mail address",
    "phone": "a phone number",
    "address": "a street address or postcode",
}


def kind_words(kind: str) -> str:
    return KIND_WORDS.get(kind, kind.replace("_", " "))


def ordered(findings: Iterable[ShownFinding]) -> list[ShownFinding]:
    """Blocking findings first, then by place in the text, so the list reads top to bottom."""
    return sorted(
        findings,
        key=lambda f: (
            f.severity != "block",
            str(f.where.get("field", "~")),
            f.where.get("start", 0),
        ),
    )


def override_question(finding: ShownFinding) -> str:
    """The confirmation before letting a blocking finding through (plain words, no codes)."""
    return (
        f"The check found {kind_words(finding.kind)}:\n\n{finding.detail}\n\n"
        "Publish anyway only if you are sure this is not a safeguarding problem "
        "(for example the word is not a pupil's name). The check will let every finding "
        "of this kind through for this post."
    )


def text_spans(findings: Iterable[ShownFinding], field: str = "text") -> list[Span]:
    """Where in ``field`` each finding is, for the editor's highlights."""
    return [
        Span(int(f.where["start"]), int(f.where["end"]), f.severity == "block")
        for f in findings
        if f.where.get("field") == field and "start" in f.where and "end" in f.where
    ]


def file_marks(findings: Iterable[ShownFinding], file_ids: Sequence[int]) -> dict[int, str]:
    """Which rows of the files list to outline: "block" wins over "warn" on one file."""
    marks: dict[int, str] = {}
    for finding in findings:
        file_id = finding.where.get("file")
        if file_id is None or file_id not in file_ids:
            continue
        row = file_ids.index(file_id)
        if marks.get(row) != "block":
            marks[row] = "block" if finding.severity == "block" else "warn"
    return marks


def summary(
    findings: Sequence[ShownFinding], overrides: frozenset[str], *, empty: bool = False
) -> str:
    """One line above the report: may the post go out, and if not, why.

    An empty new post is not "ready to publish": there is nothing to check yet.
    """
    if empty and not findings:
        return "Nothing to check yet: the check runs here as you write."
    blocking = [f for f in findings if f.severity == "block" and f.kind not in overrides]
    warnings = [f for f in findings if f.severity != "block"]
    if blocking:
        return (
            f"{plural(len(blocking), 'thing')} must change before this post can be "
            "published. Choose a line to see where."
        )
    if warnings:
        return f"Ready to publish. Look again at {plural(len(warnings), 'thing')} below."
    return "Nothing found: ready to publish."


class FindingsList(QListWidget):
    """The check report: one line per finding; choosing one shows its place."""

    chosen = Signal(object)  # the finding whose place to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setSpacing(2)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self.overrides: frozenset[str] = frozenset()

    def show_findings(
        self,
        findings: Sequence[ShownFinding],
        overrides: frozenset[str],
        file_names: Mapping[int, str] | None = None,
    ) -> None:
        """Show the report; a finding let through by the teacher says so, and one about a
        file names it (``file_names`` by file id), so two photos' findings are told apart."""
        self.overrides = overrides
        self.clear()
        for finding in ordered(findings):
            self.addItem(self._item(finding, (file_names or {}).get(finding.where.get("file", -1))))

    def _item(self, finding: ShownFinding, file_name: str | None = None) -> QListWidgetItem:
        if finding.severity == "block" and finding.kind in self.overrides:
            prefix = "Let through: "
        elif finding.severity == "block":
            prefix = "Must change: "
        else:
            prefix = "Check: "
        if file_name:
            prefix += f"{file_name}: "
        item = QListWidgetItem(prefix + finding.detail)
        item.setData(FINDING_ROLE, finding)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, prefix + finding.detail)
        blocks = finding.severity == "block" and finding.kind not in self.overrides
        item.setForeground(Qt.GlobalColor.darkRed if blocks else Qt.GlobalColor.black)
        return item

    def findings(self) -> list[ShownFinding]:
        return [self.item(row).data(FINDING_ROLE) for row in range(self.count())]

    def current_finding(self) -> ShownFinding | None:
        item = self.currentItem()
        finding: ShownFinding | None = item.data(FINDING_ROLE) if item is not None else None
        return finding

    def _activated(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(FINDING_ROLE))


__all__ = [
    "FindingsList",
    "file_marks",
    "kind_words",
    "ordered",
    "override_question",
    "summary",
    "text_spans",
]
