"""The project's working calendar: a year of month grids showing statutory holidays (休),
adjusted working weekends (调休, 班) and the project's own exceptions, and the list of those
exceptions. Closing the site on a day, working on one, or returning it to the statutory
calendar is an undoable command; the plan re-flows after each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.errors import PmError
from pm_desktop.core.work_calendar import (
    DayKind,
    WorkCalendar,
    announced,
    day_of_year,
    holiday_name,
)
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.formatting import weekday_name
from pm_desktop.ui.i18n import ui_language
from pm_desktop.ui.plan.commands import SetCalendarDayCommand
from pm_desktop.ui.plan.context import PlanContext
from pm_desktop.ui.style import ACCENT, ERROR, MUTED, SUCCESS, WARNING, scaled_font, section_title

if TYPE_CHECKING:
    from pm_desktop.services.plan import CalendarDay

translate = QCoreApplication.translate

MONTH_COLUMNS, MONTH_ROWS = 4, 3
WEEK_ROWS = 6
SITE_CLOSED = QColor("#3c4043")  # dark grey: the hatched project day off
HOLIDAY_BADGE = "休"
WORKDAY_BADGE = "班"

#: Asks for the reason of a change of ``day`` (closing the site when the flag is False);
#: returns None when the user cancels.
AskReason = Callable[[date, bool, str], str | None]


# --- how a day looks ------------------------------------------------------------------------


def kind_label(kind: DayKind) -> str:
    labels = {
        DayKind.WORKDAY: translate("PlanCalendar", "Working day"),
        DayKind.WEEKEND: translate("PlanCalendar", "Weekend"),
        DayKind.HOLIDAY: translate("PlanCalendar", "Statutory holiday (休)"),
        DayKind.ADJUSTED_WORKDAY: translate("PlanCalendar", "Weekend worked by law (调休, 班)"),
        DayKind.PROJECT_OFF: translate("PlanCalendar", "Site closed (project day off)"),
        DayKind.PROJECT_WORKED: translate("PlanCalendar", "Worked (project working day)"),
    }
    return labels[kind]


def legend_label(kind: DayKind) -> str:
    labels = {
        DayKind.WORKDAY: translate("PlanCalendar", "Working day"),
        DayKind.WEEKEND: translate("PlanCalendar", "Weekend"),
        DayKind.HOLIDAY: translate("PlanCalendar", "Statutory holiday"),
        DayKind.ADJUSTED_WORKDAY: translate("PlanCalendar", "Adjusted working day (调休)"),
        DayKind.PROJECT_OFF: translate("PlanCalendar", "Site closed"),
        DayKind.PROJECT_WORKED: translate("PlanCalendar", "Project working day"),
    }
    return labels[kind]


def _mix(a: QColor, b: QColor, share: float) -> QColor:
    """``a`` with ``share`` of ``b`` blended in."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * share,
        a.greenF() + (b.greenF() - a.greenF()) * share,
        a.blueF() + (b.blueF() - a.blueF()) * share,
    )


@dataclass(frozen=True, slots=True)
class DayLook:
    fill: QColor | None
    text: QColor
    badge: str = ""
    badge_color: QColor | None = None
    hatched: bool = False
    bold: bool = False


def day_look(kind: DayKind, palette: QPalette) -> DayLook:
    """Colours for a day of ``kind``, readable on the light and the dark palette."""
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    dark = base.lightness() < 128

    def strong(color: QColor) -> QColor:
        return color.lighter(170) if dark else color

    looks = {
        DayKind.WORKDAY: DayLook(None, text),
        DayKind.WEEKEND: DayLook(_mix(base, text, 0.09), _mix(text, base, 0.42)),
        DayKind.HOLIDAY: DayLook(
            _mix(base, ERROR, 0.16), strong(ERROR), HOLIDAY_BADGE, strong(ERROR), bold=True
        ),
        DayKind.ADJUSTED_WORKDAY: DayLook(
            _mix(base, WARNING, 0.13), text, WORKDAY_BADGE, strong(WARNING)
        ),
        DayKind.PROJECT_OFF: DayLook(SITE_CLOSED, QColor("#ffffff"), hatched=True, bold=True),
        DayKind.PROJECT_WORKED: DayLook(
            _mix(base, SUCCESS, 0.30), strong(SUCCESS.darker(125)), bold=True
        ),
    }
    return looks[kind]


def paint_day(
    painter: QPainter, rect: QRectF, number: str, look: DayLook, *, left_mark: bool = False
) -> None:
    """One day's cell: its fill (hatched for a closed site), number and badge; with
    ``left_mark``, room is left for a mark in the top left corner."""
    radius = min(rect.width(), rect.height()) * 0.14
    if look.fill is not None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.fill)
        painter.drawRoundedRect(rect, radius, radius)
    if look.hatched:
        painter.setBrush(QBrush(QColor(255, 255, 255, 70), Qt.BrushStyle.BDiagPattern))
        painter.drawRoundedRect(rect, radius, radius)
    font = QFont(painter.font())
    font.setPixelSize(max(7, round(min(rect.height() * 0.46, rect.width() * 0.36))))
    font.setBold(look.bold)
    painter.setFont(font)
    painter.setPen(look.text)
    number_rect = QRectF(rect)
    if look.badge or left_mark:
        number_rect.adjust(0, rect.height() * 0.14, 0, 0)
    if look.badge:
        number_rect.adjust(0, 0, -rect.width() * 0.16, 0)
    if left_mark:
        number_rect.adjust(rect.width() * 0.16, 0, 0, 0)
    painter.drawText(number_rect, Qt.AlignmentFlag.AlignCenter, number)
    if look.badge:
        badge = QFont(font)
        badge.setBold(False)
        badge.setPixelSize(max(7, round(rect.height() * 0.34)))
        painter.setFont(badge)
        painter.setPen(look.badge_color or look.text)
        corner = QRectF(rect.right() - rect.width() * 0.42, rect.top(), rect.width() * 0.4, 0)
        corner.setHeight(rect.height() * 0.5)
        painter.drawText(
            corner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, look.badge
        )


def paint_t_mark(painter: QPainter, rect: QRectF, look: DayLook) -> None:
    """A small T chip in the top left corner of the contract-signing day."""
    side = max(8.0, rect.height() * 0.36)
    chip = QRectF(rect.left() + 1, rect.top() + 1, side, side)
    on_dark = look.fill is not None and look.fill.lightness() < 128
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ffffff") if on_dark else ACCENT)
    painter.drawRoundedRect(chip, side * 0.25, side * 0.25)
    font = QFont(painter.font())
    font.setPixelSize(max(7, round(side * 0.8)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(ACCENT if on_dark else QColor("#ffffff"))
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, "T")


def outline(painter: QPainter, rect: QRectF, color: QColor, width: float) -> None:
    radius = min(rect.width(), rect.height()) * 0.14
    painter.setPen(QPen(color, width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = width / 2
    painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), radius, radius)


# --- the year view --------------------------------------------------------------------------


class YearView(QWidget):
    """Twelve month grids (Monday first) painted in one widget. Clicking or the arrow keys
    move the current day; Enter, the menu key or a right click ask for the day's menu."""

    currentDayChanged = Signal(object)  # date (it may be in another year: the owner follows)
    menuRequested = Signal(QPoint)  # where to show the menu, in global coordinates
    removeRequested = Signal()  # Delete on the current day

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarYearView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Year calendar"))
        self.describe: Callable[[date], str] = lambda day: day.isoformat()
        self.year = date.today().year
        self.current = date(self.year, 1, 1)
        self.today = date.today()
        self.t_day: date | None = None
        self._calendar = WorkCalendar()
        self._kinds: list[DayKind] = []
        self._cells: dict[date, QRectF] = {}
        self._months: list[QRectF] = []
        self._working: list[int] = [0] * 12

    # --- data ---------------------------------------------------------------------------

    def set_year(self, year: int, calendar: WorkCalendar, today: date, t_day: date | None) -> None:
        """Show ``year`` of ``calendar``."""
        self.year, self._calendar, self.today, self.t_day = year, calendar, today, t_day
        first = date(year, 1, 1)
        days = (date(year + 1, 1, 1) - first).days
        self._kinds = [calendar.kind(first + timedelta(days=n)) for n in range(days)]
        self._working = [
            calendar.working_days(date(year, m, 1), _month_end(year, m)) for m in range(1, 13)
        ]
        self._layout()
        self.update()

    def kind(self, day: date) -> DayKind:
        if day.year == self.year and self._kinds:
            return self._kinds[day_of_year(day)]
        return self._calendar.kind(day)

    def set_current(self, day: date) -> None:
        if day != self.current:
            self.current = day
            self.update()

    def cell_rect(self, day: date) -> QRectF:
        """Where ``day`` is drawn (empty when it is not in the year shown)."""
        return self._cells.get(day, QRectF())

    def day_at(self, pos: QPointF | QPoint) -> date | None:
        point = QPointF(pos)
        for month, block in enumerate(self._months, start=1):
            if block.contains(point):
                return next(
                    (d for d, r in self._cells.items() if d.month == month and r.contains(point)),
                    None,
                )
        return None

    # --- geometry -----------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(900, 640)

    def minimumSizeHint(self) -> QSize:
        return QSize(520, 400)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout()

    def _header_heights(self) -> tuple[float, float]:
        line = self.fontMetrics().height()
        return line * 1.7, line * 1.35

    def _layout(self) -> None:
        """Place the months and their days' cells for the current size."""
        margin, gap_x, gap_y = 6.0, 18.0, 10.0
        width = (self.width() - 2 * margin - gap_x * (MONTH_COLUMNS - 1)) / MONTH_COLUMNS
        height = (self.height() - 2 * margin - gap_y * (MONTH_ROWS - 1)) / MONTH_ROWS
        title, header = self._header_heights()
        cell_w, cell_h = width / 7, max(1.0, (height - title - header) / WEEK_ROWS)
        self._months, self._cells = [], {}
        for month in range(1, 13):
            column, row = (month - 1) % MONTH_COLUMNS, (month - 1) // MONTH_COLUMNS
            left = margin + column * (width + gap_x)
            top = margin + row * (height + gap_y)
            self._months.append(QRectF(left, top, width, height))
            first = date(self.year, month, 1)
            offset = first.weekday()
            for n in range(_month_end(self.year, month).day):
                slot = offset + n
                x = left + (slot % 7) * cell_w
                y = top + title + header + (slot // 7) * cell_h
                self._cells[first + timedelta(days=n)] = QRectF(
                    x + 1, y + 1, cell_w - 2, cell_h - 2
                )

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        looks = {kind: day_look(kind, palette) for kind in DayKind}
        for month, block in enumerate(self._months, start=1):
            if block.intersects(QRectF(event.rect())):
                self._paint_month(painter, month, block, looks)
        painter.end()

    def _paint_month(
        self, painter: QPainter, month: int, block: QRectF, looks: dict[DayKind, DayLook]
    ) -> None:
        title_h, header_h = self._header_heights()
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = _mix(text, palette.color(QPalette.ColorRole.Base), 0.45)
        title_rect = QRectF(block.left() + 2, block.top(), block.width() - 4, title_h)
        painter.setFont(scaled_font(self, 1.1, bold=True))
        painter.setPen(text)
        name = QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat)
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(title_rect, align | Qt.AlignmentFlag.AlignLeft, name)
        painter.setFont(scaled_font(self, 0.85))
        painter.setPen(muted)
        count = self.tr("%n working day(s)", "", self._working[month - 1])
        painter.drawText(title_rect, align | Qt.AlignmentFlag.AlignRight, count)
        cell_w = block.width() / 7
        for column in range(7):
            rect = QRectF(block.left() + column * cell_w, block.top() + title_h, cell_w, header_h)
            painter.setPen(muted if column >= 5 else text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, narrow_day_name(column + 1))
        first = date(self.year, month, 1)
        for n in range(_month_end(self.year, month).day):
            day = first + timedelta(days=n)
            self._paint_cell(painter, day, looks[self._kinds[day_of_year(day)]])

    def _paint_cell(self, painter: QPainter, day: date, look: DayLook) -> None:
        rect = self._cells[day]
        if day == self.current and self.isEnabled():
            look = self._selected_look(look)
        paint_day(painter, rect, str(day.day), look, left_mark=day == self.t_day)
        if day == self.t_day:
            paint_t_mark(painter, rect, look)
        if day == self.today:
            outline(painter, rect, ACCENT, 2.0)

    def _selected_look(self, look: DayLook) -> DayLook:
        """The current day: filled with the selection colour (paler without focus)."""
        palette = self.palette()
        fill = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.HighlightedText)
        if not self.hasFocus():
            fill = _mix(fill, palette.color(QPalette.ColorRole.Base), 0.55)
            text = palette.color(QPalette.ColorRole.Text)
        return DayLook(fill, text, look.badge, text, look.hatched, look.bold)

    # --- interaction --------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(event.pos())
            if day is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(
                    event.globalPos(), self.describe(day), self, self.cell_rect(day).toRect()
                )
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position())
        if day is not None:
            self._move_to(day)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.menuRequested.emit(event.globalPosition().toPoint())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            day = self.day_at(event.pos())
            if day is None:
                return
            self._move_to(day)
            self.menuRequested.emit(event.globalPos())
        else:
            self.request_menu()

    def request_menu(self) -> None:
        """Ask for the current day's menu, under its cell."""
        rect = self.cell_rect(self.current)
        self.menuRequested.emit(self.mapToGlobal(rect.bottomLeft().toPoint()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        steps: dict[Qt.Key, int] = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        if key in steps:
            self._move_to(self.current + timedelta(days=steps[key]))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._move_to(_add_months(self.current, -1 if key == Qt.Key.Key_PageUp else 1))
        elif key == Qt.Key.Key_Home:
            self._move_to(self.today)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.request_menu()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.removeRequested.emit()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def _move_to(self, day: date) -> None:
        changed = day != self.current
        self.set_current(day)
        if changed:
            self.currentDayChanged.emit(day)


def narrow_day_name(weekday: int) -> str:
    """``一`` or ``M`` for Monday (1) in the UI language (the C locale has only digits)."""
    name = QLocale().dayName(weekday, QLocale.FormatType.NarrowFormat)
    if name.isdigit():
        name = QLocale(QLocale.Language.English).dayName(weekday, QLocale.FormatType.ShortFormat)
    return name


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, _month_end(year, month + 1).day))


# --- the tab --------------------------------------------------------------------------------


class CalendarTab(QWidget):
    """The Working Calendar tab of the Plan workspace.

    ``reload()`` reads the project's calendar again (after every command and on a change of
    project). ``ask_reason`` asks for the reason of a change; tests replace it.
    """

    selectedDayChanged = Signal(object)  # date

    def __init__(self, context: PlanContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planCalendarTab")
        self._ctx = context
        self._project_id = ""
        self._calendar = WorkCalendar()
        self._days: list[CalendarDay] = []
        self._t_day: date | None = None
        self.ask_reason: AskReason = self._prompt_reason
        today = context.today()
        self._year = today.year
        self.view = YearView()
        self.view.describe = self.describe_day
        self.view.current = today
        self._build_actions()
        self._build_bar()
        self._build_side()
        self._build_legend()
        self.view.currentDayChanged.connect(self._view_moved)
        self.view.menuRequested.connect(self._show_menu)
        self.view.removeRequested.connect(self.back_to_statutory)

        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 380])
        splitter.setChildrenCollapsible(False)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(self._bar)
        body.addWidget(splitter, 1)
        body.addLayout(self._legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.body, 1)
        self._show()

    # --- construction -------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.close_action = QAction(self.tr("Close the site on this day…"), self)
        self.close_action.setObjectName("calendarCloseSite")
        self.close_action.setToolTip(
            self.tr("No work on site this day: the plan moves its tasks to later days.")
        )
        self.close_action.triggered.connect(lambda _checked=False: self.close_site())
        self.work_action = QAction(self.tr("Work on this day…"), self)
        self.work_action.setObjectName("calendarWorkDay")
        self.work_action.setToolTip(self.tr("The team works this day although it is a day off."))
        self.work_action.triggered.connect(lambda _checked=False: self.work_on())
        self.statutory_action = QAction(self.tr("Back to the statutory calendar"), self)
        self.statutory_action.setObjectName("calendarStatutory")
        self.statutory_action.setToolTip(
            self.tr("Remove the project's exception: the day is as the law says (Delete).")
        )
        self.statutory_action.triggered.connect(lambda _checked=False: self.back_to_statutory())
        self.menu = QMenu(self)
        self.menu.setObjectName("calendarMenu")
        for action in self._actions():
            self.menu.addAction(action)

    def _actions(self) -> tuple[QAction, QAction, QAction]:
        return self.close_action, self.work_action, self.statutory_action

    def _build_bar(self) -> None:
        self.previous_year = QToolButton()
        self.previous_year.setObjectName("calendarPreviousYear")
        self.previous_year.setText("◀")
        self.previous_year.setToolTip(self.tr("Previous year"))
        self.previous_year.clicked.connect(lambda: self.set_year(self._year - 1))
        self.next_year = QToolButton()
        self.next_year.setObjectName("calendarNextYear")
        self.next_year.setText("▶")
        self.next_year.setToolTip(self.tr("Next year"))
        self.next_year.clicked.connect(lambda: self.set_year(self._year + 1))
        self.year_label = QLabel()
        self.year_label.setObjectName("calendarYear")
        self.year_label.setFont(scaled_font(self.year_label, 1.4, bold=True))
        self.year_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.year_label.setMinimumWidth(self.year_label.fontMetrics().horizontalAdvance("00000"))
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setObjectName("calendarToday")
        self.today_button.clicked.connect(lambda: self.select_day(self._ctx.today()))
        self.summary = QLabel()
        self.summary.setObjectName("calendarSummary")
        self.summary.setStyleSheet(f"color: {MUTED.name()};")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 0, 6, 0)
        bar.addWidget(self.previous_year)
        bar.addWidget(self.year_label)
        bar.addWidget(self.next_year)
        bar.addSpacing(8)
        bar.addWidget(self.today_button)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        self._bar = bar
        self.hint = QLabel(self.tr("Choose a project to see and change its working calendar."))
        self.hint.setObjectName("calendarHint")
        self.hint.setStyleSheet(f"color: {MUTED.name()}; padding: 4px 6px;")

    def _build_side(self) -> None:
        self.day_heading = QLabel()
        self.day_heading.setObjectName("calendarDayHeading")
        self.day_heading.setFont(scaled_font(self.day_heading, 1.25, bold=True))
        self.day_facts = QLabel()
        self.day_facts.setObjectName("calendarDayFacts")
        self.day_facts.setWordWrap(True)
        self.day_facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons: list[QPushButton] = []
        for action in self._actions():
            button = QPushButton(action.text())
            button.setObjectName(action.objectName() + "Button")
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            self.buttons.append(button)
        self.error = QLabel()
        self.error.setObjectName("calendarError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR.name()};")
        self.error.hide()
        self._build_exceptions()
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(8, 0, 6, 0)
        layout.addWidget(section_title(self.tr("Selected day")))
        layout.addWidget(self.day_heading)
        layout.addWidget(self.day_facts)
        for button in self.buttons:
            layout.addWidget(button)
        layout.addWidget(self.error)
        layout.addSpacing(10)
        layout.addWidget(section_title(self.tr("The project's exceptions")))
        layout.addWidget(self.exceptions, 1)
        side.setMinimumWidth(330)
        self.side = side

    def _build_exceptions(self) -> None:
        tree = QTreeWidget()
        tree.setObjectName("calendarExceptions")
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setHeaderLabels(
            [self.tr("Date"), self.tr("Weekday"), self.tr("Status"), self.tr("Reason")]
        )
        header = tree.header()
        header.setStretchLastSection(True)
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        tree.currentItemChanged.connect(self._exception_chosen)
        tree.installEventFilter(self)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(
            lambda pos: self._show_menu(tree.viewport().mapToGlobal(pos))
        )
        self.exceptions = tree

    def _build_legend(self) -> None:
        legend = QGridLayout()  # two rows: the tab must fit a 1280-pixel screen
        legend.setContentsMargins(6, 4, 6, 2)
        legend.setHorizontalSpacing(6)
        entries = [(self._swatch(kind), legend_label(kind)) for kind in DayKind]
        entries.append((self._swatch(DayKind.WORKDAY, today=True), self.tr("Today")))
        entries.append((self._swatch(DayKind.WORKDAY, t_mark=True), self.tr("T: contract signed")))
        per_row = (len(entries) + 1) // 2
        for n, (swatch, text) in enumerate(entries):
            row, column = divmod(n, per_row)
            legend.addWidget(swatch, row, 2 * column)
            legend.addWidget(QLabel(text), row, 2 * column + 1)
        legend.setColumnStretch(2 * per_row, 1)
        self._legend = legend

    def _swatch(self, kind: DayKind, *, today: bool = False, t_mark: bool = False) -> QLabel:
        """A small day cell of ``kind`` for the legend, drawn as the year view draws it."""
        size, ratio = QSize(30, 22), self.devicePixelRatioF()
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        rect = QRectF(0.5, 0.5, size.width() - 1, size.height() - 1)
        look = day_look(kind, self.palette())
        if look.fill is None:  # a plain working day: a faint frame shows the cell
            base = self.palette().color(QPalette.ColorRole.Base)
            outline(painter, rect, _mix(look.text, base, 0.75), 1.0)
        paint_day(painter, rect, "8", look, left_mark=t_mark)
        if t_mark:
            paint_t_mark(painter, rect, look)
        if today:
            outline(painter, rect, ACCENT, 2.0)
        painter.end()
        label = QLabel()
        label.setPixmap(pixmap)
        return label

    # --- showing ------------------------------------------------------------------------

    @property
    def year(self) -> int:
        return self._year

    @property
    def selected_day(self) -> date:
        return self.view.current

    @property
    def calendar(self) -> WorkCalendar:
        return self._calendar

    def kind(self, day: date) -> DayKind:
        """What ``day`` is in the calendar shown."""
        return self._calendar.kind(day)

    def reload(self) -> None:
        """Read the project's calendar again; on a new project, show T's year."""
        if not self._ctx.ready:
            return
        project_id = self._ctx.project_id
        if project_id:
            service = self._ctx.service()
            self._calendar = service.calendar(project_id)
            self._days = service.calendar_days(project_id)
            self._t_day = self._ctx.services().projects.get(project_id).contract_signed_on
        else:
            self._calendar, self._days, self._t_day = WorkCalendar(), [], None
        if project_id != self._project_id:
            self._project_id = project_id
            self._start_over()
        self._show()

    def _start_over(self) -> None:
        """A new project: its T's year (today's without T), on today or T."""
        today = self._ctx.today()
        self._year = (self._t_day or today).year
        self.view.current = today if today.year == self._year else (self._t_day or today)
        self.error.hide()

    def set_year(self, year: int) -> None:
        """Show ``year``, on the same day and month."""
        day = self.view.current
        self._year = year
        if day.year != year:
            self.view.current = _add_months(day, (year - day.year) * 12)
        self._show()
        self.selectedDayChanged.emit(self.view.current)

    def select_day(self, day: date) -> None:
        """Make ``day`` the selected day, showing its year."""
        self.view.current = day
        self._year = day.year
        self._show()
        self.selectedDayChanged.emit(day)

    def _show(self) -> None:
        has_project = bool(self._project_id) and self._ctx.ready
        self.hint.setVisible(not has_project)
        self.body.setEnabled(has_project)
        self.year_label.setText(str(self._year))
        self.view.set_year(self._year, self._calendar, self._ctx.today(), self._t_day)
        self._show_summary()
        self._fill_exceptions()
        self._show_day()

    def _show_summary(self) -> None:
        year = self._year
        span = (date(year, 1, 1), date(year, 12, 31))
        working = self._calendar.working_days(*span)
        estimated = (
            ""
            if announced(year)
            else " · "
            + self.tr(
                "the holidays of {year} are not announced yet: these days are an estimate"
            ).format(year=year)
        )
        colour = MUTED if announced(year) else WARNING
        self.summary.setStyleSheet(f"color: {colour.name()};")
        if not self._project_id:
            text = self.tr("{year}: %n working day(s) by the statutory calendar", "", working)
            self.summary.setText(text.format(year=year) + estimated)
            return
        statutory = WorkCalendar().working_days(*span)
        this_year = sum(1 for d in self._days if d.on_date.year == year)
        text = self.tr("{year}: %n working day(s) for this project", "", working).format(year=year)
        text += self.tr(" (statutory: {count})").format(count=statutory)
        if not self._days:
            text += " · " + self.tr("no exceptions")
        else:
            text += " · " + self.tr("%n exception(s)", "", len(self._days))
            if this_year != len(self._days):
                text += self.tr(", {count} in {year}").format(count=this_year, year=year)
        self.summary.setText(text + estimated)

    def _fill_exceptions(self) -> None:
        tree = self.exceptions
        tree.blockSignals(True)
        tree.clear()
        for day in self._days:
            item = QTreeWidgetItem(
                [
                    day.on_date.isoformat(),
                    weekday_name(day.on_date),
                    self.tr("Worked") if day.is_working else self.tr("Site closed"),
                    day.reason,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, day.on_date)
            item.setForeground(2, SUCCESS if day.is_working else ERROR)
            item.setToolTip(3, day.reason)
            tree.addTopLevelItem(item)
        tree.blockSignals(False)

    def _show_day(self) -> None:
        """The side panel, the actions and the list's row for the selected day."""
        day = self.view.current
        self.day_heading.setText(f"{day.isoformat()}  {weekday_name(day)}")
        self.day_facts.setText(self._facts(day))
        self.view.setAccessibleDescription(self.describe_day(day))
        kind, exception = self._calendar.kind(day), self._calendar.exception(day)
        enabled = (kind.is_working, not kind.is_working, exception is not None)
        for action, button, on in zip(self._actions(), self.buttons, enabled, strict=True):
            action.setEnabled(on)
            button.setEnabled(on)
        self._select_row(day)

    def _select_row(self, day: date) -> None:
        tree = self.exceptions
        tree.blockSignals(True)
        found = None
        for row in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == day:
                found = item
        if found is None:
            tree.setCurrentIndex(QModelIndex())
            tree.clearSelection()
        else:
            tree.setCurrentItem(found)
            tree.scrollToItem(found)
        tree.blockSignals(False)

    def _facts(self, day: date) -> str:
        """The kind of ``day``, its holiday's name and the project's reason, one a line."""
        lines = [kind_label(self._calendar.kind(day))]
        name = holiday_name(day, ui_language())
        if name:
            lines.append(name)
        exception = self._calendar.exception(day)
        if exception is not None:
            statutory = WorkCalendar().kind(day)
            lines.append(self.tr("By law: {kind}").format(kind=kind_label(statutory)))
            reason = self._reason(day)
            if reason:
                lines.append(self.tr("Reason: {reason}").format(reason=reason))
        if day == self._t_day:
            lines.append(self.tr("T: the contract was signed"))
        return "\n".join(lines)

    def describe_day(self, day: date) -> str:
        """The tooltip of a day: its date and weekday, then its facts."""
        return f"{day.isoformat()} {weekday_name(day)}\n{self._facts(day)}"

    def _reason(self, day: date) -> str:
        return next((d.reason for d in self._days if d.on_date == day), "")

    # --- following the user -------------------------------------------------------------

    def _view_moved(self, day: date) -> None:
        if day.year != self._year:
            self._year = day.year
            self.year_label.setText(str(day.year))
            self.view.set_year(day.year, self._calendar, self._ctx.today(), self._t_day)
            self._show_summary()
        self._show_day()
        self.selectedDayChanged.emit(day)

    def _exception_chosen(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is not None:
            day = item.data(0, Qt.ItemDataRole.UserRole)
            if isinstance(day, date) and day != self.view.current:
                self.select_day(day)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete in the exceptions list returns the day to the statutory calendar."""
        if (
            watched is self.exceptions
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.back_to_statutory()
            return True
        return super().eventFilter(watched, event)

    def _show_menu(self, where: QPoint) -> None:
        if self.body.isEnabled():
            self.menu.popup(where)

    # --- edits --------------------------------------------------------------------------

    def close_site(self, day: date | None = None) -> PmError | None:
        """Make ``day`` (the selected day) a day off for the project, asking why."""
        return self._change(day, False)

    def work_on(self, day: date | None = None) -> PmError | None:
        """Make ``day`` (the selected day) a working day for the project, asking why."""
        return self._change(day, True)

    def back_to_statutory(self, day: date | None = None) -> PmError | None:
        """Remove the project's exception on ``day`` (the selected day)."""
        day = day or self.view.current
        if self._calendar.exception(day) is None:
            return None
        return self._push(day, None, "")

    def _change(self, day: date | None, working: bool) -> PmError | None:
        if not self._project_id:
            return None
        day = day or self.view.current
        reason = self.ask_reason(day, working, self._reason(day))
        if reason is None:
            return None
        return self._push(day, working, reason)

    def _push(self, day: date, working: bool | None, reason: str) -> PmError | None:
        if not self._project_id:
            return None
        command = SetCalendarDayCommand(
            self._ctx.service(),
            self._project_id,
            day,
            working,
            reason=reason,
            done=self._ctx.done,
        )
        error = self._ctx.push(command)
        self.error.setText("" if error is None else describe_error(error))
        self.error.setVisible(error is not None)
        if error is None:
            self.view.setFocus()
        return error

    def _prompt_reason(self, day: date, working: bool, current: str) -> str | None:
        if working:
            title = self.tr("Work on this day")
            label = self.tr("Why does the team work on {date} ({weekday})? (optional)")
        else:
            title = self.tr("Close the site")
            label = self.tr("Why is the site closed on {date} ({weekday})? (optional)")
        label = label.format(date=day.isoformat(), weekday=weekday_name(day))
        text, ok = QInputDialog.getText(self, title, label, text=current)
        return text.strip() if ok else None
