"""What the tabbed workspaces (Team, Plan) share: the tabs over one project, a banner for what
went wrong in an undo, a redo or a read, and the refresh after every command."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from pm_desktop.core.errors import PmError
from pm_desktop.ui.command_context import CommandContext
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.style import ERROR

C = TypeVar("C", bound=CommandContext)
After = Callable[[PmError | None], None]


class TabbedWorkspace(QWidget, Generic[C]):
    """``make_context`` builds the tabs' context around this workspace's after-command hook;
    subclasses add their tabs and implement :meth:`refresh`."""

    def __init__(
        self, name: str, make_context: Callable[[After], C], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Workspace")
        self.context: C = make_context(self._after_command)
        self.just_reloaded = False
        """True from a reload until control returns to the event loop (see lazy_page.py)."""
        self.tabs = QTabWidget()
        self.tabs.setObjectName(f"{name}Tabs")
        self.tabs.setDocumentMode(True)
        self.banner = QLabel()
        self.banner.setObjectName(f"{name}Error")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"color: {ERROR.name()};")
        self.banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        self.context.loader.ready.connect(self.reload)

    @property
    def project_id(self) -> str:
        return self.context.project_id

    @Slot(str)
    def set_project(self, project_id: str) -> None:
        self.context.project_id = project_id
        self.reload()

    def error_text(self, error: PmError) -> str:
        return describe_error(error)

    def _after_command(self, error: PmError | None) -> None:
        """After every command: refresh; an error of an undo or redo shows over the tabs
        (a command's own refusal is shown by whoever ran it, at the field)."""
        self.reload()
        self.banner.setText("" if error is None else self.error_text(error))
        self.banner.setVisible(error is not None)

    def reload(self) -> None:
        """Read the project again and refresh every tab; if the database cannot be read, say
        so and keep what is shown."""
        try:
            self.refresh()
        except PmError as error:
            self.banner.setText(describe_error(error))
            self.banner.setVisible(True)
            return
        self.just_reloaded = True
        QTimer.singleShot(0, self._forget_reload)

    def refresh(self) -> None:
        raise NotImplementedError

    def _forget_reload(self) -> None:
        self.just_reloaded = False
