"""One stakeholder in full: their fields, their demands and their touchpoints.

Every change is committed at once through an undoable command; a refused value is explained
under the form and the field shows the saved value again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.enums import Attitude, DemandStatus, RoleClass
from pm_desktop.core.errors import PmError
from pm_desktop.core.stakeholders import SCALE_MAX, SCALE_MIN, StakeholderRecord, TouchpointEntry
from pm_desktop.ui.stakeholders.commands import (
    AddDemandCommand,
    EditDemandCommand,
    EditStakeholderCommand,
    RemoveDemandCommand,
    RemoveTouchpointCommand,
)
from pm_desktop.ui.stakeholders.labels import (
    attitude_colour,
    attitude_label,
    channel_label,
    role_badge,
    role_class_label,
)
from pm_desktop.ui.stakeholders.messages import field_error_text
from pm_desktop.ui.style import ERROR, MUTED, chip_style, scaled_font, section_title

if TYPE_CHECKING:
    from pm_desktop.services.stakeholders import StakeholderService

NOTES_IDLE_MS = 800  # notes are saved this long after the last keystroke, and on leaving
TEXT_FIELDS = ("name", "organisation", "title", "email", "phone")
TOUCHPOINT_ID_ROLE = Qt.ItemDataRole.UserRole
MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class StakeholderDetail(QWidget):
    """The right-hand panel. ``push`` runs an undo command; the workspace refreshes the
    panel (``show_record``) after every command, including undo and redo from the menu."""

    logTouchpointRequested = Signal(str)  # stakeholder id
    meetingRequested = Signal(str)  # meeting id
    restoreRequested = Signal(object)  # StakeholderRecord

    def __init__(
        self,
        service: Callable[[], StakeholderService],
        push: Callable[[QUndoCommand], None],
        done: Callable[[PmError | None], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stakeholderDetail")
        self._service = service
        self._push = push
        self._done = done
        self._record: StakeholderRecord | None = None
        self._touchpoints: list[TouchpointEntry] = []
        self._manager_choices: list[tuple[str, str]] = []

        self.heading = QLabel()
        self.heading.setObjectName("stakeholderHeading")
        self.heading.setFont(scaled_font(self.heading, 1.35, bold=True))
        self.heading.setWordWrap(True)
        self.badge = QLabel()
        self.badge.setObjectName("stakeholderBadge")
        self.deleted_note = QLabel(
            self.tr("Deleted. Their history stays readable; restore them to edit.")
        )
        self.deleted_note.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("restoreStakeholder")
        self.restore_button.clicked.connect(self._request_restore)
        self.error = QLabel()
        self.error.setObjectName("stakeholderError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR.name()};")
        self.error.hide()

        self._build_form()
        self._build_demands()
        self._build_touchpoints()
        self.empty = QLabel(self.tr("Select a stakeholder, or add one."))
        self.empty.setObjectName("stakeholderDetailEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {MUTED.name()};")

        self._build_layout()
        self.show_record(None, [])

    # --- construction -------------------------------------------------------------------

    def _build_layout(self) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        deleted = QHBoxLayout()
        deleted.addWidget(self.deleted_note, 1)
        deleted.addWidget(self.restore_button)
        layout.addLayout(deleted)
        layout.addWidget(self.error)
        layout.addLayout(self.form)
        layout.addWidget(section_title(self.tr("Demands (诉求)")))
        layout.addWidget(self.demands)
        layout.addLayout(self._demand_row)
        layout.addWidget(section_title(self.tr("Touchpoints")))
        layout.addWidget(self.touchpoints)
        layout.addLayout(self._touchpoint_row)
        layout.addStretch(1)
        self.content = content
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.empty)
        outer.addWidget(scroll)
        self._scroll = scroll

    def _build_form(self) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        labels = {
            "name": self.tr("&Name"),
            "organisation": self.tr("&Organisation"),
            "title": self.tr("&Title"),
            "role_class": self.tr("&Role"),
            "power": self.tr("&Power"),
            "interest": self.tr("&Interest"),
            "attitude": self.tr("&Attitude"),
            "reports_to_id": self.tr("Report&s to"),
            "email": self.tr("E-&mail"),
            "phone": self.tr("P&hone"),
            "notes": self.tr("Not&es"),
        }
        for field in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setMaxLength(64 if field == "phone" else 200)
            edit.editingFinished.connect(lambda f=field: self._commit_text(f))
            self.fields[field] = edit
        role = QComboBox()
        for role_class in RoleClass:
            role.addItem(role_class_label(role_class), role_class.value)
        role.activated.connect(lambda _i: self._commit("role_class", RoleClass(role.currentData())))
        self.fields["role_class"] = role
        attitude = QComboBox()
        for choice in Attitude:
            attitude.addItem(attitude_label(choice), choice.value)
        attitude.activated.connect(
            lambda _i: self._commit("attitude", Attitude(attitude.currentData()))
        )
        self.fields["attitude"] = attitude
        for field in ("power", "interest"):
            spin = QSpinBox()
            spin.setRange(SCALE_MIN, SCALE_MAX)
            spin.setToolTip(self.tr("1 (low) to 5 (high)"))
            spin.valueChanged.connect(lambda value, f=field: self._commit(f, value))
            self.fields[field] = spin
        manager = QComboBox()
        manager.activated.connect(lambda _i: self._commit("reports_to_id", manager.currentData()))
        self.fields["reports_to_id"] = manager
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setMinimumHeight(60)
        notes.setMaximumHeight(110)
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(NOTES_IDLE_MS)
        self._notes_timer.timeout.connect(self._commit_notes)
        self._notes_started_from: str | None = None
        """The stored notes when the typing not yet saved began (a sync may change them)."""
        notes.textChanged.connect(self._notes_typed)
        self.fields["notes"] = notes
        for field, label in labels.items():
            widget = self.fields[field]
            widget.setObjectName(f"field-{field}")
            self.form.addRow(label, widget)

    def _build_demands(self) -> None:
        self.demands = QListWidget()
        self.demands.setObjectName("demandList")
        self.demands.setMaximumHeight(130)
        self.demands.setWordWrap(True)
        self.demands.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.demands.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.demands.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.demands.setToolTip(
            self.tr("Tick a demand when it has been addressed; double-click to edit its text.")
        )
        self.demands.itemChanged.connect(self._demand_changed)
        self.new_demand = QLineEdit()
        self.new_demand.setObjectName("newDemand")
        self.new_demand.setPlaceholderText(self.tr("Add a demand and press Enter"))
        self.new_demand.returnPressed.connect(self._add_demand)
        self.remove_demand_button = QPushButton(self.tr("Remove"))
        self.remove_demand_button.setObjectName("removeDemand")
        self.remove_demand_button.clicked.connect(self._remove_demand)
        shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.demands)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self._remove_demand)
        self._demand_row = QHBoxLayout()
        self._demand_row.addWidget(self.new_demand, 1)
        self._demand_row.addWidget(self.remove_demand_button)

    def _build_touchpoints(self) -> None:
        self.touchpoints = QTableWidget(0, 4)
        self.touchpoints.setObjectName("touchpointTable")
        self.touchpoints.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Channel"), self.tr("Our side"), self.tr("Summary")]
        )
        self.touchpoints.verticalHeader().hide()
        self.touchpoints.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.touchpoints.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.touchpoints.setWordWrap(True)
        header = self.touchpoints.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.touchpoints.setMinimumHeight(150)
        self.touchpoints.cellDoubleClicked.connect(self._touchpoint_activated)
        self.log_button = QPushButton(self.tr("Log Touchpoint…"))
        self.log_button.setObjectName("logTouchpoint")
        self.log_button.clicked.connect(self._request_log)
        self.remove_touchpoint_button = QPushButton(self.tr("Remove"))
        self.remove_touchpoint_button.setObjectName("removeTouchpoint")
        self.remove_touchpoint_button.clicked.connect(self._remove_touchpoint)
        self.touchpoint_note = QLabel(
            self.tr("Meetings they attended are listed too; edit those in the meeting.")
        )
        self.touchpoint_note.setStyleSheet(f"color: {MUTED.name()};")
        self.touchpoint_note.setWordWrap(True)
        self._touchpoint_row = QHBoxLayout()
        self._touchpoint_row.addWidget(self.touchpoint_note, 1)
        self._touchpoint_row.addWidget(self.remove_touchpoint_button)
        self._touchpoint_row.addWidget(self.log_button)

    # --- showing ------------------------------------------------------------------------

    @property
    def record(self) -> StakeholderRecord | None:
        return self._record

    def show_record(
        self, record: StakeholderRecord | None, others: Sequence[StakeholderRecord]
    ) -> None:
        """Fill the panel with ``record`` (None: nothing selected); ``others`` are the
        project's stakeholders, for the reports-to choice."""
        changed_person = record is None or self._record is None or record.id != self._record.id
        typing_notes = self._notes_timer.isActive() and not changed_person
        if changed_person:
            self._notes_timer.stop()  # callers flush() before changing the person
            self._notes_started_from = None
        self._record = record
        self.empty.setVisible(record is None)
        self._scroll.setVisible(record is not None)
        if changed_person:
            self.error.hide()
        if record is None:
            return
        editable = not record.deleted
        self.heading.setText(record.name)
        badge = role_badge(record.role_class)
        self.badge.setText(badge)
        self.badge.setVisible(bool(badge))
        colour = QColor("#b71c1c") if record.role_class is RoleClass.ONE_W else QColor("#1565c0")
        self.badge.setStyleSheet(chip_style(colour))
        self.deleted_note.setVisible(record.deleted)
        self.restore_button.setVisible(record.deleted)
        for field, widget in self.fields.items():
            if field == "notes" and typing_notes:
                continue  # keep what is being typed; it is saved after the pause
            blocker = QSignalBlocker(widget)
            self._fill(field, widget, record, others)
            del blocker
            widget.setEnabled(editable)
        attitude = self.fields["attitude"]
        attitude.setStyleSheet(
            f"QComboBox {{ background: {attitude_colour(record.attitude).name()};"
            " color: #1f1f1f; }"
        )
        self._show_demands(record)
        for widget in (self.new_demand, self.remove_demand_button, self.log_button):
            widget.setEnabled(editable)
        self.refresh_touchpoints()

    def _fill(
        self,
        field: str,
        widget: QWidget,
        record: StakeholderRecord,
        others: Sequence[StakeholderRecord],
    ) -> None:
        value: Any = getattr(record, field)
        if isinstance(widget, QLineEdit):
            if widget.text() != value:
                widget.setText(value)
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QPlainTextEdit):
            if widget.toPlainText() != value:
                widget.setPlainText(value)
        elif isinstance(widget, QComboBox) and field == "reports_to_id":
            choices = [
                (other.id, f"{other.name} · {other.title}" if other.title else other.name)
                for other in others
                if other.id != record.id and not other.deleted
            ]
            if choices != self._manager_choices:  # hundreds of names: refill only on change
                self._manager_choices = choices
                widget.clear()
                widget.addItem(self.tr("(nobody)"), None)
                for manager_id, label in choices:
                    widget.addItem(label, manager_id)
            widget.setCurrentIndex(max(0, widget.findData(value)))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value.value)))

    def _show_demands(self, record: StakeholderRecord) -> None:
        blocker = QSignalBlocker(self.demands)
        current = self.demands.currentItem()
        current_id = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.demands.clear()
        for demand in record.demands:
            item = QListWidgetItem(demand.text)
            item.setData(Qt.ItemDataRole.UserRole, demand.id)
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
            if not record.deleted:
                flags |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
            item.setFlags(flags)
            item.setCheckState(
                Qt.CheckState.Checked if demand.addressed else Qt.CheckState.Unchecked
            )
            recorded = demand.recorded_on.isoformat() if demand.recorded_on else ""
            item.setToolTip(self.tr("Recorded {date}").format(date=recorded) if recorded else "")
            self.demands.addItem(item)
            if demand.id == current_id:
                self.demands.setCurrentItem(item)
        if not record.demands:
            placeholder = QListWidgetItem(self.tr("No demands recorded yet."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            placeholder.setForeground(MUTED)
            self.demands.addItem(placeholder)
        del blocker

    def refresh_touchpoints(self) -> None:
        record = self._record
        self._touchpoints = [] if record is None else self._service().touchpoints(record.id)
        table = self.touchpoints
        table.setRowCount(len(self._touchpoints))
        for row, entry in enumerate(self._touchpoints):
            summary = entry.summary
            if entry.from_meeting:
                summary = self.tr("Attended “{meeting}”").format(meeting=entry.summary)
            elif entry.follow_up_action_id:
                summary += "  " + self.tr("(follow-up in the action tracker)")
            cells = [
                entry.occurred_on.isoformat(),
                channel_label(entry.channel),
                entry.our_people,
                summary,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(TOUCHPOINT_ID_ROLE, entry.id)
                item.setData(MEETING_ID_ROLE, entry.meeting_id)
                if entry.from_meeting:
                    item.setForeground(MUTED)
                    item.setToolTip(self.tr("Double-click to open the meeting."))
                else:
                    item.setToolTip(entry.summary)
                table.setItem(row, column, item)
        table.resizeRowsToContents()

    def show_error(self, error: PmError) -> None:
        self.error.setText(field_error_text(error))
        self.error.show()

    def focus_demands(self) -> None:
        self.demands.setFocus()
        self._scroll.ensureWidgetVisible(self.demands)

    def focus_touchpoints(self) -> None:
        self.touchpoints.setFocus()
        self._scroll.ensureWidgetVisible(self.touchpoints)

    # --- committing ---------------------------------------------------------------------

    def _commit(
        self, field: str, value: Any, *, started_from: dict[str, Any] | None = None
    ) -> None:
        record = self._record
        if record is None or record.deleted or getattr(record, field) == value:
            return
        self.error.hide()
        self._push(
            EditStakeholderCommand(
                self._service(), record, {field: value}, self._done, started_from=started_from
            )
        )

    def _commit_text(self, field: str) -> None:
        widget = self.fields[field]
        assert isinstance(widget, QLineEdit)
        if self._record is not None and field == "name" and not widget.text().strip():
            self.error.setText(self.tr("A stakeholder needs a name."))
            self.error.show()
            widget.setText(self._record.name)
            return
        self._commit(field, " ".join(widget.text().split()))

    @Slot()
    def _notes_typed(self) -> None:
        if self._notes_started_from is None and self._record is not None:
            self._notes_started_from = self._record.notes
        self._notes_timer.start()

    @Slot()
    def _commit_notes(self) -> None:
        """Save the typed notes; a teammate's notes that a sync brought in while they were
        typed are replaced but kept in a conflict record (nothing lost silently)."""
        notes = self.fields["notes"]
        assert isinstance(notes, QPlainTextEdit)
        started_from, self._notes_started_from = self._notes_started_from, None
        self._commit(
            "notes",
            notes.toPlainText(),
            started_from=None if started_from is None else {"notes": started_from},
        )

    def flush(self) -> None:
        """Save notes typed but not yet saved (before the selection or project changes)."""
        if self._notes_timer.isActive():
            self._notes_timer.stop()
            self._commit_notes()

    def _add_demand(self) -> None:
        text = self.new_demand.text().strip()
        if self._record is None or not text:
            return
        self.new_demand.clear()
        self._push(AddDemandCommand(self._service(), self._record.id, text, self._done))

    @Slot(QListWidgetItem)
    def _demand_changed(self, item: QListWidgetItem) -> None:
        record = self._record
        demand_id = item.data(Qt.ItemDataRole.UserRole)
        demand = next((d for d in record.demands if d.id == demand_id), None) if record else None
        if demand is None:
            return
        status = (
            DemandStatus.ADDRESSED
            if item.checkState() == Qt.CheckState.Checked
            else DemandStatus.RECORDED
        )
        text = item.text().strip() or demand.text
        if (text, status) != (demand.text, demand.status):
            self._push(
                EditDemandCommand(
                    self._service(),
                    demand.id,
                    (demand.text, demand.status),
                    (text, status),
                    self._done,
                )
            )
        elif item.text() != demand.text:
            blocker = QSignalBlocker(self.demands)
            item.setText(demand.text)
            del blocker

    def _remove_demand(self) -> None:
        item = self.demands.currentItem()
        demand_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if self._record is None or self._record.deleted or not demand_id:
            return
        self._push(RemoveDemandCommand(self._service(), demand_id, item.text(), self._done))

    def _remove_touchpoint(self) -> None:
        row = self.touchpoints.currentRow()
        if self._record is None or not 0 <= row < len(self._touchpoints):
            return
        entry = self._touchpoints[row]
        if entry.from_meeting:
            QMessageBox.information(
                self,
                self.tr("Remove touchpoint"),
                self.tr(
                    "This touchpoint is a meeting they attended. Change their attendance "
                    "in the meeting instead."
                ),
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove touchpoint"),
            self.tr("Remove the touchpoint of {date} (“{summary}”)?").format(
                date=entry.occurred_on.isoformat(), summary=entry.summary
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._push(
                RemoveTouchpointCommand(self._service(), entry.id, entry.summary, self._done)
            )

    def _request_log(self) -> None:
        if self._record is not None:
            self.logTouchpointRequested.emit(self._record.id)

    def _request_restore(self) -> None:
        if self._record is not None:
            self.restoreRequested.emit(self._record)

    @Slot(int, int)
    def _touchpoint_activated(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._touchpoints) and self._touchpoints[row].meeting_id:
            self.meetingRequested.emit(self._touchpoints[row].meeting_id)
