"""Fields the hub holds that this replica cannot: their stamps, so the summary check adds up.

A pulled change of a table or column this version of the schema does not have (a newer
PM Desktop wrote it), with a value that does not decode, or of a row the hub holds without a
required field, is skipped and reported. Its stamp is kept here, per project, in
``local_meta`` (the greater stamp per field), so that the replica's summary of the project
still equals the hub's and the skipped fields do not make every sync download the project
again. A full download replaces a project's list with what that download skipped.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlalchemy import Connection, select

from pm_desktop.storage.models.local import LocalMeta

FieldKey = tuple[str, str, str]
PREFIX = "sync.foreign."
_META = LocalMeta.metadata.tables[LocalMeta.__tablename__]


def foreign_lines(connection: Connection, project: str) -> dict[FieldKey, str]:
    """Field -> stamp of the fields of ``project`` this replica skipped."""
    text = connection.scalar(select(_META.c.value).where(_META.c.key == PREFIX + project))
    if not text:
        return {}
    found: dict[FieldKey, str] = {}
    for line in json.loads(text):
        table, row_id, column, hlc = line
        found[(table, row_id, column)] = hlc
    return found


def record_foreign(
    connection: Connection, project: str, lines: Mapping[FieldKey, str], *, replace: bool = False
) -> None:
    """Add ``lines`` (keeping the greater stamp of a field), or with ``replace`` set them."""
    if not lines and not replace:
        return
    merged = {} if replace else foreign_lines(connection, project)
    for key, hlc in lines.items():
        if merged.get(key, "") < hlc:
            merged[key] = hlc
    connection.execute(_META.delete().where(_META.c.key == PREFIX + project))
    if merged:
        value = json.dumps(
            sorted([*key, hlc] for key, hlc in merged.items()), separators=(",", ":")
        )
        connection.execute(_META.insert().values(key=PREFIX + project, value=value))
