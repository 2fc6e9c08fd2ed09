"""About Kaizen Exchange: the version, the licence, and where the data and logs are.

Written for the person on the phone to IT support: the version comes from the
installed package (one place: pyproject.toml), both folders are shown in full and
can be selected and copied, and "Open log folder" takes them straight to the log.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kaizen_exchange import APP_NAME, __version__
from kaizen_exchange.logs import log_folder

LICENCE = "MIT"
SUMMARY = (
    "Partner schools' blogs kept offline, video calls planned across UK and "
    "Australian school calendars, and your class's work shared safely."
)


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    """Shown from the window's Help menu; ``data_folder`` is the store the window has open."""

    def __init__(
        self, data_folder: Path, parent: QWidget | None = None, logs: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.setObjectName("aboutDialog")
        self.log_folder = logs if logs is not None else log_folder()
        self.data_folder = data_folder

        title = QLabel(f"<h2>{APP_NAME}</h2>")
        summary = QLabel(SUMMARY)
        summary.setWordWrap(True)

        facts = QFormLayout()
        self.version_label = _selectable(__version__)
        facts.addRow("Version:", self.version_label)
        facts.addRow("Licence:", QLabel(f"{LICENCE} licence, free to use and share"))
        self.data_label = _selectable(str(data_folder))
        facts.addRow("Data folder:", self.data_label)
        self.log_label = _selectable(str(self.log_folder))
        facts.addRow("Log folder:", self.log_label)

        self.open_logs = QPushButton("Open log folder")
        self.open_logs.setToolTip("Show the log files, to send to IT support")
        self.open_logs.clicked.connect(self.open_log_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_logs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addLayout(facts)
        layout.addWidget(buttons)

    def open_log_folder(self) -> bool:
        """Open the folder in the file manager; where none opens, copy its path instead."""
        try:
            self.log_folder.mkdir(parents=True, exist_ok=True)
            opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_folder)))
        except OSError:
            opened = False
        if not opened:
            QGuiApplication.clipboard().setText(str(self.log_folder))
            self.open_logs.setText("Folder path copied")
            self.open_logs.setToolTip("No file manager opened; paste the path where you need it")
        return opened


def show_about(data_folder: Path, parent: QWidget | None = None) -> None:
    """Open the About dialog, modal to ``parent``."""
    AboutDialog(data_folder, parent).exec()


__all__ = ["LICENCE", "AboutDialog", "show_about"]
