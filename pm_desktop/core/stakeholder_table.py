"""The stakeholder register as a table: its columns, its words, and checking a table to import.

The register is exported as CSV or XLSX (``export_rows`` gives the cells, in Chinese or in
English) and read back from files people filled in by hand: a header or a value is recognised
in either language, whatever its case, surrounding whitespace or full-width letters, and
common synonyms are welcome ("强c", "Strong C", "支持", "关注度" or "利益").

Demands (诉求) share one cell, one per line. An addressed demand starts with a status in square
brackets: ``[已满足]`` in Chinese, ``[addressed]`` in English (both read in either language,
also with 【】 brackets). A cell without a line break is split at semicolons (；or ;), as people
typing in Excel often separate demands that way; so that a lone demand containing a semicolon
survives a round trip, it is exported with a trailing line break.

``preview_import`` checks a table before anything is written. Problems are codes with
parameters, never English sentences: the UI words them in its language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from pm_desktop.core.enums import Attitude, DemandStatus, RoleClass
from pm_desktop.core.stakeholders import (
    SCALE_MAX,
    SCALE_MIN,
    DemandEntry,
    StakeholderRecord,
    looks_like_email,
)


class Language(StrEnum):
    """The language of a register's headers and words (the UI's language codes)."""

    ZH_CN = "zh_CN"
    EN = "en"


class ColumnKey(StrEnum):
    NAME = "name"
    ORGANISATION = "organisation"
    TITLE = "title"
    ROLE_CLASS = "role_class"
    POWER = "power"
    INTEREST = "interest"
    ATTITUDE = "attitude"
    DEMANDS = "demands"
    EMAIL = "email"
    PHONE = "phone"
    REPORTS_TO = "reports_to"
    NOTES = "notes"


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the register: its headers in both languages and other headers it is known by."""

    key: ColumnKey
    en: str
    zh: str
    synonyms: tuple[str, ...] = ()

    def header(self, language: Language | str) -> str:
        return self.zh if Language(language) is Language.ZH_CN else self.en


#: The register's columns, in the order they are exported.
COLUMNS: tuple[Column, ...] = (
    Column(
        ColumnKey.NAME,
        "Name",
        "姓名",
        ("名字", "干系人", "干系人姓名", "联系人", "stakeholder", "full name"),
    ),
    Column(
        ColumnKey.ORGANISATION,
        "Organisation",
        "单位",
        (
            "组织",
            "单位/组织",
            "所属单位",
            "公司",
            "机构",
            "部门",
            "所属部门",
            "organization",
            "company",
            "org",
            "department",
            "dept",
        ),
    ),
    Column(ColumnKey.TITLE, "Title", "职务", ("职位", "岗位", "头衔", "job title", "position")),
    Column(
        ColumnKey.ROLE_CLASS,
        "Role class",
        "角色类别",
        ("角色", "类别", "角色分类", "干系人类别", "role", "class"),
    ),
    Column(ColumnKey.POWER, "Power", "权力", ("影响力", "权力值", "influence")),
    Column(
        ColumnKey.INTEREST,
        "Interest",
        "关注度",
        ("利益", "利益/关注度", "关注", "关注程度", "兴趣"),
    ),
    Column(ColumnKey.ATTITUDE, "Attitude", "态度", ("立场", "stance")),
    Column(ColumnKey.DEMANDS, "Demands", "诉求", ("诉求/需求", "需求", "demand", "needs")),
    Column(
        ColumnKey.EMAIL,
        "Email",
        "邮箱",
        ("e-mail", "mail", "电子邮箱", "电子邮件", "邮件", "邮箱地址"),
    ),
    Column(
        ColumnKey.PHONE,
        "Phone",
        "电话",
        ("手机", "手机号", "联系电话", "电话号码", "mobile", "tel", "telephone"),
    ),
    Column(
        ColumnKey.REPORTS_TO,
        "Reports to",
        "汇报对象",
        ("上级", "直属上级", "汇报给", "汇报上级", "manager", "boss"),
    ),
    Column(ColumnKey.NOTES, "Notes", "备注", ("说明", "note", "remarks", "comments")),
)
COLUMN_BY_KEY: Mapping[ColumnKey, Column] = {column.key: column for column in COLUMNS}

#: The longest text each column may hold (the database's limits).
MAX_LENGTHS: Mapping[ColumnKey, int] = {
    ColumnKey.NAME: 200,
    ColumnKey.ORGANISATION: 200,
    ColumnKey.TITLE: 200,
    ColumnKey.EMAIL: 200,
    ColumnKey.PHONE: 64,
    ColumnKey.REPORTS_TO: 200,
}

#: Power and interest of a row that leaves them empty.
DEFAULT_SCALE = 3


# --- words -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Word:
    """A vocabulary value's text in both languages and other spellings it is known by."""

    en: str
    zh: str
    synonyms: tuple[str, ...] = ()

    def text(self, language: Language | str) -> str:
        return self.zh if Language(language) is Language.ZH_CN else self.en


ROLE_CLASS_WORDS: Mapping[RoleClass, Word] = {
    RoleClass.ONE_W: Word("1W", "1W", ("一号位", "最高决策者")),
    RoleClass.STRONG_C: Word("Strong-C", "强C", ("强 C", "strong c", "strongc")),
    RoleClass.KEY_USER: Word("Key user", "关键用户", ("key users", "关键用户代表")),
    RoleClass.IT_OWNER: Word("IT owner", "IT负责人", ("IT", "信息化负责人", "IT 负责人")),
    RoleClass.PROCUREMENT: Word("Procurement", "采购", ("采购负责人", "purchasing")),
    RoleClass.OTHER: Word("Other", "其他", ("其它", "others")),
}
ATTITUDE_WORDS: Mapping[Attitude, Word] = {
    Attitude.SUPPORTER: Word("Supporter", "支持者", ("支持", "support", "supportive")),
    Attitude.NEUTRAL: Word("Neutral", "中立", ("中立者", "中性")),
    Attitude.OPPONENT: Word("Opponent", "反对者", ("反对", "oppose", "opposed", "against")),
    Attitude.UNKNOWN: Word("Unknown", "未知", ("不明", "不清楚", "待定")),
}
DEMAND_STATUS_WORDS: Mapping[DemandStatus, Word] = {
    DemandStatus.RECORDED: Word("recorded", "已记录", ("未满足", "待满足", "open")),
    DemandStatus.ADDRESSED: Word(
        "addressed", "已满足", ("已解决", "已完成", "已处理", "done", "met", "resolved")
    ),
}


def _fold(text: str) -> str:
    """``text`` as it is compared: full-width forms made plain, case and separators ignored."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\-_]+", "", folded)


def _index(words: Iterable[tuple[str, Word]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for code, word in words:
        for spelling in (code, word.en, word.zh, *word.synonyms):
            index.setdefault(_fold(spelling), code)
    return index


_ROLE_INDEX = _index(ROLE_CLASS_WORDS.items())
_ATTITUDE_INDEX = _index(ATTITUDE_WORDS.items())
_STATUS_INDEX = _index(DEMAND_STATUS_WORDS.items())


def _header_fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip()
    text = text.strip("*").strip()
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text)  # "权力（1-5）", "Power (1-5)"
    return _fold(text)


_HEADER_INDEX: dict[str, ColumnKey] = {}
for _column in COLUMNS:
    for _spelling in (_column.key.value, _column.en, _column.zh, *_column.synonyms):
        _HEADER_INDEX.setdefault(_header_fold(_spelling), _column.key)


def recognise_header(text: str) -> ColumnKey | None:
    """The column a header names, in either language; None when it is not a known column."""
    folded = _header_fold(text)
    return _HEADER_INDEX.get(folded) if folded else None


def role_class_text(role: RoleClass, language: Language | str) -> str:
    return ROLE_CLASS_WORDS[role].text(language)


def attitude_text(attitude: Attitude, language: Language | str) -> str:
    return ATTITUDE_WORDS[attitude].text(language)


def parse_role_class(text: str) -> RoleClass | None:
    """The role class ``text`` names in either language (or its stored code); None if none."""
    code = _ROLE_INDEX.get(_fold(text))
    return RoleClass(code) if code is not None else None


def parse_attitude(text: str) -> Attitude | None:
    code = _ATTITUDE_INDEX.get(_fold(text))
    return Attitude(code) if code is not None else None


def parse_scale(text: str) -> int | None:
    """A power or interest: a whole number from 1 to 5 ("4", "４", "4.0"); None otherwise."""
    folded = unicodedata.normalize("NFKC", text).strip()
    if re.fullmatch(r"[+]?\d+", folded):
        value = int(folded)
    elif re.fullmatch(r"[+]?\d+\.0*", folded):
        value = int(float(folded))
    else:
        return None
    return value if SCALE_MIN <= value <= SCALE_MAX else None


def name_key(name: str) -> str:
    """How names are compared: full-width letters made plain, case and runs of spaces ignored.

    The service should resolve ``ImportedStakeholder.reports_to_name`` with this too.
    """
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


# --- demands -----------------------------------------------------------------------------

_STATUS_PREFIX = re.compile(r"^\s*[\[【［]\s*([^\]】］\n]{1,16}?)\s*[\]】］]\s*")


def format_demands(demands: Iterable[DemandEntry], language: Language | str) -> str:
    """Demands as one cell: one a line, addressed ones prefixed ``[已满足]``/``[addressed]``."""
    prefix = f"[{DEMAND_STATUS_WORDS[DemandStatus.ADDRESSED].text(language)}] "
    lines = []
    for demand in demands:
        text = " ".join(demand.text.split())
        if not text:
            continue
        lines.append(prefix + text if demand.addressed else text)
    cell = "\n".join(lines)
    if len(lines) == 1 and re.search(r"[;；]", cell):
        cell += "\n"  # else it would be read back as several demands
    return cell


def parse_demands(cell: str) -> tuple[tuple[str, DemandStatus], ...]:
    """The demands of a cell (see the module's docstring), each with its status."""
    cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    pieces = cell.split("\n") if "\n" in cell else re.split(r"[;；]", cell)
    demands: list[tuple[str, DemandStatus]] = []
    for piece in pieces:
        text = piece.strip()
        status = DemandStatus.RECORDED
        match = _STATUS_PREFIX.match(text)
        if match is not None:
            code = _STATUS_INDEX.get(_fold(match.group(1)))
            if code is not None:
                status = DemandStatus(code)
                text = text[match.end() :].strip()
        if text:
            demands.append((text, status))
    return tuple(demands)


# --- export ------------------------------------------------------------------------------


def headers(language: Language | str) -> tuple[str, ...]:
    return tuple(column.header(language) for column in COLUMNS)


def export_rows(
    records: Iterable[StakeholderRecord], language: Language | str
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The register's header and one row of texts per (not deleted) stakeholder, in order.

    "Reports to" holds the manager's name; power and interest are digits.
    """
    language = Language(language)
    live = [record for record in records if not record.deleted]
    names = {record.id: record.name for record in live}
    rows: list[tuple[str, ...]] = []
    for record in live:
        cells = {
            ColumnKey.NAME: record.name,
            ColumnKey.ORGANISATION: record.organisation,
            ColumnKey.TITLE: record.title,
            ColumnKey.ROLE_CLASS: role_class_text(record.role_class, language),
            ColumnKey.POWER: str(record.power),
            ColumnKey.INTEREST: str(record.interest),
            ColumnKey.ATTITUDE: attitude_text(record.attitude, language),
            ColumnKey.DEMANDS: format_demands(record.demands, language),
            ColumnKey.EMAIL: record.email,
            ColumnKey.PHONE: record.phone,
            ColumnKey.REPORTS_TO: names.get(record.reports_to_id or "", ""),
            ColumnKey.NOTES: record.notes,
        }
        rows.append(tuple(cells[column.key] for column in COLUMNS))
    return headers(language), rows


# --- import ------------------------------------------------------------------------------


class ProblemCode(StrEnum):
    # of the file
    MISSING_NAME_COLUMN = "missing_name_column"
    """No column is the name: nothing can be imported."""
    NO_ROWS = "no_rows"
    """A header but no row below it."""
    UNKNOWN_COLUMN = "unknown_column"
    """``value`` is a header no column has; the column is ignored."""
    UNNAMED_COLUMN = "unnamed_column"
    """A column without a header holds data; ``value`` is its number (1 = the first)."""
    DUPLICATE_COLUMN = "duplicate_column"
    """``value`` names ``column`` a second time; only the first such column is read."""
    # of a row
    EMPTY_NAME = "empty_name"
    DUPLICATE_IN_FILE = "duplicate_in_file"
    """``value`` is the name; ``line`` where it first appears."""
    ALREADY_IN_REGISTER = "already_in_register"
    NOT_A_SCALE = "not_a_scale"
    """``column`` (power or interest) is not a whole number from 1 to 5; ``value`` as typed."""
    UNKNOWN_ROLE_CLASS = "unknown_role_class"
    UNKNOWN_ATTITUDE = "unknown_attitude"
    TOO_LONG = "too_long"
    """``column`` is longer than ``MAX_LENGTHS[column]`` characters."""
    UNKNOWN_MANAGER = "unknown_manager"
    """Reports to ``value``, who is neither in the file nor in the register: left empty."""
    MANAGER_NOT_IMPORTED = "manager_not_imported"
    """Reports to ``value``, on ``line``, a row that cannot be imported: left empty."""
    REPORTS_TO_SELF = "reports_to_self"
    REPORTS_TO_CYCLE = "reports_to_cycle"
    """Reporting to ``value`` would close a loop of rows reporting to each other: left empty."""
    SECOND_ONE_W = "second_one_w"
    """Another 1W, ``value``, is on ``line`` (None: already in the register)."""
    INVALID_EMAIL = "invalid_email"
    """Blocking: the register refuses such an address, so the row must be corrected first."""


BLOCKING: frozenset[ProblemCode] = frozenset(
    {
        ProblemCode.MISSING_NAME_COLUMN,
        ProblemCode.NO_ROWS,
        ProblemCode.EMPTY_NAME,
        ProblemCode.DUPLICATE_IN_FILE,
        ProblemCode.ALREADY_IN_REGISTER,
        ProblemCode.NOT_A_SCALE,
        ProblemCode.UNKNOWN_ROLE_CLASS,
        ProblemCode.UNKNOWN_ATTITUDE,
        ProblemCode.TOO_LONG,
        ProblemCode.INVALID_EMAIL,
    }
)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the file or a row: a code with its parameters (see ProblemCode)."""

    code: ProblemCode
    column: str | None = None
    """The ColumnKey value concerned, if any."""
    value: str = ""
    line: int | None = None
    """Another line the problem refers to (the first of a duplicate name, ...)."""

    @property
    def blocking(self) -> bool:
        """A blocking problem stops the row (or, of the file, every row) from being imported;
        the others are warnings."""
        return self.code in BLOCKING


@dataclass(frozen=True, slots=True)
class ImportedStakeholder:
    """A row ready to be written. ``reports_to_name`` is "" or, as typed, the name of someone in
    the register or of another importable row of the file (compare with ``name_key``)."""

    name: str
    organisation: str = ""
    title: str = ""
    role_class: RoleClass = RoleClass.OTHER
    power: int = DEFAULT_SCALE
    interest: int = DEFAULT_SCALE
    attitude: Attitude = Attitude.UNKNOWN
    email: str = ""
    phone: str = ""
    notes: str = ""
    reports_to_name: str = ""
    demands: tuple[tuple[str, DemandStatus], ...] = ()


@dataclass(frozen=True)
class ImportRow:
    line: int
    """The row's line as the user sees it in the file (the header is line 1)."""
    values: dict[ColumnKey, str]
    """The row's cells by column, as read."""
    stakeholder: ImportedStakeholder | None
    """None when a problem blocks the row (or the file)."""
    problems: tuple[Problem, ...] = ()

    @property
    def importable(self) -> bool:
        return self.stakeholder is not None

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if not problem.blocking)


@dataclass(frozen=True)
class ImportPreview:
    headers: tuple[str, ...]
    columns: tuple[ColumnKey | None, ...]
    """The column each header was recognised as (None: ignored)."""
    problems: tuple[Problem, ...]
    """Problems of the file as a whole."""
    rows: tuple[ImportRow, ...] = field(default=())

    @property
    def blocked(self) -> bool:
        """A problem of the file stops every row."""
        return any(problem.blocking for problem in self.problems)

    @property
    def ready(self) -> tuple[ImportRow, ...]:
        return tuple(row for row in self.rows if row.importable)

    @property
    def stakeholders(self) -> list[ImportedStakeholder]:
        return [row.stakeholder for row in self.rows if row.stakeholder is not None]


def _single_line(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Draft:
    """A row being checked: its cleaned fields (None where a value is wrong) and problems."""

    line: int
    values: dict[ColumnKey, str]
    name: str
    organisation: str
    title: str
    email: str
    phone: str
    notes: str
    manager: str
    power: int | None
    interest: int | None
    role_class: RoleClass | None
    attitude: Attitude | None
    demands: tuple[tuple[str, DemandStatus], ...]
    problems: list[Problem] = field(default_factory=list)

    @property
    def key(self) -> str:
        return name_key(self.name)

    @property
    def blocked(self) -> bool:
        return any(problem.blocking for problem in self.problems)

    def stakeholder(self) -> ImportedStakeholder | None:
        if (
            self.blocked
            or self.power is None
            or self.interest is None
            or self.role_class is None
            or self.attitude is None
        ):
            return None
        return ImportedStakeholder(
            name=self.name,
            organisation=self.organisation,
            title=self.title,
            role_class=self.role_class,
            power=self.power,
            interest=self.interest,
            attitude=self.attitude,
            email=self.email,
            phone=self.phone,
            notes=self.notes,
            reports_to_name=self.manager,
            demands=self.demands,
        )


def _read_columns(
    headers: Sequence[str], rows: Sequence[Sequence[str]]
) -> tuple[list[ColumnKey | None], dict[ColumnKey, int], list[Problem]]:
    columns: list[ColumnKey | None] = []
    positions: dict[ColumnKey, int] = {}
    problems: list[Problem] = []
    for index, header in enumerate(headers):
        key = recognise_header(header)
        if not header.strip():
            if any(index < len(row) and row[index].strip() for row in rows):
                problems.append(Problem(ProblemCode.UNNAMED_COLUMN, value=str(index + 1)))
            columns.append(None)
        elif key is None:
            problems.append(Problem(ProblemCode.UNKNOWN_COLUMN, value=header.strip()))
            columns.append(None)
        elif key in positions:
            problems.append(Problem(ProblemCode.DUPLICATE_COLUMN, key.value, header.strip()))
            columns.append(None)
        else:
            positions[key] = index
            columns.append(key)
    if ColumnKey.NAME not in positions:
        problems.insert(0, Problem(ProblemCode.MISSING_NAME_COLUMN))
    return columns, positions, problems


def _draft(line: int, values: dict[ColumnKey, str]) -> _Draft:
    def cell(key: ColumnKey) -> str:
        return values.get(key, "")

    def scale(key: ColumnKey) -> int | None:
        raw = cell(key).strip()
        return parse_scale(raw) if raw else DEFAULT_SCALE

    raw_role = cell(ColumnKey.ROLE_CLASS).strip()
    raw_attitude = cell(ColumnKey.ATTITUDE).strip()
    draft = _Draft(
        line=line,
        values=values,
        name=_single_line(cell(ColumnKey.NAME)),
        organisation=_single_line(cell(ColumnKey.ORGANISATION)),
        title=_single_line(cell(ColumnKey.TITLE)),
        email="".join(cell(ColumnKey.EMAIL).split()),
        phone=_single_line(cell(ColumnKey.PHONE)),
        notes=cell(ColumnKey.NOTES).strip(),
        manager=_single_line(cell(ColumnKey.REPORTS_TO)),
        power=scale(ColumnKey.POWER),
        interest=scale(ColumnKey.INTEREST),
        role_class=parse_role_class(raw_role) if raw_role else RoleClass.OTHER,
        attitude=parse_attitude(raw_attitude) if raw_attitude else Attitude.UNKNOWN,
        demands=parse_demands(cell(ColumnKey.DEMANDS)),
    )
    problems = draft.problems
    if not draft.name:
        problems.append(Problem(ProblemCode.EMPTY_NAME, ColumnKey.NAME.value))
    texts = {
        ColumnKey.NAME: draft.name,
        ColumnKey.ORGANISATION: draft.organisation,
        ColumnKey.TITLE: draft.title,
        ColumnKey.EMAIL: draft.email,
        ColumnKey.PHONE: draft.phone,
        ColumnKey.REPORTS_TO: draft.manager,
    }
    for key, limit in MAX_LENGTHS.items():
        if len(texts.get(key, "")) > limit:
            problems.append(Problem(ProblemCode.TOO_LONG, key.value, texts[key]))
    for key, value in ((ColumnKey.POWER, draft.power), (ColumnKey.INTEREST, draft.interest)):
        if value is None:
            problems.append(Problem(ProblemCode.NOT_A_SCALE, key.value, cell(key).strip()))
    if draft.role_class is None:
        problems.append(
            Problem(ProblemCode.UNKNOWN_ROLE_CLASS, ColumnKey.ROLE_CLASS.value, raw_role)
        )
    if draft.attitude is None:
        problems.append(
            Problem(ProblemCode.UNKNOWN_ATTITUDE, ColumnKey.ATTITUDE.value, raw_attitude)
        )
    if draft.email and not looks_like_email(draft.email):
        problems.append(Problem(ProblemCode.INVALID_EMAIL, ColumnKey.EMAIL.value, draft.email))
    return draft


def _resolve_managers(drafts: list[_Draft], existing: set[str]) -> dict[int, int]:
    """Check each row's manager; returns row index -> index of the manager's row in the file."""
    first: dict[str, int] = {}
    for index, draft in enumerate(drafts):
        if draft.key:
            first.setdefault(draft.key, index)
    links: dict[int, int] = {}
    column = ColumnKey.REPORTS_TO.value
    for index, draft in enumerate(drafts):
        if not draft.manager or draft.blocked:
            continue
        key = name_key(draft.manager)
        target = first.get(key)
        problem: Problem | None = None
        if key == draft.key:
            problem = Problem(ProblemCode.REPORTS_TO_SELF, column, draft.manager)
        elif key in existing:
            pass
        elif target is None:
            problem = Problem(ProblemCode.UNKNOWN_MANAGER, column, draft.manager)
        elif drafts[target].blocked:
            problem = Problem(
                ProblemCode.MANAGER_NOT_IMPORTED, column, draft.manager, drafts[target].line
            )
        else:
            links[index] = target
        if problem is not None:
            draft.problems.append(problem)
            draft.manager = ""
    _break_loops(drafts, links)
    return links


def _break_loops(drafts: list[_Draft], links: dict[int, int]) -> None:
    column = ColumnKey.REPORTS_TO.value
    # Loops among the file's rows: broken at the row furthest down in each.
    for start in sorted(links):
        path: list[int] = []
        current: int | None = start
        while current is not None and current not in path:
            path.append(current)
            current = links.get(current)
        if current is not None:  # back at a row of the path: a loop
            loop = path[path.index(current) :]
            breaker = max(loop)
            draft = drafts[breaker]
            draft.problems.append(Problem(ProblemCode.REPORTS_TO_CYCLE, column, draft.manager))
            draft.manager = ""
            del links[breaker]


def _check_names(drafts: list[_Draft], existing: set[str]) -> None:
    first_line: dict[str, int] = {}
    for draft in drafts:
        if not draft.key:
            continue
        if draft.key in existing:
            draft.problems.append(
                Problem(ProblemCode.ALREADY_IN_REGISTER, ColumnKey.NAME.value, draft.name)
            )
        elif draft.key in first_line:
            draft.problems.append(
                Problem(
                    ProblemCode.DUPLICATE_IN_FILE,
                    ColumnKey.NAME.value,
                    draft.name,
                    first_line[draft.key],
                )
            )
        if not draft.blocked:  # a row that cannot be imported does not claim its name
            first_line.setdefault(draft.key, draft.line)


def _check_one_w(drafts: list[_Draft], existing_one_w: Collection[str]) -> None:
    """Every importable 1W after the first (of the register, else of the file) is warned."""
    one_w: tuple[str, int | None] | None = next(((name, None) for name in existing_one_w), None)
    for draft in drafts:
        if draft.blocked or draft.role_class is not RoleClass.ONE_W:
            continue
        if one_w is None:
            one_w = (draft.name, draft.line)
        else:
            draft.problems.append(
                Problem(ProblemCode.SECOND_ONE_W, ColumnKey.ROLE_CLASS.value, *one_w)
            )


def preview_import(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    existing_names: Collection[str],
    *,
    lines: Sequence[int] | None = None,
    existing_one_w: Collection[str] = (),
) -> ImportPreview:
    """Check a table read from a file against the register; nothing is written.

    ``rows`` are the cells below the header (shorter rows are padded; rows empty in every
    recognised column are skipped); ``lines`` gives each row's line in the file (default:
    2, 3, ... as if the header were line 1 and no row were skipped). ``existing_names`` are
    the register's names and ``existing_one_w`` the names of its 1Ws.
    """
    if lines is not None and len(lines) != len(rows):
        raise ValueError("lines must give one line number per row")
    header_texts = tuple(str(header) for header in headers)
    columns, positions, problems = _read_columns(header_texts, rows)
    missing_name = ColumnKey.NAME not in positions

    drafts: list[_Draft] = []
    for number, cells in enumerate(rows):
        if not any(str(cell).strip() for cell in cells):
            continue
        line = lines[number] if lines is not None else number + 2
        values = {
            key: str(cells[index]).replace("\r\n", "\n").replace("\r", "\n")
            if index < len(cells)
            else ""
            for key, index in positions.items()
        }
        if positions and not any(value.strip() for value in values.values()):
            continue  # data only in ignored columns
        drafts.append(_draft(line, values))
    if not drafts:
        problems.append(Problem(ProblemCode.NO_ROWS))
    if missing_name:
        rows_out = tuple(ImportRow(draft.line, draft.values, None) for draft in drafts)
        return ImportPreview(header_texts, tuple(columns), tuple(problems), rows_out)

    existing = {name_key(name) for name in existing_names}
    _check_names(drafts, existing)
    _resolve_managers(drafts, existing)
    _check_one_w(drafts, existing_one_w)

    order = {column.key.value: index for index, column in enumerate(COLUMNS)}

    def position(problem: Problem) -> int:
        return order.get(problem.column or "", len(order))

    rows_out = tuple(
        ImportRow(
            draft.line,
            draft.values,
            draft.stakeholder(),
            tuple(sorted(draft.problems, key=position)),
        )
        for draft in drafts
    )
    return ImportPreview(header_texts, tuple(columns), tuple(problems), rows_out)
