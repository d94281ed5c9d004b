"""Alembic environment. Run through ``pm_desktop.storage.migrations``, which passes a connection."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import pm_desktop.storage.models  # noqa: F401  (registers every table)
from pm_desktop.storage.base import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        compare_server_default=True,
    )


connection = config.attributes.get("connection")
if connection is not None:
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
