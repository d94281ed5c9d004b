"""What the tracker shows instead of an empty table: why it is empty, and what to do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

TEXT_WIDTH = 480


class EmptyPage(QWidget):
    """A bold title, one explanatory paragraph and an optional "Clear Filters" button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("emptyTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setObjectName("emptyText")
        self.text.setWordWrap(True)
        self.text.setFixedWidth(TEXT_WIDTH)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setStyleSheet("color: palette(placeholder-text);")
        self.button = QPushButton(self.tr("Clear Filters"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_message(self, title: str, text: str, *, button: bool) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.button.setVisible(button)
