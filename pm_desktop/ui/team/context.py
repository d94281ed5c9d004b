"""What the Team workspace's tabs share: the team service, the project, running a command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_desktop.ui.command_context import CommandContext

if TYPE_CHECKING:
    from pm_desktop.services.team import TeamService


class TeamContext(CommandContext):
    def service(self) -> TeamService:
        return self.loader.get().team
