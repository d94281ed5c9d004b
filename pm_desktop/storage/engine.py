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


def _on_begin(connection: Any) -> None:
    # IMMEDIATE takes the write lock up front: a unit of work that reads then writes can
    # then never fail with SQLITE_BUSY half-way because another thread or process wrote first.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(path: Path) -> Engine:
    """An engine on the SQLite file ``path``: WAL, foreign keys, synchronous=FULL, busy timeout."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine
