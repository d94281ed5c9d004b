"""The power/interest map as a one-page PDF: Chinese embedded, cards that never overlap.

The PDF is read back with pypdf and rendered with poppler's pdftoppm (QImage counts the pixels).
"""

from __future__ import annotations

import math
import os
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from pm_desktop.core.enums import Attitude, RoleClass
from pm_desktop.core.errors import ExportError
from pm_desktop.core.stakeholders import Quadrant, StakeholderRecord
from pm_desktop.export.pdf_fonts import font_stack
from pm_desktop.export.stakeholder_map_pdf import (
    CELL_PAD,
    GAP,
    NAME_SIZES,
    Box,
    MapLabels,
    plan_cell,
    write_map_pdf,
)

ZH = MapLabels(
    title="干系人权力/利益地图",
    project_name="华东某制造集团数字化转型咨询项目",
    generated_on="生成于 2024年11月18日",
    power_axis="权力",
    interest_axis="利益（关注度）",
    quadrants={
        Quadrant.MANAGE_CLOSELY: "重点管理",
        Quadrant.KEEP_SATISFIED: "令其满意",
        Quadrant.KEEP_INFORMED: "随时告知",
        Quadrant.MONITOR: "监督",
    },
    attitudes={
        Attitude.SUPPORTER: "支持者",
        Attitude.NEUTRAL: "中立",
        Attitude.OPPONENT: "反对者",
        Attitude.UNKNOWN: "未知",
    },
    badges={RoleClass.ONE_W: "1W", RoleClass.STRONG_C: "强C"},
    legend_title="态度：",
    footer="PM Desktop",
    more="另有 {count} 人",
    total="共 {count} 位干系人",
    badge_captions={RoleClass.ONE_W: "最高决策者"},
)
EN = MapLabels(
    title="Stakeholder map",
    project_name="East China Manufacturing",
    generated_on="Generated on 18 November 2024",
    power_axis="Power",
    interest_axis="Interest",
    quadrants={
        Quadrant.MANAGE_CLOSELY: "Manage closely",
        Quadrant.KEEP_SATISFIED: "Keep satisfied",
        Quadrant.KEEP_INFORMED: "Keep informed",
        Quadrant.MONITOR: "Monitor",
    },
    attitudes={
        Attitude.SUPPORTER: "Supporter",
        Attitude.NEUTRAL: "Neutral",
        Attitude.OPPONENT: "Opponent",
        Attitude.UNKNOWN: "Unknown",
    },
    badges={RoleClass.ONE_W: "1W", RoleClass.STRONG_C: "Strong-C"},
    legend_title="Attitude:",
    footer="PM Desktop",
    more="+{count} more",
    total="{count} stakeholders",
)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "强", "磊", "军", "洋", "建国", "晓东")
TITLES = ("总经理", "财务总监", "信息中心主任", "SAP 关键用户", "Head of Digital Transformation")
ROLES = (RoleClass.KEY_USER, RoleClass.IT_OWNER, RoleClass.PROCUREMENT, RoleClass.OTHER)


def person(index: int, power: int, interest: int, **fields: object) -> StakeholderRecord:
    # 240 different names of two or three characters
    name = SURNAMES[index % len(SURNAMES)] + GIVEN[(index // len(SURNAMES)) % len(GIVEN)]
    values: dict[str, object] = {
        "title": TITLES[index % len(TITLES)],
        "role_class": ROLES[index % len(ROLES)],
        "attitude": list(Attitude)[index % 4],
    }
    values.update(fields)
    return StakeholderRecord(
        id=f"s{index}",
        project_id="p1",
        name=name,
        power=power,
        interest=interest,
        **values,  # type: ignore[arg-type]
    )


def fifteen() -> list[StakeholderRecord]:
    cells = [(5, 5), (4, 5), (5, 4), (2, 2), (1, 5), (3, 3), (3, 4), (4, 1), (1, 1), (5, 5)]
    people = [
        person(i, *cells[i % len(cells)]) for i in range(2, 15)
    ]  # two more are the 1W and the strong-C
    return [
        person(0, 5, 5, role_class=RoleClass.ONE_W, attitude=Attitude.SUPPORTER),
        person(1, 4, 5, role_class=RoleClass.STRONG_C, attitude=Attitude.OPPONENT),
        *people,
    ]


def two_hundred() -> list[StakeholderRecord]:
    """200 people spread as in a big programme: most of them low on power."""
    rnd = random.Random(7)
    powers = [1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5]
    interests = [1, 2, 2, 3, 3, 3, 4, 4, 5, 5]
    return [person(i, rnd.choice(powers), rnd.choice(interests)) for i in range(200)]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_text(path: Path) -> str:
    [page] = PdfReader(path).pages
    return squeeze(page.extract_text())


def render(pdf: Path, folder: Path) -> QImage:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(
        [pdftoppm, "-r", "60", "-png", str(pdf), str(folder / "map")],
        check=True,
        capture_output=True,
    )
    [png] = list(folder.glob("map*.png"))
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_RGB32)
    assert not image.isNull()
    return image


def pixels_near(image: QImage, colour: str, tolerance: int = 10) -> int:
    target = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if all(
                abs(a - b) <= tolerance
                for a, b in zip((pixel.red(), pixel.green(), pixel.blue()), target, strict=True)
            ):
                count += 1
    return count


@pytest.fixture(scope="module")
def chinese_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("map") / "map.pdf"
    write_map_pdf(out, fifteen(), ZH)
    return out


def test_one_a4_landscape_page(chinese_map: Path) -> None:
    reader = PdfReader(chinese_map)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)


def test_chinese_labels_and_names_are_on_the_page(chinese_map: Path) -> None:
    text = page_text(chinese_map)
    for word in ("干系人权力/利益地图", "重点管理", "令其满意", "随时告知", "监督", "权力"):
        assert word in text
    for word in ("支持者", "反对者", "最高决策者", "共15位干系人", "生成于2024年11月18日"):
        assert word in text
    for record in fifteen():
        assert squeeze(record.name) in text
    assert "1W" in text
    assert "强C" in text


def test_the_fonts_are_embedded_as_subsets(chinese_map: Path) -> None:
    [page] = PdfReader(chinese_map).pages
    embedded = {}
    for reference in page["/Resources"]["/Font"].values():
        font = reference.get_object()
        descriptor = font.get("/FontDescriptor")
        if descriptor is not None:
            embedded[str(font["/BaseFont"])] = "/FontFile2" in descriptor.get_object()
    cjk = {name: has_file for name, has_file in embedded.items() if "DroidSansFallback" in name}
    assert cjk, f"the CJK font is not used: {embedded}"
    assert all(cjk.values()), "the CJK font is referenced but not embedded"
    assert all(re.fullmatch(r"/[A-Z]{6}\+\S+", name) for name in cjk), cjk
    if font_stack().latin != "Helvetica":
        assert any("Vera" in name and has_file for name, has_file in embedded.items())


def test_the_page_shows_cards_in_the_attitude_colours(chinese_map: Path, tmp_path: Path) -> None:
    image = render(chinese_map, tmp_path)
    assert image.width() == 702  # A4 landscape at 60 dpi
    assert 495 <= image.height() <= 497
    assert pixels_near(image, "#b7e1b0") > 200  # supporters
    assert pixels_near(image, "#f4a9a0") > 200  # opponents
    assert pixels_near(image, "#1F3864", tolerance=25) > 100  # dividers, titles, 1W badge


def test_english_labels(tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    write_map_pdf(out, fifteen(), EN)
    text = page_text(out)
    for word in ("Stakeholdermap", "Manageclosely", "Keepsatisfied", "Keepinformed", "Monitor"):
        assert word in text
    assert "Strong-C" in text
    assert "15stakeholders" in text
    render(out, tmp_path)


def test_200_stakeholders_fit_on_one_page_without_losing_anyone(tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    people = two_hundred()
    write_map_pdf(out, people, ZH)
    assert len(PdfReader(out).pages) == 1
    text = page_text(out)
    assert "另有" not in text
    assert "共200位干系人" in text
    missing = [p.name for p in people if p.name not in text]
    assert not missing
    image = render(out, tmp_path)
    assert pixels_near(image, "#d6e4f5") > 200


def test_a_crowded_cell_says_how_many_more(tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    crowd = [person(i, 5, 5) for i in range(150)]
    write_map_pdf(out, crowd, EN)
    text = page_text(out)
    match = re.search(r"\+(\d+)more", text)
    assert match, text[-200:]
    shown = [p.name for p in crowd if p.name in text]
    # each shown name is whole; those hidden are counted
    assert len(shown) + int(match.group(1)) == len(crowd)
    assert len(shown) > 20


def test_deleted_are_left_out_and_out_of_range_values_clamped(tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    people = [
        person(1, 9, -3),
        person(2, 3, 3, deleted=True),
    ]
    write_map_pdf(out, people, EN)
    text = page_text(out)
    assert people[0].name in text
    assert people[1].name not in text
    assert "1stakeholders" in text


def test_an_empty_register_draws_the_grid(tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    write_map_pdf(out, [], ZH)
    assert "重点管理" in page_text(out)


@pytest.mark.parametrize("count", [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144])
@pytest.mark.parametrize("name_length", [2, 6, 30])
def test_cards_of_a_cell_never_overflow_it(count: int, name_length: int) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fonts = font_stack()

    def width(text: str, size: float) -> float:
        return sum(stringWidth(chunk, font, size) for font, chunk in fonts.runs(text))

    cards = [
        person(i, 5, 5, role_class=RoleClass.ONE_W if i == 0 else RoleClass.OTHER)
        for i in range(count)
    ]
    cards = [
        StakeholderRecord(id=c.id, project_id="p", name=("名" * name_length)[:name_length])
        for c in cards
    ]
    box = Box(0, 0, 148, 80)
    plan = plan_cell(cards, box, width, {RoleClass.ONE_W: "1W", RoleClass.STRONG_C: "强C"})
    assert NAME_SIZES[-1] <= plan.size <= NAME_SIZES[0]
    rows = math.ceil(plan.shown / plan.columns)
    used_width = plan.columns * plan.card_width + (plan.columns - 1) * GAP
    used_height = rows * plan.card_height + (rows - 1) * GAP
    assert used_width <= box.width - 2 * CELL_PAD + 1e-6
    assert used_height <= box.height - 2 * CELL_PAD + 1e-6
    if plan.shown < count:
        assert count > 20  # only a truly crowded cell hides anyone


def test_labels_must_name_every_quadrant_and_attitude() -> None:
    with pytest.raises(ValueError, match="quadrants lacks keep_satisfied, keep_informed, monitor"):
        MapLabels(
            **{
                **{f: getattr(EN, f) for f in EN.__dataclass_fields__},
                "quadrants": {Quadrant.MANAGE_CLOSELY: "x"},
            }
        )


def test_an_unwritable_destination(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ExportError):
        write_map_pdf(tmp_path / "missing" / "map.pdf", fifteen(), ZH)
    out = tmp_path / "map.pdf"
    out.write_bytes(b"the old map")

    def refuse(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="permission denied"):
        write_map_pdf(out, fifteen(), ZH)
    assert out.read_bytes() == b"the old map"
    assert [p.name for p in tmp_path.iterdir()] == ["map.pdf"]
