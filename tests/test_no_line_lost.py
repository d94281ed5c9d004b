"""Nothing the scribe typed is lost when the laptop dies: the real app, real keystrokes, kill -9.

The app runs in its own process on a private X server (Xvfb); xdotool types into its window as
a keyboard would (Chinese too: xdotool maps each character to a spare keycode). The process is
then killed with SIGKILL, and the database is read back through the services: every submitted
line must be an item, and what was typed without Enter must be the meeting's draft, up to at
least the keystrokes sent one second before the kill, even while typing never paused.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from pm_desktop.core.enums import Attendance, MeetingType
from pm_desktop.core.meetings import Minutes
from pm_desktop.services.container import Services
from pm_desktop.services.meetings import DRAFT_KEY_PREFIX

pytestmark = [pytest.mark.slow, pytest.mark.gui]

REPO = Path(__file__).resolve().parent.parent
XVFB = shutil.which("Xvfb")
XDOTOOL = shutil.which("xdotool")
if XVFB is None or XDOTOOL is None:
    pytest.skip(
        "needs Xvfb and xdotool (Debian: apt-get install xvfb xdotool; `make test` does it)",
        allow_module_level=True,
    )

#: What the app may take at most to get a keystroke into SQLite.
SAFE_AFTER_S = 1.0
#: Milliseconds between keystrokes of Chinese text (see KEPT_TYPING).
HUMAN_DELAY_MS = 90
START_TIMEOUT_S = 60.0
TYPING_S = 3.0

SUBMITTED = [
    "@张伟 明天 提交调研报告 #客户总部",
    "决定：采用方案B",
    "Send the slides @李红梅 by next fri",
    "备注：客户下周出差",
]
HALF_TYPED = "@李红梅 下周五 开通ERP只读"
# Typed without a pause. ASCII: xdotool types a character the keymap lacks (Chinese) by
# remapping a spare key for an instant, and an app busy at that instant reads the key with the
# keymap already restored: the character is lost on the way, not in the app. Chinese lines are
# therefore typed at a human pace above, and this burst tests the saving, not the keymap.
KEPT_TYPING = " account, and tell the IT department ~remote #ERP"


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private X server on a free display number (Xvfb chooses it: -displayfd)."""
    assert XVFB is not None
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [XVFB, "-displayfd", str(write_end), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            number = numbers.readline().strip()
        if not number:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@dataclass
class Scene:
    db: Path
    meeting_id: str
    env: dict[str, str]


@pytest.fixture
def scene(db_path: Path, tmp_path: Path, x_display: str) -> Scene:
    """A project with a meeting in progress, which the app opens on (through its settings)."""
    services = Services.open(db_path)
    try:
        project = services.projects.create("华东制造集团数字化转型")
        meeting = services.meetings.create(
            project.id,
            MeetingType.WEEKLY_STATUS,
            "周例会（第4次）",
            datetime.now(UTC) - timedelta(minutes=5),
            series="周例会",
        )
        services.meetings.start(meeting.id, datetime.now(UTC))
        for name in ("张伟", "李红梅"):
            services.meetings.add_attendee(meeting.id, name, attendance=Attendance.PRESENT)
    finally:
        services.close()

    home = tmp_path / "home"
    config = home / ".config"
    (config / "PM Desktop").mkdir(parents=True)
    (config / "PM Desktop" / "PM Desktop.conf").write_text(
        f"[window]\nworkspace=3\n\n[project]\nlast={project.id}\n\n"
        f"[meetings]\nlast_meeting={meeting.id}\n",
        encoding="utf-8",
    )
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("QT_", "XDG_")) and key not in ("DISPLAY", "WAYLAND_DISPLAY")
    }
    env.update(
        DISPLAY=x_display,
        QT_QPA_PLATFORM="xcb",
        QT_ACCESSIBILITY="0",
        QT_IM_MODULE="",  # keystrokes straight to the widget, no input method in between
        HOME=str(home),
        XDG_CONFIG_HOME=str(config),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_RUNTIME_DIR=str(runtime),
    )
    return Scene(db_path, meeting.id, env)


class App:
    """The real app in its own process, and a keyboard typing into its window."""

    def __init__(self, scene: Scene) -> None:
        self.scene = scene
        self.log = scene.db.with_suffix(".log")
        with self.log.open("ab") as log:  # a file, not a pipe: a full pipe would stall the app
            self.process = subprocess.Popen(
                [sys.executable, "-m", "pm_desktop", "--db", str(scene.db), "--lang", "zh_CN"],
                env=scene.env,
                cwd=REPO,
                stdout=log,
                stderr=log,
            )
        self.window = self._find_window()

    def xdotool(self, *args: str, timeout: float = 30.0) -> str:
        assert XDOTOOL is not None
        result = subprocess.run(
            [XDOTOOL, *args],
            env=self.scene.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
        return result.stdout.strip()

    def _find_window(self) -> str:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the app exited:\n{self.log.read_text(errors='replace')}")
            try:
                found = self.xdotool(
                    "search", "--onlyvisible", "--name", "PM Desktop", timeout=5
                ).split()
            except subprocess.CalledProcessError:
                found = []
            if found:
                self.xdotool("windowfocus", "--sync", found[0])
                return found[0]
            time.sleep(0.2)
        raise AssertionError("the app's window did not show")

    def type(self, text: str, delay_ms: int = 20) -> float:
        """Type ``text`` into the focused window (XTEST, as a keyboard would); returns the
        moment the last keystroke was sent."""
        self.xdotool("type", "--delay", str(delay_ms), text)
        return time.monotonic()

    def key(self, *keys: str) -> float:
        self.xdotool("key", "--delay", "20", *keys)
        return time.monotonic()

    def kill(self) -> float:
        """kill -9: no clean-up of any kind."""
        moment = time.monotonic()
        self.process.kill()
        self.process.wait(timeout=10)
        return moment

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def draft_now(scene: Scene) -> str:
    """The meeting's draft as the database holds it right now (read-only, beside the app)."""
    uri = f"file:{scene.db}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True, timeout=5)) as conn:
        row = conn.execute(
            "SELECT value FROM local_meta WHERE key = ?", (DRAFT_KEY_PREFIX + scene.meeting_id,)
        ).fetchone()
    return str(row[0]) if row else ""


def items_now(scene: Scene) -> int:
    """How many actions, decisions and notes the meeting has right now."""
    uri = f"file:{scene.db}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True, timeout=5)) as conn:
        return sum(
            conn.execute(
                f"SELECT count(*) FROM {table} WHERE meeting_id = ? AND deleted = 0",
                (scene.meeting_id,),
            ).fetchone()[0]
            for table in ("action_items", "minute_entries")
        )


def wait_for(condition: Callable[[], bool], timeout: float, message: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(message)


def type_exactly(app: App, text: str) -> float:
    """Type ``text`` into the empty line, at a human pace, and see it arrive whole as the draft;
    returns the moment of the last keystroke.

    xdotool types a character missing from the keymap (Chinese) by binding it to a spare key
    for an instant; when the app reads the keymap after that instant (it was busy), the
    keystroke means nothing and the character never reaches the app, as it never would from a
    real keyboard. Such a line is cleared and typed again: what this test checks is that what
    reaches the line reaches the database, and the draft proves the line got it all.
    """
    for _attempt in range(3):
        last_key = app.type(text, delay_ms=HUMAN_DELAY_MS)
        try:
            wait_for(lambda: draft_now(app.scene) == text, 3.0, "")
        except AssertionError:
            app.key("ctrl+a", "BackSpace")
            wait_for(lambda: draft_now(app.scene) == "", 5.0, "the line was not cleared")
            continue
        return last_key
    raise AssertionError(f"xdotool could not type {text!r} whole")


def ready_to_type(app: App) -> None:
    """Wait until keystrokes reach the capture line: a probe letter must become the draft."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        app.xdotool("windowfocus", "--sync", app.window)
        app.type("q")
        try:
            wait_for(lambda: draft_now(app.scene).endswith("q"), 3.0, "")
        except AssertionError:
            continue
        app.key("BackSpace")
        wait_for(lambda: not draft_now(app.scene).endswith("q"), 5.0, "the probe stayed")
        return
    raise AssertionError("keystrokes never reached the quick-entry line")


def read_back(scene: Scene) -> tuple[Minutes, str]:
    """The meeting's minutes and draft, read through the services after the kill."""
    services = Services.open(scene.db)
    try:
        return services.meetings.minutes(scene.meeting_id), services.meetings.load_draft(
            scene.meeting_id
        )
    finally:
        services.close()


def submit_lines_then_half_a_line_and_kill(scene: Scene) -> float:
    """Returns the moment of the last keystroke."""
    app = App(scene)
    try:
        ready_to_type(app)
        for count, line in enumerate(SUBMITTED, start=1):
            type_exactly(app, line)
            app.key("Return")
            wait_for(lambda n=count: items_now(scene) == n, 10.0, f"line {count} was not saved")
        last_key = type_exactly(app, HALF_TYPED)
        time.sleep(SAFE_AFTER_S + 0.2)
        app.kill()
    finally:
        app.stop()
    return last_key


def type_without_pause_until_killed(scene: Scene) -> tuple[list[tuple[float, str]], float]:
    """Keystrokes in small bursts with no pause, for TYPING_S; the kill comes right after the
    last one. Returns (moment sent, text) of every burst, and the moment of the kill."""
    app = App(scene)
    sent: list[tuple[float, str]] = []
    try:
        ready_to_type(app)  # the probe goes at the end of the restored line, and goes again
        started = time.monotonic()
        text = KEPT_TYPING * 20
        for at in range(0, len(text), 3):
            sent.append((app.type(text[at : at + 3], delay_ms=15), text[at : at + 3]))
            if time.monotonic() - started > TYPING_S:
                break
        return sent, app.kill()
    finally:
        app.stop()


def test_no_line_is_lost_when_the_app_is_killed(scene: Scene) -> None:
    today_before = date.today()
    last_key = submit_lines_then_half_a_line_and_kill(scene)
    minutes, draft = read_back(scene)
    assert time.monotonic() - last_key >= SAFE_AFTER_S
    tomorrow = {today_before + timedelta(days=1), date.today() + timedelta(days=1)}
    assert len(minutes.actions) == 2, [a.what for a in minutes.actions]
    first, slides = minutes.actions
    assert (first.what, first.who, first.where) == ("提交调研报告", "张伟", "客户总部")
    assert first.due_on in tomorrow
    assert (slides.what, slides.who) == ("Send the slides", "李红梅")
    assert slides.due_on is not None
    assert slides.due_on.isoweekday() == 5
    assert [d.text for d in minutes.decisions] == ["采用方案B"]
    assert [n.text for n in minutes.notes] == ["客户下周出差"]
    assert draft == HALF_TYPED

    # Again on the same file: the draft comes back into the line, and the scribe types on
    # without a pause until the kill. What was sent a second before the kill must be saved.
    sent, killed = type_without_pause_until_killed(scene)
    minutes, draft = read_back(scene)
    assert len(minutes.actions) == 2
    safe = "".join(text for moment, text in sent if moment <= killed - SAFE_AFTER_S)
    typed = "".join(text for _moment, text in sent)
    assert len(safe) >= 10, "the typing was too short to prove anything"
    assert draft.startswith(HALF_TYPED + safe), (draft, HALF_TYPED + safe)
    assert (HALF_TYPED + typed).startswith(draft)  # nothing garbled either
