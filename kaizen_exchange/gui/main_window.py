"""The main window: a side bar of pages, a banner for reminders, and the sync bar.

Pages are built the first time they are shown (Ctrl+1 … Ctrl+7 or the side bar),
so a cold start only pays for the page the teacher last had open. Window size,
splitters and the last page are remembered between runs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from kaizen_exchange import APP_NAME
from kaizen_exchange.changes import Changes, Kind
from kaizen_exchange.gui import warmup
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.dates import relative_countdown
from kaizen_exchange.gui.look import icon, scaled_font, set_role
from kaizen_exchange.gui.pages.base import Page
from kaizen_exchange.gui.store_watch import StoreWatcher
from kaizen_exchange.gui.sync_bar import SyncBar
from kaizen_exchange.gui.upcoming import Reminders, times_label
from kaizen_exchange.gui.workers import run_task

if TYPE_CHECKING:
    from kaizen_exchange.gui.pages.partners import PartnersPage
    from kaizen_exchange.schedule.upcoming import UpcomingCall

#: (module under gui.pages, class name) in side-bar order; Ctrl+1 is the first.
PAGES: tuple[tuple[str, str, str, str], ...] = (
    ("today", "TodayPage", "Today", "today"),
    ("partner_work", "PartnerWorkPage", "Partner work", "partner-work"),
    ("plan_call", "PlanCallPage", "Plan a call", "plan-call"),
    ("sessions", "SessionsPage", "Sessions", "sessions"),
    ("partners", "PartnersPage", "Partners", "partners"),
    ("share", "SharePage", "Share", "share"),
    ("settings_page", "SettingsPage", "Settings", "settings"),
)
PARTNER_WORK, PARTNERS = 1, 4
#: The first window's size where the screen has room for it and a window manager's frame.
FIRST_SIZE = QSize(1280, 820)
FRAME_ROOM = QSize(16, 64)  # a title bar and borders: the window's frame is unknown until shown


def tab_after(anchor: QWidget, page: QWidget) -> None:
    """Tab from the page list goes into the page, not to About: a page built on first use
    is last in Qt's focus chain, so its controls are moved to just after ``anchor``."""
    controls: list[QWidget] = []
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page and page.isAncestorOf(widget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            controls.append(widget)
        widget = widget.nextInFocusChain()
    for before, after in zip([anchor, *controls], controls, strict=False):
        QWidget.setTabOrder(before, after)


def enter_presses_buttons(page: QWidget) -> None:
    """Enter (or Return) on a focused button presses it, as on a web page.

    Qt does that only for buttons inside a dialog ("auto-default"); in the main window
    a keyboard user would find Enter doing nothing. The main window has no default
    button, so this changes nothing for Enter typed in a text field.
    """
    for button in page.findChildren(QPushButton):
        button.setAutoDefault(True)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        # Qt adds the application's name to every title ("… — Kaizen Exchange"): say it once.
        self.setWindowTitle("Demo network" if context.launch.demo else APP_NAME)
        self.setWindowIcon(icon("app"))
        self.pages: dict[int, Page] = {}
        self.welcome: QWidget | None = None

        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Pages")
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setFont(scaled_font(self.font(), 1.1))
        self.stack = QStackedWidget(self)
        for number, (_module, _cls, label, icon_name) in enumerate(PAGES, 1):
            item = QListWidgetItem(icon(icon_name), label)
            item.setToolTip(f"{label} (Ctrl+{number})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{label}, Control {number}")
            self.sidebar.addItem(item)
            self.stack.addWidget(QWidget(self.stack))  # replaced when first shown
        self.sidebar.setFixedWidth(self.sidebar.sizeHintForColumn(0) + 44)
        self.sidebar.currentRowChanged.connect(self.show_page)

        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Reminder")
        set_role(self.banner, "banner")
        self.banner.hide()

        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.stack, 1)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        panel = QWidget(self)
        panel.setObjectName("sidebarPanel")
        side = QVBoxLayout(panel)
        side.setContentsMargins(0, 0, 0, 8)
        side.setSpacing(0)
        side.addWidget(self.sidebar, 1)
        self.about_button = QPushButton(icon("app"), "About", panel)
        self.about_button.setObjectName("aboutButton")
        self.about_button.setAccessibleName("About Kaizen Exchange (F1)")
        self.about_button.setToolTip("Version, data and log folders (F1)")
        self.about_button.clicked.connect(self.show_about)
        side.addWidget(self.about_button, 0, Qt.AlignmentFlag.AlignHCenter)
        row.addWidget(panel)
        row.addWidget(right, 1)
        self.setCentralWidget(central)

        self.sync_bar = SyncBar(context, self)
        self.statusBar().addPermanentWidget(self.sync_bar, 1)
        self.statusBar().setSizeGripEnabled(False)
        context.message.connect(self._say)
        context.sync_requested.connect(self.sync_bar.start)
        context.navigate.connect(self.show_page)
        self.reminders = Reminders(context, self)
        self.reminders.due.connect(self.remind)
        self.tray: QSystemTrayIcon | None = None
        self._add_shortcuts()
        context.changed.connect(self._store_changed)
        self.store_watch = StoreWatcher(context, self)  # started after the first paint

    def show_about(self) -> None:
        from kaizen_exchange.gui.about import AboutDialog  # the packaging's dialog

        dialog = AboutDialog(self.context.launch.folder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    # -- pages ----------------------------------------------------------------------
    def _add_shortcuts(self) -> None:
        for number in range(1, len(PAGES) + 1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(self._goto(number - 1))
            self.addAction(action)
        sync = QAction("Sync now", self)
        sync.setShortcut(QKeySequence("Ctrl+R"))
        sync.triggered.connect(self.sync_bar.start)
        self.addAction(sync)
        about = QAction("About Kaizen Exchange", self)
        about.setShortcut(QKeySequence.StandardKey.HelpContents)
        about.triggered.connect(self.show_about)
        self.addAction(about)
        quit_action = QAction("Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

    def _goto(self, index: int) -> Callable[[], None]:
        return lambda: self.sidebar.setCurrentRow(index)

    def page(self, index: int) -> Page:
        """The page at ``index``, building it on first use."""
        if index not in self.pages:
            module_name, class_name, _label, _icon = PAGES[index]
            module = warmup.load(f"kaizen_exchange.gui.pages.{module_name}")
            page: Page = getattr(module, class_name)(self.context)
            page.restore_state(self.context.settings)
            old = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self.pages[index] = page
            tab_after(self.sidebar, page)
            enter_presses_buttons(page)
        return self.pages[index]

    def show_page(self, index: int) -> None:
        if not 0 <= index < len(PAGES):
            return
        if self.sidebar.currentRow() != index:
            self.sidebar.setCurrentRow(index)  # comes back here through the signal
            return
        page = self.page(index)
        self.stack.setCurrentWidget(page)
        page.activated()

    def current_index(self) -> int:
        return self.sidebar.currentRow()

    def show_welcome(self) -> None:
        from kaizen_exchange.gui.pages.welcome import WelcomePage

        if self.welcome is None:
            welcome = WelcomePage(self.context, self)
            welcome.import_network.connect(self._welcome_import)
            welcome.add_blog.connect(self._welcome_add)
            self.stack.addWidget(welcome)
            enter_presses_buttons(welcome)
            self.welcome = welcome
        self.sidebar.clearSelection()
        self.stack.setCurrentWidget(self.welcome)

    def partners_page(self) -> PartnersPage:
        from kaizen_exchange.gui.pages.partners import PartnersPage

        self.show_page(PARTNERS)
        page = self.page(PARTNERS)
        assert isinstance(page, PartnersPage)
        return page

    def _welcome_import(self) -> None:
        self._partners_behind_welcome().import_network_file()

    def _welcome_add(self) -> None:
        self._partners_behind_welcome().add_partner()

    def _partners_behind_welcome(self) -> PartnersPage:
        """The Partners page's actions, with the welcome page still shown: a cancelled or
        failed import leaves the teacher where they were (a success moves on by itself)."""
        from kaizen_exchange.gui.pages.partners import PartnersPage

        page = self.page(PARTNERS)
        assert isinstance(page, PartnersPage)
        return page

    def _store_changed(self, changes: Changes, _initiator: object | None) -> None:
        """No schools left (or none yet): the welcome page; the first ones: their posts."""
        if not changes.touches(Kind.SCHOOLS):
            return
        if not self.context.schools:
            self.show_welcome()
        elif self.welcome is not None and self.stack.currentWidget() is self.welcome:
            self.show_page(PARTNER_WORK)

    # -- start and close ------------------------------------------------------------
    def restore(self) -> None:
        settings = self.context.settings
        geometry = settings.geometry("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._fit_first_window()
        state = settings.geometry("state")
        if state is not None:
            self.restoreState(state)
        self.show_page(min(max(settings.last_page, 0), len(PAGES) - 1))

    def _fit_first_window(self) -> None:
        """A first window that fits the screen with its frame, at its top left: on a 1366×768
        laptop the sync bar would otherwise be below the screen's edge. The frame is
        unknown until shown (and absent without a window manager), so room is kept for one."""
        screen = QGuiApplication.primaryScreen().availableGeometry()
        room = screen.size() - FRAME_ROOM
        size = FIRST_SIZE.boundedTo(room).expandedTo(self.minimumSizeHint())
        self.resize(size)
        self.move(screen.topLeft())  # a page wider than the first size grows it rightwards

    def after_first_paint(self) -> None:
        """Work that must not delay the first frame: the sync engine, reminders, the first sync,
        and watching for other programs' writes."""
        self.sync_bar.watch_network()
        self.store_watch.start()
        run_task(warmup.preload, self._warmed, self._warmed, owner=self)

    def _warmed(self, _result: object = None) -> None:
        warmup.freeze_startup_objects()
        self.reminders.reload()
        if self.context.settings.sync_at_start:
            QTimer.singleShot(300, self.sync_bar.start)

    def remind(self, call: UpcomingCall) -> None:
        """A call starts in ten minutes: the tray says so, or the banner when there is none."""
        text = f"{call.title} starts {relative_countdown(call.start)}: {times_label(call)}"
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(icon("app"), self)
                self.tray.show()
            self.tray.showMessage("Call soon", text, QSystemTrayIcon.MessageIcon.Information)
        self.banner.setText("⏰  " + text)
        self.banner.show()
        QTimer.singleShot(15 * 60_000, self.banner.hide)

    def save(self) -> None:
        settings = self.context.settings
        settings.last_seen = datetime.now(UTC).isoformat()
        settings.set_geometry("geometry", self.saveGeometry())
        settings.set_geometry("state", self.saveState())
        if self.sidebar.currentRow() >= 0:
            settings.last_page = self.sidebar.currentRow()
        for page in self.pages.values():
            page.save_state(settings)
        settings.sync_now()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save()
        self.store_watch.stop()
        if self.sync_bar.running:
            self.sync_bar.cancel()
            self.sync_bar.wait(15_000)
        super().closeEvent(event)


__all__ = ["PAGES", "MainWindow"]
