"""Declarative base, column types and the synced-row convention every user-edited table follows."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from sqlalchemy import (
    Boolean,
    Date,
    Dialect,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A device-made primary key: a random UUID in its canonical text form."""
    return str(uuid.uuid4())


class UtcDateTime(TypeDecorator[datetime]):
    """An instant, stored as ISO-8601 UTC text; naive datetimes are refused."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("instants must be timezone-aware")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


def enum_column(enum: type[StrEnum]) -> SqlEnum:
    """A StrEnum stored by value as text, without a CHECK (new values need no migration)."""
    return SqlEnum(
        enum,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


Uuid = Annotated[str, mapped_column(String(36))]
Name = Annotated[str, mapped_column(String(200))]
LongText = Annotated[str, mapped_column(Text, default="")]
Day = Annotated[date, mapped_column(Date)]
Instant = Annotated[datetime, mapped_column(UtcDateTime)]
Flag = Annotated[bool, mapped_column(Boolean, default=False)]
Fen = Annotated[int, mapped_column(Integer)]
"""Money in integer fen (0.01 CNY)."""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime, date: Date}


class Synced:
    """Mixin for user-edited rows that sync between devices.

    ``id`` is made on the device; ``hlc`` is the hybrid-logical-clock stamp of the
    row's last change and ``deleted`` its tombstone. Both are set by change capture
    (``storage.changes``), never by hand. ``project_id`` is the sync scope; rows
    shared by the whole team (the resource pool, templates) have none.
    """

    if TYPE_CHECKING:  # set by each concrete class
        __tablename__: str

    __synced__ = True
    #: Whether rows may live outside a project (team-wide scope).
    __team_scope__ = False

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    hlc: Mapped[str] = mapped_column(String(64), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    @classmethod
    def table(cls) -> Table:
        return Base.metadata.tables[cls.__tablename__]

    @declared_attr
    def project_id(cls) -> Mapped[str | None]:  # noqa: N805 - a declared_attr takes the class
        return mapped_column(
            String(36),
            ForeignKey("projects.id", ondelete="RESTRICT"),
            index=True,
            nullable=cls.__team_scope__,
        )
