"""PDF minutes benchmark: a Chinese kickoff meeting with 50 action items, cold and warm.

    python bench/minutes_pdf.py [--cold-runs 3] [--warm-runs 7] [--actions 50]

cold  a fresh Python process, timed inside it from just before the export module is imported:
      importing it and ReportLab, registering the fonts (the 4 MB CJK font), building the
      document and writing the file. The meeting's data is made before the clock starts.
warm  the same export again in one process after a first one: the median of several runs.
Targets: cold <= 1.5 s (median of the cold runs), warm <= 0.5 s. Exit 1 if one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"cold": 1.5, "warm": 0.5}

WHATS = (
    "完成现状调研访谈计划并发送各业务部门确认",
    "收集财务、供应链、生产三大板块的现有系统清单，并标注负责人与上线时间",
    "组织 MES 与 ERP 接口现状梳理研讨会",
    "输出《数字化成熟度评估问卷》初稿",
    "确认项目周例会时间与参会人范围",
    "提供近三年经营数据与 KPI 指标口径说明",
    "搭建项目协作空间（企业微信群 + 共享盘）",
    "安排 1W（总经理）访谈时间，确认其核心诉求",
    "梳理集团 IT 组织架构与人员编制",
    "整理 SAP S/4HANA 升级历史问题清单",
)
WHYS = ("为需求分析阶段提供输入", "确保调研覆盖全部关键业务", "识别系统集成风险", "")
WHOS = ("王建国", "李娜", "赵磊", "周婷", "陈敏", "刘洋（客户 IT）", "")
WHERES = ("客户总部 3 楼会议室", "线上（腾讯会议）", "共享盘 /01-调研", "")
HOWS = ("邮件发送并电话确认", "一对一访谈，每场 60 分钟", "现场工作坊", "")

LABELS: dict[str, Any] = {
    "document_title": "会议纪要",
    "project": "项目名称",
    "meeting": "会议名称",
    "meeting_type": "会议类型",
    "date_time": "会议时间",
    "place": "会议地点",
    "scribe": "记录人",
    "attendees": "参会人员",
    "agenda": "会议议程",
    "decisions": "会议决议",
    "notes": "会议要点",
    "previous_actions": "上次会议待办回顾",
    "actions": "待办事项",
    "column_number": "序号",
    "column_what": "事项",
    "column_why": "目的",
    "column_who": "负责人",
    "column_when": "完成时间",
    "column_where": "地点",
    "column_how": "方式",
    "column_status": "状态",
    "column_history": "进展记录",
    "none": "无",
    "incomplete": "待定",
    "incomplete_legend": "“待定”：该事项尚未明确负责人或完成时间。",
    "page": "第 {page} 页 / 共 {total} 页",
    "date": "{year}年{month_name}{day}日",
    "month_names": tuple(f"{month}月" for month in range(1, 13)),
    "table_date": "{year}-{mm}-{dd}",
    "history_date": "{mm}-{dd}",
    "time_range": "{start}–{end}",
    "history_step": "{date} {status}",
    "history_separator": " → ",
    "list_separator": "、",
    "attendee_organisation": "{name}（{organisation}）",
    "agenda_presenter": "（{presenter}）",
    "agenda_duration": "（{minutes} 分钟）",
    "agenda_presenter_duration": "（{presenter}，{minutes} 分钟）",
    "item_number": "{n}.",
}


def make_minutes(actions: int) -> Any:
    sys.path.insert(0, str(ROOT))
    from pm_desktop.core.enums import (
        ActionStatus,
        Attendance,
        MeetingStatus,
        MeetingType,
        MinuteKind,
    )
    from pm_desktop.core.meetings import (
        ActionEntry,
        AgendaEntry,
        Attendee,
        MeetingSummary,
        MinuteNote,
        Minutes,
        StatusChange,
    )

    statuses = list(ActionStatus)
    start = datetime(2024, 11, 18, 1, 30, tzinfo=UTC)
    items = tuple(
        ActionEntry(
            id=f"a{i}",
            number=i + 1,
            what=f"{WHATS[i % len(WHATS)]}（第 {i + 1} 项）",
            why=WHYS[i % len(WHYS)],
            who=WHOS[i % len(WHOS)],
            due_on=None if i % 9 == 4 else date(2024, 11, 20) + timedelta(days=i % 23),
            where=WHERES[i % len(WHERES)],
            how=HOWS[i % len(HOWS)],
            status=statuses[i % len(statuses)],
        )
        for i in range(actions)
    )
    previous = tuple(
        ActionEntry(
            id=f"p{i}",
            number=i + 1,
            what=f"上次会议待办：{WHATS[i]}",
            why="",
            who=WHOS[i],
            due_on=date(2024, 11, 15),
            where="",
            how="",
            status=ActionStatus.DONE,
            history=(
                StatusChange(ActionStatus.OPEN, start - timedelta(days=8)),
                StatusChange(ActionStatus.IN_PROGRESS, start - timedelta(days=5)),
                StatusChange(ActionStatus.DONE, start - timedelta(days=1)),
            ),
        )
        for i in range(5)
    )
    names = ("王建国", "吴刚", "李娜", "赵磊", "周婷", "陈敏", "刘洋", "Michael Chen")
    attendance = (Attendance.PRESENT, Attendance.ABSENT, Attendance.PRESENT, Attendance.EXCUSED)
    return Minutes(
        project_name="华东某制造集团数字化转型咨询项目",
        meeting=MeetingSummary(
            id="m1",
            project_id="p1",
            meeting_type=MeetingType.KICKOFF,
            title="项目启动会",
            series="",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            location="客户总部 A 座 3 楼第一会议室",
            status=MeetingStatus.CLOSED,
            scribe="李娜",
        ),
        attendees=tuple(
            Attendee(f"t{i}", name, attendance[i % len(attendance)]) for i, name in enumerate(names)
        ),
        agenda=tuple(
            AgendaEntry(f"g{i}", f"议题 {i + 1}：{WHATS[i]}", WHOS[i], 15) for i in range(5)
        ),
        decisions=tuple(
            MinuteNote(f"d{i}", MinuteKind.DECISION, f"决议 {i + 1}：{WHATS[i]}。")
            for i in range(4)
        ),
        notes=tuple(
            MinuteNote(f"n{i}", MinuteKind.NOTE, f"要点 {i + 1}：{WHYS[i]}。") for i in range(3)
        ),
        actions=items,
        previous_actions=previous,
    )


def export(minutes: Any, out: Path) -> float:
    """Seconds to import the export module (if not yet), register the fonts and write."""
    start = time.perf_counter()
    from pm_desktop.core.enums import ActionStatus, Attendance, MeetingType
    from pm_desktop.export.minutes_pdf import MinutesLabels, write_minutes_pdf

    labels = MinutesLabels(
        **LABELS,
        statuses={s: s.value for s in ActionStatus},
        meeting_types={t: t.value for t in MeetingType},
        attendance={a: a.value for a in Attendance},
    )
    write_minutes_pdf(minutes, labels, out)
    return time.perf_counter() - start


def child(mode: str, out: Path, actions: int, runs: int) -> None:
    minutes = make_minutes(actions)  # made before the clock starts
    assert "reportlab" not in sys.modules
    assert "pm_desktop.export.minutes_pdf" not in sys.modules
    first = export(minutes, out)
    result: dict[str, Any] = {"cold": first}
    if mode == "warm":
        result["warm"] = [export(minutes, out) for _ in range(runs)]
    print(json.dumps(result))


def run_child(mode: str, out: Path, actions: int, runs: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", mode, "--out", str(out)]
    command += ["--actions", str(actions), "--warm-runs", str(runs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--warm-runs", type=int, default=7)
    parser.add_argument("--actions", type=int, default=50)
    parser.add_argument("--child", choices=["cold", "warm"], help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.out, args.actions, args.warm_runs)
        return 0

    with tempfile.TemporaryDirectory(prefix="pm-bench-pdf-") as tmp:
        out = Path(tmp) / "minutes.pdf"
        run_child("cold", out, args.actions, 0)  # warm the OS file cache (font, modules)
        cold = [run_child("cold", out, args.actions, 0)["cold"] for _ in range(args.cold_runs)]
        warm_result = run_child("warm", out, args.actions, args.warm_runs)
        pages = len(re.findall(rb"/Type /Page(?![a-zA-Z])", out.read_bytes()))
        size = out.stat().st_size
    figures = {"cold": statistics.median(cold), "warm": statistics.median(warm_result["warm"])}
    print(f"PDF minutes, {args.actions} action items ({pages} pages, {size / 1024:.0f} KiB)")
    print(
        f"  cold: {figures['cold'] * 1000:6.0f} ms  median of {args.cold_runs} new processes "
        f"({', '.join(f'{c * 1000:.0f}' for c in cold)} ms): import + fonts + build + write"
    )
    print(
        f"  warm: {figures['warm'] * 1000:6.0f} ms  median of {args.warm_runs} builds in one "
        f"process after its first ({warm_result['cold'] * 1000:.0f} ms)"
    )
    failed = False
    for name, target in TARGETS.items():
        met = figures[name] <= target
        failed |= not met
        print(f"  {name} target <= {target:.1f} s: {'met' if met else 'MISSED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
