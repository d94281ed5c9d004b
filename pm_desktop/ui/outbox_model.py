"""What the outbox shows: a tree model of queued messages and their recipients, and each
state's words, colour and icon shape (so a state reads without colour too). The state column
stays short (e.g. "Failed: login refused"), named in the UI language from the kind the mailer
records with each reason; the mailer's full text is in the tooltip and the details.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import IntEnum, StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

from pm_desktop.core.enums import MailState
from pm_desktop.core.outbox import OutboxEntry, RecipientState

if TYPE_CHECKING:
    pass

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

STATE_COLORS = {
    MailState.WAITING: QColor("#b45309"),  # amber
    MailState.SENT: QColor("#2e7d32"),  # green
    MailState.FAILED: QColor("#c62828"),  # red
}
MUTED = QColor("#808080")
#: internalId of a message row; a recipient row's internalId is its message's row + 1.
MESSAGE_ROW = 0
ICON_SIZE = 16
#: The most of the tree's width each narrow column may take; the rest is the subject's.


class Look(StrEnum):
    """How a message or recipient is shown: its state, and whether a try already failed."""

    WAITING = "waiting"  # nothing tried yet
    RETRY = "retry"  # waiting, after a failed try
    SENT = "sent"
    FAILED = "failed"


LOOK_COLORS = {
    Look.WAITING: STATE_COLORS[MailState.WAITING],
    Look.RETRY: STATE_COLORS[MailState.WAITING],  # still waiting; the icon says a try failed
    Look.SENT: STATE_COLORS[MailState.SENT],
    Look.FAILED: STATE_COLORS[MailState.FAILED],
}


def recipient_look(recipient: RecipientState) -> Look:
    if recipient.state == MailState.SENT:
        return Look.SENT
    if recipient.state == MailState.FAILED:
        return Look.FAILED
    return Look.RETRY if recipient.attempts else Look.WAITING


def entry_look(entry: OutboxEntry) -> Look:
    """Failed if any recipient failed, sent when all were, else retry if any try failed."""
    looks = {recipient_look(r) for r in entry.recipients}
    for look in (Look.FAILED, Look.RETRY, Look.WAITING):
        if look in looks:
            return look
    return Look.SENT


def waiting_label(*, offline: bool) -> str:
    """A message nothing was tried for yet: waiting for the network only when offline."""
    if offline:
        return translate("Outbox", "Waiting for network")
    return translate("Outbox", "Waiting to be sent")


def state_label(state: MailState, *, offline: bool = False) -> str:
    labels = {
        MailState.WAITING: waiting_label(offline=offline),
        MailState.SENT: translate("Outbox", "Sent"),
        MailState.FAILED: translate("Outbox", "Failed"),
    }
    return labels[state]


def failure_label(kind: str) -> str:
    """A failure in a few words of the UI language, from the kind the mailer recorded."""
    labels = {
        "auth": translate("Outbox", "login refused"),
        "connect": translate("Outbox", "mail server unreachable"),
        "tls": translate("Outbox", "certificate or TLS problem"),
        "starttls": translate("Outbox", "server offers no STARTTLS"),
        "sender": translate("Outbox", "sender address refused"),
        "smtp": translate("Outbox", "server refused the connection"),
        "recipient": translate("Outbox", "recipient refused"),
        "deferred": translate("Outbox", "server asked to try later"),
        "message": translate("Outbox", "message refused"),
        "attachment": translate("Outbox", "attachment no longer on this computer"),
        "invalid": translate("Outbox", "message could not be written"),
    }
    return labels.get(kind, translate("Outbox", "delivery problem"))


def split_reason(reason: str) -> tuple[str, str]:
    """The kind and the (English) text of a reason the mailer recorded."""
    from pm_desktop.sync.mailer import split_reason as split  # smtplib: only once mail failed

    return split(reason)


@cache
def state_icon(look: Look) -> QIcon:
    """A clock for waiting, "!" after a failed try, a tick for sent, a cross for failed:
    distinct shapes, not only hues."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(ICON_SIZE * scale, ICON_SIZE * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _draw_state(painter, look)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _draw_state(painter: QPainter, look: Look) -> None:
    color = LOOK_COLORS[look]
    disc = QRectF(1.5, 1.5, ICON_SIZE - 3, ICON_SIZE - 3)
    center = disc.center()
    if look == Look.WAITING:
        painter.setPen(QPen(color, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(disc)
        painter.drawLine(center, QPointF(center.x(), center.y() - 4.2))
        painter.drawLine(center, QPointF(center.x() + 3.2, center.y() + 1.2))
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(disc)
    mark = QPen(QColor("white"), 1.8)
    mark.setCapStyle(Qt.PenCapStyle.RoundCap)
    mark.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(mark)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()
    if look == Look.SENT:
        path.moveTo(4.6, 8.3)
        path.lineTo(7.0, 10.6)
        path.lineTo(11.4, 5.6)
    elif look == Look.RETRY:
        path.moveTo(8.0, 4.4)
        path.lineTo(8.0, 8.6)
        path.moveTo(8.0, 11.4)
        path.lineTo(8.0, 11.5)
    else:
        path.moveTo(5.5, 5.5)
        path.lineTo(10.5, 10.5)
        path.moveTo(10.5, 5.5)
        path.lineTo(5.5, 10.5)
    painter.drawPath(path)


def local_time_text(instant: datetime) -> str:
    """``2026-11-23 15:35`` in this computer's time zone."""
    return instant.astimezone().strftime("%Y-%m-%d %H:%M")


def short_time_text(instant: datetime, now: datetime | None = None) -> str:
    """``15:35`` today, ``11-24 15:35`` another day this year, else the whole date."""
    local = instant.astimezone()
    today = (now or datetime.now(UTC)).astimezone().date()
    if local.date() == today:
        return local.strftime("%H:%M")
    if local.year == today.year:
        return local.strftime("%m-%d %H:%M")
    return local_time_text(instant)


class Column(IntEnum):
    SUBJECT = 0  # a recipient's name and address under its message
    ATTACHMENT = 1
    QUEUED = 2  # for a recipient: when it was sent
    STATE = 3


class OutboxModel(QAbstractItemModel):
    """Messages as top rows, their recipients as children."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[OutboxEntry] = []
        self._offline = False

    def set_entries(self, entries: list[OutboxEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def set_offline(self, offline: bool) -> None:
        """Whether this computer is offline: what waits then waits for the network."""
        if offline == self._offline:
            return
        self._offline = offline
        for row in range(len(self._entries)):
            message = self.index(row, Column.SUBJECT)
            for parent, rows in ((QModelIndex(), (row,)), (message, range(self.rowCount(message)))):
                for changed in rows:
                    state = self.index(changed, Column.STATE, parent)
                    self.dataChanged.emit(state, state)

    def entry(self, row: int) -> OutboxEntry:
        return self._entries[row]

    # --- structure --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, MESSAGE_ROW)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == MESSAGE_ROW:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, MESSAGE_ROW)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._entries)
        if parent.internalId() == MESSAGE_ROW and parent.column() == 0:
            return len(self._entries[parent.row()].recipients)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != MESSAGE_ROW:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return (
            self.tr("Message and recipients"),
            self.tr("Attachment"),
            self.tr("Queued"),
            self.tr("State"),
        )[section]

    # --- data ---------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = Column(index.column())
        if index.internalId() == MESSAGE_ROW:
            return self._message_data(self._entries[index.row()], column, role)
        entry = self._entries[index.internalId() - 1]
        return self._recipient_data(entry.recipients[index.row()], column, role)

    def _message_data(self, entry: OutboxEntry, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                Column.SUBJECT: entry.subject,
                Column.ATTACHMENT: entry.attachment_name or self.tr("No attachment"),
                Column.QUEUED: local_time_text(entry.queued_at),
                Column.STATE: self._overall_text(entry),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.ATTACHMENT and entry.attachment_name:
                return entry.attachment_name  # elided in a narrow column
            return self.details(entry)
        if role == Qt.ItemDataRole.FontRole and column == Column.SUBJECT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.ATTACHMENT:
            return None if entry.attachment_name else MUTED
        return self._state_role(entry_look(entry), column, role)

    def _recipient_data(self, recipient: RecipientState, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                Column.SUBJECT: self._who(recipient),
                Column.ATTACHMENT: "",
                Column.QUEUED: (
                    self.tr("Sent {time}").format(time=local_time_text(recipient.sent_at))
                    if recipient.sent_at is not None
                    else ""
                ),
                Column.STATE: self.recipient_state_text(recipient),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.details(recipient)
        return self._state_role(recipient_look(recipient), column, role)

    @staticmethod
    def _state_role(look: Look, column: Column, role: int) -> Any:
        if column != Column.STATE:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return state_icon(look)
        if role == Qt.ItemDataRole.ForegroundRole:
            return LOOK_COLORS[look]
        return None

    def _who(self, recipient: RecipientState) -> str:
        if not recipient.name:
            return recipient.address
        return self.tr("{name} <{address}>").format(name=recipient.name, address=recipient.address)

    def recipient_state_text(self, recipient: RecipientState) -> str:
        """A few words: "Failed: login refused", "Retry at 10:20: mail server unreachable"."""
        look = recipient_look(recipient)
        if look == Look.FAILED and recipient.last_error:
            reason = failure_label(split_reason(recipient.last_error)[0])
            return self.tr("Failed: {reason}").format(reason=reason)
        if look == Look.RETRY:
            reason = failure_label(split_reason(recipient.last_error)[0])
            if recipient.next_attempt_at is None:
                return self.tr("Waiting to retry: {reason}").format(reason=reason)
            return self.tr("Retry at {time}: {reason}").format(
                time=short_time_text(recipient.next_attempt_at), reason=reason
            )
        return state_label(recipient.state, offline=self._offline)

    def _overall_text(self, entry: OutboxEntry) -> str:
        total = len(entry.recipients)
        sent = sum(r.state == MailState.SENT for r in entry.recipients)
        state = self._overall_state(entry)
        if sent in (0, total):
            return self.tr("{state} · %n recipient(s)", "", total).format(state=state)
        return self.tr("{state} · {sent} of {total} sent").format(
            state=state, sent=sent, total=total
        )

    def _overall_state(self, entry: OutboxEntry) -> str:
        look = entry_look(entry)
        if look == Look.RETRY:
            return self.recipient_state_text(next_retry(entry.recipients))
        return state_label(entry.state, offline=self._offline)

    def details(self, item: OutboxEntry | RecipientState) -> str:
        """Everything about a message or recipient, the mailer's own words included."""
        if isinstance(item, OutboxEntry):
            return self.tr("{subject}\nQueued {time}; {state}").format(
                subject=item.subject,
                time=local_time_text(item.queued_at),
                state=self._overall_text(item),
            )
        lines = [self._who(item), self.recipient_state_text(item)]
        if item.sent_at is not None:
            lines.append(self.tr("Sent {time}").format(time=local_time_text(item.sent_at)))
        elif item.attempts:
            lines.append(self.tr("%n attempt(s) failed", "", item.attempts))
        if item.state == MailState.WAITING and item.next_attempt_at is not None:
            lines.append(
                self.tr("Next try: {time}").format(time=local_time_text(item.next_attempt_at))
            )
        if item.last_error:
            lines.append(
                self.tr("Details: {details}").format(details=split_reason(item.last_error)[1])
            )
        return "\n".join(lines)


def next_retry(recipients: tuple[RecipientState, ...]) -> RecipientState:
    """The waiting recipient, after a failed try, that is tried again first."""
    retrying = [r for r in recipients if recipient_look(r) == Look.RETRY]
    return min(retrying, key=lambda r: r.next_attempt_at or datetime.max.replace(tzinfo=UTC))
