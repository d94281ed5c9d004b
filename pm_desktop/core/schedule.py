"""Forward scheduling of a master plan from T (the contract-signing date), in working days.

Tasks are placed on working-day indices counted from T: index 0 is the first working day on or
after T. A task of ``d`` working days starting at index ``s`` occupies ``s .. s+d-1`` and ends
(exclusively) at ``s+d``; a milestone (``d`` = 0) sits at ``s``. A finish-to-start link with
lag ``l`` lets its successor start at the predecessor's end plus ``l``. A task's
``offset_days`` is its earliest start. Summary tasks (those with children) span their
children; a link to or from a summary applies to each of its leaf tasks.

The backward pass gives each task its total float; the tasks without float form the critical
path. A dependency cycle is refused with the tasks that form it.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from pm_desktop.core.errors import ValidationError
from pm_desktop.core.work_calendar import WorkCalendar


@dataclass(frozen=True, slots=True)
class TaskSpec:
    id: str
    name: str = ""
    parent_id: str | None = None
    duration_days: int = 1
    offset_days: int | None = None
    """Earliest start, in working days after T (None: driven by its links only)."""


@dataclass(frozen=True, slots=True)
class Link:
    predecessor_id: str
    successor_id: str
    lag_days: int = 0


@dataclass(frozen=True, slots=True)
class Placement:
    """Where the schedule puts a task."""

    id: str
    start_index: int
    end_index: int
    """Exclusive: the first working day after it (equal to the start for a milestone)."""
    start_on: date
    finish_on: date
    """The last working day of it (the day itself for a milestone)."""
    total_float: int
    is_summary: bool = False

    @property
    def critical(self) -> bool:
        return self.total_float == 0 and not self.is_summary


class DependencyCycleError(ValidationError):
    """The links form a loop: no schedule can satisfy them."""

    def __init__(self, task_ids: Sequence[str], names: Sequence[str]) -> None:
        super().__init__(
            "These tasks depend on each other in a loop: " + " → ".join(names), field="links"
        )
        self.task_ids = tuple(task_ids)
        self.names = tuple(names)


class Schedule:
    """The result of :func:`schedule`: placements by task id and the project's end."""

    def __init__(self, placements: Mapping[str, Placement], end_index: int) -> None:
        self.placements = dict(placements)
        self.end_index = end_index

    def __getitem__(self, task_id: str) -> Placement:
        return self.placements[task_id]

    def critical_ids(self) -> set[str]:
        return {task_id for task_id, p in self.placements.items() if p.critical}


def schedule(
    tasks: Sequence[TaskSpec],
    links: Iterable[Link],
    t: date,
    calendar: WorkCalendar | None = None,
) -> Schedule:
    """Place every task as early as its links and offsets allow (raises DependencyCycleError).

    A summary becomes two zero-length events, its start (before each child) and its finish
    (after each child), so a link to or from it costs one edge whatever its size.
    """
    calendar = calendar or WorkCalendar()
    by_id = {task.id: task for task in tasks}
    children: defaultdict[str, list[str]] = defaultdict(list)
    for task in tasks:
        if task.parent_id is not None and task.parent_id in by_id:
            children[task.parent_id].append(task.id)
    graph = _Graph(by_id, children)
    for link in links:
        if link.predecessor_id in by_id and link.successor_id in by_id:
            before, after = graph.exit(link.predecessor_id), graph.entry(link.successor_id)
            graph.edge(before, after, link.lag_days)
    order = _topological(graph.size, graph.successors, graph.name_of)

    duration, successors, predecessors = graph.duration, graph.successors, graph.predecessors
    early = graph.offset[:]
    for node in order:
        start = early[node]
        for pred, lag in predecessors[node]:
            candidate = early[pred] + duration[pred] + lag
            start = max(start, candidate)
        early[node] = start
    end_index = max((early[n] + duration[n] for n in order), default=0)

    late_end = [end_index] * graph.size
    for node in reversed(order):
        finish = end_index
        for succ, lag in successors[node]:
            candidate = late_end[succ] - duration[succ] - lag
            finish = min(finish, candidate)
        late_end[node] = finish

    days = _working_dates(t, calendar, end_index + 1)
    placements: dict[str, Placement] = {}
    for task_id, node in graph.leaf_nodes.items():
        start, end = early[node], early[node] + duration[node]
        placements[task_id] = Placement(
            id=task_id,
            start_index=start,
            end_index=end,
            start_on=days[start],
            finish_on=days[max(start, end - 1)],
            total_float=late_end[node] - end,
        )
    for summary_id in _bottom_up(children):
        placed = [placements[c] for c in children[summary_id] if c in placements]
        if not placed:
            continue
        start = min(p.start_index for p in placed)
        end = max(p.end_index for p in placed)
        placements[summary_id] = Placement(
            id=summary_id,
            start_index=start,
            end_index=end,
            start_on=days[start],
            finish_on=days[max(start, end - 1)],
            total_float=min(p.total_float for p in placed),
            is_summary=True,
        )
    return Schedule(placements, end_index)


class _Graph:
    """Leaf tasks and summary start/finish events as numbered nodes, with "starts no earlier
    than the end of" edges (numbers and lists: a reschedule of thousands of tasks is a hot
    path)."""

    def __init__(self, by_id: Mapping[str, TaskSpec], children: Mapping[str, list[str]]):
        self.by_id = by_id
        self.children = children
        self.task_of: list[str] = []
        self.duration: list[int] = []
        self.offset: list[int] = []
        self.leaf_nodes: dict[str, int] = {}
        self.summary_nodes: dict[str, tuple[int, int]] = {}
        for task_id, task in by_id.items():
            offset = max(0, task.offset_days or 0)
            if task_id in children:
                self.summary_nodes[task_id] = (
                    self._add(task_id, 0, offset),
                    self._add(task_id, 0, 0),
                )
            else:
                self.leaf_nodes[task_id] = self._add(task_id, max(0, task.duration_days), offset)
        self.size = len(self.task_of)
        self.successors: list[list[tuple[int, int]]] = [[] for _ in range(self.size)]
        self.predecessors: list[list[tuple[int, int]]] = [[] for _ in range(self.size)]
        for parent, kids in children.items():
            first, last = self.summary_nodes[parent]
            for kid in kids:
                self.edge(first, self.entry(kid), 0)
                self.edge(self.exit(kid), last, 0)

    def _add(self, task_id: str, duration: int, offset: int) -> int:
        self.task_of.append(task_id)
        self.duration.append(duration)
        self.offset.append(offset)
        return len(self.task_of) - 1

    def entry(self, task_id: str) -> int:
        summary = self.summary_nodes.get(task_id)
        return summary[0] if summary is not None else self.leaf_nodes[task_id]

    def exit(self, task_id: str) -> int:
        summary = self.summary_nodes.get(task_id)
        return summary[1] if summary is not None else self.leaf_nodes[task_id]

    def edge(self, before: int, after: int, lag: int) -> None:
        self.successors[before].append((after, lag))
        self.predecessors[after].append((before, lag))

    def name_of(self, node: int) -> tuple[str, str]:
        """The task id and name behind a node."""
        task_id = self.task_of[node]
        return task_id, self.by_id[task_id].name or task_id


def _bottom_up(children: Mapping[str, list[str]]) -> list[str]:
    """Summaries, each after its child summaries (a looping parent chain is cut)."""
    order: list[str] = []
    done: set[str] = set()
    for root in children:
        stack: list[tuple[str, bool]] = [(root, False)]
        on_path: set[str] = set()
        while stack:
            node, expanded = stack.pop()
            if expanded:
                on_path.discard(node)
                done.add(node)
                order.append(node)
                continue
            if node in done or node in on_path or node not in children:
                continue
            on_path.add(node)
            stack.append((node, True))
            stack.extend((kid, False) for kid in children[node])
    return order


def _topological(
    size: int,
    successors: Sequence[list[tuple[int, int]]],
    name_of: Callable[[int], tuple[str, str]],
) -> list[int]:
    """Kahn's order of the nodes; DependencyCycleError names one loop if there is any."""
    incoming = [0] * size
    for edges in successors:
        for succ, _lag in edges:
            incoming[succ] += 1
    ready = deque(node for node in range(size) if incoming[node] == 0)
    order: list[int] = []
    while ready:
        node = ready.popleft()
        order.append(node)
        for succ, _lag in successors[node]:
            incoming[succ] -= 1
            if incoming[succ] == 0:
                ready.append(succ)
    if len(order) < size:
        loop = _find_loop({n for n in range(size) if incoming[n] > 0}, successors)
        named = list(dict.fromkeys(name_of(n) for n in loop))
        raise DependencyCycleError(
            [task_id for task_id, _ in named], [*(n for _, n in named), named[0][1]]
        )
    return order


def _find_loop(stuck: set[int], successors: Sequence[list[tuple[int, int]]]) -> list[int]:
    """One loop among the nodes Kahn's order could not place, in link order. Each of them
    waits for a predecessor that is stuck too, so walking back along those must repeat."""
    waits_for: defaultdict[int, list[int]] = defaultdict(list)
    for node in stuck:
        for succ, _lag in successors[node]:
            if succ in stuck:
                waits_for[succ].append(node)
    seen: dict[int, int] = {}
    path: list[int] = []
    node = min(stuck)
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        node = min(waits_for[node])
    loop = path[seen[node] :]
    loop.reverse()
    return loop


def _working_dates(t: date, calendar: WorkCalendar, count: int) -> list[date]:
    """The first ``count`` working days on or after ``t``."""
    days: list[date] = []
    day = t
    while len(days) < count:
        if calendar.is_working(day):
            days.append(day)
        day += timedelta(days=1)
    return days


class Progress(Protocol):
    """What a task needs for its share of a summary's progress."""

    @property
    def id(self) -> str: ...
    @property
    def parent_id(self) -> str | None: ...
    @property
    def duration_days(self) -> int: ...
    @property
    def percent_complete(self) -> int: ...


def rolled_up_percent(tasks: Sequence[Progress]) -> dict[str, int]:
    """Each summary's percent complete: done working days over all working days of the
    tasks under it (milestones count as one day each)."""
    parent_of = {t.id: t.parent_id for t in tasks}
    parents = {t.parent_id for t in tasks if t.parent_id}
    work: dict[str, float] = {}
    total: dict[str, int] = {}
    for t in tasks:
        if t.id in parents:
            continue
        days = max(1, int(t.duration_days))
        node = parent_of.get(t.id)
        seen: set[str] = set()
        while node is not None and node not in seen:
            seen.add(node)
            work[node] = work.get(node, 0.0) + days * t.percent_complete / 100
            total[node] = total.get(node, 0) + days
            node = parent_of.get(node)
    return {node: int(100 * work[node] / total[node] + 0.5) for node in total if total[node]}
