"""A real hub over HTTP for tests and the benchmarks: uvicorn in a thread, or ``pm-desktop hub
serve`` in a process of its own (as a team runs it); and a client."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn

from pm_desktop.core.hlc import HybridLogicalClock
from pm_desktop.hub import protocol
from pm_desktop.hub.server import server_config
from pm_desktop.storage.schema import SCHEMA_HEAD
from tests.hub.postgres import free_port


class HubThread:
    """``create_app`` served by uvicorn on a free loopback port, in a background thread."""

    def __init__(self, database_url: str, *, pool_size: int = 10) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = server_config(
            database_url, port=self.port, pool_size=pool_size, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="hub", daemon=True)

    def start(self) -> HubThread:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the hub did not start (see the log above)")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


class HubProcess:
    """``pm-desktop hub serve`` on a free loopback port, in a process of its own."""

    def __init__(self, database_url: str, *, pool_size: int = 10) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._command = [
            sys.executable, "-m", "pm_desktop", "hub", "serve", "--port", str(self.port),
            "--pool-size", str(pool_size),
        ]  # fmt: skip
        self._env = {**os.environ, "PM_HUB_DATABASE_URL": database_url}
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> HubProcess:
        self.process = subprocess.Popen(
            self._command,
            env=self._env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{self.url}/v1/hello", timeout=2)  # any answer: it serves
                return self
            except httpx.TransportError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("the hub did not start") from None
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@dataclass
class HubClient:
    """A test client speaking docs/sync-protocol.md, with its own device id and clock."""

    base_url: str
    user: str
    secret: str
    device_id: str = field(default_factory=lambda: uuid.uuid4().hex[:16])
    protocol_version: str = str(protocol.PROTOCOL)
    schema: str = SCHEMA_HEAD
    next_op: int = 1

    def __post_init__(self) -> None:
        self.clock = HybridLogicalClock(self.device_id)
        self.http = httpx.Client(
            base_url=self.base_url,
            auth=(self.user, self.secret),
            headers={"PM-Protocol": self.protocol_version, "PM-Schema": self.schema},
            timeout=60,
        )

    def close(self) -> None:
        self.http.close()

    def change(
        self,
        project: str | None,
        *,
        table: str = "tasks",
        row_id: str | None = None,
        column: str = "name",
        value: Any = "x",
        hlc: str | None = None,
    ) -> dict[str, Any]:
        return {
            "table": table,
            "row_id": row_id or str(uuid.uuid4()),
            "project_id": project,
            "column": column,
            "value": json.dumps(value, ensure_ascii=False),
            "hlc": hlc or self.clock.now().encode(),
        }

    def push(self, *batches: list[dict[str, Any]], ops: list[int] | None = None) -> httpx.Response:
        if ops is None:
            ops = list(range(self.next_op, self.next_op + len(batches)))
            self.next_op += len(batches)
        body = {
            "device_id": self.device_id,
            "batches": [
                {"op": op, "changes": changes} for op, changes in zip(ops, batches, strict=True)
            ],
        }
        return self.http.post("/v1/push", json=body)

    def get(self, path: str, **params: Any) -> httpx.Response:
        return self.http.get(path, params=params)

    def pull_all(self, project: str, *, after: int = 0, limit: int = 1000) -> list[dict[str, Any]]:
        changes: list[dict[str, Any]] = []
        while True:
            response = self.get("/v1/pull", project=project, after=after, limit=limit)
            response.raise_for_status()
            page = response.json()
            changes.extend(page["changes"])
            after = page["next"]
            if not page["more"]:
                return changes
