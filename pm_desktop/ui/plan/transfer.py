"""The master plan to and from files: CSV and Microsoft Project XML both ways, PDF out.

A file is read and checked off the GUI thread before anything is written; a bad one is refused
with its line or task named and the plan unchanged. The user then chooses to add the file's
tasks to the plan or to replace the plan; either is one undoable step.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolButton, QWidget

from pm_desktop.core.errors import PmError
from pm_desktop.core.plan_exchange import PlanDocument
from pm_desktop.export.mspdi import read_mspdi, write_mspdi
from pm_desktop.export.plan_csv import ENGLISH_HEADERS, read_plan_csv, write_plan_csv
from pm_desktop.export.plan_pdf import ENGLISH_MONTHS, PlanPdfLabels, write_plan_pdf
from pm_desktop.ui.background import Cancelled, run_in_background
from pm_desktop.ui.export_file import ask_save_path, save_in_background
from pm_desktop.ui.i18n import ui_language
from pm_desktop.ui.plan.commands import ImportPlanCommand
from pm_desktop.ui.plan.messages import plan_error_text

if TYPE_CHECKING:
    from pm_desktop.ui.plan.plan_tab import MasterPlanTab

translate = QCoreApplication.translate


def pdf_labels() -> PlanPdfLabels:
    """Every word of the plan PDF, in the UI language."""
    chinese = ui_language().startswith("zh")
    return PlanPdfLabels(
        column_wbs=translate("PlanPdf", "WBS"),
        column_name=translate("PlanPdf", "Task name"),
        column_duration=translate("PlanPdf", "Duration"),
        duration_unit=translate("PlanPdf", "working days"),
        column_start=translate("PlanPdf", "Start"),
        column_finish=translate("PlanPdf", "Finish"),
        column_percent=translate("PlanPdf", "% Complete"),
        task=translate("PlanPdf", "Task"),
        critical=translate("PlanPdf", "Critical"),
        progress=translate("PlanPdf", "Progress"),
        summary=translate("PlanPdf", "Summary"),
        milestone=translate("PlanPdf", "Milestone"),
        baseline=translate("PlanPdf", "Baseline"),
        dependency=translate("PlanPdf", "Dependency"),
        non_working=translate("PlanPdf", "Non-working day"),
        today=translate("PlanPdf", "Today"),
        page=translate("PlanPdf", "Page {page} of {pages}"),
        printed=translate("PlanPdf", "Printed {date}"),
        contract=translate("PlanPdf", "T (contract signed) {date}"),
        no_tasks=translate("PlanPdf", "The plan has no tasks."),
        scale_month="{year}年{month}月" if chinese else "{month_name} {year}",
        scale_year="{year}年" if chinese else "{year}",
        month_names=tuple(f"{n}月" for n in range(1, 13)) if chinese else ENGLISH_MONTHS,
    )


class PlanTransfer(QObject):
    """The Import and Export menus of the master-plan tab."""

    def __init__(self, tab: MasterPlanTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Plan as PDF…"), self.export_pdf)
        menu.addAction(self.tr("Tasks as CSV…"), self.export_csv)
        menu.addAction(self.tr("Microsoft Project XML…"), self.export_mspdi)
        self.export_button.setMenu(menu)
        self.import_button = QToolButton()
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(
            self.tr("Tasks from CSV or Excel, or a plan from Microsoft Project, ProjectLibre or "
                    "GanttProject (XML)")
        )  # fmt: skip
        self.import_button.clicked.connect(self._import_clicked)

    def _parent(self) -> QWidget:
        return self._tab

    def _name(self) -> str:
        project_id = self._tab.context.project_id
        try:
            return self._tab.context.services().projects.get(project_id).name
        except PmError:
            return ""

    def _document(self) -> PlanDocument:
        return self._tab.context.service().export_document(self._tab.context.project_id)

    # --- export -------------------------------------------------------------------------

    def export_csv(self, out: Path | None = None) -> Path | None:
        out = out or ask_save_path(
            self._parent(), self._name() + self.tr(" plan"), ".csv", self.tr("CSV (*.csv)")
        )
        document = self._document()
        headers = None if ui_language().startswith("zh") else ENGLISH_HEADERS
        return save_in_background(
            self._parent(), out, lambda path: write_plan_csv(document, path, headers=headers)
        )

    def export_mspdi(self, out: Path | None = None) -> Path | None:
        out = out or ask_save_path(
            self._parent(),
            self._name() + self.tr(" plan"),
            ".xml",
            self.tr("Microsoft Project XML (*.xml)"),
        )
        document, calendar = self._document(), self._tab.snapshot.calendar
        return save_in_background(
            self._parent(), out, lambda path: write_mspdi(document, path, calendar=calendar)
        )

    def export_pdf(self, out: Path | None = None) -> Path | None:
        out = out or ask_save_path(
            self._parent(), self._name() + self.tr(" master plan"), ".pdf", self.tr("PDF (*.pdf)")
        )
        snapshot = self._tab.snapshot
        title, labels = self._name(), pdf_labels()
        signed = snapshot.contract_signed_on or self._tab.context.today()
        today = self._tab.context.today()
        return save_in_background(
            self._parent(),
            out,
            lambda path: write_plan_pdf(
                path,
                title=title,
                contract_signed_on=signed,
                tasks=list(snapshot.tasks),
                links=list(snapshot.links),
                calendar=snapshot.calendar,
                labels=labels,
                today=today,
            ),
        )

    # --- import -------------------------------------------------------------------------

    def _import_clicked(self) -> None:
        self.import_file()

    def import_file(self, path: Path | None = None, *, replace: bool | None = None) -> bool:
        """Read ``path`` (asked for if None), then add its tasks to the plan or replace the
        plan (asked if ``replace`` is None). True if the plan changed."""
        path = path or self._ask_import_path()
        document = None if path is None else self._read(path)
        if path is None or document is None:
            return False
        if replace is None:
            replace = self._ask_replace(path, document)
            if replace is None:
                return False
        command = ImportPlanCommand(
            self._tab.context.service(),
            self._tab.context.project_id,
            document,
            replace=replace,
            label=path.name,
            done=self._tab.context.done,
        )
        error = self._tab.context.push(command)
        if error is not None:
            self._refuse(path, plan_error_text(error))
            return False
        summary = command.summary
        notices = []
        if summary is not None and summary.moved_to_t:
            notices.append(
                self.tr(
                    "%n task(s) started before T in the file and now start at T: {names}.",
                    "",
                    len(summary.moved_to_t),
                ).format(names=", ".join(summary.moved_to_t[:5]))
            )
        if summary is not None and summary.people_added:
            notices.append(
                self.tr("Added to the resource pool: {names}.").format(
                    names=", ".join(summary.people_added)
                )
            )
        self._tab.show_notice(" ".join(notices))
        return True

    def _read(self, path: Path) -> PlanDocument | None:
        """The file's plan, read off the GUI thread; None if it was refused or cancelled."""
        calendar = self._tab.snapshot.calendar
        try:
            return run_in_background(
                self._parent(),
                self.tr("Reading {file}…").format(file=path.name),
                lambda: (
                    read_mspdi(path, calendar=calendar)
                    if path.suffix.lower() == ".xml"
                    else read_plan_csv(path)
                ),
            )
        except Cancelled:
            return None
        except PmError as error:
            self._refuse(path, plan_error_text(error))
        except OSError as error:
            self._refuse(path, error.strerror or str(error))
        return None

    def _ask_import_path(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getOpenFileName(
            self._parent(),
            self.tr("Import a Plan"),
            folder,
            self.tr("Plans (*.csv *.xlsx *.xml);;CSV (*.csv);;Excel (*.xlsx);;"
                    "Microsoft Project XML (*.xml)"),
        )  # fmt: skip
        return Path(name) if name else None

    def _ask_replace(self, path: Path, document: PlanDocument) -> bool | None:
        box = QMessageBox(self._parent())
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Import a Plan"))
        text = self.tr("{file} has %n task(s).", "", len(document.entries)).format(file=path.name)
        if document.warnings:
            text += "\n\n" + "\n".join(document.warnings)
        box.setText(text)
        add = box.addButton(self.tr("Add to the Plan"), QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(self.tr("Replace the Plan"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(add)
        box.exec()
        if box.clickedButton() is add:
            return False
        if box.clickedButton() is replace:
            return True
        return None

    def _refuse(self, path: Path, reason: str) -> None:
        QMessageBox.warning(
            self._parent(),
            self.tr("Import a Plan"),
            self.tr("{file} was not imported: {reason}").format(file=path.name, reason=reason)
            + "\n\n"
            + self.tr("The plan is unchanged."),
        )
