"""Stakeholder map: people on the client's side, their demands and our touchpoints with them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from pm_desktop.core.enums import Attitude, DemandStatus, RoleClass, TouchpointChannel
from pm_desktop.storage.base import Base, LongText, Name, Synced, enum_column


class Stakeholder(Synced, Base):
    __tablename__ = "stakeholders"
    __table_args__ = (
        CheckConstraint("power BETWEEN 1 AND 5", name="power_1_to_5"),
        CheckConstraint("interest BETWEEN 1 AND 5", name="interest_1_to_5"),
    )

    name: Mapped[Name]
    organisation: Mapped[Name] = mapped_column(default="")
    title: Mapped[Name] = mapped_column(default="")
    role_class: Mapped[RoleClass] = mapped_column(enum_column(RoleClass), default=RoleClass.OTHER)
    power: Mapped[int] = mapped_column(default=3)
    interest: Mapped[int] = mapped_column(default=3)
    attitude: Mapped[Attitude] = mapped_column(enum_column(Attitude), default=Attitude.UNKNOWN)
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    reports_to_id: Mapped[str | None] = mapped_column(ForeignKey("stakeholders.id"))
    notes: Mapped[LongText]


class Demand(Synced, Base):
    """A stakeholder's demand (诉求)."""

    __tablename__ = "demands"

    stakeholder_id: Mapped[str] = mapped_column(ForeignKey("stakeholders.id"), index=True)
    text: Mapped[LongText]
    status: Mapped[DemandStatus] = mapped_column(
        enum_column(DemandStatus), default=DemandStatus.RECORDED
    )
    recorded_on: Mapped[date | None]


class Touchpoint(Synced, Base):
    """A contact with a stakeholder. Append-only history."""

    __tablename__ = "touchpoints"

    stakeholder_id: Mapped[str] = mapped_column(ForeignKey("stakeholders.id"), index=True)
    occurred_on: Mapped[date]
    channel: Mapped[TouchpointChannel] = mapped_column(enum_column(TouchpointChannel))
    our_people: Mapped[Name] = mapped_column(default="")
    summary: Mapped[LongText]
    follow_up_action_id: Mapped[str | None] = mapped_column(ForeignKey("action_items.id"))
