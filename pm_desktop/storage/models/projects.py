"""Projects: the unit of sync scope."""

from __future__ import annotations

from datetime import date

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from pm_desktop.core.enums import ProjectType
from pm_desktop.storage.base import Base, LongText, Name, Synced, enum_column


class Project(Synced, Base):
    """A delivery project. Its ``project_id`` is its own id."""

    __tablename__ = "projects"

    name: Mapped[Name]
    client: Mapped[Name] = mapped_column(default="")
    code: Mapped[str] = mapped_column(String(64), default="")
    project_type: Mapped[ProjectType] = mapped_column(
        enum_column(ProjectType), default=ProjectType.IMPLEMENTATION
    )
    contract_signed_on: Mapped[date | None]
    """T, the contract-signing date plans are relative to."""
    calendar_id: Mapped[str | None] = mapped_column(String(36))
    """The working calendar (``working_calendars.id``); none means the mainland China default."""
    archived: Mapped[bool] = mapped_column(default=False)
    description: Mapped[LongText]
