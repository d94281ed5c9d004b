"""Projects as the rest of the app sees them, and the rules for their fields."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pm_desktop.core.enums import ProjectType
from pm_desktop.core.errors import ValidationError

MAX_NAME_LENGTH = 200


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    id: str
    name: str
    client: str
    project_type: ProjectType
    contract_signed_on: date | None
    archived: bool


def clean_project_name(name: str) -> str:
    """The name trimmed; raises ValidationError when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("A project needs a name.", field="name")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValidationError(
            f"A project name has at most {MAX_NAME_LENGTH} characters.", field="name"
        )
    return cleaned
