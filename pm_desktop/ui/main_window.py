"""The main window: project switcher, four workspaces, undo/redo, status bar."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from pm_desktop.core.errors import PmError
from pm_desktop.core.projects import ProjectSummary
from pm_desktop.services.startup import StartupSnapshot
from pm_desktop.ui.about import show_about
from pm_desktop.ui.conflicts import ConflictsEntry
from pm_desktop.ui.empty_state import EmptyState
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.mail_sending import MailSender
from pm_desktop.ui.meetings import MeetingsPage
from pm_desktop.ui.network_status import NetworkStatus
from pm_desktop.ui.plan.page import PlanPage
from pm_desktop.ui.project_commands import (
    ArchiveProjectCommand,
    CreateProjectCommand,
    RenameProjectCommand,
)
from pm_desktop.ui.project_dialog import ProjectDialog
from pm_desktop.ui.services_loader import ServicesLoader
from pm_desktop.ui.stakeholders.page import StakeholdersPage
from pm_desktop.ui.sync_runner import SyncRunner
from pm_desktop.ui.team.page import TeamPage
from pm_desktop.ui.workspaces import EmptyWorkspace, workspaces

PENDING_REFRESH_MS = 5000


def status_segment(colour: str = "") -> str:
    """The style of a permanent piece of the status bar: a thin rule and some room before it,
    so that states read apart; ``colour`` for its text (e.g. "#c62828")."""
    text = f" color: {colour};" if colour else ""
    return (
        "QLabel { border: none; border-left: 1px solid palette(mid);"
        f" padding: 0px 6px 0px 8px;{text} }}"
    )


class MainWindow(QMainWindow):
    projectChanged = Signal(str)  # the current project's id, "" when there is none

    def __init__(
        self,
        services: ServicesLoader,
        settings: QSettings,
        snapshot: StartupSnapshot | None = None,
    ) -> None:
        """``snapshot`` fills the first screen while ``services`` may still be loading."""
        super().__init__()
        self.setObjectName("MainWindow")
        self._loader = services
        self._snapshot = snapshot
        self._settings = settings
        self._projects: list[ProjectSummary] = []
        self._current: ProjectSummary | None = None
        self.undo_stack = QUndoStack(self)
        self.network = NetworkStatus(self)
        self.mail = MailSender(
            self._loader.get, settings, self, is_ready=lambda: self._loader.is_ready
        )
        self.sync = SyncRunner(
            self._loader.get,
            settings,
            self,
            is_ready=lambda: self._loader.is_ready,
            network_state=lambda: self.network.state,
        )

        self._build_actions()
        self._build_toolbar()
        self._build_central()
        self._build_menus()
        self._build_status_bar()

        self.undo_stack.indexChanged.connect(self.refresh_pending)
        self._loader.ready.connect(self.refresh_pending)
        self._loader.ready.connect(self._show_upgrade_notice)
        self._loader.damaged.connect(self._warn_damaged)
        self.network.changed.connect(self._show_network)
        self.network.changed.connect(self.mail.on_network)  # send the outbox once back online
        self.mail.timer.start()  # and every few minutes (a no-op until mail is set up)
        self.network.changed.connect(self.sync.on_network)  # sync once back online
        self.undo_stack.indexChanged.connect(self.sync.schedule)  # half a second after edits
        self.sync.stateChanged.connect(self._show_sync_state)
        self.sync.finished.connect(self.refresh_pending)
        self.sync.pulled.connect(self._reload_after_sync)
        self.sync.timer.start()  # and every minute (a no-op until a team server is set up)
        self._loader.ready.connect(self.sync.sync_automatically)  # and once the database is open
        self._undo_since = 0  # the change-log position where the undo history starts
        self._loader.ready.connect(self._mark_undo_start)
        if self._loader.is_ready:
            self._mark_undo_start()
        self._pending_timer = QTimer(self)
        self._pending_timer.setInterval(PENDING_REFRESH_MS)
        self._pending_timer.timeout.connect(self.refresh_pending)
        self._pending_timer.start()

        self._restore_state()
        if self._loader.is_ready:
            self._show_upgrade_notice()

    # --- construction -------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_action = QAction(self.tr("&New Project…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setIconText(self.tr("New Project"))
        self.new_action.triggered.connect(self.create_project)
        self.rename_action = QAction(self.tr("&Rename Project…"), self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.setIconText(self.tr("Rename"))
        self.rename_action.triggered.connect(self.rename_project)
        self.archive_action = QAction(self.tr("&Archive Project"), self)
        self.archive_action.triggered.connect(self.toggle_archived)
        self.copy_id_action = QAction(self.tr("Copy Project &ID"), self)
        self.copy_id_action.setStatusTip(
            self.tr("The id the team server's administrator needs to share this project")
        )
        self.copy_id_action.triggered.connect(self.copy_project_id)
        self.show_archived_action = QAction(self.tr("Show &Archived Projects"), self)
        self.show_archived_action.setCheckable(True)
        self.show_archived_action.toggled.connect(lambda _on: self.reload_projects())
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        # Qt keeps their texts and enabled states; triggering goes through undo()/redo() here,
        # which first save what is typed but not yet saved.
        self.undo_action.triggered.disconnect()
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.disconnect()
        self.redo_action.triggered.connect(self.redo)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.mail_settings_action = QAction(self.tr("&Mail Settings…"), self)
        self.mail_settings_action.setObjectName("mailSettingsAction")
        self.mail_settings_action.triggered.connect(self.open_mail_settings)
        self.sync_settings_action = QAction(self.tr("&Team Server…"), self)
        self.sync_settings_action.setObjectName("syncSettingsAction")
        self.sync_settings_action.triggered.connect(self.open_sync_settings)
        self.sync_now_action = QAction(self.tr("S&ync Now"), self)
        self.sync_now_action.setObjectName("syncNowAction")
        self.sync_now_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.sync_now_action.triggered.connect(self.sync_now)
        self.about_action = QAction(self.tr("&About PM Desktop"), self)
        self.about_action.triggered.connect(lambda: show_about(self, str(self._loader.path)))
        # View ▸ Conflicts… and a status-bar badge while some are open; a resolution (or its
        # undo) changes records, so the workspaces read them again (not _reload_after_sync:
        # that clears the history, and a resolution must stay undoable).
        self.conflicts = ConflictsEntry(self._loader, self.undo_stack, self)
        self.conflicts.changed.connect(self.reload_projects)
        self.sync.pulled.connect(self.conflicts.refresh)  # new conflicts may have arrived

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Project"), self)
        toolbar.setObjectName("projectToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("Project:") + " "))
        self.project_switcher = QComboBox()
        self.project_switcher.setObjectName("projectSwitcher")
        self.project_switcher.setMinimumContentsLength(24)
        self.project_switcher.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.project_switcher.activated.connect(self._on_switcher_activated)
        toolbar.addWidget(self.project_switcher)
        toolbar.addSeparator()
        for action in (self.new_action, self.rename_action, self.archive_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _build_central(self) -> None:
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMinimumWidth(150)
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 8px 10px; }")
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.navigation.setFont(font)
        self.workspace_stack = QStackedWidget()
        self.meetings = MeetingsPage(self._loader, self._settings, self.undo_stack)
        self.projectChanged.connect(self.meetings.set_project)
        self.meetings.mail_sender = self.mail
        self.stakeholders = StakeholdersPage(self._loader, self._settings, self.undo_stack)
        self.projectChanged.connect(self.stakeholders.set_project)
        self.stakeholders.warningCountChanged.connect(self._show_stakeholder_warnings)
        self.stakeholders.meetingRequested.connect(self.show_meeting)
        self.team = TeamPage(self._loader, self._settings, self.undo_stack)
        self.projectChanged.connect(self.team.set_project)
        self.plan = PlanPage(self._loader, self._settings, self.undo_stack)
        self.projectChanged.connect(self.plan.set_project)
        built = {
            "meetings": self.meetings,
            "stakeholders": self.stakeholders,
            "team": self.team,
            "plan": self.plan,
        }
        self._workspace_titles: dict[str, str] = {}
        for info in workspaces():
            self._workspace_titles[info.key] = info.title
            self.navigation.addItem(info.title)
            self.workspace_stack.addWidget(built.get(info.key) or EmptyWorkspace(info))
        self.navigation.currentRowChanged.connect(self.workspace_stack.setCurrentIndex)
        # Meetings save attendance outside the undo history: count the warnings again
        # whenever the user moves between workspaces.
        self.navigation.currentRowChanged.connect(self.stakeholders.count_warnings)

        self.no_project_page = self._build_no_project_page()
        self.pages = QStackedWidget()
        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.workspace_stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([190, 990])
        self.pages.addWidget(self.no_project_page)
        self.pages.addWidget(splitter)
        self.setCentralWidget(self.pages)

    # --- undo and redo ------------------------------------------------------------------

    def _flush_pending_edits(self) -> None:
        """Save what is typed but not yet saved (notes wait for a pause in typing), so that it
        becomes a step of its own before the history moves."""
        self.stakeholders.flush()

    @Slot()
    def undo(self) -> None:
        self._flush_pending_edits()
        self.undo_stack.undo()

    @Slot()
    def redo(self) -> None:
        self._flush_pending_edits()
        self.undo_stack.redo()

    def _navigation_row(self, key: str) -> int:
        return list(self._workspace_titles).index(key)

    @Slot(int)
    def _show_stakeholder_warnings(self, count: int) -> None:
        """The Stakeholders entry shows how many warnings are open, e.g. "Stakeholders (3)"."""
        item = self.navigation.item(self._navigation_row("stakeholders"))
        title = self._workspace_titles["stakeholders"]
        item.setText(
            self.tr("{title} ({count})").format(title=title, count=count) if count else title
        )
        item.setToolTip(self.tr("%n stakeholder warning(s) open", "", count) if count else "")

    @Slot(str)
    def show_meeting(self, meeting_id: str) -> None:
        """Switch to the Meetings workspace with ``meeting_id`` open."""
        self.navigation.setCurrentRow(self._navigation_row("meetings"))
        self.meetings.show_meeting(meeting_id)

    def _build_no_project_page(self) -> QWidget:
        page = EmptyState(
            self.tr("No project yet"),
            [
                self.tr(
                    "Create a project to keep its stakeholders, team, plan and meetings. "
                    "Everything is saved on this computer as you type and works without a network."
                )
            ],
            button_text=self.tr("Create a Project…"),
        )
        assert page.button is not None
        page.button.setObjectName("createFirstProject")
        page.button.clicked.connect(self.create_project)
        return page

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.rename_action, self.archive_action])
        file_menu.addAction(self.copy_id_action)
        file_menu.addSeparator()
        file_menu.addAction(self.mail_settings_action)
        file_menu.addAction(self.sync_settings_action)
        file_menu.addAction(self.sync_now_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self.show_archived_action)
        view_menu.addSeparator()
        view_menu.addAction(self.conflicts.action)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        self.network_label = QLabel()
        self.network_label.setObjectName("networkState")
        self.network_label.setStyleSheet(status_segment())
        self._network_shown = self.network.state
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingChanges")
        self.pending_label.setStyleSheet(status_segment())
        self.sync_label = QLabel()
        self.sync_label.setObjectName("syncState")
        self.sync_label.setStyleSheet(status_segment())
        # Each state its own piece, a thin rule before it: the sync state, the changes not yet
        # sent (only with a team server), the network.
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addPermanentWidget(self.pending_label)
        self.statusBar().addPermanentWidget(self.network_label)
        self.statusBar().insertPermanentWidget(0, self.conflicts.badge)
        self._show_network(self.network.state)
        self._show_sync_state(self.sync.state)
        self.refresh_pending()

    # --- state --------------------------------------------------------------------------

    @property
    def current_project(self) -> ProjectSummary | None:
        return self._current

    def _restore_state(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)
        row = int(self._settings.value("window/workspace", 0, int))  # type: ignore[call-overload]
        self.navigation.setCurrentRow(row if 0 <= row < self.navigation.count() else 0)
        show_archived = self._settings.value("view/show_archived", False, bool)
        self.show_archived_action.blockSignals(True)
        self.show_archived_action.setChecked(bool(show_archived))
        self.show_archived_action.blockSignals(False)
        self.reload_projects(str(self._settings.value("project/last", "", str)) or None)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._flush_pending_edits()
        self.sync.stop()
        self.stakeholders.disconnect_history()
        self.team.disconnect_history()
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/workspace", self.navigation.currentRow())
        self._settings.setValue("project/last", self._current.id if self._current else "")
        self._settings.setValue("view/show_archived", self.show_archived_action.isChecked())
        self._settings.sync()
        super().closeEvent(event)

    @Slot()
    def copy_project_id(self) -> None:
        """Put the current project's id on the clipboard: the team server's administrator
        shares a project by its id (``pm-desktop hub grant USER ID``)."""
        if self._current is None:
            return
        QGuiApplication.clipboard().setText(self._current.id)
        self.statusBar().showMessage(
            self.tr("Copied the project id {id} (for: pm-desktop hub grant)").format(
                id=self._current.id
            ),
            15000,
        )

    def reload_projects(self, select_id: str | None = None) -> None:
        """Refill the switcher and select ``select_id`` (else the current, else the first)."""
        wanted = select_id or (self._current.id if self._current else None)
        show_archived = self.show_archived_action.isChecked()
        if self._snapshot is not None and not self._loader.is_ready:
            self._projects = [p for p in self._snapshot.projects if show_archived or not p.archived]
        else:
            self._projects = self._loader.get().projects.list(include_archived=show_archived)
        if wanted and not any(p.id == wanted for p in self._projects):
            wanted = None
        self.project_switcher.clear()
        for project in self._projects:
            label = project.name
            if project.archived:
                label = self.tr("{name} (archived)").format(name=project.name)
            self.project_switcher.addItem(label, project.id)
        chosen = next((p for p in self._projects if p.id == wanted), None)
        if chosen is None and self._projects:
            chosen = self._projects[0]
        self._set_current(chosen)

    def _set_current(self, project: ProjectSummary | None) -> None:
        self._current = project
        if project is not None:
            self.project_switcher.setCurrentIndex(self.project_switcher.findData(project.id))
        self.pages.setCurrentIndex(1 if project else 0)
        self.rename_action.setEnabled(project is not None)
        self.archive_action.setEnabled(project is not None)
        self.copy_id_action.setEnabled(project is not None)
        archived = bool(project and project.archived)
        self.archive_action.setText(
            self.tr("Restore &Archived Project") if archived else self.tr("&Archive Project")
        )
        self.archive_action.setIconText(self.tr("Restore") if archived else self.tr("Archive"))
        title = self.tr("PM Desktop")
        self.setWindowTitle(f"{project.name} — {title}" if project else title)
        if project is not None:
            self._settings.setValue("project/last", project.id)
        self.projectChanged.emit(project.id if project else "")

    @Slot(int)
    def _on_switcher_activated(self, index: int) -> None:
        project_id = self.project_switcher.itemData(index)
        self._set_current(next((p for p in self._projects if p.id == project_id), None))

    def select_project(self, project_id: str) -> None:
        self.reload_projects(project_id)

    # --- commands -----------------------------------------------------------------------

    def _after_command(self, project_id: str | None, error: PmError | None) -> None:
        self.reload_projects(project_id)
        if error is not None:
            QMessageBox.warning(self, self.tr("PM Desktop"), describe_error(error))

    @Slot()
    def create_project(self) -> None:
        dialog = ProjectDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.undo_stack.push(
            CreateProjectCommand(self._loader.get().projects, dialog.fields(), self._after_command)
        )

    @Slot()
    def rename_project(self) -> None:
        project = self._current
        if project is None:
            return
        dialog = ProjectDialog(self, rename_of=project.name)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        new_name = dialog.fields().name
        if new_name != project.name:
            self.undo_stack.push(
                RenameProjectCommand(
                    self._loader.get().projects, project, new_name, self._after_command
                )
            )

    @Slot()
    def toggle_archived(self) -> None:
        project = self._current
        if project is None:
            return
        self.undo_stack.push(
            ArchiveProjectCommand(
                self._loader.get().projects, project, not project.archived, self._after_command
            )
        )

    @Slot()
    def open_mail_settings(self) -> None:
        """The SMTP settings dialog; the outbox is tried at once with what was saved."""
        from pm_desktop.ui.mail_settings import MailSettingsDialog

        if MailSettingsDialog(self._settings, self).exec() == QDialog.DialogCode.Accepted:
            self.mail.send_automatically()

    @Slot()
    def open_sync_settings(self) -> None:
        """The team server settings dialog; a sync starts at once with what was saved."""
        from pm_desktop.ui.sync_settings import SyncSettingsDialog

        names = {p.id: p.name for p in self._projects}
        dialog = SyncSettingsDialog(self._settings, self, project_names=names)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.sync.refresh_state()
            self.sync.sync_now()

    @Slot()
    def sync_now(self) -> None:
        """Sync with the team server now; set one up first when there is none."""
        self._flush_pending_edits()
        if not self.sync.is_set_up():
            self.open_sync_settings()
            return
        self.sync.sync_now()

    @Slot(object)
    def _reload_after_sync(self, report: object = None) -> None:
        """Others' changes arrived: read the projects and the shown workspace again, as after
        a project command. If they changed a record this session's undo history edited, the
        history is cleared: undoing an earlier edit now could silently overwrite what a
        teammate changed since."""
        if self.undo_stack.count() and self._undo_meets(report):
            self.undo_stack.clear()
            self._mark_undo_start()
            self.statusBar().showMessage(
                self.tr("Changes from the team arrived: earlier edits can no longer be undone."),
                15000,
            )
        self.reload_projects()

    @Slot()
    def _mark_undo_start(self) -> None:
        """Remember where the change log stood when the undo history (re)started."""
        with contextlib.suppress(PmError):
            self._undo_since = self._loader.get().sync_status.last_change()

    def _undo_meets(self, report: object) -> bool:
        """Whether pulled changes touched a record edited here since the history started."""
        rows = getattr(report, "rows_written", None)
        if rows is None or getattr(report, "downloaded", None):
            return True
        try:
            return self._loader.get().sync_status.edited_since(self._undo_since, rows)
        except PmError:
            return True

    # --- status bar ---------------------------------------------------------------------

    @Slot()
    def refresh_pending(self) -> None:
        if self._snapshot is not None and not self._loader.is_ready:
            count = self._snapshot.pending_changes
        else:
            count = self._loader.get().sync_status.pending_changes()
        self.pending_label.setText(self.tr("%n change(s) not synced", "", count))
        self.pending_label.setToolTip(
            self.tr("Changes saved on this computer that the team server has not received yet.")
        )
        # Without a team server nothing is ever synced: a count would only alarm.
        self.pending_label.setVisible(self.sync.is_set_up())

    @Slot()
    def _show_upgrade_notice(self) -> None:
        backup = self._loader.get().backup_path
        if backup is not None:
            self.statusBar().showMessage(
                self.tr("The database was upgraded; the file as it was is kept as {path}").format(
                    path=backup
                )
            )

    @Slot(list)
    def _warn_damaged(self, problems: list[str]) -> None:
        QMessageBox.warning(
            self,
            self.tr("The database is damaged"),
            self.tr(
                "PM Desktop found damage in {path}. What you see may be incomplete. "
                "Copy the file somewhere safe now and restore it from a backup."
            ).format(path=self._loader.path)
            + "\n\n"
            + "\n".join("\n".join(problems).splitlines()[:6]),
        )

    @Slot(str)
    def _show_sync_state(self, state: str) -> None:
        self.sync_label.setVisible(state != "not_set_up")
        self.sync_label.setText(self.sync.text)
        self.sync_label.setToolTip(self.sync.tooltip)
        colours = {"error": "#c62828", "offline": "#b45309"}
        self.sync_label.setStyleSheet(status_segment(colours.get(state, "")))
        self.pending_label.setVisible(self.sync.is_set_up())  # a team server set up or removed
        self._place_network_state()

    @Slot(str)
    def _show_network(self, state: str) -> None:
        texts = {
            "online": self.tr("● Online"),
            "offline": self.tr("○ Offline"),
            "unknown": self.tr("Network state unknown"),
        }
        self.network_label.setText(texts.get(state, texts["unknown"]))
        self._network_shown = state
        self._place_network_state()

    def _place_network_state(self) -> None:
        """Offline is said once: when the sync state already says it ("Offline: sync waits"),
        the network's own label steps aside."""
        said = self._network_shown == "offline" and self.sync.state == "offline"
        self.network_label.setVisible(not said)
