"""The hub's conflict rules (pm_desktop/hub/conflicts.py), case by case, without a database."""

from __future__ import annotations

import json

from pm_desktop.hub.conflicts import Side, conflict_changes, find_conflicts, hub_clock
from pm_desktop.hub.protocol import Change


def stamp(ms: int, device: str) -> str:
    return f"{1_780_000_000_000 + ms:013d}-000000-{device}"


def change(column: str, value: str, ms: int, **seen: object) -> Change:
    fields = {"base": None, "row_base": None, "text": True, **seen}
    return Change(
        "p1", "stakeholders", "r1", column, json.dumps(value), stamp(ms, "devA"), **fields
    )  # type: ignore[arg-type]


def held(value: str, ms: int, device: str = "devB") -> Side:
    return Side(json.dumps(value), stamp(ms, device), device, "li")


def test_an_unseen_text_change_by_another_device_makes_one_edit_record() -> None:
    current = {("stakeholders", "r1"): {"notes": held("B's", 20), "deleted": held("x", 1)}}
    seen = stamp(10, "devB")
    [found] = find_conflicts(
        [change("notes", "A's", 30, base=seen, row_base=seen)], "devA", "wang", current
    )
    assert found.kind == "edit"
    assert (json.loads(found.kept.value), found.kept.user) == ("A's", "wang")
    assert (json.loads(found.lost.value), found.lost.user) == ("B's", "li")


def test_seen_value_same_text_own_device_or_not_text_make_none() -> None:
    current = {("stakeholders", "r1"): {"notes": held("B's", 20)}}
    seen = stamp(20, "devB")
    cases = [
        change("notes", "A's", 30, base=seen, row_base=seen),  # A had seen B's value
        change("notes", "B's", 30, base=None, row_base=seen),  # the same text
        change("notes", "A's", 30, base=None, row_base=seen, text=False),  # not text
    ]
    for case in cases:
        assert find_conflicts([case], "devA", "wang", current) == []
    own = {("stakeholders", "r1"): {"notes": held("mine before", 20, "devA")}}
    assert find_conflicts([cases[0]], "devA", "wang", own) == []


def test_only_the_last_change_of_a_field_in_a_batch_counts() -> None:
    current = {("stakeholders", "r1"): {"notes": held("B's", 20)}}
    seen = stamp(10, "devB")
    batch = [
        change("notes", "draft", 30, base=seen, row_base=seen),
        change("notes", "final", 31, base=seen, row_base=seen),
    ]
    [found] = find_conflicts(batch, "devA", "wang", current)
    assert json.loads(found.kept.value) == "final"


def test_deleting_a_row_edited_unseen_keeps_it_and_the_hub_stamps_the_undelete_last() -> None:
    current = {("stakeholders", "r1"): {"title": held("CIO", 50), "deleted": held("x", 1)}}
    current["stakeholders", "r1"]["deleted"] = Side("false", stamp(1, "devB"), "devB", "li")
    deleting = Change("p1", "stakeholders", "r1", "deleted", "true", stamp(40, "devA"),
                      row_base=stamp(10, "devB"))  # fmt: skip
    [found] = find_conflicts([deleting], "devA", "wang", current)
    assert (found.kind, found.column, found.lost.value, found.kept.user) == (
        "delete", "deleted", "true", "li",
    )  # fmt: skip
    made = conflict_changes([found], hub_clock())
    undelete = [c for c in made if c.table == "stakeholders"]
    assert [(c.column, c.value) for c in undelete] == [("deleted", "false")]
    assert undelete[0].hlc > max(found.kept.hlc, found.lost.hlc)
    record = {c.column: json.loads(c.value) for c in made if c.table == "sync_conflicts"}
    assert (record["row_id"], record["kind"], record["deleted"]) == ("r1", "delete", False)
    assert {c.row_id for c in made if c.table == "sync_conflicts"} == {found.record_id}


def test_deleting_after_seeing_every_edit_or_a_row_already_deleted_makes_none() -> None:
    current = {
        ("stakeholders", "r1"): {
            "title": held("CIO", 50),
            "deleted": Side("false", stamp(1, "devB"), "devB", "li"),
        }
    }
    aware = Change("p1", "stakeholders", "r1", "deleted", "true", stamp(60, "devA"),
                   row_base=stamp(50, "devB"))  # fmt: skip
    assert find_conflicts([aware], "devA", "wang", current) == []
    current["stakeholders", "r1"]["deleted"] = Side("true", stamp(55, "devB"), "devB", "li")
    unaware = Change("p1", "stakeholders", "r1", "deleted", "true", stamp(60, "devA"),
                     row_base=stamp(10, "devB"))  # fmt: skip
    assert find_conflicts([unaware], "devA", "wang", current) == []


def test_editing_a_row_deleted_unseen_keeps_it_unless_the_editor_restores_it_itself() -> None:
    current = {
        ("stakeholders", "r1"): {
            "title": held("CIO", 5),
            "deleted": Side("true", stamp(50, "devB"), "devB", "li"),
        }
    }
    seen = stamp(5, "devB")
    [found] = find_conflicts(
        [change("title", "CTO", 60, base=seen, row_base=seen)], "devA", "wang", current
    )
    assert (found.kind, found.kept.user, found.lost.user) == ("delete", "wang", "li")
    restoring = Change("p1", "stakeholders", "r1", "deleted", "false", stamp(61, "devA"),
                       row_base=seen)  # fmt: skip
    assert find_conflicts([restoring], "devA", "wang", current) == []
