"""The hub's PostgreSQL schema: ordered migrations, each applied in one transaction.

``hub_schema_version`` records the steps applied; :func:`upgrade` (``pm-desktop hub init``)
creates a new schema or applies the steps an older one lacks, and does nothing on one that
is current. Steps are only ever appended to :data:`MIGRATIONS`, never edited.

Text that is compared or sorted (stamps, ids, values) uses the ``C`` collation, so that
PostgreSQL orders it byte for byte as every client does, whatever the database's locale.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import psycopg

#: The role the service's transactions run as: it does not own the tables, so row-level
#: security applies to it. NOLOGIN: the hub's login role switches to it with SET ROLE.
APP_ROLE = "pm_hub_app"
#: Any number: serialises concurrent ``hub init`` runs on one database.
_INIT_LOCK = 7_180_112_301


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


_VISIBLE = """
    project_key = 'team' OR EXISTS (
        SELECT 1 FROM grants g
        WHERE g.user_name = current_setting('pm.user', true)
          AND g.project_key = {table}.project_key
          AND g.revoked_at IS NULL
          AND (g.expires_at IS NULL OR g.expires_at > now()))
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "tables",
        """
        CREATE TABLE users (
            name text COLLATE "C" PRIMARY KEY,
            secret_hash text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE grants (
            user_name text COLLATE "C" NOT NULL REFERENCES users (name) ON DELETE CASCADE,
            project_key text COLLATE "C" NOT NULL,
            granted_at timestamptz NOT NULL DEFAULT now(),
            expires_at timestamptz,
            revoked_at timestamptz,
            PRIMARY KEY (user_name, project_key)
        );
        CREATE TABLE changes (
            seq bigserial PRIMARY KEY,
            project_key text COLLATE "C" NOT NULL,
            table_name text COLLATE "C" NOT NULL,
            row_id text COLLATE "C" NOT NULL,
            column_name text COLLATE "C" NOT NULL,
            value_json text COLLATE "C" NOT NULL,
            hlc text COLLATE "C" NOT NULL,
            device_id text COLLATE "C" NOT NULL,
            op_no bigint NOT NULL,
            user_name text COLLATE "C" NOT NULL,
            received_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX changes_project_seq ON changes (project_key, seq);
        CREATE TABLE fields (
            project_key text COLLATE "C" NOT NULL,
            table_name text COLLATE "C" NOT NULL,
            row_id text COLLATE "C" NOT NULL,
            column_name text COLLATE "C" NOT NULL,
            value_json text COLLATE "C" NOT NULL,
            hlc text COLLATE "C" NOT NULL,
            device_id text COLLATE "C" NOT NULL,
            PRIMARY KEY (table_name, row_id, column_name)
        );
        CREATE INDEX fields_project_row ON fields (project_key, table_name, row_id, column_name);
        CREATE TABLE device_ops (
            device_id text COLLATE "C" NOT NULL,
            op_no bigint NOT NULL,
            user_name text COLLATE "C" NOT NULL,
            result jsonb,
            applied_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (device_id, op_no)
        );
        """,
    ),
    Migration(
        2,
        "app role and row-level security",
        f"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
                CREATE ROLE {APP_ROLE} NOLOGIN;
            END IF;
            IF NOT pg_has_role(current_user, '{APP_ROLE}', 'MEMBER') THEN
                EXECUTE format('GRANT {APP_ROLE} TO %I', current_user);
            END IF;
        END $$;
        REVOKE ALL ON users, grants, changes, fields, device_ops FROM PUBLIC;
        GRANT SELECT ON grants TO {APP_ROLE};
        GRANT SELECT, INSERT ON changes TO {APP_ROLE};
        GRANT USAGE ON SEQUENCE changes_seq_seq TO {APP_ROLE};
        GRANT SELECT, INSERT, UPDATE ON fields, device_ops TO {APP_ROLE};

        ALTER TABLE grants ENABLE ROW LEVEL SECURITY;
        CREATE POLICY own_grants ON grants FOR SELECT TO {APP_ROLE}
            USING (user_name = current_setting('pm.user', true));

        ALTER TABLE device_ops ENABLE ROW LEVEL SECURITY;
        CREATE POLICY own_ops ON device_ops TO {APP_ROLE}
            USING (user_name = current_setting('pm.user', true))
            WITH CHECK (user_name = current_setting('pm.user', true));

        ALTER TABLE changes ENABLE ROW LEVEL SECURITY;
        CREATE POLICY granted_changes ON changes TO {APP_ROLE}
            USING ({_VISIBLE.format(table="changes")})
            WITH CHECK (({_VISIBLE.format(table="changes")})
                        AND user_name = current_setting('pm.user', true));

        ALTER TABLE fields ENABLE ROW LEVEL SECURITY;
        CREATE POLICY granted_fields ON fields TO {APP_ROLE}
            USING ({_VISIBLE.format(table="fields")})
            WITH CHECK ({_VISIBLE.format(table="fields")});
        """,
    ),
    Migration(
        3,
        "who wrote each field's value (for conflict records)",
        """ALTER TABLE fields ADD COLUMN user_name text COLLATE "C" NOT NULL DEFAULT '';""",
    ),
    Migration(
        4,
        "a device belongs to one user; a row to one project, whoever asks",
        f"""
        CREATE TABLE devices (
            device_id text COLLATE "C" PRIMARY KEY,
            user_name text COLLATE "C" NOT NULL,
            registered_at timestamptz NOT NULL DEFAULT now()
        );
        INSERT INTO devices (device_id, user_name, registered_at)
            SELECT DISTINCT ON (device_id) device_id, user_name, applied_at FROM device_ops
            ORDER BY device_id, applied_at, op_no;
        REVOKE ALL ON devices FROM PUBLIC;
        GRANT SELECT, INSERT ON devices TO {APP_ROLE};
        ALTER TABLE devices ENABLE ROW LEVEL SECURITY;
        CREATE POLICY own_devices ON devices TO {APP_ROLE}
            USING (user_name = current_setting('pm.user', true))
            WITH CHECK (user_name = current_setting('pm.user', true));

        -- The project (or team) the hub holds each of these rows under, whoever asks (row-
        -- level security would hide the rows of projects not granted): a push may not reach
        -- a row of another project, nor refer to one (through team, or its own project).
        CREATE FUNCTION row_projects(tables text[], row_ids text[])
            RETURNS TABLE (table_name text, row_id text, project_key text)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
            AS $$
                SELECT DISTINCT f.table_name, f.row_id, f.project_key
                FROM unnest(tables, row_ids) AS u(t, r)
                JOIN fields AS f ON f.table_name = u.t AND f.row_id = u.r
            $$;
        REVOKE ALL ON FUNCTION row_projects(text[], text[]) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION row_projects(text[], text[]) TO {APP_ROLE};
        """,
    ),
)

HEAD = MIGRATIONS[-1].version
VERSION_QUERY = "SELECT coalesce(max(version), 0) FROM hub_schema_version"


class SchemaError(RuntimeError):
    """The database's hub schema is missing, older or newer than this program's."""


def current_version(conn: psycopg.Connection[Any]) -> int:
    """The last migration applied; 0 for a database without the hub's schema."""
    present = conn.execute("SELECT to_regclass('hub_schema_version') IS NOT NULL").fetchone()
    if not present or not present[0]:
        return 0
    row = conn.execute(VERSION_QUERY).fetchone()
    return int(row[0]) if row else 0


def upgrade(conn: psycopg.Connection[Any], *, target: int = HEAD) -> list[Migration]:
    """Apply the migrations up to ``target`` that are missing; the ones applied, in order.

    ``conn`` must be in autocommit mode: each step gets its own transaction.
    """
    if not conn.autocommit:
        raise ValueError("upgrade() needs a connection in autocommit mode")
    conn.execute("SELECT pg_advisory_lock(%s)", [_INIT_LOCK])
    try:
        with conn.transaction():
            conn.execute(
                """CREATE TABLE IF NOT EXISTS hub_schema_version (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())"""
            )
        version = current_version(conn)
        if version > HEAD:
            raise SchemaError(
                f"the database has hub schema {version}, newer than this program's {HEAD}:"
                " update pm-desktop"
            )
        applied = []
        for step in MIGRATIONS:
            if version < step.version <= target:
                with conn.transaction():
                    conn.execute(step.sql)
                    conn.execute(
                        "INSERT INTO hub_schema_version (version, name) VALUES (%s, %s)",
                        [step.version, step.name],
                    )
                applied.append(step)
        return applied
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", [_INIT_LOCK])


def require_current(conn: psycopg.Connection[Any]) -> None:
    """Refuse to serve a database whose schema is not this program's."""
    check_current(current_version(conn))


def check_current(version: int) -> None:
    if version == 0:
        raise SchemaError("the database has no hub schema: run 'pm-desktop hub init' first")
    if version < HEAD:
        raise SchemaError(
            f"the database has hub schema {version}, this program needs {HEAD}:"
            " run 'pm-desktop hub init' to upgrade it"
        )
    if version > HEAD:
        raise SchemaError(
            f"the database has hub schema {version}, newer than this program's {HEAD}:"
            " update pm-desktop"
        )
