"""Mail waiting to be sent (e.g. PDF minutes), and the rules for its recipients."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from pm_desktop.core.enums import MailState
from pm_desktop.core.errors import ValidationError

# Deliberately simple: something@domain.tld, no spaces. The SMTP server has the last word.
_ADDRESS = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")


@dataclass(frozen=True, slots=True)
class Recipient:
    name: str
    address: str
    source: str = ""
    """Where the address came from: "stakeholder", "team", "attendee" or "" (typed)."""


@dataclass(frozen=True, slots=True)
class RecipientState:
    name: str
    address: str
    state: MailState
    last_error: str = ""
    sent_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    id: str
    subject: str
    attachment_name: str
    queued_at: datetime
    meeting_id: str | None
    recipients: tuple[RecipientState, ...]

    @property
    def state(self) -> MailState:
        """Failed if any recipient failed, sent when all were, else waiting."""
        states = {r.state for r in self.recipients}
        if MailState.FAILED in states:
            return MailState.FAILED
        if states == {MailState.SENT}:
            return MailState.SENT
        return MailState.WAITING


def clean_address(address: str) -> str:
    """The address trimmed; raises ValidationError naming it when it is not an e-mail address."""
    cleaned = address.strip()
    if not _ADDRESS.match(cleaned):
        raise ValidationError(f"{address!r} is not an e-mail address.", field="address")
    return cleaned


def unique_recipients(recipients: list[Recipient]) -> list[Recipient]:
    """Validated recipients, each address once (the first name given wins)."""
    seen: dict[str, Recipient] = {}
    for recipient in recipients:
        address = clean_address(recipient.address)
        seen.setdefault(
            address.lower(), Recipient(recipient.name.strip(), address, recipient.source)
        )
    if not seen:
        raise ValidationError("Choose at least one recipient.", field="recipients")
    return list(seen.values())
