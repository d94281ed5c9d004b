"""Dialogs of the Team workspace: a person of the pool, a pool event, an assignment.

Each checks what it can (amounts in yuan, dates) and then hands the values to ``submit``, which
runs the command; a refusal is shown at the field concerned and the dialog stays open.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.cost import parse_yuan, yuan_text
from pm_desktop.core.enums import PersonKind, PoolEventKind, ServiceOrderType
from pm_desktop.core.errors import PmError, ValidationError
from pm_desktop.core.team import MAX_ALLOCATION_PCT, PersonRecord, RoleSpec, name_key
from pm_desktop.ui.delegates import pydate, qdate
from pm_desktop.ui.style import ERROR, MUTED
from pm_desktop.ui.team.labels import (
    amount_refused_text,
    event_kind_label,
    field_error_text,
    order_type_hint,
    order_type_label,
    person_kind_label,
)

Submit = Callable[[dict[str, Any]], PmError | None]
SKILL_SEPARATORS = re.compile(r"[,，、;；/]+")
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole


def split_skills(text: str) -> list[str]:
    """``ERP，MES、数据治理`` as three skills (Chinese and Latin separators)."""
    return [s.strip() for s in SKILL_SEPARATORS.split(text) if s.strip()]


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(2000, 1, 1))
    return edit


class FieldForm(QDialog):
    """A form whose fields each have a red message line under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.error = self._message_label()
        self.error.setObjectName("teamDialogError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    @staticmethod
    def _message_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {ERROR.name()};")
        label.hide()
        return label

    def add_field(self, field: str, label: str, widget: QWidget) -> None:
        widget.setObjectName(f"field-{field}")
        self.fields[field] = widget
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        message = self._message_label()
        message.setObjectName(f"error-{field}")
        layout.addWidget(message)
        self.errors[field] = message
        self.form.addRow(label, box)

    def finish_layout(self, *extra: QWidget) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        for widget in extra:
            layout.addWidget(widget)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.error):
            label.hide()

    def show_error(self, field: str, text: str) -> None:
        label = self.errors.get(field, self.error)
        label.setText(text)
        label.show()
        if field in self.fields:
            self.fields[field].setFocus()

    def show_refusal(self, error: PmError) -> None:
        field = error.field if isinstance(error, ValidationError) else None
        self.show_error(field or "", field_error_text(error))

    def refused_field(self) -> str:
        """The first field showing a message, or ""."""
        return next((f for f, label in self.errors.items() if not label.isHidden()), "")


# --- a person of the pool -------------------------------------------------------------------


class PersonDialog(FieldForm):
    def __init__(
        self, person: PersonRecord | None, submit: Submit, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.setWindowTitle(
            self.tr("Add someone to the pool")
            if person is None
            else self.tr("Edit {name}").format(name=person.name)
        )
        self._person = person
        self._submit = submit
        self.name = QLineEdit(person.name if person else "")
        self.name.setMaxLength(200)
        self.company = QLineEdit(person.company if person else "")
        self.kind = QComboBox()
        for kind in PersonKind:
            self.kind.addItem(person_kind_label(kind), kind.value)
        if person is not None:
            self.kind.setCurrentIndex(self.kind.findData(person.kind.value))
        self.skills = QLineEdit("，".join(person.skills) if person else "")
        self.skills.setPlaceholderText(self.tr("e.g. ERP, 数据治理, 项目管理"))
        self.day_rate = QLineEdit(yuan_text(person.day_rate_fen) if person else "")
        self.day_rate.setPlaceholderText(self.tr("yuan per day, e.g. 2,800"))
        self.month_rate = QLineEdit(yuan_text(person.month_rate_fen) if person else "")
        self.month_rate.setPlaceholderText(self.tr("yuan per month, e.g. 52,000"))
        self.email = QLineEdit(person.email if person else "")
        self.phone = QLineEdit(person.phone if person else "")
        self.notes = QPlainTextEdit(person.notes if person else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.add_field("name", self.tr("&Name"), self.name)
        self.add_field("company", self.tr("&Company"), self.company)
        self.add_field("kind", self.tr("&Kind"), self.kind)
        self.add_field("skills", self.tr("&Skills"), self.skills)
        self.add_field("day_rate_fen", self.tr("&Day rate (yuan)"), self.day_rate)
        self.add_field("month_rate_fen", self.tr("&Month rate (yuan)"), self.month_rate)
        self.add_field("email", self.tr("E-&mail"), self.email)
        self.add_field("phone", self.tr("&Phone"), self.phone)
        self.add_field("notes", self.tr("N&otes"), self.notes)
        self.finish_layout()
        self.resize(440, self.sizeHint().height())

    def values(self) -> dict[str, Any] | None:
        """The fields as the service takes them, or None (with messages) when a rate is not
        an amount."""
        values: dict[str, Any] = {
            "name": " ".join(self.name.text().split()),
            "company": self.company.text().strip(),
            "kind": PersonKind(self.kind.currentData()),
            "skills": split_skills(self.skills.text()),
            "email": self.email.text().strip(),
            "phone": self.phone.text().strip(),
            "notes": self.notes.toPlainText().strip(),
        }
        if not values["name"]:
            self.show_error("name", field_error_text(ValidationError("", field="name")))
        for field, edit in (("day_rate_fen", self.day_rate), ("month_rate_fen", self.month_rate)):
            text = edit.text()
            try:
                values[field] = parse_yuan(text) if text.strip() else 0
            except ValueError:
                self.show_error(field, amount_refused_text())
        return None if self.refused_field() else values

    def changes(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Only what differs from the person as they were (everything for a new person)."""
        if self._person is None:
            return dict(values)
        before = self._person
        return {
            key: value
            for key, value in values.items()
            if (list(before.skills) if key == "skills" else getattr(before, key)) != value
        }

    def accept(self) -> None:
        self.clear_errors()
        values = self.values()
        if values is None:
            return
        changes = self.changes(values)
        if changes:
            error = self._submit(changes)
            if error is not None:
                self.show_refusal(error)
                return
        super().accept()


# --- a pool event ---------------------------------------------------------------------------


class EventDialog(FieldForm):
    def __init__(
        self,
        person: PersonRecord,
        today: date,
        project_name: str,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("poolEventDialog")
        self.setWindowTitle(self.tr("Record an event of {name}").format(name=person.name))
        self._submit = submit
        self.kind = QComboBox()
        for kind in PoolEventKind:
            self.kind.addItem(event_kind_label(kind), kind.value)
        self.occurred_on = _date_edit(today)
        self.occurred_on.setMaximumDate(qdate(today))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.note.setPlaceholderText(self.tr("What happened; for red and black, say it plainly."))
        self.about = QCheckBox(self.tr("About this project ({name})").format(name=project_name))
        self.about.setChecked(bool(project_name))
        self.about.setEnabled(bool(project_name))
        self.add_field("kind", self.tr("&Event"), self.kind)
        self.add_field("occurred_on", self.tr("&Date"), self.occurred_on)
        self.add_field("note", self.tr("&Note"), self.note)
        hint = QLabel(self.tr("The pool history only grows: an event cannot be edited later."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED.name()};")
        self.finish_layout(self.about, hint)
        self.resize(420, self.sizeHint().height())

    def accept(self) -> None:
        self.clear_errors()
        day = pydate(self.occurred_on.date())
        assert day is not None
        error = self._submit(
            {
                "kind": PoolEventKind(self.kind.currentData()),
                "occurred_on": day,
                "note": self.note.toPlainText().strip(),
                "about": self.about.isChecked(),
            }
        )
        if error is not None:
            self.show_refusal(error)
            return
        super().accept()


# --- an assignment --------------------------------------------------------------------------


class AssignDialog(FieldForm):
    """Someone from the pool (searched by name or skill), a role, a period, a share, a type."""

    def __init__(
        self,
        people: Sequence[PersonRecord],
        roles: Sequence[RoleSpec],
        period: tuple[date, date],
        submit: Submit,
        *,
        role: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(self.tr("Assign someone to the project"))
        self._people = list(people)
        self._submit = submit
        picker = self._build_picker()
        self._build_fields(roles, period, role)
        self.add_field("person_id", self.tr("&Person"), picker)
        self.add_field("role_name", self.tr("&Role"), self.role)
        self.add_field("starts_on", self.tr("&Start"), self.starts_on)
        self.add_field("ends_on", self.tr("&End"), self.ends_on)
        self.add_field("allocation_pct", self.tr("&Allocation"), self.allocation)
        self.add_field("order_type", self.tr("Service &order"), self.order_type)
        self.add_field("package_price_fen", self.tr("Package &price"), self.package_price)
        self.add_field("service_days", self.tr("Service &days"), self.service_days)
        self.type_hint = QLabel()
        self.type_hint.setWordWrap(True)
        self.type_hint.setStyleSheet(f"color: {MUTED.name()};")
        self.finish_layout(self.type_hint)
        self._type_changed()
        self.resize(480, self.sizeHint().height())

    def _build_picker(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setObjectName("assignSearch")
        self.search.setPlaceholderText(self.tr("Search name or skill…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.people = QListWidget()
        self.people.setObjectName("assignPeople")
        self.people.setMinimumHeight(150)
        for person in self._people:
            skills = self.tr(", ").join(person.skills)
            text = f"{person.name}  ({person.company})" if person.company else person.name
            item = QListWidgetItem(f"{text}  · {skills}" if skills else text)
            item.setToolTip(skills)
            item.setData(PERSON_ID_ROLE, person.id)
            if not person.in_pool:
                item.setForeground(MUTED)
                item.setToolTip(self.tr("Has left the pool"))
            self.people.addItem(item)
        picker = QWidget()
        picker_layout = QVBoxLayout(picker)
        picker_layout.setContentsMargins(0, 0, 0, 0)
        picker_layout.addWidget(self.search)
        picker_layout.addWidget(self.people)
        return picker

    def _build_fields(
        self, roles: Sequence[RoleSpec], period: tuple[date, date], role: str
    ) -> None:
        self.role = QComboBox()
        self.role.setEditable(True)
        self.role.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for spec in roles:
            self.role.addItem(spec.name, spec.id)
        self.role.setCurrentText(role or (roles[0].name if roles else ""))
        self.starts_on = _date_edit(period[0])
        self.ends_on = _date_edit(period[1])
        self.allocation = QSpinBox()
        self.allocation.setRange(1, MAX_ALLOCATION_PCT)
        self.allocation.setValue(MAX_ALLOCATION_PCT)
        self.allocation.setSuffix("%")
        self.order_type = QComboBox()
        for kind in ServiceOrderType:
            self.order_type.addItem(order_type_label(kind), kind.value)
            self.order_type.setItemData(
                self.order_type.count() - 1, order_type_hint(kind), Qt.ItemDataRole.ToolTipRole
            )
        self.order_type.setCurrentIndex(self.order_type.findData(ServiceOrderType.D.value))
        self.order_type.currentIndexChanged.connect(lambda _i: self._type_changed())
        self.package_price = QLineEdit()
        self.package_price.setPlaceholderText(self.tr("yuan, e.g. 180,000"))
        self.service_days = QSpinBox()
        self.service_days.setRange(0, 3650)
        self.service_days.setSpecialValueText(self.tr("Working days of the period"))

    def _filter(self, text: str) -> None:
        words = name_key(text).split()
        for row, person in enumerate(self._people):
            haystack = name_key(" ".join([person.name, person.company, *person.skills]))
            self.people.item(row).setHidden(not all(w in haystack for w in words))
        visible = [i for i in range(self.people.count()) if not self.people.item(i).isHidden()]
        current = self.people.currentRow()
        if visible and (current < 0 or self.people.item(current).isHidden()):
            self.people.setCurrentRow(visible[0])

    def _type_changed(self) -> None:
        kind = ServiceOrderType(self.order_type.currentData())
        self.package_price.setEnabled(kind is ServiceOrderType.B)
        self.service_days.setEnabled(kind is ServiceOrderType.C)
        self.type_hint.setText(order_type_hint(kind))

    def select_person(self, person_id: str) -> None:
        for row in range(self.people.count()):
            if self.people.item(row).data(PERSON_ID_ROLE) == person_id:
                self.people.setCurrentRow(row)

    def values(self) -> dict[str, Any] | None:
        item = self.people.currentItem()
        if item is None or item.isHidden():
            self.show_error("person_id", field_error_text(ValidationError("", "person_id")))
            return None
        kind = ServiceOrderType(self.order_type.currentData())
        starts_on, ends_on = pydate(self.starts_on.date()), pydate(self.ends_on.date())
        values: dict[str, Any] = {
            "person_id": str(item.data(PERSON_ID_ROLE)),
            "role_name": " ".join(self.role.currentText().split()),
            "starts_on": starts_on,
            "ends_on": ends_on,
            "allocation_pct": self.allocation.value(),
            "order_type": kind,
        }
        if not values["role_name"]:
            self.show_error("role_name", field_error_text(ValidationError("", "role_name")))
        if kind is ServiceOrderType.B and self.package_price.text().strip():
            try:
                values["package_price_fen"] = parse_yuan(self.package_price.text())
            except ValueError:
                self.show_error("package_price_fen", amount_refused_text())
        if kind is ServiceOrderType.C and self.service_days.value():
            values["service_days"] = self.service_days.value()
        return None if self.refused_field() else values

    def person_name(self) -> str:
        item = self.people.currentItem()
        person_id = item.data(PERSON_ID_ROLE) if item is not None else ""
        return next((p.name for p in self._people if p.id == person_id), "")

    def accept(self) -> None:
        self.clear_errors()
        values = self.values()
        if values is None:
            return
        error = self._submit(values)
        if error is not None:
            self.show_refusal(error)
            return
        super().accept()


def default_period(today: date) -> tuple[date, date]:
    """A new assignment's period until the user says: from today, for about three months."""
    return today, today + timedelta(days=90)
