"""The schema revision this build expects, so start-up can compare without loading Alembic.

A test checks that it equals the head of ``db_migrations/versions``.
"""

SCHEMA_HEAD = "0006_row_stamps"

SYNCED_SCHEMA = "0005_sync_conflicts"
"""The newest revision that changed what syncs (the synced tables and their columns): the
schema a client gives the hub. A hub must know it, so it needs updating only when this
changes, not for a revision of local storage alone (such as ``0006_row_stamps``). A test
checks that the synced tables are the same at this revision as at the head."""
