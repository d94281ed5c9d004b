"""Hear of others' changes as they reach the hub: one long poll open at a time.

A :class:`ChangeWatcher` thread asks the hub which projects this user may read (``hello``),
reads this replica's pull cursors, and waits (``GET /v1/wait``, docs/sync-protocol.md) until
one of them has a change after its cursor. It then calls ``on_change`` (which returns False,
or raises, when nobody listens any more: the watcher then ends) and pauses until
:meth:`ChangeWatcher.resume` (the round that pulls the change has finished), so it never asks
again with cursors that round is about to move. Failures back off (2 s doubling to 60 s); so
does a change the last round did not bring in (no cursor moved), so that a project that
keeps failing is not synced in a loop. :meth:`ChangeWatcher.stop` returns at once: an open
wait ends by its own timeout, and the thread then exits without reporting anything.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable

from sqlalchemy import select

from pm_desktop.storage.database import Store
from pm_desktop.storage.models.local import LocalMeta
from pm_desktop.sync.client import TEAM, HubClient
from pm_desktop.sync.engine import CURSOR_PREFIX

log = logging.getLogger(__name__)

#: How long the hub holds one wait open (it allows at most 30 s).
WAIT_S = 25.0
MIN_BACKOFF_S = 2.0
MAX_BACKOFF_S = 60.0
#: A round that never reports back does not stop the watching for longer than this.
RESUME_TIMEOUT_S = 60.0


def read_cursors(store: Store, projects: Iterable[str]) -> dict[str, int]:
    """This replica's pull cursor of each project (0 when it never pulled it)."""
    keys = {CURSOR_PREFIX + project: project for project in projects}
    found: dict[str, int] = {}
    with store.read() as session:
        for key, value in session.execute(
            select(LocalMeta.key, LocalMeta.value).where(LocalMeta.key.in_(list(keys)))
        ):
            with contextlib.suppress(TypeError, ValueError):  # the engine rewrites a bad one
                found[keys[key]] = int(value)
    return {project: found.get(project, 0) for project in keys.values()}


class ChangeWatcher:
    """A thread that long-polls the hub for changes to this replica's projects."""

    def __init__(
        self,
        store: Store,
        connect: Callable[[], HubClient],
        on_change: Callable[[list[str]], object],
        *,
        wait_s: float = WAIT_S,
        min_backoff_s: float = MIN_BACKOFF_S,
        max_backoff_s: float = MAX_BACKOFF_S,
        resume_timeout_s: float = RESUME_TIMEOUT_S,
    ) -> None:
        """``connect`` makes the watcher's own client (used in its thread only);
        ``on_change(projects)`` is called in the watcher's thread."""
        self._store = store
        self._connect = connect
        self._on_change = on_change
        self.wait_s = wait_s
        self.min_backoff_s = min_backoff_s
        self.max_backoff_s = max_backoff_s
        self.resume_timeout_s = resume_timeout_s
        self._stop = threading.Event()
        self._resume = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hub-watch", daemon=True)
        self.waits = 0
        """Waits sent so far (to look at in tests and benchmarks)."""
        self.reports = 0
        """Times ``on_change`` was called."""

    def start(self) -> ChangeWatcher:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Report nothing more; the thread ends when its open request does (never waited for)."""
        self._stop.set()
        self._resume.set()

    def resume(self) -> None:
        """The round started for the last report has finished: watch again."""
        self._resume.set()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive() and not self._stop.is_set()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread to end; True when it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            client = self._connect()
        except Exception:  # a bad CA file, say: the sync round reports it
            log.exception("the change watcher could not make its client")
            return
        try:
            self._loop(client)
        finally:
            client.close()

    def _loop(self, client: HubClient) -> None:
        failing = stalled = self.min_backoff_s
        reported: dict[str, int] | None = None
        while not self._stop.is_set():
            try:
                projects = [TEAM, *client.hello().projects]
                cursors = read_cursors(self._store, projects)
                if self._stop.is_set():
                    return
                self.waits += 1
                changed = client.wait(cursors, self.wait_s)
            except Exception as error:  # SyncError, or the database failed (or was closed)
                if failing == self.min_backoff_s:
                    log.info("watching the hub for changes failed: %s", error)
                self._stop.wait(failing)
                failing = min(failing * 2, self.max_backoff_s)
                continue
            failing = self.min_backoff_s
            if not changed or self._stop.is_set():
                continue
            if cursors == reported:  # the round after the last report brought none of it in
                self._stop.wait(stalled)
                stalled = min(stalled * 2, self.max_backoff_s)
                if self._stop.is_set():
                    return
            else:
                stalled = self.min_backoff_s
            reported = cursors
            self._resume.clear()
            self.reports += 1
            try:
                listened = self._on_change(changed)
            except Exception:  # the receiver failed
                log.debug("the change watcher's receiver failed", exc_info=True)
                return
            if listened is False:  # the receiver is gone (the window closed meanwhile)
                return
            self._resume.wait(self.resume_timeout_s)
