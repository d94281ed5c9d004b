"""Hub schema 4 registers each device to the user who pushed from it first, including the
devices of a hub upgraded from an older schema."""

from __future__ import annotations

import uuid

from pm_desktop.hub import admin, schema
from tests.hub.postgres import TempPostgres


def test_an_upgrade_registers_each_known_device_to_its_first_user(
    postgres: TempPostgres,
) -> None:
    url = postgres.create_hub_database(f"pm_hub_{uuid.uuid4().hex[:10]}")
    with admin.connect(url) as conn:
        schema.upgrade(conn, target=3)
        conn.execute(
            """INSERT INTO device_ops (device_id, op_no, user_name, applied_at) VALUES
               ('laptop-a', 2, 'li.wei', '2026-11-02'), ('laptop-a', 1, 'li.wei', '2026-11-01'),
               ('laptop-a', 3, 'intruder', '2026-11-03'), ('laptop-b', 1, 'zhang.min', now())"""
        )

        assert [m.version for m in schema.upgrade(conn)] == [4]

        devices = conn.execute("SELECT device_id, user_name FROM devices ORDER BY 1").fetchall()
        assert devices == [("laptop-a", "li.wei"), ("laptop-b", "zhang.min")]
