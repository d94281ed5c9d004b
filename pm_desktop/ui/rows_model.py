"""A table model over read-model rows with an ``id``, updated in place rather than reset.

Reloading after every edit must not lose the view's current cell or selection (the scribe works
with the keyboard), so :meth:`IdRowsModel.set_rows` reports the smallest change it can see: the
same rows (values changed), one row inserted or one removed; anything else resets the model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class IdRowsModel(QAbstractTableModel):
    """Rows are read models with an ``id``; subclasses give the columns and the data."""

    COLUMNS = 1
    #: The field each column shows, for models that name their columns (see column_of).
    FIELDS: ClassVar[tuple[str, ...]] = ()
    #: Whether a row's cells depend on that row alone; then an update with the same rows
    #: reports only the rows that changed.
    ROWS_SELF_CONTAINED = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._editable = True
        self._handlers: dict[int, Callable[[Any, int], Any]] | None = None

    # --- contents -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        new = list(rows)
        old_ids = [row.id for row in self._rows]
        new_ids = [row.id for row in new]
        if old_ids == new_ids and self.ROWS_SELF_CONTAINED:
            changed = [
                i for i, (was, now) in enumerate(zip(self._rows, new, strict=True)) if was != now
            ]
            self._rows = new
            if changed:  # only the span that changed: a sorting proxy re-sorts just that
                self.dataChanged.emit(
                    self.index(changed[0], 0), self.index(changed[-1], self.COLUMNS - 1)
                )
            return
        if old_ids == new_ids:
            self._rows = new
        elif len(new_ids) == len(old_ids) + 1 and (at := _single_difference(new_ids, old_ids)) >= 0:
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows = new
            self.endInsertRows()
        elif len(old_ids) == len(new_ids) + 1 and (at := _single_difference(old_ids, new_ids)) >= 0:
            self.beginRemoveRows(QModelIndex(), at, at)
            self._rows = new
            self.endRemoveRows()
        else:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1)
            )

    def header_titles(self) -> tuple[str, ...]:
        """The column titles (translated)."""
        return ()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation != Qt.Orientation.Horizontal
            or role != Qt.ItemDataRole.DisplayRole
            or not 0 <= section < len(self.header_titles())
        ):
            return None
        return self.header_titles()[section]

    def role_handlers(self) -> dict[int, Callable[[Any, int], Any]]:
        """What :meth:`data` answers: for each role, a function of (row, column)."""
        return {}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if self._handlers is None:  # built once: data() is called thousands of times a paint
            self._handlers = self.role_handlers()
        handler = self._handlers.get(role)
        return None if handler is None else handler(self._rows[index.row()], index.column())

    def column_of(self, field: str) -> int:
        """The column showing ``field`` (one of FIELDS)."""
        return self.FIELDS.index(field)

    def row_of(self, row_id: str) -> int:
        """The row showing ``row_id``, or -1."""
        return next((i for i, row in enumerate(self._rows) if row.id == row_id), -1)

    def set_editable(self, editable: bool) -> None:
        """Closed minutes are read-only: no cell can be edited or checked."""
        if editable != self._editable:
            self._editable = editable
            if self._rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1)
                )

    @property
    def editable(self) -> bool:
        return self._editable

    # --- QAbstractItemModel -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


def _single_difference(longer: list[str], shorter: list[str]) -> int:
    """The position of the one id in ``longer`` that ``shorter`` lacks, or -1."""
    at = next(
        (i for i, (a, b) in enumerate(zip(longer, shorter, strict=False)) if a != b), len(shorter)
    )
    return at if longer[at + 1 :] == shorter[at:] else -1
