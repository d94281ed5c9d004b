"""When this computer syncs with the team server: on "Sync Now", when the network comes back,
every minute while online, and a few seconds after a local edit. Never two runs at once.

A run (:func:`pm_desktop.sync.engine.sync_once`) happens in a thread; the runner reports its
state by ``stateChanged`` ("not_set_up", "offline", "syncing", "synced", "error") with a text
and a tooltip for the status bar, every outcome by ``finished``, and ``pulled`` when the run
wrote other people's changes here (the window then reads its workspaces again).
Cheap to import and build: httpx and the keyring load only when a team server is set up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal, Slot

from pm_desktop.core.errors import PmError
from pm_desktop.ui.sync_settings import (
    HubSettings,
    describe_sync_problem,
    load_hub_settings,
    secret_for,
)

if TYPE_CHECKING:
    from pm_desktop.services.container import Services
    from pm_desktop.sync.engine import SyncReport

PERIODIC_MS = 60 * 1000
AFTER_EDIT_MS = 4 * 1000


class SyncRunError(PmError):
    """A run that could not start or did not finish (``code`` as SyncError's)."""

    def __init__(self, code: str, message: str = "") -> None:
        super().__init__(message or code)
        self.code = code
        self.message = message


class SyncRunner(QObject):
    """Runs sync rounds with the team server in the settings, one at a time."""

    stateChanged = Signal(str)  # the new state; ``text`` and ``tooltip`` describe it
    finished = Signal(object)  # the SyncReport of a run, or the PmError that stopped it
    pulled = Signal()  # a run wrote remote changes into this replica
    _done = Signal(object)

    def __init__(
        self,
        services: Callable[[], Services],
        settings: QSettings,
        parent: QObject | None = None,
        *,
        is_ready: Callable[[], bool] = lambda: True,
        network_state: Callable[[], str] = lambda: "unknown",
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self._is_ready = is_ready
        self._network_state = network_state
        self._running = False
        self._again = False
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self.state = ""
        self.text = ""
        self.tooltip = ""
        self.last_synced: datetime | None = None
        self._done.connect(self._finish)
        self.timer = QTimer(self)
        self.timer.setInterval(PERIODIC_MS)
        self.timer.timeout.connect(self.sync_automatically)
        self.after_edit = QTimer(self)
        self.after_edit.setSingleShot(True)
        self.after_edit.setInterval(AFTER_EDIT_MS)
        self.after_edit.timeout.connect(self.sync_automatically)
        self.refresh_state()

    @property
    def running(self) -> bool:
        return self._running

    def is_set_up(self) -> bool:
        return load_hub_settings(self._settings) is not None

    # --- triggers -----------------------------------------------------------------------

    @Slot()
    def refresh_state(self) -> None:
        """The state at rest (after start-up or a settings change): not set up, offline, or
        what the last run left."""
        if self._running:
            return
        if not self.is_set_up():
            self._set("not_set_up", "", "")
        elif self._network_state() == "offline":
            self._set_offline()
        elif self.state in ("", "not_set_up", "offline"):
            self._set("idle", self.tr("Team server: not synced yet"), "")

    @Slot(str)
    def on_network(self, state: str) -> None:
        """Sync when the network comes back; say offline when it goes."""
        if state == "offline":
            if not self._running and self.is_set_up():
                self._set_offline()
        elif state == "online":
            self.sync_automatically()

    @Slot(int)
    def schedule(self, _index: int = 0) -> None:
        """A local edit: sync a few seconds after the last of a burst of edits."""
        if self.is_set_up():
            self.after_edit.start()

    @Slot()
    def sync_automatically(self) -> bool:
        """Start a run unless one is running, the network is down or nothing is set up;
        True when started. Never asks the user anything."""
        if self._network_state() == "offline":
            self.refresh_state()
            return False
        return self._start()

    @Slot()
    def sync_now(self) -> bool:
        """Start a run now (even when the OS says offline); True when started."""
        return self._start()

    def stop(self) -> None:
        """The window is closing: no more runs; a running one stops between pages."""
        self.timer.stop()
        self.after_edit.stop()
        self._cancel.set()

    def wait(self, timeout: float = 10.0) -> None:
        """Wait for a running thread to end (tests, and closing)."""
        if self._thread is not None:
            self._thread.join(timeout)

    # --- a run --------------------------------------------------------------------------

    def _start(self) -> bool:
        if self._running:
            self._again = True  # one more run after this one, for what changed meanwhile
            return False
        if self._cancel.is_set() or not self._is_ready():
            return False
        hub = load_hub_settings(self._settings)
        if hub is None:
            self._set("not_set_up", "", "")
            return False
        secret = secret_for(hub)
        if secret is None:
            self._show_error(SyncRunError("password"))
            return False
        services = self._services()
        self._running = True
        self._again = False
        self.after_edit.stop()
        self._set("syncing", self.tr("Syncing…"), self.tr("Syncing with {url}").format(url=hub.url))
        self._thread = threading.Thread(
            target=self._run, args=(services, hub, secret), name="hub-sync", daemon=True
        )
        self._thread.start()
        return True

    def _run(self, services: Services, hub: HubSettings, secret: str) -> None:
        """In the worker thread."""
        from pm_desktop.sync.engine import sync_once

        outcome: object
        try:
            with hub.client(secret) as client:
                outcome = sync_once(services.store, client, cancel=self._cancel)
        except PmError as error:  # SyncError, or the database failed
            outcome = error
        except Exception as error:  # never leave the runner stuck "running"
            outcome = SyncRunError("error", str(error))
        self._done.emit(outcome)

    @Slot(object)
    def _finish(self, outcome: object) -> None:
        self._running = False
        if isinstance(outcome, PmError):
            self._show_error(outcome)
        else:
            report: SyncReport = outcome  # type: ignore[assignment]
            self.last_synced = datetime.now()
            tooltip = self.tr("Sent {pushed} and received {pulled} change(s).").format(
                pushed=report.pushed, pulled=report.pulled
            )
            if report.errors:
                tooltip += "\n" + self.tr("Skipped: {problems}").format(
                    problems="; ".join(report.errors[:5])
                )
            self._set(
                "synced",
                self.tr("Synced at {time}").format(time=self.last_synced.strftime("%H:%M")),
                tooltip,
            )
            if report.pulled:
                self.pulled.emit()
        self.finished.emit(outcome)
        if self._again and not self._cancel.is_set():
            self._again = False
            self.after_edit.start()

    # --- state --------------------------------------------------------------------------

    def _show_error(self, error: PmError) -> None:
        code = str(getattr(error, "code", ""))
        reasons = {
            "unauthorized": self.tr("login refused"),
            "network": self.tr("team server unreachable"),
            "timeout": self.tr("team server not answering"),
            "tls": self.tr("certificate not trusted"),
            "not_a_hub": self.tr("not a team server"),
            "unavailable": self.tr("team server busy"),
            "client_too_old": self.tr("update PM Desktop"),
            "not_granted": self.tr("access refused"),
            "password": self.tr("secret needed"),
        }
        reason = reasons.get(code, self.tr("error"))
        detail = str(getattr(error, "message", "") or error)
        self._set(
            "error",
            self.tr("Not synced: {reason}").format(reason=reason),
            describe_sync_problem(code, "" if code == "password" else detail),
        )

    def _set_offline(self) -> None:
        self._set(
            "offline",
            self.tr("Offline: sync waits"),
            self.tr("Changes are saved here and sent when the network is back."),
        )

    def _set(self, state: str, text: str, tooltip: str) -> None:
        self.state, self.text, self.tooltip = state, text, tooltip
        self.stateChanged.emit(state)
