"""SQLite engine with the pragmas every connection needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy drive transactions (pysqlite's own BEGIN handling breaks SAVEPOINT and DDL).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _on_connect_read_only(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    _on_connect(dbapi_connection, record)
    dbapi_connection.execute("PRAGMA query_only = ON")


def _begin_immediate(connection: Any) -> None:
    # IMMEDIATE takes the write lock up front: a unit of work that reads then writes can
    # then never fail with SQLITE_BUSY half-way because another thread or process wrote first.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _begin_deferred(connection: Any) -> None:
    # A reader's snapshot: in WAL mode it never waits for a writer, nor a writer for it.
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on the SQLite file ``path``: WAL, foreign keys, synchronous=FULL, busy timeout.

    A ``read_only`` engine refuses writes (``query_only``) and never takes the write lock,
    so reads on the GUI thread do not wait for a long write elsewhere (a sync, an import).
    """
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect_read_only if read_only else _on_connect)
    event.listen(engine, "begin", _begin_deferred if read_only else _begin_immediate)
    return engine
