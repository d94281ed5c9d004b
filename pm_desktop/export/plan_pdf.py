"""The master plan as a Gantt chart PDF (ReportLab): the task table on the left, bars on the right.

**Page format.** A plan whose rows all fit on one A4 landscape page (``A4_ROWS``: 32 tasks,
enough for every template plan) is printed on that single page, the paper any office printer
takes; its rows grow taller when there are few. A longer plan is printed on A3 landscape pages,
the usual size for a plan on the wall: 50 rows a page and a wider time scale. Each page repeats
the header, the column titles, the time scale and the legend.

**Time scale.** Chosen from the plan's span (T and every date, baselines included): days up to
six weeks, weeks up to about nine months, months beyond, under a row of months (or years).
With days or weeks, the days off of the project's calendar (weekends and holidays, but not the
adjusted working weekends, 调休) are shaded.

**Chart.** Task bars are blue, red on the critical path, with the progress as a darker inner
bar; summaries are black brackets; milestones are diamonds with their date; a thin grey bar
under a task shows its baseline when it differs; finish-to-start links are elbow arrows when
both tasks are on the same page; a dashed line marks today.

Every word besides the user's data comes from ``PlanPdfLabels`` (English defaults; the UI fills
it with translated texts). Chinese is drawn with the bundled CJK font, embedded as a subset, in
mixed-script runs (``pdf_fonts``). The file is written atomically; ReportLab is imported on the
first export, never when this module is imported.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

from pm_desktop.core.schedule import rolled_up_percent
from pm_desktop.core.work_calendar import WorkCalendar
from pm_desktop.export.atomic import atomic_output
from pm_desktop.export.pdf_fonts import FontStack, clip_to_width, font_stack
from pm_desktop.services.plan import PlanLinkRecord, PlanTaskRecord

Progress = Callable[[int, int], None]

ENGLISH_MONTHS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


@dataclass(frozen=True)
class PlanPdfLabels:
    """Every text the plan prints besides the title and the tasks, in the language of the PDF.

    Placeholders are filled by plain replacement: ``{page}``, ``{pages}`` and ``{date}`` in
    phrases; ``{year}``, ``{month}``, ``{mm}``, ``{day}``, ``{dd}`` and ``{month_name}`` in
    date patterns.
    """

    column_wbs: str = "WBS"
    column_name: str = "Task name"
    column_duration: str = "Duration"
    duration_unit: str = "working days"
    """Under the duration's column title: the unit of the numbers."""
    column_start: str = "Start"
    column_finish: str = "Finish"
    column_percent: str = "% Complete"
    task: str = "Task"
    critical: str = "Critical"
    progress: str = "Progress"
    summary: str = "Summary"
    milestone: str = "Milestone"
    baseline: str = "Baseline"
    dependency: str = "Dependency"
    non_working: str = "Non-working day"
    today: str = "Today"
    page: str = "Page {page} of {pages}"
    printed: str = "Printed {date}"
    contract: str = "T (contract signed) {date}"
    no_tasks: str = "The plan has no tasks."
    date_format: str = "{year}-{mm}-{dd}"
    """Dates in the table and the header."""
    short_date_format: str = "{mm}-{dd}"
    """A milestone's date beside its diamond."""
    scale_month: str = "{month_name} {year}"
    """A month above the days or weeks of the time scale."""
    scale_year: str = "{year}"
    """A year above the months of the time scale."""
    month_names: Sequence[str] = ENGLISH_MONTHS
    """Short month names (the months of the time scale and ``{month_name}``)."""

    def __post_init__(self) -> None:
        if len(self.month_names) != 12:
            raise ValueError("PlanPdfLabels.month_names must name the 12 months")


def fill(pattern: str, **values: object) -> str:
    """``pattern`` with each ``{name}`` replaced by its value (no ``str.format`` surprises)."""
    for name, value in values.items():
        pattern = pattern.replace("{" + name + "}", str(value))
    return pattern


def format_date(pattern: str, day: date, month_names: Sequence[str]) -> str:
    return fill(
        pattern,
        year=day.year,
        month_name=month_names[day.month - 1],
        month=day.month,
        mm=f"{day.month:02d}",
        day=day.day,
        dd=f"{day.day:02d}",
    )


# --- page formats (points) ----------------------------------------------------------------

MM = 72 / 25.4
MARGIN = 10 * MM
HEADER_HEIGHT = 40.0
SCALE_ROW = 12.0
SCALE_HEIGHT = 2 * SCALE_ROW
"""The time scale's two rows; the column titles take the same height."""
ROW_HEIGHT = 14.0
MAX_ROW_HEIGHT = 19.0
"""Rows grow up to this height when a short plan leaves room on its single page."""
LEGEND_HEIGHT = 20.0


@dataclass(frozen=True)
class PageFormat:
    name: str
    width: float
    height: float
    name_column: float
    """The width of the task-name column."""

    @property
    def body_height(self) -> float:
        """The height left for the rows of a page."""
        return self.height - 2 * MARGIN - HEADER_HEIGHT - SCALE_HEIGHT - LEGEND_HEIGHT

    @property
    def rows_per_page(self) -> int:
        return int(self.body_height // ROW_HEIGHT)


A4_LANDSCAPE = PageFormat("A4", 297 * MM, 210 * MM, 165.0)
A3_LANDSCAPE = PageFormat("A3", 420 * MM, 297 * MM, 230.0)
A4_ROWS = A4_LANDSCAPE.rows_per_page


def choose_format(row_count: int) -> PageFormat:
    """A4 landscape when the plan fits on one such page, A3 landscape otherwise."""
    return A4_LANDSCAPE if row_count <= A4_ROWS else A3_LANDSCAPE


# --- the plan's rows ----------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    task: PlanTaskRecord
    level: int
    """0 for a top-level task, 1 for its children, ..."""
    summary: bool
    duration: int
    """Working days: the task's own, or its span for a summary."""
    percent: int
    """The task's own, or for a summary the work done under it."""


def plan_rows(tasks: Sequence[PlanTaskRecord], calendar: WorkCalendar) -> list[Row]:
    """The tasks (in WBS order) with their level, whether they are summaries, and duration."""
    by_id = {task.id: task for task in tasks}
    parents = {task.parent_id for task in tasks if task.parent_id in by_id}
    levels: dict[str, int] = {}

    def level(task: PlanTaskRecord) -> int:
        chain: list[str] = []
        current: PlanTaskRecord | None = task
        while current is not None and current.id not in levels and current.id not in chain:
            chain.append(current.id)
            current = by_id.get(current.parent_id) if current.parent_id else None
        depth = levels.get(current.id, -1) if current is not None else -1
        for task_id in reversed(chain):
            depth += 1
            levels[task_id] = depth
        return levels[task.id]

    done = rolled_up_percent(tasks)
    rows = []
    for task in tasks:
        summary = task.id in parents
        duration = 0 if task.is_milestone else task.duration_days
        if summary and task.start_on is not None and task.finish_on is not None:
            duration = calendar.working_days(task.start_on, task.finish_on)
        percent = done.get(task.id, task.percent_complete) if summary else task.percent_complete
        rows.append(Row(task, level(task), summary, duration, percent))
    return rows


def has_baseline(task: PlanTaskRecord) -> bool:
    """Whether the task has a baseline that differs from its dates."""
    start, finish = task.baseline_start_on, task.baseline_finish_on
    if start is None or finish is None or task.start_on is None:
        return False
    return (start, finish) != (task.start_on, task.finish_on)


# --- the time scale -----------------------------------------------------------------------

DAYS_UP_TO = 42
"""The longest span (calendar days) drawn day by day; weeks up to WEEKS_UP_TO, then months."""
WEEKS_UP_TO = 275


class Unit(Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class TimeScale:
    unit: Unit
    start: date
    end: date
    """Exclusive."""

    @property
    def days(self) -> int:
        return (self.end - self.start).days


def plan_span(tasks: Sequence[PlanTaskRecord], t: date) -> tuple[date, date]:
    """The first and last day the chart must show: T and every date of the plan."""
    days = [t]
    for task in tasks:
        dates: tuple[date | None, ...] = (task.start_on, task.finish_on)
        if has_baseline(task):
            dates += (task.baseline_start_on, task.baseline_finish_on)
        days += [day for day in dates if day is not None]
    return min(days), max(days)


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def choose_scale(first: date, last: date) -> TimeScale:
    """Days, weeks or months, by the span from ``first`` to ``last`` (both shown)."""
    span = (last - first).days + 1
    if span <= DAYS_UP_TO:
        return TimeScale(Unit.DAY, first - timedelta(days=1), last + timedelta(days=2))
    if span <= WEEKS_UP_TO:
        start = first - timedelta(days=2)
        start -= timedelta(days=start.weekday())
        end = last + timedelta(days=1)
        end += timedelta(days=(7 - end.weekday()) % 7)
        return TimeScale(Unit.WEEK, start, end)
    return TimeScale(Unit.MONTH, _month_start(first), _next_month(last))


@dataclass(frozen=True)
class Band:
    """A cell of the time scale: its days and its texts, longest first (the first that fits
    is printed)."""

    start: date
    end: date
    texts: tuple[str, ...]


def _months(start: date, end: date) -> Iterator[tuple[date, date]]:
    month = _month_start(start)
    while month < end:
        following = _next_month(month)
        yield max(month, start), min(following, end)
        month = following


def scale_bands(scale: TimeScale, labels: PlanPdfLabels) -> tuple[list[Band], list[Band]]:
    """The upper row (months, or years) and the lower row (days, weeks or months)."""
    names = labels.month_names
    if scale.unit is Unit.MONTH:
        years = [
            Band(
                max(scale.start, date(y, 1, 1)),
                min(scale.end, date(y + 1, 1, 1)),
                (fill(labels.scale_year, year=y), str(y)),
            )
            for y in range(scale.start.year, (scale.end - timedelta(days=1)).year + 1)
        ]
        months = [
            Band(a, b, (names[a.month - 1], str(a.month)))
            for a, b in _months(scale.start, scale.end)
        ]
        return years, months
    upper = [
        Band(a, b, (format_date(labels.scale_month, a, names), names[a.month - 1]))
        for a, b in _months(scale.start, scale.end)
    ]
    step = 1 if scale.unit is Unit.DAY else 7
    lower = []
    day = scale.start
    while day < scale.end:
        following = min(day + timedelta(days=step), scale.end)
        lower.append(Band(day, following, (str(day.day),)))
        day = following
    return upper, lower


def days_off(scale: TimeScale, calendar: WorkCalendar) -> list[tuple[date, date]]:
    """Runs of consecutive non-working days, [start, end), to shade (none for months)."""
    if scale.unit is Unit.MONTH:
        return []
    runs: list[tuple[date, date]] = []
    day = scale.start
    while day < scale.end:
        if not calendar.is_working(day):
            following = day + timedelta(days=1)
            if runs and runs[-1][1] == day:
                runs[-1] = (runs[-1][0], following)
            else:
                runs.append((day, following))
        day += timedelta(days=1)
    return runs


# --- drawing ------------------------------------------------------------------------------

INK = "#1F2937"
MUTED = "#6B7280"
NAVY = "#1F3864"
RULE = "#C3CAD5"
GRID = "#E3E6EB"
HEAD_FILL = "#EEF2F7"
ZEBRA = "#F7F9FC"
WHITE = "#FFFFFF"
TASK = "#7EA6DA"
TASK_DARK = "#1F4E8C"
CRITICAL = "#E8776C"
CRITICAL_DARK = "#A3241A"
SUMMARY = "#111827"
BASELINE = "#A3A9B3"
DAY_OFF = "#E8EBEF"
TODAY = "#E07B12"
LINK = "#4B5563"

TITLE_SIZE = 13.0
TEXT_SIZE = 7.5
HEAD_SIZE = 7.0
SCALE_SIZE = 6.5
LEGEND_SIZE = 7.0
CELL_PAD = 3.5
INDENT = 9.0
MAX_INDENT_LEVEL = 6
BAR_HEIGHT = 7.0
BASELINE_HEIGHT = 2.2
HALF_DIAMOND = 4.5
HOOK = 4.0
"""How far a link runs right of its predecessor before it turns."""
ARROW = 3.2


@dataclass(frozen=True)
class Column:
    title: str
    subtitle: str
    x: float
    width: float
    align: str
    """"left", "right" or "center"."""

    @property
    def room(self) -> float:
        """The width for the column's text."""
        return self.width - 2 * CELL_PAD

    @property
    def anchor_x(self) -> float:
        """Where the column's texts are anchored, by their alignment."""
        if self.align == "right":
            return self.x + self.width - CELL_PAD
        if self.align == "center":
            return self.x + self.width / 2
        return self.x + CELL_PAD


Point = tuple[float, float]


def link_route(
    source: Point,
    target: Point,
    *,
    target_right: float,
    target_half: float,
    turn_y: float,
    from_milestone: bool = False,
    to_milestone: bool = False,
) -> list[Point]:
    """The elbow line of a finish-to-start link; it ends at the arrow's tip.

    ``source`` is the predecessor's right end (a milestone: its centre) and ``target`` the
    successor's left end (a milestone: its centre), both at mid-bar height; ``target_right``
    is the successor's right end, ``target_half`` half its height, and ``turn_y`` the row
    boundary beside the successor on the predecessor's side. The line enters the successor from
    above or below when it can, from the left otherwise.
    """
    px, py = source
    sx, sy = target
    below = sy < py
    vertical = -1.0 if below else 1.0
    edge_y = sy - vertical * target_half  # the successor's top (below) or bottom (above)
    left = sx - HALF_DIAMOND if to_milestone else sx
    if from_milestone:
        start = (px, py + vertical * HALF_DIAMOND)
        if left >= px + 2:
            return [start, (px, sy), (left, sy)]
        if sx - 0.5 <= px <= target_right - 1.5:
            return [start, (px, edge_y)]
        return [start, (px, turn_y), (left - HOOK, turn_y), (left - HOOK, sy), (left, sy)]
    hook = px + HOOK
    drop_x = sx if to_milestone else max(hook, sx + 3)
    if drop_x >= hook - 1 and drop_x <= (sx if to_milestone else target_right - 1.5):
        return [(px, py), (drop_x, py), (drop_x, edge_y)]
    if left - HOOK >= hook:
        return [(px, py), (hook, py), (hook, sy), (left, sy)]
    return [
        (px, py),
        (hook, py),
        (hook, turn_y),
        (left - HOOK, turn_y),
        (left - HOOK, sy),
        (left, sy),
    ]


class _Pen:
    """Text and shapes on a ReportLab canvas (colours and widths cached)."""

    def __init__(self, canvas: Any, fonts: FontStack) -> None:
        from reportlab.lib import colors
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self.canvas = canvas
        self.fonts = fonts
        self._hex = colors.HexColor
        self._string_width = stringWidth
        self._colours: dict[str, Any] = {}
        self._widths: dict[tuple[str, float], float] = {}

    def colour(self, hex_colour: str) -> Any:
        found = self._colours.get(hex_colour)
        if found is None:
            found = self._colours[hex_colour] = self._hex(hex_colour)
        return found

    def width(self, text: str, size: float) -> float:
        key = (text, size)
        found = self._widths.get(key)
        if found is None:
            found = float(
                sum(self._string_width(chunk, font, size) for font, chunk in self.fonts.runs(text))
            )
            if len(self._widths) < 50_000:
                self._widths[key] = found
        return found

    def clip(self, text: str, size: float, limit: float) -> str:
        """``text`` on one line, shortened with an ellipsis to fit ``limit`` points."""
        return clip_to_width(text, limit, lambda part: self.width(part, size))

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        colour: str = INK,
        bold: bool = False,
        anchor: str = "left",
    ) -> None:
        if not text:
            return
        if anchor != "left":
            width = self.width(text, size)
            x -= width if anchor == "right" else width / 2
        canvas = self.canvas
        ink = self.colour(colour)
        if bold:  # a stroked outline (the fonts have no bold face); the mode outlives the text
            canvas.saveState()
            canvas.setStrokeColor(ink)
            canvas.setLineWidth(size * 0.045)
        canvas.setFillColor(ink)
        obj = canvas.beginText(x, y)
        if bold:
            obj.setTextRenderMode(2)
        for font, chunk in self.fonts.runs(text):
            obj.setFont(font, size)
            obj.textOut(chunk)
        canvas.drawText(obj)
        if bold:
            canvas.restoreState()

    def rect(self, x: float, y: float, width: float, height: float, colour: str) -> None:
        self.canvas.setFillColor(self.colour(colour))
        self.canvas.rect(x, y, width, height, stroke=0, fill=1)

    def line(
        self, x1: float, y1: float, x2: float, y2: float, *, colour: str, width: float
    ) -> None:
        self.canvas.setStrokeColor(self.colour(colour))
        self.canvas.setLineWidth(width)
        self.canvas.line(x1, y1, x2, y2)

    def polygon(self, points: Sequence[Point], colour: str) -> None:
        path = self.canvas.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        path.close()
        self.canvas.setFillColor(self.colour(colour))
        self.canvas.drawPath(path, stroke=0, fill=1)

    def polyline(self, points: Sequence[Point], colour: str, width: float) -> None:
        path = self.canvas.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        self.canvas.setStrokeColor(self.colour(colour))
        self.canvas.setLineWidth(width)
        self.canvas.drawPath(path, stroke=1, fill=0)

    def arrow(self, points: Sequence[Point], colour: str) -> None:
        """A line through ``points`` with an arrowhead at the last one."""
        (x1, y1), (x2, y2) = points[-2], points[-1]
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        dx, dy = (x2 - x1) / length, (y2 - y1) / length
        base = (x2 - dx * ARROW, y2 - dy * ARROW)
        self.polyline([*points[:-1], base], colour, 0.6)
        wing = ARROW * 0.55
        self.polygon(
            [
                (x2, y2),
                (base[0] - dy * wing, base[1] + dx * wing),
                (base[0] + dy * wing, base[1] - dx * wing),
            ],
            colour,
        )

    def diamond(self, x: float, y: float, half: float, colour: str) -> None:
        self.polygon([(x - half, y), (x, y + half), (x + half, y), (x, y - half)], colour)


class _Chart:
    """Draws the pages of one plan: the layout is computed once, each page draws its rows."""

    def __init__(
        self,
        pen: _Pen,
        page_format: PageFormat,
        rows: Sequence[Row],
        *,
        links: Sequence[PlanLinkRecord],
        calendar: WorkCalendar,
        labels: PlanPdfLabels,
        title: str,
        contract_signed_on: date,
        today: date,
    ) -> None:
        self.pen = pen
        self.format = page_format
        self.rows = rows
        self.labels = labels
        self.title = title
        self.t = contract_signed_on
        self.today = today
        self.per_page = page_format.rows_per_page
        self._dates: dict[date, str] = {}
        self.left = MARGIN
        self.right = page_format.width - MARGIN
        self.top = page_format.height - MARGIN
        self.body_top = self.top - HEADER_HEIGHT - SCALE_HEIGHT
        self.columns = self._columns()
        self.gantt_left = self.columns[-1].x + self.columns[-1].width
        self.scale = choose_scale(*plan_span([row.task for row in rows], contract_signed_on))
        self.day_width = (self.right - self.gantt_left) / self.scale.days
        self.upper, self.lower = scale_bands(self.scale, labels)
        self.days_off = days_off(self.scale, calendar)
        self.with_baselines = any(has_baseline(row.task) for row in rows)
        self.row_height = ROW_HEIGHT
        if rows and len(rows) <= self.per_page:
            self.row_height = min(MAX_ROW_HEIGHT, page_format.body_height / len(rows))
        marks = BAR_HEIGHT + (1 + BASELINE_HEIGHT if self.with_baselines else 0)
        self.bar_offset = (self.row_height - marks) / 2
        self.links = self._links_by_page(links)

    # --- layout -------------------------------------------------------------------------

    def _columns(self) -> list[Column]:
        labels, width = self.labels, self.pen.width
        samples = [date(2088, month, 28) for month in range(1, 13)]
        date_width = max(width(self.date_text(day), TEXT_SIZE) for day in samples)
        wbs_width = max((width(row.task.wbs_code, TEXT_SIZE) for row in self.rows), default=0)
        specs = [
            (labels.column_wbs, "", min(wbs_width, 60.0), "left"),
            (labels.column_name, "", None, "left"),
            (labels.column_duration, labels.duration_unit, width("9999", TEXT_SIZE), "right"),
            (labels.column_start, "", date_width, "center"),
            (labels.column_finish, "", date_width, "center"),
            (labels.column_percent, "", width("100%", TEXT_SIZE), "right"),
        ]
        columns, x = [], self.left
        for title, subtitle, content, align in specs:
            if content is None:
                column_width = self.format.name_column
            else:
                heads = max(width(title, HEAD_SIZE), width(subtitle, HEAD_SIZE - 1))
                column_width = min(max(content, heads, 18.0), 80.0) + 2 * CELL_PAD
            columns.append(Column(title, subtitle, x, column_width, align))
            x += column_width
        return columns

    def _links_by_page(self, links: Sequence[PlanLinkRecord]) -> dict[int, list[tuple[int, int]]]:
        """Page -> (predecessor's row, successor's row) of the links drawn on it."""
        row_of = {row.task.id: index for index, row in enumerate(self.rows)}
        pages: dict[int, list[tuple[int, int]]] = {}
        for link in links:
            before, after = row_of.get(link.predecessor_id), row_of.get(link.successor_id)
            if before is None or after is None or before == after:
                continue
            page = before // self.per_page
            if page == after // self.per_page:
                pages.setdefault(page, []).append((before, after))
        return pages

    def page_count(self) -> int:
        return max(1, math.ceil(len(self.rows) / self.per_page))

    def x_of(self, day: date) -> float:
        return self.gantt_left + (day - self.scale.start).days * self.day_width

    def row_top(self, index: int) -> float:
        """The top of a row, by its index on the page."""
        return self.body_top - index * self.row_height

    def bar_mid(self, index: int) -> float:
        return self.row_top(index) - self.bar_offset - BAR_HEIGHT / 2

    def date_text(self, day: date | None) -> str:
        if day is None:
            return ""
        found = self._dates.get(day)
        if found is None:
            found = format_date(self.labels.date_format, day, self.labels.month_names)
            self._dates[day] = found
        return found

    # --- a page -------------------------------------------------------------------------

    def draw_page(self, page: int, pages: int) -> None:
        first = page * self.per_page
        rows = self.rows[first : first + self.per_page]
        height = max(1, len(rows)) * self.row_height
        self.header(page, pages)
        self.backgrounds(rows, height)
        self.scale_head()
        self.table_head()
        self.chart(rows, first, page, height)
        self.table(rows)
        self.frame(height)
        if not rows:
            self.pen.text(
                self.columns[1].x + CELL_PAD,
                self.row_top(0) - self.row_height / 2 - TEXT_SIZE * 0.35,
                self.labels.no_tasks,
                TEXT_SIZE,
                colour=MUTED,
            )
        self.legend(self.body_top - height - 14)

    def header(self, page: int, pages: int) -> None:
        pen, labels = self.pen, self.labels
        page_text = fill(labels.page, page=page + 1, pages=pages)
        printed = fill(labels.printed, date=self.date_text(self.today))
        room = self.right - self.left - max(pen.width(page_text, 8.5), pen.width(printed, 7.5))
        title = pen.clip(self.title, TITLE_SIZE, room - 20)
        pen.text(self.left, self.top - 13, title, TITLE_SIZE, colour=NAVY, bold=True)
        contract = fill(labels.contract, date=self.date_text(self.t))
        pen.text(self.left, self.top - 28, pen.clip(contract, 8.5, room - 20), 8.5, colour=INK)
        pen.text(self.right, self.top - 12, page_text, 8.5, colour=INK, anchor="right")
        pen.text(self.right, self.top - 27, printed, 7.5, colour=MUTED, anchor="right")

    def backgrounds(self, rows: Sequence[Row], height: float) -> None:
        """The header strip, the table's stripes and the shaded days off."""
        pen = self.pen
        pen.rect(self.left, self.body_top, self.right - self.left, SCALE_HEIGHT, HEAD_FILL)
        table_width = self.gantt_left - self.left
        for index in range(1, len(rows), 2):
            top = self.row_top(index)
            pen.rect(self.left, top - self.row_height, table_width, self.row_height, ZEBRA)
        bottom = self.body_top - height
        for start, end in self.days_off:
            x = self.x_of(start)
            pen.rect(x, bottom, self.x_of(end) - x, height, DAY_OFF)

    def scale_head(self) -> None:
        """The two rows of the time scale with their texts."""
        pen = self.pen
        top = self.body_top + SCALE_HEIGHT
        for bands, y, size in (
            (self.upper, top - SCALE_ROW, SCALE_SIZE + 0.5),
            (self.lower, self.body_top, SCALE_SIZE),
        ):
            for band in bands:
                x1, x2 = self.x_of(band.start), self.x_of(band.end)
                text = next((t for t in band.texts if pen.width(t, size) <= x2 - x1 - 2), "")
                middle = (x1 + x2) / 2
                pen.text(middle, y + SCALE_ROW / 2 - size * 0.35, text, size, anchor="center")
        pen.line(
            self.gantt_left, top - SCALE_ROW, self.right, top - SCALE_ROW, colour=RULE, width=0.5
        )
        for band in self.upper[1:]:
            x = self.x_of(band.start)
            pen.line(x, top - SCALE_ROW, x, top, colour=RULE, width=0.5)
        for band in self.lower[1:]:
            x = self.x_of(band.start)
            pen.line(x, self.body_top, x, top - SCALE_ROW, colour=RULE, width=0.35)

    def table_head(self) -> None:
        pen = self.pen
        middle = self.body_top + SCALE_HEIGHT / 2
        for column in self.columns:
            x, align, small = column.anchor_x, column.align, HEAD_SIZE - 1
            title = pen.clip(column.title, HEAD_SIZE, column.room)
            if column.subtitle:
                pen.text(x, middle + 1.5, title, HEAD_SIZE, bold=True, anchor=align)
                subtitle = pen.clip(column.subtitle, small, column.room)
                pen.text(x, middle - 7, subtitle, small, colour=MUTED, anchor=align)
            else:
                y = middle - HEAD_SIZE * 0.35
                pen.text(x, y, title, HEAD_SIZE, bold=True, anchor=align)

    def chart(self, rows: Sequence[Row], first: int, page: int, height: float) -> None:
        """The grid, today, the bars and the links, clipped to the chart's area."""
        pen, canvas = self.pen, self.pen.canvas
        bottom = self.body_top - height
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(self.gantt_left, bottom, self.right - self.gantt_left, height)
        canvas.clipPath(path, stroke=0, fill=0)
        for band in self.lower[1:]:
            x = self.x_of(band.start)
            pen.line(x, bottom, x, self.body_top, colour=GRID, width=0.35)
        for band in self.upper[1:]:
            x = self.x_of(band.start)
            pen.line(x, bottom, x, self.body_top, colour=RULE, width=0.5)
        self.row_rules(len(rows), self.gantt_left, self.right)
        self.today_line(bottom)
        for index, row in enumerate(rows):
            self.bar(row, index)
        for before, after in self.links.get(page, []):
            self.link(self.rows[before], before - first, self.rows[after], after - first)
        for index, row in enumerate(rows):
            if row.task.is_milestone and not row.summary and row.task.start_on is not None:
                self.milestone_date(row.task, index)
        canvas.restoreState()

    def row_rules(self, count: int, x1: float, x2: float) -> None:
        """Hairlines between the rows, from ``x1`` to ``x2``."""
        for index in range(1, count):
            y = self.row_top(index)
            self.pen.line(x1, y, x2, y, colour=GRID, width=0.3)

    def today_line(self, bottom: float) -> None:
        if not self.scale.start <= self.today < self.scale.end:
            return
        x = self.x_of(self.today) + self.day_width / 2
        canvas = self.pen.canvas
        canvas.saveState()
        canvas.setDash(3, 2)
        self.pen.line(x, bottom, x, self.body_top, colour=TODAY, width=0.9)
        canvas.restoreState()

    # --- bars ---------------------------------------------------------------------------

    def bar(self, row: Row, index: int) -> None:
        task = row.task
        if task.start_on is None:
            return
        top = self.row_top(index) - self.bar_offset
        if has_baseline(task):
            self.baseline(task, top - BAR_HEIGHT - 1)
        if row.summary:
            self.summary_bar(task, top)
        elif task.is_milestone:
            colour = CRITICAL_DARK if task.critical else SUMMARY
            self.pen.diamond(self.x_of(task.start_on), top - BAR_HEIGHT / 2, HALF_DIAMOND, colour)
        else:
            self.task_bar(task, top)

    def x_end(self, task: PlanTaskRecord) -> float:
        """The right end of a task's bar: the end of its finish day."""
        finish = task.finish_on or task.start_on
        assert finish is not None
        return self.x_of(finish + timedelta(days=1))

    def task_bar(self, task: PlanTaskRecord, top: float) -> None:
        assert task.start_on is not None
        pen = self.pen
        x1, x2 = self.x_of(task.start_on), self.x_end(task)
        light, dark = (CRITICAL, CRITICAL_DARK) if task.critical else (TASK, TASK_DARK)
        width = max(x2 - x1, 0.8)
        pen.rect(x1, top - BAR_HEIGHT, width, BAR_HEIGHT, light)
        done = max(0, min(100, task.percent_complete)) / 100
        if done:
            inner = BAR_HEIGHT * 0.42
            pen.rect(x1, top - (BAR_HEIGHT + inner) / 2, width * done, inner, dark)
        pen.canvas.setStrokeColor(pen.colour(dark))
        pen.canvas.setLineWidth(0.4)
        pen.canvas.rect(x1, top - BAR_HEIGHT, width, BAR_HEIGHT, stroke=1, fill=0)

    def summary_bar(self, task: PlanTaskRecord, top: float) -> None:
        """A black bracket: a thin bar with its ends pointing down."""
        assert task.start_on is not None
        x1, x2 = self.x_of(task.start_on), self.x_end(task)
        thick, cap = BAR_HEIGHT * 0.4, min(4.0, max((x2 - x1) / 2, 1.5))
        pen = self.pen
        pen.rect(x1, top - thick, x2 - x1, thick, SUMMARY)
        low = top - BAR_HEIGHT
        pen.polygon([(x1, top - thick), (x1 + cap, top - thick), (x1, low)], SUMMARY)
        pen.polygon([(x2, top - thick), (x2 - cap, top - thick), (x2, low)], SUMMARY)

    def baseline(self, task: PlanTaskRecord, top: float) -> None:
        start, finish = task.baseline_start_on, task.baseline_finish_on
        assert start is not None
        assert finish is not None
        x1 = self.x_of(start)
        if task.is_milestone:
            self.pen.diamond(x1, top - BASELINE_HEIGHT / 2, 2.2, BASELINE)
            return
        x2 = self.x_of(finish + timedelta(days=1))
        self.pen.rect(x1, top - BASELINE_HEIGHT, max(x2 - x1, 0.8), BASELINE_HEIGHT, BASELINE)

    def milestone_date(self, task: PlanTaskRecord, index: int) -> None:
        """A milestone's date right of its diamond, or left of it near the chart's end."""
        assert task.start_on is not None
        pen = self.pen
        text = format_date(self.labels.short_date_format, task.start_on, self.labels.month_names)
        x = self.x_of(task.start_on)
        y = self.bar_mid(index) - SCALE_SIZE * 0.35
        if x + HALF_DIAMOND + 2 + pen.width(text, SCALE_SIZE) <= self.right - 1:
            pen.text(x + HALF_DIAMOND + 2, y, text, SCALE_SIZE, colour=INK)
        else:
            pen.text(x - HALF_DIAMOND - 2, y, text, SCALE_SIZE, colour=INK, anchor="right")

    def link(self, pred: Row, before: int, succ: Row, after: int) -> None:
        """The arrow from ``pred`` to ``succ``, in rows ``before`` and ``after`` of the page."""
        if pred.task.start_on is None or succ.task.start_on is None:
            return
        from_milestone = pred.task.is_milestone and not pred.summary
        to_milestone = succ.task.is_milestone and not succ.summary
        px = self.x_of(pred.task.start_on) if from_milestone else self.x_end(pred.task)
        below = after > before
        turn_y = self.row_top(after) if below else self.row_top(after + 1)
        points = link_route(
            (px, self.bar_mid(before)),
            (self.x_of(succ.task.start_on), self.bar_mid(after)),
            target_right=self.x_end(succ.task),
            target_half=HALF_DIAMOND if to_milestone else BAR_HEIGHT / 2,
            turn_y=turn_y,
            from_milestone=from_milestone,
            to_milestone=to_milestone,
        )
        self.pen.arrow(points, LINK)

    # --- the table ----------------------------------------------------------------------

    def cells(self, row: Row) -> list[str]:
        task = row.task
        finish = task.start_on if task.is_milestone else task.finish_on
        return [
            task.wbs_code,
            task.name,
            str(row.duration),
            self.date_text(task.start_on),
            self.date_text(finish),
            f"{row.percent}%",
        ]

    def table(self, rows: Sequence[Row]) -> None:
        """The cells of the rows: names indented by level, summaries in bold."""
        pen, name_column = self.pen, self.columns[1]
        for index, row in enumerate(rows):
            y = self.row_top(index) - self.row_height / 2 - TEXT_SIZE * 0.35
            for column, text in zip(self.columns, self.cells(row), strict=True):
                indent = min(row.level, MAX_INDENT_LEVEL) * INDENT if column is name_column else 0
                shown = pen.clip(text, TEXT_SIZE, column.room - indent)
                x = column.anchor_x + indent
                pen.text(x, y, shown, TEXT_SIZE, bold=row.summary, anchor=column.align)
        self.row_rules(len(rows), self.left, self.gantt_left)

    def frame(self, height: float) -> None:
        """Column rules and the outline of the table and chart."""
        pen = self.pen
        top, bottom = self.body_top + SCALE_HEIGHT, self.body_top - height
        for column in self.columns[1:]:
            pen.line(column.x, bottom, column.x, top, colour=RULE, width=0.5)
        pen.line(self.left, self.body_top, self.right, self.body_top, colour=RULE, width=0.7)
        pen.line(self.gantt_left, bottom, self.gantt_left, top, colour=INK, width=0.8)
        pen.canvas.setStrokeColor(pen.colour(INK))
        pen.canvas.setLineWidth(0.8)
        pen.canvas.rect(self.left, bottom, self.right - self.left, top - bottom, stroke=1, fill=0)

    # --- the legend ---------------------------------------------------------------------

    def legend(self, y: float) -> None:
        """One line at the bottom of the page: a swatch, then its words, for each mark."""
        labels, pen = self.labels, self.pen
        items: list[tuple[Callable[[float, float], None], str]] = [
            (lambda x, y: self._swatch_bar(x, y, TASK, TASK_DARK, 0.0), labels.task),
            (lambda x, y: self._swatch_bar(x, y, CRITICAL, CRITICAL_DARK, 0.0), labels.critical),
            (lambda x, y: self._swatch_bar(x, y, TASK, TASK_DARK, 0.6), labels.progress),
            (self._swatch_summary, labels.summary),
            (lambda x, y: pen.diamond(x + 8, y, HALF_DIAMOND, SUMMARY), labels.milestone),
            (lambda x, y: pen.rect(x, y - 1.1, 16, BASELINE_HEIGHT, BASELINE), labels.baseline),
            (self._swatch_link, labels.dependency),
            (lambda x, y: pen.rect(x + 3, y - 5, 10, 10, DAY_OFF), labels.non_working),
            (self._swatch_today, labels.today),
        ]
        size = LEGEND_SIZE
        wanted = sum(34 + pen.width(text, size) for _, text in items)
        if wanted > self.right - self.left:  # long words: a smaller text, still one line
            size = max(4.0, size * (self.right - self.left) / wanted)
        x = self.left
        for draw, text in items:
            draw(x, y + 2.4)
            pen.text(x + 20, y, text, size, colour=INK)
            x += 20 + pen.width(text, size) + 14

    def _swatch_bar(self, x: float, y: float, light: str, dark: str, done: float) -> None:
        pen = self.pen
        pen.rect(x, y - 3, 16, 6, light)
        if done:
            pen.rect(x, y - 1.3, 16 * done, 2.6, dark)
        pen.canvas.setStrokeColor(pen.colour(dark))
        pen.canvas.setLineWidth(0.4)
        pen.canvas.rect(x, y - 3, 16, 6, stroke=1, fill=0)

    def _swatch_summary(self, x: float, y: float) -> None:
        pen = self.pen
        pen.rect(x, y + 0.5, 16, 2.5, SUMMARY)
        pen.polygon([(x, y + 0.5), (x + 3, y + 0.5), (x, y - 3.5)], SUMMARY)
        pen.polygon([(x + 16, y + 0.5), (x + 13, y + 0.5), (x + 16, y - 3.5)], SUMMARY)

    def _swatch_link(self, x: float, y: float) -> None:
        self.pen.arrow([(x + 1, y + 3), (x + 9, y + 3), (x + 9, y - 4)], LINK)

    def _swatch_today(self, x: float, y: float) -> None:
        canvas = self.pen.canvas
        canvas.saveState()
        canvas.setDash(3, 2)
        self.pen.line(x + 8, y - 5, x + 8, y + 5, colour=TODAY, width=0.9)
        canvas.restoreState()


def write_plan_pdf(
    out: Path,
    *,
    title: str,
    contract_signed_on: date,
    tasks: Sequence[PlanTaskRecord],
    links: Sequence[PlanLinkRecord],
    calendar: WorkCalendar,
    labels: PlanPdfLabels,
    today: date | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the master plan as a Gantt chart PDF at ``out``, atomically; the page count.

    ``tasks`` come in WBS order. ``progress(done_pages, total_pages)`` is called before the
    first page, after each page and once the file is saved; it may raise to cancel. On any
    error (ExportError when the file cannot be written there) nothing is left behind and a file
    already at ``out`` is kept.
    """
    from reportlab.pdfgen.canvas import Canvas

    rows = plan_rows(tasks, calendar)
    page_format = choose_format(len(rows))
    fonts = font_stack()
    with atomic_output(Path(out), ".pdf") as stream:
        canvas = Canvas(stream, pagesize=(page_format.width, page_format.height), pageCompression=1)
        canvas.setTitle(title)
        canvas.setCreator("")
        chart = _Chart(
            _Pen(canvas, fonts),
            page_format,
            rows,
            links=links,
            calendar=calendar,
            labels=labels,
            title=title,
            contract_signed_on=contract_signed_on,
            today=today or date.today(),
        )
        pages = chart.page_count()
        if progress is not None:
            progress(0, pages)
        for page in range(pages):
            chart.draw_page(page, pages)
            canvas.showPage()
            if progress is not None and page + 1 < pages:
                progress(page + 1, pages)
        canvas.save()
        if progress is not None:
            progress(pages, pages)
    return pages
