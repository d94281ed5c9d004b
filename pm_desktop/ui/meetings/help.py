"""The quick-entry syntax, shown beside the capture line (F1 or the "?" button)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from pm_desktop.ui.style import MUTED, section_title

HELP_HEIGHT = 270


def example_meaning(meaning: str) -> str:
    """The translated explanation of one of the parser's SYNTAX_EXAMPLES (as given if unknown)."""
    translate = QCoreApplication.translate
    known = {
        "Action: 提交调研报告; who 张伟; due tomorrow; where 客户总部; why 为了评审": translate(
            "QuickEntryHelp",
            "Action: 提交调研报告; who 张伟; due tomorrow; where 客户总部; why 为了评审",
        ),
        "Action owned by 李红梅, due Friday of next week": translate(
            "QuickEntryHelp", "Action owned by 李红梅, due Friday of next week"
        ),
        "Owner 张伟 (an attendee) even without a space; due this coming Friday": translate(
            "QuickEntryHelp",
            "Owner 张伟 (an attendee) even without a space; due this coming Friday",
        ),
        "Action owned by Anna Smith, due Friday of next week, where Zoom": translate(
            "QuickEntryHelp", "Action owned by Anna Smith, due Friday of next week, where Zoom"
        ),
        "Due 1 December (the next one); how 远程登录 (? and ~ go last)": translate(
            "QuickEntryHelp", "Due 1 December (the next one); how 远程登录 (? and ~ go last)"
        ),
        "Due in 3 days; why: the audit": translate(
            "QuickEntryHelp", "Due in 3 days; why: the audit"
        ),
        "A decision, recorded as typed": translate(
            "QuickEntryHelp", "A decision, recorded as typed"
        ),
        "A note, recorded as typed": translate("QuickEntryHelp", "A note, recorded as typed"),
        "A decision (short form)": translate("QuickEntryHelp", "A decision (short form)"),
        "No due date: 2026-02-30 does not exist (flagged)": translate(
            "QuickEntryHelp", "No due date: 2026-02-30 does not exist (flagged)"
        ),
        "#123 stays text (a ticket number)": translate(
            "QuickEntryHelp", "#123 stays text (a ticket number)"
        ),
        "A place with spaces in brackets; due 1 December": translate(
            "QuickEntryHelp", "A place with spaces in brackets; due 1 December"
        ),
    }
    return known.get(meaning, meaning)


class QuickEntryHelp(QFrame):
    """What can be typed in the quick-entry line: the markers and keys, beside examples."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickEntryHelp")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.rules = _rich_label(self._rules_html(), "quickEntryHelpRules")
        self.examples = _rich_label("", "quickEntryHelpExamples")  # filled when first shown
        columns = QWidget()
        row = QHBoxLayout(columns)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(18)
        row.addWidget(self.rules, 1)
        row.addWidget(self.examples, 1)
        scroll = QScrollArea()
        scroll.setWidget(columns)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 6, 8)
        layout.setSpacing(4)
        layout.addWidget(section_title(self.tr("Quick-entry syntax")))
        layout.addWidget(scroll, 1)
        self.setMaximumHeight(HELP_HEIGHT)

    def showEvent(self, event: QShowEvent) -> None:
        if not self.examples.text():
            self.examples.setText(self._examples_html())
        super().showEvent(event)

    def _rules_html(self) -> str:
        rules = [
            (self.tr("Action"), self.tr("any line; or start with 待办： todo:")),
            (self.tr("Decision"), self.tr("start with 决定： 决议： D: /d")),
            (self.tr("Note"), self.tr("start with 备注： 记录： N: /n")),
            (self.tr("Who"), self.tr("@name: type @ to pick an attendee")),
            (
                self.tr("When"),
                self.tr("明天 周五 下周五 月底 12月1日 2026-12-01 +3d, or !12/1 截止12.1 by fri"),
            ),
            (self.tr("Where"), self.tr("#place, #[Room 301]")),
            (self.tr("Why"), self.tr("?reason, 为了… because… (put it last)")),
            (self.tr("How"), self.tr("~method, 方法：… (put it last)")),
        ]
        keys = [
            ("Enter", self.tr("save the line")),
            ("Esc", self.tr("clear the line")),
            ("Ctrl+Enter", self.tr("edit the last item")),
            ("Ctrl+Z", self.tr("undo (on an empty line)")),
            ("F1", self.tr("show or hide this help")),
        ]
        keys_title = escape(self.tr("Keys"))
        return (
            f"<table>{_rows(rules, bold=True)}</table>"
            f"<p style='margin: 8px 0 2px 0'><b>{keys_title}</b></p>"
            f"<table>{_rows(keys, code=True)}</table>"
        )

    def _examples_html(self) -> str:
        from pm_desktop.core.quick_entry import SYNTAX_EXAMPLES

        examples_title = escape(self.tr("Examples"))
        html = [f"<p style='margin: 0 0 2px 0'><b>{examples_title}</b></p>"]
        for example, meaning in SYNTAX_EXAMPLES:
            html.append(
                f"<p style='margin: 4px 0 0 0'><code>{escape(example)}</code><br/>"
                f"<span style='color: {MUTED.name()}'>{escape(example_meaning(meaning))}</span></p>"
            )
        html.append(
            f"<p style='margin-top: 10px; color: {MUTED.name()}'>"
            + escape(
                self.tr(
                    "Nothing is dropped: what the line does not understand stays in What, and "
                    "the hint under the line says why. An item without Who or When is marked "
                    "“To be set” until you fill it in the table."
                )
            )
            + "</p>"
        )
        return "".join(html)


def _rich_label(html: str, name: str) -> QLabel:
    label = QLabel(html)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _rows(pairs: list[tuple[str, str]], *, bold: bool = False, code: bool = False) -> str:
    cell = "padding: 1px 10px 1px 0;"
    out = []
    for name, text in pairs:
        shown = escape(name)
        if bold:
            shown = f"<b>{shown}</b>"
        if code:
            shown = f"<code>{shown}</code>"
        out.append(
            f"<tr><td style='{cell} white-space: nowrap'>{shown}</td>"
            f"<td style='{cell}'>{escape(text)}</td></tr>"
        )
    return "".join(out)
