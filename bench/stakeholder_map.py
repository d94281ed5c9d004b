"""Stakeholder map benchmark: dragging a card across the power/interest grid of 500 stakeholders.

    QT_QPA_PLATFORM=offscreen python bench/stakeholder_map.py [--count 500] [--steps 120] [--runs 3]

A 1280x800 map shows ``--count`` synthetic stakeholders (Chinese names, random power, interest
and attitude, a 1W and a few strong-Cs). One card is dragged across the grid with ``--steps``
mouse moves; each frame is one move event processed plus a synchronous repaint of the viewport.
That is done at the zoom that fits the whole map, at 60 % and at 100 %.
Target: <= 16 ms per frame, p95. Also timed: a zoom step (every visible card is drawn again),
set_records (a full rebuild), update_record (one card to another cell), the org chart's
set_records, and a PNG export of the map (to_image at scale 2).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pm_desktop.core.enums import Attitude, RoleClass  # noqa: E402
from pm_desktop.core.stakeholders import StakeholderRecord  # noqa: E402
from pm_desktop.ui.i18n import ensure_cjk_font  # noqa: E402
from pm_desktop.ui.stakeholders.map_view import StakeholderMapView  # noqa: E402
from pm_desktop.ui.stakeholders.org_chart import OrgChartView  # noqa: E402

TARGET_MS = 16.0
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂志华建国文"
TITLES = (
    "总经理",
    "副总经理",
    "信息中心主任",
    "财务总监",
    "生产部部长",
    "采购经理",
    "IT 运维工程师",
)
ORGANISATIONS = ("华东制造集团有限公司", "集团信息部", "我方交付中心", "华东制造股份公司财务部")


def synthetic(count: int, seed: int = 7) -> list[StakeholderRecord]:
    rnd = random.Random(seed)
    records = []
    for index in range(count):
        name = rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.randint(1, 2)))
        role = RoleClass.ONE_W if index == 0 else rnd.choice(list(RoleClass)[1:])
        if role is RoleClass.STRONG_C and rnd.random() > 0.05:
            role = RoleClass.KEY_USER
        records.append(
            StakeholderRecord(
                id=f"s{index:04d}",
                project_id="bench",
                name=name,
                organisation=rnd.choice(ORGANISATIONS),
                title=rnd.choice(TITLES),
                role_class=role,
                power=rnd.randint(1, 5),
                interest=rnd.randint(1, 5),
                attitude=rnd.choice(list(Attitude)),
                reports_to_id=f"s{rnd.randrange(index):04d}"
                if index and rnd.random() < 0.9
                else None,
            )
        )
    return records


def timed(action: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def mouse(kind: QMouseEvent.Type, pos: QPoint, buttons: Qt.MouseButton) -> QMouseEvent:
    point = QPointF(pos)
    return QMouseEvent(
        kind,
        point,
        point,
        Qt.MouseButton.LeftButton
        if kind != QMouseEvent.Type.MouseMove
        else Qt.MouseButton.NoButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )


def drag_frames(
    app: QApplication, view: StakeholderMapView, card_id: str, steps: int
) -> list[float]:
    """Press on the card, move it along a path over the visible grid, time every frame."""
    viewport = view.viewport()
    home = view.card_rect(card_id)
    start = view.mapFromScene(view.card_rect(card_id).center())
    visible = view.mapFromScene(view.grid_geometry().grid_rect()).boundingRect()
    visible = visible.intersected(viewport.rect().adjusted(40, 40, -40, -40))
    corners = [visible.topLeft(), visible.topRight(), visible.bottomRight(), visible.bottomLeft()]
    path = [start, *corners]
    points = []
    for step in range(steps):
        position = step / steps * (len(path) - 1)
        a, b = path[int(position)], path[min(int(position) + 1, len(path) - 1)]
        fraction = position - int(position)
        points.append(
            QPoint(
                round(a.x() + (b.x() - a.x()) * fraction), round(a.y() + (b.y() - a.y()) * fraction)
            )
        )
    app.sendEvent(
        viewport, mouse(QMouseEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    )
    samples = []
    for point in points:
        begin = time.perf_counter()
        app.sendEvent(viewport, mouse(QMouseEvent.Type.MouseMove, point, Qt.MouseButton.LeftButton))
        viewport.repaint()
        samples.append((time.perf_counter() - begin) * 1000)
    if view.card_rect(card_id) == home:
        raise RuntimeError("the card did not follow the pointer: no drag was measured")
    app.sendEvent(
        viewport, mouse(QMouseEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.NoButton)
    )
    app.processEvents()
    return samples


def p95(samples: list[float]) -> float:
    return (
        statistics.quantiles(samples, n=20, method="inclusive")[-1]
        if len(samples) > 1
        else samples[0]
    )


def row(name: str, samples: list[float], target: float | None = None) -> bool:
    verdict = ""
    over = False
    if target is not None:
        over = p95(samples) > target
        verdict = "OVER TARGET" if over else "ok"
    print(
        f"  {name:<34} {statistics.median(samples):7.2f} {p95(samples):7.2f} {max(samples):7.2f}"
        f"  {len(samples):4d}  {verdict}"
    )
    return over


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--steps", type=int, default=120)
    parser.add_argument("--runs", type=int, default=3, help="drags per zoom level")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    ensure_cjk_font()
    records = synthetic(args.count)
    view = StakeholderMapView()
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    builds = timed(lambda: view.set_records(records), 5)
    app.processEvents()
    failed = False
    print(f"stakeholder map, {args.count} stakeholders, 1280x800 ({os.environ['QT_QPA_PLATFORM']})")
    print(f"  {'ms':<34} {'median':>7} {'p95':>7} {'max':>7}  {'n':>4}")
    row("map set_records", builds)
    # Drag one of the cards in the busiest cell (the worst case for overlapping repaints).
    busiest = max(
        ((p, i) for p in range(1, 6) for i in range(1, 6)), key=lambda c: len(view.ids_in_cell(*c))
    )
    card_id = view.ids_in_cell(*busiest)[0]
    for label, zoom in (("fit all", None), ("60 %", 0.6), ("100 %", 1.0)):
        if zoom is None:
            view.fit_all()
        else:
            view.zoom_by(zoom / view.zoom())
            view.centerOn(view.card_rect(card_id).center())
        app.processEvents()
        viewport_repaints = timed(view.viewport().repaint, 20)
        frames: list[float] = []
        for _ in range(args.runs):
            frames += drag_frames(app, view, card_id, args.steps)
        row(f"full repaint, {label} (zoom {view.zoom():.2f})", viewport_repaints)
        failed |= row(f"drag frame, {label}", frames, TARGET_MS)
    zooms = []
    for index in range(12):
        factor = 1.15 if index % 2 == 0 else 1 / 1.15
        zooms += timed(lambda factor=factor: (view.zoom_by(factor), view.viewport().repaint()), 1)
    row("zoom step + repaint, 100 %", zooms)
    moved = next(r for r in records if r.id == card_id)
    cells = [(5, 5), (1, 1), (3, 4), (moved.power, moved.interest)]
    moves = []
    for index in range(20):
        power, interest = cells[index % len(cells)]
        changed = replace(moved, power=power, interest=interest)
        moves += timed(lambda changed=changed: view.update_record(changed), 1)
    row("map update_record (move a card)", moves)
    exports = timed(lambda: view.to_image(2.0), 3)
    row("map to_image(2.0)", exports)
    chart = OrgChartView()
    chart.resize(1280, 800)
    chart.show()
    app.processEvents()
    row("org chart set_records", timed(lambda: chart.set_records(records), 5))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
