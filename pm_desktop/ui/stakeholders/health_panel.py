"""The warnings of the stakeholder map; each one leads to the place to fix it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.stakeholder_health import HealthWarning, Severity
from pm_desktop.ui.stakeholders.messages import warning_fix_hint, warning_text
from pm_desktop.ui.style import ERROR, SUCCESS, WARNING, section_title

Index = QModelIndex | QPersistentModelIndex

MAX_STRONG_C_DAYS = 365
DAYS_SETTLE_MS = 400


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text (a list view does not grow a row that wraps
    Chinese text by itself, and would cut it with "…")."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = max(self._view.viewport().width() - 12, 80)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(width, bounds.height() + 6)


class HealthPanel(QWidget):
    warningActivated = Signal(object)  # HealthWarning
    strongCDaysChanged = Signal(int)

    def __init__(self, strong_c_days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stakeholderHealth")
        self._warnings: list[HealthWarning] = []
        self.title = section_title("")
        self.days = QSpinBox()
        self.days.setObjectName("strongCDays")
        self.days.setRange(1, MAX_STRONG_C_DAYS)
        self.days.setValue(strong_c_days)
        self.days.setSuffix(self.tr(" days"))
        self.days.setToolTip(
            self.tr("Warn when the strong-C has not been contacted for this many days.")
        )
        self._days_timer = QTimer(self)  # arrows and typing settle before the warnings change
        self._days_timer.setSingleShot(True)
        self._days_timer.setInterval(DAYS_SETTLE_MS)
        self._days_timer.timeout.connect(lambda: self.strongCDaysChanged.emit(self.days.value()))
        self.days.valueChanged.connect(self._days_timer.start)
        self.list = QListWidget()
        self.list.setObjectName("warningList")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setItemDelegate(_WrappingDelegate(self.list))
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(QLabel(self.tr("Strong-C contact every")))
        head.addWidget(self.days)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.list)
        self.show_warnings([])

    @property
    def warnings(self) -> list[HealthWarning]:
        return list(self._warnings)

    def show_warnings(self, warnings: Sequence[HealthWarning]) -> None:
        self._warnings = list(warnings)
        self.title.setText(self.tr("Warnings (%n)", "", len(warnings)))
        self.list.clear()
        for warning in warnings:
            item = QListWidgetItem(
                ("● " if warning.severity is Severity.HIGH else "○ ") + warning_text(warning)
            )
            item.setForeground(ERROR if warning.severity is Severity.HIGH else WARNING)
            item.setToolTip(warning_fix_hint(warning))
            item.setData(Qt.ItemDataRole.UserRole, warning)
            self.list.addItem(item)
        if not warnings:
            item = QListWidgetItem(
                self.tr(
                    "No warnings: the 1W is known and met, demands are addressed, "
                    "key people are in touch."
                )
            )
            item.setForeground(SUCCESS)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)

    @Slot(QListWidgetItem)
    def _activated(self, item: QListWidgetItem) -> None:
        warning = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(warning, HealthWarning):
            self.warningActivated.emit(warning)
