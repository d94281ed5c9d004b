"""Build a benchmark database: a synced replica with many projects, a large plan, meetings, actions.

    python bench/gen_dataset.py --size L --db PATH [--seed N] [--force] [--keep-pending]

Size L (XL is four times every count, S a fiftieth, for tests):
  10 projects; a main project with 5,000 plan tasks (a three-level WBS with codes and
  milestones) and 8,000 finish-to-start dependencies, every other project a plan of a fiftieth
  of that; 200 people in the team-wide pool; 500 stakeholders; 2,000 meetings with attendees,
  agenda items and some minute entries; 20,000 5W1H action items. Meetings and actions weigh
  three times as much in the main project as in each other one.

The file is made through ``open_store`` (so it has the real, migrated schema) and written with
``changes.bulk_insert`` (rows plus their change-log entries, as the app would log them). Then the
change log is marked pushed, since the dataset stands for an already-synced replica, unless
``--keep-pending``. Content (ids, names, dates) is a function of the seed; clock stamps and the
device id are not. Dependencies run only from a lower to a higher leaf index, so they are acyclic.

Import it to call :func:`generate` from benchmarks and tests.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import holidays
from sqlalchemy import func, select, update

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from pm_desktop.core.enums import (  # noqa: E402
    ActionStatus,
    Attendance,
    Attitude,
    DemandStatus,
    DependencyKind,
    MeetingStatus,
    MeetingType,
    MinuteKind,
    PersonKind,
    PoolEventKind,
    ProjectType,
    RoleClass,
    ServiceOrderType,
    TouchpointChannel,
)
from pm_desktop.storage.base import Synced  # noqa: E402
from pm_desktop.storage.changes import bulk_insert  # noqa: E402
from pm_desktop.storage.database import open_store  # noqa: E402
from pm_desktop.storage.models import (  # noqa: E402
    ActionItem,
    AgendaItem,
    ChangeLogEntry,
    Demand,
    Meeting,
    MeetingAttendee,
    MinuteEntry,
    Person,
    PlanTask,
    PoolEvent,
    Project,
    Stakeholder,
    TaskAssignment,
    TaskDependency,
    TeamAssignment,
    Touchpoint,
    Unavailability,
)

#: Counts of size L; the other sizes scale every one of them.
L_COUNTS = {
    "projects": 10,
    "plan_tasks": 5_000,  # in the main project
    "task_dependencies": 8_000,  # in the main project
    "people": 200,
    "stakeholders": 500,
    "meetings": 2_000,
    "action_items": 20_000,
}
SCALES = {"S": 1 / 50, "L": 1.0, "XL": 4.0}
MAIN_WEIGHT = 3  # the main project's share of meetings and actions, against 1 for each other
#: "Today" of the dataset, fixed so that a seed always gives the same data.
STATUS_DAY = date(2026, 6, 1)
LOCAL = ZoneInfo("Asia/Shanghai")
CHUNK = 4_000  # rows per bulk insert: bounds memory on XL
Progress = Callable[[str], None]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖" + (
    "田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉晶婷雪琳斌宇浩凯健俊帆楠鑫峰"
COMPANIES_OURS = ("启明数智咨询", "启明数智咨询华东分公司", "启明数智咨询华南分公司")
COMPANIES_PARTNER = ("华策管理咨询有限公司", "云帆软件技术有限公司", "博远信息科技")
COMPANIES_ODC = ("蓝海信息技术服务（ODC）", "东软外包服务中心", "中软国际ODC")
SKILLS = (
    "项目管理", "PMP", "企业架构", "ERP", "MES", "WMS", "数据治理", "BI报表", "Java", "Python",
    "测试", "运维", "Linux", "数据库", "业务分析", "流程梳理", "培训", "变革管理", "供应链", "财务",
)  # fmt: skip
ROLES = (
    "项目总监（PD）", "项目经理（PM）", "架构师", "业务分析师（BA）", "开发工程师",
    "测试工程师", "实施顾问", "运维工程师", "产品经理", "商务",
)  # fmt: skip
CLIENT_PLACES = ("华东", "华南", "华北", "西南", "华中", "东北", "西北")
CLIENT_KINDS = ("制造集团", "零售连锁", "物流集团", "能源公司", "医药集团", "汽车零部件公司")
PROJECT_THEMES = (
    "数字化转型咨询", "ERP实施", "MES二期二开", "供应链协同平台", "数据中台建设",
    "运维服务", "财务共享中心", "智能仓储升级",
)  # fmt: skip
PHASES = (
    "项目准备", "需求调研", "方案设计", "开发实现", "系统测试", "数据迁移", "用户培训",
    "上线切换", "运维支持", "项目验收",
)  # fmt: skip
MODULES = (
    "订单管理", "库存管理", "生产排程", "质量追溯", "设备维护", "财务对账", "采购协同",
    "仓储物流", "主数据", "报表平台", "移动审批", "供应商门户", "成本核算", "能耗监控",
)  # fmt: skip
ACTIVITIES = (
    "需求调研", "方案设计", "详细设计", "开发", "单元测试", "集成测试", "用户验收",
    "数据准备", "上线准备", "操作培训", "文档编写", "评审",
)  # fmt: skip
TITLES = (
    ("总经理", RoleClass.ONE_W), ("业务总监", RoleClass.STRONG_C),
    ("信息中心主任", RoleClass.IT_OWNER), ("IT经理", RoleClass.IT_OWNER),
    ("计划部经理", RoleClass.KEY_USER), ("仓储主管", RoleClass.KEY_USER),
    ("财务经理", RoleClass.KEY_USER), ("质量部经理", RoleClass.KEY_USER),
    ("采购部经理", RoleClass.PROCUREMENT), ("生产副总", RoleClass.OTHER),
    ("法务", RoleClass.OTHER), ("关键用户", RoleClass.KEY_USER),
)  # fmt: skip
VERBS = ("完成", "确认", "提交", "评审", "更新", "协调", "准备", "整理", "跟进", "落实")
OBJECTS = (
    "接口清单", "测试用例", "数据迁移方案", "培训计划", "上线检查表", "用户权限矩阵",
    "需求变更单", "周报", "验收材料", "系统账号", "主数据模板", "报表原型", "风险清单",
)  # fmt: skip
WHYS = ("保证按期上线", "阶段验收需要", "客户要求", "降低上线风险", "避免返工", "支撑付款节点")
HOWS = ("邮件确认", "当面评审", "线上会议过一遍", "按模板填写", "双方签字确认", "在系统中演示")
WHERES = ("客户现场", "项目共享盘", "腾讯会议", "信息中心", "会议室", "测试环境")
MINUTES = (
    "双方确认范围不变，变更走变更流程。", "客户提出需增加移动端审批，待评估。",
    "测试环境本周内由信息中心提供。", "上线时间维持不变。", "风险：关键用户投入不足。",
    "同意采用分批上线策略。", "数据口径以财务部为准。", "下周起每日站会15分钟。",
)  # fmt: skip
AGENDA = (
    "上周行动项回顾",
    "进展汇报",
    "问题与风险",
    "需求变更",
    "下周计划",
    "方案讲解",
    "决策事项",
)
MEETING_TYPES = (
    (MeetingType.WEEKLY_STATUS, 70), (MeetingType.WORKSHOP, 10), (MeetingType.OTHER, 8),
    (MeetingType.SOLUTION_REPORT, 4), (MeetingType.GO_LIVE_REPORT, 3),
    (MeetingType.ACCEPTANCE, 2), (MeetingType.ESCALATION, 3),
)  # fmt: skip
MEETING_TITLES = {
    MeetingType.KICKOFF: "项目启动会",
    MeetingType.WEEKLY_STATUS: "周例会",
    MeetingType.WORKSHOP: "业务研讨会",
    MeetingType.OTHER: "专题会",
    MeetingType.SOLUTION_REPORT: "方案汇报",
    MeetingType.GO_LIVE_REPORT: "上线汇报",
    MeetingType.ACCEPTANCE: "验收会",
    MeetingType.ESCALATION: "客户成功保障会",
}


# --- Small helpers ---------------------------------------------------------------------------


class WorkingDays:
    """Mainland China working days as a list, so that "n working days after" is an index."""

    def __init__(self, first: date, years: int) -> None:
        cn = holidays.country_holidays("CN", years=range(first.year, first.year + years + 1))
        span = (date(first.year + years, 12, 31) - first).days
        days = (first + timedelta(days=n) for n in range(span))
        self.days = [d for d in days if cn.is_working_day(d)]
        self._index = {d: i for i, d in enumerate(self.days)}

    def index_on_or_after(self, day: date) -> int:
        while day not in self._index:
            day += timedelta(days=1)
        return self._index[day]


@dataclass
class Gen:
    """The seeded random source and what later tables refer to."""

    rng: random.Random
    workdays: WorkingDays
    projects: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    team: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # project -> people
    stakeholders: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    meetings: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def name(self) -> str:
        given = self.rng.choice(GIVEN) + (self.rng.choice(GIVEN) if self.rng.random() < 0.7 else "")
        return self.rng.choice(SURNAMES) + given


def local_instant(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, clock_time(hour, minute), LOCAL).astimezone(UTC)


def scaled(size: str) -> dict[str, int]:
    scale = SCALES[size]
    counts = {key: max(1, round(value * scale)) for key, value in L_COUNTS.items()}
    counts["projects"] = max(2, counts["projects"])
    counts["stakeholders"] = max(2 * counts["projects"], counts["stakeholders"])
    counts["people"] = max(4, counts["people"])
    return counts


def shares(total: int, projects: int) -> list[int]:
    """``total`` split over projects, the first (main) one weighing MAIN_WEIGHT."""
    weights = [MAIN_WEIGHT] + [1] * (projects - 1)
    parts = [total * w // sum(weights) for w in weights]
    parts[0] += total - sum(parts)
    return parts


def chunks(rows: Sequence[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield list(rows[start : start + CHUNK])


# --- Generators, one per table group --------------------------------------------------------


def gen_projects(g: Gen, count: int) -> list[dict[str, Any]]:
    rows = []
    for n in range(count):
        pid = g.id()
        client = f"{g.rng.choice(CLIENT_PLACES)}某{g.rng.choice(CLIENT_KINDS)}"
        theme = "数字化转型咨询" if n == 0 else g.rng.choice(PROJECT_THEMES)
        signed = STATUS_DAY - timedelta(days=300 if n == 0 else g.rng.randint(20, 400))
        rows.append(
            {
                "id": pid,
                "project_id": pid,
                "name": f"{client}{theme}项目" + ("（主项目）" if n == 0 else f"-{n:03d}"),
                "client": client,
                "code": f"BM-{n:04d}",
                "project_type": ProjectType.CONSULTING
                if n == 0
                else g.rng.choice(list(ProjectType)),
                "contract_signed_on": signed,
                "calendar_id": None,
                "archived": n > 0 and g.rng.random() < 0.1,
                "description": f"基准数据集项目 {n}",
            }
        )
    g.projects = rows
    return rows


def gen_people(g: Gen, count: int) -> dict[str, list[dict[str, Any]]]:
    people, events, leave = [], [], []
    for n in range(count):
        kind = g.rng.choices(list(PersonKind), weights=(5, 3, 2))[0]
        company = g.rng.choice(
            {PersonKind.INTERNAL: COMPANIES_OURS, PersonKind.PARTNER: COMPANIES_PARTNER,
             PersonKind.OUTSOURCED: COMPANIES_ODC}[kind]
        )  # fmt: skip
        day_rate = g.rng.randrange(1200, 6000, 100)
        person = {
            "id": g.id(),
            "project_id": None,
            "name": g.name(),
            "company": company,
            "kind": kind,
            "skills": g.rng.sample(SKILLS, g.rng.randint(1, 4)),
            "day_rate_fen": day_rate * 100,
            "month_rate_fen": day_rate * 19 * 100,
            "email": f"p{n:05d}@people.example",
            "phone": f"1{g.rng.randint(3, 9)}{g.rng.randint(0, 999_999_999):09d}",
            "notes": "",
        }
        people.append(person)
        entered = STATUS_DAY - timedelta(days=g.rng.randint(30, 900))
        events.append(
            {"id": g.id(), "project_id": None, "person_id": person["id"],
             "kind": PoolEventKind.ENTERED, "occurred_on": entered, "note": "入池",
             "about_project_id": None}
        )  # fmt: skip
        for _ in range(g.rng.choice((0, 0, 1, 2))):
            start = STATUS_DAY + timedelta(days=g.rng.randint(-120, 180))
            leave.append(
                {"id": g.id(), "project_id": None, "person_id": person["id"],
                 "starts_on": start, "ends_on": start + timedelta(days=g.rng.randint(0, 9)),
                 "reason": g.rng.choice(("年假", "培训", "支持其他项目", "病假"))}
            )  # fmt: skip
    g.people = people
    return {"people": people, "pool_events": events, "unavailability": leave}


def gen_team(g: Gen) -> list[dict[str, Any]]:
    """Each project's team: a slice of the pool, bigger for the main project."""
    rows = []
    for n, project in enumerate(g.projects):
        size = min(len(g.people), 40 if n == 0 else g.rng.randint(3, 12))
        members = g.rng.sample(g.people, size)
        g.team[project["id"]] = members
        for person in members:
            start = project["contract_signed_on"] + timedelta(days=g.rng.randint(0, 60))
            order = g.rng.choice(list(ServiceOrderType))
            rows.append(
                {
                    "id": g.id(),
                    "project_id": project["id"],
                    "person_id": person["id"],
                    "role_name": g.rng.choice(ROLES),
                    "template_role_id": None,
                    "starts_on": start,
                    "ends_on": start + timedelta(days=g.rng.randint(10, 400)),
                    "allocation_pct": g.rng.choice((20, 50, 80, 100, 100)),
                    "service_order_type": order,
                    "package_price_fen": 150_000_00 if order == ServiceOrderType.B else None,
                    "service_days": g.rng.randint(10, 60) if order == ServiceOrderType.C else None,
                }
            )
    return rows


def gen_stakeholders(g: Gen, counts: list[int]) -> dict[str, list[dict[str, Any]]]:
    """Per project: exactly one 1W and one strong-C first, then the others reporting to them."""
    stakeholders: list[dict[str, Any]] = []
    demands: list[dict[str, Any]] = []
    touchpoints: list[dict[str, Any]] = []
    for project, count in zip(g.projects, counts, strict=True):
        rows: list[dict[str, Any]] = []
        for n in range(count):
            title, role = TITLES[n] if n < 2 else g.rng.choice(TITLES[2:])
            boss = None if n == 0 else rows[0 if n == 1 else g.rng.randrange(min(n, 4))]["id"]
            rows.append(
                {
                    "id": g.id(),
                    "project_id": project["id"],
                    "name": g.name(),
                    "organisation": project["client"],
                    "title": title,
                    "role_class": role,
                    "power": 5 if n == 0 else 4 if n == 1 else g.rng.randint(1, 4),
                    "interest": g.rng.randint(2, 5),
                    "attitude": Attitude.SUPPORTER if n < 2 else g.rng.choice(list(Attitude)),
                    "email": f"s{len(stakeholders) + n:05d}@client.example",
                    "phone": "",
                    "reports_to_id": boss,
                    "notes": "",
                }
            )
        for row in rows[:2]:
            demands.append(
                {"id": g.id(), "project_id": project["id"], "stakeholder_id": row["id"],
                 "text": "项目按期上线并看到经营数据改善。", "status": DemandStatus.RECORDED,
                 "recorded_on": project["contract_signed_on"]}
            )  # fmt: skip
        for row in rows:
            for _ in range(g.rng.randint(0, 4)):
                touchpoints.append(
                    {"id": g.id(), "project_id": project["id"], "stakeholder_id": row["id"],
                     "occurred_on": project["contract_signed_on"]
                     + timedelta(days=g.rng.randint(-30, 200)),
                     "channel": g.rng.choice(list(TouchpointChannel)),
                     "our_people": g.name(), "summary": g.rng.choice(MINUTES),
                     "follow_up_action_id": None}
                )  # fmt: skip
        g.stakeholders[project["id"]] = rows
        stakeholders += rows
    return {"stakeholders": stakeholders, "demands": demands, "touchpoints": touchpoints}


@dataclass
class Plan:
    tasks: list[dict[str, Any]]
    dependencies: list[dict[str, Any]]
    assignments: list[dict[str, Any]]


def gen_plan(g: Gen, project: dict[str, Any], n_tasks: int, n_deps: int, span: int) -> Plan:
    """A three-level WBS in preorder; leaves spread over ``span`` working days in leaf order.

    Dependencies join a leaf to an earlier leaf that finishes before it starts, so they run from
    a lower to a higher leaf index and the plan's dates already satisfy them.
    """
    rng = g.rng
    phases = max(1, n_tasks // 500)
    packages = max(phases, n_tasks // 50)
    leaves = max(packages, n_tasks - phases - packages)
    t0 = g.workdays.index_on_or_after(project["contract_signed_on"])
    status = g.workdays.index_on_or_after(STATUS_DAY)
    pid = project["id"]
    tasks: list[dict[str, Any]] = []
    leaf_rows: list[dict[str, Any]] = []
    leaf_spans: list[tuple[int, int]] = []  # (start, finish) in working days after T, inclusive
    leaf_no = 0
    for p in range(phases):
        phase = _task(g, pid, None, f"{p + 1}", f"{PHASES[p % len(PHASES)]}（{p + 1}）", order=p)
        tasks.append(phase)
        my_packages = range(p * packages // phases, (p + 1) * packages // phases)
        for k, w in enumerate(my_packages):
            code = f"{p + 1}.{k + 1}"
            package = _task(g, pid, phase["id"], code, f"{MODULES[w % len(MODULES)]}", order=k)
            tasks.append(package)
            my_leaves = range(w * leaves // packages, (w + 1) * leaves // packages)
            for j, _ in enumerate(my_leaves):
                milestone = j == len(my_leaves) - 1
                name = f"{package['name']}{'完成' if milestone else rng.choice(ACTIVITIES)}"
                leaf = _task(g, pid, package["id"], f"{code}.{j + 1}", name, order=j)
                start = leaf_no * span // leaves + rng.randint(0, 3)
                duration = 0 if milestone else rng.randint(1, 8)
                leaf_spans.append((start, start + max(duration, 1) - 1))
                leaf.update(is_milestone=milestone, duration_days=duration)
                tasks.append(leaf)
                leaf_rows.append(leaf)
                leaf_no += 1
    for leaf, (start, finish) in zip(leaf_rows, leaf_spans, strict=True):
        _set_dates(g, leaf, t0 + start, t0 + finish, status)
    _summaries(g, tasks, status)
    dependencies = _dependencies(g, pid, leaf_rows, leaf_spans, n_deps)
    team = g.team[pid]
    assignments = [
        {"id": g.id(), "project_id": pid, "task_id": leaf["id"],
         "person_id": rng.choice(team)["id"], "units_pct": rng.choice((50, 100, 100))}
        for leaf in leaf_rows
        if not leaf["is_milestone"]
    ]  # fmt: skip
    for leaf in leaf_rows:  # tasks with no predecessor start at their offset from T
        leaf["offset_days"] = None
    successors = {d["successor_id"] for d in dependencies}
    for leaf, (start, _) in zip(leaf_rows, leaf_spans, strict=True):
        if leaf["id"] not in successors:
            leaf["offset_days"] = start
    return Plan(tasks, dependencies, assignments)


def _task(
    g: Gen, pid: str, parent: str | None, code: str, name: str, *, order: int
) -> dict[str, Any]:
    return {
        "id": g.id(),
        "project_id": pid,
        "parent_id": parent,
        "wbs_code": code,
        "name": name,
        "sort_order": order,
        "is_milestone": False,
        "duration_days": 1,
        "offset_days": None,
        "start_on": None,
        "finish_on": None,
        "baseline_start_on": None,
        "baseline_finish_on": None,
        "baseline_duration_days": None,
        "percent_complete": 0,
        "notes": "",
    }


def _set_dates(g: Gen, task: dict[str, Any], start: int, finish: int, status: int) -> None:
    days = g.workdays.days
    slip = g.rng.randint(1, 5) if g.rng.random() < 0.15 else 0
    if status > finish:
        percent = 100
    elif status <= start or task["is_milestone"]:
        percent = 0
    else:
        percent = min(95, 100 * (status - start) // (finish - start + 1))
    task.update(
        start_on=days[start],
        finish_on=days[finish],
        baseline_start_on=days[start - slip],
        baseline_finish_on=days[finish - slip],
        baseline_duration_days=task["duration_days"],
        percent_complete=percent,
    )


def _summaries(g: Gen, tasks: list[dict[str, Any]], status: int) -> None:
    """Spans of summary tasks from their children (tasks are in preorder: children follow)."""
    index = g.workdays._index
    children: dict[str, list[dict[str, Any]]] = {}
    for task in tasks:
        if task["parent_id"]:
            children.setdefault(task["parent_id"], []).append(task)
    for task in reversed(tasks):
        kids = children.get(task["id"])
        if not kids:
            continue
        start = min(index[k["start_on"]] for k in kids)
        finish = max(index[k["finish_on"]] for k in kids)
        task["duration_days"] = finish - start + 1
        task["offset_days"] = None
        _set_dates(g, task, start, finish, status)


def _dependencies(
    g: Gen,
    pid: str,
    leaves: list[dict[str, Any]],
    spans: list[tuple[int, int]],
    count: int,
) -> list[dict[str, Any]]:
    """``count`` FS links from a lower to a higher leaf index, each predecessor finishing before
    its successor starts; mostly to recent leaves, some across the plan."""
    rng = g.rng
    pairs: set[tuple[int, int]] = set()
    attempts = 0
    while len(pairs) < count and attempts < count * 30:
        attempts += 1
        b = rng.randrange(1, len(leaves))
        reach = 60 if rng.random() < 0.9 else b
        a = rng.randrange(max(0, b - reach), b)
        if spans[a][1] < spans[b][0]:
            pairs.add((a, b))
    return [
        {"id": g.id(), "project_id": pid, "predecessor_id": leaves[a]["id"],
         "successor_id": leaves[b]["id"], "kind": DependencyKind.FINISH_TO_START,
         "lag_days": 0}
        for a, b in sorted(pairs, key=lambda pair: (pair[1], pair[0]))
    ]  # fmt: skip


def gen_meetings(g: Gen, counts: list[int]) -> dict[str, list[dict[str, Any]]]:
    meetings, attendees, agenda, minutes = [], [], [], []
    kinds, weights = zip(*MEETING_TYPES, strict=True)
    for project, count in zip(g.projects, counts, strict=True):
        pid = project["id"]
        start = project["contract_signed_on"] + timedelta(days=7)
        days = sorted(start + timedelta(days=g.rng.randint(0, 300)) for _ in range(count))
        rows = []
        weekly_no = 0
        for n, day in enumerate(days):
            kind = MeetingType.KICKOFF if n == 0 else g.rng.choices(kinds, weights)[0]
            weekly_no += kind == MeetingType.WEEKLY_STATUS
            title = MEETING_TITLES[kind]
            if kind == MeetingType.WEEKLY_STATUS:
                title = f"{title}（第{weekly_no}次）"
            hour = g.rng.choice((9, 10, 14, 15, 16))
            rows.append(
                {
                    "id": g.id(),
                    "project_id": pid,
                    "meeting_type": kind,
                    "title": title,
                    "series": "周例会" if kind == MeetingType.WEEKLY_STATUS else "",
                    "starts_at": local_instant(day, hour),
                    "ends_at": local_instant(day, hour + g.rng.choice((1, 1, 2))),
                    "location": g.rng.choice(WHERES),
                    "status": MeetingStatus.CLOSED if day < STATUS_DAY else MeetingStatus.PLANNED,
                    "scribe": g.name(),
                    "notes": "",
                }
            )
        people = [("s", s) for s in g.stakeholders[pid]] + [("p", p) for p in g.team[pid]]
        for meeting in rows:
            closed = meeting["status"] == MeetingStatus.CLOSED
            for kind_, who in g.rng.sample(people, min(len(people), g.rng.randint(3, 9))):
                attendees.append(
                    {"id": g.id(), "project_id": pid, "meeting_id": meeting["id"],
                     "stakeholder_id": who["id"] if kind_ == "s" else None,
                     "person_id": who["id"] if kind_ == "p" else None,
                     "name": who["name"], "email": who["email"],
                     "attendance": (g.rng.choice((Attendance.PRESENT,) * 5 + (Attendance.ABSENT,))
                                    if closed else Attendance.INVITED)}
                )  # fmt: skip
            items = [
                {"id": g.id(), "project_id": pid, "meeting_id": meeting["id"], "title": title,
                 "presenter": g.name(), "duration_min": g.rng.choice((10, 15, 20, 30)),
                 "sort_order": n, "done": closed}
                for n, title in enumerate(g.rng.sample(AGENDA, g.rng.randint(2, 5)))
            ]  # fmt: skip
            agenda += items
            if closed and g.rng.random() < 0.6:
                for n in range(g.rng.randint(1, 4)):
                    minutes.append(
                        {"id": g.id(), "project_id": pid, "meeting_id": meeting["id"],
                         "agenda_item_id": g.rng.choice(items)["id"],
                         "kind": g.rng.choice(list(MinuteKind)),
                         "text": g.rng.choice(MINUTES), "sort_order": n}
                    )  # fmt: skip
        g.meetings[pid] = rows
        meetings += rows
    return {
        "meetings": meetings,
        "meeting_attendees": attendees,
        "agenda_items": agenda,
        "minute_entries": minutes,
    }


def gen_actions(g: Gen, counts: list[int]) -> list[dict[str, Any]]:
    """5W1H actions from each project's meetings (held ones mostly); some without who or due;
    open ones from before the latest held weekly meeting carried to it."""
    rows = []
    for project, count in zip(g.projects, counts, strict=True):
        pid = project["id"]
        meetings = g.meetings[pid]
        held = [m for m in meetings if m["status"] == MeetingStatus.CLOSED]
        sources = held or meetings
        weekly = [m for m in held if m["series"]]
        latest = max(weekly, key=lambda m: m["starts_at"]) if weekly else None
        numbers: dict[str, int] = {}
        owners = [("s", s) for s in g.stakeholders[pid]] + [("p", p) for p in g.team[pid]]
        for _ in range(count):
            meeting = g.rng.choice(sources)
            numbers[meeting["id"]] = numbers.get(meeting["id"], 0) + 1
            day = meeting["starts_at"].astimezone(LOCAL).date()
            due = None if g.rng.random() < 0.08 else day + timedelta(days=g.rng.randint(1, 21))
            kind, owner = g.rng.choice(owners)
            if g.rng.random() < 0.1:
                kind, owner = "", {"id": None, "name": ""}
            if due is not None and due < STATUS_DAY:
                status = g.rng.choices(list(ActionStatus), weights=(10, 8, 78, 4))[0]
            else:
                status = g.rng.choices(list(ActionStatus), weights=(60, 30, 8, 2))[0]
            done = status == ActionStatus.DONE
            carried = (
                latest is not None
                and status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
                and meeting["starts_at"] < latest["starts_at"]
            )
            rows.append(
                {
                    "id": g.id(),
                    "project_id": pid,
                    "meeting_id": meeting["id"],
                    "carried_to_meeting_id": latest["id"] if carried and latest else None,
                    "number": numbers[meeting["id"]],
                    "what": f"{g.rng.choice(VERBS)}{g.rng.choice(OBJECTS)}",
                    "why": g.rng.choice(WHYS),
                    "who": owner["name"],
                    "owner_stakeholder_id": owner["id"] if kind == "s" else None,
                    "owner_person_id": owner["id"] if kind == "p" else None,
                    "due_on": due,
                    "where": g.rng.choice(WHERES),
                    "how": g.rng.choice(HOWS),
                    "status": status,
                    "completed_on": min(due or day, STATUS_DAY) if done else None,
                }
            )
    return rows


# --- Writing ---------------------------------------------------------------------------------


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def generate(
    path: Path,
    size: str,
    seed: int,
    *,
    keep_pending: bool = False,
    progress: Progress = _to_stderr,
) -> dict[str, int]:
    """Build the dataset in a new file at ``path``; return the row count of every table written.

    Raises FileExistsError if ``path`` exists (the caller decides whether to delete it).
    """
    if size not in SCALES:
        raise ValueError(f"unknown size {size!r}; choose one of {', '.join(SCALES)}")
    if path.exists():
        raise FileExistsError(path)
    counts = scaled(size)
    g = Gen(random.Random(seed), WorkingDays(STATUS_DAY - timedelta(days=3 * 365), 6))
    store = open_store(path)
    written: dict[str, int] = {}

    def write(model: type[Synced], rows: Sequence[dict[str, Any]]) -> None:
        began = time.perf_counter()
        with store.sessions.begin() as session:
            for chunk in chunks(rows):
                bulk_insert(session, model, chunk)
        table = model.__tablename__
        written[table] = written.get(table, 0) + len(rows)
        progress(f"  {table:<22} {len(rows):>8,} rows  {time.perf_counter() - began:6.2f} s")

    try:
        progress(f"generating size {size} (seed {seed}) into {path}")
        write(Project, gen_projects(g, counts["projects"]))
        pool = gen_people(g, counts["people"])
        write(Person, pool["people"])
        write(PoolEvent, pool["pool_events"])
        write(Unavailability, pool["unavailability"])
        write(TeamAssignment, gen_team(g))
        talks = gen_stakeholders(g, _even(counts["stakeholders"], counts["projects"]))
        write(Stakeholder, talks["stakeholders"])
        write(Demand, talks["demands"])
        write(Touchpoint, talks["touchpoints"])
        plans = [
            gen_plan(g, project, *plan_size(counts, main=n == 0))
            for n, project in enumerate(g.projects)
        ]
        write(PlanTask, [task for plan in plans for task in plan.tasks])
        write(TaskDependency, [dep for plan in plans for dep in plan.dependencies])
        write(TaskAssignment, [a for plan in plans for a in plan.assignments])
        talks = gen_meetings(g, shares(counts["meetings"], counts["projects"]))
        write(Meeting, talks["meetings"])
        write(MeetingAttendee, talks["meeting_attendees"])
        write(AgendaItem, talks["agenda_items"])
        write(MinuteEntry, talks["minute_entries"])
        write(ActionItem, gen_actions(g, shares(counts["action_items"], counts["projects"])))
        with store.sessions.begin() as session:
            if not keep_pending:
                pushed = update(ChangeLogEntry).values(pushed=True)
                session.execute(pushed.execution_options(synchronize_session=False))
            written["change_log"] = (
                session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0
            )
    finally:
        store.close()  # the last connection to close checkpoints the WAL into the file
    return written


def plan_size(counts: dict[str, int], *, main: bool) -> tuple[int, int, int]:
    """Tasks, dependencies and span in working days of the main or another project's plan."""
    if main:
        return counts["plan_tasks"], counts["task_dependencies"], 500
    return max(5, counts["plan_tasks"] // 50), max(4, counts["task_dependencies"] // 50), 120


def _even(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if n < total % parts else 0) for n in range(parts)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", choices=tuple(SCALES), default="L")
    parser.add_argument("--db", type=Path, required=True, help="the database file to create")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.add_argument("--keep-pending", action="store_true", help="leave the change log unpushed")
    args = parser.parse_args(argv)
    path: Path = args.db.expanduser().absolute()
    if path.exists():
        if not args.force:
            print(f"{path} exists; use --force to overwrite it", file=sys.stderr)
            return 1
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    began = time.perf_counter()
    written = generate(path, args.size, args.seed, keep_pending=args.keep_pending)
    elapsed = time.perf_counter() - began
    for table, rows in written.items():
        print(f"{table:<24} {rows:>10,}")
    print(
        f"size {args.size}, seed {args.seed}: {elapsed:.1f} s, {path.stat().st_size / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
