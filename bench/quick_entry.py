"""Live capture benchmark on dataset L: from the Enter keystroke to the item saved in SQLite.

    python bench/quick_entry.py [--dataset-l PATH] [--lines 200]

Drives the real meeting editor (offscreen) on a copy of dataset L: types each line with
QTest, then times the Enter keystroke until the editor's handler returned, which is after
the item's transaction committed (checked by counting the rows afterwards). Also times every
other keystroke (live preview) and the draft save the editor makes while the scribe types.
Target (issue 3): Enter to row persisted <= 50 ms at the 95th percentile.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent, QUndoStack  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from pm_desktop.core.enums import MeetingStatus, MeetingType  # noqa: E402
from pm_desktop.services.container import Services  # noqa: E402
from pm_desktop.ui.meetings.editor import MeetingEditor  # noqa: E402

TARGET_MS = 50.0
LINES = [
    "@{who} 明天 提交第{n}份调研纪要 #客户总部3楼 ?为了评审",
    "决定：第{n}项方案按B执行",
    "Send deck {n} to @{who} by next fri #Zoom",
    "备注：第{n}次讨论记录",
    "@{who} 下周五 开通第{n}个系统账号 ~远程",
]


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def type_char(widget: QWidget, char: str) -> None:
    """One keystroke producing ``char`` (as an input method delivers CJK text)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_lines(
    editor: MeetingEditor, services: Services, meeting_id: str, who: str, count: int
) -> tuple[list[float], list[float], list[float]]:
    """Type ``count`` lines; the ms of each Enter, of every other keystroke, of draft saves."""
    line = editor.capture.line
    enter: list[float] = []
    keys: list[float] = []
    drafts: list[float] = []
    for n in range(count):
        text = LINES[n % len(LINES)].format(n=n, who=who)
        for char in text:
            start = time.perf_counter()
            type_char(line, char)
            keys.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        services.meetings.save_draft(meeting_id, text)
        drafts.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        QTest.keyClick(line, Qt.Key.Key_Return)
        enter.append((time.perf_counter() - start) * 1000)
    return enter, keys, drafts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset-l", type=Path)
    parser.add_argument("--lines", type=int, default=200)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="pm-bench-") as tmp:
        path = Path(tmp) / "L.sqlite"
        if args.dataset_l is None:
            from gen_dataset import generate

            print("building dataset L ...", file=sys.stderr)
            generate(path, "L", 1)
        else:
            shutil.copyfile(args.dataset_l, path)
        services = Services.open(path)
        try:
            project = max(services.projects.list(), key=lambda p: len(p.name))
            meeting = services.meetings.create(
                project.id, MeetingType.WEEKLY_STATUS, "基准测试周例会", datetime.now(UTC)
            )
            services.meetings.set_status(meeting.id, MeetingStatus.IN_PROGRESS)
            who = "张伟"
            services.meetings.add_attendee(meeting.id, who)
            editor = MeetingEditor(QUndoStack(), date.today, lambda: datetime.now(UTC))
            editor.set_service(services.meetings)
            editor.open(meeting.id)
            editor.show()
            app.processEvents()
            before = services.meetings.action_count(meeting.id)
            enter, keys, drafts = type_lines(editor, services, meeting.id, who, args.lines)
            app.processEvents()
            saved = services.meetings.minutes(meeting.id)
            items = len(saved.actions) + len(saved.decisions) + len(saved.notes)
            added_actions = services.meetings.action_count(meeting.id) - before
        finally:
            services.close()
    print(
        f"live capture on dataset L, {args.lines} lines ({items} items saved, "
        f"{added_actions} actions)"
    )
    print(
        f"  Enter -> item committed:  median {statistics.median(enter):5.1f} ms, "
        f"p95 {p95(enter):5.1f} ms (target <= {TARGET_MS:.0f})"
    )
    print(
        f"  other keystrokes:         median {statistics.median(keys):5.1f} ms, "
        f"p95 {p95(keys):5.1f} ms"
    )
    print(
        f"  draft save (per pause):   median {statistics.median(drafts):5.1f} ms, "
        f"p95 {p95(drafts):5.1f} ms"
    )
    ok = items == args.lines and p95(enter) <= TARGET_MS
    print("  target met" if ok else "  OVER TARGET or items missing")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
