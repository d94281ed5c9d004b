"""The local mail outbox screen: queued messages (PDF minutes) and the state of each
recipient (:mod:`pm_desktop.ui.outbox_model`), the details of the selected row, and "Send now".
Sending is the sync layer's job (driven by ``ui.mail_sending.MailSender``); this screen shows
what waits and what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
    Slot,
)
from PySide6.QtGui import QShowEvent
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

from pm_desktop.ui.outbox_model import (
    ICON_SIZE,
    LOOK_COLORS,
    MESSAGE_ROW,
    Column,
    Look,
    OutboxModel,
    failure_label,
    next_retry,
    recipient_look,
    short_time_text,
    split_reason,
    state_icon,
)

# The most of the tree's width each narrow column may take; the rest is the subject's.
COLUMN_SHARES = {Column.ATTACHMENT: 0.16, Column.QUEUED: 0.2, Column.STATE: 0.3}


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
        for column, share in COLUMN_SHARES.items():
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
