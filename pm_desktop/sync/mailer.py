"""Sending the mail outbox over SMTP, from the device that queued each message.

A recipient is tried until the SMTP server accepts the message for it, with a growing delay
between tries (``core.outbox.retry_delay``); its acceptance is committed at once, so it is
never sent again. A refusal for good (5xx) marks that recipient failed with the server's
reason. TLS is always on and certificates are always verified (a CA file may be added).
The password is only passed to ``SMTP.login``; it is scrubbed from every reason recorded.

Every reason recorded starts with its kind in brackets (``[auth] the SMTP server refused…``,
see ``KINDS``), so the UI names the failure in its own language (``split_reason``) and keeps
the English text, with the server's own words, for the details.
"""

from __future__ import annotations

import base64
import re
import smtplib
import ssl
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from pm_desktop.core.errors import PmError
from pm_desktop.core.outbox import (
    Outcome,
    OutgoingMessage,
    Recipient,
    RecipientOutcome,
    SendReport,
    SmtpSecurity,
    SmtpSettings,
)
from pm_desktop.services.outbox import OutboxService

TIMEOUT_S = 30.0
AUTH_REFUSED = "the SMTP server refused the login: check the user and password"
_SEND_LOCK = threading.Lock()
#: Later than any retry: sending "everything" picks every waiting recipient.
_EVERYTHING = datetime.max.replace(tzinfo=UTC)

KINDS = frozenset(
    {
        # a whole run stopped (MailError.code): every recipient tried waits for a retry
        "auth",  # the login was refused
        "connect",  # the server could not be reached, or the connection broke
        "tls",  # the certificate could not be verified, or TLS failed
        "starttls",  # the server offers no STARTTLS
        "sender",  # the server refused the sender address
        "smtp",  # the server refused the session
        # one message or recipient
        "recipient",  # the server refused the recipient for good (5xx)
        "deferred",  # the server refused for now (4xx): tried again later
        "message",  # the server refused the message itself for good (5xx)
        "attachment",  # the attachment is no longer on this computer
        "invalid",  # the message could not be written (e.g. an address headers refuse)
    }
)
_TAGGED = re.compile(r"\[([a-z]+)\] ")


def tag_reason(kind: str, text: str) -> str:
    """``text`` as recorded, after its kind: ``[auth] the SMTP server refused…``."""
    return f"[{kind}] {text}"


def split_reason(reason: str) -> tuple[str, str]:
    """The kind and the text of a recorded reason; kind "" when it has none (older reasons)."""
    tagged = _TAGGED.match(reason)
    if tagged is None or tagged.group(1) not in KINDS:
        return "", reason
    return tagged.group(1), reason[tagged.end() :]


class MailError(PmError):
    """The SMTP server could not be reached or used; ``code`` says at which step."""

    def __init__(self, code: str, message: str, reply: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.reply = reply
        """The server's own words (e.g. "535 5.7.8 …"), "" when it said nothing."""


# --- connecting ------------------------------------------------------------------------------


def tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    """A verifying context: system CAs plus the settings' CA file (verification always on)."""
    try:
        return ssl.create_default_context(cafile=settings.ca_file or None)
    except (OSError, ssl.SSLError) as error:
        raise MailError(
            "tls", f"the CA file {settings.ca_file} cannot be used ({error})"
        ) from error


def connect(settings: SmtpSettings, password: str, *, timeout: float = TIMEOUT_S) -> smtplib.SMTP:
    """An SMTP session over verified TLS, logged in when the settings name a user."""
    context = tls_context(settings)
    where = f"{settings.host}:{settings.port}"
    smtp: smtplib.SMTP | None = None
    try:
        if settings.security == SmtpSecurity.SSL:
            smtp = smtplib.SMTP_SSL(settings.host, settings.port, timeout=timeout, context=context)
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
            smtp.ehlo()
            smtp.starttls(context=context)
            smtp.ehlo()
        if settings.user:
            login(smtp, settings.user, password)
    except BaseException as error:
        if smtp is not None:
            _close(smtp)
        raise _connection_error(error, where, password) from None
    return smtp


def login(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """Log in; a user name or password beyond ASCII goes as UTF-8 (RFC 4616), which
    ``smtplib.SMTP.login`` cannot send."""
    if user.isascii() and password.isascii():
        smtp.login(user, password)
        return
    smtp.ehlo_or_helo_if_needed()
    offered = smtp.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" in offered:
        token = _b64(b"\0" + user.encode() + b"\0" + password.encode())
        code, reply = smtp.docmd("AUTH", f"PLAIN {token}")
    elif "LOGIN" in offered:
        code, reply = smtp.docmd("AUTH", "LOGIN")
        if code == 334:
            code, reply = smtp.docmd(_b64(user.encode()))
        if code == 334:
            code, reply = smtp.docmd(_b64(password.encode()))
    else:
        raise smtplib.SMTPNotSupportedError("No suitable AUTH mechanism for a UTF-8 password.")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def check_login(settings: SmtpSettings, password: str, *, timeout: float = TIMEOUT_S) -> None:
    """Connect and log in, then leave; raises MailError with a clear reason."""
    _close(connect(settings, password, timeout=timeout))


def _connection_error(error: BaseException, where: str, password: str) -> BaseException:
    """A MailError saying at which step connecting failed (other errors pass through)."""
    if isinstance(error, MailError):
        return error
    if isinstance(error, smtplib.SMTPAuthenticationError):
        detail = scrub(_smtp_text(error.smtp_code, error.smtp_error), password)
        return MailError("auth", f"{AUTH_REFUSED} ({detail})", detail)
    if isinstance(error, smtplib.SMTPNotSupportedError):
        if "auth" in str(error).lower():
            return MailError("auth", f"the SMTP server at {where} offers no login over TLS")
        return MailError(
            "starttls", f"the SMTP server at {where} does not offer STARTTLS; choose SSL/TLS"
        )
    if isinstance(error, smtplib.SMTPResponseException):
        detail = scrub(_smtp_text(error.smtp_code, error.smtp_error), password)
        return MailError(
            "smtp", f"the SMTP server at {where} refused the session ({detail})", detail
        )
    return _transport_error(error, where)


def _transport_error(error: BaseException, where: str) -> BaseException:
    if isinstance(error, ssl.SSLCertVerificationError):
        return MailError(
            "tls",
            f"the certificate of {where} could not be verified ({error.verify_message}); "
            "if it is signed by a company CA, choose that CA file",
        )
    if isinstance(error, ssl.SSLError):
        return MailError("tls", f"the TLS connection to {where} failed ({error.reason})")
    if isinstance(error, smtplib.SMTPException | OSError):
        return MailError("connect", f"could not talk to the SMTP server at {where} ({error})")
    return error


def _close(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


# --- the message -----------------------------------------------------------------------------


def build_message(message: OutgoingMessage, from_address: str, attachment: bytes) -> EmailMessage:
    """The e-mail: UTF-8 subject and body, the PDF attached under its (RFC 2231) file name.

    The Message-ID is derived from the outbox message, the same on every try.
    """
    email = EmailMessage()
    email["Subject"] = message.subject
    email["From"] = from_address
    addressees = message.addressees or tuple(
        Recipient(r.name, r.address) for r in message.recipients
    )
    email["To"] = [Address(display_name=r.name, addr_spec=r.address) for r in addressees]
    email["Date"] = formatdate(localtime=True)
    domain = from_address.rpartition("@")[2] or "pm-desktop.invalid"
    email["Message-ID"] = f"<{message.id}@{domain}>"
    email.set_content(message.body or "")
    if message.attachment_name:
        email.add_attachment(
            attachment,
            maintype="application",
            subtype="pdf" if message.attachment_name.lower().endswith(".pdf") else "octet-stream",
            filename=message.attachment_name,
        )
    return email


def _attachment_bytes(message: OutgoingMessage) -> bytes | None:
    if not message.attachment_path:
        return b""
    try:
        return Path(message.attachment_path).read_bytes()
    except OSError:
        return None


# --- sending ---------------------------------------------------------------------------------


def send_due(
    outbox: OutboxService,
    settings: SmtpSettings,
    password: str,
    *,
    device_id: str,
    now: datetime | None = None,
    timeout: float = TIMEOUT_S,
    everything: bool = False,
) -> SendReport:
    """Send what this device queued and is due; every outcome is recorded through ``outbox``.

    With ``everything`` (the user's "Send now"), every waiting recipient is tried, even one
    whose retry delay has not passed; a recipient the server accepted is never tried again.
    Never raises for SMTP trouble: the report's ``problem`` and ``detail`` say what stopped
    the run; recipients not accepted stay waiting for a later try. A database failure
    raises StorageError (recipients already accepted were committed before it).
    """
    if not _SEND_LOCK.acquire(blocking=False):
        return SendReport(problem="busy", detail="mail is already being sent")
    try:
        return _send_due(
            outbox,
            settings=settings,
            password=password,
            device_id=device_id,
            now=now or datetime.now(UTC),
            timeout=timeout,
            everything=everything,
        )
    finally:
        _SEND_LOCK.release()


def _send_due(
    outbox: OutboxService,
    *,
    settings: SmtpSettings,
    password: str,
    device_id: str,
    now: datetime,
    timeout: float,
    everything: bool,
) -> SendReport:
    tally = _Tally()
    ready: list[tuple[OutgoingMessage, bytes]] = []
    for message in outbox.due(device_id, _EVERYTHING if everything else now):
        data = _attachment_bytes(message)
        if data is None:
            reason = tag_reason(
                "attachment",
                f"the attachment {message.attachment_path} is no longer on this computer",
            )
            tally.record(outbox, _all(message, Outcome.FAILED, reason), now)
        else:
            ready.append((message, data))
    if not ready:
        return tally.report()
    try:
        smtp = connect(settings, password, timeout=timeout)
    except MailError as error:
        for message, _data in ready:
            tally.record(outbox, _all(message, Outcome.RETRY, _reason(error)), now)
        return tally.report(error)
    try:
        for index, (message, data) in enumerate(ready):
            try:
                outcomes = _send_one(smtp, message, data, settings, password)
            except MailError as error:
                for left, _data in ready[index:]:
                    tally.record(outbox, _all(left, Outcome.RETRY, _reason(error)), now)
                return tally.report(error)
            tally.record(outbox, outcomes, now)  # committed before the next message
    finally:
        _close(smtp)
    return tally.report()


def _send_one(
    smtp: smtplib.SMTP,
    message: OutgoingMessage,
    data: bytes,
    settings: SmtpSettings,
    password: str,
) -> list[RecipientOutcome]:
    """Hand one message to the server for its due recipients; the outcome of each."""
    try:
        email = build_message(message, settings.from_address, data)
    except (ValueError, TypeError) as error:  # e.g. an address the e-mail headers refuse
        reason = tag_reason("invalid", f"the message could not be written ({error})")
        return _all(message, Outcome.FAILED, reason)
    to = [r.address for r in message.recipients]
    try:
        refused = smtp.send_message(email, from_addr=settings.from_address, to_addrs=to)
    except smtplib.SMTPRecipientsRefused as error:
        refused = error.recipients
    except smtplib.SMTPSenderRefused as error:
        text = scrub(_smtp_text(error.smtp_code, error.smtp_error), password)
        raise MailError(
            "sender", f"the SMTP server refused the sender {settings.from_address} ({text})", text
        ) from None
    except smtplib.SMTPDataError as error:
        text = scrub(_smtp_text(error.smtp_code, error.smtp_error), password)
        if error.smtp_code >= 500:
            reason = tag_reason("message", f"the SMTP server refused the message ({text})")
            return _all(message, Outcome.FAILED, reason)
        reason = tag_reason("deferred", f"the SMTP server refused the message for now ({text})")
        return _all(message, Outcome.RETRY, reason)
    except (smtplib.SMTPException, OSError) as error:
        raise MailError(
            "connect", f"the connection to the SMTP server broke ({scrub(str(error), password)})"
        ) from None
    outcomes = []
    for recipient in message.recipients:
        if recipient.address in refused:
            code, said = refused[recipient.address]
            text = scrub(_smtp_text(code, said), password)
            if code >= 500:
                outcomes.append(
                    RecipientOutcome(recipient.id, Outcome.FAILED, tag_reason("recipient", text))
                )
            else:
                outcomes.append(
                    RecipientOutcome(recipient.id, Outcome.RETRY, tag_reason("deferred", text))
                )
        else:
            outcomes.append(RecipientOutcome(recipient.id, Outcome.SENT))
    return outcomes


def _reason(error: MailError) -> str:
    return tag_reason(error.code if error.code in KINDS else "smtp", str(error))


def _all(message: OutgoingMessage, outcome: Outcome, reason: str) -> list[RecipientOutcome]:
    return [RecipientOutcome(r.id, outcome, reason) for r in message.recipients]


class _Tally:
    """Records outcomes (one transaction per call) and counts them for the report."""

    def __init__(self) -> None:
        self.counts = dict.fromkeys(Outcome, 0)

    def record(
        self, outbox: OutboxService, outcomes: Iterable[RecipientOutcome], now: datetime
    ) -> None:
        outcomes = list(outcomes)
        outbox.record_outcomes(outcomes, now)
        for outcome in outcomes:
            self.counts[outcome.outcome] += 1

    def report(self, error: MailError | None = None) -> SendReport:
        return SendReport(
            sent=self.counts[Outcome.SENT],
            failed=self.counts[Outcome.FAILED],
            retrying=self.counts[Outcome.RETRY],
            problem=error.code if error else "",
            detail=str(error) if error else "",
            reply=error.reply if error else "",
        )


# --- text ------------------------------------------------------------------------------------


def _smtp_text(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {words}".strip()


def scrub(text: str, password: str) -> str:
    """``text`` without the password (nor its base64 forms, as AUTH sends them)."""
    if not password:
        return text
    secrets = {password, base64.b64encode(password.encode()).decode()}
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text
