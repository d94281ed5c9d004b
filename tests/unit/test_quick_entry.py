"""Quick entry of live minutes: one typed line -> an action item (5W1H), a decision or a note."""

from __future__ import annotations

import itertools
import timeit
from collections import Counter
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_desktop.core.quick_entry import (
    MAX_MARKERS,
    SYNTAX_EXAMPLES,
    EmptyEntryError,
    EntryKind,
    ParsedEntry,
    Problem,
    SpanRole,
    clean_text,
    complete_name,
    parse_entry,
)

WEDNESDAY = date(2026, 11, 25)
NAMES = ["张伟", "李红梅", "Zhang Wei", "Anna Smith"]


def parse(
    text: str, today: date = WEDNESDAY, names: tuple[str, ...] | list[str] = ()
) -> ParsedEntry:
    return parse_entry(text, today=today, names=names or NAMES)


def codes(entry: ParsedEntry) -> list[str]:
    return [problem.code for problem in entry.problems]


# -- the lines a scribe types ---------------------------------------------------------------------


def test_a_full_5w1h_line_in_chinese() -> None:
    entry = parse("@张伟 明天 提交调研报告 #客户总部 ?为了评审")
    assert entry == ParsedEntry(
        kind=EntryKind.ACTION,
        what="提交调研报告",
        who="张伟",
        due=date(2026, 11, 26),
        where="客户总部",
        why="为了评审",
        how=None,
    )
    assert entry.is_complete


def test_owner_and_deadline_after_the_text() -> None:
    entry = parse("开通ERP只读账号 @李红梅 截止下周五")
    assert (entry.what, entry.who, entry.due) == ("开通ERP只读账号", "李红梅", date(2026, 12, 4))
    assert entry.problems == ()


def test_an_english_line_with_a_two_word_name() -> None:
    entry = parse("Send the slides @Anna Smith by next fri #Zoom")
    assert entry.what == "Send the slides"
    assert entry.who == "Anna Smith"
    assert entry.due == date(2026, 12, 4)  # Friday of next week
    assert entry.where == "Zoom"
    assert entry.problems == ()


def test_a_line_typed_without_spaces() -> None:
    entry = parse("@张伟明天提交报告#客户总部")
    assert (entry.who, entry.due, entry.what, entry.where) == (
        "张伟",
        date(2026, 11, 26),
        "提交报告",
        "客户总部",
    )


def test_full_width_markers_from_a_chinese_ime() -> None:
    entry = parse("＠李红梅 ！下周一 ＃机房 开通账号 ～远程登录")
    assert entry.who == "李红梅"
    assert entry.due == date(2026, 11, 30)
    assert entry.where == "机房"
    assert entry.what == "开通账号"
    assert entry.how == "远程登录"


def test_deadline_particles_are_not_left_in_what() -> None:
    entry = parse("@张伟负责 周五前 确认需求")
    assert entry.who == "张伟"
    assert entry.due == date(2026, 11, 27)
    assert entry.what == "负责 确认需求"
    assert parse("下周五之前 @张伟 交付").what == "交付"


def test_front_desk_is_not_before() -> None:
    entry = parse("@张伟 明天前台取件")
    assert entry.due == date(2026, 11, 26)
    assert entry.what == "前台取件"


# -- kind -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "决定：采用方案B",
        "决议:采用方案B",
        "决策：采用方案B",
        "D: 采用方案B",
        "d：采用方案B",
        "decision: 采用方案B",
        "DECISION：采用方案B",
        "Decided: 采用方案B",
        "/d 采用方案B",
        "／D 采用方案B",
        "【决定】采用方案B",
        "[决议] 采用方案B",
        "  决定 ： 采用方案B",
    ],
)
def test_decision_prefixes(line: str) -> None:
    entry = parse(line)
    assert entry.kind is EntryKind.DECISION
    assert entry.what == "采用方案B"
    assert entry.is_complete  # a decision needs no owner or date


@pytest.mark.parametrize(
    "line",
    [
        "备注：客户下周出差",
        "记录: 客户下周出差",
        "N: 客户下周出差",
        "note:客户下周出差",
        "/n 客户下周出差",
    ],
)
def test_note_prefixes(line: str) -> None:
    entry = parse(line)
    assert entry.kind is EntryKind.NOTE
    assert entry.what == "客户下周出差"


@pytest.mark.parametrize(
    "line", ["待办：检查日志", "todo: 检查日志", "Action: 检查日志", "/a 检查日志", "检查日志"]
)
def test_action_prefixes_and_no_prefix(line: str) -> None:
    entry = parse(line)
    assert entry.kind is EntryKind.ACTION
    assert entry.what == "检查日志"


@pytest.mark.parametrize("line", ["决定采用方案B", "Note that the server is slow", "Done: 上线"])
def test_a_kind_word_without_its_colon_is_text(line: str) -> None:
    entry = parse(line)
    assert entry.kind is EntryKind.ACTION
    assert entry.what == line


def test_decisions_and_notes_are_kept_as_typed() -> None:
    entry = parse("决定：下周五上线 @张伟 跟进 #机房 ?客户要求")
    assert entry.kind is EntryKind.DECISION
    assert entry.what == "下周五上线 @张伟 跟进 #机房 ?客户要求"
    assert (entry.who, entry.due, entry.where, entry.why) == (None, None, None, None)


# -- who ------------------------------------------------------------------------------------------


def test_the_longest_known_name_wins() -> None:
    names = ["张伟", "张伟明"]
    assert parse("@张伟明 审核", names=names).who == "张伟明"
    assert parse("@张伟负责审核", names=names).who == "张伟"


def test_known_names_ignore_letter_case_and_give_the_attendee_spelling() -> None:
    entry = parse("@zhang wei check the logs tomorrow")
    assert entry.who == "Zhang Wei"
    assert entry.what == "check the logs"
    assert entry.problems == ()


def test_a_latin_name_must_end_at_a_word_boundary() -> None:
    entry = parse("@Anna Smithson call", names=["Anna Smith"])
    assert entry.who == "Anna"
    assert entry.what == "Smithson call"
    assert codes(entry) == ["unknown_owner"]


def test_an_unknown_name_is_kept_and_flagged() -> None:
    entry = parse("@王五 部署补丁 明天")
    assert entry.who == "王五"
    assert entry.problems == (Problem("unknown_owner", "王五"),)
    assert parse_entry("@王五 部署补丁", today=WEDNESDAY).problems == ()  # no attendee list


def test_an_at_sign_without_a_name() -> None:
    entry = parse("@ 明天 提交报告")
    assert entry.who is None
    assert entry.due == date(2026, 11, 26)
    assert entry.what == "@ 提交报告"
    assert entry.problems == (Problem("empty_owner", "@"),)


def test_a_mail_address_is_not_an_owner() -> None:
    entry = parse("mail zhang@example.com the plan @李红梅")
    assert entry.who == "李红梅"
    assert entry.what == "mail zhang@example.com the plan"


def test_a_second_owner_stays_in_what() -> None:
    entry = parse("@张伟 @李红梅 对接接口")
    assert entry.who == "张伟"
    assert entry.what == "@李红梅 对接接口"
    assert entry.problems == (Problem("extra_owner", "@李红梅"),)


# -- when -----------------------------------------------------------------------------------------

DATE_CASES = [
    # Chinese relative days, today = Wednesday 2026-11-25
    ("今天", WEDNESDAY, date(2026, 11, 25)),
    ("明天", WEDNESDAY, date(2026, 11, 26)),
    ("明日", WEDNESDAY, date(2026, 11, 26)),
    ("后天", WEDNESDAY, date(2026, 11, 27)),
    ("大后天", WEDNESDAY, date(2026, 11, 28)),
    # a plain weekday: the next one after today
    ("周五", WEDNESDAY, date(2026, 11, 27)),
    ("星期五", WEDNESDAY, date(2026, 11, 27)),
    ("礼拜五", WEDNESDAY, date(2026, 11, 27)),
    ("周5", WEDNESDAY, date(2026, 11, 27)),
    ("周三", WEDNESDAY, date(2026, 12, 2)),  # said on a Wednesday: next Wednesday
    ("周一", WEDNESDAY, date(2026, 11, 30)),
    ("周日", WEDNESDAY, date(2026, 11, 29)),
    ("礼拜天", WEDNESDAY, date(2026, 11, 29)),
    # this / next / the week after, weeks starting on Monday
    ("本周五", WEDNESDAY, date(2026, 11, 27)),
    ("这周日", WEDNESDAY, date(2026, 11, 29)),
    ("下周五", WEDNESDAY, date(2026, 12, 4)),
    ("下周一", WEDNESDAY, date(2026, 11, 30)),
    ("下个星期二", WEDNESDAY, date(2026, 12, 1)),
    ("下下周三", WEDNESDAY, date(2026, 12, 9)),
    # months and years
    ("月底", WEDNESDAY, date(2026, 11, 30)),
    ("本月底", WEDNESDAY, date(2026, 11, 30)),
    ("下月底", WEDNESDAY, date(2026, 12, 31)),
    ("下个月底", WEDNESDAY, date(2026, 12, 31)),
    ("月初", WEDNESDAY, date(2026, 12, 1)),
    ("月初", date(2026, 12, 1), date(2026, 12, 1)),
    ("下月初", WEDNESDAY, date(2026, 12, 1)),
    ("年底", WEDNESDAY, date(2026, 12, 31)),
    ("12月底", WEDNESDAY, date(2026, 12, 31)),
    ("2月底", WEDNESDAY, date(2027, 2, 28)),
    # counts
    ("3天后", WEDNESDAY, date(2026, 11, 28)),
    ("三天内", WEDNESDAY, date(2026, 11, 28)),
    ("十天后", WEDNESDAY, date(2026, 12, 5)),
    ("两周后", WEDNESDAY, date(2026, 12, 9)),
    ("2个星期后", WEDNESDAY, date(2026, 12, 9)),
    ("1个月后", WEDNESDAY, date(2026, 12, 25)),
    ("1个月后", date(2026, 1, 31), date(2026, 2, 28)),
    # English
    ("today", WEDNESDAY, date(2026, 11, 25)),
    ("Tomorrow", WEDNESDAY, date(2026, 11, 26)),
    ("tmr", WEDNESDAY, date(2026, 11, 26)),
    ("friday", WEDNESDAY, date(2026, 11, 27)),
    ("Monday", WEDNESDAY, date(2026, 11, 30)),
    ("by fri", WEDNESDAY, date(2026, 11, 27)),
    ("due wed", WEDNESDAY, date(2026, 12, 2)),
    ("this fri", WEDNESDAY, date(2026, 11, 27)),
    ("next fri", WEDNESDAY, date(2026, 12, 4)),
    ("next Monday", WEDNESDAY, date(2026, 11, 30)),
    ("eom", WEDNESDAY, date(2026, 11, 30)),
    ("end of month", WEDNESDAY, date(2026, 11, 30)),
    ("by the end of the month", WEDNESDAY, date(2026, 11, 30)),
    ("end of next month", WEDNESDAY, date(2026, 12, 31)),
    ("+3d", WEDNESDAY, date(2026, 11, 28)),
    ("+2w", WEDNESDAY, date(2026, 12, 9)),
    ("in 3 days", WEDNESDAY, date(2026, 11, 28)),
    ("in 2 weeks", WEDNESDAY, date(2026, 12, 9)),
    ("in a month", WEDNESDAY, date(2026, 12, 25)),
    # absolute dates
    ("2026-12-01", WEDNESDAY, date(2026, 12, 1)),
    ("2026/12/1", WEDNESDAY, date(2026, 12, 1)),
    ("2026.12.1", WEDNESDAY, date(2026, 12, 1)),
    ("2026年12月1日", WEDNESDAY, date(2026, 12, 1)),
    ("12月1日", WEDNESDAY, date(2026, 12, 1)),
    ("12月1号", WEDNESDAY, date(2026, 12, 1)),
    ("１２月１日", WEDNESDAY, date(2026, 12, 1)),
    ("12/1/2026", WEDNESDAY, date(2026, 12, 1)),
    ("!12/1", WEDNESDAY, date(2026, 12, 1)),
    ("!12-1", WEDNESDAY, date(2026, 12, 1)),
    ("!12.1", WEDNESDAY, date(2026, 12, 1)),
    ("！１２／１", WEDNESDAY, date(2026, 12, 1)),
    ("截止12.1", WEDNESDAY, date(2026, 12, 1)),
    ("截至 12月1日", WEDNESDAY, date(2026, 12, 1)),
    ("截止到12/1", WEDNESDAY, date(2026, 12, 1)),
    ("截止日期：12/1", WEDNESDAY, date(2026, 12, 1)),
    ("by 12/1", WEDNESDAY, date(2026, 12, 1)),
    ("due: 12/1", WEDNESDAY, date(2026, 12, 1)),
    ("!11/25", WEDNESDAY, date(2026, 11, 25)),  # on or after today: today
    ("!11/24", WEDNESDAY, date(2027, 11, 24)),
    # year rollover, today = Monday 2026-12-28
    ("!1/5", date(2026, 12, 28), date(2027, 1, 5)),
    ("1月5日", date(2026, 12, 28), date(2027, 1, 5)),
    ("月底", date(2026, 12, 28), date(2026, 12, 31)),
    ("下月底", date(2026, 12, 28), date(2027, 1, 31)),
    ("下月初", date(2026, 12, 28), date(2027, 1, 1)),
    ("下周一", date(2026, 12, 28), date(2027, 1, 4)),
    ("周日", date(2026, 12, 28), date(2027, 1, 3)),
    ("+1w", date(2026, 12, 28), date(2027, 1, 4)),
    # 29 February
    ("2028-02-29", WEDNESDAY, date(2028, 2, 29)),
    ("!2/29", date(2027, 12, 1), date(2028, 2, 29)),
    ("2月29日", date(2028, 1, 10), date(2028, 2, 29)),
    ("下月底", date(2028, 1, 15), date(2028, 2, 29)),
    ("下月底", date(2027, 1, 15), date(2027, 2, 28)),
    ("1个月后", date(2028, 1, 31), date(2028, 2, 29)),
]


@pytest.mark.parametrize(("when", "today", "due"), DATE_CASES)
def test_date_forms(when: str, today: date, due: date) -> None:
    entry = parse(f"@张伟 {when} 提交报告", today=today)
    assert entry.due == due
    assert entry.what == "提交报告"
    assert [c for c in codes(entry) if c != "past_date"] == []


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("提交报告 2026-02-30", "2026-02-30"),
        ("提交报告 !2/30", "2/30"),
        ("提交报告 截止2月30日", "2月30日"),
        ("提交报告 2027-02-29", "2027-02-29"),
        ("提交报告 !2/29", "2/29"),  # the coming February (2027) has 28 days
        ("提交报告 13月1日", "13月1日"),
        ("提交报告 !13/1", "13/1"),
        ("提交报告 !0/5", "0/5"),
        ("提交报告 by 4/31", "4/31"),
        ("提交报告 2026年11月31日", "2026年11月31日"),
    ],
)
def test_an_impossible_date_is_flagged_never_guessed(line: str, fragment: str) -> None:
    entry = parse(line)
    assert entry.due is None
    assert Problem("impossible_date", fragment) in entry.problems
    assert fragment in entry.what  # not lost
    assert not entry.is_complete


def test_an_impossible_date_is_not_replaced_by_another_one() -> None:
    entry = parse("!2/30 明天 提交报告")
    assert entry.due is None
    assert codes(entry) == ["impossible_date"]
    assert entry.what == "!2/30 明天 提交报告"


def test_a_date_marker_with_no_readable_date() -> None:
    entry = parse("提交报告 !asap @张伟")
    assert entry.due is None
    assert entry.what == "提交报告 !asap"
    assert entry.problems == (Problem("unreadable_date", "!asap"),)


def test_a_date_in_the_past_is_kept_and_flagged() -> None:
    entry = parse("@张伟 !2020-01-01 补签")
    assert entry.due == date(2020, 1, 1)
    assert entry.problems == (Problem("past_date", "2020-01-01"),)
    assert parse("this mon review").problems == (Problem("past_date", "this mon"),)


def test_a_marked_date_beats_an_unmarked_one() -> None:
    entry = parse("明天 准备材料 截止周五 @张伟")
    assert entry.due == date(2026, 11, 27)
    assert entry.what == "明天 准备材料"
    assert entry.problems == ()


def test_a_second_marked_date_stays_in_what() -> None:
    entry = parse("!明天 提交 !周五")
    assert entry.due == date(2026, 11, 26)
    assert entry.what == "提交 !周五"
    assert entry.problems == (Problem("extra_date", "!周五"),)


@pytest.mark.parametrize(
    "line",
    [
        "完成 3/4 的测试",  # a fraction
        "升级到 12.1 版本",  # a version
        "安排 1-2 人支持",  # a range
        "reduce latency by 2.5 ms",
        "grow by 3-4 people",
        "delayed due to rain",
        "we sat down with the sun team",
        "确认明天会议的议程",  # 明天 inside a phrase, not standing alone
        "成为了解决方案的一部分",  # 为了 inside 成为了
        "C# training",
        "跟进 #1234 缺陷",
        "大约 ~3 天",
        "能否上线？",
        "太好了！",
        "see https://example.com/a?b=1#top now",
    ],
)
def test_ordinary_text_is_not_read_as_markers(line: str) -> None:
    entry = parse(line)
    assert entry.what == line
    assert (entry.who, entry.due, entry.where, entry.why, entry.how) == (None,) * 5
    assert entry.problems == ()


# -- where, why, how ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "where", "what"),
    [
        ("#客户总部3楼 演示", "客户总部3楼", "演示"),
        ("部署 #ERP", "ERP", "部署"),
        ("＃会议室A，评审", "会议室A", "评审"),
        ("#[Room 301] review", "Room 301", "review"),
        ("#【客户总部 3楼】 演示", "客户总部 3楼", "演示"),
        ("演示 #ERP.", "ERP", "演示."),
    ],
)
def test_places(line: str, where: str, what: str) -> None:
    entry = parse(line)
    assert (entry.where, entry.what) == (where, what)


def test_a_second_place_stays_in_what() -> None:
    entry = parse("#机房 部署 #ERP")
    assert entry.where == "机房"
    assert entry.what == "部署 #ERP"
    assert entry.problems == (Problem("extra_place", "#ERP"),)


@pytest.mark.parametrize(
    ("line", "why", "what"),
    [
        ("准备材料 ?为了评审", "为了评审", "准备材料"),
        ("准备材料 ？客户要求 @张伟", "客户要求", "准备材料"),
        ("为了评审，准备材料 @张伟", "评审", "准备材料"),
        ("准备材料 目的：验收 @张伟", "验收", "准备材料"),
        ("准备材料 原因: 客户要求", "客户要求", "准备材料"),
        ("send logs because of the audit, then rest", "the audit", "send logs, then rest"),
        ("send logs so that Anna can debug", "Anna can debug", "send logs"),
        ("send logs why: audit", "audit", "send logs"),
    ],
)
def test_reasons(line: str, why: str, what: str) -> None:
    entry = parse(line)
    assert (entry.why, entry.what) == (why, what)


def test_a_natural_reason_alone_is_what_to_do() -> None:
    entry = parse("@张伟 明天 为了评审准备材料")
    assert entry.what == "为了评审准备材料"
    assert entry.why is None
    assert entry.is_complete


@pytest.mark.parametrize(
    ("line", "how", "what"),
    [
        ("部署补丁 ~远程登录", "远程登录", "部署补丁"),
        ("部署补丁 ～电话会议 @张伟", "电话会议", "部署补丁"),
        ("部署补丁 方法：远程登录", "远程登录", "部署补丁"),
        ("deploy the patch how: remote session", "remote session", "deploy the patch"),
    ],
)
def test_methods(line: str, how: str, what: str) -> None:
    entry = parse(line)
    assert (entry.how, entry.what) == (how, what)


# -- what -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ("提交报告，@张伟，明天", "提交报告"),
        ("提交报告，@张伟，尽快", "提交报告，尽快"),
        ("提交报告（@张伟）", "提交报告"),
        ("  提交    报告  ", "提交 报告"),
        ("- 提交报告 @张伟", "提交报告"),
        ("，提交报告；", "提交报告"),
        ("🎉 庆祝上线 @张伟 🚀", "🎉 庆祝上线 🚀"),
        ("Review the 部署方案 with ops @Anna Smith", "Review the 部署方案 with ops"),
    ],
)
def test_what_is_tidied(line: str, what: str) -> None:
    assert parse(line).what == what


def test_an_item_with_nothing_to_do() -> None:
    entry = parse("@张伟 明天")
    assert entry.what == ""
    assert entry.problems == (Problem("missing_what", ""),)


@pytest.mark.parametrize("line", ["", "   ", "\t\n", "\u3000"])
def test_an_empty_line_is_refused(line: str) -> None:
    with pytest.raises(EmptyEntryError):
        parse(line)
    with pytest.raises(ValueError, match="empty"):
        parse(line)


def test_is_complete_needs_who_and_when_for_actions_only() -> None:
    assert parse("@张伟 明天 提交报告").is_complete
    assert not parse("@张伟 提交报告").is_complete
    assert not parse("明天 提交报告").is_complete
    assert parse("备注：客户出差").is_complete


def test_clean_text() -> None:
    assert clean_text("  ，- 提交  报告 ；  ") == "提交 报告"
    assert clean_text("，，，") == ""
    assert clean_text("-1 天") == "-1 天"


# -- spans, for highlighting while typing ---------------------------------------------------------


def test_spans_tile_the_line_with_their_roles() -> None:
    line = "决定：x"
    assert [(s.start, s.end, s.role) for s in parse(line).spans] == [
        (0, 3, SpanRole.KIND),
        (3, 4, SpanRole.WHAT),
    ]
    line = "@张伟 下周五前 提交 #机房"
    roles = [(line[s.start : s.end], s.role) for s in parse(line).spans]
    assert roles == [
        ("@", SpanRole.MARKER),
        ("张伟", SpanRole.WHO),
        (" ", SpanRole.WHAT),
        ("下周五", SpanRole.WHEN),
        ("前", SpanRole.MARKER),
        (" 提交 ", SpanRole.WHAT),
        ("#", SpanRole.MARKER),
        ("机房", SpanRole.WHERE),
    ]


# -- the help panel -------------------------------------------------------------------------------


def test_the_help_examples_do_what_they_say() -> None:
    names = [*NAMES, "王五", "Anna", "Bob"]
    assert len(SYNTAX_EXAMPLES) >= 10
    for line, produces in SYNTAX_EXAMPLES:
        entry = parse_entry(line, today=WEDNESDAY, names=names)
        expected = ["impossible_date"] if "does not exist" in produces else []
        assert codes(entry) == expected, line
        assert entry.what, line
        if entry.kind is EntryKind.ACTION and expected == []:
            assert entry.who is not None, line
        kind = EntryKind.ACTION
        if produces.startswith("A decision"):
            kind = EntryKind.DECISION
        elif produces.startswith("A note"):
            kind = EntryKind.NOTE
        assert entry.kind is kind, line


# -- the @ completer ------------------------------------------------------------------------------

PEOPLE = ["张伟", "李红梅", "Zhang Wei", "Anna Smith", "Hannah Lee", "Joanna", "Ann Li"]


@pytest.mark.parametrize(
    ("prefix", "found"),
    [
        ("ann", ["Anna Smith", "Ann Li", "Hannah Lee", "Joanna"]),
        ("ANN", ["Anna Smith", "Ann Li", "Hannah Lee", "Joanna"]),
        ("@ann", ["Anna Smith", "Ann Li", "Hannah Lee", "Joanna"]),
        ("smi", ["Anna Smith"]),
        ("wei", ["Zhang Wei"]),
        ("li", ["Ann Li"]),
        ("李", ["李红梅"]),
        ("红梅", ["李红梅"]),
        ("张", ["张伟"]),
        ("zhang w", ["Zhang Wei"]),
        ("xyz", []),
        ("", PEOPLE),
    ],
)
def test_complete_name(prefix: str, found: list[str]) -> None:
    assert complete_name(prefix, PEOPLE) == found


def test_complete_name_prefix_matches_come_first_and_limit() -> None:
    names = ["Joanna", "Li Ann", "Ann Lee", "Anna", "Anna"]
    assert complete_name("ann", names) == ["Ann Lee", "Anna", "Li Ann", "Joanna"]
    assert complete_name("ann", names, limit=2) == ["Ann Lee", "Anna"]


# -- robustness: any text -------------------------------------------------------------------------

MARKER_WORDS = {
    "",
    "截止",
    "截至",
    "截止到",
    "截止日期",
    "截止时间",
    "by",
    "due",
    "deadline",
    "为了",
    "because",
    "becauseof",
    "sothat",
    "目的",
    "原因",
    "why",
    "reason",
    "方法",
    "方式",
    "how",
    "前",
    "之前",
    "以前",
}
KIND_WORDS = {
    *("决定", "决议", "决策", "d", "decision", "decided"),
    *("备注", "记录", "n", "note"),
    *("待办", "行动", "todo", "action", "a"),
}


def alnum(text: str) -> str:
    return "".join(char for char in text if char.isalnum())


def made_of(text: str, words: set[str]) -> bool:
    """Whether ``text`` is a run of ``words`` (adjacent markers share one span)."""
    ends = {0}
    for end in range(1, len(text) + 1):
        if any(text[start:end] in words for start in ends if start < end):
            ends.add(end)
    return len(text) in ends


def check_nothing_is_lost(line: str, entry: ParsedEntry) -> None:
    """Every letter or digit of the line is in a field, in a date or in a marker keyword."""
    spans = entry.spans
    assert spans[0].start == 0
    assert spans[-1].end == len(line)
    assert all(a.end == b.start for a, b in itertools.pairwise(spans))
    assert all(s.end > s.start for s in spans)
    by_role: dict[SpanRole, str] = {}
    for span in spans:
        by_role[span.role] = by_role.get(span.role, "") + line[span.start : span.end]
        if span.role is SpanRole.MARKER:
            assert made_of(alnum(line[span.start : span.end]).casefold(), MARKER_WORDS)
        if span.role is SpanRole.KIND:
            assert alnum(line[span.start : span.end]).casefold() in KIND_WORDS
    assert Counter(alnum(by_role.get(SpanRole.WHAT, ""))) == Counter(alnum(entry.what))
    fields = {
        SpanRole.WHO: entry.who,
        SpanRole.WHERE: entry.where,
        SpanRole.WHY: entry.why,
        SpanRole.HOW: entry.how,
    }
    for role, value in fields.items():
        typed = by_role.get(role)
        assert (typed is None) == (value is None)
        if value is not None and typed is not None:
            assert value == value.strip()
            assert value
            assert Counter(alnum(typed).casefold()) == Counter(alnum(value).casefold())
    assert (SpanRole.WHEN in by_role) == (entry.due is not None)


FRAGMENTS = [
    *("@", "＠", "#", "＃", "!", "！", "?", "？", "~", "～", "#[", "]", "【", "】"),
    *("张伟", "李红梅", "Zhang Wei", "anna smith", "王五", "Bob"),
    *("明天", "下周五", "周三", "月底", "下月底", "3天后", "两周后", "12/1", "2/30", "2026-02-30"),
    *("12月1日", "2028年2月29日", "tomorrow", "next fri", "eom", "+3d", "in 2 weeks", "13/1"),
    *("截止", "截至", "by", "due", "because", "so that", "为了", "目的：", "方法：", "how:", "前"),
    *("决定：", "备注：", "D:", "/n", "note:"),
    *("提交报告", "ERP", "send the slides", "C#", "v2.1", "a@b.com", "http://x.y/#z", "🎉"),
    *("，", ",", "。", "（", "）", "-", " ", "　", "\n", "1", "x"),
]
glued_lines = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(["", "", " ", "，"])),
    min_size=1,
    max_size=12,
).map(lambda parts: "".join(f + sep for f, sep in parts))
todays = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
name_lists = st.lists(
    st.sampled_from(["张伟", "李红梅", "Zhang Wei", "Anna Smith", "Anna", " ", ""])
)


@settings(max_examples=400)
@given(line=st.text(), today=todays, names=name_lists)
def test_any_text_parses_and_loses_nothing(line: str, today: date, names: list[str]) -> None:
    if not line.strip():
        with pytest.raises(EmptyEntryError):
            parse_entry(line, today=today, names=names)
        return
    entry = parse_entry(line, today=today, names=names)
    check_nothing_is_lost(line, entry)


@settings(max_examples=1500)
@given(line=glued_lines, today=todays, names=name_lists)
def test_marker_soup_parses_and_loses_nothing(line: str, today: date, names: list[str]) -> None:
    if not line.strip():
        return
    entry = parse_entry(line, today=today, names=names)
    check_nothing_is_lost(line, entry)
    if entry.kind is EntryKind.ACTION and entry.what == "":
        assert Problem("missing_what", "") in entry.problems


@settings(max_examples=30, deadline=None)
@given(piece=glued_lines.filter(str.strip))
def test_long_lines_stay_fast_and_lose_nothing(piece: str) -> None:
    line = (piece * (100_000 // len(piece) + 1))[:100_000]
    seconds = min(timeit.repeat(lambda: parse(line), number=1, repeat=3))
    check_nothing_is_lost(line, parse(line))
    assert seconds < 0.1


LONG_LINES = {
    "minutes repeated": "@张伟 明天 提交调研报告 #客户总部 ?为了评审 " * 4000,
    "Chinese prose": "客户要求在下周五前完成系统上线，项目经理需要协调资源，确认需求。" * 4000,
    "English prose": "Send the slides to the client by next fri because the review is due. " * 2000,
    "one word": "x" * 100_000,
    "spaces": " " * 99_999 + "x",
    "emoji": "🎉👍🏽" * 40_000,
    "at signs": "@" * 100_000,
    "numbers": "1 2/3 4.5 2026 " * 8_000,
    "unclosed brackets": "#[" * 50_000,
}


@pytest.mark.parametrize("name", LONG_LINES)
def test_a_100k_character_line_parses_in_well_under_50_ms(name: str) -> None:
    line = LONG_LINES[name][:100_000]
    seconds = min(timeit.repeat(lambda: parse(line), number=1, repeat=5))
    entry = parse(line)
    check_nothing_is_lost(line, entry)
    assert seconds < 0.05, f"{name}: {seconds * 1000:.1f} ms"


def test_a_line_with_hundreds_of_markers_keeps_the_rest_as_text() -> None:
    line = "@张伟 明天 提交 " * (MAX_MARKERS + 50)
    entry = parse(line)
    assert entry.who == "张伟"
    assert entry.due == date(2026, 11, 26)
    assert "too_many_markers" in codes(entry)
    check_nothing_is_lost(line, entry)
