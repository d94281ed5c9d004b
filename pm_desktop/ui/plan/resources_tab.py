"""The resource calendar (资源规划): each person's load per day or week as a heatmap, over
100 percent in red, and for the person chosen when they are needed on site (with the day to
tell them by), their time away (added and removed by undoable commands) and an .ics export.

The heatmap is painted by hand, only the cells in view, so a year of the whole pool scrolls
smoothly; names stay in a frozen column on the left and months and days in a header on top.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QRect,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygon,
    QResizeEvent,
    QUndoCommand,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.errors import ExportError, PmError, ValidationError
from pm_desktop.core.resource_load import Absence, HeatmapRow, Milestone, ResourceHeatmap, Visit
from pm_desktop.core.team import MAX_ALLOCATION_PCT
from pm_desktop.export.atomic import check_destination, os_reason
from pm_desktop.export.ics import BookingLabels, bookings_calendar, write_invitation
from pm_desktop.ui.background import Cancelled, run_in_background
from pm_desktop.ui.delegates import pydate, qdate
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.formatting import due_text, weekday_name
from pm_desktop.ui.plan.context import PlanContext
from pm_desktop.ui.service_command import Done, ServiceCommand, short
from pm_desktop.ui.style import (
    ACCENT,
    ERROR,
    INCOMPLETE_BACKGROUND,
    MUTED,
    WARNING,
    scaled_font,
    section_title,
)
from pm_desktop.ui.team.dialogs import FieldForm

if TYPE_CHECKING:
    from pm_desktop.services.resources import ResourceService

translate = QCoreApplication.translate

PERIOD_MONTHS = (3, 6, 12)
PERIOD_DELAY_MS = 400
"""How long the period's date must stay unchanged before the heatmap is computed again."""
ABSENCE_ID_ROLE = Qt.ItemDataRole.UserRole
_UNSAFE = re.compile(r'[\\/:*?"<>|]+')


# --- dates ------------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months``, on the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has 28 days


def period_end(start: date, months: int) -> date:
    """The last day of a period of ``months`` from ``start``."""
    return add_months(start, months) - timedelta(days=1)


def span_text(first: date, last: date, today: date) -> str:
    """``09-28 – 10-30`` in the year of ``today``, full dates otherwise."""

    def one(day: date) -> str:
        return day.strftime("%m-%d") if day.year == today.year else day.isoformat()

    return one(first) if first == last else f"{one(first)} – {one(last)}"


def needs_telling(visit: Visit, today: date) -> bool:
    """Whether the last day to tell the person has come and they have not arrived yet."""
    return visit.tell_by is not None and visit.tell_by <= today < visit.starts_on


def suggested_ics_name(person_name: str) -> str:
    """e.g. ``张伟-驻场安排.ics``, safe on every file system."""
    stem = translate("ResourceCalendar", "{name}-site schedule").format(name=person_name)
    return (_UNSAFE.sub(" ", stem).strip() or "bookings")[:100] + ".ics"


# --- how a cell looks ---------------------------------------------------------------------------

OVER_LOAD = QColor("#d32f2f")
HATCH = QColor(40, 48, 60, 200)
HATCH_ON_DARK = QColor(255, 255, 255, 210)
HATCH_STEP = 6
LOW_HUE, FULL_HUE = 112, 38
"""Green at 50 %, turning through yellow to amber at 100 %."""


def _mix(a: QColor, b: QColor, share: float) -> QColor:
    """``a`` with ``share`` of ``b`` blended in."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * share,
        a.greenF() + (b.greenF() - a.greenF()) * share,
        a.blueF() + (b.blueF() - a.blueF()) * share,
    )


_LOAD_COLORS: dict[tuple[int, int], QColor] = {}


def load_color(load: int, base: QColor) -> QColor:
    """The palette's base (white) at 0, light to full green up to 50 %, through yellow to
    amber at 100 %, strong red above. Hue steps keep the middle clear of muddy olive."""
    key = (load, base.rgb())
    found = _LOAD_COLORS.get(key)
    if found is None:
        if load <= 0:
            found = QColor(base)
        elif load <= 50:
            share = (load - 1) / 49
            found = QColor.fromHsvF(LOW_HUE / 360, 0.16 + 0.34 * share, 0.95 - 0.1 * share)
        elif load <= MAX_ALLOCATION_PCT:
            share = (load - 50) / 50
            hue = LOW_HUE + (FULL_HUE - LOW_HUE) * share
            found = QColor.fromHsvF(hue / 360, 0.5 + 0.22 * share, 0.85 + 0.1 * share)
        else:
            found = QColor(OVER_LOAD)
        _LOAD_COLORS[key] = found
    return found


def non_working_color(palette: QPalette) -> QColor:
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    return _mix(base, text, 0.11)


@dataclass(frozen=True, slots=True)
class CellLook:
    fill: QColor
    text: str = ""
    """The load, shown only above 100 %."""
    over: bool = False
    hatched: bool = False
    """Away."""
    conflict: bool = False
    """Booked while away."""


def cell_look(row: HeatmapRow, column: int, working: bool, base: QColor, off: QColor) -> CellLook:
    """One cell: the load's colour (the week's average), red with the peak above 100 %, ``off``
    on a non-working day, hatched when away, marked when booked while away. ``base`` is the
    palette's base colour."""
    load, peak = row.loads[column], row.peaks[column]
    hatched, conflict = row.away[column], row.conflicts[column]
    if peak > MAX_ALLOCATION_PCT:
        return CellLook(OVER_LOAD, str(peak), True, hatched, conflict)
    if not working and load == 0:
        return CellLook(off, hatched=hatched, conflict=conflict)
    return CellLook(load_color(load, base), hatched=hatched, conflict=conflict)


def hatch(painter: QPainter, rect: QRect, color: QColor) -> None:
    """Diagonal lines over ``rect``, in phase with its neighbours' so a span reads as one."""
    painter.save()
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    painter.setPen(QPen(color, 1.2))
    height = rect.height()
    start = rect.left() - height
    start -= (start + rect.bottom()) % HATCH_STEP
    for x in range(start, rect.right() + 1, HATCH_STEP):
        painter.drawLine(x, rect.bottom(), x + height, rect.top())
    painter.restore()


def paint_cell(painter: QPainter, rect: QRect, look: CellLook) -> None:
    """Fill, hatching, the corner of a booking while away, and the number if over (on a
    plain patch over the hatching, to stay legible)."""
    painter.fillRect(rect, look.fill)
    if look.hatched:
        hatch(painter, rect, HATCH_ON_DARK if look.fill.lightness() < 140 else HATCH)
    if look.text:
        if look.hatched:
            width = painter.fontMetrics().horizontalAdvance(look.text) + 2
            patch = QRect(0, 0, min(width, rect.width()), painter.fontMetrics().height())
            patch.moveCenter(rect.center())
            painter.fillRect(patch, look.fill)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, look.text)
    if look.conflict:
        size = max(4, min(rect.width(), rect.height()) // 3)
        corner = QPolygon(
            [rect.topLeft(), rect.topLeft() + QPoint(size, 0), rect.topLeft() + QPoint(0, size)]
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#212121") if look.over else OVER_LOAD)
        painter.drawPolygon(corner)


# --- the heatmap --------------------------------------------------------------------------------


class HeatmapView(QAbstractScrollArea):
    """People down, days (or ISO weeks) across. Click or the arrow keys choose a person."""

    personChanged = Signal(str)  # the person id, "" for none

    NAME_WIDTH = 168
    BAND_HEIGHT = 20
    ROW_HEIGHT = 24
    DAY_WIDTH = 24
    WEEK_WIDTH = 44

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resourceHeatmap")
        self.setAccessibleName(self.tr("Resource heatmap"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.heatmap: ResourceHeatmap | None = None
        self.today = date.today()
        self.empty_text = ""
        self.current_row = -1
        self._absences: Mapping[str, Sequence[Absence]] = {}
        self._month_starts: list[int] = []

    # --- data ---------------------------------------------------------------------------

    def set_heatmap(
        self,
        heatmap: ResourceHeatmap | None,
        absences: Mapping[str, Sequence[Absence]],
        today: date,
        empty_text: str = "",
    ) -> None:
        """Show ``heatmap`` (None: only ``empty_text``); keeps the person chosen if still
        shown, else chooses the first one (without ``personChanged``: the caller knows)."""
        person = self.current_person
        self.heatmap, self._absences, self.today = heatmap, absences, today
        self.empty_text = empty_text
        months = [self.first_day(n).month for n in range(len(self.columns))]
        self._month_starts = [n for n in range(1, len(months)) if months[n] != months[n - 1]]
        rows = self.rows
        found = next((n for n, row in enumerate(rows) if row.person_id == person), -1)
        self.current_row = found if found >= 0 or not rows else 0
        self._update_scrollbars()
        self.viewport().update()

    @property
    def rows(self) -> tuple[HeatmapRow, ...]:
        return self.heatmap.rows if self.heatmap is not None else ()

    @property
    def columns(self) -> tuple[date, ...]:
        return self.heatmap.columns if self.heatmap is not None else ()

    def first_day(self, column: int) -> date:
        """The column's day, or the first day of its week in the period."""
        assert self.heatmap is not None
        return max(self.heatmap.columns[column], self.heatmap.start)

    @property
    def current_person(self) -> str:
        rows = self.rows
        return rows[self.current_row].person_id if 0 <= self.current_row < len(rows) else ""

    def set_current_row(self, row: int) -> None:
        if not self.rows:
            return
        row = max(0, min(row, len(self.rows) - 1))
        if row == self.current_row:
            return
        self.current_row = row
        self.ensure_row_visible(row)
        self.viewport().update()
        self.personChanged.emit(self.current_person)

    def select_person(self, person_id: str) -> bool:
        found = next((n for n, r in enumerate(self.rows) if r.person_id == person_id), -1)
        if found >= 0:
            self.set_current_row(found)
        return found >= 0

    # --- geometry -----------------------------------------------------------------------

    @property
    def column_width(self) -> int:
        weekly = self.heatmap is not None and self.heatmap.weekly
        return self.WEEK_WIDTH if weekly else self.DAY_WIDTH

    @property
    def header_height(self) -> int:
        return 2 * self.BAND_HEIGHT

    def _cells_size(self) -> QSize:
        """The room left for cells in the viewport."""
        size = self.viewport().size()
        return QSize(
            max(0, size.width() - self.NAME_WIDTH), max(0, size.height() - self.header_height)
        )

    def _update_scrollbars(self) -> None:
        room = self._cells_size()
        wide = len(self.columns) * self.column_width
        tall = len(self.rows) * self.ROW_HEIGHT
        horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
        horizontal.setRange(0, max(0, wide - room.width()))
        horizontal.setPageStep(room.width())
        horizontal.setSingleStep(self.column_width)
        vertical.setRange(0, max(0, tall - room.height()))
        vertical.setPageStep(room.height())
        vertical.setSingleStep(self.ROW_HEIGHT)

    def column_of(self, day: date) -> int:
        """The column showing ``day`` (its week's), or -1 outside the period."""
        heatmap = self.heatmap
        if heatmap is None or not heatmap.start <= day <= heatmap.end:
            return -1
        if heatmap.weekly:
            monday = day - timedelta(days=day.weekday())
            return heatmap.columns.index(monday)
        return (day - heatmap.start).days

    def cell_rect(self, row: int, column: int) -> QRect:
        """Where the cell is painted, in viewport coordinates (maybe out of view)."""
        x = self.NAME_WIDTH + column * self.column_width - self.horizontalScrollBar().value()
        y = self.header_height + row * self.ROW_HEIGHT - self.verticalScrollBar().value()
        return QRect(x, y, self.column_width, self.ROW_HEIGHT)

    def row_at(self, y: int) -> int:
        if y < self.header_height:
            return -1
        row = (y - self.header_height + self.verticalScrollBar().value()) // self.ROW_HEIGHT
        return row if row < len(self.rows) else -1

    def column_at(self, x: int) -> int:
        if x < self.NAME_WIDTH:
            return -1
        column = (x - self.NAME_WIDTH + self.horizontalScrollBar().value()) // self.column_width
        return column if column < len(self.columns) else -1

    def scroll_to_column(self, column: int, *, lead: int = 3) -> None:
        """Scroll so that ``column`` shows near the left, ``lead`` columns in."""
        self.horizontalScrollBar().setValue(max(0, column - lead) * self.column_width)

    def ensure_row_visible(self, row: int) -> None:
        bar = self.verticalScrollBar()
        top, room = row * self.ROW_HEIGHT, self._cells_size().height()
        if top < bar.value():
            bar.setValue(top)
        elif top + self.ROW_HEIGHT > bar.value() + room:
            bar.setValue(top + self.ROW_HEIGHT - room)

    def _visible(self) -> tuple[range, range]:
        """The rows and columns at least partly in view."""
        room = self._cells_size()
        x, y = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        width = self.column_width
        columns = range(x // width, min(len(self.columns), (x + room.width()) // width + 1))
        last_row = (y + room.height()) // self.ROW_HEIGHT + 1
        rows = range(y // self.ROW_HEIGHT, min(len(self.rows), last_row))
        return rows, columns

    def look(self, row: int, column: int) -> CellLook:
        assert self.heatmap is not None
        palette = self.palette()
        base, off = palette.color(QPalette.ColorRole.Base), non_working_color(palette)
        working = self.heatmap.working[column]
        return cell_look(self.heatmap.rows[row], column, working, base, off)

    # --- painting -----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        palette = self.palette()
        painter.fillRect(self.viewport().rect(), palette.color(QPalette.ColorRole.Base))
        if not self.rows:
            self._paint_empty(painter)
            painter.end()
            return
        rows, columns = self._visible()
        cells = QRect(
            self.NAME_WIDTH,
            self.header_height,
            self._cells_size().width(),
            self._cells_size().height(),
        )
        painter.save()
        painter.setClipRect(cells)
        self._paint_cells(painter, rows, columns)
        self._paint_lines(painter, columns)
        self._paint_current_row(painter)
        painter.restore()
        self._paint_header(painter, columns)
        self._paint_names(painter, rows)
        painter.end()

    def _paint_empty(self, painter: QPainter) -> None:
        painter.setPen(MUTED)
        area = self.viewport().rect().adjusted(24, 24, -24, -24)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), self.empty_text)

    def _paint_cells(self, painter: QPainter, rows: range, columns: range) -> None:
        """Only the cells in view: a year of the whole pool paints as fast as a month."""
        assert self.heatmap is not None
        font = QFont(self.font())
        font.setPixelSize(10 if self.column_width == self.DAY_WIDTH else 11)
        font.setBold(True)
        painter.setFont(font)
        palette = self.palette()
        base, off = palette.color(QPalette.ColorRole.Base), non_working_color(palette)
        working = self.heatmap.working
        origin = self.cell_rect(0, 0)
        width, height = self.column_width, self.ROW_HEIGHT
        for row in rows:
            line = self.heatmap.rows[row]
            y = origin.top() + row * height
            for column in columns:
                rect = QRect(origin.left() + column * width, y, width - 1, height - 1)
                paint_cell(painter, rect, cell_look(line, column, working[column], base, off))

    def _paint_lines(self, painter: QPainter, columns: range) -> None:
        """A line at each month's start, and today's column outlined."""
        height = self.viewport().height()
        text = self.palette().color(QPalette.ColorRole.Text)
        painter.setPen(QPen(_mix(self.palette().color(QPalette.ColorRole.Base), text, 0.45), 1))
        for column in self._month_starts:
            if column in columns:
                x = self.cell_rect(0, column).left() - 1
                painter.drawLine(x, self.header_height, x, height)
        today = self.column_of(self.today)
        if today in columns:
            rect = self.cell_rect(0, today)
            painter.setPen(QPen(ACCENT, 2))
            painter.drawLine(rect.center().x(), self.header_height, rect.center().x(), height)

    def _paint_current_row(self, painter: QPainter) -> None:
        if self.current_row < 0:
            return
        top = self.cell_rect(self.current_row, 0).top()
        rect = QRect(self.NAME_WIDTH, top, self.viewport().width(), self.ROW_HEIGHT - 1)
        painter.setPen(QPen(ACCENT, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(0, 0, -1, 0))

    def _paint_header(self, painter: QPainter, columns: range) -> None:
        palette = self.palette()
        band = QRect(0, 0, self.viewport().width(), self.header_height)
        painter.fillRect(band, palette.color(QPalette.ColorRole.Button))
        painter.save()
        painter.setClipRect(band.adjusted(self.NAME_WIDTH, 0, 0, 0))
        self._paint_months(painter, columns)
        self._paint_column_labels(painter, columns)
        painter.restore()
        self._paint_corner(painter)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, self.header_height - 1, band.width(), self.header_height - 1)

    def _paint_months(self, painter: QPainter, columns: range) -> None:
        """The month band: each month's name at the left of its part in view."""
        if not columns:
            return
        painter.setFont(scaled_font(self, 0.95, bold=True))
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        starts = [0, *self._month_starts, len(self.columns)]
        for first, end in pairwise(starts):
            if end <= columns.start or first >= columns.stop:
                continue
            left = max(self.cell_rect(0, first).left(), self.NAME_WIDTH)
            right = self.cell_rect(0, end).left()
            rect = QRect(left + 6, 0, right - left - 6, self.BAND_HEIGHT)
            day = self.first_day(first)
            label = f"{day.year}-{day.month:02d}"
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(rect, int(flags), label)
            x = self.cell_rect(0, first).left() - 1
            painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
            painter.drawLine(x, 2, x, self.header_height - 2)
            painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))

    def _paint_column_labels(self, painter: QPainter, columns: range) -> None:
        """Day numbers (muted on days off), or ISO week numbers; today's in the accent."""
        assert self.heatmap is not None
        font = QFont(self.font())
        font.setPixelSize(11)
        text = self.palette().color(QPalette.ColorRole.ButtonText)
        today = self.column_of(self.today)
        for column in columns:
            day = self.columns[column]
            rect = self.cell_rect(0, column)
            rect = QRect(rect.left(), self.BAND_HEIGHT, rect.width(), self.BAND_HEIGHT)
            label = str(day.isocalendar()[1] if self.heatmap.weekly else day.day)
            font.setBold(column == today)
            painter.setFont(font)
            if column == today:
                painter.fillRect(rect.adjusted(1, 1, -1, -1), ACCENT)
                painter.setPen(QColor("#ffffff"))
            elif not self.heatmap.working[column]:
                painter.setPen(_mix(text, self.palette().color(QPalette.ColorRole.Button), 0.5))
            else:
                painter.setPen(text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_corner(self, painter: QPainter) -> None:
        assert self.heatmap is not None
        rect = QRect(0, 0, self.NAME_WIDTH, self.header_height)
        painter.fillRect(rect, self.palette().color(QPalette.ColorRole.Button))
        painter.setFont(self.font())
        painter.setPen(MUTED)
        label = self.tr("Person / week") if self.heatmap.weekly else self.tr("Person / day")
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        painter.drawText(rect.adjusted(8, 0, -4, -3), int(flags), label)

    def _paint_names(self, painter: QPainter, rows: range) -> None:
        palette = self.palette()
        column = QRect(0, self.header_height, self.NAME_WIDTH, self.viewport().height())
        painter.save()
        painter.setClipRect(column)
        painter.fillRect(column, palette.color(QPalette.ColorRole.Window))
        bold = scaled_font(self, 1.0, bold=True)
        for row in rows:
            self._paint_name(painter, row, bold)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(self.NAME_WIDTH - 1, 0, self.NAME_WIDTH - 1, column.bottom())
        painter.restore()

    def _paint_name(self, painter: QPainter, row: int, bold: QFont) -> None:
        palette = self.palette()
        line = self.rows[row]
        rect = QRect(0, self.cell_rect(row, 0).top(), self.NAME_WIDTH - 1, self.ROW_HEIGHT)
        chosen = row == self.current_row
        if chosen:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif row % 2:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        text_rect = rect.adjusted(8, 0, -6, 0)
        peak = ""
        if line.peak > MAX_ALLOCATION_PCT:
            peak = f"{line.peak}%"
            painter.setFont(bold)
            painter.setPen(QColor("#ffffff") if chosen else OVER_LOAD)
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(text_rect, int(right), peak)
            text_rect.adjust(0, 0, -painter.fontMetrics().horizontalAdvance(peak) - 6, 0)
        painter.setFont(bold if chosen else self.font())
        role = QPalette.ColorRole.HighlightedText if chosen else QPalette.ColorRole.WindowText
        painter.setPen(palette.color(role))
        name = painter.fontMetrics().elidedText(
            line.name, Qt.TextElideMode.ElideRight, text_rect.width()
        )
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(text_rect, int(left), name)

    # --- interaction --------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().toPoint().y())
        if row >= 0:
            self.set_current_row(row)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -10,
            Qt.Key.Key_PageDown: 10,
        }
        key = Qt.Key(event.key())
        if key in moves and self.rows:
            self.set_current_row(max(0, self.current_row) + moves[key])
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, pos: QPoint) -> str:
        row = self.row_at(pos.y())
        if row < 0:
            return ""
        if pos.x() < self.NAME_WIDTH:
            return self.describe_person(row)
        column = self.column_at(pos.x())
        return self.describe(row, column) if column >= 0 else ""

    # --- words --------------------------------------------------------------------------

    def describe_person(self, row: int) -> str:
        line = self.rows[row]
        names = self.heatmap.project_names if self.heatmap is not None else {}
        lines = [line.name]
        if line.projects:
            projects = "、".join(names.get(p, p) for p in line.projects)
            lines.append(self.tr("Projects: {names}").format(names=projects))
        lines.append(self.tr("Peak load: {peak} %").format(peak=line.peak))
        return "\n".join(lines)

    def describe(self, row: int, column: int) -> str:
        """The cell's tooltip: person, day or week, load, each project's share, time away."""
        assert self.heatmap is not None
        line, heatmap = self.rows[row], self.heatmap
        lines = [line.name, self._when(column)]
        load, peak = line.loads[column], line.peaks[column]
        if heatmap.weekly:
            lines.append(
                self.tr("Average load: {load} % (peak {peak} %)").format(load=load, peak=peak)
            )
        else:
            lines.append(self.tr("Load: {load} %").format(load=load))
        for project, values in sorted(line.by_project.items(), key=lambda kv: -kv[1][column]):
            if values[column]:
                name = heatmap.project_names.get(project, project)
                lines.append(f"  {name}: {values[column]} %")
        if peak > MAX_ALLOCATION_PCT:
            lines.append(self.tr("Over-allocated"))
        lines.extend(self._away_lines(line, column))
        return "\n".join(lines)

    def _when(self, column: int) -> str:
        assert self.heatmap is not None
        day = self.columns[column]
        if self.heatmap.weekly:
            last = min(day + timedelta(days=6), self.heatmap.end)
            first = max(day, self.heatmap.start)
            return self.tr("Week {week}: {first} – {last}").format(
                week=day.isocalendar()[1], first=first.isoformat(), last=last.isoformat()
            )
        text = f"{day.isoformat()} {weekday_name(day)}"
        if not self.heatmap.working[column]:
            text += " · " + self.tr("non-working day")
        return text

    def _away_lines(self, line: HeatmapRow, column: int) -> list[str]:
        if not line.away[column]:
            return []
        first = self.columns[column]
        last = first + timedelta(days=6) if self.heatmap and self.heatmap.weekly else first
        found = [
            a
            for a in self._absences.get(line.person_id, ())
            if a.starts_on <= last and a.ends_on >= first
        ]
        lines = [
            self.tr("Away {dates}: {reason}").format(
                dates=span_text(a.starts_on, a.ends_on, self.today),
                reason=a.reason or self.tr("no reason given"),
            )
            for a in found
        ] or [self.tr("Away")]
        if line.conflicts[column]:
            lines.append(self.tr("Booked while away: change the booking or the time away."))
        return lines


# --- commands ---------------------------------------------------------------------------------


class AddTimeAwayCommand(ServiceCommand):
    """Record time away; undo removes it, redo brings the same row back."""

    def __init__(
        self,
        service: ResourceService,
        person: tuple[str, str],
        period: tuple[date, date],
        reason: str,
        done: Done,
    ) -> None:
        text = translate("ResourceCommands", "Add time away of {name}")
        super().__init__(text.format(name=short(person[1])), done)
        self._service = service
        self._person_id = person[0]
        self._period = period
        self._reason = reason
        self.absence_id = ""

    def redo(self) -> None:
        if self.absence_id:
            self._run(lambda: self._service.restore_unavailability(self.absence_id))
        else:
            self._run(self._add)

    def _add(self) -> None:
        starts_on, ends_on = self._period
        self.absence_id = self._service.add_unavailability(
            self._person_id, starts_on, ends_on, self._reason
        )

    def undo(self) -> None:
        self._run(lambda: self._service.remove_unavailability(self.absence_id))


class RemoveTimeAwayCommand(ServiceCommand):
    def __init__(
        self, service: ResourceService, absence: Absence, person_name: str, done: Done
    ) -> None:
        text = translate("ResourceCommands", "Remove time away of {name}")
        super().__init__(text.format(name=short(person_name)), done)
        self._service = service
        self._absence_id = absence.id

    def redo(self) -> None:
        self._run(lambda: self._service.remove_unavailability(self._absence_id))

    def undo(self) -> None:
        self._run(lambda: self._service.restore_unavailability(self._absence_id))


# --- the time away dialog ---------------------------------------------------------------------

#: Records the time away (first day, last day, reason); the error met, or None.
SubmitAway = Callable[[date, date, str], PmError | None]


def away_error_text(error: PmError) -> str:
    """A translated sentence for time away the service refused."""
    if not isinstance(error, ValidationError):
        return describe_error(error)
    if error.field == "reason":
        return translate("ResourceCalendar", "The reason is too long (500 characters at most).")
    if error.field == "ends_on":
        return translate("ResourceCalendar", "More than two years away: check the year.")
    return translate("ResourceCalendar", "These dates cannot be recorded.")


class TimeAwayDialog(FieldForm):
    """From, to and why; a refusal shows at the field and the dialog keeps what was typed."""

    def __init__(
        self, person_name: str, today: date, submit: SubmitAway, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timeAwayDialog")
        self.setWindowTitle(self.tr("Time away of {name}").format(name=person_name))
        self._submit = submit
        self.starts_on = self._date_edit(today)
        self.ends_on = self._date_edit(today)
        self.starts_on.dateChanged.connect(self._keep_order)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Leave, training, another customer…"))
        self.add_field("starts_on", self.tr("&From"), self.starts_on)
        self.add_field("ends_on", self.tr("&To (included)"), self.ends_on)
        self.add_field("reason", self.tr("&Reason"), self.reason)
        hint = QLabel(
            self.tr("Away days are hatched in the calendar; bookings on them are marked.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED.name()};")
        self.finish_layout(hint)
        self.resize(400, self.sizeHint().height())

    @staticmethod
    def _date_edit(day: date) -> QDateEdit:
        edit = QDateEdit(qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _keep_order(self) -> None:
        """Moving the first day past the last moves the last along."""
        if self.ends_on.date() < self.starts_on.date():
            self.ends_on.setDate(self.starts_on.date())

    def show_error(self, field: str, text: str) -> None:
        super().show_error(field, text)
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def accept(self) -> None:
        self.clear_errors()
        starts_on, ends_on = pydate(self.starts_on.date()), pydate(self.ends_on.date())
        assert starts_on is not None
        assert ends_on is not None
        if ends_on < starts_on:
            self.show_error("ends_on", self.tr("The last day cannot be before the first."))
            return
        error = self._submit(starts_on, ends_on, " ".join(self.reason.text().split()))
        if error is not None:
            field = error.field if isinstance(error, ValidationError) else ""
            self.show_error(field or "", away_error_text(error))
            return
        super().accept()


# --- the .ics export ----------------------------------------------------------------------------


def booking_labels() -> BookingLabels:
    """The words of the exported calendar in the UI language installed now."""
    return BookingLabels(
        visit_summary=translate("ResourceExport", "{project}: {work}"),
        separator=translate("ResourceExport", ", "),
        milestone_summary=translate("ResourceExport", "Milestone: {name} ({project})"),
        person=translate("ResourceExport", "Person: {person}"),
        work=translate("ResourceExport", "Work: {work}"),
        peak=translate("ResourceExport", "Peak load: {peak}%"),
        tell_by=translate("ResourceExport", "Tell them by: {day}"),
        reminder=translate("ResourceExport", "Tell {person}: on site at {project} from {day}"),
    )


def write_bookings(
    out: Path, person_name: str, visits: Sequence[Visit], milestones: Sequence[Milestone]
) -> None:
    """Build and write the .ics (in a worker thread)."""
    data = bookings_calendar(
        person_name,
        visits,
        milestones,
        calendar_name=translate("ResourceExport", "{name}: site visits").format(name=person_name),
        labels=booking_labels(),
    )
    write_invitation(data, out)


# --- the tab ------------------------------------------------------------------------------------


class ResourcesTab(QWidget):
    """The Plan workspace's resource calendar; ``reload`` reads everything again."""

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resourcesTab")
        self._ctx = context
        self._project_id = ""
        self._shown_period: tuple[date, date, bool] | None = None
        self._visits: list[Visit] = []
        self._absences: list[Absence] = []
        self._period_timer = QTimer(self)
        self._period_timer.setSingleShot(True)
        self._period_timer.setInterval(PERIOD_DELAY_MS)
        self._period_timer.timeout.connect(self.refresh)
        self._build_bar()
        self._build_legend()
        self.view = HeatmapView()
        self.view.personChanged.connect(lambda _person: self._show_person())
        self._build_details()
        self.hint = QLabel()
        self.hint.setObjectName("resourcesHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setFont(scaled_font(self.hint, 1.15))
        self.hint.setStyleSheet(f"color: {MUTED.name()}; padding: 24px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.hint)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([480, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(self._bar)
        layout.addLayout(self._legend)
        layout.addWidget(splitter, 1)

    # --- building -----------------------------------------------------------------------

    def _build_bar(self) -> None:
        self.scope = QComboBox()
        self.scope.setObjectName("resourcesScope")
        self.scope.addItem(self.tr("This project's people"), False)
        self.scope.addItem(self.tr("Whole pool"), True)
        self.scope.currentIndexChanged.connect(lambda _index: self.refresh())
        self.from_edit = QDateEdit(qdate(self._ctx.today().replace(day=1)))
        self.from_edit.setObjectName("resourcesFrom")
        self.from_edit.setCalendarPopup(True)
        self.from_edit.setDisplayFormat("yyyy-MM-dd")
        self.from_edit.dateChanged.connect(lambda _day: self._period_timer.start())
        self.length = QComboBox()
        self.length.setObjectName("resourcesLength")
        for months, text in zip(
            PERIOD_MONTHS,
            (self.tr("3 months"), self.tr("6 months"), self.tr("1 year")),
            strict=True,
        ):
            self.length.addItem(text, months)
        self.length.currentIndexChanged.connect(lambda _index: self.refresh())
        self.day_button = self._toggle(self.tr("Day"), "resourcesByDay")
        self.week_button = self._toggle(self.tr("Week"), "resourcesByWeek")
        self.day_button.setChecked(True)
        self._mode = QButtonGroup(self)
        self._mode.addButton(self.day_button)
        self._mode.addButton(self.week_button)
        self._mode.buttonToggled.connect(self._mode_toggled)
        self.summary = QLabel()
        self.summary.setObjectName("resourcesSummary")
        self.summary.setStyleSheet(f"color: {MUTED.name()};")
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 0, 6, 0)
        bar.addWidget(self.scope)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.from_edit)
        bar.addWidget(self.length)
        bar.addSpacing(12)
        bar.addWidget(self.day_button)
        bar.addWidget(self.week_button)
        bar.addSpacing(12)
        bar.addWidget(self.summary)
        bar.addStretch(1)
        self._bar = bar

    def _mode_toggled(self, _button: QToolButton, checked: bool) -> None:
        if checked:
            self.refresh()

    @staticmethod
    def _toggle(text: str, name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setCheckable(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumWidth(52)
        return button

    def _build_legend(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        items = [
            (CellLook(QColor(base)), self.tr("0 %")),
            (CellLook(load_color(40, base)), self.tr("≤ 50 %")),
            (CellLook(load_color(100, base)), self.tr("≤ 100 %")),
            (CellLook(QColor(OVER_LOAD), "", True), self.tr("> 100 %")),
            (CellLook(QColor(base), hatched=True), self.tr("Away")),
            (CellLook(load_color(100, base), hatched=True, conflict=True), self.tr("Booked away")),
            (CellLook(non_working_color(palette)), self.tr("Non-working")),
        ]
        legend = QHBoxLayout()  # a row of its own: the tab must fit a 1280-pixel screen
        legend.setContentsMargins(6, 0, 6, 0)
        for look, text in items:
            legend.addWidget(self._swatch(look))
            legend.addWidget(QLabel(text))
            legend.addSpacing(6)
        legend.addStretch(1)
        self._legend = legend

    def _swatch(self, look: CellLook) -> QLabel:
        pixmap = QPixmap(QSize(18, 16))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        rect = QRect(0, 0, 17, 15)
        paint_cell(painter, rect, look)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        painter.end()
        label = QLabel()
        label.setPixmap(pixmap)
        return label

    def _build_details(self) -> None:
        self.person_title = QLabel()
        self.person_title.setObjectName("resourcesPerson")
        self.person_title.setFont(scaled_font(self.person_title, 1.25, bold=True))
        self.person_facts = QLabel()
        self.person_facts.setObjectName("resourcesPersonFacts")
        self.person_facts.setStyleSheet(f"color: {MUTED.name()};")
        self.export_button = QPushButton(self.tr("Export .ics…"))
        self.export_button.setObjectName("resourcesExportIcs")
        self.export_button.setToolTip(
            self.tr("Their site visits and the milestones of those projects, for their calendar")
        )
        self.export_button.clicked.connect(lambda _checked=False: self.export_ics())
        head = QHBoxLayout()
        head.addWidget(self.person_title)
        head.addSpacing(10)
        head.addWidget(self.person_facts, 1)
        head.addWidget(self.export_button)
        self.error = QLabel()
        self.error.setObjectName("resourcesError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR.name()};")
        self.error.hide()
        columns = QHBoxLayout()
        columns.addWidget(self._build_visits(), 3)
        columns.addSpacing(8)
        columns.addWidget(self._build_away(), 2)
        self.details = QWidget()
        layout = QVBoxLayout(self.details)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(head)
        layout.addWidget(self.error)
        layout.addLayout(columns, 1)

    def _tree(self, name: str, headers: Sequence[str]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName(name)
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setHeaderLabels(list(headers))
        header = tree.header()
        header.setStretchLastSection(False)
        for column in range(len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    def _build_visits(self) -> QWidget:
        headers = [
            self.tr("When"),
            self.tr("Working days"),
            self.tr("Project"),
            self.tr("Work"),
            self.tr("Peak"),
            self.tr("Tell by"),
        ]
        self.visits_list = self._tree("resourcesVisits", headers)
        self.visits_list.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        note = QLabel(
            self.tr("Tell them 5 working days before they must arrive; amber: tell them now.")
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED.name()};")
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(self.tr("Needed on site")))
        layout.addWidget(self.visits_list, 1)
        layout.addWidget(note)
        return box

    def _build_away(self) -> QWidget:
        headers = [self.tr("From"), self.tr("To"), self.tr("Days"), self.tr("Reason")]
        self.away_list = self._tree("resourcesAway", headers)
        self.away_list.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.away_list.currentItemChanged.connect(lambda *_: self._enable_buttons())
        self.add_away_button = QPushButton(self.tr("Add…"))
        self.add_away_button.setObjectName("resourcesAddAway")
        self.add_away_button.clicked.connect(lambda _checked=False: self.add_time_away())
        self.remove_away_button = QPushButton(self.tr("Remove"))
        self.remove_away_button.setObjectName("resourcesRemoveAway")
        self.remove_away_button.clicked.connect(lambda _checked=False: self.remove_time_away())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_away_button)
        buttons.addWidget(self.remove_away_button)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(self.tr("Time away")))
        layout.addWidget(self.away_list, 1)
        layout.addLayout(buttons)
        return box

    # --- state --------------------------------------------------------------------------

    @property
    def pool(self) -> bool:
        """Whether the whole pool is shown (else the project's people)."""
        return bool(self.scope.currentData())

    @property
    def weekly(self) -> bool:
        return self.week_button.isChecked()

    @property
    def period(self) -> tuple[date, date]:
        start = pydate(self.from_edit.date()) or self._ctx.today()
        return start, period_end(start, int(self.length.currentData()))

    @property
    def heatmap(self) -> ResourceHeatmap | None:
        return self.view.heatmap

    @property
    def person_id(self) -> str:
        return self.view.current_person

    def _service(self) -> ResourceService:
        return self._ctx.services().resources

    def set_scope(self, pool: bool) -> None:
        self.scope.setCurrentIndex(1 if pool else 0)

    def set_period(self, start: date, months: int = 3) -> None:
        """Show ``months`` from ``start`` (at once, not after the typing delay)."""
        for widget in (self.from_edit, self.length):
            widget.blockSignals(True)
        self.from_edit.setDate(qdate(start))
        self.length.setCurrentIndex(PERIOD_MONTHS.index(months))
        for widget in (self.from_edit, self.length):
            widget.blockSignals(False)
        self.refresh()

    def set_weekly(self, weekly: bool) -> None:
        (self.week_button if weekly else self.day_button).setChecked(True)

    def select_person(self, person_id: str) -> bool:
        return self.view.select_person(person_id)

    # --- showing ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the loads, visits and time away again (after every command, on a new
        project)."""
        if not self._ctx.ready:
            return
        self._project_id = self._ctx.project_id
        self.refresh()

    def refresh(self) -> None:
        """Compute the heatmap of the scope and period shown, and the chosen person's lists."""
        self._period_timer.stop()
        if not self._ctx.ready:
            return
        start, end = self.period
        today = self._ctx.today()
        if not self.pool and not self._project_id:
            self._show_hint(
                self.tr("Choose a project to see its people's load, or show the whole pool.")
            )
            self.view.set_heatmap(None, {}, today)
            self._show_person()
            return
        try:
            heatmap, absences = self._read(start, end)
        except PmError as error:
            self._show_error(describe_error(error))
            return
        self._show_hint(self._empty_hint(heatmap))
        self.view.set_heatmap(heatmap, absences, today)
        self._scroll_on_new_period(heatmap, today)
        self._show_summary(heatmap)
        self._show_person()

    def _read(self, start: date, end: date) -> tuple[ResourceHeatmap, dict[str, list[Absence]]]:
        service = self._service()
        project = None if self.pool else self._project_id
        heatmap = service.heatmap(project, start, end, weekly=self.weekly)
        ids = None if self.pool else [row.person_id for row in heatmap.rows]
        absences: defaultdict[str, list[Absence]] = defaultdict(list)
        if ids is None or ids:
            for absence in service.absences(start, end, person_ids=ids):
                absences[absence.person_id].append(absence)
        return heatmap, dict(absences)

    def _empty_hint(self, heatmap: ResourceHeatmap) -> str:
        if heatmap.rows:
            return ""
        if self.pool:
            return self.tr("The resource pool is empty: add people in the Team workspace.")
        return self.tr(
            "Nobody is on this project's team or assigned to its tasks yet: assign people in "
            "the Team workspace or on the master plan's tasks."
        )

    def _show_hint(self, text: str) -> None:
        """Instead of the heatmap, a message (none: the heatmap)."""
        self.hint.setText(text)
        self.stack.setCurrentWidget(self.hint if text else self.view)
        if text:
            self.summary.clear()

    def _scroll_on_new_period(self, heatmap: ResourceHeatmap, today: date) -> None:
        """On a new period or mode, bring today (else the start) into view."""
        shown = (heatmap.start, heatmap.end, heatmap.weekly)
        if shown == self._shown_period:
            return
        self._shown_period = shown
        self.view.scroll_to_column(max(0, self.view.column_of(today)))

    def _show_summary(self, heatmap: ResourceHeatmap) -> None:
        if not heatmap.rows:
            return
        over = sum(1 for row in heatmap.rows if row.peak > MAX_ALLOCATION_PCT)
        text = self.tr("%n person(s)", "", len(heatmap.rows))
        text += " · " + self.tr("%n over-allocated", "", over)
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {(ERROR if over else MUTED).name()};")

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _person_name(self) -> str:
        rows = self.view.rows
        row = self.view.current_row
        return rows[row].name if 0 <= row < len(rows) else ""

    def _show_person(self) -> None:
        """The chosen person's visits and time away (both lists empty without one)."""
        self._show_error("")
        person_id = self.person_id
        self._visits, self._absences = [], []
        if person_id:
            try:
                today = self._ctx.today()
                self._visits = self._service().visits(person_id, from_day=today)
                self._absences = self._service().unavailability(person_id)
            except PmError as error:
                self._show_error(describe_error(error))
        self._show_person_head()
        self._fill_visits()
        self._fill_away()
        self._enable_buttons()

    def _show_person_head(self) -> None:
        name = self._person_name()
        if not name:
            self.person_title.setText(self.tr("Nobody chosen") if self.view.rows else "")
            self.person_facts.setText(
                self.tr("Choose someone in the calendar to see when they are needed on site.")
                if self.view.rows
                else ""
            )
            return
        self.person_title.setText(name)
        row = self.view.rows[self.view.current_row]
        names = self.heatmap.project_names if self.heatmap is not None else {}
        facts = [self.tr("Peak in the period: {peak} %").format(peak=row.peak)]
        if row.projects:
            projects = "、".join(names.get(p, p) for p in row.projects)
            facts.append(self.tr("Projects: {names}").format(names=projects))
        over = sum(1 for flag in row.over if flag)
        if over:
            unit = (
                self.tr("%n week(s)", "", over) if self.weekly else self.tr("%n day(s)", "", over)
            )
            facts.append(self.tr("over-allocated: {count}").format(count=unit))
        self.person_facts.setText(" · ".join(facts))

    def _fill_visits(self) -> None:
        self.visits_list.clear()
        today = self._ctx.today()
        for visit in self._visits:
            self.visits_list.addTopLevelItem(self._visit_item(visit, today))

    def _visit_item(self, visit: Visit, today: date) -> QTreeWidgetItem:
        tell = due_text(visit.tell_by, today) if visit.tell_by else ""
        item = QTreeWidgetItem(
            [
                span_text(visit.starts_on, visit.ends_on, today),
                str(visit.working_days),
                visit.project_name,
                "、".join(visit.labels),
                f"{visit.peak_percent} %",
                tell,
            ]
        )
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if visit.peak_percent > MAX_ALLOCATION_PCT:
            item.setForeground(4, ERROR)
        if needs_telling(visit, today):
            for column in range(item.columnCount()):
                item.setBackground(column, INCOMPLETE_BACKGROUND)
            item.setForeground(5, WARNING)
            item.setFont(5, scaled_font(self.visits_list, 1.0, bold=True))
            item.setToolTip(
                5,
                self.tr("Tell them now: they must be on site on {day}.").format(
                    day=visit.starts_on.isoformat()
                ),
            )
        elif visit.starts_on <= today:
            item.setText(5, self.tr("on site now"))
            item.setForeground(5, MUTED)
        return item

    def _fill_away(self) -> None:
        self.away_list.clear()
        today = self._ctx.today()
        for absence in self._absences:
            days = (absence.ends_on - absence.starts_on).days + 1
            item = QTreeWidgetItem(
                [
                    due_text(absence.starts_on, today),
                    due_text(absence.ends_on, today),
                    str(days),
                    absence.reason,
                ]
            )
            item.setData(0, ABSENCE_ID_ROLE, absence.id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if absence.ends_on < today:
                for column in range(item.columnCount()):
                    item.setForeground(column, MUTED)
            self.away_list.addTopLevelItem(item)

    def _enable_buttons(self) -> None:
        chosen = bool(self.person_id)
        self.add_away_button.setEnabled(chosen)
        self.remove_away_button.setEnabled(chosen and self.away_list.currentItem() is not None)
        self.export_button.setEnabled(chosen and bool(self._visits))

    # --- time away ----------------------------------------------------------------------

    def add_time_away(self) -> str:
        """Ask for the dates and reason, and record them; the new absence's id, or ""."""
        person = (self.person_id, self._person_name())
        if not person[0]:
            return ""
        made: list[str] = []

        def submit(starts_on: date, ends_on: date, reason: str) -> PmError | None:
            command = AddTimeAwayCommand(
                self._service(), person, (starts_on, ends_on), reason, self._ctx.done
            )
            error = self._push(command)
            if error is None:
                made.append(command.absence_id)
            return error

        TimeAwayDialog(person[1], self._ctx.today(), submit, self).exec()
        return made[0] if made else ""

    def remove_time_away(self, absence_id: str = "") -> PmError | None:
        """Remove the time away chosen in the list (or ``absence_id``), undoably."""
        item = self.away_list.currentItem()
        absence_id = absence_id or (str(item.data(0, ABSENCE_ID_ROLE)) if item else "")
        absence = next((a for a in self._absences if a.id == absence_id), None)
        if absence is None:
            return None
        command = RemoveTimeAwayCommand(
            self._service(), absence, self._person_name(), self._ctx.done
        )
        error = self._push(command)
        if error is not None:
            self._show_error(describe_error(error))
        return error

    def _push(self, command: QUndoCommand) -> PmError | None:
        return self._ctx.push(command)

    # --- export -------------------------------------------------------------------------

    def export_ics(self, out: Path | None = None) -> Path | None:
        """Write the chosen person's visits and their projects' milestones as .ics (asking
        where unless ``out`` is given), off the GUI thread; the path written, or None."""
        name = self._person_name()
        if not name:
            return None
        out = out or self._ask_ics_path(name)
        if out is None:
            return None
        draft = out.with_name(f".{out.stem}.exporting{out.suffix}")
        try:
            check_destination(out)
            visits, milestones = list(self._visits), self._milestones()
            run_in_background(
                self,
                self.tr("Saving {file}…").format(file=out.name),
                lambda: write_bookings(draft, name, visits, milestones),
                discard=lambda _made: draft.unlink(missing_ok=True),
            )
            os.replace(draft, out)
        except Cancelled:
            return None
        except OSError as error:
            draft.unlink(missing_ok=True)
            self._report_export(out, ExportError(out, os_reason(error)))
            return None
        except PmError as error:
            self._report_export(out, error)
            return None
        return out

    def _milestones(self) -> list[Milestone]:
        """The milestones from today of the project shown and of the visits' projects."""
        ids = dict.fromkeys([self._project_id] if self._project_id else [])
        ids.update(dict.fromkeys(v.project_id for v in self._visits))
        if not ids:
            return []
        return self._service().milestones(list(ids), from_day=self._ctx.today())

    def _ask_ics_path(self, person_name: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        start = str(Path(folder) / suggested_ics_name(person_name))
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export .ics"), start, self.tr("Calendar files (*.ics)")
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".ics" else path.with_name(path.name + ".ics")

    def _report_export(self, out: Path, error: PmError) -> None:
        if isinstance(error, ExportError):
            text = self.tr("{file} could not be saved: {reason}").format(
                file=out.name, reason=error.reason
            )
            text += "\n\n" + self.tr(
                "Choose another folder, or close the file if another program has it open."
            )
        else:
            text = describe_error(error)
        QMessageBox.warning(self, self.tr("Export .ics"), text)
