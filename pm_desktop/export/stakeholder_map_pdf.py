"""The power/interest map (Mendelow grid) as a one-page A4 landscape PDF (ReportLab).

Interest runs left to right and power bottom to top, 1 to 5; the quadrant dividers lie
between 3 and 4 (``HIGH_FROM``), and each quadrant has its name in a band at its top. Every
stakeholder is a card in the cell of their power and interest, coloured by attitude, with their
name (bold), their title when there is room, and a badge for the 1W and the strong-C. A cell
with many cards shrinks their text and sets them in columns; when even the smallest text does
not fit, the last card says how many more there are ("+N more").

Every word on the page besides the user's data comes from ``MapLabels``, which the UI fills
with translated texts. Chinese is drawn with the bundled CJK font, embedded as a subset, and
Latin text with the Latin font of ``pdf_fonts`` (mixed-script runs). The file is written
atomically; ReportLab is imported on the first export, never when this module is imported.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pm_desktop.core.enums import Attitude, RoleClass
from pm_desktop.core.stakeholders import (
    HIGH_FROM,
    SCALE_MAX,
    SCALE_MIN,
    Quadrant,
    StakeholderRecord,
    clamp_scale,
)
from pm_desktop.export.atomic import atomic_output
from pm_desktop.export.pdf_fonts import FontStack, clip_to_width, font_stack

#: Card colours by attitude (the same as the app's map: ui/stakeholders/labels.py).
DEFAULT_ATTITUDE_COLOURS: Mapping[Attitude, str] = {
    Attitude.SUPPORTER: "#b7e1b0",
    Attitude.NEUTRAL: "#e3e3e3",
    Attitude.OPPONENT: "#f4a9a0",
    Attitude.UNKNOWN: "#d6e4f5",
}
BADGE_COLOURS: Mapping[RoleClass, str] = {
    RoleClass.ONE_W: "#1F3864",
    RoleClass.STRONG_C: "#9A3412",
}
QUADRANT_TINTS: Mapping[Quadrant, tuple[str, str]] = {
    # (the quadrant's background, its name band)
    Quadrant.MANAGE_CLOSELY: ("#FFF5EE", "#FBDCC6"),
    Quadrant.KEEP_SATISFIED: ("#FFFCF0", "#F6E7B5"),
    Quadrant.KEEP_INFORMED: ("#F4F8FD", "#D3E2F3"),
    Quadrant.MONITOR: ("#F8F8F8", "#E2E4E8"),
}


@dataclass(frozen=True)
class MapLabels:
    """Every text the map prints besides names and titles, in the language of the PDF.

    ``more`` and ``total`` hold a ``{count}`` placeholder, filled by plain replacement.
    """

    title: str
    """E.g. "Stakeholder map" / "干系人权力/利益地图"."""
    project_name: str
    generated_on: str
    """A whole phrase, e.g. "Generated on 18 November 2024" / "生成于 2024年11月18日"."""
    power_axis: str
    interest_axis: str
    quadrants: Mapping[Quadrant, str]
    attitudes: Mapping[Attitude, str]
    badges: Mapping[RoleClass, str]
    """The badge texts of the 1W and the strong-C (e.g. "1W", "强C")."""
    legend_title: str
    """Before the attitude colours, e.g. "Attitude:" / "态度："."""
    footer: str
    """At the bottom left of the page."""
    more: str = "+{count}"
    """The last card of a cell too full for all: how many are not shown."""
    total: str = ""
    """At the bottom right: ``{count}`` stakeholders on the map ("" for nothing)."""
    badge_captions: Mapping[RoleClass, str] = field(default_factory=dict)
    """Optional words after each badge in the legend, e.g. "top decision maker"."""
    attitude_colours: Mapping[Attitude, str] = field(
        default_factory=lambda: dict(DEFAULT_ATTITUDE_COLOURS)
    )

    def __post_init__(self) -> None:
        for name, members in (
            ("quadrants", tuple(Quadrant)),
            ("attitudes", tuple(Attitude)),
            ("attitude_colours", tuple(Attitude)),
            ("badges", (RoleClass.ONE_W, RoleClass.STRONG_C)),
        ):
            missing = [m.value for m in members if m not in getattr(self, name)]
            if missing:
                raise ValueError(f"MapLabels.{name} lacks {', '.join(missing)}")


def fill(pattern: str, **values: object) -> str:
    for name, value in values.items():
        pattern = pattern.replace("{" + name + "}", str(value))
    return pattern


# --- geometry (points; A4 landscape is 842 x 595) ----------------------------------------

MM = 72 / 25.4
MARGIN = 12 * MM
HEADER_HEIGHT = 46.0
AXIS_LEFT = 34.0
"""Room left of the grid for the power axis' title and numbers."""
AXIS_BOTTOM = 34.0
FOOTER_HEIGHT = 12.0
BAND = 14.0
"""The height of a quadrant's name band."""
CELL_PAD = 3.0
GAP = 2.5
CARD_PAD_X = 3.0
CARD_PAD_Y = 2.0
BADGE_PAD_X = 2.2

INK = "#1F2937"
MUTED = "#6B7280"
NAVY = "#1F3864"
RULE = "#C9CFD8"

NAME_SIZES = (10.0, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0, 5.5, 5.0)
TITLE_MIN_SIZE = 7.0
"""Titles are shown only while names are at least this size."""
MIN_CARD_CHARS = 4
"""A name is never cut shorter than this many Chinese characters' width: Chinese names (two
to four characters) stay whole, long Latin names keep their first seven or eight letters."""
MAX_COLUMNS = 6

ROLE_ORDER = {RoleClass.ONE_W: 0, RoleClass.STRONG_C: 1}


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass(frozen=True)
class CellLayout:
    """How a cell's cards are set: their size, columns, and how many are shown."""

    size: float
    columns: int
    with_title: bool
    shown: int
    """Cards drawn (the last replaced by "+N more" when shown < the number of cards)."""
    card_width: float
    card_height: float

    @property
    def overflow(self) -> bool:
        return self.shown < 0


def card_height(size: float, with_title: bool) -> float:
    height = size * 1.2 + 2 * CARD_PAD_Y
    if with_title:
        height += title_size(size) * 1.2
    return height


def title_size(size: float) -> float:
    return max(4.5, size * 0.82)


def badge_size(size: float) -> float:
    return max(4.0, size * 0.78)


def plan_cell(
    cards: Sequence[StakeholderRecord],
    box: Box,
    width_of: Callable[[str, float], float],
    badges: Mapping[RoleClass, str],
) -> CellLayout:
    """The largest text at which every card of a cell fits (names whole if possible)."""
    count = len(cards)
    inner_width = box.width - 2 * CELL_PAD
    inner_height = box.height - 2 * CELL_PAD

    def fits(size: float, with_title: bool, columns: int, n: int) -> tuple[float, float] | None:
        height = card_height(size, with_title)
        width = (inner_width - (columns - 1) * GAP) / columns
        rows = math.ceil(n / columns)
        if rows * height + (rows - 1) * GAP > inner_height:
            return None
        return width, height

    def badge_width(card: StakeholderRecord, size: float) -> float:
        badge = badges.get(card.role_class, "") if card.role_class in ROLE_ORDER else ""
        return width_of(badge, badge_size(size)) + 2 * BADGE_PAD_X + 3 if badge else 0.0

    def needed(card: StakeholderRecord, size: float) -> float:
        return width_of(card.name, size) + 2 * CARD_PAD_X + badge_width(card, size)

    # 1. every name whole: titles while the text stays readable, then the biggest text
    candidates = [(size, True) for size in NAME_SIZES if size >= TITLE_MIN_SIZE]
    candidates += [(size, False) for size in NAME_SIZES]
    widths = {size: max(needed(card, size) for card in cards) for size in NAME_SIZES}
    for size, with_title in candidates:
        for columns in range(1, min(count, MAX_COLUMNS) + 1):
            found = fits(size, with_title, columns, count)
            if found is not None and found[0] >= widths[size]:
                return CellLayout(size, columns, with_title, count, *found)

    # 2. long names clipped with an ellipsis (never shorter than MIN_CARD_CHARS)
    def least(size: float) -> float:
        short = width_of("国" * MIN_CARD_CHARS, size) + 2 * CARD_PAD_X
        return max(min(needed(card, size), short + badge_width(card, size)) for card in cards)

    for size in NAME_SIZES:
        for columns in range(1, min(count, MAX_COLUMNS) + 1):
            found = fits(size, False, columns, count)
            if found is not None and found[0] >= least(size):
                return CellLayout(size, columns, False, count, *found)
    # 3. too many: the smallest text, and a last card that counts the rest
    size = NAME_SIZES[-1]
    narrowest = least(size)
    columns = max(1, min(MAX_COLUMNS, int((inner_width + GAP) // (narrowest + GAP))))
    height = card_height(size, False)
    rows = max(1, int((inner_height + GAP) // (height + GAP)))
    width = (inner_width - (columns - 1) * GAP) / columns
    return CellLayout(size, columns, False, min(count, rows * columns), width, height)


def _sort_key(record: StakeholderRecord) -> tuple[int, int, int, str]:
    return (ROLE_ORDER.get(record.role_class, 2), -record.power, -record.interest, record.name)


def group_by_cell(
    records: Iterable[StakeholderRecord],
) -> dict[tuple[int, int], list[StakeholderRecord]]:
    """(power, interest) -> the cell's stakeholders, 1W and strong-C first."""
    cells: dict[tuple[int, int], list[StakeholderRecord]] = {}
    for record in records:
        if record.deleted:
            continue
        key = (clamp_scale(record.power), clamp_scale(record.interest))
        cells.setdefault(key, []).append(record)
    for cards in cells.values():
        cards.sort(key=_sort_key)
    return cells


class _Page:
    """Draws the map on a ReportLab canvas."""

    def __init__(self, canvas: Any, labels: MapLabels, fonts: FontStack) -> None:
        from reportlab.lib import colors
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self.canvas = canvas
        self.labels = labels
        self.fonts = fonts
        self.colors = colors
        self._string_width = stringWidth
        self.page_width, self.page_height = canvas._pagesize
        left = MARGIN + AXIS_LEFT
        bottom = MARGIN + FOOTER_HEIGHT + AXIS_BOTTOM
        self.grid = Box(
            left,
            bottom,
            self.page_width - MARGIN - left,
            self.page_height - MARGIN - HEADER_HEIGHT - bottom,
        )
        steps = SCALE_MAX - SCALE_MIN + 1
        self.column_width = self.grid.width / steps
        self.row_height = (self.grid.height - 2 * BAND) / steps

    # --- text ---------------------------------------------------------------------------

    def width(self, text: str, size: float) -> float:
        return float(
            sum(self._string_width(chunk, font, size) for font, chunk in self.fonts.runs(text))
        )

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        color: str = INK,
        bold: bool = False,
        anchor: str = "left",
    ) -> None:
        if anchor != "left":
            width = self.width(text, size)
            x -= width if anchor == "right" else width / 2
        canvas = self.canvas
        canvas.saveState()
        ink = self.colors.HexColor(color)
        canvas.setFillColor(ink)
        obj = canvas.beginText(x, y)
        if bold:
            canvas.setStrokeColor(ink)
            canvas.setLineWidth(size * 0.04)
            obj.setTextRenderMode(2)
        for font, chunk in self.fonts.runs(text):
            obj.setFont(font, size)
            obj.textOut(chunk)
        canvas.drawText(obj)
        canvas.restoreState()

    def clip(self, text: str, size: float, limit: float) -> str:
        """``text`` on one line, shortened with an ellipsis to fit ``limit`` points."""
        return clip_to_width(text, limit, lambda part: self.width(part, size))

    # --- geometry -----------------------------------------------------------------------

    def cell_box(self, power: int, interest: int) -> Box:
        """The box of a cell (without the quadrant bands)."""
        x = self.grid.x + (interest - SCALE_MIN) * self.column_width
        # Rows from the top: band, 5, 4, band, 3, 2, 1
        rows_above = SCALE_MAX - power
        bands_above = 1 if power >= HIGH_FROM else 2
        top = self.grid.top - bands_above * BAND - rows_above * self.row_height
        return Box(x, top - self.row_height, self.column_width, self.row_height)

    def quadrant_box(self, quadrant: Quadrant) -> Box:
        """A quadrant's whole box, its name band included."""
        high_power = quadrant in (Quadrant.MANAGE_CLOSELY, Quadrant.KEEP_SATISFIED)
        high_interest = quadrant in (Quadrant.MANAGE_CLOSELY, Quadrant.KEEP_INFORMED)
        interests = (HIGH_FROM, SCALE_MAX) if high_interest else (SCALE_MIN, HIGH_FROM - 1)
        powers = (HIGH_FROM, SCALE_MAX) if high_power else (SCALE_MIN, HIGH_FROM - 1)
        low = self.cell_box(powers[0], interests[0])
        high = self.cell_box(powers[1], interests[1])
        return Box(low.x, low.y, high.right - low.x, high.top + BAND - low.y)

    # --- drawing ------------------------------------------------------------------------

    def draw(self, records: Sequence[StakeholderRecord]) -> None:
        self.header()
        self.quadrants()
        self.axes()
        cells = group_by_cell(records)
        for (power, interest), cards in sorted(cells.items()):
            self.cell(self.cell_box(power, interest), cards)
        self.footer(sum(len(cards) for cards in cells.values()))

    def header(self) -> None:
        labels = self.labels
        left, right = MARGIN, self.page_width - MARGIN
        top = self.page_height - MARGIN
        legend_width = self.legend_width()
        title = self.clip(labels.title, 15, right - left - legend_width - 18)
        self.text(left, top - 14, title, 15, color=NAVY, bold=True)
        self.legend(right - legend_width, top - 13)
        subtitle = " \u00b7 ".join(
            part for part in (labels.project_name, labels.generated_on) if part.strip()
        )
        self.text(left, top - 30, self.clip(subtitle, 8.5, right - left), 8.5, color=MUTED)

    def _legend_items(self) -> list[tuple[str, str, str]]:
        """(kind, colour, text): swatches of the attitudes, then the badges."""
        labels = self.labels
        items = [
            ("swatch", labels.attitude_colours[attitude], labels.attitudes[attitude])
            for attitude in Attitude
        ]
        for role in (RoleClass.ONE_W, RoleClass.STRONG_C):
            items.append(("badge", BADGE_COLOURS[role], labels.badges[role]))
            caption = labels.badge_captions.get(role, "")
            if caption:
                items.append(("caption", "", caption))
        return items

    LEGEND_SIZE = 7.5

    def _item_width(self, kind: str, text: str) -> float:
        size = self.LEGEND_SIZE
        if kind == "swatch":
            return 10 + 3 + self.width(text, size)
        if kind == "badge":
            return self.width(text, size) + 2 * BADGE_PAD_X
        return self.width(text, size)

    def legend_width(self) -> float:
        size = self.LEGEND_SIZE
        width = self.width(self.labels.legend_title, size) + 5
        for kind, _, text in self._legend_items():
            width += self._item_width(kind, text) + (3 if kind == "badge" else 9)
        return width

    def legend(self, x: float, y: float) -> None:
        size = self.LEGEND_SIZE
        canvas = self.canvas
        self.text(x, y, self.labels.legend_title, size, color=MUTED)
        x += self.width(self.labels.legend_title, size) + 5
        for kind, colour, text in self._legend_items():
            if kind == "swatch":
                canvas.saveState()
                canvas.setFillColor(self.colors.HexColor(colour))
                canvas.setStrokeColor(self.colors.HexColor(_darker(colour)))
                canvas.setLineWidth(0.6)
                canvas.roundRect(x, y - 1.5, 10, 8, 1.5, stroke=1, fill=1)
                canvas.restoreState()
                self.text(x + 13, y, text, size, color=INK)
                x += self._item_width(kind, text) + 9
            elif kind == "badge":
                width = self.badge(x, y - 2, text, size, colour)
                x += width + 3
            else:
                self.text(x, y, text, size, color=INK)
                x += self._item_width(kind, text) + 9

    def badge(self, x: float, y: float, text: str, size: float, colour: str) -> float:
        """A filled pill with white text whose bottom left is (x, y); returns its width."""
        width = self.width(text, size) + 2 * BADGE_PAD_X
        height = size * 1.25
        canvas = self.canvas
        canvas.saveState()
        canvas.setFillColor(self.colors.HexColor(colour))
        canvas.roundRect(x, y, width, height, min(2.0, height / 2), stroke=0, fill=1)
        canvas.restoreState()
        self.text(x + BADGE_PAD_X, y + height * 0.5 - size * 0.33, text, size, color="#FFFFFF")
        return width

    def quadrants(self) -> None:
        canvas = self.canvas
        colors = self.colors
        for quadrant in Quadrant:
            box = self.quadrant_box(quadrant)
            background, band = QUADRANT_TINTS[quadrant]
            canvas.setFillColor(colors.HexColor(background))
            canvas.rect(box.x, box.y, box.width, box.height, stroke=0, fill=1)
            canvas.setFillColor(colors.HexColor(band))
            canvas.rect(box.x, box.top - BAND, box.width, BAND, stroke=0, fill=1)
            name = self.clip(self.labels.quadrants[quadrant], 8.5, box.width - 12)
            self.text(box.x + 6, box.top - BAND + 4, name, 8.5, color=NAVY, bold=True)
        # cell rules
        canvas.setStrokeColor(colors.HexColor(RULE))
        canvas.setLineWidth(0.5)
        for interest in range(SCALE_MIN + 1, SCALE_MAX + 1):
            if interest == HIGH_FROM:
                continue
            x = self.cell_box(SCALE_MIN, interest).x
            for low, high in self._bodies():
                canvas.line(x, low, x, high)
        for power in range(SCALE_MIN, SCALE_MAX + 1):
            if power in (HIGH_FROM - 1, SCALE_MAX):
                continue  # under a band
            y = self.cell_box(power, SCALE_MIN).top
            canvas.line(self.grid.x, y, self.grid.right, y)
        # quadrant dividers and the frame
        canvas.setStrokeColor(colors.HexColor(NAVY))
        canvas.setLineWidth(1.4)
        x = self.cell_box(SCALE_MIN, HIGH_FROM).x
        canvas.line(x, self.grid.y, x, self.grid.top)
        y = self.cell_box(HIGH_FROM, SCALE_MIN).y
        canvas.line(self.grid.x, y, self.grid.right, y)
        canvas.setLineWidth(0.9)
        grid = self.grid
        canvas.rect(grid.x, grid.y, grid.width, grid.height, stroke=1, fill=0)

    def _bodies(self) -> list[tuple[float, float]]:
        """The vertical spans of the two quadrant rows, without their bands."""
        high_low = self.cell_box(HIGH_FROM, SCALE_MIN).y
        high_top = self.cell_box(SCALE_MAX, SCALE_MIN).top
        low_low = self.cell_box(SCALE_MIN, SCALE_MIN).y
        low_top = self.cell_box(HIGH_FROM - 1, SCALE_MIN).top
        return [(high_low, high_top), (low_low, low_top)]

    def axes(self) -> None:
        grid = self.grid
        size = 8.5
        for value in range(SCALE_MIN, SCALE_MAX + 1):
            box = self.cell_box(value, SCALE_MIN)
            self.text(grid.x - 6, box.y + box.height / 2 - 3, str(value), size, anchor="right")
            box = self.cell_box(SCALE_MIN, value)
            self.text(box.x + box.width / 2, grid.y - 11, str(value), size, anchor="center")
        title_size = 9.5
        self.text(
            grid.x + grid.width / 2,
            grid.y - 25,
            f"{self.labels.interest_axis}  \u2192",
            title_size,
            color=NAVY,
            bold=True,
            anchor="center",
        )
        canvas = self.canvas
        canvas.saveState()
        canvas.translate(MARGIN + 10, grid.y + grid.height / 2)
        canvas.rotate(90)
        self.text(
            0,
            0,
            f"{self.labels.power_axis}  \u2192",
            title_size,
            color=NAVY,
            bold=True,
            anchor="center",
        )
        canvas.restoreState()

    def footer(self, count: int) -> None:
        left, right = MARGIN, self.page_width - MARGIN
        y = MARGIN
        size = 7.5
        total = fill(self.labels.total, count=count) if self.labels.total else ""
        total_width = self.width(total, size)
        footer = self.clip(self.labels.footer, size, right - left - total_width - 24)
        self.text(left, y, footer, size, color=MUTED)
        if total:
            self.text(right, y, total, size, color=MUTED, anchor="right")

    def cell(self, box: Box, cards: Sequence[StakeholderRecord]) -> None:
        badges = {role: self.labels.badges[role] for role in ROLE_ORDER}
        plan = plan_cell(cards, box, self.width, badges)
        shown, slots = len(cards), 0
        if plan.shown < len(cards):
            # The last slots of the grid hold "+N more": as many as its text needs.
            for slots in range(1, plan.columns + 1):
                shown = plan.shown - slots
                text = fill(self.labels.more, count=len(cards) - shown)
                span = slots * plan.card_width + (slots - 1) * GAP
                if self.width(text, plan.size) + 2 * CARD_PAD_X <= span:
                    break
        for index in range(shown + (1 if slots else 0)):
            row, column = divmod(index, plan.columns)
            x = box.x + CELL_PAD + column * (plan.card_width + GAP)
            top = box.top - CELL_PAD - row * (plan.card_height + GAP)
            if index < shown:
                card = Box(x, top - plan.card_height, plan.card_width, plan.card_height)
                self.card(card, cards[index], plan)
            else:
                width = slots * plan.card_width + (slots - 1) * GAP
                card = Box(x, top - plan.card_height, width, plan.card_height)
                self.more_card(card, len(cards) - shown, plan.size)

    def card(self, box: Box, record: StakeholderRecord, plan: CellLayout) -> None:
        canvas = self.canvas
        colour = self.labels.attitude_colours[record.attitude]
        canvas.saveState()
        canvas.setFillColor(self.colors.HexColor(colour))
        canvas.setStrokeColor(self.colors.HexColor(_darker(colour)))
        canvas.setLineWidth(0.5)
        canvas.roundRect(box.x, box.y, box.width, box.height, 1.8, stroke=1, fill=1)
        canvas.restoreState()
        size = plan.size
        room = box.width - 2 * CARD_PAD_X
        badge = self.labels.badges[record.role_class] if record.role_class in ROLE_ORDER else ""
        small = badge_size(size)
        badge_width = self.width(badge, small) + 2 * BADGE_PAD_X if badge else 0.0
        if badge and room - badge_width - 3 < self.width("国\u2026", size):
            badge, badge_width = "", 0.0  # a name beats a badge on a tiny card
        name = self.clip(record.name, size, room - (badge_width + 3 if badge else 0))
        baseline = box.top - CARD_PAD_Y - size * 0.92
        self.text(box.x + CARD_PAD_X, baseline, name, size, color=INK, bold=True)
        if badge:
            self.badge(
                box.right - CARD_PAD_X - badge_width,
                baseline - small * 0.2,
                badge,
                small,
                BADGE_COLOURS[record.role_class],
            )
        if plan.with_title and record.title.strip():
            tsize = title_size(size)
            title = self.clip(record.title, tsize, room)
            self.text(box.x + CARD_PAD_X, baseline - tsize * 1.2, title, tsize, color="#374151")

    def more_card(self, box: Box, count: int, size: float) -> None:
        canvas = self.canvas
        canvas.saveState()
        canvas.setFillColor(self.colors.HexColor("#FFFFFF"))
        canvas.setStrokeColor(self.colors.HexColor(MUTED))
        canvas.setLineWidth(0.5)
        canvas.setDash(1.5, 1.5)
        canvas.roundRect(box.x, box.y, box.width, box.height, 1.8, stroke=1, fill=1)
        canvas.restoreState()
        text = self.clip(fill(self.labels.more, count=count), size, box.width - 2 * CARD_PAD_X)
        self.text(
            box.x + box.width / 2,
            box.top - CARD_PAD_Y - size * 0.92,
            text,
            size,
            color=INK,
            bold=True,
            anchor="center",
        )


def _darker(colour: str, factor: float = 0.68) -> str:
    value = colour.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return "#{:02X}{:02X}{:02X}".format(*(int(channel * factor) for channel in (red, green, blue)))


def write_map_pdf(path: Path, records: Iterable[StakeholderRecord], labels: MapLabels) -> None:
    """Write the power/interest map of ``records`` as a one-page PDF at ``path``, atomically.

    Raises ExportError when it cannot be written there; a file already at ``path`` is kept.
    """
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    path = Path(path)
    live = [record for record in records if not record.deleted]
    fonts = font_stack()
    with atomic_output(path, ".pdf") as stream:
        canvas = Canvas(stream, pagesize=landscape(A4), pageCompression=1)
        canvas.setTitle(" ".join(f"{labels.project_name} {labels.title}".split()))
        canvas.setSubject(labels.project_name)
        canvas.setCreator("")
        _Page(canvas, labels, fonts).draw(live)
        canvas.showPage()
        canvas.save()
