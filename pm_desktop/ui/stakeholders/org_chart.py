"""The reports-to tree of a project's stakeholders, top down, with orthogonal connectors.

Roots are stakeholders without a manager, or whose manager is not among the records; several
roots stand side by side. A manager with many reports that have no reports of their own lists
them in a column below (an org chart of 30 peers stays narrow). A reports-to cycle (which the
register prevents, but old or synced data may hold) is broken where it is first met, never
followed forever.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene, QWidget

from pm_desktop.core.stakeholders import StakeholderRecord
from pm_desktop.ui.stakeholders.map_view import CardCanvas, StakeholderCard

__all__ = ["OrgChartView", "OrgNode", "build_forest"]

# From this many reports, all without reports of their own, a manager lists them in a column.
STACK_FROM = 4
CONNECTOR_COLOUR = QColor("#8a8a8a")


@dataclass
class OrgNode:
    record: StakeholderRecord
    children: list[OrgNode] = field(default_factory=list)

    @property
    def stacked(self) -> bool:
        """Whether the reports are listed in a column below (many, none with reports)."""
        return len(self.children) >= STACK_FROM and all(not c.children for c in self.children)


def build_forest(records: Sequence[StakeholderRecord]) -> list[OrgNode]:
    """The reports-to trees, roots in the records' order, reports in the records' order.

    A record whose manager is missing (or itself) is a root. Records left over after walking
    from the roots hang in cycles: the first of them in the records' order becomes a root (its
    edge to its manager is dropped), and so on until every record is placed once.
    """
    nodes = {r.id: OrgNode(r) for r in records if not r.deleted}
    order = list(nodes)

    def manager_of(node: OrgNode) -> str | None:
        manager = node.record.reports_to_id
        return manager if manager in nodes and manager != node.record.id else None

    reports: dict[str, list[str]] = {stakeholder_id: [] for stakeholder_id in order}
    for stakeholder_id in order:
        manager = manager_of(nodes[stakeholder_id])
        if manager is not None:
            reports[manager].append(stakeholder_id)
    roots: list[OrgNode] = []
    placed: set[str] = set()

    def grow(root_id: str) -> None:
        roots.append(nodes[root_id])
        placed.add(root_id)
        stack = [root_id]
        while stack:
            parent = nodes[stack.pop()]
            for child_id in reports[parent.record.id]:
                if child_id not in placed:  # a cycle's closing edge is skipped
                    placed.add(child_id)
                    parent.children.append(nodes[child_id])
                    stack.append(child_id)

    for stakeholder_id in order:
        if manager_of(nodes[stakeholder_id]) is None:
            grow(stakeholder_id)
    for stakeholder_id in order:
        if stakeholder_id not in placed:
            grow(stakeholder_id)
    position = {stakeholder_id: index for index, stakeholder_id in enumerate(order)}
    roots.sort(key=lambda node: position[node.record.id])
    return roots


class OrgChartView(CardCanvas):
    """Who reports to whom: cards (as on the map) in a top-down tree.

    Signals: ``cardActivated(id)`` on double-click or Enter, ``currentChanged(id)`` when the
    selection changes ("" when cleared).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self._scene.setBackgroundBrush(QColor("white"))
        self.setScene(self._scene)
        self._connectors = QGraphicsPathItem()
        self._connectors.setPen(QPen(CONNECTOR_COLOUR, 1.5))
        self._connectors.setZValue(-1)
        self._scene.addItem(self._connectors)
        self._roots: list[OrgNode] = []
        self._records: list[StakeholderRecord] = []

    @property
    def h_gap(self) -> float:
        return round(self._style.width * 0.15)

    @property
    def v_gap(self) -> float:
        return round(self._style.height * 0.8)

    @property
    def indent(self) -> float:
        return round(self._style.width * 0.2)

    def roots(self) -> list[str]:
        """The ids of the trees' roots, left to right."""
        return [node.record.id for node in self._roots]

    def set_records(self, records: Sequence[StakeholderRecord]) -> None:
        """Show ``records`` (deleted ones are left out); keeps the selection if it stays."""
        for card in self._cards.values():
            self._scene.removeItem(card)
        self._cards.clear()
        self._records = list(records)
        self._roots = build_forest(records)
        path = QPainterPath()
        x = 0.0
        for root in self._roots:
            x += self._place(root, x, 0.0, path) + self.h_gap * 2
        self._connectors.setPath(path)
        current = self._cards.get(self._current)
        if current is not None:
            current.set_selected(True)
        bounds = self._scene.itemsBoundingRect().adjusted(-16, -16, 16, 16)
        self._scene.setSceneRect(bounds)
        self.setSceneRect(bounds)
        self._forget_missing_current()
        self._refit()

    def _rebuild(self) -> None:
        self.set_records(self._records)

    # --- layout -----------------------------------------------------------------------------

    def _measure(self, root: OrgNode) -> dict[int, tuple[float, float]]:
        """Width of every subtree and where its root's card centre is from the subtree's left
        edge, bottom-up and without recursion (a chain of 500 is fine)."""
        card_w = self._style.width
        sizes: dict[int, tuple[float, float]] = {}
        stack: list[tuple[OrgNode, bool]] = [(root, False)]
        while stack:
            node, children_done = stack.pop()
            if node.stacked:
                sizes[id(node)] = (self.indent + card_w, card_w / 2)
            elif not node.children:
                sizes[id(node)] = (card_w, card_w / 2)
            elif not children_done:
                stack.append((node, True))
                stack.extend((child, False) for child in node.children)
            else:
                lefts, total = self._child_lefts(node, sizes)
                width = max(card_w, total)
                offset = (width - total) / 2
                first = offset + lefts[0] + sizes[id(node.children[0])][1]
                last = offset + lefts[-1] + sizes[id(node.children[-1])][1]
                sizes[id(node)] = (width, (first + last) / 2)
        return sizes

    def _child_lefts(
        self, node: OrgNode, sizes: dict[int, tuple[float, float]]
    ) -> tuple[list[float], float]:
        """The children's left edges side by side from 0, and their total width."""
        lefts: list[float] = []
        x = 0.0
        for child in node.children:
            lefts.append(x)
            x += sizes[id(child)][0] + self.h_gap
        return lefts, x - self.h_gap

    def _place(self, root: OrgNode, left: float, top: float, path: QPainterPath) -> float:
        """Place a tree with its left edge at ``left``, add its connectors; returns its width."""
        sizes = self._measure(root)
        card_w, card_h = self._style.width, self._style.height
        level = card_h + self.v_gap
        stack: list[tuple[OrgNode, float, float]] = [(root, left, top)]
        while stack:
            node, x0, y = stack.pop()
            width, anchor = sizes[id(node)]
            self._add_card(node, QPointF(x0 + anchor - card_w / 2, y))
            if node.stacked:
                self._place_column(node, x0, y, path)
                continue
            if not node.children:
                continue
            lefts, total = self._child_lefts(node, sizes)
            offset = x0 + (width - total) / 2
            centres = []
            for child, child_left in zip(node.children, lefts, strict=True):
                centres.append(offset + child_left + sizes[id(child)][1])
                stack.append((child, offset + child_left, y + level))
            middle = y + card_h + self.v_gap / 2
            path.moveTo(x0 + anchor, y + card_h)
            path.lineTo(x0 + anchor, middle)
            path.moveTo(centres[0], middle)
            path.lineTo(centres[-1], middle)
            for centre in centres:
                path.moveTo(centre, middle)
                path.lineTo(centre, y + level)
        return sizes[id(root)][0]

    def _place_column(self, node: OrgNode, x0: float, y: float, path: QPainterPath) -> None:
        """Reports without reports of their own, one below the other, joined on the left."""
        card_h = self._style.height
        spine = x0 + self.indent / 2
        child_x = x0 + self.indent
        child_y = y + card_h + self.v_gap / 2
        for child in node.children:
            self._add_card(child, QPointF(child_x, child_y))
            path.moveTo(spine, child_y + card_h / 2)
            path.lineTo(child_x, child_y + card_h / 2)
            last_middle = child_y + card_h / 2
            child_y += card_h + self.v_gap / 3
        path.moveTo(spine, y + card_h)
        path.lineTo(spine, last_middle)

    def _add_card(self, node: OrgNode, at: QPointF) -> None:
        card = StakeholderCard(node.record, self._style)
        card.setPos(at)
        self._cards[node.record.id] = card
        self._scene.addItem(card)
