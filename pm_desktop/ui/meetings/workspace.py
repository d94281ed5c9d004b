"""The Meetings workspace: the project's meetings on the left, the open one on the right.

It remembers the meeting last open (``meetings/last_meeting``), so the app comes back to it,
and waits for the services when the window shows before they are loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QSettings, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.enums import MeetingStatus
from pm_desktop.core.errors import PmError
from pm_desktop.core.meetings import MeetingSummary
from pm_desktop.ui.distribute_dialog import DistributeDialog
from pm_desktop.ui.empty_state import EmptyState
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.i18n import ui_language
from pm_desktop.ui.meetings.dialogs import NewMeetingDialog, ask_to_remove
from pm_desktop.ui.meetings.editor import MeetingEditor
from pm_desktop.ui.meetings.list_delegate import TwoLineDelegate
from pm_desktop.ui.meetings.list_model import MeetingListModel
from pm_desktop.ui.minutes_export import MinutesExporter, suggested_file_name
from pm_desktop.ui.services_loader import ServicesLoader
from pm_desktop.ui.style import section_title

if TYPE_CHECKING:
    from pm_desktop.services.meetings import MeetingService

LAST_MEETING_KEY = "meetings/last_meeting"
LAST_SCRIBE_KEY = "meetings/last_scribe"
SPLITTER_KEY = "meetings/splitter"
LOGO_KEY = "minutes/logo"
LIST_WIDTH = 340


def utc_now() -> datetime:
    return datetime.now(UTC)


class MeetingsWorkspace(QWidget):
    minutesQueued = Signal()  # PDF minutes were put in the outbox

    def __init__(
        self,
        loader: ServicesLoader,
        settings: QSettings,
        undo_stack: QUndoStack,
        *,
        today: Callable[[], date] = date.today,
        clock: Callable[[], datetime] = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingsWorkspace")
        self._loader = loader
        self._settings = settings
        self._project_id = ""
        self._selecting = False
        self.model = MeetingListModel(today, self)
        self.editor = MeetingEditor(undo_stack, today, clock)
        self._build_actions()
        self._build()
        self.editor.changed.connect(self._editor_changed)
        loader.ready.connect(self._services_ready)  # queued: it comes from the loading thread

    # --- construction -------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_action = QAction(self.tr("&New Meeting…"), self)
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self.create_meeting)
        self.addAction(self.new_action)
        self.pdf_action = QAction(self.tr("Export Minutes as &PDF…"), self)
        self.pdf_action.triggered.connect(self.export_pdf)
        self.send_action = QAction(self.tr("&Send Minutes…"), self)
        self.send_action.triggered.connect(self.send_minutes)
        self.ics_action = QAction(self.tr("Export Calendar &Invitation…"), self)
        self.ics_action.triggered.connect(self.export_invitation)
        for action in (self.pdf_action, self.send_action, self.ics_action):
            action.setEnabled(False)
        self.exporter = MinutesExporter(self._loader.get, self)
        logo = str(self._settings.value(LOGO_KEY, "", str))
        self.exporter.logo = Path(logo) if logo and Path(logo).is_file() else None
        self.logo_action = QAction(self.tr("Logo for PDF Minutes…"), self)
        self.logo_action.triggered.connect(self.choose_logo)
        self.exporter.exported.connect(self._exported)
        self._send_after_export = False
        self.details_action = QAction(self.tr("Meeting &Details…"), self)
        self.details_action.triggered.connect(self.edit_details)
        self.details_action.setEnabled(False)
        self.delete_action = QAction(self.tr("&Delete Meeting…"), self)
        self.delete_action.triggered.connect(self.delete_meeting)
        self.delete_action.setEnabled(False)

    def _build(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("meetingsSplitter")
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.setObjectName("meetingsLeft")
        self.left.setChildrenCollapsible(False)
        self.left.addWidget(self._build_list_pane())
        self.left.addWidget(self.editor.side)
        self.left.setSizes([300, 400])
        self.editor.side.setContentsMargins(12, 0, 6, 12)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self._build_pages())
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(True)
        state = self._settings.value(SPLITTER_KEY)
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([LIST_WIDTH, 1000])
        self.splitter.splitterMoved.connect(
            lambda *_: self._settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        QWidget.setTabOrder(self.view, self.editor.capture.line)
        self.editor.set_tab_order()

    def _build_export_button(self) -> QToolButton:
        button = QToolButton()
        button.setObjectName("exportMinutes")
        button.setText(self.tr("Export"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(button)
        export_menu.addActions([self.pdf_action, self.send_action, self.ics_action])
        export_menu.addSeparator()
        export_menu.addAction(self.logo_action)
        button.setMenu(export_menu)
        return button

    def _build_list_pane(self) -> QWidget:
        self.view = QTableView()
        self.view.setObjectName("meetingList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        two_lines = TwoLineDelegate(self.view)
        self.view.setItemDelegateForColumn(MeetingListModel.WHEN, two_lines)
        self.view.setItemDelegateForColumn(MeetingListModel.TITLE, two_lines)
        self.view.verticalHeader().setDefaultSectionSize(
            int(self.view.fontMetrics().height() * 2.2) + 12
        )
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MeetingListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnHidden(MeetingListModel.TYPE, True)  # shown under the title
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.activated.connect(lambda _index: self.editor.focus_capture())
        self.view.addAction(self.details_action)
        self.view.addAction(self.delete_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

        new_button = QPushButton(self.tr("New Meeting…"))
        new_button.setObjectName("newMeeting")
        new_button.clicked.connect(self.new_action.trigger)
        new_button.setToolTip(self.tr("Plan a meeting or start one now (Ctrl+Shift+N)"))
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: palette(placeholder-text);")
        heading = QHBoxLayout()
        heading.addWidget(section_title(self.tr("Meetings")))
        heading.addWidget(self.count_label)
        heading.addStretch(1)
        export_button = self._build_export_button()
        heading.addWidget(export_button)
        heading.addWidget(new_button)
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(12, 12, 6, 6)
        layout.setSpacing(8)
        layout.addLayout(heading)
        layout.addWidget(self.view, 1)
        return pane

    def _build_pages(self) -> QWidget:
        self.empty = EmptyState(
            self.tr("No meetings yet"),
            [
                self.tr(
                    "Plan a meeting or start one now. It starts from its type's agenda; "
                    "you capture decisions, notes and 5W1H action items live, "
                    "and everything is saved as you type."
                )
            ],
            button_text=self.tr("New Meeting…"),
        )
        self.empty.setObjectName("noMeetings")
        # Its fixed-width text must not widen the window: narrow, it is clipped at the sides.
        self.empty.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        assert self.empty.button is not None
        self.empty.button.clicked.connect(self.new_action.trigger)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.editor)
        return self.pages

    # --- project and services -----------------------------------------------------------------

    def _service(self) -> MeetingService | None:
        if not self._loader.is_ready:
            return None
        try:
            return self._loader.get().meetings
        except PmError:
            return None

    @Slot()
    def _services_ready(self) -> None:
        self.editor.set_service(self._service())
        self.set_project(self._project_id)

    @Slot(str)
    def set_project(self, project_id: str) -> None:
        """Show the meetings of ``project_id`` ("" for none)."""
        changed = project_id != self._project_id
        self._project_id = project_id
        meetings = self._service()
        self.editor.set_service(meetings)
        if meetings is None:
            return  # the services are loading: _services_ready comes back here
        if changed:
            self.editor.open(None)
        self.refresh(select=self._remembered() if changed or not self._current_id() else None)

    @property
    def project_id(self) -> str:
        return self._project_id

    def _remembered(self) -> str | None:
        value = self._settings.value(LAST_MEETING_KEY, "", str)
        return str(value) if value else None

    # --- the list -----------------------------------------------------------------------------

    def refresh(self, select: str | None = None, *, reload_open: bool = True) -> None:
        """Read the list again, keeping (or moving to ``select``) the open meeting; the editor
        reads it again too unless ``reload_open`` is False (it has just done so itself)."""
        meetings_service = self._service()
        meetings: list[MeetingSummary] = []
        if meetings_service is not None and self._project_id:
            try:
                meetings = meetings_service.of_project(self._project_id)
            except PmError as error:
                QMessageBox.warning(self, self.tr("PM Desktop"), describe_error(error))
        wanted = select or self._current_id()
        self._selecting = True
        try:
            self.model.set_meetings(meetings)
        finally:
            self._selecting = False
        self.count_label.setText(str(len(meetings)) if meetings else "")
        self.pages.setCurrentWidget(self.editor if meetings else self.empty)
        self.editor.side.setVisible(bool(meetings))
        if not meetings:
            self.editor.open(None)
            self.delete_action.setEnabled(False)
            self._enable_exports(False)
            return
        wanted = wanted or _default_choice(meetings)
        if not reload_open and wanted == self._current_id() and self.model.row_of(wanted) >= 0:
            self._show_selected(self.model.row_of(wanted))
            return
        self.select_meeting(wanted)

    @Slot()
    def _editor_changed(self) -> None:
        self.refresh(reload_open=False)

    def _current_id(self) -> str | None:
        meeting = self.editor.meeting
        return meeting.id if meeting is not None else None

    # --- exports ----------------------------------------------------------------------------------

    def _enable_exports(self, enabled: bool) -> None:
        self.details_action.setEnabled(enabled)
        for action in (self.pdf_action, self.send_action, self.ics_action):
            action.setEnabled(enabled)

    @Slot()
    def choose_logo(self) -> None:
        """Pick the image printed at the top of the PDF minutes (or none); remembered."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Logo for PDF minutes (cancel for no logo)"),
            str(self.exporter.logo or ""),
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        self.set_logo(Path(name) if name else None)

    def set_logo(self, logo: Path | None) -> None:
        self.exporter.logo = logo
        self._settings.setValue(LOGO_KEY, str(logo) if logo else "")

    @Slot()
    def export_pdf(self) -> None:
        meeting_id = self._current_id()
        if meeting_id is not None:
            self._send_after_export = False
            self.exporter.export_pdf(meeting_id)

    @Slot()
    def send_minutes(self) -> None:
        """Write the PDF next to the app's data, then choose its recipients."""
        meeting_id = self._current_id()
        if meeting_id is None:
            return
        folder = (
            Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
            / "outbox"
        )
        try:
            folder.mkdir(parents=True, exist_ok=True)
            minutes = self._loader.get().meetings.minutes(meeting_id)
        except (OSError, PmError) as error:
            QMessageBox.warning(self, self.tr("Send minutes"), str(error))
            return
        stamp = datetime.now().strftime("%H%M%S")
        out = folder / suggested_file_name(minutes, f"-{stamp}.pdf")
        self._send_after_export = True
        self.exporter.export_pdf(meeting_id, out)

    @Slot()
    def export_invitation(self) -> None:
        meeting_id = self._current_id()
        if meeting_id is not None:
            self.exporter.export_invitation(meeting_id)

    @Slot(object)
    def _exported(self, out: Path) -> None:
        meeting_id = self._current_id()
        if not self._send_after_export or meeting_id is None:
            window = self.window()
            if isinstance(window, QMainWindow):
                message = self.tr("Minutes saved as {path}").format(path=out)
                window.statusBar().showMessage(message, 8000)
            return
        dialog = DistributeDialog(self._loader.get(), meeting_id, out, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.minutesQueued.emit()

    def select_meeting(self, meeting_id: str) -> None:
        """Select and open ``meeting_id`` (the newest if it is not in the list)."""
        row = self.model.row_of(meeting_id)
        if row < 0:
            row = self.model.row_of(_default_choice(self._meetings()))
        self._show_selected(row)
        self._open_row(row)

    def _show_selected(self, row: int) -> None:
        """Make ``row`` the list's current row without opening it."""
        index = self.model.index(row, MeetingListModel.TITLE)
        self._selecting = True
        try:
            self.view.setCurrentIndex(index)
        finally:
            self._selecting = False
        self.view.scrollTo(index)

    def _meetings(self) -> list[MeetingSummary]:
        return [self.model.meeting(row) for row in range(self.model.rowCount())]

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._selecting or selected.isEmpty():
            return
        self._open_row(selected.indexes()[0].row())

    def _open_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        meeting = self.model.meeting(row)
        if self._current_id() != meeting.id:
            self.editor.open(meeting.id)
        else:
            self.editor.reload()
        self._settings.setValue(LAST_MEETING_KEY, meeting.id)
        self.delete_action.setEnabled(True)
        self._enable_exports(True)

    # --- create and delete --------------------------------------------------------------------

    @Slot()
    def create_meeting(self) -> None:
        meetings = self._service()
        if meetings is None or not self._project_id:
            return
        dialog = NewMeetingDialog(
            self, scribe=str(self._settings.value(LAST_SCRIBE_KEY, "", str) or "")
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        fields = dialog.fields()
        try:
            created = meetings.create(
                self._project_id,
                fields.meeting_type,
                fields.title,
                fields.starts_at,
                location=fields.location,
                series=fields.series,
                scribe=fields.scribe,
                language=ui_language(),
            )
        except PmError as error:
            QMessageBox.warning(self, self.tr("PM Desktop"), describe_error(error))
            return
        if fields.scribe:
            self._settings.setValue(LAST_SCRIBE_KEY, fields.scribe)
        self.refresh(select=created.id)

    @Slot()
    def edit_details(self) -> None:
        """Correct the selected meeting's type, title, start, place, series or scribe."""
        meetings = self._service()
        meeting = self.editor.meeting
        if meetings is None or meeting is None:
            return
        dialog = NewMeetingDialog.for_meeting(meeting, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        fields = dialog.fields()
        try:
            meetings.update_details(
                meeting.id,
                meeting_type=fields.meeting_type,
                title=fields.title,
                starts_at=fields.starts_at,
                location=fields.location,
                series=fields.series,
                scribe=fields.scribe,
            )
        except PmError as error:
            QMessageBox.warning(self, self.tr("PM Desktop"), describe_error(error))
            return
        self.refresh(select=meeting.id)

    @Slot()
    def delete_meeting(self) -> None:
        meetings = self._service()
        meeting = self.editor.meeting
        if meetings is None or meeting is None:
            return
        try:
            count = meetings.action_count(meeting.id)
        except PmError as error:
            QMessageBox.warning(self, self.tr("PM Desktop"), describe_error(error))
            return
        keep = ask_to_remove(self, meeting.title, count)
        if keep is None:
            return
        self.editor.drafts.discard()
        try:
            meetings.remove(meeting.id, keep_actions=keep)
            meetings.save_draft(meeting.id, "")
        except PmError as error:
            QMessageBox.warning(self, self.tr("PM Desktop"), describe_error(error))
        self.editor.open(None)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        meeting = self.editor.meeting
        if meeting is not None and meeting.status == MeetingStatus.IN_PROGRESS:
            self.editor.focus_capture()


def _default_choice(meetings: list[MeetingSummary]) -> str:
    """The meeting to open when none is remembered: one in progress, else the newest."""
    running = [m for m in meetings if m.status == MeetingStatus.IN_PROGRESS]
    return (running or meetings)[0].id
