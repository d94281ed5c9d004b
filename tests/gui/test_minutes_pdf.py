"""PDF minutes: complete, readable, in Chinese and English, robust and written atomically.

The labels come from Qt's translation (so a QApplication is needed); the PDF is read back with
pypdf and page 1 is rendered with poppler's pdftoppm to catch a blank page.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from pm_desktop.core.enums import (
    ActionStatus,
    Attendance,
    MeetingStatus,
    MeetingType,
    MinuteKind,
)
from pm_desktop.core.errors import ExportCancelled, ExportError, PmError
from pm_desktop.core.meetings import (
    ActionEntry,
    AgendaEntry,
    Attendee,
    MeetingSummary,
    MinuteNote,
    Minutes,
    StatusChange,
)
from pm_desktop.export.minutes_pdf import MinutesLabels, split_long_text, write_minutes_pdf
from pm_desktop.ui.i18n import install_translators
from pm_desktop.ui.minutes_labels import minutes_labels

REPO = Path(__file__).resolve().parents[2]
PROJECT = "华东某制造集团数字化转型咨询项目"

WHATS = (
    "完成现状调研访谈计划并发送各业务部门确认",
    "收集财务、供应链、生产三大板块的现有系统清单",
    "组织 MES 与 ERP 接口现状梳理研讨会",
    "输出《数字化成熟度评估问卷》初稿",
    "确认项目周例会时间与参会人范围",
    "提供近三年经营数据与 KPI 指标口径说明",
    "搭建项目协作空间（企业微信群 + 共享盘）",
    "安排 1W（总经理）访谈时间，确认其核心诉求",
    "梳理集团 IT 组织架构与人员编制",
    "整理 SAP S/4HANA 升级历史问题清单",
)
WHYS = (
    "为需求分析阶段提供输入",
    "确保调研覆盖全部关键业务",
    "识别系统集成风险",
    "",
    "保证沟通节奏",
)
WHOS = ("王建国", "李娜", "赵磊", "周婷", "陈敏", "刘洋（客户 IT）", "")
WHERES = ("客户总部 3 楼会议室", "线上（腾讯会议）", "共享盘 /01-调研", "", "苏州工厂")
HOWS = ("邮件发送并电话确认", "一对一访谈，每场 60 分钟", "现场工作坊", "按模板填写后评审", "")
STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.CANCELLED)


def make_actions(count: int) -> tuple[ActionEntry, ...]:
    actions = []
    for index in range(count):
        number = index + 1
        actions.append(
            ActionEntry(
                id=f"action-{number}",
                number=number,
                what=f"{WHATS[index % len(WHATS)]}（第 {number} 项）",
                why=WHYS[index % len(WHYS)],
                who=WHOS[index % len(WHOS)],  # every 7th has no owner
                due_on=None if index % 9 == 4 else date(2024, 11, 20) + timedelta(days=index % 23),
                where=WHERES[index % len(WHERES)],
                how=HOWS[index % len(HOWS)],
                status=STATUSES[index % len(STATUSES)],
                meeting_id="meeting-1",
            )
        )
    return tuple(actions)


def make_previous() -> tuple[ActionEntry, ...]:
    start = datetime(2024, 11, 10, 12, 0, tzinfo=UTC)  # the same date in any time zone
    previous = []
    for index in range(4):
        history = (
            StatusChange(ActionStatus.OPEN, start),
            StatusChange(ActionStatus.IN_PROGRESS, start + timedelta(days=10 + index)),
        )
        if index % 2 == 0:
            history += (StatusChange(ActionStatus.DONE, start + timedelta(days=15 + index)),)
        previous.append(
            ActionEntry(
                id=f"previous-{index}",
                number=index + 1,
                what=f"上次会议待办：{WHATS[index + 3]}",
                why="",
                who=WHOS[index],
                due_on=date(2024, 11, 15) + timedelta(days=index),
                where="",
                how="",
                status=history[-1].status,
                meeting_id="meeting-0",
                history=history,
            )
        )
    return tuple(previous)


def make_minutes(actions: int = 50) -> Minutes:
    meeting = MeetingSummary(
        id="meeting-1",
        project_id="project-1",
        meeting_type=MeetingType.KICKOFF,
        title="项目启动会",
        series="",
        starts_at=datetime(2024, 11, 18, 1, 30, tzinfo=UTC),
        ends_at=datetime(2024, 11, 18, 3, 30, tzinfo=UTC),
        location="华东某制造集团总部 A 座 3 楼第一会议室",
        status=MeetingStatus.CLOSED,
        scribe="李娜",
    )
    return Minutes(
        project_name=PROJECT,
        meeting=meeting,
        attendees=(
            Attendee("a1", "王建国", Attendance.PRESENT, organisation="华东制造集团"),
            Attendee("a2", "吴刚", Attendance.ABSENT, organisation="华东制造集团"),
            Attendee("a3", "李娜", Attendance.PRESENT),
            Attendee("a4", "赵磊", Attendance.PRESENT),
            Attendee("a5", "陈敏", Attendance.EXCUSED),
            Attendee("a6", "Michael Chen", Attendance.PRESENT, organisation="Acme Consulting"),
        ),
        agenda=(
            AgendaEntry("g1", "项目背景、目标与范围介绍", "王建国", 20),
            AgendaEntry("g2", "项目组织架构与职责（RACI）", "李娜", 15),
            AgendaEntry("g3", "总体计划与里程碑（T+5 天至 T+6 个月）", duration_min=30),
            AgendaEntry("g4", "沟通机制与周例会安排"),
        ),
        decisions=(
            MinuteNote("d1", MinuteKind.DECISION, "项目周例会定于每周一 14:00 召开。"),
            MinuteNote("d2", MinuteKind.DECISION, "调研阶段于 12 月 20 日前完成。"),
        ),
        notes=(
            MinuteNote("n1", MinuteKind.NOTE, "王总强调：要让管理层尽早看到经营看板。"),
            MinuteNote("n2", MinuteKind.NOTE, "供应链仍有大量 Excel 手工报表；\n需评估 RPA。"),
        ),
        actions=make_actions(actions),
        previous_actions=make_previous(),
    )


def labels_in(app: QApplication, language: str) -> MinutesLabels:
    translators = install_translators(app, language)
    try:
        return minutes_labels()
    finally:
        for translator in translators:
            app.removeTranslator(translator)


@pytest.fixture
def zh_labels(qapp: QApplication) -> MinutesLabels:
    return labels_in(qapp, "zh_CN")


@pytest.fixture
def en_labels(qapp: QApplication) -> MinutesLabels:
    return labels_in(qapp, "en")


def squeeze(text: str) -> str:
    """Text without white space: line breaks inside table cells do not matter."""
    return re.sub(r"\s+", "", text)


def page_texts(path: Path) -> list[str]:
    return [squeeze(page.extract_text()) for page in PdfReader(path).pages]


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture(scope="module")
def chinese_pdf(tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> Path:
    out = tmp_path_factory.mktemp("minutes") / "启动会纪要.pdf"
    write_minutes_pdf(make_minutes(), labels_in(qapp, "zh_CN"), out)
    return out


def test_the_labels_are_chinese_when_chinese_is_installed(zh_labels: MinutesLabels) -> None:
    assert zh_labels.document_title == "会议纪要"
    assert zh_labels.meeting_types[MeetingType.KICKOFF] == "启动会"
    assert zh_labels.attendance[Attendance.ABSENT] == "缺席"
    assert zh_labels.page == "第 {page} 页 / 共 {total} 页"


def test_labels_must_name_every_status_type_and_attendance(zh_labels: MinutesLabels) -> None:
    statuses = dict(zh_labels.statuses)
    del statuses[ActionStatus.CANCELLED]
    with pytest.raises(ValueError, match="cancelled"):
        dataclasses.replace(zh_labels, statuses=statuses)


def test_chinese_minutes_hold_every_item_and_number_their_pages(chinese_pdf: Path) -> None:
    pages = page_texts(chinese_pdf)
    everything = "".join(pages)
    assert "会议纪要" in pages[0]
    assert squeeze(PROJECT) in pages[0]
    for name in ("王建国", "吴刚", "李娜", "MichaelChen"):
        assert name in everything
    assert "出席" in pages[0]
    assert "缺席" in pages[0]
    assert "启动会" in pages[0]
    for action in make_minutes().actions:
        # the number, then the What: numbered rows, every one of them
        assert f"{action.number}{squeeze(action.what)}" in everything, action.number
    assert "待定" in everything  # incomplete items are marked
    assert "11-20进行中→11-25已完成" in everything  # a previous action's history
    total = len(pages)
    assert total >= 2
    for number, text in enumerate(pages, start=1):
        assert f"第{number}页/共{total}页" in text


def test_a_table_over_several_pages_repeats_its_header(chinese_pdf: Path) -> None:
    pages = page_texts(chinese_pdf)
    header = "序号事项目的负责人完成时间地点方式状态"
    first = next(i for i, text in enumerate(pages) if "（第1项）" in text)
    last = next(i for i, text in enumerate(pages) if "（第50项）" in text)
    assert last > first, "the 50 actions should need more than one page"
    for index in range(first, last + 1):
        assert header in pages[index], f"page {index + 1} lacks the table's header"


def test_page_one_is_not_blank(chinese_pdf: Path, tmp_path: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(
        [pdftoppm, "-r", "50", "-png", "-f", "1", "-l", "1", str(chinese_pdf), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )
    [png] = list(tmp_path.glob("p*.png"))
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    assert not image.isNull()
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    pixels = bytes(image.constBits())
    dark = sum(
        1 for y in range(height) for value in pixels[y * stride : y * stride + width] if value < 160
    )
    share = dark / (width * height)
    assert share > 0.01, f"page 1 is (nearly) blank: {share:.2%} dark pixels"


def test_the_bundled_font_is_embedded_as_a_subset(chinese_pdf: Path) -> None:
    embedded = {}
    for page in PdfReader(chinese_pdf).pages:
        for reference in page["/Resources"]["/Font"].values():
            font = reference.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None:
                embedded[str(font["/BaseFont"])] = "/FontFile2" in descriptor.get_object()
    cjk = {name: has_file for name, has_file in embedded.items() if "DroidSansFallback" in name}
    assert cjk, f"the CJK font is not used: {embedded}"
    assert all(cjk.values()), "the CJK font is referenced but not embedded"
    assert all(re.fullmatch(r"/[A-Z]{6}\+\S+", name) for name in cjk), cjk


def test_english_labels_number_pages_in_english(en_labels: MinutesLabels, tmp_path: Path) -> None:
    out = tmp_path / "minutes.pdf"
    write_minutes_pdf(make_minutes(actions=12), en_labels, out)
    pages = page_texts(out)
    assert "Meetingminutes" in pages[0]
    assert "Actionitems" in "".join(pages)
    assert "Kickoff" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"Page{number}of{len(pages)}" in text


@pytest.mark.parametrize("where", ["what", "note"])
def test_a_100000_character_text_emoji_and_mixed_scripts(
    where: str, zh_labels: MinutesLabels, tmp_path: Path
) -> None:
    filler = "数字化转型需要管理层的持续投入与 SAP S/4HANA 系统的深度集成。"
    body = (filler * (100_000 // len(filler) + 1))[: 100_000 - 8]
    long_text = "长文开头" + body + "长文结尾"
    assert len(long_text) == 100_000
    minutes = make_minutes(actions=5)
    actions = list(minutes.actions)
    if where == "what":
        actions[0] = dataclasses.replace(actions[0], what=long_text)
    else:
        note = MinuteNote("n-long", MinuteKind.NOTE, long_text)
        minutes = dataclasses.replace(minutes, notes=(*minutes.notes, note))
    actions[1] = dataclasses.replace(
        actions[1],
        what="上线 🚀✅ 日本語 العربية Ελληνικά Русский <b>&amp; & 1<2",
        why="<b>&",
        how="a > b & c < d",
    )
    minutes = dataclasses.replace(minutes, actions=tuple(actions))
    out = tmp_path / "long.pdf"

    write_minutes_pdf(minutes, zh_labels, out)

    pages = page_texts(out)
    assert len(pages) > 20
    everything = "".join(pages)
    assert everything.count("长文开头数字化转型需要管理层") == 1
    assert everything.count(squeeze(body[-12:]) + "长文结尾") == 1
    assert everything.index("长文开头") < everything.index("长文结尾")
    assert "<b>&amp;&1<2" in everything  # XML specials are text, not markup
    assert "<b>&" in everything
    assert "a>b&c<d" in everything
    assert "日本語" in everything


def test_split_long_text_keeps_every_character_and_short_texts_whole() -> None:
    assert split_long_text("短文本", 10, 20) == ["短文本"]
    text = "甲乙丙丁。" * 5000 + "\n" * 300 + "x" * 9000
    pieces = split_long_text(text, 10, 20)
    assert len(pieces) > 10
    assert all(len(piece) <= 200 for piece in pieces)
    assert "".join(pieces).replace("\n", "") == text.replace("\n", "")


@pytest.mark.parametrize("case", ["missing folder", "file as folder", "a folder", "read-only"])
def test_an_unwritable_destination_raises_export_error(
    case: str, zh_labels: MinutesLabels, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    if case == "missing folder":
        out = folder / "no-such-folder" / "minutes.pdf"
    elif case == "file as folder":
        (folder / "plain-file").write_text("x")
        out = folder / "plain-file" / "minutes.pdf"
    elif case == "a folder":
        out = folder / "minutes.pdf"
        out.mkdir()
    elif os.name == "posix" and os.geteuid() != 0:
        out = folder / "minutes.pdf"
        folder.chmod(0o555)
    elif sys.platform.startswith("linux") and Path("/sys").is_dir():
        out = Path("/sys/pm-desktop-minutes.pdf")  # root may write anywhere but in sysfs
    else:
        pytest.skip("no read-only folder to try")
    before = files_in(folder)
    try:
        with pytest.raises(ExportError) as raised:
            write_minutes_pdf(make_minutes(actions=3), zh_labels, out)
    finally:
        folder.chmod(0o755)
    error = raised.value
    assert isinstance(error, PmError)
    assert error.code == "export_failed"
    assert error.path == out
    assert str(out) in str(error)
    assert str(error).startswith("Cannot write ")
    if case == "read-only":
        assert "permission denied" in str(error)
    assert files_in(folder) == before, "a temporary file was left behind"


def test_a_failed_export_keeps_the_existing_file(
    zh_labels: MinutesLabels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "minutes.pdf"
    out.write_bytes(b"the minutes sent last week")

    def refuse(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="permission denied"):
        write_minutes_pdf(make_minutes(actions=3), zh_labels, out)
    assert out.read_bytes() == b"the minutes sent last week"
    assert files_in(tmp_path) == ["minutes.pdf"]


def test_an_unreadable_logo_fails_cleanly(zh_labels: MinutesLabels, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"not an image")
    out = tmp_path / "minutes.pdf"
    with pytest.raises(ExportError, match="logo"):
        write_minutes_pdf(make_minutes(actions=3), zh_labels, out, logo=logo)
    assert files_in(tmp_path) == ["logo.png"]


def test_a_logo_is_drawn_on_the_first_page(zh_labels: MinutesLabels, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    image = QImage(240, 80, QImage.Format.Format_RGB32)
    image.fill(0x1F3864)
    assert image.save(str(logo))
    out = tmp_path / "minutes.pdf"
    write_minutes_pdf(make_minutes(actions=3), zh_labels, out, logo=logo)
    first = PdfReader(out).pages[0]
    assert first["/Resources"]["/XObject"], "no image on page 1"


@pytest.mark.parametrize("after_checks", [0, 3, 12])
def test_cancelling_leaves_nothing_and_keeps_the_old_file(
    after_checks: int, zh_labels: MinutesLabels, tmp_path: Path
) -> None:
    out = tmp_path / "minutes.pdf"
    out.write_bytes(b"old")
    checks = 0

    def is_cancelled() -> bool:
        nonlocal checks
        checks += 1
        return checks > after_checks

    with pytest.raises(ExportCancelled):
        write_minutes_pdf(make_minutes(), zh_labels, out, is_cancelled=is_cancelled)
    assert out.read_bytes() == b"old"
    assert files_in(tmp_path) == ["minutes.pdf"]


def test_progress_counts_up_to_the_total_and_the_file_is_replaced(
    zh_labels: MinutesLabels, tmp_path: Path
) -> None:
    out = tmp_path / "minutes.pdf"
    out.write_bytes(b"old")
    steps: list[tuple[int, int]] = []
    write_minutes_pdf(
        make_minutes(actions=10), zh_labels, out, progress=lambda d, t: steps.append((d, t))
    )
    total = steps[-1][1]
    assert steps[-1] == (total, total)
    assert [done for done, _ in steps] == sorted({done for done, _ in steps})
    assert len(steps) == total
    assert out.read_bytes().startswith(b"%PDF")
    assert files_in(tmp_path) == ["minutes.pdf"]


def test_empty_minutes_still_make_a_pdf(zh_labels: MinutesLabels, tmp_path: Path) -> None:
    minutes = dataclasses.replace(
        make_minutes(actions=0),
        attendees=(),
        agenda=(),
        decisions=(),
        notes=(),
        previous_actions=(),
    )
    out = tmp_path / "empty.pdf"
    write_minutes_pdf(minutes, zh_labels, out)
    [page] = page_texts(out)
    assert page.count("无") >= 5
    assert "第1页/共1页" in page


def test_importing_the_pdf_code_does_not_load_reportlab() -> None:
    probe = (
        "import sys\n"
        "import pm_desktop.export.minutes_pdf, pm_desktop.export.pdf_fonts\n"
        "import pm_desktop.ui.minutes_labels\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'reportlab'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "[]"
