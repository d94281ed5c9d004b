"""Migrations: empty to head, models agree with migrations, backup before upgrade, bad files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import pm_desktop.storage.models
from pm_desktop.core.errors import (
    CorruptDatabaseError,
    MigrationError,
    NewerSchemaError,
    NotADatabaseError,
)
from pm_desktop.storage import database, migrations
from pm_desktop.storage.base import Base
from pm_desktop.storage.database import open_store
from pm_desktop.storage.schema import SCHEMA_HEAD, SYNCED_SCHEMA

MIGRATIONS = Path(migrations.__file__).resolve().parents[2] / "db_migrations"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def revision_of(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_the_expected_schema_head_is_the_migrations_head() -> None:
    assert migrations.head_revision() == SCHEMA_HEAD


def test_a_new_file_is_created_at_head(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.sqlite"
    store = open_store(path)
    store.close()
    assert revision_of(path) == SCHEMA_HEAD
    assert store.backup_path is None


def test_models_and_migrations_agree(db_path: Path) -> None:
    store = open_store(db_path)
    try:
        with store.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "render_as_batch": True}
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        store.close()


def test_connections_use_wal_foreign_keys_full_sync_and_a_busy_timeout(db_path: Path) -> None:
    store = open_store(db_path)
    try:
        with store.engine.connect() as conn:
            pragma = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
            }
    finally:
        store.close()
    assert pragma == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 2,
        "busy_timeout": 5000,
    }


def test_foreign_keys_are_enforced(db_path: Path) -> None:
    store = open_store(db_path)
    try:
        with pytest.raises(Exception, match="FOREIGN KEY"), store.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO stakeholders (id, project_id, hlc, deleted, name, organisation, title,"
                " role_class, power, interest, attitude, email, phone, notes)"
                " VALUES ('s1', 'no-such-project', '', 0, 'x', '', '', 'other', 3, 3, 'unknown',"
                " '', '', '')"
            )
    finally:
        store.close()


def _migrations_with_extra_revision(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "db_migrations"
    shutil.copytree(MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "0002_test.py").write_text(
        f'''revision = "0002_test"
down_revision = "{SCHEMA_HEAD}"
branch_labels = None
depends_on = None

import sqlalchemy as sa
from alembic import op


def upgrade():
{body}


def downgrade():
    pass
''',
        encoding="utf-8",
    )
    return folder


def install_newer_build(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Act as a later version of the app: its migrations, and the head it expects."""
    monkeypatch.setattr(migrations, "migrations_dir", lambda: folder)
    monkeypatch.setattr(database, "SCHEMA_HEAD", "0002_test")


def test_an_old_file_is_backed_up_then_upgraded_at_open(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(db_path)
    with store.sessions.begin() as session:
        session.add(pm_desktop.storage.models.Project(name="已有项目"))
    store.close()
    folder = _migrations_with_extra_revision(
        tmp_path,
        "    with op.batch_alter_table('projects') as batch:\n"
        "        batch.add_column(sa.Column('budget_fen', sa.Integer(), nullable=True))",
    )
    install_newer_build(monkeypatch, folder)

    upgraded = open_store(db_path)
    upgraded.close()

    assert revision_of(db_path) == "0002_test"
    backup = upgraded.backup_path
    assert backup is not None
    assert backup.parent == db_path.parent
    assert revision_of(backup) == SCHEMA_HEAD
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT name FROM projects").fetchall() == [("已有项目",)]
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT name, budget_fen FROM projects").fetchall() == [
            ("已有项目", None)
        ]


def test_a_failing_upgrade_leaves_the_file_as_it_was(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(db_path)
    folder = _migrations_with_extra_revision(
        tmp_path,
        "    op.create_table('half_done', sa.Column('id', sa.Integer(), primary_key=True))\n"
        "    op.execute('THIS IS NOT SQL')",
    )
    install_newer_build(monkeypatch, folder)
    with pytest.raises(MigrationError, match="left unchanged"):
        open_store(db_path)
    assert digest(db_path) == before
    with closing(sqlite3.connect(db_path)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    assert not list(db_path.parent.glob("*.before-upgrade-*"))


def test_a_file_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    before = digest(db_path)
    with pytest.raises(NewerSchemaError, match="newer version"):
        open_store(db_path)
    assert digest(db_path) == before
    assert not list(db_path.parent.glob("*.before-upgrade-*"))


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("会议纪要，不是数据库\n", encoding="utf-8")
    with pytest.raises(NotADatabaseError, match="not a SQLite database"):
        open_store(path)
    assert path.read_text(encoding="utf-8") == "会议纪要，不是数据库\n"


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE t (x)")
    before = digest(path)
    with pytest.raises(NotADatabaseError, match="another program"):
        open_store(path)
    assert digest(path) == before


def test_a_damaged_file_is_refused_untouched(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page after the header
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises(CorruptDatabaseError, match="damaged"):
        open_store(db_path)
    assert digest(db_path) == before


def test_the_synced_tables_are_the_same_at_the_synced_schema_as_at_the_head(
    tmp_path: Path,
) -> None:
    """What a client tells the hub (SYNCED_SCHEMA) stays true: no later revision changed a
    synced table or its columns. A revision that does must move SYNCED_SCHEMA to itself."""
    from alembic import command

    from pm_desktop.storage.engine import make_engine
    from pm_desktop.sync.apply import _synced_tables

    names = sorted(_synced_tables())
    engine = make_engine(tmp_path / "steps.sqlite")
    try:
        with engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys = OFF")  # batch migrations copy tables

            def synced_columns() -> dict[str, list[tuple[object, ...]]]:
                return {
                    name: [tuple(row) for row in raw.execute(f'PRAGMA table_info("{name}")')]
                    for name in names
                }

            with connection.begin():
                command.upgrade(migrations.alembic_config(connection), SYNCED_SCHEMA)
            at_synced = synced_columns()
            with connection.begin():
                command.upgrade(migrations.alembic_config(connection), "head")
            assert synced_columns() == at_synced
            assert all(at_synced.values())  # every synced table exists at SYNCED_SCHEMA
    finally:
        engine.dispose()
