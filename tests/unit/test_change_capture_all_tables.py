"""Change capture covers every synced table, whatever service wrote the rows."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from sqlalchemy import select, text

from pm_desktop.services.container import Services
from pm_desktop.services.demo import create_demo_project
from pm_desktop.storage.base import Base, Synced
from pm_desktop.storage.models import ChangeLogEntry

SYNCED_TABLES = sorted(
    mapper.class_.__tablename__
    for mapper in Base.registry.mappers
    if issubclass(mapper.class_, Synced)
)


def test_every_user_edited_table_follows_the_sync_conventions() -> None:
    for table_name in SYNCED_TABLES:
        table = Base.metadata.tables[table_name]
        assert {"id", "project_id", "hlc", "deleted"} <= set(table.columns.keys()), table_name
        assert str(table.c.id.type) == "VARCHAR(36)", table_name
    local_only = set(Base.metadata.tables) - set(SYNCED_TABLES)
    assert local_only == {"change_log", "local_meta", "field_stamps", "row_stamps", "stamp_shapes"}


MODELS = {mapper.class_.__tablename__: mapper.class_ for mapper in Base.registry.mappers}


def test_every_row_the_demo_service_wrote_is_in_the_change_log(db_path: Path) -> None:
    services = Services.open(db_path)
    try:
        create_demo_project(services.store.sessions)
        with services.store.sessions() as session:
            logged: dict[tuple[str, str], set[str]] = defaultdict(set)
            for entry in session.scalars(select(ChangeLogEntry)):
                logged[(entry.table_name, entry.row_id)].add(entry.column_name)
            filled = []
            for table_name in SYNCED_TABLES:
                derived = getattr(MODELS.get(table_name), "__derived__", frozenset())
                columns = set(Base.metadata.tables[table_name].columns.keys()) - {"hlc", *derived}
                rows = session.execute(text(f"SELECT id, hlc FROM {table_name}")).all()
                if rows:
                    filled.append(table_name)
                for row_id, hlc in rows:
                    assert hlc, f"{table_name} {row_id} has no clock stamp"
                    assert logged[(table_name, row_id)] == columns, f"{table_name} {row_id}"
    finally:
        services.close()
    # Conflict records are written by the hub when it merges (tests/hub/test_sync_conflicts).
    assert filled == [t for t in SYNCED_TABLES if t != "sync_conflicts"], (
        "the demo should exercise every table"
    )
