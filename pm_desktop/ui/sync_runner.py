"""When this computer syncs with the team server: on "Sync Now", when the network comes back,
every minute while online, half a second after the last of a burst of local edits, and as soon
as the hub says another computer changed something here (a long poll, see
:mod:`pm_desktop.sync.watch`). Never two runs at once.

A run (:func:`pm_desktop.sync.engine.sync_once`) happens in a thread; the runner reports its
state by ``stateChanged`` ("not_set_up", "offline", "syncing", "synced", "error") with a text
and a tooltip for the status bar, every outcome by ``finished``, and ``pulled`` when the run
wrote other people's changes here (the window then reads its workspaces again). Only "Sync
Now" asks the user anything (a secret this computer does not know); automatic runs show the
state instead. Rows a run would delete in bulk are held until the user agrees, asked at most
once per project per session unless the user chooses Sync Now.
Cheap to import and build: httpx and the keyring load only when a team server is set up.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from pm_desktop.core.errors import PmError
from pm_desktop.ui.conflicts.labels import record_kind
from pm_desktop.ui.relay import Relay
from pm_desktop.ui.sync_settings import (
    HubSettings,
    ask_hub_secret,
    describe_sync_problem,
    load_hub_settings,
    secret_for,
)

if TYPE_CHECKING:
    from pm_desktop.services.container import Services
    from pm_desktop.sync.engine import HeldDeletion, SyncReport
    from pm_desktop.sync.watch import ChangeWatcher

PERIODIC_MS = 60 * 1000
#: A local edit is sent this long after the last edit of a burst: well inside the 2 s a change
#: may take to reach another online computer, yet not a round per keystroke.
AFTER_EDIT_MS = 500
#: Edits that never pause are still sent at least this often.
EDIT_BURST_MAX_MS = 3000
#: Run errors after which the long poll keeps going (the hub may be back in a moment); after
#: any other (refused secret, certificate, version, access) it stops until a run succeeds.
TRANSIENT_ERRORS = frozenset({"network", "timeout", "unavailable"})
_PROJECT_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_WHEN = re.compile(r"\b(revoked|expired) on (\d{4}-\d{2}-\d{2})")


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
    pulled = Signal(object)  # a run wrote remote changes into this replica (its SyncReport)

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
        self._asking = False
        self._reporting = False
        self._by_user = False
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._watcher: ChangeWatcher | None = None
        self._watching: tuple[HubSettings, str, int] | None = None
        self._burst_started = 0.0
        self._asked_deletions: set[str] = set()
        self.held_deletions: list[HeldDeletion] = []
        """Deletions the last run held back and the user has not agreed to."""
        self.ask_secret: Callable[[HubSettings], str | None] = self._ask_secret
        """Asks for the secret on "Sync Now" (a dialog; tests put their own)."""
        self.confirm_deletion: Callable[[HeldDeletion], bool] = self._confirm_deletion
        """Asks whether to apply held deletions (a message box; tests put their own)."""
        self.wait_seconds = 25.0
        """How long one long poll stays open on the hub."""
        self.state = ""
        self.text = ""
        self.tooltip = ""
        self.last_synced: datetime | None = None
        # The threads report through relays, never holding the runner (see pm_desktop.ui.relay).
        self._round_done = Relay(self)
        self._round_done.delivered.connect(self._finish)
        self._remote_changed = Relay(self)  # the watcher's report: projects changed on the hub
        self._remote_changed.delivered.connect(self._on_remote_change)
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

    @property
    def watching(self) -> bool:
        """A long poll is kept open for others' changes."""
        return self._watcher is not None and self._watcher.alive

    @property
    def watcher(self) -> ChangeWatcher | None:
        return self._watcher

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
            self._stop_watching()
            self._set("not_set_up", "", "")
        elif self._network_state() == "offline":
            self._set_offline()
        elif self.state in ("", "not_set_up", "offline"):
            self._set("idle", self.tr("Team server: not synced yet"), "")

    @Slot(str)
    def on_network(self, state: str) -> None:
        """Sync when the network comes back; say offline (and stop listening) when it goes."""
        if state == "offline":
            self._stop_watching()
            if not self._running and self.is_set_up():
                self._set_offline()
        elif state == "online":
            self.sync_automatically()

    @Slot(int)
    def schedule(self, _index: int = 0) -> None:
        """A local edit: sync :data:`AFTER_EDIT_MS` after the last of a burst of edits (and at
        least every :data:`EDIT_BURST_MAX_MS` while edits keep coming)."""
        if self._reporting or not self.is_set_up():
            return  # the window's reaction to pulled changes is not an edit
        now = time.monotonic()
        if not self.after_edit.isActive():
            self._burst_started = now
        left_ms = EDIT_BURST_MAX_MS - (now - self._burst_started) * 1000
        self.after_edit.start(max(0, min(AFTER_EDIT_MS, int(left_ms))))

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
        """Start a run now (even when the OS says offline), asking for the secret when this
        computer does not know it; True when started."""
        return self._start(by_user=True)

    def stop(self) -> None:
        """The window is closing: no more runs; a running one stops between pages; the long
        poll is left to end by its own timeout (never waited for)."""
        self.timer.stop()
        self.after_edit.stop()
        self._cancel.set()
        self._stop_watching()

    def wait(self, timeout: float = 10.0) -> None:
        """Wait for a running thread to end (tests, and closing)."""
        if self._thread is not None:
            self._thread.join(timeout)

    # --- a run --------------------------------------------------------------------------

    def _start(
        self, *, by_user: bool = False, allow_deletions: frozenset[str] = frozenset()
    ) -> bool:
        if self._running or self._asking:
            self._again = True  # one more run after this one, for what changed meanwhile
            return False
        if self._cancel.is_set() or not self._is_ready():
            return False
        hub = load_hub_settings(self._settings)
        if hub is None:
            self._set("not_set_up", "", "")
            return False
        secret = secret_for(hub)
        if secret is None and by_user:
            self._asking = True
            try:
                secret = self.ask_secret(hub)
            finally:
                self._asking = False
            self._again = False
        if secret is None:
            self._stop_watching()
            self._show_error(SyncRunError("password"))
            return False
        services = self._services()
        self._running = True
        self._again = False
        self._by_user = by_user
        self.after_edit.stop()
        self._set("syncing", self.tr("Syncing…"), self.tr("Syncing with {url}").format(url=hub.url))
        self._thread = threading.Thread(
            target=_run_round,
            args=(services, hub, secret, self._round_done.post),
            kwargs={"allow": allow_deletions, "cancel": self._cancel},
            name="hub-sync",
            daemon=True,
        )
        self._thread.start()
        return True

    @Slot(object)
    def _finish(self, done: tuple[object, Services, HubSettings, str]) -> None:
        outcome, services, hub, secret = done
        self._running = False
        if isinstance(outcome, PmError):
            self._show_error(outcome)
            if getattr(outcome, "code", "") not in TRANSIENT_ERRORS:
                self._stop_watching()
            self.finished.emit(outcome)
            self._next_or_resume()
            return
        report: SyncReport = outcome  # type: ignore[assignment]
        self.last_synced = datetime.now()
        held: Sequence[HeldDeletion] = list(report.held_deletions)
        self.held_deletions = list(held)
        self._show_report(report)
        if report.pulled:
            self._reporting = True
            try:
                self.pulled.emit(report)
            finally:
                self._reporting = False
        if not report.cancelled:
            self._watch(services, hub, secret)
        self.finished.emit(outcome)
        allowed = frozenset() if self._cancel.is_set() else self._ask_about(held)
        if allowed and not self._cancel.is_set():
            self._start(by_user=self._by_user, allow_deletions=allowed)
        else:
            self._next_or_resume()

    def _next_or_resume(self) -> None:
        """Another run when something changed during this one; else the long poll goes on."""
        if self._again and not self._cancel.is_set():
            self._again = False
            self.after_edit.start(AFTER_EDIT_MS)
        elif self._watcher is not None:
            self._watcher.resume()

    # --- the long poll ------------------------------------------------------------------

    def _watch(self, services: Services, hub: HubSettings, secret: str) -> None:
        """Keep a long poll open with these settings (a new one when they changed)."""
        key = (hub, secret, id(services.store))
        if self.watching and self._watching == key:
            return
        self._stop_watching()
        if self._cancel.is_set() or self._network_state() == "offline":
            return
        from pm_desktop.sync.watch import ChangeWatcher

        self._watching = key
        self._watcher = ChangeWatcher(
            services.store,
            lambda: hub.client(secret),
            self._remote_changed.post,
            wait_s=self.wait_seconds,
        ).start()

    def _stop_watching(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
        self._watcher = None
        self._watching = None

    @Slot(object)
    def _on_remote_change(self, _projects: list[str]) -> None:
        if self._watcher is None:
            return  # a report from a watcher stopped meanwhile
        if not self.sync_automatically() and not (self._running or self._again):
            self._watcher.resume()

    # --- held deletions -----------------------------------------------------------------

    def _ask_about(self, held: Sequence[HeldDeletion]) -> frozenset[str]:
        """The projects whose held deletions the user agrees to; each project is asked at
        most once a session, unless the user chose Sync Now."""
        allowed: set[str] = set()
        self._asking = True  # no run starts while a question is open
        try:
            for deletion in held:
                if deletion.project_id in self._asked_deletions and not self._by_user:
                    continue
                self._asked_deletions.add(deletion.project_id)
                if self.confirm_deletion(deletion):
                    allowed.add(deletion.project_id)
        finally:
            self._asking = False
        return frozenset(allowed)

    def _confirm_deletion(self, deletion: HeldDeletion) -> bool:
        parent = self.parent()
        box = QMessageBox(parent if isinstance(parent, QWidget) else None)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete Rows of “{project}”?").format(project=_name(deletion)))
        box.setText(
            self.tr(
                "In project “{project}”, {deleting} of {rows} rows would be deleted by changes "
                "from the team server. Delete them?"
            ).format(project=_name(deletion), deleting=deletion.deleting, rows=deletion.rows)
        )
        kinds = " · ".join(
            self.tr("{kind}: {count}").format(kind=record_kind(table), count=count)
            for table, count in deletion.by_table
        )
        box.setInformativeText(
            (kinds + "\n\n" if kinds else "")
            + self.tr("Not now keeps them on this computer; Sync Now asks again.")
        )
        delete = box.addButton(self.tr("Delete Them"), QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton(self.tr("Not Now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(later)
        box.exec()
        return box.clickedButton() is delete

    # --- the secret ---------------------------------------------------------------------

    def _ask_secret(self, hub: HubSettings) -> str | None:
        parent = self.parent()
        return ask_hub_secret(hub, parent if isinstance(parent, QWidget) else None)

    # --- state --------------------------------------------------------------------------

    def _show_report(self, report: SyncReport) -> None:
        assert self.last_synced is not None
        time_text = self.last_synced.strftime("%H:%M")
        # Records, as the status bar counts what is not sent yet (not the fields of them).
        tooltip = self.tr("Sent changes of %n record(s).", "", len(report.rows_sent))
        tooltip += "\n" + self.tr("Received changes of %n record(s).", "", len(report.rows_written))
        names = self._project_names() if report.downloaded or report.not_granted else {}
        if report.downloaded:
            tooltip += "\n" + self.tr("Downloaded whole: {projects}").format(
                projects=", ".join(names.get(p, p) for p in report.downloaded)
            )
        if report.errors:
            tooltip += "\n" + self.tr("Skipped: {problems}").format(
                problems="; ".join(report.errors[:5])
            )
        if report.refused_rows:
            kinds = sorted({record_kind(table) for table, _row in report.refused_rows})
            tooltip += "\n" + self.tr(
                "Not sent: %n record(s) the team server refused ({kinds}): another project "
                "holds them there. Their changes stay on this computer; tell the team server's "
                "administrator.",
                "",
                len(report.refused_rows),
            ).format(kinds=self.tr(", ", "between record kinds").join(kinds))
        if report.not_granted:
            for project in report.not_granted:
                tooltip += "\n" + self.tr(
                    "Not sent: “{project}”: {why}. Its changes stay here and are sent once the "
                    "team server's administrator grants you the project."
                ).format(
                    project=names.get(project, project),
                    why=self._refusal_reason(report.refusals.get(project, "")),
                )
            if not self.held_deletions:
                text = self.tr(
                    "Synced at {time}; {count} project(s) not sent", "", len(report.not_granted)
                )
                self._set("synced", text.format(time=time_text, count=len(report.not_granted)),
                          tooltip)  # fmt: skip
                return
        if not self.held_deletions:
            self._set("synced", self.tr("Synced at {time}").format(time=time_text), tooltip)
            return
        for deletion in self.held_deletions:
            tooltip += "\n" + self.tr(
                "{deleting} of {rows} rows of “{project}” would be deleted by changes from the "
                "team server: they are kept until you agree (Sync Now asks again)."
            ).format(deleting=deletion.deleting, rows=deletion.rows, project=_name(deletion))
        self._set(
            "synced",
            self.tr("Synced at {time}; deletions held").format(time=time_text),
            tooltip,
        )

    def _show_error(self, error: PmError) -> None:
        code = str(getattr(error, "code", ""))
        detail = str(getattr(error, "message", "") or error)
        if code == "not_granted":
            self._show_refusal(detail)
            return
        reasons = {
            "unauthorized": self.tr("login refused"),
            "network": self.tr("team server unreachable"),
            "timeout": self.tr("team server not answering"),
            "tls": self.tr("certificate not trusted"),
            "not_a_hub": self.tr("not a team server"),
            "unavailable": self.tr("team server busy"),
            "client_too_old": self.tr("update PM Desktop"),
            "password": self.tr("secret needed"),
            "device_conflict": self.tr("database registered to another user"),
        }
        reason = reasons.get(code, self.tr("error"))
        self._set(
            "error",
            self.tr("Not synced: {reason}").format(reason=reason),
            describe_sync_problem(code, "" if code == "password" else detail),
        )

    def _show_refusal(self, detail: str) -> None:
        """The hub refused a project (not granted, revoked or expired): name it and say why."""
        found = _PROJECT_ID.search(detail)
        if found is None:
            project = self.tr("a project")
        else:
            project = self._project_names().get(found.group(0), found.group(0))
        why = self._refusal_reason(detail)
        tooltip = self.tr(
            "The team server refused project “{project}”: {why}. The sync stopped and nothing "
            "on this computer was changed; your changes stay here. Ask the team server's "
            "administrator to grant you the project."
        ).format(project=project, why=why)
        tooltip += "\n" + self.tr("Details: {details}").format(details=detail)
        self._set("error", self.tr("Not synced: no access to “{project}”").format(project=project),
                  tooltip)  # fmt: skip

    def _refusal_reason(self, detail: str) -> str:
        """Why the hub refused a project, from its message: revoked or expired on a date,
        or not shared (also a project made here that the hub does not have yet)."""
        when = _WHEN.search(detail)
        if when is not None and when.group(1) == "revoked":
            return self.tr("your access to it was revoked on {date}").format(date=when.group(2))
        if when is not None:
            return self.tr("your access to it expired on {date}").format(date=when.group(2))
        return self.tr("it is not shared with you")

    def _project_names(self) -> dict[str, str]:
        """Project id -> its name on this computer (ids missing here: use the id)."""
        try:
            projects = self._services().projects.list(include_archived=True)
        except PmError:
            return {}
        return {p.id: p.name for p in projects}

    def _set_offline(self) -> None:
        self._set(
            "offline",
            self.tr("Offline: sync waits"),
            self.tr("Changes are saved here and sent when the network is back."),
        )

    def _set(self, state: str, text: str, tooltip: str) -> None:
        self.state, self.text, self.tooltip = state, text, tooltip
        self.stateChanged.emit(state)


def _run_round(
    services: Services,
    hub: HubSettings,
    secret: str,
    report: Callable[[object], None],
    *,
    allow: frozenset[str],
    cancel: threading.Event,
) -> None:
    """One sync round, in the worker thread; reports ``(outcome, services, hub, secret)``."""
    from pm_desktop.sync.engine import sync_once

    outcome: object
    try:
        with hub.client(secret) as client:
            outcome = sync_once(services.store, client, cancel=cancel, allow_deletions=allow)
    except PmError as error:  # SyncError, or the database failed
        outcome = error
    except Exception as error:  # never leave the runner stuck "running"
        outcome = SyncRunError("error", str(error))
    report((outcome, services, hub, secret))


def _name(deletion: HeldDeletion) -> str:
    return deletion.project_name or deletion.project_id
