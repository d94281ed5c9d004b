"""Which synced fields are text that people write (minutes, notes, 5W1H, demands, names).

When two devices change one of these without seeing each other's change, the hub keeps the
losing text in a conflict record. Other fields (dates, numbers, states, links) are merged by
last writer wins alone.
"""

from __future__ import annotations

import functools

from sqlalchemy import Enum, String, Text

from pm_desktop.storage.base import Base, Synced

#: Tables whose text is the sync's own bookkeeping, not people's writing.
_NOT_WRITING = frozenset({"sync_conflicts", "outbox_messages", "outbox_recipients"})
_NOT_WRITING_SUFFIXES = ("_id", "_device", "_hlc", "_path")


@functools.cache
def text_columns() -> dict[str, frozenset[str]]:
    """Synced table name -> its text columns written by people."""
    found: dict[str, frozenset[str]] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if not issubclass(cls, Synced) or cls.__tablename__ in _NOT_WRITING:
            continue
        derived: frozenset[str] = getattr(cls, "__derived__", frozenset())
        found[cls.__tablename__] = frozenset(
            column.name
            for column in cls.table().columns
            if isinstance(column.type, String | Text)
            and not isinstance(column.type, Enum)
            and column.name not in ("id", "hlc", "builtin_key", "country", *derived)
            and not column.name.endswith(_NOT_WRITING_SUFFIXES)
        )
    return found
