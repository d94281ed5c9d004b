"""A workspace's place in the main window, built the first time it is shown.

Start-up must stay fast (bench/startup.py): a workspace's modules are imported and its widgets
built only when the page is first shown and the database is open; until then the page is empty.
While the page is hidden, changes (another project chosen, a step undone elsewhere) only mark
the workspace stale; it catches up when shown again.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSettings, QTimer, Slot
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pm_desktop.ui.services_loader import ServicesLoader


class Workspace(Protocol):
    just_reloaded: bool
    """True from a refresh until control returns to the event loop (its own commands')."""

    def set_project(self, project_id: str) -> None: ...

    def reload(self) -> None: ...


class LazyWorkspacePage(QWidget):
    def __init__(
        self,
        key: str,
        loader: ServicesLoader,
        settings: QSettings,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"workspace-{key}")
        self._loader = loader
        self._settings = settings
        self._undo_stack = undo_stack
        self._project_id = ""
        self._shown_project_id = ""
        self._built: Workspace | None = None
        self._stale = False
        self._following_history = True
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        undo_stack.indexChanged.connect(self._history_moved)
        loader.ready.connect(self._build_if_shown)

    def _create_workspace(self) -> tuple[QWidget, Workspace]:
        """Import and build the workspace (the widget, and it as a Workspace)."""
        raise NotImplementedError

    @property
    def built(self) -> bool:
        return self._built is not None

    def _workspace(self) -> Workspace:
        if self._built is None:
            widget, workspace = self._create_workspace()
            self._layout.addWidget(widget)
            self._built = workspace
            self._shown_project_id = self._project_id
            workspace.set_project(self._project_id)
        return self._built

    @Slot(str)
    def set_project(self, project_id: str) -> None:
        self._project_id = project_id
        if self._built is not None and self.isVisible():
            self._shown_project_id = project_id
            self._built.set_project(project_id)
        elif self._built is not None:
            self._stale = True

    @Slot(int)
    def _history_moved(self, _index: int = 0) -> None:
        """A step done or undone, here or in another workspace; the workspace's own commands
        have refreshed it already."""
        if self._built is None or self._built.just_reloaded:
            return
        if self.isVisible():
            self._built.reload()
        else:
            self._stale = True

    def disconnect_history(self) -> None:
        """Stop following the undo history (the window is closing)."""
        if self._following_history:
            self._following_history = False
            self._undo_stack.indexChanged.disconnect(self._history_moved)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._built is None:
            QTimer.singleShot(0, self._build_if_shown)
        elif self._stale:
            self._stale = False
            if self._shown_project_id != self._project_id:
                self._shown_project_id = self._project_id
                self._built.set_project(self._project_id)
            else:
                self._built.reload()

    @Slot()
    def _build_if_shown(self) -> None:
        """Build once the page is on screen and the database is open (before that it would
        have nothing to show, and would slow the first paint)."""
        if self._built is None and self.isVisible() and self._loader.is_ready:
            self._workspace()
