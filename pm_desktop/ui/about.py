"""The About dialog."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from pm_desktop import __version__


def show_about(parent: QWidget, database: str) -> None:
    QMessageBox.about(
        parent,
        QCoreApplication.translate("About", "About PM Desktop"),
        QCoreApplication.translate(
            "About",
            "<h3>PM Desktop {version}</h3>"
            "<p>Offline-first project management for field project managers "
            "and meeting scribes.</p>"
            "<p>Database: {database}<br>Qt {qt}</p>",
        ).format(version=__version__, database=html.escape(database), qt=qVersion()),
    )
