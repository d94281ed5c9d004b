"""What the Plan workspace's tabs share: the plan service, the project, running a command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_desktop.ui.command_context import CommandContext

if TYPE_CHECKING:
    from pm_desktop.services.plan import PlanService


class PlanContext(CommandContext):
    def service(self) -> PlanService:
        return self.loader.get().plan
