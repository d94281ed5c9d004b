"""An open meeting: its head, the capture line, the action items, decisions and notes, the agenda
and the attendees. Everything is saved as it is typed; items go through the undo stack."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.enums import ActionStatus, Attendance, MeetingStatus, MinuteKind
from pm_desktop.core.errors import NotFoundError, PmError
from pm_desktop.core.meetings import (
    ActionEntry,
    AgendaEntry,
    Attendee,
    AttendeeCandidate,
    MeetingSummary,
    MinuteNote,
    Minutes,
)
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.meetings.actions_model import ActionsModel
from pm_desktop.ui.meetings.agenda import AgendaPanel
from pm_desktop.ui.meetings.attendees import AttendeesPanel
from pm_desktop.ui.meetings.capture import CaptureBox
from pm_desktop.ui.meetings.commands import (
    ActionFields,
    AddActionCommand,
    AddNoteCommand,
    EditActionCommand,
    EditNoteCommand,
    SetActionStatusCommand,
)
from pm_desktop.ui.meetings.drafts import DraftSaver
from pm_desktop.ui.meetings.header import MeetingHeader
from pm_desktop.ui.meetings.help import QuickEntryHelp
from pm_desktop.ui.meetings.notes_model import NotesModel
from pm_desktop.ui.meetings.review_model import ReviewModel
from pm_desktop.ui.meetings.tables import actions_view, notes_view, review_view
from pm_desktop.ui.style import SUCCESS, WARNING, section_title

if TYPE_CHECKING:
    from pm_desktop.core.quick_entry import ParsedEntry
    from pm_desktop.services.meetings import MeetingService

ACTION, NOTE = "action", "note"  # which table the item added last is in
REVIEW_ROWS = 5  # rows of previous actions shown before the review scrolls


class MeetingEditor(QWidget):
    """The minutes of one meeting, edited live. ``changed`` tells the list to refresh."""

    changed = Signal()

    def __init__(
        self,
        undo_stack: QUndoStack,
        today: Callable[[], date],
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingEditor")
        self._undo = undo_stack
        self._today = today
        self._clock = clock
        self._meetings: MeetingService | None = None
        self._minutes: Minutes | None = None
        self._loading = False
        self._capturing = False
        self._last_error: PmError | None = None
        self._last_item: tuple[str, str] | None = None  # (ACTION or NOTE, its id)
        self._back_to_capture = False
        self.drafts = DraftSaver(self._save_draft, self)
        self._build()
        self._connect()

    # --- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        self.header = MeetingHeader(self._clock)
        self.closed_banner = self._build_banner()
        self.capture = CaptureBox(self._today)
        self.help = QuickEntryHelp()
        self.help.hide()

        self.review_model = ReviewModel(self._today, self)
        self.review_view = review_view(self.review_model)
        self.review_summary = QLabel()
        self.review_summary.setObjectName("reviewSummary")
        self.actions_model = ActionsModel(self._today, self)
        self.actions_view = actions_view(self.actions_model, self._today)
        self.completeness = QLabel()
        self.completeness.setObjectName("completeness")
        self.notes_model = NotesModel(self)
        self.notes_view = notes_view(self.notes_model)
        self.agenda = AgendaPanel()
        self.attendees = AttendeesPanel()

        actions_box = _section(
            section_title(self.tr("Action items (5W1H)")), self.completeness, self.actions_view
        )
        self.review_box = _section(
            section_title(self.tr("Review of previous actions")),
            self.review_summary,
            self.review_view,
        )
        self.review_box.setObjectName("reviewBox")
        self.review_box.setToolTip(
            self.tr(
                "Open actions carried from the previous meeting of the series. A status changed"
                " here is recorded with this meeting."
            )
        )
        self.review_box.hide()
        notes_box = _section(section_title(self.tr("Decisions and notes")), None, self.notes_view)
        self.content_split = QSplitter(Qt.Orientation.Vertical)
        self.content_split.setObjectName("meetingContent")
        self.content_split.setChildrenCollapsible(False)
        # The review (hidden when there is nothing to review) sits right above the actions.
        actions_pane = QWidget()
        pane = QVBoxLayout(actions_pane)
        pane.setContentsMargins(0, 0, 0, 0)
        pane.setSpacing(10)
        pane.addWidget(self.review_box)
        pane.addWidget(actions_box, 1)
        self.content_split.addWidget(actions_pane)
        self.content_split.addWidget(notes_box)
        self.content_split.setStretchFactor(0, 3)
        self.content_split.setStretchFactor(1, 2)
        # The agenda and the attendees: placed by the workspace, under the list of meetings.
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.setObjectName("meetingSide")
        self.side.setChildrenCollapsible(False)
        self.side.addWidget(self.agenda)
        self.side.addWidget(self.attendees)
        self.side.setSizes([220, 220])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addWidget(self.closed_banner)
        layout.addWidget(self.capture)
        layout.addWidget(self.help)
        layout.addWidget(self.content_split, 1)

    def set_tab_order(self) -> None:
        """Tab goes from the capture line through the tables to the agenda and attendees
        (call once :attr:`side` is in the same window)."""
        chain: list[QWidget] = [
            self.capture.line,
            self.review_view,
            self.actions_view,
            self.notes_view,
            self.agenda.view,
            self.agenda.title_edit,
            self.attendees.view,
            self.attendees.name_edit,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("closedBanner")
        banner.setStyleSheet(
            "QFrame#closedBanner { background: rgba(128, 128, 128, 28);"
            " border: 1px solid rgba(128, 128, 128, 90); border-radius: 6px; }"
        )
        text = QLabel(
            self.tr("These minutes are closed and read-only. Reopen the meeting to change them.")
        )
        text.setObjectName("closedMessage")
        text.setWordWrap(True)
        row = QHBoxLayout(banner)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(text, 1)
        banner.hide()
        return banner

    def _connect(self) -> None:
        self.header.startRequested.connect(self.start)
        self.header.closeRequested.connect(self.close_minutes)
        self.header.reopenRequested.connect(self.reopen)
        self.capture.line.submitted.connect(self.submit)
        self.capture.line.editLastRequested.connect(self.edit_last)
        self.capture.line.textChanged.connect(self._text_changed)
        self.capture.helpToggled.connect(self.help.setVisible)
        self.actions_model.editRequested.connect(self._edit_action)
        self.notes_model.editRequested.connect(self._edit_note)
        self.review_model.statusRequested.connect(self._review_status)
        self.agenda.model.doneRequested.connect(self._set_agenda_done)
        self.agenda.addRequested.connect(self._add_agenda_item)
        self.attendees.addRequested.connect(self._add_attendee)
        self.attendees.candidateRequested.connect(self._add_candidate)
        self.attendees.removeRequested.connect(self._remove_attendee)
        self.attendees.model.attendanceRequested.connect(self._set_attendance)
        for view in (self.actions_view, self.notes_view):
            for column in range(view.model().columnCount()):
                delegate = view.itemDelegateForColumn(column) or view.itemDelegate()
                delegate.closeEditor.connect(self._editor_closed)
        help_key = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self)
        help_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        help_key.activated.connect(self.capture.help_button.toggle)
        capture_key = QShortcut(QKeySequence("Ctrl+L"), self)
        capture_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        capture_key.activated.connect(self.focus_capture)

    # --- the open meeting ---------------------------------------------------------------------

    @property
    def meeting(self) -> MeetingSummary | None:
        return self._minutes.meeting if self._minutes else None

    @property
    def minutes(self) -> Minutes | None:
        return self._minutes

    @property
    def editable(self) -> bool:
        meeting = self.meeting
        return meeting is not None and meeting.status != MeetingStatus.CLOSED

    def set_service(self, meetings: MeetingService | None) -> None:
        self._meetings = meetings

    def open(self, meeting_id: str | None) -> None:
        """Show ``meeting_id`` (None: nothing), after saving the draft of the one shown."""
        self.drafts.flush()
        previous = self.meeting.id if self.meeting else None
        self._minutes = None
        if meeting_id is None or self._meetings is None:
            self._show_nothing()
            return
        if not self._load(meeting_id):
            return
        if meeting_id != previous:
            self._last_item = None
            self._loading = True
            try:
                self.capture.reset(self._draft_of(meeting_id))
            finally:
                self._loading = False
        if self.editable and self.meeting and self.meeting.status == MeetingStatus.IN_PROGRESS:
            self.focus_capture()

    def reload(self) -> None:
        """Read the shown meeting again (after an edit or an undo)."""
        if self.meeting is not None:
            self._load(self.meeting.id)

    def _load(self, meeting_id: str) -> bool:
        assert self._meetings is not None
        try:
            minutes = self._meetings.minutes(meeting_id)
        except NotFoundError:  # deleted meanwhile (here, or elsewhere and synced)
            self._show_nothing()
            return False
        except PmError as error:
            self._show_nothing()
            self._warn(error)
            return False
        self._minutes = minutes
        self.header.set_meeting(minutes.meeting)
        self.actions_model.set_rows(minutes.actions)
        self._show_review(minutes.previous_actions)
        self.notes_model.set_rows(_in_order(minutes))
        self.agenda.set_agenda(minutes.agenda)
        self.attendees.set_attendees(minutes.attendees)
        self.attendees.set_candidates(self._candidates(meeting_id))
        self.capture.set_names([a.name for a in minutes.attendees])
        editable = self.editable
        for model in (self.actions_model, self.notes_model, self.review_model):
            model.set_editable(editable)
        self.agenda.set_editable(editable)
        self.attendees.set_editable(editable)
        self.capture.set_editable(editable)
        self.closed_banner.setVisible(not editable)
        self._show_completeness(minutes.actions)
        return True

    def _show_nothing(self) -> None:
        self._minutes = None
        self._loading = True
        try:
            self.capture.reset()
        finally:
            self._loading = False
        for model in (self.actions_model, self.notes_model):
            model.set_rows([])
        self._show_review(())
        self.agenda.set_agenda([])
        self.attendees.set_attendees([])
        self.attendees.set_candidates([])

    def _show_review(self, previous: tuple[ActionEntry, ...]) -> None:
        """The carried actions above this meeting's own; hidden when there are none."""
        self.review_model.set_rows(previous)
        still_open = sum(a.is_open for a in previous)
        self.review_summary.setText(
            self.tr("{open} of {total} still open").format(open=still_open, total=len(previous))
            if previous
            else ""
        )
        color = WARNING if still_open else SUCCESS
        self.review_summary.setStyleSheet(f"color: {color.name()}; font-weight: 600;")
        self.review_box.setVisible(bool(previous))
        # Compact: as high as its rows, up to REVIEW_ROWS of them (then it scrolls).
        view = self.review_view
        rows = min(len(previous), REVIEW_ROWS)
        height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
        height += rows * view.verticalHeader().defaultSectionSize()
        view.setFixedHeight(height + 2)

    def _show_completeness(self, actions: tuple[ActionEntry, ...]) -> None:
        complete = sum(a.is_complete for a in actions)
        if not actions:
            self.completeness.setText("")
            return
        self.completeness.setText(
            self.tr("{complete}/{total} complete").format(complete=complete, total=len(actions))
        )
        color = SUCCESS if complete == len(actions) else WARNING
        self.completeness.setStyleSheet(f"color: {color.name()}; font-weight: 600;")
        self.completeness.setToolTip(
            self.tr("Items with both a Who and a When. Without them an item is not an action yet.")
        )

    # --- status -------------------------------------------------------------------------------

    def start(self) -> None:
        meeting = self.meeting
        if meeting is not None and self._meetings is not None:
            self._status_change(lambda: self._meetings_or_fail().start(meeting.id, self._clock()))
            self.focus_capture()

    def close_minutes(self) -> None:
        meeting = self.meeting
        if meeting is not None:
            self.drafts.flush()
            self._status_change(
                lambda: self._meetings_or_fail().set_status(meeting.id, MeetingStatus.CLOSED)
            )

    def reopen(self) -> None:
        meeting = self.meeting
        if meeting is not None:
            self._status_change(
                lambda: self._meetings_or_fail().set_status(meeting.id, MeetingStatus.IN_PROGRESS)
            )
            self.focus_capture()

    def _status_change(self, change: Callable[[], object]) -> None:
        try:
            change()
        except PmError as error:
            self._warn(error)
        self.reload()
        self.changed.emit()

    def _meetings_or_fail(self) -> MeetingService:
        assert self._meetings is not None
        return self._meetings

    # --- capture ------------------------------------------------------------------------------

    def focus_capture(self) -> None:
        if self.capture.line.isEnabled():
            self.capture.line.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self, text: str) -> None:
        """Save the typed line as an action, a decision or a note; on success clear it."""
        meeting = self.meeting
        if meeting is None or not self.editable or self._meetings is None:
            return
        entry = self.capture.parse(text)
        if entry is None:
            return
        command = self._command_for(meeting.id, entry, text)
        if command is None:
            self.capture.show_error(self.tr("Type the decision or note after its marker."))
            return
        self._capturing, self._last_error = True, None
        try:
            self._undo.push(command)
        finally:
            self._capturing = False
        if self._last_error is not None:
            self.capture.show_error(describe_error(self._last_error))
            return  # the line stays, and its draft too
        self.drafts.discard()
        self._clear_draft(meeting.id)
        self.capture.show_saved(self._saved_message(command), entry.problems)
        self._reveal_last_item()

    def _command_for(self, meeting_id: str, entry: ParsedEntry, text: str) -> QUndoCommand | None:
        from pm_desktop.core.quick_entry import EntryKind, clean_text

        meetings = self._meetings_or_fail()
        if entry.kind is EntryKind.ACTION:
            fields = ActionFields(
                what=entry.what or clean_text(text),  # never drop a line
                why=entry.why or "",
                who=entry.who or "",
                due_on=entry.due,
                where=entry.where or "",
                how=entry.how or "",
            )
            return AddActionCommand(meetings, meeting_id, fields, self._after_command)
        if not entry.what:
            return None
        kind = MinuteKind.DECISION if entry.kind is EntryKind.DECISION else MinuteKind.NOTE
        return AddNoteCommand(meetings, meeting_id, kind, entry.what, self._after_command)

    def _saved_message(self, command: QUndoCommand) -> str:
        if isinstance(command, AddActionCommand) and command.entry is not None:
            self._last_item = (ACTION, command.entry.id)
            return self.tr("✓ Action {number} added").format(number=command.entry.number)
        if isinstance(command, AddNoteCommand) and command.note is not None:
            decision = command.note.kind == MinuteKind.DECISION
            self._last_item = (NOTE, command.note.id)
            return self.tr("✓ Decision added") if decision else self.tr("✓ Note added")
        return ""

    def _reveal_last_item(self) -> None:
        view, index = self._last_item_index()
        if view is not None and index.isValid():
            view.scrollTo(index)
            view.setCurrentIndex(index)

    def _last_item_index(self) -> tuple[QTableView | None, QModelIndex]:
        if self._last_item is not None:
            kind, item_id = self._last_item
            if kind == ACTION:
                row = self.actions_model.row_of(item_id)
                if row >= 0:
                    return self.actions_view, self.actions_model.index(row, ActionsModel.WHAT)
            else:
                row = self.notes_model.row_of(item_id)
                if row >= 0:
                    return self.notes_view, self.notes_model.index(row, NotesModel.TEXT)
        rows = self.actions_model.rowCount()
        if rows:
            return self.actions_view, self.actions_model.index(rows - 1, ActionsModel.WHAT)
        return None, QModelIndex()

    def edit_last(self) -> None:
        """Ctrl+Enter: edit the item added last (its What); Esc or Enter comes back here."""
        view, index = self._last_item_index()
        if view is None or not index.isValid() or not self.editable:
            return
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        view.setCurrentIndex(index)
        self._back_to_capture = True
        view.edit(index)

    def _editor_closed(self, *_args: Any) -> None:
        if self._back_to_capture:
            self._back_to_capture = False
            self.focus_capture()

    # --- drafts -------------------------------------------------------------------------------

    def _text_changed(self, text: str) -> None:
        if not self._loading and self.meeting is not None and self.editable:
            self.drafts.text_changed(text)

    def _draft_of(self, meeting_id: str) -> str:
        try:
            return self._meetings_or_fail().load_draft(meeting_id)
        except PmError as error:  # the line starts empty; the draft stays in the database
            self._warn(error)
            return ""

    def _save_draft(self, text: str) -> None:
        if self.meeting is not None and self._meetings is not None:
            self._meetings.save_draft(self.meeting.id, text)

    def _clear_draft(self, meeting_id: str) -> None:
        # A stale draft is restored once more at worst; the item itself is saved.
        with contextlib.suppress(PmError):
            self._meetings_or_fail().save_draft(meeting_id, "")

    def hideEvent(self, event: QHideEvent) -> None:
        self.drafts.flush()
        super().hideEvent(event)

    # --- edits of items -----------------------------------------------------------------------

    def _after_command(self, error: PmError | None) -> None:
        self._last_error = error
        if error is not None and not self._capturing:
            self._warn(error)
        self.reload()
        self.changed.emit()

    def _edit_action(self, action: ActionEntry, field: str, value: object) -> None:
        meetings = self._meetings_or_fail()
        if field == "status":
            assert isinstance(value, ActionStatus)
            meeting_id = self.meeting.id if self.meeting else ""
            self._undo.push(
                SetActionStatusCommand(meetings, action, value, meeting_id, self._after_command)
            )
        else:
            self._undo.push(EditActionCommand(meetings, action, field, value, self._after_command))

    def _review_status(self, action: ActionEntry, status: ActionStatus) -> None:
        """A carried action's status, changed in review: recorded with this meeting."""
        meeting = self.meeting
        if meeting is None or not self.editable:
            return
        self._undo.push(
            SetActionStatusCommand(
                self._meetings_or_fail(), action, status, meeting.id, self._after_command
            )
        )

    def _edit_note(self, note: MinuteNote, text: str) -> None:
        self._undo.push(EditNoteCommand(self._meetings_or_fail(), note, text, self._after_command))

    # --- agenda and attendees (saved at once, not undoable) ---------------------------------

    def _direct(self, change: Callable[[], object]) -> bool:
        try:
            change()
        except PmError as error:
            self._warn(error)
            self.reload()
            return False
        self.reload()
        return True

    def _set_agenda_done(self, item: AgendaEntry, done: bool) -> None:
        self._direct(lambda: self._meetings_or_fail().set_agenda_done(item.id, done))

    def _add_agenda_item(self, title: str) -> None:
        meeting = self.meeting
        if meeting is not None and self._direct(
            lambda: self._meetings_or_fail().add_agenda_item(meeting.id, title)
        ):
            self.agenda.title_edit.clear()

    def _candidates(self, meeting_id: str) -> list[AttendeeCandidate]:
        try:
            return self._meetings_or_fail().attendee_candidates(meeting_id)
        except PmError:  # no suggestions; names can still be typed in
            return []

    def _add_attendee(self, name: str) -> None:
        self._add_attendee_as(AttendeeCandidate(name))

    def _add_candidate(self, candidate: AttendeeCandidate) -> None:
        self._add_attendee_as(candidate)

    def _add_attendee_as(self, who: AttendeeCandidate) -> None:
        """Add ``who`` (typed in, or a stakeholder or team member with their links and email):
        present if the meeting is under way, invited before."""
        meeting = self.meeting
        if meeting is None:
            return
        attendance = (
            Attendance.PRESENT
            if meeting.status == MeetingStatus.IN_PROGRESS
            else Attendance.INVITED
        )
        if self._direct(
            lambda: self._meetings_or_fail().add_attendee(
                meeting.id,
                who.name,
                email=who.email,
                stakeholder_id=who.stakeholder_id,
                person_id=who.person_id,
                attendance=attendance,
            )
        ):
            self.attendees.name_edit.clear()

    def _remove_attendee(self, attendee: Attendee) -> None:
        self._direct(lambda: self._meetings_or_fail().remove_attendee(attendee.id))

    def _set_attendance(self, attendee: Attendee, attendance: Attendance) -> None:
        self._direct(lambda: self._meetings_or_fail().set_attendance(attendee.id, attendance))

    def _warn(self, error: PmError) -> None:
        QMessageBox.warning(self, self.tr("PM Desktop"), describe_error(error))


def _section(title: QLabel, aside: QLabel | None, view: QWidget) -> QWidget:
    box = QWidget()
    heading = QHBoxLayout()
    heading.setSpacing(10)
    heading.addWidget(title)
    if aside is not None:
        heading.addWidget(aside)
    heading.addStretch(1)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    layout.addLayout(heading)
    layout.addWidget(view, 1)
    return box


def _in_order(minutes: Minutes) -> list[MinuteNote]:
    """Decisions first, then notes (each in the order taken), as the minutes PDF lists them."""
    return [*minutes.decisions, *minutes.notes]
