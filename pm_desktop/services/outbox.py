"""The local mail outbox: PDF minutes and their recipients, waiting for a network.

Sending is the sync layer's job (``sync.mailer``); here messages are queued, listed, picked
for sending and their recipients' outcomes recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import or_, select

from pm_desktop.core.enums import MailState
from pm_desktop.core.errors import ValidationError
from pm_desktop.core.outbox import (
    OutboxEntry,
    Outcome,
    OutgoingMessage,
    OutgoingRecipient,
    Recipient,
    RecipientOutcome,
    RecipientState,
    retry_delay,
    unique_recipients,
)
from pm_desktop.storage.database import Store
from pm_desktop.storage.models import (
    Meeting,
    MeetingAttendee,
    OutboxMessage,
    OutboxRecipient,
    Person,
    Stakeholder,
    TeamAssignment,
)


class OutboxService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def recipient_candidates(self, meeting_id: str) -> list[Recipient]:
        """Addresses a meeting's minutes can go to: its attendees, the project's stakeholders
        and team members, each address once, attendees first."""
        with self._store.read() as session:
            meeting = session.get(Meeting, meeting_id)
            if meeting is None or meeting.deleted:
                return []
            project_id = meeting.project_id
            found: list[Recipient] = [
                Recipient(a.name, a.email, "attendee")
                for a in session.scalars(
                    select(MeetingAttendee).where(
                        MeetingAttendee.meeting_id == meeting_id,
                        MeetingAttendee.deleted.is_(False),
                    )
                )
            ]
            found += [
                Recipient(s.name, s.email, "stakeholder")
                for s in session.scalars(
                    select(Stakeholder)
                    .where(Stakeholder.project_id == project_id, Stakeholder.deleted.is_(False))
                    .order_by(Stakeholder.name)
                )
            ]
            found += [
                Recipient(p.name, p.email, "team")
                for p in session.scalars(
                    select(Person)
                    .join(TeamAssignment, TeamAssignment.person_id == Person.id)
                    .where(
                        TeamAssignment.project_id == project_id,
                        TeamAssignment.deleted.is_(False),
                        Person.deleted.is_(False),
                    )
                    .order_by(Person.name)
                    .distinct()
                )
            ]
        unique: dict[str, Recipient] = {}
        for recipient in found:
            if recipient.address.strip():
                unique.setdefault(recipient.address.strip().lower(), recipient)
        return list(unique.values())

    def queue(
        self,
        meeting_id: str,
        *,
        subject: str,
        body: str,
        attachment: Path,
        recipients: list[Recipient],
    ) -> OutboxEntry:
        """Put a message with its attachment in the outbox, every recipient waiting."""
        if not subject.strip():
            raise ValidationError("A message needs a subject.", field="subject")
        if not attachment.is_file():
            raise ValidationError(f"{attachment} does not exist.", field="attachment")
        chosen = unique_recipients(recipients)
        with self._store.write() as session:
            meeting = session.get(Meeting, meeting_id)
            if meeting is None or meeting.deleted:
                raise ValidationError("The meeting no longer exists.", field="meeting")
            message = OutboxMessage(
                project_id=meeting.project_id,
                meeting_id=meeting_id,
                subject=subject.strip(),
                body=body,
                attachment_name=attachment.name,
                attachment_path=str(attachment.absolute()),
                queued_by_device=self._store.device_id,
                queued_at=datetime.now(UTC),
            )
            session.add(message)
            session.flush()
            rows = [
                OutboxRecipient(
                    project_id=meeting.project_id,
                    message_id=message.id,
                    address=r.address,
                    name=r.name,
                    state=MailState.WAITING,
                )
                for r in chosen
            ]
            session.add_all(rows)
            session.flush()
            return _entry(message, rows)

    def messages(self, project_id: str | None = None) -> list[OutboxEntry]:
        """Queued and sent messages, newest first, with each recipient's state."""
        query = select(OutboxMessage).where(OutboxMessage.deleted.is_(False))
        if project_id is not None:
            query = query.where(OutboxMessage.project_id == project_id)
        with self._store.read() as session:
            messages = list(session.scalars(query.order_by(OutboxMessage.queued_at.desc())))
            recipients: dict[str, list[OutboxRecipient]] = {}
            for row in session.scalars(
                select(OutboxRecipient)
                .where(
                    OutboxRecipient.message_id.in_([m.id for m in messages]),
                    OutboxRecipient.deleted.is_(False),
                )
                .order_by(OutboxRecipient.name)
            ):
                recipients.setdefault(row.message_id, []).append(row)
            return [_entry(m, recipients.get(m.id, [])) for m in messages]

    def due(self, device_id: str, now: datetime) -> list[OutgoingMessage]:
        """Messages queued by ``device_id`` with recipients waiting and due at ``now``,
        oldest first; each lists only its due recipients."""
        with self._store.read() as session:
            rows = session.execute(
                select(OutboxRecipient, OutboxMessage)
                .join(OutboxMessage, OutboxMessage.id == OutboxRecipient.message_id)
                .where(
                    OutboxMessage.queued_by_device == device_id,
                    OutboxMessage.deleted.is_(False),
                    OutboxRecipient.deleted.is_(False),
                    OutboxRecipient.state == MailState.WAITING,
                    or_(
                        OutboxRecipient.next_attempt_at.is_(None),
                        OutboxRecipient.next_attempt_at <= now,
                    ),
                )
                .order_by(OutboxMessage.queued_at, OutboxRecipient.address)
            ).all()
            due: dict[str, tuple[OutboxMessage, list[OutboxRecipient]]] = {}
            for recipient, message in rows:
                due.setdefault(message.id, (message, []))[1].append(recipient)
            everyone: dict[str, list[Recipient]] = {}
            for row in session.scalars(
                select(OutboxRecipient)
                .where(
                    OutboxRecipient.message_id.in_(list(due)), OutboxRecipient.deleted.is_(False)
                )
                .order_by(OutboxRecipient.address)
            ):
                everyone.setdefault(row.message_id, []).append(Recipient(row.name, row.address))
            return [
                _outgoing(message, recipients, everyone.get(message.id, []))
                for message, recipients in due.values()
            ]

    def record_outcomes(self, outcomes: Iterable[RecipientOutcome], now: datetime) -> None:
        """Record one try per recipient in one transaction. A recipient no longer waiting
        (already sent or failed) is left as it is: a sent message is never sent again."""
        wanted = {o.recipient_id: o for o in outcomes}
        if not wanted:
            return
        with self._store.write() as session:
            for row in session.scalars(
                select(OutboxRecipient).where(OutboxRecipient.id.in_(list(wanted)))
            ):
                if row.state == MailState.WAITING:
                    _apply(row, wanted[row.id], now)


def _apply(row: OutboxRecipient, outcome: RecipientOutcome, now: datetime) -> None:
    row.attempts += 1
    row.last_attempt_at = now
    row.next_attempt_at = None
    row.last_error = outcome.reason
    if outcome.outcome == Outcome.SENT:
        row.state = MailState.SENT
        row.sent_at = now
        row.last_error = ""
    elif outcome.outcome == Outcome.FAILED:
        row.state = MailState.FAILED
    else:
        row.next_attempt_at = now + retry_delay(row.attempts)


def _outgoing(
    message: OutboxMessage, rows: list[OutboxRecipient], everyone: list[Recipient]
) -> OutgoingMessage:
    return OutgoingMessage(
        id=message.id,
        subject=message.subject,
        body=message.body,
        attachment_name=message.attachment_name,
        attachment_path=message.attachment_path,
        recipients=tuple(OutgoingRecipient(r.id, r.name, r.address, r.attempts) for r in rows),
        addressees=tuple(everyone),
    )


def _entry(message: OutboxMessage, rows: list[OutboxRecipient]) -> OutboxEntry:
    return OutboxEntry(
        id=message.id,
        subject=message.subject,
        attachment_name=message.attachment_name,
        queued_at=message.queued_at,
        meeting_id=message.meeting_id,
        recipients=tuple(
            RecipientState(
                r.name,
                r.address,
                r.state,
                r.last_error,
                r.sent_at,
                attempts=r.attempts,
                next_attempt_at=r.next_attempt_at,
            )
            for r in rows
        ),
    )
