"""The first-run page: an empty store offers the three ways in, and nothing else.

"Try the demo" starts a second copy of the app on the bundled demo network in a
throw-away folder, so exploring it never mixes fictional schools into real data.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.look import heading, icon, muted, scaled_font, set_role


def demo_command() -> tuple[str, list[str]]:
    """How to start ``kaizen-exchange demo`` from this very installation."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: the executable is the app
        return sys.executable, ["demo"]
    return sys.executable, ["-m", "kaizen_exchange", "demo"]


class WelcomePage(QWidget):
    import_network = Signal()
    add_blog = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setAccessibleName("Welcome")
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(16)
        layout.addWidget(heading("Welcome to Kaizen Exchange", 2.0))
        layout.addWidget(
            muted(
                "Read your partner classes' blogs offline, show their work on the "
                "whiteboard, and find times when your classes can meet across the world. "
                "Start with one of these:"
            )
        )
        cards = QHBoxLayout()
        cards.setSpacing(16)
        cards.addWidget(
            self._card(
                "import",
                "Import a network file",
                "Your network's lead teacher sends one file with every partner school.",
                self.import_network.emit,
            )
        )
        cards.addWidget(
            self._card(
                "add",
                "Add a partner blog",
                "Type a partner school's blog address; we find its posts feed.",
                self.add_blog.emit,
            )
        )
        cards.addWidget(
            self._card(
                "present",
                "Try the demo",
                "Five made-up schools in England and Australia, with posts and pictures.",
                self.try_demo,
            )
        )
        layout.addLayout(cards)
        layout.addStretch(1)
        self.demo_process: QProcess | None = None

    def _card(self, icon_name: str, title: str, text: str, action: object) -> QFrame:
        frame = QFrame(self)
        set_role(frame, "card")
        column = QVBoxLayout(frame)
        column.setContentsMargins(20, 20, 20, 20)
        column.setSpacing(10)
        label = QLabel(title, frame)
        label.setFont(scaled_font(self.font(), 1.25, bold=True))
        column.addWidget(label)
        column.addWidget(muted(text, frame))
        column.addStretch(1)
        button = QPushButton(icon(icon_name), title, frame)
        button.setAccessibleName(title)
        set_role(button, "primary")
        button.clicked.connect(action)
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return frame

    def try_demo(self) -> None:
        program, arguments = demo_command()
        started = QProcess.startDetached(program, arguments)
        ok = started[0] if isinstance(started, tuple) else bool(started)
        self.context.say(
            "Opening the demo in a new window…"
            if ok
            else "The demo could not be started; run 'kaizen-exchange demo' instead."
        )


__all__ = ["WelcomePage", "demo_command"]
