"""A realistic sample project in Chinese, for ``pm-desktop demo`` and for trying the app out.

Everything is made in one unit of work through the ORM, so change capture logs every row as if a
user had typed it. Dates are relative to today: the contract was signed (T) a few weeks ago, the
kickoff, a research workshop and three weekly status meetings are behind us, the solution report
is ahead. The data is in literal tables at the top; the functions below only wire it together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from pm_desktop.core.enums import (
    ActionStatus,
    Attendance,
    Attitude,
    DemandStatus,
    DependencyKind,
    MailState,
    MeetingStatus,
    MeetingType,
    MinuteKind,
    PersonKind,
    PoolEventKind,
    ProjectType,
    Raci,
    RoleClass,
    ServiceOrderType,
    TouchpointChannel,
)
from pm_desktop.core.projects import ProjectSummary
from pm_desktop.core.work_calendar import WorkCalendar
from pm_desktop.services.projects import project_summary
from pm_desktop.storage.base import new_id
from pm_desktop.storage.database import DEVICE_KEY
from pm_desktop.storage.models import (
    ActionItem,
    ActionStatusChange,
    AgendaItem,
    CalendarException,
    Demand,
    LocalMeta,
    Meeting,
    MeetingAttendee,
    MinuteEntry,
    OutboxMessage,
    OutboxRecipient,
    Person,
    PlanTask,
    PoolEvent,
    Project,
    RaciEntry,
    Stakeholder,
    TaskAssignment,
    TaskDependency,
    TeamAssignment,
    TeamTemplate,
    TemplateRole,
    Touchpoint,
    Unavailability,
    WorkingCalendar,
)

try:
    LOCAL_TZ: tzinfo = ZoneInfo("Asia/Shanghai")
except ZoneInfoNotFoundError:  # pragma: no cover - no tz database (Windows without tzdata)
    LOCAL_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")  # no DST since 1991

#: T, the contract signing, is this many calendar days before today: the kickoff comes before the
#: three latest Mondays' weekly meetings even when a Golden Week delays it.
SIGNED_DAYS_AGO = 35
FEN_PER_YUAN = 100

PROJECT_NAME = "华东某制造集团数字化转型咨询项目"
CLIENT = "华东某制造集团"
PROJECT_CODE = "DT-2026-017"
PROJECT_DESCRIPTION = (
    "以生产计划协同与供应链可视化为切入点，为集团制定数字化转型蓝图与三年实施路线图，"
    "并通过试点项目验证价值；合同签订后6个月内完成知识转移，建立持续改进机制。"
)
OUR_COMPANY = "启明数智咨询"
CLIENT_MAIL = "client.example"  # a reserved domain: nothing queued by the demo is ever delivered
OUR_MAIL = "qiming.example"


# --- Stakeholders (干系人) ------------------------------------------------------------------


class StakeholderRow(NamedTuple):
    key: str
    name: str
    title: str
    role: RoleClass
    power: int
    interest: int
    attitude: Attitude
    reports_to: str | None
    email: str
    notes: str


# fmt: off
STAKEHOLDERS: tuple[StakeholderRow, ...] = (
    StakeholderRow(
        "gm", "王建国", "总经理", RoleClass.ONE_W, 5, 4, Attitude.SUPPORTER, None,
        "wang.jianguo", "项目最终决策人与受益人；不用系统，但每月要看一页纸的进展与价值。"),
    StakeholderRow(
        "bizdir", "李红梅", "业务总监（客户方项目负责人）", RoleClass.STRONG_C, 4, 5,
        Attitude.SUPPORTER, "gm",
        "li.hongmei", "强C：推动立项，想以本项目打造集团数字化标杆，年底向集团汇报。"),
    StakeholderRow(
        "cio", "陈志强", "信息中心主任", RoleClass.IT_OWNER, 3, 4, Attitude.NEUTRAL, "gm",
        "chen.zhiqiang", "关注数据安全与ERP/MES投资保护；账号与接口由其审批。"),
    StakeholderRow(
        "plan", "赵敏", "生产计划部经理", RoleClass.KEY_USER, 2, 5, Attitude.SUPPORTER,
        "bizdir", "zhao.min", "关键用户：排产依赖Excel，痛点最多，愿意投入时间。"),
    StakeholderRow(
        "scm", "孙磊", "供应链管理部主管", RoleClass.KEY_USER, 2, 4, Attitude.NEUTRAL,
        "bizdir", "sun.lei", "关键用户：缺料停线问题的直接责任部门。"),
    StakeholderRow(
        "buyer", "周静", "采购部经理", RoleClass.PROCUREMENT, 3, 2, Attitude.NEUTRAL, "gm",
        "zhou.jing", "负责合同付款节点与验收材料。"),
    StakeholderRow(
        "vpm", "吴刚", "生产副总经理", RoleClass.OTHER, 4, 3, Attitude.OPPONENT, "gm",
        "wu.gang", "担心调研和试点影响旺季生产，怀疑外部咨询；需PD重点沟通。"),
)

#: (stakeholder, demand, status, recorded this many days after T)
DEMANDS: tuple[tuple[str, str, DemandStatus, int], ...] = (
    ("gm", "三年内建成数字化工厂，运营成本下降10%，交付周期缩短20%。",
     DemandStatus.RECORDED, -12),
    ("gm", "每月一页纸汇报项目进展与价值，不看长篇报告。", DemandStatus.ADDRESSED, 7),
    ("bizdir", "以本项目打造集团数字化标杆，年底在集团经营会上汇报阶段成果。",
     DemandStatus.RECORDED, -12),
    ("bizdir", "调研与研讨避开月底结账与排产高峰，不影响业务部门正常工作。",
     DemandStatus.ADDRESSED, 7),
)

#: (stakeholder, days after T, channel, our people, what was said)
TOUCHPOINTS: tuple[tuple[str, int, TouchpointChannel, str, str], ...] = (
    ("gm", -20, TouchpointChannel.VISIT, "张伟（PD）",
     "签约前拜访总经理，了解集团数字化战略与对咨询项目的期望。"),
    ("gm", 6, TouchpointChannel.MEETING, "张伟（PD）、刘洋（PM）",
     "启动会前单独沟通30分钟，确认三个核心期望：降本、提效、可视化。"),
    ("bizdir", -12, TouchpointChannel.MEAL, "张伟（PD）",
     "合同交底后工作餐，了解其在集团内的目标与对项目组的支持方式。"),
    ("bizdir", 12, TouchpointChannel.CALL, "刘洋（PM）",
     "沟通调研访谈排期，确认避开月底结账周。"),
    ("bizdir", 26, TouchpointChannel.MESSAGE, "刘洋（PM）",
     "微信同步调研报告初稿进度与研讨会初步安排。"),
    ("cio", 3, TouchpointChannel.MEETING, "陈静（架构师）",
     "沟通系统只读账号与数据接口的审批流程。"),
    ("vpm", 15, TouchpointChannel.VISIT, "张伟（PD）",
     "车间拜访，听取其对项目影响生产的顾虑；承诺调研安排在非高峰时段。"),
)
# fmt: on


# --- Resource pool (资源池) and team model (组队模型) ------------------------------------------


class PersonRow(NamedTuple):
    key: str
    name: str
    company: str
    kind: PersonKind
    skills: tuple[str, ...]
    day_rate_yuan: int
    month_rate_yuan: int
    phone: str


PARTNER = "华策管理咨询有限公司"
ODC = "蓝海信息技术服务（ODC）"

# fmt: off
PEOPLE: tuple[PersonRow, ...] = (
    PersonRow("zhangwei", "张伟", OUR_COMPANY, PersonKind.INTERNAL,
              ("项目总监", "制造业", "数字化战略"), 6000, 110000, "138 0000 0101"),
    PersonRow("liuyang", "刘洋", OUR_COMPANY, PersonKind.INTERNAL,
              ("项目管理", "PMP", "制造业"), 3500, 65000, "138 0000 0102"),
    PersonRow("chenjing", "陈静", OUR_COMPANY, PersonKind.INTERNAL,
              ("企业架构", "ERP", "MES", "数据治理"), 4500, 85000, "138 0000 0103"),
    PersonRow("huanglei", "黄磊", OUR_COMPANY, PersonKind.INTERNAL,
              ("业务分析", "流程梳理", "需求分析"), 2800, 52000, "138 0000 0104"),
    PersonRow("yangfan", "杨帆", PARTNER, PersonKind.PARTNER,
              ("精益生产", "供应链", "研讨会引导"), 3000, 56000, "139 0000 0201"),
    PersonRow("xuting", "徐婷", PARTNER, PersonKind.PARTNER,
              ("变革管理", "培训", "知识转移"), 2600, 48000, "139 0000 0202"),
    PersonRow("machao", "马超", ODC, PersonKind.OUTSOURCED,
              ("数据分析", "Python", "BI报表"), 1800, 33000, "137 0000 0301"),
    PersonRow("guoxiao", "郭晓", ODC, PersonKind.OUTSOURCED,
              ("运维", "Linux", "数据库"), 1500, 28000, "137 0000 0302"),
)

#: (person, kind, days after T, note, about this project)
POOL_EVENTS: tuple[tuple[str, PoolEventKind, int, str, bool], ...] = (
    ("zhangwei", PoolEventKind.ENTERED, -400, "交付中心咨询线入池。", False),
    ("liuyang", PoolEventKind.ENTERED, -380, "交付中心项目经理入池。", False),
    ("chenjing", PoolEventKind.ENTERED, -300, "架构师入池。", False),
    ("huanglei", PoolEventKind.ENTERED, -200, "业务分析师入池。", False),
    ("yangfan", PoolEventKind.ENTERED, -150, "合作伙伴顾问入池（框架协议）。", False),
    ("xuting", PoolEventKind.ENTERED, -150, "合作伙伴顾问入池（框架协议）。", False),
    ("machao", PoolEventKind.ENTERED, -90, "ODC数据分析资源入池。", False),
    ("guoxiao", PoolEventKind.ENTERED, -240, "ODC运维资源入池。", False),
    ("huanglei", PoolEventKind.TRAINED, -60, "完成制造业数字化咨询方法论培训。", False),
    ("machao", PoolEventKind.TRAINED, -30, "完成交付规范与信息安全培训。", False),
    ("liuyang", PoolEventKind.ASSIGNED, 0, "分派至本项目任项目经理。", True),
    ("chenjing", PoolEventKind.RED, 14, "客户书面表扬：接口评估准备充分。", True),
    ("machao", PoolEventKind.BLACK, 21, "未告知缺席周例会，数据提取延期两天。", True),
    ("guoxiao", PoolEventKind.LEFT, -20, "上一运维项目结束出池。", False),
    ("guoxiao", PoolEventKind.SETTLED, -10, "完成上一项目结算。", False),
)

#: (person, starts this many days after T, days, reason)
UNAVAILABILITY: tuple[tuple[str, int, int, str], ...] = (
    ("huanglei", 45, 3, "年假"),
    ("chenjing", 33, 2, "参加公司架构评审委员会"),
    ("yangfan", 60, 5, "支持另一客户研讨会"),
)
# fmt: on


class RoleRow(NamedTuple):
    key: str
    name: str
    headcount: int
    reviews: bool
    responsibilities: str


TEMPLATE_NAME = "咨询项目标准组队"
TEMPLATE_DESCRIPTION = "数字化转型/客户成功咨询项目的标准配置；经交付总监评审。"

# fmt: off
TEMPLATE_ROLES: tuple[RoleRow, ...] = (
    RoleRow("pd", "项目总监（PD）", 1, True,
            "评审关键交付物；维护与1W、强C的高层关系；负责升级与重大决策。"),
    RoleRow("pm", "项目经理（PM）", 1, False,
            "主计划与资源计划；主持周例会，纪要与5W1H行动项；进度、风险与变更。"),
    RoleRow("architect", "架构师", 1, True,
            "负责数字化蓝图与目标架构；评审方案的技术可行性。"),
    RoleRow("ba", "业务分析师（BA）", 1, False,
            "组织调研访谈；梳理现状流程与痛点；编写调研报告。"),
    RoleRow("consultant", "顾问", 2, False,
            "引导业务研讨会；参与方案设计；实施知识转移与培训。"),
)
# fmt: on


class AssignmentRow(NamedTuple):
    person: str
    role: str
    starts: int  # days after T
    ends: int
    allocation_pct: int
    order_type: ServiceOrderType
    package_price_yuan: int | None = None
    service_days: int | None = None


# fmt: off
TEAM: tuple[AssignmentRow, ...] = (
    AssignmentRow("zhangwei", "pd", 0, 182, 20, ServiceOrderType.A),
    AssignmentRow("liuyang", "pm", 0, 182, 100, ServiceOrderType.A),
    AssignmentRow("chenjing", "architect", 20, 120, 50, ServiceOrderType.D),  # month rate
    AssignmentRow("huanglei", "ba", 0, 62, 100, ServiceOrderType.D),
    AssignmentRow("yangfan", "consultant", 30, 62, 60, ServiceOrderType.B,
                  package_price_yuan=180_000),
    AssignmentRow("xuting", "consultant", 70, 88, 100, ServiceOrderType.D),  # < 22 days: day rate
    AssignmentRow("machao", "consultant", 10, 120, 50, ServiceOrderType.C, service_days=30),
)

R, A, C, I = Raci.RESPONSIBLE, Raci.ACCOUNTABLE, Raci.CONSULTED, Raci.INFORMED  # noqa: E741
#: work item -> {person: R/A/C/I}
RACI: dict[str, dict[str, Raci]] = {
    "调研报告": {"huanglei": R, "liuyang": A, "chenjing": C, "zhangwei": I},
    "数字化转型蓝图方案": {"chenjing": R, "zhangwei": A, "yangfan": C, "liuyang": I},
    "周报与会议纪要": {"liuyang": R, "zhangwei": A, "huanglei": I},
    "知识转移培训": {"xuting": R, "liuyang": A, "yangfan": C, "zhangwei": I},
}
# fmt: on


# --- Master plan (主计划), in working days after T ---------------------------------------------


class TaskRow(NamedTuple):
    """A WBS row as baselined at the kickoff. A summary row's span is the seed's target for the
    phase; its current span is its children's."""

    wbs: str
    name: str
    offset: int
    duration: int
    milestone: bool = False
    after: tuple[str, ...] = ()  # finish-to-start predecessors
    lag: int = 0  # working days after the predecessors finish
    slip: int = 0  # working days it takes longer than baselined
    notes: str = ""


M = True  # a milestone
# fmt: off
PLAN: tuple[TaskRow, ...] = (
    TaskRow("1", "项目准备", 0, 5),
    TaskRow("1.1", "合同交底与项目移交", 0, 2),
    TaskRow("1.2", "组建项目团队、资源进场", 2, 2, after=("1.1",)),
    TaskRow("1.3", "内部启动会", 4, 0, M, after=("1.2",)),
    TaskRow("1.4", "项目启动会", 5, 0, M, after=("1.3",)),
    TaskRow("2", "调研与需求分析", 5, 17),
    TaskRow("2.1", "现状调研访谈（高层、业务部门、信息中心）", 5, 7, after=("1.4",)),
    TaskRow("2.2", "业务流程与数据现状梳理、痛点诊断", 12, 5, after=("2.1",), slip=3,
            notes="系统账号与运营数据晚到，比基线多用3个工作日。"),
    TaskRow("2.3", "调研报告编写", 17, 3, after=("2.2",)),
    TaskRow("2.4", "调研报告客户确认", 22, 0, M, after=("2.3",), lag=2),
    TaskRow("3", "研讨会与方案设计", 22, 22),
    TaskRow("3.1", "业务研讨会（生产计划、供应链、数据）", 22, 8, after=("2.4",)),
    TaskRow("3.2", "数字化转型蓝图与目标架构设计", 30, 10, after=("3.1",)),
    TaskRow("3.3", "方案汇报材料准备与内部评审", 40, 3, after=("3.2",)),
    TaskRow("3.4", "方案汇报", 44, 0, M, after=("3.3",), lag=1),
    TaskRow("4", "执行规划与监控", 44, 44),
    TaskRow("4.1", "实施路线图与项目群规划", 44, 10, after=("3.4",)),
    TaskRow("4.2", "试点项目执行监控", 54, 30, after=("4.1",)),
    TaskRow("4.3", "阶段评审与路线图校准", 84, 4, after=("4.2",)),
    TaskRow("4.4", "执行规划评审通过", 88, 0, M, after=("4.3",)),
    TaskRow("5", "知识转移与持续改进", 44, 88),
    TaskRow("5.1", "知识转移计划", 44, 5, after=("3.4",)),
    TaskRow("5.2", "关键用户培训与赋能", 49, 30, after=("5.1",)),
    TaskRow("5.3", "持续改进机制建立", 79, 40, after=("5.2",)),
    TaskRow("5.4", "项目总结与验收准备", 119, 10, after=("5.3", "4.4")),
    TaskRow("5.5", "项目验收", 132, 0, M, after=("5.4",), lag=3),
)

#: (task, person, units %)
TASK_ASSIGNMENTS: tuple[tuple[str, str, int], ...] = (
    ("1.1", "liuyang", 100), ("2.1", "huanglei", 100), ("2.1", "yangfan", 50),
    ("2.2", "huanglei", 100), ("2.3", "huanglei", 100), ("3.2", "chenjing", 80),
    ("4.2", "liuyang", 50), ("5.2", "xuting", 100),
)
# fmt: on

CALENDAR_NAME = "中国大陆（法定节假日与调休）- 客户现场"


# --- Meetings (会议), minutes and 5W1H action items ------------------------------------------


class ActionRow(NamedTuple):
    what: str
    why: str
    who: str | None  # a stakeholder or person key; None: not assigned yet (incomplete)
    due_in: int | None  # calendar days after the meeting; None: no date yet (incomplete)
    where: str
    how: str
    status: ActionStatus


class MeetingRow(NamedTuple):
    key: str
    meeting_type: MeetingType
    title: str
    when: str  # "2.1+3": a plan task's start plus working days; "monday-7": see meeting_day
    hours: tuple[str, str]  # local start and end
    location: str
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    invited: tuple[str, ...] = ()  # not held yet
    agenda: tuple[tuple[str, str, int], ...] = ()  # title, presenter, minutes
    minutes: tuple[tuple[int | None, MinuteKind, str], ...] = ()  # agenda index, kind, text
    actions: tuple[ActionRow, ...] = ()
    series: str = ""
    notes: str = ""


DEC, NOTE = MinuteKind.DECISION, MinuteKind.NOTE
DONE, DOING, OPEN = ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.OPEN
WEEKLY = "周例会"
WEEKLY_ROOM = "客户总部3楼小会议室 + 腾讯会议"
SCRIBE = "黄磊"

# fmt: off
MEETINGS: tuple[MeetingRow, ...] = (
    MeetingRow(
        "kickoff", MeetingType.KICKOFF, "项目启动会", "1.4", ("14:00", "16:30"),
        "客户总部3楼第一会议室",
        present=("gm", "bizdir", "cio", "plan", "scm", "zhangwei", "liuyang", "chenjing",
                 "huanglei"),
        absent=("buyer", "vpm"),
        agenda=(
            ("项目背景与期望", "王建国", 15),
            ("项目范围、方法与主计划", "刘洋", 40),
            ("组织架构与沟通机制", "刘洋", 20),
            ("客户方要求与配合事项", "李红梅", 20),
            ("风险与下一步安排", "张伟", 20),
        ),
        minutes=(
            (0, NOTE, "总经理强调项目要“看得见效果”：每月一页纸汇报进展与价值。"),
            (1, DEC, "目标：以计划协同与供应链可视化切入，6个月内形成转型蓝图与试点路线图。"),
            (1, DEC, "主计划以T为基准：调研T+1月，方案T+2月，规划T+4月，知识转移T+2至6月。"),
            (2, DEC, "客户方负责人李红梅，我方项目经理刘洋；每周一14:00开周例会。"),
            (3, DEC, "交付物由客户在收到后5个工作日内书面确认。"),
            (4, NOTE, "生产副总吴刚因车间检修未出席，会后由PD单独沟通其顾虑。"),
        ),
        actions=(
            ActionRow("发布项目章程与双方组织架构（含关键用户名单）", "明确职责与沟通机制",
                      "liuyang", 3, "项目共享盘", "按启动会确认版更新，邮件发送全体", DONE),
            ActionRow("确认各业务部门调研访谈对象与时间", "保证调研按计划开展",
                      "bizdir", 2, "客户总部", "业务总监发通知，PM汇总排期", DONE),
            ActionRow("开通调研所需系统只读账号（ERP、MES、WMS）", "现状分析需要系统访问",
                      "cio", 5, "信息中心", "按最小权限申请，VPN同步开通", DOING),
            ActionRow("提供近两年生产计划与库存运营数据", "量化痛点、建立价值基线",
                      "plan", 10, "数据交换平台", "按数据清单导出，敏感字段脱敏", DOING),
            ActionRow("与总经理确认三个核心期望并写入项目目标", "1W的诉求要落到目标里",
                      "zhangwei", 3, "总经理办公室", "PD单独沟通30分钟，更新章程", DONE),
            ActionRow("建立周例会与周报机制", "保持节奏，问题及时升级",
                      "liuyang", 1, "线上+现场", "每周一14:00例会，周五发周报", DONE),
        ),
        notes="1W出席并讲话；生产副总缺席，需会后沟通。",
    ),
    MeetingRow(
        "workshop", MeetingType.WORKSHOP, "现状调研研讨会：生产计划与供应链", "2.1+3",
        ("09:30", "12:00"), "客户总部5楼研讨室",
        present=("bizdir", "plan", "scm", "liuyang", "huanglei", "yangfan", "chenjing"),
        absent=("cio",),
        agenda=(
            ("生产计划现状与排产方式", "赵敏", 40),
            ("缺料停线案例回顾", "孙磊", 40),
            ("痛点汇总与优先级", "杨帆", 40),
        ),
        minutes=(
            (0, NOTE, "排产主要依赖Excel，计划员每天约3小时手工汇总ERP与MES数据。"),
            (1, NOTE, "近半年因缺料停线7次，其中5次与供应商交期信息不透明有关。"),
            (2, DEC, "痛点优先级：计划协同 > 物料齐套可视 > 数据口径统一。"),
        ),
        actions=(
            ActionRow("整理生产计划现状流程图（As-Is）", "作为调研报告的基础",
                      "huanglei", 4, "项目共享盘", "泳道图，标注系统与手工环节", DONE),
            ActionRow("收集近6个月缺料停线案例与损失数据", "量化供应链痛点",
                      "scm", 7, "供应链管理部", "按模板填写时间、物料、原因、损失", OPEN),
            ActionRow("评估MES与ERP接口现状", "判断数据打通的可行性",
                      "chenjing", 7, "信息中心", "查阅接口文档并访谈信息中心", DONE),
            ActionRow("汇总痛点清单并排序", "研讨会结论落地",
                      "yangfan", 5, "项目共享盘", "影响×频次打分", DONE),
        ),
    ),
    MeetingRow(
        "weekly1", MeetingType.WEEKLY_STATUS, "周例会（第1次）", "monday-14",
        ("14:00", "15:00"), WEEKLY_ROOM, series=WEEKLY,
        present=("bizdir", "plan", "cio", "liuyang", "huanglei", "chenjing", "machao"),
        agenda=(
            ("上周行动项回顾", "刘洋", 15),
            ("调研进展", "黄磊", 20),
            ("问题与风险", "刘洋", 15),
        ),
        minutes=(
            (1, NOTE, "高层与业务部门访谈完成8场，剩余财务部访谈。"),
            (2, NOTE, "系统只读账号审批未完成，影响数据分析启动。"),
            (2, DEC, "账号问题由李红梅协调信息中心本周内解决。"),
        ),
        actions=(
            ActionRow("调研访谈纪要客户确认", "形成双方认可的调研事实",
                      "bizdir", 5, "邮件", "逐份确认，5个工作日内反馈", DONE),
            ActionRow("补充财务部访谈", "成本数据口径需财务确认",
                      "huanglei", 3, "财务部", "1小时访谈，提前发提纲", DONE),
            ActionRow("确认数据接口范围与负责人", "数据分析需要明确口径与来源",
                      None, 7, "信息中心", "信息中心指定对接人后开接口评审", OPEN),
        ),
    ),
    MeetingRow(
        "weekly2", MeetingType.WEEKLY_STATUS, "周例会（第2次）", "monday-7",
        ("14:00", "15:00"), WEEKLY_ROOM, series=WEEKLY,
        present=("bizdir", "plan", "scm", "liuyang", "huanglei", "zhangwei"),
        absent=("cio", "machao"),
        agenda=(
            ("上周行动项回顾", "刘洋", 15),
            ("调研报告进展", "黄磊", 20),
            ("干系人与风险", "张伟", 20),
        ),
        minutes=(
            (1, NOTE, "调研报告框架已与李红梅确认，初稿预计下周完成。"),
            (2, NOTE, "生产副总担心试点影响旺季生产，态度消极。"),
            (2, DEC, "PD安排与生产副总专门沟通，试点选在非旺季产线。"),
        ),
        actions=(
            ActionRow("调研报告初稿", "按计划完成调研阶段",
                      "huanglei", 7, "项目共享盘", "按确认的框架编写，PD评审后提交", DONE),
            ActionRow("与生产副总专门沟通试点安排", "化解反对意见，争取支持",
                      "zhangwei", 5, "生产副总办公室", "带上试点影响评估，面谈", DOING),
            ActionRow("确认合同付款节点所需验收材料", "避免阶段验收后付款受阻",
                      "buyer", 10, "采购部", "对照合同附件列出材料清单", OPEN),
        ),
    ),
    MeetingRow(
        "weekly3", MeetingType.WEEKLY_STATUS, "周例会（第3次）", "monday-0",
        ("14:00", "15:15"), WEEKLY_ROOM, series=WEEKLY,
        present=("bizdir", "plan", "scm", "cio", "liuyang", "huanglei", "yangfan", "machao"),
        agenda=(
            ("上周行动项回顾", "刘洋", 20),
            ("调研报告提交与确认", "黄磊", 15),
            ("业务研讨会安排", "杨帆", 20),
            ("方案汇报准备", "刘洋", 10),
        ),
        minutes=(
            (0, NOTE, "遗留行动项逐项回顾；系统账号与运营数据已延期，列为风险。"),
            (1, DEC, "调研报告已提交，客户5个工作日内书面确认。"),
            (2, DEC, "业务研讨会分3场：生产计划、供应链、数据治理。"),
            (3, NOTE, "方案汇报需总经理出席，时间待总经理办公室回复。"),
        ),
        actions=(
            ActionRow("调研报告客户书面确认", "阶段交付物需客户确认",
                      "bizdir", 7, "邮件", "按意见修订后签字确认", OPEN),
            ActionRow("发出业务研讨会排期与邀请", "确保关键用户参与",
                      "liuyang", 3, "邮件+日历", "避开月底结账周", OPEN),
            ActionRow("确定总经理出席方案汇报的时间", "1W必须参加关键里程碑会议",
                      "liuyang", None, "总经理办公室", "通过李红梅预约", OPEN),
            ActionRow("准备研讨会素材与引导问题", "提高研讨效率",
                      "yangfan", 4, "项目共享盘", "每场准备现状数据与讨论提纲", DOING),
        ),
    ),
    MeetingRow(
        "solution", MeetingType.SOLUTION_REPORT, "方案汇报：数字化转型蓝图与实施路线", "3.4",
        ("09:30", "12:00"), "客户总部12楼董事会议室",
        invited=("gm", "bizdir", "cio", "vpm", "plan", "scm", "zhangwei", "liuyang",
                 "chenjing", "yangfan"),
        agenda=(
            ("调研发现回顾", "黄磊", 20),
            ("数字化转型蓝图与目标架构", "陈静", 45),
            ("三年实施路线图与试点建议", "张伟", 30),
            ("总经理点评与决策", "王建国", 30),
        ),
        notes="会前一周把汇报材料发给李红梅预审；请总经理办公室确认出席。",
    ),
)
# fmt: on


# --- Working days ---------------------------------------------------------------------------


class WorkingDays(WorkCalendar):
    """The project's calendar, as the demo steps through it."""

    def first_on_or_after(self, day: date) -> date:
        return self.add_working_days(day, 0)

    def add(self, day: date, count: int) -> date:
        """The working day ``count`` working days after ``day`` (itself moved to a working day)."""
        return self.add_working_days(day, count)


def local_instant(day: date, hhmm: str) -> datetime:
    """A Beijing-time wall clock reading as a UTC instant."""
    hours, minutes = (int(part) for part in hhmm.split(":"))
    return datetime.combine(day, time(hours, minutes), LOCAL_TZ).astimezone(UTC)


def calendar_exceptions(t: date) -> dict[date, bool]:
    """A site closure and a worked Saturday, a month or two after T."""
    closed = t + timedelta(days=45)
    while closed.weekday() >= 5:
        closed += timedelta(days=1)
    saturday = t + timedelta(days=52 + (5 - (t + timedelta(days=52)).weekday()) % 7)
    return {closed: False, saturday: True}


# --- Building the project -------------------------------------------------------------------


@dataclass
class Demo:
    """What the builders share: the session, the project, T, today and the rows made so far."""

    session: Session
    project: Project
    t: date
    today: date
    now: datetime
    days: WorkingDays
    stakeholders: dict[str, Stakeholder]
    people: dict[str, Person]

    @property
    def pid(self) -> str:
        return self.project.id

    def add(self, rows: Iterable[object]) -> None:
        self.session.add_all(rows)
        self.session.flush()

    def span(self, offset: int, duration: int) -> tuple[date, date]:
        """First and last day of ``duration`` working days from the ``offset``-th after T."""
        start = self.days.add(self.t, offset)
        return start, self.days.add(start, max(duration - 1, 0))

    def owner(self, key: str | None) -> tuple[str, str | None, str | None]:
        """(name, stakeholder id, person id) of a stakeholder or person key."""
        if key is None:
            return "", None, None
        if key in self.stakeholders:
            return self.stakeholders[key].name, self.stakeholders[key].id, None
        return self.people[key].name, None, self.people[key].id


def create_demo_project(
    sessions: sessionmaker[Session], *, today: date | None = None
) -> ProjectSummary:
    """Create the sample project, its team, plan, meetings and minutes; return the project.

    ``today`` (default: the real today) is what the dates are relative to.
    """
    now = datetime.now(UTC)
    if today is None:
        today = date.today()
    else:
        now = min(now, local_instant(today, "12:00"))
    t = today - timedelta(days=SIGNED_DAYS_AGO)
    exceptions = calendar_exceptions(t)
    with sessions.begin() as session:
        calendar = _add_calendar(session, exceptions)
        project = Project(
            name=PROJECT_NAME,
            client=CLIENT,
            code=PROJECT_CODE,
            project_type=ProjectType.CONSULTING,
            contract_signed_on=t,
            calendar_id=calendar.id,
            description=PROJECT_DESCRIPTION,
        )
        session.add(project)
        session.flush()
        demo = Demo(session, project, t, today, now, WorkingDays(exceptions), {}, {})
        _add_stakeholders(demo)
        _add_pool(demo)
        _add_team(demo)
        tasks = _add_plan(demo)
        meetings = _add_meetings(demo, tasks)
        _add_minutes_mail(demo, meetings)
        return project_summary(project)


def _add_calendar(session: Session, exceptions: dict[date, bool]) -> WorkingCalendar:
    calendar = WorkingCalendar(
        name=CALENDAR_NAME,
        country="CN",
        notes="法定节假日与调休按国务院办公厅通知；另含客户园区的停工日与周末加班日。",
    )
    session.add(calendar)
    session.flush()
    reasons = {False: "客户园区年度安全检查，现场停工一天", True: "方案汇报前周六集中评审（加班）"}
    session.add_all(
        CalendarException(
            calendar_id=calendar.id, on_date=day, is_working=working, reason=reasons[working]
        )
        for day, working in sorted(exceptions.items())
    )
    session.flush()
    return calendar


def _add_stakeholders(demo: Demo) -> None:
    for row in STAKEHOLDERS:  # in table order, so a boss always comes before their reports
        demo.stakeholders[row.key] = Stakeholder(
            id=new_id(),
            project_id=demo.pid,
            name=row.name,
            organisation=CLIENT,
            title=row.title,
            role_class=row.role,
            power=row.power,
            interest=row.interest,
            attitude=row.attitude,
            email=f"{row.email}@{CLIENT_MAIL}",
            reports_to_id=demo.stakeholders[row.reports_to].id if row.reports_to else None,
            notes=row.notes,
        )
    demo.add(demo.stakeholders.values())
    demo.add(
        Demand(
            project_id=demo.pid,
            stakeholder_id=demo.stakeholders[key].id,
            text=text,
            status=status,
            recorded_on=demo.t + timedelta(days=days),
        )
        for key, text, status, days in DEMANDS
    )
    demo.add(
        Touchpoint(
            project_id=demo.pid,
            stakeholder_id=demo.stakeholders[key].id,
            occurred_on=demo.t + timedelta(days=days),
            channel=channel,
            our_people=ours,
            summary=summary,
        )
        for key, days, channel, ours, summary in TOUCHPOINTS
    )


def _add_pool(demo: Demo) -> None:
    """The team-wide resource pool: people (no project), their history and leave."""
    for row in PEOPLE:
        demo.people[row.key] = Person(
            project_id=None,
            name=row.name,
            company=row.company,
            kind=row.kind,
            skills=list(row.skills),
            day_rate_fen=row.day_rate_yuan * FEN_PER_YUAN,
            month_rate_fen=row.month_rate_yuan * FEN_PER_YUAN,
            email=f"{row.key}@{OUR_MAIL}",
            phone=row.phone,
        )
    demo.add(demo.people.values())
    demo.add(
        PoolEvent(
            project_id=None,
            person_id=demo.people[key].id,
            kind=kind,
            occurred_on=demo.t + timedelta(days=days),
            note=note,
            about_project_id=demo.pid if about else None,
        )
        for key, kind, days, note, about in POOL_EVENTS
    )
    demo.add(
        Unavailability(
            project_id=None,
            person_id=demo.people[key].id,
            starts_on=demo.t + timedelta(days=start),
            ends_on=demo.t + timedelta(days=start + length - 1),
            reason=reason,
        )
        for key, start, length, reason in UNAVAILABILITY
    )


def _add_team(demo: Demo) -> None:
    """The consulting team model, the project's staffing under service orders, and RACI."""
    template = TeamTemplate(  # the project's own copy: its team is checked against it
        project_id=demo.project.id,
        name=TEMPLATE_NAME,
        project_type=ProjectType.CONSULTING,
        description=TEMPLATE_DESCRIPTION,
    )
    demo.add([template])
    roles = {
        row.key: TemplateRole(
            project_id=template.project_id,  # the project's copy: its roles are the project's
            template_id=template.id,
            name=row.name,
            headcount=row.headcount,
            reviews=row.reviews,
            responsibilities=row.responsibilities,
            sort_order=index,
        )
        for index, row in enumerate(TEMPLATE_ROLES)
    }
    demo.add(roles.values())
    demo.add(
        TeamAssignment(
            project_id=demo.pid,
            person_id=demo.people[row.person].id,
            role_name=roles[row.role].name,
            template_role_id=roles[row.role].id,
            starts_on=demo.t + timedelta(days=row.starts),
            ends_on=demo.t + timedelta(days=row.ends),
            allocation_pct=row.allocation_pct,
            service_order_type=row.order_type,
            package_price_fen=None
            if row.package_price_yuan is None
            else row.package_price_yuan * FEN_PER_YUAN,
            service_days=row.service_days,
        )
        for row in TEAM
    )
    demo.add(
        RaciEntry(project_id=demo.pid, work_item=item, person_id=demo.people[key].id, raci=raci)
        for item, cells in RACI.items()
        for key, raci in cells.items()
    )


def schedule(plan: Sequence[TaskRow]) -> dict[str, tuple[int, int]]:
    """Current (start, duration) in working days after T: a task starts at its offset or when
    its predecessors are finished, whichever is later; a summary task spans its children."""
    parents = {row.wbs.rpartition(".")[0] for row in plan}
    current: dict[str, tuple[int, int]] = {}
    for row in plan:
        if row.wbs not in parents:
            ready = [sum(current[before]) + row.lag for before in row.after]
            current[row.wbs] = (max([row.offset, *ready]), row.duration + row.slip)
    for row in reversed(plan):  # children first
        if row.wbs in parents:
            spans = [current[c.wbs] for c in plan if c.wbs.rpartition(".")[0] == row.wbs]
            start = min(s for s, _ in spans)
            current[row.wbs] = (start, max(s + max(d, 1) for s, d in spans) - start)
    return current


def _add_plan(demo: Demo) -> dict[str, PlanTask]:
    """WBS tasks with baseline and current dates on the working calendar, progress as of today,
    finish-to-start links and a few task assignments."""
    tasks: dict[str, PlanTask] = {}
    siblings: dict[str | None, int] = {}
    current = schedule(PLAN)
    for row in PLAN:
        parent = row.wbs.rpartition(".")[0] or None
        siblings[parent] = siblings.get(parent, 0) + 1
        baseline = demo.span(row.offset, row.duration)
        offset, duration = current[row.wbs]
        start, finish = demo.span(offset, duration)
        tasks[row.wbs] = PlanTask(
            id=new_id(),
            project_id=demo.pid,
            parent_id=tasks[parent].id if parent else None,
            wbs_code=row.wbs,
            name=row.name,
            sort_order=siblings[parent],
            is_milestone=row.milestone,
            duration_days=duration,
            offset_days=row.offset,
            start_on=start,
            finish_on=finish,
            baseline_start_on=baseline[0],
            baseline_finish_on=baseline[1],
            baseline_duration_days=row.duration,
            percent_complete=_progress(demo, start, finish, duration),
            notes=row.notes,
        )
    for row in reversed(PLAN):  # a summary's progress is its children's, weighted by duration
        children = [t for t in tasks.values() if t.parent_id == tasks[row.wbs].id]
        if children:
            weights = [max(t.duration_days, 1) for t in children]
            done = sum(t.percent_complete * w for t, w in zip(children, weights, strict=True))
            tasks[row.wbs].percent_complete = round(done / sum(weights))
    demo.add(tasks.values())
    demo.add(
        TaskDependency(
            project_id=demo.pid,
            predecessor_id=tasks[before].id,
            successor_id=tasks[row.wbs].id,
            kind=DependencyKind.FINISH_TO_START,
            lag_days=row.lag,
        )
        for row in PLAN
        for before in row.after
    )
    demo.add(
        TaskAssignment(
            project_id=demo.pid,
            task_id=tasks[wbs].id,
            person_id=demo.people[key].id,
            units_pct=units,
        )
        for wbs, key, units in TASK_ASSIGNMENTS
    )
    return tasks


def _progress(demo: Demo, start: date, finish: date, duration: int) -> int:
    """Percent complete as if the plan had been kept until today."""
    if finish < demo.today:
        return 100
    if start >= demo.today or duration == 0:
        return 0
    done = sum(
        demo.days.is_working(start + timedelta(days=n)) for n in range((demo.today - start).days)
    )
    return min(95, round(100 * done / duration))


def meeting_day(demo: Demo, tasks: dict[str, PlanTask], when: str) -> date:
    """A plan task's start plus working days ("2.1+3"), or the last Monday before today minus
    calendar days ("monday-7"), moved to the next working day."""
    if when.startswith("monday-"):
        monday = demo.today - timedelta(days=demo.today.weekday() or 7)
        return demo.days.first_on_or_after(monday - timedelta(days=int(when[7:])))
    wbs, _, shift = when.partition("+")
    start = tasks[wbs].start_on
    assert start is not None
    return demo.days.add(start, int(shift or 0))


def _add_meetings(demo: Demo, tasks: dict[str, PlanTask]) -> dict[str, Meeting]:
    """Meetings with attendance, agenda and minutes; then their action items, in date order."""
    meetings: dict[str, Meeting] = {}
    for row in MEETINGS:
        day = meeting_day(demo, tasks, row.when)
        if not row.invited and day >= demo.today:  # held meetings stay past, whatever holidays
            day = _last_working_day_before(demo, demo.today)
        past = day < demo.today
        meetings[row.key] = Meeting(
            id=new_id(),
            project_id=demo.pid,
            meeting_type=row.meeting_type,
            title=row.title,
            series=row.series,
            starts_at=local_instant(day, row.hours[0]),
            ends_at=local_instant(day, row.hours[1]),
            location=row.location,
            status=MeetingStatus.CLOSED if past else MeetingStatus.PLANNED,
            scribe=SCRIBE,
            notes=row.notes,
        )
    demo.add(meetings.values())
    for row in MEETINGS:
        _add_meeting_content(demo, meetings[row.key], row)
    _add_actions(demo, meetings)
    return meetings


def _last_working_day_before(demo: Demo, day: date) -> date:
    day -= timedelta(days=1)
    while not demo.days.is_working(day):
        day -= timedelta(days=1)
    return day


def _add_meeting_content(demo: Demo, meeting: Meeting, row: MeetingRow) -> None:
    attendees = []
    attendance_of = {
        **dict.fromkeys(row.present, Attendance.PRESENT),
        **dict.fromkeys(row.absent, Attendance.ABSENT),
        **dict.fromkeys(row.invited, Attendance.INVITED),
    }
    for key, attendance in attendance_of.items():
        name, stakeholder_id, person_id = demo.owner(key)
        email = demo.stakeholders[key].email if stakeholder_id else demo.people[key].email
        attendees.append(
            MeetingAttendee(
                project_id=demo.pid,
                meeting_id=meeting.id,
                stakeholder_id=stakeholder_id,
                person_id=person_id,
                name=name,
                email=email,
                attendance=attendance,
            )
        )
    agenda = [
        AgendaItem(
            id=new_id(),
            project_id=demo.pid,
            meeting_id=meeting.id,
            title=title,
            presenter=presenter,
            duration_min=minutes,
            sort_order=index,
            done=meeting.status == MeetingStatus.CLOSED,
        )
        for index, (title, presenter, minutes) in enumerate(row.agenda)
    ]
    demo.add([*attendees, *agenda])
    demo.add(
        MinuteEntry(
            project_id=demo.pid,
            meeting_id=meeting.id,
            agenda_item_id=None if item is None else agenda[item].id,
            kind=kind,
            text=text,
            sort_order=index,
        )
        for index, (item, kind, text) in enumerate(row.minutes)
    )


def _add_actions(demo: Demo, meetings: dict[str, Meeting]) -> None:
    """5W1H actions; open ones from earlier meetings were reviewed (carried) at the latest one."""
    closed = sorted(
        (m for m in meetings.values() if m.status == MeetingStatus.CLOSED),
        key=lambda m: m.starts_at,
    )
    latest = closed[-1]
    for row in MEETINGS:
        meeting = meetings[row.key]
        day = meeting.starts_at.astimezone(LOCAL_TZ).date()
        for number, action in enumerate(row.actions, start=1):
            who, stakeholder_id, person_id = demo.owner(action.who)
            due = None if action.due_in is None else day + timedelta(days=action.due_in)
            done_on = min(due or day + timedelta(days=3), demo.today - timedelta(days=1))
            item = ActionItem(
                id=new_id(),
                project_id=demo.pid,
                meeting_id=meeting.id,
                carried_to_meeting_id=(
                    latest.id
                    if action.status != DONE and meeting.starts_at < latest.starts_at
                    else None
                ),
                number=number,
                what=action.what,
                why=action.why,
                who=who,
                owner_stakeholder_id=stakeholder_id,
                owner_person_id=person_id,
                due_on=due,
                where=action.where,
                how=action.how,
                status=action.status,
                completed_on=done_on if action.status == DONE else None,
            )
            demo.add([item])
            demo.add(_history(demo, item, meeting, done_on))


def _history(
    demo: Demo, item: ActionItem, meeting: Meeting, done_on: date
) -> Sequence[ActionStatusChange]:
    """Open when agreed in the meeting, in progress the next morning, done when completed."""
    day = meeting.starts_at.astimezone(LOCAL_TZ).date()
    steps: list[tuple[ActionStatus, datetime, str | None, str]] = [
        (ActionStatus.OPEN, meeting.ends_at or meeting.starts_at, meeting.id, "会上确定"),
    ]
    if item.status in (DOING, DONE):
        steps.append((DOING, local_instant(day + timedelta(days=1), "10:00"), None, "已开始处理"))
    if item.status == DONE:
        steps.append((DONE, local_instant(done_on, "18:00"), None, "已完成"))
    return [
        ActionStatusChange(
            project_id=demo.pid,
            action_id=item.id,
            status=status,
            changed_at=min(at, demo.now),
            meeting_id=meeting_id,
            note=note,
        )
        for status, at, meeting_id, note in steps
    ]


def _add_minutes_mail(demo: Demo, meetings: dict[str, Meeting]) -> None:
    """The latest meeting's minutes, mailed to every attendee, queued while offline on site."""
    key, meeting = max(
        ((k, m) for k, m in meetings.items() if m.status == MeetingStatus.CLOSED),
        key=lambda pair: pair[1].starts_at,
    )
    local_day = meeting.starts_at.astimezone(LOCAL_TZ).date()
    device = demo.session.get(LocalMeta, DEVICE_KEY)
    carried = demo.session.scalars(
        select(ActionItem)
        .where(ActionItem.carried_to_meeting_id == meeting.id)
        .order_by(ActionItem.due_on)
    ).all()
    message = OutboxMessage(
        project_id=demo.pid,
        meeting_id=meeting.id,
        subject=f"【会议纪要】{PROJECT_NAME} {meeting.title} {local_day.isoformat()}",
        body=minutes_text(
            demo, next(row for row in MEETINGS if row.key == key), local_day, carried
        ),
        queued_by_device=device.value if device else "",
        queued_at=(meeting.ends_at or meeting.starts_at) + timedelta(minutes=20),
    )
    demo.add([message])
    attendees = demo.session.scalars(
        select(MeetingAttendee).where(MeetingAttendee.meeting_id == meeting.id)
    )
    demo.add(
        OutboxRecipient(
            project_id=demo.pid,
            message_id=message.id,
            address=a.email,
            name=a.name,
            state=MailState.WAITING,
        )
        for a in attendees
        if a.email
    )


def minutes_text(demo: Demo, row: MeetingRow, day: date, carried: Sequence[ActionItem]) -> str:
    """Plain-text minutes for the mail body: decisions, notes, the numbered actions, then the
    earlier meetings' open actions reviewed in this one."""
    lines = ["各位好：", "", f"以下为{row.title}纪要，行动项已编号列出，请各负责人按期完成。", ""]
    for label, kind in (("决议", DEC), ("记录", NOTE)):
        lines += [f"{label}：", *(f"- {text}" for _, k, text in row.minutes if k == kind), ""]
    lines.append("行动项：")
    for number, action in enumerate(row.actions, start=1):
        who = demo.owner(action.who)[0] or "（待定）"
        due = "（待定）" if action.due_in is None else day + timedelta(days=action.due_in)
        lines.append(f"{number}. {action.what}（负责人：{who}；完成时间：{due}）")
    lines += ["", "遗留行动项（本次会议已回顾）："]
    lines += [f"- {a.what}（负责人：{a.who or '（待定）'}；原定：{a.due_on}）" for a in carried]
    lines += ["", "如有修改意见请于两个工作日内回复。", "", "项目经理 刘洋"]
    return "\n".join(lines)
