"""Meeting minutes as an A4 PDF (ReportLab), for the stakeholders who receive them.

``write_minutes_pdf(minutes, labels, out)`` lays out a title block, the attendees, agenda,
decisions, notes, the review of the previous meeting's open actions and the numbered 5W1H
action items, with "page x of y" on every page. It prints no text of its own: every caption
comes from ``MinutesLabels``, which the UI fills with translated strings.

Long texts wrap inside their cells (CJK line breaking); a table that runs over a page repeats
its header row. A text too long for one page (a 100,000-character note, say) is cut into
pieces, each in its own row or paragraph, so that ReportLab never has to split one huge
paragraph again and again (that is quadratic: minutes instead of seconds).

The file is written atomically: into a temporary file next to ``out``, then renamed over it,
so a failed or cancelled export leaves no half-written file and keeps any older one.

ReportLab is imported on the first export, never when this module is imported.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from pm_desktop.core.enums import ActionStatus, Attendance, MeetingType
from pm_desktop.core.errors import ExportCancelled, ExportError
from pm_desktop.core.meetings import ActionEntry, Attendee, Minutes
from pm_desktop.export.atomic import atomic_output, check_destination
from pm_desktop.export.pdf_fonts import FontStack, clip_to_width, font_stack

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


@dataclass(frozen=True)
class MinutesLabels:
    """Every text the minutes print besides the user's data, in the language of the PDF.

    Patterns hold ``{name}`` placeholders; they are filled by plain replacement, so a stray
    brace in a translation cannot break an export.
    """

    document_title: str
    """The document's heading, e.g. "Meeting minutes" / "会议纪要"."""
    project: str
    meeting: str
    meeting_type: str
    date_time: str
    place: str
    scribe: str

    attendees: str
    agenda: str
    decisions: str
    notes: str
    previous_actions: str
    actions: str

    column_number: str
    column_what: str
    column_why: str
    column_who: str
    column_when: str
    column_where: str
    column_how: str
    column_status: str
    column_history: str

    statuses: Mapping[ActionStatus, str]
    meeting_types: Mapping[MeetingType, str]
    attendance: Mapping[Attendance, str]

    none: str
    """Shown under a heading whose section is empty."""
    incomplete: str
    """In the Who or When cell of an item that lacks it."""
    incomplete_legend: str
    """Below the action items when some are incomplete."""
    page: str
    """Footer: ``{page}`` and ``{total}``."""
    date: str
    """A date in running text: ``{year}``, ``{month_name}``, ``{month}``, ``{day}`` and
    ``{mm}``, ``{dd}`` (zero-padded); e.g. "{day} {month_name} {year}" in English,
    "{year}年{month_name}{day}日" in Chinese."""
    month_names: Sequence[str]
    """January to December, for ``{month_name}``: "January" / "1月"."""
    table_date: str
    """A due date in a table (the same placeholders): short, it fits a narrow column."""
    history_date: str
    """The date of a status change (the same placeholders), e.g. ``{mm}-{dd}``."""
    time_range: str
    """``{start}`` and ``{end}`` of the meeting."""
    history_step: str
    """One status change: ``{date}`` and ``{status}``."""
    history_separator: str
    """Between two status changes, e.g. " → "."""
    list_separator: str
    """Between names, e.g. "、" or ", "."""
    attendee_organisation: str
    """``{name}`` and ``{organisation}``."""
    agenda_presenter: str
    """``{presenter}``."""
    agenda_duration: str
    """``{minutes}``."""
    agenda_presenter_duration: str
    """``{presenter}`` and ``{minutes}``."""
    item_number: str
    """A numbered list's number: ``{n}``."""

    def __post_init__(self) -> None:
        if len(self.month_names) != 12:
            raise ValueError("MinutesLabels.month_names must name the 12 months")
        for name, enum in (
            ("statuses", ActionStatus),
            ("meeting_types", MeetingType),
            ("attendance", Attendance),
        ):
            missing = [member.value for member in enum if member not in getattr(self, name)]
            if missing:
                raise ValueError(f"MinutesLabels.{name} lacks {', '.join(missing)}")


def fill(pattern: str, **values: object) -> str:
    """``pattern`` with each ``{name}`` replaced by its value (no ``str.format`` surprises)."""
    for name, value in values.items():
        pattern = pattern.replace("{" + name + "}", str(value))
    return pattern


def format_date(pattern: str, day: date, month_names: Sequence[str] = ()) -> str:
    return fill(
        pattern,
        year=day.year,
        month_name=month_names[day.month - 1] if month_names else day.month,
        month=day.month,
        day=day.day,
        mm=f"{day.month:02d}",
        dd=f"{day.day:02d}",
    )


def _local(moment: datetime) -> datetime:
    """Instants are stored in UTC; the minutes show the computer's local time."""
    return moment.astimezone() if moment.tzinfo is not None else moment


def _hhmm(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def meeting_time(minutes: Minutes, labels: MinutesLabels) -> str:
    start = _local(minutes.meeting.starts_at)
    text = format_date(labels.date, start.date(), labels.month_names)
    if minutes.meeting.ends_at is None:
        return f"{text} {_hhmm(start)}"
    end = _local(minutes.meeting.ends_at)
    end_text = _hhmm(end)
    if end.date() != start.date():
        end_text = f"{format_date(labels.date, end.date(), labels.month_names)} {end_text}"
    return f"{text} {fill(labels.time_range, start=_hhmm(start), end=end_text)}"


def status_history(action: ActionEntry, labels: MinutesLabels) -> str:
    """E.g. "11-20 进行中 → 11-25 完成"."""
    steps = sorted(action.history, key=lambda change: change.changed_at)
    return labels.history_separator.join(
        fill(
            labels.history_step,
            date=format_date(labels.history_date, _local(change.changed_at).date()),
            status=labels.statuses[change.status],
        )
        for change in steps
    )


# --- layout constants (points; A4 is 595 x 842) ------------------------------------------

MM = 72 / 25.4
MARGIN_X = 18 * MM
MARGIN_TOP = 20 * MM
MARGIN_BOTTOM = 18 * MM
LOGO_MAX_HEIGHT = 14 * MM
LOGO_MAX_WIDTH = 60 * MM

INK = "#1F2937"
MUTED = "#6B7280"
NAVY = "#1F3864"
RULE = "#C3CAD6"
STRIPE = "#F4F6FA"
CAPTION_BG = "#EEF2F8"
INCOMPLETE_BG = "#FFF3E0"
INCOMPLETE_INK = "#C62828"
STATUS_INK = {
    ActionStatus.OPEN: "#B45309",
    ActionStatus.IN_PROGRESS: "#1D4ED8",
    ActionStatus.DONE: "#15803D",
    ActionStatus.CANCELLED: "#6B7280",
}
BODY_SIZE = 10.0
CELL_SIZE = 8.5
CELL_PAD = 3.5
SHORT_SECTION_ROWS = 12
SECTION_MIN_START = 120.0
"""A long section starts on a new page unless this much room is left for its first rows."""
CHUNK_PAGE_SHARE = 0.45
"""A piece of a long text fills at most this share of a page's height."""

# Column widths as shares of the text width.
ACTION_COLUMNS = (0.05, 0.225, 0.15, 0.1, 0.115, 0.1, 0.145, 0.115)
REVIEW_COLUMNS = (0.05, 0.31, 0.1, 0.115, 0.115, 0.31)
LIST_NUMBER_WIDTH = 22.0
ATTENDANCE_ORDER = (
    Attendance.PRESENT,
    Attendance.ABSENT,
    Attendance.EXCUSED,
    Attendance.INVITED,
)


@dataclass
class _Cell:
    """A table cell's text; ``tail`` is markup appended to its last piece."""

    text: str
    style: Any
    tail: str = ""
    strong: bool = False


@dataclass
class _Table:
    """Rows of a table being built, with the style commands for its logical rows."""

    widths: list[float]
    rows: list[list[Any]] = field(default_factory=list)
    commands: list[tuple[Any, ...]] = field(default_factory=list)
    logical_rows: int = 0


class _Builder:
    """Turns Minutes into ReportLab flowables, with the fonts and styles of the document."""

    def __init__(self, labels: MinutesLabels, fonts: FontStack) -> None:
        from reportlab.lib import colors
        from reportlab.lib.enums import TA_CENTER
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle

        self.labels = labels
        self.fonts = fonts
        self.width = A4[0] - 2 * MARGIN_X
        self.frame_height = A4[1] - MARGIN_TOP - MARGIN_BOTTOM
        # A row is split inside only when more than this is left on the page and it still
        # does not fit: a safety net for a row taller than a page. Long texts are cut into
        # pieces smaller than this (CHUNK_PAGE_SHARE), so normal rows move whole to the next
        # page, and ReportLab's re-wrapping of a split CJK paragraph (which misplaces
        # spaces) is never needed.
        self.split_in_row = int(self.frame_height * 0.5)
        self.colors = colors
        classes = _flowable_classes()
        self.Paragraph = classes["Paragraph"]
        self.Strong = classes["Strong"]
        self.Table = classes["Table"]
        self.Spacer = classes["Spacer"]
        self.CondPageBreak = classes["CondPageBreak"]
        self.KeepTogether = classes["KeepTogether"]
        self._latin_styles: dict[str, Any] = {}

        def style(name: str, size: float, leading: float, **extra: Any) -> Any:
            return ParagraphStyle(
                name,
                fontName=fonts.cjk,
                fontSize=size,
                leading=leading,
                textColor=colors.HexColor(extra.pop("color", INK)),
                wordWrap="CJK",
                **extra,
            )

        self.title = style("title", 20, 26, color=NAVY, alignment=TA_CENTER, spaceAfter=4)
        self.subtitle = style("subtitle", 11, 15, color=MUTED, alignment=TA_CENTER)
        self.heading = style("heading", 11.5, 15, color=NAVY)
        self.body = style("body", BODY_SIZE, 15)
        self.muted = style("muted", 8.5, 12, color=MUTED)
        self.caption = style("caption", 9.5, 13.5, color=NAVY)
        self.value = style("value", 9.5, 13.5)
        self.cell = style("cell", CELL_SIZE, 11.5)
        self.header = style("header", CELL_SIZE, 11, color="#FFFFFF")
        self.number = style("number", BODY_SIZE, 15, color=NAVY)
        self.missing = style("missing", CELL_SIZE, 11.5, color=INCOMPLETE_INK)
        self.status_styles = {
            status: style(f"status-{status.value}", CELL_SIZE, 11.5, color=ink)
            for status, ink in STATUS_INK.items()
        }

    # --- text ---------------------------------------------------------------------------

    def markup(self, text: str) -> str:
        """``text`` as Paragraph markup: escaped, each script in a font that has it."""
        lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").split("\n")
        base = self.fonts.cjk
        parts: list[str] = []
        for index, line in enumerate(lines):
            if index:
                parts.append("<br/>")
            for font, chunk in self.fonts.runs(line):
                escaped = escape(chunk)
                parts.append(escaped if font == base else f'<font face="{font}">{escaped}</font>')
        return "".join(parts)

    def para(self, text: str, style: Any, *, strong: bool = False, tail: str = "") -> Any:
        """A paragraph of ``text``; Chinese line breaking only where there is CJK text, so
        that a Latin-only text breaks between words."""
        kind = self.Strong if strong else self.Paragraph
        if not _has_cjk(text):
            style = self._latin_style(style)
        return kind(self.markup(text) + tail, style)

    def _latin_style(self, style: Any) -> Any:
        latin = self._latin_styles.get(style.name)
        if latin is None:
            latin = self._latin_styles[style.name] = style.clone(
                f"{style.name}-latin", wordWrap=None
            )
        return latin

    def pieces(self, text: str, width: float, style: Any) -> list[str]:
        """``text`` cut into pieces that each fit well within a page at this width."""
        per_line = max(4, int((width - 2 * CELL_PAD) / style.fontSize))
        max_lines = max(8, int(self.frame_height * CHUNK_PAGE_SHARE / style.leading))
        return split_long_text(text, per_line, max_lines)

    # --- tables -------------------------------------------------------------------------

    def add_row(
        self,
        table: _Table,
        cells: Sequence[_Cell | str],
        *,
        background: str | None = None,
        stripe: bool = True,
    ) -> None:
        """One logical row; long texts continue in the rows below it, without a rule between."""
        columns: list[list[Any]] = []
        for cell, width in zip(cells, table.widths, strict=True):
            if isinstance(cell, str):
                columns.append([cell])
                continue
            texts = self.pieces(cell.text, width, cell.style)
            flowables = [
                self.para(piece, cell.style, strong=cell.strong) for piece in texts[:-1]
            ] + [self.para(texts[-1], cell.style, strong=cell.strong, tail=cell.tail)]
            columns.append(flowables)
        height = max(len(column) for column in columns)
        first = len(table.rows)
        for index in range(height):
            table.rows.append([col[index] if index < len(col) else "" for col in columns])
        last = len(table.rows) - 1
        if background is None and stripe and table.logical_rows % 2 == 1:
            background = STRIPE
        if background is not None:
            table.commands.append(
                ("BACKGROUND", (0, first), (-1, last), self.colors.HexColor(background))
            )
        table.commands.append(("LINEBELOW", (0, last), (-1, last), 0.4, self._rule))
        if last > first:
            table.commands.append(("BOTTOMPADDING", (0, first), (-1, last - 1), 0))
            table.commands.append(("TOPPADDING", (0, first + 1), (-1, last), 0))
        table.logical_rows += 1

    @property
    def _rule(self) -> Any:
        return self.colors.HexColor(RULE)

    def grid_table(self, columns: Sequence[str], shares: Sequence[float]) -> _Table:
        widths = [self.width * share for share in shares]
        table = _Table(widths=widths)
        table.rows.append(
            [
                self.para(text, self.header, strong=True)
                for text, width in zip(columns, widths, strict=True)
            ]
        )
        return table

    def finish_grid(self, table: _Table) -> Any:
        navy = self.colors.HexColor(NAVY)
        style = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("BACKGROUND", (0, 0), (-1, 0), navy),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("BOX", (0, 0), (-1, -1), 0.6, self._rule),
            ("LINEAFTER", (0, 0), (-2, -1), 0.4, self._rule),
            *table.commands,
        ]
        return self.Table(
            table.rows,
            colWidths=table.widths,
            style=style,
            repeatRows=1,
            splitByRow=1,
            splitInRow=self.split_in_row,
            hAlign="LEFT",
        )

    def list_table(self, items: Iterable[tuple[str, str, str]]) -> Any:
        """A numbered or bulleted list: (number, text, tail markup) per item."""
        widths = [LIST_NUMBER_WIDTH, self.width - LIST_NUMBER_WIDTH]
        table = _Table(widths=widths)
        for number, text, tail in items:
            self.add_row(
                table,
                [_Cell(number, self.number), _Cell(text, self.body, tail=tail)],
                stripe=False,
            )
        commands = [c for c in table.commands if c[0] != "LINEBELOW"]
        style = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            *commands,
        ]
        return self.Table(
            table.rows,
            colWidths=widths,
            style=style,
            splitByRow=1,
            splitInRow=self.split_in_row,
            hAlign="LEFT",
        )

    # --- sections -----------------------------------------------------------------------

    def section_heading(self, text: str) -> Any:
        table = self.Table(
            [[self.para(text, self.heading, strong=True)]],
            colWidths=[self.width],
            style=[
                ("BACKGROUND", (0, 0), (-1, -1), self.colors.HexColor(CAPTION_BG)),
                ("LINEBEFORE", (0, 0), (0, -1), 3, self.colors.HexColor(NAVY)),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
            ],
            hAlign="LEFT",
        )
        table.spaceBefore = 14  # not at the top of a page
        table.spaceAfter = 5
        return table

    def section(self, heading: str, content: list[Any], *, rows: int = 0) -> list[Any]:
        """A heading and its content: kept on one page when short (up to SHORT_SECTION_ROWS
        rows), else started only where the heading and a few rows fit."""
        if rows <= SHORT_SECTION_ROWS:
            return [self.KeepTogether([self.section_heading(heading), *content])]
        return [self.CondPageBreak(SECTION_MIN_START), self.section_heading(heading), *content]

    def none(self) -> list[Any]:
        return [self.para(self.labels.none, self.muted)]

    def title_block(self, minutes: Minutes, logo: Any | None) -> list[Any]:
        labels = self.labels
        meeting = minutes.meeting
        story: list[Any] = []
        if logo is not None:
            story += [logo, self.Spacer(1, 6)]
        story.append(self.para(labels.document_title, self.title, strong=True))
        if meeting.title.strip():
            story.append(self.para(meeting.title, self.subtitle))
        story.append(self.Spacer(1, 10))

        caption_width = 0.16 * self.width
        value_width = 0.34 * self.width

        def caption(text: str) -> Any:
            return self.para(text, self.caption, strong=True)

        def value(text: str) -> Any:
            return self.para(text, self.value)

        rows = [
            [caption(labels.project), value(minutes.project_name), "", ""],
            [caption(labels.meeting), value(meeting.title), "", ""],
            [
                caption(labels.meeting_type),
                value(labels.meeting_types[meeting.meeting_type]),
                caption(labels.date_time),
                value(meeting_time(minutes, labels)),
            ],
            [
                caption(labels.place),
                value(meeting.location),
                caption(labels.scribe),
                value(meeting.scribe),
            ],
        ]
        caption_bg = self.colors.HexColor(CAPTION_BG)
        style = [
            ("SPAN", (1, 0), (3, 0)),
            ("SPAN", (1, 1), (3, 1)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (0, -1), caption_bg),
            ("BACKGROUND", (2, 2), (2, -1), caption_bg),
            ("GRID", (0, 0), (-1, -1), 0.5, self._rule),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
        story.append(
            self.Table(
                rows,
                colWidths=[caption_width, value_width, caption_width, value_width],
                style=style,
                splitInRow=self.split_in_row,
                hAlign="LEFT",
            )
        )
        return story

    def attendees(self, attendees: Sequence[Attendee]) -> list[Any]:
        labels = self.labels
        if not attendees:
            return self.section(labels.attendees, self.none())
        widths = [0.16 * self.width, 0.84 * self.width]
        table = _Table(widths=widths)
        for attendance in ATTENDANCE_ORDER:
            group = [a for a in attendees if a.attendance == attendance]
            if not group and attendance in (Attendance.INVITED, Attendance.EXCUSED):
                continue
            names = labels.list_separator.join(self.attendee_name(a) for a in group)
            self.add_row(
                table,
                [
                    _Cell(labels.attendance[attendance], self.caption, strong=True),
                    _Cell(names or labels.none, self.value if names else self.muted),
                ],
                background=None,
                stripe=False,
            )
        style = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (0, -1), self.colors.HexColor(CAPTION_BG)),
            ("BOX", (0, 0), (-1, -1), 0.5, self._rule),
            ("LINEAFTER", (0, 0), (0, -1), 0.5, self._rule),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            *table.commands,
        ]
        flowable = self.Table(
            table.rows, colWidths=widths, style=style, splitInRow=self.split_in_row, hAlign="LEFT"
        )
        return self.section(labels.attendees, [flowable], rows=table.logical_rows)

    def attendee_name(self, attendee: Attendee) -> str:
        if attendee.organisation.strip():
            return fill(
                self.labels.attendee_organisation,
                name=attendee.name,
                organisation=attendee.organisation,
            )
        return attendee.name

    def agenda(self, minutes: Minutes) -> list[Any]:
        labels = self.labels
        if not minutes.agenda:
            return self.section(labels.agenda, self.none())
        items = []
        for index, entry in enumerate(minutes.agenda, start=1):
            presenter = entry.presenter.strip()
            if presenter and entry.duration_min:
                details = fill(
                    labels.agenda_presenter_duration,
                    presenter=presenter,
                    minutes=entry.duration_min,
                )
            elif presenter:
                details = fill(labels.agenda_presenter, presenter=presenter)
            elif entry.duration_min:
                details = fill(labels.agenda_duration, minutes=entry.duration_min)
            else:
                details = ""
            tail = f' <font color="{MUTED}">{self.markup(details)}</font>' if details else ""
            items.append((fill(labels.item_number, n=index), entry.title, tail))
        return self.section(labels.agenda, [self.list_table(items)], rows=len(items))

    def numbered(self, heading: str, texts: Sequence[str]) -> list[Any]:
        if not texts:
            return self.section(heading, self.none())
        items = [
            (fill(self.labels.item_number, n=index), text, "")
            for index, text in enumerate(texts, start=1)
        ]
        return self.section(heading, [self.list_table(items)], rows=len(items))

    def bulleted(self, heading: str, texts: Sequence[str]) -> list[Any]:
        if not texts:
            return self.section(heading, self.none())
        items = [("\u2022", text, "") for text in texts]
        return self.section(heading, [self.list_table(items)], rows=len(items))

    def due(self, action: ActionEntry) -> _Cell:
        if action.due_on is None:
            return _Cell(self.labels.incomplete, self.missing)
        return _Cell(format_date(self.labels.table_date, action.due_on), self.cell)

    def who(self, action: ActionEntry) -> _Cell:
        if not action.who.strip():
            return _Cell(self.labels.incomplete, self.missing)
        return _Cell(action.who, self.cell)

    def status(self, action: ActionEntry) -> _Cell:
        return _Cell(
            self.labels.statuses[action.status], self.status_styles[action.status], strong=True
        )

    def actions(self, actions: Sequence[ActionEntry]) -> list[Any]:
        labels = self.labels
        if not actions:
            return self.section(labels.actions, self.none())
        table = self.grid_table(
            [
                labels.column_number,
                labels.column_what,
                labels.column_why,
                labels.column_who,
                labels.column_when,
                labels.column_where,
                labels.column_how,
                labels.column_status,
            ],
            ACTION_COLUMNS,
        )
        for action in actions:
            self.add_row(
                table,
                [
                    _Cell(str(action.number), self.cell),
                    _Cell(action.what, self.cell),
                    _Cell(action.why, self.cell),
                    self.who(action),
                    self.due(action),
                    _Cell(action.where, self.cell),
                    _Cell(action.how, self.cell),
                    self.status(action),
                ],
                background=None if action.is_complete else INCOMPLETE_BG,
            )
        content = [self.finish_grid(table)]
        if not all(action.is_complete for action in actions):
            content += [self.Spacer(1, 4), self.para(labels.incomplete_legend, self.muted)]
        return self.section(labels.actions, content, rows=table.logical_rows)

    def review(self, actions: Sequence[ActionEntry]) -> list[Any]:
        labels = self.labels
        if not actions:
            return []
        table = self.grid_table(
            [
                labels.column_number,
                labels.column_what,
                labels.column_who,
                labels.column_when,
                labels.column_status,
                labels.column_history,
            ],
            REVIEW_COLUMNS,
        )
        for action in actions:
            self.add_row(
                table,
                [
                    _Cell(str(action.number), self.cell),
                    _Cell(action.what, self.cell),
                    self.who(action),
                    self.due(action),
                    self.status(action),
                    _Cell(status_history(action, labels), self.cell),
                ],
                background=None if action.is_complete else INCOMPLETE_BG,
            )
        return self.section(
            labels.previous_actions, [self.finish_grid(table)], rows=table.logical_rows
        )


def _has_cjk(text: str) -> bool:
    return any(char >= "\u2e80" for char in text)


def split_long_text(text: str, per_line: int, max_lines: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``max_lines`` lines of ``per_line`` wide characters.

    Cuts at a line break where possible, else after a sentence's or clause's end, else after a
    space, else anywhere. Short texts (the usual case) come back whole.
    """
    if len(text) <= per_line * max_lines // 2 and text.count("\n") < max_lines // 2:
        return [text]
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for whole_line in text.split("\n"):
        line = whole_line
        while True:
            needed = max(1, math.ceil(len(line) / per_line))
            if used + needed <= max_lines:
                current.append(line)
                used += needed
                break
            room = (max_lines - used) * per_line
            if room >= 4 * per_line:  # fill the rest of this piece with the line's start
                cut = _cut_point(line, room)
                current.append(line[:cut])
                line = line[cut:]
            pieces.append("\n".join(current))
            current, used = [], 0
    if current:
        pieces.append("\n".join(current))
    return pieces or [""]


def _cut_point(line: str, limit: int) -> int:
    """Where to cut ``line`` so the first part has at most ``limit`` characters."""
    lower = limit // 2
    for marks in ("。！？；.!?;", "，,、", " "):
        best = max(line.rfind(mark, lower, limit) for mark in marks)
        if best >= 0:
            return best + 1
    return limit


def _trim_line_starts(lines: Any) -> None:
    """Drop the space that CJK line breaking leaves at the start of a line (before a Latin
    word it moved down), so that the line's text lines up with the others."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if getattr(lines, "kind", 0) != 1:
        return
    for line in lines.lines:
        words = getattr(line, "words", None)
        if not words:
            continue
        first = words[0]
        text = getattr(first, "text", "")
        if isinstance(text, str) and text.startswith(" "):
            kept = text.lstrip(" ")
            removed = text[: len(text) - len(kept)]
            line.extraSpace += stringWidth(removed, first.fontName, first.fontSize)
            first.text = kept


@functools.cache
def _flowable_classes() -> dict[str, Any]:
    """The ReportLab classes, and a paragraph drawn bold (neither font has a bold face)."""
    from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

    class Para(Paragraph):  # type: ignore[misc]
        """A paragraph that lays out its lines once per width.

        A table wraps every cell again each time it is split over a page, and ReportLab's
        Paragraph does not remember its lines: long tables became quadratic. The height
        does not depend on the available height, so the width is the whole key.
        """

        _wrapped: tuple[float, tuple[float, float]] | None = None

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
            wrapped = self._wrapped
            # split() drops blPara when the paragraph does not fit: lay it out again then
            if wrapped is not None and wrapped[0] == availWidth and hasattr(self, "blPara"):
                return wrapped[1]
            size = super().wrap(availWidth, availHeight)
            _trim_line_starts(self.blPara)
            self._wrapped = (availWidth, size)
            return size  # type: ignore[no-any-return]

    class Strong(Para):
        """Drawn with a thin outline as well as the fill: a bold that works for every script."""

        def draw(self) -> None:
            canvas = self.canv
            canvas.saveState()
            canvas.setStrokeColor(self.style.textColor)
            canvas.setLineWidth(self.style.fontSize * 0.035)
            canvas.addLiteral("2 Tr")
            super().draw()
            canvas.restoreState()

    return {
        "Paragraph": Para,
        "Strong": Strong,
        "Table": Table,
        "Spacer": Spacer,
        "CondPageBreak": CondPageBreak,
        "KeepTogether": KeepTogether,
    }


@functools.cache
def _canvas_class() -> Any:
    """A canvas that draws the header and footer once it knows how many pages there are."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(
            self,
            *args: Any,
            decorate: Callable[[Any, int, int], None],
            is_cancelled: IsCancelled | None,
            **kwargs: Any,
        ) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._decorate = decorate
            self._is_cancelled = is_cancelled

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            if self._is_cancelled is not None and self._is_cancelled():
                raise ExportCancelled
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


class _Decorations:
    """The running header (from page 2) and the footer with "page x of y"."""

    def __init__(self, minutes: Minutes, labels: MinutesLabels, fonts: FontStack) -> None:
        self.minutes = minutes
        self.labels = labels
        self.fonts = fonts
        self.header_left = minutes.meeting.title or labels.document_title
        self.header_right = format_date(
            labels.date, _local(minutes.meeting.starts_at).date(), labels.month_names
        )
        self.footer_left = minutes.project_name

    def width(self, text: str, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return float(sum(stringWidth(chunk, font, size) for font, chunk in self.fonts.runs(text)))

    def draw(self, canvas: Any, x: float, y: float, text: str, size: float) -> None:
        for font, chunk in self.fonts.runs(text):
            canvas.setFont(font, size)
            canvas.drawString(x, y, chunk)
            x += canvas.stringWidth(chunk, font, size)

    def clip(self, text: str, size: float, limit: float) -> str:
        """``text`` on one line, shortened with an ellipsis to fit ``limit`` points."""
        return clip_to_width(text, limit, lambda part: self.width(part, size))

    def __call__(self, canvas: Any, page: int, total: int) -> None:
        from reportlab.lib import colors

        width, height = canvas._pagesize
        left, right = MARGIN_X, width - MARGIN_X
        size = 7.5
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(MUTED))
        canvas.setStrokeColor(colors.HexColor(RULE))
        canvas.setLineWidth(0.5)
        if page > 1:
            y = height - MARGIN_TOP + 16
            date_width = self.width(self.header_right, size)
            title = self.clip(self.header_left, size, right - left - date_width - 24)
            self.draw(canvas, left, y, title, size)
            self.draw(canvas, right - date_width, y, self.header_right, size)
            canvas.line(left, y - 4, right, y - 4)
        y = MARGIN_BOTTOM - 22
        canvas.line(left, y + 10, right, y + 10)
        number = fill(self.labels.page, page=page, total=total)
        number_width = self.width(number, size)
        project = self.clip(self.footer_left, size, right - left - number_width - 24)
        self.draw(canvas, left, y, project, size)
        self.draw(canvas, right - number_width, y, number, size)
        canvas.restoreState()


def _logo_flowable(logo: Path, out: Path) -> Any:
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    try:
        reader = ImageReader(str(logo))
        pixel_width, pixel_height = reader.getSize()
    except Exception as error:  # ReportLab and Pillow raise many kinds on a bad image
        raise ExportError(out, f"the logo {logo} cannot be read as an image ({error})") from error
    if pixel_width <= 0 or pixel_height <= 0:
        raise ExportError(out, f"the logo {logo} is an empty image")
    scale = min(LOGO_MAX_HEIGHT / pixel_height, LOGO_MAX_WIDTH / pixel_width)
    return Image(str(logo), width=pixel_width * scale, height=pixel_height * scale, hAlign="LEFT")


def write_minutes_pdf(
    minutes: Minutes,
    labels: MinutesLabels,
    out: Path,
    *,
    logo: Path | None = None,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> None:
    """Write ``minutes`` as an A4 PDF to ``out``, atomically.

    Raises ExportError (the file cannot be written there, or the logo cannot be read) and
    ExportCancelled (``is_cancelled`` returned true); either way nothing is left behind and a
    file already at ``out`` is kept. ``progress(done, total)`` reports the steps.
    """
    out = Path(out)

    def check() -> None:
        if is_cancelled is not None and is_cancelled():
            raise ExportCancelled

    check_destination(out)
    check()
    fonts = font_stack()
    builder = _Builder(labels, fonts)
    steps: list[Callable[[], list[Any]]] = [
        lambda: builder.title_block(minutes, _logo_flowable(logo, out) if logo else None),
        lambda: builder.attendees(minutes.attendees),
        lambda: builder.agenda(minutes),
        lambda: builder.numbered(labels.decisions, [d.text for d in minutes.decisions]),
        lambda: builder.bulleted(labels.notes, [n.text for n in minutes.notes]),
        lambda: builder.review(minutes.previous_actions),
        lambda: builder.actions(minutes.actions),
    ]
    total = len(steps) + 2  # the sections, then laying out the pages, then saving the file
    story: list[Any] = []
    for done, step in enumerate(steps, start=1):
        check()
        story += step()
        if progress is not None:
            progress(done, total)
    check()

    def laid_out() -> None:
        if progress is not None:
            progress(total - 1, total)

    _render(
        story,
        minutes=minutes,
        labels=labels,
        fonts=fonts,
        out=out,
        is_cancelled=is_cancelled,
        laid_out=laid_out,
    )
    if progress is not None:
        progress(total, total)


def _render(
    story: list[Any],
    *,
    minutes: Minutes,
    labels: MinutesLabels,
    fonts: FontStack,
    out: Path,
    is_cancelled: IsCancelled | None,
    laid_out: Callable[[], None],
) -> None:
    """Lay out and write the pages into a temporary file next to ``out``, then rename it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    with atomic_output(out, ".pdf") as stream:
        document = BaseDocTemplate(
            stream,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=" ".join(f"{minutes.meeting.title} {labels.document_title}".split()),
            author=minutes.meeting.scribe,
            subject=minutes.project_name,
            creator="",
        )
        body = Frame(
            document.leftMargin,
            document.bottomMargin,
            document.width,
            document.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        document.addPageTemplates([PageTemplate(id="page", frames=[body])])
        canvas_class = _canvas_class()
        document.build(
            story,
            canvasmaker=functools.partial(
                canvas_class,
                decorate=_Decorations(minutes, labels, fonts),
                is_cancelled=is_cancelled,
            ),
        )
        laid_out()
