"""The Stakeholders workspace: the register, the power/interest map and the org chart on the
left; the warnings and the selected stakeholder on the right.

Every edit is an undoable command; after each one (and after undo or redo from the menu)
``reload`` reads the project's stakeholders again and refreshes what shows them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.enums import Attitude, RoleClass
from pm_desktop.core.errors import PmError
from pm_desktop.core.stakeholder_health import DEFAULT_STRONG_C_DAYS, HealthWarning, WarningKind
from pm_desktop.core.stakeholders import (
    SCALE_MAX,
    SCALE_MIN,
    StakeholderRecord,
    StakeholderUsage,
)
from pm_desktop.ui.delegates import ChoiceDelegate, NumberDelegate
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.services_loader import ServicesLoader
from pm_desktop.ui.stakeholders.commands import (
    AddStakeholderCommand,
    AddTouchpointCommand,
    EditStakeholderCommand,
    RemoveStakeholdersCommand,
    RestoreStakeholderCommand,
    move_command,
)
from pm_desktop.ui.stakeholders.detail import StakeholderDetail
from pm_desktop.ui.stakeholders.health_panel import HealthPanel
from pm_desktop.ui.stakeholders.labels import attitude_label, role_class_label
from pm_desktop.ui.stakeholders.map_view import StakeholderMapView
from pm_desktop.ui.stakeholders.org_chart import OrgChartView
from pm_desktop.ui.stakeholders.page import STRONG_C_DAYS_KEY
from pm_desktop.ui.stakeholders.register_model import RegisterFilter, RegisterModel
from pm_desktop.ui.stakeholders.touchpoint_dialog import TouchpointDialog
from pm_desktop.ui.stakeholders.transfer import RegisterTransfer

if TYPE_CHECKING:
    from pm_desktop.services.stakeholders import StakeholderService


class StakeholdersWorkspace(QWidget):
    meetingRequested = Signal(str)  # a meeting id: show it in the Meetings workspace
    warningCountChanged = Signal(int)

    def __init__(
        self,
        loader: ServicesLoader,
        settings: QSettings,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stakeholdersWorkspace")
        self._loader = loader
        self._settings = settings
        self._undo_stack = undo_stack
        self._project_id = ""
        self._records: list[StakeholderRecord] = []
        self._current_id = ""
        self.just_reloaded = False
        self._org_shape: list[tuple[object, ...]] = []
        self._org_shape_pending: list[tuple[object, ...]] | None = None

        self.model = RegisterModel(self)
        self.model.editRequested.connect(self._edit_from_table)
        self.proxy = RegisterFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build_toolbar()
        self._build_register()
        self._build_views()
        self._build_side()
        self.transfer = RegisterTransfer(self, self._service, self._push, self._done)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.health)
        right.addWidget(self.detail)
        right.setStretchFactor(1, 1)
        right.setSizes([220, 480])
        right.setChildrenCollapsible(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self._toolbar)
        left_layout.addWidget(self.tabs)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([800, 420])
        right.setMinimumWidth(330)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        loader.ready.connect(self.reload)
        self._update_actions()

    # --- construction -------------------------------------------------------------------

    def _build_views(self) -> None:
        self.map = StakeholderMapView()
        self.map.setObjectName("stakeholderMap")
        self.map.cardMoved.connect(self._move)
        self.map.currentChanged.connect(self._select_from_view)
        self.map.cardActivated.connect(self._select_from_view)
        self.org_chart = OrgChartView()
        self.org_chart.setObjectName("orgChart")
        self.org_chart.currentChanged.connect(self._select_from_view)
        self.org_chart.cardActivated.connect(self._select_from_view)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("stakeholderTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.table, self.tr("Register"))
        self.tabs.addTab(self.map, self.tr("Power/Interest Map"))
        self.tabs.addTab(self.org_chart, self.tr("Org Chart"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_org_chart())

    def _build_side(self) -> None:
        days = int(str(self._settings.value(STRONG_C_DAYS_KEY, DEFAULT_STRONG_C_DAYS)))
        self.health = HealthPanel(days)
        self.health.warningActivated.connect(self.go_to_warning)
        self.health.strongCDaysChanged.connect(self._set_strong_c_days)
        self.detail = StakeholderDetail(self._service, self._push, self._done)
        self.detail.logTouchpointRequested.connect(self.log_touchpoint)
        self.detail.meetingRequested.connect(self.meetingRequested)
        self.detail.restoreRequested.connect(self._restore)

    def _build_toolbar(self) -> None:
        self.add_button = QPushButton(self.tr("Add Stakeholder…"))
        self.add_button.setObjectName("addStakeholder")
        self.add_button.clicked.connect(self.add_stakeholder)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteStakeholder")
        self.delete_button.clicked.connect(self.delete_selected)
        self.transfer_button = QToolButton()
        self.transfer_button.setObjectName("stakeholderTransfer")
        self.transfer_button.setText(self.tr("Import / Export"))
        self.transfer_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.search = QLineEdit()
        self.search.setObjectName("stakeholderSearch")
        self.search.setPlaceholderText(self.tr("Search name, organisation, demands…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.role_filter = QComboBox()
        self.role_filter.setObjectName("roleFilter")
        self.role_filter.addItem(self.tr("All roles"), None)
        for role in RoleClass:
            self.role_filter.addItem(role_class_label(role), role.value)
        self.role_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_role(_role_or_none(self.role_filter.currentData()))
        )
        self.attitude_filter = QComboBox()
        self.attitude_filter.setObjectName("attitudeFilter")
        self.attitude_filter.addItem(self.tr("All attitudes"), None)
        for attitude in Attitude:
            self.attitude_filter.addItem(attitude_label(attitude), attitude.value)
        self.attitude_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_attitude(
                _attitude_or_none(self.attitude_filter.currentData())
            )
        )
        self.show_deleted = QCheckBox(self.tr("Show deleted"))
        self.show_deleted.setObjectName("showDeletedStakeholders")
        self.show_deleted.toggled.connect(lambda _on: self.reload())
        self._toolbar = QHBoxLayout()
        for widget in (self.add_button, self.delete_button, self.transfer_button):
            self._toolbar.addWidget(widget)
        self._toolbar.addSpacing(12)
        self._toolbar.addWidget(self.search, 1)
        for choice in (self.role_filter, self.attitude_filter, self.show_deleted):
            self._toolbar.addWidget(choice)

    def _build_register(self) -> None:
        table = QTableView()
        table.setObjectName("stakeholderRegister")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        column = self.model.column_of
        table.setItemDelegateForColumn(
            column("role_class"),
            ChoiceDelegate([(r.value, role_class_label(r)) for r in RoleClass], table),
        )
        table.setItemDelegateForColumn(
            column("attitude"),
            ChoiceDelegate([(a.value, attitude_label(a)) for a in Attitude], table),
        )
        scale = NumberDelegate(SCALE_MIN, SCALE_MAX, table)
        table.setItemDelegateForColumn(column("power"), scale)
        table.setItemDelegateForColumn(column("interest"), scale)
        for field, width in (("name", 120), ("organisation", 130), ("title", 110)):
            table.setColumnWidth(column(field), width)
        for field in ("power", "interest"):
            table.setColumnWidth(column(field), 56)
        table.selectionModel().currentRowChanged.connect(self._select_from_table)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        shortcut = QShortcut(QKeySequence.StandardKey.Delete, table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.delete_selected)
        self.table = table

    # --- data ---------------------------------------------------------------------------

    def _service(self) -> StakeholderService:
        return self._loader.get().stakeholders

    def _push(self, command: QUndoCommand) -> None:
        self._undo_stack.push(command)

    def _done(self, error: PmError | None) -> None:
        """After every command (and its undo/redo): show the result, or why it failed."""
        self.reload()
        if error is None:
            self.detail.error.hide()
        elif self.detail.record is not None:
            self.detail.show_error(error)
        else:
            QMessageBox.warning(self, self.tr("Stakeholders"), describe_error(error))

    @property
    def project_id(self) -> str:
        return self._project_id

    def project_name(self) -> str:
        if not self._project_id or not self._loader.is_ready:
            return ""
        projects = self._loader.get().projects.list(include_archived=True)
        return next((p.name for p in projects if p.id == self._project_id), "")

    @property
    def records(self) -> list[StakeholderRecord]:
        return list(self._records)

    @Slot(str)
    def set_project(self, project_id: str) -> None:
        self.detail.flush()
        if project_id != self._project_id:
            self._current_id = ""
        self._project_id = project_id
        self.reload()

    def reload(self) -> None:
        """Read the project's stakeholders again and refresh the views and the warnings."""
        previous = {r.id: r for r in self._records}
        records: list[StakeholderRecord] = []
        warnings: list[HealthWarning] = []
        if self._project_id and self._loader.is_ready:
            try:
                records, warnings = self._service().overview(
                    self._project_id,
                    include_deleted=self.show_deleted.isChecked(),
                    strong_c_days=self.strong_c_days,
                )
            except PmError as error:  # the database could not be read: keep what is shown
                self._report_unreadable(error)
                return
        self._records = records
        self.model.set_rows(records)
        live = [r for r in records if not r.deleted]
        if {r.id for r in live} == {r.id for r in previous.values() if not r.deleted}:
            for record in live:
                if previous.get(record.id) != record:
                    self.map.update_record(record)
        else:
            self.map.set_records(live)
        self._refresh_org_chart(live)
        self.transfer.set_records(live)
        current = self._find(self._current_id)
        self.detail.show_record(current, records)
        if current is not None:
            self._show_current_in_views(current.id)
        self._show_warnings(warnings)
        self._update_actions()
        self.just_reloaded = True  # until control returns to the event loop
        QTimer.singleShot(0, self._forget_reload)

    def _forget_reload(self) -> None:
        self.just_reloaded = False

    def _report_unreadable(self, error: PmError) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(describe_error(error), 15000)

    def _refresh_org_chart(self, live: list[StakeholderRecord] | None = None) -> None:
        """Rebuild the org chart when what it shows changed, and only while it is shown."""
        if live is None:
            live = [r for r in self._records if not r.deleted]
        shape: list[tuple[object, ...]] = [
            (r.id, r.name, r.title, r.organisation, r.role_class, r.attitude, r.reports_to_id)
            for r in live
        ]
        if shape != self._org_shape:
            self._org_shape_pending = shape
        if self.tabs.currentWidget() is self.org_chart and self._org_shape_pending is not None:
            self.org_chart.set_records(live)
            self._org_shape, self._org_shape_pending = self._org_shape_pending, None
            if self._current_id:
                self.org_chart.select(self._current_id)

    def refresh_health(self) -> None:
        warnings: list[HealthWarning] = []
        if self._project_id and self._loader.is_ready:
            warnings = self._service().health(self._project_id, strong_c_days=self.strong_c_days)
        self._show_warnings(warnings)

    def _show_warnings(self, warnings: list[HealthWarning]) -> None:
        self.health.show_warnings(warnings)
        self.warningCountChanged.emit(len(warnings))

    @property
    def strong_c_days(self) -> int:
        return self.health.days.value()

    @Slot(int)
    def _set_strong_c_days(self, days: int) -> None:
        self._settings.setValue(STRONG_C_DAYS_KEY, days)
        self.refresh_health()

    def _find(self, stakeholder_id: str) -> StakeholderRecord | None:
        return next((r for r in self._records if r.id == stakeholder_id), None)

    # --- selection ----------------------------------------------------------------------

    def select_stakeholder(self, stakeholder_id: str) -> None:
        """Make ``stakeholder_id`` the current one in every view and in the detail panel."""
        self.detail.flush()
        record = self._find(stakeholder_id)
        if record is None:
            return
        self._current_id = stakeholder_id
        self.detail.show_record(record, self._records)
        self._show_current_in_views(stakeholder_id)
        self._update_actions()

    def _show_current_in_views(self, stakeholder_id: str) -> None:
        row = self.model.row_of(stakeholder_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                selection = self.table.selectionModel()
                if selection.currentIndex().row() != index.row():
                    selection.setCurrentIndex(
                        index,
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
                self.table.scrollTo(index)
        self.map.select(stakeholder_id)
        self.org_chart.select(stakeholder_id)

    @Slot(QModelIndex, QModelIndex)
    def _select_from_table(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            record = self.model.record(self.proxy.mapToSource(current).row())
            if record.id != self._current_id:
                self.select_stakeholder(record.id)

    @Slot(str)
    def _select_from_view(self, stakeholder_id: str) -> None:
        if stakeholder_id and stakeholder_id != self._current_id:
            self.select_stakeholder(stakeholder_id)

    def selected_records(self) -> list[StakeholderRecord]:
        """The rows selected in the register, or the current stakeholder of the map."""
        if self.tabs.currentWidget() is self.table:
            rows = {
                self.proxy.mapToSource(index).row()
                for index in self.table.selectionModel().selectedRows()
            }
            chosen = [self.model.record(row) for row in sorted(rows)]
            if chosen:
                return chosen
        current = self._find(self._current_id)
        return [current] if current is not None else []

    def _update_actions(self) -> None:
        has_project = bool(self._project_id)
        self.add_button.setEnabled(has_project)
        self.transfer_button.setEnabled(has_project)
        live = [r for r in self.selected_records() if not r.deleted]
        self.delete_button.setEnabled(bool(live))

    # --- edits --------------------------------------------------------------------------

    def add_stakeholder(self) -> None:
        if not self._project_id:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Add stakeholder"), self.tr("Name of the new stakeholder:")
        )
        name = " ".join(name.split())
        if not ok or not name:
            return
        command = AddStakeholderCommand(self._service(), self._project_id, name, self._done)
        self._push(command)
        if command.stakeholder_id:
            self.select_stakeholder(command.stakeholder_id)
            self.detail.fields["organisation"].setFocus()

    def delete_selected(self) -> None:
        records = [r for r in self.selected_records() if not r.deleted]
        if not records:
            return
        usage = [(r, self._service().usage(r.id)) for r in records]
        used = [(r, u) for r, u in usage if u.any]
        if used:
            lines = [self._history_line(r, u) for r, u in used]
            answer = QMessageBox.question(
                self,
                self.tr("Delete stakeholders"),
                self.tr("Delete %n stakeholder(s)? Some have a history:", "", len(records))
                + "\n\n"
                + "\n".join(lines)
                + "\n\n"
                + self.tr(
                    "The history stays readable (tick “Show deleted”), and Undo brings them back."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._push(RemoveStakeholdersCommand(self._service(), records, self._done))

    def _history_line(self, record: StakeholderRecord, usage: StakeholderUsage) -> str:
        """``赵强: 2 touchpoints, attended 1 meeting``: only what there is."""
        parts = []
        if usage.touchpoints:
            parts.append(self.tr("%n touchpoint(s)", "", usage.touchpoints))
        if usage.meetings:
            parts.append(self.tr("attended %n meeting(s)", "", usage.meetings))
        if usage.actions:
            parts.append(self.tr("owns %n action item(s)", "", usage.actions))
        return self.tr("{name}: {history}").format(
            name=record.name, history=self.tr(", ").join(parts)
        )

    @Slot(object)
    def _restore(self, record: StakeholderRecord) -> None:
        self._push(RestoreStakeholderCommand(self._service(), record, self._done))

    @Slot(object, str, object)
    def _edit_from_table(self, record: StakeholderRecord, field: str, value: object) -> None:
        self.select_stakeholder(record.id)
        self._push(EditStakeholderCommand(self._service(), record, {field: value}, self._done))

    @Slot(str, int, int)
    def _move(self, stakeholder_id: str, power: int, interest: int) -> None:
        record = self._find(stakeholder_id)
        if record is not None and (record.power, record.interest) != (power, interest):
            self._current_id = stakeholder_id
            self._push(move_command(self._service(), record, power, interest, self._done))

    @Slot(str)
    def log_touchpoint(self, stakeholder_id: str) -> None:
        record = self._find(stakeholder_id)
        if record is None:
            return
        dialog = TouchpointDialog(record.name, date.today(), parent=self)
        if dialog.exec() != TouchpointDialog.DialogCode.Accepted:
            return
        self._push(AddTouchpointCommand(self._service(), record.id, dialog.fields(), self._done))

    # --- warnings -----------------------------------------------------------------------

    @Slot(object)
    def go_to_warning(self, warning: HealthWarning) -> None:
        """Lead to where ``warning`` is fixed."""
        kind = warning.kind
        if kind in (WarningKind.ONE_W_NOT_INVITED, WarningKind.ONE_W_ABSENT):
            if warning.meeting_id:
                self.meetingRequested.emit(warning.meeting_id)
            return
        self.tabs.setCurrentWidget(self.table)
        if kind in (WarningKind.NO_ONE_W, WarningKind.SEVERAL_ONE_W):
            self.search.clear()
            self.attitude_filter.setCurrentIndex(0)
            role = RoleClass.ONE_W.value if kind is WarningKind.SEVERAL_ONE_W else None
            self.role_filter.setCurrentIndex(self.role_filter.findData(role))
            if kind is WarningKind.NO_ONE_W and not self.model.rowCount():
                self.add_stakeholder()  # nobody to choose from: add the 1W
            elif kind is WarningKind.NO_ONE_W:
                # Pick the 1W in the register, then set their role in its Role column.
                self.table.setFocus()
                role_column = self.model.column_of("role_class")
                self.table.setCurrentIndex(self.proxy.index(0, role_column))
            return
        if warning.stakeholder_id is None:
            return
        self._clear_filters_hiding(warning.stakeholder_id)
        self.select_stakeholder(warning.stakeholder_id)
        if kind in (WarningKind.OPEN_DEMANDS, WarningKind.ONE_W_WITHOUT_DEMANDS):
            self.detail.focus_demands()
            if kind is WarningKind.ONE_W_WITHOUT_DEMANDS:
                self.detail.new_demand.setFocus()
        else:
            self.detail.focus_touchpoints()

    def _clear_filters_hiding(self, stakeholder_id: str) -> None:
        row = self.model.row_of(stakeholder_id)
        if row >= 0 and not self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
            self.search.clear()
            self.role_filter.setCurrentIndex(0)
            self.attitude_filter.setCurrentIndex(0)


def _role_or_none(value: object) -> RoleClass | None:
    return None if value is None else RoleClass(str(value))


def _attitude_or_none(value: object) -> Attitude | None:
    return None if value is None else Attitude(str(value))
