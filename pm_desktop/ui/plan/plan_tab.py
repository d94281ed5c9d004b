"""The master plan tab: T, the task table and the Gantt chart side by side, and the plan's tools.

The table and the chart share their rows: same height, same vertical scroll, same selection.
Every edit (typed in the table or dragged on the chart) is an undoable command; the service
reschedules in the same transaction and ``reload`` shows the new schedule.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QItemSelectionModel, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.errors import PmError, ValidationError
from pm_desktop.core.schedule import Link, Schedule, TaskSpec, schedule
from pm_desktop.core.work_calendar import WorkCalendar, announced
from pm_desktop.ui.delegates import DateDelegate, NumberDelegate, pydate
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.plan.commands import (
    AddLinkCommand,
    AddTaskCommand,
    ApplyTemplateCommand,
    AssignTaskCommand,
    EditLinkCommand,
    EditTaskCommand,
    IndentCommand,
    MoveTaskCommand,
    RemoveLinkCommand,
    RemoveTasksCommand,
    ReorderCommand,
    SetContractDateCommand,
    UnassignTaskCommand,
)
from pm_desktop.ui.plan.context import PlanContext
from pm_desktop.ui.plan.gantt import GanttHeader, GanttRow, GanttView, Zoom
from pm_desktop.ui.plan.messages import plan_error_text
from pm_desktop.ui.plan.tasks_model import (
    PlanRow,
    PlanTasksModel,
    PredecessorRef,
    parse_predecessors,
    parse_resources,
    rows_of,
)
from pm_desktop.ui.plan.transfer import PlanTransfer
from pm_desktop.ui.style import ERROR

if TYPE_CHECKING:
    from pm_desktop.services.plan import PlanLinkRecord, PlanTaskRecord, TaskAssignmentRecord

ZOOM_KEY = "plan/zoom"
HEADER_HEIGHT = 40


class PlanSnapshot:
    """What the tab shows, read in one go."""

    def __init__(self) -> None:
        self.tasks: list[PlanTaskRecord] = []
        self.links: list[PlanLinkRecord] = []
        self.assignments: list[TaskAssignmentRecord] = []
        self.calendar = WorkCalendar()
        self.contract_signed_on: date | None = None
        self._input: tuple[list[TaskSpec], list[Link]] | None = None

    def task(self, task_id: str) -> PlanTaskRecord:
        return next(t for t in self.tasks if t.id == task_id)

    def schedule_input(self) -> tuple[list[TaskSpec], list[Link]]:
        """The plan as the scheduler takes it (made once, for the steps of a drag)."""
        if self._input is None:
            self._input = (
                [
                    TaskSpec(r.id, r.name, r.parent_id, r.duration_days, r.offset_days)
                    for r in self.tasks
                ],
                [Link(x.predecessor_id, x.successor_id, x.lag_days) for x in self.links],
            )
        return self._input


class MasterPlanTab(QWidget):
    def __init__(
        self, context: PlanContext, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("masterPlanTab")
        self.context = context
        self._settings = settings
        self.snapshot = PlanSnapshot()
        self.model = PlanTasksModel(self)
        self.model.editRequested.connect(self._edit_from_table)
        self.gantt = GanttView()
        self.gantt.taskMoved.connect(self.move_task)
        self.gantt.taskResized.connect(self.resize_task)
        self.gantt.dragChanged.connect(self.preview_drag)
        self.gantt.rowClicked.connect(self._select_row)
        self.header = GanttHeader(self.gantt)
        self.header.setFixedHeight(HEADER_HEIGHT)
        self._build_toolbar()
        self._build_table()
        self.message = QLabel()
        self.message.setObjectName("planMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR.name()};")
        self.message.hide()
        self.summary = QLabel()
        self.summary.setObjectName("planSummary")

        chart = QWidget()
        chart_layout = QVBoxLayout(chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.setSpacing(0)
        chart_layout.addWidget(self.header)
        chart_layout.addWidget(self.gantt)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(chart)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([620, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        zoom = str(settings.value(ZOOM_KEY, Zoom.WEEK.name))
        self.set_zoom(Zoom[zoom] if zoom in Zoom.__members__ else Zoom.WEEK)
        self._update_actions()

    # --- building -------------------------------------------------------------------------

    def _button(self, text: str, slot: Any, tip: str = "", shortcut: str = "") -> QToolButton:
        action = QAction(text, self)
        action.setToolTip(tip or text)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _build_contract_date(self) -> None:
        self.t_label = QLabel(self.tr("T (contract signed):"))
        self.t_edit = QDateEdit()
        self.t_edit.setObjectName("contractDate")
        self.t_edit.setCalendarPopup(True)
        self.t_edit.setDisplayFormat("yyyy-MM-dd")
        self.t_edit.setToolTip(self.tr("The plan is scheduled from T; moving T moves the plan."))
        self.t_edit.setMinimumDate(QDate(2000, 1, 1))
        self.t_edit.setSpecialValueText(self.tr("Not set"))
        self.t_edit.editingFinished.connect(self._contract_date_edited)
        self.t_edit.calendarWidget().clicked.connect(lambda _day: self._contract_date_edited())
        self.t_label.setBuddy(self.t_edit)

    def _build_zoom(self) -> QWidget:
        self.zoom_group = QButtonGroup(self)
        self.zoom_buttons: dict[Zoom, QToolButton] = {}
        zoom_box = QWidget()
        zoom_row = QHBoxLayout(zoom_box)
        zoom_row.setContentsMargins(0, 0, 0, 0)
        zoom_row.setSpacing(0)
        for zoom, text in (
            (Zoom.DAY, self.tr("Day")),
            (Zoom.WEEK, self.tr("Week")),
            (Zoom.MONTH, self.tr("Month")),
        ):
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            button.setObjectName(f"zoom{zoom.name.title()}")
            button.clicked.connect(lambda _=False, z=zoom: self.set_zoom(z))
            self.zoom_group.addButton(button)
            self.zoom_buttons[zoom] = button
            zoom_row.addWidget(button)
        return zoom_box

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar()  # what does not fit goes into its » menu
        self.toolbar.setObjectName("planToolbar")
        self._build_contract_date()
        self.add_button = self._button(
            self.tr("Add Task"), self.add_task, self.tr("Add a task after the selected one"),
            "Ctrl+Return",
        )  # fmt: skip
        self.sub_button = self._button(
            self.tr("Add Sub-task"), self.add_subtask, self.tr("Add a task under the selected one")
        )
        self.milestone_button = self._button(self.tr("Add Milestone"), self.add_milestone)
        self.indent_button = self._button(
            self.tr("Indent"), lambda: self.shift_selected(True), "", "Alt+Shift+Right"
        )
        self.outdent_button = self._button(
            self.tr("Outdent"), lambda: self.shift_selected(False), "", "Alt+Shift+Left"
        )
        self.up_button = self._button(
            self.tr("Move Up"), lambda: self.reorder_selected(-1), "", "Alt+Shift+Up"
        )
        self.down_button = self._button(
            self.tr("Move Down"), lambda: self.reorder_selected(+1), "", "Alt+Shift+Down"
        )
        self.link_button = self._button(
            self.tr("Link"),
            self.link_selected,
            self.tr("Link the selected tasks finish-to-start, in their order"),
            "Ctrl+L",
        )
        self.unlink_button = self._button(
            self.tr("Unlink"), self.unlink_selected, self.tr("Remove links between the selected")
        )
        self.delete_button = self._button(
            self.tr("Delete"), self.remove_selected, self.tr("Delete the selected tasks"), "Delete"
        )
        zoom_box = self._build_zoom()
        self.today_button = self._button(self.tr("Today"), self.scroll_to_today)
        self.baseline_button = self._button(
            self.tr("Save Baseline"),
            self.save_baseline,
            self.tr("Keep today's dates to compare the plan with later"),
        )
        self.template_button = QToolButton()
        self.template_button.setText(self.tr("Template"))
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.template_menu = QMenu(self.template_button)
        self.template_menu.aboutToShow.connect(self._fill_template_menu)
        self.template_button.setMenu(self.template_menu)
        for widget in (
            self.t_label,
            self.t_edit,
            self.add_button,
            self.sub_button,
            self.milestone_button,
            self.indent_button,
            self.outdent_button,
            self.up_button,
            self.down_button,
            self.link_button,
            self.unlink_button,
            self.delete_button,
        ):
            self.toolbar.addWidget(widget)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(zoom_box)
        self.transfer = PlanTransfer(self)
        for widget in (
            self.today_button,
            self.baseline_button,
            self.template_button,
            self.transfer.import_button,
            self.transfer.export_button,
        ):
            self.toolbar.addWidget(widget)

    def _build_table(self) -> None:
        table = QTableView()
        table.setObjectName("planTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(self.gantt.row_height)
        header = table.horizontalHeader()
        header.setFixedHeight(HEADER_HEIGHT)
        header.setHighlightSections(False)
        widths = {"wbs_code": 52, "name": 260, "duration_days": 78, "start_on": 92,
                  "finish_on": 92, "predecessors": 90, "resources": 120,
                  "percent_complete": 62, "slip_days": 90, "notes": 200}  # fmt: skip
        for field, width in widths.items():
            header.resizeSection(self.model.column_of(field), width)
        column = self.model.column_of
        # wide ranges: a value out of bounds is refused with a message, never cut silently
        table.setItemDelegateForColumn(column("duration_days"), NumberDelegate(0, 99_999, table))
        table.setItemDelegateForColumn(column("percent_complete"), NumberDelegate(0, 999, table))
        table.setItemDelegateForColumn(column("start_on"), DateDelegate(self.context.today, table))
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table = table
        # one scroll for both: the table's own bar is hidden, the chart's drives both
        self.gantt.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        table.verticalScrollBar().valueChanged.connect(self.gantt.verticalScrollBar().setValue)

    # --- reading --------------------------------------------------------------------------

    def reload(self) -> None:
        snapshot = PlanSnapshot()
        project_id = self.context.project_id
        if project_id and self.context.ready:
            service = self.context.service()
            snapshot.tasks = service.tasks(project_id)
            snapshot.links = service.links(project_id)
            snapshot.assignments = service.task_assignments(project_id)
            snapshot.calendar = service.calendar(project_id)
            snapshot.contract_signed_on = service.contract_date(project_id)
        self.show_snapshot(snapshot)

    def show_snapshot(self, snapshot: PlanSnapshot) -> None:
        self.snapshot = snapshot
        code_of = {t.id: t.wbs_code for t in snapshot.tasks}
        predecessors: defaultdict[str, list[PredecessorRef]] = defaultdict(list)
        for link in snapshot.links:
            if link.predecessor_id in code_of:
                predecessors[link.successor_id].append(
                    PredecessorRef(code_of[link.predecessor_id], link.lag_days)
                )
        people: defaultdict[str, list[str]] = defaultdict(list)
        for a in snapshot.assignments:
            people[a.task_id].append(
                a.person_name + ("" if a.units_pct == 100 else f" {a.units_pct}%")
            )
        slips = {t.id: self._slip(t, snapshot.calendar) for t in snapshot.tasks}
        rows = rows_of(
            snapshot.tasks,
            predecessors,
            {task: ", ".join(names) for task, names in people.items()},
            slips,
            snapshot.calendar.working_days,
        )
        self.model.set_rows(rows)
        today = self.context.today()
        self.gantt.set_plan(
            [_gantt_row(row, task) for row, task in zip(rows, snapshot.tasks, strict=True)],
            [(link.predecessor_id, link.successor_id) for link in snapshot.links],
            snapshot.calendar,
            snapshot.contract_signed_on or today,
            today,
        )
        self._show_contract_date(snapshot.contract_signed_on)
        self._show_summary(rows)
        self.setEnabled(bool(self.context.project_id))
        self._selection_changed()

    @staticmethod
    def _slip(task: PlanTaskRecord, calendar: WorkCalendar) -> int | None:
        base, now = task.baseline_finish_on, task.finish_on
        if base is None or now is None:
            return None
        if now > base:
            return calendar.working_days(base + timedelta(days=1), now)
        return -calendar.working_days(now + timedelta(days=1), base)

    def _show_contract_date(self, day: date | None) -> None:
        self.t_edit.blockSignals(True)
        if day is None:
            self.t_edit.setDate(self.t_edit.minimumDate())  # reads "Not set"
        else:
            self.t_edit.setDate(QDate(day.year, day.month, day.day))
        self.t_edit.blockSignals(False)
        self.t_edit.setToolTip(
            self.tr("The plan is scheduled from T; moving T moves the plan.")
            if day
            else self.tr("T is not set: the plan is scheduled from today.")
        )

    def _show_summary(self, rows: list[PlanRow]) -> None:
        if not rows:
            self.summary.setText(
                self.tr("No tasks yet: add one, or start from a template.")
                if self.context.project_id
                else self.tr("Choose a project to see its plan.")
            )
            return
        finishes = [r.finish_on for r in rows if r.finish_on]
        end = max(finishes) if finishes else None
        critical = sum(1 for r in rows if r.critical)
        late = sum(1 for r in rows if r.slip_days and r.slip_days > 0)
        parts = [
            self.tr("%n task(s)", "", len(rows)),
            self.tr("ends {date}").format(date=end.isoformat()) if end else "",
            self.tr("%n on the critical path", "", critical),
            self.tr("%n later than the baseline", "", late) if late else "",
        ]
        years = sorted(
            {r.finish_on.year for r in rows if r.finish_on}
            | {r.start_on.year for r in rows if r.start_on}
        )
        estimated = [str(year) for year in years if not announced(year)]
        if estimated:
            parts.append(
                self.tr(
                    "the holidays of {years} are not announced yet: dates then are estimates"
                ).format(years=", ".join(estimated))
            )
        self.summary.setText(" · ".join(p for p in parts if p))

    # --- selection ------------------------------------------------------------------------

    def selected_rows(self) -> list[PlanRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.record(r) for r in rows]

    def current_row(self) -> PlanRow | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    @Slot(int)
    def _select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, self.model.column_of("name")),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def select_task(self, task_id: str) -> None:
        row = self.model.row_of(task_id)
        if row >= 0:
            self._select_row(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _selection_changed(self, *_args: object) -> None:
        index = self.table.currentIndex()
        self.gantt.set_selected_row(index.row() if index.isValid() else -1)
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self.selected_rows()
        has_project = bool(self.context.project_id)
        for button in (self.add_button, self.milestone_button, self.template_button):
            button.setEnabled(has_project)
        for button in (
            self.sub_button,
            self.indent_button,
            self.outdent_button,
            self.up_button,
            self.down_button,
        ):
            button.setEnabled(len(chosen) == 1)
        self.delete_button.setEnabled(bool(chosen))
        self.link_button.setEnabled(len(chosen) >= 2)
        self.unlink_button.setEnabled(len(chosen) >= 2)
        self.baseline_button.setEnabled(bool(self.model.rowCount()))

    # --- running commands -----------------------------------------------------------------

    def _push(self, command: Any) -> PmError | None:
        error = self.context.push(command)
        self.show_message("" if error is None else plan_error_text(error))
        return error

    def show_message(self, text: str) -> None:
        """Show why an edit was refused (empty: hide it)."""
        self.message.setStyleSheet(f"color: {ERROR.name()};")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_notice(self, text: str) -> None:
        """Show something the user should know that is not an error."""
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _new_task(self, fields: dict[str, Any], name: str) -> str:
        command = AddTaskCommand(
            self.context.service(), self.context.project_id, name, fields, self.context.done
        )
        if self._push(command) is None:
            self.select_task(command.task_id)
            self.table.edit(self.table.currentIndex())
            return command.task_id
        return ""

    @Slot()
    def add_task(self) -> str:
        current = self.current_row()
        where = {"after_id": current.id} if current else {}
        return self._new_task({**where, "duration_days": 1}, self.tr("New task"))

    @Slot()
    def add_subtask(self) -> str:
        current = self.current_row()
        if current is None:
            return ""
        return self._new_task({"parent_id": current.id, "duration_days": 1}, self.tr("New task"))

    @Slot()
    def add_milestone(self) -> str:
        current = self.current_row()
        where = {"after_id": current.id} if current else {}
        return self._new_task({**where, "is_milestone": True}, self.tr("Milestone"))

    def reorder_selected(self, step: int) -> None:
        current = self.current_row()
        if current is not None:
            task = self.snapshot.task(current.id)
            self._push(ReorderCommand(self.context.service(), task, step, self.context.done))
            self.select_task(task.id)

    def shift_selected(self, deeper: bool) -> None:
        current = self.current_row()
        if current is not None:
            task = self.snapshot.task(current.id)
            self._push(IndentCommand(self.context.service(), task, deeper, self.context.done))
            self.select_task(task.id)

    @Slot()
    def remove_selected(self) -> None:
        chosen = self.selected_rows()
        if not chosen:
            return
        ids = {r.id for r in chosen}
        inside = sum(1 for t in self.snapshot.tasks if self._under(t.id, ids) and t.id not in ids)
        if inside and not self._confirm(
            self.tr("Delete %n selected task(s) with their sub-tasks?", "", len(chosen))
            + "\n"
            + self.tr("%n sub-task(s) go with them. Edit ▸ Undo brings them back.", "", inside)
        ):
            return
        label = (
            f"“{chosen[0].name}”" if len(chosen) == 1 else self.tr("%n task(s)", "", len(chosen))
        )
        self._push(RemoveTasksCommand(self.context.service(), list(ids), label, self.context.done))

    def _under(self, task_id: str, ancestors: set[str]) -> bool:
        parent_of = {t.id: t.parent_id for t in self.snapshot.tasks}
        seen: set[str] = set()
        node: str | None = task_id
        while node is not None and node not in seen:
            if node in ancestors:
                return True
            seen.add(node)
            node = parent_of.get(node)
        return False

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete Tasks"), text)
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def link_selected(self) -> None:
        chosen = self.selected_rows()
        existing = {(link.predecessor_id, link.successor_id) for link in self.snapshot.links}
        pairs = [(a, b) for a, b in pairwise(chosen) if (a.id, b.id) not in existing]
        self._macro(
            self.tr("Link %n task(s)", "", len(chosen)),
            [
                AddLinkCommand(
                    self.context.service(),
                    self.snapshot.task(a.id),
                    self.snapshot.task(b.id),
                    0,
                    self.context.done,
                )
                for a, b in pairs
            ],
        )

    @Slot()
    def unlink_selected(self) -> None:
        ids = {r.id for r in self.selected_rows()}
        doomed = [
            link.id
            for link in self.snapshot.links
            if link.predecessor_id in ids and link.successor_id in ids
        ]
        self._macro(
            self.tr("Unlink %n task(s)", "", len(ids)),
            [RemoveLinkCommand(self.context.service(), i, self.context.done) for i in doomed],
        )

    def _macro(self, text: str, commands: list[Any]) -> PmError | None:
        """Run ``commands`` as one undo step; if one is refused, none of them stays."""
        if not commands:
            self.show_message("")
            return None
        stack = self.context.undo_stack
        stack.beginMacro(text)
        error = None
        for command in commands:
            error = self.context.push(command)
            if error is not None:
                break
        stack.endMacro()
        if error is not None:  # take back what ran, and leave no redo of it
            macro = stack.command(stack.index() - 1)
            if macro is not None:
                macro.setObsolete(True)
                stack.undo()
        self.show_message("" if error is None else plan_error_text(error))
        return error

    # --- edits from the table and the chart -----------------------------------------------

    def _edit_from_table(self, row: PlanRow, field: str, value: Any) -> None:
        self.show_message("")
        task = self.snapshot.task(row.id)
        service = self.context.service()
        if field == "start_on":
            self.move_task(task.id, value)
        elif field == "duration_days" and (value == 0) != task.is_milestone:
            change = {"is_milestone": True} if value == 0 else {"is_milestone": False}
            if value:
                change["duration_days"] = value
            self._push(EditTaskCommand(service, task, change, self.context.done))
        elif field == "predecessors":
            self.set_predecessors(task, str(value))
        elif field == "resources":
            self.set_resources(task, str(value))
        else:
            self._push(EditTaskCommand(service, task, {field: value}, self.context.done))

    @Slot(str, object)
    def move_task(self, task_id: str, start_on: date) -> None:
        """Let the task start on ``start_on`` (or the first working day after); when its
        predecessors hold it where it is, say so and change nothing."""
        self.show_message("")
        task = self.snapshot.task(task_id)
        t = self.snapshot.contract_signed_on or self.context.today()
        if start_on >= t and task.start_on is not None:
            offset = self.snapshot.calendar.working_days(t, start_on - timedelta(days=1))
            plan = self._schedule_with(task_id, {"offset_days": offset})
            if plan is not None and plan.placements[task_id].start_on == task.start_on:
                if offset != task.offset_days and start_on < task.start_on:
                    self.show_notice(
                        self.tr("“{name}” cannot start earlier: its predecessors hold it until "
                                "{date}.").format(name=task.name, date=task.start_on.isoformat())
                    )  # fmt: skip
                return
        self._push(MoveTaskCommand(self.context.service(), task, start_on, self.context.done))

    @Slot(str, object)
    def resize_task(self, task_id: str, finish_on: date) -> None:
        self.show_message("")
        task = self.snapshot.task(task_id)
        if task.start_on is None:
            return
        days = max(1, self.snapshot.calendar.working_days(task.start_on, finish_on))
        if days == task.duration_days:
            return  # stretched over days off only: nothing changes
        self._push(
            EditTaskCommand(
                self.context.service(), task, {"duration_days": days}, self.context.done
            )
        )

    def _schedule_with(self, task_id: str, change: dict[str, Any]) -> Schedule | None:
        """The plan as it would be with ``change`` to one task (in memory; None: refused)."""
        snapshot = self.snapshot
        t = snapshot.contract_signed_on or self.context.today()
        specs, links = snapshot.schedule_input()
        at = next(n for n, spec in enumerate(specs) if spec.id == task_id)
        specs = [*specs[:at], replace(specs[at], **change), *specs[at + 1 :]]
        try:
            return schedule(specs, links, t, snapshot.calendar)
        except PmError:
            return None

    @Slot(str, object, bool)
    def preview_drag(self, task_id: str, day: date, resizing: bool) -> None:
        """While a bar is dragged, show the whole schedule it would give (computed here, in
        memory, with the scheduler the service uses; nothing is saved until the drop)."""
        snapshot = self.snapshot
        task = snapshot.task(task_id)
        if task.start_on is None:
            return
        t = snapshot.contract_signed_on or self.context.today()
        calendar = snapshot.calendar
        change: dict[str, Any]
        if resizing:
            change = {"duration_days": max(1, calendar.working_days(task.start_on, day))}
        elif day < t:
            return
        else:
            change = {"offset_days": calendar.working_days(t, day - timedelta(days=1))}
        plan = self._schedule_with(task_id, change)
        if plan is None:
            return
        self.gantt.set_preview_dates(
            {key: (p.start_on, p.finish_on) for key, p in plan.placements.items()}
        )

    def set_predecessors(self, task: PlanTaskRecord, text: str) -> PmError | None:
        """Make the task's links those typed (WBS codes with lags), as one undo step."""
        try:
            refs = parse_predecessors(text)
        except ValidationError as refused:
            self.show_message(plan_error_text(refused))
            return refused
        by_code = {t.wbs_code: t for t in self.snapshot.tasks}
        unknown = [r.wbs_code for r in refs if r.wbs_code not in by_code]
        if unknown:
            missing = ValidationError(
                self.tr("No task has the WBS code {codes}.").format(codes=", ".join(unknown)),
                field="links",
            )
            self.show_message(str(missing))
            return missing
        wanted = {by_code[r.wbs_code].id: r.lag_days for r in refs}
        current = {
            link.predecessor_id: link
            for link in self.snapshot.links
            if link.successor_id == task.id
        }
        service, done = self.context.service(), self.context.done
        commands: list[Any] = [
            RemoveLinkCommand(service, link.id, done)
            for pred, link in current.items()
            if pred not in wanted
        ]
        for pred, lag in wanted.items():
            if pred not in current:
                before = self.snapshot.task(pred)
                commands.append(AddLinkCommand(service, before, task, lag, done))
            elif current[pred].lag_days != lag:
                commands.append(
                    EditLinkCommand(service, current[pred].id, current[pred].lag_days, lag, done)
                )
        return self._macro(self.tr("Predecessors of “{name}”").format(name=task.name), commands)

    def set_resources(self, task: PlanTaskRecord, text: str) -> PmError | None:
        """Put the people typed on the task (names of the pool with an optional share)."""
        wanted = parse_resources(text)
        people = self.context.services().team.people()
        pool = {p.name: p.id for p in people}
        twins = sorted({p.name for p in people if sum(q.name == p.name for q in people) > 1})
        doubtful = [name for name, _ in wanted if name in twins]
        if doubtful:
            message = self.tr(
                "Several people in the pool are called {names}: tell them apart in Team ▸ "
                "Resource Pool (e.g. by their company) first."
            ).format(names=", ".join(doubtful))
            self.show_message(message)
            return ValidationError(message, field="resources")
        unknown = [name for name, _ in wanted if name not in pool]
        if unknown:
            message = self.tr(
                "Not in the resource pool: {names}. Add them in Team ▸ Resource Pool first."
            ).format(names=", ".join(unknown))
            self.show_message(message)
            return ValidationError(message, field="resources")
        current = {a.person_id: a for a in self.snapshot.assignments if a.task_id == task.id}
        service, done = self.context.service(), self.context.done
        commands: list[Any] = []
        targets = {pool[name]: (name, units) for name, units in wanted}
        for person_id, assignment in current.items():
            if person_id not in targets or targets[person_id][1] != assignment.units_pct:
                commands.append(
                    UnassignTaskCommand(service, assignment.id, assignment.person_name, done)
                )
        for person_id, (name, units) in targets.items():
            if person_id not in current or current[person_id].units_pct != units:
                commands.append(
                    AssignTaskCommand(service, task, person_id, name, units_pct=units, done=done)
                )
        return self._macro(self.tr("People on “{name}”").format(name=task.name), commands)

    # --- T, zoom, baseline, templates -----------------------------------------------------

    def _contract_date_edited(self) -> None:
        shown = self.t_edit.date()
        chosen = None if shown == self.t_edit.minimumDate() else pydate(shown)
        before = self.snapshot.contract_signed_on
        if chosen is None or chosen == before or not self.context.project_id:
            return
        self._push(
            SetContractDateCommand(
                self.context.service(), self.context.project_id, before, chosen, self.context.done
            )
        )

    def set_zoom(self, zoom: Zoom) -> None:
        self.gantt.set_zoom(zoom)
        self.header.update()
        self.zoom_buttons[zoom].setChecked(True)
        self._settings.setValue(ZOOM_KEY, zoom.name)

    @Slot()
    def scroll_to_today(self) -> None:
        self.gantt.scroll_to_date(self.context.today() - timedelta(days=7))

    @Slot()
    def save_baseline(self) -> None:
        has_one = any(t.baseline_finish_on for t in self.snapshot.tasks)
        if has_one:
            answer = QMessageBox.question(
                self,
                self.tr("Save Baseline"),
                self.tr(
                    "Replace the baseline saved earlier with today's plan? "
                    "The old baseline cannot be brought back."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.context.service().save_baseline(self.context.project_id)
        except PmError as error:
            self.show_message(describe_error(error))
            return
        self.reload()

    def _fill_template_menu(self) -> None:
        self.template_menu.clear()
        for key, name in self.context.service().templates():
            action = self.template_menu.addAction(name)
            action.triggered.connect(lambda _=False, k=key: self.apply_template(k))

    def apply_template(self, key: str) -> None:
        if self.snapshot.tasks:
            answer = QMessageBox.question(
                self,
                self.tr("Add a Template"),
                self.tr(
                    "The plan has %n task(s) already. Add the template's tasks after them?",
                    "",
                    len(self.snapshot.tasks),
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._push(
            ApplyTemplateCommand(
                self.context.service(), self.context.project_id, key, self.context.done
            )
        )


def _gantt_row(row: PlanRow, task: PlanTaskRecord) -> GanttRow:
    return GanttRow(
        id=row.id,
        name=row.name,
        start_on=row.start_on,
        finish_on=row.finish_on,
        is_milestone=row.is_milestone,
        is_summary=row.is_summary,
        critical=row.critical,
        percent_complete=row.percent_complete,
        baseline_start_on=task.baseline_start_on,
        baseline_finish_on=task.baseline_finish_on,
    )
