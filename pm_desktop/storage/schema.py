"""The schema revision this build expects, so start-up can compare without loading Alembic.

A test checks that it equals the head of ``db_migrations/versions``.
"""

SCHEMA_HEAD = "0006_row_stamps"
