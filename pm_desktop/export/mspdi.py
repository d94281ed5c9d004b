"""A master plan as Microsoft Project XML (MSPDI), which Microsoft Project, ProjectLibre and
GanttProject open and save.

Writing: a Standard calendar (Monday to Friday, 09:00-12:00 and 13:00-18:00, so a day is
480 minutes) with the project calendar's holidays and adjusted working weekends (调休) as
exceptions, the conventional project summary task (UID 0), the tasks in outline order with
their finish-to-start links and lags, an entry's offset from T as a Start No Earlier Than
constraint, the resources and their assignments. Elements follow the schema's order, which
Microsoft Project insists on.

Reading: parsed with ``defusedxml`` (no entity expansion); the namespace may be missing.
Durations and lags are turned into whole working days at the file's minutes per day;
start-to-start, finish-to-finish and start-to-finish links are kept as finish-to-start and
counted in the document's warnings.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Final

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from pm_desktop.core.plan_exchange import (
    PlanDependency,
    PlanDocument,
    PlanEntry,
    PlanFileError,
    PlanResource,
)
from pm_desktop.core.work_calendar import WorkCalendar
from pm_desktop.export.atomic import atomic_output, os_reason
from pm_desktop.export.plan_csv import other_links_warning, outline_numbers

NAMESPACE: Final = "http://schemas.microsoft.com/project"
SAVE_VERSION: Final = 14  # Project 2010
NEWEST_SAVE_VERSION: Final = 16  # Project 2016 and later
MINUTES_PER_DAY: Final = 480
MAX_FILE_BYTES: Final = 50 * 1024 * 1024

_FS, _LAG_DAYS, _DAYS_FORMAT = 1, 7, 7
_SNET = 4  # ConstraintType "Start No Earlier Than"
_ELAPSED_FORMATS: Final = frozenset({4, 6, 8, 10, 12, 36, 38, 40, 42, 44})
_PERCENT_FORMATS: Final = frozenset({19, 20, 51, 52})
_DURATION = re.compile(
    r"P(?:(?P<d>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?"
)
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_WORK_HOURS: Final = (("09:00:00", "12:00:00"), ("13:00:00", "18:00:00"))

_IsWorking = Callable[[date], bool]


# --- writing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    """Where each entry of a document goes: outline, dates and UIDs."""

    t: date
    finish: date
    numbers: list[str]
    levels: list[int]
    summary: list[bool]
    spans: list[tuple[date, date]]
    uids: dict[str, int]
    working: _IsWorking


def write_mspdi(doc: PlanDocument, out: Path, *, calendar: WorkCalendar | None = None) -> None:
    """Write ``doc`` as MSPDI at ``out`` atomically. ``calendar`` gives the Standard calendar
    its exceptions and the dates an entry lacks (without it: Monday to Friday). An entry's
    offset becomes a Start No Earlier Than T + offset. Raises ExportError."""
    layout = _layout(doc, calendar.is_working if calendar else _weekday)
    t, finish = layout.t, layout.finish
    root = ET.Element("Project", xmlns=NAMESPACE)
    for tag, value in (
        ("SaveVersion", SAVE_VERSION),
        ("Name", f"{doc.name or 'Plan'}.xml"),
        ("Title", doc.name),
        ("ScheduleFromStart", 1),
        ("StartDate", _at(t, "09:00:00")),
        ("FinishDate", _at(finish, "18:00:00")),
        ("CalendarUID", 1),
        ("DefaultStartTime", "09:00:00"),
        ("DefaultFinishTime", "18:00:00"),
        ("MinutesPerDay", MINUTES_PER_DAY),
        ("MinutesPerWeek", MINUTES_PER_DAY * 5),
        ("DaysPerMonth", 20),
        ("DurationFormat", _DAYS_FORMAT),
        ("WeekStartDay", 1),
    ):
        _text(root, tag, value)
    first = min([t, *(start for start, _ in layout.spans)])
    exceptions = _exceptions(calendar, first, finish) if calendar else []
    _write_calendar(ET.SubElement(root, "Calendars"), exceptions)
    tasks = ET.SubElement(root, "Tasks")
    project = ET.SubElement(tasks, "Task")
    for tag, value in (
        ("UID", 0),
        ("ID", 0),
        ("Name", doc.name or "Plan"),
        ("Type", 1),
        ("IsNull", 0),
        ("WBS", 0),
        ("OutlineNumber", 0),
        ("OutlineLevel", 0),
        ("Start", _at(t, "09:00:00")),
        ("Finish", _at(finish, "18:00:00")),
        ("Duration", _duration(_count(t, finish, layout.working))),
        ("DurationFormat", _DAYS_FORMAT),
        ("Estimated", 0),
        ("Milestone", 0),
        ("Summary", 1),
        ("PercentComplete", 0),
    ):
        _text(project, tag, value)
    predecessors: dict[str, list[PlanDependency]] = {}
    for dependency in doc.dependencies:
        keys = (dependency.predecessor_key, dependency.successor_key)
        if any(key not in layout.uids for key in keys):
            raise ValueError(f"a dependency names a task not in the document: {dependency}")
        predecessors.setdefault(dependency.successor_key, []).append(dependency)
    for index, entry in enumerate(doc.entries):
        task = ET.SubElement(tasks, "Task")
        _write_task(task, index, entry, layout, doc.contract_signed_on is not None)
        for dependency in predecessors.get(entry.key, ()):
            link = ET.SubElement(task, "PredecessorLink")
            _text(link, "PredecessorUID", layout.uids[dependency.predecessor_key])
            _text(link, "Type", _FS)
            _text(link, "CrossProject", 0)
            _text(link, "LinkLag", dependency.lag_days * MINUTES_PER_DAY * 10)
            _text(link, "LagFormat", _LAG_DAYS)
    _write_resources(root, doc, layout)
    ET.indent(root)
    data = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    data += ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n"
    with atomic_output(Path(out), ".xml") as stream:
        stream.write(data)


def _layout(doc: PlanDocument, working: _IsWorking) -> _Layout:
    entries = doc.entries
    numbers = outline_numbers([entry.outline_level for entry in entries])
    levels = [number.count(".") + 1 for number in numbers]
    summary = [i + 1 < len(levels) and levels[i + 1] > levels[i] for i in range(len(levels))]
    starts = [entry.start_on for entry in entries if entry.start_on]
    t = doc.contract_signed_on or (min(starts) if starts else date.today())
    spans = _spans(entries, levels, summary, t, working)
    finish = max([t, *(end for _, end in spans)])
    return _Layout(t, finish, numbers, levels, summary, spans, _task_uids(entries), working)


def _write_task(
    task: ET.Element, index: int, entry: PlanEntry, layout: _Layout, has_t: bool
) -> None:
    """A task's fields in the schema's order (its links follow)."""
    start, end = layout.spans[index]
    summary = layout.summary[index]
    days = _count(start, end, layout.working) if summary else entry.duration_days
    if entry.is_milestone and not summary:
        days, end = 0, start
    for tag, value in (
        ("UID", layout.uids[entry.key]),
        ("ID", index + 1),
        ("Name", entry.name),
        ("Type", 0),
        ("IsNull", 0),
        ("WBS", entry.wbs_code or layout.numbers[index]),
        ("OutlineNumber", layout.numbers[index]),
        ("OutlineLevel", layout.levels[index]),
        ("Start", _at(start, "09:00:00")),
        ("Finish", _at(end, "09:00:00" if days == 0 else "18:00:00")),
        ("Duration", _duration(days)),
        ("DurationFormat", _DAYS_FORMAT),
        ("Estimated", 0),
        ("Milestone", int(entry.is_milestone)),
        ("Summary", int(summary)),
        ("PercentComplete", entry.percent_complete),
    ):
        _text(task, tag, value)
    if entry.offset_days is None:
        _text(task, "ConstraintType", 0)
    else:
        earliest = _add_days(layout.t, entry.offset_days, layout.working) if has_t else start
        _text(task, "ConstraintType", _SNET)
        _text(task, "ConstraintDate", _at(earliest, "09:00:00"))
    if entry.notes:
        _text(task, "Notes", entry.notes)


def _write_resources(root: ET.Element, doc: PlanDocument, layout: _Layout) -> None:
    names = dict.fromkeys(doc.resources)
    for entry in doc.entries:
        names.update(dict.fromkeys(person.name for person in entry.resources))
    resource_uid = {name: uid for uid, name in enumerate(names, start=1)}
    resources = ET.SubElement(root, "Resources")
    for name, uid in resource_uid.items():
        resource = ET.SubElement(resources, "Resource")
        for tag, value in (
            ("UID", uid),
            ("ID", uid),
            ("Name", name),
            ("Type", 1),
            ("IsNull", 0),
            ("MaxUnits", "1.00"),
        ):
            _text(resource, tag, value)
    assignments = ET.SubElement(root, "Assignments")
    number = 0
    for index, entry in enumerate(doc.entries):
        days = 0 if entry.is_milestone else entry.duration_days
        start, end = layout.spans[index]
        for person in {r.name: r for r in entry.resources}.values():
            number += 1
            minutes = round(days * MINUTES_PER_DAY * person.units_pct / 100)
            assignment = ET.SubElement(assignments, "Assignment")
            for tag, value in (
                ("UID", number),
                ("TaskUID", layout.uids[entry.key]),
                ("ResourceUID", resource_uid[person.name]),
                ("Finish", _at(end, "18:00:00")),
                ("Start", _at(start, "09:00:00")),
                ("Units", f"{person.units_pct / 100:g}"),
                ("Work", f"PT{minutes // 60}H{minutes % 60}M0S"),
            ):
                _text(assignment, tag, value)


def _text(parent: ET.Element, tag: str, value: object) -> None:
    ET.SubElement(parent, tag).text = _XML_ILLEGAL.sub("", str(value))


def _at(day: date, clock: str) -> str:
    return f"{day.isoformat()}T{clock}"


def _duration(days: int) -> str:
    return f"PT{days * MINUTES_PER_DAY // 60}H0M0S"


def _weekday(day: date) -> bool:
    return day.weekday() < 5


def _add_days(start: date, count: int, working: _IsWorking) -> date:
    """The working day ``count`` working days after the first working day from ``start``."""
    day = start
    while not working(day):
        day += timedelta(days=1)
    for _ in range(count):
        day += timedelta(days=1)
        while not working(day):
            day += timedelta(days=1)
    return day


def _count(start: date, end: date, working: _IsWorking) -> int:
    """Working days from ``start`` to ``end``, both included."""
    return sum(working(start + timedelta(days=n)) for n in range((end - start).days + 1))


def _spans(
    entries: Sequence[PlanEntry],
    levels: Sequence[int],
    summary: Sequence[bool],
    t: date,
    working: _IsWorking,
) -> list[tuple[date, date]]:
    """Each entry's first and last day: its own dates, else from its offset (summaries:
    from their children)."""
    spans: list[tuple[date, date]] = []
    for entry in entries:
        start = entry.start_on or _add_days(t, entry.offset_days or 0, working)
        days = 0 if entry.is_milestone else entry.duration_days
        end = entry.finish_on or _add_days(start, max(days - 1, 0), working)
        spans.append((start, max(start, end)))
    for index in reversed(range(len(entries))):
        if not summary[index]:
            continue
        child = index + 1
        inner: list[tuple[date, date]] = []
        while child < len(entries) and levels[child] > levels[index]:
            inner.append(spans[child])
            child += 1
        entry = entries[index]
        start = entry.start_on or min(s for s, _ in inner)
        end = entry.finish_on or max(e for _, e in inner)
        spans[index] = (start, max(start, end))
    return spans


def _task_uids(entries: Sequence[PlanEntry]) -> dict[str, int]:
    """The keys as UIDs when they are distinct positive whole numbers, else 1, 2, 3…"""
    keys = [entry.key for entry in entries]
    if all(key.isascii() and key.isdigit() and int(key) > 0 for key in keys):
        uids = {key: int(key) for key in keys}
        if len(set(uids.values())) == len(keys):
            return uids
    return {key: uid for uid, key in enumerate(keys, start=1)}


def _exceptions(calendar: WorkCalendar, first: date, last: date) -> list[tuple[date, date, bool]]:
    """Runs of days (from, to, working) where ``calendar`` differs from Monday to Friday,
    over the whole years the plan spans."""
    runs: list[tuple[date, date, bool]] = []
    day, end = date(first.year, 1, 1), date(last.year, 12, 31)
    while day <= end:
        working = calendar.is_working(day)
        if working != _weekday(day):
            if runs and runs[-1][2] == working and runs[-1][1] == day - timedelta(days=1):
                runs[-1] = (runs[-1][0], day, working)
            else:
                runs.append((day, day, working))
        day += timedelta(days=1)
    return runs


def _working_times(parent: ET.Element) -> None:
    times = ET.SubElement(parent, "WorkingTimes")
    for start, end in _WORK_HOURS:
        period = ET.SubElement(times, "WorkingTime")
        _text(period, "FromTime", start)
        _text(period, "ToTime", end)


def _period(parent: ET.Element, first: date, last: date) -> None:
    period = ET.SubElement(parent, "TimePeriod")
    _text(period, "FromDate", _at(first, "00:00:00"))
    _text(period, "ToDate", _at(last, "23:59:00"))


def _write_calendar(calendars: ET.Element, exceptions: Sequence[tuple[date, date, bool]]) -> None:
    """The Standard calendar; exceptions both the Project 2003 way (in WeekDays, day type 0)
    and the Project 2007 way, as MPXJ does: newer readers prefer the latter."""
    calendar = ET.SubElement(calendars, "Calendar")
    _text(calendar, "UID", 1)
    _text(calendar, "Name", "Standard")
    _text(calendar, "IsBaseCalendar", 1)
    _text(calendar, "BaseCalendarUID", -1)
    weekdays = ET.SubElement(calendar, "WeekDays")
    for day_type in range(1, 8):  # 1 Sunday … 7 Saturday
        weekday = ET.SubElement(weekdays, "WeekDay")
        _text(weekday, "DayType", day_type)
        working = day_type not in (1, 7)
        _text(weekday, "DayWorking", int(working))
        if working:
            _working_times(weekday)
    for first, last, working in exceptions:
        weekday = ET.SubElement(weekdays, "WeekDay")
        _text(weekday, "DayType", 0)
        _text(weekday, "DayWorking", int(working))
        _period(weekday, first, last)
        if working:
            _working_times(weekday)
    if not exceptions:
        return
    block = ET.SubElement(calendar, "Exceptions")
    for first, last, working in exceptions:
        exception = ET.SubElement(block, "Exception")
        _text(exception, "EnteredByOccurrences", 0)
        _period(exception, first, last)
        _text(exception, "Occurrences", 1)
        _text(exception, "Name", "调休上班" if working else "节假日")
        _text(exception, "Type", 1)
        _text(exception, "DayWorking", int(working))
        if working:
            _working_times(exception)


# --- reading -----------------------------------------------------------------------------


def read_mspdi(path: Path, *, calendar: WorkCalendar | None = None) -> PlanDocument:
    """The plan in a Microsoft Project XML file. With ``calendar`` (the project's), a Start
    No Earlier Than constraint also becomes an offset from the file's start date. Raises
    PlanFileError naming the task or the place in the file."""
    root = _parse(Path(path))
    version = _find(root, "SaveVersion")
    if version and not (version.isdigit() and 1 <= int(version) <= NEWEST_SAVE_VERSION):
        raise PlanFileError(
            f'written by an unknown version "{version}" of Microsoft Project '
            f"(versions up to {NEWEST_SAVE_VERSION} are read)"
        )
    reader = _Reader(
        minutes_per_day=_number(_find(root, "MinutesPerDay")) or MINUTES_PER_DAY,
        t=_day(_find(root, "StartDate")),
        calendar=calendar,
    )
    for task in _children(root, "Tasks", "Task"):
        uid = _find(task, "UID")
        if not uid:
            raise PlanFileError(f"the task “{_find(task, 'Name')}” has no UID")
        if uid in reader.tasks or uid in reader.skipped:
            raise PlanFileError(f"two tasks have the UID {uid}")
        if uid == "0" or _find(task, "IsNull") == "1":
            reader.skipped.add(uid)
        else:
            reader.tasks[uid] = task
    entries: list[PlanEntry] = []
    dependencies: list[PlanDependency] = []
    for uid, task in reader.tasks.items():
        entry = reader.entry(uid, task, entries[-1].outline_level if entries else 0)
        entries.append(entry)
        dependencies.extend(reader.links(task, entry))
    resources, assigned = _resources(root, reader.tasks)
    entries = [replace(entry, resources=assigned.get(entry.key, ())) for entry in entries]
    warnings = []
    if reader.other_links:
        warnings.append(other_links_warning(reader.other_links))
    if reader.percent_lags:
        lags = "1 lag" if reader.percent_lags == 1 else f"{reader.percent_lags} lags"
        warnings.append(f"{lags} given in percent read as no lag")
    title = _find(root, "Title") or re.sub(r"\.(xml|mpp)$", "", _find(root, "Name"), flags=re.I)
    return PlanDocument(
        entries=tuple(entries),
        dependencies=tuple(dependencies),
        name=title,
        contract_signed_on=reader.t,
        resources=resources,
        warnings=tuple(warnings),
    )


@dataclass
class _Reader:
    """What reading the tasks of one file needs and counts."""

    minutes_per_day: float
    t: date | None
    calendar: WorkCalendar | None
    tasks: dict[str, ET.Element] = field(default_factory=dict)
    """The tasks read, by UID, in file order."""
    skipped: set[str] = field(default_factory=set)
    """UIDs of the project summary task and of empty (IsNull) rows."""
    other_links: int = 0
    percent_lags: int = 0

    def entry(self, uid: str, task: ET.Element, previous_level: int) -> PlanEntry:
        name = " ".join(_find(task, "Name").split())
        if not name:
            raise PlanFileError("the task has no name", where=f"task UID {uid}")
        where = f"task UID {uid} (“{name}”)"
        level = _number(_find(task, "OutlineLevel"))
        if level is None:
            level = len([p for p in _find(task, "OutlineNumber").split(".") if p]) or 1
        days = self.days(task, where)
        summary = _find(task, "Summary") == "1"
        milestone = _find(task, "Milestone") == "1" or (days == 0 and not summary)
        start = _day(_find(task, "Start"))
        offset: int | None = None
        earliest = _day(_find(task, "ConstraintDate"))
        if _find(task, "ConstraintType") == str(_SNET) and earliest:
            start = earliest
            if self.calendar and self.t:
                before = earliest - timedelta(days=1)
                offset = self.calendar.working_days(self.t, before) if earliest > self.t else 0
        percent = _number(_find(task, "PercentComplete")) or 0
        return PlanEntry(
            key=uid,
            name=name,
            outline_level=max(1, min(int(level), previous_level + 1)),
            duration_days=0 if milestone else days,
            is_milestone=milestone,
            offset_days=offset,
            start_on=start,
            finish_on=_day(_find(task, "Finish")),
            percent_complete=max(0, min(round(percent), 100)),
            notes=_find(task, "Notes"),
            wbs_code=_find(task, "WBS") or _find(task, "OutlineNumber"),
            source=where,
        )

    def days(self, task: ET.Element, where: str) -> int:
        """The task's duration in whole working days, rounded up."""
        text = _find(task, "Duration")
        if not text:
            start, finish = _day(_find(task, "Start")), _day(_find(task, "Finish"))
            return _count(start, finish, _weekday) if start and finish else 1
        minutes = _minutes(text)
        if minutes is None:
            raise PlanFileError(f'the duration "{text}" is not valid', where=where)
        elapsed = _number(_find(task, "DurationFormat")) in _ELAPSED_FORMATS
        per_day = 1440 if elapsed else self.minutes_per_day
        return math.ceil(round(minutes / per_day, 6))

    def links(self, task: ET.Element, entry: PlanEntry) -> Iterator[PlanDependency]:
        """The task's predecessor links (to tasks of this file), lags in whole working days."""
        seen: set[str] = set()
        for link in task.findall("PredecessorLink"):
            predecessor = _find(link, "PredecessorUID")
            if predecessor in self.skipped or predecessor in seen:
                continue
            if _find(link, "CrossProject") == "1":
                continue
            if predecessor not in self.tasks:
                raise PlanFileError(
                    f"the predecessor UID {predecessor or '(none)'} does not exist",
                    where=entry.source,
                )
            seen.add(predecessor)
            kind = _number(_find(link, "Type"))
            self.other_links += kind is not None and kind != _FS
            lag_format = _number(_find(link, "LagFormat"))
            tenths = _number(_find(link, "LinkLag")) or 0
            if lag_format in _PERCENT_FORMATS:
                self.percent_lags += tenths != 0
                tenths = 0
            per_day = 1440 if lag_format in _ELAPSED_FORMATS else self.minutes_per_day
            days = tenths / 10 / per_day
            lag = int(math.copysign(math.floor(abs(days) + 0.5), days))
            yield PlanDependency(predecessor, entry.key, lag)


def _parse(path: Path) -> ET.Element:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise PlanFileError(f"the file cannot be read: {os_reason(error)}") from error
    if len(data) > MAX_FILE_BYTES:
        raise PlanFileError("the file is larger than 50 MB")
    try:
        root: ET.Element = SafeET.fromstring(data)
    except ET.ParseError as error:
        line, column = error.position
        raise PlanFileError(
            f"not a well-formed XML file ({_parse_reason(error)})",
            where=f"line {line}, column {column + 1}",
        ) from error
    except DefusedXmlException as error:
        raise PlanFileError(
            "the XML file declares entities or external references, which are refused"
        ) from error
    except (ValueError, UnicodeError) as error:
        raise PlanFileError(f"not a well-formed XML file ({error})") from error
    namespace, _, local = root.tag.rpartition("}")
    if local != "Project" or namespace not in ("", "{" + NAMESPACE):
        raise PlanFileError(
            f"not a Microsoft Project XML file (its root element is <{local}>"
            + (f" in the namespace {namespace.lstrip('{')})" if namespace else ")")
        )
    prefix = "{" + NAMESPACE + "}"
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(prefix):
            element.tag = element.tag[len(prefix) :]
    return root


def _parse_reason(error: ET.ParseError) -> str:
    """The parser's message without its own "line 3, column 4" (given as ``where``)."""
    return re.sub(r":\s*line \d+, column \d+$", "", str(error))


def _find(element: ET.Element, tag: str) -> str:
    return (element.findtext(tag) or "").strip()


def _children(root: ET.Element, group: str, tag: str) -> Iterator[ET.Element]:
    holder = root.find(group)
    return iter(holder.findall(tag)) if holder is not None else iter(())


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _minutes(text: str) -> float | None:
    """The minutes of an XML duration ``PT40H0M0S`` (days count 24 hours); None if invalid."""
    match = _DURATION.fullmatch(text)
    if match is None or text in ("P", "PT") or text.endswith("T"):
        return None
    parts = {key: float(value) for key, value in match.groupdict(default="0").items()}
    return parts["d"] * 1440 + parts["h"] * 60 + parts["m"] + parts["s"] / 60


def _resources(
    root: ET.Element, tasks: dict[str, ET.Element]
) -> tuple[tuple[str, ...], dict[str, tuple[PlanResource, ...]]]:
    """The named resources, and each task's assignments (units as 1-100 %)."""
    names: dict[str, str] = {}
    for element in _children(root, "Resources", "Resource"):
        name = " ".join(_find(element, "Name").split())
        if name and _find(element, "IsNull") != "1":
            names.setdefault(_find(element, "UID"), name)
    assigned: dict[str, list[PlanResource]] = {}
    for assignment in _children(root, "Assignments", "Assignment"):
        task, resource = _find(assignment, "TaskUID"), _find(assignment, "ResourceUID")
        if task not in tasks or resource not in names:
            continue
        units = _number(_find(assignment, "Units"))
        percent = 100 if units is None else max(1, min(round(units * 100), 100))
        current = assigned.setdefault(task, [])
        if all(r.name != names[resource] for r in current):
            current.append(PlanResource(names[resource], percent))
    return tuple(dict.fromkeys(names.values())), {k: tuple(v) for k, v in assigned.items()}
