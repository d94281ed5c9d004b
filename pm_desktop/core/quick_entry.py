"""Quick entry: one line typed live in a meeting becomes an action item, a decision or a note.

The syntax works with a Chinese IME (every marker also has its full-width form) and in English.

Kind (at the start of the line)
    ``决定：`` ``决议：`` ``决策：`` ``D:`` ``decision:`` ``decided:`` ``/d`` -> a decision;
    ``备注：`` ``记录：`` ``N:`` ``note:`` ``/n`` -> a note; ``待办：`` ``行动：`` ``todo:``
    ``action:`` ``/a`` or nothing -> an action item. ``:`` or ``：``, any letter case, and
    ``【决定】`` / ``[决定]`` also work. Decisions and notes are kept as typed: markers are read
    only in action items, so a ``?`` or ``#`` in a note stays text.

Who
    ``@name`` / ``＠name``. The longest attendee name right after the ``@`` wins (``@张伟负责`` ->
    张伟; ``@Anna Smith`` with its space), matched ignoring letter case. Otherwise the name runs to
    the next space, punctuation or marker, and is flagged ``unknown_owner`` when attendees are
    known. ``a@b.com`` is an address, not an owner.

When
    ``!date`` / ``！date``, or ``截止`` ``截至`` ``截止到`` ``截止日期`` ``by`` ``due`` ``deadline``
    before a date; a date standing on its own (at the start, after a space, a punctuation mark
    or another marker: ``@张伟明天``) needs no marker, except the short numeric forms and lone
    English abbreviations (``fri``, ``sat``) below. The first marked date wins, else the first
    unmarked one. ``前`` / ``之前`` / ``以前`` after a date mean "by" (``周五前``).
    Dates, counted from ``today``:
      今天 明天 后天 大后天 / today tomorrow tonight tmr;
      周五 星期五 礼拜五 周日 / friday fri: the next such day after today (a plain "周三" said on
      a Wednesday is next week's Wednesday: the same day would be said "今天");
      本周五 这周五 / this fri: that day of the current week (weeks start on Monday);
      下周五 / next fri: that day of next week; 下下周五: of the week after;
      月底 本月底 / end of month, eom: the last day of this month; 下月底 / end of next month;
      月初: the next 1st of a month (today if today is the 1st); 下月初: the 1st of next month;
      12月底: the last day of the next December; 年底: 31 December;
      3天后 三天内 两周后 1个月后 / +3d +2w / in 3 days, in 2 weeks, in a month;
      2026-12-01 2026/12/1 2026.12.1 2026年12月1日 12月1日 12月1号 12/1/2026;
      12/1 12-1 12.1: month/day, the next such date on or after today (in December "1/5" is the
      coming January). These short numeric forms need a marker (``!12/1``, ``截止12.1``,
      ``by 12/1``: after by/due only the slash form), so fractions, ranges and versions stay
      text. The year of a month/day is that of its next occurrence, so "2/29" is impossible
      when the coming February is not a leap one.
    An impossible date (2026-02-30, 2/30, 13月1日) is never guessed: it stays in What and is
    flagged ``impossible_date``; a due date before today is kept and flagged ``past_date``.

Where
    ``#place`` / ``＃place``: up to the next space or punctuation (``#客户总部3楼``, ``#ERP``);
    ``#[Room 301]`` / ``#【客户总部 3楼】`` for a place with spaces. ``#123`` stays text (a ticket
    number), and so does ``C#``.

Why
    ``?reason`` / ``？reason``, ``目的：`` ``原因：`` ``why:`` ``reason:`` up to the next marker
    (so type them last); ``为了…`` ``because …`` ``because of …`` ``so that …`` up to the next
    marker or comma.

How
    ``~method`` / ``～method``, ``方法：`` ``方式：`` ``how:`` up to the next marker (``~3`` is
    "about 3", not a method).

What
    Everything else, with whitespace collapsed and dangling punctuation trimmed.

Nothing is dropped: text the parser does not understand stays in What and is listed in
``problems``; a second owner, date, place, reason or method stays in What too. A marker symbol
must touch its value: ``? `` or ``!`` followed by a space is plain punctuation. If a natural
reason (为了…, because…) would leave What empty, it is read as What instead. A line that is empty
or only whitespace raises :class:`EmptyEntryError` (the UI simply ignores Enter on it).

The parser is linear in the length of the line: the regular expressions have bounded
repetitions only, a prefilter skips text that cannot start a marker at C speed, and after
MAX_MARKERS markers (or MAX_CANDIDATES look-alikes) the rest of a line is kept in What unread
(``too_many_markers``). A pasted 100,000-character line is parsed in a few milliseconds.
"""

from __future__ import annotations

import bisect
import calendar
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum


class EntryKind(StrEnum):
    ACTION = "action"
    DECISION = "decision"
    NOTE = "note"


class SpanRole(StrEnum):
    """What a stretch of the typed line was read as (for highlighting it while typing)."""

    KIND = "kind"  # the kind prefix, e.g. "决定："
    MARKER = "marker"  # a marker symbol or keyword, e.g. "@", "截止", "by", "前"
    WHAT = "what"
    WHO = "who"
    WHEN = "when"
    WHERE = "where"
    WHY = "why"
    HOW = "how"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something not understood. ``code`` is stable (the UI translates it); ``text`` as typed.

    Codes: ``impossible_date``, ``unreadable_date``, ``past_date``, ``empty_owner``,
    ``unknown_owner``, ``extra_owner``, ``extra_date``, ``extra_place``, ``extra_reason``,
    ``extra_method``, ``missing_what``, ``too_many_markers`` (more than MAX_MARKERS markers or
    MAX_CANDIDATES look-alikes: the rest of the line, starting with ``text``, is kept unread).
    """

    code: str
    text: str


@dataclass(frozen=True, slots=True)
class Span:
    """``text[start:end]`` was read as ``role``; the spans of an entry tile the whole line."""

    start: int
    end: int
    role: SpanRole


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    """One parsed line. ``spans`` say how each part of the line was read (not compared)."""

    kind: EntryKind
    what: str
    who: str | None
    due: date | None
    where: str | None
    why: str | None
    how: str | None
    problems: tuple[Problem, ...] = ()
    spans: tuple[Span, ...] = field(default=(), compare=False, repr=False)

    @property
    def is_complete(self) -> bool:
        """An action needs Who and When; decisions and notes need neither."""
        if self.kind is not EntryKind.ACTION:
            return True
        return self.who is not None and self.due is not None


class EmptyEntryError(ValueError):
    """The line is empty or only whitespace: there is nothing to record."""


#: (example line, what it produces), shown in the help panel; the UI translates the right side.
SYNTAX_EXAMPLES: list[tuple[str, str]] = [
    (
        "@张伟 明天 提交调研报告 #客户总部 ?为了评审",
        "Action: 提交调研报告; who 张伟; due tomorrow; where 客户总部; why 为了评审",
    ),
    ("开通ERP只读账号 @李红梅 截止下周五", "Action owned by 李红梅, due Friday of next week"),
    (
        "@张伟负责 周五前 确认需求",
        "Owner 张伟 (an attendee) even without a space; due this coming Friday",
    ),
    (
        "Send the slides @Anna Smith by next fri #Zoom",
        "Action owned by Anna Smith, due Friday of next week, where Zoom",
    ),
    (
        "@王五 !12/1 部署补丁 ~远程登录",
        "Due 1 December (the next one); how 远程登录 (? and ~ go last)",
    ),
    ("@Anna call the client +3d because of the audit", "Due in 3 days; why: the audit"),
    ("决定：采用方案B", "A decision, recorded as typed"),
    ("备注：客户下周出差", "A note, recorded as typed"),
    ("/d Go live on 12/1", "A decision (short form)"),
    ("@张伟 截止2026-02-30 提交报告", "No due date: 2026-02-30 does not exist (flagged)"),
    ("Fix #123 @Bob tomorrow", "#123 stays text (a ticket number)"),
    ("#[Room 301] @Bob 12月1日 review", "A place with spaces in brackets; due 1 December"),
]


# ---------------------------------------------------------------------------------------------
# Patterns. Every repetition is bounded or over a single character class, so matching stays
# linear. Groups of the date patterns are named; _unnamed() strips the names where one pattern
# is embedded in a bigger one.

_D = "[0-9０-９]"
_SEP = "[-/.－／．]"
_SP = "[ \u3000]"
_END_ASCII = "(?![A-Za-z0-9_'’０-９])"
_NO_DIGIT = "(?![0-9０-９])"

_ISO = (
    rf"(?P<iso_y>{_D}{{4}}){_SEP}(?P<iso_m>{_D}{{1,2}}){_SEP}(?P<iso_d>{_D}{{1,2}})"
    rf"{_END_ASCII}(?!{_SEP}{_D})"
)
_CN_FULL = (
    rf"(?P<cf_y>{_D}{{4}}){_SP}?年{_SP}?(?P<cf_m>{_D}{{1,2}}){_SP}?月{_SP}?"
    rf"(?P<cf_d>{_D}{{1,2}})(?:{_SP}?[日号])?{_NO_DIGIT}"
)
_US = rf"(?P<us_m>{_D}{{1,2}})[/／](?P<us_d>{_D}{{1,2}})[/／](?P<us_y>{_D}{{4}}){_END_ASCII}"
_CN_MD = rf"(?P<cm_m>{_D}{{1,2}}){_SP}?月{_SP}?(?P<cm_d>{_D}{{1,2}})(?:{_SP}?[日号])?{_NO_DIGIT}"
_CN_MONTH_END = rf"(?P<ce_m>{_D}{{1,2}}){_SP}?月(?:底|末)"
_SHORT = rf"(?P<sh_m>{_D}{{1,2}}){_SEP}(?P<sh_d>{_D}{{1,2}})(?!{_SEP}?{_D})(?![A-Za-z_'’])"
_SHORT_SLASH = rf"(?P<sh_m>{_D}{{1,2}})[/／](?P<sh_d>{_D}{{1,2}})(?![/／]?{_D})(?![A-Za-z_'’])"
_CN_DAY = "(?P<cn_day>大后天|今天|今日|明天|明日|后天)"
_CN_WEEK = (
    "(?P<cw_p>下下个?|下个?|本|这个?)?(?:周|星期|礼拜)"
    rf"(?P<cw_d>[一二三四五六日天1-7１-７]){_NO_DIGIT}"
)
_CN_MONTH = "(?P<cmo_p>下个?|本|这个?)?月(?P<cmo_e>底|末|初)"
_CN_YEAR = "(?P<cn_year>年底|年末)"
_CN_IN = (
    rf"(?P<ci_n>{_D}{{1,3}}|[一二两三四五六七八九十]{{1,3}}){_SP}?"
    "(?P<ci_u>天|日|个?周|个?星期|个?礼拜|个月)(?P<ci_s>之后|以后|后|之内|以内|内)"
)
_WD_FULL = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WD = _WD_FULL + "|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun"
_EN_DAY = rf"(?P<en_day>today|tonight|tomorrow|tmrw|tmr){_END_ASCII}"
_EN_WEEK = rf"(?:(?P<ew_p>next|this){_SP}{{1,3}})?(?P<ew_d>{_WD}){_END_ASCII}"
# Standing alone, "sat", "sun" and "wed" are ordinary words: only full names need no prefix.
_EN_WEEK_BARE = (
    rf"(?:(?P<ew_p>next|this){_SP}{{1,3}}(?P<ew_d>{_WD})|(?P<ew_f>{_WD_FULL})){_END_ASCII}"
)
_EN_EOM = (
    rf"(?:(?:the{_SP}{{1,3}})?end{_SP}{{1,3}}of{_SP}{{1,3}}"
    rf"(?:(?P<eom_next>next){_SP}{{1,3}}|(?:the|this){_SP}{{1,3}})?month|(?P<eom>eom)){_END_ASCII}"
)
_EN_PLUS = rf"[+＋](?P<pl_n>{_D}{{1,3}}){_SP}?(?P<pl_u>days|day|d|weeks|week|wks|wk|w){_END_ASCII}"
_EN_IN = (
    rf"in{_SP}{{1,3}}(?P<in_n>{_D}{{1,3}}|an|a|one|two|three|four|five|six|seven|eight|nine|ten)"
    rf"{_SP}{{1,3}}(?P<in_u>days|day|weeks|week|months|month){_END_ASCII}"
)


def _english(*patterns: str) -> str:
    return "(?ai:" + "|".join(patterns) + ")"


_ABS_FORMS = (_ISO, _CN_FULL, _US, _CN_MD, _CN_MONTH_END)
_CN_REL_FORMS = (_CN_DAY, _CN_WEEK, _CN_MONTH, _CN_YEAR, _CN_IN)
_EN_FORMS = (_EN_DAY, _EN_WEEK, _EN_EOM, _EN_PLUS, _EN_IN)
_EN_BARE_FORMS = (_EN_DAY, _EN_WEEK_BARE, _EN_EOM, _EN_PLUS, _EN_IN)

_ANY_DATE_SRC = "|".join((*_ABS_FORMS, _SHORT, *_CN_REL_FORMS, _english(*_EN_FORMS)))
_BARE_ABS_SRC = "|".join(_ABS_FORMS)
_BARE_REL_SRC = "|".join((*_CN_REL_FORMS, _english(*_EN_BARE_FORMS)))

#: After ! and 截止: every form.
_DATE_ANY = re.compile(_ANY_DATE_SRC)
#: After by / due / deadline: no "12-1" or "12.1" ("by 2.5 ms", "by 3-4 people").
_DATE_EN_KW = re.compile(
    "|".join((*_ABS_FORMS, _SHORT_SLASH, *_CN_REL_FORMS, _english(*_EN_FORMS)))
)
#: Without a marker: no short numeric forms, no lone weekday abbreviations.
_DATE_BARE = re.compile(_BARE_ABS_SRC + "|" + _BARE_REL_SRC)


def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_MARKER_SYMBOLS = "@＠#＃!！?？~～"
_CLAUSE = "，,、；;。"
_BOUNDARY_PUNCT = (
    ",.;:!?()[]{}<>\"'`|/\\-–—，。；：！？、（）【】［］｛｝《》〈〉「」『』“”‘’…·～~@＠#＃"
)
#: "Standing on its own": at the start, or after whitespace or punctuation.
_LEFT_BOUNDARY = "(?<![^\\s" + re.escape(_BOUNDARY_PUNCT) + "])"
_NOT_AFTER_WORD = "(?<![A-Za-z0-9_])"
_NOT_BEFORE_WORD = "(?![A-Za-z0-9_])"


def _scan_source(*, anchored: bool) -> str:
    """The scanner: every place where a marker or a date may start.

    ``anchored`` drops the "standing on its own" conditions, for matching right where
    another marker's value ends (``@张伟明天``, ``@Anna#Zoom``).
    """
    left = "" if anchored else _LEFT_BOUNDARY
    not_after_word = "" if anchored else _NOT_AFTER_WORD
    not_after_alnum = "" if anchored else "(?<![A-Za-z0-9_０-９Ａ-Ｚａ-ｚ])"
    not_after_number = "" if anchored else "(?<![0-9０-９A-Za-z_.．/／\\-－])"
    return "|".join(
        (
            rf"{_NOT_AFTER_WORD}(?P<url>(?ai:[a-z][a-z0-9+.\-]{{0,15}}://|www\.)\S*)",
            rf"{not_after_alnum}(?P<sym>[@＠#＃!！?？]|[~～](?![0-9０-９]))",
            "(?P<kwd>截止到|截止日期|截止时间|截至|截止)",
            rf"{not_after_word}(?P<kwe>(?ai:by|due|deadline)){_NOT_BEFORE_WORD}",
            rf"{left}(?P<whyn>为了)",
            rf"{not_after_word}(?P<whyne>(?ai:because(?:{_SP}{{1,3}}of)?|so{_SP}{{1,3}}that))"
            + _NOT_BEFORE_WORD,
            rf"{left}(?P<whyl>目的|原因|(?ai:why|reason)){_SP}{{0,2}}[:：]",
            rf"{left}(?P<howl>方法|方式|(?ai:how)){_SP}{{0,2}}[:：]",
            rf"{not_after_number}(?P<dabs>{_unnamed(_BARE_ABS_SRC)})",
            rf"{left}(?P<drel>{_unnamed(_BARE_REL_SRC)})",
        )
    )


_SCAN = re.compile(_scan_source(anchored=False))
_SCAN_AT = re.compile(_scan_source(anchored=True))

#: English words that may start a marker or a date: first letter -> the rest (a prefilter).
_ENGLISH_STARTS = {
    "b": "y|ecause",
    "d": "ue|eadline",
    "s": "o[ \u3000]{1,3}that|aturday|unday",
    "w": "hy|ednesday|ww\\.",
    "r": "eason",
    "h": "ow",
    "t": "oday|onight|omorrow|mr|uesday|hursday|his[ \u3000]|he[ \u3000]{1,3}end",
    "n": "ext[ \u3000]",
    "m": "onday",
    "f": "riday",
    "e": "nd[ \u3000]|om",
    "i": "n[ \u3000]",
}


def _candidate_source() -> str:
    """Where ``_SCAN`` may match, as a cheap necessary condition.

    Every alternative starts with a plain character, so the regex engine skips all other
    characters at C speed (Python's "charset prefix"); the conditions on the preceding
    character are checked after that first character, hence the ``.`` in the look-behinds.
    """
    boundary = "(?<![^\\s" + re.escape(_BOUNDARY_PUNCT) + "].)"
    symbols = re.escape(_MARKER_SYMBOLS)
    after_alnum = "(?<![A-Za-z0-9_０-９Ａ-Ｚａ-ｚ].)"
    branches = [f"{re.escape(c)}{after_alnum}" for c in "@＠"]
    branches += [f"{re.escape(c)}{after_alnum}(?![\\s{symbols}])" for c in "#＃!！?？~～"]
    branches += ["截[止至]", f"为{boundary}了", f"目{boundary}的", f"原{boundary}因"]
    branches += [f"方{boundary}[法式]", ":(?=//)"]
    branches += [f"{re.escape(c)}{boundary}{_D}" for c in "+＋"]
    branches += [f"{c}{boundary}" for c in "今明后大周星礼本这下月年一二两三四五六七八九十"]
    # 2026-, 2026年, 12/1/2026, 12月, 3天, 3周, 3个, 3星期, 3礼拜 (the first digit is consumed)
    digits_then = (
        rf"(?:{_D}{{3}}(?:{_SEP}|{_SP}?年)|{_D}?[/／]{_D}{{1,2}}[/／]"
        rf"|{_D}{{0,2}}{_SP}?[月天日周个星礼])"
    )
    branches += [
        f"{c}(?<![0-9０-９A-Za-z_].){digits_then}" for c in "0123456789０１２３４５６７８９"
    ]
    for first, rest in _ENGLISH_STARTS.items():
        branches += [f"{c}(?<![A-Za-z0-9_].)(?ai:{rest})" for c in (first, first.upper())]
    return "|".join(branches)


_CANDIDATE = re.compile(_candidate_source())
_NON_SPACE = re.compile("\\S*")
#: Beyond this many markers, or places that look like one, a line is pasted text, not minutes:
#: the rest of it stays in What unread (and the parse stays within milliseconds).
MAX_MARKERS = 200
MAX_CANDIDATES = 5000

_RUN = re.compile(
    "[^\\s"
    + re.escape(_MARKER_SYMBOLS + _CLAUSE + '：:()（）[]［］【】「」『』《》〈〉<>{}"“”')
    + "]+"
)
_GAP = re.compile(f"{_SP}{{0,3}}[:：]?{_SP}{{0,3}}")
_CLAUSE_RE = re.compile("[" + re.escape(_CLAUSE) + "]")
_CLAUSE_RUN = re.compile("[\\s" + re.escape(_CLAUSE) + "]*")
#: 前 / 之前 / 以前 after a date mean "by" (but not in 前台, 前端, 前往, ...).
_BY_SUFFIX = re.compile("之前|以前|前(?![台端往面景夕后期线])")

_KIND = re.compile(  # matched after the leading whitespace
    r"(?:"
    r"[/／](?ai:(?P<sd>decision|d)|(?P<sn>note|n)|(?P<sa>action|todo|a))(?=\s|$)"
    r"|[\[【［]?(?:(?P<d>决定|决议|决策|(?ai:decision|decided|d))"
    r"|(?P<n>备注|记录|(?ai:note|n))"
    r"|(?P<a>待办|行动|(?ai:todo|action)))"
    rf"(?:[\]】］]{_SP}{{0,3}}[:：]?|{_SP}{{0,3}}[:：])"
    r")\s*"
)

_DASHES = "-–—*•·"
_LEAD_JUNK = re.compile("(?:[ " + re.escape(_CLAUSE + "：:") + "]|[" + re.escape(_DASHES) + "] )*")
# Matched on the reversed text: "junk$" searched forwards would be quadratic.
_TRAIL_JUNK = re.compile("(?:[ ，,、；;：:]|[" + re.escape(_DASHES) + "] )*")
_NO_SPACE_BEFORE = frozenset(_CLAUSE + ".:：!?！？)）]】」》")
_OPEN_CLOSE = {"(": ")", "（": "）", "[": "]", "【": "】", "［": "］", "「": "」", "《": "》"}

_CN_DIGITS = dict(zip("一二三四五六七八九", range(1, 10), strict=True)) | {"两": 2}
_EN_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_DAY_WORDS = {
    "今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "大后天": 3,
    "today": 0, "tonight": 0, "tomorrow": 1, "tmr": 1, "tmrw": 1,
}  # fmt: skip
_CN_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_EN_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


# ---------------------------------------------------------------------------------------------
# Dates


class _ImpossibleDateError(Exception):
    """The text is a date that does not exist (2/30), or one out of range."""


def _number(text: str) -> int | None:
    """Arabic digits (also full-width) or a Chinese numeral up to 99; None when unreadable."""
    if text[0].isdigit():
        return int(text)
    if "十" in text:
        head, _, tail = text.partition("十")
        if len(head) > 1 or len(tail) > 1 or "十" in tail:
            return None
        if (head and head not in _CN_DIGITS) or (tail and tail not in _CN_DIGITS):
            return None
        return (_CN_DIGITS[head] if head else 1) * 10 + (_CN_DIGITS[tail] if tail else 0)
    return _CN_DIGITS.get(text) if len(text) == 1 else None


def _make(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise _ImpossibleDateError from error


def _month_end(year: int, month: int) -> date:
    if not 1 <= year <= 9999 or not 1 <= month <= 12:
        raise _ImpossibleDateError
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    years, month0 = divmod(day.month - 1 + months, 12)
    last = _month_end(day.year + years, month0 + 1)
    return last.replace(day=min(day.day, last.day))


def _next_month_day(month: int, day: int, today: date) -> date:
    """The month/day on or after today: this year's or next year's, never a guess."""
    if not 1 <= month <= 12:
        raise _ImpossibleDateError
    year = today.year if (month, day) >= (today.month, today.day) else today.year + 1
    return _make(year, month, day)


def _week_day(weekday: int, prefix: str | None, today: date) -> date:
    """``prefix`` None: the next such day after today; else in this / next / the week after."""
    if prefix is None:
        return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    weeks = 2 if prefix.startswith("下下") else 1 if prefix[0] in "下n" else 0
    monday = today - timedelta(days=today.weekday())
    return monday + timedelta(days=7 * weeks + weekday)


def _resolve(g: dict[str, str | None], today: date) -> date | None:
    """The date a match of a date pattern names; None if unreadable, raises if impossible."""
    try:
        return _resolve_unchecked(g, today)
    except OverflowError as error:  # before 0001-01-01 or after 9999-12-31
        raise _ImpossibleDateError from error


def _resolve_unchecked(g: dict[str, str | None], today: date) -> date | None:  # noqa: PLR0911, PLR0912
    if (year := g.get("iso_y") or g.get("cf_y") or g.get("us_y")) is not None:
        month = g.get("iso_m") or g.get("cf_m") or g.get("us_m")
        day = g.get("iso_d") or g.get("cf_d") or g.get("us_d")
        assert month is not None
        assert day is not None
        return _make(int(year), int(month), int(day))
    if (month := g.get("cm_m") or g.get("sh_m")) is not None:
        day = g.get("cm_d") or g.get("sh_d")
        assert day is not None
        return _next_month_day(int(month), int(day), today)
    if (month := g.get("ce_m")) is not None:
        number = int(month)
        if not 1 <= number <= 12:
            raise _ImpossibleDateError
        return _month_end(today.year if number >= today.month else today.year + 1, number)
    if (word := g.get("cn_day") or g.get("en_day")) is not None:
        return today + timedelta(days=_DAY_WORDS[word.lower()])
    if (char := g.get("cw_d")) is not None:
        weekday = int(char) - 1 if char.isdigit() else _CN_WEEKDAYS[char]
        return _week_day(weekday, g.get("cw_p"), today)
    if (name := g.get("ew_d") or g.get("ew_f")) is not None:
        prefix = g.get("ew_p")
        return _week_day(_EN_WEEKDAYS[name[:3].lower()], prefix and prefix.lower(), today)
    if (edge := g.get("cmo_e")) is not None:
        prefix = g.get("cmo_p") or ""
        if edge == "初":
            if prefix.startswith("下"):
                return _add_months(today.replace(day=1), 1)
            if prefix:  # 本月初
                return today.replace(day=1)
            return today if today.day == 1 else _add_months(today.replace(day=1), 1)
        later = 1 if prefix.startswith("下") else 0
        first = _add_months(today.replace(day=1), later)
        return _month_end(first.year, first.month)
    if g.get("cn_year") is not None:
        return date(today.year, 12, 31)
    if g.get("eom") is not None or g.get("eom_next") is not None:
        first = _add_months(today.replace(day=1), 0 if g.get("eom") else 1)
        return _month_end(first.year, first.month)
    if (count := g.get("ci_n") or g.get("pl_n") or g.get("in_n")) is not None:
        amount = _EN_NUMBERS.get(count.lower()) or _number(count)
        unit = g.get("ci_u") or g.get("pl_u") or g.get("in_u") or ""
        if amount is None:
            return None
        if unit.endswith("月") or unit.lower().startswith("month"):
            return _add_months(today, amount)
        weeks = unit[-1] in "周期拜" or unit[0].lower() == "w"
        return today + timedelta(days=amount * (7 if weeks else 1))
    # "end of month" without "next": the named groups above did not take part.
    return _month_end(today.year, today.month)


# ---------------------------------------------------------------------------------------------
# Names


class _Names:
    """Attendee names, matched ignoring case, longest first."""

    def __init__(self, names: Sequence[str]) -> None:
        self.by_fold: dict[str, str] = {}
        for raw in names:
            name = " ".join(raw.split())
            if name:
                self.by_fold.setdefault(name.casefold(), name)
        self.lengths = sorted({len(name) for name in self.by_fold.values()}, reverse=True)
        self.firsts = frozenset(key[0] for key in self.by_fold)

    def __bool__(self) -> bool:
        return bool(self.by_fold)

    def match(self, text: str, start: int) -> tuple[str, int] | None:
        """The longest known name at ``start`` and where it ends."""
        if start >= len(text) or text[start].casefold()[:1] not in self.firsts:
            return None
        for length in self.lengths:
            end = start + length
            if end > len(text):
                continue
            name = self.by_fold.get(text[start:end].casefold())
            if name is None:
                continue
            if _is_word_char(name[-1]) and end < len(text) and _is_word_char(text[end]):
                continue  # "@Anna Smithson" is not "Anna Smith"
            return name, end
        return None


def _is_word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "_")


def complete_name(prefix: str, names: Sequence[str], *, limit: int | None = None) -> list[str]:
    """Names for the ``@`` completer: those starting with ``prefix``, then those with a word
    starting with it, then those containing it; ignoring case, each tier in the given order."""
    key = " ".join(prefix.strip().lstrip("@＠").split()).casefold()
    tiers: tuple[list[str], list[str], list[str]] = ([], [], [])
    seen: set[str] = set()
    for raw in names:
        name = " ".join(raw.split())
        if not name or name in seen:
            continue
        seen.add(name)
        folded = name.casefold()
        if folded.startswith(key):
            tiers[0].append(name)
        elif any(word.startswith(key) for word in folded.split()[1:]):
            tiers[1].append(name)
        elif key in folded:
            tiers[2].append(name)
    found = tiers[0] + tiers[1] + tiers[2]
    return found if limit is None else found[:limit]


# ---------------------------------------------------------------------------------------------
# Text clean-up


def clean_text(text: str) -> str:
    """Whitespace collapsed, dangling separators (，,、；;：: and lone dashes) trimmed."""
    collapsed = " ".join(text.split())
    start = _LEAD_JUNK.match(collapsed)
    tail = _TRAIL_JUNK.match(collapsed[::-1])
    begin = start.end() if start else 0
    end = len(collapsed) - (tail.end() if tail else 0)
    return collapsed[begin:end] if end > begin else ""


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _join_what(groups: list[str]) -> str:
    """Join the text left around removed markers: no space between two CJK characters, no
    doubled separator ("A，@张伟，B" -> "A，B"), no emptied brackets ("报告（@张伟）" -> "报告")."""
    out: list[str] = []  # non-empty pieces
    for group in groups:
        right = group.lstrip()
        if not right:
            continue
        spaced = len(right) < len(group)
        if out:
            left = out[-1].rstrip()
            spaced = spaced or len(left) < len(out[-1])
            if left[-1] in _CLAUSE and right[0] in _CLAUSE:
                doubled = _CLAUSE_RUN.match(right)
                right = right[doubled.end() if doubled else 0 :]
            elif _OPEN_CLOSE.get(left[-1]) == right[0]:
                left, right = left[:-1].rstrip(), right[1:].lstrip()
            if left:
                out[-1] = left
            else:
                out.pop()
            if not right:
                continue
        if out:
            tail = out[-1][-1]
            latin = not _is_wide(tail) and not _is_wide(right[0])
            glue = " " if (spaced or latin) and right[0] not in _NO_SPACE_BEFORE else ""
            out.append(glue + right)
        else:
            out.append(right)
    return clean_text("".join(out))


# ---------------------------------------------------------------------------------------------
# The parser


_ROLES = {
    "who": SpanRole.WHO,
    "when": SpanRole.WHEN,
    "where": SpanRole.WHERE,
    "why": SpanRole.WHY,
    "how": SpanRole.HOW,
}
_EXTRA = {
    "who": "extra_owner",
    "when": "extra_date",
    "where": "extra_place",
    "why": "extra_reason",
    "how": "extra_method",
}


@dataclass(slots=True)
class _Token:
    """A marker and its value: ``parts`` tile ``[start, end)``; field "" is text with a problem."""

    start: int
    end: int
    field: str
    value: str | date | None = None
    parts: tuple[tuple[int, int, SpanRole], ...] = ()
    problems: tuple[Problem, ...] = ()
    bare: bool = False  # a date with no marker
    natural: bool = False  # a reason introduced by 为了 / because / so that


class _Parser:
    def __init__(self, text: str, today: date, names: Sequence[str], start: int) -> None:
        self.text = text
        self.today = today
        self.names = _Names(names)
        self.start = start
        self.truncated_at: int | None = None
        # Read lazily, so that a line cut at MAX_MARKERS is not scanned to its end.
        self._hits: Iterator[re.Match[str]] = _CANDIDATE.finditer(text, start)
        self._skip_to = start  # inside a URL
        self._examined = 0
        self.matches: list[re.Match[str]] = []
        self.stoppers: list[int] = []

    # -- scanning ------------------------------------------------------------------------------

    def _pull(self) -> bool:
        """Scan on to the next place a marker or date may start; False at the end."""
        text = self.text
        for hit in self._hits:
            at = hit.start()
            if at < self._skip_to:
                continue
            self._examined += 1
            if self._examined > MAX_CANDIDATES:
                self.truncated_at = at
                self._hits = iter(())
                return False
            if text[at] == ":":  # "://": the rest of a URL is text
                url = _NON_SPACE.match(text, at)
                self._skip_to = url.end() if url else at + 1
                continue
            match = _SCAN.match(text, at)
            if match is None:
                continue
            if match.lastgroup == "url":
                self._skip_to = match.end()
                continue
            self.matches.append(match)
            if self._is_stopper(match):
                self.stoppers.append(at)
            return True
        return False

    def _next_stopper(self, start: int, *, after: bool) -> int:
        """The first stopper at ``start`` (or after it, if ``after``), or the end of the line."""
        find = bisect.bisect_right if after else bisect.bisect_left
        while True:
            index = find(self.stoppers, start)
            if index < len(self.stoppers):
                return self.stoppers[index]
            if not self._pull():
                return len(self.text)

    def tokens(self) -> list[_Token]:
        text = self.text
        tokens: list[_Token] = []
        pos, index = self.start, 0
        while index < len(self.matches) or self._pull():
            match = self.matches[index]
            index += 1
            if match.start() < pos:
                continue
            if len(tokens) >= MAX_MARKERS:
                self.truncated_at = pos
                break
            token = self._read(match)
            while token is not None and len(tokens) < MAX_MARKERS:
                tokens.append(token)
                pos = token.end
                if not token.field or pos >= len(text):
                    break
                # Right after a value, a date or marker needs no space: "@张伟明天", "@Anna#Zoom".
                follow = _SCAN_AT.match(text, pos)
                token = self._read(follow) if follow else None
        return tokens

    def _is_stopper(self, match: re.Match[str]) -> bool:
        """Whether a phrase value (why, how) or a place or name run ends here."""
        group = match.lastgroup
        text, at = self.text, match.start()
        if group == "sym":
            following = text[at + 1 : at + 2]
            if not following or following.isspace():
                return False
            if text[at] in "#＃":  # "#123" is a ticket number, not a place
                run = _RUN.match(text, at + 1)
                return run is None or not run.group().isdigit()
            return True
        if group in ("kwd", "kwe"):
            return self._keyword_date(match) is not None
        return group in ("whyn", "whyne", "whyl", "howl")

    def _read(self, match: re.Match[str]) -> _Token | None:  # noqa: PLR0911
        group, at = match.lastgroup, match.start()
        if group == "sym":
            symbol = self.text[at]
            if symbol in "@＠":
                return self._owner(at)
            if symbol in "#＃":
                return self._place(at)
            if symbol in "!！":
                return self._date_marker(at)
            return self._phrase(at, at + 1, "why" if symbol in "?？" else "how")
        if group in ("kwd", "kwe"):
            found = self._keyword_date(match)
            return None if found is None else self._date(at, *found)
        if group in ("whyn", "whyne"):
            return self._phrase(at, match.end(), "why", natural=True)
        if group == "whyl":
            return self._phrase(at, match.end(), "why")
        if group == "howl":
            return self._phrase(at, match.end(), "how")
        if group in ("dabs", "drel"):
            found_date = _DATE_BARE.match(self.text, at)
            if found_date is None or self._date_value(found_date) is None:
                return None
            return self._date(at, at, found_date, bare=True)
        return None  # a URL: text

    def _keyword_date(self, match: re.Match[str]) -> tuple[int, re.Match[str]] | None:
        gap = _GAP.match(self.text, match.end())
        value_start = gap.end() if gap else match.end()
        pattern = _DATE_EN_KW if match.lastgroup == "kwe" else _DATE_ANY
        found = pattern.match(self.text, value_start)
        if found is None or self._date_value(found) is None:
            return None
        return value_start, found

    def _run_end(self, start: int) -> int:
        """End of a space-free value (name, place): at a space, punctuation or next marker."""
        run = _RUN.match(self.text, start)
        end = run.end() if run else start
        if end > start:
            end = min(end, self._next_stopper(start, after=False))
        while end > start and self.text[end - 1] == ".":
            end -= 1
        return max(end, start)

    # -- markers -------------------------------------------------------------------------------

    def _owner(self, at: int) -> _Token:
        start = at + 1
        known = self.names.match(self.text, start)
        problems: tuple[Problem, ...] = ()
        if known is not None:
            name, end = known
        else:
            end = self._run_end(start)
            name = clean_text(self.text[start:end])
            if not name:
                return _Token(at, start, "", problems=(Problem("empty_owner", self.text[at]),))
            if self.names:
                problems = (Problem("unknown_owner", name),)
        parts = ((at, start, SpanRole.MARKER), (start, end, SpanRole.WHO))
        return _Token(at, end, "who", name, parts, problems)

    def _place(self, at: int) -> _Token | None:
        text, start = self.text, at + 1
        close = {"[": "]", "【": "】", "［": "］"}.get(text[start : start + 1])
        if close is not None:
            end = text.find(close, start + 1, start + 201)
            place = clean_text(text[start + 1 : end]) if end > 0 else ""
            if place:
                parts: tuple[tuple[int, int, SpanRole], ...] = (
                    (at, start + 1, SpanRole.MARKER),
                    (start + 1, end, SpanRole.WHERE),
                    (end, end + 1, SpanRole.MARKER),
                )
                return _Token(at, end + 1, "where", place, parts)
        end = self._run_end(start)
        place = clean_text(text[start:end])
        if not place or place.isdigit():  # "#123" is a ticket number
            return None
        parts = ((at, start, SpanRole.MARKER), (start, end, SpanRole.WHERE))
        return _Token(at, end, "where", place, parts)

    def _date_marker(self, at: int) -> _Token | None:
        found = _DATE_ANY.match(self.text, at + 1)
        if found is not None and self._date_value(found) is not None:
            return self._date(at, at + 1, found)
        end = self._run_end(at + 1)
        if end == at + 1:
            return None  # "!" followed by a space: an exclamation mark
        return _Token(at, end, "", problems=(Problem("unreadable_date", self.text[at:end]),))

    def _date_value(self, found: re.Match[str]) -> date | bool | None:
        """The date, False if impossible, None if the match is no date after all."""
        try:
            return _resolve(found.groupdict(), self.today)
        except _ImpossibleDateError:
            return False

    def _date(self, at: int, start: int, found: re.Match[str], *, bare: bool = False) -> _Token:
        value = self._date_value(found)
        end = found.end()
        suffix = _BY_SUFFIX.match(self.text, end)
        parts = [(at, start, SpanRole.MARKER), (start, end, SpanRole.WHEN)]
        if suffix is not None:
            parts.append((end, suffix.end(), SpanRole.MARKER))
        problems: tuple[Problem, ...] = ()
        if not isinstance(value, date):
            value = None
            problems = (Problem("impossible_date", self.text[start:end]),)
        token_end = suffix.end() if suffix else end
        return _Token(at, token_end, "when", value, tuple(parts), problems, bare=bare)

    def _phrase(self, at: int, start: int, name: str, *, natural: bool = False) -> _Token | None:
        following = self.text[start : start + 1]
        if not following or following in _MARKER_SYMBOLS:
            return None  # "?" at the end, "?@张伟": no reason given
        if at + 1 == start and following.isspace():
            return None  # "? " is a question mark
        end = self._next_stopper(start, after=True)  # "?为了评审": 为了 belongs to the reason
        if natural and (clause := _CLAUSE_RE.search(self.text, start, end)) is not None:
            end = clause.start()
        value = clean_text(self.text[start:end])
        if not value:
            return None
        parts = ((at, start, SpanRole.MARKER), (start, end, _ROLES[name]))
        return _Token(at, end, name, value, parts, natural=natural)

    # -- assembling ----------------------------------------------------------------------------

    def assemble(self, kind: EntryKind, body: int, tokens: list[_Token]) -> ParsedEntry:
        demoted: set[int] = set()
        while True:
            chosen = _choose(tokens, demoted)
            entry = self._entry(kind, body, tokens, chosen, demoted)
            natural = next((i for i in chosen.values() if tokens[i].natural), None)
            if entry.what or natural is None:
                return entry
            demoted.add(natural)  # "为了评审准备材料" alone is what to do, not why

    def _entry(
        self,
        kind: EntryKind,
        body: int,
        tokens: list[_Token],
        chosen: dict[str, int],
        demoted: set[int],
    ) -> ParsedEntry:
        spans, problems = self._layout(body, tokens, chosen, demoted)
        text = self.text
        groups: list[str] = []
        gap = True
        for span in spans:
            if span.role is SpanRole.WHAT:
                piece = text[span.start : span.end]
                if gap:
                    groups.append(piece)
                else:
                    groups[-1] += piece
                gap = False
            elif span.role is not SpanRole.KIND:
                gap = True
        what = _join_what(groups)
        if self.truncated_at is not None:
            rest = text[self.truncated_at :].lstrip()[:20]
            problems.append(Problem("too_many_markers", rest))
        if not what:
            problems.append(Problem("missing_what", ""))
        values = {name: tokens[index].value for name, index in chosen.items()}
        due = values.get("when")

        def text_of(name: str) -> str | None:
            found = values.get(name)
            return found if isinstance(found, str) else None

        return ParsedEntry(
            kind=kind,
            what=what,
            who=text_of("who"),
            due=due if isinstance(due, date) else None,
            where=text_of("where"),
            why=text_of("why"),
            how=text_of("how"),
            problems=tuple(dict.fromkeys(problems)),
            spans=tuple(spans),
        )

    def _layout(
        self, body: int, tokens: list[_Token], chosen: dict[str, int], demoted: set[int]
    ) -> tuple[list[Span], list[Problem]]:
        """The spans tiling the line, and the problems in the order of the line."""
        text = self.text
        used = set(chosen.values())
        problems: list[Problem] = []
        spans = [Span(0, body, SpanRole.KIND)]
        previous = body
        for i, token in enumerate(tokens):
            spans.append(Span(previous, token.start, SpanRole.WHAT))
            previous = token.end
            if i in used:
                spans.extend(Span(s, e, role) for s, e, role in token.parts)
                problems.extend(token.problems)
                due = token.value
                if isinstance(due, date) and due < self.today:
                    s, e, _ = token.parts[1]
                    problems.append(Problem("past_date", text[s:e]))
                continue
            spans.append(Span(token.start, token.end, SpanRole.WHAT))
            if token.field == "when":
                problems.extend(token.problems)  # an impossible date
                if not token.bare and token.value is not None:  # only the first date counts
                    problems.append(Problem("extra_date", text[token.start : token.end]))
            elif not token.field:
                problems.extend(token.problems)
            elif i not in demoted:
                problems.append(Problem(_EXTRA[token.field], text[token.start : token.end]))
        spans.append(Span(previous, len(text), SpanRole.WHAT))
        return _merge(spans), problems


def _choose(tokens: list[_Token], demoted: set[int]) -> dict[str, int]:
    """field -> the token that fills it: the first one; for When the first explicit date, else
    the first bare one. An impossible date fills nothing, and no other date is guessed."""
    chosen: dict[str, int] = {}
    dates = [i for i, t in enumerate(tokens) if t.field == "when"]
    explicit = [i for i in dates if not tokens[i].bare]
    if dates and tokens[(explicit or dates)[0]].value is not None:
        chosen["when"] = (explicit or dates)[0]
    for i, token in enumerate(tokens):
        if token.field in ("who", "where", "why", "how") and i not in demoted:
            chosen.setdefault(token.field, i)
    return chosen


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if span.end <= span.start:
            continue
        if merged and merged[-1].role is span.role and merged[-1].end == span.start:
            merged[-1] = Span(merged[-1].start, span.end, span.role)
        else:
            merged.append(span)
    return merged


def _kind(text: str) -> tuple[EntryKind, int]:
    match = _KIND.match(text, len(text) - len(text.lstrip()))
    if match is None:
        return EntryKind.ACTION, 0
    if match.group("sd") or match.group("d"):
        return EntryKind.DECISION, match.end()
    if match.group("sn") or match.group("n"):
        return EntryKind.NOTE, match.end()
    return EntryKind.ACTION, match.end()


def parse_entry(text: str, *, today: date, names: Sequence[str] = ()) -> ParsedEntry:
    """Read one quick-entry line (see the module docstring for the syntax).

    ``today`` anchors relative dates; ``names`` are the attendees ``@`` completes to.
    Raises :class:`EmptyEntryError` (a ``ValueError``) for an empty or blank line; any other
    line gives an entry, with what was not understood left in ``what`` and listed in
    ``problems``.
    """
    if not text.strip():
        raise EmptyEntryError("an empty line is not an entry")
    kind, body = _kind(text)
    if kind is not EntryKind.ACTION:
        what = clean_text(text[body:])
        spans = _merge([Span(0, body, SpanRole.KIND), Span(body, len(text), SpanRole.WHAT)])
        problems = () if what else (Problem("missing_what", ""),)
        return ParsedEntry(kind, what, None, None, None, None, None, problems, tuple(spans))
    parser = _Parser(text, today, names, body)
    return parser.assemble(kind, body, parser.tokens())


__all__ = [
    "MAX_CANDIDATES",
    "MAX_MARKERS",
    "SYNTAX_EXAMPLES",
    "EmptyEntryError",
    "EntryKind",
    "ParsedEntry",
    "Problem",
    "Span",
    "SpanRole",
    "clean_text",
    "complete_name",
    "parse_entry",
]
