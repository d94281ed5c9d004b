"""The power/interest (Mendelow) map: one card per stakeholder on a 5x5 grid.

Interest runs left to right (1 to 5), power bottom to top (1 to 5); a thick line between 3 and 4
on each axis marks the four quadrants. Cards are laid out in a small grid inside their cell; the
cells are as large as the busiest one needs, so nothing overlaps even with 500 stakeholders.

A card dragged to another cell (or moved with the arrow keys) is *not* moved by the view: the
view puts it back and emits :attr:`StakeholderMapView.cardMoved`; the workspace runs an undoable
command and then calls :meth:`StakeholderMapView.update_record`.

:class:`StakeholderCard` and :class:`CardCanvas` (selection, zoom, export) are shared with the
org chart.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmapCache,
    QResizeEvent,
    QShowEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from pm_desktop.core.enums import Attitude, RoleClass
from pm_desktop.core.stakeholders import (
    HIGH_FROM,
    SCALE_MAX,
    SCALE_MIN,
    Quadrant,
    StakeholderRecord,
    clamp_scale,
)
from pm_desktop.ui.stakeholders.labels import (
    attitude_colour,
    attitude_label,
    interest_axis_label,
    power_axis_label,
    quadrant_label,
    role_badge,
    role_class_label,
)

translate = QCoreApplication.translate

__all__ = ["CardCanvas", "CardStyle", "MapGeometry", "StakeholderCard", "StakeholderMapView"]

TEXT_COLOUR = QColor("#1a1a1a")
DETAIL_COLOUR = QColor("#3c3c3c")
SELECTED_COLOUR = QColor("#1565c0")
BADGE_COLOURS = {RoleClass.ONE_W: QColor("#a31515"), RoleClass.STRONG_C: QColor("#1d4f91")}
# Below this scale a card is drawn without text (it would be unreadable): an overview.
TEXT_FROM_SCALE = 0.45
MIN_ZOOM, MAX_ZOOM = 0.05, 4.0
# fit_all() never enlarges beyond this: a small map stays at its natural size.
MAX_FIT_ZOOM = 1.25
# Fitting never shrinks below this, where names are still readable; the view then scrolls.
MIN_FIT_ZOOM = 0.55
# An exported image is scaled down to stay under this many pixels (4 bytes each).
MAX_EXPORT_PIXELS = 40_000_000
# Card caches for 500 stakeholders on a HiDPI screen need more than QPixmapCache's 10 MB default.
PIXMAP_CACHE_KB = 64 * 1024


class CardStyle:
    """Fonts and sizes of a card, from the view's font: Chinese names fit, the rest is elided."""

    def __init__(self, base: QFont) -> None:
        self.name_font = QFont(base)
        self.name_font.setBold(True)
        self.detail_font = QFont(base)
        self.badge_font = QFont(base)
        self.badge_font.setBold(True)
        if base.pointSizeF() > 0:
            self.detail_font.setPointSizeF(base.pointSizeF() * 0.9)
            self.badge_font.setPointSizeF(base.pointSizeF() * 0.8)
        else:
            self.detail_font.setPixelSize(max(8, round(base.pixelSize() * 0.9)))
            self.badge_font.setPixelSize(max(7, round(base.pixelSize() * 0.8)))
        self.name_metrics = QFontMetricsF(self.name_font)
        self.detail_metrics = QFontMetricsF(self.detail_font)
        self.badge_metrics = QFontMetricsF(self.badge_font)
        em = self.name_metrics.horizontalAdvance("国")
        self.padding = round(em * 0.45)
        self.radius = round(em * 0.45)
        self.width = float(round(em * 10.5) + 2 * self.padding)
        self.name_height = math.ceil(self.name_metrics.height())
        self.detail_height = math.ceil(self.detail_metrics.height())
        self.height = float(self.name_height + self.detail_height + 2 * self.padding + 2)
        self.badge_height = math.ceil(self.badge_metrics.height()) + 2
        # Set while exporting: cards are drawn without their selection frame.
        self.exporting = False

    def badge_width(self, text: str) -> float:
        return math.ceil(self.badge_metrics.horizontalAdvance(text)) + self.badge_height * 0.9


def tooltip_html(record: StakeholderRecord) -> str:
    """Everything a card abbreviates, as rich text (names are escaped)."""
    lines = [f"<b>{html.escape(record.name)}</b>"]
    if role_badge(record.role_class):
        lines[0] += " · " + html.escape(role_class_label(record.role_class))
    detail = " · ".join(part for part in (record.title, record.organisation) if part)
    if detail:
        lines.append(html.escape(detail))
    lines.append(
        html.escape(
            translate("StakeholderMap", "Attitude: {attitude}").format(
                attitude=attitude_label(record.attitude)
            )
        )
    )
    lines.append(
        html.escape(
            translate("StakeholderMap", "Power: {power} · Interest: {interest}").format(
                power=record.power, interest=record.interest
            )
        )
    )
    open_demands = len(record.open_demands)
    if open_demands:
        lines.append(
            html.escape(
                translate("StakeholderMap", "Open demands: {count}").format(count=open_demands)
            )
        )
    return "<br>".join(lines)


class StakeholderCard(QGraphicsItem):
    """A stakeholder's card: attitude colour, bold name, title and organisation, 1W/strong-C badge.

    The item's origin is the card's top-left corner. Painting is cached in device coordinates, so
    moving a card or repainting the view does not redraw its text.
    """

    def __init__(self, record: StakeholderRecord, style: CardStyle) -> None:
        super().__init__()
        self._style = style
        self._selected = False
        self.record = record
        self._name = ""
        self._detail = ""
        self._badge = ""
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.set_record(record)

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def name_text(self) -> str:
        """The name as shown (elided when it does not fit)."""
        return self._name

    @property
    def detail_text(self) -> str:
        """Title and organisation as shown (elided when they do not fit)."""
        return self._detail

    @property
    def badge(self) -> str:
        """The badge's text: "1W", "Strong-C" (translated) or ""."""
        return self._badge

    def name_room(self) -> float:
        """The width the name may take beside the badge."""
        style = self._style
        inner = style.width - 2 * style.padding
        return inner - (style.badge_width(self._badge) + 4 if self._badge else 0)

    def set_record(self, record: StakeholderRecord) -> None:
        """Show ``record``: texts elided to the card's width, tooltip, colour."""
        style = self._style
        self.record = record
        self._badge = role_badge(record.role_class)
        inner = style.width - 2 * style.padding
        self._name = style.name_metrics.elidedText(
            record.name, Qt.TextElideMode.ElideRight, self.name_room()
        )
        detail = " · ".join(part for part in (record.title, record.organisation) if part)
        self._detail = style.detail_metrics.elidedText(detail, Qt.TextElideMode.ElideRight, inner)
        self.setToolTip(tooltip_html(record))
        self.update()

    def card_rect(self) -> QRectF:
        return QRectF(0, 0, self._style.width, self._style.height)

    def boundingRect(self) -> QRectF:
        return self.card_rect().adjusted(-2, -2, 2, 2)

    def set_selected(self, selected: bool) -> None:
        if selected != self._selected:
            self._selected = selected
            self.update()

    def is_selected(self) -> bool:
        return self._selected

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        style = self._style
        rect = self.card_rect()
        fill = attitude_colour(self.record.attitude)
        if self._selected and not style.exporting:
            painter.setPen(QPen(SELECTED_COLOUR, 2.5))
        else:
            painter.setPen(QPen(fill.darker(140), 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), style.radius, style.radius)
        pad = style.padding
        name_rect = QRectF(pad, pad, rect.width() - 2 * pad, style.name_height)
        detailed = (
            QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
            >= TEXT_FROM_SCALE
        )
        if self._badge:
            self._paint_badge(painter, name_rect, detailed)
        if not detailed:  # an overview: a bar where the name is
            bar = QRectF(
                pad, pad + style.name_height * 0.25, style.width * 0.35, style.name_height / 2
            )
            painter.fillRect(bar, fill.darker(180))
            return
        painter.setPen(TEXT_COLOUR)
        painter.setFont(style.name_font)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(name_rect, align, self._name)
        if self._detail:
            painter.setPen(DETAIL_COLOUR)
            painter.setFont(style.detail_font)
            detail_rect = QRectF(
                pad, pad + style.name_height + 2, rect.width() - 2 * pad, style.detail_height
            )
            painter.drawText(detail_rect, align, self._detail)

    def _paint_badge(self, painter: QPainter, name_rect: QRectF, with_text: bool) -> None:
        style = self._style
        width = style.badge_width(self._badge)
        height = style.badge_height
        badge = QRectF(
            name_rect.right() - width, name_rect.center().y() - height / 2, width, height
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_COLOURS.get(self.record.role_class, SELECTED_COLOUR))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        if with_text:
            painter.setPen(QColor("white"))
            painter.setFont(style.badge_font)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self._badge)


class CardCanvas(QGraphicsView):
    """What the map and the org chart share: cards by id, one current card, zoom, export.

    Click selects a card (``currentChanged``), a click on the background clears the selection
    and pans the view by dragging; double-click or Enter activates (``cardActivated``);
    Ctrl+wheel and Ctrl+plus/minus zoom, Ctrl+0 fits everything.
    """

    cardActivated = Signal(str)
    currentChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cards: dict[str, StakeholderCard] = {}
        self._current = ""
        self._auto_fit = True
        self._style = CardStyle(self.font())
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # --- cards and selection ---------------------------------------------------------------

    def card_ids(self) -> list[str]:
        return list(self._cards)

    def card(self, stakeholder_id: str) -> StakeholderCard | None:
        return self._cards.get(stakeholder_id)

    def card_rect(self, stakeholder_id: str) -> QRectF:
        """The card's rectangle in scene coordinates (null when there is no such card)."""
        card = self._cards.get(stakeholder_id)
        if card is None:
            return QRectF()
        return card.mapRectToScene(card.card_rect())

    def current_id(self) -> str:
        return self._current

    def select(self, stakeholder_id: str) -> None:
        """Select a card and scroll it into view; "" (or an unknown id) clears the selection."""
        self._set_current(stakeholder_id if stakeholder_id in self._cards else "")
        card = self._cards.get(self._current)
        if card is not None:
            self.ensureVisible(card, 24, 24)

    def _set_current(self, stakeholder_id: str) -> None:
        if stakeholder_id == self._current:
            return
        old = self._cards.get(self._current)
        if old is not None:
            old.set_selected(False)
        self._current = stakeholder_id
        new = self._cards.get(stakeholder_id)
        if new is not None:
            new.set_selected(True)
        self.currentChanged.emit(stakeholder_id)

    def card_id_at(self, view_pos: QPoint) -> str:
        """The id of the card under a point of the viewport ("" for none): for context menus."""
        card = self._card_at(view_pos)
        return card.id if card is not None else ""

    def _card_at(self, view_pos: QPoint) -> StakeholderCard | None:
        for item in self.items(view_pos):
            if isinstance(item, StakeholderCard):
                return item
        return None

    def _rebuild(self) -> None:
        """Make the cards again (the font changed); subclasses show the same records."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._style = CardStyle(self.font())
            self._rebuild()
        elif event.type() == QEvent.Type.LanguageChange:
            for card in self._cards.values():
                card.set_record(card.record)
            self.resetCachedContent()
            self.viewport().update()

    def _forget_missing_current(self) -> None:
        if self._current and self._current not in self._cards:
            self._current = ""
            self.currentChanged.emit("")

    # --- zoom -------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        """Zoom by ``factor`` around the pointer (the view's centre from the keyboard)."""
        target = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom() * factor))
        self.setTransform(QTransform.fromScale(target, target))
        self._auto_fit = False

    def fit_all(self) -> None:
        """Show the whole scene (never enlarged beyond its natural size); keeps fitting on resize
        until the user zooms."""
        rect = self.sceneRect()
        self._auto_fit = True
        if rect.isEmpty() or self.viewport().width() < 2 or self.viewport().height() < 2:
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > MAX_FIT_ZOOM:
            self.setTransform(QTransform.fromScale(MAX_FIT_ZOOM, MAX_FIT_ZOOM))
        elif self.zoom() < MIN_FIT_ZOOM:
            self.setTransform(QTransform.fromScale(MIN_FIT_ZOOM, MIN_FIT_ZOOM))
            self.centerOn(self.starting_point())

    def starting_point(self) -> QPointF:
        """Where a view too large to fit starts: the top, in the middle."""
        rect = self.sceneRect()
        half_height = self.viewport().height() / self.zoom() / 2
        return QPointF(rect.center().x(), rect.top() + half_height)

    def _refit(self) -> None:
        if self._auto_fit:
            self.fit_all()

    # --- export -----------------------------------------------------------------------------

    def to_image(self, scale: float = 2.0) -> QImage:
        """The whole scene on white, without the selection frame (for "Export as PNG").

        Very large scenes are scaled down to stay under about 40 megapixels.
        """
        scene = self.scene()
        source = self.sceneRect()
        if scene is None or source.isEmpty():
            return QImage()
        area = source.width() * source.height()
        scale = max(0.05, min(scale, math.sqrt(MAX_EXPORT_PIXELS / area)))
        size = QSize(math.ceil(source.width() * scale), math.ceil(source.height() * scale))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self._style.exporting = True
        try:
            scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
        finally:
            self._style.exporting = False
            painter.end()
        return image

    # --- events -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            card = self._card_at(event.position().toPoint())
            self._set_current(card.id if card is not None else "")
            if card is not None:
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        event.accept()  # a click on the background is handled: it cleared the selection

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        card = self._card_at(event.position().toPoint())
        if card is not None and event.button() == Qt.MouseButton.LeftButton:
            self._set_current(card.id)
            self.cardActivated.emit(card.id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(1.15**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        try:
            if event.matches(QKeySequence.StandardKey.ZoomIn) or (
                event.key() == Qt.Key.Key_Equal
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.zoom_by(1.25)
            elif event.matches(QKeySequence.StandardKey.ZoomOut):
                self.zoom_by(0.8)
            elif (
                event.key() == Qt.Key.Key_0
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.fit_all()
            elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current:
                self.cardActivated.emit(self._current)
            else:
                super().keyPressEvent(event)
                return
        finally:
            self.setTransformationAnchor(anchor)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refit()


# --- the map ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapGeometry:
    """Where the grid, its cells and the slots for cards inside a cell are, in scene coordinates.

    Every cell has ``cols`` x ``rows`` slots (enough for the busiest cell). Each half of the grid
    (high power, low power) starts with a band of height ``band`` that names its two quadrants.
    """

    card_width: float
    card_height: float
    cols: int
    rows: int
    gap: float
    band: float
    left: float
    top: float
    bottom_margin: float
    right_margin: float

    # Rows of cells in the high-power half and in the low-power half.
    HIGH_ROWS = SCALE_MAX - HIGH_FROM + 1
    LOW_ROWS = HIGH_FROM - SCALE_MIN

    @property
    def capacity(self) -> int:
        return self.cols * self.rows

    @property
    def cell_width(self) -> float:
        return self.cols * self.card_width + (self.cols + 1) * self.gap

    @property
    def cell_height(self) -> float:
        return self.rows * self.card_height + (self.rows + 1) * self.gap

    @property
    def cells(self) -> int:
        return SCALE_MAX - SCALE_MIN + 1

    @property
    def split_x(self) -> float:
        """The x of the thick line between low and high interest."""
        return self.left + (HIGH_FROM - SCALE_MIN) * self.cell_width

    @property
    def split_y(self) -> float:
        """The y of the thick line between high and low power."""
        return self.top + self.band + self.HIGH_ROWS * self.cell_height

    def grid_rect(self) -> QRectF:
        return QRectF(
            self.left,
            self.top,
            self.cells * self.cell_width,
            2 * self.band + self.cells * self.cell_height,
        )

    def scene_rect(self) -> QRectF:
        grid = self.grid_rect()
        return QRectF(0, 0, grid.right() + self.right_margin, grid.bottom() + self.bottom_margin)

    def cell_rect(self, power: int, interest: int) -> QRectF:
        if power >= HIGH_FROM:
            y = self.top + self.band + (SCALE_MAX - power) * self.cell_height
        else:
            y = self.split_y + self.band + (HIGH_FROM - 1 - power) * self.cell_height
        return QRectF(
            self.left + (interest - SCALE_MIN) * self.cell_width,
            y,
            self.cell_width,
            self.cell_height,
        )

    def cell_at(self, point: QPointF) -> tuple[int, int]:
        """(power, interest) of the cell under ``point``, clamped to the grid (a band belongs
        to the row below it)."""
        column = math.floor((point.x() - self.left) / self.cell_width)
        if point.y() < self.split_y:
            row = math.floor((point.y() - self.top - self.band) / self.cell_height)
            power = SCALE_MAX - max(0, min(self.HIGH_ROWS - 1, row))
        else:
            row = math.floor((point.y() - self.split_y - self.band) / self.cell_height)
            power = HIGH_FROM - 1 - max(0, min(self.LOW_ROWS - 1, row))
        return clamp_scale(power), clamp_scale(SCALE_MIN + column)

    def slot_pos(self, power: int, interest: int, index: int) -> QPointF:
        cell = self.cell_rect(power, interest)
        column, row = index % self.cols, index // self.cols
        return QPointF(
            cell.x() + self.gap + column * (self.card_width + self.gap),
            cell.y() + self.gap + row * (self.card_height + self.gap),
        )

    def quadrant_rect(self, quadrant: Quadrant) -> QRectF:
        """The quadrant with its band."""
        grid = self.grid_rect()
        left = quadrant in (Quadrant.KEEP_SATISFIED, Quadrant.MONITOR)
        top = quadrant in (Quadrant.KEEP_SATISFIED, Quadrant.MANAGE_CLOSELY)
        x0, x1 = (grid.left(), self.split_x) if left else (self.split_x, grid.right())
        y0, y1 = (grid.top(), self.split_y) if top else (self.split_y, grid.bottom())
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    def band_rect(self, quadrant: Quadrant) -> QRectF:
        """The strip at the top of a quadrant that shows its name."""
        rect = self.quadrant_rect(quadrant)
        return QRectF(rect.left(), rect.top(), rect.width(), self.band)


def slots_for(busiest: int, card_width: float, card_height: float, gap: float) -> tuple[int, int]:
    """Columns and rows of card slots per cell: room for ``busiest`` cards (at least 2), with
    the cell's shape as close as can be to 1.6:1."""
    wanted = max(2, busiest)
    best: tuple[float, int, int] = (math.inf, 1, wanted)
    for cols in range(1, wanted + 1):
        rows = math.ceil(wanted / cols)
        width = cols * card_width + (cols + 1) * gap
        height = rows * card_height + (rows + 1) * gap
        score = abs(math.log(width / height / 1.6))
        if score < best[0]:
            best = (score, cols, rows)
    return best[1], best[2]


def role_rank(role: RoleClass) -> int:
    return {RoleClass.ONE_W: 0, RoleClass.STRONG_C: 1}.get(role, 2)


Cell = tuple[int, int]  # (power, interest)


class _GridScene(QGraphicsScene):
    """The scene of the map; its background is the grid, axes, quadrant names and legend."""

    def __init__(self, view: StakeholderMapView) -> None:
        super().__init__(view)
        self.view = view
        self.geometry: MapGeometry | None = None

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        painter.fillRect(rect, QColor("white"))
        if self.geometry is not None:
            paint_grid(painter, self.geometry, self.view.font())


def paint_grid(painter: QPainter, geometry: MapGeometry, font: QFont) -> None:
    """The grid, the quadrants' names, the axes and the legend of the card colours."""
    painter.save()
    _paint_quadrants(painter, geometry, font)
    _paint_lines(painter, geometry)
    legend_y = _paint_axes(painter, geometry, font)
    _paint_legend(painter, QPointF(geometry.grid_rect().left(), legend_y), font)
    painter.restore()


QUADRANT_TINTS = {
    Quadrant.MANAGE_CLOSELY: ("#fdf3ec", "#f6dcc9"),
    Quadrant.KEEP_SATISFIED: ("#f7f7fb", "#e4e4ef"),
    Quadrant.KEEP_INFORMED: ("#f6fbf6", "#dcecdc"),
    Quadrant.MONITOR: ("#ffffff", "#ebebeb"),
}


def _paint_quadrants(painter: QPainter, geometry: MapGeometry, font: QFont) -> None:
    """A faint tint per quadrant, its name in the band at its top."""
    band_font = QFont(font)
    band_font.setBold(True)
    painter.setFont(band_font)
    for quadrant in Quadrant:
        tint, band_tint = QUADRANT_TINTS[quadrant]
        painter.fillRect(geometry.quadrant_rect(quadrant), QColor(tint))
        band = geometry.band_rect(quadrant)
        painter.fillRect(band, QColor(band_tint))
        painter.setPen(QColor("#505050"))
        painter.drawText(
            band.adjusted(6, 0, -6, 0),
            Qt.AlignmentFlag.AlignCenter,
            QFontMetricsF(band_font).elidedText(
                quadrant_label(quadrant), Qt.TextElideMode.ElideRight, band.width() - 12
            ),
        )


def _paint_lines(painter: QPainter, geometry: MapGeometry) -> None:
    """Thin cell lines, the thick quadrant dividers between 3 and 4, the frame."""
    grid = geometry.grid_rect()
    painter.setPen(QPen(QColor("#d2d2d2"), 1))
    for step in range(1, geometry.cells):
        x = grid.left() + step * geometry.cell_width
        painter.drawLine(QPointF(x, grid.top() + geometry.band), QPointF(x, geometry.split_y))
        painter.drawLine(QPointF(x, geometry.split_y + geometry.band), QPointF(x, grid.bottom()))
    for power in range(SCALE_MIN, SCALE_MAX + 1):
        y = geometry.cell_rect(power, SCALE_MIN).top()
        painter.drawLine(QPointF(grid.left(), y), QPointF(grid.right(), y))
    painter.setPen(QPen(QColor("#5f5f5f"), 3))
    painter.drawLine(
        QPointF(geometry.split_x, grid.top()), QPointF(geometry.split_x, grid.bottom())
    )
    painter.drawLine(
        QPointF(grid.left(), geometry.split_y), QPointF(grid.right(), geometry.split_y)
    )
    painter.setPen(QPen(QColor("#8a8a8a"), 1.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(grid)


def _paint_axes(painter: QPainter, geometry: MapGeometry, font: QFont) -> float:
    """Ticks 1 to 5 and the axis titles; returns where the legend goes."""
    grid = geometry.grid_rect()
    title_font = QFont(font)
    title_font.setBold(True)
    ticks = QFontMetricsF(font)
    titles = QFontMetricsF(title_font)
    painter.setPen(TEXT_COLOUR)
    painter.setFont(font)
    right_middle = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for value in range(SCALE_MIN, SCALE_MAX + 1):
        row = geometry.cell_rect(value, SCALE_MIN)
        tick = QRectF(
            grid.left() - ticks.height() * 2, row.top(), ticks.height() * 1.6, row.height()
        )
        painter.drawText(tick, right_middle, str(value))
        column = geometry.cell_rect(SCALE_MIN, value)
        tick = QRectF(column.left(), grid.bottom() + 4, column.width(), ticks.height())
        painter.drawText(tick, Qt.AlignmentFlag.AlignCenter, str(value))
    painter.setFont(title_font)
    interest_title = QRectF(
        grid.left(), grid.bottom() + 8 + ticks.height(), grid.width(), titles.height()
    )
    painter.drawText(interest_title, Qt.AlignmentFlag.AlignCenter, interest_axis_label() + " →")
    painter.save()
    painter.translate(grid.left() - ticks.height() * 2 - 6, grid.center().y())
    painter.rotate(-90)
    painter.drawText(
        QRectF(-grid.height() / 2, -titles.height(), grid.height(), titles.height()),
        Qt.AlignmentFlag.AlignCenter,
        power_axis_label() + " →",
    )
    painter.restore()
    return interest_title.bottom() + 8


def _paint_legend(painter: QPainter, at: QPointF, font: QFont) -> None:
    """What the card colours mean: a swatch and a name per attitude, in a row."""
    metrics = QFontMetricsF(font)
    swatch = metrics.height()
    x, y = at.x(), at.y()
    painter.setFont(font)
    for attitude in (Attitude.SUPPORTER, Attitude.NEUTRAL, Attitude.OPPONENT, Attitude.UNKNOWN):
        colour = attitude_colour(attitude)
        painter.setPen(QPen(colour.darker(140), 1))
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(x, y, swatch * 1.6, swatch), 3, 3)
        x += swatch * 1.6 + 5
        text = attitude_label(attitude)
        painter.setPen(TEXT_COLOUR)
        painter.drawText(
            QRectF(x, y, metrics.horizontalAdvance(text) + 2, swatch),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        x += metrics.horizontalAdvance(text) + swatch * 1.5


@dataclass
class _Drag:
    card: StakeholderCard
    press_view_pos: QPoint
    grab_offset: QPointF  # pointer minus the card's origin, in scene coordinates
    home: QPointF
    active: bool = False
    last_view_pos: QPoint | None = None


class StakeholderMapView(CardCanvas):
    """The power/interest map of one project's stakeholders.

    Signals: ``cardMoved(id, power, interest)`` when a card is dropped on (or moved with the arrow
    keys to) another cell; ``cardActivated(id)`` on double-click or Enter; ``currentChanged(id)``
    when the selection changes ("" when cleared).
    """

    cardMoved = Signal(str, int, int)

    # Distance from the viewport's edge at which a drag scrolls the view, and the step.
    AUTO_SCROLL_MARGIN = 28
    AUTO_SCROLL_STEP = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = _GridScene(self)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setScene(self._scene)
        self._cells: dict[Cell, list[str]] = {}
        self._order: dict[str, int] = {}
        self._geometry = self._make_geometry(0)
        self._drag: _Drag | None = None
        self._target = QGraphicsRectItem()
        self._target.setPen(QPen(SELECTED_COLOUR, 2, Qt.PenStyle.DashLine))
        self._target.setBrush(QBrush(QColor(21, 101, 192, 36)))
        self._target.setZValue(-1)
        self._target.setVisible(False)
        self._scene.addItem(self._target)
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setInterval(30)
        self._scroll_timer.timeout.connect(self._auto_scroll)
        self._apply_geometry()

    # --- public API -------------------------------------------------------------------------

    def starting_point(self) -> QPointF:
        """A crowded map starts on the quadrant to manage closely (top right)."""
        grid = self._geometry.grid_rect()
        half_width = self.viewport().width() / self.zoom() / 2
        half_height = self.viewport().height() / self.zoom() / 2
        return QPointF(
            max(grid.right() - half_width, grid.center().x()),
            min(grid.top() + half_height, grid.center().y()),
        )

    def grid_geometry(self) -> MapGeometry:
        """Where the grid and cells are (for tests and the workspace)."""
        return self._geometry

    def cell_rect(self, power: int, interest: int) -> QRectF:
        return self._geometry.cell_rect(power, interest)

    def cell_of(self, stakeholder_id: str) -> Cell | None:
        """(power, interest) of the cell the card is shown in."""
        card = self._cards.get(stakeholder_id)
        return None if card is None else self._cell_key(card.record)

    def ids_in_cell(self, power: int, interest: int) -> list[str]:
        return list(self._cells.get((power, interest), ()))

    def set_records(self, records: Sequence[StakeholderRecord]) -> None:
        """Show exactly ``records`` (deleted ones are left out); keeps the selection if it stays."""
        self._cancel_drag()
        for card in self._cards.values():
            self._scene.removeItem(card)
        self._cards.clear()
        self._cells = {}
        self._order = {}
        for record in records:
            if record.deleted or record.id in self._cards:
                continue
            self._order[record.id] = len(self._order)
            card = StakeholderCard(record, self._style)
            self._cards[record.id] = card
            self._cells.setdefault(self._cell_key(record), []).append(record.id)
        for ids in self._cells.values():
            ids.sort(key=self._sort_key)
        for card in self._cards.values():
            self._scene.addItem(card)
        current = self._cards.get(self._current)
        if current is not None:
            current.set_selected(True)
        self._relayout_all()
        self._forget_missing_current()

    def update_record(self, record: StakeholderRecord) -> None:
        """Show a changed (or new) stakeholder: refresh its card and move it to its cell.

        Only the cells it leaves and enters are laid out again, unless the new cell is fuller
        than any cell had room for (then the whole grid grows).
        """
        if record.deleted:
            self.remove_record(record.id)
            return
        card = self._cards.get(record.id)
        if card is None:
            self._order[record.id] = max(self._order.values(), default=-1) + 1
            card = StakeholderCard(record, self._style)
            self._cards[record.id] = card
            self._scene.addItem(card)
            old_key: Cell | None = None
        else:
            if self._drag is not None and self._drag.card is card:
                self._cancel_drag()
            old_key = self._cell_key(card.record)
            card.set_record(record)
        new_key = self._cell_key(record)
        if old_key is not None and old_key != new_key:
            self._cells[old_key].remove(record.id)
        if old_key != new_key:
            self._cells.setdefault(new_key, []).append(record.id)
        self._cells[new_key].sort(key=self._sort_key)
        if len(self._cells[new_key]) > self._geometry.capacity:
            self._relayout_all()
            return
        for key in {old_key, new_key}:
            if key is not None:
                self._layout_cell(key)

    def remove_record(self, stakeholder_id: str) -> None:
        card = self._cards.pop(stakeholder_id, None)
        if card is None:
            return
        if self._drag is not None and self._drag.card is card:
            self._cancel_drag()
        key = self._cell_key(card.record)
        self._cells[key].remove(stakeholder_id)
        self._order.pop(stakeholder_id, None)
        self._scene.removeItem(card)
        self._layout_cell(key)
        self._forget_missing_current()

    # --- layout -----------------------------------------------------------------------------

    @staticmethod
    def _cell_key(record: StakeholderRecord) -> Cell:
        return clamp_scale(record.power), clamp_scale(record.interest)

    def _sort_key(self, stakeholder_id: str) -> tuple[int, int]:
        return role_rank(self._cards[stakeholder_id].record.role_class), self._order[stakeholder_id]

    def _make_geometry(self, busiest: int) -> MapGeometry:
        style = self._style
        metrics = QFontMetricsF(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        title_height = QFontMetricsF(bold).height()
        gap = max(4.0, round(style.padding * 1.2))
        cols, rows = slots_for(busiest, style.width, style.height, gap)
        return MapGeometry(
            card_width=style.width,
            card_height=style.height,
            cols=cols,
            rows=rows,
            gap=gap,
            band=math.ceil(title_height * 1.5),
            left=round(metrics.height() * 2 + 10 + title_height),
            top=12,
            bottom_margin=round(metrics.height() * 2 + title_height + 28),
            right_margin=12,
        )

    def _apply_geometry(self) -> None:
        self._scene.geometry = self._geometry
        self._scene.setSceneRect(self._geometry.scene_rect())
        self.setSceneRect(self._geometry.scene_rect())
        self.resetCachedContent()
        self._scene.update()

    def _relayout_all(self) -> None:
        busiest = max((len(ids) for ids in self._cells.values()), default=0)
        geometry = self._make_geometry(busiest)
        if geometry != self._geometry:
            self._geometry = geometry
            self._apply_geometry()
        for key in self._cells:
            self._layout_cell(key)
        self._refit()

    def _layout_cell(self, key: Cell) -> None:
        for index, stakeholder_id in enumerate(self._cells.get(key, ())):
            self._cards[stakeholder_id].setPos(self._geometry.slot_pos(*key, index))

    # --- dragging and keys ------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        card = self._card_at(event.position().toPoint())
        if card is None:
            return
        scene_pos = self.mapToScene(event.position().toPoint())
        self._drag = _Drag(card, event.position().toPoint(), scene_pos - card.pos(), card.pos())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        drag = self._drag
        if drag is None:
            super().mouseMoveEvent(event)
            return
        pos = event.position().toPoint()
        if not drag.active:
            if (pos - drag.press_view_pos).manhattanLength() < QApplication.startDragDistance():
                return
            drag.active = True
            drag.card.setZValue(1)
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        drag.last_view_pos = pos
        self._drag_to(pos)
        if self._near_edge(pos) and not self._scroll_timer.isActive():
            self._scroll_timer.start()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag = self._drag
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self._drag = None
        event.accept()
        if not drag.active:
            return
        power, interest = self._geometry.cell_at(self.mapToScene(event.position().toPoint()))
        self._end_drag(drag)
        if (power, interest) != self._cell_key(drag.card.record):
            self.cardMoved.emit(drag.card.id, power, interest)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self._cancel_drag()
            event.accept()
            return
        steps = {
            Qt.Key.Key_Up: (1, 0),
            Qt.Key.Key_Down: (-1, 0),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Left: (0, -1),
        }
        card = self._cards.get(self._current)
        key = Qt.Key(event.key())
        if card is None or key not in steps or self._drag is not None:
            super().keyPressEvent(event)
            return
        event.accept()
        power, interest = self._cell_key(card.record)
        new_power = clamp_scale(power + steps[key][0])
        new_interest = clamp_scale(interest + steps[key][1])
        if (new_power, new_interest) != (power, interest):
            self.cardMoved.emit(card.id, new_power, new_interest)

    def _drag_to(self, view_pos: QPoint) -> None:
        drag = self._drag
        if drag is None:
            return
        scene_pos = self.mapToScene(view_pos)
        drag.card.setPos(scene_pos - drag.grab_offset)
        target = self._geometry.cell_rect(*self._geometry.cell_at(scene_pos))
        if not self._target.isVisible() or self._target.rect() != target:
            self._target.setRect(target.adjusted(1, 1, -1, -1))
            self._target.setVisible(True)

    def _near_edge(self, pos: QPoint) -> bool:
        margin = self.AUTO_SCROLL_MARGIN
        area = self.viewport().rect()
        return (
            pos.x() < margin
            or pos.y() < margin
            or pos.x() > area.width() - margin
            or pos.y() > area.height() - margin
        )

    def _auto_scroll(self) -> None:
        drag = self._drag
        pos = drag.last_view_pos if drag is not None else None
        if drag is None or pos is None or not self._near_edge(pos):
            self._scroll_timer.stop()
            return
        margin, step, area = self.AUTO_SCROLL_MARGIN, self.AUTO_SCROLL_STEP, self.viewport().rect()
        dx = -step if pos.x() < margin else step if pos.x() > area.width() - margin else 0
        dy = -step if pos.y() < margin else step if pos.y() > area.height() - margin else 0
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)
        self._drag_to(pos)

    def _end_drag(self, drag: _Drag) -> None:
        self._scroll_timer.stop()
        self._target.setVisible(False)
        drag.card.setPos(drag.home)
        drag.card.setZValue(0)
        self.viewport().unsetCursor()
        self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)

    def _cancel_drag(self) -> None:
        drag, self._drag = self._drag, None
        if drag is not None and drag.active:
            self._end_drag(drag)

    def _rebuild(self) -> None:
        self.set_records([card.record for card in self._sorted_cards()])

    def _sorted_cards(self) -> list[StakeholderCard]:
        return sorted(self._cards.values(), key=lambda card: self._order[card.id])
