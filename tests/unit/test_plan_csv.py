"""The master plan as CSV: written for Excel, read back from what Excel and WPS save."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from pm_desktop.core.errors import ExportError
from pm_desktop.core.plan_exchange import (
    PlanDependency,
    PlanDocument,
    PlanEntry,
    PlanFileError,
    PlanResource,
)
from pm_desktop.export.plan_csv import (
    CHINESE_HEADERS,
    COLUMNS,
    ENGLISH_HEADERS,
    outline_numbers,
    read_plan_csv,
    write_plan_csv,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "plans"


def sample() -> PlanDocument:
    return PlanDocument(
        entries=(
            PlanEntry("1", "项目准备", 1, duration_days=3, wbs_code="1"),
            PlanEntry(
                "2",
                "合同交底",
                2,
                duration_days=2,
                offset_days=0,
                wbs_code="1.1",
                start_on=date(2024, 9, 27),
                finish_on=date(2024, 9, 30),
                resources=(PlanResource("王磊"), PlanResource("李娜", 50)),
                percent_complete=100,
            ),
            PlanEntry("3", "=项目启动会", 2, 0, is_milestone=True, wbs_code="1.2"),
            PlanEntry("4", "需求调研", 1, duration_days=1, wbs_code="2"),
            PlanEntry(
                "5",
                "现状调研",
                2,
                duration_days=10,
                offset_days=5,
                wbs_code="2.1",
                notes="-按部门访谈\n客户5个工作日内确认",
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
        resources=("王磊", "李娜", "张伟"),
    )


def comparable(doc: PlanDocument) -> list[tuple[object, ...]]:
    return [
        (
            e.key,
            e.name,
            e.outline_level,
            e.wbs_code,
            e.duration_days,
            e.is_milestone,
            e.offset_days,
            e.start_on,
            e.finish_on,
            e.percent_complete,
            e.notes,
            e.resources,
        )
        for e in doc.entries
    ]


def write_text(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# --- writing and reading back ------------------------------------------------------------


def test_round_trip_with_chinese_headers(tmp_path: Path) -> None:
    doc = sample()
    out = tmp_path / "主计划.csv"
    write_plan_csv(doc, out)
    back = read_plan_csv(out)
    assert comparable(back) == comparable(doc)
    assert set(back.dependencies) == set(doc.dependencies)
    assert back.resources == ("王磊", "李娜", "张伟")
    assert back.name == "主计划"
    assert back.warnings == ()
    assert back.entries[4].source == "line 6"


def test_round_trip_with_english_headers(tmp_path: Path) -> None:
    out = tmp_path / "plan.csv"
    write_plan_csv(sample(), out, headers=ENGLISH_HEADERS)
    first = out.read_bytes().decode("utf-8-sig").split("\r\n")[0]
    assert first.split(",")[:4] == ["ID", "WBS", "Name", "Duration (working days)"]
    assert "yes" in out.read_text(encoding="utf-8-sig")
    assert comparable(read_plan_csv(out)) == comparable(sample())


def test_file_is_for_excel(tmp_path: Path) -> None:
    out = tmp_path / "plan.csv"
    write_plan_csv(sample(), out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") >= 7
    assert b"\n" not in data.replace(b"\r\n", b"").replace("访谈\n客户".encode(), b"")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == [CHINESE_HEADERS[column] for column in COLUMNS]
    assert rows[0] == [
        "编号",
        "WBS",
        "任务名称",
        "工期（工作日）",
        "里程碑",
        "偏移（工作日）",
        "开始",
        "完成",
        "完成百分比",
        "前置任务",
        "资源名称",
        "备注",
    ]
    assert rows[2] == [
        "2",
        "1.1",
        "合同交底",
        "2",
        "否",
        "0",
        "2024-09-27",
        "2024-09-30",
        "100",
        "",
        "王磊;李娜[50%]",
        "",
    ]
    assert rows[3][2] == "'=项目启动会"  # not a formula in Excel
    assert rows[5][9] == "3+2"
    assert rows[5][11].startswith("'-按部门访谈")
    assert rows[6][9] == "5-1;2"


def test_keys_that_would_not_read_back_are_numbered(tmp_path: Path) -> None:
    doc = PlanDocument(
        entries=(PlanEntry("a;b", "设计"), PlanEntry("c d", "开发")),
        dependencies=(PlanDependency("a;b", "c d", 1),),
    )
    out = tmp_path / "plan.csv"
    write_plan_csv(doc, out)
    back = read_plan_csv(out)
    assert [e.key for e in back.entries] == ["1", "2"]
    assert back.dependencies == (PlanDependency("1", "2", 1),)


def test_uuid_keys_with_hyphens_read_back(tmp_path: Path) -> None:
    first, second = "7f3a-11ee-9c1b", "8b2c-11ee-1"
    doc = PlanDocument(
        entries=(PlanEntry(first, "设计"), PlanEntry(second, "开发")),
        dependencies=(PlanDependency(first, second, -2),),
    )
    out = tmp_path / "plan.csv"
    write_plan_csv(doc, out)
    assert read_plan_csv(out).dependencies == doc.dependencies


def test_unknown_header_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="colour"):
        write_plan_csv(sample(), tmp_path / "plan.csv", headers={"colour": "颜色"})


def test_writing_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        write_plan_csv(sample(), tmp_path / "missing" / "plan.csv")


def test_outline_numbers_clamp_jumps() -> None:
    assert outline_numbers([1, 2, 2, 3, 1, 3, 1]) == ["1", "1.1", "1.2", "1.2.1", "2", "2.1", "3"]


# --- reading what people send ------------------------------------------------------------


def test_excel_csv_with_bom_and_crlf() -> None:
    doc = read_plan_csv(DATA / "excel_utf8_bom.csv")
    assert [e.name for e in doc.entries] == ["项目准备", "合同交底", "项目启动会", "需求调研"]
    assert [e.outline_level for e in doc.entries] == [1, 2, 2, 1]
    assert [e.duration_days for e in doc.entries] == [2, 2, 0, 10]
    assert doc.entries[2].is_milestone
    assert doc.entries[2].notes == "=客户高层出席"
    assert doc.entries[3].offset_days == 5  # "T+5"
    assert doc.entries[3].start_on == date(2024, 3, 11)
    assert doc.entries[3].notes == "访谈提纲\n见共享盘"
    assert doc.entries[1].resources == (PlanResource("王磊"), PlanResource("李娜", 50))
    assert doc.entries[0].percent_complete == 100
    assert doc.dependencies == (PlanDependency("2", "3"), PlanDependency("3", "4", 2))
    assert doc.entries[3].source == "line 6"  # the empty row counts as a line


def test_gbk_csv_as_wps_saves_it() -> None:
    doc = read_plan_csv(DATA / "wps_gbk.csv")
    assert [e.name for e in doc.entries] == ["蓝图设计", "现状调研", "方案设计", "方案评审会"]
    assert [e.outline_level for e in doc.entries] == [1, 2, 2, 2]
    assert [e.duration_days for e in doc.entries] == [1, 5, 8, 0]
    assert doc.entries[3].is_milestone
    assert doc.entries[1].resources == (PlanResource("张伟"), PlanResource("李娜", 50))
    assert set(doc.dependencies) == {
        PlanDependency("2", "3", 1),
        PlanDependency("2", "4"),
        PlanDependency("3", "4", -1),
    }


def test_gbk_csv_written_here(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "plan.csv",
        "名称,工期,前置任务\r\n调研,5天,\r\n设计,3 个工作日,1\r\n",
        "gbk",
    )
    doc = read_plan_csv(path)
    assert [(e.key, e.name, e.duration_days) for e in doc.entries] == [
        ("1", "调研", 5),
        ("2", "设计", 3),
    ]
    assert doc.dependencies == (PlanDependency("1", "2"),)


def test_minimal_file_without_id_or_wbs(tmp_path: Path) -> None:
    path = write_text(tmp_path / "plan.csv", "Task Name\n调研\n设计\n上线\n", "utf-8")
    doc = read_plan_csv(path)
    assert [(e.key, e.outline_level, e.duration_days) for e in doc.entries] == [
        ("1", 1, 1),
        ("2", 1, 1),
        ("3", 1, 1),
    ]


def test_headers_are_case_and_width_insensitive(tmp_path: Path) -> None:
    text = (
        "ＩＤ;task name;DURATION;% complete;PREDECESSORS;资源\n"
        "7;调研;2;50%;;张三\n"
        "9;设计;1;0.25;7;\n"
    )
    doc = read_plan_csv(write_text(tmp_path / "plan.csv", text))
    assert [(e.key, e.percent_complete) for e in doc.entries] == [("7", 50), ("9", 25)]
    assert doc.dependencies == (PlanDependency("7", "9"),)


def test_separators_and_link_types(tmp_path: Path) -> None:
    text = (
        '编号,名称,前置任务\n1,甲,\n2,乙,\n3,丙,\n4,丁,"1、2；3"\n5,戊,"1，2SS+1"\n6,己,"1FS-2d"\n'
    )
    doc = read_plan_csv(write_text(tmp_path / "plan.csv", text))
    assert [d for d in doc.dependencies if d.successor_key == "4"] == [
        PlanDependency("1", "4"),
        PlanDependency("2", "4"),
        PlanDependency("3", "4"),
    ]
    assert PlanDependency("2", "5", 1) in doc.dependencies
    assert PlanDependency("1", "6", -2) in doc.dependencies
    assert doc.warnings == (
        "1 link that is not finish-to-start (SS, FF, SF) read as finish-to-start",
    )


def test_wbs_jump_is_clamped(tmp_path: Path) -> None:
    text = "WBS,名称\n1,甲\n1.1.1,乙\n1.1.1.1,丙\n2,丁\n"
    doc = read_plan_csv(write_text(tmp_path / "plan.csv", text))
    assert [e.outline_level for e in doc.entries] == [1, 2, 3, 1]


def test_summary_with_zero_duration_is_not_a_milestone(tmp_path: Path) -> None:
    text = "WBS,名称,工期\n1,阶段一,0\n1.1,调研,3\n1.2,评审,0\n"
    doc = read_plan_csv(write_text(tmp_path / "plan.csv", text))
    assert [e.is_milestone for e in doc.entries] == [False, False, True]


def test_xlsx_sheet_is_read_too(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["编号", "任务名称", "工期", "完成百分比"])
    sheet.append([1, "调研", 5, 0.5])
    sheet.append([2, "设计", 3.0, 1])
    book.save(tmp_path / "plan.xlsx")
    doc = read_plan_csv(tmp_path / "plan.xlsx")
    assert [(e.key, e.duration_days, e.percent_complete) for e in doc.entries] == [
        ("1", 5, 50),
        ("2", 3, 1),
    ]


# --- bad input ---------------------------------------------------------------------------

BAD_ROWS = [
    ("1,调研,abc", r'line 3: duration "abc" is not a whole number of working days'),
    ("1,调研,-3", r'line 3: duration "-3" is negative'),
    ("1,调研,2.5", r'line 3: duration "2.5" is not a whole number'),
    ("1,,2", r"line 3: the task name is empty"),
    ("1,调研,2,,150", r'line 3: percent complete "150" is not between 0 and 100'),
    ("1,调研,2,,,9", r'line 3: predecessor "9" names no row'),
    ("2,调研,2,,,2", r"line 3: a task cannot be its own predecessor"),
    ("1,调研,2", r'line 3: id "1" is already used on line 2'),
    (",调研,2", r"line 3: the id is empty"),
    ("1,调研,2,,,,maybe", r'line 3: milestone "maybe" is not yes or no'),
    ("1,调研,2,,,,,-2", r'line 3: offset "-2" is negative'),
    ("1,调研,2,,,,,,2024-02-30", r'line 3: start "2024-02-30" is not a date'),
    ("1,调研,2,,,,,,,,张三[abc]", r'line 3: resource "张三\[abc\]"'),
]


@pytest.mark.parametrize(("row", "message"), BAD_ROWS)
def test_bad_rows_name_their_line(tmp_path: Path, row: str, message: str) -> None:
    text = (
        "编号,名称,工期,备注,完成百分比,前置任务,里程碑,偏移,开始,完成,资源\n1,准备,1\n"
        + row
        + "\n"
    )
    with pytest.raises(PlanFileError, match=message) as caught:
        read_plan_csv(write_text(tmp_path / "plan.csv", text))
    assert caught.value.where == "line 3"


def test_all_problems_are_collected_into_one_error(tmp_path: Path) -> None:
    text = "名称,工期\n调研,x\n,1\n设计,-1\n测试,y\n上线,1\n"
    with pytest.raises(PlanFileError) as caught:
        read_plan_csv(write_text(tmp_path / "plan.csv", text))
    message = str(caught.value)
    assert message.startswith('line 2: duration "x"')
    assert "line 3: the task name is empty" in message
    assert "line 4: duration" in message
    assert "(and 1 more problem)" in message
    assert caught.value.field == "file"


def test_missing_name_column_lists_the_columns(tmp_path: Path) -> None:
    path = write_text(tmp_path / "plan.csv", "编号,负责部门,工期\n1,财务部,3\n")
    with pytest.raises(PlanFileError) as caught:
        read_plan_csv(path)
    message = str(caught.value)
    assert message.startswith("line 1: no task name column")
    assert '"编号", "负责部门", "工期"' in message
    assert "任务名称" in message
    assert "Name" in message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\xef\xbb\xbf\r\n,,\r\n", "the file is empty"),
        (bytes(range(256)) * 40, "not a table"),
        ("名称,工期\r\n".encode("utf-8-sig"), "no tasks"),
    ],
)
def test_files_that_are_no_plan(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(content)
    with pytest.raises(PlanFileError, match=message):
        read_plan_csv(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="cannot be read"):
        read_plan_csv(tmp_path / "nothing.csv")
