"""Saving an export off the GUI thread: a busy dialog that can be cancelled, the file written
beside its destination first, and a clear message when it cannot be saved."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from pm_desktop.core.errors import ExportError, PmError
from pm_desktop.export.atomic import os_reason
from pm_desktop.ui.background import Cancelled, run_in_background

translate = QCoreApplication.translate


def ask_save_path(parent: QWidget, stem: str, suffix: str, kinds: str) -> Path | None:
    """Ask where to save, starting in Documents with ``stem``; the suffix is added if missing."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    stem = "".join(c for c in stem if c not in '\\/:*?"<>|').strip() or "export"
    name, _ = QFileDialog.getSaveFileName(
        parent, translate("Export", "Save as"), str(Path(folder) / f"{stem}{suffix}"), kinds
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def save_in_background(
    parent: QWidget, out: Path | None, write: Callable[[Path], object]
) -> Path | None:
    """Write ``out`` off the GUI thread; a cancelled export leaves no file behind and a file
    already at ``out`` untouched (the work goes to a hidden file beside it)."""
    if out is None:
        return None
    draft = out.with_name(f".{out.stem}.exporting{out.suffix}")

    def work() -> Path:
        write(draft)
        return draft

    try:
        run_in_background(
            parent,
            translate("Export", "Saving {file}…").format(file=out.name),
            work,
            discard=lambda made: made.unlink(missing_ok=True),
        )
        os.replace(draft, out)
    except Cancelled:
        return None
    except OSError as error:
        draft.unlink(missing_ok=True)
        report_export_error(parent, out, ExportError(out, os_reason(error)))
        return None
    except PmError as error:
        report_export_error(parent, out, error)
        return None
    return out


def report_export_error(parent: QWidget, out: Path, error: PmError) -> None:
    reason = error.reason if isinstance(error, ExportError) else str(error)
    QMessageBox.warning(
        parent,
        translate("Export", "Export"),
        translate("Export", "{file} could not be saved: {reason}").format(
            file=out.name, reason=reason
        )
        + "\n\n"
        + translate(
            "Export", "Choose another folder, or close the file if another program has it open."
        ),
    )
