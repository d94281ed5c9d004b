"""Import and export of the stakeholder register: CSV and XLSX both ways, the map as PNG and PDF.

An import is read and checked first and shown in a preview; only the rows the user confirms are
written, in one undoable step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction, QGuiApplication, QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from pm_desktop.core.enums import Attitude, RoleClass
from pm_desktop.core.errors import ExportError, PmError
from pm_desktop.core.stakeholder_table import preview_import
from pm_desktop.core.stakeholders import Quadrant, StakeholderRecord
from pm_desktop.export.stakeholder_map_pdf import MapLabels, write_map_pdf
from pm_desktop.export.stakeholder_register import (
    ImportFailure,
    ImportFileError,
    read_table,
    write_csv,
    write_xlsx,
)
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.i18n import ui_language
from pm_desktop.ui.stakeholders.commands import ImportStakeholdersCommand
from pm_desktop.ui.stakeholders.import_dialog import ImportPreviewDialog
from pm_desktop.ui.stakeholders.labels import (
    attitude_label,
    interest_axis_label,
    power_axis_label,
    quadrant_label,
    role_badge,
)
from pm_desktop.ui.stakeholders.messages import texts

if TYPE_CHECKING:
    from pm_desktop.services.stakeholders import StakeholderService
    from pm_desktop.ui.stakeholders.workspace import StakeholdersWorkspace

translate = QCoreApplication.translate


def map_labels(project_name: str, count: int) -> MapLabels:
    """Every word of the map PDF, in the UI language."""
    return MapLabels(
        title=translate("StakeholderMapPdf", "Stakeholder map"),
        project_name=project_name,
        generated_on=translate("StakeholderMapPdf", "Generated on {date}").format(
            date=date.today().isoformat()
        ),
        power_axis=power_axis_label(),
        interest_axis=interest_axis_label(),
        quadrants={q: quadrant_label(q) for q in Quadrant},
        attitudes={a: attitude_label(a) for a in Attitude},
        badges={r: role_badge(r) for r in (RoleClass.ONE_W, RoleClass.STRONG_C)},
        legend_title=translate("StakeholderMapPdf", "Attitude:"),
        footer=translate("StakeholderMapPdf", "PM Desktop · power/interest grid"),
        more=translate("StakeholderMapPdf", "+{count} more"),
        total=texts().map_total(count).replace(str(count), "{count}", 1),
    )


def import_failure_text(error: ImportFileError) -> str:
    texts = {
        ImportFailure.UNREADABLE: translate("StakeholderImport", "The file cannot be opened."),
        ImportFailure.OLD_EXCEL: translate(
            "StakeholderImport",
            "This is an old Excel workbook (.xls). Save it as .xlsx or CSV in Excel and "
            "import that.",
        ),
        ImportFailure.BAD_WORKBOOK: translate(
            "StakeholderImport", "This Excel workbook cannot be read (damaged or encrypted)."
        ),
        ImportFailure.NOT_TEXT: translate(
            "StakeholderImport", "This is neither a CSV file nor an Excel workbook."
        ),
        ImportFailure.EMPTY: translate("StakeholderImport", "The file has no rows."),
        ImportFailure.TOO_LARGE: translate(
            "StakeholderImport", "The file is too large for a stakeholder register."
        ),
    }
    return texts.get(error.reason, describe_error(error))


class RegisterTransfer(QObject):
    """The Import / Export menu of the workspace and what its entries do."""

    def __init__(
        self,
        workspace: StakeholdersWorkspace,
        service: Callable[[], StakeholderService],
        push: Callable[[QUndoCommand], None],
        done: Callable[[PmError | None], None],
    ) -> None:
        super().__init__(workspace)
        self._workspace = workspace
        self._service = service
        self._push = push
        self._done = done
        self._records: list[StakeholderRecord] = []
        menu = QMenu(workspace)
        menu.setObjectName("stakeholderTransferMenu")
        self.import_action = self._add(menu, self.tr("Import from CSV or Excel…"), self.import_file)
        menu.addSeparator()
        self.csv_action = self._add(menu, self.tr("Export Register as CSV…"), self.export_csv)
        self.xlsx_action = self._add(menu, self.tr("Export Register as Excel…"), self.export_xlsx)
        menu.addSeparator()
        self.png_action = self._add(menu, self.tr("Export Map as PNG…"), self.export_png)
        self.pdf_action = self._add(menu, self.tr("Export Map as PDF…"), self.export_pdf)
        workspace.transfer_button.setMenu(menu)
        self.menu = menu

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def set_records(self, records: Sequence[StakeholderRecord]) -> None:
        self._records = list(records)
        for action in (self.csv_action, self.xlsx_action, self.png_action, self.pdf_action):
            action.setEnabled(bool(records))

    # --- export -------------------------------------------------------------------------

    def _project_name(self) -> str:
        return self._workspace.project_name()

    def _ask_path(self, title: str, suffix: str, kinds: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stem = self._project_name() or "stakeholders"
        stem = "".join(c for c in stem if c not in '\\/:*?"<>|').strip() or "stakeholders"
        start = str(Path(folder) / f"{stem} {title}{suffix}")
        name, _ = QFileDialog.getSaveFileName(self._workspace, self.tr("Save as"), start, kinds)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def export_csv(self, out: Path | None = None) -> Path | None:
        out = out or self._ask_path(self.tr("stakeholders"), ".csv", self.tr("CSV (*.csv)"))
        return self._write(out, lambda path: write_csv(path, self._records, ui_language()))

    def export_xlsx(self, out: Path | None = None) -> Path | None:
        out = out or self._ask_path(
            self.tr("stakeholders"), ".xlsx", self.tr("Excel workbook (*.xlsx)")
        )
        sheet = self.tr("Stakeholders")
        return self._write(out, lambda path: write_xlsx(path, self._records, ui_language(), sheet))

    def export_png(self, out: Path | None = None) -> Path | None:
        out = out or self._ask_path(
            self.tr("stakeholder map"), ".png", self.tr("PNG image (*.png)")
        )

        def save(path: Path) -> None:
            image = self._workspace.map.to_image()
            if not image.save(str(path)):
                raise ExportError(path, "the image could not be written there")

        return self._write(out, save)

    def export_pdf(self, out: Path | None = None) -> Path | None:
        out = out or self._ask_path(self.tr("stakeholder map"), ".pdf", self.tr("PDF (*.pdf)"))
        labels = map_labels(self._project_name(), len(self._records))
        return self._write(out, lambda path: write_map_pdf(path, self._records, labels))

    def _write(self, out: Path | None, write: Callable[[Path], None]) -> Path | None:
        if out is None:
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write(out)
        except PmError as error:
            QGuiApplication.restoreOverrideCursor()
            self._report_export(out, error)
            return None
        QGuiApplication.restoreOverrideCursor()
        return out

    def _report_export(self, out: Path, error: PmError) -> None:
        reason = error.reason if isinstance(error, ExportError) else str(error)
        QMessageBox.warning(
            self._workspace,
            self.tr("Export"),
            self.tr("{file} could not be saved: {reason}").format(file=out.name, reason=reason)
            + "\n\n"
            + self.tr("Choose another folder, or close the file if another program has it open."),
        )

    # --- import -------------------------------------------------------------------------

    def import_file(self, path: Path | None = None) -> list[str]:
        """Read ``path`` (asked for if None), show the preview, and import the chosen rows.
        Returns the new stakeholders' ids (empty when nothing was imported)."""
        project_id = self._workspace.project_id
        if not project_id:
            return []
        if path is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            name, _ = QFileDialog.getOpenFileName(
                self._workspace,
                self.tr("Import stakeholders"),
                folder,
                self.tr("Tables (*.csv *.xlsx *.txt);;All files (*)"),
            )
            if not name:
                return []
            path = Path(name)
        try:
            table = read_table(path)
        except ImportFileError as error:
            QMessageBox.warning(
                self._workspace,
                self.tr("Import stakeholders"),
                self.tr("{file} cannot be imported.").format(file=path.name)
                + "\n\n"
                + import_failure_text(error),
            )
            return []
        register = self._service().of_project(project_id)
        preview = preview_import(
            table.headers,
            table.rows,
            [r.name for r in register],
            lines=table.lines or None,
            existing_one_w=[r.name for r in register if r.role_class is RoleClass.ONE_W],
        )
        dialog = ImportPreviewDialog(preview, path.name, self._workspace)
        if dialog.exec() != ImportPreviewDialog.DialogCode.Accepted:
            return []
        chosen = dialog.chosen()
        if not chosen:
            return []
        command = ImportStakeholdersCommand(self._service(), project_id, chosen, self._done)
        self._push(command)
        return list(command.ids)
