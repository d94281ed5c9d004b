"""Team-composition templates, project team assignments and RACI."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from pm_desktop.core.enums import ProjectType, Raci, ServiceOrderType
from pm_desktop.storage.base import Base, LongText, Name, Synced, enum_column


class TeamTemplate(Synced, Base):
    """A team-composition model (组队模型). Team-wide unless it belongs to one project."""

    __tablename__ = "team_templates"
    __team_scope__ = True

    name: Mapped[Name]
    project_type: Mapped[ProjectType] = mapped_column(enum_column(ProjectType))
    description: Mapped[LongText]
    builtin_key: Mapped[str | None] = mapped_column(String(64))
    """Key of the built-in template in resources/ it was made from, if any."""


class TemplateRole(Synced, Base):
    __tablename__ = "template_roles"
    __team_scope__ = True
    __table_args__ = (CheckConstraint("headcount >= 1", name="headcount_positive"),)

    template_id: Mapped[str] = mapped_column(ForeignKey("team_templates.id"), index=True)
    name: Mapped[Name]
    required: Mapped[bool] = mapped_column(default=True)
    headcount: Mapped[int] = mapped_column(default=1)
    responsibilities: Mapped[LongText]
    reviews: Mapped[bool] = mapped_column(default=False)
    """Whether this role reviews deliverables (as opposed to writing them)."""
    sort_order: Mapped[int] = mapped_column(default=0)


class TeamAssignment(Synced, Base):
    """A person staffed on a project role for a period, at an allocation, under a service order."""

    __tablename__ = "team_assignments"
    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
        CheckConstraint("allocation_pct BETWEEN 1 AND 100", name="allocation_1_to_100"),
        CheckConstraint(
            "COALESCE(package_price_fen, 0) >= 0 AND COALESCE(service_days, 0) >= 0",
            name="amounts_not_negative",
        ),
    )

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    role_name: Mapped[Name]
    template_role_id: Mapped[str | None] = mapped_column(ForeignKey("template_roles.id"))
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    allocation_pct: Mapped[int] = mapped_column(default=100)
    service_order_type: Mapped[ServiceOrderType] = mapped_column(
        enum_column(ServiceOrderType), default=ServiceOrderType.D
    )
    package_price_fen: Mapped[int | None]
    """Type B: the package's price."""
    service_days: Mapped[int | None]
    """Type C: days of remote service, when not the whole period."""


class RaciEntry(Synced, Base):
    """One cell of the responsibility matrix: a work item or deliverable and a team member."""

    __tablename__ = "raci_entries"

    work_item: Mapped[Name]
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    raci: Mapped[Raci] = mapped_column(enum_column(Raci))
