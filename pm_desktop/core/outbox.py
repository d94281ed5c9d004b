"""Mail waiting to be sent (e.g. PDF minutes), and the rules for its recipients."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

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
    attempts: int = 0
    next_attempt_at: datetime | None = None
    """When a waiting recipient is tried again (None: at the next chance)."""


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


# --- sending ---------------------------------------------------------------------------------

FIRST_RETRY = timedelta(minutes=1)
LAST_RETRY = timedelta(hours=1)


def retry_delay(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed try: 1, 2, 4, 8… minutes, at most an hour."""
    if attempts <= 1:
        return FIRST_RETRY
    return min(timedelta(minutes=2 ** min(attempts - 1, 16)), LAST_RETRY)


class SmtpSecurity(StrEnum):
    STARTTLS = "starttls"  # plain connection upgraded with STARTTLS (usually port 587)
    SSL = "ssl"  # TLS from the first byte (usually port 465)


DEFAULT_PORTS = {SmtpSecurity.STARTTLS: 587, SmtpSecurity.SSL: 465}


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """How this device reaches its SMTP server. The password is never part of it."""

    host: str
    port: int
    security: SmtpSecurity
    user: str
    from_address: str
    ca_file: str = ""
    """A PEM file of extra trusted CAs (a company CA); certificates are always verified."""

    @property
    def account(self) -> str:
        """The keyring account the password is kept under."""
        return f"{self.user}@{self.host}:{self.port}"


def check_smtp_settings(settings: SmtpSettings) -> SmtpSettings:
    """The settings trimmed; raises ValidationError naming the first bad field."""
    host = settings.host.strip()
    if not host or any(c.isspace() for c in host):
        raise ValidationError("Enter the SMTP server's host name.", field="host")
    if not 0 < settings.port < 65536:
        raise ValidationError("The port must be between 1 and 65535.", field="port")
    return SmtpSettings(
        host=host,
        port=settings.port,
        security=SmtpSecurity(settings.security),
        user=settings.user.strip(),
        from_address=clean_address(settings.from_address),
        ca_file=settings.ca_file.strip(),
    )


@dataclass(frozen=True, slots=True)
class OutgoingRecipient:
    id: str
    name: str
    address: str
    attempts: int


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """A queued message with the recipients due for a try now."""

    id: str
    subject: str
    body: str
    attachment_name: str
    attachment_path: str
    recipients: tuple[OutgoingRecipient, ...]
    addressees: tuple[Recipient, ...] = ()
    """Everyone the message is for (its To: header), sent or not."""


class Outcome(StrEnum):
    SENT = "sent"  # the server accepted it: never again
    FAILED = "failed"  # refused for good (5xx) or cannot be sent (attachment gone)
    RETRY = "retry"  # not accepted yet: try again after a delay


@dataclass(frozen=True, slots=True)
class RecipientOutcome:
    recipient_id: str
    outcome: Outcome
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SendReport:
    """What one sending run did; ``problem`` is a code when the run stopped early."""

    sent: int = 0
    failed: int = 0
    retrying: int = 0
    problem: str = ""
    """"" (none), "auth", "tls", "starttls", "connect", "sender", "smtp", "busy", "storage"."""
    detail: str = ""
    """The problem in plain English, with its cause."""
    reply: str = ""
    """The SMTP server's own words about the problem, when it said any."""

    @property
    def attempted(self) -> int:
        return self.sent + self.failed + self.retrying
