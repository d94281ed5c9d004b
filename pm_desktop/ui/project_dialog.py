"""Dialog to create a project or rename one; invalid input is explained at the field."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from pm_desktop.core.enums import ProjectType
from pm_desktop.core.errors import ValidationError
from pm_desktop.core.projects import clean_project_name


@dataclass(frozen=True)
class ProjectFields:
    name: str
    client: str
    project_type: ProjectType
    contract_signed_on: date | None


def project_type_label(kind: ProjectType) -> str:
    labels = {
        ProjectType.CUSTOMISATION: QCoreApplication.translate(
            "ProjectDialog", "Product customisation (二开)"
        ),
        ProjectType.IMPLEMENTATION: QCoreApplication.translate("ProjectDialog", "Implementation"),
        ProjectType.OPERATIONS: QCoreApplication.translate(
            "ProjectDialog", "Operations and maintenance"
        ),
        ProjectType.CONSULTING: QCoreApplication.translate("ProjectDialog", "Consulting"),
        ProjectType.OTHER: QCoreApplication.translate("ProjectDialog", "Other"),
    }
    return labels[kind]


class ProjectDialog(QDialog):
    """Asks for a new project's fields, or (``rename_of`` given) for a new name only."""

    def __init__(self, parent: QWidget | None = None, *, rename_of: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rename project") if rename_of else self.tr("New project"))
        self._name = QLineEdit(rename_of or "")
        self._name.setPlaceholderText(
            self.tr("e.g. Digital transformation consulting, East China Group")
        )
        self._name.selectAll()
        self._error = QLabel()
        self._error.setObjectName("fieldError")
        self._error.setStyleSheet("color: #c62828;")
        self._error.hide()
        self._client = QLineEdit()
        self._type = QComboBox()
        for kind in ProjectType:
            self._type.addItem(project_type_label(kind), kind)
        self._type.setCurrentIndex(self._type.findData(ProjectType.IMPLEMENTATION))
        self._has_t = QCheckBox(self.tr("Signed on"))
        self._signed_on = QDateEdit(QDate.currentDate())
        self._signed_on.setCalendarPopup(True)
        self._signed_on.setDisplayFormat("yyyy-MM-dd")
        self._signed_on.setEnabled(False)
        self._has_t.toggled.connect(self._signed_on.setEnabled)
        signed_row = QHBoxLayout()
        signed_row.addWidget(self._has_t)
        signed_row.addWidget(self._signed_on, 1)

        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self._name)
        form.addRow("", self._error)
        if rename_of is None:
            form.addRow(self.tr("&Client:"), self._client)
            form.addRow(self.tr("&Type:"), self._type)
            form.addRow(self.tr("Contract signed (T):"), signed_row)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        form.addRow(self._buttons)
        self._name.textChanged.connect(self._validate)
        self._validate()
        self.setMinimumWidth(460)

    def _validate(self) -> bool:
        try:
            clean_project_name(self._name.text())
        except ValidationError:
            empty = not self._name.text().strip()
            self._error.setText(
                self.tr("A project needs a name.")
                if empty
                else self.tr("A project name has at most 200 characters.")
            )
            self._error.setVisible(not empty or self._name.isModified())
            self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return False
        self._error.hide()
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        return True

    def accept(self) -> None:
        if self._validate():
            super().accept()

    def fields(self) -> ProjectFields:
        signed = self._signed_on.date().toPython() if self._has_t.isChecked() else None
        return ProjectFields(
            name=clean_project_name(self._name.text()),
            client=self._client.text().strip(),
            project_type=ProjectType(self._type.currentData()),
            contract_signed_on=signed if isinstance(signed, date) else None,
        )
