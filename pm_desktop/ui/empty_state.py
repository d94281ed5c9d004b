"""A centred message for a screen that has nothing to show yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

TEXT_WIDTH = 520


class EmptyState(QWidget):
    """A bold title, explanatory paragraphs and an optional action button, centred."""

    def __init__(
        self,
        title: str,
        paragraphs: list[str],
        *,
        button_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setObjectName("emptyStateTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading, 0, Qt.AlignmentFlag.AlignHCenter)
        for number, text in enumerate(paragraphs):
            label = QLabel(text)
            label.setWordWrap(True)
            label.setFixedWidth(TEXT_WIDTH)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if number:
                label.setStyleSheet("color: palette(placeholder-text);")
            row = QHBoxLayout()  # not addWidget(alignment=...): that loses height-for-width
            row.addStretch(1)
            row.addWidget(label)
            row.addStretch(1)
            layout.addLayout(row)
        self.button: QPushButton | None = None
        if button_text:
            self.button = QPushButton(button_text)
            layout.addSpacing(8)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
