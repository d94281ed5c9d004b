"""The Gantt chart beside the task table: one row per task, bars on a calendar-day scale.

The view paints only what is exposed (``drawBackground`` in scene coordinates), so a plan of
thousands of tasks pans and zooms at the cost of the rows on screen, not of the plan. Rows line
up with the task table's rows (same height, same vertical scroll). Dragging a bar moves the
task; dragging its right end changes its duration; both are reported as signals and become
undoable commands in the tab, which reschedules through the service.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

from pm_desktop.core.work_calendar import WorkCalendar

translate = QCoreApplication.translate

BAR = QColor("#4a86c5")
BAR_DONE = QColor("#1f4e7a")
CRITICAL = QColor("#d2483c")
CRITICAL_DONE = QColor("#8e2219")
SUMMARY = QColor("#333333")
BASELINE = QColor("#b4b4b4")
NON_WORKING = QColor("#ececec")  # opaque: blending a translucent column is slow
SELECTED = QColor(74, 134, 197, 40)
TODAY = QColor("#e07b00")
T_LINE = QColor("#6a3d9a")
ARROW = QColor("#5a5a5a")
GRID = QColor("#e2e2e2")
LABEL_WIDTH = 600.0
"""The most a task's name beside its bar may take, in pixels."""
HANDLE = 5.0
"""How near the right end of a bar, in pixels, a press changes the duration."""


class Zoom(Enum):
    DAY = 24.0
    WEEK = 6.0
    MONTH = 1.6

    @property
    def px_per_day(self) -> float:
        return float(self.value)


@dataclass(frozen=True, slots=True)
class GanttRow:
    id: str
    name: str
    start_on: date | None
    finish_on: date | None
    is_milestone: bool = False
    is_summary: bool = False
    critical: bool = False
    percent_complete: int = 0
    baseline_start_on: date | None = None
    baseline_finish_on: date | None = None


@dataclass(frozen=True, slots=True)
class _Arrow:
    low: int
    high: int
    from_row: int
    to_row: int


@dataclass(frozen=True, slots=True)
class Preview:
    """A bar being dragged: where it would go."""

    row: int
    start_on: date
    finish_on: date
    resizing: bool


class GanttView(QGraphicsView):
    taskMoved = Signal(str, object)  # task id, the new start (date)
    taskResized = Signal(str, object)  # task id, the new finish (date)
    #: During a drag: task id, the start (or the finish, when resizing) it would get, resizing.
    dragChanged = Signal(str, object, bool)
    rowClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ganttView")
        self.setScene(QGraphicsScene(self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # scrolling moves the painted pixels and paints only the strip uncovered
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setMouseTracking(True)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.row_height = 24
        self.zoom = Zoom.WEEK
        self.rows: list[GanttRow] = []
        self.origin = date.today()
        self.days = 1
        self.calendar = WorkCalendar()
        self.contract_signed_on: date | None = None
        self.today = date.today()
        self.selected_row = -1
        self.editable = True
        self.preview: Preview | None = None
        self.preview_dates: Mapping[str, tuple[date, date]] | None = None
        self._arrows: list[_Arrow] = []
        self._arrow_lows: list[int] = []
        self._working: list[bool] = []
        self._press: tuple[int, float, bool] | None = None

    # --- contents -------------------------------------------------------------------------

    def set_plan(
        self,
        rows: Sequence[GanttRow],
        links: Sequence[tuple[str, str]],
        calendar: WorkCalendar,
        contract_signed_on: date | None,
        today: date,
    ) -> None:
        self.rows = list(rows)
        self.calendar = calendar
        self.contract_signed_on = contract_signed_on
        self.today = today
        starts = [r.start_on for r in rows if r.start_on]
        finishes = [r.finish_on for r in rows if r.finish_on]
        first = min([*starts, contract_signed_on or today, today])
        last = max([*finishes, contract_signed_on or today, today])
        self.origin = first - timedelta(days=first.weekday() + 7)
        self.days = (last - self.origin).days + 120
        self._working = [
            calendar.is_working(self.origin + timedelta(days=n)) for n in range(self.days)
        ]
        self._index_arrows(links)
        self._resize_scene()

    def _index_arrows(self, links: Sequence[tuple[str, str]]) -> None:
        where = {row.id: n for n, row in enumerate(self.rows)}
        arrows = []
        for before, after in links:
            a, b = where.get(before), where.get(after)
            if a is not None and b is not None:
                arrows.append(_Arrow(min(a, b), max(a, b), a, b))
        arrows.sort(key=lambda arrow: arrow.low)
        self._arrows = arrows
        self._arrow_lows = [arrow.low for arrow in arrows]

    def set_preview_dates(self, dates: Mapping[str, tuple[date, date]] | None) -> None:
        """Show the schedule a drag would give (None: the plan as it is)."""
        self.preview_dates = dates
        self.viewport().update()

    def dates_of(self, row: GanttRow) -> tuple[date | None, date | None]:
        """A row's start and finish, as previewed during a drag."""
        if self.preview_dates is not None:
            found = self.preview_dates.get(row.id)
            if found is not None:
                return found
        return row.start_on, row.finish_on

    def set_zoom(self, zoom: Zoom) -> None:
        """Zoom about the centre of the view."""
        centre = self.mapToScene(self.viewport().rect().center()).x() / self.zoom.px_per_day
        self.zoom = zoom
        self._resize_scene()
        half = self.viewport().width() / 2
        self.horizontalScrollBar().setValue(int(centre * zoom.px_per_day - half))

    def set_selected_row(self, row: int) -> None:
        if row != self.selected_row:
            self.selected_row = row
            self.viewport().update()

    def scroll_to_date(self, day: date) -> None:
        self.horizontalScrollBar().setValue(int(self.x_of(day)) - 40)

    def _resize_scene(self) -> None:
        width = self.days * self.zoom.px_per_day
        self.scene().setSceneRect(0, 0, width, max(1, len(self.rows)) * self.row_height)
        self.viewport().update()

    # --- geometry -------------------------------------------------------------------------

    def _day_of(self, day: date) -> int:
        return (day - self.origin).days

    def x_of(self, day: date) -> float:
        return self._day_of(day) * self.zoom.px_per_day

    def date_at(self, x: float) -> date:
        return self.origin + timedelta(days=int(x // self.zoom.px_per_day))

    def bar_span(self, row: GanttRow) -> tuple[float, float] | None:
        """The bar's left and right edge in scene x, or None for an unscheduled task."""
        start, finish = self.dates_of(row)
        if start is None or finish is None:
            return None
        left = self.x_of(start)
        if row.is_milestone:
            return left, left
        return left, self.x_of(finish) + self.zoom.px_per_day

    def _visible_rows(self, rect: QRectF) -> range:
        first = max(0, int(rect.top() // self.row_height))
        last = min(len(self.rows), int(rect.bottom() // self.row_height) + 1)
        return range(first, last)

    # --- painting -------------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, exposed: QRectF | QRect) -> None:
        rect = QRectF(exposed)
        painter.fillRect(rect, QColor("white"))
        rows = self._visible_rows(rect)
        self._paint_days(painter, rect)
        if 0 <= self.selected_row < len(self.rows) and self.selected_row in rows:
            top = self.selected_row * self.row_height
            painter.fillRect(QRectF(rect.left(), top, rect.width(), self.row_height), SELECTED)
        self._paint_lines(painter, rect)
        self._paint_arrows(painter, rect, rows)
        for n in rows:
            self._paint_row(painter, n, rect)

    def _paint_days(self, painter: QPainter, rect: QRectF) -> None:
        ppd = self.zoom.px_per_day
        first = max(0, int(rect.left() // ppd))
        last = min(len(self._working), int(rect.right() // ppd) + 1)
        if ppd >= Zoom.WEEK.px_per_day:  # one rectangle per run of days off
            n = first
            while n < last:
                if self._working[n]:
                    n += 1
                    continue
                end = n
                while end < last and not self._working[end]:
                    end += 1
                painter.fillRect(
                    QRectF(n * ppd, rect.top(), (end - n) * ppd, rect.height()), NON_WORKING
                )
                n = end
        painter.setPen(QPen(GRID, 0))
        for n in range(first, last):
            day = self.origin + timedelta(days=n)
            if (
                (ppd >= Zoom.DAY.px_per_day)
                or (ppd >= Zoom.WEEK.px_per_day and day.weekday() == 0)
                or day.day == 1
            ):
                painter.drawLine(QPointF(n * ppd, rect.top()), QPointF(n * ppd, rect.bottom()))

    def _paint_lines(self, painter: QPainter, rect: QRectF) -> None:
        for day, colour in ((self.today, TODAY), (self.contract_signed_on, T_LINE)):
            if day is None:
                continue
            x = self.x_of(day) + (self.zoom.px_per_day / 2 if day == self.today else 0)
            if rect.left() <= x <= rect.right():
                painter.setPen(QPen(colour, 1.5, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))

    def _paint_arrows(self, painter: QPainter, rect: QRectF, rows: range) -> None:
        if not rows:
            return
        ppd, h = self.zoom.px_per_day, self.row_height
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(ARROW, 1))
        end = bisect_right(self._arrow_lows, rows.stop)
        for arrow in self._arrows[:end]:
            if arrow.high < rows.start:
                continue
            before, after = self.rows[arrow.from_row], self.rows[arrow.to_row]
            finish, start = self.dates_of(before)[1], self.dates_of(after)[0]
            if finish is None or start is None:
                continue
            x0 = (self._day_of(finish) + (0 if before.is_milestone else 1)) * ppd
            x1 = self._day_of(start) * ppd
            if max(x0, x1) + 12 < rect.left() or min(x0, x1) - 12 > rect.right():
                continue
            y0 = arrow.from_row * h + h / 2
            y1 = arrow.to_row * h + h / 2
            path = QPainterPath(QPointF(x0, y0))
            bend = x0 + 6
            if bend <= x1 - 4:
                path.lineTo(bend, y0)
                path.lineTo(bend, y1)
            else:
                between = y1 - h / 2 if y1 > y0 else y1 + h / 2
                path.lineTo(bend, y0)
                path.lineTo(bend, between)
                path.lineTo(x1 - 8, between)
                path.lineTo(x1 - 8, y1)
            path.lineTo(x1 - 1, y1)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(QBrush(ARROW))
            painter.drawPolygon(
                QPolygonF([QPointF(x1, y1), QPointF(x1 - 5, y1 - 3), QPointF(x1 - 5, y1 + 3)])
            )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_row(self, painter: QPainter, n: int, rect: QRectF) -> None:
        row = self.rows[n]
        span = self.bar_span(row)
        if span is None:
            return
        left, right = span
        top = n * self.row_height
        h = self.row_height
        if right + LABEL_WIDTH + 20 < rect.left() or left - 20 > rect.right():
            return  # (a row's label may reach into ``rect`` from a bar left of it)
        self._paint_baseline(painter, row, top)
        if row.is_milestone:
            self._paint_milestone(painter, row, left, top)
            label_x = left + h / 2
        elif row.is_summary:
            self._paint_summary(painter, left, right, top)
            label_x = right + 6
        else:
            self._paint_bar(painter, row, left, right, top)
            label_x = right + 6
        if self.zoom is not Zoom.MONTH or row.is_milestone or row.is_summary:
            painter.setPen(QPen(QColor("#303030")))
            text = row.name
            shown = self.dates_of(row)[0]
            if row.is_milestone and shown is not None:
                text = f"{row.name}  {shown.month}/{shown.day}"
            painter.drawText(
                QRectF(label_x, top, LABEL_WIDTH, h),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                text,
            )

    def _paint_baseline(self, painter: QPainter, row: GanttRow, top: float) -> None:
        if row.baseline_start_on is None or row.baseline_finish_on is None:
            return
        if (row.baseline_start_on, row.baseline_finish_on) == (row.start_on, row.finish_on):
            return
        left = self.x_of(row.baseline_start_on)
        right = self.x_of(row.baseline_finish_on) + self.zoom.px_per_day
        painter.fillRect(
            QRectF(left, top + self.row_height - 6, max(2.0, right - left), 3), BASELINE
        )

    def _paint_bar(
        self, painter: QPainter, row: GanttRow, left: float, right: float, top: float
    ) -> None:
        h = self.row_height
        bar = QRectF(left, top + h * 0.22, max(2.0, right - left), h * 0.5)
        fill, done = (CRITICAL, CRITICAL_DONE) if row.critical else (BAR, BAR_DONE)
        painter.fillRect(bar, fill)
        if row.percent_complete:
            progress = QRectF(bar)
            progress.setWidth(bar.width() * row.percent_complete / 100)
            progress.adjust(0, bar.height() * 0.3, 0, -bar.height() * 0.3)
            painter.fillRect(progress, done)

    def _paint_summary(self, painter: QPainter, left: float, right: float, top: float) -> None:
        h = self.row_height
        y = top + h * 0.3
        painter.fillRect(QRectF(left, y, max(2.0, right - left), h * 0.18), SUMMARY)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(SUMMARY))
        for x in (left, right):
            painter.drawPolygon(
                QPolygonF([QPointF(x - 4, y), QPointF(x + 4, y), QPointF(x, y + h * 0.45)])
            )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_milestone(self, painter: QPainter, row: GanttRow, x: float, top: float) -> None:
        h = self.row_height
        r = h * 0.3
        cy = top + h / 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(CRITICAL if row.critical else SUMMARY))
        painter.drawPolygon(
            QPolygonF(
                [QPointF(x, cy - r), QPointF(x + r, cy), QPointF(x, cy + r), QPointF(x - r, cy)]
            )
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def drawForeground(self, painter: QPainter, _exposed: QRectF | QRect) -> None:
        preview = self.preview
        if preview is None:
            return
        top = preview.row * self.row_height
        left = self.x_of(preview.start_on)
        right = self.x_of(preview.finish_on) + self.zoom.px_per_day
        painter.setPen(QPen(QColor("#202020"), 1, Qt.PenStyle.DashLine))
        painter.setBrush(QBrush(QColor(74, 134, 197, 90)))
        painter.drawRect(QRectF(left, top + 3, max(4.0, right - left), self.row_height - 6))
        label = translate("Gantt", "{start} – {finish}, {days} working days").format(
            start=_short_date(preview.start_on),
            finish=_short_date(preview.finish_on),
            days=self.calendar.working_days(preview.start_on, preview.finish_on),
        )
        painter.setPen(QPen(QColor("#202020")))
        above = top - self.row_height if preview.row else top + self.row_height
        painter.drawText(
            QRectF(right + 8, above, 400, self.row_height),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            label,
        )

    # --- dragging -------------------------------------------------------------------------

    def _hit(self, pos: QPointF) -> tuple[int, bool] | None:
        """The row of a draggable bar under ``pos`` and whether it is its right end."""
        n = int(pos.y() // self.row_height)
        if not 0 <= n < len(self.rows):
            return None
        row = self.rows[n]
        span = self.bar_span(row)
        if span is None or row.is_summary:
            return None
        left, right = span
        if row.is_milestone:
            left, right = left - self.row_height * 0.35, right + self.row_height * 0.35
        if not left - 2 <= pos.x() <= right + 2:
            return None
        return n, (not row.is_milestone and abs(pos.x() - right) <= HANDLE)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = self.mapToScene(event.position().toPoint())
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        n = int(pos.y() // self.row_height)
        if 0 <= n < len(self.rows):
            self.rowClicked.emit(n)
        hit = self._hit(pos) if self.editable else None
        if hit is not None:
            self._press = (hit[0], pos.x(), hit[1])
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = self.mapToScene(event.position().toPoint())
        if self._press is None:
            hit = self._hit(pos) if self.editable else None
            cursor = (
                Qt.CursorShape.ArrowCursor
                if hit is None
                else Qt.CursorShape.SizeHorCursor
                if hit[1]
                else Qt.CursorShape.OpenHandCursor
            )
            self.viewport().setCursor(cursor)
            return
        n, x0, resizing = self._press
        row = self.rows[n]
        assert row.start_on is not None
        assert row.finish_on is not None
        shift = round((pos.x() - x0) / self.zoom.px_per_day)
        before = self.preview
        if resizing:
            finish = max(row.start_on, row.finish_on + timedelta(days=shift))
            self.preview = Preview(n, row.start_on, finish, True)
        else:
            delta = timedelta(days=shift)
            self.preview = Preview(n, row.start_on + delta, row.finish_on + delta, False)
        if self.preview != before:
            self.dragChanged.emit(row.id, finish if resizing else self.preview.start_on, resizing)
        self.viewport().setCursor(
            Qt.CursorShape.SizeHorCursor if resizing else Qt.CursorShape.ClosedHandCursor
        )
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, preview = self._press, self.preview
        self._press, self.preview, self.preview_dates = None, None, None
        self.viewport().update()
        if press is None or preview is None:
            super().mouseReleaseEvent(event)
            return
        row = self.rows[press[0]]
        if preview.resizing:
            if preview.finish_on != row.finish_on:
                self.taskResized.emit(row.id, preview.finish_on)
        elif preview.start_on != row.start_on:
            self.taskMoved.emit(row.id, preview.start_on)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            order = list(Zoom)
            step = -1 if event.angleDelta().y() > 0 else 1
            at = min(len(order) - 1, max(0, order.index(self.zoom) + step))
            self.set_zoom(order[at])
            event.accept()
            return
        super().wheelEvent(event)


def _short_date(day: date) -> str:
    return translate("Gantt", "{month}/{day}").format(month=day.month, day=day.day)


class GanttHeader(QWidget):
    """The time scale above the chart, following its horizontal scroll and zoom."""

    def __init__(self, view: GanttView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ganttHeader")
        self._view = view
        view.horizontalScrollBar().valueChanged.connect(self.update)
        self.setMinimumHeight(36)

    def paintEvent(self, _event: QPaintEvent) -> None:
        view = self._view
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        ppd = view.zoom.px_per_day
        offset = view.horizontalScrollBar().value()
        half = self.height() / 2
        first = max(0, int(offset // ppd))
        last = min(view.days, int((offset + self.width()) // ppd) + 1)
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawLine(0, int(half), self.width(), int(half))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        for top_label, start, span in _header_spans(view, first, last, upper=True):
            self._cell(painter, QRectF(start * ppd - offset, 0, span * ppd, half), top_label)
        for label, start, span in _header_spans(view, first, last, upper=False):
            self._cell(painter, QRectF(start * ppd - offset, half, span * ppd, half), label)
        t = view.contract_signed_on
        if t is not None:
            x = view.x_of(t) - offset
            painter.setPen(QPen(T_LINE, 2))
            painter.drawLine(int(x), int(half), int(x), self.height())
        painter.end()

    def _cell(self, painter: QPainter, cell: QRectF, text: str) -> None:
        x, y, width, height = cell.x(), cell.y(), cell.width(), cell.height()
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawLine(QPointF(x, y), QPointF(x, y + height))
        if width < painter.fontMetrics().horizontalAdvance(text) + 4:
            return
        painter.setPen(QPen(self.palette().windowText().color()))
        painter.drawText(
            QRectF(x + 3, y, width - 4, height),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            text,
        )


def _header_spans(
    view: GanttView, first: int, last: int, *, upper: bool
) -> list[tuple[str, int, int]]:
    """Labels of the scale's upper or lower band: (text, first day index, days)."""
    zoom = view.zoom
    spans: list[tuple[str, int, int]] = []
    key_of = _upper_key if upper else _lower_key
    day = first
    while day < last:
        when = view.origin + timedelta(days=day)
        key = key_of(zoom, when)
        end = day + 1
        while end < view.days and key_of(zoom, view.origin + timedelta(days=end)) == key:
            end += 1
        start = day
        while start > 0 and key_of(zoom, view.origin + timedelta(days=start - 1)) == key:
            start -= 1
        spans.append((_label(zoom, when, upper=upper), start, end - start))
        day = end
    return spans


def _upper_key(zoom: Zoom, day: date) -> tuple[int, ...]:
    return (day.year,) if zoom is Zoom.MONTH else (day.year, day.month)


def _lower_key(zoom: Zoom, day: date) -> tuple[int, ...]:
    if zoom is Zoom.DAY:
        return (day.toordinal(),)
    if zoom is Zoom.WEEK:
        return (day.toordinal() - day.weekday(),)
    return (day.year, day.month)


def _label(zoom: Zoom, day: date, *, upper: bool) -> str:
    if upper and zoom is Zoom.MONTH:
        return translate("Gantt", "{year}").format(year=day.year)
    if upper:
        return translate("Gantt", "{month}/{year}").format(month=day.month, year=day.year)
    if zoom is Zoom.DAY:
        return str(day.day)
    if zoom is Zoom.WEEK:
        monday = day - timedelta(days=day.weekday())
        return _short_date(monday)
    return translate("Gantt", "{month}").format(month=day.month)
