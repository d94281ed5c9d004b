"""A list cell of two lines: the text, and under it a muted subtitle (a meeting's type)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: The role giving a cell's second line.
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2
SUBTITLE_SCALE = 0.9
LINE_GAP = 2
PAD = 4


class TwoLineDelegate(QStyledItemDelegate):
    """Paints DisplayRole, and SUBTITLE_ROLE under it smaller and muted; both elided."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        subtitle = str(index.data(SUBTITLE_ROLE) or "")
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        rect = rect.adjusted(PAD, 0, -PAD, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        main = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        small = QFont(opt.font)
        small.setPointSizeF(opt.font.pointSizeF() * SUBTITLE_SCALE)
        metrics = opt.fontMetrics
        total = metrics.height() + LINE_GAP + (metrics.height() * SUBTITLE_SCALE)
        top = rect.top() + max(0, int((rect.height() - total) / 2))
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(main)
        first = rect.adjusted(0, top - rect.top(), 0, 0)
        first.setHeight(metrics.height())
        elide = Qt.TextElideMode.ElideRight
        painter.drawText(
            first, Qt.AlignmentFlag.AlignLeft, metrics.elidedText(title, elide, first.width())
        )
        painter.setFont(small)
        painter.setPen(muted)
        second = first.translated(0, metrics.height() + LINE_GAP)
        small_metrics = painter.fontMetrics()
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignLeft,
            small_metrics.elidedText(subtitle, elide, second.width()),
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        base = super().sizeHint(option, index)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * SUBTITLE_SCALE)
        subtitle = QFontMetrics(small).horizontalAdvance(str(index.data(SUBTITLE_ROLE) or ""))
        width = max(base.width(), subtitle + base.width() - _text_width(option, index)) + 2 * PAD
        height = int(option.fontMetrics.height() * (1 + SUBTITLE_SCALE)) + LINE_GAP + 12
        return QSize(width, max(base.height(), height))


def _text_width(option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> int:
    return option.fontMetrics.horizontalAdvance(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
