"""Schema migrations with Alembic, run against one SQLite file.

Alembic is imported only when a file actually needs upgrading or checking, so an
up-to-date database opens without loading it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from pm_desktop.locations import migrations_dir
from pm_desktop.storage.engine import make_engine

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def is_known_revision(revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return script_directory().get_revision(revision) is not None
    except CommandError:
        return False


def upgrade_to_head(path: Path) -> None:
    """Apply pending migrations to ``path`` in one transaction, foreign keys checked at the end."""
    from alembic import command

    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            # Batch mode copies tables: foreign keys must be off, and only outside a transaction.
            raw = connection.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys = OFF")
            with connection.begin():
                command.upgrade(alembic_config(connection), "head")
                violations = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
                if violations:
                    raise RuntimeError(f"migration broke foreign keys: {violations[:5]}")
    finally:
        engine.dispose()
