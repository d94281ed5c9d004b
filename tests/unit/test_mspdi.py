"""The master plan as Microsoft Project XML: written for Project, read from Project,
ProjectLibre and GanttProject."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from pm_desktop.core.errors import ExportError
from pm_desktop.core.plan_exchange import (
    PlanDependency,
    PlanDocument,
    PlanEntry,
    PlanFileError,
    PlanResource,
)
from pm_desktop.core.work_calendar import WorkCalendar
from pm_desktop.export.mspdi import NAMESPACE, read_mspdi, write_mspdi

DATA = Path(__file__).resolve().parents[1] / "data" / "plans"
NS = {"p": NAMESPACE}
T = date(2024, 9, 27)  # a Friday before the National Day holiday


def sample() -> PlanDocument:
    return PlanDocument(
        entries=(
            PlanEntry("1", "项目准备", 1, duration_days=4, wbs_code="1"),
            PlanEntry(
                "2",
                "合同交底",
                2,
                duration_days=2,
                offset_days=0,
                wbs_code="1.1",
                resources=(PlanResource("王磊"), PlanResource("李娜", 50)),
                percent_complete=100,
            ),
            PlanEntry("3", "项目启动会", 2, 0, is_milestone=True, wbs_code="1.2"),
            PlanEntry("4", "需求调研", 1, duration_days=12, wbs_code="2"),
            PlanEntry(
                "5",
                "现状调研",
                2,
                duration_days=10,
                offset_days=5,
                wbs_code="2.1",
                notes="按部门访谈 <销售> & “客服”\n客户5个工作日内确认",
                percent_complete=35,
                resources=(PlanResource("张伟", 25),),
            ),
            PlanEntry("6", "方案汇报", 1, 0, is_milestone=True, wbs_code="3"),
        ),
        dependencies=(
            PlanDependency("2", "3"),
            PlanDependency("3", "5", 2),
            PlanDependency("5", "6", -1),
            PlanDependency("2", "6"),
        ),
        name="华东制造MES",
        contract_signed_on=T,
        resources=("王磊", "李娜", "张伟", "赵敏"),
    )


def leaves(doc: PlanDocument) -> list[tuple[object, ...]]:
    pairs = zip(doc.entries, doc.entries[1:], strict=False)
    summaries = {a.key for a, b in pairs if b.outline_level > a.outline_level}
    return [
        (
            e.name,
            e.outline_level,
            e.wbs_code,
            None if e.key in summaries else e.duration_days,
            e.is_milestone,
            e.percent_complete,
            e.notes,
            e.resources,
        )
        for e in doc.entries
    ]


def write_xml(path: Path, body: str, *, root: str = f'<Project xmlns="{NAMESPACE}">') -> Path:
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n{root}\n{body}\n</Project>\n', encoding="utf-8"
    )
    return path


def task(uid: int, name: str = "任务", extra: str = "") -> str:
    return (
        f"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{name}</Name><OutlineLevel>1</OutlineLevel>"
        f"<Duration>PT8H0M0S</Duration>{extra}</Task>"
    )


# --- writing and reading back ------------------------------------------------------------


def test_round_trip_with_calendar(tmp_path: Path) -> None:
    doc, calendar = sample(), WorkCalendar()
    out = tmp_path / "主计划.xml"
    write_mspdi(doc, out, calendar=calendar)
    back = read_mspdi(out, calendar=calendar)
    assert leaves(back) == leaves(doc)
    assert [e.key for e in back.entries] == ["1", "2", "3", "4", "5", "6"]
    assert set(back.dependencies) == set(doc.dependencies)
    assert back.resources == doc.resources
    assert back.name == "华东制造MES"
    assert back.contract_signed_on == T
    assert back.warnings == ()
    # offsets come back through the Start No Earlier Than constraints
    assert [e.offset_days for e in back.entries] == [None, 0, None, None, 5, None]
    # T + 5 working days: 09-29 (a Sunday worked), 09-30, then after National Day (10-01..07)
    assert back.entries[4].start_on == date(2024, 10, 10)


def test_round_trip_without_calendar(tmp_path: Path) -> None:
    out = tmp_path / "plan.xml"
    write_mspdi(sample(), out)
    back = read_mspdi(out)
    assert leaves(back) == leaves(sample())
    assert set(back.dependencies) == set(sample().dependencies)
    assert back.entries[4].offset_days is None
    assert back.entries[4].start_on == date(2024, 10, 4)  # Monday to Friday only


def test_written_file_follows_mspdi(tmp_path: Path) -> None:
    out = tmp_path / "plan.xml"
    write_mspdi(sample(), out, calendar=WorkCalendar())
    assert out.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"')
    root = ET.parse(out).getroot()
    assert root.tag == f"{{{NAMESPACE}}}Project"
    assert root.findtext("p:SaveVersion", namespaces=NS) == "14"
    assert root.findtext("p:StartDate", namespaces=NS) == "2024-09-27T09:00:00"
    assert root.findtext("p:MinutesPerDay", namespaces=NS) == "480"
    tasks = root.findall("p:Tasks/p:Task", NS)
    assert tasks[0].findtext("p:UID", namespaces=NS) == "0"
    assert tasks[0].findtext("p:Summary", namespaces=NS) == "1"
    survey = tasks[5]
    assert survey.findtext("p:Name", namespaces=NS) == "现状调研"
    assert survey.findtext("p:Duration", namespaces=NS) == "PT80H0M0S"
    assert survey.findtext("p:DurationFormat", namespaces=NS) == "7"
    assert survey.findtext("p:ConstraintType", namespaces=NS) == "4"
    assert survey.findtext("p:ConstraintDate", namespaces=NS) == "2024-10-10T09:00:00"
    assert survey.findtext("p:Start", namespaces=NS) == "2024-10-10T09:00:00"
    assert survey.findtext("p:Finish", namespaces=NS) == "2024-10-22T18:00:00"  # 10-12 worked
    link = survey.find("p:PredecessorLink", NS)
    assert link is not None
    assert link.findtext("p:PredecessorUID", namespaces=NS) == "3"
    assert link.findtext("p:Type", namespaces=NS) == "1"
    assert link.findtext("p:LinkLag", namespaces=NS) == "9600"
    assert link.findtext("p:LagFormat", namespaces=NS) == "7"
    assert tasks[1].findtext("p:Summary", namespaces=NS) == "1"
    assert tasks[3].findtext("p:Milestone", namespaces=NS) == "1"
    units = {
        (a.findtext("p:TaskUID", namespaces=NS), a.findtext("p:ResourceUID", namespaces=NS)): (
            a.findtext("p:Units", namespaces=NS)
        )
        for a in root.findall("p:Assignments/p:Assignment", NS)
    }
    assert units == {("2", "1"): "1", ("2", "2"): "0.5", ("5", "3"): "0.25"}
    names = [
        r.findtext("p:Name", namespaces=NS) for r in root.findall("p:Resources/p:Resource", NS)
    ]
    assert names == ["王磊", "李娜", "张伟", "赵敏"]
    exceptions = {
        (
            e.findtext("p:TimePeriod/p:FromDate", namespaces=NS),
            e.findtext("p:DayWorking", namespaces=NS),
        )
        for e in root.findall("p:Calendars/p:Calendar/p:Exceptions/p:Exception", NS)
    }
    assert ("2024-10-01T00:00:00", "0") in exceptions  # National Day
    assert ("2024-10-12T00:00:00", "1") in exceptions  # 调休: a Saturday worked


def test_keys_that_are_not_numbers_get_uids(tmp_path: Path) -> None:
    doc = PlanDocument(
        entries=(PlanEntry("a", "设计", duration_days=3), PlanEntry("b", "开发", duration_days=2)),
        dependencies=(PlanDependency("a", "b", 1),),
        contract_signed_on=T,
    )
    out = tmp_path / "plan.xml"
    write_mspdi(doc, out)
    back = read_mspdi(out)
    assert [e.key for e in back.entries] == ["1", "2"]
    assert back.dependencies == (PlanDependency("1", "2", 1),)


def test_writing_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        write_mspdi(sample(), tmp_path / "missing" / "plan.xml")


# --- reading what other tools write ------------------------------------------------------


def test_projectlibre_file() -> None:
    doc = read_mspdi(DATA / "projectlibre_erp.xml")
    assert doc.name == "ERP实施计划"
    assert doc.contract_signed_on == date(2024, 3, 4)
    assert [(e.key, e.name, e.outline_level) for e in doc.entries] == [
        ("1", "项目准备", 1),
        ("2", "合同交底", 2),
        ("3", "项目启动会", 2),
        ("4", "需求调研", 1),
        ("5", "现状调研", 2),
        ("6", "需求确认", 2),
        ("8", "方案汇报", 1),  # UID 7 is an empty row (IsNull)
    ]
    by_key = {e.key: e for e in doc.entries}
    assert by_key["2"].duration_days == 2
    assert by_key["2"].percent_complete == 100
    assert by_key["3"].is_milestone
    assert by_key["3"].duration_days == 0
    assert by_key["5"].duration_days == 10
    assert by_key["5"].resources == (PlanResource("张伟"), PlanResource("李娜", 50))
    assert by_key["6"].notes == "客户在5个工作日内确认需求说明书"
    assert by_key["8"].start_on == date(2024, 4, 15)  # its Start No Earlier Than
    assert by_key["5"].start_on == date(2024, 3, 8)
    assert doc.dependencies == (
        PlanDependency("2", "3"),
        PlanDependency("3", "5", 2),
        PlanDependency("5", "6"),
        PlanDependency("6", "8"),
    )
    assert doc.resources == ("张伟", "李娜", "赵敏")  # not the nameless resource UID 0
    assert doc.warnings == ()


def test_projectlibre_constraint_becomes_offset_with_a_calendar() -> None:
    doc = read_mspdi(DATA / "projectlibre_erp.xml", calendar=WorkCalendar())
    milestone = doc.entries[-1]
    # 2024-03-04 .. 2024-04-12: 30 working days (the Qingming holiday 04-04/05, a Sunday worked
    # on 04-07)
    assert milestone.offset_days == WorkCalendar().working_days(date(2024, 3, 4), date(2024, 4, 14))
    assert doc.entries[1].offset_days is None


def test_ganttproject_file() -> None:
    doc = read_mspdi(DATA / "ganttproject_crm.xml")
    assert doc.name == "CRM二开项目"
    assert [(e.name, e.outline_level, e.duration_days, e.is_milestone) for e in doc.entries] == [
        ("需求分析", 1, 10, False),
        ("业务访谈", 2, 5, False),
        ("需求规格说明书", 2, 8, False),  # 60 hours: 7.5 days, rounded up
        ("开发与测试", 1, 14, False),
        ("上线汇报", 1, 0, True),  # zero duration, though Milestone is 0
    ]
    assert doc.entries[1].notes == "与销售部、客服部分别访谈"
    assert doc.entries[0].percent_complete == 50
    assert doc.dependencies == (
        PlanDependency("2", "3", 2),  # a start-to-start link, kept as finish-to-start
        PlanDependency("3", "4", 2),  # 1.5 days of lag, rounded
        PlanDependency("4", "5"),
    )
    assert doc.warnings == (
        "1 link that is not finish-to-start (SS, FF, SF) read as finish-to-start",
    )
    assert doc.entries[3].resources == (PlanResource("陈静", 80), PlanResource("王强", 100))


def test_file_without_namespace_and_a_short_day(tmp_path: Path) -> None:
    body = (
        "<SaveVersion>12</SaveVersion><Title>试点</Title><MinutesPerDay>420</MinutesPerDay>"
        "<Tasks>"
        + task(1, "调研", "").replace("PT8H0M0S", "PT35H0M0S")
        + task(
            2,
            "设计",
            "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type>"
            "<LinkLag>8400</LinkLag><LagFormat>7</LagFormat></PredecessorLink>",
        )
        + "</Tasks>"
    )
    doc = read_mspdi(write_xml(tmp_path / "plan.xml", body, root="<Project>"))
    assert doc.name == "试点"
    assert [e.duration_days for e in doc.entries] == [5, 2]  # 8 h of a 7 h day: 2 days
    assert doc.dependencies == (PlanDependency("1", "2", 2),)


# --- bad input ---------------------------------------------------------------------------


def test_not_xml_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "plan.xml"
    path.write_text("<Project>\n  <Tasks>\n    <Task></Tsk>\n</Project>\n", encoding="utf-8")
    with pytest.raises(PlanFileError, match="not a well-formed XML file") as caught:
        read_mspdi(path)
    assert caught.value.where == "line 3, column 13"


@pytest.mark.parametrize("content", [b"", b"Name,Duration\r\n", b"\x00\x01\x02"])
def test_files_that_are_no_xml(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "plan.xml"
    path.write_bytes(content)
    with pytest.raises(PlanFileError, match="not a well-formed XML file") as caught:
        read_mspdi(path)
    assert caught.value.where.startswith("line 1")


@pytest.mark.parametrize(
    "root",
    [
        "<Project xmlns='urn:other'>",
        f'<Schedule xmlns="{NAMESPACE}">',
    ],
)
def test_not_a_project_file(tmp_path: Path, root: str) -> None:
    path = tmp_path / "plan.xml"
    close = root[1 : root.index(" ")]
    path.write_text(f"{root}<Tasks/></{close}>", encoding="utf-8")
    with pytest.raises(PlanFileError, match="not a Microsoft Project XML file"):
        read_mspdi(path)


@pytest.mark.parametrize("version", ["17", "abc", "-1"])
def test_unknown_save_version(tmp_path: Path, version: str) -> None:
    path = write_xml(tmp_path / "plan.xml", f"<SaveVersion>{version}</SaveVersion>")
    with pytest.raises(PlanFileError, match=f'unknown version "{version}" of Microsoft Project'):
        read_mspdi(path)


def test_task_without_a_name(tmp_path: Path) -> None:
    body = "<Tasks>" + task(1, "调研") + task(12, " ") + "</Tasks>"
    with pytest.raises(PlanFileError, match="task UID 12: the task has no name"):
        read_mspdi(write_xml(tmp_path / "plan.xml", body))


def test_predecessor_that_does_not_exist(tmp_path: Path) -> None:
    link = "<PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type></PredecessorLink>"
    body = "<Tasks>" + task(1, "调研") + task(2, "设计", link) + "</Tasks>"
    with pytest.raises(
        PlanFileError, match="task UID 2 \\(“设计”\\): the predecessor UID 99 does not exist"
    ):
        read_mspdi(write_xml(tmp_path / "plan.xml", body))


@pytest.mark.parametrize("duration", ["5 days", "P", "PT", "-PT8H", "PTxH"])
def test_invalid_duration(tmp_path: Path, duration: str) -> None:
    body = "<Tasks>" + task(3, "设计").replace("PT8H0M0S", duration) + "</Tasks>"
    with pytest.raises(PlanFileError, match=f'task UID 3 \\(“设计”\\): the duration "{duration}"'):
        read_mspdi(write_xml(tmp_path / "plan.xml", body))


def test_duplicate_uids(tmp_path: Path) -> None:
    body = "<Tasks>" + task(1, "调研") + task(1, "设计") + "</Tasks>"
    with pytest.raises(PlanFileError, match="two tasks have the UID 1"):
        read_mspdi(write_xml(tmp_path / "plan.xml", body))


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        f'<Project xmlns="{NAMESPACE}"><Name>&b;</Name></Project>',
        encoding="utf-8",
    )
    with pytest.raises(PlanFileError, match="refused"):
        read_mspdi(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="cannot be read"):
        read_mspdi(tmp_path / "nothing.xml")
