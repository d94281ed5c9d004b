"""Wake long polls when a project changes: one LISTEN connection per hub process.

A push's transaction sends ``NOTIFY pm_hub_changes, '<project>'``; PostgreSQL delivers it at
commit to every hub process listening, so hub processes need not know of one another. If the
listening connection drops, every waiter is woken (it re-checks the database) and the
listener reconnects; waiters also re-check on their own every few seconds, so a lost
notification delays an answer, never loses it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable, Iterator

from psycopg import AsyncConnection

from pm_desktop.hub.store import NOTIFY_CHANNEL

log = logging.getLogger(__name__)


class ChangeListener:
    def __init__(self, conninfo: str, *, retry_s: float = 2.0) -> None:
        self._conninfo = conninfo
        self._retry_s = retry_s
        self._waiters: dict[str, set[asyncio.Event]] = {}
        self._task: asyncio.Task[None] | None = None
        self.listening = asyncio.Event()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="pm-hub-listener")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    @contextlib.contextmanager
    def subscribe(self, projects: Iterable[str]) -> Iterator[asyncio.Event]:
        """An event set whenever one of ``projects`` may have changed."""
        event = asyncio.Event()
        keys = list(projects)
        for key in keys:
            self._waiters.setdefault(key, set()).add(event)
        try:
            yield event
        finally:
            for key in keys:
                waiting = self._waiters.get(key)
                if waiting is not None:
                    waiting.discard(event)
                    if not waiting:
                        del self._waiters[key]

    def _wake(self, project: str) -> None:
        for event in self._waiters.get(project, ()):
            event.set()

    def _wake_all(self) -> None:
        for waiting in self._waiters.values():
            for event in waiting:
                event.set()

    async def _run(self) -> None:
        while True:
            try:
                conn = await AsyncConnection.connect(self._conninfo, autocommit=True)
                async with conn:
                    await conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self.listening.set()
                    self._wake_all()  # anything may have happened while not listening
                    async for note in conn.notifies():
                        self._wake(note.payload)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the database went away: keep trying
                log.warning("change listener lost its connection (%s); retrying", exc)
            self.listening.clear()
            self._wake_all()
            await asyncio.sleep(self._retry_s)
