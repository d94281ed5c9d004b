"""The register as CSV and XLSX files: written for Excel, read back from what people send."""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from pm_desktop.core.enums import Attitude, DemandStatus, RoleClass
from pm_desktop.core.errors import ExportError, PmError
from pm_desktop.core.stakeholder_table import (
    ImportedStakeholder,
    Language,
    export_rows,
    preview_import,
)
from pm_desktop.core.stakeholders import DemandEntry, StakeholderRecord
from pm_desktop.export.stakeholder_register import (
    ImportFailure,
    ImportFileError,
    RawTable,
    read_table,
    write_csv,
    write_xlsx,
)

Writer = Callable[[Path, list[StakeholderRecord], Language], None]


def records() -> list[StakeholderRecord]:
    return [
        StakeholderRecord(
            id="s1",
            project_id="p1",
            name="张伟",
            organisation="华东制造集团",
            title="总经理",
            role_class=RoleClass.ONE_W,
            power=5,
            interest=4,
            attitude=Attitude.SUPPORTER,
            email="zhangwei@example.cn",
            phone="01088886666",
            notes="关注投资回报，\n每月第一周汇报",
            demands=(
                DemandEntry("d1", "每月看到经营驾驶舱"),
                DemandEntry("d2", "上线按期完成", DemandStatus.ADDRESSED),
            ),
        ),
        StakeholderRecord(
            id="s2",
            project_id="p1",
            name="李娜",
            reports_to_id="s1",
            organisation="华东制造集团, 数字化部",
            title='"数字化"总监',
            role_class=RoleClass.STRONG_C,
            power=4,
            interest=5,
            attitude=Attitude.NEUTRAL,
            phone="+86 138 0013 8000",
            notes="- 注意：不喜欢长会\n=SUM(A1:A3)",
            demands=(DemandEntry("d3", "成果写进述职；争取晋升"),),
        ),
        StakeholderRecord(
            id="s3",
            project_id="p1",
            name="Evan O'Brien",
            reports_to_id="s2",
            organisation="Global IT; APAC",
            role_class=RoleClass.IT_OWNER,
            power=2,
            interest=3,
            attitude=Attitude.OPPONENT,
            title="@集团总部",
        ),
    ]


def expected() -> list[ImportedStakeholder]:
    names = {r.id: r.name for r in records()}
    return [
        ImportedStakeholder(
            name=r.name,
            organisation=r.organisation,
            title=r.title,
            role_class=r.role_class,
            power=r.power,
            interest=r.interest,
            attitude=r.attitude,
            email=r.email,
            phone=r.phone,
            notes=r.notes,
            reports_to_name=names.get(r.reports_to_id or "", ""),
            demands=tuple((d.text, d.status) for d in r.demands),
        )
        for r in records()
    ]


def imported(table: RawTable) -> list[ImportedStakeholder]:
    preview = preview_import(table.headers, table.rows, (), lines=table.lines)
    assert preview.problems == ()
    blocking = [(row.line, row.problems) for row in preview.rows if not row.importable]
    assert not blocking
    return preview.stakeholders


def write_xlsx_sheet(path: Path, records: list[StakeholderRecord], language: Language) -> None:
    write_xlsx(path, records, language, "干系人登记表")


WRITERS: dict[str, tuple[Writer, str]] = {
    "csv": (write_csv, ".csv"),
    "xlsx": (write_xlsx_sheet, ".xlsx"),
}


# --- CSV ---------------------------------------------------------------------------------


def test_csv_is_utf8_with_bom_and_crlf(tmp_path: Path) -> None:
    out = tmp_path / "register.csv"
    write_csv(out, records(), Language.ZH_CN)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    first_line = text.split("\r\n")[0]
    assert first_line == "姓名,单位,职务,角色类别,权力,关注度,态度,诉求,邮箱,电话,汇报对象,备注"
    rows = list(csv.reader(text.splitlines(keepends=True)))
    # a line break inside a cell stays inside its quoted cell
    assert rows[1][7] == "每月看到经营驾驶舱\n[已满足] 上线按期完成"
    assert rows[2][1] == "华东制造集团, 数字化部"
    assert rows[2][2] == '"数字化"总监'


def test_csv_cells_excel_would_take_for_formulas_get_an_apostrophe(tmp_path: Path) -> None:
    out = tmp_path / "register.csv"
    write_csv(out, records(), "en")
    rows = list(csv.reader(out.read_text("utf-8-sig").splitlines(keepends=True)))
    assert rows[2][9] == "'+86 138 0013 8000"
    assert rows[2][11] == "'- 注意：不喜欢长会\n=SUM(A1:A3)"
    assert rows[3][2] == "'@集团总部"


# --- both writers ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(WRITERS))
@pytest.mark.parametrize("language", list(Language))
def test_written_files_read_back_to_the_same_register(
    kind: str, language: Language, tmp_path: Path
) -> None:
    writer, suffix = WRITERS[kind]
    out = tmp_path / f"register{suffix}"
    writer(out, records(), language)
    table = read_table(out)
    assert table.headers == export_rows(records(), language)[0]
    assert table.lines == (2, 3, 4)
    assert imported(table) == expected()


@pytest.mark.parametrize("kind", list(WRITERS))
def test_an_empty_register_is_a_header_alone(kind: str, tmp_path: Path) -> None:
    writer, suffix = WRITERS[kind]
    out = tmp_path / f"empty{suffix}"
    writer(out, [], Language.EN)
    table = read_table(out)
    assert table.headers[0] == "Name"
    assert table.rows == ()


@pytest.mark.parametrize("kind", list(WRITERS))
@pytest.mark.parametrize("case", ["missing folder", "a folder", "read-only"])
def test_an_unwritable_destination_raises_export_error(
    kind: str, case: str, tmp_path: Path
) -> None:
    writer, suffix = WRITERS[kind]
    folder = tmp_path / "exports"
    folder.mkdir()
    if case == "missing folder":
        out = folder / "no-such-folder" / f"register{suffix}"
    elif case == "a folder":
        out = folder / f"register{suffix}"
        out.mkdir()
    elif os.name == "posix" and os.geteuid() != 0:
        out = folder / f"register{suffix}"
        folder.chmod(0o555)
    elif sys.platform.startswith("linux") and Path("/sys").is_dir():
        out = Path(f"/sys/pm-desktop-register{suffix}")  # root may write anywhere but sysfs
    else:
        pytest.skip("no read-only folder to try")
    before = sorted(folder.iterdir())
    try:
        with pytest.raises(ExportError) as raised:
            writer(out, records(), Language.ZH_CN)
    finally:
        folder.chmod(0o755)
    assert isinstance(raised.value, PmError)
    assert raised.value.path == out
    assert raised.value.reason
    assert sorted(folder.iterdir()) == before, "a temporary file was left behind"


@pytest.mark.parametrize("kind", list(WRITERS))
def test_a_failed_write_keeps_the_existing_file(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer, suffix = WRITERS[kind]
    out = tmp_path / f"register{suffix}"
    out.write_bytes(b"last week's register")

    def refuse(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="permission denied"):
        writer(out, records(), Language.ZH_CN)
    assert out.read_bytes() == b"last week's register"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


# --- XLSX --------------------------------------------------------------------------------


def test_xlsx_has_a_bold_frozen_header_widths_and_wrapped_long_texts(tmp_path: Path) -> None:
    out = tmp_path / "register.xlsx"
    write_xlsx(out, records(), Language.ZH_CN, "干系人:登记表/2024")
    workbook = openpyxl.load_workbook(out)
    [sheet] = workbook.worksheets
    assert sheet.title == "干系人 登记表 2024"
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]][:3] == ["姓名", "单位", "职务"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet["E2"].value == 5  # power as a number
    assert sheet["H2"].alignment.wrap_text  # demands
    assert sheet["L2"].alignment.wrap_text  # notes
    assert not sheet["A2"].alignment.wrap_text
    # a formula-looking note stays text
    assert sheet["L3"].value == "- 注意：不喜欢长会\n=SUM(A1:A3)"
    assert sheet["L3"].data_type == "s"
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABHL"}
    assert widths["A"] == len("Evan O'Brien") + 2
    assert widths["B"] == len("华东制造集团, 数字化部") + 10 + 2  # Chinese counts twice
    assert widths["H"] <= 60
    # the role class offers the known words
    formulas = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert any("强C" in formula for formula in formulas)


def test_xlsx_drops_characters_excel_cannot_hold(tmp_path: Path) -> None:
    out = tmp_path / "register.xlsx"
    person = StakeholderRecord(id="a", project_id="p", name="王\x07芳", notes="a\x0bb")
    write_xlsx(out, [person], "en", "Stakeholders")
    table = read_table(out)
    assert table.rows[0][0] == "王芳"
    assert table.rows[0][11] == "ab"


# --- reading: CSV ------------------------------------------------------------------------

GBK_TEXT = (
    "姓名,单位,角色,权力,关注度,态度,诉求\r\n"
    "张伟,华东制造集团,1W,5,4,支持,每月看到经营驾驶舱；上线按期\r\n"
    "李娜,华东制造集团,强C,4,5,中立,\r\n"
)


def test_a_gbk_csv_as_excel_saves_it_on_chinese_windows(tmp_path: Path) -> None:
    path = tmp_path / "干系人.csv"
    path.write_bytes(GBK_TEXT.encode("gbk"))
    table = read_table(path)
    assert table.encoding == "gb18030"
    assert table.delimiter == ","
    assert table.headers == ("姓名", "单位", "角色", "权力", "关注度", "态度", "诉求")
    assert table.rows[1] == ("李娜", "华东制造集团", "强C", "4", "5", "中立", "")
    people = imported(table)
    assert people[0].demands == (
        ("每月看到经营驾驶舱", DemandStatus.RECORDED),
        ("上线按期", DemandStatus.RECORDED),
    )
    assert people[1].role_class is RoleClass.STRONG_C


def test_a_utf8_csv_with_and_without_bom(tmp_path: Path) -> None:
    with_bom = tmp_path / "bom.csv"
    with_bom.write_bytes(GBK_TEXT.encode("utf-8-sig"))
    without = tmp_path / "plain.csv"
    without.write_bytes(GBK_TEXT.encode("utf-8"))
    assert read_table(with_bom).encoding == "utf-8-sig"
    assert read_table(without).encoding == "utf-8"
    assert read_table(with_bom).headers[0] == "姓名"  # no BOM glued to the first header
    assert read_table(with_bom).rows == read_table(without).rows


@pytest.mark.parametrize(("delimiter", "name"), [(";", "semicolon"), ("\t", "tab")])
def test_semicolon_and_tab_separated(delimiter: str, name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.csv"
    text = (
        f"Name{delimiter}Organisation{delimiter}Power{delimiter}Notes\n"
        f"Alice{delimiter}ACME, Inc.{delimiter}4{delimiter}likes short meetings, tea\n"
        f'Bob{delimiter}"Beta{delimiter} Ltd"{delimiter}2{delimiter}\n'
    )
    path.write_text(text, encoding="utf-8")
    table = read_table(path)
    assert table.delimiter == delimiter
    assert table.headers == ("Name", "Organisation", "Power", "Notes")
    assert table.rows == (
        ("Alice", "ACME, Inc.", "4", "likes short meetings, tea"),
        ("Bob", f"Beta{delimiter} Ltd", "2", ""),
    )


def test_utf16_unicode_text_from_excel(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("姓名\t权力\r\n张伟\t5\r\n".encode("utf-16"))
    table = read_table(path)
    assert table.encoding == "utf-16"
    assert table.rows == (("张伟", "5"),)


def test_empty_rows_are_skipped_but_lines_count_them(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text('\n,,\n姓名,备注\n张伟,"两行\n备注"\n,\n李娜,\n', encoding="utf-8")
    table = read_table(path)
    assert table.header_line == 3
    assert table.rows == (("张伟", "两行\n备注"), ("李娜", ""))
    assert table.lines == (4, 6)  # as Excel numbers the rows: a cell's line break is no row


def test_ragged_rows_are_padded(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("姓名,权力\n张伟\n李娜,4,extra\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ("姓名", "权力", "")
    assert table.rows == (("张伟", "", ""), ("李娜", "4", "extra"))


# --- reading: XLSX -----------------------------------------------------------------------


def test_an_xlsx_made_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "from-wps.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "干系人"
    sheet.append([])
    sheet.append(["姓名", "权力", "关注度", "电话", "首次接触", "备注"])
    sheet.append(["张伟", 5.0, 4, 13800138000, datetime(2024, 11, 18), None])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["李娜", 3, 2.5, "010-8888 6666", date(2024, 1, 2), True])
    workbook.create_sheet("其他").append(["不读这一页"])
    workbook.save(path)
    table = read_table(path)
    assert table.encoding == "xlsx"
    assert table.header_line == 2
    assert table.lines == (3, 5)
    assert table.rows == (
        ("张伟", "5", "4", "13800138000", "2024-11-18", ""),
        ("李娜", "3", "2.5", "010-8888 6666", "2024-01-02", "TRUE"),
    )


# --- reading: what cannot be read --------------------------------------------------------


def failure(path: Path) -> ImportFileError:
    with pytest.raises(ImportFileError) as raised:
        read_table(path)
    error = raised.value
    assert isinstance(error, PmError)
    assert error.path == path
    assert str(path) in str(error)
    return error


def test_garbage_is_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(range(256)) * 20)
    assert failure(path).reason is ImportFailure.NOT_TEXT


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b" \r\n\r\n ,, \r\n", b"\n;;\n"])
def test_an_empty_file(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    assert failure(path).reason is ImportFailure.EMPTY


def test_an_empty_workbook(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(path)
    assert failure(path).reason is ImportFailure.EMPTY


def test_an_old_xls_workbook(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert failure(path).reason is ImportFailure.OLD_EXCEL
    renamed = tmp_path / "old.csv"
    renamed.write_bytes(path.read_bytes())
    assert failure(renamed).reason is ImportFailure.OLD_EXCEL


def test_a_damaged_workbook(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is no zip at all")
    assert failure(path).reason is ImportFailure.BAD_WORKBOOK
    text = tmp_path / "renamed.xlsx"
    text.write_text("姓名\n张伟\n", encoding="utf-8")
    assert failure(text).reason is ImportFailure.BAD_WORKBOOK


def test_a_missing_file_or_a_folder(tmp_path: Path) -> None:
    assert failure(tmp_path / "nowhere.csv").reason is ImportFailure.UNREADABLE
    assert failure(tmp_path).reason is ImportFailure.UNREADABLE


def test_a_file_with_too_many_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pm_desktop.export.stakeholder_register as register

    monkeypatch.setattr(register, "MAX_ROWS", 3)
    path = tmp_path / "big.csv"
    path.write_text("姓名\n" + "".join(f"人{i}\n" for i in range(4)), encoding="utf-8")
    assert failure(path).reason is ImportFailure.TOO_LARGE
