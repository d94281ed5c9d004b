"""Sorting tables the way Chinese users read them: texts by pinyin (陈, 李, 王, 赵) and Latin
names alphabetically, whatever the UI language; numbers and dates as themselves."""

from __future__ import annotations

from PySide6.QtCore import (
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex

#: The value a model gives for sorting (a number, a date, or a text to collate).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class CollatedProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; an empty value sorts first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self._collator.setNumericMode(True)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(a, str) and isinstance(b, str):
            return self._collator.compare(a, b) < 0
        if a is None or b is None:
            return a is None and b is not None
        return bool(a < b)
