"""The four workspaces. Until their issues land, each shows an honest empty state."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from pm_desktop.ui.empty_state import EmptyState


@dataclass(frozen=True)
class WorkspaceInfo:
    key: str
    title: str
    purpose: str


def workspaces() -> list[WorkspaceInfo]:
    return [
        WorkspaceInfo(
            "stakeholders",
            QCoreApplication.translate("Workspaces", "Stakeholders"),
            QCoreApplication.translate(
                "Workspaces",
                "The stakeholder register and power/interest map: the 1W and the strong-C, "
                "attitudes, demands, touchpoints and the warnings a PM must not miss.",
            ),
        ),
        WorkspaceInfo(
            "team",
            QCoreApplication.translate("Workspaces", "Team"),
            QCoreApplication.translate(
                "Workspaces",
                "Team-composition models, responsibilities (RACI), the resource pool "
                "and cost by service-order type.",
            ),
        ),
        WorkspaceInfo(
            "plan",
            QCoreApplication.translate("Workspaces", "Plan & Calendar"),
            QCoreApplication.translate(
                "Workspaces",
                "The master plan relative to contract signing, Chinese working days, "
                "the Gantt chart and who is needed on site when.",
            ),
        ),
        WorkspaceInfo(
            "meetings",
            QCoreApplication.translate("Workspaces", "Meetings"),
            QCoreApplication.translate(
                "Workspaces",
                "Meeting minutes captured live, 5W1H action items tracked across meetings, "
                "and PDF minutes for stakeholders.",
            ),
        ),
    ]


class EmptyWorkspace(EmptyState):
    """A workspace whose screens are not built yet: what it will hold, and nothing more."""

    def __init__(self, info: WorkspaceInfo, parent: QWidget | None = None) -> None:
        super().__init__(
            info.title,
            [
                info.purpose,
                QCoreApplication.translate(
                    "EmptyWorkspace",
                    "This workspace is not available in this version yet. "
                    "Data made for it elsewhere is kept in the database.",
                ),
            ],
            parent=parent,
        )
        self.setObjectName(f"workspace-{info.key}")
