"""Import and export of the stakeholder register: CSV and XLSX both ways, the map as PNG and PDF.

An import is read and checked first and shown in a preview; only the rows the user confirms are
written, in one undoable step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QObject, QStandardPaths
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from pm_desktop.core.enums import Attitude, RoleClass
from pm_desktop.core.errors import ExportError, PmError
from pm_desktop.core.stakeholder_table import ImportPreview, preview_import
from pm_desktop.core.stakeholders import Quadrant, StakeholderRecord
from pm_desktop.export.atomic import atomic_output
from pm_desktop.export.stakeholder_map_pdf import MapLabels, write_map_pdf
from pm_desktop.export.stakeholder_register import (
    ImportFailure,
    ImportFileError,
    read_table,
    write_csv,
    write_xlsx,
)
from pm_desktop.ui.background import Cancelled, run_in_background
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.export_file import save_in_background
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
        records, language = list(self._records), ui_language()
        return self._write(out, lambda path: write_csv(path, records, language))

    def export_xlsx(self, out: Path | None = None) -> Path | None:
        out = out or self._ask_path(
            self.tr("stakeholders"), ".xlsx", self.tr("Excel workbook (*.xlsx)")
        )
        records, language, sheet = list(self._records), ui_language(), self.tr("Stakeholders")
        return self._write(out, lambda path: write_xlsx(path, records, language, sheet))

    def export_png(self, out: Path | None = None) -> Path | None:
        out = out or self._ask_path(
            self.tr("stakeholder map"), ".png", self.tr("PNG image (*.png)")
        )
        image = self._workspace.map.to_image()  # drawn here: the scene belongs to this thread

        def save(path: Path) -> None:
            with atomic_output(path, ".png") as stream:
                buffer = QBuffer()
                buffer.open(QIODevice.OpenModeFlag.WriteOnly)
                if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # stubs say bytes
                    raise ExportError(path, "the image could not be encoded")
                stream.write(bytes(buffer.data().data()))

        return self._write(out, save)

    def export_pdf(self, out: Path | None = None) -> Path | None:
        out = out or self._ask_path(self.tr("stakeholder map"), ".pdf", self.tr("PDF (*.pdf)"))
        records, labels = list(self._records), map_labels(self._project_name(), len(self._records))
        return self._write(out, lambda path: write_map_pdf(path, records, labels))

    def _write(self, out: Path | None, write: Callable[[Path], None]) -> Path | None:
        return save_in_background(self._workspace, out, write)

    # --- import -------------------------------------------------------------------------

    def import_file(self, path: Path | None = None) -> list[str]:
        """Read ``path`` (asked for if None), show the preview, and import the chosen rows.
        Returns the new stakeholders' ids (empty when nothing was imported)."""
        project_id = self._workspace.project_id
        path = path or self._ask_import_path()
        preview = self._preview(project_id, path) if project_id and path else None
        if preview is None or path is None:
            return []
        dialog = ImportPreviewDialog(preview, path.name, self._workspace)
        chosen = dialog.chosen() if dialog.exec() == ImportPreviewDialog.DialogCode.Accepted else []
        if not chosen:
            return []
        command = ImportStakeholdersCommand(self._service(), project_id, chosen, self._done)
        self._push(command)
        return list(command.ids)

    def _ask_import_path(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getOpenFileName(
            self._workspace,
            self.tr("Import stakeholders"),
            folder,
            self.tr("Tables (*.csv *.xlsx *.txt);;All files (*)"),
        )
        return Path(name) if name else None

    def _preview(self, project_id: str, path: Path) -> ImportPreview | None:
        """Read and check the file off the GUI thread; None if it cannot be read (said why)
        or the user cancelled."""
        register = self._service().of_project(project_id)
        names = [r.name for r in register]
        one_ws = [r.name for r in register if r.role_class is RoleClass.ONE_W]

        def check() -> ImportPreview:
            table = read_table(path)
            return preview_import(
                table.headers, table.rows, names, lines=table.lines or None, existing_one_w=one_ws
            )

        try:
            return run_in_background(
                self._workspace, self.tr("Reading {file}…").format(file=path.name), check
            )
        except Cancelled:
            return None
        except ImportFileError as error:
            QMessageBox.warning(
                self._workspace,
                self.tr("Import stakeholders"),
                self.tr("{file} cannot be imported.").format(file=path.name)
                + "\n\n"
                + import_failure_text(error),
            )
            return None
