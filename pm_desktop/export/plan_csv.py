"""A master plan as a CSV file: one row a task, in outline order.

Columns (:data:`COLUMNS`): id, WBS, name, duration (working days), milestone (yes/no), offset
(working days after T, may be empty), start and finish (ISO dates, informative), percent
complete, predecessors (``3;5+2``: task 3, and task 5 with a lag of 2 working days), resources
(``张三;李四[50%]``) and notes. Written with Chinese headers by default, UTF-8 with a BOM and
CRLF as Excel on Chinese Windows expects, a cell that Excel would take for a formula prefixed
with an apostrophe (as the stakeholder register does).

Read with the stakeholder register's table reader (UTF-8 with or without BOM, GB18030/GBK,
UTF-16; comma, semicolon or tab; also the first sheet of an XLSX workbook). Headers are
recognised in Chinese or English, case and width ignored; only the name column is required.
The hierarchy comes from the WBS column (``1.2.3`` is level 3) or an outline-level column;
without an id column a task's key is its 1-based row number. Every problem of the file is
collected and one :class:`PlanFileError` names the first few lines.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Final

from pm_desktop.core.plan_exchange import (
    PlanDependency,
    PlanDocument,
    PlanEntry,
    PlanFileError,
    PlanResource,
)
from pm_desktop.export.atomic import atomic_output
from pm_desktop.export.stakeholder_register import (
    ImportFailure,
    ImportFileError,
    RawTable,
    _csv_cell,
    read_table,
)

#: The columns written, in order (the keys of a ``headers`` mapping).
COLUMNS: Final = (
    "id",
    "wbs",
    "name",
    "duration",
    "milestone",
    "offset",
    "start",
    "finish",
    "percent_complete",
    "predecessors",
    "resources",
    "notes",
)

CHINESE_HEADERS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "id": "编号",
        "wbs": "WBS",
        "name": "任务名称",
        "duration": "工期（工作日）",
        "milestone": "里程碑",
        "offset": "偏移（工作日）",
        "start": "开始",
        "finish": "完成",
        "percent_complete": "完成百分比",
        "predecessors": "前置任务",
        "resources": "资源名称",
        "notes": "备注",
    }
)

ENGLISH_HEADERS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "id": "ID",
        "wbs": "WBS",
        "name": "Name",
        "duration": "Duration (working days)",
        "milestone": "Milestone",
        "offset": "Offset (working days)",
        "start": "Start",
        "finish": "Finish",
        "percent_complete": "% Complete",
        "predecessors": "Predecessors",
        "resources": "Resources",
        "notes": "Notes",
    }
)

# Other spellings read; "outline_level" is read but never written.
_SYNONYMS: Final[Mapping[str, tuple[str, ...]]] = {
    "id": ("编号", "序号", "标识号", "任务编号", "ID", "No", "No.", "#", "Key"),
    "wbs": ("WBS", "WBS编码", "WBS码", "WBS编号", "大纲数字", "Outline Number"),
    "outline_level": ("大纲级别", "层级", "级别", "Outline Level", "Level"),
    "name": ("任务名称", "名称", "任务名", "任务", "Name", "Task Name", "Task"),
    "duration": ("工期", "工期天数", "工作日", "天数", "Duration", "Duration Days", "Days"),
    "milestone": ("里程碑", "是否里程碑", "Milestone", "Is Milestone"),
    "offset": ("偏移", "偏移天数", "开始偏移", "Offset", "Offset Days"),
    "start": ("开始", "开始日期", "开始时间", "计划开始", "Start", "Start Date"),
    "finish": (
        "完成",
        "结束",
        "完成日期",
        "完成时间",
        "结束日期",
        "结束时间",
        "计划完成",
        "Finish",
        "Finish Date",
        "End",
        "End Date",
    ),
    "percent_complete": (
        "完成百分比",
        "完成率",
        "进度",
        "% Complete",
        "Percent Complete",
        "Percent",
        "Progress",
    ),
    "predecessors": ("前置任务", "前置", "紧前任务", "Predecessors", "Predecessor"),
    "resources": ("资源", "资源名称", "负责人", "Resources", "Resource", "Resource Names"),
    "notes": ("备注", "说明", "Notes", "Note", "Remarks", "Comments"),
}

_YES: Final = frozenset({"yes", "y", "true", "1", "是", "√", "✓", "✔", "里程碑", "milestone"})
_NO: Final = frozenset({"no", "n", "false", "0", "否", "非里程碑"})
_DAYS = r"(?:d|days?|wd|天|日|个?工作日|个?工日)?"
_WHOLE_DAYS = re.compile(rf"(\d+)(?:\.0+)?{_DAYS}\??", re.IGNORECASE)
_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?")
_PREDECESSOR = re.compile(
    rf"(?P<key>.+?)(?P<kind>FS|SS|FF|SF)?(?:(?P<sign>[+-])(?P<lag>\d+)(?:\.0+)?{_DAYS})?",
    re.IGNORECASE,
)
_RESOURCE = re.compile(r"(?P<name>.*?)\s*(?:[\[［](?P<units>[^\]］]*)[\]］])?\s*")
_LIST_SEPARATORS = re.compile(r"[;,、；，]")
_SAFE_ID = re.compile(r"[^\s;,、；，+\[\]]+")
_SHOWN_PROBLEMS = 3

_Bad = Callable[[str], None]


def _fold(text: str) -> str:
    """A header as compared: full-width made plain, case, spaces, ``*`` and a trailing
    parenthesis ("工期（工作日）", "Duration (days)") ignored."""
    text = unicodedata.normalize("NFKC", text).strip().strip("*").strip()
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text)
    return re.sub(r"[\s\-_]+", "", text.casefold())


_HEADER_INDEX: Final[Mapping[str, str]] = {
    _fold(spelling): column for column, spellings in _SYNONYMS.items() for spelling in spellings
}


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def outline_numbers(levels: Sequence[int]) -> list[str]:
    """Outline numbers (``1``, ``1.1``, ``1.2``, ``2``) for entries at ``levels``; a level
    deeper than the one before plus one counts as that plus one."""
    counters: list[int] = []
    numbers: list[str] = []
    for wanted in levels:
        level = max(1, min(wanted, len(counters) + 1))
        del counters[level:]
        if len(counters) < level:
            counters.append(0)
        counters[level - 1] += 1
        numbers.append(".".join(str(n) for n in counters))
    return numbers


def other_links_warning(count: int) -> str:
    """The warning for ``count`` start-to-start, finish-to-finish or start-to-finish links."""
    links = "1 link that is" if count == 1 else f"{count} links that are"
    return f"{links} not finish-to-start (SS, FF, SF) read as finish-to-start"


# --- writing -----------------------------------------------------------------------------


def write_plan_csv(
    doc: PlanDocument, out: Path, *, headers: Mapping[str, str] | None = None
) -> None:
    """Write ``doc`` as CSV at ``out`` atomically. ``headers`` replaces some or all of the
    Chinese headers (e.g. :data:`ENGLISH_HEADERS`); milestones are written 是/否 under a
    Chinese milestone header, yes/no otherwise. Raises ExportError."""
    names = dict(CHINESE_HEADERS)
    for column, text in (headers or {}).items():
        if column not in names:
            raise ValueError(f"not a plan column: {column}")
        names[column] = text
    yes, no = ("yes", "no") if names["milestone"].isascii() else ("是", "否")
    ids = _written_ids(doc.entries)
    predecessors: dict[str, list[str]] = {}
    for dependency in doc.dependencies:
        if dependency.predecessor_key not in ids or dependency.successor_key not in ids:
            raise ValueError(f"a dependency names a task not in the document: {dependency}")
        lag = dependency.lag_days
        text = ids[dependency.predecessor_key] + (f"{lag:+d}" if lag else "")
        predecessors.setdefault(dependency.successor_key, []).append(text)
    numbers = outline_numbers([entry.outline_level for entry in doc.entries])
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([names[column] for column in COLUMNS])
    for entry, number in zip(doc.entries, numbers, strict=True):
        wbs = entry.wbs_code if _level_of(entry.wbs_code) == number.count(".") + 1 else number
        cells = (
            ids[entry.key],
            wbs,
            entry.name,
            str(entry.duration_days),
            yes if entry.is_milestone else no,
            "" if entry.offset_days is None else str(entry.offset_days),
            entry.start_on.isoformat() if entry.start_on else "",
            entry.finish_on.isoformat() if entry.finish_on else "",
            str(entry.percent_complete),
            ";".join(predecessors.get(entry.key, ())),
            ";".join(_resource_text(resource) for resource in entry.resources),
            entry.notes,
        )
        writer.writerow([_csv_cell(cell) for cell in cells])
    data = buffer.getvalue().encode("utf-8-sig")
    with atomic_output(Path(out), ".csv") as stream:
        stream.write(data)


def _written_ids(entries: Sequence[PlanEntry]) -> dict[str, str]:
    """The keys themselves, or row numbers when a key would not read back as one id."""
    keys = [entry.key for entry in entries]
    if len(set(keys)) == len(keys) and all(_SAFE_ID.fullmatch(key) for key in keys):
        return {key: key for key in keys}
    return {key: str(number) for number, key in enumerate(keys, start=1)}


def _resource_text(resource: PlanResource) -> str:
    units = resource.units_pct
    return resource.name if units == 100 else f"{resource.name}[{units}%]"


def _level_of(wbs: str) -> int:
    """The outline level a WBS code gives: the number of its dot-separated parts."""
    return len([part for part in _plain(wbs).split(".") if part.strip()])


# --- reading -----------------------------------------------------------------------------


@dataclass
class _Problems:
    found: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, message: str) -> None:
        self.found.append((line, message))

    def raise_any(self) -> None:
        if not self.found:
            return
        shown = sorted(self.found, key=lambda problem: problem[0])
        first_line, first = shown[0]
        text = "; ".join(
            [first, *(f"line {line}: {message}" for line, message in shown[1:_SHOWN_PROBLEMS])]
        )
        more = len(shown) - _SHOWN_PROBLEMS
        if more > 0:
            text += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise PlanFileError(text, where=f"line {first_line}")


@dataclass
class _Row:
    line: int
    key: str
    name: str
    level: int
    wbs: str
    duration: int | None
    """As given; None when the cell is empty."""
    milestone: bool | None
    """As given; None when the cell is empty (a leaf of 0 days is a milestone)."""
    offset: int | None
    start: date | None
    finish: date | None
    percent: int
    predecessors: str
    resources: tuple[PlanResource, ...]
    notes: str


def read_plan_csv(path: Path) -> PlanDocument:
    """The plan in a CSV file (or the first sheet of an XLSX workbook). Raises PlanFileError
    naming the first lines with a problem, or the file's problem (empty, not a table)."""
    path = Path(path)
    table = _table(path)
    columns = _columns(table)
    problems = _Problems()
    rows: list[_Row] = []
    seen: dict[str, int] = {}
    previous_level = 0
    for number, (line, cells) in enumerate(zip(table.lines, table.rows, strict=True), start=1):
        values = {column: cells[index] for column, index in columns.items()}
        row = _row(line, number, values, previous_level, problems)
        previous_level = row.level
        if "id" in columns:
            if not row.key:
                problems.add(line, "the id is empty")
            elif row.key in seen:
                problems.add(line, f'id "{row.key}" is already used on line {seen[row.key]}')
            else:
                seen[row.key] = line
        rows.append(row)
    if not rows and not problems.found:
        raise PlanFileError("the file has no tasks below its header row")
    dependencies, other_kinds = _dependencies(rows, problems)
    problems.raise_any()
    warnings = (other_links_warning(other_kinds),) if other_kinds else ()
    names: dict[str, None] = {}
    for row in rows:
        names.update((resource.name, None) for resource in row.resources)
    return PlanDocument(
        entries=tuple(
            _entry(row, index + 1 < len(rows) and rows[index + 1].level > row.level)
            for index, row in enumerate(rows)
        ),
        dependencies=tuple(dependencies),
        name=path.stem,
        resources=tuple(names),
        warnings=warnings,
    )


def _dependencies(rows: Sequence[_Row], problems: _Problems) -> tuple[list[PlanDependency], int]:
    """The links of the predecessors column, and how many were not finish-to-start."""
    keys = {row.key for row in rows}
    dependencies: list[PlanDependency] = []
    other_kinds = 0
    for row in rows:
        linked: set[str] = set()
        for token in _LIST_SEPARATORS.split(row.predecessors):
            if not token.strip():
                continue
            found = _predecessor(token, keys)
            if found is None:
                problems.add(row.line, f'predecessor "{token.strip()}" names no row')
                continue
            key, lag, kind = found
            if key == row.key:
                problems.add(row.line, "a task cannot be its own predecessor")
            elif key not in linked:
                linked.add(key)
                dependencies.append(PlanDependency(key, row.key, lag))
                other_kinds += kind != "FS"
    return dependencies, other_kinds


def _table(path: Path) -> RawTable:
    try:
        return read_table(path)
    except ImportFileError as error:
        reasons = {
            ImportFailure.UNREADABLE: "the file cannot be read",
            ImportFailure.OLD_EXCEL: "an Excel 97-2003 workbook: save it as .xlsx or CSV",
            ImportFailure.BAD_WORKBOOK: "the workbook cannot be read",
            ImportFailure.NOT_TEXT: "not a table (neither CSV text nor a workbook)",
            ImportFailure.EMPTY: "the file is empty",
            ImportFailure.TOO_LARGE: "the file is too large",
        }
        message = reasons[error.reason]
        raise PlanFileError(f"{message} ({error.detail})" if error.detail else message) from error


def _columns(table: RawTable) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, header in enumerate(table.headers):
        column = _HEADER_INDEX.get(_fold(header))
        if column is not None:
            columns.setdefault(column, index)
    if "name" not in columns:
        found = ", ".join(f'"{h.strip()}"' for h in table.headers if h.strip()) or "none"
        optional = ", ".join(ENGLISH_HEADERS[column] for column in COLUMNS if column != "name")
        raise PlanFileError(
            f"no task name column: the columns found are {found}; needed is a name column "
            f'("任务名称" or "Name"), and optionally {optional}',
            where=f"line {table.header_line}",
        )
    return columns


def _row(
    line: int, number: int, values: Mapping[str, str], previous_level: int, problems: _Problems
) -> _Row:
    def cell(column: str) -> str:
        return values.get(column, "").strip()

    def bad(message: str) -> None:
        problems.add(line, message)

    name = " ".join(cell("name").split())
    if not name:
        bad("the task name is empty")
    wbs = cell("wbs")
    level = _level_of(wbs) or 1
    if cell("outline_level"):
        given = _whole(cell("outline_level"))
        if given is None or given < 1:
            bad(f'outline level "{cell("outline_level")}" is not a whole number from 1')
        else:
            level = given
    level = max(1, min(level, previous_level + 1))
    milestone_text = _plain(cell("milestone")).casefold()
    if milestone_text and milestone_text not in _YES | _NO:
        bad(f'milestone "{cell("milestone")}" is not yes or no')
    duration = _days(cell("duration"), "duration", bad)
    offset = _days(cell("offset"), "offset", bad, allow_t=True)
    milestone = None if not milestone_text else milestone_text in _YES
    percent = 0
    if cell("percent_complete"):
        found = _percent(cell("percent_complete"))
        if found is None or not 0 <= found <= 100:
            bad(f'percent complete "{cell("percent_complete")}" is not between 0 and 100')
        else:
            percent = found
    return _Row(
        line=line,
        key=re.sub(r"\s+", "", _plain(cell("id"))) if "id" in values else str(number),
        name=name,
        level=level,
        wbs=wbs,
        duration=duration,
        milestone=milestone,
        offset=offset,
        start=_date(cell("start"), "start", bad),
        finish=_date(cell("finish"), "finish", bad),
        percent=percent,
        predecessors=cell("predecessors"),
        resources=_resources(cell("resources"), bad),
        notes=values.get("notes", "").strip(),
    )


def _whole(text: str) -> int | None:
    plain = _plain(text)
    return int(plain) if plain.isdigit() else None


def _days(text: str, what: str, bad: _Bad, *, allow_t: bool = False) -> int | None:
    """Whole working days ("5", "5d", "5天", "5 个工作日"; "T+5" for an offset); None when
    empty or wrong (reported)."""
    plain = re.sub(r"\s+", "", _plain(text))
    if not plain:
        return None
    if allow_t:
        plain = re.sub(r"^T\+?", "", plain, flags=re.IGNORECASE) or "0"
    match = _WHOLE_DAYS.fullmatch(plain.lstrip("-"))
    if match is None:
        bad(f'{what} "{text}" is not a whole number of working days')
        return None
    if plain.startswith("-") and int(match[1]):
        bad(f'{what} "{text}" is negative' + (" (before T)" if allow_t else ""))
        return None
    return int(match[1])


def _percent(text: str) -> int | None:
    plain = re.sub(r"\s+", "", _plain(text))
    percent_sign = plain.endswith("%")
    try:
        value = float(plain.rstrip("%"))
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    if not percent_sign and "." in plain and 0 < value < 1:  # an Excel percentage, 0.5
        value *= 100
    return math.floor(value + 0.5)


def _date(text: str, what: str, bad: _Bad) -> date | None:
    if not text:
        return None
    match = _DATE.fullmatch(_plain(text))
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    bad(f'{what} "{text}" is not a date (YYYY-MM-DD)')
    return None


def _resources(text: str, bad: _Bad) -> tuple[PlanResource, ...]:
    found: dict[str, PlanResource] = {}
    for token in _LIST_SEPARATORS.split(text):
        if not token.strip():
            continue
        match = _RESOURCE.fullmatch(token)
        name = " ".join(match["name"].split()) if match else ""
        units: int | None = 100
        if match and match["units"] is not None:
            units = _percent(match["units"] if "%" in match["units"] else match["units"] + "%")
        if not name or units is None:
            bad(f'resource "{token.strip()}" is not a name with an optional share like [50%]')
            continue
        found.setdefault(name, PlanResource(name, max(1, min(units, 100))))
    return tuple(found.values())


def _predecessor(token: str, keys: set[str]) -> tuple[str, int, str] | None:
    """(key, lag, link type) of "5", "5+2", "5-1", "5FS+2d"; None when it names no row."""
    plain = re.sub(r"\s+", "", _plain(token))
    if plain in keys:
        return plain, 0, "FS"
    match = _PREDECESSOR.fullmatch(plain)
    if match is None or match["key"] not in keys:
        return None
    lag = int(match["lag"] or 0) * (-1 if match["sign"] == "-" else 1)
    return match["key"], lag, (match["kind"] or "FS").upper()


def _entry(row: _Row, summary: bool) -> PlanEntry:
    """The entry of a row; ``summary``: the next row is below it."""
    milestone = row.milestone
    if milestone is None:
        milestone = row.duration == 0 and not summary
    return PlanEntry(
        key=row.key,
        name=row.name,
        outline_level=row.level,
        duration_days=0 if milestone else 1 if row.duration is None else row.duration,
        is_milestone=milestone,
        offset_days=row.offset,
        start_on=row.start,
        finish_on=row.finish,
        percent_complete=row.percent,
        notes=row.notes,
        wbs_code=row.wbs,
        resources=row.resources,
        source=f"line {row.line}",
    )
