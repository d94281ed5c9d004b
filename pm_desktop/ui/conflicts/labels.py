"""Translated words of the Conflicts panel: kinds of record, fields, who and when."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from pm_desktop.core.enums import ConflictKind

if TYPE_CHECKING:
    from datetime import datetime

    from pm_desktop.services.conflicts import ConflictEntry, ConflictSide

translate = QCoreApplication.translate  # lupdate reads translate("Conflicts", ...) calls


def record_kind(table: str) -> str:
    """What kind of record a synced table holds, e.g. "Action item"."""
    kinds = {
        "action_items": translate("Conflicts", "Action item"),
        "action_status_changes": translate("Conflicts", "Action progress"),
        "agenda_items": translate("Conflicts", "Agenda item"),
        "calendar_exceptions": translate("Conflicts", "Calendar day"),
        "demands": translate("Conflicts", "Demand"),
        "meeting_attendees": translate("Conflicts", "Attendee"),
        "meetings": translate("Conflicts", "Meeting"),
        "minute_entries": translate("Conflicts", "Minutes"),
        "outbox_messages": translate("Conflicts", "Queued mail"),
        "outbox_recipients": translate("Conflicts", "Mail recipient"),
        "people": translate("Conflicts", "Person"),
        "plan_tasks": translate("Conflicts", "Task"),
        "pool_events": translate("Conflicts", "Pool event"),
        "projects": translate("Conflicts", "Project"),
        "raci_entries": translate("Conflicts", "RACI entry"),
        "stakeholders": translate("Conflicts", "Stakeholder"),
        "task_assignments": translate("Conflicts", "Task assignment"),
        "task_dependencies": translate("Conflicts", "Task link"),
        "team_assignments": translate("Conflicts", "Team assignment"),
        "team_templates": translate("Conflicts", "Team model"),
        "template_roles": translate("Conflicts", "Model role"),
        "touchpoints": translate("Conflicts", "Touchpoint"),
        "unavailability": translate("Conflicts", "Absence"),
        "working_calendars": translate("Conflicts", "Working calendar"),
    }
    return kinds.get(table, table.replace("_", " ").capitalize())


def field_label(table: str, column: str) -> str:
    """A field as people know it, e.g. "Why (5W1H)", "Minutes text"."""
    special = {
        ("action_items", "what"): translate("Conflicts", "What (5W1H)"),
        ("action_items", "why"): translate("Conflicts", "Why (5W1H)"),
        ("action_items", "who"): translate("Conflicts", "Who (5W1H)"),
        ("action_items", "where"): translate("Conflicts", "Where (5W1H)"),
        ("action_items", "how"): translate("Conflicts", "How (5W1H)"),
        ("minute_entries", "text"): translate("Conflicts", "Minutes text"),
        ("demands", "text"): translate("Conflicts", "Demand"),
        ("touchpoints", "summary"): translate("Conflicts", "Touchpoint summary"),
        ("action_status_changes", "note"): translate("Conflicts", "Progress note"),
        ("meetings", "notes"): translate("Conflicts", "Meeting notes"),
        ("stakeholders", "title"): translate("Conflicts", "Job title"),
        ("stakeholders", "name"): translate("Conflicts", "Full name"),
        ("people", "name"): translate("Conflicts", "Full name"),
        ("meeting_attendees", "name"): translate("Conflicts", "Full name"),
    }
    if (table, column) in special:
        return special[(table, column)]
    common = {
        "notes": translate("Conflicts", "Notes"),
        "note": translate("Conflicts", "Note"),
        "name": translate("Conflicts", "Name"),
        "title": translate("Conflicts", "Title"),
        "description": translate("Conflicts", "Description"),
        "reason": translate("Conflicts", "Reason"),
        "organisation": translate("Conflicts", "Organisation"),
        "company": translate("Conflicts", "Company"),
        "client": translate("Conflicts", "Client"),
        "code": translate("Conflicts", "Code"),
        "location": translate("Conflicts", "Place"),
        "series": translate("Conflicts", "Series"),
        "scribe": translate("Conflicts", "Minutes taken by"),
        "presenter": translate("Conflicts", "Presenter"),
        "responsibilities": translate("Conflicts", "Responsibilities"),
        "work_item": translate("Conflicts", "Work item"),
        "role_name": translate("Conflicts", "Role"),
        "our_people": translate("Conflicts", "Our people"),
        "email": translate("Conflicts", "E-mail"),
        "phone": translate("Conflicts", "Phone"),
        "subject": translate("Conflicts", "Subject"),
        "body": translate("Conflicts", "Message"),
        "what": translate("Conflicts", "What"),
        "deleted": translate("Conflicts", "Deleted"),
    }
    return common.get(column, column.replace("_", " ").capitalize())


def record_text(entry: ConflictEntry) -> str:
    """``Action item “更新接口文档”``, or the kind alone when nothing names the record."""
    kind = record_kind(entry.table)
    if not entry.record:
        return kind
    return translate("Conflicts", "{kind} “{name}”").format(kind=kind, name=entry.record)


def record_labels(entries: Sequence[ConflictEntry]) -> dict[str, str]:
    """The record of each conflict (by id) as the list names it: :func:`record_text`, and
    where conflicts on different records would read the same (two minute entries of one
    meeting), the start of each record's own text after it, e.g.
    ``Minutes “第 12 周例会”: “一、接口方案：双方确认…”``."""
    groups: dict[tuple[str, str], list[ConflictEntry]] = {}
    for entry in entries:
        groups.setdefault((entry.project_id or "", record_text(entry)), []).append(entry)
    labels: dict[str, str] = {}
    for (_project, name), group in groups.items():
        for entry in group:
            others = [own_text(o) for o in group if o.row_id != entry.row_id]
            text = own_text(entry)
            labels[entry.id] = (
                translate("Conflicts", "{record}: “{text}”").format(
                    record=name, text=excerpt(text, others)
                )
                if others and text
                else name
            )
    return labels


def own_text(entry: ConflictEntry) -> str:
    """The record's own text, on one line: the field now (or a side's value when the record
    is not here); for a deletion, the record's first text field."""
    if entry.kind == ConflictKind.DELETE:
        text = entry.row_fields[0][1] if entry.row_fields else ""
    else:
        text = entry.current or entry.kept.text or entry.lost.text
    return " ".join(text.split())


def excerpt(text: str, others: Sequence[str], size: int = 24) -> str:
    """About ``size`` characters of ``text`` that tell it from ``others``: its start, or when
    that is shared, the part where it differs (an ellipsis marks each cut)."""
    shared = max((_common_prefix(text, other) for other in others), default=0)
    start = 0 if shared < size else max(0, min(shared - size // 2, len(text) - size))
    end = start + size
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _common_prefix(first: str, second: str) -> int:
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


def project_text(entry: ConflictEntry) -> str:
    if entry.project_id is None:
        return translate("Conflicts", "Whole team", "a record shared by every project")
    return entry.project_name or translate("Conflicts", "A project not on this computer")


def what_text(entry: ConflictEntry) -> str:
    """The list's third column: the field, or what happened to the record."""
    if entry.kind == ConflictKind.DELETE:
        return translate("Conflicts", "Deleted and edited at once")
    return field_label(entry.table, entry.column)


def when_text(instant: datetime | None) -> str:
    """``2026-11-23 15:35`` in this computer's time zone."""
    return instant.astimezone().strftime("%Y-%m-%d %H:%M") if instant is not None else ""


def who_text(side: ConflictSide) -> str:
    """The user who wrote a side; "this computer" for this device's own."""
    if side.mine:
        return (
            translate("Conflicts", "{user} on this computer").format(user=side.user)
            if side.user
            else translate("Conflicts", "this computer")
        )
    return side.user or translate("Conflicts", "another computer")


def side_title(entry: ConflictEntry, side: ConflictSide) -> str:
    """The caption over one side's text: "Mine", "Theirs", or the user's."""
    if entry.kind == ConflictKind.DELETE:
        return (
            translate("Conflicts", "Edited")
            if side is entry.kept
            else translate("Conflicts", "Deleted")
        )
    if entry.mine is not None:
        return translate("Conflicts", "Mine") if side.mine else translate("Conflicts", "Theirs")
    if _same_users(entry):
        return (
            translate("Conflicts", "Later version")
            if side is entry.kept
            else translate("Conflicts", "Earlier version")
        )
    return translate("Conflicts", "{user}'s version").format(user=side.user)


def keep_button_text(entry: ConflictEntry, side: ConflictSide) -> str:
    """The one-click button that keeps ``side``."""
    if entry.kind == ConflictKind.DELETE:
        return (
            translate("Conflicts", "Keep the Row")
            if side is entry.kept
            else translate("Conflicts", "Delete It")
        )
    if side is entry.kept and entry.changed_since:
        return translate("Conflicts", "Keep the Current Value")
    if entry.mine is not None:
        return (
            translate("Conflicts", "Keep Mine")
            if side.mine
            else translate("Conflicts", "Keep Theirs")
        )
    if _same_users(entry):
        return (
            translate("Conflicts", "Keep the Later")
            if side is entry.kept
            else translate("Conflicts", "Keep the Earlier")
        )
    return translate("Conflicts", "Keep {user}'s").format(user=side.user)


def _same_users(entry: ConflictEntry) -> bool:
    return not entry.kept.user or not entry.lost.user or entry.kept.user == entry.lost.user
