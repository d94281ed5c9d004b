"""The master plan as a Gantt PDF: Chinese embedded, text and bars on the page, long plans
over several pages, cancelling leaves nothing behind.

Read back with poppler (pdffonts, pdftotext, pdftoppm) and pypdf; pixels counted with Pillow.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from pm_desktop.core.errors import ExportError
from pm_desktop.core.work_calendar import WorkCalendar
from pm_desktop.export.plan_pdf import (
    A4_ROWS,
    TASK,
    PlanPdfLabels,
    Unit,
    choose_scale,
    days_off,
    link_route,
    plan_rows,
    write_plan_pdf,
)
from pm_desktop.services.container import Services
from pm_desktop.services.plan import PlanLinkRecord, PlanTaskRecord

T = date(2026, 9, 28)
TODAY = date(2026, 11, 16)
CALENDAR = WorkCalendar()
ZH = PlanPdfLabels(
    column_name="任务名称",
    column_duration="工期",
    duration_unit="工作日",
    column_start="开始",
    column_finish="完成",
    column_percent="完成度",
    task="任务",
    critical="关键任务",
    progress="进度",
    summary="摘要任务",
    milestone="里程碑",
    baseline="基线",
    dependency="依赖关系",
    non_working="非工作日",
    today="今天",
    page="第 {page} 页，共 {pages} 页",
    printed="打印于 {date}",
    contract="T（合同签订）= {date}",
    no_tasks="计划中没有任务。",
    scale_month="{year}年{month}月",
    scale_year="{year}年",
    month_names=tuple(f"{month}月" for month in range(1, 13)),
)
SUMMARY = "系统上线准备"
CHILDREN = ("数据迁移方案与演练", "UAT 用户验收测试", "上线决策会")


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return found


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(pdf: Path) -> str:
    result = subprocess.run(
        [tool("pdftotext"), str(pdf), "-"], check=True, capture_output=True, text=True
    )
    return result.stdout


def render_first_page(pdf: Path, folder: Path) -> Image.Image:
    subprocess.run(
        [tool("pdftoppm"), "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(folder / "p")],
        check=True,
        capture_output=True,
    )
    [png] = folder.glob("p*.png")
    return Image.open(png).convert("RGB")


def near(pixel: tuple[int, int, int], colour: str, tolerance: int = 12) -> bool:
    target = (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, target, strict=True))


def consulting_plan(services: Services) -> tuple[list[PlanTaskRecord], list[PlanLinkRecord]]:
    """The consulting template, a summary with three children linked in a chain, progress,
    and a baseline that the research task has since slipped from."""
    plan = services.plan
    project = services.projects.create("华东某制造集团数字化转型咨询项目", contract_signed_on=T)
    plan.apply_template(project.id, "consulting")
    by_name = {task.name: task for task in plan.tasks(project.id)}
    summary = plan.add_task(project.id, SUMMARY)
    migration = plan.add_task(project.id, CHILDREN[0], duration_days=6, parent_id=summary.id)
    uat = plan.add_task(project.id, CHILDREN[1], duration_days=8, parent_id=summary.id)
    decision = plan.add_task(project.id, CHILDREN[2], is_milestone=True, parent_id=summary.id)
    plan.add_link(by_name["方案报告客户确认"].id, migration.id)
    plan.add_link(migration.id, uat.id)
    plan.add_link(uat.id, decision.id)
    plan.update_task(by_name["项目准备"].id, percent_complete=100)
    plan.update_task(by_name["调研与需求分析"].id, percent_complete=60)
    plan.save_baseline(project.id)
    plan.update_task(by_name["调研与需求分析"].id, duration_days=20)
    return plan.tasks(project.id), plan.links(project.id)


def synthetic_plan(count: int) -> tuple[list[PlanTaskRecord], list[PlanLinkRecord]]:
    """``count`` rows: phases of 24 tasks each, chained, every tenth a milestone."""
    tasks: list[PlanTaskRecord] = []
    links: list[PlanLinkRecord] = []
    day, phase = T, ""
    for index in range(count):
        if index % 25 == 0:
            phase = f"p{index}"
            number = index // 25 + 1
            tasks.append(
                PlanTaskRecord(
                    phase, f"阶段 {number}", str(number), None, 0, None, False, day, day, 0
                )
            )
            continue
        start = CALENDAR.add_working_days(day, index % 7)
        duration = 0 if index % 10 == 0 else 2 + index % 9
        finish = CALENDAR.add_working_days(start, max(duration - 1, 0))
        tasks.append(
            PlanTaskRecord(
                id=f"t{index}",
                name=f"任务 {index} 配置与开发 work package",
                wbs_code=f"{index // 25 + 1}.{index % 25}",
                parent_id=phase,
                duration_days=duration,
                offset_days=None,
                is_milestone=duration == 0,
                start_on=start,
                finish_on=finish,
                percent_complete=index % 101,
                critical=index % 3 == 0,
            )
        )
        if index % 25 > 1:
            links.append(PlanLinkRecord(f"l{index}", tasks[-2].id, tasks[-1].id, 0))
        if index % 5 == 0:
            day = CALENDAR.add_working_days(day, 1)
    spans: dict[str, tuple[date, date]] = {}
    for task in tasks:
        if task.parent_id and task.start_on and task.finish_on:
            low, high = spans.get(task.parent_id, (task.start_on, task.finish_on))
            spans[task.parent_id] = (min(low, task.start_on), max(high, task.finish_on))
    tasks = [
        replace(t, start_on=spans[t.id][0], finish_on=spans[t.id][1]) if t.id in spans else t
        for t in tasks
    ]
    return tasks, links


def export(
    out: Path, tasks: list[PlanTaskRecord], links: list[PlanLinkRecord], **extra: object
) -> int:
    values: dict[str, object] = {
        "title": "华东某制造集团数字化转型咨询项目 主计划",
        "contract_signed_on": T,
        "tasks": tasks,
        "links": links,
        "calendar": CALENDAR,
        "labels": ZH,
        "today": TODAY,
    }
    values.update(extra)
    return write_plan_pdf(out, **values)  # type: ignore[arg-type]


@pytest.fixture
def chinese_plan(services: Services, tmp_path: Path) -> tuple[Path, list[PlanTaskRecord]]:
    tasks, links = consulting_plan(services)
    out = tmp_path / "plan.pdf"
    assert export(out, tasks, links) == 1
    return out, tasks


def test_the_cjk_font_is_embedded_as_a_subset(
    chinese_plan: tuple[Path, list[PlanTaskRecord]],
) -> None:
    out, _ = chinese_plan
    listing = subprocess.run(
        [tool("pdffonts"), str(out)], check=True, capture_output=True, text=True
    ).stdout
    cjk = [line for line in listing.splitlines() if "DroidSansFallback" in line]
    assert cjk, listing
    for line in cjk:
        name, *_, emb, sub, _uni, _object, _generation = line.split()
        assert re.fullmatch(r"[A-Z]{6}\+\S+", name), line
        assert (emb, sub) == ("yes", "yes"), line


def test_names_wbs_codes_and_dates_are_on_the_page(
    chinese_plan: tuple[Path, list[PlanTaskRecord]],
) -> None:
    out, tasks = chinese_plan
    text = squeeze(pdf_text(out))
    for name in ("项目准备", "调研与需求分析", "方案报告客户确认", SUMMARY, *CHILDREN):
        assert squeeze(name) in text
    for code in ("1", "9", "10", "10.1", "10.2", "10.3"):
        assert code in {task.wbs_code for task in tasks}
        assert code in text
    assert "2026-09-28" in text  # T and the first task's start
    assert "2026-10-09" in text  # 项目准备 finishes after National Day
    assert "T（合同签订）=2026-09-28" in text
    assert "打印于2026-11-16" in text
    assert "第1页，共1页" in text
    for word in ("任务名称", "工期", "工作日", "关键任务", "里程碑", "基线", "今天", "非工作日"):
        assert word in text
    assert "2026年10月" in text  # the weeks of the time scale under their months


def test_the_first_page_shows_bars_and_shaded_days(
    chinese_plan: tuple[Path, list[PlanTaskRecord]], tmp_path: Path
) -> None:
    out, _ = chinese_plan
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
    image = render_first_page(out, tmp_path)
    width, height = image.size
    gantt = image.crop((int(width * 0.5), int(height * 0.12), width - 10, int(height * 0.6)))
    data = gantt.tobytes()
    pixels = [(data[i], data[i + 1], data[i + 2]) for i in range(0, len(data), 3)]
    ink = sum(1 for p in pixels if sum(p) < 3 * 245)
    assert ink > len(pixels) * 0.1, "the Gantt area is nearly blank"
    assert sum(1 for p in pixels if near(p, TASK)) > 150  # task bars
    assert sum(1 for p in pixels if near(p, "#E8776C")) > 150  # the critical path
    assert sum(1 for p in pixels if near(p, "#E8EBEF", 4)) > 500  # weekends and holidays


def test_a_long_plan_flows_over_a3_pages(tmp_path: Path) -> None:
    tasks, links = synthetic_plan(600)
    out = tmp_path / "long.pdf"
    calls: list[tuple[int, int]] = []
    pages = export(out, tasks, links, progress=lambda done, total: calls.append((done, total)))
    reader = PdfReader(out)
    assert pages == len(reader.pages) > 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (1191, 842)  # A3 landscape
    assert calls == [(done, pages) for done in range(pages + 1)]
    text = squeeze(pdf_text(out))
    assert text.count("任务名称") == pages  # the column titles on every page
    assert f"第{pages}页，共{pages}页" in text
    assert squeeze(tasks[-1].name) in text
    assert all(task.wbs_code in text for task in tasks[::37])


def test_a_short_plan_takes_one_a4_page_and_a_longer_one_a3(tmp_path: Path) -> None:
    tasks, links = synthetic_plan(A4_ROWS)
    assert export(tmp_path / "a4.pdf", tasks, links) == 1
    assert round(float(PdfReader(tmp_path / "a4.pdf").pages[0].mediabox.width)) == 842
    tasks, links = synthetic_plan(A4_ROWS + 1)
    assert export(tmp_path / "a3.pdf", tasks, links) == 1
    assert round(float(PdfReader(tmp_path / "a3.pdf").pages[0].mediabox.width)) == 1191


class CancelledError(Exception):
    """What a progress callback raises to cancel."""


def test_cancelling_leaves_no_file_and_keeps_an_old_one(tmp_path: Path) -> None:
    tasks, links = synthetic_plan(300)

    def cancel_at_page_two(done: int, total: int) -> None:
        if done == 2:
            raise CancelledError

    out = tmp_path / "plan.pdf"
    with pytest.raises(CancelledError):
        export(out, tasks, links, progress=cancel_at_page_two)
    assert list(tmp_path.iterdir()) == []
    out.write_bytes(b"the old plan")
    with pytest.raises(CancelledError):
        export(out, tasks, links, progress=cancel_at_page_two)
    assert out.read_bytes() == b"the old plan"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_an_unwritable_destination(tmp_path: Path) -> None:
    tasks, links = synthetic_plan(10)
    with pytest.raises(ExportError):
        export(tmp_path / "missing" / "plan.pdf", tasks, links)


def test_long_names_are_clipped_with_an_ellipsis(tmp_path: Path) -> None:
    tasks, links = synthetic_plan(5)
    long_name = "知识转移与持续改进" * 12
    tasks[1] = replace(tasks[1], name=long_name)
    out = tmp_path / "plan.pdf"
    export(out, tasks, links, labels=PlanPdfLabels())
    text = squeeze(pdf_text(out))
    assert long_name not in text
    assert re.search("知识转移与持续改进(知识转移与持续改进)+知?识?转?移?与?持?续?改?进?…", text)
    assert "Taskname" in text  # the English defaults
    assert "Page1of1" in text


def test_an_empty_plan_says_so(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    assert export(out, [], [], labels=PlanPdfLabels()) == 1
    assert "Theplanhasnotasks." in squeeze(pdf_text(out))


@pytest.mark.slow
def test_five_thousand_tasks_in_reasonable_time(tmp_path: Path) -> None:
    tasks, links = synthetic_plan(5_000)
    started = time.perf_counter()
    pages = export(tmp_path / "big.pdf", tasks, links)
    assert time.perf_counter() - started < 15
    assert pages == 100


# --- the parts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "unit"),
    [(1, Unit.DAY), (42, Unit.DAY), (43, Unit.WEEK), (275, Unit.WEEK), (276, Unit.MONTH)],
)
def test_the_time_scale_follows_the_span(days: int, unit: Unit) -> None:
    scale = choose_scale(T, T + timedelta(days=days - 1))
    assert scale.unit is unit
    assert scale.start <= T
    assert scale.end > T + timedelta(days=days - 1)
    if unit is Unit.WEEK:
        assert scale.start.weekday() == scale.end.weekday() == 0
    if unit is Unit.MONTH:
        assert scale.start.day == scale.end.day == 1


def test_days_off_follow_the_chinese_calendar() -> None:
    scale = choose_scale(date(2026, 9, 14), date(2026, 10, 20))
    assert scale.unit is Unit.DAY
    shaded = {
        start + timedelta(days=n)
        for start, end in days_off(scale, CALENDAR)
        for n in range((end - start).days)
    }
    national_day = {date(2026, 10, 1) + timedelta(days=n) for n in range(7)}
    assert national_day <= shaded
    assert date(2026, 10, 10) not in shaded  # Saturday, an adjusted working day (调休)
    assert date(2026, 9, 20) not in shaded  # Sunday, an adjusted working day
    assert date(2026, 10, 11) in shaded  # an ordinary Sunday
    assert all(not CALENDAR.is_working(day) for day in shaded)
    months = choose_scale(date(2026, 1, 1), date(2027, 6, 1))
    assert days_off(months, CALENDAR) == []


def test_levels_summaries_and_their_durations() -> None:
    tasks, _ = synthetic_plan(30)
    rows = plan_rows(tasks, CALENDAR)
    assert [row.level for row in rows[:3]] == [0, 1, 1]
    assert rows[0].summary
    assert not rows[1].summary
    first = rows[0].task
    assert first.start_on is not None
    assert first.finish_on is not None
    assert rows[0].duration == CALENDAR.working_days(first.start_on, first.finish_on)


def test_a_link_enters_its_successor_from_above_when_there_is_room() -> None:
    # the successor (below) starts where the predecessor ends: a hook into its top
    route = link_route((100, 50), (100, 36), target_right=160, target_half=3.5, turn_y=43)
    assert route[0] == (100, 50)
    assert route[-1][1] == pytest.approx(39.5)  # the successor's top
    assert 100 < route[-1][0] < 160
    # the successor starts before the predecessor ends: around, into its left end
    route = link_route((100, 50), (80, 36), target_right=90, target_half=3.5, turn_y=43)
    assert route[-1] == (80, 36)
    assert all(y in (50, 43, 36) for _, y in route)


def test_labels_need_twelve_months() -> None:
    with pytest.raises(ValueError, match="12 months"):
        PlanPdfLabels(month_names=("Jan",))
