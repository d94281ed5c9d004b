"""The power/interest map and the org chart as a PM sees and handles them."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pm_desktop.core.enums import Attitude, RoleClass
from pm_desktop.core.stakeholders import StakeholderRecord
from pm_desktop.ui.i18n import ensure_cjk_font
from pm_desktop.ui.stakeholders.map_view import BADGE_COLOURS, MIN_FIT_ZOOM, StakeholderMapView
from pm_desktop.ui.stakeholders.org_chart import OrgChartView


def person(
    stakeholder_id: str,
    name: str,
    power: int = 3,
    interest: int = 3,
    *,
    role: RoleClass = RoleClass.OTHER,
    attitude: Attitude = Attitude.SUPPORTER,
    reports_to: str | None = None,
    title: str = "信息中心主任",
) -> StakeholderRecord:
    return StakeholderRecord(
        id=stakeholder_id,
        project_id="p",
        name=name,
        organisation="华东制造集团有限公司",
        title=title,
        role_class=role,
        power=power,
        interest=interest,
        attitude=attitude,
        reports_to_id=reports_to,
    )


TEAM = [
    person("gm", "张伟", 5, 5, role=RoleClass.ONE_W),
    person("cio", "李娜", 5, 2, role=RoleClass.STRONG_C),
    person("user", "王芳", 2, 5, attitude=Attitude.OPPONENT),
    person("buyer", "赵强", 1, 1, attitude=Attitude.NEUTRAL),
    person("it", "陈静", 4, 4, attitude=Attitude.UNKNOWN),
    person("pd", "刘洋", 3, 3),
]


@pytest.fixture(autouse=True)
def cjk_font(qapp: QApplication) -> None:
    ensure_cjk_font()


@pytest.fixture
def view(qtbot: QtBot) -> StakeholderMapView:
    shown = StakeholderMapView()
    qtbot.addWidget(shown)
    shown.resize(1100, 760)
    shown.set_records(TEAM)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def at(view: StakeholderMapView, scene_point: QPointF) -> QPoint:
    return view.mapFromScene(scene_point)


def drag(view: StakeholderMapView, start: QPointF, end: QPointF) -> None:
    """Press on ``start``, move in a few steps to ``end`` and release (scene coordinates)."""
    viewport = view.viewport()
    QTest.mousePress(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(view, start)
    )
    for step in range(1, 6):
        point = start + (end - start) * (step / 5)
        QTest.mouseMove(viewport, at(view, point))
    QTest.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(view, end)
    )


def test_cards_sit_in_their_cell_interest_across_and_power_up(view: StakeholderMapView) -> None:
    for record in TEAM:
        assert view.cell_rect(record.power, record.interest).contains(view.card_rect(record.id))
    gm, cio, user, buyer = (view.card_rect(i).center() for i in ("gm", "cio", "user", "buyer"))
    assert gm.x() > cio.x()
    assert gm.y() < user.y()
    assert buyer.x() < user.x()
    assert buyer.y() > cio.y()
    geometry = view.grid_geometry()
    # 4/4 is in "manage closely" (right of and above the thick lines), 3/3 in "monitor".
    assert view.card_rect("it").left() > geometry.split_x
    assert view.card_rect("it").bottom() < geometry.split_y
    assert view.card_rect("pd").right() < geometry.split_x
    assert view.card_rect("pd").top() > geometry.split_y


def test_a_busy_cell_grows_and_its_cards_never_overlap(view: StakeholderMapView) -> None:
    crowd = [person(f"c{i}", f"员工{i}号", 3, 3) for i in range(23)]
    view.set_records([*TEAM, *crowd])
    cell = view.cell_rect(3, 3)
    rects = [view.card_rect(r.id) for r in [*TEAM, *crowd] if (r.power, r.interest) == (3, 3)]
    assert len(rects) == 24
    assert all(cell.contains(rect) for rect in rects)
    assert not [pair for pair in combinations(rects, 2) if pair[0].intersects(pair[1])]
    # The other cells are as large, and their cards are still inside them.
    assert view.cell_rect(5, 5).size() == cell.size()
    assert view.cell_rect(5, 5).contains(view.card_rect("gm"))


def test_1w_and_strong_c_wear_their_badges(view: StakeholderMapView) -> None:
    badges = {i: view.card(i).badge for i in ("gm", "cio", "user")}  # type: ignore[union-attr]
    assert badges == {"gm": "1W", "cio": "Strong-C", "user": ""}
    image = view.to_image(scale=1.0)
    for stakeholder_id, role in (("gm", RoleClass.ONE_W), ("cio", RoleClass.STRONG_C)):
        card = view.card_rect(stakeholder_id).translated(-view.sceneRect().topLeft())
        colours = {
            image.pixelColor(x, y).name()
            for x in range(int(card.left()), int(card.right()))
            for y in range(int(card.top()), int(card.bottom()))
        }
        assert BADGE_COLOURS[role].name() in colours


def test_chinese_names_show_in_full_or_elided_to_fit(view: StakeholderMapView) -> None:
    long_name = "欧阳司马诸葛长孙慕容上官"
    view.update_record(person("pd", long_name, 3, 3, role=RoleClass.STRONG_C))
    card = view.card("pd")
    assert card is not None
    assert card.name_text.endswith("…")
    assert card.name_text[:-1] in long_name
    style = view._style
    assert style.name_metrics.horizontalAdvance(card.name_text) <= card.name_room()
    assert view.card("gm").name_text == "张伟"  # type: ignore[union-attr]
    assert "信息中心主任" in view.card("gm").detail_text  # type: ignore[union-attr]
    tooltip = card.toolTip()
    assert long_name in tooltip
    assert "华东制造集团有限公司" in tooltip


def test_dragging_a_card_to_another_cell_asks_for_the_move(
    qtbot: QtBot, view: StakeholderMapView
) -> None:
    home = view.card_rect("pd")
    with qtbot.waitSignal(view.cardMoved, timeout=1000) as moved:
        drag(view, home.center(), view.cell_rect(5, 4).center())
    assert moved.args == ["pd", 5, 4]
    assert view.card_rect("pd") == home  # the workspace decides; until then it goes back
    view.update_record(person("pd", "刘洋", 5, 4))
    assert view.cell_rect(5, 4).contains(view.card_rect("pd"))


def test_a_drop_in_the_same_cell_asks_nothing(qtbot: QtBot, view: StakeholderMapView) -> None:
    home = view.card_rect("pd")
    cell = view.cell_rect(3, 3)
    with qtbot.assertNotEmitted(view.cardMoved):
        drag(view, home.center(), QPointF(cell.right() - 5, cell.bottom() - 5))
    assert view.card_rect("pd") == home


def test_a_drop_outside_the_grid_lands_on_the_nearest_cell(
    qtbot: QtBot, view: StakeholderMapView
) -> None:
    grid = view.grid_geometry().grid_rect()
    left_of_power_5 = QPointF(grid.left() - 20, view.cell_rect(5, 1).center().y())
    with qtbot.waitSignal(view.cardMoved, timeout=1000) as moved:
        drag(view, view.card_rect("pd").center(), left_of_power_5)
    assert moved.args == ["pd", 5, 1]
    below_interest_5 = QPointF(view.cell_rect(1, 5).center().x(), grid.bottom() + 25)
    with qtbot.waitSignal(view.cardMoved, timeout=1000) as moved:
        drag(view, view.card_rect("pd").center(), below_interest_5)
    assert moved.args == ["pd", 1, 5]


def test_click_selects_a_card_and_the_background_clears(
    qtbot: QtBot, view: StakeholderMapView
) -> None:
    with qtbot.waitSignal(view.currentChanged, timeout=1000) as changed:
        QTest.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, view.card_rect("cio").center())
        )
    assert changed.args == ["cio"]
    assert view.current_id() == "cio"
    empty = view.cell_rect(1, 3).center()
    with qtbot.waitSignal(view.currentChanged, timeout=1000) as changed:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, empty))
    assert changed.args == [""]


def test_double_click_opens_the_stakeholder(qtbot: QtBot, view: StakeholderMapView) -> None:
    with qtbot.waitSignal(view.cardActivated, timeout=1000) as activated:
        QTest.mouseDClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=at(view, view.card_rect("user").center()),
        )
    assert activated.args == ["user"]


def test_arrow_keys_move_the_selected_card_one_cell(qtbot: QtBot, view: StakeholderMapView) -> None:
    view.setFocus()
    view.select("user")  # power 2, interest 5
    with qtbot.waitSignal(view.cardMoved, timeout=1000) as moved:
        QTest.keyClick(view, Qt.Key.Key_Up)
    assert moved.args == ["user", 3, 5]
    with qtbot.assertNotEmitted(view.cardMoved):
        QTest.keyClick(view, Qt.Key.Key_Right)  # already at the highest interest


def test_update_and_remove_relayout_only_what_changed(view: StakeholderMapView) -> None:
    view.set_records([*TEAM, person("a", "甲", 3, 3), person("b", "乙", 3, 3)])
    gm_before = view.card_rect("gm")
    first_slot = view.card_rect("pd")
    view.update_record(person("pd", "刘洋", 2, 4))
    assert view.cell_rect(2, 4).contains(view.card_rect("pd"))
    assert view.card_rect("a") == first_slot  # the cell closed up behind it
    assert view.card_rect("gm") == gm_before
    view.remove_record("a")
    assert view.card_rect("a").isNull()
    assert view.card_rect("b") == first_slot
    view.update_record(person("new", "新人", 1, 2))
    assert view.cell_rect(1, 2).contains(view.card_rect("new"))


def test_moving_into_a_full_cell_grows_every_cell(view: StakeholderMapView) -> None:
    crowd = [person(f"c{i}", f"员工{i}", 5, 5) for i in range(5)]
    view.set_records([*TEAM, *crowd])
    capacity = view.grid_geometry().capacity
    assert len(view.ids_in_cell(5, 5)) == capacity or capacity > len(view.ids_in_cell(5, 5))
    for index in range(capacity - len(view.ids_in_cell(5, 5)) + 1):
        view.update_record(person(f"more{index}", "加", 5, 5))
    ids = view.ids_in_cell(5, 5)
    assert len(ids) > capacity
    rects = [view.card_rect(i) for i in ids]
    assert all(view.cell_rect(5, 5).contains(rect) for rect in rects)
    assert not [pair for pair in combinations(rects, 2) if pair[0].intersects(pair[1])]


def test_selection_survives_a_refresh_unless_the_card_goes(
    qtbot: QtBot, view: StakeholderMapView
) -> None:
    view.select("it")
    view.set_records(TEAM)
    assert view.current_id() == "it"
    with qtbot.waitSignal(view.currentChanged, timeout=1000) as changed:
        view.set_records(TEAM[:3])
    assert changed.args == [""]


def test_fit_all_shows_the_whole_map(view: StakeholderMapView) -> None:
    view.set_records(TEAM)
    view.zoom_by(3)
    view.fit_all()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.adjusted(-1, -1, 1, 1).contains(view.sceneRect())


def test_a_crowded_map_stays_readable_and_starts_on_the_quadrant_to_manage_closely(
    view: StakeholderMapView,
) -> None:
    view.set_records([*TEAM, *(person(f"c{i}", "人", 4, 2) for i in range(200))])
    view.fit_all()
    assert view.zoom() == pytest.approx(MIN_FIT_ZOOM)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(view.cell_rect(5, 5).center())  # top right: manage closely


def non_white(image: QImage) -> int:
    white = QColor("white")
    step = 4
    return sum(
        image.pixelColor(x, y) != white
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


def test_the_map_exports_as_an_image(view: StakeholderMapView) -> None:
    view.select("gm")
    image = view.to_image(scale=2.0)
    assert image.width() == pytest.approx(view.sceneRect().width() * 2, abs=1)
    assert image.height() == pytest.approx(view.sceneRect().height() * 2, abs=1)
    assert non_white(image) > 1000
    card = view.card_rect("user")
    inside = QPointF(card.left() + 3, card.bottom() - 3) * 2
    assert image.pixelColor(inside.toPoint()).name() == "#f4a9a0"  # opponent


# --- org chart -------------------------------------------------------------------------------


@pytest.fixture
def chart(qtbot: QtBot) -> OrgChartView:
    shown = OrgChartView()
    qtbot.addWidget(shown)
    shown.resize(900, 600)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_reports_sit_below_their_manager(chart: OrgChartView) -> None:
    chart.set_records(
        [
            person("gm", "张伟", role=RoleClass.ONE_W),
            person("cio", "李娜", reports_to="gm"),
            person("cfo", "王芳", reports_to="gm"),
            person("it", "陈静", reports_to="cio"),
            person("pm", "欧阳明"),  # a second tree
            person("lost", "孤儿", reports_to="not-here"),  # its manager is not in the project
        ]
    )
    gm, cio, cfo, it = (chart.card_rect(i) for i in ("gm", "cio", "cfo", "it"))
    assert cio.top() > gm.bottom()
    assert cfo.top() > gm.bottom()
    assert it.top() > cio.bottom()
    assert cio.top() == cfo.top()
    assert cio.center().x() < gm.center().x() < cfo.center().x()
    assert chart.roots() == ["gm", "pm", "lost"]
    roots = [chart.card_rect(i) for i in chart.roots()]
    assert roots[0].top() == roots[1].top() == roots[2].top()
    assert roots[0].right() < roots[1].left() < roots[1].right() < roots[2].left()
    assert chart.card("gm").badge == "1W"  # type: ignore[union-attr]


def test_many_peers_stack_in_a_column_without_overlap(chart: OrgChartView) -> None:
    peers = [person(f"p{i}", f"计划员{i}", reports_to="pd") for i in range(8)]
    chart.set_records([person("pd", "赵强"), *peers])
    rects = [chart.card_rect(r.id) for r in peers]
    assert all(rect.top() > chart.card_rect("pd").bottom() for rect in rects)
    assert not [pair for pair in combinations(rects, 2) if pair[0].intersects(pair[1])]
    assert chart.sceneRect().width() < 2 * chart.card_rect("pd").width()


def test_a_reports_to_cycle_is_broken_not_followed(chart: OrgChartView) -> None:
    chart.set_records(
        [
            person("a", "甲", reports_to="c"),
            person("b", "乙", reports_to="a"),
            person("c", "丙", reports_to="b"),
            person("self", "自己", reports_to="self"),
        ]
    )
    assert sorted(chart.card_ids()) == ["a", "b", "c", "self"]
    assert chart.roots() == ["a", "self"]
    assert chart.card_rect("a").bottom() < chart.card_rect("b").top()
    assert chart.card_rect("b").bottom() < chart.card_rect("c").top()


def test_org_chart_selects_activates_and_exports(qtbot: QtBot, chart: OrgChartView) -> None:
    chart.set_records([person("gm", "张伟"), person("cio", "李娜", reports_to="gm")])
    centre = chart.mapFromScene(chart.card_rect("cio").center())
    with qtbot.waitSignal(chart.cardActivated, timeout=1000) as activated:
        QTest.mouseDClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert activated.args == ["cio"]
    assert chart.current_id() == "cio"
    with qtbot.waitSignal(chart.currentChanged, timeout=1000) as changed:
        chart.select("gm")
    assert changed.args == ["gm"]
    image = chart.to_image()
    assert not image.isNull()
    assert non_white(image) > 100
    assert image.width() == pytest.approx(chart.sceneRect().width() * 2, abs=1)


def test_empty_views_are_fine(chart: OrgChartView, view: StakeholderMapView) -> None:
    chart.set_records([])
    view.set_records([])
    assert chart.card_ids() == []
    assert view.card_ids() == []
    assert chart.to_image().isNull() or non_white(chart.to_image()) == 0
    assert non_white(view.to_image(1.0)) > 0  # the empty grid is still there
    assert QRectF() == view.card_rect("gm")


def test_a_larger_font_makes_larger_cards_that_still_fit(view: StakeholderMapView) -> None:
    before = view.card_rect("gm").width()
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    view.setFont(font)
    assert view.card_rect("gm").width() > before * 1.3
    for record in TEAM:
        assert view.cell_rect(record.power, record.interest).contains(view.card_rect(record.id))
    assert view.card_id_at(view.mapFromScene(view.card_rect("it").center())) == "it"


def test_dragging_to_the_edge_scrolls_the_map(qtbot: QtBot, view: StakeholderMapView) -> None:
    view.zoom_by(2.0 / view.zoom())
    view.centerOn(view.card_rect("pd").center())
    bar = view.horizontalScrollBar()
    before = bar.value()
    viewport = view.viewport()
    start = at(view, view.card_rect("pd").center())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    edge = QPoint(viewport.width() - 5, start.y())
    QTest.mouseMove(viewport, start + QPoint(20, 0))
    QTest.mouseMove(viewport, edge)
    qtbot.waitUntil(lambda: bar.value() > before + 40, timeout=2000)
    geometry = view.grid_geometry()
    qtbot.waitUntil(lambda: geometry.cell_at(view.mapToScene(edge))[1] > 3, timeout=3000)
    with qtbot.waitSignal(view.cardMoved, timeout=1000) as moved:
        QTest.mouseRelease(
            viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge
        )
    assert moved.args[0] == "pd"
    assert moved.args[2] > 3  # further right than where it started
