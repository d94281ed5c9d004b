"""How the main window reaches the Conflicts panel: a menu action and a status-bar badge
("2 conflicts", shown only while some are open), both opening the panel.

The entry lives as long as the window: the undoable resolutions report back to it, whether
or not the panel is still open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QPushButton, QWidget

from pm_desktop.core.enums import ConflictResolution
from pm_desktop.core.errors import PmError
from pm_desktop.ui.conflicts.commands import ResolveConflictCommand
from pm_desktop.ui.conflicts.panel import ConflictsDialog
from pm_desktop.ui.style import WARNING, chip_style

if TYPE_CHECKING:
    from pm_desktop.services.conflicts import ConflictEntry
    from pm_desktop.ui.services_loader import ServicesLoader


class ConflictsEntry(QObject):
    changed = Signal()  # a resolution (or its undo) changed records: reload what shows them

    def __init__(self, loader: ServicesLoader, undo_stack: QUndoStack, parent: QWidget) -> None:
        super().__init__(parent)
        self._loader = loader
        self._undo_stack = undo_stack
        self._window = parent
        self.count = 0
        self.dialog: ConflictsDialog | None = None
        self.action = QAction(self.tr("&Conflicts…"), parent)
        self.action.setObjectName("conflictsAction")
        self.action.setStatusTip(
            self.tr("Changes that met a concurrent change on another computer")
        )
        self.action.triggered.connect(self.open_panel)
        self.badge = QPushButton()
        self.badge.setObjectName("conflictsBadge")
        self.badge.setFlat(True)
        self.badge.setStyleSheet(f"QPushButton#conflictsBadge {{ {chip_style(WARNING)} }}")
        self.badge.setToolTip(self.tr("Show both versions and choose which to keep"))
        self.badge.clicked.connect(self.open_panel)
        self.badge.hide()
        loader.ready.connect(self.refresh)
        undo_stack.indexChanged.connect(self.refresh)
        if loader.is_ready:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Count the open conflicts again (after a sync, an edit, a resolution) and read the
        panel again if it is open."""
        try:
            self.count = self._loader.get().conflicts.count_open() if self._loader.is_ready else 0
        except PmError:
            self.count = 0
        self.badge.setText(self.tr("⚠ %n conflict(s)", "", self.count))
        self.badge.setVisible(self.count > 0)
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.panel.reload()

    @Slot()
    def open_panel(self) -> None:
        if self.dialog is None:
            self.dialog = ConflictsDialog(self._loader.get, self._undo_stack, self._window)
            self.dialog.panel.resolveRequested.connect(self.resolve)
        self.dialog.panel.reload()
        self.dialog.show()
        self.dialog.activateWindow()

    @Slot(object, object, bool)
    def resolve(
        self, entry: ConflictEntry, resolution: ConflictResolution, overwriting: bool = False
    ) -> None:
        """Resolve ``entry`` as an undoable step of the window's history (``overwriting``: the
        user agreed to overwrite a change made after the conflict)."""
        service = self._loader.get().conflicts
        self._undo_stack.push(
            ResolveConflictCommand(
                service, entry, resolution, self._done, overwrite_later_change=overwriting
            )
        )

    def _done(self, error: PmError | None) -> None:
        self.refresh()
        if self.dialog is not None:
            self.dialog.panel.show_error(error)
        if error is None:
            self.changed.emit()
