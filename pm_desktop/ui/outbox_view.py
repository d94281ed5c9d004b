"""The local mail outbox: queued messages (PDF minutes) and the state of each recipient.

Messages are the top rows of a tree and their recipients the rows under them. Every state has
its own colour, icon shape and words, so it reads without colour too. The state column stays
short (e.g. "Failed: login refused"), named in the UI language from the kind the mailer records
with each reason; the mailer's full text is in the tooltip and in the details under the tree.
Sending is the sync layer's job (driven by ``ui.mail_sending.MailSender``); this screen shows
what waits and what happened, and has "Send now".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from enum import IntEnum, StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.enums import MailState
from pm_desktop.core.errors import PmError
from pm_desktop.core.outbox import OutboxEntry, RecipientState, SendReport
from pm_desktop.ui.empty_state import EmptyState
from pm_desktop.ui.errors import describe_error

if TYPE_CHECKING:
    from pm_desktop.services.container import Services
    from pm_desktop.ui.mail_sending import MailSender

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
COLUMN_SHARES = {"attachment": 0.16, "queued": 0.2, "state": 0.3}


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


class OutboxView(QWidget):
    """The outbox of a project (or of every project), with a note on when mail goes out."""

    def __init__(
        self,
        services_getter: Callable[[], Services],
        parent: QWidget | None = None,
        *,
        sender: MailSender | None = None,
    ) -> None:
        """Nothing is read until the view is shown (or :meth:`refresh` is called while shown).

        Without a ``sender`` there is no "Send now" button.
        """
        super().__init__(parent)
        self._services = services_getter
        self._project_id: str | None = None
        self._stale = True
        self._sender = sender
        self._entries: list[OutboxEntry] = []
        self.model = OutboxModel(self)
        self._build()
        if sender is not None:
            sender.finished.connect(self._show_report)
            sender.networkChanged.connect(self._on_network)
            self.model.set_offline(sender.network == "offline")

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("outboxSummary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.note = QLabel()
        self.note.setObjectName("outboxNote")
        self.note.setWordWrap(True)
        self.note_icon = QLabel()
        self.note_icon.setObjectName("outboxNoteIcon")
        self.note_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        banner = QFrame()
        banner.setObjectName("outboxBanner")
        banner.setStyleSheet(
            "QFrame#outboxBanner { background: rgba(245, 158, 11, 26);"
            " border: 1px solid rgba(180, 83, 9, 90); border-radius: 4px; }"
        )
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.summary)
        texts.addWidget(self.note)
        banner_layout = QHBoxLayout(banner)
        banner_layout.setContentsMargins(10, 8, 10, 8)
        banner_layout.addWidget(self.note_icon, 0, Qt.AlignmentFlag.AlignTop)
        banner_layout.addLayout(texts, 1)
        self._build_send_controls(banner_layout, texts)

        self._build_tree()

        self.empty = EmptyState(
            self.tr("The outbox is empty"),
            [
                self.tr("Nothing is waiting to be sent."),
                self.tr(
                    "When you send the minutes of a meeting without a network, the PDF and its "
                    "recipients wait here until this computer is back online."
                ),
            ],
        )
        self.empty.setObjectName("outboxEmpty")
        self.failure = QLabel()
        self.failure.setObjectName("outboxFailure")
        self.failure.setWordWrap(True)
        self.failure.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        for page in (self.tree, self.empty, self.failure):
            self.pages.addWidget(page)

        layout = QVBoxLayout(self)
        layout.addWidget(banner)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.details)
        self._show_banner()

    def _build_tree(self) -> None:
        self.tree = QTreeView()
        self.tree.setObjectName("outboxTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setStyleSheet("QTreeView#outboxTree::item { padding: 3px 0px; }")
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        # The subject (and recipients) take what the other columns leave; those fit their
        # contents up to a share of the width (``fit_columns``), elided beyond it.
        header.setSectionResizeMode(Column.SUBJECT, QHeaderView.ResizeMode.Stretch)
        for column in (Column.ATTACHMENT, Column.QUEUED, Column.STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.model.modelReset.connect(self.tree.expandAll)
        self.model.modelReset.connect(self.fit_columns)
        self.tree.viewport().installEventFilter(self)
        self.tree.selectionModel().selectionChanged.connect(self._show_details)
        self.details = QLabel()
        self.details.setObjectName("outboxDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.hide()

    def _build_send_controls(self, banner: QHBoxLayout, texts: QVBoxLayout) -> None:
        self.send_button = QPushButton(self.tr("Send Now"))
        self.send_button.setObjectName("sendNow")
        self.send_button.setToolTip(self.tr("Send the waiting messages through the mail server"))
        self.send_button.setVisible(self._sender is not None)
        self.send_button.clicked.connect(self.send_now)
        banner.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignTop)
        self.send_status = QLabel()
        self.send_status.setObjectName("sendStatus")
        self.send_status.setWordWrap(True)
        self.send_status.hide()
        texts.addWidget(self.send_status)

    def set_project(self, project_id: str | None) -> None:
        """Show the outbox of ``project_id``; None (or "") shows every project's."""
        self._project_id = project_id or None
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the outbox again (a hidden view waits until it is shown)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        try:
            entries = self._services().outbox.messages(self._project_id)
        except PmError as error:
            self.model.set_entries([])
            self.failure.setText(
                self.tr("The outbox could not be read.") + "\n\n" + describe_error(error)
            )
            self.pages.setCurrentWidget(self.failure)
            self.summary.clear()
            self.details.hide()
            return
        self._entries = entries
        self.model.set_entries(entries)
        self.pages.setCurrentWidget(self.tree if entries else self.empty)
        self.summary.setText(self._summary_text(entries))
        self._show_banner()
        self._show_details()

    @Slot(str)
    def _on_network(self, state: str) -> None:
        self.model.set_offline(state == "offline")
        self.fit_columns()
        self._show_banner()

    def _show_banner(self) -> None:
        """The banner's icon and note: offline, a failed try and when the next is, refusals,
        or how mail goes out."""
        recipients = [r for e in self._entries for r in e.recipients]
        looks = {recipient_look(r) for r in recipients}
        waiting = looks & {Look.WAITING, Look.RETRY}
        if waiting and self._sender is not None and self._sender.network == "offline":
            look = Look.WAITING
            note = self.tr(
                "Messages are sent when this computer is back online. Until then they wait "
                "here with their PDF, and nothing is lost if the laptop is shut down."
            )
        elif Look.RETRY in looks:
            look = Look.RETRY
            first = next_retry(tuple(recipients))
            note = self.tr(
                "The last try failed: {reason}. It is tried again automatically at {time}; "
                "Send Now tries at once."
            ).format(
                reason=failure_label(split_reason(first.last_error)[0]),
                time=short_time_text(first.next_attempt_at or datetime.now(UTC)),
            )
        elif Look.WAITING in looks:
            look = Look.WAITING
            note = self.tr(
                "Waiting messages are sent automatically within a few minutes, or at once with "
                "Send Now. They wait here with their PDF, and nothing is lost if the laptop is "
                "shut down."
            )
        elif Look.FAILED in looks:
            look = Look.FAILED
            note = self.tr(
                "The mail server refused some recipients for good. Select one to see why."
            )
        else:
            look = Look.SENT if recipients else Look.WAITING
            note = self.tr(
                "Messages wait here with their PDF until the mail server accepts them, and "
                "nothing is lost if the laptop is shut down."
            )
        self.note_icon.setPixmap(state_icon(look).pixmap(ICON_SIZE, ICON_SIZE))
        self.note_icon.setProperty("look", look.value)
        self.note.setText(note)

    @Slot()
    def _show_details(self) -> None:
        """Everything about the selected row, under the tree."""
        rows = self.tree.selectionModel().selectedRows()
        if not rows or self.pages.currentWidget() is not self.tree:
            self.details.hide()
            return
        index = rows[0]
        if index.internalId() == MESSAGE_ROW:
            item: OutboxEntry | RecipientState = self.model.entry(index.row())
        else:
            item = self.model.entry(index.internalId() - 1).recipients[index.row()]
        self.details.setText(self.model.details(item))
        self.details.show()

    @Slot()
    def fit_columns(self) -> None:
        """Attachment, time and state fit their contents up to their share of the width (then
        elided, in full in the tooltip); the subject and recipients take the rest."""
        width = self.tree.viewport().width()
        if width <= 0:
            return
        header = self.tree.header()
        for column, share in (
            (Column.ATTACHMENT, COLUMN_SHARES["attachment"]),
            (Column.QUEUED, COLUMN_SHARES["queued"]),
            (Column.STATE, COLUMN_SHARES["state"]),
        ):
            wanted = max(self.tree.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, min(wanted, int(width * share)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.tree.viewport():
            self.fit_columns()
        return super().eventFilter(watched, event)

    def _summary_text(self, entries: list[OutboxEntry]) -> str:
        waiting = sum(e.state == MailState.WAITING for e in entries)
        failed = sum(e.state == MailState.FAILED for e in entries)
        parts = []
        if waiting or not failed:
            parts.append(self.tr("%n message(s) waiting to be sent", "", waiting))
        if failed:
            parts.append(self.tr("%n message(s) not delivered to everyone", "", failed))
        return self.tr("; ", "between parts of the outbox summary").join(parts)

    @Slot()
    def send_now(self) -> None:
        """Try every waiting recipient now, even those waiting for their retry, with a busy
        dialog (the sender asks for what it lacks); always says what happened."""
        from pm_desktop.ui.mail_settings import describe_mail_problem

        if self._sender is None:
            return
        if self._sender.running:
            self._say(describe_mail_problem("busy", ""), Look.WAITING)
            return
        self.send_button.setEnabled(False)
        try:
            report = self._sender.send_now(self)
        finally:
            self.send_button.setEnabled(True)
        if report is None:
            self.refresh()
            self._say(self.tr("Send Now was cancelled."), Look.WAITING)
        elif not report.attempted and not report.problem:
            self._say(self.tr("Nothing is waiting to be sent."), Look.SENT)

    @Slot(object)
    def _show_report(self, report: SendReport) -> None:
        """Refresh, and say what the last sending run did (a run that found nothing to send
        leaves the last words as they were)."""
        self.refresh()
        if not report.attempted and not report.problem:
            return
        failed = bool(report.problem or report.failed)
        self._say(self.report_text(report), Look.FAILED if failed else Look.SENT)

    def _say(self, text: str, look: Look) -> None:
        self.send_status.setText(text)
        self.send_status.setVisible(bool(text))
        color = LOOK_COLORS[look] if look != Look.WAITING else None
        self.send_status.setStyleSheet(f"color: {color.name()};" if color else "")

    def report_text(self, report: SendReport) -> str:
        from pm_desktop.ui.mail_settings import describe_mail_problem

        parts = []
        if report.sent:
            parts.append(self.tr("%n recipient(s) sent", "", report.sent))
        if report.failed:
            parts.append(self.tr("%n refused by the server", "", report.failed))
        if report.retrying and not report.problem:
            parts.append(self.tr("%n will be tried again later", "", report.retrying))
        text = self.tr("; ", "between parts of the outbox summary").join(parts)
        if report.problem:
            problem = describe_mail_problem(report.problem, report.detail, report.reply)
            text = f"{text}\n{problem}" if text else problem
        return text
