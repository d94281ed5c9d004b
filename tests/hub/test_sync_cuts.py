"""The connection to the hub cut at many points of push and pull (tests/hub/cutting_proxy.py
between the desktop's HubClient and the real hub), in both directions.

After each cut the sync fails with a network or timeout error and the replica is whole: a
cut push changed nothing here and its entries are still pending; a cut pull applied whole
pages only, each with its cursor. Then a good sync (without the proxy) converges: the hub
holds every change exactly once, a partial request was never applied, a batch whose answer
was lost after the commit is resent and answered ``duplicate``, and both replicas are equal.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
import uvicorn
from sqlalchemy import select, text

from pm_desktop.core.enums import MailState, MeetingType
from pm_desktop.core.outbox import Recipient as To
from pm_desktop.core.outbox import SendReport, SmtpSecurity, SmtpSettings
from pm_desktop.hub import admin
from pm_desktop.hub.server import server_config
from pm_desktop.services.container import Services
from pm_desktop.storage.models import ChangeLogEntry, LocalMeta
from pm_desktop.sync import engine
from pm_desktop.sync.client import HubClient, SyncError
from pm_desktop.sync.engine import SyncReport, sync_once
from pm_desktop.sync.mailer import send_due
from tests.hub.conftest import UserFactory
from tests.hub.cutting_proxy import Cut, CuttingProxy
from tests.hub.hubserver import HubClient as RawClient
from tests.hub.hubserver import HubThread
from tests.hub.postgres import free_port
from tests.hub.test_sync_convergence import state, unpushed
from tests.mail_server import (
    HOST,
    PASSWORD,
    USER,
    Certificates,
    Recorder,
    make_certificates,
    smtp_server,
)

PUSH = b"POST /v1/push"
HELLO = b"GET /v1/hello"
#: Fractions of a body: a cut every 5 percent of it.
SPREAD = [i / 20 for i in range(1, 20)]


class RecordingTransport(httpx.HTTPTransport):
    """Remembers the hub's answer to every push (its per-batch results)."""

    def __init__(self) -> None:
        super().__init__()
        self.pushed: list[list[dict[str, Any]]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path == "/v1/push":
            response.read()
            if response.status_code == 200:
                self.pushed.append(json.loads(response.content)["results"])
        return response


@dataclass
class Pair:
    """Two laptops of one user on one project: A syncs through the proxy or directly."""

    a: Services
    b: Services
    project: str
    proxy: CuttingProxy
    through_proxy: HubClient
    a_direct: HubClient
    b_direct: HubClient
    recorder: RecordingTransport
    db: psycopg.Connection[Any]
    user: tuple[str, str]


def good_sync(services: Services, client: HubClient) -> SyncReport:
    report = sync_once(services.store, client)
    # The hub is shared by the whole run: other tests' made-up tables are in its team
    # stream, and a replica skips (and reports) what its schema does not have.
    assert [e for e in report.errors if "unknown table" not in e] == []
    return report


@pytest.fixture
def pair(
    tmp_path: Path, hub: HubThread, make_user: UserFactory, db: psycopg.Connection[Any]
) -> Iterator[Pair]:
    name, secret = make_user()
    a = Services.open(tmp_path / "a.sqlite")
    b = Services.open(tmp_path / "b.sqlite")
    project = a.projects.create("Line 3", client="ACME", contract_signed_on=date(2026, 3, 2))
    admin.grant(db, name, project.id)
    proxy = CuttingProxy(hub.port)
    recorder = RecordingTransport()
    p = Pair(
        a,
        b,
        project.id,
        proxy,
        HubClient(proxy.url, name, secret, timeout=10),
        HubClient(hub.url, name, secret, timeout=10, transport=recorder),
        HubClient(hub.url, name, secret, timeout=10),
        recorder,
        db,
        (name, secret),
    )
    try:
        good_sync(a, p.a_direct)
        good_sync(b, p.b_direct)
        yield p
    finally:
        for client in (p.through_proxy, p.a_direct, p.b_direct):
            client.close()
        proxy.close()
        a.close()
        b.close()


def edit(services: Services, project: str, tag: str) -> None:
    """A few ordinary edits: rows created and changed, in the project and the team pool."""
    services.stakeholders.create(project, f"王芳 {tag}", title=f"CIO {tag}")
    task = services.plan.add_task(project, f"Task {tag}", duration_days=2)
    services.plan.update_task(task.id, duration_days=3)
    meeting = services.meetings.create(
        project, MeetingType.WORKSHOP, f"Workshop {tag}", datetime(2026, 4, 2, 9, tzinfo=UTC)
    )
    services.meetings.add_action(meeting.id, f"Action {tag}")
    services.team.add_person(f"Person {tag}")


# --- what must hold ------------------------------------------------------------------------


def assert_whole(services: Services) -> None:
    """The SQLite file is intact and no reference dangles."""
    with services.store.read() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []


def pending_entries(services: Services) -> set[int]:
    with services.store.read() as session:
        return set(
            session.scalars(select(ChangeLogEntry.seq).where(ChangeLogEntry.pushed.is_(False)))
        )


def logged(services: Services) -> set[tuple[str, str, str, str]]:
    """(table, row, column, hlc) of every change made on this replica."""
    log = ChangeLogEntry
    with services.store.read() as session:
        rows = session.execute(select(log.table_name, log.row_id, log.column_name, log.hlc))
        return {(t, r, c, h) for t, r, c, h in rows}


def assert_exactly_once(p: Pair) -> None:
    """The hub's stream holds each change of A and B once, and nothing else from them."""
    for services in (p.a, p.b):
        rows = p.db.execute(
            """SELECT table_name, row_id, column_name, hlc, count(*) FROM changes
               WHERE device_id = %s GROUP BY 1, 2, 3, 4""",
            [services.store.device_id],
        ).fetchall()
        twice = [row for row in rows if row[4] != 1]
        assert twice == [], f"changes in the hub's stream more than once: {twice[:3]}"
        assert {tuple(row[:4]) for row in rows} == logged(services)


def assert_converged(p: Pair) -> None:
    assert unpushed(p.a) == unpushed(p.b) == 0
    mine, theirs = state(p.a), state(p.b)
    for table, rows in mine.items():
        assert rows == theirs[table], (
            f"{table}: only on A: {sorted(rows - theirs[table])[:2]}, "
            f"only on B: {sorted(theirs[table] - rows)[:2]}"
        )
    assert_exactly_once(p)


def cut_sync(p: Pair, cut: Cut) -> SyncError:
    """A's sync through the proxy with ``cut`` armed: it must fail as a network fault."""
    p.proxy.arm(cut)
    try:
        with pytest.raises(SyncError) as caught:
            sync_once(p.a.store, p.through_proxy)
    finally:
        p.proxy.arm(None)
    assert p.proxy.fired.is_set(), f"{cut} never happened ({caught.value.code}: {caught.value})"
    assert caught.value.code in ("network", "timeout"), (cut, caught.value)
    assert_whole(p.a)
    return caught.value


def fields(services: Services) -> dict[tuple[str, str, str], Any]:
    """(table, row id, column) -> value, over every synced table."""
    found = {}
    for table, rows in state(services).items():
        for row in rows:
            values = dict(row)
            for column, value in values.items():
                found[(table, values["id"], column)] = value
    return found


def cursor(services: Services, project: str) -> int:
    with services.store.read() as session:
        value = session.scalar(
            select(LocalMeta.value).where(LocalMeta.key == engine.CURSOR_PREFIX + project)
        )
    return int(value or 0)


# --- push ----------------------------------------------------------------------------------


def one_batch(entries: int) -> bool:
    """A batch: BATCH_SIZE entries, plus the rest of a row change it would otherwise split."""
    return engine.BATCH_SIZE <= entries < engine.BATCH_SIZE + 20


def push_request_cuts() -> list[Cut]:
    head = [Cut(PUSH, "request", at, part="head") for at in (0, 1, 40, -1)]
    body: list[int | float] = [0, 1, 2, *SPREAD, -2, -1]
    return head + [Cut(PUSH, "request", at) for at in body]


def test_a_push_request_cut_anywhere_is_never_applied_in_part(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cut inside the request (head or body): the hub applies nothing of it; the next good
    sync sends the same batch, applied once. Cut after its last byte: applied once too."""
    p = pair
    monkeypatch.setattr(engine, "BATCH_SIZE", 10)  # several batches: also the second is cut
    cuts = [*push_request_cuts(), Cut(PUSH, "request", 1.0), Cut(PUSH, "request", 1.0, nth=2)]
    for n, aimed in enumerate(cuts):
        cut = replace(aimed, nth=1 + n % 2)
        edit(p.a, p.project, f"push-request-{n}")
        before, waiting = state(p.a), pending_entries(p.a)
        cut_sync(p, cut)
        assert state(p.a) == before  # a failed push changes no data here
        still = pending_entries(p.a)
        assert still <= waiting
        answered = len(waiting - still)
        assert answered == 0 if cut.nth == 1 else one_batch(answered)

        p.recorder.pushed.clear()
        good_sync(p.a, p.a_direct)
        first = p.recorder.pushed[0][0]
        whole = cut.part == "body" and cut.at == 1.0
        if not whole:
            assert first["status"] == "applied", (cut, first)  # nothing of it was applied
        good_sync(p.b, p.b_direct)
        assert_converged(p)


def test_a_push_answer_cut_after_the_commit_is_resent_and_answered_duplicate(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = pair
    monkeypatch.setattr(engine, "BATCH_SIZE", 10)
    head: list[Cut] = [Cut(PUSH, "response", at, part="head") for at in (0, 1, 12, -2, -1)]
    body: list[Cut] = [Cut(PUSH, "response", at) for at in (0, 1, 0.25, 0.5, 0.75, -1)]
    for n, aimed in enumerate(head + body):
        cut = replace(aimed, nth=1 + n % 2)
        edit(p.a, p.project, f"push-response-{n}")
        before = state(p.a)
        cut_sync(p, cut)
        assert state(p.a) == before
        assert pending_entries(p.a)  # the batch whose answer was lost is still pending

        p.recorder.pushed.clear()
        report = good_sync(p.a, p.a_direct)
        assert report.pushed > 0
        assert p.recorder.pushed[0][0]["status"] == "duplicate", cut
        assert all(r[0]["status"] == "applied" for r in p.recorder.pushed[1:])
        good_sync(p.b, p.b_direct)
        assert_converged(p)


def test_a_push_that_hangs_times_out_and_is_resent(pair: Pair) -> None:
    p = pair
    slow = HubClient(p.proxy.url, *p.user, timeout=0.5)
    p.through_proxy.close()
    p.through_proxy = slow
    for n, cut in enumerate(
        [Cut(PUSH, "request", 0.5, stall=True), Cut(PUSH, "response", 0.5, stall=True)]
    ):
        edit(p.a, p.project, f"stall-{n}")
        error = cut_sync(p, cut)
        assert error.code == "timeout"
        p.recorder.pushed.clear()
        good_sync(p.a, p.a_direct)
        expected = "applied" if cut.direction == "request" else "duplicate"
        assert p.recorder.pushed[0][0]["status"] == expected
        good_sync(p.b, p.b_direct)
        assert_converged(p)


# --- pull ----------------------------------------------------------------------------------


def test_a_pull_cut_anywhere_leaves_nothing_half_applied(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    """B's edits reach A in pulls of 20 changes; the first or second pull (request or answer)
    is cut. Whatever A holds then is its old value or B's, and the next good sync completes
    the rest: a cursor never passed a change A did not apply."""
    p = pair
    monkeypatch.setattr(engine, "FETCH_LIMIT", 20)
    monkeypatch.setattr(engine, "PAGE_SIZE", 20)  # more than any row has fields
    # No summary check inside the test: a repair by download would hide a skipped change.
    monkeypatch.setattr(engine, "SUMMARY_INTERVAL_S", 1e9)
    pull = b"GET /v1/pull?project=" + p.project.encode()
    cuts = [
        Cut(HELLO, "response", 0.5),
        Cut(pull, "request", 0, part="head"),
        Cut(pull, "request", -1, part="head"),
        *(Cut(pull, "response", at, part="head") for at in (0, 15, -1)),
        *(Cut(pull, "response", at) for at in [0, 1, 0.1, 0.3, 0.5, 0.7, 0.9, -2, -1]),
    ]
    for n, aimed in enumerate(cuts):
        # every other one in the second pull request
        cut = replace(aimed, nth=1 + n % 2) if aimed.target == pull else aimed
        edit(p.b, p.project, f"pull-{n}")
        good_sync(p.b, p.b_direct)
        old, new = fields(p.a), fields(p.b)
        cut_sync(p, cut)
        for key, value in fields(p.a).items():
            assert value in (old.get(key, object()), new.get(key)), key  # nothing made up
        assert cursor(p.a, p.project) <= cursor(p.b, p.project)
        good_sync(p.a, p.a_direct)
        assert_converged(p)


class PushHook(RecordingTransport):
    """Runs ``after_first_push`` once, when the answer of the first push has arrived."""

    def __init__(self, after_first_push: Callable[[], None]) -> None:
        super().__init__()
        self.after_first_push: Callable[[], None] | None = after_first_push

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path == "/v1/push" and self.after_first_push is not None:
            hook, self.after_first_push = self.after_first_push, None
            hook()
        return response


def test_a_new_row_split_between_two_batches_with_another_push_between_is_not_lost(
    pair: Pair, hub: HubThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the default sizes: A's new stakeholder straddles its batches 1 and 2, and another
    laptop's batch of 1,000 changes lands between them (pushes are separate requests). In
    the hub's stream the row's fields are then more than a page apart; B must still get the
    row whole (without waiting for a summary check to download the project again)."""
    p = pair
    monkeypatch.setattr(engine, "SUMMARY_INTERVAL_S", 1e9)
    who = p.a.stakeholders.create(p.project, "Filler")
    good_sync(p.a, p.a_direct)
    for i in range(engine.BATCH_SIZE - 5):  # one field each: the next row straddles
        p.a.stakeholders.update(who.id, title=f"v{i}")
    assert unpushed(p.a) == engine.BATCH_SIZE - 5
    split = p.a.stakeholders.create(p.project, "李娜 split", title="CTO", organisation="ACME")
    assert unpushed(p.a) > engine.BATCH_SIZE

    other = RawClient(hub.url, *p.user)

    def another_laptop_pushes() -> None:
        name = [
            other.change(p.project, table="projects", row_id=p.project, value=f"Line 3 v{i}")
            for i in range(engine.BATCH_SIZE)
        ]
        assert other.push(name).status_code == 200

    hooked = HubClient(hub.url, *p.user, transport=PushHook(another_laptop_pushes))
    try:
        good_sync(p.a, hooked)
    finally:
        hooked.close()
        other.close()
    report = sync_once(p.b.store, p.b_direct)
    assert [e for e in report.errors if "unknown table" not in e] == []
    assert p.b.stakeholders.get(split.id).name == "李娜 split"
    good_sync(p.a, p.a_direct)
    assert_converged(p)


# --- the hub down mid-push -----------------------------------------------------------------


class HubOnPort(HubThread):
    """A hub process started on a given port: the same address after a restart."""

    def __init__(self, database_url: str, port: int) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.server = uvicorn.Server(server_config(database_url, port=port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, name="hub", daemon=True)


def test_the_hub_stopped_after_the_first_batch_gets_the_rest_once_it_is_back(
    pair: Pair, hub_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = pair
    monkeypatch.setattr(engine, "BATCH_SIZE", 10)
    for n in range(2):
        edit(p.a, p.project, f"down-{n}")
    waiting = pending_entries(p.a)
    assert len(waiting) > 3 * engine.BATCH_SIZE
    own = HubOnPort(hub_url, free_port()).start()
    client = HubClient(own.url, *p.user, timeout=5, transport=PushHook(own.stop))
    try:
        with pytest.raises(SyncError) as caught:
            sync_once(p.a.store, client)  # the hub process stops once batch 1 is answered
        assert caught.value.code == "network"
        assert not own.thread.is_alive()
        acknowledged = waiting - pending_entries(p.a)
        assert one_batch(len(acknowledged))
        with pytest.raises(SyncError):
            sync_once(p.a.store, client)  # still down: nothing changes
        assert waiting - pending_entries(p.a) == acknowledged

        again = HubOnPort(hub_url, own.port).start()  # started again, same address
        try:
            report = good_sync(p.a, client)
        finally:
            again.stop()
    finally:
        client.close()
    assert report.pushed == len(waiting) - len(acknowledged)
    good_sync(p.b, p.b_direct)
    assert_converged(p)


# --- the mail outbox after faults ----------------------------------------------------------


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    return make_certificates(tmp_path_factory.mktemp("certs"))


def test_the_outbox_is_empty_after_the_next_good_sync_and_each_recipient_got_one_message(
    pair: Pair, tmp_path: Path, certs: Certificates
) -> None:
    """Minutes queued on A for three people, one of whose mailboxes is busy at first; syncs
    cut at several points around the sending. After the faults, a good sync and a send leave
    nothing waiting, on A or (through the hub) on B, and everyone got exactly one message."""
    p = pair
    li, liu, busy = "li@client.example", "liu@qiming.example", "zhao@client.example"
    meeting = p.a.meetings.create(
        p.project, MeetingType.WEEKLY_STATUS, "周例会", datetime(2026, 11, 23, 6, tzinfo=UTC)
    )
    pdf = tmp_path / "周例会纪要.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n")
    p.a.outbox.queue(
        meeting.id,
        subject="【会议纪要】周例会",
        body="附件是会议纪要。",
        attachment=pdf,
        recipients=[To("李红梅", li), To("刘洋", liu), To("赵敏", busy)],
    )
    recorder = Recorder(refusals={busy: "451 4.3.0 mailbox busy, try later"})
    smtp = SmtpSettings(
        host=HOST, port=0, security=SmtpSecurity.STARTTLS, user=USER,
        from_address="wang.lei@qiming.example", ca_file=str(certs.ca_file),
    )  # fmt: skip
    now = datetime.now(UTC)
    with smtp_server(certs, recorder) as port:
        smtp = replace(smtp, port=port)

        def send(at: datetime) -> SendReport:
            return send_due(
                p.a.outbox, smtp, PASSWORD, device_id=p.a.store.device_id, now=at, timeout=5
            )

        cut_sync(p, Cut(PUSH, "request", 0.5))  # the queued message never reaches the hub
        assert send(now) == SendReport(sent=2, retrying=1)
        cut_sync(p, Cut(PUSH, "response", 0))  # its sent state is lost on the way back
        pull = b"GET /v1/pull?project=" + p.project.encode()
        edit(p.b, p.project, "meanwhile")
        good_sync(p.b, p.b_direct)
        cut_sync(p, Cut(pull, "response", 0.5))
        assert send(now + timedelta(seconds=30)) == SendReport()  # not due yet

        # The faults end: a good sync, then mail, then a good sync again.
        del recorder.refusals[busy]
        good_sync(p.a, p.a_direct)
        assert send(now + timedelta(minutes=2)) == SendReport(sent=1)
        good_sync(p.a, p.a_direct)
        good_sync(p.b, p.b_direct)
        assert send(now + timedelta(hours=3)) == SendReport()
        assert (
            send_due(
                p.b.outbox,
                smtp,
                PASSWORD,
                device_id=p.b.store.device_id,
                now=now + timedelta(hours=3),
            )
            == SendReport()
        )  # only the laptop that queued it sends it
    assert sorted(recorder.delivered_to()) == sorted([li, liu, busy])
    for services in (p.a, p.b):
        [entry] = services.outbox.messages(p.project)
        assert {r.address: r.state for r in entry.recipients} == dict.fromkeys(
            (li, liu, busy), MailState.SENT
        )
    assert_converged(p)
