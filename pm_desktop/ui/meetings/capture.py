"""The capture area: one large quick-entry line, read live as the scribe types.

Enter submits the line (:attr:`QuickEntryLine.submitted`), Esc clears it, Ctrl+Enter asks to
edit the last item; ``@`` offers the attendees' names. Under the line, a preview says how the
line will be read and a hint lists what the parser did not understand. Nothing here saves:
the editor does, from the signals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.ui.formatting import due_text
from pm_desktop.ui.meetings.labels import problem_message
from pm_desktop.ui.meetings.widgets import ElidedLabel
from pm_desktop.ui.style import ERROR, SUCCESS, WARNING, scaled_font

if TYPE_CHECKING:  # the parser loads on the first keystroke, not at start-up
    from pm_desktop.core.quick_entry import ParsedEntry, Problem

COMPLETIONS = 8
EXAMPLE = "@张伟 明天 提交报告 #客户总部"
AT_SIGNS = "@＠"


class QuickEntryLine(QLineEdit):
    """A line edit that completes ``@name`` and hands Enter, Ctrl+Enter and Esc to its owner."""

    submitted = Signal(str)
    editLastRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        self._completions = QStringListModel(self)
        self.name_completer = QCompleter(self._completions, self)
        self.name_completer.setWidget(self)
        self.name_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.name_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.name_completer.activated.connect(self._insert_name)
        popup = self.name_completer.popup()
        assert popup is not None
        self._popup = popup
        self.textEdited.connect(self._update_completions)

    def set_names(self, names: Sequence[str]) -> None:
        """The attendees ``@`` completes to."""
        self._names = list(names)

    def reset(self, text: str = "") -> None:
        """Replace the text, forgetting its undo history (Ctrl+Z then undoes items)."""
        self._popup.hide()
        self.setText(text)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # A line edit selects all its text when tabbed into: the next keystroke would then
        # replace a restored draft. Here the cursor goes to the end instead.
        super().focusInEvent(event)
        if self.hasSelectedText():
            self.deselect()
            self.end(False)

    # --- keys -------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # With nothing to undo in the line, Ctrl+Z / Ctrl+Y go to the window's undo stack.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable():
                return False
            if event.matches(QKeySequence.StandardKey.Redo) and not self.isRedoAvailable():
                return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._popup.isVisible() and key in (
            Qt.Key.Key_Enter,
            Qt.Key.Key_Return,
            Qt.Key.Key_Escape,
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            event.ignore()  # the completer's popup takes these
            return
        if key in (Qt.Key.Key_Enter, Qt.Key.Key_Return):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.editLastRequested.emit()
            else:
                self.submitted.emit(self.text())
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()  # undoable with Ctrl+Z, like any edit of the line
            self.textEdited.emit("")
            return
        super().keyPressEvent(event)

    # --- @ completion -----------------------------------------------------------------------

    def _name_start(self) -> int:
        """Where the ``@name`` being typed at the cursor starts, or -1."""
        text, cursor = self.text(), self.cursorPosition()
        at = max(text.rfind(sign, 0, cursor) for sign in AT_SIGNS)
        if at < 0 or (at > 0 and text[at - 1].isascii() and text[at - 1].isalnum()):
            return -1  # no @, or an e-mail address
        return at

    def _update_completions(self) -> None:
        at = self._name_start()
        prefix = self.text()[at + 1 : self.cursorPosition()] if at >= 0 else ""
        found: list[str] = []
        if at >= 0:
            from pm_desktop.core.quick_entry import complete_name

            found = complete_name(prefix, self._names, limit=COMPLETIONS)
        typed = " ".join(prefix.split()).casefold()
        if not found or any(name.casefold() == typed for name in found):
            self._popup.hide()
            return
        self._completions.setStringList(found)
        self.name_completer.setCompletionPrefix("")
        rect = self.cursorRect()
        rect.setWidth(max(180, self._popup.sizeHintForColumn(0) + 24))
        self.name_completer.complete(rect)
        self._popup.setCurrentIndex(self._completions.index(0, 0))

    def _insert_name(self, name: str) -> None:
        at = self._name_start()
        if at < 0:
            return
        text, cursor = self.text(), self.cursorPosition()
        rest = text[cursor:]
        inserted = f"{text[at]}{name} "
        if rest.startswith(" "):
            rest = rest[1:]
        self.setText(text[:at] + inserted + rest)  # keeps no undo step: fine for a completion
        self.setCursorPosition(at + len(inserted))
        self.textEdited.emit(self.text())


class CaptureBox(QFrame):
    """The quick-entry line with its help button, live preview and problem hint."""

    helpToggled = Signal(bool)

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captureBox")
        self._today = today
        self._names: list[str] = []
        self._saved_problems: tuple[Problem, ...] = ()
        self._saved_message = ""

        self.line = QuickEntryLine()
        self.line.setObjectName("quickEntry")
        self.line.setFont(scaled_font(self.line, 1.4))
        self.line.setPlaceholderText(
            self.tr("Type an item, e.g. {example}, then Enter").format(example=EXAMPLE)
        )
        self.line.setAccessibleName(self.tr("Quick entry"))
        self.line.setStyleSheet(
            "QLineEdit#quickEntry { padding: 7px 10px; border: 1px solid palette(mid);"
            " border-radius: 6px; background: palette(base); }"
            "QLineEdit#quickEntry:focus { border: 2px solid palette(highlight);"
            " padding: 6px 9px; }"
        )
        self.line.textChanged.connect(self._update_preview)

        self.help_button = QToolButton()
        self.help_button.setObjectName("quickEntryHelpButton")
        self.help_button.setText("?")
        self.help_button.setCheckable(True)
        self.help_button.setFont(scaled_font(self.help_button, 1.2, bold=True))
        self.help_button.setToolTip(self.tr("Quick-entry syntax (F1)"))
        self.help_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.help_button.setFixedSize(34, 34)
        self.help_button.toggled.connect(self.helpToggled)

        self.preview = ElidedLabel()
        self.preview.setObjectName("capturePreview")
        self.preview.setStyleSheet("color: palette(placeholder-text);")
        self.hint = QLabel()
        self.hint.setObjectName("captureHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.hide()

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.line, 1)
        row.addWidget(self.help_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.preview)
        layout.addWidget(self.hint)
        self._update_preview()

    # --- state from the editor ----------------------------------------------------------------

    def set_names(self, names: Sequence[str]) -> None:
        self._names = list(names)
        self.line.set_names(names)
        self._update_preview()

    def set_editable(self, editable: bool) -> None:
        self.line.setEnabled(editable)
        self.preview.setVisible(editable)  # its tips are about typing
        if not editable:
            self.line.setPlaceholderText(self.tr("The minutes are closed: reopen to add items"))
        else:
            self.line.setPlaceholderText(
                self.tr("Type an item, e.g. {example}, then Enter").format(example=EXAMPLE)
            )

    def reset(self, text: str = "") -> None:
        """A meeting was opened: show its draft (if any) and no feedback of another meeting."""
        self._saved_problems = ()
        self._saved_message = ""
        self.line.reset(text)
        self._update_preview()

    def show_saved(self, message: str, problems: tuple[Problem, ...]) -> None:
        """An item was saved from the line: clear the line and say so, with what was unclear."""
        self._saved_message = message
        self._saved_problems = problems
        self.line.reset()
        self._update_preview()

    def show_error(self, message: str) -> None:
        """The line could not be saved; it stays in place (and in the draft)."""
        self._set_hint(message, ERROR)

    # --- preview ------------------------------------------------------------------------------

    def parse(self, text: str) -> ParsedEntry | None:
        """The line as the parser reads it; None for a blank line."""
        if not text.strip():
            return None
        from pm_desktop.core.quick_entry import EmptyEntryError, parse_entry

        try:
            return parse_entry(text, today=self._today(), names=self._names)
        except EmptyEntryError:
            return None

    def _update_preview(self) -> None:
        entry = self.parse(self.line.text())
        if entry is None:
            if self._saved_message:
                self.preview.set_full_text(self._saved_message)
                self.preview.setStyleSheet(f"color: {SUCCESS.name()};")
            else:
                self.preview.set_full_text(
                    self.tr(
                        "Enter adds the item · Esc clears the line · "
                        "Ctrl+Z on an empty line undoes · F1 shows the syntax"
                    )
                )
                self.preview.setStyleSheet("color: palette(placeholder-text);")
            problems = self._saved_problems
        else:
            self.preview.set_full_text(self._describe(entry))
            self.preview.setStyleSheet("color: palette(placeholder-text);")
            problems = entry.problems or self._saved_problems
        if problems:
            self._set_hint("\n".join(problem_message(p) for p in problems), WARNING)
        else:
            self.hint.hide()

    def _set_hint(self, text: str, color: QColor) -> None:
        self.hint.setStyleSheet(f"color: {color.name()};")
        self.hint.setText(text)
        self.hint.show()

    def _describe(self, entry: ParsedEntry) -> str:
        from pm_desktop.core.quick_entry import EntryKind

        if entry.kind is EntryKind.DECISION:
            return self.tr("Decision: {text}").format(text=entry.what)
        if entry.kind is EntryKind.NOTE:
            return self.tr("Note: {text}").format(text=entry.what)
        parts = [self.tr("Action: {what}").format(what=entry.what or "…")]
        parts.append(
            self.tr("Who: {who}").format(who=entry.who) if entry.who else self.tr("no Who yet")
        )
        parts.append(
            self.tr("When: {when}").format(when=due_text(entry.due, self._today()))
            if entry.due
            else self.tr("no When yet")
        )
        if entry.where:
            parts.append(self.tr("Where: {where}").format(where=entry.where))
        if entry.why:
            parts.append(self.tr("Why: {why}").format(why=entry.why))
        if entry.how:
            parts.append(self.tr("How: {how}").format(how=entry.how))
        return self.tr(" · ").join(parts)
