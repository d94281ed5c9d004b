"""The local mail outbox: PDF minutes and their recipients, waiting for a network.

Sending is the sync layer's job (a later issue); here messages are queued and listed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from pm_desktop.core.enums import MailState
from pm_desktop.core.errors import ValidationError
from pm_desktop.core.outbox import OutboxEntry, Recipient, RecipientState, unique_recipients
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


def _entry(message: OutboxMessage, rows: list[OutboxRecipient]) -> OutboxEntry:
    return OutboxEntry(
        id=message.id,
        subject=message.subject,
        attachment_name=message.attachment_name,
        queued_at=message.queued_at,
        meeting_id=message.meeting_id,
        recipients=tuple(
            RecipientState(r.name, r.address, r.state, r.last_error, r.sent_at) for r in rows
        ),
    )
