"""The register as a table: columns, words in both languages, demands, and checking an import."""

from __future__ import annotations

from datetime import date

import pytest

from pm_desktop.core.enums import Attitude, DemandStatus, RoleClass
from pm_desktop.core.stakeholder_table import (
    COLUMNS,
    MAX_LENGTHS,
    ColumnKey,
    ImportedStakeholder,
    Language,
    Problem,
    ProblemCode,
    export_rows,
    format_demands,
    name_key,
    parse_attitude,
    parse_demands,
    parse_role_class,
    parse_scale,
    preview_import,
    recognise_header,
)
from pm_desktop.core.stakeholders import DemandEntry, StakeholderRecord

ZH_HEADERS = (
    "姓名",
    "单位",
    "职务",
    "角色类别",
    "权力",
    "关注度",
    "态度",
    "诉求",
    "邮箱",
    "电话",
    "汇报对象",
    "备注",
)
EN_HEADERS = (
    "Name",
    "Organisation",
    "Title",
    "Role class",
    "Power",
    "Interest",
    "Attitude",
    "Demands",
    "Email",
    "Phone",
    "Reports to",
    "Notes",
)


def record(
    id_: str, name: str, *, reports_to: str | None = None, **fields: object
) -> StakeholderRecord:
    return StakeholderRecord(
        id=id_,
        project_id="p1",
        name=name,
        reports_to_id=reports_to,
        **fields,  # type: ignore[arg-type]
    )


def register() -> list[StakeholderRecord]:
    return [
        record(
            "s1",
            "张伟",
            organisation="华东制造集团",
            title="总经理",
            role_class=RoleClass.ONE_W,
            power=5,
            interest=4,
            attitude=Attitude.SUPPORTER,
            email="zhangwei@example.cn",
            phone="138 0013 8000",
            notes="关注投资回报\n每月第一周汇报",
            demands=(
                DemandEntry("d1", "每月看到经营驾驶舱", recorded_on=date(2024, 11, 1)),
                DemandEntry("d2", "上线按期完成", DemandStatus.ADDRESSED),
            ),
        ),
        record(
            "s2",
            "李娜",
            reports_to="s1",
            organisation="华东制造集团",
            title="数字化部总监",
            role_class=RoleClass.STRONG_C,
            power=4,
            interest=5,
            attitude=Attitude.NEUTRAL,
            demands=(DemandEntry("d3", "项目成果写进年度述职；争取晋升"),),
        ),
        record(
            "s3",
            "Evan O'Brien",
            reports_to="s2",
            organisation="Global IT",
            title="IT owner, APAC",
            role_class=RoleClass.IT_OWNER,
            power=2,
            interest=3,
            attitude=Attitude.OPPONENT,
            notes="=not a formula",
        ),
        record("s4", "周婷", role_class=RoleClass.PROCUREMENT, power=1, interest=1),
        record("s5", "已删除", deleted=True),
    ]


# --- columns and words -------------------------------------------------------------------


def test_the_columns_in_order_with_both_headers() -> None:
    assert [c.key for c in COLUMNS] == list(ColumnKey)
    assert tuple(c.zh for c in COLUMNS) == ZH_HEADERS
    assert tuple(c.en for c in COLUMNS) == EN_HEADERS


def test_no_spelling_names_two_columns() -> None:
    for column in COLUMNS:
        for spelling in (column.key.value, column.en, column.zh, *column.synonyms):
            assert recognise_header(spelling) is column.key, spelling


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("  姓名 ", ColumnKey.NAME),
        ("NAME", ColumnKey.NAME),
        ("*姓名", ColumnKey.NAME),
        ("权力（1-5）", ColumnKey.POWER),
        ("Power (1-5)", ColumnKey.POWER),
        ("利益", ColumnKey.INTEREST),
        ("利益/关注度", ColumnKey.INTEREST),
        ("ROLE_CLASS", ColumnKey.ROLE_CLASS),
        ("role-class", ColumnKey.ROLE_CLASS),
        ("Ｅｍａｉｌ", ColumnKey.EMAIL),  # full-width letters
        ("E-mail", ColumnKey.EMAIL),
        ("reports_to", ColumnKey.REPORTS_TO),
        ("上级", ColumnKey.REPORTS_TO),
        ("单位/组织", ColumnKey.ORGANISATION),
        ("Organization", ColumnKey.ORGANISATION),
        ("微信", None),
        ("", None),
        ("   ", None),
    ],
)
def test_headers_are_recognised_in_either_language(header: str, key: ColumnKey | None) -> None:
    assert recognise_header(header) is key


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("1W", RoleClass.ONE_W),
        ("1w", RoleClass.ONE_W),
        (" １Ｗ ", RoleClass.ONE_W),
        ("强C", RoleClass.STRONG_C),
        ("强c", RoleClass.STRONG_C),
        ("强 C", RoleClass.STRONG_C),
        ("Strong C", RoleClass.STRONG_C),
        ("strong-c", RoleClass.STRONG_C),
        ("strong_c", RoleClass.STRONG_C),
        ("关键用户", RoleClass.KEY_USER),
        ("Key User", RoleClass.KEY_USER),
        ("IT负责人", RoleClass.IT_OWNER),
        ("it owner", RoleClass.IT_OWNER),
        ("采购", RoleClass.PROCUREMENT),
        ("其它", RoleClass.OTHER),
        ("other", RoleClass.OTHER),
        ("顾问", None),
        ("2W", None),
    ],
)
def test_role_classes_in_either_language(text: str, role: RoleClass | None) -> None:
    assert parse_role_class(text) is role


@pytest.mark.parametrize(
    ("text", "attitude"),
    [
        ("支持者", Attitude.SUPPORTER),
        ("支持", Attitude.SUPPORTER),
        ("SUPPORTER", Attitude.SUPPORTER),
        ("中立", Attitude.NEUTRAL),
        ("neutral", Attitude.NEUTRAL),
        ("反对者", Attitude.OPPONENT),
        ("反对", Attitude.OPPONENT),
        ("Opponent", Attitude.OPPONENT),
        ("未知", Attitude.UNKNOWN),
        ("unknown", Attitude.UNKNOWN),
        ("暧昧", None),
    ],
)
def test_attitudes_in_either_language(text: str, attitude: Attitude | None) -> None:
    assert parse_attitude(text) is attitude


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1", 1),
        ("5", 5),
        (" 3 ", 3),
        ("４", 4),
        ("4.0", 4),
        ("+2", 2),
        ("0", None),
        ("6", None),
        ("7", None),
        ("4.5", None),
        ("-1", None),
        ("高", None),
        ("3分", None),
    ],
)
def test_power_and_interest_are_whole_numbers_from_1_to_5(text: str, value: int | None) -> None:
    assert parse_scale(text) == value


def test_names_compare_without_case_or_extra_spaces() -> None:
    assert name_key(" Evan  O'Brien ") == name_key("evan o'brien")
    assert name_key("ＺＨＡＮＧ") == name_key("zhang")
    assert name_key("张伟") != name_key("张 伟")


# --- demands -----------------------------------------------------------------------------


def test_demands_one_per_line_addressed_ones_marked() -> None:
    demands = (
        DemandEntry("a", "每月看到经营驾驶舱"),
        DemandEntry("b", "上线按期完成", DemandStatus.ADDRESSED),
    )
    assert format_demands(demands, Language.ZH_CN) == "每月看到经营驾驶舱\n[已满足] 上线按期完成"
    assert format_demands(demands, "en") == "每月看到经营驾驶舱\n[addressed] 上线按期完成"


@pytest.mark.parametrize(
    "cell",
    [
        "每月看到经营驾驶舱\n[已满足] 上线按期完成",
        "每月看到经营驾驶舱\r\n[addressed] 上线按期完成",
        "每月看到经营驾驶舱；【已满足】上线按期完成",
        "每月看到经营驾驶舱; [ADDRESSED]上线按期完成",
        "  每月看到经营驾驶舱 \n\n [已解决] 上线按期完成  \n",
    ],
)
def test_demands_are_read_in_either_language_and_separator(cell: str) -> None:
    assert parse_demands(cell) == (
        ("每月看到经营驾驶舱", DemandStatus.RECORDED),
        ("上线按期完成", DemandStatus.ADDRESSED),
    )


def test_an_unknown_bracket_stays_part_of_the_demand() -> None:
    assert parse_demands("[重要] 数据不出厂区") == (("[重要] 数据不出厂区", DemandStatus.RECORDED),)
    assert parse_demands("[已记录] 数据不出厂区") == (("数据不出厂区", DemandStatus.RECORDED),)
    assert parse_demands("") == ()
    assert parse_demands(" ；; ") == ()


def test_a_lone_demand_with_a_semicolon_survives_a_round_trip() -> None:
    demand = DemandEntry("a", "成果写进述职；争取晋升")
    cell = format_demands((demand,), "zh_CN")
    assert parse_demands(cell) == (("成果写进述职；争取晋升", DemandStatus.RECORDED),)
    # with two demands the line break already separates them
    two = format_demands((demand, DemandEntry("b", "少开会")), "zh_CN")
    assert parse_demands(two) == (
        ("成果写进述职；争取晋升", DemandStatus.RECORDED),
        ("少开会", DemandStatus.RECORDED),
    )


def test_a_line_break_inside_a_demand_becomes_a_space() -> None:
    cell = format_demands((DemandEntry("a", "第一行\n第二行"),), "en")
    assert cell == "第一行 第二行"


# --- export ------------------------------------------------------------------------------


def test_export_rows_in_chinese() -> None:
    headers, rows = export_rows(register(), Language.ZH_CN)
    assert headers == ZH_HEADERS
    assert len(rows) == 4  # the deleted one is left out
    assert rows[0] == (
        "张伟",
        "华东制造集团",
        "总经理",
        "1W",
        "5",
        "4",
        "支持者",
        "每月看到经营驾驶舱\n[已满足] 上线按期完成",
        "zhangwei@example.cn",
        "138 0013 8000",
        "",
        "关注投资回报\n每月第一周汇报",
    )
    assert rows[1][3] == "强C"
    assert rows[1][10] == "张伟"  # reports to: the manager's name
    assert rows[2][3:7] == ("IT负责人", "2", "3", "反对者")
    assert rows[3][3] == "采购"
    assert rows[3][6] == "未知"


def test_export_rows_in_english() -> None:
    headers, rows = export_rows(register(), "en")
    assert headers == EN_HEADERS
    assert rows[1][3:7] == ("Strong-C", "4", "5", "Neutral")
    assert rows[0][7] == "每月看到经营驾驶舱\n[addressed] 上线按期完成"
    assert rows[2][10] == "李娜"


def test_a_manager_who_is_deleted_or_unknown_exports_as_empty() -> None:
    records = [record("a", "A", reports_to="gone"), record("b", "B", reports_to="x", deleted=True)]
    _, rows = export_rows(records, "en")
    assert rows == [("A", "", "", "Other", "3", "3", "Unknown", "", "", "", "", "")]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="de"):
        export_rows(register(), "de")


# --- round trip --------------------------------------------------------------------------


def expected(records: list[StakeholderRecord]) -> list[ImportedStakeholder]:
    names = {r.id: r.name for r in records if not r.deleted}
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
        for r in records
        if not r.deleted
    ]


@pytest.mark.parametrize("language", list(Language))
def test_round_trip_export_then_import(language: Language) -> None:
    records = register()
    headers, rows = export_rows(records, language)
    preview = preview_import(headers, rows, existing_names=())
    assert preview.problems == ()
    assert not preview.blocked
    assert [row.problems for row in preview.rows] == [(), (), (), ()]
    assert [row.line for row in preview.rows] == [2, 3, 4, 5]
    assert preview.stakeholders == expected(records)


def test_round_trip_across_languages_by_columns_in_any_order() -> None:
    headers, rows = export_rows(register(), "en")
    order = list(reversed(range(len(headers))))
    preview = preview_import(
        [headers[i] for i in order], [[row[i] for i in order] for row in rows], ()
    )
    assert preview.stakeholders == expected(register())


# --- preview: the file -------------------------------------------------------------------


def codes(problems: tuple[Problem, ...]) -> list[ProblemCode]:
    return [problem.code for problem in problems]


def test_without_a_name_column_nothing_can_be_imported() -> None:
    preview = preview_import(["单位", "权力"], [["华东", "4"], ["华南", "9"]], ())
    assert codes(preview.problems) == [ProblemCode.MISSING_NAME_COLUMN]
    assert preview.blocked
    assert preview.problems[0].blocking
    assert [row.line for row in preview.rows] == [2, 3]
    assert all(row.stakeholder is None and row.problems == () for row in preview.rows)
    assert preview.ready == ()


def test_unknown_and_unnamed_columns_are_reported_but_do_not_block() -> None:
    preview = preview_import(
        ["姓名", "微信", "", "姓名", ""],
        [["张伟", "zw", "x", "别名", ""], ["李娜", "", "", "", ""]],
        (),
    )
    assert preview.problems == (
        Problem(ProblemCode.UNKNOWN_COLUMN, None, "微信"),
        Problem(ProblemCode.UNNAMED_COLUMN, None, "3"),
        Problem(ProblemCode.DUPLICATE_COLUMN, "name", "姓名"),
    )
    assert not any(p.blocking for p in preview.problems)
    assert preview.columns == (ColumnKey.NAME, None, None, None, None)
    assert [s.name for s in preview.stakeholders] == ["张伟", "李娜"]


def test_no_rows_at_all() -> None:
    preview = preview_import(["姓名", "权力"], [["", " "], []], ())
    assert codes(preview.problems) == [ProblemCode.NO_ROWS]
    assert preview.blocked
    assert preview_import(["姓名"], [], ()).problems == (Problem(ProblemCode.NO_ROWS),)


def test_rows_empty_in_every_known_column_are_skipped() -> None:
    preview = preview_import(["姓名", "微信"], [["张伟", ""], ["", "only here"], ["李娜", ""]], ())
    assert [row.line for row in preview.rows] == [2, 4]


def test_line_numbers_from_the_file() -> None:
    preview = preview_import(["姓名"], [["张伟"], ["李娜"]], (), lines=[5, 9])
    assert [row.line for row in preview.rows] == [5, 9]
    with pytest.raises(ValueError, match="line"):
        preview_import(["姓名"], [["张伟"]], (), lines=[1, 2])


# --- preview: rows -----------------------------------------------------------------------


def one_row(cells: dict[str, str], existing: tuple[str, ...] = ()) -> tuple[Problem, ...]:
    preview = preview_import(list(cells), [list(cells.values())], existing)
    [row] = preview.rows
    return row.problems


def test_empty_cells_get_the_defaults() -> None:
    preview = preview_import(EN_HEADERS, [["王芳", *[""] * 11]], ())
    assert preview.stakeholders == [ImportedStakeholder(name="王芳")]
    person = preview.stakeholders[0]
    assert (person.power, person.interest) == (3, 3)
    assert person.attitude is Attitude.UNKNOWN
    assert person.role_class is RoleClass.OTHER


def test_an_empty_name_blocks_the_row() -> None:
    problems = one_row({"姓名": "  ", "单位": "华东"})
    assert problems == (Problem(ProblemCode.EMPTY_NAME, "name"),)
    assert problems[0].blocking


def test_a_name_twice_in_the_file_blocks_every_occurrence_after_the_first() -> None:
    preview = preview_import(
        ["姓名", "职务"], [["张伟", "总经理"], ["李娜", ""], ["张伟", "副总"], ["张伟 ", ""]], ()
    )
    assert [row.importable for row in preview.rows] == [True, True, False, False]
    assert preview.rows[2].problems == (
        Problem(ProblemCode.DUPLICATE_IN_FILE, "name", "张伟", line=2),
    )
    assert preview.rows[3].problems[0].line == 2


def test_a_name_already_in_the_register_blocks_the_row() -> None:
    preview = preview_import(["Name"], [["evan o'brien"], ["New Person"]], ["Evan O'Brien"])
    assert preview.rows[0].problems == (
        Problem(ProblemCode.ALREADY_IN_REGISTER, "name", "evan o'brien"),
    )
    assert [s.name for s in preview.stakeholders] == ["New Person"]


@pytest.mark.parametrize("value", ["7", "0", "4.5", "高", "-2"])
@pytest.mark.parametrize(("header", "column"), [("权力", "power"), ("Interest", "interest")])
def test_power_and_interest_must_be_1_to_5(value: str, header: str, column: str) -> None:
    problems = one_row({"姓名": "张伟", header: value})
    assert problems == (Problem(ProblemCode.NOT_A_SCALE, column, value),)
    assert problems[0].blocking


def test_unknown_role_class_and_attitude_block_the_row() -> None:
    problems = one_row({"姓名": "张伟", "角色": "顾问", "态度": "暧昧"})
    assert problems == (
        Problem(ProblemCode.UNKNOWN_ROLE_CLASS, "role_class", "顾问"),
        Problem(ProblemCode.UNKNOWN_ATTITUDE, "attitude", "暧昧"),
    )
    assert all(p.blocking for p in problems)


def test_texts_longer_than_the_database_takes_block_the_row() -> None:
    limit = MAX_LENGTHS[ColumnKey.PHONE]
    problems = one_row({"姓名": "张伟", "电话": "1" * (limit + 1)})
    assert codes(problems) == [ProblemCode.TOO_LONG]
    assert problems[0].column == "phone"
    assert one_row({"姓名": "张伟", "电话": "1" * limit}) == ()


def test_an_address_the_register_would_refuse_blocks_its_row() -> None:
    """The register refuses such an address, so importing it would fail: the preview says so
    before anything is written, and the other rows stay importable."""
    preview = preview_import(
        ["姓名", "邮箱"], [["张伟", "zhangwei at example"], ["李娜", "li.na@example.cn"]], ()
    )
    bad, good = preview.rows
    # spaces are dropped from an address before it is checked
    assert bad.problems == (Problem(ProblemCode.INVALID_EMAIL, "email", "zhangweiatexample"),)
    assert not bad.importable
    assert good.importable


def test_every_problem_of_a_row_is_listed_in_column_order() -> None:
    problems = one_row({"态度": "暧昧", "权力": "9", "姓名": ""})
    assert codes(problems) == [
        ProblemCode.EMPTY_NAME,
        ProblemCode.NOT_A_SCALE,
        ProblemCode.UNKNOWN_ATTITUDE,
    ]


# --- preview: reports to -----------------------------------------------------------------


def test_reports_to_someone_in_the_file_or_the_register() -> None:
    preview = preview_import(
        ["姓名", "汇报对象"],
        [["李娜", "张伟"], ["张伟", ""], ["周婷", "王总"], ["Evan Li", ""], ["赵磊", " EVAN  li "]],
        existing_names=["王总"],
    )
    assert [row.problems for row in preview.rows] == [(), (), (), (), ()]
    names = [s.reports_to_name for s in preview.stakeholders]
    assert names == ["张伟", "", "王总", "", "EVAN li"]
    # as typed: the service matches it with name_key
    assert name_key(names[-1]) == name_key("Evan Li")


def test_reports_to_nobody_known_is_a_warning_and_left_empty() -> None:
    preview = preview_import(["姓名", "汇报对象"], [["李娜", "钱七"]], ["张伟"])
    [row] = preview.rows
    assert row.problems == (Problem(ProblemCode.UNKNOWN_MANAGER, "reports_to", "钱七"),)
    assert not row.problems[0].blocking
    assert row.stakeholder is not None
    assert row.stakeholder.reports_to_name == ""


def test_reports_to_a_row_that_cannot_be_imported() -> None:
    preview = preview_import(
        ["姓名", "权力", "汇报对象"], [["张伟", "9", ""], ["李娜", "4", "张伟"]], ()
    )
    assert preview.rows[1].problems == (
        Problem(ProblemCode.MANAGER_NOT_IMPORTED, "reports_to", "张伟", line=2),
    )
    assert preview.rows[1].stakeholder is not None
    assert preview.rows[1].stakeholder.reports_to_name == ""


def test_reports_to_oneself_and_loops_are_broken() -> None:
    preview = preview_import(
        ["姓名", "汇报对象"],
        [["甲", "甲"], ["乙", "丙"], ["丙", "丁"], ["丁", "乙"], ["戊", "乙"]],
        (),
    )
    problems = [row.problems for row in preview.rows]
    assert problems[0] == (Problem(ProblemCode.REPORTS_TO_SELF, "reports_to", "甲"),)
    assert problems[1] == problems[2] == problems[4] == ()
    # the loop 乙 -> 丙 -> 丁 -> 乙 is broken at its last row
    assert problems[3] == (Problem(ProblemCode.REPORTS_TO_CYCLE, "reports_to", "乙"),)
    assert [s.reports_to_name for s in preview.stakeholders] == ["", "丙", "丁", "", "乙"]
    assert all(row.importable for row in preview.rows)


# --- preview: 1W -------------------------------------------------------------------------


def test_a_second_1w_in_the_file_is_a_warning() -> None:
    preview = preview_import(
        ["姓名", "角色"], [["张伟", "1W"], ["李娜", "强C"], ["王总", "1w"]], ()
    )
    assert preview.rows[0].problems == ()
    assert preview.rows[2].problems == (
        Problem(ProblemCode.SECOND_ONE_W, "role_class", "张伟", line=2),
    )
    assert preview.rows[2].importable


def test_a_1w_when_the_register_has_one() -> None:
    preview = preview_import(["姓名", "角色"], [["张伟", "1W"]], ["赵总"], existing_one_w=["赵总"])
    assert preview.rows[0].problems == (
        Problem(ProblemCode.SECOND_ONE_W, "role_class", "赵总", line=None),
    )


def test_a_blocked_1w_does_not_count() -> None:
    preview = preview_import(
        ["姓名", "角色", "权力"], [["张伟", "1W", "8"], ["王总", "1W", "5"]], ()
    )
    assert codes(preview.rows[0].problems) == [ProblemCode.NOT_A_SCALE]
    assert preview.rows[1].problems == ()


def test_blocking_codes() -> None:
    warnings = {
        ProblemCode.UNKNOWN_COLUMN,
        ProblemCode.UNNAMED_COLUMN,
        ProblemCode.DUPLICATE_COLUMN,
        ProblemCode.UNKNOWN_MANAGER,
        ProblemCode.MANAGER_NOT_IMPORTED,
        ProblemCode.REPORTS_TO_SELF,
        ProblemCode.REPORTS_TO_CYCLE,
        ProblemCode.SECOND_ONE_W,
    }
    for code in ProblemCode:
        assert Problem(code).blocking is (code not in warnings), code


def test_a_name_whose_first_row_is_blocked_is_imported_from_its_next_row() -> None:
    preview = preview_import(["姓名", "权力"], [["马六", "9"], ["马六", "4"]], ())
    first, second = preview.rows
    assert codes(first.problems) == [ProblemCode.NOT_A_SCALE]
    assert second.importable
    assert second.stakeholder is not None
    assert second.stakeholder.power == 4


def test_department_is_read_as_the_organisation() -> None:
    preview = preview_import(["姓名", "部门"], [["周敏", "财务部"]], ())
    assert preview.rows[0].stakeholder is not None
    assert preview.rows[0].stakeholder.organisation == "财务部"
