"""The local mail outbox: queued messages (PDF minutes) and the state of each recipient.

Messages are the top rows of a tree and their recipients the rows under them. Every state has
its own colour, icon shape and words, so it reads without colour too. Sending is the sync
layer's job (driven by ``ui.mail_sending.MailSender``); this screen shows what waits and what
happened, and has "Send now".
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
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
    from datetime import datetime

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


def state_label(state: MailState) -> str:
    labels = {
        MailState.WAITING: translate("Outbox", "Waiting for network"),
        MailState.SENT: translate("Outbox", "Sent"),
        MailState.FAILED: translate("Outbox", "Failed"),
    }
    return labels[state]


@cache
def state_icon(state: MailState) -> QIcon:
    """A clock for waiting, a tick for sent, a cross for failed: distinct shapes, not only hues."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(ICON_SIZE * scale, ICON_SIZE * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _draw_state(painter, state)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _draw_state(painter: QPainter, state: MailState) -> None:
    color = STATE_COLORS[state]
    disc = QRectF(1.5, 1.5, ICON_SIZE - 3, ICON_SIZE - 3)
    center = disc.center()
    if state == MailState.WAITING:
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
    if state == MailState.SENT:
        path.moveTo(4.6, 8.3)
        path.lineTo(7.0, 10.6)
        path.lineTo(11.4, 5.6)
    else:
        path.moveTo(5.5, 5.5)
        path.lineTo(10.5, 10.5)
        path.moveTo(10.5, 5.5)
        path.lineTo(5.5, 10.5)
    painter.drawPath(path)


def local_time_text(instant: datetime) -> str:
    """``2026-11-23 15:35`` in this computer's time zone."""
    return instant.astimezone().strftime("%Y-%m-%d %H:%M")


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

    def set_entries(self, entries: list[OutboxEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

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
        state = entry.state
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                Column.SUBJECT: entry.subject,
                Column.ATTACHMENT: entry.attachment_name or self.tr("No attachment"),
                Column.QUEUED: local_time_text(entry.queued_at),
                Column.STATE: self._overall_text(entry),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{subject}\nQueued {time}; {state}").format(
                subject=entry.subject,
                time=local_time_text(entry.queued_at),
                state=self._overall_text(entry),
            )
        if role == Qt.ItemDataRole.FontRole and column == Column.SUBJECT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.ATTACHMENT:
            return None if entry.attachment_name else MUTED
        return self._state_role(state, column, role)

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
                Column.STATE: self._recipient_state_text(recipient),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                part
                for part in (self._who(recipient), self._recipient_state_text(recipient))
                if part
            )
        return self._state_role(recipient.state, column, role)

    @staticmethod
    def _state_role(state: MailState, column: Column, role: int) -> Any:
        if column != Column.STATE:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return state_icon(state)
        if role == Qt.ItemDataRole.ForegroundRole:
            return STATE_COLORS[state]
        return None

    def _who(self, recipient: RecipientState) -> str:
        if not recipient.name:
            return recipient.address
        return self.tr("{name} <{address}>").format(name=recipient.name, address=recipient.address)

    def _recipient_state_text(self, recipient: RecipientState) -> str:
        if recipient.state == MailState.FAILED and recipient.last_error:
            return self.tr("Failed: {reason}").format(reason=recipient.last_error)
        if recipient.state == MailState.WAITING and recipient.attempts:
            text = self.tr("Waiting · %n attempt(s) failed", "", recipient.attempts)
            if recipient.next_attempt_at is not None:
                text += self.tr(" · next try {time}").format(
                    time=local_time_text(recipient.next_attempt_at)
                )
            if recipient.last_error:
                text += self.tr(": {reason}").format(reason=recipient.last_error)
            return text
        return state_label(recipient.state)

    def _overall_text(self, entry: OutboxEntry) -> str:
        total = len(entry.recipients)
        sent = sum(r.state == MailState.SENT for r in entry.recipients)
        if sent in (0, total):
            return self.tr("{state} · %n recipient(s)", "", total).format(
                state=state_label(entry.state)
            )
        return self.tr("{state} · {sent} of {total} sent").format(
            state=state_label(entry.state), sent=sent, total=total
        )


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
        self.model = OutboxModel(self)
        self._build()
        if sender is not None:
            sender.finished.connect(self._show_report)

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("outboxSummary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.note = QLabel(
            self.tr(
                "Messages are sent when this computer is back online. Until then they wait "
                "here with their PDF, and nothing is lost if the laptop is shut down."
            )
        )
        self.note.setObjectName("outboxNote")
        self.note.setWordWrap(True)
        note_icon = QLabel()
        note_icon.setPixmap(state_icon(MailState.WAITING).pixmap(ICON_SIZE, ICON_SIZE))
        note_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
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
        banner_layout.addWidget(note_icon, 0, Qt.AlignmentFlag.AlignTop)
        banner_layout.addLayout(texts, 1)
        self._build_send_controls(banner_layout, texts)

        self.tree = QTreeView()
        self.tree.setObjectName("outboxTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setStyleSheet("QTreeView#outboxTree::item { padding: 3px 0px; }")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.SUBJECT, QHeaderView.ResizeMode.Stretch)
        for column in (Column.ATTACHMENT, Column.QUEUED, Column.STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.model.modelReset.connect(self.tree.expandAll)

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
            return
        self.model.set_entries(entries)
        self.pages.setCurrentWidget(self.tree if entries else self.empty)
        self.summary.setText(self._summary_text(entries))

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
        """Send what waits now, with a busy dialog (the sender asks for what it lacks)."""
        if self._sender is None or self._sender.running:
            return
        self.send_button.setEnabled(False)
        try:
            self._sender.send_now(self)
        finally:
            self.send_button.setEnabled(True)

    @Slot(object)
    def _show_report(self, report: SendReport) -> None:
        """Refresh, and say what the last sending run did."""
        self.refresh()
        text = self.report_text(report)
        self.send_status.setText(text)
        self.send_status.setVisible(bool(text))
        failed = bool(report.problem or report.failed)
        self.send_status.setStyleSheet(
            f"color: {STATE_COLORS[MailState.FAILED if failed else MailState.SENT].name()};"
        )

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
